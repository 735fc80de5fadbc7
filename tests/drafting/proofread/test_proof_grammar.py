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


@pytest.mark.parametrize(
    ("body", "shape"),
    [
        pytest.param("My experience with shipped two Unity titles fits.", "a verb", id="verb"),
        pytest.param("My experience in led the migration helps.", "a verb", id="irregular"),
        pytest.param(
            "My experience with four years of SQL and Tableau reporting fits.",
            "a number of years",
            id="years",
        ),
        pytest.param("My experience with 5+ yrs in Go helps.", "a number of years", id="5+-yrs"),
        pytest.param("My experience with he showed me their ECS.", "a clause", id="clause"),
        pytest.param("My experience with to set up a call.", "an action", id="to-action"),
    ],
)
def test_experience_with_before_what_is_not_a_noun_is_a_warning(body: str, shape: str) -> None:
    (finding,) = about(check(body), "experience with")
    assert finding.level == "warning"
    assert shape in finding.problem


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("My experience with distributed systems fits.", id="participle-adjective"),
        pytest.param("My experience with building the pipeline helps.", id="gerund"),
        pytest.param("My experience with automated testing helps.", id="adjective"),
        pytest.param("My experience in the Kafka migration helps.", id="noun-phrase"),
        pytest.param("My experience with Python and dbt helps.", id="names"),
        pytest.param("My four years of SQL fit the role.", id="years-without-the-frame"),
    ],
)
def test_experience_with_a_noun_passes(body: str) -> None:
    assert about(check(body), "experience with") == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("You mentioned to set up a call with the hiring manager.", id="set-up"),
        pytest.param("You mentioned to share the deck.", id="share"),
    ],
)
def test_mentioned_to_before_a_verb_is_a_warning(body: str) -> None:
    (finding,) = about(check(body), "mentioned to")
    assert finding.level == "warning"
    assert "you mentioned you would" in finding.fix


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("You mentioned to me that the team is growing.", id="to-me"),
        pytest.param("You mentioned to Sam that we spoke.", id="to-a-name"),
        pytest.param("You mentioned to the team that I applied.", id="to-the-team"),
        pytest.param("You mentioned to staff that the office moves.", id="noun-that-is-a-verb"),
        pytest.param("You mentioned to recruiters that I applied.", id="plural-noun"),
    ],
)
def test_mentioned_to_someone_passes(body: str) -> None:
    assert about(check(body), "mentioned to") == []


@pytest.mark.parametrize(
    ("body", "said", "fixed"),
    [
        pytest.param("I enjoyed it at Solstice Outdoor Co.. I also", "Co..", "Co.", id="name-dot"),
        pytest.param("Thanks,, Sam", "Thanks,,", "Thanks,", id="commas"),
        pytest.param("Does it include weekends?. I ask", "weekends?.", "weekends?", id="q-dot"),
        pytest.param("We met at Acme Co. . Then", "Co. .", "Co.", id="spaced"),
        pytest.param("Notes:. none", "Notes:.", "Notes.", id="mixed"),
        pytest.param("Hi;; there", "Hi;;", "Hi;", id="semicolons"),
        pytest.param("Really??", "Really??", "Really?", id="question-marks"),
    ],
)
def test_doubled_punctuation_is_a_warning_quoting_it(body: str, said: str, fixed: str) -> None:
    (finding,) = about(check(body), "Doubled punctuation")
    assert finding.level == "warning"
    assert f"'{said}'" in finding.problem
    assert f"'{fixed}'" in finding.fix


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("I waited... and then it came.", id="ellipsis"),
        pytest.param("I waited. . . and then it came.", id="spaced-ellipsis"),
        pytest.param("I waited…. Then it came.", id="ellipsis-character"),
        pytest.param("Acme Inc., based in Leeds, replied.", id="abbreviation-then-comma"),
        pytest.param("Really?! Yes.", id="interrobang-left-to-the-exclamation-check"),
        pytest.param("We used std::vector at 10:30.", id="code-and-times"),
        pytest.param("See https://acme.example/a..b for it.", id="url"),
        pytest.param("Thanks :) see you", id="emoticon-left-to-the-emoji-check"),
    ],
)
def test_single_and_conventional_punctuation_passes(body: str) -> None:
    assert about(check(body), "Doubled punctuation") == []
