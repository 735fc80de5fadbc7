"""Spelling: English words (American or British), names, the member's jargon and typos.

The dictionary is pyspellchecker's English word list, loaded once and lazily; verdicts and
suggestions are cached per word. Names, company, role and titles (`known_terms`) are exempt.
The member's own notes are not exempt as a whole: a typo in a note would otherwise reach the
draft unflagged; only the words in them that look like names or jargon are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from spellchecker import SpellChecker

from bot.drafting.proofread.core import (
    WARNING,
    WORD,
    Check,
    Draft,
    Hit,
    Text,
    fold,
    hit,
    is_sentence_start,
    nfc,
    wordset,
)
from bot.drafting.proofread.tone import CHAT_WORDS

# Words the English dictionary lacks that job seekers write all the time.
_EXTRA_WORDS = wordset(
    "analytics api apis app apps async autoscaling backend backends blockchain bootcamp "
    "changelog chatbot codebase codebases cofounder cybersecurity dataset datasets dbt dedupe "
    "deduplication devops ecommerce edtech failover fintech frontend frontends fullstack "
    "github gitlab golang hackathon hackathons healthtech idempotency kanban kubernetes "
    "linkedin microservice microservices middleware monorepo multithreading namespace "
    "offboarding offsite onboard onboarding onsite panellist panellists postgres refactor "
    "refactored refactoring repo repos reskilling roadmap roadmaps rollout rollouts runbook "
    "runbooks runtime saas serverless sharding signup standups upskill upskilling webhook "
    "webhooks webinar webinars wifi wireframe wireframes workflow workflows"
)

# British spellings: accept the word when the American form is in the dictionary.
_BRITISH_SUFFIXES = (
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yse", "yze"),
    ("ouring", "oring"),
    ("oured", "ored"),
    ("ours", "ors"),
    ("our", "or"),
    ("tres", "ters"),
    ("tre", "ter"),
    ("ogue", "og"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ence", "ense"),
    ("mmes", "ms"),
    ("mme", "m"),
)
# A lone capitalised word on a short line is taken for a name (a signature) unless it looks
# like a misspelt one of these.
_SALUTATION_WORDS = wordset(
    "dear hello hi greetings sincerely regards best thanks thank respectfully warmly "
    "cordially yours kind warm faithfully"
)
_SPELLING_SUGGEST_MAX_LEN = 20
# Where an item of a member's note ends: its first word is capitalised as a matter of course.
_ITEM_BREAK = re.compile(r"[;\n]|[.!?:](?:\s|$)")


@cache
def english_words() -> dict[str, int]:
    """The English word frequencies, loaded on first use (it takes a fifth of a second)."""
    speller = SpellChecker(language="en", distance=1)
    speller.word_frequency.load_words(_EXTRA_WORDS)
    return speller.word_frequency.dictionary


@cache
def _letters() -> str:
    """Every letter the dictionary uses, for one-edit suggestions."""
    return "".join(sorted({c for w in english_words() for c in w if c.isalpha()}))


def _known(word: str) -> bool:
    """Whether one lowercase word (no hyphens) is English."""
    dictionary = english_words()
    word = word.replace("’", "'")
    if word in dictionary:
        return True
    if word.endswith("'s"):
        word = word[:-2]
    if word in dictionary:
        return True
    if not word.isascii() and fold(word) in dictionary:
        return True
    return any(
        word.endswith(british) and word[: -len(british)] + american in dictionary
        for british, american in _BRITISH_SUFFIXES
    )


@lru_cache(maxsize=65536)
def _unknown_parts(core: str) -> tuple[str, ...]:
    """The pieces of a word (split on hyphens) that are not English, if any.

    Single letters, all-capital acronyms, anything with a digit, and URLs, email addresses
    and abbreviations (anything with '.', '/', '@', ':' or '_' inside) pass.
    """
    if core.isalpha():
        pieces: Iterable[str] = (core,)
    elif any(c.isdigit() or c in "./@:_\\" for c in core):
        return ()
    else:
        pieces = (p for w in WORD.findall(core) for p in w.split("-"))
    return tuple(p for p in pieces if len(p) > 1 and not p.isupper() and not _known(p.lower()))


@lru_cache(maxsize=8192)
def _suggestion(word: str) -> str | None:
    """The most frequent English word one edit away, keeping an initial capital.

    One edit only: two edits take up to a second for a long word.
    """
    lower = word.lower().replace("’", "'")
    if len(lower) > _SPELLING_SUGGEST_MAX_LEN:
        return None
    dictionary = english_words()
    splits = [(lower[:i], lower[i:]) for i in range(len(lower) + 1)]
    letters = _letters()
    candidates = {a + b[1:] for a, b in splits if b}
    candidates |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    candidates |= {a + c + b[1:] for a, b in splits if b for c in letters}
    candidates |= {a + c + b for a, b in splits for c in letters}
    known = [c for c in candidates if len(c) > 1 and c in dictionary]
    if not known:
        return None
    best = max(known, key=lambda c: (dictionary[c], c))
    return best[:1].upper() + best[1:] if word[:1].isupper() else best


@lru_cache(maxsize=1024)
def _known_words(terms: tuple[str, ...]) -> frozenset[str]:
    """Every word of names, company, role and titles, casefolded and accent-folded."""
    out: set[str] = set()
    for term in terms:
        for word in WORD.findall(nfc(term).replace("’", "'")):
            _add_forms(out, word)
    return frozenset(out)


@lru_cache(maxsize=1024)
def _member_jargon(notes: tuple[str, ...]) -> frozenset[str]:
    """The words of the member's notes that look like names or jargon, folded.

    A word capitalised after the first word of its item ('migrated to Kafka'), CamelCase
    ('RabbitMQ', 'iOS') or with a digit ('K8s') is taken as typed on purpose; everything
    else the member wrote is spell-checked like our own words. Acronyms pass anyway.
    """
    out: set[str] = set()
    for note in notes:
        for item in _ITEM_BREAK.split(nfc(note).replace("’", "'")):
            for i, word in enumerate(WORD.findall(item)):
                inner_capital = word[1:] != word[1:].lower()
                digit = not word.replace("-", "").replace("'", "").isalpha()
                if inner_capital or digit or (i and word[0].isupper()):
                    _add_forms(out, word)
    return frozenset(out)


def _add_forms(out: set[str], word: str) -> None:
    for piece in (word, *word.split("-")):
        out.add(piece.casefold())
        out.add(fold(piece))


def _line_around(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin : end if end >= 0 else len(text)]


def _is_name_line(line: str) -> bool:
    """A signature-like line: one to four capitalised words and no sentence punctuation."""
    stripped = line.strip()
    tokens = stripped.rstrip(",").split()
    return (
        0 < len(tokens) <= 4
        and all(t[:1].isupper() for t in tokens)
        and stripped[-1:] not in ".!?:;"
    )


def check_spelling(d: Draft) -> Iterator[Hit]:
    """Typos, in our words and in the member's notes quoted in the draft alike."""
    ctx = d.ctx
    known = _known_words((*ctx.known_terms, ctx.interviewer_name or ""))
    notes = (*ctx.member_terms, *ctx.specifics)
    known |= _member_jargon(notes)
    typed = _known_words(notes)
    reported: set[str] = set()
    for part in d.parts:
        bad: set[str] = set()
        for core in part.distinct:
            if pieces := _unknown_parts(core):
                bad.update(p for p in pieces if p.casefold() not in known and fold(p) not in known)
        bad -= CHAT_WORDS  # reported by the tone check
        # A word of the member's own that no English word is one edit from is their term
        # ("netcode", "chargebacks"), not a typo ("manger" is one edit from "manager").
        bad = {w for w in bad if w.casefold() not in typed or _suggestion(w) is not None}
        if bad:
            yield from _spelling_hits(part, sorted(bad), reported)


def _spelling_hits(part: Text, bad: list[str], reported: set[str]) -> Iterator[Hit]:
    """Report each unknown word once, where it first occurs, unless it is likely a name."""
    text = part.text
    for piece in bad:
        key = piece.casefold()
        if key in reported:
            continue
        capitalised = piece[:1].isupper()
        for m in re.finditer(rf"(?<![\w'’]){re.escape(piece)}(?![\w'’]|-\w)", text):
            after_hyphen = m.start() > 0 and text[m.start() - 1] == "-"
            # A capital letter mid-sentence (or after a hyphen) most likely starts a name.
            if capitalised and (after_hyphen or not is_sentence_start(text, m.start())):
                continue
            suggestion = _suggestion(piece)
            if (
                capitalised
                and _is_name_line(_line_around(text, m.start()))
                and (suggestion or "").lower() not in _SALUTATION_WORDS
            ):
                continue
            reported.add(key)
            fix = (
                f"Did you mean '{suggestion}'?"
                if suggestion
                else f"Check the spelling of '{piece}'."
            )
            yield hit(WARNING, part.section, m.start(), f"Possible misspelling: '{piece}'", fix)
            break


CHECKS: tuple[Check, ...] = (check_spelling,)
