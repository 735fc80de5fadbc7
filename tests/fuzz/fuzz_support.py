"""What the fuzz tests share besides fixtures: the start, the same for every example,
and the ERROR-log oracle."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime

from bot.app import Core
from bot.chat import CommandRequest, MemberRef
from bot.scheduling.clock import ManualClock

# Monday 23 November 2026, 09:00 in New York, as in tests/conftest.py.
START = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
# Where an example's member starts: nothing yet, or interview #1 (with two interviewers)
# just logged, paused, or turned down. Commands meet each state a member can be in.
SEED_LOG = (
    "log",
    'company="Acme" role="Backend Engineer" when="tomorrow 3pm" stage=onsite '
    'with="Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel"',
)
SEEDS: dict[str, tuple[tuple[str, str], ...]] = {
    "empty": (),
    "logged": (SEED_LOG,),
    "paused": (SEED_LOG, ("pause", "#1")),
    "rejected": (SEED_LOG, ("outcome", "#1 rejected")),
}


class FreshStart:
    """Puts the fuzz core's database and clock back where every example starts.

    Examples used to inherit the rows and the time earlier ones left, so a failure
    depended on everything Hypothesis had tried before it in that run: it could not be
    replayed, shrunk or reproduced alone, and whether a run went red was chance. Now each
    example starts from the same database at `START`: empty, or its member in one of
    `SEEDS`. Each is an SQLite snapshot taken once and copied back with SQLite's backup
    API, far cheaper than deleting rows or logging the interview again.
    """

    def __init__(self, core: Core, clock: ManualClock) -> None:
        self.core = core
        self.clock = clock
        self._saved: dict[tuple[MemberRef, str] | None, sqlite3.Connection] = {}
        self._copy(into=self._snapshot(None))

    def __call__(self, member: MemberRef | None = None, seed: str = "empty") -> None:
        """Start over: empty, or with `member` already in the state `SEEDS[seed]` makes."""
        self.clock.set(START)
        key = None if member is None or not SEEDS[seed] else (member, seed)
        snapshot = self._saved.get(key)
        if snapshot is not None:
            self._copy(out_of=snapshot)
            return
        self._copy(out_of=self._saved[None])
        assert member is not None  # only a seeded start is ever missing
        for command, text in SEEDS[seed]:
            request = CommandRequest(member, command, text, START)
            reply = self.core.dispatcher.handle_sync(request).plain_text()
            assert "went wrong" not in reply, reply
        self._copy(into=self._snapshot(key))

    def _snapshot(self, key: tuple[MemberRef, str] | None) -> sqlite3.Connection:
        self._saved[key] = sqlite3.connect(":memory:")
        return self._saved[key]

    def _copy(
        self, *, into: sqlite3.Connection | None = None, out_of: sqlite3.Connection | None = None
    ) -> None:
        raw = self.core.deps.db.engine.raw_connection()
        try:
            live = raw.driver_connection
            assert isinstance(live, sqlite3.Connection)
            if into is not None:
                live.backup(into)
            if out_of is not None:
                out_of.backup(live)
        finally:
            raw.close()


class ErrorTrap(logging.Handler):
    """Keeps every record at ERROR or above, with its traceback, until taken."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[str]:
        """Formatted records since the last call (and forget them)."""
        found = [_describe(r) for r in self.records]
        self.records.clear()
        return found


def _describe(record: logging.LogRecord) -> str:
    text = f"{record.name}: {record.getMessage()}"
    if record.exc_info:
        text += "\n" + logging.Formatter().formatException(record.exc_info)
    return text
