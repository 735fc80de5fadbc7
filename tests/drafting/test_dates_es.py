"""Dates in Spanish drafts, said as a Spanish speaker says them (24-hour clock)."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.drafting.sentences_es import day_phrase, due_phrase

MONDAY = date(2026, 11, 23)
FRIDAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("day", "days_ago", "said"),
    [
        (MONDAY, 0, "hoy"),
        (MONDAY, 1, "ayer"),
        (date(2026, 11, 17), 6, "el martes"),
        (date(2026, 11, 18), 5, "el miércoles"),
        (date(2026, 11, 3), 20, "el 3 de noviembre"),
    ],
)
def test_a_day_behind_us(day: date, days_ago: int, said: str) -> None:
    assert day_phrase(day, days_ago) == said


@pytest.mark.parametrize(
    ("day", "days_ahead", "wall", "said"),
    [
        (FRIDAY, 4, time(12, 0), "antes del viernes al mediodía"),
        (FRIDAY, 4, None, "antes del viernes"),
        (date(2026, 11, 24), 1, time(15, 30), "mañana a las 15:30"),
        (date(2026, 11, 24), 1, time(1, 0), "mañana a la 1:00"),
        (MONDAY, 0, None, "hoy mismo"),
        (MONDAY, 0, time(18, 0), "hoy a las 18:00"),
        (date(2026, 12, 4), 11, None, "antes del 4 de diciembre"),
        (date(2026, 11, 28), 5, time(9, 5), "antes del sábado a las 9:05"),
    ],
)
def test_a_promises_date_ahead(day: date, days_ahead: int, wall: time | None, said: str) -> None:
    assert due_phrase(day, days_ahead, wall) == said
