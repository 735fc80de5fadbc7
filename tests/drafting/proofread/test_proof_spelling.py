"""Spelling: typos are flagged with a suggestion; names, terms and jargon are not."""

from __future__ import annotations

import pytest
from proof_helpers import about, check


@pytest.mark.parametrize(
    ("body", "word", "suggestion"),
    [
        pytest.param("I will recieve it.", "recieve", "receive", id="lowercase-typo"),
        pytest.param("Dear Sam,\n\nThnak you for today.", "Thnak", "Thank", id="sentence-start"),
        pytest.param("A well-knwon fact.", "knwon", "known", id="hyphenated-part"),
        pytest.param("Thank you.\n\nSincerly,\nJordan", "Sincerly", "Sincerely", id="sign-off"),
        pytest.param("We discussed teh plan.", "teh", "the", id="short-word"),
    ],
)
def test_misspelled_words_are_warnings_with_a_suggestion(
    body: str, word: str, suggestion: str
) -> None:
    (finding,) = about(check(body), "misspelling")
    assert finding.level == "warning"
    assert f"'{word}'" in finding.problem
    assert f"'{suggestion}'" in finding.fix


def test_a_misspelling_is_reported_once_however_often_it_occurs() -> None:
    assert len(about(check("I recieve it. You recieve it. Recieve it."), "misspelling")) == 1


@pytest.mark.parametrize(
    ("body", "known"),
    [
        pytest.param("Thank you, Okafor.", (), id="capitalised-mid-sentence"),
        pytest.param("We moved from RabbitMQ to Kafka.", (), id="product-names"),
        pytest.param("Okafor here.", ("Jordan Okafor",), id="known-term"),
        pytest.param("I'm sure we're right; don't worry, it's fine.", (), id="contractions"),
        pytest.param("An on-call, well-known, follow-up plan.", (), id="hyphenated"),
        pytest.param("The colour of the organisation's programme centre.", (), id="british"),
        pytest.param("My résumé and CV.", (), id="accents-and-acronyms"),
        pytest.param("See https://acme.example/xqzt or mail jo.xqzt@acme.example.", (), id="urls"),
        pytest.param("We use AWS, B2B, 2FA and K8s.", (), id="acronyms-and-digits"),
        pytest.param("Acme's roadmap and onboarding.", (), id="possessive-and-job-words"),
        pytest.param("Thank you.\n\nBest regards,\nJordan Okafor", (), id="signature-name"),
        pytest.param("Thank you.\n\nBest,\nZoltán Xqzt\nStaff Engineer", (), id="signature"),
    ],
)
def test_correct_words_names_and_terms_are_not_flagged(body: str, known: tuple[str, ...]) -> None:
    assert about(check(body, known_terms=known), "misspelling") == []


@pytest.mark.parametrize(
    ("body", "notes", "word"),
    [
        pytest.param(
            "I enjoyed our talk about the recieve path.",
            ("the recieve path",),
            "recieve",
            id="typo-in-a-note",
        ),
        pytest.param(
            "Migraton work is hard.", ("Migraton work",), "Migraton", id="first-word-of-a-note"
        ),
        pytest.param(
            "Thank you for the chat about teh plan.", ("teh plan",), "teh", id="specifics"
        ),
    ],
)
def test_a_typo_in_the_members_own_notes_is_flagged_in_the_draft(
    body: str, notes: tuple[str, ...], word: str
) -> None:
    (finding,) = about(check(body, member_terms=notes, specifics=notes), "misspelling")
    assert f"'{word}'" in finding.problem


@pytest.mark.parametrize(
    ("body", "notes"),
    [
        pytest.param("Rolling out Zaphyr went well.", ("rolling out Zaphyr",), id="capitalised"),
        pytest.param("Kubectl was fun.", ("kubectl via KubeCtl",), id="camel-case"),
        pytest.param("Plinkr2 scaled.", ("plinkr2",), id="digit"),
        pytest.param("We spoke about Okafor's talk.", (), id="name-mid-sentence"),
        pytest.param(
            "The netcode rewrite was fun.", ("the netcode rewrite",), id="a-term-no-word-is-near"
        ),
    ],
)
def test_names_and_jargon_in_the_members_notes_are_not_flagged(
    body: str, notes: tuple[str, ...]
) -> None:
    assert about(check(body, member_terms=notes), "misspelling") == []


def test_known_terms_are_exempt_even_in_lowercase() -> None:
    assert about(check("we met at zaphyr.", known_terms=("Zaphyr",)), "misspelling") == []
