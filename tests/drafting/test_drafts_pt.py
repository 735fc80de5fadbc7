"""The Portuguese debrief corpus: the properties test_debrief_corpus.py asks of English.

Each tests/fixtures/debriefs/pt/*.toml is played through the console once and every property
is its own test over all of them: each recorded fact in the note it belongs to (content
words compared accent- and case-folded, with a light Portuguese stemming), the right
greeting, pronoun and closing per tone and per honorific, panel notes that differ, limits
held, no proofreader error and no English word of ours. A hypothesis property checks the
phrasebook's sentences over any note typed in Portuguese.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from itertools import combinations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.chat import DraftBlock
from bot.domain.policy import Kind
from bot.drafting import sentences_pt as pt
from bot.drafting.notes import QUESTIONS_FIELD
from bot.drafting.proofread import words
from tests.drafting.corpus import (
    ENDED,
    MEMBER_NAME,
    Debrief,
    Fact,
    Person,
    Rendered,
    fold,
    kind_of,
    load,
    render,
    sentences,
    tokens,
)
from tests.drafting.corpus_lang import names

NAMES = names("pt")
LIMITS = {Kind.THANK_YOU: 200, Kind.STATUS_CHECK: 150}
LINKEDIN_LIMIT = 300
LEAD_FIELDS = frozenset({"clarify", "questions", "promised", "they_promised", "highlights"})
CLOSINGS = {"formal": "Atenciosamente,", "warm": "Um abraço,", "concise": "Abraços,"}
FEMININE = ("Sra.", "Dra.", "Srta.")
MASCULINE = ("Sr.",)
# Words that frame a fact rather than carry it ("a", "sobre"), and the third-person words a
# note to its addressee turns into "sua" ("a equipe dela" -> "a sua equipe").
_STOPWORDS = """a o as os um uma uns umas de do da dos das em no na nos nas por pelo pela para
    pra com sem sobre e ou mas que se como quando onde qual quais quem eu me meu minha meus minhas
    ele ela eles elas dele dela deles delas seu sua seus suas você voce nós nosso nossa
    lhe isso isto esse essa este esta muito mais foi é ser ter tem"""
STOPWORDS = frozenset(_STOPWORDS.split())
ENGLISH_FRAME = re.compile(
    r"\b(?:Thank you|Thanks|Dear|Hi|Hello|Best|Sincerely|Regards|I would|I am|I look|"
    r"the role|looking forward|please find|as promised)\b",
    re.I,
)
# Formal tone: "o senhor / a senhora", never "você" nor the tu-forms.
INFORMAL_YOU = re.compile(r"\b(?:você|vocês|te|contigo|teu|tua|teus|tuas)\b", re.I)
FORMAL_YOU = re.compile(r"\b(?:[oa]o? senhor|[àa] senhora|a senhora|o senhor)\b", re.I)
# The writer's gender is unknown: no "Obrigado/Obrigada" nor "grato/grata" of our own.
WRITERS_GENDER = re.compile(r"\b(?:obrigad[oa]|grat[oa]|animad[oa]|empolgad[oa])\b", re.I)
ACKNOWLEDGED = re.compile(r"\bagradeç|\bagradec", re.I)
CORRECTION = re.compile(r"\b(?:corrig|retific|esclarec)", re.I)
INTEREST = re.compile(r"\binteress|\bentusiasm|\bvontade", re.I)


def stem(word: str) -> str:
    """Enough of a folded word to meet its inflections: 'migração' ~ 'migrar', 'anos' ~ 'ano'."""
    return word if len(word) <= 4 else word[: max(4, len(word) - 3)]


def content_words(text: str) -> list[str]:
    """The folded words of a note that carry its meaning."""
    return [w for w in tokens(text) if w not in {fold(s) for s in STOPWORDS}]


def missing(fact: Fact, text: str, debrief: Debrief) -> list[str]:
    """The fact's content words `text` lacks in any inflection, the people's names aside."""
    skip = {w for p in debrief.people for n in (p.name, p.greet) for w in tokens(n)}
    have = set(tokens(text))
    return [
        w
        for w in content_words(fact.text)
        if w not in skip and not any(h.startswith(stem(w)) for h in have)
    ]


def played(name: str) -> Rendered:
    """The debrief's drafts, or a failure naming the step the bot refused."""
    rendered = render(name)
    if rendered.refused:
        pytest.fail(f"the bot refused a step of {name}:\n{rendered.refused}")
    return rendered


def core_sentences(body: str) -> list[str]:
    """The body's sentences between the greeting line and the closing."""
    lines = body.splitlines()[1:]
    cut = next((i for i, ln in enumerate(lines) if ln.strip() in CLOSINGS.values()), len(lines))
    return sentences("\n".join(lines[:cut]))


def belongs_to(fact: Fact, debrief: Debrief) -> Person | None:
    """Whose thank-you the fact must be in: its owner, else the lead for lead fields."""
    if fact.owner is not None:
        return fact.owner
    return debrief.lead if fact.field in LEAD_FIELDS else None


def facts_in(rendered: Rendered, fields: set[str]) -> list[tuple[Fact, DraftBlock]]:
    """Facts from these notes, each with the thank-you it must be in."""
    debrief = rendered.debrief
    return [
        (fact, block)
        for fact in debrief.facts
        if fact.field in fields and (owner := belongs_to(fact, debrief)) is not None
        for person, block in rendered.thank_yous()
        if person == owner
    ]


def carrying(fact: Fact, block: DraftBlock, debrief: Debrief) -> str:
    """The sentence of the body that holds most of the fact's words."""
    found = sentences(block.body)
    return min(found, key=lambda s: len(missing(fact, s, debrief)))


def gender_of(person: Person) -> str | None:
    """'f' or 'm' from a typed honorific, else None: we never guess."""
    if person.formal.startswith(FEMININE):
        return "f"
    if person.formal.startswith(MASCULINE):
        return "m"
    return None


def test_the_corpus_covers_what_the_issue_asks() -> None:
    """Six or more debriefs: every stage asked for, both tones, offer and rejection."""
    debriefs = [load(n) for n in NAMES]
    assert len(debriefs) >= 6
    assert {"phone_screen", "technical", "panel", "final", "informational"} <= {
        d.stage for d in debriefs
    }
    assert {"formal", "warm"} <= {d.tone for d in debriefs}
    assert {"offer", "rejected"} <= {d.outcome for d in debriefs}
    people = [p for d in debriefs for p in d.people]
    assert {gender_of(p) for p in people} == {"f", "m", None}
    assert all("language=pt" in d.log for d in debriefs)


@pytest.mark.parametrize("name", NAMES)
def test_the_bot_accepts_every_step_of_the_debrief_as_typed(name: str) -> None:
    """Portuguese dates ('hoje 10h', 'sexta 12h') and names go through."""
    played(name)


@pytest.mark.parametrize("name", NAMES)
def test_every_recorded_fact_is_in_the_note_it_belongs_to(name: str) -> None:
    """Owned items in the owner's thank-you; the panel's topics in some thank-you."""
    rendered = played(name)
    debrief = rendered.debrief
    thanks = [b.body for _p, b in rendered.thank_yous()]
    for fact in debrief.facts:
        owner = belongs_to(fact, debrief)
        if owner is not None:
            for person, block in rendered.thank_yous():
                if person == owner:
                    assert not missing(fact, block.body, debrief), (fact, block.body)
        elif thanks:
            assert any(not missing(fact, body, debrief) for body in thanks), (fact, thanks)


@pytest.mark.parametrize("name", NAMES)
def test_an_item_that_belongs_to_one_interviewer_appears_only_in_their_note(name: str) -> None:
    """'Fernanda: falei em três anos de Spark' is in Fernanda's note alone."""
    rendered = played(name)
    debrief = rendered.debrief
    for fact in debrief.facts:
        owner = belongs_to(fact, debrief)
        if owner is None or len(content_words(fact.text)) < 2:
            continue
        for person, block in rendered.thank_yous():
            if person != owner:
                assert missing(fact, block.body, debrief), (fact, block.title)


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
def test_each_draft_greets_and_closes_the_right_person_the_way_the_tone_wants(name: str) -> None:
    """Formal: 'Prezada Sra. Lima,' / 'Prezado Sr. Pereira,', and with no honorific the full
    name ('Olá, Carla Souza,'); warm: 'Olá, Ana,'. The closing follows the tone."""
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
        assert CLOSINGS[tone] in block.body.splitlines(), block.body
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
def test_no_english_frame_word_and_no_guess_at_the_writers_gender(name: str) -> None:
    """Not 'Thank you', 'Dear', 'Best,'; not 'Obrigado' nor 'grata' (we do not know the member)."""
    rendered = played(name)
    for block in rendered.drafts:
        for text in (block.subject, block.body, block.linkedin or ""):
            assert not ENGLISH_FRAME.search(text), (block.title, ENGLISH_FRAME.search(text))
            assert not WRITERS_GENDER.search(text), (block.title, WRITERS_GENDER.search(text))


@pytest.mark.parametrize("name", [n for n in NAMES if len(load(n).people) > 1])
def test_panel_notes_share_at_most_one_sentence(name: str) -> None:
    """Besides greeting and closing, two panelists' notes have at most one sentence alike."""
    rendered = played(name)
    notes = [(p, set(core_sentences(b.body))) for p, b in rendered.thank_yous()]
    for (a, first), (b, second) in combinations(notes, 2):
        assert a == b or len(first & second) <= 1, (a, b, first & second)


@pytest.mark.parametrize("name", NAMES)
def test_every_sentence_ends_as_a_sentence_and_the_drafts_stay_within_limits(name: str) -> None:
    """Each sentence ends with '.', '?' or '!'; thank-you 200 words, status check 150,
    LinkedIn 300 characters."""
    rendered = played(name)
    for block in rendered.drafts:
        for sentence in core_sentences(block.body):
            assert re.search(r"\w", sentence), sentence
            assert sentence.endswith((".", "?", "!")), sentence
        if (kind := kind_of(block)) in LIMITS:
            assert words(block.body) <= LIMITS[kind], (block.title, words(block.body))
        if block.linkedin is not None:
            assert len(block.linkedin) <= LINKEDIN_LIMIT, (block.title, len(block.linkedin))


@pytest.mark.parametrize("name", NAMES)
def test_linkedin_thank_you_names_role_and_company(name: str) -> None:
    """And restates interest while the process is open (not after an informational chat or
    an outcome)."""
    rendered = played(name)
    debrief = rendered.debrief
    role = debrief.options.get("role")
    for _person, block in rendered.thank_yous():
        assert block.linkedin, block.title
        assert fold(debrief.options["company"]) in fold(block.linkedin), block.linkedin
        if role and debrief.stage != "informational" and debrief.outcome not in ENDED:
            assert fold(role) in fold(block.linkedin), block.linkedin
            assert INTEREST.search(block.linkedin), block.linkedin


@pytest.mark.parametrize("name", NAMES)
def test_no_proofreader_finding_is_an_error(name: str) -> None:
    """Our own Portuguese passes the Portuguese proofreader (hunspell pt_BR, clichés, marks)."""
    rendered = played(name)
    for block in rendered.drafts:
        errors = [f for f in block.findings if f.level == "error"]
        assert errors == [], (block.title, errors, block.body)


@pytest.mark.parametrize("name", NAMES)
def test_no_word_three_times_in_three_sentences(name: str) -> None:
    """'conversa' three times running reads as a form letter."""
    rendered = played(name)
    own = set(tokens(MEMBER_NAME))
    for block in rendered.drafts:
        found = [
            [w for w in content_words(s) if len(w) >= 4 and w not in own]
            for s in core_sentences(block.body)
        ]
        for start in range(max(1, len(found) - 2)):
            counts = Counter(w for s in found[start : start + 3] for w in s)
            assert not [w for w, n in counts.items() if n >= 3], (block.title, block.body)


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
