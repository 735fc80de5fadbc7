"""Spanish, French, German and Portuguese drafts hold to what the English corpus asks.

Every debrief in tests/fixtures/debriefs/<code>/ is played through the console
(tests/drafting/corpus.py) and each property below is asked of every one of them, in
its language as tests/drafting/drafts_lang.py reads it: each recorded fact in the note it
belongs to, attributed items nowhere else, the closing of the tone, no English frame,
sentences that end as sentences, limits held, panel notes that differ, no word said three
times running, and the language's proofreader finding no error. What one language alone
asks (its greetings, its "usted" or "vous", its question marks) is in test_drafts_<code>.py.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

import pytest

from bot.drafting.proofread import words
from tests.drafting.corpus import ENDED, fold, kind_of, load
from tests.drafting.drafts_lang import (
    LANGUAGES,
    LIMITS,
    LINKEDIN_LIMIT,
    Language,
    played,
    tone_of,
)

STAGES = {"phone_screen", "technical", "panel", "final", "informational"}
DEBRIEFS = [pytest.param(lang, name, id=name) for lang in LANGUAGES for name in lang.names]
PANELS = [
    pytest.param(lang, name, id=name)
    for lang in LANGUAGES
    for name in lang.names
    if len(load(name).people) > 1
]
EACH_LANGUAGE = [pytest.param(lang, id=lang.code) for lang in LANGUAGES]


@pytest.mark.parametrize("language", EACH_LANGUAGE)
def test_the_corpus_covers_what_the_issue_asks(language: Language) -> None:
    """Six debriefs or more, every stage the issue names, both outcomes, both tones."""
    debriefs = [load(n) for n in language.names]
    assert len(debriefs) >= 6
    assert {d.stage for d in debriefs} >= STAGES
    assert {d.outcome for d in debriefs} >= {"offer", "rejected"}
    assert {d.tone for d in debriefs} >= {"formal", "warm"}
    assert all(f"language={language.code}" in d.log for d in debriefs)


@pytest.mark.parametrize(("language", "name"), DEBRIEFS)
def test_the_bot_accepts_every_step_of_the_debrief_as_typed(language: Language, name: str) -> None:
    """The language's dates, honorifics and `Name:` notes go through, and drafts come out."""
    rendered = played(name)
    assert rendered.drafts, name
    assert f"language={language.code}" in rendered.debrief.log


@pytest.mark.parametrize(("language", "name"), DEBRIEFS)
def test_every_recorded_fact_is_in_the_note_it_belongs_to(language: Language, name: str) -> None:
    """Owned items in their owner's thank-you, the rest where the language's suite puts them
    (`Language.homes`): the lead's, or some note."""
    rendered = played(name)
    debrief = rendered.debrief
    for fact in debrief.facts:
        each, one_of = language.homes(fact, rendered)
        for body in each:
            assert not language.missing(fact.text, body, debrief), (fact, body)
        if one_of:
            found = [language.missing(fact.text, body, debrief) for body in one_of]
            assert [] in found, (fact, min(found, key=len), one_of)


@pytest.mark.parametrize(("language", "name"), DEBRIEFS)
def test_an_item_that_belongs_to_one_interviewer_appears_only_in_their_note(
    language: Language, name: str
) -> None:
    """Attributed items (and, where the language's suite says so, the lead's) nowhere else."""
    rendered = played(name)
    debrief = rendered.debrief
    for fact in debrief.facts:
        owner = language.alone(fact, debrief)
        if owner is None or len(language.content_words(fact.text)) < language.distinct_words:
            continue
        for person, block in rendered.thank_yous():
            if person != owner:
                assert language.missing(fact.text, block.body, debrief), (fact, block.title)


@pytest.mark.parametrize(("language", "name"), DEBRIEFS)
def test_each_draft_closes_the_way_its_tone_wants(language: Language, name: str) -> None:
    """'Atentamente,' / 'Bien à vous,' / 'Viele Grüße' (no comma in German) / 'Um abraço,'."""
    rendered = played(name)
    closing = language.closings[tone_of(rendered.debrief)]
    for block in rendered.drafts:
        assert closing in block.body.splitlines(), (block.title, block.body)


@pytest.mark.parametrize(("language", "name"), DEBRIEFS)
def test_no_english_frame_word_leaks(language: Language, name: str) -> None:
    """Not 'Thank you', 'Dear' or 'Best,' in the subject, the body or the LinkedIn note."""
    for block in played(name).drafts:
        for text in (block.subject, block.body, block.linkedin or ""):
            found = language.english.search(text)
            assert not found, (block.title, found, text)


@pytest.mark.parametrize(("language", "name"), PANELS)
def test_panel_notes_share_at_most_one_sentence(language: Language, name: str) -> None:
    """Besides greeting and closing, two panelists' notes have at most one sentence alike."""
    rendered = played(name)
    notes = [(p, set(language.core_sentences(b.body))) for p, b in rendered.thank_yous()]
    for (a, first), (b, second) in combinations(notes, 2):
        assert a == b or len(first & second) <= 1, (a, b, first & second)


@pytest.mark.parametrize(("language", "name"), DEBRIEFS)
def test_every_sentence_ends_as_a_sentence(language: Language, name: str) -> None:
    """Each sentence between greeting and closing has words and ends with '.', '?' or '!'."""
    for block in played(name).drafts:
        for sentence in language.core_sentences(block.body):
            assert re.search(r"\w", sentence), (block.title, sentence)
            assert sentence.endswith((".", "?", "!")), (block.title, sentence)


@pytest.mark.parametrize(("language", "name"), DEBRIEFS)
def test_drafts_stay_within_their_length_limits(language: Language, name: str) -> None:
    """Thank-you 200 words, status check 150 (counted as a word processor does, and as
    whitespace-separated tokens), LinkedIn 300 characters."""
    for block in played(name).drafts:
        if (kind := kind_of(block)) in LIMITS:
            assert words(block.body) <= LIMITS[kind], (block.title, words(block.body))
            assert len(block.body.split()) <= LIMITS[kind], block.title
        if block.linkedin is not None:
            assert len(block.linkedin) <= LINKEDIN_LIMIT, (block.title, len(block.linkedin))


@pytest.mark.parametrize(("language", "name"), DEBRIEFS)
def test_linkedin_thank_you_names_role_and_company(language: Language, name: str) -> None:
    """The company always; the role, but after an informational chat, and interest restated
    while the process is open."""
    rendered = played(name)
    debrief = rendered.debrief
    role = debrief.options.get("role")
    for _person, block in rendered.thank_yous():
        assert block.linkedin, block.title
        assert fold(debrief.options["company"]) in fold(block.linkedin), block.linkedin
        if role and debrief.stage != "informational":
            assert fold(role) in fold(block.linkedin), block.linkedin
            ended = debrief.outcome in ENDED and not language.interest_when_ended
            if language.interest and not ended:
                assert language.interest.search(block.linkedin), block.linkedin


@pytest.mark.parametrize(("language", "name"), DEBRIEFS)
def test_no_proofreader_finding_is_an_error(language: Language, name: str) -> None:
    """Our drafts pass the language's own proofreader (hunspell, spacing, marks, clichés)."""
    for block in played(name).drafts:
        errors = [f for f in block.findings if f.level == "error"]
        assert errors == [], (language.code, block.title, errors, block.body)


@pytest.mark.parametrize(("language", "name"), DEBRIEFS)
def test_no_word_three_times_in_three_sentences(language: Language, name: str) -> None:
    """'conversación' three times running reads as a form letter."""
    for block in played(name).drafts:
        found = [language.repeated(s) for s in language.core_sentences(block.body)]
        for start in range(max(1, len(found) - 2)):
            counts = Counter(w for s in found[start : start + 3] for w in s)
            assert not [w for w, n in counts.items() if n >= 3], (block.title, block.body)
