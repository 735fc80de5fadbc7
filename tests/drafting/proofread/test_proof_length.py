"""Length: word limits per kind, the 150-word field figure, LinkedIn's 300 characters."""

from __future__ import annotations

import pytest
from proof_helpers import about, check, n_words


@pytest.mark.parametrize(
    ("kind", "count", "limit"),
    [
        pytest.param("thank_you", 201, 200, id="thank-you"),
        pytest.param("next_round_thanks", 230, 200, id="next-round-thanks"),
        pytest.param("promised_material", 201, 200, id="promised-material"),
        pytest.param("status_check", 151, 150, id="status-check"),
        pytest.param("keep_in_touch", 201, 200, id="other-kind"),
        pytest.param(None, 250, 200, id="pasted"),
    ],
)
def test_a_draft_over_its_word_limit_is_a_warning_that_says_count_and_limit(
    kind: str | None, count: int, limit: int
) -> None:
    (finding,) = about(check(n_words(count), kind=kind), "words")
    assert finding.level == "warning"
    assert f"{count} words" in finding.problem
    assert str(limit) in finding.problem


@pytest.mark.parametrize(
    ("kind", "count"),
    [
        pytest.param("thank_you", 200, id="thank-you-at-limit"),
        pytest.param("status_check", 150, id="status-check-at-limit"),
        pytest.param("offer_reply", 120, id="short"),
    ],
)
def test_a_draft_within_its_word_limit_gets_no_length_warning(kind: str, count: int) -> None:
    findings = about(check(n_words(count), kind=kind), "words")
    assert [f for f in findings if f.level != "info"] == []


def test_a_thank_you_over_150_words_gets_only_a_note_about_the_field_figure() -> None:
    (finding,) = about(check(n_words(170), kind="thank_you"), "words")
    assert finding.level == "info"
    assert "150" in finding.problem


def test_a_linkedin_message_over_300_characters_is_an_error() -> None:
    body = "Hi Sam, " + "x" * 293
    assert len(body) == 301
    (finding,) = about(check(body, linkedin=True), "characters")
    assert finding.level == "error"
    assert "301 characters" in finding.problem
    assert "300" in finding.problem


def test_a_linkedin_message_of_300_characters_passes() -> None:
    assert about(check("Hi Sam, " + "x" * 292, linkedin=True), "characters") == []
