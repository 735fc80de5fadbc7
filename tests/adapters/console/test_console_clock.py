"""`:advance` steps through time: each reminder is sent, and stamped, at its own moment.

Every scenario sets the member's zone, so none depends on the machine running the tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from recording import RecordingMessenger
from sqlalchemy import select

from adapters.console.conversation import Conversation
from bot.app import Core, build_core
from bot.ports import Delivery
from bot.scheduling.clock import ManualClock
from bot.settings import Settings
from bot.storage.models import Reminder

NEW_YORK = ZoneInfo("America/New_York")
DM_HEADER = re.compile(r"^DM to (\S+) at (\S+)$", re.MULTILINE)
QUIET_START, QUIET_END = time(21), time(8)  # the default quiet hours


@pytest.fixture
def started(database_url: str, request: pytest.FixtureRequest) -> Iterator[Conversation]:
    """Ada in New York, the clock at the local time the test is parametrized with."""
    clock = ManualClock(request.param)
    settings = Settings(database_url=database_url, _env_file=None)  # type: ignore[call-arg]
    core = build_core(settings, clock)
    convo = Conversation(core, clock, user="ada", export_dir=Path("unused"))
    try:
        yield convo
    finally:
        core.deps.db.dispose()


def stamps(output: str) -> list[datetime]:
    return [datetime.fromisoformat(at) for _, at in DM_HEADER.findall(output)]


def leads(output: str) -> list[str]:
    """The first line of each DM: what it reminds of."""
    return [dm.split("\n", 2)[1] for dm in re.split(r"^(?=DM to )", output, flags=re.M)[1:]]


def assert_outside_quiet_hours(times: list[datetime]) -> None:
    for at in times:
        local = at.astimezone(NEW_YORK).time()
        assert QUIET_END <= local < QUIET_START, at


def at_ny(*args: int) -> datetime:
    return datetime(*args, tzinfo=NEW_YORK)  # type: ignore[misc]


@pytest.mark.parametrize("started", [at_ny(2026, 11, 27, 9)], indirect=True)  # a Friday
async def test_a_weekend_and_quiet_hours_hold_each_reminder_to_its_own_moment(
    started: Conversation,
) -> None:
    convo = started
    await convo.say("/interview settings timezone=America/New_York")
    # Ends Friday 20:30: its first prompt would be 21:30, inside quiet hours.
    await convo.say('/interview log company="Acme" when="today 7:30pm" with="Jane Doe"')
    await convo.say('/interview log company="Globex" when="today 10am" with="Raj Patel"')
    friday = await convo.say(":advance 9h")  # to Friday 18:00
    assert stamps(friday) == [at_ny(2026, 11, 27, 12)]  # Globex's thank-you, 11:00 + 1h
    await convo.say("/interview outcome #2 rejected")  # Friday 18:00: the reply waits
    weekend = await convo.say(":advance 3d")  # to Monday 18:00
    assert stamps(weekend) == [
        at_ny(2026, 11, 28, 8),  # Acme's first prompt: when quiet hours end, Saturday
        at_ny(2026, 11, 28, 16, 30),  # its last call, 4 hours before the deadline
        at_ny(2026, 11, 30, 9),  # the reply to Globex: the next working morning
    ]
    first, last_call, reply = leads(weekend)
    assert first.startswith("Time to send your thank-you to Jane Doe for your")
    assert last_call.startswith("Last call: your thank-you to Jane Doe")
    assert "Sorry about your" in reply
    assert_outside_quiet_hours(stamps(friday + weekend))
    assert "Time is now 2026-11-30T18:00:00-05:00." in weekend


@pytest.mark.parametrize("started", [at_ny(2027, 3, 13, 9)], indirect=True)  # Sat before DST
async def test_advancing_over_the_spring_change_keeps_each_reminder_on_local_time(
    started: Conversation,
) -> None:
    convo = started
    await convo.say("/interview settings timezone=America/New_York")
    await convo.say('/interview log company="Acme" when="today 4pm" with="Jane Doe"')
    output = await convo.say(":advance 9d")  # clocks go forward on Sunday 14 March, 02:00
    assert DM_HEADER.findall(output) == [
        ("ada", "2027-03-13T18:00:00-05:00"),  # an hour after the end, still EST
        ("ada", "2027-03-14T14:00:00-04:00"),  # 24 h after the end is 18:00 EDT; 4 h before
        # A week after the interview is Saturday 09:00; weekdays only: Monday 08:00, EDT.
        ("ada", "2027-03-22T08:00:00-04:00"),
    ]
    assert_outside_quiet_hours(stamps(output))
    assert "No news yet from your" in leads(output)[2]


@pytest.mark.parametrize("started", [at_ny(2026, 10, 30, 9)], indirect=True)  # Fri before DST
async def test_advancing_over_the_autumn_change_keeps_the_morning_at_nine(
    started: Conversation,
) -> None:
    convo = started
    await convo.say("/interview settings timezone=America/New_York")
    await convo.say('/interview log company="Acme" when="today 2pm" with="Jane Doe"')
    output = await convo.say(":advance 8d")  # clocks go back on Sunday 1 November, 02:00
    assert DM_HEADER.findall(output)[-1] == ("ada", "2026-11-06T09:00:00-05:00")
    assert_outside_quiet_hours(stamps(output))


@pytest.mark.parametrize("started", [at_ny(2026, 11, 23, 9)], indirect=True)
async def test_a_retry_planned_during_the_advance_is_sent_on_a_later_step(
    started: Conversation,
) -> None:
    convo = started
    core: Core = convo.core
    await convo.say('/interview log company="Acme" when="today 1pm" with="Jane Doe"')
    messenger = RecordingMessenger(script=[lambda: Delivery.retry("timeout")])
    core.delivery.messengers = {messenger.platform: messenger}
    await convo.say(":advance 6h")  # the first prompt is due at 15:00 (UTC, the default)
    assert messenger.attempts == 2
    with core.deps.db.reading() as session:
        (delivered_at,) = session.scalars(
            select(Reminder.delivered_at).where(Reminder.state == "delivered")
        )
    assert delivered_at == at_ny(2026, 11, 23, 10) + timedelta(seconds=30)  # the backoff


@pytest.mark.parametrize("started", [at_ny(2026, 11, 23, 9)], indirect=True)
async def test_a_year_of_advancing_stops_once_per_reminder_not_once_per_minute(
    started: Conversation, monkeypatch: pytest.MonkeyPatch
) -> None:
    convo = started
    await convo.say('/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    passes: list[datetime] = []
    deliver = convo.core.delivery.deliver_due

    async def counted() -> object:
        passes.append(convo.clock.now())
        return await deliver()

    monkeypatch.setattr(convo.core.delivery, "deliver_due", counted)
    output = await convo.say(":advance 365d")
    assert len(stamps(output)) == 3  # first prompt, last call, status check
    assert passes == stamps(output)  # one delivery pass at each DM's moment, no others
