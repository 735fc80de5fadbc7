"""`/interview forget` deletes everything about one member, and nothing about anyone else."""

from __future__ import annotations

from sqlalchemy import func, select

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.storage.models import FollowUp, Interview, Interviewer, Member, Reminder

LOG = '/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe; Raj Patel"'


def counts(core: Core) -> dict[str, int]:
    with core.deps.db.transaction() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Member, Interview, Interviewer, FollowUp, Reminder)
        }


async def test_forget_asks_first_then_deletes_only_that_member(
    convo: Conversation, core: Core
) -> None:
    await convo.say(":as bob")
    await convo.say('/interview log company="Beta" with="Sam Okafor"')
    bob_only = counts(core)
    await convo.say(":as ada")
    await convo.say(LOG)
    await convo.say('/interview settings timezone=Europe/Berlin signature="Ada"')
    asked = await convo.say("/interview forget")
    assert "1 interview(s)" in asked
    assert "can't be undone" in asked
    assert counts(core)["interview"] == 2
    done = await convo.say("/interview forget confirm")
    assert "everything about you is deleted" in done
    assert counts(core) == bob_only
    fresh = await convo.say("/interview settings")
    assert "Time zone: UTC (default)" in fresh
    assert "You haven't logged any interviews yet" in await convo.say("/interview list")
    await convo.say(":as bob")
    assert "#1 Beta" in await convo.say("/interview list")
