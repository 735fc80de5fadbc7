"""Crashes: delivery workers killed with SIGKILL at random moments lose and repeat nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

from recording import RecordingMessenger
from sqlalchemy import select
from test_delivery_at_scale import delivery_worker, insert_due_reminders

from bot.chat import MemberRef, Reply, Section, Visibility
from bot.scheduling.clock import ManualClock
from bot.storage import repositories as repo
from bot.storage.db import Database
from bot.storage.migrate import upgrade
from bot.storage.models import Reminder

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "tests" / "crash_worker.py"
REMINDERS = 300
KILLS = 15
SEED = 20261123


class ForkServer:
    """`crash_worker.py --fork-server`: imports and warms up once, then forks workers."""

    def __init__(self, url: str, log: Path, stderr: IO[str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), url, str(log), "--fork-server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        self.forked: list[int] = []
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, f"fork server died (exit {self.process.poll()})"
        return line.strip()

    def fork(self) -> int:
        """A new worker process, connected and waiting for SIGUSR1 to start delivering."""
        assert self.process.stdin is not None
        self.process.stdin.write("fork\n")
        self.process.stdin.flush()
        pid = int(self._line())
        self.forked.append(pid)
        return pid

    def close(self) -> None:
        for pid in self.forked:
            kill(pid)
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)
        assert self.process.stdout is not None
        self.process.stdout.close()


def kill(pid: int) -> None:
    """SIGKILL a worker and wait until it is gone (the fork server reaps it)."""
    deadline = time.monotonic() + 10
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
        while time.monotonic() < deadline:
            os.kill(pid, 0)
            time.sleep(0.002)
        raise AssertionError(f"worker {pid} survived SIGKILL")


def rows(db: Database) -> list[tuple[str, str, int]]:
    with db.transaction() as session:
        return [
            (key, state, attempts)
            for key, state, attempts in session.execute(
                select(Reminder.dedupe_key, Reminder.state, Reminder.attempts)
            )
        ]


def test_workers_killed_at_random_moments_deliver_every_reminder_exactly_once(
    database_url: str, tmp_path: Path
) -> None:
    db = Database.from_url(database_url)
    upgrade(db.engine)
    # Due over the last five minutes: never 15 minutes overdue while the test runs, so each
    # reminder is its own DM (no digest) and its dedupe key must appear in the log once.
    keys = insert_due_reminders(
        db.engine,
        REMINDERS,
        members=12,
        now=datetime.now(UTC),
        spread=timedelta(minutes=5),
        key_prefix="crash",
    )
    log = tmp_path / "platform.log"
    log.touch()
    rng = random.Random(SEED)  # noqa: S311 - kill timing, not security
    with (tmp_path / "workers.err").open("w+", encoding="utf-8") as stderr:
        server = ForkServer(database_url, log, stderr)
        try:
            # At least KILLS kills, and on until some DMs went out; stopping once most did
            # leaves the final worker work to take over. How fast a worker is before its kill
            # depends on the machine's load, so the count, not the clock, decides.
            for round_ in range(KILLS * 4):
                pid = server.fork()
                os.kill(pid, signal.SIGUSR1)  # go
                time.sleep(rng.uniform(0.02, 0.2))
                kill(pid)
                sent = len(log.read_text(encoding="utf-8").splitlines())
                if sent >= REMINDERS * 2 // 3 or (round_ + 1 >= KILLS and sent > 0):
                    break
            sent_before_final = log.read_text(encoding="utf-8").splitlines()
            # The survivor, started from scratch: waits out the dead workers' leases.
            final = subprocess.run(
                [sys.executable, str(WORKER), database_url, str(log)],
                stderr=stderr,
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                timeout=60,
                check=False,
            )
        finally:
            server.close()
            db_rows = rows(db)
            db.dispose()
        stderr.seek(0)
        errors = stderr.read()

    assert final.returncode == 0, errors
    sent = log.read_text(encoding="utf-8").splitlines()
    assert Counter(sent) == Counter(keys.values())  # each reminder exactly once, none lost
    assert {state for _, state, _ in db_rows} == {"delivered"}
    assert len(db_rows) == REMINDERS
    # The kills did hit delivery: some work was done before the final worker and some
    # claims died with their worker and were taken over after the lease.
    assert len(sent_before_final) > 0
    assert max(attempts for _, _, attempts in db_rows) > 1


async def test_a_reminder_sent_before_a_crash_does_not_swallow_others_in_a_digest(
    database_url: str, clock: ManualClock
) -> None:
    setup = Database.from_url(database_url)
    upgrade(setup.engine)
    start = clock.now()
    # One member: reminder A due at `start`, reminder B ten minutes later.
    keys = insert_due_reminders(
        setup.engine, 2, members=1, now=start + timedelta(minutes=10), spread=timedelta(minutes=10)
    )
    key_b, key_a = (keys[rid] for rid in sorted(keys))
    messenger = RecordingMessenger()
    worker = delivery_worker(database_url, clock, messenger)
    try:
        clock.advance(timedelta(minutes=1))
        with setup.transaction() as session:  # a worker claims A ...
            (claim,) = repo.claim_due(
                session, clock.now(), lease=worker.lease, limit=10, platforms=["console"]
            )
        member = MemberRef("console", "load-ws0", "user0")
        reminder_a = Reply([Section("Time to send your thank-you (A).")], Visibility.DIRECT)
        await messenger.send_dm(member, reminder_a, dedupe_key=key_a)  # ... sends it, dies
        clock.set(start + timedelta(minutes=20))  # lease gone; A 20 min overdue, B 10 min
        report = await worker.deliver_due()
        states = {key: state for key, state, _ in rows(setup)}
    finally:
        worker.deps.db.dispose()
        setup.dispose()

    assert claim.reminder_id in keys
    assert report.claimed == 2
    assert states == {key_a: "delivered", key_b: "delivered"}
    # B was marked delivered, so its content must have reached the member in some DM.
    assert len(messenger.sent) == 2, messenger.keys
