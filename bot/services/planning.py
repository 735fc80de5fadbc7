"""Keep an interview's follow-up and reminder rows in step with the policy.

Called in the same transaction as every change to an interview, so the outbox never
disagrees with what the member told us.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from bot.domain.policy import (
    Cadence,
    FollowUpKey,
    InterviewFacts,
    Kind,
    Status,
    plan,
    send_time,
)
from bot.storage.models import FollowUp, Interview, Reminder
from bot.storage.repositories import WAITING

FINISHED_STATES = frozenset({"done", "skipped"})
SENT_STATES = frozenset({"delivered", "failed"})
SNOOZE = "snooze"  # a reminder the member asked for; the policy never moves or cancels it


def replan(interview: Interview, cadence: Cadence, now: datetime) -> None:
    """Bring `interview.follow_ups` and their reminders in line with the policy."""
    by_position = {iv.id: iv for iv in interview.interviewers}
    facts = InterviewFacts(
        ends_at=interview.ends_at,
        status=Status(interview.status),
        interviewer_keys=tuple(iv.id for iv in interview.interviewers if iv.met is not False),
        decision_expected_on=interview.decision_expected_on,
        last_contact_at=interview.last_contact_at,
        paused=interview.paused,
        paused_until=interview.paused_until,
        promised=bool(interview.promised_by_me),
        promised_due_at=interview.promised_due_at,
        informational=interview.stage == "informational",
        no_contact=bool(interview.no_contact),
        promised_round=interview.promised_round or 1,
    )
    finished: dict[FollowUpKey, datetime] = {
        _key(f): f.done_at or now for f in interview.follow_ups if f.state in FINISHED_STATES
    }
    planned = {p.key: p for p in plan(facts, finished, cadence)}
    pending = {_key(f): f for f in interview.follow_ups if f.state == "pending"}
    # One the policy dropped (withdrawn, an invite cancelled) and plans again (back on)
    # returns as the same row: a follow-up's key is unique.
    dropped = {_key(f): f for f in interview.follow_ups if f.state == "cancelled"}

    for key, follow_up in pending.items():
        if key not in planned:
            follow_up.state = "cancelled"
            _cancel_reminders(follow_up)

    for key, p in planned.items():
        existing = pending.get(key) or dropped.get(key)
        if existing is None:
            follow_up = FollowUp(
                kind=p.kind.value,
                interviewer=by_position.get(p.interviewer_key) if p.interviewer_key else None,
                sequence=p.sequence,
                state="pending",
            )
            interview.follow_ups.append(follow_up)
        else:
            follow_up = existing
            follow_up.state = "pending"
        follow_up.due_at = p.due_at
        follow_up.deadline_at = p.deadline_at
        planned_times = p.reminders
        if follow_up.snoozed_until is not None:  # the member asked for quiet until then
            planned_times = tuple(r for r in planned_times if r[1] > follow_up.snoozed_until)
        _sync_reminders(follow_up, interview.member_id, planned_times, now)
        if interview.paused:
            _cancel_reminders(follow_up)
        elif interview.paused_until is not None:
            _hold_snoozes(follow_up, send_time(interview.paused_until, cadence))


def add_reminder(follow_up: FollowUp, member_id: int, purpose: str, at: datetime) -> Reminder:
    """A new outbox row; its dedupe key is fixed now so every retry carries the same one."""
    reminder = Reminder(
        member_id=member_id,
        purpose=purpose,
        remind_at=at,
        attempt_at=at,
        state="scheduled",
        attempts=0,
        dedupe_key=uuid.uuid4().hex[:20],
    )
    follow_up.reminders.append(reminder)
    return reminder


def _key(follow_up: FollowUp) -> FollowUpKey:
    return (Kind(follow_up.kind), follow_up.interviewer_id, follow_up.sequence)


def _hold_snoozes(follow_up: FollowUp, wake: datetime) -> None:
    """A snooze that would end during a timed pause ends with it instead."""
    for reminder in follow_up.reminders:
        if reminder.purpose == SNOOZE and reminder.state in WAITING and reminder.remind_at < wake:
            reminder.remind_at = reminder.attempt_at = wake


def _cancel_reminders(follow_up: FollowUp) -> None:
    for reminder in follow_up.reminders:
        if reminder.state in (*WAITING, "claimed"):
            reminder.state = "cancelled"


def _sync_reminders(
    follow_up: FollowUp,
    member_id: int,
    planned: tuple[tuple[str, datetime], ...],
    now: datetime,
) -> None:
    """Move, add or cancel reminders so each planned purpose has exactly one.

    Of several planned times already in the past (an interview logged late), only the last
    is kept, so a late log produces one prompt, not a burst.
    """
    past = [item for item in planned if item[1] <= now]
    wanted = dict(past[-1:] + [item for item in planned if item[1] > now])
    existing = {r.purpose: r for r in follow_up.reminders if r.state != "cancelled"}
    for purpose, reminder in existing.items():
        if purpose not in wanted and purpose != SNOOZE and reminder.state in WAITING:
            reminder.state = "cancelled"
    for purpose, at in wanted.items():
        current = existing.get(purpose)
        if current is None:
            if purpose in {r.purpose for r in follow_up.reminders if r.state in SENT_STATES}:
                continue  # this prompt already went out (or could not): never twice
            add_reminder(follow_up, member_id, purpose, at)
        elif current.state in WAITING and current.remind_at != at:
            current.remind_at = at
            current.attempt_at = at
