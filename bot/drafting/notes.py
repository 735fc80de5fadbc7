"""The shape of one note a member typed, and the same words in a sentence that fits them.

Members type debrief notes on phones: "four years of SQL and Tableau reporting", "he showed
me their custom ECS", "to set up a call w/ the hiring mgr". Pasted into one fixed frame
("my experience with ___", "our conversation about ___") most of them read badly, so each
note is first read for its shape and then offered to the frames that are grammatical for it;
a rewriter answers None for a shape it cannot frame, and the caller picks another frame.

Word classes and verb forms come from lemminflect's dictionaries (shipped inside its wheel:
nothing is downloaded, nothing leaves the machine). The closed classes a dictionary cannot
settle (pronouns, determiners, wh-words, auxiliaries, prepositions) are the hand-written
frozensets below. Every look-up is cached, so drafting stays offline and fast.

Notes from the ``questions`` field are read with ``field="questions"``: there a bare
"how big the team is" or "if they sponsor visas" is a question the member means to ask,
while elsewhere a wh-clause is a topic ("how his team cut churn") and "if ..." is unclear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import lemminflect

from bot.domain.names import fold

QUESTIONS_FIELD = "questions"


class Shape(StrEnum):
    """What kind of phrase a note is, which decides the frames it fits."""

    NOUN_PHRASE = "noun_phrase"
    CLAUSE = "clause"
    TO_ACTION = "to_action"
    QUESTION = "question"
    YEARS = "years"
    PREDICATE = "predicate"
    LIST = "list"
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class Note:
    """One note, cleaned to sit inside a sentence of ours, and its shape."""

    text: str
    shape: Shape
    items: tuple[str, ...]

    @property
    def empty(self) -> bool:
        """True for a note with no word in it ("...", "?!"): nothing a draft can say."""
        return not self.text


# --- closed word classes ------------------------------------------------------------------
# A dictionary lists "me" and "their" as nouns and "team" as a verb; these sets settle the
# words whose class decides a note's shape before the dictionary is asked.

SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "it"})
OBJECT_PRONOUNS = frozenset({"me", "him", "her", "us", "them"})
POSSESSIVES = frozenset({"my", "your", "his", "her", "our", "their", "its"})
DETERMINERS = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "some", "any", "each", "every",
        "no", "another", "all", "both", "several", "many", "few", "more", "most", "much",
        "other", "such",
    }
)  # fmt: skip
NUMBER_WORDS = frozenset(
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "half", "couple",
        "dozen",
    }
)  # fmt: skip
PREPOSITIONS = frozenset(
    {
        "about", "with", "w", "for", "on", "in", "at", "of", "to", "from", "by", "into",
        "over", "under", "around", "across", "after", "before", "between", "during",
        "without", "within", "via", "per", "like", "re", "vs", "versus", "through",
        "toward", "towards", "among", "behind", "regarding", "than", "as", "since", "until",
    }
)  # fmt: skip
PARTICLES = frozenset({"up", "out", "off", "back", "down", "over", "through", "along"})
CONJUNCTIONS = frozenset({"and", "or", "but", "nor", "yet", "&", "plus"})
WH_WORDS = frozenset({"how", "what", "why", "when", "where", "who", "whom", "whose", "which"})
RELATIVE_MARKERS = frozenset({"that", "which", "who", "whom", "whose", "where", "when"})
BE_FORMS = frozenset({"is", "are", "was", "were", "am"})
HAVE_FORMS = frozenset({"has", "have", "had"})
DO_FORMS = frozenset({"do", "does", "did"})
MODALS = frozenset({"can", "could", "will", "would", "shall", "should", "may", "might", "must"})
AUXILIARIES = BE_FORMS | HAVE_FORMS | DO_FORMS | MODALS
NEGATED_AUXILIARIES = frozenset(
    {
        "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't",
        "don't", "didn't", "can't", "couldn't", "won't", "wouldn't", "shouldn't", "mustn't",
    }
)  # fmt: skip
CONTRACTION_ENDINGS = frozenset({"s", "re", "m", "ve", "d", "ll"})
CLOSED_CLASS = (
    SUBJECT_PRONOUNS
    | OBJECT_PRONOUNS
    | POSSESSIVES
    | DETERMINERS
    | PREPOSITIONS
    | CONJUNCTIONS
    | WH_WORDS
    | AUXILIARIES
    | NEGATED_AUXILIARIES
    | {"whether", "if"}
)
# Words a member puts before a verb without changing what the note is: "recently shipped".
LEADING_ADVERBS = frozenset(
    {
        "also", "recently", "really", "personally", "previously", "once", "just", "mostly",
        "actually", "successfully", "single-handedly", "already", "then", "later", "both",
        "co", "jointly", "basically", "apparently", "clearly",
    }
)  # fmt: skip
# A topic typed as "about X" or "re: X": the frame supplies the preposition itself.
TOPIC_LEADS = frozenset({"about", "re", "regarding"})
# "ask about X", "find out whether Y": the member's reminder to ask, not the question.
ASK_VERBS = frozenset({"ask", "asking", "check", "clarify", "confirm"})
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "mx", "prof", "st", "co", "inc", "ltd", "vs", "etc", "approx",
     "jr", "sr", "e.g", "i.e", "no", "dept", "corp", "u.s"}
)  # fmt: skip

_WORD = re.compile(r"[^\W_](?:[\w+#]|['’.\-/](?=[^\W_]))*[+#]*")
_WORD_OR_AMPERSAND = re.compile(_WORD.pattern + r"|&")
_SPLIT = re.compile(r"(" + _WORD.pattern + r")")
_TRAILING = re.compile(r"[\s.;:,!…]+$")
_LEADING = re.compile(r"^[\s.;:,!?…]+")
_REPEATED = re.compile(r"([?!,;:])[?!,;:]+|\.{2,}")
_YEARS = re.compile(
    r"^(?:(?:about|almost|nearly|over|around|roughly|some|my|a|another|just|more\s+than|"
    r"close\s+to|the\s+last|the\s+past)\s+)*"
    r"(?:\d+(?:\.\d+)?\+?|\d+\s*-\s*\d+|a\s+few|a\s+couple(?:\s+of)?|several|many|"
    + "|".join(sorted(NUMBER_WORDS))
    + r")(?:\s+plus|\+)?\s*(?:years?|yrs?|months?|mos?)['’]?(?:\s|$)",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r"\s*,(?!\d)\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(\w+)[.!?]\s+(?=[A-Z])")
MAX_LIST_ITEM_WORDS = 4


# --- phone shorthand and lower-case proper nouns ------------------------------------------
# Expanded only as whole words, outside quotes, keeping the member's capital ("Abt" ->
# "About"): a coach writes every word out, and the reader below knows the long forms.

SHORTHAND = {
    "abt": "about",
    "yrs": "years",
    "mgr": "manager",
    "mgrs": "managers",
    "mgmt": "management",
    "thru": "through",
    "approx": "approximately",
    "whats": "what is",
    "intros": "introductions",
    "devs": "developers",
}
"""Shorthand with one reading wherever it stands. "yr" is not here: on its own it is as often
"your" as "year", so it is expanded only after a number or "a"/"per"/"this"/"last"/"next"."""
YEAR_LEADS = frozenset({"a", "per", "this", "last", "next", "each", "every", "one"})
WEEKDAY_SHORTHAND = {
    "mon": "Monday",
    "tue": "Tuesday",
    "tues": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "thur": "Thursday",
    "thurs": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
"""Weekday abbreviations, expanded only after DATE_LEADS: "wed", "sat" and "sun" are words."""
DATE_LEADS = frozenset({"by", "on", "next", "this", "until", "till", "before"})
PROPER_NOUNS = {
    word.casefold(): word
    for word in (
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "April", "June", "July", "August", "September", "October",
        "November", "December",
        "Python", "SQL", "JavaScript", "TypeScript", "Kotlin", "Java", "GitHub", "GitLab",
        "LinkedIn", "AWS", "GCP", "API", "APIs", "iOS", "Android", "Postgres", "PostgreSQL",
        "Kafka", "Tableau", "Looker", "Figma", "Jira", "Docker", "Kubernetes", "Terraform",
        "GraphQL", "MySQL", "MongoDB", "Redis",
    )
}  # fmt: skip
"""Names typed in lower case that are never common words in a debrief, written as their
owners write them. Left out on purpose: "may" and "march" (a modal and a verb), "rust",
"go", "swift", "snowflake", "spark" and "airflow" (common words as well as products), and
"august", kept in because the adjective never turns up in interview notes."""
PRONOUN_OBJECTS = frozenset({"me", "us", "you", "him", "her", "them"})
# "comp" is pay only before these ("comp range"); elsewhere it may be a competition or a comp sheet.
PAY_WORDS = frozenset({"range", "band", "bands", "package", "expectations", "details", "structure"})
# "what's" and friends: "is" unless a participle follows ("who's been there": "has").
_WH_CONTRACTION = re.compile(r"\b(what|who|where|how)['’]s\b(\s+(?:been|got|gotten)\b)?", re.I)
_SHORTHAND = re.compile(
    r"(?<![\w/&])(?:(?P<without>w/o(?:ut)?)(?![\w/])|(?P<with>w/)\s*(?=[^\W_])"
    r"|(?P<because>b/c)(?![\w/]))"
    r"|(?<![\w&])&(?![\w&])"
    r"|(?<![\w./@#-])(?P<word>"
    + "|".join(
        sorted({*SHORTHAND, *WEEKDAY_SHORTHAND, *PROPER_NOUNS, "yr", "intro", "comp"}, key=len)[
            ::-1
        ]
    )
    + r")(?P<stop>\.)?(?![\w/@#]|[.\-'’][^\W_])",
    re.IGNORECASE,
)
QUOTE_MARKS = '"“”„«»'
_QUOTED = re.compile(f"([{QUOTE_MARKS}][^{QUOTE_MARKS}]*[{QUOTE_MARKS}])")
_BULLET = re.compile(r"^(?:[-*–—•·]+\s+|•\s*|\(?\d{1,2}[.)]\s+)")
_PREVIOUS_WORD = re.compile(r"([\w+]+)\W*$")


_SHORTHAND_WORDS = frozenset(
    {*SHORTHAND, *WEEKDAY_SHORTHAND, *PROPER_NOUNS, "yr", "intro", "comp", "what", "who"}
    | {"where", "how"}
)
_PLAIN_WORD = re.compile(r"[^\W\d_]+")


def _expanded(text: str) -> str:
    """Shorthand written out and lower-case product names capitalised, quotes left as typed.

    Most notes hold none of it: a look at their words skips the (slower) patterns.
    """
    if (
        "/" not in text
        and "&" not in text
        and _SHORTHAND_WORDS.isdisjoint(w.casefold() for w in _PLAIN_WORD.findall(text))
    ):
        return text
    parts = _QUOTED.split(text)
    return "".join(
        p if i % 2 else _WH_CONTRACTION.sub(_contracted_wh, _SHORTHAND.sub(_expand, p))
        for i, p in enumerate(parts)
    )


def _expand(match: re.Match[str]) -> str:
    """One shorthand match written out (see SHORTHAND for which words and why)."""
    token = match.group(0)
    if match.group("with"):
        return _cased(token, "with ")
    if match.group("without"):
        return _cased(token, "without")
    if match.group("because"):
        return _cased(token, "because")
    word = match.group("word")
    if word is None:
        return "and"  # a standalone "&"
    low = word.casefold()
    # An abbreviation's own full stop goes; one that ends a sentence stays.
    rest = match.string[match.end() :].lstrip()
    stop = (match.group("stop") or "") if not rest or rest[:1].isupper() else ""
    before = _PREVIOUS_WORD.search(match.string, 0, match.start())
    previous = before.group(1).casefold() if before else ""
    if low in WEEKDAY_SHORTHAND and previous in DATE_LEADS:
        return WEEKDAY_SHORTHAND[low] + stop
    if low == "yr" and (previous in YEAR_LEADS or previous[:1].isdigit()):
        return _cased(word, "year") + stop
    if low == "intro":
        after = rest.split(maxsplit=1)
        verb = bool(after) and after[0].casefold().strip(".,;:") in PRONOUN_OBJECTS
        return _cased(word, "introduce" if verb else "introduction") + stop
    if low == "comp":
        after = rest.split(maxsplit=1)
        pay = bool(after) and after[0].casefold().strip(".,;:") in PAY_WORDS
        return (_cased(word, "compensation") if pay else word) + stop
    if low in SHORTHAND:
        return _cased(word, SHORTHAND[low]) + stop
    if word == low and low in PROPER_NOUNS:
        return PROPER_NOUNS[low] + stop
    return token


def _cased(typed: str, word: str) -> str:
    """``word`` with the capital the member gave its shorthand ("Abt" -> "About")."""
    if len(typed) > 1 and typed.isupper() and typed.isalpha():
        return word.upper()
    return word[0].upper() + word[1:] if typed[:1].isupper() else word


def _contracted_wh(match: re.Match[str]) -> str:
    """A wh-word's "'s" as "is" ("has" before "been"): "what's" asks, it is no subject."""
    verb = "has" if match.group(2) else "is"
    return f"{match.group(1)} {verb}{match.group(2) or ''}"


# --- word look-ups (cached) ---------------------------------------------------------------


@lru_cache(maxsize=8192)
def _classes(word: str) -> frozenset[str]:
    """The dictionary's parts of speech for a lower-case word (NOUN, VERB, ADJ, ADV, AUX)."""
    if not word.isalpha():  # "12", "5+", "k8s", "on-call": not in the dictionary as typed
        return (
            frozenset(lemminflect.getAllLemmas(word)) if "-" in word or "'" in word else frozenset()
        )
    return frozenset(lemminflect.getAllLemmas(word))


@lru_cache(maxsize=8192)
def _verb_lemma(word: str) -> str | None:
    """The verb a lower-case word is a form of ("led" -> "lead"), or None if it is none."""
    if not word.isalpha() and "-" not in word and "'" not in word:
        return None
    lemmas = lemminflect.getAllLemmas(word, "VERB").get("VERB", ())
    return str(lemmas[0]) if lemmas else None


@lru_cache(maxsize=8192)
def _verb_tags(word: str) -> frozenset[str]:
    """Penn tags the word is as a verb form: VB, VBP, VBD, VBN, VBG, VBZ."""
    lemma = _verb_lemma(word)
    if lemma is None:
        return frozenset()
    forms = lemminflect.getAllInflections(lemma, "VERB")
    return frozenset(tag for tag, words in forms.items() if word in words)


@lru_cache(maxsize=8192)
def _inflect(word: str, tag: str) -> str | None:
    """The word's verb in another form ("leads", "VBP" -> "lead"); None when unknown."""
    lemma = _verb_lemma(word)
    if lemma is None:
        return None
    forms = lemminflect.getInflection(lemma, tag)
    return str(forms[0]) if forms else None


def _closed(word: str) -> bool:
    """True for function words, whose class the hand lists decide."""
    return word in CLOSED_CLASS


def _adverb(word: str) -> bool:
    """True for a word that only qualifies a verb: "recently", "quickly", "also"."""
    return word in LEADING_ADVERBS or _classes(word) == {"ADV"}


def _is_number(word: str) -> bool:
    """Digits ("3", "5+", "30%") or a number word."""
    return word[:1].isdigit() or word in NUMBER_WORDS


def _noun_like(word: str) -> bool:
    """True for a word that can head or modify a noun phrase (unknown words are names)."""
    if _closed(word):
        return False
    classes = _classes(word)
    return not classes or bool(classes & {"NOUN", "PROPN", "ADJ"}) or _is_number(word)


def _verb_only(word: str) -> bool:
    """True for a verb form that is nothing else ("shipped", "built", "includes")."""
    return bool(_verb_tags(word)) and not (_classes(word) - {"VERB", "AUX"})


def _starts_object(word: str | None) -> bool:
    """True when a word opens what follows a verb: "the ...", "me", "up", "about ..."."""
    if word is None:
        return False
    return (
        word in DETERMINERS
        or word in POSSESSIVES
        or word in OBJECT_PRONOUNS
        or word in PREPOSITIONS
        or word in PARTICLES
        or word in WH_WORDS
        or word in {"whether", "if", "how", "it", "them", "there"}
        or _is_number(word)
    )


def _subject_contraction(word: str) -> bool:
    """True for "he's", "they're", "i'm", "there's": a subject with its verb attached."""
    base, _, ending = word.replace("’", "'").partition("'")
    return (
        bool(ending)
        and ending in CONTRACTION_ENDINGS
        and (base in SUBJECT_PRONOUNS or base in {"there", "that"})
    )


# --- reading ------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _clean(text: str) -> str:
    """One line, single spaces, shorthand written out, trailing .;:,! trimmed (? kept).

    Leading punctuation and a bullet or number ("- ", "•", "2) ") go too: "; the deck" is a
    list's leftover, not part of the note. A note with no word left cleans to "".
    """
    flat = _expanded(_BULLET.sub("", " ".join(text.split())))
    flat = _REPEATED.sub(lambda m: "…" if m.group(0).startswith(".") else m.group(1), flat)
    cleaned = _LEADING.sub("", _TRAILING.sub("", flat))
    return cleaned if _WORD.search(cleaned) else ""


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    """The note's words, lower-case, with "&" kept as a word."""
    return tuple(w.casefold() for w in _WORD_OR_AMPERSAND.findall(text))


@lru_cache(maxsize=4096)
def read_note(text: str, field: str | None = None) -> Note:
    """Read one note's shape; ``field="questions"`` reads bare wh- and if-clauses as asked."""
    cleaned = _clean(text)
    words = _words(_QUOTED.sub(" thing ", cleaned))  # a quotation is one thing, never a verb
    shape = _shape(cleaned, words, asked=field == QUESTIONS_FIELD) if words else Shape.UNCLEAR
    items = _list_items(cleaned) if shape is Shape.LIST else (cleaned,)
    return Note(text=cleaned, shape=shape, items=items)


def _shape(text: str, words: tuple[str, ...], *, asked: bool) -> Shape:
    """The shape of a cleaned, non-empty note, from its words in order."""
    first = words[0]
    rest = words[1:]
    if _several_sentences(text):
        return Shape.UNCLEAR
    if text.endswith("?") or first == "whether" or (asked and first == "if"):
        return Shape.QUESTION
    if _inverted(words):
        return Shape.QUESTION
    if first in WH_WORDS:
        return Shape.QUESTION if asked or _wh_inverted(words) else Shape.NOUN_PHRASE
    if first == "to" and _to_action(rest):
        return Shape.TO_ACTION
    if _YEARS.match(text):
        return Shape.YEARS
    if _starts_with_subject(words):
        return Shape.CLAUSE
    if _starts_with_verb(words):
        return Shape.PREDICATE
    if _has_subject_and_verb(words):
        return Shape.UNCLEAR if _verb_reading_uncertain(words) else Shape.CLAUSE
    if len(_list_items(text)) > 1:
        return Shape.LIST
    lead = rest[0] if first in TOPIC_LEADS and rest else first
    if lead in DETERMINERS or lead in POSSESSIVES or _noun_like(lead) or _gerund(lead):
        return Shape.NOUN_PHRASE
    return Shape.UNCLEAR


def _several_sentences(text: str) -> bool:
    """True when a full stop mid-note ends a sentence ("Nice chat. Asked about Go")."""
    return any(m.group(1).casefold() not in ABBREVIATIONS for m in _SENTENCE_BREAK.finditer(text))


def _inverted(words: tuple[str, ...]) -> bool:
    """A yes/no question typed without its mark: "does the role include weekend work"."""
    first = words[0]
    if first not in AUXILIARIES and first not in NEGATED_AUXILIARIES:
        return False
    return len(words) > 1 and _subject_start(words[1])


def _wh_inverted(words: tuple[str, ...]) -> bool:
    """A wh-question without its mark: "how big is the team", "what does the team use"."""
    for i, word in enumerate(words[1:4], start=1):
        if word in AUXILIARIES or word in NEGATED_AUXILIARIES:
            return i + 1 < len(words) and _subject_start(words[i + 1])
        if not (_classes(word) & {"ADJ", "ADV"}) and word not in {"much", "many"}:
            return False
    return False


def _subject_start(word: str) -> bool:
    """True when a word can open the subject of an inverted question."""
    return (
        word in SUBJECT_PRONOUNS
        or word == "there"
        or word in DETERMINERS
        or word in POSSESSIVES
        or (_noun_like(word) and not _verb_tags(word) - {"VB", "VBP"})
    )


def _to_action(rest: tuple[str, ...]) -> bool:
    """True when "to" is followed by a verb's base form (adverbs and "not" allowed)."""
    for word in rest[:3]:
        if _adverb(word) or word == "not":
            continue
        return "VB" in _verb_tags(word)
    return False


def _gerund(word: str) -> bool:
    """True for an -ing verb form ("designing"), which acts as a noun at a note's start."""
    return "VBG" in _verb_tags(word)


def _starts_with_subject(words: tuple[str, ...]) -> bool:
    """A clause that opens with its subject pronoun: "he showed me", "they're hiring"."""
    first = words[0]
    if _subject_contraction(first) or first == "i":
        return True
    if first not in SUBJECT_PRONOUNS and first != "there":
        return False
    for word in words[1:4]:
        if _adverb(word) or word == "not":
            continue
        return _finite(word) or word in NEGATED_AUXILIARIES
    return False


def _finite(word: str) -> bool:
    """True for a word that can be a finite verb: "is", "can", "leads", "showed"."""
    if word in AUXILIARIES or word in NEGATED_AUXILIARIES:
        return True
    return bool(_verb_tags(word) & {"VBD", "VBZ", "VBP"}) and not _closed(word)


def _starts_with_verb(words: tuple[str, ...]) -> bool:
    """A verb phrase with no subject: "shipped two Unity titles", "ask about on-call"."""
    i = 0
    while i < len(words) - 1 and _adverb(words[i]):
        i += 1
    word, after = words[i], words[i + 1] if i + 1 < len(words) else None
    if word in AUXILIARIES or word in NEGATED_AUXILIARIES:
        return after is not None and not _subject_start(after)
    tags = _verb_tags(word)
    if not tags or _closed(word):
        return False
    if _verb_only(word):
        return tags != {"VBG"}  # a bare -ing form opens a noun phrase: "designing for ..."
    # Noun or verb ("set", "leads", "design"): a verb only when an object or particle follows.
    return bool(tags & {"VB", "VBD", "VBN", "VBZ"}) and _starts_object(after)


def _has_subject_and_verb(words: tuple[str, ...]) -> bool:
    """A clause with a noun subject: "the team uses GCP", "Kofi's team cut churn by 30%"."""
    seen_noun = False
    in_phrase = False  # after a preposition: "vouchers" in "work on housing vouchers in X"
    for i, word in enumerate(words):
        if i > 0 and (word in RELATIVE_MARKERS or word in SUBJECT_PRONOUNS):
            return False  # "the migration he led": a relative clause inside a noun phrase
        after = words[i + 1] if i + 1 < len(words) else None
        verb = seen_noun and _verb_after_subject(word, words[i - 1], after)
        if verb and not (in_phrase and _compound_noun(words[i - 1], word)):
            return True
        if word in PREPOSITIONS:
            in_phrase = True
        if word in CONJUNCTIONS:
            seen_noun = False
        elif _noun_like(word) or _gerund(word) or word.endswith(("'s", "’s")):
            seen_noun = True
    return False


def _compound_noun(before: str, word: str) -> bool:
    """True when a noun-or-verb word ends a compound noun: "housing vouchers", "data pipelines".

    Asked only inside a prepositional phrase, where the noun before cannot be a subject.
    """
    if _verb_only(word) or word in AUXILIARIES or word in NEGATED_AUXILIARIES:
        return False
    return _gerund(before) or (_plural(word) and bool(_classes(before)))


def _verb_reading_uncertain(words: tuple[str, ...]) -> bool:
    """True when the clause's only verb could as well be a noun: "the warehouse cost review".

    "cost", "cut", "set" and "put" are nouns and verbs, and their past tense looks like the
    base, so "X cost review" reads as a clause or a compound noun; a frame that fits either
    (the colon frame for unclear notes) is safer than guessing.
    """
    for i, word in enumerate(words[1:], start=1):
        after = words[i + 1] if i + 1 < len(words) else None
        if not _verb_after_subject(word, words[i - 1], after):
            continue
        tags = _verb_tags(word)
        return (
            _noun_like(word)
            and "VBD" in tags
            and _verb_lemma(word) == word
            and word not in AUXILIARIES
        )
    return False


def _verb_after_subject(word: str, before: str, after: str | None) -> bool:
    """True when a word after a noun is its verb: "uses" in "the team uses GCP".

    A word that is also a noun ("plans", "cut") counts only when an object follows it, and a
    plain form ("use") only after a plural ("their engineers use Rust").
    """
    if word in AUXILIARIES or word in NEGATED_AUXILIARIES:
        return True
    if before == "to":  # an infinitive: "their plan to split the monolith" is a noun phrase
        return False
    tags = _verb_tags(word)
    if _closed(word) or not tags & {"VBD", "VBZ", "VBP"}:
        return False
    if _verb_only(word) and tags & {"VBD", "VBZ"}:
        return True
    if not tags & {"VBD", "VBZ"} and not _plural(before):
        return False
    return after is not None and (_starts_object(after) or _noun_like(after))


def _plural(word: str) -> bool:
    """True for a plural noun ("engineers"), whose verb has the plain form."""
    return word.endswith("s") and "NOUN" in _classes(word) and word not in _noun_lemmas(word)


@lru_cache(maxsize=8192)
def _noun_lemmas(word: str) -> frozenset[str]:
    """The noun lemmas of a word: a plural differs from its lemma ("engineers" -> "engineer")."""
    return frozenset(lemminflect.getAllLemmas(word, "NOUN").get("NOUN", ()))


def _list_items(text: str) -> tuple[str, ...]:
    """The items of a short list ("Python, SQL & dbt"), or the whole text when it is none."""
    parts = tuple(c for p in _LIST_SEPARATOR.split(text) if (c := _clean(p).rstrip("?! ")))
    if len(parts) < 2 or not all(_list_item(p) for p in parts):
        return (text,)
    return parts


def _list_item(part: str) -> bool:
    """True for a short item with no finite verb or preposition: "Tableau reporting"."""
    words = _words(part)
    if not words or len(words) > MAX_LIST_ITEM_WORDS:
        return False
    return not any(
        w in PREPOSITIONS or w in SUBJECT_PRONOUNS or w in AUXILIARIES or _past_or_present(w)
        for w in words
    )


def _past_or_present(word: str) -> bool:
    """True for a finite verb form that is nothing else: "shipped", "includes".

    -ing forms are left out: they name things in a list ("onboarding, tooling and CI speed").
    """
    return _verb_only(word) and bool(_verb_tags(word) & {"VBD", "VBN", "VBZ"})


# --- rewriting ----------------------------------------------------------------------------


_TALKED_ABOUT = re.compile(
    r"(?:we\s+)?(?:(?:talked|talking|chatted|chatting|spoke|speaking|convo|chat)\s+about"
    r"|discussed|discussing)\s+",
    re.IGNORECASE,
)
# "not sure about the salary", "unsure whether they sponsor": what the member wants to ask.
_UNSURE = re.compile(
    r"(?:(?:i'm|i am|was|am)\s+)?(?:not\s+sure|unsure|unclear|curious|wondering|confused)"
    r"(?:\s+(?P<about>about|on|of|re:?|regarding)\s+"
    r"|\s+(?=(?:whether|if|how|what|when|who|why|where)\b))",
    re.IGNORECASE,
)


def _strip_question_mark(text: str) -> str:
    """The note without its final "?", for a frame that makes its own sentence."""
    return text.rstrip("?").rstrip()


def _drop_first_word(text: str) -> str:
    """The text after its first word and the separator that follows it."""
    match = _WORD.search(text)
    if match is None:
        return text
    return text[match.end() :].lstrip(" :,")


@lru_cache(maxsize=4096)
def as_topic(note: Note) -> str | None:
    """The note to fit "our conversation about ___" or "discussing ___"; None if it cannot.

    "talked about X", "discussed X", "convo about X": the frame says the talking, so X alone.
    """
    talked = _TALKED_ABOUT.match(note.text)
    if talked and talked.end() < len(note.text):
        return as_topic(read_note(note.text[talked.end() :]))
    if note.shape is Shape.NOUN_PHRASE:
        first = _words(note.text)[0]
        text = _drop_first_word(note.text) if first in TOPIC_LEADS else note.text
        return lower_first(text) if text else None
    if note.shape is Shape.LIST:
        return lower_first(join_items(note.items))
    if note.shape is Shape.QUESTION:
        first = _words(note.text)[0]
        open_clause = first == "whether" or (
            first in WH_WORDS and not _wh_inverted(_words(note.text))
        )
        return lower_first(_strip_question_mark(note.text)) if open_clause else None
    if note.shape in (Shape.PREDICATE, Shape.TO_ACTION):
        return as_gerund(note)
    return None


@lru_cache(maxsize=4096)
def as_gerund(note: Note) -> str | None:
    """The action as an -ing phrase: "shipping two Unity titles", "setting up a call"."""
    words = _words(note.text)
    if note.shape is Shape.NOUN_PHRASE and _gerund(words[0]):
        after = words[1] if len(words) > 1 else None
        # "designing for low vision" and "scaling Postgres" are actions (an object or a name
        # follows); "hiring process timeline" is a thing.
        # An adjective opens an object too: "mentoring junior developers".
        classes = _classes(after) if after is not None else frozenset()
        action = after is None or _starts_object(after) or not classes or "ADJ" in classes
        return lower_first(note.text) if action else None
    if note.shape is Shape.TO_ACTION:
        return _gerund_phrase(_drop_first_word(note.text))
    if note.shape is Shape.PREDICATE:
        return _gerund_phrase(note.text)
    return None


def _gerund_phrase(text: str) -> str | None:
    """The verb phrase with its first verb (and verbs joined to it by "and") in -ing form."""
    parts = _SPLIT.split(text)
    index = next((i for i in range(1, len(parts), 2) if not _adverb(parts[i].casefold())), None)
    if index is None:
        return None
    word = parts[index].casefold()
    if word in BE_FORMS and index + 2 < len(parts) and _gerund(parts[index + 2].casefold()):
        parts[index] = ""
        parts[index + 1] = ""  # "is hiring 3 engineers" -> "hiring 3 engineers"
        return lower_first("".join(parts).strip())
    if word in MODALS or word in NEGATED_AUXILIARIES or word == "not":
        return None
    tags = _verb_tags(word)
    ing = _inflect(word, "VBG")
    if ing is None:
        return None
    parts[index] = ing
    _gerund_coordinated(parts, index, tags)
    return lower_first("".join(parts).strip())


def _gerund_coordinated(parts: list[str], index: int, tags: frozenset[str]) -> None:
    """Turn "led X and mentored Y" into "leading X and mentoring Y": verbs of the same form."""
    wanted = tags & {"VBD", "VBZ", "VBN"}
    for k in range(index + 2, len(parts), 2) if wanted else ():
        joined = parts[k - 2].casefold() in {"and", "or"} or any(c in parts[k - 1] for c in ",&")
        word = parts[k].casefold()
        if joined and _verb_only(word) and _verb_tags(word) & wanted:
            parts[k] = _inflect(word, "VBG") or parts[k]
        elif joined and word.endswith("ed") and not _classes(word):
            parts[k] = _unlisted_ing(word) or parts[k]  # "onboarded", "dockerised"


@lru_cache(maxsize=1024)
def _unlisted_ing(word: str) -> str | None:
    """The -ing form of a past tense the dictionary lacks, by lemminflect's rules for new words."""
    lemma = lemminflect.getAllLemmasOOV(word, upos="VERB").get("VERB")
    if not lemma:
        return None
    forms = lemminflect.getAllInflectionsOOV(lemma[0], upos="VERB").get("VBG")
    return str(forms[0]) if forms else None


@lru_cache(maxsize=4096)
def as_that_clause(note: Note) -> str | None:
    """The note to fit "I appreciated that ___": only a clause with its own subject."""
    if note.shape is not Shape.CLAUSE:
        return None
    return lower_first(note.text)


@lru_cache(maxsize=4096)
def as_question(note: Note) -> str:
    """A full question from any note: kept as typed when it is one, else framed as one.

    "whether/if ..." becomes "Could you tell me whether ...?"; a topic "Could you tell me more
    about ...?"; an action "Would it be possible to ...?"; a clause "Could you confirm that
    ...?"; "not sure about X" "Could you tell me more about X?". A caller may rely on this:
    the result is one question, starts with a capital and ends with "?", and never carries
    framing of its own ("I also wanted to ask"), so "I also wanted to ask: " plus its
    `lower_first` reads once; a framed result starts "Could you" or "Would it be possible".
    """
    text = _strip_question_mark(note.text)
    words = _words(text)
    if not words:
        return "Could you tell me more?"
    first = words[0]
    unsure = _UNSURE.match(text)
    if unsure and unsure.end() < len(text):
        lead = "about " if unsure.group("about") else ""
        return as_question(read_note(lead + text[unsure.end() :], QUESTIONS_FIELD))
    if first in ASK_VERBS and len(words) > 1:
        return _asked_for(_drop_first_word(text), note)
    if first in {"whether", "if"} or (first in WH_WORDS and not _wh_inverted(words)):
        return f"Could you tell me {lower_first(text)}?"
    if note.shape is Shape.QUESTION:
        return _typed_question(text)
    if note.shape is Shape.TO_ACTION:
        return f"Would it be possible {lower_first(text)}?"
    if note.shape is Shape.CLAUSE:
        return f"Could you confirm that {lower_first(text)}?"
    topic = as_topic(note)
    if topic is not None:
        return f"Could you tell me more about {topic}?"
    if note.shape is Shape.YEARS:
        return f"Could you tell me more about {lower_first(text)}?"
    return _any_question(text)


def _any_question(text: str) -> str:
    """The frame that fits any text: the member's words set off after a colon."""
    return f"Could you tell me more about this: {text}?"


def _typed_question(text: str) -> str:
    """A note the member marked with "?": kept as typed unless it is a bare topic or clause.

    "remote policy?" reads as "Could you tell me more about remote policy?"; "does the role
    include weekend work?" is already a question and keeps its words.
    """
    bare = read_note(text)
    if bare.shape in (Shape.NOUN_PHRASE, Shape.LIST, Shape.CLAUSE, Shape.TO_ACTION):
        return as_question(bare)
    return f"{upper_first(text)}?"


def _asked_for(rest: str, note: Note) -> str:
    """The question inside "ask about X" / "check whether Y" / "confirm the start date"."""
    words = _words(rest)
    if words and words[0] in OBJECT_PRONOUNS and len(words) > 1:
        rest = _drop_first_word(rest)  # "ask them about visas": "them" is the addressee
        words = words[1:]
    if not words:
        return _any_question(note.text)
    if words[0] in TOPIC_LEADS:
        return f"Could you tell me more about {_drop_first_word(rest)}?"
    return as_question(read_note(rest, QUESTIONS_FIELD))


def join_items(items: Sequence[str]) -> str:
    """Items as English lists them: "A", "A and B", "A, B and C".

    When an item has its own "and", a comma before the last "and" shows where items part:
    "data contracts and lineage, and the hiring plan".
    """
    parts = [item for item in items if item]
    if len(parts) <= 1:
        return "".join(parts)
    serial = "," if any(" and " in part for part in parts) else ""
    return ", ".join(parts[:-1]) + serial + " and " + parts[-1]


def lower_first(text: str) -> str:
    """Lower a capital that only starts a sentence ("The team"), never "SQL" or "Kafka"."""
    match = _WORD.match(text)
    if match is None:
        return text
    word = match.group(0)
    if not word[:1].isupper() or word[1:] != word[1:].lower() or word == "I":
        return text
    low = word.casefold()
    common = (
        (_closed(low) and not low.startswith("i'"))
        or low in LEADING_ADVERBS
        or (bool(_verb_tags(low) & {"VBD", "VBN", "VBG", "VBZ"}) and low != _verb_lemma(low))
        or (bool(_classes(low)) and not _classes(low) & {"NOUN", "PROPN"})
    )
    return text[0].lower() + text[1:] if common else text


def upper_first(text: str) -> str:
    """Capitalise a sentence's first letter unless the word is styled ("iOS", "eBay")."""
    match = _WORD.match(text)
    if match is None:
        return text
    word = match.group(0)
    if word[1:] != word[1:].lower():
        return text
    return text[0].upper() + text[1:]


# --- speaking to the addressee ------------------------------------------------------------

_SECOND_PERSON = {
    "he": "you",
    "she": "you",
    "him": "you",
    "himself": "yourself",
    "herself": "yourself",
    "hers": "yours",
}
_MASCULINE = frozenset({"he", "him", "his", "himself", "he's", "he'd", "he'll"})
_FEMININE = frozenset({"she", "her", "hers", "herself", "she's", "she'd", "she'll"})
_GENDERED = _MASCULINE | _FEMININE
_AGREEMENT = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "doesn't": "don't",
}


@lru_cache(maxsize=16384)
def _fold(text: str) -> str:
    """`names.fold` without full stops: the word "Mr" (no stop) is how "Mr." is tokenised."""
    return fold(text).replace(".", "")


def addressed(
    text: str, names: Sequence[str] = (), others: Sequence[str] = (), *, familiar: bool = False
) -> str:
    """The note as said to its addressee: third person about them becomes "you".

    ``names`` are the addressee's own name forms ("Kofi", "Kofi Mensah", "Mr. Mensah"):
    "Kofi's team" becomes "your team". He/she pronouns before the first mention of one of
    ``others`` (the rest of the panel, say) mean the addressee: "he & Ama walked me through
    her model" -> "you & Ama walked me through her model"; after it they stay as typed,
    since they may be about that person. Pronouns of both genders in that stretch ("he leads
    and she supports") stay as typed too. Words inside quotation marks are never changed.
    Verbs agree: "she leads" -> "you lead", "he was" -> "you were". English has one "you",
    so `familiar` changes nothing.
    """
    return _addressed(text, tuple(names), tuple(others))


@lru_cache(maxsize=4096)
def _addressed(text: str, names: tuple[str, ...], others: tuple[str, ...]) -> str:
    """`addressed` on hashable arguments, so a panel's repeated notes cost one pass."""
    parts = _SPLIT.split(text)
    own = _name_forms(names)
    other = _name_forms(others)
    folded = [_fold(p) for p in parts]  # words at odd indices, separators between
    quoted = _quoted_words(parts)
    first_other = next(
        (i for i in range(1, len(parts), 2) if other and _match_name(parts, folded, i, other)),
        len(parts),
    )
    before = {folded[i] for i in range(1, first_other, 2) if i not in quoted}
    pronouns_free = not (_MASCULINE & before and _FEMININE & before)
    i = 1
    while i < len(parts):
        span = _match_name(parts, folded, i, own) if own and i not in quoted else 0
        if span:
            i = _replace_name(parts, folded, i, span)
        elif pronouns_free and i < first_other and i not in quoted and folded[i] in _GENDERED:
            _replace_pronoun(parts, folded, i)
        i += 2
    return "".join(parts)


def _quoted_words(parts: list[str]) -> frozenset[int]:
    """Indices of the words inside quotation marks, which are the member's verbatim text."""
    inside = False
    found = set()
    for i in range(1, len(parts), 2):
        inside ^= sum(parts[i - 1].count(q) for q in QUOTE_MARKS) % 2 == 1
        if inside:
            found.add(i)
    return frozenset(found)


@lru_cache(maxsize=1024)
def _name_forms(names: tuple[str, ...]) -> frozenset[str]:
    """Each name folded, hyphens as spaces, so "jean luc" and "Jean-Luc" are one name."""
    return frozenset(f for f in (_fold(name) for name in names) if f)


MAX_NAME_WORDS = 4


def _match_name(parts: list[str], folded: list[str], i: int, forms: frozenset[str]) -> int:
    """How many words of a name start at word ``i`` (0 for none); "Kofi's" matches "Kofi".

    The longest name wins ("Kofi Mensah" over "Kofi"). A name that is also an English word
    ("Will", "Grace", "Hope") matches only where it is capitalised, so "they will decide"
    keeps its "will".
    """
    if parts[i][:1].islower() and (_closed(folded[i]) or _classes(folded[i])):
        return 0
    found = 0
    for span in range(1, MAX_NAME_WORDS + 1):
        last = i + 2 * (span - 1)
        if last >= len(parts) or any(folded[j].strip() for j in range(i + 1, last, 2)):
            break
        key = " ".join(folded[i : last + 1 : 2])
        if key in forms or (key.endswith("'s") and key[:-2] in forms):
            found = span
    return found


def _replace_name(parts: list[str], folded: list[str], i: int, span: int) -> int:
    """Put "you"/"your" where the addressee's name stood; returns the name's last word index."""
    last = i + 2 * (span - 1)
    possessive = folded[last].endswith("'s")
    word = "your" if possessive else "you"
    for j in range(i, last):
        parts[j] = ""
    parts[last] = word  # lower-case: the name's capital was the name's, not a sentence's
    if not possessive:
        _agree(parts, folded, last)
    return last


def _replace_pronoun(parts: list[str], folded: list[str], i: int) -> None:
    """One he/she/him/her/his/himself/herself form, with the verb after a subject agreeing."""
    word = folded[i]
    after = folded[i + 2] if i + 2 < len(folded) else None
    if word in {"he", "she"}:
        new = "you"
        _agree_inverted(parts, folded, i)
        _agree(parts, folded, i)
    elif word in {"he's", "she's"}:
        new = "you've" if after is not None and "VBN" in _verb_tags(after) else "you're"
        if after in {"been", "got", "had", "done"}:
            new = "you've"
    elif word in {"he'd", "she'd", "he'll", "she'll"}:
        new = "you" + parts[i][len(word.split("'")[0]) :]
    elif word == "his":
        new = "your" if after is not None and _possessed(after) else "yours"
    elif word == "her":
        new = "your" if after is not None and _possessed(after) else "you"
    else:
        new = _SECOND_PERSON[word]
    parts[i] = _like(parts[i], new)


def _possessed(word: str) -> bool:
    """True when "her"/"his" is followed by what is theirs ("approach"), not "about"."""
    if word in {"own", "first", "last", "next", "new", "old", "former", "current"}:
        return True
    if _closed(word) or word in PARTICLES:
        return False
    return _noun_like(word) or _gerund(word) or _is_number(word)


def _agree(parts: list[str], folded: list[str], i: int) -> None:
    """Make the verb after a new "you" agree: "leads" -> "lead", "was" -> "were"."""
    j = i + 2
    while j < len(folded) and _adverb(folded[j]):
        j += 2
    if j >= len(folded) or parts[j - 1].strip():
        return  # punctuation between subject and word: not its verb
    if folded[j] in _AGREEMENT:
        parts[j] = _like(parts[j], _AGREEMENT[folded[j]])
        return
    if not _to_plain(parts, folded, j):
        return
    # "you lead the guild and runs hiring": verbs joined to the first by "and" agree too.
    for k in range(j + 2, len(folded) - 2, 2):
        if folded[k] in {"and", "or"} and k + 4 < len(folded):  # a verb with its object
            _to_plain(parts, folded, k + 2)
        elif folded[k] in SUBJECT_PRONOUNS or folded[k] in RELATIVE_MARKERS:
            return


def _to_plain(parts: list[str], folded: list[str], j: int) -> bool:
    """Put a third-person verb ("leads") in its plain form ("lead"); False if it is none."""
    word = folded[j]
    if "VBZ" not in _verb_tags(word) or not word.endswith("s"):
        return False
    base = _inflect(word, "VBP")
    if base is not None:
        parts[j] = _like(parts[j], base)
    return base is not None


def _agree_inverted(parts: list[str], folded: list[str], i: int) -> None:
    """In "does he lead", "is she", "was he", the auxiliary before "you" agrees."""
    if i >= 2 and folded[i - 2] in _AGREEMENT and not parts[i - 1].strip():
        parts[i - 2] = _like(parts[i - 2], _AGREEMENT[folded[i - 2]])


def _like(original: str, new: str) -> str:
    """``new`` capitalised the way ``original`` was: "He" -> "You", "HIS" -> "YOUR"."""
    if len(original) > 1 and original.isupper():
        return new.upper()
    return new[0].upper() + new[1:] if original[:1].isupper() else new


# --- what someone said, offered, or the member said of themselves --------------------------

_REPORTING = re.compile(
    r"(?:(?:he|she|they|you)\s+)?(?:said|says|mentioned|mentions|explained|noted|added|"
    r"told\s+(?:me|us)|shared)\s+(?:that\s+)?",
    re.IGNORECASE,
)
_OFFER_LEAD = re.compile(
    r"(?:(?:he|she|they|you)\s+)?(?:offered|offers|offering)\s+|(?:will|would|can|could)\s+",
    re.IGNORECASE,
)
# Things offered that need an article when typed bare: "offered intro to their data lead".
COUNTABLE_OFFERS = frozenset(
    {"introduction", "referral", "call", "chat", "tour", "demo", "meeting", "walkthrough"}
)


@lru_cache(maxsize=4096)
def reported(note: Note) -> Note | None:
    """What a reporting note says was said, read as a note of its own; None for anything else.

    "said they'd send the take-home by Wednesday" -> "they'd send the take-home by Wednesday";
    "mentioned that the team is hiring" -> "the team is hiring". Only a clause counts:
    "mentioned the grant" names a topic, and is None.
    """
    said = _REPORTING.match(note.text)
    if said is None or said.end() >= len(note.text):
        return None
    clause = read_note(note.text[said.end() :])
    return clause if clause.shape is Shape.CLAUSE else None


@lru_cache(maxsize=4096)
def offered(note: Note) -> str | None:
    """What someone offered, to fit "Thank you for offering ___"; None if it is no offer.

    "to introduce me to the VP", "will share the comp range", "can connect me with X" and a
    bare "introduce me to X" give "to ..."; "offered introduction to their lead" gives "an
    introduction to their lead". A noun phrase or clause without "offered" is None.
    """
    lead = _OFFER_LEAD.match(note.text)
    rest = note.text[lead.end() :] if lead else note.text
    words = _words(rest)
    if not words:
        return None
    if words[0] == "to":
        action = read_note(rest)
        return lower_first(action.text) if action.shape is Shape.TO_ACTION else None
    first = words[0]
    if first == _verb_lemma(first) and "VB" in _verb_tags(first) and not _closed(first):
        if lead is None and read_note(rest).shape is not Shape.PREDICATE:
            return None
        return f"to {lower_first(rest)}"
    if lead is None or "offer" not in lead.group(0).casefold():
        return None  # "a decision by Friday", "will a ..." offer nothing
    if first in COUNTABLE_OFFERS:
        return f"{'an' if first[0] in 'aeiou' else 'a'} {lower_first(rest)}"
    return lower_first(rest)


def first_person(note: Note) -> bool:
    """True for a clause whose subject is the member: "I told you I want a remote team"."""
    words = _words(note.text)
    return note.shape is Shape.CLAUSE and bool(words) and words[0].partition("'")[0] == "i"
