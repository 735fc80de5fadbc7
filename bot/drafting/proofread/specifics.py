"""A thank-you mentions something specific from the interview, so it could go to no one else."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from bot.drafting.proofread.core import (
    WARNING,
    WHOLE,
    WORD,
    Check,
    Draft,
    Hit,
    hit,
    nfc,
    quote,
    wordset,
)
from bot.i18n import _

# Kinds thanking one interviewer: they must mention something specific.
PERSONAL_KINDS = frozenset({"thank_you"})
# Words too common to show that a recorded detail made it into the note, per language.
_NOT_SIGNIFICANT = {
    "en": wordset(
        "the and for with about our your their his her its that this those these from into "
        "onto over under how what why when where who which was were are you they them then "
        "than also very more most some any all not but can will would could should has have "
        "had been being role team company position job work interview discussion "
        "conversation talk talked discussed chat"
    ),
    "es": wordset(
        "los las del con para por sobre como que qué cómo una uno unos unas este esta estos "
        "estas ese esa nuestro nuestra vuestro su sus mis tus muy más también pero cuando donde "
        "puesto equipo empresa trabajo entrevista conversación charla reunión hablamos"
    ),
    "fr": wordset(
        "les des une aux pour avec sur sous par dans que qui quoi comment cette ces ceux notre "
        "nos votre vos leur leurs son ses mes très plus aussi mais quand poste équipe "
        "entreprise société travail entretien échange discussion conversation réunion"
    ),
    "de": wordset(
        "der die das den dem des ein eine einen einem einer und oder mit für über von vom zum "
        "zur bei nach wie was wer wann unser unsere ihr ihre ihren sein seine sehr auch aber "
        "stelle position team firma unternehmen arbeit gespräch vorstellungsgespräch "
        "austausch besprechung"
    ),
    "pt": wordset(
        "os as dos das com para por sobre como que qual uma uns umas este esta estes estas "
        "esse essa nosso nossa seu sua seus suas meu minha muito mais também mas quando onde "
        "vaga cargo equipe equipa empresa trabalho entrevista conversa reunião falamos"
    ),
}


@lru_cache(maxsize=1024)
def _specific_words(specifics: tuple[str, ...], language: str) -> tuple[frozenset[str], str]:
    """The significant words of the specifics, and a loose pattern's source for any of them.

    The pattern matches a whole specific, or any significant word as the start of a word
    ('migration' finds 'migrations'), on casefolded text with collapsed whitespace. It is
    compiled only when the cheap word check fails: most drafts name a specific word for word.
    """
    significant: set[str] = set()
    alternatives: list[str] = []
    for specific in specifics:
        folded = " ".join(nfc(specific).casefold().split())
        if folded:
            alternatives.append(re.escape(folded))
        for word in WORD.findall(folded):
            if len(word) >= 3 and word not in _NOT_SIGNIFICANT[language]:
                significant.add(word)
                alternatives.append(rf"(?<!\w){re.escape(word)}")
    return frozenset(significant), "|".join(alternatives)


@lru_cache(maxsize=256)
def _loose(source: str) -> re.Pattern[str]:
    return re.compile(source)


def check_specifics_mentioned(d: Draft) -> Iterator[Hit]:
    """A note with nothing recorded in it could have been sent to anyone."""
    if d.ctx.kind not in PERSONAL_KINDS or not d.ctx.specifics:
        return
    significant, source = _specific_words(d.ctx.specifics, d.language)
    if not source or not significant.isdisjoint(d.body_words_lower):
        return
    if _loose(source).search(" ".join(d.body.text.casefold().split())):
        return
    yield hit(
        WARNING,
        WHOLE,
        0,
        _("The note mentions nothing specific from the interview"),
        _("Add a sentence about {detail}, so it cannot have been sent to anyone.").format(
            detail=quote(d.ctx.specifics[0])
        ),
    )


CHECKS: tuple[Check, ...] = (check_specifics_mentioned,)
