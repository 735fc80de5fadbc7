"""Dates said the Brazilian way: 'ontem', 'na terça-feira', 'em 3 de novembro', and a
promise's date ahead on the 24-hour clock: 'até sexta-feira ao meio-dia', 'até amanhã às 9h'."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.drafting.sentences_pt import day_phrase, due_phrase

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("day", "days_ago", "said"),
    [
        (date(2026, 11, 23), 0, "hoje"),
        (date(2026, 11, 22), 1, "ontem"),
        (date(2026, 11, 17), 6, "na terça-feira"),
        (date(2026, 11, 21), 2, "no sábado"),
        (date(2026, 11, 15), 8, "em 15 de novembro"),
        (date(2026, 11, 3), 20, "em 3 de novembro"),
        (date(2026, 10, 1), 53, "em 1º de outubro"),
    ],
)
def test_a_day_behind_us_is_said_as_a_brazilian_says_it(
    day: date, days_ago: int, said: str
) -> None:
    assert day_phrase(day, days_ago) == said


@pytest.mark.parametrize(
    ("day", "days_ahead", "wall", "said"),
    [
        (date(2026, 11, 27), 4, time(12, 0), "até sexta-feira ao meio-dia"),
        (date(2026, 11, 27), 4, None, "até sexta-feira"),
        (date(2026, 11, 24), 1, time(9, 0), "até amanhã às 9h"),
        (date(2026, 11, 24), 1, time(15, 30), "até amanhã às 15h30"),
        (date(2026, 11, 24), 1, time(1, 0), "até amanhã à 1h"),
        (date(2026, 11, 24), 1, time(0, 0), "até amanhã à meia-noite"),
        (MONDAY, 0, None, "ainda hoje"),
        (MONDAY, 0, time(18, 0), "até hoje às 18h"),
        (date(2026, 12, 4), 11, None, "até 4 de dezembro"),
        (date(2026, 12, 1), 8, time(10, 0), "até 1º de dezembro às 10h"),
    ],
)
def test_a_promises_date_ahead_uses_ate_and_the_24_hour_clock(
    day: date, days_ahead: int, wall: time | None, said: str
) -> None:
    assert due_phrase(day, days_ahead, wall) == said
