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
    assert f"'{pair}'" in finding.problem


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


@pytest.mark.parametrize(
    ("body", "word"),
    [
        pytest.param(
            "Dear Sam,\n\nThank you for the conversation yesterday. Our conversation about the "
            "migration was great. I keep thinking about that conversation.",
            "conversation",
            id="conversation",
        ),
        pytest.param(
            "Dear Sam,\n\nI liked the teams. The teams were kind. I hope to meet your team.",
            "team",
            id="plural-and-singular",
        ),
    ],
)
def test_a_word_three_times_in_three_sentences_is_a_warning(body: str, word: str) -> None:
    (finding,) = about(check(body), "times in 3 sentences")
    assert finding.level == "warning"
    assert f"'{word}'" in finding.problem


@pytest.mark.parametrize(
    ("body", "known"),
    [
        pytest.param(
            "Dear Sam,\n\nThank you for the chat about Kafka. Moving Kafka clusters is hard. "
            "I enjoyed the Kafka story.",
            (),
            id="a-name",
        ),
        pytest.param(
            "Dear Sam,\n\nI enjoyed meeting the acme team. acme ships fast. I would love to "
            "join acme soon.",
            ("acme",),
            id="the-company-as-a-known-term",
        ),
        pytest.param(
            "Dear Sam,\n\nThank you for the conversation. I enjoyed the migration story. "
            "I hope we can continue the conversation. The conversation was great.",
            (),
            id="spread-over-four-sentences",
        ),
        pytest.param(
            "Dear Sam,\n\nThank you for your time. Thank you for your advice. Thank you again "
            "for your help.",
            (),
            id="function-words-and-thanks",
        ),
    ],
)
def test_words_repeated_less_closely_or_names_pass(body: str, known: tuple[str, ...]) -> None:
    assert about(check(body, known_terms=known), "times in 3 sentences") == []
