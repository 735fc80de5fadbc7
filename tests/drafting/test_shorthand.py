"""Phone shorthand, bullets, lower-case product names and quotes in a note, as read_note cleans
them: written out the way a coach would write them, and nothing a member did not mean."""

from __future__ import annotations

import pytest

from bot.drafting.notes import Shape, as_gerund, as_question, read_note

EXPANDED = [
    ("call w/ the hiring mgr", "call with the hiring manager"),
    ("W/ the team", "With the team"),
    ("CI w/GitHub Actions", "CI with GitHub Actions"),
    ("shipped it w/o tests", "shipped it without tests"),
    ("w/out a mgr", "without a manager"),
    ("Python & SQL", "Python and SQL"),
    ("AT&T and R&D", "AT&T and R&D"),
    ("talking abt their move", "talking about their move"),
    ("Abt the roadmap", "About the roadmap"),
    ("5 yrs in Go", "5 years in Go"),
    ("1 yr at Acme", "1 year at Acme"),
    ("a yr ago", "a year ago"),
    ("yr team", "yr team"),  # "your" as often as "year": left as typed
    ("mgmt buy-in", "management buy-in"),
    ("moved b/c of the reorg", "moved because of the reorg"),
    ("walked me thru the stack", "walked me through the stack"),
    ("approx. 40 engineers", "approximately 40 engineers"),
    ("whats next", "what is next"),
    ("will share the comp range", "will share the compensation range"),
    ("comp expectations", "compensation expectations"),
    ("won the design comp", "won the design comp"),
    ("offered to intro me to the VP", "offered to introduce me to the VP"),
    ("an intro to their data lead", "an introduction to their data lead"),
    ("send it by wed", "send it by Wednesday"),
    ("send it by Fri. at noon", "send it by Friday at noon"),
    ("call next tues", "call next Tuesday"),
    ("on thurs or before mon", "on Thursday or before Monday"),
    ("wed the two teams", "wed the two teams"),  # a verb, no date lead before it
    ("sat with the team", "sat with the team"),
    ("python, sql and kafka", "Python, SQL and Kafka"),
    ("github, linkedin, ios", "GitHub, LinkedIn, iOS"),
    ("docs on github.com/acme", "docs on github.com/acme"),
    ("python3 scripts", "python3 scripts"),
    ("due friday", "due Friday"),
    ("starts in june", "starts in June"),
    ("may march on", "may march on"),
    ("rust and go", "rust and go"),
    ("what's the timeline", "what is the timeline"),
    ("who's been there longest", "who has been there longest"),
    ("“w/ mgr & python”", "“w/ mgr & python”"),  # quoted: verbatim
]


@pytest.mark.parametrize(("typed", "cleaned"), EXPANDED)
def test_read_note_writes_out_shorthand_as_whole_words(typed: str, cleaned: str) -> None:
    assert read_note(typed).text == cleaned


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("- the deck", "the deck"),
        ("* the deck", "the deck"),
        ("• the deck", "the deck"),
        ("•the deck", "the deck"),
        ("1. the deck", "the deck"),
        ("2) the deck", "the deck"),
        ("1.5 years of Go", "1.5 years of Go"),
        ("-5% churn", "-5% churn"),
    ],
)
def test_read_note_drops_a_bullet_or_number(typed: str, cleaned: str) -> None:
    assert read_note(typed).text == cleaned


@pytest.mark.parametrize("typed", ["...", "?!", "-", "• ", "!!!", "", "  "])
def test_a_note_with_no_word_is_empty_and_unclear(typed: str) -> None:
    note = read_note(typed)
    assert note.text == ""
    assert note.empty
    assert note.shape is Shape.UNCLEAR


def test_a_note_with_a_word_is_not_empty() -> None:
    assert not read_note("Go?").empty


def test_a_quoted_note_is_never_inflected() -> None:
    note = read_note("“quoted note”")
    assert note.shape is Shape.NOUN_PHRASE
    assert as_gerund(note) is None
    assert "quoted note" in as_question(note)


def test_words_inside_quotes_do_not_decide_the_shape() -> None:
    assert read_note("“shipped it” w/ mgr").shape is Shape.NOUN_PHRASE


@pytest.mark.parametrize(
    ("typed", "question"),
    [
        ("what's the timeline", "What is the timeline?"),
        ("how's the team structured", "How is the team structured?"),
        ("where's the team based?", "Where is the team based?"),
        ("whats the timeline", "What is the timeline?"),
    ],
)
def test_a_wh_contraction_is_a_question_not_a_subject(typed: str, question: str) -> None:
    for field in (None, "topics", "questions"):
        note = read_note(typed, field)
        assert note.shape is Shape.QUESTION
        assert as_question(note) == question
