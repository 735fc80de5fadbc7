"""A thank-you mentions something recorded from the interview."""

from __future__ import annotations

from typing import Any

import pytest
from proof_helpers import about, check

SPECIFIC = {"kind": "thank_you", "specifics": ("the Kafka migration",)}


@pytest.mark.parametrize(
    ("body", "context"),
    [
        pytest.param("Dear Sam,\n\nThank you for the interview.", SPECIFIC, id="nothing"),
        pytest.param(
            "Dear Sam,\n\nThank you for talking about the team and the role.",
            SPECIFIC,
            id="only-generic-words",
        ),
        pytest.param(
            "Dear Sam,\n\nThanks for the interview.",
            {"kind": "thank_you", "specifics": ("observability", "hiring plans")},
            id="none-of-several",
        ),
    ],
)
def test_thank_you_mentioning_nothing_recorded_is_a_warning(
    body: str, context: dict[str, Any]
) -> None:
    (finding,) = about(check(body, **context), "nothing specific")
    assert finding.level == "warning"


@pytest.mark.parametrize(
    ("body", "context"),
    [
        pytest.param("I enjoyed the Kafka migration talk.", SPECIFIC, id="verbatim"),
        pytest.param("I enjoyed THE KAFKA\nMIGRATION.", SPECIFIC, id="case-and-line-break"),
        pytest.param("How you run Kafka was fascinating.", SPECIFIC, id="one-significant-word"),
        pytest.param("Your migrations sound well run.", SPECIFIC, id="word-prefix"),
        pytest.param(
            "Your hiring plans were clear.",
            {"kind": "thank_you", "specifics": ("observability", "hiring plans")},
            id="second-of-several",
        ),
        pytest.param(
            "Thank you for the interview.",
            {"kind": "status_check", "specifics": ("the Kafka migration",)},
            id="not-a-thank-you",
        ),
        pytest.param("Thank you for the interview.", {"kind": "thank_you"}, id="none-recorded"),
    ],
)
def test_thank_you_mentioning_a_recorded_specific_passes(
    body: str, context: dict[str, Any]
) -> None:
    assert about(check(body, **context), "nothing specific") == []
