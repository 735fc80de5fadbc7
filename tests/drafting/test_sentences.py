"""Each slot's frame fits the note's shape; facts keep their words and their meaning."""

from __future__ import annotations

import pytest

from bot.drafting.notes import read_note
from bot.drafting.sentences import (
    attachment,
    correction,
    highlights,
    interest,
    my_promise,
    personal,
    questions,
    related,
    sendable,
    strength,
    their_promise,
    their_promise_reminder,
    their_promises,
    words_in,
)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("the Kafka migration", "I especially enjoyed our conversation about the Kafka migration."),
        (
            "you showed me your custom ECS",
            "I especially appreciated that you showed me your custom ECS.",
        ),
        (
            "the warehouse cost review",
            "One part of our conversation stays with me: the warehouse cost review.",
        ),
    ],
)
def test_personal_frames_fit_the_shape_of_the_note(note: str, expected: str) -> None:
    assert personal(read_note(note), 0, "onsite") == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("four years of SQL and Tableau reporting", "my four years of SQL and Tableau reporting"),
        ("shipped two Unity titles", "my experience shipping two Unity titles"),
        ("Kafka in production", "my experience with Kafka in production"),
        ("my background in ML research", "my background in ML research"),
        ("mentoring junior devs", "my experience mentoring junior developers"),
        ("cut pager alerts by 60% at my last job", "my experience cutting pager alerts by 60%"),
        ("hired and onboarded 8 engineers", "my experience hiring and onboarding 8 engineers"),
    ],
)
def test_a_strength_is_the_members_own_and_never_my_experience_with_a_verb(
    note: str, expected: str
) -> None:
    sentence = strength([read_note(note)], 0, "onsite", tied=False)
    assert sentence is not None
    assert expected in sentence
    assert "experience with shipped" not in sentence
    assert "experience with four" not in sentence


def test_a_strength_after_the_persons_topic_points_back_to_it() -> None:
    sentence = strength([read_note("four years of SQL")], 0, "onsite", tied=True)
    assert sentence is not None
    assert sentence.startswith("That is")


def test_a_strength_after_an_informational_chat_has_no_application_language() -> None:
    sentence = strength([read_note("four years of SQL")], 0, "informational", tied=False)
    assert sentence is not None
    assert "team" not in sentence
    assert "role" not in sentence


@pytest.mark.parametrize(
    "note",
    ["whether the role includes weekend work", "does the role include weekend work?"],
)
def test_a_question_is_asked_as_a_question(note: str) -> None:
    asked = questions([read_note(note, "questions")])
    assert asked is not None
    assert asked.endswith("?")
    assert "glad to follow up" not in asked


def test_a_correction_is_named_as_one_with_all_its_parts() -> None:
    said = correction([read_note("I said eight"), read_note("it was five")])
    assert said.count("correct") == 1
    assert "I said eight; it was five" in said


@pytest.mark.parametrize(
    ("note", "due", "expected"),
    [
        ("the deck", "by Friday at noon", "As promised, I will send the deck by Friday at noon."),
        (
            "the deck by Friday noon",
            "by Friday at noon",
            "As promised, I will send the deck by Friday noon.",
        ),
        ("to share my notes", None, "As promised, I will share my notes."),
        ("the deck", None, "As promised, I will send the deck."),
    ],
)
def test_my_promise_keeps_its_date_and_never_doubles_it(
    note: str, due: str | None, expected: str
) -> None:
    assert my_promise(read_note(note), due) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("my forklift licence by Friday noon", "my forklift licence"),
        ("to send over my portfolio by EOD", "my portfolio"),
        ("my notes on caching by the end of the week", "my notes on caching"),
        ("the slides on scaling", "the slides on scaling"),
    ],
)
def test_what_is_attached_leaves_the_date_behind(note: str, expected: str) -> None:
    assert sendable(read_note(note)) == expected


def test_their_offer_is_thanked_for_and_a_status_check_recalls_only_news_to_wait_for() -> None:
    offer = read_note("to introduce me to your data lead")
    assert their_promise(offer) == "Thank you for offering to introduce me to your data lead."
    decision = read_note("a decision by Friday")
    assert "a decision by Friday" in their_promise_reminder(decision)
    assert "mentioned to" not in their_promise_reminder(offer)


def test_interest_avoids_the_words_around_it_without_taking_another_panelists_frame() -> None:
    panel = 3
    chosen = [
        interest(v, "onsite", words_in("how the team splits on-call"), panel) for v in range(panel)
    ]
    assert len(set(chosen)) == panel
    assert all("team" not in c for c in chosen)


def test_several_strengths_make_one_sentence_and_years_keep_their_verb_agreement() -> None:
    notes = [read_note("four years of SQL"), read_note("shipped two Unity titles")]
    sentence = strength(notes, 0, "onsite", tied=False)
    assert sentence is not None
    assert sentence.count(".") == 1
    assert "my four years of SQL and my experience shipping two Unity titles" in sentence
    for variant in range(4):
        assert " matches " not in (strength(notes, variant, "onsite", tied=False) or "")


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("about 3 years of Airflow", "what I learned in about 3 years of Airflow"),
        ("my 4 years at Stripe", "my 4 years at Stripe"),
        ("5+ years in Go", "my 5+ years in Go"),
    ],
)
def test_years_are_never_my_my_or_my_about(note: str, expected: str) -> None:
    sentence = strength([read_note(note)], 0, "onsite", tied=False)
    assert sentence is not None
    assert expected in sentence
    assert "my my" not in sentence
    assert "my about" not in sentence


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("will share the comp range", "Thank you for offering to share the compensation range."),
        (
            "offered intro to their data lead",
            "Thank you for offering an introduction to their data lead.",
        ),
        (
            "said they'd send the take-home by wed",
            "Thank you for letting me know that they'd send the take-home by Wednesday.",
        ),
        ("introduce me to the VP", "Thank you for offering to introduce me to the VP."),
        (
            "will get back to me by friday",
            "Thank you for letting me know that you will get back to me by Friday.",
        ),
    ],
)
def test_their_promise_is_thanked_as_an_offer_or_as_news(note: str, expected: str) -> None:
    assert their_promise(read_note(note)) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("will send the deck", "As promised, I will send the deck."),
        (
            "GitHub link to my side project",
            "As promised, I will send the GitHub link to my side project.",
        ),
        ("follow up with references", "As promised, I will follow up with references."),
        (
            "my solution, rewritten in Rust",
            "As promised, I will send my solution, rewritten in Rust, by Friday.",
        ),
    ],
)
def test_my_promise_reads_whatever_verb_it_starts_with(note: str, expected: str) -> None:
    due = "by Friday" if "," in note else None
    assert my_promise(read_note(note), due) == expected


def test_a_link_is_given_not_attached() -> None:
    assert attachment("the GitHub link to my side project", "today") == (
        "As promised today, here is the GitHub link to my side project."
    )
    assert sendable(read_note("write up the design doc by friday")) == "the design doc"
    assert (
        sendable(read_note("github link to my side project"))
        == "the GitHub link to my side project"
    )


def test_several_offers_are_thanked_for_in_one_sentence() -> None:
    said = their_promises(
        [read_note("a decision next week"), read_note("will share the comp range")]
    )
    assert said == (
        "Thank you for letting me know to expect a decision next week "
        "and for offering to share the compensation range."
    )


def test_a_strength_that_is_a_clause_of_its_own_keeps_its_subject() -> None:
    sentence = strength(
        [read_note("I led the migration from Hive to BigQuery")], 0, "onsite", tied=False
    )
    assert sentence == (
        "I led the migration from Hive to BigQuery, and I would be glad to bring that "
        "experience to the team."
    )


def test_several_highlights_are_one_sentence_not_the_same_frame_twice() -> None:
    said = highlights([read_note("the roadmap exercise"), read_note("the team lunch")], 0)
    assert said == "Highlights for me were the roadmap exercise and the team lunch."


def test_several_questions_share_one_lead_in_and_no_also_twice() -> None:
    asked = questions(
        [read_note("is there a relocation package?"), read_note("what is the salary band?")]
    )
    assert asked == (
        "I also wanted to ask: is there a relocation package? And what is the salary band?"
    )


def test_three_offers_are_one_list_of_thanks() -> None:
    said = their_promises(
        [
            read_note("said they'd send the take-home by wed"),
            read_note("offered intro to their data lead"),
            read_note("she will intro me to the VP"),
        ]
    )
    assert said == (
        "Thank you for letting me know that they'd send the take-home by Wednesday, for "
        "offering an introduction to their data lead, and for offering to introduce me to the VP."
    )


@pytest.mark.parametrize(
    ("a", "b", "linked"),
    [
        ("running Kafka in production", "the Kafka migration", True),
        ("migrating to GCP", "the GCP migration plan", True),
        ("mentoring 2 junior analysts", "the checkout funnel drop", False),
        ("my portfolio link", "why they're moving off Redshift", False),
    ],
)
def test_two_facts_are_linked_only_where_the_members_words_link_them(
    a: str, b: str, linked: bool
) -> None:
    assert related(a, b) is linked


def test_years_without_a_preposition_get_of() -> None:
    sentence = strength([read_note("5+ yrs python & go")], 0, "onsite", tied=False)
    assert sentence is not None
    assert "my 5+ years of Python and go" in sentence
