"""French drafts: the conventions of French, over the corpus and the phrasebook.

The properties every language's corpus holds to (each fact in its note, limits, no English
frame, panel notes that differ, ...) are asked of tests/fixtures/debriefs/fr/ in
test_drafts_languages.py. Here, what French asks besides: the greeting by honorific and
tone, "vous" always and notes said to their addressee, a question closed with '\u202f?',
a correction named, their promise thanked and ours dated, and the phrasebook's sentences.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.chat import DraftBlock
from bot.domain.policy import Kind
from bot.drafting import sentences_fr as fr
from bot.drafting.render import DraftRenderer
from bot.services.draft_context import interviewer_variables
from bot.storage.models import Interviewer
from tests.drafting.corpus import (
    MEMBER_NAME,
    Debrief,
    Fact,
    Person,
    Rendered,
    kind_of,
    load,
    sentences,
)
from tests.drafting.corpus_lang import formal_greetings
from tests.drafting.drafts_lang import FRENCH, owned_or_lead, played, tone_of
from tests.drafting.sample_context import CONTEXT

NAMES = FRENCH.names
CLOSINGS = FRENCH.closings
ENGLISH_FRAMES = FRENCH.english
INFORMAL = re.compile(r"\b(?:tu|te|toi|ton|ta|tes|t['’])(?=\W|$)", re.I)
ACKNOWLEDGED = re.compile(r"\b(?:merci|remerci\w*|reconnaissan\w*|appréci\w*)", re.I)
CORRECTION = re.compile(r"\b(?:corrig\w*|rectifi\w*|précis\w*)", re.I)
WARM = re.compile(r"\b(?:joie|réjoui\w*|chaleureu\w*|plaisir|reconnaissan\w*)", re.I)
# "il" is left out: our own frames say it of the role ("il m'intéresse toujours").
THIRD_PERSON = re.compile(r"\b(?:elle|son|sa|ses)\b", re.I)
HONORIFIC = re.compile(r"^(?:Mme|Mlle|M\.|Dr\.?|Pr\.?|Monsieur|Madame)\s+")


def thanks_to(rendered: Rendered, person: Person) -> list[DraftBlock]:
    """The thank-you notes shown to `person`."""
    return [b for p, b in rendered.thank_yous() if p == person]


def facts_of(rendered: Rendered, fields: set[str]) -> list[tuple[Fact, DraftBlock]]:
    """Facts from these notes, each with the thank-you note it must be in."""
    pairs = []
    for fact in rendered.debrief.facts:
        owner = owned_or_lead(fact, rendered.debrief)
        if fact.field in fields and owner is not None:
            pairs += [(fact, block) for block in thanks_to(rendered, owner)]
    return pairs


def best_sentence(fact: Fact, body: str, debrief: Debrief) -> tuple[int, list[str]]:
    """The index of the body's sentence holding most of the fact's words, and the sentences."""
    found = sentences(body)
    scores = [len(FRENCH.missing(fact.text, s, debrief)) for s in found]
    return min(range(len(found)), key=scores.__getitem__), found


def test_the_french_corpus_covers_what_the_issue_asks() -> None:
    """Beyond every corpus's stages, outcomes and tones: a panel of three with attributed
    notes, the fields, names with and without an honorific, and a reply from the employer."""
    debriefs = [load(n) for n in NAMES]
    assert any(len(d.people) == 3 for d in debriefs)
    fields = {f.field for d in debriefs for f in d.facts}
    assert fields >= {"promised", "they_promised", "questions", "clarify"}
    assert any(f.owner is not None for d in debriefs for f in d.facts if len(d.people) > 1)
    people = [p for n in NAMES for p in load(n).people]
    assert any(HONORIFIC.match(p.name) for p in people)
    assert any(not HONORIFIC.match(p.name) for p in people)
    assert any("replied" in s for d in debriefs for s in d.steps)


@pytest.mark.parametrize("name", NAMES)
def test_promised_material_is_named_with_its_date(name: str) -> None:
    """'Comme convenu, je vous enverrai mon portfolio d'ici vendredi midi.'"""
    rendered = played(name)
    debrief = rendered.debrief
    for fact, block in facts_of(rendered, {"promised"}):
        index, found = best_sentence(fact, block.body, debrief)
        if debrief.promised_date:
            assert debrief.promised_date in found[index], (debrief.promised_date, found[index])


@pytest.mark.parametrize("name", NAMES)
def test_their_promise_is_acknowledged_with_thanks(name: str) -> None:
    """'Merci d'avoir proposé de me présenter à votre responsable R&D.'"""
    rendered = played(name)
    for fact, block in facts_of(rendered, {"they_promised"}):
        index, found = best_sentence(fact, block.body, rendered.debrief)
        assert ACKNOWLEDGED.search(found[index]), (fact, found[index])


@pytest.mark.parametrize("name", NAMES)
def test_a_question_is_asked_as_a_question_and_a_correction_named_as_one(name: str) -> None:
    """'Pourriez-vous aussi me dire si ... ?'; 'Je souhaite ... corriger l'une de mes réponses'."""
    rendered = played(name)
    debrief = rendered.debrief
    for fact, block in facts_of(rendered, {"questions"}):
        index, found = best_sentence(fact, block.body, debrief)
        assert found[index].endswith("\u202f?"), (fact, found[index])
    for fact, block in facts_of(rendered, {"clarify"}):
        index, found = best_sentence(fact, block.body, debrief)
        assert CORRECTION.search(" ".join(found[max(0, index - 1) : index + 1])), found[index]


def expected_greeting(debrief: Debrief, person: Person, formal: dict[str, str]) -> str:
    """Formal: 'Madame,' or 'Monsieur,' by the honorific, else 'Bonjour' and the full name
    without a title (no gender guessed); other tones: 'Bonjour' and the greeting name."""
    if tone_of(debrief) == "formal":
        return formal.get(person.name) or f"Bonjour {HONORIFIC.sub('', person.name)},"
    return f"Bonjour {person.greet},"


@pytest.mark.parametrize("name", NAMES)
def test_each_draft_greets_the_french_way_for_its_tone_and_person(name: str) -> None:
    """'Madame,' / 'Monsieur,' / 'Bonjour Claire,' (the closing: test_drafts_languages.py)."""
    rendered = played(name)
    debrief = rendered.debrief
    formal = formal_greetings(name)
    for block in rendered.drafts:
        person = debrief.addressee(block)
        assert person is not None, block.title
        lines = block.body.splitlines()
        assert lines[0] == expected_greeting(debrief, person, formal), (block.title, lines[0])


@pytest.mark.parametrize("name", NAMES)
def test_drafts_say_vous_never_tu(name: str) -> None:
    """French drafts say 'vous' in every tone (no English frame: test_drafts_languages.py)."""
    rendered = played(name)
    for block in rendered.drafts:
        for text in (block.subject, block.body, block.linkedin or ""):
            without = text.replace(MEMBER_NAME, "")
            assert not INFORMAL.search(without), (block.title, INFORMAL.search(without))
        assert re.search(r"\b(?:vous|votre|vos)\b", block.body), block.body


@pytest.mark.parametrize("name", NAMES)
def test_a_note_speaks_to_its_addressee_not_about_them(name: str) -> None:
    """'son équipe' in the notes reads 'votre équipe' in the note to that person."""
    rendered = played(name)
    for block in rendered.drafts:
        body = "\n".join(block.body.splitlines()[1:])
        assert not THIRD_PERSON.search(body), (block.title, THIRD_PERSON.search(body))


@pytest.mark.parametrize("name", [n for n in NAMES if load(n).outcome == "offer"])
def test_offer_replies_are_warm_and_ask_for_time(name: str) -> None:
    """An offer reply thanks them with warmth and asks by when they need an answer."""
    rendered = played(name)
    replies = [b for b in rendered.drafts if kind_of(b) is Kind.OFFER_REPLY]
    assert replies
    for block in replies:
        assert WARM.search(block.body), block.body
        assert "réponse" in block.body, block.body


# --- the phrasebook over any note ---------------------------------------------------------

_VOCABULARY = """la le les l' un une des du de au mon ma mes son sa ses votre notre
    migration équipe modèle prévision données Kafka SQL Python dbt tableau bord maquettes
    portfolio retour réponse décision semaine vendredi midi demain 4 ans mois
    envoyer présenter partager revenir vers moi me elle il a est va fait dirige
    j'ai dit c'est plutôt deux trois si est-ce que comment pourquoi quand
    avec pour sur à et ou ? ! . , ; : 30 %"""
VOCABULARY = _VOCABULARY.split()
NOTES = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=10).map(" ".join)
ANY_NOTE = st.one_of(NOTES, st.text(max_size=60))
STAGES = st.sampled_from(sorted(fr.STAGE_LABELS))
# What French always contracts or elides: "de le" is "du", "à les" is "aux", "que il" is "qu'il".
ELISION_MISSED = re.compile(
    r"\b(?:de|à) les?\b|\b(?:que|de) (?:il|elle|ils|elles|on|avoir)\b", re.I
)


def _sentences_for(text: str, variant: int, stage: str) -> list[str]:
    note = fr.read_note(fr.addressed(text, ("Claire",)))
    asked = fr.read_note(text, "questions")
    found = [
        fr.personal(note, variant, stage),
        fr.shared_topics([note], stage),
        fr.correction([note]),
        fr.my_promise(note, "d'ici vendredi midi"),
        fr.attachment(fr.sendable(note), "hier"),
        fr.their_promise_reminder(note),
        fr.interest(variant, stage),
    ]
    optional = [
        fr.highlights([note], variant),
        fr.strength([note], variant, stage, tied=variant % 2 == 0),
        fr.questions([asked]),
        fr.their_promises([note, note]),
    ]
    return found + [s for s in optional if s is not None]


@given(NOTES, st.integers(min_value=0, max_value=9), STAGES)
def test_phrasebook_sentences_are_never_empty_nor_english(
    text: str, variant: int, stage: str
) -> None:
    """Whatever French note arrives, each sentence has words, ends as one, and is French."""
    if fr.read_note(text).empty:
        return
    for sentence in _sentences_for(text, variant, stage):
        assert re.search(r"[^\W\d_]{2}", sentence), sentence
        assert sentence.endswith((".", "?")), sentence
        assert not ENGLISH_FRAMES.search(sentence), sentence
        assert not INFORMAL.search(sentence.replace(text, "")), sentence
        assert "  " not in sentence, sentence
        unelided = ELISION_MISSED.search(sentence)
        assert unelided is None or ELISION_MISSED.search(text), sentence


@given(ANY_NOTE)
def test_questions_are_always_one_question(text: str) -> None:
    """A question the member meant to ask is asked, ending in '?'."""
    note = fr.read_note(text, "questions")
    if note.empty:
        return
    asked = fr.questions([note])
    assert asked is not None
    assert asked.endswith("?"), asked


@given(ANY_NOTE)
def test_addressed_never_raises_and_is_stable(text: str) -> None:
    """Saying a note to its addressee twice changes nothing more."""
    once = fr.addressed(text, ("Claire",))
    assert fr.addressed(once, ("Claire",)) == once


# --- greetings, person by person -----------------------------------------------------------


def _person(name: str, greet: str, formal: str) -> dict[str, str | None]:
    """The interviewer as draft_context gives it to a template, checked against `greet`."""
    person = interviewer_variables(Interviewer(name=name))
    assert (person["greet"], person["formal"]) == (greet, formal)
    return person


@pytest.mark.parametrize(
    ("person", "tone", "greeting", "linkedin"),
    [
        (
            _person("Mme Claire Dubois", "Claire", "Mme Dubois"),
            "formal",
            "Madame,",
            "Madame Dubois",
        ),
        (
            _person("Monsieur Paul Lefèvre", "Paul", "M. Lefèvre"),
            "formal",
            "Monsieur,",
            "Monsieur Lefèvre",
        ),
        # "M." is not read as an honorific by names.py: the formal form keeps the given name.
        (
            _person("M. Thomas Girard", "Thomas", "M. Girard"),
            "formal",
            "Monsieur,",
            "Monsieur Girard",
        ),
        # A doctorate says nothing of gender: the full name, never "Docteur" nor a guess.
        (
            _person("Dr Sophie Bernard", "Sophie", "Dr. Bernard"),
            "formal",
            "Bonjour Sophie Bernard,",
            "Sophie Bernard",
        ),
        (
            _person("Camille Moreau", "Camille", "Camille Moreau"),
            "formal",
            "Bonjour Camille Moreau,",
            "Camille Moreau",
        ),
        (_person("Mme Claire Dubois", "Claire", "Mme Dubois"), "warm", "Bonjour Claire,", "Claire"),
        (
            _person("Mme Dubois", "Mme Dubois", "Mme Dubois"),
            "warm",
            "Bonjour Madame Dubois,",
            "Madame Dubois",
        ),
        # With no given name the title stays, French style: never the bare family name.
        (
            _person("Dr. Kobayashi", "Dr. Kobayashi", "Dr. Kobayashi"),
            "warm",
            "Bonjour Dr Kobayashi,",
            "Dr Kobayashi",
        ),
        (None, "formal", "Madame, Monsieur,", None),
        (None, "concise", "Bonjour à toute l'équipe,", None),
    ],
)
def test_greetings_follow_the_honorifics_gender_and_never_guess_one(
    person: dict[str, str | None] | None, tone: str, greeting: str, linkedin: str | None
) -> None:
    """Every kind greets alike; the LinkedIn variant says 'Bonjour' and the name."""
    renderer = DraftRenderer().in_language("fr")
    context = {**CONTEXT, "language": "fr", "interviewer": person, "tone": tone}
    context |= {"when_phrase": "hier", "personal_line": None, "interest_line": None}
    for kind in ("thank_you", "status_check", "rejection_reply", "offer_reply", "keep_in_touch"):
        draft = renderer.render(kind, {**context, "kind": kind})
        assert draft.body.splitlines()[0] == greeting, (kind, draft.body)
        assert draft.body.splitlines()[-1] == CLOSINGS[tone], (kind, draft.body)
        if linkedin is not None:
            assert draft.linkedin is not None
            assert draft.linkedin.startswith(f"Bonjour {linkedin}, "), (kind, draft.linkedin)


# --- the phrasebook, by example ---------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("elle a monté son équipe data", "vous avez monté votre équipe data"),
        ("qu'elle dirige son équipe", "que vous dirigez votre équipe"),
        ("elle m'a montré ses dashboards", "vous m'avez montré vos dashboards"),
        ("Claire envoie le planning", "vous envoyez le planning"),
        ("l'équipe de Claire", "votre équipe"),
        ("me présenter à son responsable", "me présenter à votre responsable"),
        ("la migration et ses difficultés", "la migration et ses difficultés"),
    ],
)
def test_a_note_about_the_addressee_is_said_to_them(note: str, expected: str) -> None:
    """Third person to 'vous', with the verb agreeing; 'ses' of a thing stays 'ses'."""
    assert fr.addressed(note, ("Claire",)) == expected


@pytest.mark.parametrize(
    ("note", "stage", "variant", "expected"),
    [
        ("le modèle de prévision", "technical", 1, "Réfléchir avec vous au modèle de prévision"),
        ("les contrats de données", "technical", 1, "Réfléchir avec vous aux contrats de données"),
        ("le modèle de prévision", "technical", 2, "dans le détail du modèle de prévision."),
        ("l'onboarding", "onsite", 4, "le temps de parler de l'onboarding."),
        ("Airflow", "onsite", 4, "le temps de parler d'Airflow."),
        ("ils recrutent trois personnes", "onsite", 1, "en particulier qu'ils recrutent"),
        ("migration Kafka", "onsite", 0, "me reste en tête : migration Kafka."),
    ],
)
def test_personal_frames_contract_and_elide_as_french_does(
    note: str, stage: str, variant: int, expected: str
) -> None:
    """'à le' is 'au', 'de les' 'des', 'que ils' 'qu'ils'; a bare noun takes a colon."""
    assert expected in fr.personal(fr.read_note(note), variant, stage)


def test_strengths_questions_and_promises_read_as_french() -> None:
    """'mes 5 ans de SQL', 'mon expérience en modélisation', 'Pourriez-vous ... si ... ?'."""
    years, bare = fr.read_note("5 ans de SQL"), fr.read_note("modélisation de données")
    line = fr.strength([years, bare], 0, "onsite", tied=False)
    assert line == (
        "J'aimerais mettre mes 5 ans de SQL et mon expérience en modélisation de données "
        "au service de votre équipe."
    )
    asked = fr.questions([fr.read_note("demander si l'équipe est en télétravail", "questions")])
    assert asked == "Pourriez-vous aussi me dire si l'équipe est en télétravail ?"
    promise = fr.read_note("envoyer les maquettes")
    assert fr.my_promise(promise, "d'ici vendredi midi") == (
        "Comme convenu, je vous enverrai les maquettes d'ici vendredi midi."
    )
    assert fr.sendable(fr.read_note("envoyer le deck pour vendredi")) == "le deck"
    offer = fr.read_note("me présenter à votre responsable")
    assert (
        fr.their_promises([offer]) == "Merci d'avoir proposé de me présenter à votre responsable."
    )


REPLY_ACKNOWLEDGED = re.compile(r"\b(?:m['’]avoir répondu|votre réponse|votre retour)\b", re.I)


@pytest.mark.parametrize("name", [n for n in NAMES if any("replied" in s for s in load(n).steps)])
def test_after_a_reply_the_next_status_check_acknowledges_it(name: str) -> None:
    """'Merci de m'avoir répondu jeudi.'"""
    rendered = played(name)
    checks = [b for b in rendered.drafts if kind_of(b) is Kind.STATUS_CHECK]
    assert checks
    for block in checks:
        assert REPLY_ACKNOWLEDGED.search(block.body), block.body
