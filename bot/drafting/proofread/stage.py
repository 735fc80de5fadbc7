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
from bot.i18n import N_, _

_ADVICE = N_("thank them for their time and advice instead, e.g. 'your advice on moving into ...'")
_PHRASES = {
    "en": (
        # 'the role of mentoring' is about something else.
        Phrase(
            r"(?:the|this)\s+(?:role|position|opening|vacancy)(?!\s+of\b)",
            _ADVICE,
            "role position opening vacancy",
        ),
        Phrase(r"my\s+(?:application|candidacy)", _ADVICE, "application candidacy"),
        Phrase(r"next\s+steps\s+in\s+the\s+process", _ADVICE, "process"),
        Phrase(r"the\s+(?:hiring|interview|recruiting|selection)\s+process", _ADVICE, "process"),
    ),
    "es": (
        Phrase(
            r"(?:el|este)\s+puesto|(?:la|esta)\s+vacante",
            N_("thank them for their time and advice instead, e.g. 'sus consejos sobre ...'"),
            "puesto vacante",
        ),
        Phrase(
            r"mi\s+candidatura|el\s+proceso\s+de\s+selección",
            N_("thank them for their time and advice instead, e.g. 'sus consejos sobre ...'"),
            "candidatura selección",
        ),
    ),
    "fr": (
        Phrase(
            r"(?:le|ce)\s+poste|ma\s+candidature|le\s+processus\s+de\s+recrutement",
            N_("thank them for their time and advice instead, e.g. 'vos conseils sur ...'"),
            "poste candidature recrutement",
        ),
    ),
    "de": (
        Phrase(
            r"(?:die|diese)\s+(?:Stelle|Position)|meine\s+Bewerbung|das\s+Auswahlverfahren",
            N_("thank them for their time and advice instead, e.g. 'Ihre Tipps zu ...'"),
            "Stelle Position Bewerbung Auswahlverfahren",
        ),
    ),
    "pt": (
        Phrase(
            r"(?:a|esta|essa)\s+vaga|minha\s+candidatura|o\s+processo\s+seletivo",
            N_("thank them for their time and advice instead, e.g. 'seus conselhos sobre ...'"),
            "vaga candidatura seletivo",
        ),
    ),
}
_CHECKS = {
    language: phrase_check(
        compile_phrases(phrases),
        WARNING,
        lambda said: _("Application language after an informational chat: '{words}'").format(
            words=said
        ),
        lambda said, advice: _("Drop '{words}': {advice}.").format(words=said, advice=_(advice)),
    )
    for language, phrases in _PHRASES.items()
}


def check_application_language(d: Draft) -> Iterator[Hit]:
    """Only after an informational chat; any other stage is an application."""
    if d.ctx.stage == "informational":
        yield from _CHECKS[d.language](d)


CHECKS: tuple[Check, ...] = (check_application_language,)
