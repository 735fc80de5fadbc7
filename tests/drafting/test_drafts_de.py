"""German drafts (issue #18): the corpus's properties over tests/fixtures/debriefs/de/.

Each German debrief is played through the console as the English ones are
(tests/drafting/corpus.py reads a file under a subfolder by its relative name). The
assertions are properties, not text: each fact in its note (German words compared by a
stem, accents and case folded), "Sie" throughout, the greeting and closing of the tone, the
German conventions for names and titles, no English frame word, no proofreader error.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.chat import DraftBlock
from bot.domain.policy import Kind
from bot.drafting import sentences_de as de
from bot.drafting.proofread import words
from tests.drafting.corpus import DEBRIEFS, Fact, Person, Rendered, fold, kind_of, load, render
from tests.drafting.corpus import sentences as split_sentences
from tests.drafting.corpus import tokens as folded_tokens

NAMES = sorted(f"de/{p.stem}" for p in (DEBRIEFS / "de").glob("*.toml"))
LIMITS = {Kind.THANK_YOU: 200, Kind.STATUS_CHECK: 150}
LINKEDIN_LIMIT = 300
LEAD_FIELDS = frozenset({"clarify", "questions", "promised", "they_promised", "highlights"})
CLOSINGS = {"formal": "Mit freundlichen Grüßen", "warm": "Viele Grüße", "concise": "Beste Grüße"}
# Words that frame a fact rather than carry it (articles, pronouns, auxiliaries, particles).
STOPWORDS = frozenset(
    [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
        "und", "oder", "aber", "mit", "von", "zu", "zum", "zur", "im", "in", "am", "an", "auf",
        "für", "über", "bei", "aus", "nach", "vor", "ich", "mir", "mich", "mein", "meine", "meinen",
        "er", "sie", "es", "wir", "ihr", "ihre", "ihren", "ihrem", "sein", "seine", "seinen",
        "ihnen", "uns", "unser", "unsere", "ist", "sind", "war", "waren", "hat", "habe",
        "haben", "hatte", "wird", "werden", "will", "kann", "soll", "muss", "sagte", "sagt", "eher",
        "noch", "auch", "sehr", "wie", "ob", "was", "dass", "bis",
    ]
)  # fmt: skip
ENGLISH_FRAME = re.compile(
    r"\b(?:Thank you|Thanks|Dear|Hi|Hello|Best|Regards|Sincerely|I am|I would|our conversation"
    r"|the role|looking forward)\b"
)
INFORMAL = re.compile(r"\b(?:du|dich|dir|dein\w*|euch|euer)\b")
FORMAL_PRONOUN = re.compile(r"\b(?:Sie|Ihnen|Ihr\w*)\b")
INTEREST = re.compile(r"\binteressiert\b|\bInteresse\b")


def played(name: str) -> Rendered:
    """The debrief's drafts, or a failure naming the step the bot refused."""
    rendered = render(name)
    if rendered.refused:
        pytest.fail(f"the bot refused a step of {name}:\n{rendered.refused}")
    return rendered


def core_sentences(body: str) -> list[str]:
    """The sentences between the greeting and the closing (German closings take no comma)."""
    lines = body.splitlines()[1:]
    cut = next((i for i, line in enumerate(lines) if line.strip() in CLOSINGS.values()), len(lines))
    return split_sentences("\n".join(lines[:cut]))


def stem(word: str) -> str:
    """A German stem good enough for 'schickt' ~ 'schicken', 'Jahre' ~ 'Jahren'."""
    return word if len(word) <= 4 else word[: max(4, len(word) - 3)]


def content_words(text: str) -> list[str]:
    """The words of a note that carry its fact, folded."""
    return [w for w in folded_tokens(text) if w not in STOPWORDS and len(w) > 1]


def missing_words(fact: str, text: str) -> list[str]:
    """The fact's content words that `text` holds in no inflection."""
    have = set(folded_tokens(text))
    return [w for w in content_words(fact) if not any(t.startswith(stem(w)) for t in have)]


def owner_of(fact: Fact, rendered: Rendered) -> Person | None:
    """Whose note a fact belongs in: its owner, else the lead for process notes."""
    if fact.owner is None and fact.field in LEAD_FIELDS:
        return rendered.debrief.lead
    return fact.owner


def test_there_are_at_least_six_german_debriefs_covering_the_stages() -> None:
    """Phone screen, technical, panel, final, informational, recruiter; offer and rejection."""
    assert len(NAMES) >= 6
    stages = {load(n).stage for n in NAMES}
    assert {"phone_screen", "technical", "panel", "final", "informational"} <= stages
    assert {load(n).outcome for n in NAMES} >= {"offer", "rejected"}
    assert {load(n).tone for n in NAMES} >= {"formal", "warm"}
    assert all("language=de" in load(n).log for n in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_the_bot_accepts_every_step(name: str) -> None:
    assert played(name).drafts


@pytest.mark.parametrize("name", NAMES)
def test_every_recorded_fact_is_in_the_note_it_belongs_to(name: str) -> None:
    rendered = played(name)
    notes = rendered.thank_yous()
    for fact in rendered.debrief.facts:
        owner = owner_of(fact, rendered)
        for person, block in notes:
            if fact.field == "strengths" and len(notes) > 1:
                continue  # dealt out among the panel, checked below
            if owner is None or person is owner:
                assert not missing_words(fact.text, block.body), (fact, block.body)
        if fact.field == "strengths" and notes:
            assert any(not missing_words(fact.text, b.body) for _, b in notes), fact


@pytest.mark.parametrize("name", NAMES)
def test_an_attributed_item_appears_only_in_its_owners_note(name: str) -> None:
    rendered = played(name)
    for fact in rendered.debrief.facts:
        if fact.owner is None or fact.field == "strengths":
            continue
        for person, block in rendered.thank_yous():
            if person is not fact.owner:
                assert missing_words(fact.text, block.body), (fact, block.title)


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
def test_the_closing_is_the_tones_and_takes_no_comma(name: str) -> None:
    rendered = played(name)
    closing = CLOSINGS[rendered.debrief.tone or "warm"]
    for block in rendered.drafts:
        assert closing in block.body.splitlines(), block.body


@pytest.mark.parametrize("name", NAMES)
def test_every_draft_says_sie_and_never_du(name: str) -> None:
    for block in played(name).drafts:
        for text in (block.subject, block.body, block.linkedin or ""):
            assert not INFORMAL.search(text), text
        assert FORMAL_PRONOUN.search(block.body), block.body


@pytest.mark.parametrize("name", NAMES)
def test_no_english_frame_word_leaks(name: str) -> None:
    for block in played(name).drafts:
        for text in (block.subject, block.body, block.linkedin or ""):
            assert not ENGLISH_FRAME.search(text), text


@pytest.mark.parametrize("name", NAMES)
def test_questions_are_asked_corrections_named_and_promises_dated(name: str) -> None:
    rendered = played(name)
    debrief = rendered.debrief
    notes = {id(p): b.body for p, b in rendered.thank_yous()}
    for fact in debrief.facts:
        body = notes.get(id(owner_of(fact, rendered)))
        if body is None:
            continue
        if fact.field == "questions":
            asked = [s for s in core_sentences(body) if not missing_words(fact.text, s)]
            assert asked, body
            assert asked[0].endswith("?"), body
        if fact.field == "clarify":
            assert "korrigieren" in body, body
        if fact.field == "promised" and debrief.promised_date:
            assert debrief.promised_date in body, body
        if fact.field == "they_promised":
            assert re.search(r"\b(?:Danke|Vielen Dank)\b", body), body


@pytest.mark.parametrize("name", NAMES)
def test_panel_notes_share_at_most_one_sentence(name: str) -> None:
    notes = [set(core_sentences(b.body)) for _, b in played(name).thank_yous()]
    for a, b in combinations(notes, 2):
        assert len(a & b) <= 1, a & b


@pytest.mark.parametrize("name", NAMES)
def test_every_sentence_ends_as_a_sentence(name: str) -> None:
    for block in played(name).drafts:
        for sentence in core_sentences(block.body):
            assert re.search(r"\w", sentence), sentence
            assert sentence.endswith((".", "?", "!")), sentence


@pytest.mark.parametrize("name", NAMES)
def test_drafts_stay_within_their_length_limits(name: str) -> None:
    for block in played(name).drafts:
        kind = kind_of(block)
        if kind in LIMITS:
            assert words(block.body) <= LIMITS[kind], block.title
        if block.linkedin is not None:
            assert len(block.linkedin) <= LINKEDIN_LIMIT, block.linkedin


@pytest.mark.parametrize("name", NAMES)
def test_linkedin_thank_you_names_role_and_company(name: str) -> None:
    rendered = played(name)
    debrief = rendered.debrief
    role = debrief.options.get("role")
    for _person, block in rendered.thank_yous():
        assert block.linkedin
        assert fold(debrief.options["company"]) in fold(block.linkedin)
        if role and debrief.stage != "informational":
            assert fold(role) in fold(block.linkedin)
            assert INTEREST.search(block.linkedin)


@pytest.mark.parametrize("name", NAMES)
def test_no_proofreader_finding_is_an_error(name: str) -> None:
    """Our German drafts pass the German proofreader (hunspell's de_DE)."""
    for block in played(name).drafts:
        errors = [f for f in block.findings if f.level == "error"]
        assert errors == [], (block.title, errors, block.body)


@pytest.mark.parametrize("name", NAMES)
def test_no_word_three_times_in_three_sentences(name: str) -> None:
    for block in played(name).drafts:
        found = [[w for w in content_words(s) if len(w) >= 4] for s in core_sentences(block.body)]
        for start in range(max(1, len(found) - 2)):
            counts = Counter(stem(w) for s in found[start : start + 3] for w in s)
            assert not [w for w, n in counts.items() if n >= 3], block.body


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
