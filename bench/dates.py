"""The dates tables (tests/fixtures/phrasings/) read by our parser and by plain
`dateparser.parse`, in the same run: per table, the share understood and the rows read as
another moment; over both, the median time to parse one phrase. first.txt was written beside
the parser, second.txt independently of it, so the second is the honest measure.

Target (issue #15): at least 95% understood, none silently wrong, a phrase under 2 ms.
dateparser gets sensible settings (the member's zone, future dates, the zone's date order);
it has no default time, so a bare date it reads at midnight counts as right when the day is.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import datetime
from types import ModuleType
from typing import Any

import dateparser

from bench._tests_loader import load
from bot.domain.timeparse import parse_when
from bot.domain.timewords import date_order_of
from bot.errors import UserError

TARGET_SHARE = 0.95
TARGET_MS = 2.0


def _tables() -> ModuleType:
    """The tests' table loader: the data are read one way, in one place."""
    return load("domain/phrasings.py")


def _ours(row: Any) -> tuple[datetime | None, datetime | None]:
    try:
        parsed = parse_when(
            row.text, now=row.clock.now, tz=row.clock.tz, language=row.clock.language
        )
    except UserError:
        return None, None
    return parsed.at, parsed.ends_at


def _plain(row: Any) -> tuple[datetime | None, datetime | None]:
    clock = row.clock
    settings: Any = {
        "RELATIVE_BASE": clock.now.replace(tzinfo=None),
        "TIMEZONE": clock.tz.key,
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": date_order_of(clock.tz, clock.language),
    }
    try:
        found = dateparser.parse(row.text, languages=[clock.language], settings=settings)
    except Exception:  # a crash counts as a refusal in this comparison
        return None, None
    if found is None:
        return None, None
    local = found.astimezone(clock.tz)
    start = row.start
    midnight = local.time() == datetime.min.time()
    if start is not None and midnight and start.hour == 9 and local.date() == start.date():
        return start, row.end  # a bare date, read at 00:00: right when the day is
    return found, row.end  # no ends to give: a range counts on its start


def _score(rows: list[Any], read: Callable[[Any], tuple[Any, Any]]) -> tuple[float, int]:
    """Share of rows with a meaning read right, and rows read as another moment."""
    right = wrong = meant = 0
    for row in rows:
        start, end = read(row)
        if row.start is not None:
            meant += 1
        if start is None:
            continue
        if row.start is not None and start == row.start and end == row.end:
            right += 1
        else:
            wrong += 1
    return right / meant, wrong


def _median_ms(rows: list[Any], read: Callable[[Any], object], repeats: int) -> float:
    """Median over phrases of each phrase's best time of `repeats` parses."""
    times = []
    for row in rows:
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            read(row)
            best = min(best, time.perf_counter() - start)
        times.append(best * 1000)
    return statistics.median(times)


def run(quick: bool = False) -> list[tuple[str, float, float, float | None, str, bool]]:
    """Measure and return rows: (name, value, baseline, ratio, target, ok)."""
    tables = _tables()
    by_name = {
        name: tables.load(name)
        for name in (*tables.NAMES, *tables.LANGUAGE_NAMES, *tables.SECOND_LANGUAGE_NAMES)
    }
    rows = [row for table in by_name.values() for row in table]
    for row in rows[:20]:  # load dateparser's language data before timing
        _ours(row)
        _plain(row)
    measured: list[tuple[str, float, float, float | None, str, bool]] = []
    for name, table in by_name.items():
        share, wrong = _score(table, _ours)
        plain_share, plain_wrong = _score(table, _plain)
        measured += [
            (
                f"% of {name}.txt understood ({len(table)} rows), vs plain dateparser",
                100 * share,
                100 * plain_share,
                share / plain_share,
                f">= {TARGET_SHARE:.0%}",
                share >= TARGET_SHARE,
            ),
            (f"{name}.txt rows read as another moment", wrong, plain_wrong, None, "0", wrong == 0),
        ]
    repeats = 1 if quick else 5
    ours_ms = _median_ms(rows, _ours, repeats)
    plain_ms = _median_ms(rows, _plain, repeats)
    measured.append(
        (
            "median ms to parse one phrase",
            ours_ms,
            plain_ms,
            ours_ms / plain_ms,
            f"< {TARGET_MS:g} ms",
            ours_ms < TARGET_MS,
        )
    )
    return measured
