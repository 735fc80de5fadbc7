"""A week of a shared deployment: 100 workspaces of 50 members, through the real core.

Every member speaks through the real dispatcher, as Slack's adapter would (their time zone
comes with each command): they log one or two interviews during the week, half of them
mark a thank-you sent after its first reminder, some record a rejection. Two delivery
workers (two `DeliveryService`s, as two worker processes would) share the database, which
is PostgreSQL: `FOLLOWUP_DATABASE_URL` when it names one, else a throwaway cluster from
`tests/postgres.py`. A `ManualClock` walks through the week from one event to the next:
the next member action or the next due reminder, as the real `DeliveryTrigger` wakes at
the next due time. At each step the clock is set, then that step's commands and both
workers' `deliver_due()` run at once.

A recording messenger (20 ms per DM, like a chat API round trip) notes every DM with its
wall time. Reported, against what the database says should have gone out:

- delivered: reminders recorded delivered;
- late: delivered more than a second (wall time) after the step at which the simulated
  clock reached the reminder's time (or the step that created it, if it was due at once);
- duplicated: DMs beyond the first for one reminder, and DMs no reminder recorded;
- lost: reminders due by the end of the week neither delivered nor cancelled.

Targets: none late, duplicated or lost. `--quick`: 10 workspaces of 20 members.
`tests/services/test_load_small.py` runs a small week on both engines (no timing).
"""

from __future__ import annotations

import asyncio
import bisect
import math
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bench.delivery import percentile
from bot.app import Core, build_core
from bot.chat import CommandRequest, MemberRef, Reply, Section
from bot.ports import Delivery
from bot.scheduling.clock import ManualClock
from bot.services.delivery import DeliveryService
from bot.settings import Settings
from bot.storage.models import Reminder

PLATFORM = "slack"
# Sunday noon UTC: Monday 9:00 comes after it in every zone below.
START = datetime(2026, 11, 22, 12, tzinfo=UTC)
WEEK = timedelta(days=7)
END = START + WEEK
LATE = 1.0  # seconds
DM_LATENCY = 0.02  # seconds per DM, like a chat API round trip
WORKERS = 2
ZONES = (
    "America/New_York",
    "America/Los_Angeles",
    "America/Chicago",
    "Europe/London",
    "Europe/Berlin",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
)
COMPANIES = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell")
PEOPLE = ("Jane Doe", "Raj Patel", "Mei Chen", "Tom Novak", "Ana Lima", "Sam Okafor")
STAGES = ("phone_screen", "technical", "onsite", "final")
EXPECTED = {
    "log": ("Logged ",),
    "sent": ("Marked sent",),
    "outcome": ("Recorded",),
    "list": ("Your interviews", "You haven't logged"),
}

Row = tuple[str, float, float | None, float | None, str, bool | None]


@dataclass(frozen=True, order=True)
class Action:
    """One command a member types at a moment of the simulated week."""

    at: datetime
    member: MemberRef
    zone: str
    command: str
    text: str


@dataclass
class Sent:
    """One DM as the messenger saw it."""

    key: str
    ref: str
    wall: float  # time.perf_counter() when it was sent
    step: int


class LoadMessenger:
    """Records every DM (never deduplicates, so a duplicate shows), after `latency` s."""

    platform = PLATFORM

    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.sent: list[Sent] = []
        self.step = 0

    async def send_dm(
        self, member: MemberRef, reply: Reply, *, dedupe_key: str, maybe_sent: bool = False
    ) -> Delivery:
        """Wait the latency, note the DM, report it delivered."""
        if self.latency:
            await asyncio.sleep(self.latency)
        ref = f"dm-{len(self.sent)}"
        self.sent.append(Sent(dedupe_key, ref, time.perf_counter(), self.step))
        return Delivery.delivered(ref)

    async def post_to_channel(self, group_id: str, channel_id: str, reply: Reply) -> Delivery:
        """Channel posts are not part of the load: accept and forget them."""
        return Delivery.delivered(f"post-{group_id}-{channel_id}")


@dataclass
class LoadReport:
    """What the week did, in counts and seconds."""

    members: int = 0
    commands: int = 0
    misunderstood: list[str] = field(default_factory=list)
    due: int = 0  # reminders due by the end of the week, not cancelled
    delivered: int = 0
    cancelled: int = 0
    dms: int = 0
    duplicated: int = 0
    lost: int = 0
    lateness: list[float] = field(default_factory=list)
    steps: int = 0
    burst: int = 0  # the most reminders that came due at one step
    seconds: float = 0.0

    @property
    def late(self) -> int:
        """Reminders delivered more than `LATE` seconds after they became due."""
        return sum(1 for late in self.lateness if late > LATE)


def plan_week(workspaces: int, members: int, seed: int = 7) -> list[Action]:
    """Every member's commands for the week, in time order (the same for a given seed)."""
    rng = random.Random(seed)  # noqa: S311  (a reproducible week, not a secret)
    actions: list[Action] = []
    for w in range(workspaces):
        for m in range(members):
            zone = ZONES[(w + (m % 3 == 0)) % len(ZONES)]
            tz = ZoneInfo(zone)
            ref = MemberRef(PLATFORM, f"T{w:04d}", f"U{w:04d}M{m:03d}")
            monday = datetime(2026, 11, 23, tzinfo=tz)
            interviews = []
            for _ in range(1 + (rng.random() < 0.5)):
                day = monday + timedelta(days=rng.randrange(5))
                local = day.replace(hour=rng.randrange(9, 17), minute=rng.choice((0, 15, 30, 45)))
                starts = local.astimezone(UTC)
                logged = max(starts - timedelta(hours=rng.uniform(6, 30)), START)
                interviews.append((logged, local, rng.sample(PEOPLE, rng.choice((1, 1, 2)))))
            # Numbers go in the order the member logs them, as the core assigns them.
            for number, (logged, local, people) in enumerate(sorted(interviews), start=1):
                starts = local.astimezone(UTC)
                company = f"{rng.choice(COMPANIES)} {w}-{m}-{number}"
                text = (
                    f'company="{company}" role="Engineer" when="{local:%Y-%m-%d %H:%M}" '
                    f'stage={rng.choice(STAGES)} with="{"; ".join(people)}"'
                )
                actions.append(Action(logged, ref, zone, "log", text))
                roll = rng.random()
                if roll < 0.5:  # after the first reminder (an hour after the end)
                    first = people[0].split()[0]
                    at = starts + timedelta(hours=3, minutes=rng.randrange(60))
                    actions.append(Action(at, ref, zone, "sent", f"#{number} thank_you {first}"))
                elif roll < 0.65:
                    at = starts + timedelta(days=rng.uniform(1, 3))
                    actions.append(Action(at, ref, zone, "outcome", f"#{number} rejected"))
            if rng.random() < 0.3:
                at = START + timedelta(hours=rng.uniform(24, 160))
                actions.append(Action(at, ref, zone, "list", ""))
    # A member's own commands keep their order: one person types one at a time.
    return sorted(actions, key=lambda a: (a.at, a.member.user_id))


async def _commands(core: Core, actions: list[Action], report: LoadReport) -> None:
    """One member's commands of a step, one after the other, as one person types them."""
    for action in actions:
        request = CommandRequest(
            member=action.member,
            command=action.command,
            text=action.text,
            received_at=core.deps.clock.now(),
            member_timezone=action.zone,
        )
        reply = await core.dispatcher.handle(request)
        report.commands += 1
        first = next((b.text for b in reply.blocks if isinstance(b, Section)), "")
        if not first.startswith(EXPECTED[action.command]):
            report.misunderstood.append(f"{action.command} {action.text!r}: {first[:200]}")


def _new_reminders(core: Core, after: int) -> list[tuple[int, datetime]]:
    with core.deps.db.reading() as session:
        rows = session.execute(
            select(Reminder.id, Reminder.remind_at).where(Reminder.id > after).order_by(Reminder.id)
        )
        return [(reminder_id, remind_at) for reminder_id, remind_at in rows]


async def simulate(
    database_url: str,
    *,
    workspaces: int,
    members: int,
    latency: float = DM_LATENCY,
    workers: int = WORKERS,
    seed: int = 7,
    progress: bool = False,
) -> LoadReport:
    """Run the week on a fresh database at `database_url` and account for every reminder."""
    clock = ManualClock(START)
    settings = Settings(database_url=database_url, _env_file=None)
    core = build_core(settings, clock)
    messenger = LoadMessenger(latency)
    core.add_messenger(messenger)
    extra = [
        DeliveryService(
            core.deps,
            core.drafts,
            {PLATFORM: messenger},
            lease=timedelta(seconds=settings.lease_seconds),
            batch_size=settings.delivery_batch_size,
            concurrency=settings.delivery_concurrency,
        )
        for _ in range(workers - 1)
    ]
    delivery = [core.delivery, *extra]
    report = LoadReport(members=workspaces * members)
    actions = plan_week(workspaces, members, seed)
    end = END
    step_at: list[datetime] = []  # simulated time of each step
    step_wall: list[float] = []  # wall time when each step began
    created_step: dict[int, int] = {}
    seen = 0
    started = time.perf_counter()
    try:
        i = 0
        now = START
        shown = START
        while True:
            next_due = await core.delivery.next_due()
            candidates = [a for a in (actions[i].at if i < len(actions) else None, next_due) if a]
            if not candidates or min(candidates) > end:
                break
            now = max(now, min(candidates))
            clock.set(now)
            if progress and now - shown >= timedelta(days=1):
                shown = now
                print(
                    f"  simulated {now:%a %H:%M} UTC, {report.commands:,} commands", file=sys.stderr
                )
            messenger.step = len(step_at)
            step_at.append(now)
            step_wall.append(time.perf_counter())
            batch: dict[str, list[Action]] = {}
            while i < len(actions) and actions[i].at <= now:
                batch.setdefault(actions[i].member.user_id, []).append(actions[i])
                i += 1
            due = next_due is not None and next_due <= now
            ticks = [worker.deliver_due() for worker in delivery] if due else []
            _, reports = await asyncio.gather(
                asyncio.gather(*(_commands(core, mine, report) for mine in batch.values())),
                asyncio.gather(*ticks),
            )
            if due and not batch and not sum(tick.claimed for tick in reports):
                raise RuntimeError(f"a reminder is due at {next_due} but none was claimed")
            if batch:
                fresh = await asyncio.to_thread(_new_reminders, core, seen)
                for reminder_id, _ in fresh:
                    created_step[reminder_id] = len(step_at) - 1
                seen = max([seen, *(r for r, _ in fresh)])
        clock.set(end)  # the week is over: whatever is due goes out now
        step_at.append(end)
        step_wall.append(time.perf_counter())
        messenger.step = len(step_at) - 1
        while sum([(await w.deliver_due()).claimed for w in delivery]):
            pass
        report.seconds = time.perf_counter() - started
        report.steps = len(step_at)
        _account(core, report, messenger, step_at, step_wall, created_step, end)
    finally:
        core.deps.db.dispose()
    return report


def _account(  # noqa: PLR0917  (the simulation's records, once)
    core: Core,
    report: LoadReport,
    messenger: LoadMessenger,
    step_at: list[datetime],
    step_wall: list[float],
    created_step: dict[int, int],
    end: datetime,
) -> None:
    """Match the DMs sent against the reminders the database says were due."""
    with core.deps.db.reading() as session:
        rows = session.execute(
            select(Reminder.id, Reminder.remind_at, Reminder.state, Reminder.dedupe_key)
            .add_columns(Reminder.message_ref)
            .where(Reminder.remind_at <= end)
        ).all()
        total = session.scalar(select(func.count()).select_from(Reminder)) or 0
    by_key = {key: rid for rid, _, _, key, _ in rows}
    by_ref: dict[str, list[int]] = {}
    for rid, _, state, _, ref in rows:
        if state == "delivered" and ref:
            by_ref.setdefault(ref, []).append(rid)
    dms_of: Counter[int] = Counter()
    sent_at: dict[int, float] = {}
    for dm in messenger.sent:
        covered = [by_key[dm.key]] if dm.key in by_key else by_ref.get(dm.ref, [])
        if not covered:  # a digest no reminder recorded: its reminders go out again
            report.duplicated += 1
        for rid in covered:
            dms_of[rid] += 1
            sent_at.setdefault(rid, dm.wall)
    report.dms = len(messenger.sent)
    bursts: Counter[int] = Counter()
    report.duplicated += sum(count - 1 for count in dms_of.values() if count > 1)
    for rid, remind_at, state, _, _ in rows:
        if state == "cancelled":
            report.cancelled += 1
            continue
        report.due += 1
        if state != "delivered" or rid not in sent_at:
            report.lost += 1
            continue
        report.delivered += 1
        step = bisect.bisect_left(step_at, remind_at)
        step = min(max(step, created_step.get(rid, 0)), len(step_wall) - 1)
        report.lateness.append(sent_at[rid] - step_wall[step])
        bursts[step] += 1
    report.burst = max(bursts.values(), default=0)
    if total < len(rows):
        raise RuntimeError("the reminder table shrank while it was being read")


@contextmanager
def postgres_url() -> Iterator[str]:
    """An empty PostgreSQL database: FOLLOWUP_DATABASE_URL's, or a throwaway cluster's."""
    given = os.environ.get("FOLLOWUP_DATABASE_URL", "")
    if given and make_url(given).get_backend_name() == "postgresql":
        yield given
        return
    from tests.postgres import start_postgres  # noqa: PLC0415  (only when no URL is given)

    server = start_postgres()
    if isinstance(server, str):
        raise RuntimeError(f"PostgreSQL is needed for the load test: {server}")
    try:
        url = server.create_database()
        try:
            yield url
        finally:
            server.drop_database(url)
    finally:
        server.stop()


def run(quick: bool = False) -> list[Row]:
    """Rows: a week for 100 x 50 members (10 x 20 quick) on PostgreSQL."""
    workspaces, members = (10, 20) if quick else (100, 50)
    with postgres_url() as url:
        report = asyncio.run(simulate(url, workspaces=workspaces, members=members, progress=True))
    for line in report.misunderstood:
        print(f"  not understood: {line}", file=sys.stderr)
    what = f"{workspaces} workspaces x {members} members, a week"
    return [
        (
            f"{what}: commands not understood",
            len(report.misunderstood),
            None,
            None,
            "0",
            not report.misunderstood,
        ),
        (f"{what}: reminders delivered", report.delivered, report.due, None, "", None),
        (f"{what}: late past {LATE:g} s", report.late, None, None, "0", report.late == 0),
        ("duplicated", report.duplicated, None, None, "0", report.duplicated == 0),
        ("lost", report.lost, None, None, "0", report.lost == 0),
        ("lateness p50 (s)", percentile(report.lateness, 50), None, None, "", None),
        ("lateness p99 (s)", percentile(report.lateness, 99), None, None, "", None),
        ("lateness max (s)", max(report.lateness, default=math.nan), None, None, "", None),
        (
            f"{report.commands:,} commands, {report.dms:,} DMs, wall (s)",
            report.seconds,
            None,
            None,
            "",
            None,
        ),
        ("reminders cancelled (sent, rejected)", report.cancelled, None, None, "", None),
        ("steps of the clock", report.steps, None, None, "", None),
        ("most reminders due at one step", report.burst, None, None, "", None),
        (
            "mean wall time per step (ms)",
            report.seconds / max(report.steps, 1) * 1000,
            None,
            None,
            "",
            None,
        ),
    ]
