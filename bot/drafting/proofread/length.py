"""Length: the field figure of 150 words, each kind's limit, and LinkedIn's 300 characters."""

from __future__ import annotations

from collections.abc import Iterator

from bot.drafting.proofread.core import ERROR, INFO, WARNING, WHOLE, Check, Draft, Hit, hit
from bot.i18n import N_, _

_WORD_LIMITS = {
    "thank_you": 200,
    "next_round_thanks": 200,
    "promised_material": 200,
    "status_check": 150,
}
_DEFAULT_WORD_LIMIT = 200
# The field figure: drafts of 150 words or fewer. Above it, within the kind's limit, is only
# worth a thought.
_FIELD_WORD_TARGET = 150
_LINKEDIN_CHAR_LIMIT = 300
_KIND_NAMES = {
    "thank_you": N_("a thank-you note"),
    "next_round_thanks": N_("a thank-you note"),
    "promised_material": N_("a note sending promised material"),
    "status_check": N_("a status check"),
}


def check_length(d: Draft) -> Iterator[Hit]:
    """Over the limit is a warning; over the field figure, only worth a thought."""
    if d.ctx.linkedin and (chars := len(d.body.text)) > _LINKEDIN_CHAR_LIMIT:
        yield hit(
            ERROR,
            WHOLE,
            0,
            _("{count} characters; a LinkedIn message allows {limit}").format(
                count=chars, limit=_LINKEDIN_CHAR_LIMIT
            ),
            _("Cut at least {count} characters: keep the thanks and one specific detail.").format(
                count=chars - _LINKEDIN_CHAR_LIMIT
            ),
        )
    count = d.body.count
    limit = _WORD_LIMITS.get(d.ctx.kind or "", _DEFAULT_WORD_LIMIT)
    kind = _KIND_NAMES.get(d.ctx.kind or "")
    what = _(kind) if kind else _("this message")
    if count > limit:
        yield hit(
            WARNING,
            WHOLE,
            0,
            _("{count} words; the limit for {what} is {limit}").format(
                count=count, what=what, limit=limit
            ),
            _(
                "Cut about {count} words: keep the thanks, one specific detail and the next step."
            ).format(count=count - limit),
        )
    elif count > _FIELD_WORD_TARGET:
        yield hit(
            INFO,
            WHOLE,
            0,
            _("{count} words; notes of {target} words or fewer read best").format(
                count=count, target=_FIELD_WORD_TARGET
            ),
            _("Consider cutting about {count} words.").format(count=count - _FIELD_WORD_TARGET),
        )


CHECKS: tuple[Check, ...] = (check_length,)
