"""Repetition: doubled words and near-identical panel notes."""

from __future__ import annotations

import pytest
from proof_helpers import BODY, SUBJECT, about, check, with_context

from bot.drafting.proofread import proofread


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        pytest.param("Thank you for the the chat.", "the the", id="the-the"),
        pytest.param("The the team was kind.", "The the", id="different-case"),
        pytest.param("I am\nam keen.", "am am", id="across-a-line-break"),
    ],
)
def test_a_repeated_word_is_a_warning(body: str, pair: str) -> None:
    (finding,) = about(check(body), "Repeated")
    assert finding.level == "warning"
    assert f"'{pair}'" in finding.message


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("What he had had was enough.", id="had-had"),
        pytest.param("He said that that was fine.", id="that-that"),
        pytest.param("Thank you. You were kind.", id="across-sentences"),
        pytest.param("Thank you, you were kind.", id="across-a-comma"),
    ],
)
def test_legitimately_repeated_words_pass(body: str) -> None:
    assert about(check(body), "Repeated") == []


def test_a_note_nearly_identical_to_another_panelists_is_a_warning() -> None:
    other = BODY.replace("Dear Zoë,", "Dear Sam,")
    (finding,) = about(proofread(SUBJECT, BODY, with_context(others=(other,))), "panelist")
    assert finding.level == "warning"
    assert "differs" in finding.fix


@pytest.mark.parametrize(
    "others",
    [
        pytest.param((), id="no-others"),
        pytest.param(
            (
                "Dear Sam,\n\nThank you for walking me through the billing rewrite and the "
                "quarterly planning process. Your point about paying down tech debt first "
                "stuck with me.\n\nBest regards,\nJordan Okafor",
            ),
            id="a-different-note",
        ),
    ],
)
def test_notes_that_differ_from_the_other_panelists_pass(others: tuple[str, ...]) -> None:
    assert about(proofread(SUBJECT, BODY, with_context(others=others)), "panelist") == []
