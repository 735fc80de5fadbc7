"""Dates in Spanish, French, German and Portuguese: read in the member's language, refused
in their own words, with suggestions written in it. The phrasing tables (es.txt, fr.txt,
de.txt, pt.txt) hold the readings; these pin what the tables cannot show."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.timeparse import parse_when
from bot.domain.timevocab import fix_words, localize
from bot.domain.timewords import VOCABULARIES, date_order_of
from bot.errors import UserError

MADRID = ZoneInfo("Europe/Madrid")
TORONTO = ZoneInfo("America/Toronto")
BERLIN = ZoneInfo("Europe/Berlin")
# Tuesday 1 December 2026, 09:40 in Madrid and Berlin.
NOW = datetime(2026, 12, 1, 8, 40, tzinfo=UTC)


def local(text: str, language: str, tz: ZoneInfo = MADRID) -> datetime:
    parsed = parse_when(text, now=NOW, tz=tz, language=language)
    return parsed.at.astimezone(tz).replace(tzinfo=None)


def refusal(text: str, language: str, tz: ZoneInfo = MADRID) -> str:
    with pytest.raises(UserError) as caught:
        parse_when(text, now=NOW, tz=tz, language=language)
    return str(caught.value)


@pytest.mark.parametrize(
    ("language", "hint"),
    [
        ("es", "Try 'mañana 15:00', 'el próximo viernes 10:00' or '2026-12-01 15:00'."),
        ("fr", "Try 'demain 15:00', 'vendredi prochain 10:00' or '2026-12-01 15:00'."),
        ("de", "Try 'morgen 15:00', 'nächsten Freitag 10:00' or '2026-12-01 15:00'."),
        ("pt", "Try 'amanhã 15:00', 'próxima sexta 10:00' or '2026-12-01 15:00'."),
    ],
)
def test_what_cannot_be_read_is_refused_with_examples_in_the_language(
    language: str, hint: str
) -> None:
    said = refusal("asdf qwerty", language)
    assert said == f"I couldn't read 'asdf qwerty' as a date and time. {hint}"
    assert local(hint.split("'")[1], language).hour == 15  # the example itself is read


def test_the_same_words_are_english_for_an_english_member() -> None:
    assert "couldn't read 'mañana 15:00'" in refusal("mañana 15:00", "en")
    assert local("mañana 15:00", "es") == datetime(2026, 12, 2, 15, 0)
    assert local("tomorrow 3pm", "en") == datetime(2026, 12, 2, 15, 0)


def test_an_unclear_word_is_quoted_as_the_member_typed_it() -> None:
    said = refusal("después de las 3", "es")
    assert said.startswith("'después' leaves it unclear which moment you mean.")
    assert "'viernes 14:00' or 'mañana 10:00'" in said


def test_a_past_time_suggests_later_today_in_the_language() -> None:
    parsed = parse_when("hoy", now=NOW, tz=MADRID, language="es")
    assert parsed.at == datetime(2026, 12, 1, 9, 0, tzinfo=MADRID)
    assert parsed.notes[-1].endswith("If you meant later today, write 'hoy 11:00'.")


def test_the_languages_write_the_day_first_even_where_english_does_not() -> None:
    assert date_order_of(TORONTO, "en") == "MDY"
    assert date_order_of(TORONTO, "fr") == "DMY"
    assert local("1/12 10h", "fr", TORONTO) == datetime(2026, 12, 1, 10, 0)
    assert local("1/12 10am", "en", TORONTO) == datetime(2027, 1, 12, 10, 0)


def test_a_member_chosen_date_order_still_wins() -> None:
    parsed = parse_when("1/12 10:00", now=NOW, tz=MADRID, language="es", date_order="MDY")
    assert parsed.at == datetime(2027, 1, 12, 10, 0, tzinfo=MADRID)


@pytest.mark.parametrize(
    ("text", "language", "meant"),
    [
        ("morgen um 8 Uhr morgens", "de", datetime(2026, 12, 2, 8, 0)),  # not "morgen" twice
        ("amanhã de manhã", "pt", datetime(2026, 12, 2, 9, 0)),  # "manhã" is not "amanhã"
        ("mañana por la mañana", "es", datetime(2026, 12, 2, 9, 0)),
        ("viernse 10:00", "es", datetime(2026, 12, 4, 10, 0)),  # a typo of a day is fixed
        ("Freitga 10 Uhr", "de", datetime(2026, 12, 4, 10, 0)),
    ],
)
def test_words_of_the_language_are_never_taken_for_typos(
    text: str, language: str, meant: datetime
) -> None:
    assert local(text, language, BERLIN if language == "de" else MADRID) == meant


@pytest.mark.parametrize("code", VOCABULARIES)
def test_no_word_a_language_knows_is_corrected_into_another(code: str) -> None:
    vocabulary = VOCABULARIES[code]
    for word in vocabulary.known | vocabulary.unclear:
        fixed = fix_words(
            word,
            day_words=vocabulary.day_words,
            not_typos=vocabulary.known | vocabulary.unclear,
            before_name=vocabulary.before_name,
        )
        assert fixed == word


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("es", ["el próximo viernes 10:00", "el viernes pasado 14:00", "en 2 semanas"]),
        ("fr", ["vendredi prochain 10:00", "vendredi dernier 14:00", "dans 2 semaines"]),
        ("de", ["nächsten Freitag 10:00", "letzten Freitag 14:00", "in 2 Wochen"]),
        ("pt", ["próxima sexta 10:00", "sexta passada 14:00", "em 2 semanas"]),
    ],
)
def test_suggestions_are_written_as_the_language_writes_them(code: str, said: list[str]) -> None:
    english = ["next friday 10am", "last friday 2pm", "in 2 weeks"]
    assert [localize(phrase, VOCABULARIES[code]) for phrase in english] == said


def test_portuguese_days_agree_with_next_and_last() -> None:
    portuguese = VOCABULARIES["pt"]
    assert localize("next saturday 9am", portuguese) == "próximo sábado 09:00"
    assert localize("last sunday", portuguese) == "domingo passado"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("en 8 días", "es"),
        ("dans quinze jours", "fr"),
        ("in acht Tagen", "de"),
        ("daqui a 15 dias", "pt"),
    ],
)
def test_a_count_of_days_that_means_weeks_is_asked_about(text: str, language: str) -> None:
    said = refusal(text, language)
    assert said.startswith(f"'{text}' often means a week")
