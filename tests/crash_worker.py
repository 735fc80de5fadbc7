"""A delivery worker for the crash test, meant to be killed with SIGKILL at any moment.

    python tests/crash_worker.py DB_URL LOG_PATH
    python tests/crash_worker.py DB_URL LOG_PATH --fork-server

It delivers due reminders on real time, with a one-second lease, until none is left (then
exits 0), through a "platform" that is a file: each DM appends its dedupe key to LOG_PATH
(fsynced) unless the key is already there, which is what a platform's idempotency does
(Discord's nonce, Slack's message metadata). The database must be migrated and seeded.

`--fork-server` makes restarts cheap enough to kill workers many times a second: the
process imports everything and warms up once (templates, spelling dictionary, compiled
queries; its connections are closed again), prints `ready`, then for each `fork` line on
stdin forks a fresh worker. The worker connects, prints its pid and waits for SIGUSR1
before it starts delivering, so a kill lands during delivery rather than during start-up.
A forked worker shares nothing with its parent but the code: its state is the database
and the log, as for a worker started from scratch.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import random
import signal
import sys
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from bot.chat import MemberRef, Reply
from bot.drafting.render import DraftRenderer
from bot.ports import Delivery
from bot.scheduling.clock import SystemClock
from bot.services.delivery import DeliveryService
from bot.services.deps import Deps
from bot.services.drafts import DraftService
from bot.storage import repositories as repo
from bot.storage.db import Database
from bot.storage.models import Member, Reminder
from tests.forking import serve_forks

LEASE = timedelta(seconds=1)
BATCH_SIZE = 20


class FileMessenger:
    """Appends each DM's dedupe key to a file once; a repeated key is acknowledged silently."""

    platform = "console"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rng = random.Random()  # noqa: S311 - jitter, not security

    async def send_dm(
        self, member: MemberRef, reply: Reply, *, dedupe_key: str, maybe_sent: bool = False
    ) -> Delivery:
        """Deliver unless the platform already has a message with this dedupe key."""
        await asyncio.sleep(self.rng.uniform(0.001, 0.005))
        ref = self._append_once(dedupe_key)
        await asyncio.sleep(self.rng.uniform(0.001, 0.005))
        return Delivery.delivered(ref)

    def _append_once(self, key: str) -> str:
        with self.path.open("a+", encoding="utf-8") as log:
            fcntl.flock(log, fcntl.LOCK_EX)  # the platform's check-and-insert is atomic
            log.seek(0)
            if key in log.read().splitlines():
                return f"existing:{key}"
            log.write(f"{key}\n")
            log.flush()
            os.fsync(log.fileno())
            return f"new:{key}"


def build(url: str, log_path: Path) -> DeliveryService:
    """The delivery service on real time, with a short lease and the file platform."""
    deps = Deps(
        db=Database.from_url(url),
        clock=SystemClock(),
        default_tz=ZoneInfo("UTC"),
        renderer=DraftRenderer(),
    )
    messengers = {"console": FileMessenger(log_path)}
    return DeliveryService(deps, DraftService(deps), messengers, lease=LEASE, batch_size=BATCH_SIZE)


class _Rollback(Exception):
    """Raised to roll back the warm-up transaction."""


def warm_up(service: DeliveryService) -> None:
    """Claim and compose one reminder, then roll back: leaves no trace in the database."""
    try:
        with service.deps.db.transaction() as session:
            now = service.deps.clock.now()
            platforms = list(service.messengers)
            claims = repo.claim_due(session, now, lease=LEASE, limit=1, platforms=platforms)
            for reminder in repo.claimed_reminders(session, claims):
                member = session.get_one(Member, reminder.member_id)
                repo.member_ref(member)
                service._compose(member, reminder)
            raise _Rollback
    except _Rollback:
        pass


def unfinished(db: Database) -> int:
    """Reminders still to deliver: scheduled, or claimed by someone (maybe a dead worker)."""
    with db.transaction() as session:
        count = session.scalar(
            select(func.count())
            .select_from(Reminder)
            .where(Reminder.state.in_(("scheduled", "claimed")))
        )
        return count or 0


async def deliver_until_done(service: DeliveryService) -> None:
    """Deliver until nothing is left, waiting out the leases of killed workers."""
    try:
        while True:
            report = await service.deliver_due()
            if report.claimed:
                continue
            if not await asyncio.to_thread(unfinished, service.deps.db):
                return
            await asyncio.sleep(0.05)
    finally:
        service.deps.db.dispose()


def fork_server(service: DeliveryService) -> None:
    """Warm up once, then fork a waiting worker for each `fork` line on stdin."""
    warm_up(service)
    service.deps.db.dispose()  # children open their own connections
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})  # held until sigwait

    def child() -> None:
        for messenger in service.messengers.values():
            if isinstance(messenger, FileMessenger):
                messenger.rng.seed()  # not the parent's jitter sequence
        warm_up(service)  # connects; rolled back
        os.write(sys.stdout.fileno(), f"{os.getpid()}\n".encode())
        signal.sigwait({signal.SIGUSR1})
        asyncio.run(deliver_until_done(service))

    serve_forks(child)


def main(argv: list[str]) -> int:
    """Parse `DB_URL LOG_PATH [--fork-server]` and run."""
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2 or set(argv) - {*args, "--fork-server"}:
        print(__doc__, file=sys.stderr)
        return 2
    service = build(args[0], Path(args[1]))
    if "--fork-server" in argv:
        fork_server(service)
    else:
        asyncio.run(deliver_until_done(service))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
