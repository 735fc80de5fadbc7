"""Names: the interviewer addressed by name, a greeting that uses one, and names misused.

A thank-you must name the person it thanks; pasted text should open with a named greeting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from bot.drafting.proofread.core import (
    BODY,
    EDGE,
    ERROR,
    TITLES,
    WARNING,
    WHOLE,
    Check,
    Draft,
    Hit,
    any_word_pattern,
    fold,
    hit,
    nfc,
    wordset,
)
from bot.drafting.proofread.specifics import PERSONAL_KINDS
from bot.drafting.proofread.spelling import english_words

# A greeting addressed to one of these has no name in it.
_NOT_NAMES = wordset(
    "sir madam hiring recruiting recruiter team there all everyone folks whom colleagues friends"
)
_GREETING = re.compile(
    r"\s*(?:dear|hi|hello|hey|greetings|good\s+(?:morning|afternoon|evening))(?![\w'’-])"
    r"[ \t,]*([^\n,:;!]*)",
    re.IGNORECASE,
)
_NAME_ONLY_GREETING = re.compile(r"\s*[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,2},")


@lru_cache(maxsize=1024)
def _name_parts(name: str) -> tuple[str, ...]:
    """The words of a name that may address its owner: no titles, no initials."""
    parts = (p.strip(EDGE) for p in nfc(name).split())
    return tuple(p for p in parts if len(p) > 1 and p.casefold() not in TITLES)


class _NameForms(NamedTuple):
    """How a name may appear in a note that addresses its owner.

    `loose` parts count in any case (casefolded). `strict` parts are also English words
    ('Will', 'Young'), so they count only capitalised or in capitals: 'I will' doesn't name
    Will. `folded` parts have their accents dropped, to spot 'Zoe' written for 'Zoë'.
    """

    loose: tuple[str, ...]
    strict: tuple[str, ...]
    folded: tuple[str, ...]


@lru_cache(maxsize=1024)
def _name_forms(parts: tuple[str, ...]) -> _NameForms:
    """Sort a name's parts by whether they are also English words."""
    dictionary = english_words()
    words_ = [p for p in parts if p.lower() in dictionary]
    names = [p for p in parts if p.lower() not in dictionary]
    return _NameForms(
        loose=tuple(p.casefold() for p in names),
        strict=tuple(form for p in words_ for form in (p[:1].upper() + p[1:], p.upper())),
        folded=tuple(fold(p) for p in names),
    )


def _names_someone(d: Draft, forms: _NameForms) -> bool:
    """Whether the body uses any of the forms."""
    if not d.body_words_lower.isdisjoint(forms.loose) or not d.body.distinct.isdisjoint(
        forms.strict
    ):
        return True
    text = d.body.text
    if forms.loose and any_word_pattern(forms.loose).search(text.casefold()):
        return True
    return bool(forms.strict) and bool(any_word_pattern(forms.strict).search(text))


def check_interviewer_named(d: Draft) -> Iterator[Hit]:
    """A thank-you that never names its reader reads as a form letter."""
    name = d.ctx.interviewer_name
    if d.ctx.kind not in PERSONAL_KINDS or not name or not (parts := _name_parts(name)):
        return
    forms = _name_forms(parts)
    if _names_someone(d, forms):
        return
    first = parts[0]
    if forms.folded and any_word_pattern(forms.folded).search(fold(d.body.text)):
        yield hit(
            WARNING,
            WHOLE,
            0,
            f"{name}'s name is spelled differently in the note",
            f"Spell it as they do: '{first}'.",
        )
        return
    yield hit(
        ERROR,
        WHOLE,
        0,
        f"The note never addresses {name} by name",
        f"Open with their name, e.g. 'Dear {first},'.",
    )


def check_greeting(d: Draft) -> Iterator[Hit]:
    """Pasted text should open with the reader's name (our drafts always do)."""
    if d.ctx.kind is not None:
        return
    text = d.body.text
    if m := _GREETING.match(text):
        addressee = [w.strip(EDGE) for w in m.group(1).split()]
        while addressee and addressee[0].casefold() in TITLES:
            addressee.pop(0)
        if addressee and addressee[0][:1].isupper() and addressee[0].casefold() not in _NOT_NAMES:
            return
    elif _NAME_ONLY_GREETING.match(text):
        return
    yield hit(
        WARNING,
        BODY,
        0,
        "The message doesn't open with a greeting that uses their name",
        "Open with 'Dear <first name>,' or 'Hi <first name>,'.",
    )


CHECKS: tuple[Check, ...] = (check_interviewer_named, check_greeting)
