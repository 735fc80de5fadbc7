"""Proofreading in Portuguese, as written in Brazil and in Portugal: spelling, tone, names."""

from __future__ import annotations

from typing import Any

import pytest
from proof_corpus import everyday_words, measure, spelling
from proof_helpers import about, check

from bot.chat import Finding
from bot.drafting.proofread import ProofContext

LANGUAGE = "pt"
NO_CONTEXT = ProofContext(language=LANGUAGE)


def check_pt(body: str, subject: str = "Obrigado", **context: Any) -> list[Finding]:
    return check(body, subject=subject, language=LANGUAGE, **context)


def test_everyday_words_are_never_flagged() -> None:
    words = everyday_words(LANGUAGE)
    assert len(words) >= 200
    assert [w for w in words if spelling(LANGUAGE, w, NO_CONTEXT)] == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("A equipe planejou o contato com o time.", id="brazil"),
        pytest.param("A equipa planeou o contacto e a receção.", id="portugal"),
    ],
)
def test_both_spellings_pass(body: str) -> None:
    assert spelling(LANGUAGE, body, NO_CONTEXT) == {}


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        pytest.param("voce", "você", id="circumflex"),
        pytest.param("informacoes", "informações", id="two-accents"),
        pytest.param("reuniao", "reunião", id="tilde"),
        pytest.param("tambem", "também", id="acute"),
        pytest.param("disponivel", "disponível", id="accent-inside"),
        pytest.param("obrigdo", "obrigado", id="dropped-letter"),
        pytest.param("entrevsita", "entrevista", id="swapped-letters"),
        pytest.param("oportunidde", "oportunidade", id="dropped-vowel"),
    ],
)
def test_a_planted_typo_is_caught_with_the_right_first_suggestion(typo: str, meant: str) -> None:
    found = spelling(LANGUAGE, f"Olá, Ana,\n\nVejo {typo} aqui.", NO_CONTEXT)
    assert found == {typo: meant}


@pytest.mark.parametrize(
    ("sign_off", "meant"),
    [
        pytest.param("Atenciosamnete", "Atenciosamente", id="closing"),
        pytest.param("Prezda", "Prezada", id="a-letter-word-subtitles-rarely-use"),
    ],
)
def test_letter_words_are_suggested_though_subtitles_rarely_use_them(
    sign_off: str, meant: str
) -> None:
    found = spelling(LANGUAGE, f"Obrigado.\n\n{sign_off},\nRafael", NO_CONTEXT)
    assert found == {sign_off: meant}


@pytest.mark.parametrize("text_set", ["texts", "holdout"])
def test_precision_and_recall_on_our_notes(text_set: str) -> None:
    score = measure(LANGUAGE, text_set)
    print(
        f"\n{LANGUAGE} {text_set}: precision {score.precision:.2f}, recall {score.recall:.2f}, "
        f"right first suggestion {score.first_suggestion:.2f}; missed {score.missed}, "
        f"flagged wrongly {score.false_alarms}"
    )
    assert score.caught >= 12
    assert score.precision >= 0.9
    assert score.recall >= 0.9
    assert score.first_suggestion >= 0.8


def test_a_typo_inside_a_hyphenated_word_is_the_piece() -> None:
    found = spelling(LANGUAGE, "Olá, Ana,\n\nAté sexta-fiera.", NO_CONTEXT)
    assert found == {"fiera": "feira"}


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Conversei com o Jorge e a Priscila Okoye da Quantia.", id="names"),
        pytest.param("Escreva para marcos.vieira@email.com.br ou veja quantia.com.", id="email"),
        pytest.param("Trabalhei com Kubernetes, Grafana e PostgreSQL.", id="products"),
        pytest.param("Na quarta-feira, dia 3 de março, às 9h30.", id="dates-and-times"),
    ],
)
def test_names_companies_and_addresses_are_never_flagged(body: str) -> None:
    assert about(check_pt(body), "misspelling") == []


@pytest.mark.parametrize(
    ("body", "said", "instead"),
    [
        pytest.param("Obrigado, vc foi muito gentil.", "vc", "você", id="vc"),
        pytest.param("Envio o arquivo pra você.", "pra", "para", id="pra"),
        pytest.param("Valeu pela conversa.", "Valeu", "obrigado", id="valeu"),
        pytest.param("Foi ótimo kkkk.", "kkkk", "delete it", id="laughter"),
    ],
)
def test_casual_words_are_warnings_with_portuguese_wording(
    body: str, said: str, instead: str
) -> None:
    (finding,) = about(check_pt(body), "Casual")
    assert f"'{said}'" in finding.problem
    assert instead in finding.fix


def test_a_cliche_is_a_warning() -> None:
    (finding,) = about(check_pt("Espero que este e-mail o encontre bem."), "Cliche")
    assert "'Espero que este e-mail o encontre bem'" in finding.problem


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Prezada Sra. Costa,\n\nAgradeço.", id="formal"),
        pytest.param("Olá, Bruno,\n\nObrigada.", id="informal"),
        pytest.param("Exma. Sra. Dra. Teresa Lopes,\n\nAgradeço.", id="portugal-formal"),
    ],
)
def test_portuguese_greetings_pass(body: str) -> None:
    assert about(check_pt(body), "greeting") == []


def test_a_title_alone_in_a_portuguese_greeting_is_an_error() -> None:
    findings = check_pt("Prezada Dra.,\n\nObrigado.", interviewer_name="Helena Barbosa")
    (finding,) = about(findings, "title")
    assert "'Dra. Barbosa'" in finding.fix


def test_a_specific_in_portuguese_counts_when_its_words_appear() -> None:
    body = "Olá, Mariana,\n\nGostei de saber da migração dos relatórios."
    context: dict[str, Any] = {"kind": "thank_you", "interviewer_name": "Mariana Costa"}
    assert (
        about(check_pt(body, specifics=("a migração dos relatórios",), **context), "specific") == []
    )
    (finding,) = about(
        check_pt(body, specifics=("a equipe de dados",), **context), "nothing specific"
    )
    assert finding.level == "warning"


def test_application_language_after_an_informational_chat_is_noticed() -> None:
    findings = check_pt(
        "Olá, Ana,\n\nObrigado pelos conselhos sobre a vaga.", stage="informational"
    )
    (finding,) = about(findings, "Application language")
    assert "'a vaga'" in finding.problem
