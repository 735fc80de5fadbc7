"""Punctuation each language sets its own way: French spacing, Spanish opening marks.

French puts a space before '?', '!', ':' and ';' ('Merci !'); typographers use a no-break
space before ':' and a narrow one (U+202F) before the others, many writers one kind for all
four or a plain space: any space passes, only a missing one is flagged. Spanish opens a
question with '¿' and an exclamation with '¡', where the question or exclamation begins
('Gracias, ¿podría ...?').
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.drafting.proofread.core import WARNING, Check, Draft, Hit, hit, quote
from bot.i18n import FRENCH_SPACE_BEFORE, _, ngettext

# A mark right after a letter, digit or closing quote or bracket: no space between. Not a
# mark right after another ('?!'), a time or ratio ('10:30'), a URL ('https://'), or an
# emoticon (';)'), which the emoji check reports.
_TIGHT = re.compile(r"(?<=[\w\"'’”»)\]])[?!:;](?![\d/)(\]\[DPp]|\w*@)")
# What a mail client puts before a forwarded or answered subject.
_REPLY_PREFIXES = frozenset({"re:", "fw:", "fwd:", "tr:"})


def check_french_spacing(d: Draft) -> Iterator[Hit]:
    """French wants a space before '?', '!', ':' and ';'."""
    if d.language != "fr":
        return
    found: list[tuple[int, int, str]] = []
    for part in d.parts:
        text = part.text
        if not any(mark in text for mark in "?!:;"):
            continue
        for m in _TIGHT.finditer(text):
            token_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            token = text[token_start : m.end()]
            if "/" in token or "@" in token or token.casefold() in _REPLY_PREFIXES:
                continue  # a URL, an address, 'Re:'

            found.append((part.section, m.start(), token))
    if found:
        section, offset, token = found[0]
        count = len(found)
        fixed = token[:-1] + FRENCH_SPACE_BEFORE[token[-1]] + token[-1]
        yield hit(
            WARNING,
            section,
            offset,
            ngettext(
                "{count} mark without the space French puts before '?', '!', ':' and ';': {text}",
                "{count} marks without the space French puts before '?', '!', ':' and ';': {text}",
                count,
            ).format(count=count, text=quote(token)),
            # Not `quote`: it would turn the narrow no-break space into a plain one.
            _(
                "Put a space before each, ideally a no-break one so the mark never starts "
                "a line: '{text}'."
            ).format(text=fixed),
        )


# A sentence, or the part after a comma or colon, ending in '?' or '!'.
_CLOSING = re.compile(r"[?!]")
_SENTENCE_BREAK = ".?!\n"
_OPENING = {"?": "¿", "!": "¡"}


def check_spanish_opening_marks(d: Draft) -> Iterator[Hit]:
    """Spanish opens what a '?' or '!' closes with '¿' or '¡'."""
    if d.language != "es":
        return
    found: list[tuple[int, int, str, str]] = []
    for part in d.parts:
        text = part.text
        for m in _CLOSING.finditer(text):
            mark = m.group()
            if m.start() and text[m.start() - 1] in "?!":
                continue  # '?!' closes one sentence
            start = max(text.rfind(c, 0, m.start()) for c in _SENTENCE_BREAK) + 1
            sentence = text[start : m.start()]
            if _OPENING[mark] in sentence or not sentence.strip() or _in_a_link(sentence):
                continue
            at = start + len(sentence) - len(sentence.lstrip())
            found.append((part.section, at, " ".join(sentence.split()), mark))
    if not found:
        return
    section, at, said, mark = found[0]
    opening = _OPENING[mark]
    _before, comma, asked = said.rpartition(", ")
    words = asked.split()
    shown = " ".join(words[:3]) + (" ..." if len(words) > 3 else "")
    example = f"{'..., ' if comma else ''}{opening}{shown}{mark}"
    count = len(found)
    if count > 1:
        what = _("{count} questions or exclamations without their opening '¿' or '¡': {text}")
    elif mark == "?":
        what = _("A question without its opening '{opening}': {text}")
    else:
        what = _("An exclamation without its opening '{opening}': {text}")
    yield hit(
        WARNING,
        section,
        at,
        what.format(count=count, opening=opening, text=quote(said + mark)),
        _(
            "Open each with '¿' or '¡' where the question or exclamation begins, e.g. {example}."
        ).format(example=quote(example, 60)),
    )


def _in_a_link(sentence: str) -> bool:
    last = sentence.rsplit(None, 1)[-1] if sentence.split() else ""
    return "/" in last or "@" in last or "=" in last


CHECKS: tuple[Check, ...] = (check_french_spacing, check_spanish_opening_marks)
