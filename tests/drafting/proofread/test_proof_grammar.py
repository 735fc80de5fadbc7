"""Grammar and mechanics: sentence case."""

from __future__ import annotations

import pytest
from proof_helpers import about, check


@pytest.mark.parametrize(
    ("body", "word"),
    [
        pytest.param("thank you for your time.", "thank", id="first-sentence"),
        pytest.param("Thank you. the team was kind.", "the", id="after-a-full-stop"),
        pytest.param("Dear Sam,\n\nthanks for the call.", "thanks", id="paragraph-start"),
    ],
)
def test_a_sentence_starting_lowercase_is_worth_a_thought(body: str, word: str) -> None:
    (finding,) = about(check(body), "lowercase")
    assert finding.level == "info"
    assert f"'{word}'" in finding.fix


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Thank you. The team was kind.", id="capitalised"),
        pytest.param("We use tools, e.g. the usual ones.", id="abbreviation"),
        pytest.param("I waited... and then it came.", id="ellipsis"),
        pytest.param("Thank you. iPhone apps are next.", id="brand"),
        pytest.param("Thank you for the call\nand the notes.", id="wrapped-line"),
    ],
)
def test_sentences_starting_with_a_capital_pass(body: str) -> None:
    assert about(check(body), "lowercase") == []
