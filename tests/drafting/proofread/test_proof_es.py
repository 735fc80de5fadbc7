"""Proofreading in Spanish: spelling, opening question and exclamation marks, tone, names."""

from __future__ import annotations

from typing import Any

import pytest
from proof_corpus import everyday_words, measure, spelling
from proof_helpers import about, check

from bot.chat import Finding
from bot.drafting.proofread import ProofContext

LANGUAGE = "es"
NO_CONTEXT = ProofContext(language=LANGUAGE)


def check_es(body: str, subject: str = "Gracias", **context: Any) -> list[Finding]:
    return check(body, subject=subject, language=LANGUAGE, **context)


def test_everyday_words_are_never_flagged() -> None:
    words = everyday_words(LANGUAGE)
    assert len(words) >= 200
    assert [w for w in words if spelling(LANGUAGE, w, NO_CONTEXT)] == []


def test_the_words_english_flags_are_spanish() -> None:
    body = "Muchas gracias. Saludos cordiales,\nLucía"
    assert about(check_es(body), "misspelling") == []
    assert about(check(body), "misspelling") != []  # the same note read as English


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        pytest.param("manana", "mañana", id="missing-tilde"),
        pytest.param("tambien", "también", id="missing-accent"),
        pytest.param("informacion", "información", id="missing-accent-on-suffix"),
        pytest.param("entrevsita", "entrevista", id="swapped-letters"),
        pytest.param("graicas", "gracias", id="swapped-vowels"),
        pytest.param("oportunidd", "oportunidad", id="dropped-letter"),
        pytest.param("reunion", "reunión", id="plural-ranked-by-singular"),
        pytest.param("dias", "días", id="accent-the-ranking-list-lacks"),
        pytest.param("Atentamnete", "Atentamente", id="sign-off-keeps-its-capital"),
        pytest.param("Estimda", "Estimada", id="greeting"),
    ],
)
def test_a_planted_typo_is_caught_with_the_right_first_suggestion(typo: str, meant: str) -> None:
    found = spelling(LANGUAGE, f"Hola, Lucía:\n\nEscribo {typo} y nada más.", NO_CONTEXT)
    if typo[0].isupper():
        found = spelling(LANGUAGE, f"Hola, Lucía:\n\nGracias.\n\n{typo},\nJavier", NO_CONTEXT)
    assert found == {typo: meant}


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


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Hablé con Rocío y con Jaime Llorente de Quantia ayer.", id="names"),
        pytest.param("Puede escribirme a marcos.ruiz@correo.es o ver quantia.es.", id="email"),
        pytest.param("Trabajé con Kubernetes, Grafana y PostgreSQL.", id="products"),
        pytest.param("Nos vemos el 3 de marzo a las 9:30 en la sede.", id="numbers-and-times"),
        pytest.param("La reunión fue un éxito, ¿verdad?", id="accents"),
    ],
)
def test_names_companies_and_addresses_are_never_flagged(body: str) -> None:
    assert about(check_es(body), "misspelling") == []


def test_known_terms_are_never_flagged_even_in_lowercase() -> None:
    found = check_es("Gracias por todo en datalia.", known_terms=("Datalia",))
    assert about(found, "misspelling") == []


@pytest.mark.parametrize(
    ("body", "said"),
    [
        pytest.param(
            "Gracias. Podrías indicarme la hora?", "Podrías indicarme la hora?", id="question"
        ),
        pytest.param("Me alegró mucho. Qué buena noticia!", "Qué buena noticia!", id="exclamation"),
        pytest.param("Si puede, me llama?", "Si puede, me llama?", id="question-after-a-clause"),
    ],
)
def test_a_question_or_exclamation_without_its_opening_mark_is_a_warning(
    body: str, said: str
) -> None:
    (finding,) = about(check_es(body), "opening")
    assert finding.level == "warning"
    assert f"'{said}'" in finding.problem
    assert "'¿' or '¡'" in finding.fix


def test_several_missing_marks_are_one_finding_that_counts_them() -> None:
    (finding,) = about(check_es("Qué bien! Hablamos mañana? Y el lunes?"), "opening")
    assert finding.problem.startswith("3 questions or exclamations without their opening")


def test_the_example_puts_the_mark_where_the_question_begins() -> None:
    (finding,) = about(check_es("Antes de nada, podría llamarme?"), "opening")
    assert "'..., ¿podría llamarme?'" in finding.fix


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Gracias. ¿Podrías indicarme la hora?", id="question"),
        pytest.param("¡Muchas gracias!", id="exclamation"),
        pytest.param("Gracias, ¿hablamos el lunes?", id="question-after-a-comma"),
        pytest.param("Más detalles en https://quantia.es/?ref=nota y nada más.", id="link"),
    ],
)
def test_questions_and_exclamations_with_their_opening_marks_pass(body: str) -> None:
    assert about(check_es(body), "opening") == []


def test_french_spacing_is_not_asked_of_spanish() -> None:
    assert about(check_es("¿Podrías llamarme? Gracias: hasta pronto."), "space") == []


@pytest.mark.parametrize(
    ("body", "said", "instead"),
    [
        pytest.param("Gracias xq me ayudaste.", "xq", "porque", id="chat-speak"),
        pytest.param("Te lo mando el finde.", "finde", "fin de semana", id="clipped"),
        pytest.param("La charla fue guay.", "guay", "estupendo", id="slang"),
        pytest.param("Jajaja, fue divertido.", "Jajaja", "delete it", id="laughter"),
    ],
)
def test_casual_words_are_warnings_with_spanish_wording(body: str, said: str, instead: str) -> None:
    (finding,) = about(check_es(body), "Casual")
    assert f"'{said}'" in finding.problem
    assert instead in finding.fix
    assert about(check_es(body), "misspelling") == []


def test_english_chat_speak_rules_do_not_read_spanish() -> None:
    assert about(check_es("Siete u ocho personas, y yo."), "Casual") == []


@pytest.mark.parametrize(
    ("body", "said"),
    [
        pytest.param(
            "Solo quería hacer un seguimiento de mi candidatura.",
            "Solo quería hacer un seguimiento",
            id="follow-up",
        ),
        pytest.param(
            "Espero que este correo le encuentre bien.",
            "Espero que este correo le encuentre bien",
            id="finds-you-well",
        ),
        pytest.param(
            "Sin otro particular, le saluda atentamente.", "Sin otro particular", id="dated"
        ),
    ],
)
def test_cliches_are_warnings(body: str, said: str) -> None:
    (finding,) = about(check_es(body), "Cliche")
    assert f"'{said}'" in finding.problem


def test_a_pasted_note_without_a_named_greeting_is_told_how_to_open_in_spanish() -> None:
    (finding,) = about(check_es("Gracias por todo."), "greeting")
    assert "'Hola, <first name>:'" in finding.fix


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Estimada Sra. Ruiz:\n\nGracias.", id="formal"),
        pytest.param("Hola, Lucía:\n\nGracias.", id="informal"),
        pytest.param("Buenos días, Lucía:\n\nGracias.", id="time-of-day"),
    ],
)
def test_spanish_greetings_with_a_name_pass(body: str) -> None:
    assert about(check_es(body), "greeting") == []


def test_a_title_alone_in_a_spanish_greeting_is_an_error() -> None:
    findings = check_es("Estimada Dra.:\n\nGracias.", interviewer_name="Rosa Martín")
    (finding,) = about(findings, "title")
    assert finding.level == "error"
    assert "'Dra. Martín'" in finding.fix


def test_a_thank_you_that_names_its_reader_passes_and_one_that_does_not_is_told_in_spanish() -> (
    None
):
    named = check_es(
        "Estimada Sra. Ruiz:\n\nGracias.",
        kind="thank_you",
        interviewer_name="Lucía Ruiz",
    )
    assert about(named, "never addresses") == []
    (unnamed,) = about(
        check_es("Gracias.", kind="thank_you", interviewer_name="Lucía Ruiz"),
        "never addresses",
    )
    assert "'Hola, Lucía:'" in unnamed.fix


def test_an_empty_subject_gets_a_spanish_example() -> None:
    (finding,) = about(check_es("Hola, Lucía:\n\nGracias.", subject=""), "subject")
    assert "'Gracias por la entrevista de hoy'" in finding.fix


def test_a_word_three_times_is_noticed_but_spanish_function_words_are_not() -> None:
    repeated = "El proyecto es grande. El proyecto es nuevo. El proyecto es mío."
    assert about(check_es(repeated), "3 times") != []
    common = "Es para hoy. Es para mañana. Es para el lunes."
    assert about(check_es(common), "3 times") == []
