"""Phrasings members type for a time, each with the moment it means: understood, or refused
with a suggestion that works, never silently read as another moment.

The tables live in tests/fixtures/phrasings/ (format: tests/domain/phrasings.py): first.txt
was written beside the parser, second.txt and third.txt independently, by people who had not
read it.
"""

from __future__ import annotations

import re
from datetime import UTC

import pytest

from bot.domain.timeparse import ParsedTime, parse_when
from bot.errors import UserError
from tests.domain.phrasings import NAMES, Row, load

TABLES = {name: load(name) for name in NAMES}
ROWS = [row for rows in TABLES.values() for row in rows]

# The share of rows with a meaning that are read right, per table; it only rises.
# `python -m bench dates` prints each beside plain dateparser.
FLOOR = 0.95

# Refused today though a reading is right, each with why it waits. Keep it short.
NOT_YET: dict[str, str] = {
    "second:berlin-winter:morgen 10 Uhr": "German: issue #18 (languages)",
}

# Quoted text, not the apostrophe of "couldn't".
_QUOTED = re.compile(r"(?<!\w)'([^']+)'(?!\w)")


def _parse(row: Row, text: str | None = None) -> ParsedTime:
    return parse_when(text or row.text, now=row.clock.now.astimezone(UTC), tz=row.clock.tz)


def _outcome(row: Row) -> str:
    """'right', 'refused' or 'wrong' for one row."""
    try:
        parsed = _parse(row)
    except UserError:
        return "refused"
    if row.start is None:
        return "wrong"
    return "right" if parsed.at == row.start and parsed.ends_at == row.end else "wrong"


@pytest.mark.parametrize("name", NAMES)
def test_each_table_is_large_and_has_no_repeats(name: str) -> None:
    rows = TABLES[name]
    assert len(rows) >= 250
    assert len({row.key for row in rows}) == len(rows)
    assert len({row.clock.name for row in rows}) >= 3


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.key)
def test_row_is_understood_or_refused_never_misread(row: Row) -> None:
    outcome = _outcome(row)
    if row.key in NOT_YET:
        assert outcome == "refused", "now understood: take it off NOT_YET"
    elif row.start is None:
        assert outcome == "refused", _describe(row)
    else:
        assert outcome == "right", _describe(row)


def test_every_refusal_suggests_something_the_parser_accepts() -> None:
    for row in ROWS:
        try:
            _parse(row)
        except UserError as error:
            said = f"{error.message} {error.hint or ''}"
            suggestions = [s for s in _QUOTED.findall(said) if s != row.text]
            assert any(_accepts(row, s) for s in suggestions), (row.text, said)


@pytest.mark.parametrize("name", NAMES)
def test_share_understood_reaches_the_floor(name: str) -> None:
    meant = [row for row in TABLES[name] if row.start is not None]
    right = sum(_outcome(row) == "right" for row in meant)
    assert right / len(meant) >= FLOOR, f"{right}/{len(meant)}"


def _accepts(row: Row, text: str) -> bool:
    try:
        _parse(row, text)
    except UserError:
        return False
    return True


def _describe(row: Row) -> str:
    try:
        parsed = _parse(row)
    except UserError as error:
        return f"refused: {error.message}"
    local = parsed.at.astimezone(row.clock.tz)
    return f"read as {local:%Y-%m-%d %H:%M %Z} {parsed.ends_at}, {parsed.notes}"
