"""Template leftovers (code, placeholders, notes to self, empty fields) and an empty subject."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from bot.drafting.proofread.core import (
    ERROR,
    SUBJECT,
    Check,
    Draft,
    Hit,
    hit,
    is_sentence_start,
    quote,
)
from bot.i18n import N_, _


class _Leftover(NamedTuple):
    """Template debris: `pattern` is tried only when one of `needles` occurs in the text."""

    pattern: str
    what: str
    needles: tuple[str, ...]


_LEFTOVERS = (
    _Leftover(
        r"\{\{[^\n{}]{0,80}\}\}|\{%[^\n{}]{0,80}%\}|\{\{|\}\}|\{%|%\}",
        N_("Template code"),
        ("{{", "}}", "{%", "%}"),
    ),
    _Leftover(r"\[[^\[\]\n]{1,60}\](?!\()", N_("Placeholder"), ("[",)),
    _Leftover(r"<[ \t]*[A-Za-z][\w \t.-]{0,40}>", N_("Placeholder"), ("<",)),
    _Leftover(
        r"(?<![\w'’-])(?:TODO|FIXME|X{2,})(?![\w'’-])", N_("Note to self"), ("TODO", "FIXME", "XX")
    ),
    _Leftover(r"(?<![\w'’-])None(?![\w'’-])", N_("Empty field"), ("None",)),
    _Leftover(r"(?i:lorem\s+ipsum)", N_("Placeholder text"), ("orem", "OREM")),
)

_LEFTOVER_RULES = tuple((re.compile(x.pattern), x) for x in _LEFTOVERS)
_LEFTOVER_NEEDLES = tuple({n for x in _LEFTOVERS for n in x.needles})


# A subject to suggest, in the draft's language.
_SUBJECT_EXAMPLES = {
    "en": "Thank you for today's interview",
    "es": "Gracias por la entrevista de hoy",
    "fr": "Merci pour l'entretien d'aujourd'hui",
    "de": "Vielen Dank für das heutige Gespräch",
    "pt": "Obrigado pela entrevista de hoje",
}


def check_subject(d: Draft) -> Iterator[Hit]:
    """An email needs a subject; a LinkedIn message has none."""
    if not d.ctx.linkedin and not d.subject.text.strip():
        yield hit(
            ERROR,
            SUBJECT,
            0,
            _("The subject line is empty"),
            _("Add a short subject, e.g. '{subject}'.").format(
                subject=_SUBJECT_EXAMPLES[d.language]
            ),
        )


def check_leftovers(d: Draft) -> Iterator[Hit]:
    """What a template or the member left for later must never be sent."""
    seen: set[str] = set()
    for part in d.parts:
        text = part.text
        if not any(map(text.__contains__, _LEFTOVER_NEEDLES)):
            continue
        for regex, leftover in _LEFTOVER_RULES:
            if not any(map(text.__contains__, leftover.needles)):
                continue
            for m in regex.finditer(text):
                said = m.group()
                if said in seen or _not_a_leftover(text, m):
                    continue
                seen.add(said)
                yield hit(
                    ERROR,
                    part.section,
                    m.start(),
                    _("{what} left in the draft: {text}").format(
                        what=_(leftover.what), text=quote(said)
                    ),
                    _("Replace {text} with the real text, or delete it.").format(text=quote(said)),
                )


def _not_a_leftover(text: str, m: re.Match[str]) -> bool:
    said = m.group()
    if said.startswith("["):
        return not any(c.isalpha() for c in said)  # '[1]' is a footnote
    if said == "None":
        # 'None of the above' at a sentence start is English, not an empty template field.
        after = text[m.end() : m.end() + 2]
        return is_sentence_start(text, m.start()) and after[:1] == " " and after[1:].islower()
    return False


CHECKS: tuple[Check, ...] = (check_subject, check_leftovers)
