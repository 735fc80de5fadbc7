"""APScheduler only triggers delivery; the reminder table is the schedule itself."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.services.delivery import DeliveryService

log = logging.getLogger(__name__)


class DeliveryTrigger:
    """Calls `deliver_due()` at start-up and then every `interval` seconds.

    No job store: APScheduler forbids sharing one between processes, and our rows already
    are the schedule. Late ticks are never skipped (unlimited misfire grace) and coalesce.
    """

    def __init__(self, delivery: DeliveryService, interval: float) -> None:
        self.delivery = delivery
        self.interval = interval
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
        try:
            report = await self.delivery.deliver_due()
        except Exception:
            log.exception("delivery tick failed")
            return
        if report.claimed:
            log.info("delivery tick: %s", report)

    def shutdown(self) -> None:
        """Stop ticking; a tick in progress finishes on its own."""
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
