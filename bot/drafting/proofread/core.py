"""What every check shares: the context, the text split into words once, and findings.

A check is a function from a `Draft` to the `Hit`s it finds; each family of checks lives in
its own module beside this one, and `bot.drafting.proofread.proofread` runs them all.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property, lru_cache
from typing import NamedTuple

from bot.chat import Finding
from bot.domain.text import unaccented
from bot.i18n import _

ERROR = "error"
WARNING = "warning"
INFO = "info"
_RANK = {ERROR: 0, WARNING: 1, INFO: 2}

# Where a finding sits, for ordering: remarks on the whole draft, then subject, then body.
WHOLE, SUBJECT, BODY = 0, 1, 2
# The languages a draft may be in: English, Spanish, French, German, Portuguese.
LANGUAGES = ("en", "es", "fr", "de", "pt")


@dataclass(frozen=True)
class ProofContext:
    """What the proofreader knows about a draft beyond its text.

    `kind` is the draft kind ("thank_you", "status_check", "promised_material",
    "rejection_reply", "keep_in_touch", "next_round_thanks", "offer_reply"), or None for text a
    member pasted. `known_terms` (names, company, role, titles) and the interviewer's name are
    never flagged as misspelled. `member_terms` and `specifics` are the member's own notes:
    their words are spell-checked like any other, except the ones that look like names or
    jargon (capitalised after the first word, acronyms, CamelCase, words with digits).
    `sent` says the note already went out (no advice about when to send it); `stage` is the
    interview's stage ("informational" chats get no application language). `greeting_name`,
    `honorific` and `addressee_forms` (accent-folded, lowercase: every way the member may name
    the addressee) describe who the note is to. `language` is the draft's, one of
    `LANGUAGES`: each check reads it the way a native speaker would (findings are said in
    the member's language, `bot.i18n`; the wording they suggest is in the draft's).
    Datetimes must be timezone-aware.
    """

    kind: str | None = None
    interviewer_name: str | None = None
    specifics: tuple[str, ...] = ()
    known_terms: tuple[str, ...] = ()
    member_terms: tuple[str, ...] = ()
    linkedin: bool = False
    others: tuple[str, ...] = ()
    interview_ended_at: datetime | None = None
    now: datetime | None = None
    last_message_at: datetime | None = None
    status_checks_sent: int = 0
    sent: bool = False
    stage: str | None = None
    greeting_name: str | None = None
    honorific: str | None = None
    addressee_forms: tuple[str, ...] = ()
    language: str = "en"

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(
                f"ProofContext.language must be one of {', '.join(LANGUAGES)}, "
                f"not {self.language!r}"
            )


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string, for readable word lists."""
    return frozenset(text.split())


# Characters stripped from both ends of a whitespace-separated token to get its word.
EDGE = string.punctuation + "‘’“”«»‹›…–—―•·¡¿"
# A word: letters and digits, with inner apostrophes or hyphens.
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_HAS_ALNUM = re.compile(r"[^\W_]")


class Text:
    """One part of the draft (subject or body), split into words once."""

    __slots__ = ("cores", "count", "distinct", "raw", "section", "text")

    def __init__(self, section: int, text: str) -> None:
        self.section = section
        self.text = text
        self.raw = text.split()
        # Each token without its surrounding punctuation: 'Zoë,' -> 'Zoë', '(Acme)' -> 'Acme'.
        self.cores = [w.strip(EDGE) for w in self.raw]
        self.distinct = set(self.cores)
        self.distinct.discard("")
        odd = [c for c in self.cores if not c.isalpha()]
        self.count = len(self.cores) - len(odd) + sum(1 for c in odd if _HAS_ALNUM.search(c))


def words(text: str) -> int:
    """Count words as a word processor does: whitespace-separated tokens with a letter or digit.

    The length check counts this way.
    """
    return Text(BODY, text).count


class Hit(NamedTuple):
    """A finding and where it sits, for ordering."""

    rank: int
    section: int
    offset: int
    finding: Finding


def hit(level: str, section: int, offset: int, problem: str, fix: str) -> Hit:
    """A finding of `level` at `offset` in `section`: what is wrong, then what to do."""
    return Hit(_RANK[level], section, offset, Finding(level=level, problem=problem, fix=fix))


def nfc(text: str) -> str:
    """Composed Unicode, so 'Zoe' plus a combining diaeresis compares equal to 'Zoë'."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


fold = unaccented
"""Casefold and drop accents, hyphens kept: 'Zoë' and 'ZOE' both become 'zoe'."""


def quote(text: str, limit: int = 40) -> str:
    """Text quoted for a message, on one line, cut at `limit` characters."""
    text = " ".join(text.split())
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"


def quotes(items: Iterable[str], limit: int = 3) -> str:
    """The first `limit` distinct items quoted, and how many more there are."""
    unique = list(dict.fromkeys(items))
    shown = ", ".join(quote(i) for i in unique[:limit])
    if len(unique) <= limit:
        return shown
    return _("{items} and {count} more").format(items=shown, count=len(unique) - limit)


class Draft:
    """The text under review and what is known about it, normalised once per call."""

    def __init__(self, subject: str, body: str, ctx: ProofContext) -> None:
        self.subject = Text(SUBJECT, nfc(subject))
        self.body = Text(BODY, nfc(body))
        self.ctx = ctx
        self.language = ctx.language
        self.parts = (self.subject, self.body)

    @cached_property
    def body_words_lower(self) -> frozenset[str]:
        """The body's distinct words in lowercase."""
        return frozenset(w.lower() for w in self.body.distinct)

    @cached_property
    def words_lower(self) -> frozenset[str]:
        """The distinct words of subject and body in lowercase, to skip checks cheaply."""
        return self.body_words_lower | {w.lower() for w in self.subject.distinct}


Check = Callable[[Draft], Iterator[Hit]]


@lru_cache(maxsize=1024)
def any_word_pattern(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    """A regex for any of `alternatives` as whole words, longest first."""
    body = "|".join(re.escape(a) for a in sorted(alternatives, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def is_sentence_start(text: str, start: int) -> bool:
    """Whether `start` begins a sentence (or the text), past quotes and brackets."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘([":
        i -= 1
    return i < 0 or text[i] in ".!?\n"


class Phrase(NamedTuple):
    """A word or phrase to flag, and what to write instead.

    `pattern` is a regex matched on word boundaries, case-insensitively unless
    `case_sensitive`. It is tried only when one of `triggers` (space-separated words) is a word
    of the text; without triggers, the pattern must be a plain `word|word` list. `advice` is
    marked `N_()` where it is written and said through `_()` where it is shown.
    """

    pattern: str
    advice: str
    triggers: str = ""
    case_sensitive: bool = False


class Rule(NamedTuple):
    """A compiled `Phrase`."""

    regex: re.Pattern[str]
    advice: str
    triggers: frozenset[str]


def compile_phrases(phrases: Iterable[Phrase]) -> tuple[Rule, ...]:
    """Compile phrases once, at import."""
    rules = []
    for p in phrases:
        words_ = (p.triggers or p.pattern.replace("|", " ")).split()
        if not p.case_sensitive:
            words_ += [v for w in words_ for v in (w.capitalize(), w.upper())]
        regex = re.compile(
            rf"(?<![\w'’-])(?:{p.pattern})(?![\w'’]|-\w|\.\w)",
            0 if p.case_sensitive else re.IGNORECASE,
        )
        rules.append(Rule(regex, p.advice, frozenset(words_)))
    return tuple(rules)


def phrase_check(
    rules: tuple[Rule, ...],
    level: str,
    problem: Callable[[str], str],
    fix: Callable[[str, str], str],
) -> Check:
    """A check that reports each distinct phrase matched by `rules`, once, where it first is."""
    triggers = frozenset().union(*(r.triggers for r in rules))

    def check(d: Draft) -> Iterator[Hit]:
        seen: set[str] = set()
        for part in d.parts:
            if triggers.isdisjoint(part.distinct):
                continue
            for rule in rules:
                if rule.triggers.isdisjoint(part.distinct):
                    continue
                for m in rule.regex.finditer(part.text):
                    said = " ".join(m.group().split())
                    if said.casefold() not in seen:
                        seen.add(said.casefold())
                        yield hit(
                            level, part.section, m.start(), problem(said), fix(said, rule.advice)
                        )

    return check
