"""Reading dates, lengths and zones the way members type them, in their own time zone."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.timeparse import (
    ParsedTime,
    format_local,
    parse_duration,
    parse_timezone,
    parse_when,
)
from bot.errors import UserError

NY = ZoneInfo("America/New_York")
AUCKLAND = ZoneInfo("Pacific/Auckland")
BERLIN = ZoneInfo("Europe/Berlin")
# Sunday 22 November 2026, 12:00 in New York (EST) and Monday 23 November, 06:00 in Auckland.
NOW = datetime(2026, 11, 22, 17, 0, tzinfo=UTC)


def ny(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=NY)


def utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def when(text: str, tz: ZoneInfo = NY, now: datetime = NOW, **options: object) -> ParsedTime:
    return parse_when(text, now=now, tz=tz, **options)  # type: ignore[arg-type]


# --- parse_when: relative dates from a fixed now ---------------------------------------


def test_tomorrow_3pm_is_next_day_at_15_local() -> None:
    parsed = when("tomorrow 3pm")
    assert parsed.at == utc(2026, 11, 23, 20, 0)
    assert parsed.at.tzinfo is UTC
    assert parsed.has_time
    assert parsed.notes == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("next friday 10:00", ny(2026, 11, 27, 10, 0)),
        ("2026-12-01 15:00", ny(2026, 12, 1, 15, 0)),
        ("3pm", ny(2026, 11, 22, 15, 0)),
        ("monday 9am", ny(2026, 11, 23, 9, 0)),
        ("today 14:30", ny(2026, 11, 22, 14, 30)),
        ("friday 3pm", ny(2026, 11, 27, 15, 0)),
        ("3pm tomorrow", ny(2026, 11, 23, 15, 0)),
        ("Dec 4 2pm", ny(2026, 12, 4, 14, 0)),
        ("in 2 days at 3pm", ny(2026, 11, 24, 15, 0)),
        ("in 3 hours", ny(2026, 11, 22, 15, 0)),
        ("now", ny(2026, 11, 22, 12, 0)),
        ("  Tomorrow   3PM ", ny(2026, 11, 23, 15, 0)),
    ],
)
def test_text_is_read_as_new_york_wall_clock(text: str, expected: datetime) -> None:
    parsed = when(text)
    assert parsed.at == expected
    assert parsed.has_time


def test_tomorrow_at_noon_typed_at_noon_still_has_a_time() -> None:
    # dateparser's period stays "day" here because noon equals now's time; parts says "time".
    parsed = when("tomorrow at noon")
    assert parsed.at == ny(2026, 11, 23, 12, 0)
    assert parsed.has_time


def test_bare_time_already_past_today_is_tomorrow() -> None:
    # dateparser with TIMEZONE set would keep today here (it compares local now with UTC).
    evening = ny(2026, 11, 22, 18, 0)
    assert when("3pm", now=evening).at == ny(2026, 11, 23, 15, 0)
    assert when("7pm", now=evening).at == ny(2026, 11, 22, 19, 0)


def test_weekday_note_says_which_date_was_read() -> None:
    assert when("next friday 10:00").notes == ("'next friday 10:00' read as Friday 27 November.",)


def test_weekday_named_on_that_weekday_means_next_week() -> None:
    friday_noon = ny(2026, 11, 27, 12, 0)
    assert when("friday 3pm", now=friday_noon).at == ny(2026, 12, 4, 15, 0)
    assert when("this friday 3pm", now=friday_noon).at == ny(2026, 11, 27, 15, 0)


def test_part_of_day_word_is_confirmed_with_its_time() -> None:
    parsed = when("tomorrow morning")
    assert parsed.at == ny(2026, 11, 23, 9, 0)
    assert parsed.notes == ("'tomorrow morning' read as 09:00.",)


# --- a member in Auckland versus one in New York at the same instant --------------------


@pytest.mark.parametrize(
    ("tz", "text", "expected_utc"),
    [
        # Auckland is already Monday 06:00 (UTC+13); New York is Sunday 12:00 (UTC-5).
        (AUCKLAND, "tomorrow 3pm", utc(2026, 11, 24, 2, 0)),
        (NY, "tomorrow 3pm", utc(2026, 11, 23, 20, 0)),
        (AUCKLAND, "3pm", utc(2026, 11, 23, 2, 0)),
        (NY, "3pm", utc(2026, 11, 22, 20, 0)),
        (AUCKLAND, "today 08:00", utc(2026, 11, 22, 19, 0)),
        (AUCKLAND, "friday 10:00", utc(2026, 11, 26, 21, 0)),
        (NY, "friday 10:00", utc(2026, 11, 27, 15, 0)),
    ],
)
def test_same_text_is_read_in_each_members_own_zone(
    tz: ZoneInfo, text: str, expected_utc: datetime
) -> None:
    assert when(text, tz=tz).at == expected_utc


def test_bare_time_later_today_in_auckland_stays_today() -> None:
    morning = datetime(2026, 11, 23, 9, 0, tzinfo=AUCKLAND)
    assert when("3pm", tz=AUCKLAND, now=morning).at == datetime(
        2026, 11, 23, 15, 0, tzinfo=AUCKLAND
    )


# --- daylight saving --------------------------------------------------------------------


def test_nonexistent_spring_forward_time_moves_forward_by_the_gap() -> None:
    parsed = when("2026-03-08 02:30", now=ny(2026, 3, 1, 12, 0))
    assert parsed.at == utc(2026, 3, 8, 7, 30)
    assert format_local(parsed.at, NY) == "Sun 8 Mar 2026, 03:30 EDT"
    assert parsed.notes == (
        "02:30 does not exist on Sunday 8 March 2026 in America/New_York, because the clocks "
        "go forward; I used 03:30 EDT instead.",
    )


def test_repeated_fall_back_time_takes_the_first_occurrence() -> None:
    parsed = when("2026-11-01 01:30", now=ny(2026, 10, 25, 12, 0))
    assert parsed.at == utc(2026, 11, 1, 5, 30)  # 01:30 EDT, not 01:30 EST (06:30 UTC)
    assert parsed.notes == (
        "01:30 happens twice on Sunday 1 November 2026 in America/New_York, because the "
        "clocks go back; I used the first one, 01:30 EDT.",
    )


def test_bare_time_during_the_repeated_hour_does_not_crash() -> None:
    # With TIMEZONE set, dateparser's pytz raises AmbiguousTimeError for this.
    first_0130 = utc(2026, 11, 1, 5, 30)
    parsed = when("1:30am", now=first_0130)
    assert parsed.at == first_0130
    assert "happens twice" in parsed.notes[0]


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        (utc(2026, 3, 8, 6, 30), "in 1 hour", utc(2026, 3, 8, 7, 30)),  # 01:30 EST -> 03:30 EDT
        (utc(2026, 11, 1, 5, 30), "in 1 hour", utc(2026, 11, 1, 6, 30)),  # 01:30 EDT -> EST
        (utc(2026, 11, 1, 5, 30), "in 90 minutes", utc(2026, 11, 1, 7, 0)),
        (utc(2026, 3, 8, 8, 0), "2 hours ago", utc(2026, 3, 8, 6, 0)),
    ],
)
def test_hours_from_now_are_elapsed_time_across_dst(
    now: datetime, text: str, expected: datetime
) -> None:
    assert when(text, now=now, prefer="past").at == expected


def test_tomorrow_across_spring_forward_keeps_the_wall_clock() -> None:
    parsed = when("tomorrow 9am", now=ny(2026, 3, 7, 12, 0))
    assert parsed.at == utc(2026, 3, 8, 13, 0)  # 09:00 EDT, 23 hours later, not 24


# --- date only ------------------------------------------------------------------------


def test_date_only_assumes_default_time_and_says_so() -> None:
    parsed = when("friday")
    assert parsed.at == ny(2026, 11, 27, 9, 0)
    assert not parsed.has_time
    assert parsed.notes == (
        "'friday' read as Friday 27 November.",
        "No time given; I assumed 09:00.",
    )


@pytest.mark.parametrize("text", ["next week", "this week", "sometime next week", "by next week"])
def test_a_week_without_a_day_is_asked_about_with_ways_to_say_it(text: str) -> None:
    with pytest.raises(UserError) as raised:
        when(text)
    said = f"{raised.value.message} {raised.value.hint}"
    assert "'next monday 10am'" in said
    assert when("next monday 10am").at > when("tomorrow").at


def test_date_only_uses_the_given_default_time() -> None:
    parsed = when("2026-12-01", default_time=time(14, 30))
    assert parsed.at == ny(2026, 12, 1, 14, 30)
    assert parsed.notes == ("No time given; I assumed 14:30.",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", ny(2026, 11, 23, 9, 0)),
        ("dec 1", ny(2026, 12, 1, 9, 0)),
        ("thursday", ny(2026, 11, 26, 9, 0)),
    ],
)
def test_relative_dates_without_time_land_on_default_time(text: str, expected: datetime) -> None:
    parsed = when(text)
    assert parsed.at == expected
    assert not parsed.has_time


@pytest.mark.parametrize(
    ("date_order", "expected", "note"),
    [
        ("MDY", ny(2026, 12, 1, 9, 0), "'12/01' read as Tuesday 1 December (month first)."),
        ("DMY", ny(2027, 1, 12, 9, 0), "'12/01' read as Tuesday 12 January 2027 (day first)."),
    ],
)
def test_numeric_date_follows_date_order_and_says_which(
    date_order: str, expected: datetime, note: str
) -> None:
    parsed = when("12/01", date_order=date_order)
    assert parsed.at == expected
    assert parsed.notes[0] == note


# --- past and future --------------------------------------------------------------------


def test_past_time_is_kept_with_a_note_and_a_suggestion() -> None:
    parsed = when("today 10:00")
    assert parsed.at == ny(2026, 11, 22, 10, 0)
    assert parsed.notes == (
        "That is in the past (Sun 22 Nov 2026, 10:00 EST). If you meant Monday 23 November,"
        " write '2026-11-23 10:00'.",
    )


@pytest.mark.parametrize("text", ["yesterday 2pm", "2 hours ago", "last friday 10am"])
def test_explicitly_past_words_get_no_past_note(text: str) -> None:
    parsed = when(text)
    assert parsed.at < ny(2026, 11, 22, 12, 0)
    assert not any("in the past" in note for note in parsed.notes)


def test_past_year_suggests_the_same_day_ahead() -> None:
    parsed = when("2025-12-01 10:00")
    assert parsed.at == ny(2025, 12, 1, 10, 0)
    assert parsed.notes[-1].endswith("write '2026-12-01 10:00'.")


def test_today_without_time_after_default_time_suggests_a_time() -> None:
    parsed = when("today")
    assert parsed.at == ny(2026, 11, 22, 9, 0)
    assert parsed.notes[-1] == (
        "That is in the past (Sun 22 Nov 2026, 09:00 EST). If you meant later today, "
        "write 'today 14:00'."
    )


def test_a_few_minutes_ago_is_not_called_past() -> None:
    assert when("today 11:58").notes == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("friday", ny(2026, 11, 20, 9, 0)),
        ("monday 9am", ny(2026, 11, 16, 9, 0)),
        ("3pm", ny(2026, 11, 21, 15, 0)),
        ("yesterday 2pm", ny(2026, 11, 21, 14, 0)),
    ],
)
def test_prefer_past_reads_ambiguous_text_backwards(text: str, expected: datetime) -> None:
    parsed = when(text, prefer="past")
    assert parsed.at == expected
    assert not any("past" in note or "future" in note for note in parsed.notes)


def test_prefer_past_notes_a_future_time() -> None:
    assert when("tomorrow 3pm", prefer="past").notes == (
        "That is in the future (Mon 23 Nov 2026, 15:00 EST).",
    )


# --- explicit offsets and zones -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01T15:00:00-05:00", utc(2026, 12, 1, 20, 0)),
        ("2026-12-01T15:00:00Z", utc(2026, 12, 1, 15, 0)),
        ("2026-12-01T15:00:00+14:00", utc(2026, 12, 1, 1, 0)),
    ],
)
def test_iso_with_offset_keeps_its_instant_whatever_the_member_zone(
    text: str, expected: datetime
) -> None:
    parsed = when(text, tz=BERLIN)
    assert parsed.at == expected
    assert parsed.notes[0].startswith("You gave a time zone, so I used it: that is ")


def test_iso_offset_note_shows_the_members_local_time() -> None:
    parsed = when("2026-12-01T15:00:00-05:00", tz=BERLIN)
    assert parsed.notes == (
        "You gave a time zone, so I used it: that is Tue 1 Dec 2026, 21:00 CET.",
    )


def test_named_zone_time_already_past_there_is_tomorrow() -> None:
    # 12:00 in New York is 18:00 in Berlin, so "15:00 CET" is tomorrow's.
    assert when("15:00 CET").at == utc(2026, 11, 23, 14, 0)


# --- what members mean, as they type it --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today at 2:30", ny(2026, 11, 22, 14, 30)),
        ("at 9", ny(2026, 11, 23, 9, 0)),
        ("tomorrow at 3", ny(2026, 11, 23, 15, 0)),
        ("tomorrow 12:15", ny(2026, 11, 23, 12, 15)),
        ("tomorrow 08:30", ny(2026, 11, 23, 8, 30)),  # a leading zero is the 24-hour clock
        ("tonight at 10", ny(2026, 11, 22, 22, 0)),
    ],
)
def test_hour_without_am_pm_is_the_one_people_mean_for_an_interview(
    text: str, expected: datetime
) -> None:
    assert when(text).at == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 1 day", ny(2026, 11, 23, 12, 0)),
        ("in 2 days", ny(2026, 11, 24, 12, 0)),
        ("a week from today", ny(2026, 11, 29, 12, 0)),
        ("2 days from now", ny(2026, 11, 24, 12, 0)),
    ],
)
def test_days_ahead_keep_the_clock_time(text: str, expected: datetime) -> None:
    parsed = when(text)
    assert parsed.at == expected
    assert parsed.has_time


def test_bare_time_on_a_months_last_evening_is_the_next_morning() -> None:
    # dateparser alone moves it to the 1st of the same month (or of December next year).
    assert when("9am", now=ny(2026, 11, 30, 20, 0)).at == ny(2026, 12, 1, 9, 0)
    assert when("9am", now=ny(2026, 12, 31, 20, 0)).at == ny(2027, 1, 1, 9, 0)
    assert when("dec 1 9am", now=ny(2026, 12, 31, 20, 0)).at == ny(2027, 12, 1, 9, 0)


def test_a_date_of_today_without_a_year_is_today() -> None:
    assert when("11/22").at == ny(2026, 11, 22, 9, 0)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("2026-13-01", "Did you mean '2026-01-13'? Dates go year-month-day."),
        ("2026-31-12 10am", "Did you mean '2026-12-31'? Dates go year-month-day."),
        ("2026-02-30", "Try 'tomorrow 3pm', 'next friday 10:00' or '2026-12-01 15:00'."),
        ("13/13", "Try 'tomorrow 3pm', 'next friday 10:00' or '2026-12-01 15:00'."),
    ],
)
def test_impossible_dates_are_refused_not_swapped(text: str, hint: str) -> None:
    with pytest.raises(UserError) as caught:
        when(text)
    assert "is not a date on the calendar" in caught.value.message
    assert caught.value.hint == hint


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        (NY, datetime(2026, 12, 3, 9, 0, tzinfo=NY)),
        (ZoneInfo("Europe/London"), datetime(2027, 3, 12, 9, 0, tzinfo=ZoneInfo("Europe/London"))),
        (ZoneInfo("Asia/Kolkata"), datetime(2027, 3, 12, 9, 0, tzinfo=ZoneInfo("Asia/Kolkata"))),
    ],
)
def test_date_order_follows_the_members_country(tz: ZoneInfo, expected: datetime) -> None:
    assert when("12/3", tz=tz).at == expected


def test_eleven_thirty_am_gets_no_date_order_note() -> None:
    assert when("tomorrow 11.30am").notes == ()


def test_winter_abbreviation_in_summer_is_the_places_clock_and_said() -> None:
    july = ny(2026, 7, 14, 9, 0)
    parsed = when("2pm EST", now=july)
    assert parsed.at == ny(2026, 7, 14, 14, 0)
    assert parsed.notes == (
        "EST is not in use then; I read it as America/New_York time, 14:00 EDT.",
    )
    assert when("2pm PT", now=july).at == datetime(
        2026, 7, 14, 14, 0, tzinfo=ZoneInfo("America/Los_Angeles")
    )


@pytest.mark.parametrize(
    ("tz", "zone"),
    [
        (ZoneInfo("Asia/Kolkata"), "Asia/Kolkata"),
        (ZoneInfo("Asia/Jerusalem"), "Asia/Jerusalem"),
        (ZoneInfo("Europe/Dublin"), "Europe/Dublin"),
    ],
)
def test_ist_is_read_by_the_members_country(tz: ZoneInfo, zone: str) -> None:
    parsed = when("tomorrow 2pm IST", tz=tz)
    assert parsed.at.astimezone(ZoneInfo(zone)).hour == 14


def test_range_gives_its_end_on_the_same_day() -> None:
    parsed = when("thursday 11-12pm")
    assert parsed.at == ny(2026, 11, 26, 11, 0)
    assert parsed.ends_at == ny(2026, 11, 26, 12, 0)
    assert when("thursday 2pm").ends_at is None


def test_words_around_the_time_are_left_out_and_said() -> None:
    parsed = when("tomorrow 3pm (video call)")
    assert parsed.at == ny(2026, 11, 23, 15, 0)
    assert "I left out the words around the time." in parsed.notes


@pytest.mark.parametrize(
    "text",
    [
        "zoom call tomorrow 3pm",
        "phone screen w/ recruiter tmrw at 3",
        "interview with Acme tomorrow 15:00 (Teams)",
        "tomorrow 3pm with the hiring manager on zoom",
    ],
)
def test_words_before_a_named_day_are_left_out_and_said(text: str) -> None:
    parsed = when(text)
    assert parsed.at == ny(2026, 11, 23, 15, 0)
    assert "I left out the words around the time." in parsed.notes


@pytest.mark.parametrize(
    "text",
    [
        "someday 15:00",  # the words before a bare time may name its day
        "whenever 3pm",
        "late friday",  # not Friday 09:00
        "early next week",
        "friday (or monday) 3pm",
        "tomorrow with Jane at 3pm",  # date words in two places
        "every monday 9am",
    ],
)
def test_words_that_change_a_dates_meaning_are_not_left_out(text: str) -> None:
    with pytest.raises(UserError):
        when(text)


@pytest.mark.parametrize(
    ("text", "tz", "expected"),
    [
        ("3.12", BERLIN, datetime(2026, 12, 3, 9, 0, tzinfo=BERLIN)),  # not 03:12
        ("3.12.", BERLIN, datetime(2026, 12, 3, 9, 0, tzinfo=BERLIN)),
        ("tomorrow 14.30", BERLIN, datetime(2026, 11, 23, 14, 30, tzinfo=BERLIN)),
        ("14.30", BERLIN, datetime(2026, 11, 23, 14, 30, tzinfo=BERLIN)),  # no such date; past
        ("12.3", NY, ny(2026, 12, 3, 9, 0)),  # month first in New York
    ],
)
def test_dotted_pairs_are_dates_unless_the_day_is_named_elsewhere(
    text: str, tz: ZoneInfo, expected: datetime
) -> None:
    assert when(text, tz=tz).at == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ten thirty tomorrow", ny(2026, 11, 23, 10, 30)),
        ("tomorrow at two fifteen", ny(2026, 11, 23, 14, 15)),
        ("tomorrow ten o'clock", ny(2026, 11, 23, 10, 0)),
        ("tmrw 9a", ny(2026, 11, 23, 9, 0)),
        ("tmrw 3p", ny(2026, 11, 23, 15, 0)),
        ("two weeks from friday at 10am", ny(2026, 12, 11, 10, 0)),
        ("3 days from tomorrow", ny(2026, 11, 26, 9, 0)),
    ],
)
def test_spoken_times_short_meridiems_and_counts_from_a_day(text: str, expected: datetime) -> None:
    assert when(text).at == expected


SAO_PAULO = ZoneInfo("America/Sao_Paulo")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/12 10h", datetime(2026, 12, 5, 10, 0, tzinfo=SAO_PAULO)),  # not now + 10 hours
        ("sexta 16h", None),  # Portuguese day names wait for issue #18
        ("fri 16h", datetime(2026, 11, 27, 16, 0, tzinfo=SAO_PAULO)),
        ("in 10h", NOW + timedelta(hours=10)),  # "in" makes it a wait
    ],
)
def test_an_hour_written_15h_is_a_time_unless_in_makes_it_a_wait(
    text: str, expected: datetime | None
) -> None:
    if expected is None:
        with pytest.raises(UserError):
            when(text, tz=SAO_PAULO)
    else:
        assert when(text, tz=SAO_PAULO).at == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wed 1430", ny(2026, 11, 25, 14, 30)),
        ("tomorrow at 0930", ny(2026, 11, 23, 9, 30)),
        ("until thursday", ny(2026, 11, 26, 9, 0)),  # as a snooze is typed
        ("till friday 3pm", ny(2026, 11, 27, 15, 0)),
        ("midday friday", ny(2026, 11, 27, 12, 0)),
        ("end of nxt week", ny(2026, 11, 27, 17, 0)),  # a Sunday: weeks start on Monday
    ],
)
def test_times_without_colons_until_and_more_shorthand(text: str, expected: datetime) -> None:
    assert when(text).at == expected


def test_a_year_after_a_weekday_is_not_read_as_a_time() -> None:
    with pytest.raises(UserError):
        when("wed 2026")  # not Wednesday 20:26


@pytest.mark.parametrize("text", ["Wednesday, Nov 26 at 2pm", "fri 11/26 10am", "wed the 26th"])
def test_a_weekday_that_disagrees_with_its_date_is_asked_about(text: str) -> None:
    with pytest.raises(UserError) as raised:
        when(text)
    assert "26 November is a Thursday" in raised.value.message
    assert when("Thursday, Nov 26 at 2pm").at == ny(2026, 11, 26, 14, 0)


def test_year_first_countries_read_a_date_without_a_year_month_first() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    assert when("12/25", tz=tokyo).at == datetime(2026, 12, 25, 9, 0, tzinfo=tokyo)
    assert when("2027/1/15", tz=tokyo).at == datetime(2027, 1, 15, 9, 0, tzinfo=tokyo)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (ny(2026, 11, 27, 10, 0), ny(2026, 11, 27, 17, 0)),  # Friday morning: today
        (ny(2026, 11, 27, 18, 0), ny(2026, 12, 4, 17, 0)),  # Friday evening: the next
        (ny(2026, 11, 28, 10, 0), ny(2026, 12, 4, 17, 0)),  # Saturday: the coming Friday
    ],
)
def test_end_of_the_week_is_this_weeks_friday_while_it_is_ahead(
    now: datetime, expected: datetime
) -> None:
    assert when("end of the week", now=now).at == expected


@pytest.mark.parametrize("text", ["tomorow 3pm", "tmrw 3pm", "tommorrow 3pm", "tomorrow 3pm."])
def test_typos_and_shorthand_are_read(text: str) -> None:
    assert when(text).at == ny(2026, 11, 23, 15, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EOD friday", ny(2026, 11, 27, 17, 0)),
        ("end of next week", ny(2026, 11, 27, 17, 0)),  # weeks start on Monday
        ("friday midnight", ny(2026, 11, 28, 0, 0)),
        ("the 3rd at 2pm", ny(2026, 12, 3, 14, 0)),
        ("quarter to 3 tomorrow", ny(2026, 11, 23, 14, 45)),
    ],
)
def test_end_of_day_day_of_month_and_times_in_words(text: str, expected: datetime) -> None:
    assert when(text).at == expected


# --- refusals -----------------------------------------------------------------------------


def test_unreadable_text_is_refused_with_message_and_hint() -> None:
    with pytest.raises(UserError) as caught:
        when("soonish 3pm")
    assert caught.value.message == "I couldn't read 'soonish 3pm' as a date and time."
    assert caught.value.hint == "Try 'tomorrow 3pm', 'next friday 10:00' or '2026-12-01 15:00'."


@pytest.mark.parametrize(
    "text",
    [
        "asdf",
        "tomorrow 25:00",  # dateparser alone reads this as plain "tomorrow"
        "tomorrow 13pm",
        "tomorrow 15",
        "3",  # dateparser alone reads a bare number as a month
        "15",
        "next month",
        "1700000000",  # a Unix timestamp
        "feb 30",
        "tomorrow 3pm or wednesday",  # a left-out word would change the meaning
        "tomorrow with Jane at 3pm",  # what follows "with" held the time
        "the 15th of whatever",
        "9999-12-31 23:59",
        "12/01/1850",
    ],
)
def test_unusable_text_is_refused(text: str) -> None:
    with pytest.raises(UserError) as caught:
        when(text)
    assert caught.value.hint


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_asks_for_a_date(text: str) -> None:
    with pytest.raises(UserError, match="I need a date and time"):
        when(text)


def test_text_over_100_characters_is_refused() -> None:
    assert when("tomorrow 3pm" + " " * 88).at == ny(2026, 11, 23, 15, 0)
    with pytest.raises(UserError, match="too long"):
        when("tomorrow 3pm" + " " * 89)


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_when("tomorrow", now=datetime(2026, 11, 22, 12, 0), tz=NY)


_WORDS = st.sampled_from(
    [
        "tomorrow",
        "today",
        "yesterday",
        "next",
        "last",
        "friday",
        "in",
        "ago",
        "at",
        "3pm",
        "25:00",
        "02:30",
        "12/01",
        "2026-03-08",
        "0001-01-01",
        "9999",
        "2",
        "hours",
        "days",
        "EST",
        "+14:00",
        "noon",
        "morning",
        "-",
        "T",
        "Z",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    text=st.one_of(st.text(max_size=110), st.lists(_WORDS, max_size=5).map(" ".join)),
    tz=st.sampled_from([NY, AUCKLAND, BERLIN, ZoneInfo("UTC")]),
    prefer=st.sampled_from(["future", "past"]),
)
def test_any_text_gives_a_utc_time_or_a_user_error(text: str, tz: ZoneInfo, prefer: str) -> None:
    try:
        parsed = parse_when(text, now=NOW, tz=tz, prefer=prefer)  # type: ignore[arg-type]
    except UserError:
        return
    assert parsed.at.utcoffset() == timedelta(0)
    assert all(isinstance(note, str) and note for note in parsed.notes)


# --- parse_duration -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25h", timedelta(hours=25)),
        ("3d", timedelta(days=3)),
        ("90m", timedelta(minutes=90)),
        ("1w", timedelta(weeks=1)),
        ("2d4h", timedelta(days=2, hours=4)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        ("45s", timedelta(seconds=45)),
        ("1H 30M", timedelta(hours=1, minutes=30)),
        (" 2d ", timedelta(days=2)),
        ("1w2d3h4m5s", timedelta(weeks=1, days=2, hours=3, minutes=4, seconds=5)),
        ("366d", timedelta(days=366)),
        ("0d1h", timedelta(hours=1)),
    ],
)
def test_duration_is_read(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "I need a length of time"),
        ("   ", "I need a length of time"),
        ("abc", "couldn't read 'abc'"),
        ("3", "couldn't read"),
        ("h", "couldn't read"),
        ("-3d", "couldn't read"),
        ("1.5h", "couldn't read"),
        ("1h1h", "couldn't read"),
        ("30m1h", "couldn't read"),
        ("3 days", "couldn't read"),
        ("٣d", "couldn't read"),  # Arabic-Indic digit three
        ("9" * 50 + "s", "couldn't read"),
        ("0h", "more than zero"),
        ("0d0h0m", "more than zero"),
        ("367d", "the most is 366 days"),
        ("53w", "the most is 366 days"),
        ("99999999999999999999d", "the most is 366 days"),
    ],
)
def test_bad_duration_is_refused(text: str, message: str) -> None:
    with pytest.raises(UserError, match=message) as caught:
        parse_duration(text)
    assert caught.value.hint is not None
    assert "'3d'" in caught.value.hint


# --- parse_timezone -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("AMERICA/NEW_YORK", "America/New_York"),
        ("america/new york", "America/New_York"),
        (" Asia/Kolkata ", "Asia/Kolkata"),
        ("UTC", "UTC"),
        ("utc", "UTC"),
        ("Pacific/Auckland", "Pacific/Auckland"),
    ],
)
def test_timezone_name_is_found_ignoring_case(name: str, key: str) -> None:
    zone = parse_timezone(name)
    assert zone.key == key
    assert zone is ZoneInfo(key)


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("Europe/Berlim", "Europe/Berlin"),
        ("berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("America/New_Yrok", "America/New_York"),
        ("EST", "America/New_York"),
        ("pst", "America/Los_Angeles"),
    ],
)
def test_unknown_timezone_suggests_the_closest_name(name: str, suggestion: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_timezone(name)
    assert caught.value.hint is not None
    assert caught.value.hint.startswith(f"Did you mean {suggestion}? ")


@pytest.mark.parametrize("name", ["", "Mars/Olympus_Mons", "localtime", "../../etc/passwd"])
def test_unusable_timezone_is_refused_with_examples(name: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_timezone(name)
    assert caught.value.hint is not None
    assert "'America/New_York'" in caught.value.hint


# --- format_local -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "tz", "expected"),
    [
        (utc(2026, 11, 22, 20, 0), NY, "Sun 22 Nov 2026, 15:00 EST"),
        (utc(2026, 6, 1, 13, 5), NY, "Mon 1 Jun 2026, 09:05 EDT"),
        (utc(2026, 11, 22, 20, 0), AUCKLAND, "Mon 23 Nov 2026, 09:00 NZDT"),
        (utc(2026, 11, 22, 20, 0), ZoneInfo("Asia/Kolkata"), "Mon 23 Nov 2026, 01:30 IST"),
        (utc(2026, 11, 22, 20, 0), ZoneInfo("Asia/Dubai"), "Mon 23 Nov 2026, 00:00 UTC+04"),
        (utc(2026, 11, 22, 20, 0), ZoneInfo("UTC"), "Sun 22 Nov 2026, 20:00 UTC"),
        (ny(2026, 11, 22, 15, 0), BERLIN, "Sun 22 Nov 2026, 21:00 CET"),
    ],
)
def test_format_local_shows_members_wall_clock_and_zone(
    at: datetime, tz: ZoneInfo, expected: str
) -> None:
    assert format_local(at, tz) == expected


def test_format_local_refuses_naive_datetime() -> None:
    with pytest.raises(ValueError, match="aware"):
        format_local(datetime(2026, 11, 22, 15, 0), NY)
