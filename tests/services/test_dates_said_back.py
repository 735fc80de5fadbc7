"""Dates as members type them, said back: ranges set the end, every date is echoed, moves named."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.storage import repositories as repo


def stored_length(core: Core, convo: Conversation) -> timedelta:
    with core.deps.db.transaction() as session:
        member = repo.find_member(session, convo.member())
        assert member is not None
        interview = repo.interview_by_number(session, member, 1)
        assert interview is not None
        return interview.ends_at - interview.starts_at


@pytest.mark.parametrize(
    ("when", "length"),
    [
        ("thursday 2-4pm", timedelta(hours=2)),
        ("thursday 2:00 - 3:30pm", timedelta(hours=1, minutes=30)),
        ("thursday 2pm", timedelta(hours=1)),  # no range: the default length
    ],
)
async def test_a_range_sets_the_interviews_length(
    convo: Conversation, core: Core, when: str, length: timedelta
) -> None:
    logged = await convo.say(f'/interview log company="Acme" when="{when}"')
    assert "Logged #1" in logged, logged
    assert stored_length(core, convo) == length


async def test_a_length_typed_beside_a_range_wins(convo: Conversation, core: Core) -> None:
    await convo.say('/interview log company="Acme" when="thursday 2-3pm" length=45m')
    assert stored_length(core, convo) == timedelta(minutes=45)


async def test_every_date_typed_is_said_back_as_understood(convo: Conversation) -> None:
    logged = await convo.say(
        '/interview log company="Acme" when="thursday 2-4pm" decision="next fri"'
    )
    assert "14:00-16:00" in logged
    assert "Their decision is expected on Fri 27 Nov 2026." in logged  # the clock: Mon 23 Nov
    assert "No time given" not in logged  # a decision is a day: no noise about its hour
    noted = await convo.say('/interview notes #1 promised="the deck" promised_by="EOD tmrw"')
    assert "You promised it by Tue 24 Nov 2026, 17:00" in noted


async def test_a_snooze_into_quiet_hours_says_both_times(convo: Conversation) -> None:
    await convo.say('/interview log company="Acme" when="today 9am" with="Jane Doe"')
    moved = await convo.say('/interview snooze #1 Jane until="today 23:00"')
    assert "until Mon 23 Nov 2026, 23:00 UTC" in moved
    assert "The reminder comes at Tue 24 Nov 2026, 08:00 UTC" in moved
    plain = await convo.say('/interview snooze #1 Jane until="tomorrow 10am"')
    assert "The reminder comes" not in plain
