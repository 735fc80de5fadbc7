"""Proofreading in French: spelling and elisions, spacing before ? ! : ;, tone, names."""

from __future__ import annotations

from typing import Any

import pytest
from proof_corpus import everyday_words, measure, spelling
from proof_helpers import about, check

from bot.chat import Finding
from bot.drafting.proofread import ProofContext

LANGUAGE = "fr"
NO_CONTEXT = ProofContext(language=LANGUAGE)
NNBSP, NBSP = "\u202f", "\u00a0"


def check_fr(body: str, subject: str = "Merci", **context: Any) -> list[Finding]:
    return check(body, subject=subject, language=LANGUAGE, **context)


def test_everyday_words_are_never_flagged() -> None:
    words = everyday_words(LANGUAGE)
    assert len(words) >= 200
    assert [w for w in words if spelling(LANGUAGE, w, NO_CONTEXT)] == []


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        pytest.param("deja", "déjà", id="two-accents"),
        pytest.param("etre", "être", id="circumflex"),
        pytest.param("reponse", "réponse", id="acute"),
        pytest.param("interessant", "intéressant", id="accent-inside"),
        pytest.param("cordialment", "cordialement", id="dropped-letter"),
        pytest.param("entretein", "entretien", id="swapped-letters"),
        pytest.param("recrutment", "recrutement", id="dropped-e"),
        pytest.param("aujourdhui", "aujourd'hui", id="missing-apostrophe"),
    ],
)
def test_a_planted_typo_is_caught_with_the_right_first_suggestion(typo: str, meant: str) -> None:
    found = spelling(LANGUAGE, f"Bonjour Claire,\n\nJe vois {typo} ici.", NO_CONTEXT)
    assert found == {typo: meant}


def test_a_typo_after_an_elided_article_is_the_word_alone() -> None:
    found = spelling(LANGUAGE, "Bonjour Claire,\n\nMerci à toute l'équpe.", NO_CONTEXT)
    assert found == {"équpe": "équipe"}


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
        pytest.param("J'ai parlé avec Karim et Sonia Benali de Quantia.", id="names"),
        pytest.param("Écrivez-moi à bastien.morin@courriel.fr ou sur quantia.fr.", id="email"),
        pytest.param("J'ai travaillé avec Kubernetes, Grafana et PostgreSQL.", id="products"),
        pytest.param("C'est-à-dire qu'aujourd'hui, peut-être, le week-end.", id="hyphens-elisions"),
        pytest.param("Rendez-vous le 3 mars à 9 h 30, d'accord ?", id="numbers-and-times"),
    ],
)
def test_names_companies_and_addresses_are_never_flagged(body: str) -> None:
    assert about(check_fr(body), "misspelling") == []


@pytest.mark.parametrize(
    ("body", "said", "space"),
    [
        pytest.param("Merci!", "Merci!", NNBSP, id="exclamation"),
        pytest.param("Êtes-vous disponible?", "disponible?", NNBSP, id="question"),
        pytest.param("Voici le programme: demain.", "programme:", NBSP, id="colon"),
        pytest.param("Merci; à bientôt.", "Merci;", NNBSP, id="semicolon"),
        pytest.param("Vraiment?!", "Vraiment?", NNBSP, id="interrobang-once"),
    ],
)
def test_a_mark_without_its_space_is_a_warning(body: str, said: str, space: str) -> None:
    """The fix shows the space French sets before that mark: a full one before ':'."""
    (finding,) = about(check_fr(body), "space")
    assert finding.level == "warning"
    assert f"'{said}'" in finding.problem
    assert f"'{said[:-1]}{space}{said[-1]}'" in finding.fix


def test_every_mark_without_its_space_is_counted_in_one_finding() -> None:
    (finding,) = about(check_fr("Merci! Demain? Oui: bien."), "space")
    assert finding.problem.startswith("3 marks without the space")


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Merci ! Demain ? Oui : bien ; voilà.", id="plain-space"),
        pytest.param(f"Merci{NBSP}! Demain{NBSP}?", id="no-break-space"),
        pytest.param(f"Merci{NNBSP}! Demain{NNBSP}?", id="narrow-no-break-space"),
        pytest.param("Rendez-vous à 10:30 ou sur https://quantia.fr/?ref=1.", id="time-and-url"),
        pytest.param("Écrivez à contact@quantia.fr.", id="address"),
    ],
)
def test_spaced_marks_times_and_links_pass(body: str) -> None:
    assert about(check_fr(body), "space") == []


def test_reply_prefixes_in_the_subject_pass() -> None:
    assert about(check_fr("Bonjour Claire,\n\nMerci.", subject="Re: Entretien"), "space") == []


def test_spacing_is_asked_of_french_only() -> None:
    assert about(check("Thank you! See you at 10:30?"), "space") == []


@pytest.mark.parametrize(
    ("body", "said", "instead"),
    [
        pytest.param("Merci bcp pour l'appel.", "bcp", "beaucoup", id="abbreviation"),
        pytest.param("Ouais, c'est bon pour moi.", "Ouais", "oui", id="ouais"),
        pytest.param("Le boulot a l'air passionnant.", "boulot", "travail", id="slang"),
        pytest.param("C'était super intéressant.", "super", "très", id="super"),
    ],
)
def test_casual_words_are_warnings_with_french_wording(body: str, said: str, instead: str) -> None:
    (finding,) = about(check_fr(body), "Casual")
    assert f"'{said}'" in finding.problem
    assert instead in finding.fix


def test_an_informal_sign_off_is_only_worth_a_thought() -> None:
    (finding,) = about(check_fr("Bonjour Léa,\n\nMerci.\n\nBises,\nHugo"), "sign-off")
    assert finding.level == "info"


@pytest.mark.parametrize(
    ("body", "said"),
    [
        pytest.param(
            "J'espère que ce message vous trouve bien.",
            "J'espère que ce message vous trouve bien",
            id="finds-you-well",
        ),
        pytest.param(
            "Suite à mon dernier mail, je reste disponible.",
            "Suite à mon dernier mail",
            id="per-my-last",
        ),
    ],
)
def test_cliches_are_warnings(body: str, said: str) -> None:
    (finding,) = about(check_fr(body), "Cliche")
    assert f"'{said}'" in finding.problem


def test_je_me_permets_de_revenir_vers_vous_is_plain_french() -> None:
    assert about(check_fr("Je me permets de revenir vers vous."), "Cliche") == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Madame,\n\nJe vous remercie.", id="madame"),
        pytest.param("Monsieur Girard,\n\nJe vous remercie.", id="monsieur-and-name"),
        pytest.param("Bonjour Claire,\n\nMerci.", id="bonjour"),
        pytest.param("Bonjour Madame Meyer,\n\nMerci.", id="bonjour-madame"),
    ],
)
def test_french_greetings_pass(body: str) -> None:
    assert about(check_fr(body), "greeting") == []


def test_madame_alone_addresses_the_reader_of_a_thank_you() -> None:
    findings = check_fr(
        "Madame,\n\nJe vous remercie pour l'entretien.",
        kind="thank_you",
        interviewer_name="Claire Dubois",
    )
    assert about(findings, "never addresses") == []


def test_madame_and_a_family_name_is_not_the_wrong_name_form() -> None:
    findings = check_fr(
        "Madame Moreau,\n\nMerci.", interviewer_name="Isabelle Moreau", greeting_name="Isabelle"
    )
    assert about(findings, "greeting calls them") == []


def test_a_first_name_greeting_for_someone_who_goes_by_another_is_told_in_french() -> None:
    (finding,) = about(
        check_fr(
            "Bonjour Katherine,\n\nMerci.",
            interviewer_name="Katherine Lee",
            greeting_name="Kate",
        ),
        "greeting calls them",
    )
    assert "'Bonjour Kate,'" in finding.fix


def test_nous_nous_is_no_repeated_word() -> None:
    assert about(check_fr("Nous nous sommes vus lundi."), "Repeated") == []
    assert about(check_fr("Le le poste."), "Repeated") != []
