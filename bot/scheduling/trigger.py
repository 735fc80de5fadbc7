"""APScheduler only triggers delivery; the reminder table is the schedule itself."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.ports import Clock
from bot.services.delivery import DeliveryService

log = logging.getLogger(__name__)
MIN_WAIT = timedelta(milliseconds=100)  # never spin, even if a due row is briefly locked


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
        self._busy = asyncio.Lock()
        self._stopping = False
        self.scheduler = AsyncIOScheduler(
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
            timezone=UTC,
        )

    def start(self) -> None:
        """Start ticking on the running event loop, with a first tick right away."""
        self.scheduler.add_job(
            self.tick,
            "interval",
            seconds=self.interval,
            next_run_time=datetime.now(UTC),
            id="deliver_due",
        )
        self.scheduler.start()

    async def tick(self) -> None:
        """One delivery pass; an error is logged and the next tick tries again."""
        async with self._busy:
            if self._stopping:
                return
            try:
                report = await self.delivery.deliver_due()
                next_due = await self.delivery.next_due()
            except Exception:
                log.exception("delivery tick failed")
                return
        self.last_tick = datetime.now(UTC)
        if report.claimed:
            log.info("delivery tick: %s", report)
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

    async def stop(self) -> None:
        """Stop ticking and let a tick in progress finish, so nothing is cut off mid-send."""
        self._stopping = True
        async with self._busy:  # before shutdown: APScheduler cancels jobs still running
            if self.scheduler.running:
                self.scheduler.shutdown(wait=False)
