"""Timing: thank-you within 24 hours, status checks after five business days, two at most."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from proof_helpers import BODY, ENDED, MONDAY, SUBJECT, about, check, with_context

from bot.drafting.proofread import proofread
from bot.i18n import speaking


@pytest.mark.parametrize("hours", [25, 24 * 4])
def test_a_thank_you_later_than_24_hours_is_a_warning_still_worth_sending(hours: int) -> None:
    ctx = with_context(now=ENDED + timedelta(hours=hours))
    (finding,) = about(proofread(SUBJECT, BODY, ctx), "later than 24 hours")
    assert finding.level == "warning"
    assert "still worth sending" in finding.problem


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"now": ENDED + timedelta(hours=23)}, id="within-a-day"),
        pytest.param({"now": None}, id="no-clock"),
        pytest.param({"interview_ended_at": None}, id="no-interview-time"),
        pytest.param(
            {"kind": "status_check", "now": ENDED + timedelta(days=9)}, id="not-a-thank-you"
        ),
    ],
)
def test_a_timely_thank_you_or_missing_times_give_no_timing_warning(
    changes: dict[str, Any],
) -> None:
    assert about(proofread(SUBJECT, BODY, with_context(**changes)), "24 hours") == []


@pytest.mark.parametrize(
    ("last", "now", "waited"),
    [
        pytest.param(MONDAY, MONDAY + timedelta(days=4), 4, id="monday-to-friday"),
        pytest.param(
            MONDAY + timedelta(days=4), MONDAY + timedelta(days=10), 4, id="weekend-not-counted"
        ),
        pytest.param(MONDAY, MONDAY + timedelta(hours=3), 0, id="same-day"),
    ],
)
def test_a_status_check_before_five_business_days_is_a_warning(
    last: datetime, now: datetime, waited: int
) -> None:
    findings = check(
        "Dear Sam,\n\nCould you share an update?",
        kind="status_check",
        last_message_at=last,
        now=now,
    )
    (finding,) = about(findings, "business day")
    assert finding.level == "warning"
    assert f"Only {waited} business day" in finding.problem


@pytest.mark.parametrize(
    ("last", "now"),
    [
        pytest.param(MONDAY, MONDAY + timedelta(days=7), id="a-week-later"),
        pytest.param(MONDAY + timedelta(days=4), MONDAY + timedelta(days=11), id="over-a-weekend"),
        pytest.param(MONDAY, None, id="no-clock"),
    ],
)
def test_a_status_check_after_five_business_days_passes(
    last: datetime, now: datetime | None
) -> None:
    findings = check(
        "Dear Sam,\n\nCould you share an update?",
        kind="status_check",
        last_message_at=last,
        now=now,
    )
    assert about(findings, "business day") == []


def test_business_days_are_counted_in_the_time_zone_of_now() -> None:
    # Thursday 16:00 UTC is Friday 01:00 in Tokyo; by Tokyo's next Thursday only four business
    # days have passed there, though five have in UTC.
    tokyo = ZoneInfo("Asia/Tokyo")
    last = datetime(2026, 3, 5, 16, 0, tzinfo=UTC)
    now = datetime(2026, 3, 12, 10, 0, tzinfo=tokyo)
    findings = check("Dear Sam,", kind="status_check", last_message_at=last, now=now)
    (finding,) = about(findings, "business day")
    assert "Only 4 business days" in finding.problem
    assert "Friday 13 March" in finding.fix


def test_the_day_to_wait_for_is_said_in_the_members_language() -> None:
    last = datetime(2026, 3, 5, 16, 0, tzinfo=UTC)
    with speaking("de"):
        findings = check("Dear Sam,", kind="status_check", last_message_at=last, now=last)
    (finding,) = about(findings, "Werktag")
    assert finding.fix.startswith("Warte damit bis Donnerstag, 12. März, ")


@pytest.mark.parametrize("sent", [2, 3])
def test_a_third_status_check_is_an_error(sent: int) -> None:
    findings = check("Dear Sam,", kind="status_check", status_checks_sent=sent)
    (finding,) = about(findings, "third nudge")
    assert finding.level == "error"
    assert "stop here" in finding.problem


@pytest.mark.parametrize(
    ("kind", "sent"), [("status_check", 0), ("status_check", 1), ("keep_in_touch", 5)]
)
def test_a_first_or_second_status_check_passes(kind: str, sent: int) -> None:
    assert about(check("Dear Sam,", kind=kind, status_checks_sent=sent), "third nudge") == []


def test_naive_datetimes_are_refused() -> None:
    naive = datetime(2026, 3, 4, 15, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        proofread(SUBJECT, BODY, with_context(interview_ended_at=naive))


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"now": ENDED + timedelta(days=3)}, id="late-thank-you"),
        pytest.param(
            {"kind": "status_check", "last_message_at": MONDAY, "now": MONDAY + timedelta(days=1)},
            id="early-status-check",
        ),
        pytest.param({"kind": "status_check", "status_checks_sent": 2}, id="third-status-check"),
    ],
)
def test_a_note_already_sent_gets_no_timing_advice(changes: dict[str, Any]) -> None:
    findings = proofread(SUBJECT, BODY, with_context(sent=True, **changes))
    assert about(findings, "24 hours") == []
    assert about(findings, "business day") == []
    assert about(findings, "third nudge") == []
    assert not [f for f in findings if "Send it today" in f.fix]
    unsent = proofread(SUBJECT, BODY, with_context(**changes))
    assert [f for f in unsent if f.level in ("error", "warning")]  # the same note, unsent
