"""The real APScheduler trigger wakes up when the next reminder is due, not a tick later."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta

import pytest
from recording import RecordingMessenger
from sqlalchemy import select

from adapters.console.conversation import Conversation
from bot.app import Core, build_core
from bot.scheduling.clock import OffsetClock
from bot.scheduling.trigger import DeliveryTrigger
from bot.settings import Settings
from bot.storage.models import Reminder


@pytest.fixture
def live_core(database_url: str) -> Iterator[tuple[Core, OffsetClock]]:
    clock = OffsetClock()
    settings = Settings(database_url=database_url, _env_file=None)  # type: ignore[call-arg]
    core = build_core(settings, clock)
    try:
        yield core, clock
    finally:
        core.deps.db.dispose()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_reminder_due_between_ticks_is_delivered_on_time(
    live_core: tuple[Core, OffsetClock],
) -> None:
    core, clock = live_core
    convo = Conversation(core, clock, user="ada")
    await convo.say("/interview settings quiet_hours=none weekdays_only=no")
    await convo.say('/interview log company="Acme" when="in 1 day" with="Jane Doe"')
    with core.deps.db.transaction() as session:
        first = min(session.scalars(select(Reminder.remind_at)))
    clock.advance(first - clock.now() - timedelta(milliseconds=700))  # due in 0.7 s
    messenger = RecordingMessenger()
    core.delivery.messengers = {"console": messenger}
    trigger = DeliveryTrigger(core.delivery, interval=30, clock=clock)
    trigger.start()
    try:
        await asyncio.sleep(0.3)
        assert messenger.sent == []  # first tick at start: nothing due yet
        for _ in range(100):  # up to 10 s: a slow first draft must not fail this test
            if messenger.sent:
                break
            await asyncio.sleep(0.1)
        assert len(messenger.sent) == 1  # the wake-up, long before the 30 s tick
    finally:
        await trigger.stop()
    assert trigger.last_tick is not None
