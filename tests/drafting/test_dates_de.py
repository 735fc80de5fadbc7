"""German dates in drafts: 'gestern', 'am Dienstag', 'am 3. November'; 'bis Freitag um 12 Uhr'."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.drafting.sentences_de import day_phrase, due_phrase

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("day", "days_ago", "said"),
    [
        (MONDAY, 0, "heute"),
        (date(2026, 11, 22), 1, "gestern"),
        (date(2026, 11, 17), 6, "am Dienstag"),
        (date(2026, 11, 3), 20, "am 3. November"),
        (date(2026, 3, 1), 267, "am 1. März"),
    ],
)
def test_a_day_behind_us_is_said_the_german_way(day: date, days_ago: int, said: str) -> None:
    assert day_phrase(day, days_ago) == said


@pytest.mark.parametrize(
    ("day", "days_ahead", "wall", "said"),
    [
        (date(2026, 11, 27), 4, time(12, 0), "bis Freitag um 12 Uhr"),
        (date(2026, 11, 24), 1, None, "bis morgen"),
        (MONDAY, 0, time(9, 30), "bis heute um 9:30 Uhr"),
        (date(2026, 12, 4), 11, None, "bis zum 4. Dezember"),
        (date(2026, 11, 25), 2, time(17, 15), "bis Mittwoch um 17:15 Uhr"),
    ],
)
def test_a_promises_date_is_said_on_the_24_hour_clock(
    day: date, days_ahead: int, wall: time | None, said: str
) -> None:
    assert due_phrase(day, days_ahead, wall) == said
