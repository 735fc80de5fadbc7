"""Portuguese drafts: the conventions of Portuguese, over the corpus and the phrasebook.

The properties every language's corpus holds to (each fact in its note, the closing of the
tone, limits, no English frame, ...) are asked of tests/fixtures/debriefs/pt/ in
test_drafts_languages.py. Here, what Portuguese asks besides: the greeting and pronoun by
tone and honorific, no guess at the writer's gender, questions, corrections and promises
framed as such, each debrief's own expectations, and the phrasebook over any note.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.chat import DraftBlock
from bot.domain.policy import Kind
from bot.drafting import sentences_pt as pt
from bot.drafting.notes import QUESTIONS_FIELD
from tests.drafting.corpus import Debrief, Fact, Person, Rendered, kind_of, load, sentences, tokens
from tests.drafting.drafts_lang import PORTUGUESE, owned_or_lead, played

NAMES = PORTUGUESE.names
ENGLISH_FRAME = PORTUGUESE.english
FEMININE = ("Sra.", "Dra.", "Srta.")
MASCULINE = ("Sr.",)
# Formal tone: "o senhor / a senhora", never "você" nor the tu-forms.
INFORMAL_YOU = re.compile(r"\b(?:você|vocês|te|contigo|teu|tua|teus|tuas)\b", re.I)
FORMAL_YOU = re.compile(r"\b(?:[oa]o? senhor|[àa] senhora|a senhora|o senhor)\b", re.I)
# The writer's gender is unknown: no "Obrigado/Obrigada" nor "grato/grata" of our own.
WRITERS_GENDER = re.compile(r"\b(?:obrigad[oa]|grat[oa]|animad[oa]|empolgad[oa])\b", re.I)
ACKNOWLEDGED = re.compile(r"\bagradeç|\bagradec", re.I)
CORRECTION = re.compile(r"\b(?:corrig|retific|esclarec)", re.I)


def facts_in(rendered: Rendered, fields: set[str]) -> list[tuple[Fact, DraftBlock]]:
    """Facts from these notes, each with the thank-you it must be in."""
    debrief = rendered.debrief
    return [
        (fact, block)
        for fact in debrief.facts
        if fact.field in fields and (owner := owned_or_lead(fact, debrief)) is not None
        for person, block in rendered.thank_yous()
        if person == owner
    ]


def carrying(fact: Fact, block: DraftBlock, debrief: Debrief) -> str:
    """The sentence of the body that holds most of the fact's words."""
    found = sentences(block.body)
    return min(found, key=lambda s: len(PORTUGUESE.missing(fact.text, s, debrief)))


def gender_of(person: Person) -> str | None:
    """'f' or 'm' from a typed honorific, else None: we never guess."""
    if person.formal.startswith(FEMININE):
        return "f"
    if person.formal.startswith(MASCULINE):
        return "m"
    return None


def test_the_corpus_covers_what_the_issue_asks() -> None:
    """Beyond every corpus's stages, outcomes and tones: women, men and names without an
    honorific among the people."""
    people = [p for n in NAMES for p in load(n).people]
    assert {gender_of(p) for p in people} == {"f", "m", None}


@pytest.mark.parametrize("name", NAMES)
def test_questions_corrections_and_their_promises_are_framed_as_such(name: str) -> None:
    """A question ends in '?', a correction says 'corrigir', their promise is thanked."""
    rendered = played(name)
    debrief = rendered.debrief
    for fact, block in facts_in(rendered, {"questions"}):
        assert carrying(fact, block, debrief).endswith("?"), fact
    for fact, block in facts_in(rendered, {"clarify"}):
        assert CORRECTION.search(carrying(fact, block, debrief)), fact
    for fact, block in facts_in(rendered, {"they_promised"}):
        assert ACKNOWLEDGED.search(carrying(fact, block, debrief)), fact


@pytest.mark.parametrize("name", NAMES)
def test_promised_material_is_named_with_its_date(name: str) -> None:
    """'vou enviar o link ... até sexta-feira ao meio-dia'."""
    rendered = played(name)
    debrief = rendered.debrief
    for fact, block in facts_in(rendered, {"promised"}):
        said = carrying(fact, block, debrief)
        assert debrief.promised_date, name
        assert debrief.promised_date in said, (fact, said)


@pytest.mark.parametrize("name", NAMES)
def test_each_draft_greets_the_right_person_the_way_the_tone_wants(name: str) -> None:
    """Formal: 'Prezada Sra. Lima,' / 'Prezado Sr. Pereira,', and with no honorific the full
    name ('Olá, Carla Souza,'); warm: 'Olá, Ana,'. (The closing: test_drafts_languages.py.)"""
    rendered = played(name)
    debrief = rendered.debrief
    tone = debrief.tone or "warm"
    for block in rendered.drafts:
        person = debrief.addressee(block)
        assert person is not None, block.title
        greeting = block.body.splitlines()[0]
        gender = gender_of(person)
        if tone == "formal" and gender is not None:
            lead = "Prezada" if gender == "f" else "Prezado"
            assert greeting == f"{lead} {person.formal},", greeting
        elif tone == "formal":
            assert greeting == f"Olá, {person.formal},", greeting
        else:
            assert greeting == f"Olá, {person.greet},", greeting
        for other in debrief.people:
            assert other == person or not other.named_in(greeting), greeting


@pytest.mark.parametrize("name", NAMES)
def test_the_formal_tone_says_o_senhor_or_a_senhora_and_never_voce(name: str) -> None:
    """Formal drafts to a Sra./Sr. say 'à senhora'/'ao senhor' somewhere; no draft in the
    formal tone says 'você', and none in the warm tone says 'o senhor'."""
    rendered = played(name)
    debrief = rendered.debrief
    for block in rendered.drafts:
        text = f"{block.body}\n{block.linkedin or ''}"
        person = debrief.addressee(block)
        if debrief.tone == "formal":
            assert not INFORMAL_YOU.search(text), (block.title, INFORMAL_YOU.search(text))
            if person is not None and gender_of(person) and kind_of(block) is Kind.THANK_YOU:
                senhora = "senhora" if gender_of(person) == "f" else "senhor"
                assert re.search(rf"\b{senhora}\b", block.body), block.body
        else:
            assert not FORMAL_YOU.search(text), (block.title, text)


@pytest.mark.parametrize("name", NAMES)
def test_no_guess_at_the_writers_gender(name: str) -> None:
    """Not 'Obrigado' nor 'grata': we do not know the member's (English: the shared suite)."""
    rendered = played(name)
    for block in rendered.drafts:
        for text in (block.subject, block.body, block.linkedin or ""):
            assert not WRITERS_GENDER.search(text), (block.title, WRITERS_GENDER.search(text))


# --- the phrasebook over any note ---------------------------------------------------------

_NOTE_WORDS = (
    "a o os as migração dados equipe projeto time cliente Kafka SQL painel ela ele eu liderei "
    "enviar me apresentar vai dar retorno até sexta-feira anos 4 de do da para com sobre se "
    "como quando qual meu minha portfólio arquitetura revisão código híbrido?"
)
WORDS = st.sampled_from(_NOTE_WORDS.split())
NOTES = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=NOTES, variant=st.integers(0, 9), stage=st.sampled_from(sorted(pt.STAGE_LABELS)))
def test_every_sentence_of_the_phrasebook_is_portuguese_and_never_empty(
    text: str, variant: int, stage: str
) -> None:
    """Whatever the note, each slot's sentence has words, ends as a sentence, keeps the
    note's words and carries no English frame."""
    note = pt.read_note(pt.addressed(text, ("Ana",)))
    asked = pt.read_note(text, QUESTIONS_FIELD)
    assume(not note.empty)
    said = [
        pt.personal(note, variant, stage),
        pt.shared_topics([note], stage),
        pt.highlights([note], variant),
        pt.strength([note], variant, stage, tied=bool(variant % 2)),
        pt.interest(variant, stage),
        pt.correction([note]),
        pt.questions([asked]),
        pt.my_promise(note, pt.due_phrase(date(2026, 11, 27), 4, None)),
        pt.attachment(pt.sendable(note), "ontem"),
        pt.their_promises([note]),
        pt.their_promise_reminder(note),
    ]
    for sentence in [str(s) for s in said]:
        assert sentence.strip(), sentence
        assert sentence.strip()[-1] in ".?!", sentence
        assert not ENGLISH_FRAME.search(sentence), sentence
        assert "  " not in sentence, sentence
        assert " ." not in sentence, sentence
    for kept in (said[0], said[1], said[5]):
        assert set(tokens(note.text)) <= set(tokens(str(kept))), (note.text, kept)
    assert str(pt.questions([asked])).endswith("?")


@pytest.mark.parametrize("name", NAMES)
def test_each_draft_says_what_its_debrief_expects(name: str) -> None:
    """A debrief's `present` patterns are in some draft of its command, `absent` in none."""
    rendered = played(name)
    for shown in rendered.shown:
        texts = [f"{b.subject}\n{b.body}\n{b.linkedin or ''}" for b in shown.blocks]
        for pattern in shown.wanted.present:
            assert any(re.search(pattern, t, re.I) for t in texts), (pattern, texts)
        for pattern in shown.wanted.absent:
            assert not any(re.search(pattern, t, re.I) for t in texts), (pattern, texts)
