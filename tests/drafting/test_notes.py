"""Reading a note's shape and rewriting it: the frames each shape fits, and "you" for "he"."""

from __future__ import annotations

import re

import lemminflect
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.drafting.notes import (
    Note,
    Shape,
    addressed,
    as_gerund,
    as_question,
    as_that_clause,
    as_topic,
    first_person,
    join_items,
    lower_first,
    offered,
    read_note,
    reported,
    upper_first,
)

# Notes as members type them on phones, one per line: (text, shape).
SHAPES = [
    # the issue's own examples
    ("four years of SQL and Tableau reporting", Shape.YEARS),
    ("to set up a call with the hiring manager next week", Shape.TO_ACTION),
    ("he showed me their custom ECS", Shape.CLAUSE),
    ("shipped two Unity titles", Shape.PREDICATE),
    ("how his team cut churn", Shape.NOUN_PHRASE),
    ("whether the role includes weekend work", Shape.QUESTION),
    # noun phrases: wh-clauses and gerunds act as nouns
    ("the Kafka migration", Shape.NOUN_PHRASE),
    ("The Kafka migration.", Shape.NOUN_PHRASE),
    ("designing for low vision", Shape.NOUN_PHRASE),
    ("building a design system from scratch", Shape.NOUN_PHRASE),
    ("their move from AWS to GCP", Shape.NOUN_PHRASE),
    ("the on-call rota", Shape.NOUN_PHRASE),
    ("R&D budget for next year", Shape.NOUN_PHRASE),
    ("about the Kafka migration", Shape.NOUN_PHRASE),
    ("re: onboarding", Shape.NOUN_PHRASE),
    ("what the platform team is building", Shape.NOUN_PHRASE),
    ("how big the team is", Shape.NOUN_PHRASE),
    ("the migration he led", Shape.NOUN_PHRASE),
    ("the team that owns billing", Shape.NOUN_PHRASE),
    ("CI/CD w/ GitHub Actions", Shape.NOUN_PHRASE),
    ("Zoë's rollout of the new API", Shape.NOUN_PHRASE),
    ("1,000 users per day", Shape.NOUN_PHRASE),
    ("the Kafka migration plans", Shape.NOUN_PHRASE),
    ("hiring process timeline", Shape.NOUN_PHRASE),
    ("accessibility audits", Shape.NOUN_PHRASE),
    ("her work on housing vouchers in Recife", Shape.NOUN_PHRASE),
    ("your work on housing vouchers in Recife", Shape.NOUN_PHRASE),
    ("her work on data pipelines at scale", Shape.NOUN_PHRASE),
    ("the team in Berlin uses GCP", Shape.CLAUSE),
    ("their plan to split the monolith", Shape.NOUN_PHRASE),
    # a past tense that looks like a noun: clause or compound noun, so the any-text frame
    ("the warehouse cost review", Shape.UNCLEAR),
    ("Kofi's team cut churn by 30%", Shape.UNCLEAR),
    ("the decision to move to GCP", Shape.NOUN_PHRASE),
    # clauses with their own subject
    ("she leads the data platform team", Shape.CLAUSE),
    ("the team uses GCP", Shape.CLAUSE),
    ("Kofi's team shipped churn alerts", Shape.CLAUSE),
    ("their engineers use Rust", Shape.CLAUSE),
    ("they're moving to GCP next quarter", Shape.CLAUSE),
    ("it was a great chat", Shape.CLAUSE),
    ("there's a lot of on-call", Shape.CLAUSE),
    ("Dr. Kobayashi mentioned the grant", Shape.CLAUSE),
    ("I mentioned my Go work", Shape.CLAUSE),
    ("we talked about Kubernetes for ages", Shape.CLAUSE),
    ("the team plans to hire 2 more", Shape.CLAUSE),
    ("he's been at Acme 5 yrs", Shape.CLAUSE),
    ("Hương said the team is remote-first", Shape.CLAUSE),
    ("hiring is paused until Q3", Shape.CLAUSE),
    # "to" + an action
    ("to send the deck by Friday", Shape.TO_ACTION),
    ("to introduce me to their design lead", Shape.TO_ACTION),
    ("To follow up w/ the recruiter", Shape.TO_ACTION),
    ("to quickly review my portfolio", Shape.TO_ACTION),
    # questions: marked, inverted, whether, and bare wh/if from the questions field
    ("does the role include weekend work?", Shape.QUESTION),
    ("does the role include weekend work", Shape.QUESTION),
    ("is the team fully remote", Shape.QUESTION),
    ("can I work from Lisbon", Shape.QUESTION),
    ("what does the team use for CI?", Shape.QUESTION),
    ("how big is the team", Shape.QUESTION),
    ("remote policy?", Shape.QUESTION),
    ("whether they'd consider a 4-day week", Shape.QUESTION),
    ("do they sponsor visas??", Shape.QUESTION),
    # years of experience
    ("5+ yrs in Go", Shape.YEARS),
    ("10 years' experience in fintech", Shape.YEARS),
    ("3 yrs w/ React & TypeScript", Shape.YEARS),
    ("a few years at a startup", Shape.YEARS),
    ("over 6 years of backend work", Shape.YEARS),
    ("my 3 yrs at Shopify", Shape.YEARS),
    ("eighteen months as a data analyst", Shape.YEARS),
    # predicates: verb phrase, no subject
    ("led the migration to Kubernetes", Shape.PREDICATE),
    ("built and shipped the iOS app", Shape.PREDICATE),
    ("leads the ML platform team w/ 6 engineers", Shape.PREDICATE),
    ("recently shipped a design system", Shape.PREDICATE),
    ("mentored 4 juniors, led the migration and shipped X", Shape.PREDICATE),
    ("ask about the on-call rota", Shape.PREDICATE),
    ("is hiring 3 more engineers", Shape.PREDICATE),
    ("Shipped two Unity titles", Shape.PREDICATE),
    ("was impressed by my take-home", Shape.PREDICATE),
    ("runs the hiring committee", Shape.PREDICATE),
    # lists
    ("Python, SQL and dbt", Shape.LIST),
    ("Python, SQL & dbt", Shape.LIST),
    ("salary, equity, and benefits", Shape.LIST),
    ("Figma and Framer", Shape.LIST),
    ("Kafka, Flink, Spark", Shape.LIST),
    ("onboarding, tooling and CI speed", Shape.LIST),
    ("the API redesign & docs overhaul", Shape.LIST),
    # unclear: several sentences, fragments no frame fits
    ("Nice chat. Asked about Go", Shape.UNCLEAR),
    ("if they sponsor visas", Shape.UNCLEAR),
    ("", Shape.UNCLEAR),
    ("!!!", Shape.UNCLEAR),
    ("lol idk", Shape.NOUN_PHRASE),
]


@pytest.mark.parametrize(("text", "shape"), SHAPES)
def test_read_note_finds_the_shape_of_a_typed_note(text: str, shape: Shape) -> None:
    assert read_note(text).shape is shape


@pytest.mark.parametrize(
    "text",
    [
        "if they sponsor visas",
        "how big the team is",
        "who leads the team",
        "what the on-call rota looks like",
        "when they'll decide",
        "whether the role includes weekend work",
        "does the role include weekend work",
    ],
)
def test_read_note_reads_bare_wh_and_if_clauses_as_questions_in_the_questions_field(
    text: str,
) -> None:
    assert read_note(text, field="questions").shape is Shape.QUESTION


def test_read_note_cleans_the_text_to_one_line_without_trailing_punctuation() -> None:
    note = read_note("  the Kafka\n migration...  ")
    assert note == Note("the Kafka migration", Shape.NOUN_PHRASE, ("the Kafka migration",))


def test_read_note_keeps_the_question_mark_and_collapses_repeats() -> None:
    assert read_note("do they sponsor visas??").text == "do they sponsor visas?"


def test_read_note_gives_the_items_of_a_list() -> None:
    assert read_note("Python, SQL, and dbt").items == ("Python", "SQL", "dbt")


def test_read_note_gives_the_whole_text_as_the_one_item_of_anything_else() -> None:
    assert read_note("four years of SQL and Tableau reporting").items == (
        "four years of SQL and Tableau reporting",
    )


# --- frames ---------------------------------------------------------------------------------

TOPICS = [
    ("the Kafka migration", "the Kafka migration"),
    ("The Kafka migration", "the Kafka migration"),
    ("how his team cut churn", "how his team cut churn"),
    ("about the Kafka migration", "the Kafka migration"),
    ("re: onboarding", "onboarding"),
    ("Python, SQL & dbt", "Python, SQL and dbt"),
    ("whether the role includes weekend work?", "whether the role includes weekend work"),
    ("to set up a call with the hiring manager", "setting up a call with the hiring manager"),
    ("shipped two Unity titles", "shipping two Unity titles"),
    ("designing for low vision", "designing for low vision"),
    ("talking abt their move from a monolith", "their move from a monolith"),
    ("talked about the Kafka migration", "the Kafka migration"),
    ("discussed on-call load", "on-call load"),
    ("chatted about hiring", "hiring"),
    ("convo about their roadmap", "their roadmap"),
    ("spoke about the grant", "the grant"),
    ("we talked about Kubernetes", "Kubernetes"),
    ("her work on housing vouchers in Recife", "her work on housing vouchers in Recife"),
]


@pytest.mark.parametrize(("text", "topic"), TOPICS)
def test_as_topic_fits_our_conversation_about(text: str, topic: str) -> None:
    assert as_topic(read_note(text)) == topic


@pytest.mark.parametrize(
    "text",
    [
        "he showed me their custom ECS",
        "four years of SQL and Tableau reporting",
        "does the role include weekend work?",
        "Nice chat. Asked about Go",
    ],
)
def test_as_topic_refuses_what_cannot_follow_about(text: str) -> None:
    assert as_topic(read_note(text)) is None


GERUNDS = [
    ("shipped two Unity titles", "shipping two Unity titles"),
    ("Shipped two Unity titles", "shipping two Unity titles"),
    ("led the migration to Kubernetes", "leading the migration to Kubernetes"),
    ("built and shipped the iOS app", "building and shipping the iOS app"),
    (
        "mentored 4 juniors, led the migration and shipped X",
        "mentoring 4 juniors, leading the migration and shipping X",
    ),
    ("leads the ML platform team", "leading the ML platform team"),
    ("to set up a call with the hiring manager", "setting up a call with the hiring manager"),
    ("is hiring 3 more engineers", "hiring 3 more engineers"),
    ("recently shipped a design system", "recently shipping a design system"),
    ("designing for low vision", "designing for low vision"),
    ("scaling Postgres to 10TB", "scaling Postgres to 10TB"),
]


@pytest.mark.parametrize(("text", "gerund"), GERUNDS)
def test_as_gerund_puts_the_action_in_its_ing_form(text: str, gerund: str) -> None:
    assert as_gerund(read_note(text)) == gerund


@pytest.mark.parametrize(
    "text",
    [
        "four years of SQL and Tableau reporting",
        "the Kafka migration",
        "hiring process timeline",
        "he showed me their custom ECS",
    ],
)
def test_as_gerund_refuses_what_is_not_an_action(text: str) -> None:
    assert as_gerund(read_note(text)) is None


def test_as_that_clause_takes_a_clause_with_its_own_subject() -> None:
    assert as_that_clause(read_note("He showed me their custom ECS")) == (
        "he showed me their custom ECS"
    )


@pytest.mark.parametrize("text", ["shipped two Unity titles", "the Kafka migration"])
def test_as_that_clause_refuses_what_has_no_subject(text: str) -> None:
    assert as_that_clause(read_note(text)) is None


QUESTIONS = [
    ("does the role include weekend work", "Does the role include weekend work?"),
    ("does the role include weekend work?", "Does the role include weekend work?"),
    ("what does the team use for CI?", "What does the team use for CI?"),
    ("whether the role is hybrid", "Could you tell me whether the role is hybrid?"),
    ("if they sponsor visas", "Could you tell me if they sponsor visas?"),
    ("how big the team is", "Could you tell me how big the team is?"),
    ("ask about the on-call rota", "Could you tell me more about the on-call rota?"),
    ("check whether they sponsor visas", "Could you tell me whether they sponsor visas?"),
    ("ask them about relocation", "Could you tell me more about relocation?"),
    ("the on-call rota", "Could you tell me more about the on-call rota?"),
    ("remote policy?", "Could you tell me more about remote policy?"),
    ("salary, equity & benefits", "Could you tell me more about salary, equity and benefits?"),
    ("to meet the wider team", "Would it be possible to meet the wider team?"),
    ("the team is remote-first?", "Could you confirm that the team is remote-first?"),
    ("Nice chat. Asked about Go", "Could you tell me more about this: Nice chat. Asked about Go?"),
    ("not sure about the salary", "Could you tell me more about the salary?"),
    ("unsure whether they sponsor visas", "Could you tell me whether they sponsor visas?"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "question"), QUESTIONS)
def test_as_question_asks_any_note_as_a_question(text: str, question: str) -> None:
    assert as_question(read_note(text, field="questions")) == question


@pytest.mark.parametrize(
    ("items", "joined"),
    [
        ((), ""),
        (("SQL",), "SQL"),
        (("SQL", "dbt"), "SQL and dbt"),
        (("A", "B", "C"), "A, B and C"),
        (
            ("data contracts and lineage", "the hiring plan"),
            "data contracts and lineage, and the hiring plan",
        ),
        (("A", "B and C", "D"), "A, B and C, and D"),
    ],
)
def test_join_items_lists_as_english_does(items: tuple[str, ...], joined: str) -> None:
    assert join_items(items) == joined


@pytest.mark.parametrize(
    ("text", "lowered"),
    [
        ("The team", "the team"),
        ("Shipped two titles", "shipped two titles"),
        ("Designing for low vision", "designing for low vision"),
        ("SQL and dbt", "SQL and dbt"),
        ("Kafka migration", "Kafka migration"),
        ("Python, SQL and dbt", "Python, SQL and dbt"),
        ("I mentioned Go", "I mentioned Go"),
        ("iOS app", "iOS app"),
        ("Hana's team", "Hana's team"),
    ],
)
def test_lower_first_lowers_only_a_sentence_capital(text: str, lowered: str) -> None:
    assert lower_first(text) == lowered


@pytest.mark.parametrize(
    ("text", "raised"),
    [
        ("the team", "The team"),
        ("iOS app", "iOS app"),
        ("eBay's search", "eBay's search"),
        ("", ""),
    ],
)
def test_upper_first_capitalises_unless_the_word_is_styled(text: str, raised: str) -> None:
    assert upper_first(text) == raised


# --- speaking to the addressee -------------------------------------------------------------

KOFI = ("Kofi", "Kofi Mensah", "Mr. Mensah", "Mensah")
PANEL = ("Hana", "Hana Kobayashi", "Dr. Kobayashi")

ADDRESSED = [
    ("how his team cut churn", "how your team cut churn"),
    ("he showed me their custom ECS", "you showed me their custom ECS"),
    ("He showed me their custom ECS", "You showed me their custom ECS"),
    ("HIS TEAM ROCKS", "YOUR TEAM ROCKS"),
    ("Dr Kobayashi said she would intro me to Kofi", "Dr Kobayashi said she would intro me to you"),
    ("is she hiring?", "are you hiring?"),
    ("the team loves her", "the team loves you"),
    ("she leads the data team", "you lead the data team"),
    ("she also leads the guild and runs hiring", "you also lead the guild and run hiring"),
    ("he was great with the kids", "you were great with the kids"),
    ("he has 2 direct reports", "you have 2 direct reports"),
    ("he doesn't do on-call", "you don't do on-call"),
    ("he isn't on the team yet", "you aren't on the team yet"),
    ("does he lead the team?", "do you lead the team?"),
    ("her approach to hiring", "your approach to hiring"),
    ("I asked her about visas", "I asked you about visas"),
    ("told her the plan", "told you the plan"),
    ("her own startup", "your own startup"),
    ("the idea was his", "the idea was yours"),
    ("he taught himself Rust", "you taught yourself Rust"),
    ("he's hiring", "you're hiring"),
    ("he's been at Acme 5 yrs", "you've been at Acme 5 yrs"),
    ("He'll send the deck", "You'll send the deck"),
    ("she’d like a portfolio", "you’d like a portfolio"),
    ("Kofi's team grew fast", "your team grew fast"),
    ("Mr. Mensah's team", "your team"),
    ("Mr Mensah's team", "your team"),
    ("Kofi Mensah leads infra", "you lead infra"),
    ("asked Kofi about it", "asked you about it"),
    ("kofi mentioned the offsite", "you mentioned the offsite"),
    ("Hana's team uses GCP", "Hana's team uses GCP"),
    ("Hana said he would call", "Hana said he would call"),
    ("he and Hana run it", "you and Hana run it"),
    ("he leads and she supports", "he leads and she supports"),
    ("he & Hana walked me through her fraud model", "you & Hana walked me through her fraud model"),
    ("his team and Hana's team", "your team and Hana's team"),
    ("Hana and he", "Hana and he"),
    ("he said “she is great” and Hana agreed", "you said “she is great” and Hana agreed"),
    ("“Kofi's rule” is his", "“Kofi's rule” is yours"),
]


@pytest.mark.parametrize(("text", "spoken"), ADDRESSED)
def test_addressed_speaks_to_the_addressee_in_the_second_person(text: str, spoken: str) -> None:
    assert addressed(text, KOFI, others=PANEL) == spoken


def test_addressed_finds_a_name_typed_without_its_accents() -> None:
    assert addressed("Tomas's team loved it", ("Tomás", "Tomás Ruiz")) == "your team loved it"


def test_addressed_finds_a_family_name_first_name() -> None:
    huong = ("Hương", "Nguyễn Thị Hương")
    assert addressed("Nguyen Thi Huong said her team", huong) == "you said your team"


def test_addressed_reads_a_name_that_is_also_a_word_only_when_capitalised() -> None:
    will = ("Will", "Will Turner")
    assert addressed("Will said they will decide soon", will) == "you said they will decide soon"


def test_addressed_finds_a_hyphenated_name_given_as_folded_forms() -> None:
    forms = ("jean luc", "jean luc picard", "dr picard")
    assert addressed("Jean-Luc's crew and Dr. Picard's ship", forms) == "your crew and your ship"


def test_addressed_without_names_still_turns_the_pronouns() -> None:
    assert addressed("his team cut churn") == "your team cut churn"


def test_addressed_leaves_the_member_and_the_company_alone() -> None:
    text = "I told them my team shipped it and they liked our demo"
    assert addressed(text, KOFI) == text


# --- properties -----------------------------------------------------------------------------

# Words of every class the reader tells apart, names with accents, and stray punctuation.
_VOCABULARY = """
    the a his her their my our to of and with about for in on at w/ & , ;
    he she they I it is was has does doesn't he's she's him himself
    whether if how what who does can is
    team migration Kafka SQL ECS GCP Tableau Unity dbt iOS eBay on-call C++ R&D
    shipped led built leads runs showed cut set design plans uses includes
    designing hiring building reporting review send ask check
    four 5+ 3 yrs years months 30% 1,000 next week Friday noon
    Kofi Mensah Hana Hương Nguyễn Tomás Zoë's ? ! .
"""
VOCABULARY = _VOCABULARY.split()
NOTES = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=12).map(" ".join)
ANY_NOTE = st.one_of(NOTES, st.text(max_size=80))

# Words a frame may drop because it says them itself: "to" of an action, "about" of a topic,
# "ask"/"check" of a question to ask, the "is" of "is hiring".
FRAME_WORDS = frozenset({"to", "about", "re", "regarding", "ask", "asking", "check", "clarify"})
FRAME_WORDS |= {"confirm", "is", "are", "was", "were", "am", "them", "me", "him", "her", "us"}
_WORDS = re.compile(r"[^\W_]+")


def _lemmas(text: str) -> set[str]:
    """Every word and every lemma it could have, lower-case, so "led" matches "leading"."""
    found = set()
    for word in _WORDS.findall(text.casefold()):
        found.add(word)
        for lemmas in lemminflect.getAllLemmas(word).values():
            found.update(lemmas)
    return found


def _doubled(text: str) -> bool:
    """Two spaces, or two punctuation marks with nothing between ("Co..", "?.", ",,")."""
    return "  " in text or re.search(r"[.,;:!?]\s*[.,;:!?]", text.replace("…", "")) is not None


@given(ANY_NOTE, st.sampled_from([None, "questions", "topics"]))
def test_read_note_never_raises_and_gives_a_clean_line(text: str, field: str | None) -> None:
    note = read_note(text, field)
    assert "\n" not in note.text
    assert "  " not in note.text
    assert note.items


@given(NOTES, st.sampled_from([None, "questions"]))
def test_rewriters_keep_every_word_of_the_note(text: str, field: str | None) -> None:
    note = read_note(text, field)
    wanted = {w for w in _WORDS.findall(note.text.casefold()) if w not in FRAME_WORDS}
    for rewritten in (as_topic(note), as_gerund(note), as_that_clause(note), as_question(note)):
        if rewritten is not None:
            kept = _lemmas(rewritten)
            lost = {w for w in wanted if not _lemmas(w) & kept}
            assert not lost, rewritten


@given(NOTES, st.sampled_from([None, "questions"]))
def test_rewriters_never_double_spaces_or_punctuation(text: str, field: str | None) -> None:
    note = read_note(text, field)
    if _doubled(note.text):
        return  # the member's own "Co.." is theirs to keep
    for rewritten in (as_topic(note), as_gerund(note), as_that_clause(note), as_question(note)):
        if rewritten is not None:
            assert not _doubled(rewritten), rewritten


@given(ANY_NOTE)
def test_as_question_always_gives_one_sentence(text: str) -> None:
    question = as_question(read_note(text, "questions"))
    assert question.endswith("?")
    assert question[:1].isupper() or not question[:1].isalpha()
    assert not question.startswith("I also wanted to ask")


@given(ANY_NOTE)
def test_addressed_never_raises_and_is_stable(text: str) -> None:
    once = addressed(text, KOFI, others=PANEL)
    assert addressed(once, KOFI, others=PANEL) == once


@given(NOTES)
def test_addressed_changes_nothing_without_the_addressee_in_it(text: str) -> None:
    third_person = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
    words = {w.casefold().partition("'")[0] for w in text.split()}
    if words & (third_person | {"kofi", "mensah"}):
        return
    assert addressed(text, KOFI) == text


def test_a_pronoun_before_another_name_reaches_the_draft_in_the_second_person() -> None:
    spoken = addressed("he & Ama walked me through her fraud model", KOFI, others=("Ama",))
    assert read_note(spoken).text == "you and Ama walked me through her fraud model"


# --- what was said, offered, or said of oneself -------------------------------------------

REPORTED = [
    ("said they'd send the take-home by wed", "they'd send the take-home by Wednesday"),
    ("mentioned that the team is hiring", "the team is hiring"),
    ("told me the hiring manager will call", "the hiring manager will call"),
    ("she said the team is remote-first", "the team is remote-first"),
]


@pytest.mark.parametrize(("text", "clause"), REPORTED)
def test_reported_gives_the_clause_that_was_said(text: str, clause: str) -> None:
    said = reported(read_note(text))
    assert said is not None
    assert said.text == clause
    assert said.shape is Shape.CLAUSE


@pytest.mark.parametrize("text", ["mentioned the grant", "the team is hiring", "said", "..."])
def test_reported_is_none_for_what_reports_no_clause(text: str) -> None:
    assert reported(read_note(text)) is None


OFFERED = [
    ("to introduce me to the VP", "to introduce me to the VP"),
    ("offered intro to their data lead", "an introduction to their data lead"),
    ("offered to intro me to Ama", "to introduce me to Ama"),
    ("will share the comp range", "to share the compensation range"),
    ("would send the deck", "to send the deck"),
    ("can connect me with Ama", "to connect me with Ama"),
    ("introduce me to the VP", "to introduce me to the VP"),
    ("she offered a referral", "a referral"),
    ("offered feedback on my portfolio", "feedback on my portfolio"),
]


@pytest.mark.parametrize(("text", "offer"), OFFERED)
def test_offered_fits_thank_you_for_offering(text: str, offer: str) -> None:
    assert offered(read_note(text)) == offer


@pytest.mark.parametrize(
    "text", ["a decision by Friday", "he showed me their custom ECS", "shipped the app", "..."]
)
def test_offered_is_none_for_what_offers_nothing(text: str) -> None:
    assert offered(read_note(text)) is None


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        ("I told you I want a remote-first team", True),
        ("I'm moving to Berlin in June", True),
        ("the team uses GCP", False),
        ("it was a great chat", False),
        ("Ines said the team is remote", False),
    ],
)
def test_first_person_finds_the_member_as_subject(text: str, mine: bool) -> None:
    assert first_person(read_note(text)) is mine
