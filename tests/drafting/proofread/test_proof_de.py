"""Proofreading in German: spelling with nouns' capitals and compounds, letter conventions."""

from __future__ import annotations

from typing import Any

import pytest
from proof_corpus import everyday_words, measure, spelling
from proof_helpers import about, check

from bot.chat import Finding
from bot.drafting.proofread import ProofContext

LANGUAGE = "de"
NO_CONTEXT = ProofContext(language=LANGUAGE)


def check_de(body: str, subject: str = "Vielen Dank", **context: Any) -> list[Finding]:
    return check(body, subject=subject, language=LANGUAGE, **context)


def test_everyday_words_are_never_flagged() -> None:
    words = everyday_words(LANGUAGE)
    assert len(words) >= 200
    assert [w for w in words if spelling(LANGUAGE, w, NO_CONTEXT)] == []


def test_everyday_nouns_mid_sentence_are_never_flagged() -> None:
    nouns = [w for w in everyday_words(LANGUAGE) if w[0].isupper()]
    assert len(nouns) >= 80
    body = "Wir sprachen über " + ", ".join(nouns) + "."
    assert spelling(LANGUAGE, body, NO_CONTEXT) == {}


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        pytest.param("Gesprach", "Gespräch", id="missing-umlaut"),
        pytest.param("fur", "für", id="short-word-umlaut"),
        pytest.param("Grusse", "Grüße", id="umlaut-and-eszett"),
        pytest.param("moglich", "möglich", id="adjective-umlaut"),
        pytest.param("Rückmeldnug", "Rückmeldung", id="swapped-letters"),
        pytest.param("freundlcihen", "freundlichen", id="swapped-in-the-sign-off"),
        pytest.param("Unterlagn", "Unterlagen", id="dropped-letter"),
        pytest.param("Vorstelungsgespräch", "Vorstellungsgespräch", id="compound"),
        pytest.param("gespräch", "Gespräch", id="noun-in-lowercase"),
        pytest.param("bewerbung", "Bewerbung", id="another-noun-in-lowercase"),
    ],
)
def test_a_planted_typo_is_caught_with_the_right_first_suggestion(typo: str, meant: str) -> None:
    found = spelling(LANGUAGE, f"Hallo Julia,\n\nich sehe {typo} hier.", NO_CONTEXT)
    assert found == {typo: meant}


def test_a_misspelt_noun_mid_sentence_is_caught_though_nouns_are_capitalised() -> None:
    found = spelling(LANGUAGE, "Danke für das angenehme Gesprch heute.", NO_CONTEXT)
    assert found == {"Gesprch": "Gespräch"}


@pytest.mark.parametrize("text_set", ["texts", "holdout"])
def test_precision_and_recall_on_our_notes(text_set: str) -> None:
    score = measure(LANGUAGE, text_set)
    print(
        f"\n{LANGUAGE} {text_set}: precision {score.precision:.2f}, recall {score.recall:.2f}, "
        f"right first suggestion {score.first_suggestion:.2f}; missed {score.missed}, "
        f"flagged wrongly {score.false_alarms}"
    )
    assert score.caught >= 11
    assert score.precision >= 0.9
    assert score.recall >= 0.9
    assert score.first_suggestion >= 0.8


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Ich habe mit Herrn Brandt und Frau Okonkwo gesprochen.", id="after-titles"),
        pytest.param("Das Team von Jan und Sophie bei Nordwerk war toll.", id="names-and-company"),
        pytest.param("Erreichbar unter marco.roth@posteo.de oder nordwerk.de.", id="email"),
        pytest.param("Ich arbeite mit Kubernetes, Grafana und PostgreSQL.", id="products"),
        pytest.param("Das Instandhaltungsteam und die Approbationsurkunde.", id="compounds"),
        pytest.param("Am Mittwoch, den 3. März, um 9:30 Uhr.", id="dates-and-times"),
    ],
)
def test_names_companies_compounds_and_addresses_are_never_flagged(body: str) -> None:
    assert about(check_de(body), "misspelling") == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "Sehr geehrte Frau Weiß,\n\nvielen Dank für das Gespräch.", id="formal-greeting"
        ),
        pytest.param("Hallo Julia,\n\ndanke für deinen Anruf!", id="informal-greeting"),
        pytest.param(
            "Der Termin am Donnerstag passt. Die Unterlagen schicke ich morgen.",
            id="nouns-mid-sentence",
        ),
        pytest.param("Das gilt z. B. für Montag. Es geht u. a. um Daten.", id="abbreviations"),
    ],
)
def test_german_letter_conventions_are_not_sentence_case_errors(body: str) -> None:
    assert about(check_de(body), "lowercase") == []


def test_a_lowercase_sentence_after_a_full_stop_is_still_noticed() -> None:
    (finding,) = about(check_de("Hallo Julia,\n\nvielen Dank für alles. bis morgen."), "lowercase")
    assert "'bis'" in finding.fix


def test_a_misspelt_noun_stays_a_spelling_finding_not_a_sentence_case_one() -> None:
    findings = check_de("Hallo Julia,\n\nvielen Dank für das gespräch.")
    assert about(findings, "lowercase") == []
    (finding,) = about(findings, "misspelling")
    assert "'Gespräch'" in finding.fix


@pytest.mark.parametrize(
    ("body", "said"),
    [
        pytest.param("Hallo Julia,\n\ndanke.\n\nLG\nMax", "LG", id="abbreviated-sign-off"),
        pytest.param("Hallo Julia,\n\ndanke.\n\nMfG\nMax", "MfG", id="mfg"),
        pytest.param("Hey Julia, danke.", "Hey", id="hey"),
        pytest.param("Das Projekt klingt mega spannend.", "mega", id="mega"),
        pytest.param("Ich hab ne Frage.", "ne", id="ne"),
    ],
)
def test_casual_words_are_warnings_with_german_wording(body: str, said: str) -> None:
    (finding,) = about(check_de(body), "Casual")
    assert f"'{said}'" in finding.problem


def test_abbreviated_sign_offs_are_told_in_full() -> None:
    (finding,) = about(check_de("Danke.\n\nMfG\nMax"), "Casual")
    assert "'Mit freundlichen Grüßen'" in finding.fix


@pytest.mark.parametrize(
    ("body", "said"),
    [
        pytest.param("Ich wollte nur kurz nachhaken.", "nur kurz nachhaken", id="nachhaken"),
        pytest.param(
            "Ich hoffe, diese E-Mail erreicht Sie wohlauf.",
            "Ich hoffe, diese E-Mail erreicht Sie wohlauf",
            id="reaches-you-well",
        ),
    ],
)
def test_cliches_are_warnings(body: str, said: str) -> None:
    (finding,) = about(check_de(body), "Cliche")
    assert f"'{said}'" in finding.problem


def test_a_title_alone_in_a_german_greeting_is_an_error() -> None:
    findings = check_de("Sehr geehrte Frau Dr.,\n\nvielen Dank.", interviewer_name="Petra Krüger")
    (finding,) = about(findings, "title")
    assert "'Frau Dr. Krüger'" in finding.fix


def test_the_sehr_geehrte_greeting_names_the_reader() -> None:
    findings = check_de(
        "Sehr geehrte Frau Weiß,\n\nvielen Dank.", kind="thank_you", interviewer_name="Katrin Weiß"
    )
    assert about(findings, "never addresses") == []
    assert about(findings, "greeting calls them") == []


def test_die_die_is_no_repeated_word() -> None:
    assert about(check_de("Die Firma, die die Stelle ausschreibt."), "Repeated") == []


def test_a_noun_three_times_is_noticed_though_it_is_capitalised() -> None:
    body = "Das Gespräch war gut. Das Gespräch war lang. Das Gespräch war offen."
    assert about(check_de(body), "3 times") != []
