"""When follow-ups are due and when their reminders go out, in the member's own time zone.

Times handed to the policy are aware UTC, as storage hands them over; expectations are
written as local wall-clock times and compared as instants.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.policy import (
    Cadence,
    FollowUpKey,
    InterviewFacts,
    Kind,
    PlannedFollowUp,
    Status,
    add_days_local,
    plan,
    send_time,
)

NY = ZoneInfo("America/New_York")
AUCKLAND = ZoneInfo("Pacific/Auckland")
BERLIN = ZoneInfo("Europe/Berlin")
KOLKATA = ZoneInfo("Asia/Kolkata")

NY_CADENCE = Cadence(tz=NY)  # 1 h delay, 7 days, quiet 21:00-08:00, weekdays only


def ny(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A New York wall-clock time as an aware UTC instant."""
    return datetime(year, month, day, hour, minute, tzinfo=NY).astimezone(UTC)


def akl(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """An Auckland wall-clock time as an aware UTC instant."""
    return datetime(year, month, day, hour, minute, tzinfo=AUCKLAND).astimezone(UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def facts(
    ends_at: datetime,
    status: Status = Status.WAITING,
    interviewer_keys: tuple[int, ...] = (3, 7),
    **extra: object,
) -> InterviewFacts:
    return InterviewFacts(ends_at, status, interviewer_keys, **extra)  # type: ignore[arg-type]


def by_kind(planned: list[PlannedFollowUp], kind: Kind) -> list[PlannedFollowUp]:
    return [p for p in planned if p.kind is kind]


def only(planned: list[PlannedFollowUp], kind: Kind) -> PlannedFollowUp:
    found = by_kind(planned, kind)
    assert len(found) == 1, f"expected one {kind}, got {found}"
    return found[0]


def kinds(planned: list[PlannedFollowUp]) -> set[Kind]:
    return {p.kind for p in planned}


def status_checks_done(*at: datetime) -> dict[FollowUpKey, datetime]:
    return {(Kind.STATUS_CHECK, None, n): when for n, when in enumerate(at, start=1)}


# --- Thank-yous -------------------------------------------------------------------------


def test_thank_you_is_planned_once_per_interviewer() -> None:
    planned = by_kind(
        plan(facts(ny(2026, 5, 12, 14), interviewer_keys=(3, 7)), {}, NY_CADENCE), Kind.THANK_YOU
    )
    assert [p.key for p in planned] == [(Kind.THANK_YOU, 3, 1), (Kind.THANK_YOU, 7, 1)]


def test_thank_you_without_interviewers_is_a_single_one_with_no_key() -> None:
    planned = by_kind(
        plan(facts(ny(2026, 5, 12, 14), interviewer_keys=()), {}, NY_CADENCE), Kind.THANK_YOU
    )
    assert [p.key for p in planned] == [(Kind.THANK_YOU, None, 1)]


def test_thank_you_is_due_24_hours_after_the_interview_ends() -> None:
    ends = ny(2026, 5, 12, 14)
    for p in by_kind(plan(facts(ends), {}, NY_CADENCE), Kind.THANK_YOU):
        assert p.due_at == ends + timedelta(hours=24)
        assert p.deadline_at == ends + timedelta(hours=24)


@pytest.mark.parametrize(
    ("ends", "delay_hours", "first", "last_call"),
    [
        pytest.param(
            ny(2026, 5, 12, 14), 1, ny(2026, 5, 12, 15), ny(2026, 5, 13, 10), id="tue-afternoon"
        ),
        pytest.param(
            ny(2026, 5, 14, 16), 3, ny(2026, 5, 14, 19), ny(2026, 5, 15, 12), id="custom-delay"
        ),
        pytest.param(
            ny(2026, 5, 12, 20, 30),
            1,
            ny(2026, 5, 13, 8),  # 21:30 is quiet: Wednesday 08:00
            ny(2026, 5, 13, 16, 30),
            id="first-pushed-out-of-quiet-hours",
        ),
        pytest.param(
            ny(2026, 5, 12, 1, 30),
            1,
            ny(2026, 5, 12, 8),  # 02:30 is quiet: same morning 08:00
            None,  # 21:30 is quiet -> Wed 08:00, after the Wed 01:30 deadline
            id="last-call-pushed-past-deadline",
        ),
        pytest.param(
            ny(2026, 5, 15, 10),
            1,
            ny(2026, 5, 15, 11),
            None,  # Sat 06:00 -> Mon 08:00, after the Sat 10:00 deadline
            id="last-call-on-weekend",
        ),
        pytest.param(
            ny(2026, 5, 15, 20, 30),
            1,
            ny(2026, 5, 16, 8),  # Fri 21:30 quiet; Monday would miss the Sat 20:30 deadline
            ny(2026, 5, 16, 16, 30),  # so the weekend is allowed for this thank-you
            id="friday-night",
        ),
    ],
)
def test_thank_you_reminders_respect_quiet_hours_and_weekends(
    ends: datetime, delay_hours: int, first: datetime, last_call: datetime | None
) -> None:
    cadence = Cadence(tz=NY, thank_you_delay=timedelta(hours=delay_hours))
    expected = (
        (("first", first),) if last_call is None else (("first", first), ("last_call", last_call))
    )
    for p in by_kind(plan(facts(ends), {}, cadence), Kind.THANK_YOU):
        assert p.reminders == expected


def test_thank_you_last_call_is_four_hours_before_the_deadline_when_unadjusted() -> None:
    ends = ny(2026, 5, 12, 14)
    p = by_kind(plan(facts(ends), {}, NY_CADENCE), Kind.THANK_YOU)[0]
    assert dict(p.reminders)["last_call"] == ends + timedelta(hours=20)


# --- send_time --------------------------------------------------------------------------

DEFAULT_QUIET = (time(21), time(8))
LUNCH_QUIET = (time(12), time(13))
NO_QUIET = (time(9), time(9))


@pytest.mark.parametrize(
    ("quiet", "weekdays_only", "at", "expected"),
    [
        # Quiet hours 21:00-08:00 wrap midnight (Tue 12 May 2026, EDT).
        pytest.param(
            DEFAULT_QUIET,
            True,
            ny(2026, 5, 12, 20, 59),
            ny(2026, 5, 12, 20, 59),
            id="just-before-quiet",
        ),
        pytest.param(
            DEFAULT_QUIET, True, ny(2026, 5, 12, 21), ny(2026, 5, 13, 8), id="quiet-start-is-quiet"
        ),
        pytest.param(
            DEFAULT_QUIET, True, ny(2026, 5, 12, 23, 30), ny(2026, 5, 13, 8), id="late-evening"
        ),
        pytest.param(
            DEFAULT_QUIET, True, ny(2026, 5, 13, 0, 15), ny(2026, 5, 13, 8), id="after-midnight"
        ),
        pytest.param(
            DEFAULT_QUIET, True, ny(2026, 5, 13, 7, 59), ny(2026, 5, 13, 8), id="just-before-end"
        ),
        pytest.param(
            DEFAULT_QUIET, True, ny(2026, 5, 13, 8), ny(2026, 5, 13, 8), id="quiet-end-is-not-quiet"
        ),
        pytest.param(DEFAULT_QUIET, True, ny(2026, 5, 13, 14), ny(2026, 5, 13, 14), id="afternoon"),
        # Quiet hours that do not wrap.
        pytest.param(
            LUNCH_QUIET, False, ny(2026, 5, 12, 11, 59), ny(2026, 5, 12, 11, 59), id="lunch-before"
        ),
        pytest.param(
            LUNCH_QUIET, False, ny(2026, 5, 12, 12), ny(2026, 5, 12, 13), id="lunch-start"
        ),
        pytest.param(
            LUNCH_QUIET, False, ny(2026, 5, 12, 12, 45), ny(2026, 5, 12, 13), id="lunch-middle"
        ),
        pytest.param(LUNCH_QUIET, False, ny(2026, 5, 12, 13), ny(2026, 5, 12, 13), id="lunch-end"),
        pytest.param(
            LUNCH_QUIET,
            False,
            ny(2026, 5, 12, 23),
            ny(2026, 5, 12, 23),
            id="lunch-no-wrap-at-night",
        ),
        pytest.param(
            LUNCH_QUIET, False, ny(2026, 5, 12, 3), ny(2026, 5, 12, 3), id="lunch-no-wrap-early"
        ),
        # quiet_start == quiet_end: no quiet hours at all.
        pytest.param(NO_QUIET, False, ny(2026, 5, 12, 3), ny(2026, 5, 12, 3), id="none-early"),
        pytest.param(
            NO_QUIET, False, ny(2026, 5, 12, 9), ny(2026, 5, 12, 9), id="none-at-boundary"
        ),
        pytest.param(NO_QUIET, False, ny(2026, 5, 12, 22), ny(2026, 5, 12, 22), id="none-late"),
        # Weekends (Sat 16 / Sun 17 May 2026) go to Monday 08:00 local.
        pytest.param(DEFAULT_QUIET, True, ny(2026, 5, 16, 10), ny(2026, 5, 18, 8), id="saturday"),
        pytest.param(DEFAULT_QUIET, True, ny(2026, 5, 17, 15), ny(2026, 5, 18, 8), id="sunday"),
        pytest.param(
            DEFAULT_QUIET, True, ny(2026, 5, 17, 23), ny(2026, 5, 18, 8), id="sunday-night"
        ),
        pytest.param(
            DEFAULT_QUIET, True, ny(2026, 5, 15, 21, 30), ny(2026, 5, 18, 8), id="friday-night"
        ),
        pytest.param(
            DEFAULT_QUIET, True, ny(2026, 5, 18, 3), ny(2026, 5, 18, 8), id="monday-early"
        ),
        # weekdays_only False keeps weekend times (quiet hours still apply).
        pytest.param(
            DEFAULT_QUIET, False, ny(2026, 5, 16, 10), ny(2026, 5, 16, 10), id="saturday-kept"
        ),
        pytest.param(
            DEFAULT_QUIET, False, ny(2026, 5, 17, 15), ny(2026, 5, 17, 15), id="sunday-kept"
        ),
        pytest.param(
            DEFAULT_QUIET, False, ny(2026, 5, 15, 22), ny(2026, 5, 16, 8), id="to-saturday-morning"
        ),
    ],
)
def test_send_time_moves_reminders_out_of_quiet_hours_and_weekends(
    quiet: tuple[time, time], weekdays_only: bool, at: datetime, expected: datetime
) -> None:
    cadence = Cadence(tz=NY, quiet_start=quiet[0], quiet_end=quiet[1], weekdays_only=weekdays_only)
    result = send_time(at, cadence)
    assert result == expected
    assert result.tzinfo is UTC


def test_send_time_accepts_any_aware_input_and_returns_utc() -> None:
    at = datetime(2026, 5, 12, 23, 30, tzinfo=BERLIN)  # 17:30 in New York
    result = send_time(at, NY_CADENCE)
    assert result == at
    assert result.tzinfo is UTC


# --- Time zones and daylight saving -----------------------------------------------------


@pytest.mark.parametrize(
    ("ends", "due_utc"),
    [
        pytest.param(ny(2026, 2, 23, 15), utc(2026, 3, 2, 14), id="before-march-change-est"),
        pytest.param(ny(2026, 3, 2, 15), utc(2026, 3, 9, 13), id="across-march-change"),
        pytest.param(ny(2026, 10, 27, 14), utc(2026, 11, 3, 14), id="across-november-change"),
        pytest.param(ny(2026, 10, 19, 14), utc(2026, 10, 26, 13), id="before-november-change-edt"),
    ],
)
def test_status_check_stays_at_nine_local_across_dst_changes(
    ends: datetime, due_utc: datetime
) -> None:
    check = only(plan(facts(ends), {}, NY_CADENCE), Kind.STATUS_CHECK)
    assert check.due_at == due_utc
    assert check.due_at.astimezone(NY).time() == time(9)


@pytest.mark.parametrize(
    ("at", "days", "expected"),
    [
        pytest.param(ny(2026, 3, 7, 9), 1, ny(2026, 3, 8, 9), id="spring-forward-day"),
        pytest.param(ny(2026, 3, 7, 23, 30), 1, ny(2026, 3, 8, 9), id="late-evening-local-date"),
        pytest.param(ny(2026, 10, 31, 9), 1, ny(2026, 11, 1, 9), id="fall-back-day"),
        pytest.param(ny(2026, 10, 25, 18), 14, ny(2026, 11, 8, 9), id="two-weeks-across-fall-back"),
        pytest.param(ny(2026, 5, 12, 15), 0, ny(2026, 5, 12, 9), id="zero-days-same-morning"),
    ],
)
def test_add_days_local_counts_calendar_days_in_the_members_zone(
    at: datetime, days: int, expected: datetime
) -> None:
    result = add_days_local(at, days, NY_CADENCE)
    assert result == expected
    assert result.astimezone(NY).time() == time(9)


def test_add_days_local_differs_from_adding_24_hours_in_utc_across_spring_forward() -> None:
    """FIELD-NOTES: +24 h in UTC lands on 10:00; calendar days keep 09:00."""
    start = ny(2026, 3, 7, 9)
    assert (start + timedelta(hours=24)).astimezone(NY).time() == time(10)
    assert add_days_local(start, 1, NY_CADENCE).astimezone(NY).time() == time(9)


def test_auckland_weekend_is_judged_in_local_time_at_utc_plus_13() -> None:
    """Friday 20:00 UTC is Saturday 09:00 in Auckland (NZDT): pushed to Monday 08:00 there."""
    cadence = Cadence(tz=AUCKLAND)
    at = utc(2026, 11, 20, 20)
    assert at.astimezone(AUCKLAND).utcoffset() == timedelta(hours=13)
    result = send_time(at, cadence)
    assert result == akl(2026, 11, 23, 8)
    assert result == utc(2026, 11, 22, 19)


def test_auckland_thank_you_and_status_check_use_auckland_wall_clock() -> None:
    cadence = Cadence(tz=AUCKLAND)
    ends = akl(2026, 11, 17, 17)  # Tuesday 17:00 NZDT = 04:00 UTC
    planned = plan(facts(ends, interviewer_keys=(1,)), {}, cadence)
    thank_you = only(planned, Kind.THANK_YOU)
    assert thank_you.reminders == (
        ("first", utc(2026, 11, 17, 5)),
        ("last_call", akl(2026, 11, 18, 13)),
    )
    check = only(planned, Kind.STATUS_CHECK)
    assert check.due_at == akl(2026, 11, 24, 9)
    assert check.due_at == utc(2026, 11, 23, 20)


def test_quiet_end_in_a_nonexistent_local_time_lands_after_the_gap() -> None:
    """New York 2026-03-08 02:30 does not exist: quiet hours ending then end at 03:30 EDT."""
    cadence = Cadence(tz=NY, quiet_start=time(22), quiet_end=time(2, 30), weekdays_only=False)
    at = ny(2026, 3, 8, 1)  # 01:00 EST = 06:00 UTC, inside quiet hours
    result = send_time(at, cadence)
    assert result == utc(2026, 3, 8, 7, 30)
    assert result.astimezone(NY).time() == time(3, 30)
    assert result > at


def test_send_time_never_moves_a_reminder_earlier_in_a_repeated_hour() -> None:
    """01:10 EST (second 01:xx, 06:10 UTC) in quiet hours ending 01:30 must not go to 01:30 EDT."""
    cadence = Cadence(tz=NY, quiet_start=time(22), quiet_end=time(1, 30), weekdays_only=False)
    at = datetime(2026, 11, 1, 1, 10, tzinfo=NY, fold=1).astimezone(UTC)
    assert at == utc(2026, 11, 1, 6, 10)
    assert send_time(at, cadence) >= at


# --- Status checks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ends", "days", "expected"),
    [
        pytest.param(ny(2026, 5, 12, 15), 7, ny(2026, 5, 19, 9), id="a-week"),
        pytest.param(ny(2026, 5, 12, 15), 10, ny(2026, 5, 22, 9), id="ten-days"),
        pytest.param(ny(2026, 5, 12, 22, 30), 7, ny(2026, 5, 19, 9), id="local-date-not-utc-date"),
    ],
)
def test_status_check_without_decision_date_is_days_after_the_interview_at_nine(
    ends: datetime, days: int, expected: datetime
) -> None:
    cadence = Cadence(tz=NY, status_check_days=days)
    check = only(plan(facts(ends), {}, cadence), Kind.STATUS_CHECK)
    assert check.key == (Kind.STATUS_CHECK, None, 1)
    assert check.due_at == expected
    assert check.deadline_at is None
    assert check.reminders == (("due", expected),)


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        pytest.param(date(2026, 5, 13), ny(2026, 5, 15, 9), id="wednesday-to-friday"),
        pytest.param(date(2026, 5, 14), ny(2026, 5, 18, 9), id="thursday-to-monday"),
        pytest.param(date(2026, 5, 15), ny(2026, 5, 19, 9), id="friday-to-tuesday"),
        pytest.param(date(2026, 5, 16), ny(2026, 5, 19, 9), id="saturday-to-tuesday"),
    ],
)
def test_status_check_with_decision_date_is_two_business_days_after_it(
    decision: date, expected: datetime
) -> None:
    ends = ny(2026, 5, 11, 15)
    check = only(
        plan(facts(ends, decision_expected_on=decision), {}, NY_CADENCE), Kind.STATUS_CHECK
    )
    assert check.due_at == expected
    assert check.reminders == (("due", expected),)


@pytest.mark.parametrize("status", [Status.SCHEDULED, Status.HELD, Status.WAITING])
def test_waiting_statuses_plan_thank_yous_and_one_status_check(status: Status) -> None:
    planned = plan(facts(ny(2026, 5, 12, 15), status), {}, NY_CADENCE)
    assert [p.kind for p in planned] == [Kind.THANK_YOU, Kind.THANK_YOU, Kind.STATUS_CHECK]


def test_an_informational_chat_plans_a_keep_in_touch_note_instead_of_status_checks() -> None:
    planned = plan(facts(ny(2026, 5, 12, 15), informational=True), {}, NY_CADENCE)
    assert kinds(planned) == {Kind.THANK_YOU, Kind.KEEP_IN_TOUCH}
    note = only(planned, Kind.KEEP_IN_TOUCH)
    assert note.due_at == ny(2026, 8, 10, 9)  # 90 days later, at nine


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        pytest.param(date(2026, 5, 29), ny(2026, 6, 2, 9), id="later-date-given-in-the-reply"),
        pytest.param(date(2026, 5, 18), ny(2026, 5, 27, 9), id="date-before-the-reply"),
        pytest.param(date(2026, 5, 20), ny(2026, 5, 27, 9), id="date-of-the-reply-itself"),
    ],
)
def test_a_reply_with_a_later_decision_date_waits_for_it(
    decision: date, expected: datetime
) -> None:
    """ "Still deciding, by the 29th": two business days after it, not a week after the reply."""
    replied = ny(2026, 5, 20, 11)
    check = only(
        plan(
            facts(ny(2026, 5, 12, 15), decision_expected_on=decision, last_contact_at=replied),
            {},
            NY_CADENCE,
        ),
        Kind.STATUS_CHECK,
    )
    assert check.due_at == expected


@pytest.mark.parametrize("status", list(Status))
def test_an_interview_they_asked_not_to_be_contacted_about_plans_nothing(status: Status) -> None:
    ends = ny(2026, 5, 12, 15)
    extra = {"last_contact_at": ny(2026, 5, 13, 10), "promised": True}
    assert plan(facts(ends, status, **extra), {}, NY_CADENCE) or status in {
        Status.WITHDRAWN,
        Status.CLOSED,
        Status.CANCELLED,
    }
    assert plan(facts(ends, status, no_contact=True, **extra), {}, NY_CADENCE) == []


def test_a_second_request_for_material_is_a_follow_up_of_its_own() -> None:
    ends = ny(2026, 5, 12, 15)
    due = ny(2026, 5, 22, 17)
    first_sent = {(Kind.PROMISED_MATERIAL, None, 1): ny(2026, 5, 13, 10)}
    again = facts(ends, promised=True, promised_due_at=due, promised_round=2)
    material = only(plan(again, first_sent, NY_CADENCE), Kind.PROMISED_MATERIAL)
    assert material.key == (Kind.PROMISED_MATERIAL, None, 2)
    assert material.due_at == due
    same = facts(ends, promised=True, promised_due_at=due)
    assert by_kind(plan(same, first_sent, NY_CADENCE), Kind.PROMISED_MATERIAL) == []


def test_second_status_check_is_seven_days_after_the_first_was_sent() -> None:
    done = status_checks_done(ny(2026, 5, 19, 14))
    check = only(plan(facts(ny(2026, 5, 12, 15)), done, NY_CADENCE), Kind.STATUS_CHECK)
    assert check.key == (Kind.STATUS_CHECK, None, 2)
    assert check.due_at == ny(2026, 5, 26, 9)


def test_second_status_check_ignores_the_decision_date_once_one_was_sent() -> None:
    done = status_checks_done(ny(2026, 5, 19, 14))
    check = only(
        plan(facts(ny(2026, 5, 12, 15), decision_expected_on=date(2026, 5, 15)), done, NY_CADENCE),
        Kind.STATUS_CHECK,
    )
    assert check.due_at == ny(2026, 5, 26, 9)


@pytest.mark.parametrize(
    "finished_at",
    [
        pytest.param(ny(2026, 10, 31, 0, 30), id="across-fall-back"),
        pytest.param(ny(2026, 3, 7, 23, 30), id="across-spring-forward"),
    ],
)
def test_second_status_check_is_seven_calendar_days_later_across_dst(finished_at: datetime) -> None:
    done = status_checks_done(finished_at)
    check = only(plan(facts(finished_at - timedelta(days=7)), done, NY_CADENCE), Kind.STATUS_CHECK)
    local_day = finished_at.astimezone(NY).date() + timedelta(days=7)
    assert check.due_at.astimezone(NY).date() == local_day
    assert check.due_at.astimezone(NY).time() == time(9)


def test_no_third_status_check_after_two_unanswered() -> None:
    done = status_checks_done(ny(2026, 5, 19, 14), ny(2026, 5, 26, 10))
    planned = plan(facts(ny(2026, 5, 12, 15)), done, NY_CADENCE)
    assert by_kind(planned, Kind.STATUS_CHECK) == []
    assert len(by_kind(planned, Kind.THANK_YOU)) == 2


def test_a_reply_after_two_status_checks_resets_the_count() -> None:
    """They replied on 28 May: the next check is status_check_days after the reply."""
    done = status_checks_done(ny(2026, 5, 19, 14), ny(2026, 5, 26, 10))
    reply = ny(2026, 5, 28, 10)
    check = only(
        plan(facts(ny(2026, 5, 12, 15), last_contact_at=reply), done, NY_CADENCE), Kind.STATUS_CHECK
    )
    assert check.key == (Kind.STATUS_CHECK, None, 3)
    assert check.due_at == ny(2026, 6, 4, 9)


def test_only_status_checks_after_the_last_reply_count_towards_the_limit() -> None:
    done = status_checks_done(ny(2026, 5, 19, 14), ny(2026, 5, 29, 10))
    reply = ny(2026, 5, 21, 10)  # between the two
    check = only(
        plan(facts(ny(2026, 5, 12, 15), last_contact_at=reply), done, NY_CADENCE), Kind.STATUS_CHECK
    )
    assert check.key == (Kind.STATUS_CHECK, None, 3)
    assert check.due_at == ny(2026, 6, 5, 9)


def test_an_earlier_contact_does_not_reset_the_count() -> None:
    done = status_checks_done(ny(2026, 5, 19, 14), ny(2026, 5, 26, 10))
    earlier = ny(2026, 5, 13, 10)
    planned = plan(facts(ny(2026, 5, 12, 15), last_contact_at=earlier), done, NY_CADENCE)
    assert by_kind(planned, Kind.STATUS_CHECK) == []


# --- Outcomes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rejected_at", "reply_at"),
    [
        pytest.param(ny(2026, 5, 14, 22), ny(2026, 5, 15, 9), id="thursday-night-local-to-friday"),
        pytest.param(ny(2026, 5, 15, 16), ny(2026, 5, 18, 9), id="friday-to-monday"),
        pytest.param(ny(2026, 5, 16, 11), ny(2026, 5, 18, 9), id="saturday-to-monday"),
        pytest.param(ny(2026, 5, 17, 20), ny(2026, 5, 18, 9), id="sunday-to-monday"),
        pytest.param(ny(2026, 5, 18, 11), ny(2026, 5, 19, 9), id="monday-to-tuesday"),
    ],
)
def test_rejection_reply_is_the_next_working_morning_at_nine(
    rejected_at: datetime, reply_at: datetime
) -> None:
    planned = plan(
        facts(ny(2026, 5, 11, 15), Status.REJECTED, last_contact_at=rejected_at), {}, NY_CADENCE
    )
    reply = only(planned, Kind.REJECTION_REPLY)
    assert reply.due_at == reply_at
    assert reply.reminders == (("due", reply_at),)


def test_rejection_plans_reply_and_keep_in_touch_but_no_thank_you_or_status_check() -> None:
    rejected_at = ny(2026, 5, 15, 16)  # Friday
    planned = plan(
        facts(ny(2026, 5, 11, 15), Status.REJECTED, last_contact_at=rejected_at), {}, NY_CADENCE
    )
    assert [p.kind for p in planned] == [Kind.REJECTION_REPLY, Kind.KEEP_IN_TOUCH]
    keep = only(planned, Kind.KEEP_IN_TOUCH)
    assert keep.due_at == ny(2026, 8, 13, 9)  # 90 days after 15 May, 09:00 local
    assert keep.reminders == (("due", ny(2026, 8, 13, 9)),)


def test_keep_in_touch_is_ninety_calendar_days_later_across_dst() -> None:
    rejected_at = ny(2026, 1, 15, 23, 30)
    planned = plan(
        facts(ny(2026, 1, 12, 15), Status.REJECTED, last_contact_at=rejected_at), {}, NY_CADENCE
    )
    assert only(planned, Kind.KEEP_IN_TOUCH).due_at == ny(2026, 4, 15, 9)


def test_offer_plans_only_an_offer_reply_at_the_contact_time() -> None:
    offered_at = ny(2026, 5, 13, 11)
    planned = plan(
        facts(ny(2026, 5, 11, 15), Status.OFFER, last_contact_at=offered_at), {}, NY_CADENCE
    )
    assert [p.key for p in planned] == [(Kind.OFFER_REPLY, None, 1)]
    assert planned[0].due_at == offered_at


@pytest.mark.parametrize("status", [Status.OFFER, Status.WITHDRAWN, Status.CLOSED])
@pytest.mark.parametrize("contact", [None, ny(2026, 5, 13, 11)])
def test_offer_withdrawn_and_closed_plan_no_thank_you_or_status_check(
    status: Status, contact: datetime | None
) -> None:
    planned = plan(facts(ny(2026, 5, 11, 15), status, last_contact_at=contact), {}, NY_CADENCE)
    assert kinds(planned).isdisjoint({Kind.THANK_YOU, Kind.STATUS_CHECK})
    if status is not Status.OFFER:
        assert planned == []


def test_next_round_plans_thanks_for_the_invite_and_thank_yous_but_no_status_check() -> None:
    invited_at = ny(2026, 5, 13, 11)
    planned = plan(
        facts(ny(2026, 5, 12, 15), Status.NEXT_ROUND, last_contact_at=invited_at), {}, NY_CADENCE
    )
    assert [p.kind for p in planned] == [Kind.THANK_YOU, Kind.THANK_YOU, Kind.NEXT_ROUND_THANKS]
    thanks = only(planned, Kind.NEXT_ROUND_THANKS)
    assert thanks.due_at == invited_at
    assert thanks.reminders == (("due", invited_at),)


@pytest.mark.parametrize(
    ("status", "finished_key", "remaining"),
    [
        pytest.param(
            Status.WAITING,
            (Kind.THANK_YOU, 3, 1),
            [(Kind.THANK_YOU, 7, 1), (Kind.STATUS_CHECK, None, 1)],
            id="one-thank-you",
        ),
        pytest.param(
            Status.NEXT_ROUND,
            (Kind.NEXT_ROUND_THANKS, None, 1),
            [(Kind.THANK_YOU, 3, 1), (Kind.THANK_YOU, 7, 1)],
            id="next-round-thanks",
        ),
        pytest.param(
            Status.REJECTED,
            (Kind.REJECTION_REPLY, None, 1),
            [(Kind.KEEP_IN_TOUCH, None, 1)],
            id="rejection-reply",
        ),
        pytest.param(Status.OFFER, (Kind.OFFER_REPLY, None, 1), [], id="offer-reply"),
    ],
)
def test_finished_follow_ups_are_never_planned_again(
    status: Status, finished_key: FollowUpKey, remaining: list[FollowUpKey]
) -> None:
    contact = ny(2026, 5, 13, 11) if status is not Status.WAITING else None
    planned = plan(
        facts(ny(2026, 5, 12, 15), status, last_contact_at=contact),
        {finished_key: ny(2026, 5, 13, 12)},
        NY_CADENCE,
    )
    assert [p.key for p in planned] == remaining


@pytest.mark.parametrize(
    ("status", "contact"),
    [
        (Status.WAITING, None),
        (Status.REJECTED, ny(2026, 5, 15, 16)),
        (Status.NEXT_ROUND, ny(2026, 5, 13, 11)),
    ],
)
def test_paused_interviews_keep_their_follow_ups_but_send_no_reminders(
    status: Status, contact: datetime | None
) -> None:
    base = facts(ny(2026, 5, 12, 15), status, last_contact_at=contact)
    paused = facts(ny(2026, 5, 12, 15), status, last_contact_at=contact, paused=True)
    active_plan = plan(base, {}, NY_CADENCE)
    paused_plan = plan(paused, {}, NY_CADENCE)
    assert paused_plan
    assert all(p.reminders == () for p in paused_plan)
    assert [(p.key, p.due_at, p.deadline_at) for p in paused_plan] == [
        (p.key, p.due_at, p.deadline_at) for p in active_plan
    ]


def test_a_timed_pause_brings_what_came_due_once_when_it_ends_and_keeps_later_ones() -> None:
    ends = ny(2026, 5, 12, 15)  # a Tuesday: thank-yous Tue 16:00, last call Wed
    active = by_kind(plan(facts(ends), {}, NY_CADENCE), Kind.THANK_YOU)[0]
    assert len(active.reminders) == 2
    wake = ny(2026, 5, 14, 10)  # Thursday: after both
    held = by_kind(plan(facts(ends, paused_until=wake), {}, NY_CADENCE), Kind.THANK_YOU)[0]
    assert held.reminders == ((active.reminders[-1][0], wake),)
    early = active.reminders[0][1] + timedelta(minutes=30)  # between the two
    between = by_kind(plan(facts(ends, paused_until=early), {}, NY_CADENCE), Kind.THANK_YOU)
    assert between[0].reminders == ((active.reminders[0][0], early), active.reminders[1])
    (check,) = by_kind(plan(facts(ends, paused_until=wake), {}, NY_CADENCE), Kind.STATUS_CHECK)
    (before,) = by_kind(plan(facts(ends), {}, NY_CADENCE), Kind.STATUS_CHECK)
    assert check.reminders == before.reminders  # due after the pause: untouched


def test_a_timed_pause_ending_at_night_wakes_at_the_end_of_quiet_hours() -> None:
    ends = ny(2026, 5, 12, 15)
    night = ny(2026, 5, 13, 23)
    (held, *_) = by_kind(plan(facts(ends, paused_until=night), {}, NY_CADENCE), Kind.THANK_YOU)
    assert [at for _, at in held.reminders] == [ny(2026, 5, 14, 8)]


# --- Property: reminders never land in quiet hours or on weekends ------------------------

ZONES = [NY, AUCKLAND, BERLIN, KOLKATA, ZoneInfo("UTC")]


def quiet(wall: time, start: time, end: time) -> bool:
    """Independent check: minutes since quiet start fall inside the quiet span (mod a day)."""

    def secs(t: time) -> int:
        return t.hour * 3600 + t.minute * 60 + t.second

    span = (secs(end) - secs(start)) % 86400
    return (secs(wall) - secs(start)) % 86400 < span


quarter_hours = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))

cadences = st.builds(
    Cadence,
    tz=st.sampled_from(ZONES),
    thank_you_delay=st.integers(0, 36 * 60).map(lambda m: timedelta(minutes=m)),
    status_check_days=st.integers(1, 14),
    quiet_start=quarter_hours,
    quiet_end=quarter_hours,
    weekdays_only=st.booleans(),
)


@st.composite
def interviews(draw: st.DrawFn) -> InterviewFacts:
    ends = draw(
        st.datetimes(
            min_value=datetime(2026, 1, 1),
            max_value=datetime(2027, 12, 31, 23, 59),
            timezones=st.just(UTC),
        )
    )
    contact_hours = draw(st.none() | st.integers(0, 24 * 30))
    return InterviewFacts(
        ends_at=ends,
        status=draw(st.sampled_from(list(Status))),
        interviewer_keys=tuple(draw(st.lists(st.integers(1, 50), max_size=3, unique=True))),
        decision_expected_on=draw(st.none() | st.just(ends.date() + timedelta(days=5))),
        last_contact_at=None if contact_hours is None else ends + timedelta(hours=contact_hours),
    )


@settings(max_examples=200, deadline=None)
@given(cadence=cadences, interview=interviews())
def test_every_reminder_is_aware_ordered_and_outside_quiet_hours_and_weekends(
    cadence: Cadence, interview: InterviewFacts
) -> None:
    for p in plan(interview, {}, cadence):
        for _, at in p.reminders:
            assert at.tzinfo is not None
            assert at.utcoffset() is not None
            local = at.astimezone(cadence.tz)
            assert not quiet(local.time(), cadence.quiet_start, cadence.quiet_end), (p.kind, local)
            if cadence.weekdays_only and local.weekday() >= 5:
                # only a thank-you may use a weekend, and only when Monday would be late
                assert p.kind is Kind.THANK_YOU, (p.kind, local)
                assert p.deadline_at is not None
                assert send_time(at, cadence) > p.deadline_at
        reminders = dict(p.reminders)
        if "first" in reminders and "last_call" in reminders:
            assert reminders["first"] < reminders["last_call"]
            assert p.deadline_at is not None
            assert reminders["last_call"] < p.deadline_at
