"""Length: the field figure of 150 words, each kind's limit, and LinkedIn's 300 characters."""

from __future__ import annotations

from collections.abc import Iterator

from bot.drafting.proofread.core import ERROR, INFO, WARNING, WHOLE, Check, Draft, Hit, hit

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
    "thank_you": "a thank-you note",
    "next_round_thanks": "a thank-you note",
    "promised_material": "a note sending promised material",
    "status_check": "a status check",
}


def check_length(d: Draft) -> Iterator[Hit]:
    """Over the limit is a warning; over the field figure, only worth a thought."""
    if d.ctx.linkedin and (chars := len(d.body.text)) > _LINKEDIN_CHAR_LIMIT:
        yield hit(
            ERROR,
            WHOLE,
            0,
            f"{chars} characters; a LinkedIn message allows {_LINKEDIN_CHAR_LIMIT}",
            f"Cut at least {chars - _LINKEDIN_CHAR_LIMIT} characters: keep the thanks and "
            "one specific detail.",
        )
    count = d.body.count
    limit = _WORD_LIMITS.get(d.ctx.kind or "", _DEFAULT_WORD_LIMIT)
    what = _KIND_NAMES.get(d.ctx.kind or "", "this message")
    if count > limit:
        yield hit(
            WARNING,
            WHOLE,
            0,
            f"{count} words; the limit for {what} is {limit}",
            f"Cut about {count - limit} words: keep the thanks, one specific detail and the "
            "next step.",
        )
    elif count > _FIELD_WORD_TARGET:
        yield hit(
            INFO,
            WHOLE,
            0,
            f"{count} words; notes of {_FIELD_WORD_TARGET} words or fewer read best",
            f"Consider cutting about {count - _FIELD_WORD_TARGET} words.",
        )


CHECKS: tuple[Check, ...] = (check_length,)
