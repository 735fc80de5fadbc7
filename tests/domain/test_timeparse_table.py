"""Phrasings members type for a time, each with the moment it means: understood, or refused
with a suggestion that works, never silently read as another moment.

The tables live in tests/fixtures/phrasings/ (format: tests/domain/phrasings.py): first.txt
was written beside the parser, second.txt and third.txt independently, by people who had not
read it; es.txt, fr.txt, de.txt and pt.txt are the same kinds of phrasing in each language,
typed on clocks where it is spoken, and their refusals must suggest phrases in it; es2.txt,
fr2.txt, de2.txt and pt2.txt are second ones, written by people who had read neither the
parser nor the first.
"""

from __future__ import annotations

import re
from datetime import UTC

import pytest

from bot.domain.timeparse import ParsedTime, parse_when
from bot.errors import UserError
from tests.domain.phrasings import LANGUAGE_NAMES, NAMES, SECOND_LANGUAGE_NAMES, Row, load

LANGUAGE_TABLES = (*LANGUAGE_NAMES, *SECOND_LANGUAGE_NAMES)
TABLES = {name: load(name) for name in (*NAMES, *LANGUAGE_TABLES)}
ROWS = [row for rows in TABLES.values() for row in rows]
# Rows and clocks each table holds at least: the English ones are larger.
SIZES = {**dict.fromkeys(NAMES, (250, 3)), **dict.fromkeys(LANGUAGE_TABLES, (80, 2))}
# English date words that have no place in a suggestion made in another language.
_ENGLISH = re.compile(
    r"\b(?:today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|next|last|week|days|hours|\d+\s*[ap]m)\b"
)

# The share of rows with a meaning that are read right, per table; it only rises.
# `python -m bench dates` prints each beside plain dateparser.
FLOOR = 0.95

# Refused today though a reading is right, each with why it waits. Keep it short.
NOT_YET: dict[str, str] = {
    "second:berlin-winter:morgen 10 Uhr": "German words, read when the language is de (de.txt)",
}

# Quoted text, not the apostrophe of "couldn't".
_QUOTED = re.compile(r"(?<!\w)'([^']+)'(?!\w)")


def _parse(row: Row, text: str | None = None) -> ParsedTime:
    return parse_when(
        text or row.text,
        now=row.clock.now.astimezone(UTC),
        tz=row.clock.tz,
        language=row.clock.language,
    )


def _outcome(row: Row) -> str:
    """'right', 'refused' or 'wrong' for one row."""
    try:
        parsed = _parse(row)
    except UserError:
        return "refused"
    if row.start is None:
        return "wrong"
    return "right" if parsed.at == row.start and parsed.ends_at == row.end else "wrong"


@pytest.mark.parametrize("name", TABLES)
def test_each_table_is_large_and_has_no_repeats(name: str) -> None:
    rows = TABLES[name]
    least_rows, least_clocks = SIZES[name]
    assert len(rows) >= least_rows
    assert len({row.key for row in rows}) == len(rows)
    assert len({row.clock.name for row in rows}) >= least_clocks


@pytest.mark.parametrize("name", LANGUAGE_TABLES)
def test_a_language_table_is_typed_in_its_language_with_refusals_among_it(name: str) -> None:
    rows = TABLES[name]
    assert {row.clock.language for row in rows} == {name.removesuffix("2")}
    refused = sum(row.start is None for row in rows)
    assert 0.1 <= refused / len(rows) <= 0.25, refused


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


def test_suggestions_in_another_language_are_written_in_it() -> None:
    for row in ROWS:
        if row.clock.language == "en":
            continue
        try:
            parsed = _parse(row)
        except UserError as error:
            said = [error.message, error.hint or ""]
        else:
            said = list(parsed.notes)
        # The member's own words quoted back ("'sábado 11 am' read as...") are theirs.
        for suggestion in set(_QUOTED.findall(" ".join(said))) - {row.text}:
            assert not _ENGLISH.search(suggestion.casefold()), (row.key, suggestion)


@pytest.mark.parametrize("name", TABLES)
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
