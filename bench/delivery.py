"""Delivery benchmarks: how fast the outbox drains, what a big table costs, how late DMs are.

(a) drain: 10,000 due reminders through a messenger that takes 20 ms per DM, with the
    DeliveryService concurrency limit C = 8 (the default setting).
    The ideal is 10,000 x 0.02 s / C = 25 s; target: drain time <= 1.2 x ideal.
(b) tick cost: one `deliver_due()` that claims, composes and records 1,000 due reminders
    while 1,000,000 future ones sit in the table, against the same tick with no future
    ones (SQLite files, a messenger with no latency); target ratio <= 1.5. Future rows look
    like real ones: an interview with an interviewer, a thank-you and a status check, two
    reminders each, spread over the next year. The claim query alone is shown for
    information.
(c) lateness: a reminder due every 100 ms for 60 s, delivered by the real
    `DeliveryTrigger` (APScheduler, ticking every `delivery_interval_seconds` and waking
    at the next due time) on the real clock; lateness is `delivered_at - remind_at`;
    target p99 < 1 s.

Everything runs on temporary SQLite files. `--quick`: 2,000 reminders for (a), 200,000
future rows for (b), 10 s for (c).
"""

from __future__ import annotations

import asyncio
import math
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.orm import Session

from bot.chat import MemberRef, Reply
from bot.drafting.render import DraftRenderer
from bot.ports import Clock, Delivery
from bot.scheduling.clock import ManualClock, SystemClock
from bot.scheduling.trigger import DeliveryTrigger
from bot.services.delivery import DeliveryService
from bot.services.deps import Deps
from bot.services.drafts import DraftService
from bot.settings import Settings
from bot.storage import repositories as repo
from bot.storage.db import Database
from bot.storage.migrate import upgrade
from bot.storage.models import FollowUp, Interview, Interviewer, Member, Reminder, Workspace

PLATFORM = "console"
MEMBERS = 100
CHUNK = 20_000
COMPANIES = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries")
PEOPLE = ("Jane Doe", "Raj Patel", "Mei Chen", "Tom Novak", "Ana Lima", "Sam Okafor")


class Row(NamedTuple):
    """One figure of the results table."""

    figure: str
    value: float
    baseline: float | None
    ratio: float | None
    target: str
    ok: bool | None  # None: shown for information


class BenchMessenger:
    """Accepts every DM after `latency` seconds and counts how many were in flight at once."""

    platform = PLATFORM

    def __init__(self, latency: float = 0.0) -> None:
        self.latency = latency
        self.sent = 0
        self.in_flight = 0
        self.peak = 0

    async def send_dm(
        self, member: MemberRef, reply: Reply, *, dedupe_key: str, maybe_sent: bool = False
    ) -> Delivery:
        """Pretend to send: wait the latency, then report it delivered."""
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            if self.latency:
                await asyncio.sleep(self.latency)
            self.sent += 1
            return Delivery.delivered(f"bench-{dedupe_key}")
        finally:
            self.in_flight -= 1


# --- Data -------------------------------------------------------------------------------


def _insert(engine: Engine, model: Any, rows: Iterable[dict[str, Any]]) -> None:
    """Insert rows with executemany, CHUNK rows per statement, in one transaction."""
    table = model.__table__
    with engine.begin() as conn:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == CHUNK:
                conn.execute(insert(table), batch)
                batch = []
        if batch:
            conn.execute(insert(table), batch)


def seed(engine: Engine, due_at: list[datetime], *, now: datetime, future: int = 0) -> None:
    """Reminders at `due_at` (ids 1..n, one follow-up each) plus `future` later ones.

    Ids are given explicitly so the rows go in with plain executemany. Members get due
    reminders round-robin; each future interview has one interviewer, a thank-you and a
    status check, and two reminders per follow-up, spread between a minute and a year ahead.
    """
    n = len(due_at)
    future_interviews = math.ceil(future / 4)
    ended = now - timedelta(hours=20)
    _insert(
        engine,
        Workspace,
        [{"id": 1, "platform": PLATFORM, "external_id": "bench", "created_at": now}],
    )
    _insert(
        engine,
        Member,
        (
            {
                "id": m + 1,
                "workspace_id": 1,
                "user_id": f"user{m}",
                "display_name": f"Member {m}",
                "timezone": ("America/New_York", "Europe/Berlin", None)[m % 3],
                "created_at": now - timedelta(days=30),
            }
            for m in range(MEMBERS)
        ),
    )
    first_future_number = n // MEMBERS + 2

    def interview(i: int) -> dict[str, Any]:
        number = i // MEMBERS + 1 if i < n else first_future_number + (i - n) // MEMBERS
        return {
            "id": i + 1,
            "member_id": i % MEMBERS + 1,
            "number": number,
            "company": COMPANIES[i % len(COMPANIES)],
            "role": "Backend engineer",
            "stage": "technical",
            "starts_at": ended - timedelta(hours=1),
            "ends_at": ended,
            "topics": "event sourcing; on-call",
            "created_at": ended,
            "updated_at": ended,
        }

    interviews = n + future_interviews
    _insert(engine, Interview, (interview(i) for i in range(interviews)))
    _insert(
        engine,
        Interviewer,
        (
            {"id": i + 1, "interview_id": i + 1, "name": PEOPLE[i % len(PEOPLE)], "position": 0}
            for i in range(interviews)
        ),
    )

    def follow_up(fid: int, i: int, kind: str) -> dict[str, Any]:
        return {
            "id": fid,
            "interview_id": i + 1,
            "interviewer_id": i + 1 if kind == "thank_you" else None,
            "kind": kind,
            "sequence": 1,
            "due_at": now,
            "deadline_at": now + timedelta(hours=4) if kind == "thank_you" else None,
            "state": "pending",
        }

    def follow_ups() -> Iterator[dict[str, Any]]:
        for i in range(n):
            yield follow_up(i + 1, i, "thank_you")
        for k in range(future_interviews):
            yield follow_up(n + 2 * k + 1, n + k, "thank_you")
            yield follow_up(n + 2 * k + 2, n + k, "status_check")

    _insert(engine, FollowUp, follow_ups())
    year = timedelta(days=365)

    def reminders() -> Iterator[dict[str, Any]]:
        for i, at in enumerate(due_at):
            yield {
                "id": i + 1,
                "follow_up_id": i + 1,
                "member_id": i % MEMBERS + 1,
                "purpose": "first",
                "remind_at": at,
                "attempt_at": at,
                "state": "scheduled",
                "attempts": 0,
                "dedupe_key": f"due-{i:08d}",
            }
        for j in range(future):
            at = now + timedelta(minutes=1) + year * (j / max(future, 1))
            yield {
                "id": n + j + 1,
                "follow_up_id": n + j // 2 + 1,
                "member_id": (n + j // 4) % MEMBERS + 1,
                "purpose": ("first", "last_call", "due", "due")[j % 4],
                "remind_at": at,
                "attempt_at": at,
                "state": "scheduled",
                "attempts": 0,
                "dedupe_key": f"future-{j:08d}",
            }

    _insert(engine, Reminder, reminders())


def recently_due(count: int, now: datetime) -> list[datetime]:
    """`count` times spread over the three minutes before `now`: due, but no digest."""
    spread = timedelta(minutes=3)
    return [now - spread * (i / max(count - 1, 1)) for i in range(count)]


@contextmanager
def database(path: Path) -> Iterator[Database]:
    """A migrated SQLite file database."""
    db = Database.from_url(f"sqlite:///{path}")
    try:
        upgrade(db.engine)
        yield db
    finally:
        db.dispose()


def delivery(
    db: Database, clock: Clock, messenger: BenchMessenger, *, concurrency: int | None = None
) -> DeliveryService:
    """The real delivery service, configured as `Settings()` says unless told otherwise."""
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    deps = Deps(db=db, clock=clock, default_tz=ZoneInfo("UTC"), renderer=DraftRenderer())
    return DeliveryService(
        deps,
        DraftService(deps),
        {PLATFORM: messenger},
        lease=timedelta(seconds=settings.lease_seconds),
        batch_size=settings.delivery_batch_size,
        concurrency=concurrency or settings.delivery_concurrency,
    )


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile, `p` in (0, 100]; nan when there are no values."""
    ordered = sorted(values)
    return ordered[max(math.ceil(p / 100 * len(ordered)) - 1, 0)] if ordered else math.nan


# --- (a) drain --------------------------------------------------------------------------


def drain(quick: bool) -> list[Row]:
    """Drain N due reminders through a 20 ms messenger with C = 50 DMs in flight."""
    count, latency, concurrency = (2_000 if quick else 10_000), 0.02, 8
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp, database(Path(tmp) / "drain.db") as db:
        seed(db.engine, recently_due(count, now), now=now)
        messenger = BenchMessenger(latency)
        worker = delivery(db, ManualClock(now), messenger, concurrency=concurrency)
        started = time.perf_counter()
        report = asyncio.run(worker.deliver_due())
        elapsed = time.perf_counter() - started
    if report.delivered != count:
        raise RuntimeError(f"drain delivered {report.delivered} of {count}")
    ideal = count * latency / concurrency
    ratio = elapsed / ideal
    return [
        Row(
            f"drain {count:,} due, 20 ms/DM, C={concurrency} (s)",
            elapsed,
            ideal,
            ratio,
            "<= 1.2",
            ratio <= 1.2,
        ),
        Row(
            "drain: DMs per second",
            count / elapsed,
            concurrency / latency,
            count / elapsed / (concurrency / latency),
            "",
            None,
        ),
        Row("drain: most DMs in flight at once", messenger.peak, concurrency, None, "", None),
    ]


# --- (b) tick cost ----------------------------------------------------------------------


def _reset(db: Database, due: int) -> None:
    """Make the first `due` reminders due again, as if never sent."""
    with db.transaction() as session:
        session.execute(
            update(Reminder)
            .where(Reminder.id <= due)
            .values(
                state="scheduled",
                attempts=0,
                lease_until=None,
                lease_token=None,
                delivered_at=None,
                message_ref=None,
            )
        )


def _tick(db: Database, now: datetime, due: int) -> float:
    """Seconds one `deliver_due()` takes to claim, compose, send and record `due` reminders."""
    _reset(db, due)
    worker = delivery(db, ManualClock(now), BenchMessenger())
    started = time.perf_counter()
    report = asyncio.run(worker.deliver_due())
    elapsed = time.perf_counter() - started
    if report.delivered != due:
        raise RuntimeError(f"tick delivered {report.delivered} of {due}")
    return elapsed


def _claim(db: Database, now: datetime, limit: int) -> float:
    """Seconds for one claim of `limit` due reminders (rolled back)."""
    _reset(db, limit)
    with Session(db.engine) as session:
        transaction = session.begin()
        started = time.perf_counter()
        claims = repo.claim_due(
            session, now, lease=timedelta(minutes=5), limit=limit, platforms=[PLATFORM]
        )
        elapsed = time.perf_counter() - started
        transaction.rollback()
    if len(claims) != limit:
        raise RuntimeError(f"claimed {len(claims)} of {limit}")
    return elapsed


def tick_cost(quick: bool) -> list[Row]:
    """One tick with 1,000 due among 1,000,000 future reminders vs with no future ones."""
    due, future, runs = 1_000, (200_000 if quick else 1_000_000), (2 if quick else 5)
    now = datetime.now(UTC)
    with (
        tempfile.TemporaryDirectory() as tmp,
        database(Path(tmp) / "small.db") as small,
        database(Path(tmp) / "big.db") as big,
    ):
        seed(small.engine, recently_due(due, now), now=now)
        started = time.perf_counter()
        seed(big.engine, recently_due(due, now), now=now, future=future)
        seeding = time.perf_counter() - started
        with big.transaction() as session:
            rows = session.scalar(select(func.count()).select_from(Reminder)) or 0
        if rows != due + future:
            raise RuntimeError(f"seeded {rows} reminders, expected {due + future}")
        _tick(small, now, due)  # warm up templates, the dictionary and compiled queries
        _tick(big, now, due)
        small_ticks, big_ticks, small_claims, big_claims = [], [], [], []
        for _ in range(runs):
            small_ticks.append(_tick(small, now, due))
            big_ticks.append(_tick(big, now, due))
            small_claims.append(_claim(small, now, 100))
            big_claims.append(_claim(big, now, 100))
    tick_small, tick_big = statistics.median(small_ticks), statistics.median(big_ticks)
    claim_small, claim_big = statistics.median(small_claims), statistics.median(big_claims)
    ratio = tick_big / tick_small
    return [
        Row(
            f"tick, {due:,} due among {future:,} future (s)",
            tick_big,
            tick_small,
            ratio,
            "<= 1.5",
            ratio <= 1.5,
        ),
        Row(
            "tick: per reminder, claim+compose+record (ms)",
            tick_big / due * 1000,
            tick_small / due * 1000,
            ratio,
            "",
            None,
        ),
        Row(
            f"claim of 100 among {future:,} future (ms)",
            claim_big * 1000,
            claim_small * 1000,
            claim_big / claim_small,
            "",
            None,
        ),
        Row(f"seeding {due + future:,} reminders (s)", seeding, None, None, "", None),
    ]


# --- (c) lateness -----------------------------------------------------------------------


async def _run_trigger(
    worker: DeliveryService, messenger: BenchMessenger, interval: float, count: int, until: float
) -> None:
    """Run the real trigger until `count` DMs went out (or `until`), then let it record."""
    trigger = DeliveryTrigger(worker, interval, worker.deps.clock)
    trigger.start()
    try:
        while messenger.sent < count and time.monotonic() < until:
            await asyncio.sleep(0.05)
        for _ in range(100):  # the tick that sent the last DMs records them next
            if await asyncio.to_thread(_delivered, worker.deps.db) >= count:
                break
            await asyncio.sleep(0.05)
    finally:
        await trigger.stop()


def _delivered(db: Database) -> int:
    with db.transaction() as session:
        return (
            session.scalar(
                select(func.count()).select_from(Reminder).where(Reminder.state == "delivered")
            )
            or 0
        )


def lateness(quick: bool) -> list[Row]:
    """A reminder due every 100 ms, delivered by the real trigger on the real clock."""
    duration, every = (10.0 if quick else 60.0), 0.1
    interval = Settings(_env_file=None).delivery_interval_seconds  # type: ignore[call-arg]
    count = round(duration / every)
    with tempfile.TemporaryDirectory() as tmp, database(Path(tmp) / "late.db") as db:
        start = datetime.now(UTC) + timedelta(seconds=1)
        seed(db.engine, [start + timedelta(seconds=every * i) for i in range(count)], now=start)
        messenger = BenchMessenger()
        worker = delivery(db, SystemClock(), messenger)
        until = time.monotonic() + 1 + duration + interval + 30
        asyncio.run(_run_trigger(worker, messenger, interval, count, until))
        with db.transaction() as session:
            pairs = session.execute(
                select(Reminder.remind_at, Reminder.delivered_at).where(
                    Reminder.state == "delivered"
                )
            ).all()
    late = [(delivered - due).total_seconds() for due, delivered in pairs if delivered]
    if len(late) != count:
        raise RuntimeError(f"lateness: {len(late)} of {count} reminders delivered")
    p50, p99 = percentile(late, 50), percentile(late, 99)
    what = f"every 100 ms for {duration:g} s, tick every {interval:g} s"
    return [
        Row(f"lateness p99, {what} (s)", p99, None, None, "< 1 s", p99 < 1.0),
        Row("lateness p50 (s)", p50, None, None, "", None),
        Row("lateness max (s)", max(late), None, None, "", None),
    ]


BENCHMARKS: tuple[Callable[[bool], list[Row]], ...] = (drain, tick_cost, lateness)


def run(quick: bool = False) -> list[Row]:
    """Every delivery benchmark, one after the other."""
    return [row for benchmark in BENCHMARKS for row in benchmark(quick)]
