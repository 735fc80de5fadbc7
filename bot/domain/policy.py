"""When each follow-up is due, and when its reminders go out: pure functions, no I/O.

The rules follow the etiquette in `docs/follow-up-etiquette.md`: a thank-you to each
interviewer within 24 hours; a polite status check after the employer's date (plus two
business days) or a week of silence (after an informational chat, a keep-in-touch note a
season later instead); at most two unanswered nudges; after a rejection a gracious reply;
never anything pushy. Reminders respect the member's quiet hours and weekends, computed in
their own time zone so that daylight-saving changes never shift them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

THANK_YOU_WINDOW = timedelta(hours=24)
LAST_CALL_BEFORE_DEADLINE = timedelta(hours=4)
SECOND_STATUS_CHECK_AFTER_DAYS = 7
MAX_STATUS_CHECKS = 2
KEEP_IN_TOUCH_AFTER_DAYS = 90
MORNING = time(9, 0)


class Kind(StrEnum):
    """What the member should send."""

    THANK_YOU = "thank_you"
    PROMISED_MATERIAL = "promised_material"
    STATUS_CHECK = "status_check"
    REJECTION_REPLY = "rejection_reply"
    KEEP_IN_TOUCH = "keep_in_touch"
    NEXT_ROUND_THANKS = "next_round_thanks"
    OFFER_REPLY = "offer_reply"


class Status(StrEnum):
    """Where an interview stands."""

    SCHEDULED = "scheduled"
    HELD = "held"
    WAITING = "waiting"
    NEXT_ROUND = "next_round"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"
    CANCELLED = "cancelled"  # the invite was cancelled: nothing to follow up


WAITING_STATUSES = frozenset({Status.SCHEDULED, Status.HELD, Status.WAITING})


@dataclass(frozen=True)
class Cadence:
    """A member's timing preferences, already resolved from their settings and defaults."""

    tz: ZoneInfo
    thank_you_delay: timedelta = timedelta(hours=1)
    status_check_days: int = 7
    quiet_start: time = time(21, 0)
    quiet_end: time = time(8, 0)
    weekdays_only: bool = True
    status_check_limit: int = MAX_STATUS_CHECKS  # unanswered nudges before "gone quiet"


@dataclass(frozen=True)
class InterviewFacts:
    """What the policy needs to know about one interview."""

    ends_at: datetime
    status: Status
    interviewer_keys: tuple[int, ...]
    decision_expected_on: date | None = None
    last_contact_at: datetime | None = None
    paused: bool = False
    paused_until: datetime | None = None  # `pause #3 until=friday`: reminders wait till then
    promised: bool = False
    promised_due_at: datetime | None = None
    informational: bool = False  # a coffee chat: no application, so no status checks
    no_contact: bool = False  # they asked not to be contacted again: nothing at all
    promised_round: int = 1  # which request for material the promised follow-up answers


FollowUpKey = tuple[Kind, int | None, int]
"""(kind, interviewer key or None, sequence): identifies a follow-up within an interview."""


@dataclass(frozen=True)
class PlannedFollowUp:
    """A follow-up the member should send, with the times its reminders go out."""

    kind: Kind
    interviewer_key: int | None
    sequence: int
    due_at: datetime
    deadline_at: datetime | None
    reminders: tuple[tuple[str, datetime], ...]

    @property
    def key(self) -> FollowUpKey:
        """Identity within the interview."""
        return (self.kind, self.interviewer_key, self.sequence)


def plan(
    facts: InterviewFacts, finished: Mapping[FollowUpKey, datetime], cadence: Cadence
) -> list[PlannedFollowUp]:
    """Every follow-up still owed for an interview.

    `finished` maps the follow-ups the member already sent or skipped to when; they are not
    planned again, and they move the clock for the next status check.
    """
    planned: list[PlannedFollowUp] = []
    if facts.no_contact:
        return planned
    if facts.status in WAITING_STATUSES or facts.status is Status.NEXT_ROUND:
        planned += _thank_yous(facts, cadence)
        if facts.promised:
            planned.append(_promised(facts, cadence))
    if facts.status in WAITING_STATUSES and facts.informational:
        # Nobody owes the member a decision after an informational chat: no status check,
        # but a note to stay in touch once a season has passed.
        later = add_days_local(
            facts.last_contact_at or facts.ends_at, KEEP_IN_TOUCH_AFTER_DAYS, cadence
        )
        planned.append(_single(Kind.KEEP_IN_TOUCH, later, cadence))
    elif facts.status in WAITING_STATUSES:
        planned += _status_check(facts, finished, cadence)
    elif facts.status is Status.REJECTED and facts.last_contact_at:
        morning = next_working_morning(facts.last_contact_at, cadence)
        planned.append(_single(Kind.REJECTION_REPLY, morning, cadence))
        later = add_days_local(facts.last_contact_at, KEEP_IN_TOUCH_AFTER_DAYS, cadence)
        planned.append(_single(Kind.KEEP_IN_TOUCH, later, cadence))
    elif facts.status is Status.NEXT_ROUND and facts.last_contact_at:
        planned.append(_single(Kind.NEXT_ROUND_THANKS, facts.last_contact_at, cadence))
    elif facts.status is Status.OFFER and facts.last_contact_at:
        planned.append(_single(Kind.OFFER_REPLY, facts.last_contact_at, cadence))
    planned = [p for p in planned if p.key not in finished]
    if facts.paused:
        planned = [_without_reminders(p) for p in planned]
    elif facts.paused_until is not None:
        wake = send_time(facts.paused_until, cadence)
        planned = [_held_until(p, wake) for p in planned]
    return planned


def _thank_yous(facts: InterviewFacts, cadence: Cadence) -> list[PlannedFollowUp]:
    deadline = facts.ends_at + THANK_YOU_WINDOW
    wanted = facts.ends_at + cadence.thank_you_delay
    if send_time(wanted, cadence) > deadline:
        cadence = _any_day(cadence)  # a weekend must not make the 24-hour note late
    first = send_time(wanted, cadence)
    last_call = send_time(deadline - LAST_CALL_BEFORE_DEADLINE, cadence)
    reminders = [("first", first)]
    if first < last_call < deadline:
        reminders.append(("last_call", last_call))
    keys = facts.interviewer_keys or (None,)
    return [
        PlannedFollowUp(Kind.THANK_YOU, key, 1, deadline, deadline, tuple(reminders))
        for key in keys
    ]


def _promised(facts: InterviewFacts, cadence: Cadence) -> PlannedFollowUp:
    """What the member promised to send: due when they said, else with the thank-you.

    Without a date, the thank-you drafts already say it is coming, so its own reminder
    waits for the thank-you's last call instead of crowding the first prompt.
    """
    if facts.promised_due_at is None:
        deadline = facts.ends_at + THANK_YOU_WINDOW
        first = _thank_yous(facts, cadence)[0].reminders[-1][1]
    else:
        deadline = facts.promised_due_at
        first = send_time(min(at_morning(deadline, cadence), deadline), cadence)
    return PlannedFollowUp(
        Kind.PROMISED_MATERIAL, None, facts.promised_round, deadline, deadline, (("due", first),)
    )


def gone_quiet(
    finished: Mapping[FollowUpKey, datetime],
    last_contact_at: datetime | None,
    limit: int = MAX_STATUS_CHECKS,
) -> bool:
    """Whether `limit` nudges (never more than two) went unanswered: the policy stops."""
    sent = [at for (kind, _, _), at in finished.items() if kind is Kind.STATUS_CHECK]
    return len([at for at in sent if last_contact_at is None or at > last_contact_at]) >= min(
        limit, MAX_STATUS_CHECKS
    )


def _status_check(
    facts: InterviewFacts, finished: Mapping[FollowUpKey, datetime], cadence: Cadence
) -> list[PlannedFollowUp]:
    sent = sorted(at for (kind, _, _), at in finished.items() if kind is Kind.STATUS_CHECK)
    contact = facts.last_contact_at
    since_contact = [at for at in sent if contact is None or at > contact]
    if gone_quiet(finished, contact, cadence.status_check_limit):
        return []  # no third nudge (no second, when the group allows one)
    if since_contact:
        due = add_days_local(since_contact[-1], SECOND_STATUS_CHECK_AFTER_DAYS, cadence)
    elif facts.decision_expected_on and (
        not contact or facts.decision_expected_on > contact.astimezone(cadence.tz).date()
    ):  # a reply that gives a later date ("still deciding until the 10th") moves it there
        due = add_business_days(facts.decision_expected_on, 2, cadence)
    else:
        base = contact or facts.ends_at
        due = add_days_local(base, cadence.status_check_days, cadence)
    return [_single(Kind.STATUS_CHECK, due, cadence, sequence=len(sent) + 1)]


def _single(kind: Kind, due: datetime, cadence: Cadence, sequence: int = 1) -> PlannedFollowUp:
    return PlannedFollowUp(kind, None, sequence, due, None, (("due", send_time(due, cadence)),))


def _held_until(planned: PlannedFollowUp, wake: datetime) -> PlannedFollowUp:
    """Reminders that would come during a pause come once, when it ends; later ones stay."""
    early = [r for r in planned.reminders if r[1] < wake]
    later = tuple(r for r in planned.reminders if r[1] >= wake)
    if early and (not later or later[0][1] > wake):
        later = ((early[-1][0], wake), *later)
    return replace(planned, reminders=later)


def _without_reminders(planned: PlannedFollowUp) -> PlannedFollowUp:
    return replace(planned, reminders=())


def in_quiet_hours(local: time, cadence: Cadence) -> bool:
    """Whether a local wall-clock time falls in quiet hours (which may wrap midnight)."""
    start, end = cadence.quiet_start, cadence.quiet_end
    if start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


def send_time(at: datetime, cadence: Cadence) -> datetime:
    """The first moment at or after `at` when the member wants to be reminded.

    Quiet hours push a reminder to their end; with weekdays only, a weekend pushes it to
    Monday at the end of quiet hours. Returns aware UTC.
    """
    local = at.astimezone(cadence.tz)
    for _ in range(10):
        if in_quiet_hours(local.timetz().replace(tzinfo=None), cadence):
            day = local.date()
            if local.time() >= cadence.quiet_end:
                day += timedelta(days=1)
            local = _local(day, cadence.quiet_end, cadence.tz).astimezone(cadence.tz)
            if local < at:  # quiet hours end in a repeated hour: take its second occurrence
                local = local.replace(fold=1)
            continue
        if cadence.weekdays_only and local.weekday() >= 5:
            day = local.date() + timedelta(days=7 - local.weekday())
            local = _local(day, cadence.quiet_end, cadence.tz).astimezone(cadence.tz)
            continue
        break
    return local.astimezone(UTC)


def at_morning(at: datetime, cadence: Cadence) -> datetime:
    """09:00 local on the day of `at`."""
    return _local(at.astimezone(cadence.tz).date(), MORNING, cadence.tz)


def add_days_local(at: datetime, days: int, cadence: Cadence) -> datetime:
    """09:00 local, `days` calendar days after `at`: DST never shifts it."""
    day = at.astimezone(cadence.tz).date() + timedelta(days=days)
    return _local(day, MORNING, cadence.tz)


def business_days_later(start: date, days: int) -> date:
    """The date `days` business days (Monday to Friday) after `start`."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def add_business_days(start: date, days: int, cadence: Cadence) -> datetime:
    """09:00 local, `days` business days (Monday to Friday) after `start`."""
    return _local(business_days_later(start, days), MORNING, cadence.tz)


def next_working_morning(at: datetime, cadence: Cadence) -> datetime:
    """09:00 local on the next weekday after `at`."""
    day = at.astimezone(cadence.tz).date() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return _local(day, MORNING, cadence.tz)


def _any_day(cadence: Cadence) -> Cadence:
    return replace(cadence, weekdays_only=False)


def _local(day: date, wall: time, tz: ZoneInfo) -> datetime:
    """A local wall-clock time as aware UTC; a time in a DST gap lands after the gap."""
    return datetime.combine(day, wall, tzinfo=tz).astimezone(UTC)
