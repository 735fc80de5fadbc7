"""How the draft-corpus suites read each language: its words, stems, closings and frames.

test_drafts_languages.py asks the same properties of the Spanish, French, German and
Portuguese corpora (tests/fixtures/debriefs/<code>/); what differs between them is how a
fact's words are found in a draft (stopwords, stems, elisions), the closings of the tones,
the English frame words a draft must not carry, and, as each language's suite has always
read it, whose thank-you a fact belongs in. Each `Language` holds those; the per-language
files (test_drafts_<code>.py) use the same helpers for their own conventions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pytest

from bot.domain.policy import Kind
from tests.drafting.corpus import (
    MEMBER_NAME,
    Debrief,
    Fact,
    Person,
    Rendered,
    fold,
    render,
    sentences,
    tokens,
)
from tests.drafting.corpus_lang import names

LIMITS = {Kind.THANK_YOU: 200, Kind.STATUS_CHECK: 150}
LINKEDIN_LIMIT = 300
DEFAULT_TONE = "warm"
# What an unattributed note is about the whole process: the lead's thank-you carries it.
LEAD_FIELDS = frozenset({"clarify", "questions", "promised", "they_promised", "highlights"})


def played(name: str) -> Rendered:
    """The debrief's drafts, or a failure naming the step the bot refused."""
    rendered = render(name)
    if rendered.refused:
        pytest.fail(f"the bot refused a step of {name}:\n{rendered.refused}")
    return rendered


def tone_of(debrief: Debrief) -> str:
    """The debrief's tone, or the default a member gets."""
    return debrief.tone or DEFAULT_TONE


def prefix_stem(word: str) -> str:
    """A stem near enough for French, German and Portuguese: 'schickt' ~ 'schicken'."""
    return word if len(word) <= 4 else word[: max(4, len(word) - 3)]


# Where a fact must be found: every one of the first bodies, and one of the second at least.
Homes = tuple[list[str], list[str]]


@dataclass(frozen=True)
class Language:
    """One draft language as the corpus suites read it."""

    code: str
    closings: Mapping[str, str]
    english: re.Pattern[str]  # frame words of ours in English, never in this language's draft
    content_words: Callable[[str], list[str]]  # the words of a note that carry its fact
    missing: Callable[[str, str, Debrief], list[str]]  # a fact's words a text lacks
    homes: Callable[[Fact, Rendered], Homes]  # the thank-yous a fact must be in
    alone: Callable[[Fact, Debrief], Person | None]  # whose note alone carries the fact
    repeated: Callable[[str], list[str]]  # a sentence's words counted for repetition
    # Facts of fewer content words than this may be in anyone's note: one word is common.
    distinct_words: int = 2
    interest: re.Pattern[str] | None = None  # how a LinkedIn note restates interest
    # German LinkedIn notes restate it even once the process has ended (offer, rejection).
    interest_when_ended: bool = False

    @property
    def names(self) -> list[str]:
        """Every debrief of the language, as corpus.py names them ('es/x')."""
        return names(self.code)

    def core_sentences(self, body: str) -> list[str]:
        """The body's sentences between the greeting line and the closing."""
        lines = body.splitlines()[1:]
        ends = set(self.closings.values())
        cut = next((i for i, line in enumerate(lines) if line.strip() in ends), len(lines))
        return sentences("\n".join(lines[:cut]))


def owned_or_lead(fact: Fact, debrief: Debrief) -> Person | None:
    """Its owner, else the lead for notes about the process (French, Portuguese)."""
    if fact.owner is not None:
        return fact.owner
    return debrief.lead if fact.field in LEAD_FIELDS else None


def _owners_each_else_any(fact: Fact, rendered: Rendered) -> Homes:
    """An owned fact in each of its owner's thank-yous; the rest in some thank-you."""
    thanks = rendered.thank_yous()
    owner = owned_or_lead(fact, rendered.debrief)
    if owner is not None:
        return [b.body for p, b in thanks if p == owner], []
    return [], [b.body for _p, b in thanks]


# --- Spanish ----------------------------------------------------------------------------

_ES_STOPWORDS = frozenset(
    {
        "a", "al", "ante", "con", "de", "del", "desde", "el", "en", "entre", "hacia", "hasta",
        "la", "las", "lo", "los", "para", "por", "sin", "sobre", "un", "una", "unos", "unas",
        "y", "e", "o", "u", "ni", "que", "como", "si", "no", "mi", "mis", "tu", "tus", "su",
        "sus", "yo", "me", "te", "se", "nos", "le", "les", "es", "son", "era", "fue", "ser",
        "está", "están", "tiene", "tienen", "tenía", "hay", "muy", "más", "también", "ya",
        "pero", "porque", "dije", "dijo", "comentó", "él", "ella", "tú", "ti", "contigo"
    }
)  # fmt: skip


def es_stem(word: str) -> str:
    """A crude Spanish stem: plural and gender endings dropped ("migraciones" ~ "migración").

    A tú draft says a note's "habló" as "hablaste": both stem to "habl".
    """
    word = fold(word)
    for ending in ("ciones", "cion", "aste", "iste", "es", "os", "as", "s", "o", "a", "e"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def es_content_stems(text: str) -> list[str]:
    """The words of a note that carry its meaning, accent and case folded, stemmed."""
    return [es_stem(w) for w in tokens(text) if w not in _ES_STOPWORDS]


def es_missing(fact: str, text: str, _debrief: Debrief | None = None) -> list[str]:
    """The fact's stems that `text` lacks."""
    have = {es_stem(w) for w in tokens(text)}
    return [w for w in es_content_stems(fact) if w not in have]


def _es_owner(fact: Fact, debrief: Debrief) -> Person | None:
    """Its owner, else the lead (the panel's topics: everyone's)."""
    if fact.owner is not None:
        return fact.owner
    return None if fact.field == "topics" else debrief.lead


def _es_homes(fact: Fact, rendered: Rendered) -> Homes:
    """In a thank-you to its owner (the lead's, when unattributed); for the panel's topics
    and what the debrief's other drafts carry, in some draft."""
    owner = _es_owner(fact, rendered.debrief)
    texts = [b.body for p, b in rendered.thank_yous() if owner is None or p == owner]
    return [], texts or [b.body for b in rendered.drafts]


def _es_repeated(sentence: str) -> list[str]:
    own = set(tokens(MEMBER_NAME))
    return [w for w in es_content_stems(sentence) if len(w) >= 4 and w not in own]


SPANISH = Language(
    code="es",
    closings={"formal": "Atentamente,", "warm": "Un cordial saludo,", "concise": "Un saludo,"},
    english=re.compile(
        r"\b(?:Thank you|Thanks|Dear|Hi|Hello|Best|Sincerely|Warm regards|I am|I would|"
        r"As promised|Looking forward)\b"
    ),
    content_words=es_content_stems,
    missing=es_missing,
    homes=_es_homes,
    alone=_es_owner,
    repeated=_es_repeated,
)


# --- French -----------------------------------------------------------------------------

# Words that frame a fact rather than carry it; "il va" said to them is "vous allez", and
# "demander si" is asked as "Pourriez-vous me dire si".
_FR_STOPWORDS = """le la les l un une des du de d au aux a à en et ou mais ni or car dans sur sous
    avec pour par chez vers entre sans je j me m moi mon ma mes nous notre nos vous votre vos
    il elle ils elles on lui leur leurs son sa ses se s ce c cet cette ces ça cela qui que qu
    quoi dont où est sont été être ai as avez ont avait avons fait faire ne n pas plus très
    si y tout tous toute toutes dit parlé demander savoir vérifier comment pourquoi quand
    combien quel quelle est-ce va vont vais allez"""
FR_STOPWORDS = frozenset(fold(w) for w in _FR_STOPWORDS.split())
_FR_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]")


def fr_tokens(text: str) -> list[str]:
    """The words of `text`, folded, an elided article or pronoun split off ('l'équipe')."""
    return [_ELISION.sub("", fold(w)) for w in _FR_WORD.findall(text)]


def fr_content_words(text: str) -> list[str]:
    """The words of a note that carry its fact, not its frame."""
    return [w for w in fr_tokens(text) if w and w not in FR_STOPWORDS]


def fr_missing(fact: str, text: str, debrief: Debrief) -> list[str]:
    """The fact's content words that `text` lacks in any inflection, names aside."""
    skip = {w for p in debrief.people for n in (p.name, p.greet) for w in fr_tokens(n)}
    have = set(fr_tokens(text))
    return [
        w
        for w in fr_content_words(fact)
        if w not in skip and not any(t.startswith(prefix_stem(w)) for t in have)
    ]


def _fr_repeated(sentence: str) -> list[str]:
    own = set(fr_tokens(MEMBER_NAME))
    return [w for w in fr_content_words(sentence) if len(w) >= 4 and w not in own]


FRENCH = Language(
    code="fr",
    closings={"formal": "Bien cordialement,", "concise": "Cordialement,", "warm": "Bien à vous,"},
    english=re.compile(
        r"\b(?:Thank you|Thanks|Dear|Hi|Hello|Best|Warm regards|Sincerely|I would|I am|"
        r"looking forward|please find|As promised|attached|our conversation)\b",
        re.I,
    ),
    content_words=fr_content_words,
    missing=fr_missing,
    homes=_owners_each_else_any,
    alone=owned_or_lead,
    repeated=_fr_repeated,
    interest=re.compile(r"\b(?:intéress\w*|intérêt|envie|enthousias\w*|motiv\w*)", re.I),
)


# --- German -----------------------------------------------------------------------------

# Words that frame a fact rather than carry it (articles, pronouns, auxiliaries, particles).
_DE_STOPWORDS = frozenset(
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


def de_content_words(text: str) -> list[str]:
    """The words of a note that carry its fact, folded."""
    return [w for w in tokens(text) if w not in _DE_STOPWORDS and len(w) > 1]


def de_missing(fact: str, text: str, _debrief: Debrief | None = None) -> list[str]:
    """The fact's content words that `text` holds in no inflection."""
    have = set(tokens(text))
    return [
        w for w in de_content_words(fact) if not any(t.startswith(prefix_stem(w)) for t in have)
    ]


def de_owner(fact: Fact, debrief: Debrief) -> Person | None:
    """Whose note a fact belongs in: its owner, else the lead for process notes."""
    if fact.owner is None and fact.field in LEAD_FIELDS:
        return debrief.lead
    return fact.owner


def _de_homes(fact: Fact, rendered: Rendered) -> Homes:
    """Each owned fact in its owner's notes, the rest in every note; strengths are dealt out
    among a panel, so in some note there."""
    notes = rendered.thank_yous()
    owner = de_owner(fact, rendered.debrief)
    strengths = fact.field == "strengths"
    each = [
        b.body
        for p, b in notes
        if not (strengths and len(notes) > 1) and (owner is None or p is owner)
    ]
    return each, [b.body for _p, b in notes] if strengths else []


def _de_attributed(fact: Fact, _debrief: Debrief) -> Person | None:
    """Only what the member attributed is one person's alone (strengths are dealt out)."""
    return None if fact.field == "strengths" else fact.owner


def _de_repeated(sentence: str) -> list[str]:
    return [prefix_stem(w) for w in de_content_words(sentence) if len(w) >= 4]


GERMAN = Language(
    code="de",
    closings={"formal": "Mit freundlichen Grüßen", "warm": "Viele Grüße", "concise": "Beste Grüße"},
    english=re.compile(
        r"\b(?:Thank you|Thanks|Dear|Hi|Hello|Best|Regards|Sincerely|I am|I would|our conversation"
        r"|the role|looking forward)\b"
    ),
    content_words=de_content_words,
    missing=de_missing,
    homes=_de_homes,
    alone=_de_attributed,
    repeated=_de_repeated,
    distinct_words=0,
    interest_when_ended=True,
    interest=re.compile(r"\binteressiert\b|\bInteresse\b"),
)


# --- Portuguese -------------------------------------------------------------------------

# Words that frame a fact rather than carry it ("a", "sobre"), and the third-person words a
# note to its addressee turns into "sua" ("a equipe dela" -> "a sua equipe").
_PT_STOPWORDS = """a o as os um uma uns umas de do da dos das em no na nos nas por pelo pela para
    pra com sem sobre e ou mas que se como quando onde qual quais quem eu me meu minha meus minhas
    ele ela eles elas dele dela deles delas seu sua seus suas você voce nós nosso nossa
    lhe isso isto esse essa este esta muito mais foi é ser ter tem"""
PT_STOPWORDS = frozenset(fold(s) for s in _PT_STOPWORDS.split())


def pt_content_words(text: str) -> list[str]:
    """The folded words of a note that carry its meaning."""
    return [w for w in tokens(text) if w not in PT_STOPWORDS]


def pt_missing(fact: str, text: str, debrief: Debrief) -> list[str]:
    """The fact's content words `text` lacks in any inflection, the people's names aside."""
    skip = {w for p in debrief.people for n in (p.name, p.greet) for w in tokens(n)}
    have = set(tokens(text))
    return [
        w
        for w in pt_content_words(fact)
        if w not in skip and not any(h.startswith(prefix_stem(w)) for h in have)
    ]


def _pt_repeated(sentence: str) -> list[str]:
    own = set(tokens(MEMBER_NAME))
    return [w for w in pt_content_words(sentence) if len(w) >= 4 and w not in own]


PORTUGUESE = Language(
    code="pt",
    closings={"formal": "Atenciosamente,", "warm": "Um abraço,", "concise": "Abraços,"},
    english=re.compile(
        r"\b(?:Thank you|Thanks|Dear|Hi|Hello|Best|Sincerely|Regards|I would|I am|I look|"
        r"the role|looking forward|please find|as promised)\b",
        re.I,
    ),
    content_words=pt_content_words,
    missing=pt_missing,
    homes=_owners_each_else_any,
    alone=owned_or_lead,
    repeated=_pt_repeated,
    interest=re.compile(r"\binteress|\bentusiasm|\bvontade", re.I),
)

LANGUAGES = (SPANISH, FRENCH, GERMAN, PORTUGUESE)
