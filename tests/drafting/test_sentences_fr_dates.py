"""French dates in drafts: 'hier', 'mardi', 'le 3 novembre'; 'd'ici vendredi midi', 24-hour."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.drafting.sentences_fr import day_phrase, due_phrase

TUESDAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("day", "days_ago", "expected"),
    [
        (TUESDAY, 0, "aujourd'hui"),
        (TUESDAY, 1, "hier"),
        (TUESDAY, 3, "mardi"),
        (TUESDAY, 6, "mardi"),
        (date(2026, 11, 3), 21, "le 3 novembre"),
        (date(2026, 12, 1), 7, "le 1er décembre"),
        (date(2026, 8, 15), 100, "le 15 août"),
    ],
)
def test_a_day_behind_us_is_said_the_french_way(day: date, days_ago: int, expected: str) -> None:
    assert day_phrase(day, days_ago) == expected


FRIDAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("day", "days_ahead", "wall", "expected"),
    [
        (FRIDAY, 4, time(12, 0), "d'ici vendredi midi"),
        (FRIDAY, 4, None, "d'ici vendredi"),
        (FRIDAY, 4, time(14, 30), "d'ici vendredi à 14 h 30"),
        (FRIDAY, 4, time(9, 0), "d'ici vendredi à 9 h"),
        (FRIDAY, 1, None, "d'ici demain"),
        (FRIDAY, 1, time(0, 0), "d'ici demain minuit"),
        (FRIDAY, 0, None, "d'ici ce soir"),
        (FRIDAY, 0, time(18, 0), "d'ici 18 h"),
        (date(2026, 12, 4), 11, None, "d'ici le 4 décembre"),
        (date(2027, 1, 1), 39, time(10, 0), "d'ici le 1er janvier à 10 h"),
        (FRIDAY, -3, time(12, 0), "d'ici le 27 novembre midi"),
    ],
)
def test_a_promise_date_ahead_is_said_the_french_way(
    day: date, days_ahead: int, wall: time | None, expected: str
) -> None:
    assert due_phrase(day, days_ahead, wall) == expected
