"""`draft #N` with no kind: every draft that applies now, the thank-you notes first.

Thank-you notes and promised material apply at once; anything else once it comes due; with
none of those, the next one due.
"""

from __future__ import annotations

import re

from adapters.console.conversation import Conversation

LOG = '/interview log company="Acme" when="yesterday 3pm" with="Jane Doe; Raj Patel"'


def titles(reply: str) -> list[str]:
    return re.findall(r"^--- Draft (.*?) \(#1 Acme\) ---$", reply, flags=re.MULTILINE)


async def test_every_pending_follow_up_is_drafted_thank_yous_first(convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say('/interview notes #1 promised="my portfolio" promised_by="in 2 days"')
    assert titles(await convo.say("/interview draft #1")) == [
        "thank-you to Jane Doe",
        "thank-you to Raj Patel",
        "promised material to Jane Doe",
    ]


async def test_a_kind_still_narrows_the_drafts_to_that_kind(convo: Conversation) -> None:
    await convo.say(LOG)
    assert titles(await convo.say("/interview draft #1 status")) == ["status check to Jane Doe"]
    assert titles(await convo.say("/interview draft #1 raj")) == ["thank-you to Raj Patel"]


async def test_sent_notes_drop_out_of_the_drafts_that_apply(convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say("/interview sent #1 Jane")
    assert titles(await convo.say("/interview draft #1")) == ["thank-you to Raj Patel"]


async def test_a_status_check_for_next_week_waits_until_it_comes_due(
    convo: Conversation,
) -> None:
    await convo.say(LOG.replace("yesterday 3pm", "today 8am"))
    assert "status check" not in "".join(titles(await convo.say("/interview draft #1")))
    await convo.say(":advance 8d")
    assert titles(await convo.say("/interview draft #1")) == [
        "thank-you to Jane Doe",
        "thank-you to Raj Patel",
        "status check to Jane Doe",
    ]


async def test_with_nothing_applying_yet_the_next_one_due_is_drafted(
    convo: Conversation,
) -> None:
    await convo.say(LOG)
    await convo.say("/interview sent #1 Jane")
    await convo.say("/interview sent #1 Raj")
    assert titles(await convo.say("/interview draft #1")) == ["status check to Jane Doe"]


async def test_with_nothing_pending_the_last_kind_sent_is_drafted_again(
    convo: Conversation,
) -> None:
    await convo.say(LOG)
    await convo.say("/interview sent #1 Jane")
    await convo.say("/interview sent #1 Raj")
    await convo.say("/interview outcome #1 withdrawn")
    assert titles(await convo.say("/interview draft #1")) == [
        "thank-you to Jane Doe",
        "thank-you to Raj Patel",
    ]
