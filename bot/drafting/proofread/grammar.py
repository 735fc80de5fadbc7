"""Grammar and mechanics: sentence case, note-shaped gaps in a frame, doubled punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.drafting.proofread.core import BODY, EDGE, INFO, Check, Draft, Hit, hit, quotes, wordset

_ABBREVIATIONS = wordset("etc vs approx incl dept no cf mr mrs ms dr prof st jr sr inc ltd co")
_LOWER_SENTENCE_START = re.compile(r"(?:[.!?][\"'’”)\]]*\s+|\n[ \t]*\n\s*)([a-zß-öø-ÿ]\S*)")
_LOWER_FIRST_WORD = re.compile(r"\s*([a-zß-öø-ÿ]\S*)")


def check_sentence_case(d: Draft) -> Iterator[Hit]:
    """A sentence starting in lowercase looks careless (abbreviations and brands aside)."""
    text = d.body.text
    starts: list[tuple[int, str]] = []
    if first := _LOWER_FIRST_WORD.match(text):
        starts.append((first.start(1), first.group(1)))
    for m in _LOWER_SENTENCE_START.finditer(text):
        before = text[max(0, m.start(1) - 40) : m.start(1)].rstrip().rsplit(None, 1)
        previous = before[-1] if before else ""
        if previous.endswith(("...", "…")) or "." in previous[:-1]:
            continue  # an ellipsis, or an abbreviation such as 'e.g.'
        if previous.rstrip(".").casefold() in _ABBREVIATIONS:
            continue
        starts.append((m.start(1), m.group(1)))
    starts = [
        (at, w.rstrip(EDGE))
        for at, w in starts
        if not any(c.isupper() or c in "./@" for c in w.rstrip(EDGE))  # iPhone, example.com
    ]
    if starts:
        count = len(starts)
        yield hit(
            INFO,
            BODY,
            starts[0][0],
            f"{count} sentence{'s start' if count > 1 else ' starts'} with a lowercase letter",
            f"Capitalise {quotes(w for _, w in starts)}.",
        )


CHECKS: tuple[Check, ...] = (check_sentence_case,)
