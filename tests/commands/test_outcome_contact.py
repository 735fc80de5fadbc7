"""`outcome #3 offer Hana`: who told the member gets the notes about the whole process."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.storage.models import Interview

PANEL = (
    '/interview log company="Acme" when="yesterday 3pm" with="Dr. Hana Kobayashi (CTO) '
    '<hana@acme.com>; Tomás Ruiz; Jane Doe"'
)


def contact(core: Core) -> str | None:
    with core.deps.db.transaction() as session:
        interview = session.scalars(select(Interview)).one()
        return interview.contact.name if interview.contact else None


def titles(reply: str) -> list[str]:
    return re.findall(r"^--- (Draft .*?) ---$", reply, flags=re.MULTILINE)


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("offer Hana", "Dr. Hana Kobayashi"),
        ("rejected dr kobayashi", "Dr. Hana Kobayashi"),
        ("next_round Tomas", "Tomás Ruiz"),
        ("next round tomás", "Tomás Ruiz"),
        ('offer "Jane Doe"', "Jane Doe"),
    ],
)
async def test_an_outcome_with_a_name_makes_them_the_contact(
    convo: Conversation, core: Core, line: str, who: str
) -> None:
    await convo.say(PANEL)
    reply = await convo.say(f"/interview outcome #1 {line}")
    assert "Recorded: #1 Acme" in reply
    assert f"Notes about what happens next go to {who}." in reply
    assert contact(core) == who


async def test_an_outcome_without_a_name_keeps_todays_behaviour(
    convo: Conversation, core: Core
) -> None:
    await convo.say(PANEL)
    reply = await convo.say("/interview outcome #1 offer")
    assert "Recorded: #1 Acme" in reply
    assert "go to" not in reply
    assert contact(core) is None
    (title,) = titles(await convo.say("/interview draft #1 offer"))
    assert title == "Draft reply to the offer to Dr. Hana Kobayashi (#1 Acme)"


async def test_an_unknown_name_is_refused_with_the_interviewers_and_nothing_changes(
    convo: Conversation, core: Core
) -> None:
    await convo.say(PANEL)
    reply = await convo.say("/interview outcome #1 offer Zed")
    assert "No one called 'Zed' is on #1." in reply
    assert "Interviewers on #1: Dr. Hana Kobayashi, Tomás Ruiz, Jane Doe." in reply
    assert "offer" not in await convo.say("/interview show #1")
    assert contact(core) is None


async def test_a_process_note_goes_to_the_contact_person(convo: Conversation) -> None:
    await convo.say(PANEL)
    await convo.say("/interview outcome #1 offer Tomas")
    (title,) = titles(await convo.say("/interview draft #1 offer"))
    assert title == "Draft reply to the offer to Tomás Ruiz (#1 Acme)"


async def test_draft_with_a_name_addresses_that_draft_to_them_whatever_is_stored(
    convo: Conversation, core: Core
) -> None:
    await convo.say(PANEL)
    await convo.say("/interview outcome #1 offer Tomas")
    (title,) = titles(await convo.say("/interview draft #1 offer Hana"))
    assert title == "Draft reply to the offer to Dr. Hana Kobayashi (#1 Acme)"
    (title,) = titles(await convo.say("/interview draft #1 status jane"))
    assert title.startswith("Draft status check to Jane Doe")
    assert contact(core) == "Tomás Ruiz"


async def test_draft_with_an_unknown_name_lists_the_interviewers(convo: Conversation) -> None:
    await convo.say(PANEL)
    reply = await convo.say("/interview draft #1 offer Zed")
    assert "No one called 'Zed' is on #1." in reply
    assert "Tomás Ruiz" in reply


@pytest.mark.parametrize("line", ["/interview delete #1 confirm", "/interview forget confirm"])
async def test_an_interview_with_a_contact_person_can_still_be_deleted(
    convo: Conversation, core: Core, line: str
) -> None:
    """interview and interviewer refer to each other; deleting either way must not trip."""
    await convo.say(PANEL)
    await convo.say("/interview outcome #1 offer Tomas")
    reply = await convo.say(line)
    assert "Deleted #1" in reply or "everything about you is deleted" in reply
    with core.deps.db.transaction() as session:
        assert session.scalars(select(Interview)).all() == []
