"""Clocks: the real one, and one the console and tests can move."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class SystemClock:
    """The machine's time in UTC."""

    def now(self) -> datetime:
        """Return the current time in UTC."""
        return datetime.now(UTC)


class ManualClock:
    """A clock that moves only when told: deterministic tests and console scenarios."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        """Return the simulated time."""
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        """Move forward by `delta` and return the new time."""
        self._now += delta
        return self._now

    def set(self, at: datetime) -> None:
        """Jump to `at`."""
        self._now = at.astimezone(UTC)


class OffsetClock:
    """Real time plus an offset: `:advance` in a console that also runs on real time."""

    def __init__(self) -> None:
        self._offset = timedelta()

    def now(self) -> datetime:
        """Return real time shifted by what has been advanced."""
        return datetime.now(UTC) + self._offset

    def advance(self, delta: timedelta) -> datetime:
        """Shift the clock forward by `delta` and return the new time."""
        self._offset += delta
        return self.now()

    def set(self, at: datetime) -> None:
        """Shift the clock so that it reads `at` now (then runs on from there)."""
        self._offset = at - datetime.now(UTC)
