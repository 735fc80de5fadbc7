"""Phrasings members type for a time, each with the moment it means: understood, or refused
with a suggestion that works, never silently read as another moment.

Each row is `text => meant`, where meant is the wall clock in the member's zone
("2026-12-02 15:00"), with an end for a range ("2026-12-03 14:00-15:00"), or in another zone
the text named ("2026-12-01 14:00 America/Los_Angeles"), or "refuse" when no reading is
right. A date without a time means 09:00, parse_when's default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.timeparse import ParsedTime, parse_when
from bot.errors import UserError


@dataclass(frozen=True)
class Clock:
    """Who is typing, and when."""

    name: str
    tz: ZoneInfo
    now: datetime  # aware, in `tz`


NY = ZoneInfo("America/New_York")
KOLKATA = ZoneInfo("Asia/Kolkata")
LONDON = ZoneInfo("Europe/London")
TUESDAY = Clock("ny-tuesday", NY, datetime(2026, 12, 1, 9, 40, tzinfo=NY))
# New York's clocks go forward at 02:00 on Sunday 14 March 2027.
DST_EVE = Clock("ny-dst-eve", NY, datetime(2027, 3, 13, 21, 0, tzinfo=NY))
INDIA = Clock("kolkata", KOLKATA, datetime(2026, 12, 1, 10, 15, tzinfo=KOLKATA))
UK = Clock("london", LONDON, datetime(2026, 12, 1, 8, 30, tzinfo=LONDON))

TABLE: dict[Clock, str] = {
    TUESDAY: """
        tomorrow 3pm => 2026-12-02 15:00
        3pm tomorrow => 2026-12-02 15:00
        Tomorrow 3PM => 2026-12-02 15:00
        tomorrow at 3pm => 2026-12-02 15:00
        tomorrow at 3 => 2026-12-02 15:00
        tomorrow 3:30 => 2026-12-02 15:30
        today at 2:30 => 2026-12-01 14:30
        today 4 => 2026-12-01 16:00
        at 4 => 2026-12-01 16:00
        at 11 => 2026-12-01 11:00
        at 12 => 2026-12-01 12:00
        wed 11 => 2026-12-02 11:00
        thursday 1 => 2026-12-03 13:00
        friday at 10 => 2026-12-04 10:00
        Dec 15th at 11 => 2026-12-15 11:00
        dec 15 at 2 => 2026-12-15 14:00
        December 10 at 4:30 => 2026-12-10 16:30
        3pm => 2026-12-01 15:00
        10am => 2026-12-01 10:00
        11:30am => 2026-12-01 11:30
        11.30am => 2026-12-01 11:30
        14:00 => 2026-12-01 14:00
        today 14:30 => 2026-12-01 14:30
        friday => 2026-12-04 09:00
        friday 3pm => 2026-12-04 15:00
        Friday 3 PM => 2026-12-04 15:00
        fri 3pm => 2026-12-04 15:00
        this friday 3pm => 2026-12-04 15:00
        monday 9am => 2026-12-07 09:00
        mon 9:30am => 2026-12-07 09:30
        wednesday 10am => 2026-12-02 10:00
        thursday 2pm => 2026-12-03 14:00
        thu 2pm => 2026-12-03 14:00
        sat 10am => 2026-12-05 10:00
        tomorrow => 2026-12-02 09:00
        tomorrow morning => 2026-12-02 09:00
        tomorrow afternoon => 2026-12-02 15:00
        dec 3 => 2026-12-03 09:00
        Dec 4 2pm => 2026-12-04 14:00
        December 4th at 2pm => 2026-12-04 14:00
        4 Dec 2pm => 2026-12-04 14:00
        jan 5 10am => 2027-01-05 10:00
        January 5, 2027 10:00 AM => 2027-01-05 10:00
        12/3 2pm => 2026-12-03 14:00
        12/03/2026 2pm => 2026-12-03 14:00
        1/5 10am => 2027-01-05 10:00
        2026-12-03 14:00 => 2026-12-03 14:00
        2026-12-03T14:00 => 2026-12-03 14:00
        2026-12-03 => 2026-12-03 09:00
        in 2 hours => 2026-12-01 11:40
        in 30 minutes => 2026-12-01 10:10
        in 90 minutes => 2026-12-01 11:10
        in 1 day => 2026-12-02 09:40
        in 3 days => 2026-12-04 09:40
        in a week => 2026-12-08 09:40
        in 2 weeks => 2026-12-15 09:40
        a week from today => 2026-12-08 09:40
        2 days from now => 2026-12-03 09:40
        in 2 days at 3pm => 2026-12-03 15:00
        next week => 2026-12-08 09:00
        noon => 2026-12-01 12:00
        tomorrow at noon => 2026-12-02 12:00
        noon tomorrow => 2026-12-02 12:00
        friday noon => 2026-12-04 12:00
        midnight => 2026-12-02 00:00
        friday midnight => 2026-12-05 00:00
        half past two => 2026-12-01 14:30
        half past 2 tomorrow => 2026-12-02 14:30
        quarter to 3 => 2026-12-01 14:45
        quarter past 10 tomorrow => 2026-12-02 10:15
        tomorow 3pm => 2026-12-02 15:00
        tommorow at 4 => 2026-12-02 16:00
        tommorrow 10am => 2026-12-02 10:00
        tmrw 3pm => 2026-12-02 15:00
        tmr 2pm => 2026-12-02 14:00
        wendesday 10am => 2026-12-02 10:00
        wednseday 2pm => 2026-12-02 14:00
        thrusday 2pm => 2026-12-03 14:00
        thurs 2pm => 2026-12-03 14:00
        thur 11am => 2026-12-03 11:00
        firday 3pm => 2026-12-04 15:00
        the 15th => 2026-12-15 09:00
        the 3rd at 2pm => 2026-12-03 14:00
        2pm on the 15th => 2026-12-15 14:00
        on the 10th at 11am => 2026-12-10 11:00
        EOD friday => 2026-12-04 17:00
        eod tomorrow => 2026-12-02 17:00
        end of day tomorrow => 2026-12-02 17:00
        end of day => 2026-12-01 17:00
        end of the week => 2026-12-04 17:00
        end of next week => 2026-12-11 17:00
        tomorrow at 3pm with the hiring manager => 2026-12-02 15:00
        thursday 2pm (video call) => 2026-12-03 14:00
        friday 10am onsite => 2026-12-04 10:00
        tomorrow 3pm please => 2026-12-02 15:00
        2pm ET => 2026-12-01 14:00
        2pm EST => 2026-12-01 14:00
        2pm PT => 2026-12-01 14:00 America/Los_Angeles
        2pm Pacific => 2026-12-01 14:00 America/Los_Angeles
        11am CT => 2026-12-01 11:00 America/Chicago
        10am MT => 2026-12-01 10:00 America/Denver
        3pm London time => 2026-12-01 15:00 Europe/London
        tomorrow 9am PST => 2026-12-02 09:00 America/Los_Angeles
        3pm UTC => 2026-12-01 15:00 UTC
        thursday 2-3pm => 2026-12-03 14:00-15:00
        Thu, Dec 3 · 2:00 – 3:00pm => 2026-12-03 14:00-15:00
        tomorrow 10-11am => 2026-12-02 10:00-11:00
        friday 11am-12pm => 2026-12-04 11:00-12:00
        tomorrow 2pm to 3pm => 2026-12-02 14:00-15:00
        dec 3 14:00-15:00 => 2026-12-03 14:00-15:00
        Wednesday, December 2, 2026 at 1:00 PM – 2:00 PM => 2026-12-02 13:00-14:00
        asdf => refuse
        sometime soon => refuse
        whenever works => refuse
        next month => refuse
        tomorrow 25:00 => refuse
        tomorrow 13pm => refuse
        feb 30 => refuse
        2026-13-01 => refuse
        2026-02-30 10am => refuse
        13/13 => refuse
    """,
    DST_EVE: """
        tomorrow 9am => 2027-03-14 09:00
        tomorrow at 9 => 2027-03-14 09:00
        tomorrow 2:30am => 2027-03-14 03:30
        sunday 2am => 2027-03-14 03:00
        march 14 2:15am => 2027-03-14 03:15
        tomorrow 3pm => 2027-03-14 15:00
        monday 10 => 2027-03-15 10:00
        monday 10am => 2027-03-15 10:00
        mon 2 => 2027-03-15 14:00
        monday at 2:30 => 2027-03-15 14:30
        tuesday 11am => 2027-03-16 11:00
        tues 10 => 2027-03-16 10:00
        wednesday 3pm => 2027-03-17 15:00
        friday 4pm => 2027-03-19 16:00
        in 1 day => 2027-03-14 21:00
        in 24 hours => 2027-03-14 22:00
        in 3 hours => 2027-03-14 00:00
        in 6 hours => 2027-03-14 04:00
        in 2 days => 2027-03-15 21:00
        in a week => 2027-03-20 21:00
        a week from today => 2027-03-20 21:00
        next week => 2027-03-20 09:00
        tomorrow => 2027-03-14 09:00
        monday => 2027-03-15 09:00
        march 15 => 2027-03-15 09:00
        3/15 10am => 2027-03-15 10:00
        3/15/2027 2pm => 2027-03-15 14:00
        2027-03-15 14:00 => 2027-03-15 14:00
        mar 15 at 3 => 2027-03-15 15:00
        March 16th at 11 => 2027-03-16 11:00
        10pm => 2027-03-13 22:00
        11:30pm => 2027-03-13 23:30
        tomorrow noon => 2027-03-14 12:00
        monday noon => 2027-03-15 12:00
        midnight => 2027-03-14 00:00
        monday at midnight => 2027-03-16 00:00
        half past two tomorrow => 2027-03-14 14:30
        quarter to 3 monday => 2027-03-15 14:45
        quarter past 9 monday => 2027-03-15 09:15
        tomorow 11am => 2027-03-14 11:00
        tmrw 4pm => 2027-03-14 16:00
        tmr at 1 => 2027-03-14 13:00
        mondy 9am => 2027-03-15 09:00
        wendesday 1pm => 2027-03-17 13:00
        thrusday 2pm => 2027-03-18 14:00
        thurs 10am => 2027-03-18 10:00
        the 15th => 2027-03-15 09:00
        the 16th at 2pm => 2027-03-16 14:00
        3pm on the 17th => 2027-03-17 15:00
        EOD monday => 2027-03-15 17:00
        end of day monday => 2027-03-15 17:00
        end of next week => 2027-03-19 17:00
        monday 10am with the recruiter => 2027-03-15 10:00
        monday 2pm (phone screen) => 2027-03-15 14:00
        call on monday at 11am => 2027-03-15 11:00
        monday 2pm ET => 2027-03-15 14:00
        monday 2pm EST => 2027-03-15 14:00
        monday 2pm Eastern => 2027-03-15 14:00
        monday 11am PT => 2027-03-15 11:00 America/Los_Angeles
        monday 11am Pacific => 2027-03-15 11:00 America/Los_Angeles
        monday 3pm London time => 2027-03-15 15:00 Europe/London
        monday 2-3pm => 2027-03-15 14:00-15:00
        Mon, Mar 15 · 10:00 – 11:00am => 2027-03-15 10:00-11:00
        tuesday 1pm-2pm => 2027-03-16 13:00-14:00
        monday 9:30-10:15am => 2027-03-15 09:30-10:15
        whenever => refuse
        2027-02-29 => refuse
        march 32 => refuse
        2027-31-12 => refuse
    """,
    INDIA: """
        tomorrow 3pm => 2026-12-02 15:00
        tomorrow at 3 => 2026-12-02 15:00
        today at 2:30 => 2026-12-01 14:30
        at 4 => 2026-12-01 16:00
        at 11 => 2026-12-01 11:00
        friday 11am => 2026-12-04 11:00
        friday at 11 => 2026-12-04 11:00
        thursday 5pm => 2026-12-03 17:00
        3/12 2pm => 2026-12-03 14:00
        3/12/2026 2pm => 2026-12-03 14:00
        03-12-2026 14:00 => 2026-12-03 14:00
        12/3 => 2027-03-12 09:00
        25/12 => 2026-12-25 09:00
        10/12 at 11 => 2026-12-10 11:00
        3 Dec 2pm => 2026-12-03 14:00
        3rd December at 11am => 2026-12-03 11:00
        Dec 3 2pm => 2026-12-03 14:00
        2026-12-03 14:00 => 2026-12-03 14:00
        2026-12-03 => 2026-12-03 09:00
        in 2 hours => 2026-12-01 12:15
        in 1 day => 2026-12-02 10:15
        in 3 days => 2026-12-04 10:15
        a week from today => 2026-12-08 10:15
        next week => 2026-12-08 09:00
        tomorrow => 2026-12-02 09:00
        wednesday => 2026-12-02 09:00
        noon => 2026-12-01 12:00
        tomorrow noon => 2026-12-02 12:00
        midnight => 2026-12-02 00:00
        half past three => 2026-12-01 15:30
        quarter to 5 tomorrow => 2026-12-02 16:45
        tomorow 11am => 2026-12-02 11:00
        tmrw 3pm => 2026-12-02 15:00
        tmr 4pm => 2026-12-02 16:00
        wendesday 11am => 2026-12-02 11:00
        thrusday 3pm => 2026-12-03 15:00
        thurs 3pm => 2026-12-03 15:00
        the 15th => 2026-12-15 09:00
        the 3rd at 2pm => 2026-12-03 14:00
        EOD friday => 2026-12-04 17:00
        end of day tomorrow => 2026-12-02 17:00
        end of next week => 2026-12-11 17:00
        tomorrow at 3pm with the hiring manager => 2026-12-02 15:00
        thursday 2pm (video call) => 2026-12-03 14:00
        2pm IST => 2026-12-01 14:00
        tomorrow 2pm IST => 2026-12-02 14:00
        9am ET => 2026-12-01 09:00 America/New_York
        9am Eastern => 2026-12-01 09:00 America/New_York
        10am PT => 2026-12-01 10:00 America/Los_Angeles
        2pm London time => 2026-12-01 14:00 Europe/London
        3pm GMT => 2026-12-01 15:00 UTC
        thursday 2-3pm => 2026-12-03 14:00-15:00
        tomorrow 11am-12pm => 2026-12-02 11:00-12:00
        Thu, 3 Dec · 14:00 – 15:00 => 2026-12-03 14:00-15:00
        no idea => refuse
        32/12 => refuse
        31/11 => refuse
        2026-13-01 => refuse
    """,
    UK: """
        tomorrow 3pm => 2026-12-02 15:00
        tomorrow at 3 => 2026-12-02 15:00
        today at 2:30 => 2026-12-01 14:30
        at 4 => 2026-12-01 16:00
        wednesday 10am => 2026-12-02 10:00
        thursday 14:00 => 2026-12-03 14:00
        thursday 2pm => 2026-12-03 14:00
        friday at 11 => 2026-12-04 11:00
        3/12 2pm => 2026-12-03 14:00
        3/12 => 2026-12-03 09:00
        03/12/2026 14:00 => 2026-12-03 14:00
        3.12.2026 14:00 => 2026-12-03 14:00
        12/3 => 2027-03-12 09:00
        13/12 10am => 2026-12-13 10:00
        25/12 => 2026-12-25 09:00
        3 Dec 2pm => 2026-12-03 14:00
        3rd December at 2pm => 2026-12-03 14:00
        Thursday 3 December, 14:00 => 2026-12-03 14:00
        Dec 3rd at 2 => 2026-12-03 14:00
        2026-12-03 14:00 => 2026-12-03 14:00
        in 2 hours => 2026-12-01 10:30
        in 1 day => 2026-12-02 08:30
        in 2 days => 2026-12-03 08:30
        a week from today => 2026-12-08 08:30
        next week => 2026-12-08 09:00
        tomorrow => 2026-12-02 09:00
        noon => 2026-12-01 12:00
        tomorrow at noon => 2026-12-02 12:00
        midnight => 2026-12-02 00:00
        half past two => 2026-12-01 14:30
        quarter to 3 tomorrow => 2026-12-02 14:45
        half 2 tomorrow => 2026-12-02 14:30
        tomorow 3pm => 2026-12-02 15:00
        tmrw 10am => 2026-12-02 10:00
        wendesday 2pm => 2026-12-02 14:00
        thrusday 11am => 2026-12-03 11:00
        thurs 11am => 2026-12-03 11:00
        the 15th => 2026-12-15 09:00
        the 3rd at 2pm => 2026-12-03 14:00
        EOD friday => 2026-12-04 17:00
        end of day tomorrow => 2026-12-02 17:00
        end of next week => 2026-12-11 17:00
        tomorrow at 3pm with the hiring manager => 2026-12-02 15:00
        thursday 2pm (video call) => 2026-12-03 14:00
        2pm GMT => 2026-12-01 14:00
        2pm ET => 2026-12-01 14:00 America/New_York
        9am Pacific => 2026-12-01 09:00 America/Los_Angeles
        10am CET => 2026-12-01 10:00 Europe/Paris
        thursday 2-3pm => 2026-12-03 14:00-15:00
        Thursday, 3 December · 14:00–15:00 => 2026-12-03 14:00-15:00
        tomorrow 10-11am => 2026-12-02 10:00-11:00
        31/11 => refuse
        2026-31-12 => refuse
        tbc => refuse
    """,
}

# The share of rows with a meaning that are read right; it only rises. Measured: 281/281
# (`python -m bench dates` prints it beside plain dateparser).
FLOOR = 0.95

# Refused today though a reading is right, each with why it waits. Empty: keep it so.
NOT_YET: dict[tuple[str, str], str] = {}

# Quoted text, not the apostrophe of "couldn't".
_QUOTED = re.compile(r"(?<!\w)'([^']+)'(?!\w)")


@dataclass(frozen=True)
class Row:
    clock: Clock
    text: str
    start: datetime | None  # None: refusing is right
    end: datetime | None


def _rows() -> list[Row]:
    rows: list[Row] = []
    for clock, block in TABLE.items():
        for line in block.strip().splitlines():
            text, meant = (part.strip() for part in line.split(" => "))
            rows.append(_row(clock, text, meant))
    return rows


def _row(clock: Clock, text: str, meant: str) -> Row:
    if meant == "refuse":
        return Row(clock, text, None, None)
    day, clock_time, *zone = meant.split()
    tz = ZoneInfo(zone[0]) if zone else clock.tz
    start_text, _, end_text = clock_time.partition("-")
    start = datetime.fromisoformat(f"{day} {start_text}").replace(tzinfo=tz)
    end = datetime.fromisoformat(f"{day} {end_text}").replace(tzinfo=tz) if end_text else None
    return Row(clock, text, start, end)


ROWS = _rows()


def _parse(row: Row, text: str | None = None) -> ParsedTime:
    return parse_when(text or row.text, now=row.clock.now.astimezone(UTC), tz=row.clock.tz)


def _outcome(row: Row) -> str:
    """'right', 'refused' or 'wrong' for one row."""
    try:
        parsed = _parse(row)
    except UserError:
        return "refused"
    if row.start is None:
        return "wrong"
    same_end = getattr(parsed, "ends_at", None) == row.end
    return "right" if parsed.at == row.start and same_end else "wrong"


def test_table_is_large_and_has_no_repeats() -> None:
    assert len(ROWS) >= 250
    keys = [(row.clock.name, row.text) for row in ROWS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row.clock.name}:{row.text}")
def test_row_is_understood_or_refused_never_misread(row: Row) -> None:
    key = (row.clock.name, row.text)
    outcome = _outcome(row)
    if key in NOT_YET:
        assert outcome == "refused", "now understood: take it off NOT_YET"
        return
    if row.start is None:
        assert outcome == "refused"
    else:
        assert outcome == "right", _describe(row)


def test_every_refusal_suggests_something_the_parser_accepts() -> None:
    for row in ROWS:
        try:
            _parse(row)
        except UserError as error:
            said = f"{error.message} {error.hint or ''}"
            suggestions = [s for s in _QUOTED.findall(said) if s != row.text]
            assert any(_accepts(row, s) for s in suggestions), (row.text, said)


def test_share_understood_reaches_the_floor() -> None:
    meant = [row for row in ROWS if row.start is not None]
    right = sum(_outcome(row) == "right" for row in meant)
    assert right / len(meant) >= FLOOR, f"{right}/{len(meant)}"


def _accepts(row: Row, text: str) -> bool:
    try:
        _parse(row, text)
    except UserError:
        return False
    return True


def _describe(row: Row) -> str:
    try:
        parsed = _parse(row)
    except UserError as error:
        return f"refused: {error.message}"
    local = parsed.at.astimezone(row.clock.tz)
    return f"read as {local:%Y-%m-%d %H:%M %Z} {getattr(parsed, 'ends_at', None)}, {parsed.notes}"
