"""Checking for errors alone runs fewer checks and finds exactly the errors a full check finds."""

from __future__ import annotations

import ast
import inspect

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.drafting import proofread as proofreader
from bot.drafting.proofread import ERROR, ERROR_CHECKS, ProofContext, proofread
from tests.drafting.proofread.proof_corpus import LANGUAGES, notes
from tests.drafting.proofread.proof_helpers import BODY, CONTEXT, SUBJECT, n_words, with_context


def _functions_reporting_errors() -> set[str]:
    """Every function in the proofreader's modules whose body names the ERROR level."""
    found = set()
    for module in {inspect.getmodule(check) for check in proofreader._CHECKS}:
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if isinstance(node, ast.FunctionDef) and any(
                isinstance(n, ast.Name) and n.id == "ERROR" for n in ast.walk(node)
            ):
                found.add(f"{module.__name__}.{node.name}")
    return found


def test_every_function_that_can_report_an_error_is_one_of_the_error_checks() -> None:
    named = {f"{check.__module__}.{check.__name__}" for check in ERROR_CHECKS}
    assert _functions_reporting_errors() == named


def test_the_error_checks_run_in_the_full_checks_order() -> None:
    order = [c for c in proofreader._CHECKS if c in set(ERROR_CHECKS)]
    assert list(ERROR_CHECKS) == order
    assert len(ERROR_CHECKS) < len(proofreader._CHECKS)


def _errors(subject: str, body: str, ctx: ProofContext) -> list[str]:
    return [f.text for f in proofread(subject, body, ctx) if f.level == ERROR]


CASES = [
    ("LinkedIn", n_words(400), ProofContext(linkedin=True)),  # over LinkedIn's limit
    ("", "Dear {{ name }},\n\nThanks [COMPANY] for the chat.", CONTEXT),  # leftovers, no subject
    (SUBJECT, BODY.replace("Zoë", "Hiring Manager"), CONTEXT),  # a title in place of a name
    (SUBJECT, BODY.replace("Zoë", "Sam"), CONTEXT),  # the interviewer never named
    (SUBJECT, BODY, with_context(kind="status_check", status_checks_sent=2)),
    (SUBJECT, BODY, CONTEXT),
]


@pytest.mark.parametrize(("subject", "body", "ctx"), CASES)
def test_errors_only_finds_the_errors_the_full_check_finds(
    subject: str, body: str, ctx: ProofContext
) -> None:
    assert [f.text for f in proofread(subject, body, ctx, errors_only=True)] == _errors(
        subject, body, ctx
    )


def test_the_cases_above_do_find_errors() -> None:
    assert sum(bool(_errors(*case)) for case in CASES) >= 4


@pytest.mark.parametrize("language", LANGUAGES)
def test_errors_only_agrees_on_every_note_of_a_language(language: str) -> None:
    for note in notes(language):
        ctx = ProofContext(language=language, known_terms=note.known, linkedin=True)
        assert [f.text for f in proofread("LinkedIn", note.typed, ctx, errors_only=True)] == (
            _errors("LinkedIn", note.typed, ctx)
        )


@given(st.text(max_size=400), st.booleans())
def test_errors_only_agrees_on_any_text(body: str, linkedin: bool) -> None:
    ctx = with_context(linkedin=linkedin)
    assert [f.text for f in proofread("Thanks", body, ctx, errors_only=True)] == _errors(
        "Thanks", body, ctx
    )
