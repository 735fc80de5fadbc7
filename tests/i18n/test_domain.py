"""The core's refusals and proofreader findings come out in the member's language.

They are said through `_()` when they are built, so inside `speaking("de")` the real
functions answer in German, and a date refusal's examples stay phrases the parser reads.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.languages import parse_language
from bot.domain.people import parse_people
from bot.domain.timeparse import parse_duration, parse_when
from bot.drafting.compose import compose_links
from bot.drafting.proofread import ProofContext, proofread
from bot.errors import UserError
from bot.i18n import speaking

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


def _refusal(text: str, language: str) -> UserError:
    with pytest.raises(UserError) as refused:
        parse_when(text, now=NOW, tz=BERLIN, language=language)
    return refused.value


def test_a_refused_date_is_said_in_german_with_german_examples_the_parser_reads() -> None:
    with speaking("de"):
        error = _refusal("blabla", "de")
    assert error.message == "Ich konnte 'blabla' nicht als Datum und Uhrzeit lesen."
    assert error.hint is not None
    assert error.hint.startswith("Versuch 'morgen 15:00'")
    example = error.hint.split("'")[1]
    assert parse_when(example, now=NOW, tz=BERLIN, language="de").at > NOW


def test_a_date_refused_in_english_keeps_its_english_examples() -> None:
    with speaking("de"):
        error = _refusal("after 3pm friday", "en")
    assert error.message == "Bei 'after' bleibt unklar, welchen Zeitpunkt du meinst."
    assert error.hint == (
        "Gib einen Tag und eine Uhrzeit an, z. B. 'friday 2pm' oder 'tomorrow 10:00'."
    )


def test_the_same_refusal_stays_english_when_the_bot_speaks_english() -> None:
    error = _refusal("freitags", "de")
    assert error.message == "'freitags' is every week, and I need one day."
    assert error.hint == "Give one day, like 'Freitag 14:00'."


def test_an_unknown_language_is_refused_in_german_naming_each_language_in_itself() -> None:
    with speaking("de"), pytest.raises(UserError) as refused:
        parse_language("klingonisch")
    assert refused.value.message == "Die Sprache 'klingonisch' kenne ich nicht."
    assert refused.value.hint is not None
    assert "de (Deutsch)" in refused.value.hint


def test_other_refusals_of_the_core_speak_german_too() -> None:
    with speaking("de"):
        with pytest.raises(UserError) as duration:
            parse_duration("0m")
        with pytest.raises(UserError) as people:
            parse_people("Dr.")
    assert duration.value.message == "Die Dauer muss größer als null sein."
    assert people.value.message == "'Dr.' ist ein Titel. Wer ist gemeint?"


def test_a_spelling_finding_on_a_german_draft_is_said_in_german() -> None:
    body = "Hallo Jana,\n\nvielen Dank für das Gesprräch gestern.\n\nViele Grüße\nAda"
    with speaking("de"):
        findings = proofread("Danke für das Gespräch", body, ProofContext(language="de"))
    spelling = [f for f in findings if "Gesprräch" in f.problem]
    assert [f.problem for f in spelling] == ["Möglicher Rechtschreibfehler: 'Gesprräch'"]
    assert spelling[0].fix == "Meintest du 'Gespräch'?"


def test_a_finding_stays_english_when_the_bot_speaks_english() -> None:
    findings = proofread("", "Hallo Jana,\n\nvielen Dank!\n\nAda", ProofContext(language="de"))
    assert "The subject line is empty" in [f.problem for f in findings]


def test_the_compose_links_are_labelled_in_german() -> None:
    with speaking("de"):
        links = compose_links("jana@acme.com", "Danke", "Hallo Jana")
    assert [link.label for link in links] == [
        "In Gmail öffnen",
        "In Outlook öffnen",
        "In deiner Mail-App öffnen",
    ]
