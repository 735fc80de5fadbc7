"""Retention purges an interview whose contact person is set, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.scheduling.group_jobs import GroupJobs
from bot.storage.models import Interview, Interviewer


async def test_retention_purges_an_interview_that_has_a_contact_person(
    convo: Conversation, core: Core
) -> None:
    """The purge deletes by SQL, interviewers before interviews: the contact key must let go."""
    await convo.say('/interview log company="Old" when="yesterday 3pm" with="Jo Doe; Raj Patel"')
    await convo.say("/interview outcome #1 rejected raj")
    await convo.say(":advance 100d")
    await convo.say("/interview admin retention=90d")
    assert GroupJobs(core.groups, core.delivery.messengers).purge() == 1
    with core.deps.db.transaction() as session:
        assert session.scalars(select(Interview.id)).all() == []
        assert session.scalars(select(Interviewer.id)).all() == []
