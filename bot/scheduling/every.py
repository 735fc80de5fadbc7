"""One recurring job on APScheduler, configured the way every job of ours needs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler


def every(seconds: float, job: Callable[[], Awaitable[object]], job_id: str) -> AsyncIOScheduler:
    """A scheduler (not yet started) running `job` every `seconds`, first at once.

    APScheduler skips a run that starts late by default (FIELD-NOTES): with unlimited
    misfire grace a late run still runs; late runs coalesce, and never two at once.
    """
    scheduler = AsyncIOScheduler(
        job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        timezone=UTC,
    )
    scheduler.add_job(job, "interval", seconds=seconds, next_run_time=datetime.now(UTC), id=job_id)
    return scheduler
