"""The outbox under load: four delivery loops, a thousand due reminders, each sent once."""

from __future__ import annotations

import asyncio
import hashlib
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from recording import RecordingMessenger
from sqlalchemy import Engine, insert, select

from bot.chat import Section
from bot.drafting.render import DraftRenderer
from bot.ports import Clock
from bot.scheduling.clock import ManualClock
from bot.services.delivery import DeliveryService
from bot.services.deps import Deps
from bot.services.drafts import DraftService
from bot.storage.db import Database
from bot.storage.migrate import upgrade
from bot.storage.models import FollowUp, Interview, Interviewer, Member, Reminder, Workspace

COMPANIES = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries")
PEOPLE = ("Jane Doe", "Raj Patel", "Mei Chen", "Tom Novak", "Ana Lima", "Sam Okafor")


def insert_due_reminders(
    engine: Engine,
    count: int,
    *,
    members: int,
    now: datetime,
    spread: timedelta = timedelta(minutes=3),
    platform: str = "console",
    key_prefix: str = "load",
) -> dict[int, str]:
    """Insert `count` scheduled reminders due between `now - spread` and `now`, in bulk.

    Rows go in with a handful of multi-row INSERTs instead of hundreds of commands: two
    workspaces, `members` members, one interview with one interviewer per reminder (a
    thank-you to them, or every third one a status check), reminders spread round-robin over
    the members. Returns reminder id -> dedupe key.
    """
    members = min(members, count)
    with engine.begin() as conn:

        def bulk(model: type, rows: list[dict[str, object]]) -> list[int]:
            table = model.__table__  # type: ignore[attr-defined]
            stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            return list(conn.execute(stmt, rows).scalars())

        workspaces = bulk(
            Workspace,
            [
                {"platform": platform, "external_id": f"{key_prefix}-ws{w}", "created_at": now}
                for w in range(2)
            ],
        )
        member_ids = bulk(
            Member,
            [
                {
                    "workspace_id": workspaces[m % 2],
                    "user_id": f"user{m}",
                    "display_name": f"Member {m}",
                    "timezone": ("America/New_York", "Europe/Berlin", None)[m % 3],
                    "created_at": now - timedelta(days=30),
                    "next_number": count // members + 2,
                }
                for m in range(members)
            ],
        )
        owner = [member_ids[i % members] for i in range(count)]
        ended = now - timedelta(hours=20)
        interview_ids = bulk(
            Interview,
            [
                {
                    "member_id": owner[i],
                    "number": i // members + 1,
                    "company": COMPANIES[i % len(COMPANIES)],
                    "role": "Backend engineer",
                    "stage": "technical",
                    "starts_at": ended - timedelta(hours=1),
                    "ends_at": ended,
                    "topics": "event sourcing; on-call",
                    "created_at": ended,
                    "updated_at": ended,
                }
                for i in range(count)
            ],
        )
        interviewer_ids = bulk(
            Interviewer,
            [
                {"interview_id": interview_ids[i], "position": 0, "name": PEOPLE[i % len(PEOPLE)]}
                for i in range(count)
            ],
        )
        kinds = ["status_check" if i % 3 == 2 else "thank_you" for i in range(count)]
        follow_up_ids = bulk(
            FollowUp,
            [
                {
                    "interview_id": interview_ids[i],
                    "interviewer_id": interviewer_ids[i] if kinds[i] == "thank_you" else None,
                    "kind": kinds[i],
                    "sequence": 1,
                    "due_at": now,
                    "deadline_at": now + timedelta(hours=4) if kinds[i] == "thank_you" else None,
                    "state": "pending",
                }
                for i in range(count)
            ],
        )
        keys = [f"{key_prefix}-{i:06d}" for i in range(count)]
        due = [now - spread * (i / max(count - 1, 1)) for i in range(count)]
        reminder_ids = bulk(
            Reminder,
            [
                {
                    "follow_up_id": follow_up_ids[i],
                    "member_id": owner[i],
                    "purpose": "first" if kinds[i] == "thank_you" else "due",
                    "remind_at": due[i],
                    "attempt_at": due[i],
                    "state": "scheduled",
                    "attempts": 0,
                    "dedupe_key": keys[i],
                }
                for i in range(count)
            ],
        )
    return dict(zip(reminder_ids, keys, strict=True))


def delivery_worker(url: str, clock: Clock, messenger: RecordingMessenger) -> DeliveryService:
    """A delivery loop with its own engine, as a separate process would have."""
    deps = Deps(
        db=Database.from_url(url),
        clock=clock,
        default_tz=ZoneInfo("UTC"),
        renderer=DraftRenderer(),
    )
    return DeliveryService(deps, DraftService(deps), {messenger.platform: messenger}, batch_size=50)


def reminder_rows(db: Database) -> dict[int, tuple[str, int, str]]:
    with db.transaction() as session:
        rows = session.execute(
            select(Reminder.id, Reminder.state, Reminder.attempts, Reminder.dedupe_key)
        )
        return {rid: (state, attempts, key) for rid, state, attempts, key in rows}


async def test_four_loops_deliver_1000_reminders_exactly_once(
    database_url: str, clock: ManualClock
) -> None:
    setup = Database.from_url(database_url)
    upgrade(setup.engine)
    # Due over the last three minutes and the clock two minutes on: nobody's reminders are
    # 15 minutes overdue, so there is no digest and each reminder is its own DM.
    keys = insert_due_reminders(setup.engine, 1000, members=40, now=clock.now())
    clock.advance(timedelta(minutes=2))
    messenger = RecordingMessenger(latency=0.0005)
    workers = [delivery_worker(database_url, clock, messenger) for _ in range(4)]
    try:
        reports = await asyncio.gather(*(w.deliver_due() for w in workers))
        rows = reminder_rows(setup)
    finally:
        for worker in workers:
            worker.deps.db.dispose()
        setup.dispose()

    assert sum(r.claimed for r in reports) == 1000
    assert sum(r.delivered for r in reports) == 1000
    assert sum(r.retried + r.failed for r in reports) == 0
    if database_url.startswith("postgresql"):  # SKIP LOCKED: the loops really share the work
        assert sum(1 for r in reports if r.claimed) >= 2
    assert {rid: state for rid, (state, _, _) in rows.items()} == dict.fromkeys(keys, "delivered")
    assert {rid: attempts for rid, (_, attempts, _) in rows.items()} == dict.fromkeys(keys, 1)
    assert messenger.attempts == 1000
    sent = Counter(messenger.keys)
    assert sent == Counter(keys.values())
    assert max(sent.values()) == 1
    by_key = {key: rid for rid, key in keys.items()}
    delivered_ids = Counter(by_key[key] for key in messenger.keys)
    assert delivered_ids == Counter(list(keys))


async def test_a_digest_marks_all_its_reminders_delivered_with_one_dm(
    database_url: str, clock: ManualClock
) -> None:
    setup = Database.from_url(database_url)
    upgrade(setup.engine)
    keys = insert_due_reminders(
        setup.engine, 3, members=1, now=clock.now(), spread=timedelta(minutes=10)
    )
    clock.advance(timedelta(minutes=20))  # the oldest is 30 minutes overdue: one digest
    messenger = RecordingMessenger()
    worker = delivery_worker(database_url, clock, messenger)
    try:
        report = await worker.deliver_due()
        rows = reminder_rows(setup)
    finally:
        worker.deps.db.dispose()
        setup.dispose()

    assert (report.claimed, report.delivered) == (3, 3)
    assert messenger.attempts == 1
    ((member, reply, key),) = messenger.sent
    assert member.user_id == "user0"
    expected = hashlib.sha256(",".join(sorted(keys.values())).encode()).hexdigest()[:20]
    assert key == expected  # a key for exactly this set of reminders
    first = reply.blocks[0]
    assert isinstance(first, Section)
    assert first.text == "3 follow-ups came due while I was away:"
    assert {state for state, _, _ in rows.values()} == {"delivered"}
    assert len(rows) == 3
