"""Repetition: a doubled word, and a panelist's note nearly the same as another's."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from bot.drafting.proofread.core import (
    BODY,
    WARNING,
    WHOLE,
    Check,
    Draft,
    Hit,
    Text,
    hit,
    nfc,
    wordset,
)

_REPEAT_OK = wordset("had that")
_NEAR_IDENTICAL = 0.9
# Panel notes are short; beyond this many words the comparison (quadratic on repetitive text)
# is skipped, and the length check has something to say anyway.
_NEAR_IDENTICAL_MAX_WORDS = 1000


def check_repeated_words(d: Draft) -> Iterator[Hit]:
    """Report each doubled word ('the the') once, where it first occurs."""
    for part in d.parts:
        lower = [c.lower() for c in part.cores]
        if not any(map(operator.eq, lower, lower[1:])):
            continue
        raw, cores = part.raw, part.cores
        doubled: dict[str, tuple[str, str]] = {}
        for i in range(len(lower) - 1):
            word = cores[i]
            if (
                lower[i] == lower[i + 1]
                and lower[i] not in doubled
                and word.isalpha()
                and lower[i] not in _REPEAT_OK
                and raw[i].endswith(word)  # nothing between the two but white space
                and raw[i + 1].startswith(cores[i + 1])
            ):
                doubled[lower[i]] = (word, cores[i + 1])
        for first, second in doubled.values():
            pair = re.search(
                rf"(?<![\w'’-]){re.escape(first)}\s+{re.escape(second)}(?![\w'’-])", part.text
            )
            yield hit(
                WARNING,
                part.section,
                pair.start() if pair else 0,
                f"Repeated word: '{first} {second}'",
                f"Delete the second '{second}'.",
            )


def check_near_identical(d: Draft) -> Iterator[Hit]:
    """Compare word sequences: as telling as characters for notes, and fifty times faster."""
    if not d.ctx.others or not d.body.distinct or d.body.count > _NEAR_IDENTICAL_MAX_WORDS:
        return
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(d.body.cores)
    best = 0.0
    for other in d.ctx.others:
        other_words = Text(BODY, nfc(other))
        if other_words.count > _NEAR_IDENTICAL_MAX_WORDS:
            continue
        matcher.set_seq1(other_words.cores)
        if matcher.real_quick_ratio() < _NEAR_IDENTICAL or matcher.quick_ratio() < _NEAR_IDENTICAL:
            continue
        best = max(best, matcher.ratio())
    if best >= _NEAR_IDENTICAL:
        yield hit(
            WARNING,
            WHOLE,
            0,
            f"This note is {best:.0%} the same as another panelist's",
            "Each panelist should get a note that differs: mention what you discussed with "
            "this person.",
        )


CHECKS: tuple[Check, ...] = (check_repeated_words, check_near_identical)
