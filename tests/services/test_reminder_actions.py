"""Snooze, skip, pause, resume and 'they replied': each changes exactly which DMs arrive."""

from __future__ import annotations

import re

from adapters.console.conversation import Conversation

LOG = '/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"'


def dms(output: str) -> list[str]:
    return re.split(r"^DM to ", output, flags=re.MULTILINE)[1:]


async def test_snooze_for_an_hour_moves_the_reminder_an_hour_on(convo: Conversation) -> None:
    await convo.say(LOG)
    (first,) = dms(await convo.say(":advance 27h"))  # Tue 17:00 UTC: an hour after the end
    assert "[Snooze" not in first
    assert '/interview snooze #1 thank_you "Jane Doe" for=1h' in first
    reply = await convo.say('/interview snooze #1 thank_you "Jane Doe" for=1h')
    assert "Snoozed the thank-you to Jane Doe (#1) until Tue 24 Nov 2026, 18:00 UTC" in reply
    assert dms(await convo.say(":advance 59m")) == []
    (again,) = dms(await convo.say(":advance 1m"))
    assert "Jane Doe" in again


async def test_snooze_into_quiet_hours_waits_for_the_morning(convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say(":advance 27h")
    reply = await convo.say("/interview snooze #1 Jane for=5h")
    assert "until Tue 24 Nov 2026, 22:00 UTC" in reply  # what was asked, and when it comes
    assert "The reminder comes at Wed 25 Nov 2026, 08:00 UTC" in reply


async def test_snooze_until_tomorrow_lands_on_the_next_morning(convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say(":advance 27h")
    reply = await convo.say("/interview snooze #1 Jane for=tomorrow")
    assert "until Wed 25 Nov 2026, 09:00 UTC" in reply


async def test_skip_stops_every_reminder_for_that_follow_up(convo: Conversation) -> None:
    await convo.say(LOG)
    assert "Skipped: thank-you to Jane Doe" in await convo.say("/interview skip #1 Jane")
    assert dms(await convo.say(":advance 2d")) == []


async def test_pause_silences_an_interview_and_resume_brings_reminders_back(
    convo: Conversation,
) -> None:
    await convo.say(LOG)
    assert "Paused reminders for #1 Acme" in await convo.say("/interview pause #1")
    assert dms(await convo.say(":advance 31h")) == []
    assert "(paused)" in await convo.say("/interview show #1")
    assert "back on" in await convo.say("/interview resume #1")
    assert dms(await convo.say(":advance 2h")) == []  # Tue 21:00 UTC: quiet hours hold it
    (morning,) = dms(await convo.say(":advance 10h"))
    assert morning.startswith("ada at 2026-11-25T08:00:00+00:00\n")  # when quiet hours end


async def test_they_replied_restarts_the_status_check_clock(convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say("/interview sent #1 Jane")
    before = await convo.say("/interview due")
    assert "status check, by Tue 1 Dec 2026" in before
    await convo.say(":advance 5d")
    reply = await convo.say("/interview replied #1")
    assert "Noted that Acme replied" in reply
    assert "status check: due by Sat 5 Dec 2026, 09:00 UTC" in reply


async def test_second_status_check_differs_and_there_is_no_third(convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say("/interview sent #1 Jane")
    first = dms(await convo.say(":advance 8d"))
    assert len(first) == 1
    assert "Following up:" in first[0]
    await convo.say("/interview sent #1 status_check")
    second = dms(await convo.say(":advance 8d"))
    assert len(second) == 1
    assert "Following up again:" in second[0]
    await convo.say("/interview sent #1 status_check")
    assert dms(await convo.say(":advance 30d")) == []
    assert "Nothing is due" in await convo.say("/interview due")


async def test_promised_material_is_due_when_the_member_said(convo: Conversation) -> None:
    await convo.say(LOG)
    reply = await convo.say('/interview notes #1 promised="my portfolio" promised_by="friday"')
    assert "Saved your notes" in reply
    due = await convo.say("/interview due")
    assert "promised material, by Fri 27 Nov 2026, 17:00 UTC" in due
    await convo.say("/interview sent #1 Jane")
    assert dms(await convo.say(":advance 3d")) == []  # to Thu 14:00
    (friday,) = dms(await convo.say(":advance 19h"))  # Fri 09:00, the morning of the day said
    assert "Time to send what you promised for your phone screen at Acme (#1)" in friday
    assert "my portfolio" in friday


async def test_promised_material_without_a_date_comes_with_the_thank_you(
    convo: Conversation,
) -> None:
    await convo.say(LOG)
    await convo.say('/interview notes #1 promised="my portfolio"')
    due = await convo.say("/interview due")
    assert "promised material, by Wed 25 Nov 2026, 16:00 UTC" in due


async def test_after_two_unanswered_nudges_the_interview_shows_gone_quiet(
    convo: Conversation,
) -> None:
    await convo.say(LOG)
    await convo.say("/interview sent #1 Jane")
    await convo.say(":advance 8d")
    await convo.say("/interview sent #1 status_check")
    await convo.say(":advance 8d")
    await convo.say("/interview sent #1 status_check")
    assert "gone quiet" in await convo.say("/interview list")
    await convo.say("/interview replied #1")
    assert "gone quiet" not in await convo.say("/interview list")
