"""Read the dates, lengths of time and time zones members type, and show times back to them.

dateparser reads the words ("next friday 3pm"); everything about time zones happens here with
zoneinfo, because a wall-clock time belongs to the member's zone, and a daylight-saving gap or
repeat has to be resolved on purpose and told to the member, not guessed silently.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, partial
from importlib import resources
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo, available_timezones

from dateparser.date import DateDataParser

from bot.errors import UserError

Prefer = Literal["future", "past"]
DateOrder = Literal["MDY", "DMY", "YMD"]
DATE_ORDERS: tuple[DateOrder, ...] = get_args(DateOrder)

MAX_TEXT = 100
MAX_DURATION = timedelta(days=366)
# A time this close behind now ("now", "3pm" typed at 15:02) is not worth a warning.
_EXPLICIT_PAST = re.compile(r"\b(yesterday|ago|last)\b", re.IGNORECASE)
_PAST_GRACE = timedelta(minutes=5)
# Beyond this a reading is a misreading, and date arithmetic near year 1 or 9999 overflows.
_MAX_YEARS_AWAY = 100
_NUDGE = timedelta(minutes=1)

_WHEN_HINT = "Try 'tomorrow 3pm', 'next friday 10:00' or '2026-12-01 15:00'."
_DURATION_HINT = "Write a number and a unit (w, d, h, m, s), e.g. '3d', '25h', '90m' or '1h30m'."
_ZONE_HINT = (
    "Use a time zone name such as 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata' or 'UTC'."
)

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ORDER_WORDS: dict[DateOrder, str] = {
    "MDY": "month first",
    "DMY": "day first",
    "YMD": "year first",
}

# Which Friday "next friday" means depends on whom you ask, so such readings are confirmed.
_WEEK_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|weeks?|fortnight)\b",
    re.IGNORECASE,
)
# "12/01" is 1 December or 12 January depending on the date order.
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}(?!\d|\s*[ap]\.?m)")
# dateparser drops a time it cannot read ("tomorrow 25:00" reads as plain "tomorrow"), so a
# date-only reading of text that looks like it holds a time is refused rather than trusted.
_TIME_LIKE = re.compile(
    r"\d:\d|\d\s*[ap]\.?m\b|(?:\bat|@)\s*\d|\b(?:noon|midnight)\b"
    r"|\b(?:today|tonight|tomorrow|yesterday)\b\D*\d",
    re.IGNORECASE,
)

_DURATION = re.compile(
    r"(?:([0-9]+)\s*w)?\s*(?:([0-9]+)\s*d)?\s*(?:([0-9]+)\s*h)?"
    r"\s*(?:([0-9]+)\s*m)?\s*(?:([0-9]+)\s*s)?",
    re.IGNORECASE,
)
_UNIT_SECONDS = (7 * 86400, 86400, 3600, 60, 1)

# Abbreviations are not places: "EST" in tzdata never switches to daylight time, and "PST"
# is not a zone at all, so both get a suggestion instead.
_ABBREVIATIONS = {
    "est": "America/New_York",
    "edt": "America/New_York",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "hst": "Pacific/Honolulu",
}
# In the database but meaningless for a member: the server's zone, and a placeholder.
_NOT_FOR_MEMBERS = frozenset({"localtime", "factory"})


_WEEKDAY_WORDS = tuple(day.lower() for day in DAY_NAMES)
_MONTH_WORDS = tuple(month.lower() for month in MONTH_NAMES)
# Typos of these are corrected; shorter words, or two letters off in five ("match" is not
# "march"), are too easily another word.
_DAY_WORDS = ("today", "tomorrow", "tonight", "yesterday", *_WEEKDAY_WORDS, *_MONTH_WORDS)
_SHORTHAND = {
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tmw": "tomorrow",
    "tmrow": "tomorrow",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "tdy": "today",
    "tues": "tuesday",
    "weds": "wednesday",
    "thur": "thursday",
    "thurs": "thursday",
}
_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ],
        start=1,
    )
}
_HOUR = r"\d{1,2}|" + "|".join(_NUMBER_WORDS)
_SHORT_DAY = r"mon|tue|tues|wed|thu|thur|fri|sat|sun"
_MONTH_START = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_NOT_AN_HOUR_AFTER = (
    r"(?![\d:./-]|\s*(?:[ap]\.?m\b|h\b|hrs?\b|hours?\b|mins?\b|minutes?\b|days?\b|weeks?\b"
    rf"|st\b|nd\b|rd\b|th\b|{_MONTH_START}))"
)
# "at 3", "tues 10", "tomorrow 3:30": an hour, with no am/pm.
_BARE_HOUR_AFTER_WORD = re.compile(
    rf"(?:\bat|@|\b(?:today|tomorrow|tonight|{'|'.join(_WEEKDAY_WORDS)}|{_SHORT_DAY}))\s*"
    rf"(?P<hour>\d{{1,2}})(?::[0-5]\d)?{_NOT_AN_HOUR_AFTER}"
)
_BARE_CLOCK = re.compile(r"(?<![\d:./-])(?P<hour>\d{1,2}):[0-5]\d(?![\d:]|\s*[ap]\.?m\b)")
_TIME_WORDS = re.compile(
    rf"\b(?P<part>half|quarter)\s+(?P<way>past|after|to)\s+(?P<hour>{_HOUR})\b"
)
_HALF_HOUR = re.compile(rf"\bhalf\s+({_HOUR})\b")  # British "half 2" is 2:30
_AMOUNT = r"\d+|an?|" + "|".join(_NUMBER_WORDS)
_DAYS_AHEAD = re.compile(rf"\bin\s+(?:{_AMOUNT})\s+(?:days?|weeks?|fortnights?)\b")
_FROM_NOW = re.compile(
    rf"\b((?:{_AMOUNT})\s+(?:days?|weeks?|fortnights?|hours?|minutes?))\s+from\s+(?:now|today)\b"
)
_BY = re.compile(r"^by\s+")
_DOT_CLOCK = re.compile(r"(?<![\d.])(\d{1,2})\.([0-5]\d)(?=\s*[ap]\.?m\b)")  # "11.30am"
_NEXT_WEEK_END = re.compile(r"\bend of next week\b")
_WEEK_END = re.compile(r"\bend of (?:the |this )?week\b")
_END_OF_DAY = re.compile(r"\b(?:eod|cob|end of (?:the )?day|close of business)\b")
_MIDNIGHT = re.compile(r"\b(?:at\s+)?midnight\b")
_THE_NTH = re.compile(r"\bthe (\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\b)")
_MERIDIEM = r"(?:(?P<{}>[ap])\.?m\.?)?"
_RANGE = re.compile(
    r"(?<![\d/.:-])(?P<a>\d{1,2})(?::(?P<am>[0-5]\d))?\s*"
    + _MERIDIEM.format("ap")
    + r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b)\s*"
    + r"(?P<b>\d{1,2})(?::(?P<bm>[0-5]\d))?\s*"
    + _MERIDIEM.format("bp")
    + r"(?![\d/.-])"
)
_ISO_DATE = re.compile(r"(?<![\d/.-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d/.-])")
_SHORT_DATE = re.compile(
    r"(?<![\d/.:-])(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?(?![\d/.:-]|\s*[ap]\.?m)"
)
_CHANGES_MEANING = frozenset(
    {"or", "not", "after", "before", "except", "between", "but", "maybe", "instead", "until"}
)
_EXTRA = re.compile(r"\([^)]*\)|\bwith\b.*$")
_DATE_WORD = re.compile(
    r"[\d@][\w:./-]*|"
    + "|".join(
        (
            *_DAY_WORDS,
            *_SHORT_DAY.split("|"),
            *_MONTH_START.split("|"),
            *_NUMBER_WORDS,
            "next this last in at on ago from now the of a an noon morning afternoon evening",
            "night am pm a.m. p.m. days? weeks? hours? minutes? mins? months? years?",
        )
    ).replace(" ", "|")
)
_ZONE_WORDS = {
    **dict.fromkeys(("et", "est", "edt", "eastern"), "America/New_York"),
    **dict.fromkeys(("ct", "cst", "cdt", "central"), "America/Chicago"),
    **dict.fromkeys(("mt", "mst", "mdt", "mountain"), "America/Denver"),
    **dict.fromkeys(("pt", "pst", "pdt", "pacific"), "America/Los_Angeles"),
    **dict.fromkeys(("utc", "gmt"), "UTC"),
    **dict.fromkeys(("cet", "cest"), "Europe/Paris"),
    **dict.fromkeys(("aest", "aedt"), "Australia/Sydney"),
    "bst": "Europe/London",
    "ist": "Asia/Kolkata",
    "jst": "Asia/Tokyo",
    "hst": "Pacific/Honolulu",
}
# Where an abbreviation names another zone in the member's own country.
_BY_COUNTRY = {
    "ist": {"IL": "Asia/Jerusalem", "IE": "Europe/Dublin"},
    "cst": {"CN": "Asia/Shanghai", "TW": "Asia/Taipei", "CU": "America/Havana"},
}
_WINTER = frozenset({"est", "cst", "mst", "pst"})
_SUMMER = frozenset({"edt", "cdt", "mdt", "pdt", "bst", "cest", "aedt"})
_ZONE_NAMES = r"(?:eastern|central|mountain|pacific) time|" + "|".join(
    sorted(_ZONE_WORDS, key=len, reverse=True)
)
# After the time ("2pm ET", "3pm London time"), or ending the text ("2pm tomorrow EST").
_ZONE_AFTER_TIME = re.compile(
    r"(?:\d|[ap]\.?m\.?)\s*(?![ap]\.?m\b)\(?(?P<zone>"
    + _ZONE_NAMES
    + r"|[a-z]+(?: [a-z]+)? time)\)?(?=\s|$)|(?<!\S)\(?(?P<last>"
    + _ZONE_NAMES
    + r")\)?$"
)
_MONTH_FIRST = frozenset({"US", "PH", "FM", "MH", "PW", "GU", "AS", "MP", "PR", "VI", "CA"})
_YEAR_FIRST = frozenset({"CN", "JP", "KR", "KP", "TW", "HU", "LT", "MN", "IR"})


@dataclass(frozen=True)
class ParsedTime:
    """A moment a member typed, with what to confirm back to them.

    Every reading of free text guesses somewhere (which Friday, which 01:30, what time for a
    bare date), so the guesses travel in `notes` for the caller to repeat to the member.
    """

    at: datetime  # aware, in UTC
    has_time: bool  # False when only a date was given and `default_time` was assumed
    notes: tuple[str, ...]
    ends_at: datetime | None = None  # aware, in UTC: the end of a range ("2-3pm")
    restated: frozenset[str] = frozenset()  # the notes that only say what was read

    @property
    def cautions(self) -> tuple[str, ...]:
        """The notes a caller that says the date back itself still owes the member."""
        return tuple(n for n in self.notes if n not in self.restated)


@dataclass(frozen=True)
class _Reading:
    value: datetime  # naive local wall clock, or aware when the text named a zone or offset
    has_time: bool
    part_of_day: bool  # "tomorrow morning": the time came from a word, worth confirming
    keeps_clock: bool = False  # "in 3 days": now's wall-clock time, that many days on


def parse_when(
    text: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    prefer: Prefer = "future",
    default_time: time = time(9, 0),
    date_order: DateOrder | None = None,
    warn_past: bool = True,
) -> ParsedTime:
    """Read a date and time typed by a member living in `tz`, relative to `now`.

    `warn_past=False` drops the "that is in the past" note, for fields (like when an
    interview was) where the past is as likely as the future.

    Wall-clock answers ("friday 3pm") are placed in `tz` by zoneinfo so daylight saving follows
    the zone's rules; answers counted from now ("in 3 hours") are exact elapsed time, and a
    number of days or weeks keeps now's clock time. An hour without am/pm is the one people
    mean for an interview (1-6 afternoon, 7-11 morning, 12 noon). A time on the wrong side of
    `now` for `prefer` only earns a note: the caller decides. `date_order` settles "12/01";
    by default it is the custom of the zone's country (month first in the US, day first in
    most of the world). Raises UserError for any text it cannot use, and nothing else.
    """
    if now.tzinfo is None:
        raise ValueError("parse_when needs an aware `now`")
    if len(text) > MAX_TEXT:
        raise UserError("That is too long for a date and time.", hint=_WHEN_HINT)
    cleaned = " ".join(text.split())
    if not cleaned:
        raise UserError("I need a date and time.", hint=_WHEN_HINT)
    order = date_order or date_order_of(tz)
    prepared = _prepare(cleaned, now, tz, order)
    zone = prepared.zone or tz
    local_now = now.astimezone(zone).replace(tzinfo=None)
    prepared, reading = _read_prepared(prepared, local_now, prefer, order)
    if reading is not None and reading.value.tzinfo is not None:
        # The text named an offset ("3pm +05:30"): its "today" must be counted from the real now.
        reading = _read(prepared.text, now.astimezone(UTC).replace(tzinfo=None), prefer, order)
    if reading is None or (
        not reading.has_time
        and prepared.fixed is None
        and (_TIME_LIKE.search(prepared.text) or _TIME_LIKE.search(cleaned))
    ):
        raise UserError(f"I couldn't read '{cleaned}' as a date and time.", hint=_WHEN_HINT)
    if abs(reading.value.year - local_now.year) > _MAX_YEARS_AWAY:
        raise UserError(f"'{cleaned}' is too far from today.", hint=_WHEN_HINT)

    notes: list[str] = list(prepared.notes)
    restated: list[str] = []
    wall_clock = False
    ends_at: datetime | None = None
    if reading.value.tzinfo is not None and reading.has_time:
        at = reading.value.astimezone(UTC)
        notes.append(f"You gave a time zone, so I used it: that is {format_local(at, tz)}.")
    elif (
        reading.has_time
        and not reading.keeps_clock
        and prepared.fixed is None
        and _counts_from_now(prepared.text, reading, local_now, prefer, order)
    ):
        # dateparser adds hours to the wall clock, which is an hour off across a DST change.
        at = now.astimezone(UTC) + (reading.value - local_now)
    else:
        wall_clock = True
        wall = reading.value.replace(tzinfo=None)
        if prepared.fixed is not None:
            wall = datetime.combine(wall.date(), prepared.fixed[0]) + prepared.fixed[1]
        elif not reading.has_time:
            wall = datetime.combine(wall.date(), default_time)
        read_as = _read_as_note(prepared.text, wall, reading.part_of_day, local_now.year, order)
        if read_as:
            restated.append(read_as.replace(f"'{prepared.text}'", f"'{cleaned}'", 1))
        if not reading.has_time and prepared.fixed is None:
            restated.append(f"No time given; I assumed {default_time:%H:%M}.")
        notes += restated
        at, dst_note = _place(wall, zone)
        if dst_note:
            notes.append(dst_note)
        if prepared.abbreviation is not None:
            notes.extend(_season_note(prepared.abbreviation, at, zone))
        if prepared.zone is not None and prepared.zone.key != tz.key:
            notes.append(f"That is {format_local(at, tz)} your time.")
        if prepared.ends is not None:
            end = datetime.combine(wall.date(), prepared.ends)
            ends_at = _place(end if end > wall else end + timedelta(days=1), zone)[0]

    explicit = _EXPLICIT_PAST.search(cleaned)
    if prefer == "future" and warn_past and at < now - _PAST_GRACE and not explicit:
        notes.append(_past_note(at, tz, local_now, reading.has_time, suggest=wall_clock))
    elif prefer == "past" and at > now + _PAST_GRACE:
        notes.append(f"That is in the future ({format_local(at, tz)}).")
    return ParsedTime(
        at=at,
        has_time=reading.has_time,
        notes=tuple(notes),
        ends_at=ends_at,
        restated=frozenset(restated),
    )


@dataclass(frozen=True)
class _Prepared:
    """Typed text rewritten into what dateparser reads well, with what the rewriting decided."""

    text: str
    zone: ZoneInfo | None = None  # a zone the text named ("2pm Pacific")
    abbreviation: str | None = None  # the zone as written, when an abbreviation ("EST")
    fixed: tuple[time, timedelta] | None = None  # "EOD": 17:00; "midnight": 00:00 a day on
    ends: time | None = None  # the end of a range, on the start's day
    notes: tuple[str, ...] = ()


def date_order_of(tz: ZoneInfo) -> DateOrder:
    """How people in the zone's country write "3/12".

    Month first in the US, year first in East Asia, day first elsewhere; zones of no
    country (UTC) keep month first, as before there was a choice.
    """
    country = _countries().get(tz.key)
    if country is None or country in _MONTH_FIRST:
        return "MDY"
    return "YMD" if country in _YEAR_FIRST else "DMY"


@cache
def _countries() -> dict[str, str]:
    """Zone name to ISO country code, from tzdata's zone.tab."""
    try:
        table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text()
    except (ModuleNotFoundError, OSError):
        return {}
    rows = (line.split("\t") for line in table.splitlines() if not line.startswith("#"))
    return {row[2]: row[0] for row in rows if len(row) >= 3}


def _prepare(text: str, now: datetime, tz: ZoneInfo, order: DateOrder) -> _Prepared:
    """Rewrite what dateparser misreads or refuses into what it reads well.

    Typos, hours without am/pm, times in words, "the 15th", end of day, zone words and
    ranges; each step is small and deliberate, and dateparser does the reading.
    """
    lowered = _fix_words(text.casefold().replace("·", " ").replace(",", " "))
    lowered = " ".join(lowered.split())
    _refuse_impossible(lowered, order)
    zone, abbreviation, lowered = _zone_word(lowered, tz)
    local_now = now.astimezone(zone or tz).replace(tzinfo=None)
    lowered, fixed = _day_ends(lowered, local_now)
    lowered = _FROM_NOW.sub(r"in \1", lowered)
    lowered = _DOT_CLOCK.sub(r"\1:\2", lowered)
    lowered = _TIME_WORDS.sub(_time_in_digits, lowered)
    lowered = _HALF_HOUR.sub(lambda m: f"{_hour_number(m[1])}:30", lowered)
    lowered, ends = _range(lowered)
    lowered = _day_of_month(lowered, local_now)
    meridiem = partial(_with_meridiem, evening="tonight" in lowered.split())
    lowered = _BARE_CLOCK.sub(meridiem, lowered)
    lowered = _BARE_HOUR_AFTER_WORD.sub(meridiem, lowered)
    return _Prepared(
        text=" ".join(lowered.split()) or "today",
        zone=zone,
        abbreviation=abbreviation,
        fixed=fixed,
        ends=ends,
    )


def _read_prepared(
    prepared: _Prepared, local_now: datetime, prefer: Prefer, order: DateOrder
) -> tuple[_Prepared, _Reading | None]:
    """Read the text; failing that, without the words around the time, and say so.

    "with the hiring manager" and "(video call)" are not part of the date.
    """
    reading = _read(prepared.text, local_now, prefer, order, keeps_clock=_keeps_clock(prepared))
    shorter = _without_extra_words(prepared.text)
    if reading is not None or not shorter or shorter == prepared.text:
        return prepared, reading
    prepared = replace(
        prepared, text=shorter, notes=(*prepared.notes, "I left out the words around the time.")
    )
    return prepared, _read(shorter, local_now, prefer, order, keeps_clock=_keeps_clock(prepared))


def _keeps_clock(prepared: _Prepared) -> bool:
    return _DAYS_AHEAD.search(prepared.text) is not None and not _TIME_LIKE.search(prepared.text)


def _without_extra_words(text: str) -> str:
    """Only the words dates are made of, or "" when leaving the rest out could mislead.

    "tomorrow at 3pm with the hiring manager" -> "tomorrow at 3pm", "call on monday at
    11am" -> "on monday at 11am". Refused: a word between the date words, one before them
    unless they start with "on" or "at", and any "or", "not", "after"...
    """
    words = _EXTRA.sub(" ", text).split()
    dated = [index for index, word in enumerate(words) if _DATE_WORD.fullmatch(word)]
    if not dated or any(word in _CHANGES_MEANING for word in words):
        return ""
    first, last = dated[0], dated[-1]
    if last - first + 1 != len(dated) or (first and words[first] not in ("on", "at")):
        return ""
    return " ".join(words[first : last + 1])


def _fix_words(text: str) -> str:
    """Shorthand and typos of day words ("tmrw", "thrusday") to the words themselves."""
    words = []
    for word in text.split():
        fixed = _SHORTHAND.get(word)
        if fixed is None and word.isalpha() and len(word) >= 5 and word not in _DAY_WORDS:
            close = difflib.get_close_matches(word, _DAY_WORDS, n=1, cutoff=0.82)
            fixed = close[0] if close else None
        words.append(fixed or word)
    return " ".join(words)


def _refuse_impossible(text: str, order: DateOrder) -> None:
    """Refuse a numeric date that does not exist rather than let dateparser swap its parts.

    "2026-13-01" is not 13 January; the swap is suggested when it is a date.
    """
    for match in _ISO_DATE.finditer(text):
        year, month, day = (int(part) for part in match.groups())
        _check_date(match[0], year, month, day, f"{year}-{day:02d}-{month:02d}")
    if order == "YMD":
        return  # "12/3" has no year to come first: dateparser reads it month first
    for match in _SHORT_DATE.finditer(text):
        first, second = int(match[1]), int(match[2])
        month, day = (first, second) if order == "MDY" else (second, first)
        written = match[3] or "00"  # without a year, 2000: a leap year keeps 29 February
        year = int(written) if len(written) == 4 else 2000 + int(written)
        _check_date(match[0], year, month, day, None)


def _check_date(written: str, year: int, month: int, day: int, swapped: str | None) -> None:
    try:
        date(year, month, day)
    except ValueError:
        pass
    else:
        return
    hint = _WHEN_HINT
    if swapped is not None:
        try:
            date.fromisoformat(swapped)
            hint = f"Did you mean '{swapped}'? Dates go year-month-day."
        except ValueError:
            pass
    raise UserError(f"'{written}' is not a date on the calendar.", hint=hint)


def _zone_word(text: str, tz: ZoneInfo) -> tuple[ZoneInfo | None, str | None, str]:
    """A zone named after the time ("2pm ET", "3pm London time"), and the text without it.

    The zone is a place, so its clock follows daylight saving as the member's does.
    """
    match = _ZONE_AFTER_TIME.search(text)
    if match is None:
        return None, None, text
    group = "zone" if match["zone"] else "last"
    word = match[group]
    rest = (text[: match.start(group)] + text[match.end() :]).strip()
    if word.endswith(" time"):
        place = word.removesuffix(" time").replace(" ", "_")
        key = _city_zone(place)
        if key is None:
            return None, None, text
        return ZoneInfo(key), None, rest
    key = _zone_for_word(word.removesuffix(" time"), tz)
    return ZoneInfo(key), (word if word in _WINTER | _SUMMER else None), rest


def _season_note(abbreviation: str, at: datetime, zone: ZoneInfo) -> list[str]:
    """Confirm a winter abbreviation typed for a summer date, or the other way round.

    The time is read as the place's clock, which is what people mean by "2pm EST" in July.
    """
    local = at.astimezone(zone)
    summer = bool(local.dst())
    if (abbreviation in _WINTER and summer) or (abbreviation in _SUMMER and not summer):
        return [
            f"{abbreviation.upper()} is not in use then; I read it as {zone.key} time, "
            f"{local:%H:%M} {local.tzname()}."
        ]
    return []


def _zone_for_word(word: str, tz: ZoneInfo) -> str:
    """An abbreviation's zone, read by the member's own country where it is ambiguous."""
    local = _BY_COUNTRY.get(word, {})
    return local.get(_countries().get(tz.key, ""), _ZONE_WORDS[word])


def _city_zone(place: str) -> str | None:
    zones = _zones_by_lowercase()
    found = sorted(key for low, key in zones.items() if low.rsplit("/", 1)[-1] == place)
    return found[0] if found else None


def _day_ends(text: str, local_now: datetime) -> tuple[str, tuple[time, timedelta] | None]:
    """End of day is 17:00, "midnight" the end of the day it names, a week's end its Friday.

    Weeks start on Monday, so "end of next week" typed on a Sunday is five days ahead.
    """
    text = _BY.sub("", text)
    if _NEXT_WEEK_END.search(text):
        friday = local_now.date() + timedelta(days=11 - local_now.weekday())
        return _NEXT_WEEK_END.sub(friday.isoformat(), text), (time(17, 0), timedelta(0))
    if _WEEK_END.search(text):
        return _WEEK_END.sub("friday", text), (time(17, 0), timedelta(0))
    if _END_OF_DAY.search(text):
        return _END_OF_DAY.sub(" ", text), (time(17, 0), timedelta(0))
    if _MIDNIGHT.search(text):
        return _MIDNIGHT.sub(" ", text), (time(0, 0), timedelta(days=1))
    return text, None


def _hour_number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _time_in_digits(match: re.Match[str]) -> str:
    """Half past two is 2:30, quarter to 3 is 2:45."""
    hour = _hour_number(match["hour"])
    minutes = 30 if match["part"] == "half" else 15
    if match["way"] == "to":
        hour, minutes = (hour - 2) % 12 + 1, 60 - minutes
    return f"{hour}:{minutes:02d}"


def _range(text: str) -> tuple[str, time | None]:
    """A range's start in the text ("2-3pm" -> "14:00") and its end (15:00).

    The start takes the end's am/pm unless that would put it after the end ("11-12pm"
    starts at 11:00).
    """
    match = _RANGE.search(text)
    if match is None:
        return text, None
    end = _clock(match["b"], match["bm"], match["bp"])
    start = _clock(match["a"], match["am"], match["ap"] or match["bp"])
    if start is None or end is None:
        return text, None
    if not match["ap"] and match["bp"] and start > end:
        start = _clock(match["a"], match["am"], "am")
        if start is None:
            return text, None
    return f"{text[: match.start()]} {start:%H:%M} {text[match.end() :]}", end


def _clock(hour_text: str, minute_text: str | None, meridiem: str | None) -> time | None:
    hour, minute = int(hour_text), int(minute_text or 0)
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    elif not (hour_text.startswith("0") or hour > 12):
        hour = _interview_hour(hour)
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _interview_hour(hour: int) -> int:
    """The hour people mean by a bare 1-12 for a meeting: 1-6 afternoon, 7-11 morning."""
    return hour + 12 if 1 <= hour <= 6 else hour


def _day_of_month(text: str, local_now: datetime) -> str:
    """A day of the month with no month ("the 15th"): the next such day."""
    match = _THE_NTH.search(text)
    if match is None:
        return text
    wanted = int(match[1])
    year, month = local_now.year, local_now.month
    for _ in range(3):  # a 31st may skip a month
        try:
            day = date(year, month, wanted)
        except ValueError:
            day = None
        if day is not None and day >= local_now.date():
            return f"{text[: match.start()]} {day.isoformat()} {text[match.end() :]}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return text


def _with_meridiem(match: re.Match[str], *, evening: bool) -> str:
    """An hour with no am/pm gets the one people mean: "at 3" is 3pm.

    After "tonight", every hour is in the evening.
    """
    hour = int(match["hour"])
    if match["hour"].startswith("0") or not 1 <= hour <= 12:
        return match[0]
    suffix = "pm" if evening or _interview_hour(hour) >= 12 else "am"
    return f"{match[0]}{suffix}"


def parse_duration(text: str) -> timedelta:
    """Read a length such as "25h", "3d", "90m", "1w", "2d4h", "1h30m" or "45s".

    Units go from largest to smallest, each at most once, so a typo like "1h1h" is refused
    rather than summed. Zero and anything over 366 days are refused too.
    """
    cleaned = text.strip()
    if not cleaned:
        raise UserError("I need a length of time.", hint=_DURATION_HINT)
    # The length cap also keeps int() away from absurdly long digit runs.
    match = _DURATION.fullmatch(cleaned) if len(cleaned) <= 40 else None
    if match is None or not any(match.groups()):
        raise UserError(f"I couldn't read '{cleaned}' as a length of time.", hint=_DURATION_HINT)
    seconds = sum(
        int(amount) * unit
        for amount, unit in zip(match.groups(), _UNIT_SECONDS, strict=True)
        if amount
    )
    if seconds == 0:
        raise UserError("The length of time must be more than zero.", hint=_DURATION_HINT)
    if seconds > MAX_DURATION.total_seconds():
        raise UserError(f"'{cleaned}' is too long; the most is 366 days.", hint=_DURATION_HINT)
    return timedelta(seconds=seconds)


def parse_timezone(name: str) -> ZoneInfo:
    """Find the IANA time zone a member named, ignoring case ("europe/berlin" works).

    A place-based name is required so daylight saving is right all year; for anything else
    the error suggests the closest name, e.g. "Europe/Berlin" for "berlin" or "Europe/Berlim".
    """
    cleaned = "_".join(name.split())
    if not cleaned:
        raise UserError("I need a time zone name.", hint=_ZONE_HINT)
    lowered = cleaned.lower()
    key = _zones_by_lowercase().get(lowered)
    if key is not None and lowered not in _ABBREVIATIONS:
        return ZoneInfo(key)
    suggestion = _suggest_zone(lowered)
    hint = f"Did you mean {suggestion}? {_ZONE_HINT}" if suggestion else _ZONE_HINT
    if lowered in _ABBREVIATIONS:
        raise UserError(
            f"'{cleaned}' is an abbreviation, and I need a place so daylight saving is right.",
            hint=hint,
        )
    raise UserError(f"I don't know the time zone '{cleaned}'.", hint=hint)


def format_local(at: datetime, tz: ZoneInfo, *, until: datetime | None = None) -> str:
    """Show `at` in the member's zone, e.g. "Sun 22 Nov 2026, 15:00 EST".

    With `until` on the same local day, its time too: "Sun 22 Nov 2026, 15:00-16:30 EST".
    Names are spelled out here rather than with strftime's %a and %b, which follow the
    server's locale.
    """
    if at.tzinfo is None or (until is not None and until.tzinfo is None):
        raise ValueError("format_local needs an aware datetime")
    local = at.astimezone(tz)
    zone = local.tzname() or tz.key
    if zone.startswith(("+", "-")):  # zones without an abbreviation are named "+04"
        zone = f"UTC{zone}"
    clock = f"{local:%H:%M}"
    end = until.astimezone(tz) if until is not None else None
    if end is not None and end.date() == local.date() and end > local:
        clock += f"-{end:%H:%M}"
    return f"{short_date(local.date())}, {clock} {zone}"


def short_date(day: date) -> str:
    """A date as the bot shows it, e.g. "Fri 4 Dec 2026" (names never from the locale)."""
    return f"{DAY_NAMES[day.weekday()][:3]} {day.day} {MONTH_NAMES[day.month - 1][:3]} {day.year}"


def _read(
    text: str, base: datetime, prefer: Prefer, date_order: DateOrder, *, keeps_clock: bool = False
) -> _Reading | None:
    """One dateparser reading relative to the naive `base`, or None when none is usable.

    dateparser is told everything is UTC so that it does no zone arithmetic of its own:
    given a real zone, dateparser 1.5 rolls a bare "3pm" to tomorrow by comparing the local
    base with the time converted to UTC (at 18:00 in New York "3pm" stays today), and pytz
    raises AmbiguousTimeError for "1:30" during the repeated hour. `_place` does zones.

    A parser is built per call because its settings (RELATIVE_BASE above all) are fixed when
    it is built; that costs ~50 µs. The slow part, loading the language data (~0.15 s), is
    done once per process and shared by every instance.
    """
    data = _date_data(text, base, prefer, date_order)
    if data is None:
        return None
    # `parts` (dateparser 1.5+) says what the text gave rather than what was filled in;
    # `period` cannot, e.g. "tomorrow at noon" typed at noon keeps period "day".
    parts: tuple[str, ...] = getattr(data, "parts", ())
    if data.date_obj is None or not {"month", "day"} <= set(parts):
        return None  # a bare "3" or "at 9" reads as a month, "15" as a day of this month
    value = _across_month_end(text, data.date_obj, base, prefer, date_order)
    if (
        "year" not in parts
        and "time" not in parts
        and value.date() == _with_year(base, base.year + 1).date()
    ):
        value = value.replace(year=base.year)  # "12/01" typed on 1 December is today
    return _Reading(
        value=value,
        has_time="time" in parts or keeps_clock,
        part_of_day=getattr(data, "part_of_day", None) is not None,
        keeps_clock=keeps_clock,
    )


def _date_data(text: str, base: datetime, prefer: Prefer, date_order: DateOrder) -> Any:
    """What dateparser reads in `text` relative to `base`, or None when it raised."""
    settings: dict[str, Any] = {
        "RELATIVE_BASE": base,
        "TIMEZONE": "UTC",
        "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
        "DATE_ORDER": date_order,
        # Without the timestamp parsers "1700000000" is refused instead of read as 2023.
        "PARSERS": ["relative-time", "absolute-time"],
    }
    try:
        return DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # a heuristic parser: odd text has raised OverflowError and friends
        return None


def _across_month_end(
    text: str, value: datetime, base: datetime, prefer: Prefer, date_order: DateOrder
) -> datetime:
    """Undo dateparser 1.5 moving a bare time to tomorrow by the day of the month alone.

    "9am" typed at 23:00 on 30 November reads as 1 November (on 31 December, as 1 December
    of next year), and backwards likewise. Only a text with no date of its own is moved:
    one read at mid-month lands on that day or the next.
    """
    step = timedelta(days=1 if prefer == "future" else -1)
    near = (base + step).date()
    if near.month == base.month or value.day != near.day or value.date() == near:
        return value
    middle = base.replace(day=15)
    probe = _date_data(text, middle, prefer, date_order)
    if probe is None or probe.date_obj is None:
        return value
    if probe.date_obj.date() not in (middle.date(), (middle + step).date()):
        return value
    return datetime.combine(near, value.time())


def _counts_from_now(
    text: str, reading: _Reading, local_now: datetime, prefer: Prefer, date_order: DateOrder
) -> bool:
    """Whether the reading moves with now, as "in 3 hours" does and "3pm" does not."""
    nudged = _read(text, local_now + _NUDGE, prefer, date_order)
    return (
        nudged is not None
        and nudged.value.tzinfo is None
        and nudged.value - reading.value == _NUDGE
    )


def _place(wall: datetime, tz: ZoneInfo) -> tuple[datetime, str | None]:
    """Put a wall-clock time in `tz`, in UTC, with a note when DST made it odd."""
    first = wall.replace(tzinfo=tz, fold=0)
    if first.utcoffset() == wall.replace(tzinfo=tz, fold=1).utcoffset():
        return first.astimezone(UTC), None
    on_day = f"on {_long_date(wall.date(), None)} in {tz.key}"
    # In a gap, fold=0 uses the offset from before the change, which lands just as far past it.
    moved = first.astimezone(UTC).astimezone(tz)
    if moved.replace(tzinfo=None) != wall:
        return moved.astimezone(UTC), (
            f"{wall:%H:%M} does not exist {on_day}, because the clocks go forward; "
            f"I used {moved:%H:%M %Z} instead."
        )
    return first.astimezone(UTC), (
        f"{wall:%H:%M} happens twice {on_day}, because the clocks go back; "
        f"I used the first one, {first:%H:%M %Z}."
    )


def _read_as_note(
    text: str, wall: datetime, part_of_day: bool, this_year: int, date_order: DateOrder
) -> str | None:
    """Confirm the guesses a member may not share: the weekday's date, "12/01", "morning"."""
    said: list[str] = []
    numeric = _NUMERIC_DATE.search(text) is not None
    if numeric or _WEEK_WORDS.search(text):
        day = _long_date(wall.date(), this_year)
        said.append(f"{day} ({ORDER_WORDS[date_order]})" if numeric else day)
    if part_of_day:
        said.append(f"{wall:%H:%M}")
    return f"'{text}' read as {', '.join(said)}." if said else None


def _past_note(
    at: datetime, tz: ZoneInfo, local_now: datetime, has_time: bool, *, suggest: bool
) -> str:
    """Say the time is past and, for a wall-clock time, how to write the likely one ahead.

    No suggestion for "2 hours ago" or a time in another zone: the member was explicit.
    """
    local = at.astimezone(tz).replace(tzinfo=None)
    said = f"That is in the past ({format_local(at, tz)})."
    if not suggest:
        return said
    if local.date() == local_now.date():
        if not has_time and local_now.hour < 22:
            return f"{said} If you meant later today, write 'today {local_now.hour + 2:02d}:00'."
        ahead = local + timedelta(days=1)
    elif local_now - local < timedelta(days=7):
        ahead = local + timedelta(days=7)  # "yesterday" or "last friday": the same day next week
    else:
        ahead = _with_year(local, local_now.year)  # most likely a wrong year
        if ahead <= local_now:
            ahead = _with_year(local, local_now.year + 1)
    written = f"{ahead:%Y-%m-%d %H:%M}" if has_time else f"{ahead:%Y-%m-%d}"
    return f"{said} If you meant {_long_date(ahead.date(), local_now.year)}, write '{written}'."


def _with_year(moment: datetime, year: int) -> datetime:
    try:
        return moment.replace(year=year)
    except ValueError:  # 29 February
        return moment.replace(year=year, day=28)


def _long_date(day: date, this_year: int | None) -> str:
    """Spell out a day as "Friday 27 November", with the year unless it is `this_year`."""
    text = f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
    return text if day.year == this_year else f"{text} {day.year}"


@cache
def _zones_by_lowercase() -> dict[str, str]:
    return {
        key.lower(): key for key in available_timezones() if key.lower() not in _NOT_FOR_MEMBERS
    }


def _suggest_zone(lowered: str) -> str | None:
    if lowered in _ABBREVIATIONS:
        return _ABBREVIATIONS[lowered]
    zones = _zones_by_lowercase()
    # A bare city ("berlin", "new york") is the last part of a zone name.
    by_city = sorted(key for low, key in zones.items() if low.rsplit("/", 1)[-1] == lowered)
    if by_city:
        return by_city[0]
    close = difflib.get_close_matches(lowered, list(zones), n=1, cutoff=0.6)
    return zones[close[0]] if close else None
