"""After real downtime: overdue reminders wait out quiet hours, then come as one digest.

The clock is moved without delivering (the deployment was down), then delivery runs once,
as a restarted worker would. The member is in New York; times below are theirs.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from recording import RecordingMessenger
from sqlalchemy import select

from adapters.console.conversation import Conversation
from adapters.discord.render import render_messages
from adapters.slack.blocks import reply_blocks
from bot.app import Core
from bot.scheduling.clock import ManualClock
from bot.storage.models import Reminder

NEW_YORK = ZoneInfo("America/New_York")
PANEL = (
    '/interview log company="Acme" when="tomorrow 3pm" stage=onsite '
    'with="Jane Doe (Engineering Manager); Raj Patel"'
)


def at_ny(*args: int) -> datetime:
    return datetime(*args, tzinfo=NEW_YORK)  # type: ignore[misc]


def dms(output: str) -> list[str]:
    return re.split(r"^DM to ", output, flags=re.MULTILINE)[1:]


def reminders(core: Core) -> list[tuple[str, str, str | None]]:
    with core.deps.db.reading() as session:
        rows = session.scalars(select(Reminder).order_by(Reminder.id))
        return [(r.purpose, r.state, r.message_ref) for r in rows]


async def in_new_york(convo: Conversation) -> None:
    await convo.say("/interview settings timezone=America/New_York")


async def test_overdue_reminders_wait_for_the_morning_then_come_as_one_digest(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await in_new_york(convo)
    await convo.say(PANEL)  # Tuesday 15:00-16:00: thank-yous due by Wednesday 16:00
    await convo.say('/interview notes #1 promised="my portfolio"')
    clock.set(at_ny(2026, 11, 26, 23))  # down three days; back on Thursday at 23:00
    printed = len(convo.transcript)
    report = await core.delivery.deliver_due()
    assert (report.delivered, report.held) == (0, 3)  # last calls and the portfolio
    assert len(convo.transcript) == printed  # nothing inside quiet hours
    assert await core.delivery.next_due() == at_ny(2026, 11, 27, 8)  # when they end

    (digest,) = dms(await convo.say(":advance 9h"))
    header, items, how_to, buttons = digest.split("\n\n")
    assert header == "ada at 2026-11-27T08:00:00-05:00\n3 follow-ups came due while I was away:"
    assert items.split("\n") == [
        "• The 24 hours for your thank-you to Jane Doe for your onsite interview at Acme (#1) "
        "passed at Wed 25 Nov 2026, 16:00 EST; a short note now still helps.",
        '  /interview draft #1 thank_you "Jane Doe"',
        "• The 24 hours for your thank-you to Raj Patel for your onsite interview at Acme (#1) "
        "passed at Wed 25 Nov 2026, 16:00 EST; a short note now still helps.",
        '  /interview draft #1 thank_you "Raj Patel"',
        "• The date for what you promised for your onsite interview at Acme (#1) passed at "
        "Wed 25 Nov 2026, 16:00 EST; sending it now, with thanks for their patience, still "
        "helps.",
        "  /interview draft #1 promised_material",
    ]
    assert "/interview sent" in how_to
    assert buttons.split("\n") == [
        '[thank-you to Jane Doe (#1): /interview sent #1 thank_you "Jane Doe"]',
        '[thank-you to Raj Patel (#1): /interview sent #1 thank_you "Raj Patel"]',
        "[promised material (#1): /interview sent #1 promised_material]",
        "Time is now 2026-11-27T08:00:00-05:00.",  # the console's line after the advance
    ]

    delivered = [r for r in reminders(core) if r[1] == "delivered"]
    assert len(delivered) == 3
    assert len({ref for _, _, ref in delivered}) == 1  # one DM acknowledged all three
    assert dms(await convo.say(":advance 1h")) == []
    assert "Marked sent" in await convo.say('/interview sent #1 thank_you "Jane Doe"')


async def test_a_last_call_after_its_deadline_says_it_is_late_instead(
    convo: Conversation, clock: ManualClock
) -> None:
    await in_new_york(convo)
    await convo.say('/interview log company="Acme" when="today 10am" with="Jane Doe"')
    clock.set(at_ny(2026, 11, 24, 12))  # down past Tuesday 11:00, the 24-hour deadline
    (late,) = dms(await convo.say(":advance 1m"))
    header, lead = late.split("\n")[:2]
    assert header == "ada at 2026-11-24T12:00:00-05:00"
    assert lead == (
        "The 24 hours for your thank-you to Jane Doe for your phone screen at Acme (#1) "
        "passed at Tue 24 Nov 2026, 11:00 EST; a short note now still helps."
    )
    assert "Last call" not in late
    assert "Send it by" not in late
    assert "Hi Jane," in late  # the draft still comes with it
    assert '[Mark sent: /interview sent #1 thank_you "Jane Doe"]' in late


@pytest.mark.parametrize(
    ("late", "sent"), [(timedelta(minutes=10), True), (timedelta(minutes=25), False)]
)
async def test_a_reminder_only_minutes_late_as_quiet_hours_begin_still_goes(
    convo: Conversation, core: Core, clock: ManualClock, late: timedelta, sent: bool
) -> None:
    await in_new_york(convo)
    await convo.say('/interview log company="Acme" when="today 6:55pm" with="Jane Doe"')
    clock.set(at_ny(2026, 11, 23, 20, 55) + late)  # its first prompt was due at 20:55
    report = await core.delivery.deliver_due()
    assert (report.delivered, report.held) == ((1, 0) if sent else (0, 1))


async def test_a_digest_keeps_a_way_to_mark_each_one_sent_on_slack_and_discord(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await in_new_york(convo)
    await convo.say(PANEL)
    await convo.say('/interview notes #1 promised="my portfolio"')
    recorder = RecordingMessenger()
    core.delivery.messengers = {recorder.platform: recorder}
    clock.set(at_ny(2026, 11, 27, 8))  # down until a morning
    await core.delivery.deliver_due()
    ((_, digest, _),) = recorder.sent
    values = [a.value for a in digest.actions]
    assert values == ['#1 thank_you "Jane Doe"', '#1 thank_you "Raj Patel"', "#1 promised_material"]

    (slack_menu,) = [
        element
        for block in reply_blocks(digest)
        if block["type"] == "actions"
        for element in block["elements"]
    ]
    assert slack_menu["type"] == "overflow"  # one menu, an item per follow-up
    assert [o["value"] for o in slack_menu["options"]] == values
    assert slack_menu["options"][0]["text"]["text"] == "Mark sent: thank-you to Jane Doe (#1)"

    (message,) = render_messages(digest, "123456789012345678")
    assert message.view is not None
    (row,) = message.view.to_components()
    (menu,) = row["components"]
    assert menu["custom_id"].startswith("fs:sent:")  # a "Sent…" menu, one option each
    assert [o["label"] for o in menu["options"]] == [
        "thank-you to Jane Doe (#1)",
        "thank-you to Raj Patel (#1)",
        "promised material (#1)",
    ]
