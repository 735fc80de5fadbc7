"""APScheduler only triggers delivery; the reminder table is the schedule itself."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from bot.metrics import METRICS
from bot.ports import Clock
from bot.scheduling.every import every
from bot.services.delivery import DeliveryService

log = logging.getLogger(__name__)
MIN_WAIT = timedelta(milliseconds=100)  # never spin, even if a due row is briefly locked
STALE_TICKS = 10  # intervals without a tick before health calls the scheduler stuck
MIN_STALE = timedelta(minutes=2)  # a big batch may take a while; that is not a hang
DEFAULT_GRACE = 20.0  # seconds; under the 30 s most platforms allow after SIGTERM


class DeliveryTrigger:
    """Calls `deliver_due()` at start-up, every `interval` seconds, and when the next is due.

    No job store: APScheduler forbids sharing one between processes, and our rows already
    are the schedule. Late ticks are never skipped (unlimited misfire grace) and coalesce.
    After each tick the trigger asks when the next reminder is due and sets a one-off
    wake-up for that moment, so a reminder is not late by up to a whole interval.
    """

    def __init__(self, delivery: DeliveryService, interval: float, clock: Clock) -> None:
        self.delivery = delivery
        self.interval = interval
        self.clock = clock
        self.last_tick: datetime | None = None
        self.started_at: datetime | None = None
        self._busy = asyncio.Lock()
        self._stopping = False
        self._ticking: asyncio.Task[object] | None = None  # the tick in progress
        self._tick_started: datetime | None = None
        self.scheduler = every(self.interval, self.tick, "deliver_due")

    def start(self) -> None:
        """Start ticking on the running event loop, with a first tick right away."""
        self.scheduler.start()
        self.started_at = datetime.now(UTC)

    @property
    def alive(self) -> bool:
        """Running, and a tick started or finished recently (health checks ask this)."""
        if not self.scheduler.running or self._stopping:
            return False
        seen = [t for t in (self.last_tick, self._tick_started, self.started_at) if t]
        stale = max(timedelta(seconds=self.interval * STALE_TICKS), MIN_STALE)
        return bool(seen) and datetime.now(UTC) - max(seen) <= stale

    async def tick(self) -> None:
        """One delivery pass; an error is logged and the next tick tries again."""
        async with self._busy:
            if self._stopping:
                return
            self._ticking = asyncio.current_task()
            self._tick_started = datetime.now(UTC)
            try:
                report = await self.delivery.deliver_due()
                next_due = await self.delivery.next_due()
            except Exception:
                log.exception("delivery tick failed")
                return
            finally:
                self._ticking = None
        self.last_tick = datetime.now(UTC)
        METRICS.last_tick.set(self.last_tick.timestamp())
        if report.claimed:
            log.info(
                "delivery tick",
                extra={
                    "claimed": report.claimed,
                    "delivered": report.delivered,
                    "retried": report.retried,
                    "failed": report.failed,
                    "set_aside": report.set_aside,
                    "held": report.held,
                },
            )
        if next_due is not None:
            self._wake_at(next_due)

    def _wake_at(self, due: datetime) -> None:
        """Run a tick when `due` arrives, if that is before the next periodic tick."""
        wait = max(due - self.clock.now(), MIN_WAIT)
        if not self.scheduler.running or wait.total_seconds() >= self.interval:
            return
        self.scheduler.add_job(
            self.tick,
            "date",
            run_date=datetime.now(UTC) + wait,
            id="wake_up",
            replace_existing=True,
        )

    async def stop(self, grace: float = DEFAULT_GRACE) -> None:
        """Stop ticking; sends in flight get `grace` seconds, and nothing claimed is kept.

        Reminders claimed but not yet sent go back to the queue at once; a send still
        running after the grace period is cut off and its reminder handed back too, marked
        as maybe sent, so another worker takes it over now rather than after the lease.
        """
        self._stopping = True
        self.delivery.drain()
        ticking = self._ticking
        if ticking is not None:
            done, _ = await asyncio.wait({ticking}, timeout=grace)
            if not done:
                log.warning("delivery still sending after the grace period: cutting it off")
                ticking.cancel()
        async with self._busy:  # the tick has finished or unwound
            released = await self.delivery.release_held()
            if released:
                log.info("released reminders for another worker", extra={"released": released})
            if self.scheduler.running:  # after the tick: APScheduler cancels running jobs
                self.scheduler.shutdown(wait=False)
