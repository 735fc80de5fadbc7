"""Tables of phrasings members type for a time, each with the moment it means.

A table is a text file under tests/fixtures/phrasings/. A clock line says who is typing
and when, and in which language when not English; each row under it is `text => meant`:

    [ny-tuesday | America/New_York | 2026-12-01 09:40]
    [madrid-tuesday | Europe/Madrid | 2026-12-01 09:40 | es]
    tomorrow 3pm => 2026-12-02 15:00
    thursday 2-3pm => 2026-12-03 14:00-15:00
    2pm ET => 2026-12-01 14:00 America/New_York
    next month => refuse

meant is the wall clock in the member's zone, with an end for a range, or in another zone
the text named, or "refuse" when no reading is right. A date without a time means 09:00,
parse_when's default. Lines starting with # are comments. Shared by the table test and
`python -m bench dates`, so both measure the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

TABLES = Path(__file__).resolve().parent.parent / "fixtures" / "phrasings"
# first.txt was written beside the parser; second.txt and third.txt by people who never read
# it (third.txt after the fixes second.txt prompted, so it measured them fresh).
NAMES = ("first", "second", "third")
# One table a language (issue #18), each typed on clocks of places that speak it.
LANGUAGE_NAMES = ("es", "fr", "de", "pt")
# A second table a language, written by people who had read neither the parser nor the first
# tables, so it measures fresh what the first ones were fixed for.
SECOND_LANGUAGE_NAMES = tuple(f"{language}2" for language in LANGUAGE_NAMES)


@dataclass(frozen=True)
class Clock:
    """Who is typing, and when."""

    name: str
    tz: ZoneInfo
    now: datetime  # aware, in `tz`
    language: str = "en"


@dataclass(frozen=True)
class Row:
    table: str
    clock: Clock
    text: str
    start: datetime | None  # None: refusing is right
    end: datetime | None

    @property
    def key(self) -> str:
        return f"{self.table}:{self.clock.name}:{self.text}"


def load(name: str) -> list[Row]:
    """The rows of one table, in file order."""
    rows: list[Row] = []
    clock: Clock | None = None
    for number, raw in enumerate((TABLES / f"{name}.txt").read_text().splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            label, zone, now, *language = (part.strip() for part in line.strip("[]").split("|"))
            tz = ZoneInfo(zone)
            at = datetime.fromisoformat(now).replace(tzinfo=tz)
            clock = Clock(label, tz, at, *language)
            continue
        if clock is None or " => " not in line:
            raise ValueError(f"{name}.txt line {number}: {raw!r} is not a row under a clock")
        text, meant = (part.strip() for part in line.split(" => "))
        rows.append(_row(name, clock, text, meant))
    return rows


def _row(table: str, clock: Clock, text: str, meant: str) -> Row:
    if meant == "refuse":
        return Row(table, clock, text, None, None)
    day, clock_time, *zone = meant.split()
    tz = ZoneInfo(zone[0]) if zone else clock.tz
    start_text, _, end_text = clock_time.partition("-")
    start = datetime.fromisoformat(f"{day} {start_text}").replace(tzinfo=tz)
    end = datetime.fromisoformat(f"{day} {end_text}").replace(tzinfo=tz) if end_text else None
    return Row(table, clock, text, start, end)
