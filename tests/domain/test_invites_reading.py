"""Reading an invite's file: each kind of time zone, and each kind of bad file, refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain.invite_words import understand
from bot.domain.invites import (
    MAX_INVITE_BYTES,
    check_near,
    looks_like_invite,
    read_invite,
    stored_uid,
)
from bot.errors import UserError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "invites"
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


def ics(*event: str, calendar: tuple[str, ...] = (), events: int = 1) -> bytes:
    """A calendar holding `events` copies of one event made of `event`'s lines."""
    body = ["BEGIN:VEVENT", "UID:abc@example.com", "SUMMARY:Acme interview", *event, "END:VEVENT"]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *calendar]
    lines += body * events + ["END:VCALENDAR"]
    return ("\r\n".join(lines) + "\r\n").encode()


def start_of(content: bytes, tz: ZoneInfo = NEW_YORK) -> datetime:
    return read_invite(content, tz=tz).starts_at


def refusal(content: bytes, **kwargs: object) -> str:
    with pytest.raises(UserError) as caught:
        read_invite(content, tz=NEW_YORK, **kwargs)  # type: ignore[arg-type]
    return str(caught.value)


VTIMEZONE_FIXED = (
    "BEGIN:VTIMEZONE",
    "TZID:Customized Time Zone",
    "BEGIN:STANDARD",
    "DTSTART:16010101T000000",
    "TZOFFSETFROM:{offset}",
    "TZOFFSETTO:{offset}",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def custom_zone(offset: str) -> tuple[str, ...]:
    return tuple(line.format(offset=offset) for line in VTIMEZONE_FIXED)


# --- Times and zones ----------------------------------------------------------------------


def test_utc_times_are_taken_as_they_are() -> None:
    content = ics("DTSTART:20261201T200000Z", "DTEND:20261201T210000Z")
    event = read_invite(content, tz=NEW_YORK)
    assert (event.starts_at, event.ends_at) == (
        datetime(2026, 12, 1, 20, 0, tzinfo=UTC),
        datetime(2026, 12, 1, 21, 0, tzinfo=UTC),
    )
    assert event.notes == ()


@pytest.mark.parametrize(
    ("tzid", "utc_hour"),
    [
        ("Europe/Berlin", 9),
        ("W. Europe Standard Time", 9),  # Exchange: a Windows name, no VTIMEZONE needed
        ("Eastern Standard Time", 15),
        ("Tokyo Standard Time", 1),
        ("/freeassociation.sourceforge.net/Europe/Berlin", 9),  # libical's global TZID
    ],
)
def test_a_tzid_names_an_iana_or_windows_zone(tzid: str, utc_hour: int) -> None:
    content = ics(f"DTSTART;TZID={tzid}:20261201T100000")
    assert start_of(content) == datetime(2026, 12, 1, utc_hour, 0, tzinfo=UTC)


def test_a_zone_of_the_files_own_is_built_from_its_vtimezone() -> None:
    content = ics(
        "DTSTART;TZID=Customized Time Zone:20261201T100000",
        calendar=custom_zone("-0300"),
    )
    assert start_of(content) == datetime(2026, 12, 1, 13, 0, tzinfo=UTC)


def test_one_files_vtimezone_never_shapes_how_the_next_file_is_read() -> None:
    first = ics("DTSTART;TZID=Customized Time Zone:20261201T100000", calendar=custom_zone("-0300"))
    second = ics("DTSTART;TZID=Customized Time Zone:20261201T100000", calendar=custom_zone("+0500"))
    assert start_of(first) == datetime(2026, 12, 1, 13, 0, tzinfo=UTC)
    assert start_of(second) == datetime(2026, 12, 1, 5, 0, tzinfo=UTC)


def test_a_known_zone_name_wins_over_a_vtimezone_claiming_it() -> None:
    """tzdata knows every year's rules for a name it has; a file's copy may be wrong."""
    content = ics(
        "DTSTART;TZID=Customized Time Zone:20261201T100000",
        calendar=tuple(
            line.replace("Customized Time Zone", "America/New_York")
            for line in custom_zone("+0900")
        ),
    )
    content = content.replace(b"TZID=Customized Time Zone", b"TZID=America/New_York")
    assert start_of(content) == datetime(2026, 12, 1, 15, 0, tzinfo=UTC)


def test_floating_times_are_read_in_the_calendars_x_wr_timezone() -> None:
    content = ics("DTSTART:20261201T100000", calendar=("X-WR-TIMEZONE:Europe/London",))
    event = read_invite(content, tz=NEW_YORK)
    assert event.starts_at == datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    assert event.notes[0] == (
        "The invite's times name no zone, so I read them in its calendar's, Europe/London."
    )


def test_floating_times_without_a_calendar_zone_are_read_in_the_members() -> None:
    event = read_invite(ics("DTSTART:20261201T100000"), tz=ZoneInfo("Asia/Kolkata"))
    assert event.starts_at == datetime(2026, 12, 1, 4, 30, tzinfo=UTC)
    assert "in yours, Asia/Kolkata" in event.notes[0]


def test_an_unknown_zone_name_falls_back_to_the_members_zone_and_says_so() -> None:
    event = read_invite(ics("DTSTART;TZID=Mars/Olympus_Mons:20261201T100000"), tz=NEW_YORK)
    assert event.starts_at == datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
    assert "'Mars/Olympus_Mons' is one I don't know" in event.notes[0]
    assert "America/New_York" in event.notes[0]


def test_a_bad_x_wr_timezone_is_ignored() -> None:
    content = ics("DTSTART:20261201T100000", calendar=("X-WR-TIMEZONE:../../etc/passwd",))
    assert start_of(content) == datetime(2026, 12, 1, 15, 0, tzinfo=UTC)


def test_the_length_comes_from_dtend_or_duration_if_they_make_sense() -> None:
    start = "DTSTART:20261201T200000Z"
    assert read_invite(ics(start, "DURATION:PT45M"), tz=NEW_YORK).ends_at == datetime(
        2026, 12, 1, 20, 45, tzinfo=UTC
    )
    assert read_invite(ics(start), tz=NEW_YORK).ends_at is None
    assert read_invite(ics(start, "DTEND:20261201T190000Z"), tz=NEW_YORK).ends_at is None
    assert read_invite(ics(start, "DTEND:20261202T190000Z"), tz=NEW_YORK).ends_at is None


def test_an_all_day_event_is_put_at_nine_in_the_morning() -> None:
    event = read_invite(
        ics("DTSTART;VALUE=DATE:20261201", "DTEND;VALUE=DATE:20261202"), tz=NEW_YORK
    )
    assert event.starts_at == datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    assert "whole day" in event.notes[0]


# --- Identity: UID, SEQUENCE, cancellation ---------------------------------------------


def test_uid_sequence_and_cancellation_are_read() -> None:
    content = ics("DTSTART:20261201T200000Z", "SEQUENCE:3", "STATUS:CANCELLED")
    event = read_invite(content, tz=NEW_YORK)
    assert (event.uid, event.sequence, event.cancelled) == ("abc@example.com", 3, True)
    cancel = ics("DTSTART:20261201T200000Z", calendar=("METHOD:CANCEL",))
    assert read_invite(cancel, tz=NEW_YORK).cancelled


def test_a_sequence_is_a_32_bit_count_from_zero() -> None:
    top = ics("DTSTART:20261201T200000Z", "SEQUENCE:2147483647")
    assert read_invite(top, tz=NEW_YORK).sequence == 2**31 - 1  # interview.invite_sequence
    below = ics("DTSTART:20261201T200000Z", "SEQUENCE:-3")
    assert read_invite(below, tz=NEW_YORK).sequence == 0
    past = ics("DTSTART:20261201T200000Z", "SEQUENCE:99999999999999")
    assert "version number can't be read" in refusal(past)


def test_a_uid_longer_than_its_column_is_stored_as_its_hash() -> None:
    long = "x" * 300
    assert stored_uid(long).startswith("sha256:")
    assert len(stored_uid(long)) < 255
    assert stored_uid(long) == stored_uid(long)
    assert stored_uid("short@example.com") == "short@example.com"


# --- Which files are invites --------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "media_type", "content", "expected"),
    [
        ("invite.ics", None, b"", True),
        ("INVITE.ICS", None, b"", True),
        ("meeting", "text/calendar; charset=utf-8", b"", True),
        ("attachment", None, b"\xef\xbb\xbf\r\nBEGIN:VCALENDAR\r\n", True),
        ("notes.txt", "text/plain", b"hello", False),
        ("photo.png", "image/png", b"\x89PNG", False),
    ],
)
def test_an_invite_is_known_by_its_name_type_or_first_line(
    filename: str, media_type: str | None, content: bytes, expected: bool
) -> None:
    assert looks_like_invite(filename, media_type, content) is expected


# --- Bad files: a clear refusal each ------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "isn't a calendar invite"),
        (b"hello, this is a note", "isn't a calendar invite"),
        (bytes(range(256)), "isn't a calendar invite"),
        (b"BEGIN:VEVENT\r\nDTSTART:20261201T200000Z\r\nEND:VEVENT\r\n", "isn't a calendar"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:cut short\r\n", "its end (END:VCALENDAR)"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nSUMMARY:a task\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
            "no event in it",
        ),
        (ics("DTEND:20261201T200000Z"), "no start time"),
        (ics("DTSTART:2026120XT200000Z"), "its start time can't be read"),
        (ics("DTSTART:20261201T200000Z", "SEQUENCE:two"), "its version number can't be read"),
        (ics("DTSTART:20261201T200000Z", "THIS LINE IS NOT ICALENDAR"), "the line 'THIS LINE"),
        (ics("DTSTART:20261201T200000Z", "DTSTART:20261202T200000Z"), "more than one start"),
        (ics("DTSTART:20261201T200000Z") + b"trailing junk\r\n", "couldn't read"),
    ],
)
def test_a_bad_file_is_refused_with_what_to_send_instead(content: bytes, says: str) -> None:
    said = refusal(content)
    assert says in said
    assert "Send" in said or "Download" in said


def test_a_vendors_broken_decoration_does_not_refuse_the_invite() -> None:
    content = ics("DTSTART:20261201T200000Z", "X-MICROSOFT-CDO-APPT-SEQUENCE:not-a-number")
    assert start_of(content) == datetime(2026, 12, 1, 20, 0, tzinfo=UTC)


def test_a_file_over_the_cap_is_refused_before_it_is_parsed() -> None:
    padding = "DESCRIPTION:" + "x" * MAX_INVITE_BYTES
    said = refusal(ics("DTSTART:20261201T200000Z", padding))
    assert "at most 256 KiB" in said


def test_several_events_are_listed_and_one_is_picked_by_number() -> None:
    content = ics("DTSTART:20261201T200000Z", events=3)
    said = refusal(content)
    assert "holds 3 events" in said
    assert "1. Acme interview · Tue 1 Dec 2026, 15:00 EST" in said
    assert "event=2" in said
    assert read_invite(content, tz=NEW_YORK, choice=2).summary == "Acme interview"
    assert "no event 4" in refusal(content, choice=4)


def test_a_long_list_of_events_is_cut_short() -> None:
    said = refusal(ics("DTSTART:20261201T200000Z", events=14))
    assert "10. Acme interview" in said
    assert "11." not in said
    assert "…and 4 more." in said


@pytest.mark.parametrize(
    ("starts_at", "side"),
    [(NOW + timedelta(days=400), "away"), (NOW - timedelta(days=400), "ago")],
)
def test_an_event_more_than_a_year_off_is_refused(starts_at: datetime, side: str) -> None:
    with pytest.raises(UserError, match=f"more than a year {side}"):
        check_near(starts_at, NOW, NEW_YORK)
    check_near(NOW + timedelta(days=300), NOW, NEW_YORK)


def test_an_html_description_is_read_as_lines_of_text() -> None:
    content = ics(
        "DTSTART:20261201T200000Z",
        "DESCRIPTION:<html><body><p>Hi Ada</p><p>10:00 - 10:45 Jane Doe&#44; CTO</p></body></html>",
    )
    assert read_invite(content, tz=NEW_YORK).description == "Hi Ada\n10:00 - 10:45 Jane Doe, CTO"


# --- Never a crash --------------------------------------------------------------------


def _fixture_texts() -> list[bytes]:
    return [path.read_bytes() for path in sorted(FIXTURES.glob("*.ics"))]


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    """A fixture invite with a few bytes cut, repeated or replaced anywhere."""
    content = bytearray(draw(st.sampled_from(_fixture_texts())))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(content) - 1))
        how = draw(st.sampled_from(("cut", "repeat", "replace")))
        size = draw(st.integers(1, 40))
        if how == "cut":
            del content[at : at + size]
        elif how == "repeat":
            content[at:at] = content[at : at + size]
        else:
            content[at : at + size] = draw(st.binary(min_size=1, max_size=size))
        if not content:
            break
    return bytes(content)


@settings(derandomize=True, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(content=st.one_of(mangled(), st.binary(max_size=400)))
def test_a_mangled_invite_is_read_or_refused_never_a_crash(content: bytes) -> None:
    try:
        event = read_invite(content, tz=NEW_YORK)
    except UserError as error:
        assert error.hint
        return
    understand(event, "ada")
