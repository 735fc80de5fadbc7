"""Dates as members type them, said back: ranges set the end, every date is echoed, moves named."""

from __future__ import annotations

import re
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


def dms(output: str) -> list[str]:
    return re.split(r"^DM to ", output, flags=re.MULTILINE)[1:]


LOG = '/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"'  # Tue 24 Nov


async def test_a_pause_until_a_day_holds_every_reminder_and_brings_it_back_once(
    convo: Conversation,
) -> None:
    await convo.say(LOG)
    paused = await convo.say('/interview pause #1 until="thursday 10am"')
    assert "Paused reminders for #1 Acme until Thu 26 Nov 2026, 10:00 UTC" in paused
    assert "/interview resume #1" in paused
    assert dms(await convo.say(":advance 2d")) == []  # Wed 25 Nov 14:00: both prompts held
    assert "(paused until Thu 26 Nov 2026, 10:00 UTC)" in await convo.say("/interview list")
    (held,) = dms(await convo.say(":advance 20h"))  # Thu 10:00: the prompts come as one
    assert "Jane Doe" in held
    assert "paused" not in await convo.say("/interview list")


async def test_a_pause_ending_in_quiet_hours_says_when_reminders_come(
    convo: Conversation,
) -> None:
    await convo.say(LOG)
    paused = await convo.say('/interview pause #1 until="wednesday 11pm"')
    assert "until Wed 25 Nov 2026, 23:00 UTC" in paused
    assert "The reminder comes at Thu 26 Nov 2026, 08:00 UTC" in paused


async def test_a_pause_until_a_time_past_is_refused_and_pauses_nothing(
    convo: Conversation,
) -> None:
    await convo.say(LOG)
    refused = await convo.say('/interview pause #1 until="yesterday 9am"')
    assert "has already passed" in refused
    assert "/interview pause #1" in refused  # the way to pause for good
    assert "paused" not in await convo.say("/interview list")


async def test_resume_ends_a_timed_pause_at_once(convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say('/interview pause #1 until="next friday"')
    assert "back on" in await convo.say("/interview resume #1")
    assert len(dms(await convo.say(":advance 27h"))) == 1  # Tue 17:00: the thank-you prompt


@pytest.mark.parametrize(
    ("setting", "read_as"),
    [
        ("date_order=day-first", "Thu 3 Dec 2026, 14:00"),
        ("date_order=DMY", "Thu 3 Dec 2026, 14:00"),
        ("date_order=month-first", "Fri 12 Mar 2027, 14:00"),
        ("date_order=default", "Fri 12 Mar 2027, 14:00"),  # the console's UTC: month first
    ],
)
async def test_the_date_order_setting_decides_how_3_12_is_read(
    convo: Conversation, setting: str, read_as: str
) -> None:
    assert "Saved" in await convo.say(f"/interview settings {setting}")
    logged = await convo.say('/interview log company="Acme" when="3/12 2pm"')
    assert read_as in logged, logged


async def test_the_date_order_defaults_from_the_zone_and_shows_in_settings(
    convo: Conversation,
) -> None:
    shown = await convo.say("/interview settings timezone=Europe/London")
    assert "day first, 3/12 is 3 December (from your time zone)" in shown
    logged = await convo.say('/interview log company="Acme" when="3/12 2pm"')
    assert "Thu 3 Dec 2026, 14:00" in logged
    chosen = await convo.say("/interview settings date_order=month-first")
    assert "month first, 3/12 is March 12" in chosen
    assert "(from your time zone)" not in chosen
    noted = await convo.say('/interview notes #1 promised="the deck" promised_by="12/4"')
    assert "You promised it by Fri 4 Dec 2026" in noted  # December 4th, as now set


async def test_an_unknown_date_order_says_which_ones_there_are(convo: Conversation) -> None:
    refused = await convo.say("/interview settings date_order=sideways")
    assert "I don't know the date order 'sideways'" in refused
    assert "date_order=day-first" in refused
    assert "Saved" not in refused


async def test_snooze_until_reads_dates_the_members_way(convo: Conversation) -> None:
    await convo.say("/interview settings date_order=day-first")
    await convo.say(LOG)
    snoozed = await convo.say('/interview snooze #1 Jane until="1/12 10am"')
    assert "until Tue 1 Dec 2026, 10:00 UTC" in snoozed, snoozed


async def test_a_snooze_inside_a_timed_pause_says_the_pause_moves_it(convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say('/interview pause #1 until="thursday 10am"')
    snoozed = await convo.say('/interview snooze #1 Jane until="wednesday 11am"')
    assert "until Wed 25 Nov 2026, 11:00 UTC" in snoozed
    assert "The reminder comes at Thu 26 Nov 2026, 10:00 UTC, when the pause ends." in snoozed
