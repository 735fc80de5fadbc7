"""Spelling in the draft's language: typos, but not names, the member's jargon or terms.

The dictionaries (`dictionaries.py`) load once and lazily; verdicts and suggestions are
cached per word. Names, company, role and titles (`known_terms`) are exempt.
The member's own notes are not exempt as a whole: a typo in a note would otherwise reach the
draft unflagged; only the words in them that look like names or jargon are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

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
from bot.drafting.proofread.dictionaries import LETTER_WORDS, known, suggestion
from bot.drafting.proofread.tone import chat_words
from bot.i18n import _

# German capitalises every noun, so a capital mid-sentence is no sign of a name there; the
# word after one of these is.
_GERMAN_TITLES = wordset("herr herrn frau dr prof")
# French elides an article or pronoun onto the next word: "l'équipe" is 'équipe'.
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’](?=\w)", re.IGNORECASE)
# Where a word starts: not inside another, nor after an apostrophe, save a French elision.
_WORD_START = {"fr": r"(?:(?<=['’])|(?<![\w'’]))"}
# Where an item of a member's note ends: its first word is capitalised as a matter of course.
_ITEM_BREAK = re.compile(r"[;\n]|[.!?:](?:\s|$)")


@lru_cache(maxsize=65536)
def _unknown_parts(language: str, core: str) -> tuple[str, ...]:
    """The pieces of a word (split on hyphens) that are misspelt, if any.

    Single letters, all-capital acronyms, anything with a digit, and URLs, email addresses
    and abbreviations (anything with '.', '/', '@', ':' or '_' inside) pass. Outside English
    a word the dictionary has whole ('week-end', "aujourd'hui") passes before its pieces
    are tried.
    """
    if core.isalpha():
        pieces: Iterable[str] = (core,)
    elif any(c.isdigit() or c in "./@:_\\" for c in core) or (
        language != "en" and known(language, core)
    ):
        return ()
    else:
        pieces = (p for w in WORD.findall(core) for p in w.split("-"))
    if language == "fr":
        pieces = (_ELISION.sub("", p) for p in pieces)
    return tuple(p for p in pieces if len(p) > 1 and not p.isupper() and not known(language, p))


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
    language = d.language
    known_ = _known_words((*ctx.known_terms, ctx.interviewer_name or ""))
    notes = (*ctx.member_terms, *ctx.specifics)
    known_ |= _member_jargon(notes)
    typed = _known_words(notes)
    chat = chat_words(language)
    reported: set[str] = set()
    for part in d.parts:
        bad: set[str] = set()
        for core in part.distinct:
            if pieces := _unknown_parts(language, core):
                bad.update(
                    p for p in pieces if p.casefold() not in known_ and fold(p) not in known_
                )
        bad -= chat  # reported by the tone check
        # A word of the member's own that no word is one edit from is their term
        # ("netcode", "chargebacks"), not a typo ("manger" is one edit from "manager").
        bad = {w for w in bad if w.casefold() not in typed or suggestion(language, w) is not None}
        if bad:
            yield from _spelling_hits(language, part, sorted(bad), reported)


def _spelling_hits(language: str, part: Text, bad: list[str], reported: set[str]) -> Iterator[Hit]:
    """Report each unknown word once, where it first occurs, unless it is likely a name."""
    text = part.text
    salutations = LETTER_WORDS[language]
    for piece in bad:
        key = piece.casefold()
        if key in reported:
            continue
        capitalised = piece[:1].isupper()
        start = _WORD_START.get(language, r"(?<![\w'’])")
        for m in re.finditer(rf"{start}{re.escape(piece)}(?![\w'’]|-\w)", text):
            after_hyphen = m.start() > 0 and text[m.start() - 1] == "-"
            # A capital letter mid-sentence (or after a hyphen) most likely starts a name;
            # in German, only where no word is one edit away or a title comes first.
            if (
                capitalised
                and (after_hyphen or not is_sentence_start(text, m.start()))
                and (language != "de" or _german_name(text, m.start(), piece))
            ):
                continue
            suggested = suggestion(language, piece)
            if (
                capitalised
                and _is_name_line(_line_around(text, m.start()))
                and (suggested or "").lower() not in salutations  # 'Sincerly,' is a typo
            ):
                continue
            reported.add(key)
            fix = (
                _("Did you mean '{word}'?").format(word=suggested)
                if suggested
                else _("Check the spelling of '{word}'.").format(word=piece)
            )
            problem = _("Possible misspelling: '{word}'").format(word=piece)
            yield hit(WARNING, part.section, m.start(), problem, fix)
            break


def _german_name(text: str, start: int, word: str) -> bool:
    """Whether a capitalised German word the dictionary lacks is a name, not a misspelt noun.

    It is when a title comes before it, or when no word is one edit from it.
    """
    before = text[max(0, start - 12) : start].split()
    if before and before[-1].rstrip(".").casefold() in _GERMAN_TITLES:
        return True
    return suggestion("de", word) is None


CHECKS: tuple[Check, ...] = (check_spelling,)
