"""The fault drill: delivery workers on PostgreSQL against a fake Slack and Discord in trouble.

`run_drill(server, DrillConfig(...))` seeds due reminders for Slack and Discord members,
starts the fakes (in a thread of this process) with fault injection, starts N worker
processes (`drill_worker.py`), then until every reminder is settled: SIGKILLs a random
worker and starts a fresh one, and restarts PostgreSQL once. The fakes answer 429 with
Retry-After, 500, slowly (past the Slack client's timeout) or drop the connection after
doing the work, at set rates. The result compares what the fakes hold with what was due:
every reminder's dedupe key (Slack message metadata, Discord nonce) exactly once.

Used by tests/drills/test_fault_drill.py (CI size) and scripts/fault_drill.py (any size).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from aiohttp import web
from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError

ROOT = Path(__file__).resolve().parents[2]
for _extra in (ROOT / "tests", ROOT / "tests" / "services"):  # the fakes and the seeding
    if str(_extra) not in sys.path:
        sys.path.insert(0, str(_extra))

from fakes.discord_api import FakeDiscord  # noqa: E402
from fakes.slack_api import FakeSlack  # noqa: E402
from postgres import PostgresServer  # noqa: E402
from test_delivery_at_scale import insert_due_reminders  # noqa: E402

from bot.storage.db import Database  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402
from bot.storage.models import Member, Reminder, Workspace  # noqa: E402

WORKER = Path(__file__).resolve().parent / "drill_worker.py"
SLACK_METHODS = frozenset({"conversations.open", "chat.postMessage", "conversations.history"})
FAULTS = ("rate_limited", "server_error", "slow", "dropped")
POLL = 0.05  # seconds between looks at the database's progress


@dataclass
class Faults:
    """How often each kind of trouble answers a messenger's request (0..1 each)."""

    rate_limited: float = 0.05
    server_error: float = 0.05
    slow: float = 0.04
    dropped: float = 0.03
    slow_seconds: float = 0.8  # past `slack_timeout`: the Slack client gives up
    retry_after: int = 1  # seconds, in Retry-After (Slack) and retry_after (Discord)


class Chaos:
    """The fakes' fault hook: fail before the work, or do it and then answer late or never.

    A 429 or 500 means the request was not carried out. "slow" and "dropped" carry it out
    (the message exists) and then answer after the client's timeout or not at all: the
    outcome a sender cannot know, which dedupe keys must make harmless.
    """

    def __init__(self, platform: str, faults: Faults, seed: int) -> None:
        self.platform = platform
        self.faults = faults
        self.rng = random.Random(seed)  # noqa: S311 - fault timing, not security
        self.counts: Counter[str] = Counter()
        self.events: list[tuple[float, str, str, str]] = []  # (time, request, fault, key)
        self.enabled = True

    def eligible(self, request: web.Request, what: str) -> bool:
        """Only the requests a messenger makes to deliver a DM."""
        if self.platform == "slack":
            return what in SLACK_METHODS
        return request.method == "POST" and "/channels" in what

    async def __call__(
        self, request: web.Request, what: str, answer: Callable[[], Any]
    ) -> web.StreamResponse:
        """Answer `request`, maybe with trouble."""
        if not self.enabled or not self.eligible(request, what):
            response: web.StreamResponse = await answer()
            return response
        f = self.faults
        roll = self.rng.random()
        edges = [f.rate_limited, f.server_error, f.slow, f.dropped]
        fault = next(
            (name for name, edge in zip(FAULTS, _cumulative(edges), strict=True) if roll < edge),
            None,
        )
        if fault is not None:
            self.counts[fault] += 1
        key = _KEY.search((await request.read()).decode(errors="replace"))  # read: cached
        self.events.append((time.monotonic(), what, fault or "ok", key.group(1) if key else ""))
        if fault == "rate_limited":
            return self._rate_limited()
        if fault == "server_error":
            return self._server_error()
        response = await answer()
        if fault == "slow":
            await asyncio.sleep(f.slow_seconds)
        elif fault == "dropped" and request.transport is not None:
            request.transport.abort()  # the work is done; the answer never arrives
        return response

    def _rate_limited(self) -> web.Response:
        after = self.faults.retry_after
        if self.platform == "slack":
            return web.json_response(
                {"ok": False, "error": "ratelimited"},
                status=429,
                headers={"Retry-After": str(after)},
            )
        body = {"message": "You are being rate limited.", "retry_after": after, "global": False}
        return _discord_json(body, 429, {"Via": "1.1 google"})

    def _server_error(self) -> web.Response:
        if self.platform == "slack":
            return web.json_response({"ok": False, "error": "fatal_error"}, status=500)
        return _discord_json({"message": "500: Internal Server Error", "code": 0}, 500, {})


_KEY = re.compile(r"\b(d[sd]-[0-9]{6})\b")  # the drill's dedupe keys, in any encoding


def _cumulative(values: list[float]) -> list[float]:
    total, out = 0.0, []
    for value in values:
        total += value
        out.append(total)
    return out


def _discord_json(body: dict[str, Any], status: int, headers: dict[str, str]) -> web.Response:
    return web.Response(
        body=json.dumps(body).encode(),
        status=status,
        headers={"Content-Type": "application/json", **headers},
    )


class Platforms:
    """FakeSlack and FakeDiscord with chaos, served from a thread with its own event loop."""

    def __init__(self, faults: Faults, seed: int, history_per_minute: int = 1) -> None:
        self.slack = FakeSlack(history_per_minute=history_per_minute)
        self.discord = FakeDiscord()
        self.slack_chaos = Chaos("slack", faults, seed)
        self.discord_chaos = Chaos("discord", faults, seed + 1)
        self.slack.chaos = self.slack_chaos
        self.discord.chaos = self.discord_chaos
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def start(self) -> Platforms:
        self._thread.start()
        self._call(self.slack.start())
        self._call(self.discord.start())
        return self

    def stop(self) -> None:
        self.slack_chaos.enabled = self.discord_chaos.enabled = False
        with suppress(Exception):
            self._call(self.discord.stop())
        with suppress(Exception):
            self._call(self.slack.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.loop.close()

    def _call(self, work: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(30)

    def slack_keys(self) -> Counter[str]:
        """Dedupe keys of every DM the fake Slack holds (message metadata), with counts."""
        keys: Counter[str] = Counter()
        for messages in list(self.slack.history.values()):
            for message in messages:
                payload = (message.get("metadata") or {}).get("event_payload") or {}
                keys[str(payload.get("dedupe_key"))] += 1
        return keys

    def discord_keys(self) -> Counter[str]:
        """Nonces of every DM the fake Discord holds, with counts."""
        keys: Counter[str] = Counter()
        for channel in list(self.discord.dm_channels.values()):
            for message in self.discord.messages.get(channel, []):
                keys[str(message.get("nonce"))] += 1
        return keys


@dataclass
class DrillConfig:
    """The size and the trouble of one drill."""

    workers: int = 3
    reminders: int = 200
    members: int = 40  # split between Slack and Discord
    kill_every: tuple[float, float] = (1.5, 4.0)  # seconds between SIGKILLs
    restart_db_at: float = 0.35  # restart PostgreSQL once this share is delivered
    faults: Faults = field(default_factory=Faults)
    lease_seconds: int = 6
    batch_size: int = 10  # claims per batch; a killed worker strands up to two batches
    slack_timeout: float = 0.5
    # A Marketplace app's Tier 3 conversations.history: at another app's one a minute, each
    # crash-time re-send check waits its own minute and the drill would outlast its deadline.
    slack_history_per_minute: int = 50
    backoff_seconds: float = 0.25
    interval: float = 0.2
    deadline: float = 240.0  # seconds: give up (and report) after this long
    seed: int = 20261123


@dataclass
class DrillResult:
    """What happened, and whether every reminder reached its member exactly once."""

    expected: dict[str, str]  # dedupe key (as the platform sees it) -> platform
    slack: Counter[str]
    discord: Counter[str]
    states: Counter[str]
    max_attempts: int
    kills: int
    db_restarted: bool
    faults: dict[str, Counter[str]]
    discord_posts: int  # message POSTs that reached the fake (a retry reuses its nonce)
    events: list[tuple[float, str, str, str]]
    seconds: float
    worker_errors: str

    def problems(self) -> list[str]:
        """Reminders lost or delivered twice, and rows not delivered; empty when all is well."""
        found: list[str] = []
        seen = {"slack": self.slack, "discord": self.discord}
        for key, platform in sorted(self.expected.items()):
            count = seen[platform][key]
            if count != 1:
                found.append(f"{platform} {key}: delivered {count} times")
        for platform, keys in seen.items():
            stray = set(keys) - set(self.expected)
            if stray:
                found.append(f"{platform}: unexpected messages {sorted(stray)[:5]}")
        if set(self.states) != {"delivered"}:
            found.append(f"reminder states: {dict(self.states)}")
        return found

    def story(self, key: str) -> list[str]:
        """What the fakes saw for one dedupe key, in order: requests and the trouble met."""
        start = self.events[0][0] if self.events else 0.0
        return [
            f"{t - start:7.3f}s {what} {fault}" for t, what, fault, k in self.events if k == key
        ]

    def summary(self) -> str:
        """One paragraph for people."""
        faults = {p: dict(c) for p, c in self.faults.items()}
        return (
            f"{len(self.expected)} reminders in {self.seconds:.1f}s: states {dict(self.states)}, "
            f"max attempts {self.max_attempts}, {self.kills} workers killed, database "
            f"{'restarted' if self.db_restarted else 'NOT restarted'}, faults {faults}, "
            f"{self.discord_posts} Discord message POSTs for {sum(self.discord.values())} DMs; "
            f"{len(self.problems())} problem(s)"
        )


class Workers:
    """N worker processes forked by `drill_worker.py --fork-server`; any can be killed."""

    def __init__(self, config: dict[str, Any], stderr: IO[str]) -> None:
        self.server = subprocess.Popen(
            [sys.executable, str(WORKER), json.dumps(config), "--fork-server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        if self._line() != "ready":
            raise RuntimeError("the drill's fork server failed to start")
        self.pids: list[int] = []
        self.forked: list[int] = []
        self.kills = 0

    def _line(self) -> str:
        assert self.server.stdout is not None
        line = self.server.stdout.readline()
        if not line:
            raise RuntimeError(f"the drill's fork server died (exit {self.server.poll()})")
        return line.strip()

    def spawn(self) -> int:
        """Fork a worker and wait until it is connected and delivering."""
        assert self.server.stdin is not None
        self.server.stdin.write("fork\n")
        self.server.stdin.flush()
        pid, _, word = self._line().partition(" ")
        if word != "ready":
            raise RuntimeError(f"unexpected line from the fork server: {pid} {word}")
        self.forked.append(int(pid))
        return int(pid)

    def start(self, count: int) -> None:
        self.pids = [self.spawn() for _ in range(count)]

    def kill_one(self, rng: random.Random) -> None:
        """SIGKILL a random worker and start a fresh one in its place."""
        index = rng.randrange(len(self.pids))
        _kill(self.pids[index])
        self.kills += 1
        self.pids[index] = self.spawn()

    def stop(self) -> None:
        for pid in self.forked:
            _kill(pid)
        if self.server.stdin is not None:
            self.server.stdin.close()
        self.server.wait(10)
        if self.server.stdout is not None:
            self.server.stdout.close()


def _kill(pid: int) -> None:
    """SIGKILL a worker and wait until it is gone (the fork server reaps it)."""
    deadline = time.monotonic() + 10
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
        while time.monotonic() < deadline:
            os.kill(pid, 0)
            time.sleep(0.002)
        raise RuntimeError(f"worker {pid} survived SIGKILL")


def seed(url: str, config: DrillConfig) -> dict[str, str]:
    """Migrate and insert the due reminders; return dedupe key -> platform."""
    db = Database.from_url(url)
    try:
        upgrade(db.engine)
        now = datetime.now(UTC)
        # Due over the last two minutes: no member is 15 minutes behind during the drill,
        # so each reminder is its own DM (no digest) and its key must appear exactly once.
        half = config.reminders // 2
        members = max(config.members // 2, 1)
        spread = timedelta(minutes=2)
        slack = insert_due_reminders(
            db.engine,
            half,
            members=members,
            now=now,
            spread=spread,
            platform="slack",
            key_prefix="ds",
        )
        discord = insert_due_reminders(
            db.engine,
            config.reminders - half,
            members=members,
            now=now,
            spread=spread,
            platform="discord",
            key_prefix="dd",
        )
        with db.transaction() as session:  # Discord user ids are snowflakes
            discord_workspaces = select(Workspace.id).where(Workspace.platform == "discord")
            session.execute(
                update(Member)
                .where(Member.workspace_id.in_(discord_workspaces))
                .values(user_id=func.concat("7100000000000", Member.id))
            )
    finally:
        db.dispose()
    expected = dict.fromkeys(slack.values(), "slack")
    expected.update({key[:25]: "discord" for key in discord.values()})
    return expected


def progress(db: Database) -> tuple[int, int]:
    """(settled, delivered): rows no longer scheduled or claimed, and rows delivered."""
    with db.transaction() as session:
        rows = session.execute(select(Reminder.state, func.count()).group_by(Reminder.state))
        states: dict[str, int] = dict(rows.all())
    settled = sum(n for state, n in states.items() if state not in ("scheduled", "claimed"))
    return settled, states.get("delivered", 0)


def run_drill(server: PostgresServer, config: DrillConfig, workdir: Path) -> DrillResult:
    """Run one drill on a fresh database of `server` (which must be restartable)."""
    url = server.create_database()
    expected = seed(url, config)
    rng = random.Random(config.seed)  # noqa: S311 - kill timing, not security
    platforms = Platforms(config.faults, config.seed, config.slack_history_per_minute).start()
    worker_config = {
        "database_url": url,
        "slack_api_url": platforms.slack.api_url,
        "discord_api_url": platforms.discord.base_url,
        "discord_gateway_url": platforms.discord.gateway_url,
        "lease_seconds": config.lease_seconds,
        "batch_size": config.batch_size,
        "slack_timeout": config.slack_timeout,
        "slack_history_per_minute": config.slack_history_per_minute,
        "backoff_seconds": config.backoff_seconds,
        "interval": config.interval,
    }
    db = Database.from_url(url)
    started = time.monotonic()
    restarted = False
    errors_path = workdir / "workers.err"
    with errors_path.open("w+", encoding="utf-8") as stderr:
        workers = Workers(worker_config, stderr)
        try:
            workers.start(config.workers)
            next_kill = time.monotonic() + rng.uniform(*config.kill_every)
            while time.monotonic() - started < config.deadline:
                try:
                    settled, delivered = progress(db)
                except OperationalError:  # the database is restarting
                    settled, delivered = 0, 0
                if settled == config.reminders:
                    break
                if not restarted and delivered >= config.restart_db_at * config.reminders:
                    server.restart()
                    restarted = True
                if time.monotonic() >= next_kill:
                    workers.kill_one(rng)
                    next_kill = time.monotonic() + rng.uniform(*config.kill_every)
                time.sleep(POLL)
        finally:
            workers.stop()
            platforms.stop()
        stderr.seek(0)
        worker_errors = stderr.read()
    seconds = time.monotonic() - started
    with db.transaction() as session:
        rows = [
            (state, n) for state, n in session.execute(select(Reminder.state, Reminder.attempts))
        ]
    db.dispose()
    server.drop_database(url)
    return DrillResult(
        expected=expected,
        slack=platforms.slack_keys(),
        discord=platforms.discord_keys(),
        states=Counter(state for state, _ in rows),
        max_attempts=max((attempts for _, attempts in rows), default=0),
        kills=workers.kills,
        db_restarted=restarted,
        faults={"slack": platforms.slack_chaos.counts, "discord": platforms.discord_chaos.counts},
        discord_posts=sum(
            1 for r in platforms.discord.requests if r.method == "POST" and "/messages" in r.path
        ),
        events=sorted(platforms.slack_chaos.events + platforms.discord_chaos.events),
        seconds=seconds,
        worker_errors=worker_errors,
    )
