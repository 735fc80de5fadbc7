"""German drafts: the conventions of German, over the corpus and the phrasebook.

The properties every language's corpus holds to (each fact in its note, the closing of the
tone, limits, no English frame, ...) are asked of tests/fixtures/debriefs/de/ in
test_drafts_languages.py. Here, what German asks besides: the greeting by title and tone,
the letter going on in lower case, "Sie" throughout, questions asked, corrections named,
promises dated and thanked, and the phrasebook's sentences over any note.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.chat import DraftBlock
from bot.domain.policy import Kind
from bot.drafting import sentences_de as de
from tests.drafting.corpus import kind_of
from tests.drafting.drafts_lang import GERMAN, de_missing, de_owner, played

NAMES = GERMAN.names
ENGLISH_FRAME = GERMAN.english
INFORMAL = re.compile(r"\b(?:du|dich|dir|dein\w*|euch|euer)\b")
FORMAL_PRONOUN = re.compile(r"\b(?:Sie|Ihnen|Ihr\w*)\b")


@pytest.mark.parametrize("name", NAMES)
def test_each_draft_greets_its_person_by_the_german_form_of_the_tone(name: str) -> None:
    """'Sehr geehrte Frau Dr. Weiß,' formal; 'Hallo Herr Becker,' warm; no honorific, no
    gender guessed: 'Guten Tag Lena Vogel,' or 'Hallo Lena Vogel,'."""
    rendered = played(name)
    tone = rendered.debrief.tone or "warm"
    for block in rendered.drafts:
        person = rendered.debrief.addressee(block) or rendered.debrief.lead
        assert person is not None
        feminine, masculine = person.formal.startswith("Frau "), person.formal.startswith("Herr ")
        if tone == "formal":
            lead = "Sehr geehrte" if feminine else "Sehr geehrter" if masculine else "Guten Tag"
        else:
            lead = "Hallo"
        assert block.body.splitlines()[0] == f"{lead} {person.formal},", block.body
        assert block.linkedin is None or block.linkedin.startswith(f"{lead} {person.formal}, ")


@pytest.mark.parametrize("name", NAMES)
def test_after_the_greeting_the_letter_goes_on_in_lower_case(name: str) -> None:
    for block in played(name).drafts:
        first = block.body.split("\n\n")[1]
        assert first[:1].islower() or first.startswith("Sie "), first


@pytest.mark.parametrize("name", NAMES)
def test_every_draft_says_sie_and_never_du(name: str) -> None:
    for block in played(name).drafts:
        for text in (block.subject, block.body, block.linkedin or ""):
            assert not INFORMAL.search(text), text
        assert FORMAL_PRONOUN.search(block.body), block.body


@pytest.mark.parametrize("name", NAMES)
def test_questions_are_asked_corrections_named_and_promises_dated(name: str) -> None:
    rendered = played(name)
    debrief = rendered.debrief
    notes = {id(p): b.body for p, b in rendered.thank_yous()}
    for fact in debrief.facts:
        body = notes.get(id(de_owner(fact, debrief)))
        if body is None:
            continue
        if fact.field == "questions":
            asked = [s for s in GERMAN.core_sentences(body) if not de_missing(fact.text, s)]
            assert asked, body
            assert asked[0].endswith("?"), body
        if fact.field == "clarify":
            assert "korrigieren" in body, body
        if fact.field == "promised" and debrief.promised_date:
            assert debrief.promised_date in body, body
        if fact.field == "they_promised":
            assert re.search(r"\b(?:Danke|Vielen Dank)\b", body), body


def test_the_offer_reply_asks_for_time_and_the_rejection_reply_for_feedback() -> None:
    shown: list[DraftBlock] = [b for n in NAMES for b in played(n).drafts]
    offers = [b for b in shown if kind_of(b) is Kind.OFFER_REPLY]
    rejections = [b for b in shown if kind_of(b) is Kind.REJECTION_REPLY]
    assert offers
    assert rejections
    assert all(re.search(r"Details|bis wann", b.body) for b in offers)
    assert all("Rückmeldung" in b.body and "dankbar" in b.body for b in rejections)


# --- the phrasebook, over any note a member may type ----------------------------------------

_GERMAN_WORDS = st.sampled_from(
    [
        "die", "der", "das", "Migration", "Kafka-Migration", "Datenverträge", "Team", "Monitoring",
        "zeigt", "hat", "mir", "ihr", "sein", "Jahre", "fünf", "SQL", "geleitet", "schicken",
        "Folien", "bis", "Freitag", "wie", "ob", "groß", "ist", "Entscheidung", "Rückmeldung",
        "nächste", "Woche", "ein", "mein", "Prototyp", "und", "Code-Reviews", "neue", "Plattform",
    ]
)  # fmt: skip
NOTES = st.lists(_GERMAN_WORDS, min_size=1, max_size=7).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(NOTES, st.integers(min_value=0, max_value=9))
def test_the_phrasebooks_sentences_are_never_empty_nor_english(text: str, variant: int) -> None:
    note = de.read_note(text)
    asked = de.read_note(text, "questions")
    said = [
        de.personal(note, variant, "onsite"),
        de.personal(note, variant, "technical"),
        de.shared_topics([note], "panel"),
        de.highlights([note], variant) or "",
        de.strength([note], variant, "onsite", tied=False) or "",
        de.interest(variant, "final"),
        de.correction([note]),
        de.questions([asked]) or "",
        de.my_promise(note, "bis Freitag"),
        de.attachment(de.sendable(note), "gestern"),
        de.their_promises([note]) or "",
        de.their_promise_reminder(note),
    ]
    for sentence in said:
        assert sentence.strip(), text
        assert sentence.endswith((".", "?")), (text, sentence)
        assert not ENGLISH_FRAME.search(sentence), sentence
        assert not INFORMAL.search(sentence), sentence
        assert "None" not in sentence, sentence
        assert "  " not in sentence, sentence
    assert de.questions([asked]).endswith("?")  # type: ignore[union-attr]
