"""What every language shares: the context names one, and each family answers in it."""

from __future__ import annotations

import pytest
from proof_helpers import about, check

from bot.drafting.proofread import ProofContext
from bot.drafting.proofread.core import LANGUAGES


def test_english_is_the_default() -> None:
    assert ProofContext().language == "en"


@pytest.mark.parametrize("language", ["", "EN", "es-ES", "it", "klingon"])
def test_a_language_we_do_not_proofread_is_refused_by_name(language: str) -> None:
    with pytest.raises(ValueError, match="en, es, fr, de, pt"):
        ProofContext(language=language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_family_answers_in_every_language(language: str) -> None:
    """One note that trips the language-dependent checks: each answers, none raises."""
    findings = check(
        "Gracias.",
        subject="",
        language=language,
        kind="thank_you",
        interviewer_name="Ana Ruiz",
        specifics=("the Kafka migration",),
        stage="informational",
    )
    problems = {f.problem.split(":")[0].split("'")[0] for f in findings}
    assert {"The subject line is empty", "The note never addresses Ana Ruiz by name"} <= problems


@pytest.mark.parametrize(
    ("language", "example"),
    [
        ("en", "Thank you for today's interview"),
        ("es", "Gracias por la entrevista de hoy"),
        ("fr", "Merci pour l'entretien d'aujourd'hui"),
        ("de", "Vielen Dank für das heutige Gespräch"),
        ("pt", "Obrigado pela entrevista de hoje"),
    ],
)
def test_hints_are_english_and_what_they_suggest_is_in_the_drafts_language(
    language: str, example: str
) -> None:
    (finding,) = about(check("Text.", subject="", language=language), "subject")
    assert finding.problem == "The subject line is empty"
    assert finding.fix == f"Add a short subject, e.g. '{example}'."


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("es", "Hola, Ana:\n\nGracias por la entrevista. Un saludo,\nJavier"),
        ("fr", "Bonjour Ana,\n\nMerci pour l'entretien. Cordialement,\nJulien"),
        ("de", "Hallo Ana,\n\nvielen Dank für das Gespräch. Viele Grüße\nJonas"),
        ("pt", "Olá, Ana,\n\nObrigado pela entrevista. Abraços,\nRafael"),
    ],
)
def test_a_note_in_its_own_language_is_clean_and_the_same_note_read_as_english_is_not(
    language: str, body: str
) -> None:
    assert about(check(body, subject="Ana", language=language), "misspelling") == []
    assert about(check(body, subject="Ana"), "misspelling") != []
