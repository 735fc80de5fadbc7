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
from typing import Any, Literal
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_skeleton
from dateparser.date import DateDataParser

from bot.domain.timevocab import localize_quotes, localized_error
from bot.domain.timewords import (
    DAY_NAMES,
    MONTH_NAMES,
    ORDER_WORDS,
    TIME_LIKE,
    VOCABULARIES,
    DateOrder,
    Prepared,
    check_weekday,
    date_order_of,
    keeps_clock,
    prepare,
    when_hint,
    without_extra_words,
)
from bot.domain.zonewords import season_note, zones_by_lowercase
from bot.errors import UserError
from bot.i18n import N_, _, current_language

Prefer = Literal["future", "past"]
MAX_TEXT = 100
MAX_DURATION = timedelta(days=366)

# A time this close behind now ("now", "3pm" typed at 15:02) is not worth a warning.
_EXPLICIT_PAST = re.compile(r"\b(yesterday|ago|last)\b", re.IGNORECASE)
_PAST_GRACE = timedelta(minutes=5)

# Beyond this a reading is a misreading, and date arithmetic near year 1 or 9999 overflows.
_MAX_YEARS_AWAY = 100
_NUDGE = timedelta(minutes=1)
# What dateparser's relative-time parser can read: a word it turns into a count of units
# ("tomorrow" is "in 1 day") or a unit, alone or after a number ("3 days", "2h"; not "2pm"),
# maybe glued to what follows ("tomorrow3pm").
# A text with none is a calendar date and time, and the absolute parser alone reads it: the
# relative parser's failed try was half the cost of reading "Tuesday Dec 8 at 2pm".
_UNIT_WORDS = (
    r"fortnights?|decades?|centur(?:y|ies)|years?|yrs?|y|months?|mos?|weeks?|wks?|w|days?|d"
    r"|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s"
)
_RELATIVE = re.compile(
    r"(?:\b(?:tomorrow|yesterday|today|tonight|now|ago|in|next|last|this|past|hence|from"
    rf"|before|after|{_UNIT_WORDS})|\d\s*(?:{_UNIT_WORDS}))(?![a-z])",
    re.IGNORECASE,
)
# Only a text that names a unit under a day, or now itself, can count from now ("in 3 hours",
# "90 min from now", "2h"): any other text skips the second dateparser reading that asks.
_COUNTING_UNIT = re.compile(
    r"(?:\d\s*|\b)(?:h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\b|\b(?:now|ago)\b",
    re.IGNORECASE,
)
_DURATION_HINT = N_(
    "Write a number and a unit (w, d, h, m, s), e.g. '3d', '25h', '90m' or '1h30m'."
)
_ZONE_HINT = N_(
    "Use a time zone name such as 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata' or 'UTC'."
)

# Which Friday "next friday" means depends on whom you ask, so such readings are confirmed.
_WEEK_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|weeks?|fortnight)\b",
    re.IGNORECASE,
)

# "12/01" is 1 December or 12 January depending on the date order.
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}(?!\d|\s*[ap]\.?m)")
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
    language: str = "en",
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
    most of the world). `language` ("es", "fr", "de", "pt") reads the text in that language,
    day first unless `date_order` says otherwise, and writes the suggestions in refusals and
    notes in it. Raises UserError for any text it cannot use, and nothing else.
    """
    vocabulary = VOCABULARIES.get(language)
    options: dict[str, Any] = {
        "prefer": prefer,
        "default_time": default_time,
        "date_order": date_order,
        "warn_past": warn_past,
        "language": language,
    }
    if vocabulary is None:
        return _parse_when(text, now, tz, **options)
    try:
        parsed = _parse_when(text, now, tz, **options)
    except UserError as error:
        raise localized_error(error, vocabulary, text) from None
    said = {note: localize_quotes(note, vocabulary, text) for note in parsed.notes}
    return replace(
        parsed,
        notes=tuple(said[note] for note in parsed.notes),
        restated=frozenset(said[note] for note in parsed.restated),
    )


def _parse_when(
    text: str,
    now: datetime,
    tz: ZoneInfo,
    *,
    prefer: Prefer,
    default_time: time,
    date_order: DateOrder | None,
    warn_past: bool,
    language: str,
) -> ParsedTime:
    """`parse_when` in English words; another language is rewritten into them first."""
    if now.tzinfo is None:
        raise ValueError("parse_when needs an aware `now`")
    if len(text) > MAX_TEXT:
        raise UserError(_("That is too long for a date and time."), hint=when_hint())
    cleaned = " ".join(text.split())
    if not cleaned:
        raise UserError(_("I need a date and time."), hint=when_hint())
    order = date_order or date_order_of(tz, language)
    if order == "YMD":  # "12/25" has no year to put first: it is month/day there too
        order = "MDY"
    prepared = prepare(cleaned, now, tz, order, language)
    zone = prepared.zone or tz
    local_now = now.astimezone(zone).replace(tzinfo=None)
    prepared, reading = _read_prepared(prepared, local_now, prefer, order)
    if reading is not None and reading.value.tzinfo is not None:
        # The text named an offset ("3pm +05:30"): its "today" must be counted from the real now.
        reading = _read(prepared.text, now.astimezone(UTC).replace(tzinfo=None), prefer, order)
    if reading is None or (
        not reading.has_time
        and prepared.fixed is None
        and (TIME_LIKE.search(prepared.text) or TIME_LIKE.search(cleaned))
    ):
        raise UserError(
            _("I couldn't read '{typed}' as a date and time.").format(typed=cleaned),
            hint=when_hint(),
        )
    if abs(reading.value.year - local_now.year) > _MAX_YEARS_AWAY:
        raise UserError(
            _("'{typed}' is too far from today.").format(typed=cleaned), hint=when_hint()
        )

    notes: list[str] = list(prepared.notes)
    restated: list[str] = []
    wall_clock = False
    ends_at: datetime | None = None
    if reading.value.tzinfo is not None and reading.has_time:
        at = reading.value.astimezone(UTC)
        notes.append(
            _("You gave a time zone, so I used it: that is {moment}.").format(
                moment=format_local(at, tz)
            )
        )
    elif (
        reading.has_time
        and not reading.keeps_clock
        and prepared.fixed is None
        and _COUNTING_UNIT.search(prepared.text)
        and _counts_from_now(prepared.text, reading, local_now, prefer, order)
    ):
        # dateparser adds hours to the wall clock, which is an hour off across a DST change.
        at = now.astimezone(UTC) + (reading.value - local_now)
    else:
        wall_clock = True
        wall = reading.value.replace(tzinfo=None)
        if prepared.fixed is not None:
            wall = datetime.combine(wall.date(), prepared.fixed[0]) + prepared.fixed[1]
            if prepared.fixed[1]:  # midnight: the end of the day named, a day on
                named = long_date((wall - prepared.fixed[1]).date(), local_now.year)
                notes.append(_("Midnight at the end of {day}.").format(day=named))
        elif not reading.has_time:
            wall = datetime.combine(wall.date(), default_time)
        check_weekday(prepared.text, wall.date())
        read_as = _read_as_note(prepared.text, wall, reading.part_of_day, local_now.year, order)
        if read_as:
            restated.append(read_as.replace(f"'{prepared.text}'", f"'{cleaned}'", 1))
        if not reading.has_time and prepared.fixed is None:
            restated.append(
                _("No time given; I assumed {clock}.").format(clock=f"{default_time:%H:%M}")
            )
        notes += restated
        at, dst_note = _place(wall, zone)
        if dst_note:
            notes.append(dst_note)
        if prepared.abbreviation is not None:
            notes.extend(season_note(prepared.abbreviation, at, zone))
        if prepared.zone is not None and prepared.zone.key != tz.key:
            notes.append(_("That is {moment} your time.").format(moment=format_local(at, tz)))
        if prepared.ends is not None:
            end = datetime.combine(wall.date(), prepared.ends)
            ends_at = _place(end if end > wall else end + timedelta(days=1), zone)[0]

    explicit = _EXPLICIT_PAST.search(cleaned) or _EXPLICIT_PAST.search(prepared.text)
    if prefer == "future" and warn_past and at < now - _PAST_GRACE and not explicit:
        notes.append(_past_note(at, tz, local_now, reading.has_time, suggest=wall_clock))
    elif prefer == "past" and at > now + _PAST_GRACE:
        notes.append(_("That is in the future ({moment}).").format(moment=format_local(at, tz)))
    return ParsedTime(
        at=at,
        has_time=reading.has_time,
        notes=tuple(notes),
        ends_at=ends_at,
        restated=frozenset(restated),
    )


def _read_prepared(
    prepared: Prepared, local_now: datetime, prefer: Prefer, order: DateOrder
) -> tuple[Prepared, _Reading | None]:
    """Read the text; failing that, without the words around the time, and say so.

    "with the hiring manager" and "(video call)" are not part of the date.
    """
    reading = _read(prepared.text, local_now, prefer, order, keeps_clock=keeps_clock(prepared))
    shorter = without_extra_words(prepared.text)
    if reading is not None or not shorter or shorter == prepared.text:
        return prepared, reading
    prepared = replace(
        prepared, text=shorter, notes=(*prepared.notes, "I left out the words around the time.")
    )
    return prepared, _read(shorter, local_now, prefer, order, keeps_clock=keeps_clock(prepared))


def parse_duration(text: str) -> timedelta:
    """Read a length such as "25h", "3d", "90m", "1w", "2d4h", "1h30m" or "45s".

    Units go from largest to smallest, each at most once, so a typo like "1h1h" is refused
    rather than summed. Zero and anything over 366 days are refused too.
    """
    cleaned = text.strip()
    if not cleaned:
        raise UserError(_("I need a length of time."), hint=_(_DURATION_HINT))
    # The length cap also keeps int() away from absurdly long digit runs.
    match = _DURATION.fullmatch(cleaned) if len(cleaned) <= 40 else None
    if match is None or not any(match.groups()):
        raise UserError(
            _("I couldn't read '{typed}' as a length of time.").format(typed=cleaned),
            hint=_(_DURATION_HINT),
        )
    seconds = sum(
        int(amount) * unit
        for amount, unit in zip(match.groups(), _UNIT_SECONDS, strict=True)
        if amount
    )
    if seconds == 0:
        raise UserError(_("The length of time must be more than zero."), hint=_(_DURATION_HINT))
    if seconds > MAX_DURATION.total_seconds():
        raise UserError(
            _("'{typed}' is too long; the most is 366 days.").format(typed=cleaned),
            hint=_(_DURATION_HINT),
        )
    return timedelta(seconds=seconds)


def parse_timezone(name: str) -> ZoneInfo:
    """Find the IANA time zone a member named, ignoring case ("europe/berlin" works).

    A place-based name is required so daylight saving is right all year; for anything else
    the error suggests the closest name, e.g. "Europe/Berlin" for "berlin" or "Europe/Berlim".
    """
    cleaned = "_".join(name.split())
    if not cleaned:
        raise UserError(_("I need a time zone name."), hint=_(_ZONE_HINT))
    lowered = cleaned.lower()
    key = zones_by_lowercase().get(lowered)
    if key is not None and lowered not in _ABBREVIATIONS:
        return ZoneInfo(key)
    suggestion = _suggest_zone(lowered)
    hint = _(_ZONE_HINT)
    if suggestion:
        hint = _("Did you mean {zone}? {hint}").format(zone=suggestion, hint=hint)
    if lowered in _ABBREVIATIONS:
        raise UserError(
            _(
                "'{typed}' is an abbreviation, and I need a place so daylight saving is right."
            ).format(typed=cleaned),
            hint=hint,
        )
    raise UserError(_("I don't know the time zone '{typed}'.").format(typed=cleaned), hint=hint)


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


# A day spelt out in each language the bot speaks, as CLDR (through Babel) writes it.
_LONG_DATE = {
    "es": ("EEEE d 'de' MMMM", "EEEE d 'de' MMMM 'de' y"),
    "fr": ("EEEE d MMMM", "EEEE d MMMM y"),
    "de": ("EEEE, d. MMMM", "EEEE, d. MMMM y"),
    "pt": ("EEEE, d 'de' MMMM", "EEEE, d 'de' MMMM 'de' y"),
}


def short_date(day: date) -> str:
    """A date as the bot shows it, in the language it speaks: "Fri 4 Dec 2026", "Fr., 4. Dez.

    2026". English names are spelt out here, never taken from the server's locale.
    """
    language = current_language()
    if language in _LONG_DATE:
        return format_skeleton("yMMMEd", day, locale=language)
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
    if "year" not in parts and (
        value.date() == _with_year(base, base.year + 1).date() or value.year > base.year + 1
    ):
        # "12/01" typed on 1 December is today, even once its time has passed (then it is
        # said to be past), and "feb 29" typed on 29 February is not four years away.
        value = _with_year(value, base.year)
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
        "PARSERS": ["relative-time", "absolute-time"]
        if _RELATIVE.search(text)
        else ["absolute-time"],
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
    day = long_date(wall.date(), None)
    # In a gap, fold=0 uses the offset from before the change, which lands just as far past it.
    moved = first.astimezone(UTC).astimezone(tz)
    if moved.replace(tzinfo=None) != wall:
        return moved.astimezone(UTC), _(
            "{clock} does not exist on {day} in {zone}, because the clocks go forward; "
            "I used {used} instead."
        ).format(clock=f"{wall:%H:%M}", day=day, zone=tz.key, used=f"{moved:%H:%M %Z}")
    return first.astimezone(UTC), _(
        "{clock} happens twice on {day} in {zone}, because the clocks go back; "
        "I used the first one, {used}."
    ).format(clock=f"{wall:%H:%M}", day=day, zone=tz.key, used=f"{first:%H:%M %Z}")


def _read_as_note(
    text: str, wall: datetime, part_of_day: bool, this_year: int, date_order: DateOrder
) -> str | None:
    """Confirm the guesses a member may not share: the weekday's date, "12/01", "morning"."""
    said: list[str] = []
    numeric = _NUMERIC_DATE.search(text) is not None
    if numeric or _WEEK_WORDS.search(text):
        day = long_date(wall.date(), this_year)
        said.append(f"{day} ({_(ORDER_WORDS[date_order])})" if numeric else day)
    if part_of_day:
        said.append(f"{wall:%H:%M}")
    if not said:
        return None
    return _("'{typed}' read as {reading}.").format(typed=text, reading=", ".join(said))


def _past_note(
    at: datetime, tz: ZoneInfo, local_now: datetime, has_time: bool, *, suggest: bool
) -> str:
    """Say the time is past and, for a wall-clock time, how to write the likely one ahead.

    No suggestion for "2 hours ago" or a time in another zone: the member was explicit.
    """
    local = at.astimezone(tz).replace(tzinfo=None)
    said = _("That is in the past ({moment}).").format(moment=format_local(at, tz))
    if not suggest:
        return said
    if local.date() == local_now.date():
        if not has_time and local_now.hour < 22:
            later = f"today {local_now.hour + 2:02d}:00"
            return _("{said} If you meant later today, write '{written}'.").format(
                said=said, written=later
            )
        ahead = local + timedelta(days=1)
    elif local_now - local < timedelta(days=7):
        ahead = local + timedelta(days=7)  # "yesterday" or "last friday": the same day next week
    else:
        ahead = _with_year(local, local_now.year)  # most likely a wrong year
        if ahead <= local_now:
            ahead = _with_year(local, local_now.year + 1)
    written = f"{ahead:%Y-%m-%d %H:%M}" if has_time else f"{ahead:%Y-%m-%d}"
    return _("{said} If you meant {day}, write '{written}'.").format(
        said=said, day=long_date(ahead.date(), local_now.year), written=written
    )


def _with_year(moment: datetime, year: int) -> datetime:
    try:
        return moment.replace(year=year)
    except ValueError:  # 29 February
        return moment.replace(year=year, day=28)


def long_date(day: date, this_year: int | None) -> str:
    """A day spelt out in the bot's language, with the year unless it is `this_year`.

    "Friday 27 November" in English, "Freitag, 27. November" in German.
    """
    language = current_language()
    if language in _LONG_DATE:
        pattern = _LONG_DATE[language][day.year != this_year]
        return format_date(day, pattern, locale=language)
    text = f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
    return text if day.year == this_year else f"{text} {day.year}"


def _suggest_zone(lowered: str) -> str | None:
    if lowered in _ABBREVIATIONS:
        return _ABBREVIATIONS[lowered]
    zones = zones_by_lowercase()
    # A bare city ("berlin", "new york") is the last part of a zone name.
    by_city = sorted(key for low, key in zones.items() if low.rsplit("/", 1)[-1] == lowered)
    if by_city:
        return by_city[0]
    close = difflib.get_close_matches(lowered, list(zones), n=1, cutoff=0.6)
    return zones[close[0]] if close else None
