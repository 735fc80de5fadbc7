"""Stopping delivery: a send that outlives the grace period is cut off and handed back."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from recording import RecordingMessenger
from sqlalchemy import select

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import MemberRef, Reply
from bot.metrics import Metrics
from bot.ports import Delivery
from bot.scheduling.clock import ManualClock
from bot.scheduling.trigger import DeliveryTrigger
from bot.storage.models import Reminder


class FlagMessenger:
    """Delivers at once and remembers whether each send was flagged as maybe sent before."""

    platform = "console"

    def __init__(self) -> None:
        self.flags: list[bool] = []

    async def send_dm(
        self, member: MemberRef, reply: Reply, *, dedupe_key: str, maybe_sent: bool = False
    ) -> Delivery:
        """Record the flag and deliver."""
        self.flags.append(maybe_sent)
        return Delivery.delivered(f"m{len(self.flags)}")


def reminders(core: Core) -> list[tuple[str, int, str | None]]:
    with core.deps.db.transaction() as session:
        return [
            (r.state, r.attempts, r.lease_token)
            for r in session.scalars(select(Reminder).order_by(Reminder.remind_at))
        ]


async def test_a_send_cut_off_at_shutdown_is_handed_back_as_maybe_sent(
    core: Core, clock: ManualClock
) -> None:
    convo = Conversation(core, clock, user="ada")
    await convo.say("/interview settings quiet_hours=none weekdays_only=no")
    await convo.say('/interview log company="Acme" when="today 10am" with="Jane Doe"')
    clock.advance(timedelta(hours=4))  # the thank-you's first reminder is due
    metrics = Metrics()
    core.delivery.metrics = metrics
    hanging = RecordingMessenger(latency=30)  # a platform that never answers in time
    core.delivery.messengers = {"console": hanging}
    trigger = DeliveryTrigger(core.delivery, interval=30, clock=clock)
    trigger.start()
    for _ in range(500):
        if hanging.attempts:
            break
        await asyncio.sleep(0.02)
    assert hanging.attempts == 1

    await trigger.stop(grace=0.2)

    first = reminders(core)[0]
    assert first == ("scheduled", 1, None)  # back in the queue, the attempt counted
    assert metrics.sample("followup_reminders_released_total") == 1
    assert hanging.sent == []
    messenger = FlagMessenger()
    core.delivery = type(core.delivery)(core.deps, core.drafts, {"console": messenger})
    report = await core.delivery.deliver_due()
    assert report.delivered == 1
    assert messenger.flags == [True]  # the platform checks for the earlier copy first
    assert reminders(core)[0][0] == "delivered"


async def test_stopping_between_sends_hands_back_unsent_reminders_untouched(
    core: Core, clock: ManualClock
) -> None:
    for user in ("ada", "grace", "linus"):  # three members: three DMs, not one digest
        convo = Conversation(core, clock, user=user)
        await convo.say("/interview settings quiet_hours=none weekdays_only=no")
        await convo.say('/interview log company="Acme" when="today 10am" with="Jane Doe"')
    clock.advance(timedelta(hours=4))
    slow = RecordingMessenger(latency=0.3)
    core.delivery.messengers = {"console": slow}
    core.delivery._limit = asyncio.Semaphore(1)  # one DM at a time
    tick = asyncio.create_task(core.delivery.deliver_due())
    for _ in range(500):
        if slow.attempts:
            break
        await asyncio.sleep(0.01)
    core.delivery.drain()  # SIGTERM: the DM in flight finishes, the others never start
    report = await tick

    states = reminders(core)
    assert report.delivered == 1
    assert len(slow.sent) == 1
    assert ("delivered", 1, None) in states
    due = [s for s in states if s[0] == "scheduled" and s[1] == 0]
    assert len(due) >= 2  # the two unsent thank-yous, as if never claimed
    assert all(state != "claimed" for state, _, _ in states)
