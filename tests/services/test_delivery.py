"""The outbox: each reminder once, retries with backoff, permanent failures told to the member."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from recording import RecordingMessenger
from sqlalchemy import select

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.ports import Delivery
from bot.scheduling.clock import ManualClock
from bot.services.delivery import MAX_ATTEMPTS, DeliveryService
from bot.storage import repositories as repo
from bot.storage.models import Reminder

LOG = '/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe; Raj Patel"'


def use(core: Core, messenger: RecordingMessenger) -> RecordingMessenger:
    core.delivery.messengers = {messenger.platform: messenger}
    return messenger


def states(core: Core) -> list[str]:
    with core.deps.db.transaction() as session:
        return sorted(session.scalars(select(Reminder.state)))


async def test_rate_limited_reminder_waits_for_retry_after_then_arrives(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await convo.say('/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    messenger = use(core, RecordingMessenger())
    retry_at = clock.now() + timedelta(days=1, hours=4)
    messenger.script.append(lambda: Delivery.retry("rate limited", retry_at))
    clock.advance(timedelta(days=1, hours=3))
    report = await core.delivery.deliver_due()
    assert (report.claimed, report.retried, report.delivered) == (1, 1, 0)
    assert await core.delivery.deliver_due() == type(report)()  # not due again yet
    clock.set(retry_at)
    report = await core.delivery.deliver_due()
    assert report.delivered == 1
    assert len(messenger.sent) == 1
    assert messenger.attempts == 2


async def test_transient_errors_back_off_exponentially(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await convo.say('/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    messenger = use(core, RecordingMessenger())
    messenger.script += [lambda: Delivery.retry("timeout")] * 3
    clock.advance(timedelta(days=1, hours=3))
    gaps = []
    for _ in range(3):
        await core.delivery.deliver_due()
        with core.deps.db.transaction() as session:
            attempt_at = session.scalars(
                select(Reminder.attempt_at).where(Reminder.state == "scheduled")
            ).first()
        assert attempt_at is not None
        gaps.append(attempt_at - clock.now())
        clock.set(attempt_at)
    assert gaps == [timedelta(seconds=30), timedelta(seconds=60), timedelta(seconds=120)]
    await core.delivery.deliver_due()
    assert len(messenger.sent) == 1


async def test_waiting_out_a_platform_limit_never_counts_toward_giving_up(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    """Past MAX_ATTEMPTS waits (Slack's one history read a minute), it still goes out."""
    await convo.say('/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    messenger = use(core, RecordingMessenger())
    clock.advance(timedelta(days=1, hours=3))
    for _ in range(MAX_ATTEMPTS + 3):
        until = clock.now() + timedelta(minutes=1)
        messenger.script.append(lambda until=until: Delivery.wait("history limit", until))
        report = await core.delivery.deliver_due()
        assert (report.claimed, report.retried) == (1, 1)
        clock.set(until)
    assert "failed" not in states(core)
    report = await core.delivery.deliver_due()
    assert report.delivered == 1
    assert len(messenger.sent) == 1


async def test_closed_dms_stop_retrying_and_the_member_is_told(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await convo.say('/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    messenger = use(core, RecordingMessenger())
    messenger.script.append(lambda: Delivery.undeliverable("DMs closed"))
    clock.advance(timedelta(days=1, hours=3))
    report = await core.delivery.deliver_due()
    assert report.failed == 1
    clock.advance(timedelta(hours=1))
    await core.delivery.deliver_due()
    assert messenger.attempts == 1
    reply = await convo.say("/interview due")
    assert "couldn't send you a reminder by DM (DMs closed)" in reply
    assert "thank-you to Jane Doe" in reply  # the follow-up itself is kept


async def test_a_messenger_that_raises_does_not_stop_delivery(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await convo.say(LOG)
    messenger = use(core, RecordingMessenger())

    def boom() -> Delivery:
        raise RuntimeError("bug in an adapter")

    messenger.script.append(boom)
    clock.advance(timedelta(days=1, hours=3))
    report = await core.delivery.deliver_due()
    assert (report.delivered, report.retried) == (1, 1)
    clock.advance(timedelta(minutes=5))
    await core.delivery.deliver_due()
    assert len(messenger.sent) == 2


async def test_a_worker_whose_lease_expired_cannot_overwrite_the_new_claim(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await convo.say('/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    clock.advance(timedelta(days=1, hours=3))
    with core.deps.db.transaction() as session:
        (stale,) = repo.claim_due(
            session, clock.now(), lease=timedelta(minutes=5), limit=10, platforms=["console"]
        )
    clock.advance(timedelta(minutes=6))
    messenger = use(core, RecordingMessenger())
    assert (await core.delivery.deliver_due()).delivered == 1
    with core.deps.db.transaction() as session:
        assert repo.claimed_reminders(session, [stale]) == []
    assert len(messenger.sent) == 1


async def test_concurrent_delivery_loops_send_every_reminder_exactly_once(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    for i in range(30):
        await convo.say(f'/interview log company="Co{i}" when="tomorrow 3pm" with="A B; C D; E F"')
    clock.advance(timedelta(days=1, hours=3))
    messenger = RecordingMessenger(latency=0.001)
    workers = [
        DeliveryService(core.deps, core.drafts, {"console": messenger}, batch_size=7)
        for _ in range(4)
    ]
    await asyncio.gather(*(w.deliver_due() for w in workers))
    assert len(messenger.sent) == 90
    assert len(set(messenger.keys)) == 90
    assert messenger.attempts == 90
    assert states(core).count("delivered") == 90


async def test_an_uninstalled_workspace_gets_no_reminders(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await convo.say('/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    with core.deps.db.transaction() as session:
        member = repo.find_member(session, convo.member())
        assert member is not None
        member.workspace.active = False
    messenger = use(core, RecordingMessenger())
    clock.advance(timedelta(days=1, hours=3))
    assert (await core.delivery.deliver_due()).claimed == 0
    assert await core.delivery.next_due() is None
    assert messenger.sent == []


async def test_a_send_that_would_start_after_the_lease_is_handed_back(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    """Sends queued behind slow ones (rate limits) must not race the worker that takes over."""
    await convo.say(
        '/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe; Raj Patel; Li Wei"'
    )
    messenger = use(core, RecordingMessenger())
    real_send = messenger.send_dm

    async def slow_send(*args: object, **kwargs: object) -> Delivery:
        clock.advance(core.delivery.lease / 2)  # each send eats half the lease
        return await real_send(*args, **kwargs)  # type: ignore[arg-type]

    messenger.send_dm = slow_send  # type: ignore[method-assign]
    clock.advance(timedelta(days=1, hours=3, minutes=1))  # the three thank-yous are due
    first = await core.delivery.deliver_due()
    assert (first.claimed, first.delivered) == (3, 2)
    assert states(core).count("delivered") == 2
    second = await core.delivery.deliver_due()  # handed back at once, not after the lease
    assert second.delivered == 1
    assert len(set(messenger.keys)) == len(messenger.keys) == 3
