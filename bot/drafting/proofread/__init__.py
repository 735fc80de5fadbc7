"""Proofread a draft before a member sends it.

`proofread(subject, body, ctx)` returns `Finding`s ordered by severity ("error" must be fixed
before sending, "warning" should be, "info" is worth a thought), then by where they occur:
remarks about the whole draft or its timing first, then the subject, then the body. Each
names the problem (no closing full stop) and the fix (a sentence) apart; every surface shows
them as `Finding.text`, "<problem>. Fix: <what to do>."

The checks enforce career coaches' follow-up etiquette: a thank-you within 24 hours that
names the interviewer and something specific you discussed; concise drafts; a polite,
professional tone (no chat speak, emoji or stacked exclamation marks); no typos or template
leftovers; a first status check only after five business days and at most two unanswered
nudges; sentences that read as written, not as notes pasted into a frame.

A draft is in one language (`ProofContext.language`: en, es, fr, de or pt). Every family
reads it as a native speaker would: spelling with that language's dictionary
(`dictionaries.py`), its own casual words, cliches, greetings, titles, abbreviations and
function words, and its punctuation (`punctuation.py`: French spacing, Spanish '¿' and '¡').
Findings are said in the member's language (`bot.i18n`); what they suggest writing is in the
draft's language.

Each family of checks is a module of small functions over a `Draft` (`core.py`), with its
word lists as data at its top (a table a language where they differ), and its cases that
must and must not fire in `tests/drafting/proofread/`. The proofreader runs for every draft
the bot renders, so it is built for speed: the text is split into words once per call, each
phrase pattern runs only when one of its trigger words is present, regexes are compiled
once, dictionaries load once and lazily, and verdicts are cached per word.
"""

from __future__ import annotations

from bot.chat import Finding
from bot.drafting.proofread import (
    grammar,
    leftovers,
    length,
    names,
    punctuation,
    repetition,
    specifics,
    spelling,
    stage,
    timing,
    tone,
)
from bot.drafting.proofread.core import ERROR, INFO, WARNING, Check, Draft, ProofContext, words

__all__ = ["ERROR", "INFO", "WARNING", "Finding", "ProofContext", "proofread", "words"]

# Every check, family by family; findings equal in severity and position keep this order.
_CHECKS: tuple[Check, ...] = (
    *timing.CHECKS,
    *names.CHECKS,
    *specifics.CHECKS,
    *length.CHECKS,
    *stage.CHECKS,
    *leftovers.CHECKS,
    *tone.CHECKS,
    *spelling.CHECKS,
    *repetition.CHECKS,
    *grammar.CHECKS,
    *punctuation.CHECKS,
)

# The only checks that can report an error (tests/drafting/proofread/test_error_checks.py
# holds every other check to warnings and advice): enough for a text checked for errors alone.
_CAN_ERR = {
    timing.check_status_check_timing,
    names.check_interviewer_named,
    names.check_title_as_name,
    length.check_length,
    leftovers.check_subject,
    leftovers.check_leftovers,
}
ERROR_CHECKS: tuple[Check, ...] = tuple(check for check in _CHECKS if check in _CAN_ERR)

_NO_CONTEXT = ProofContext()


def proofread(
    subject: str, body: str, ctx: ProofContext = _NO_CONTEXT, *, errors_only: bool = False
) -> list[Finding]:
    """Review a draft; return findings ordered by severity, then by where they occur.

    `errors_only` runs only the checks that can find an error and returns only errors: a
    LinkedIn note beside a draft is held to what must be fixed, and checking it costs less.
    Raises ValueError if a datetime in `ctx` that a timing check needs is naive.
    """
    draft = Draft(subject, body, ctx)
    checks = ERROR_CHECKS if errors_only else _CHECKS
    hits = [hit for check in checks for hit in check(draft)]
    if errors_only:
        hits = [h for h in hits if h.finding.level == ERROR]
    hits.sort(key=lambda h: (h.rank, h.section, h.offset))
    return [h.finding for h in hits]
