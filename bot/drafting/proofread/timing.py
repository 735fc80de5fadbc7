"""When to send: a thank-you within 24 hours; status checks after five business days, two at most.

None of this applies to a note that was already sent (`ProofContext.sent`): advice such as
"send it today" about a note in the member's outbox would be a false alarm.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

from bot.domain.policy import business_days_later
from bot.domain.timeparse import long_date
from bot.drafting.proofread.core import ERROR, WARNING, WHOLE, Check, Draft, Hit, hit
from bot.i18n import _, ngettext

_THANK_YOU_WITHIN = timedelta(hours=24)
_STATUS_CHECK_WAIT_BUSINESS_DAYS = 5
_MAX_STATUS_CHECKS = 2


def _aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"ProofContext.{name} must be timezone-aware")
    return value


def _business_days_after(start: date, end: date) -> int:
    """Weekdays (Monday to Friday) after `start`, up to and including `end`."""
    days = (end - start).days
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    day = start + timedelta(days=weeks * 7)
    for _day in range(rest):
        day += timedelta(days=1)
        count += day.weekday() < 5
    return count


def check_thank_you_timing(d: Draft) -> Iterator[Hit]:
    """A thank-you later than 24 hours is still worth sending, today."""
    ctx = d.ctx
    if ctx.sent or ctx.kind != "thank_you" or ctx.interview_ended_at is None or ctx.now is None:
        return
    late = _aware(ctx.now, "now") - _aware(ctx.interview_ended_at, "interview_ended_at")
    if late > _THANK_YOU_WITHIN:
        hours = late.total_seconds() / 3600
        problem = (
            _(
                "It is {count} hours since the interview: later than 24 hours, but still worth "
                "sending"
            )
            if hours < 72
            else _(
                "It is {count} days since the interview: later than 24 hours, but still worth "
                "sending"
            )
        ).format(count=f"{hours:.0f}" if hours < 72 else late.days)
        yield hit(
            WARNING,
            WHOLE,
            0,
            problem,
            _("Send it today; a brief thanks without a long apology is still welcome."),
        )


def check_status_check_timing(d: Draft) -> Iterator[Hit]:
    """Nudging too soon, or a third time, reads as pushy."""
    ctx = d.ctx
    if ctx.sent or ctx.kind != "status_check":
        return
    if ctx.status_checks_sent >= _MAX_STATUS_CHECKS:
        yield hit(
            ERROR,
            WHOLE,
            0,
            _("{count} status checks already sent: a third nudge reads as pushy; stop here").format(
                count=ctx.status_checks_sent
            ),
            _(
                "Don't send this one. A keep-in-touch note in a few weeks is fine; meanwhile put "
                "your energy into other applications."
            ),
        )
    if ctx.last_message_at is None or ctx.now is None:
        return
    now = _aware(ctx.now, "now")
    last = _aware(ctx.last_message_at, "last_message_at").astimezone(now.tzinfo)
    waited = _business_days_after(last.date(), now.date())
    if waited < _STATUS_CHECK_WAIT_BUSINESS_DAYS:
        ready = business_days_later(last.date(), _STATUS_CHECK_WAIT_BUSINESS_DAYS)
        yield hit(
            WARNING,
            WHOLE,
            0,
            ngettext(
                "Only {count} business day since your last message; wait at least {wait}",
                "Only {count} business days since your last message; wait at least {wait}",
                waited,
            ).format(count=waited, wait=_STATUS_CHECK_WAIT_BUSINESS_DAYS),
            _(
                "Hold it until {date}, unless a date they gave you passed a business day or two "
                "ago."
            ).format(date=long_date(ready, now.year)),
        )


CHECKS: tuple[Check, ...] = (check_thank_you_timing, check_status_check_timing)
