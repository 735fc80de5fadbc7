"""Stage: an informational chat is not an application, so a note after one never reads as one.

The words an application uses ('the role', 'my application', 'the hiring process') make
a thank-you for advice sound like a bid for a job the person never offered.
"""

from __future__ import annotations

from collections.abc import Iterator

from bot.drafting.proofread.core import (
    WARNING,
    Check,
    Draft,
    Hit,
    Phrase,
    compile_phrases,
    phrase_check,
)

_ADVICE = "thank them for their time and advice instead, e.g. 'your advice on moving into ...'"
_APPLICATION_LANGUAGE = compile_phrases(
    (
        # 'the role of mentoring' is about something else.
        Phrase(
            r"(?:the|this)\s+(?:role|position|opening|vacancy)(?!\s+of\b)",
            _ADVICE,
            "role position opening vacancy",
        ),
        Phrase(r"my\s+(?:application|candidacy)", _ADVICE, "application candidacy"),
        Phrase(r"next\s+steps\s+in\s+the\s+process", _ADVICE, "process"),
        Phrase(r"the\s+(?:hiring|interview|recruiting|selection)\s+process", _ADVICE, "process"),
    )
)
_check_application_language = phrase_check(
    _APPLICATION_LANGUAGE,
    WARNING,
    lambda said: f"Application language after an informational chat: '{said}'",
    lambda said, advice: f"Drop '{said}': {advice}.",
)


def check_application_language(d: Draft) -> Iterator[Hit]:
    """Only after an informational chat; any other stage is an application."""
    if d.ctx.stage == "informational":
        yield from _check_application_language(d)


CHECKS: tuple[Check, ...] = (check_application_language,)
