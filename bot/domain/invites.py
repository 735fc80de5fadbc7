"""Read one event out of a calendar invite (.ics): its times, people, words and links.

icalendar parses the file; what is decided here is what an invite means for an interview.
Every time is placed in a zone on purpose: a `TZID` names an IANA zone, a Windows zone
("Eastern Standard Time", from Exchange) or one the file defines in a VTIMEZONE; `Z` is UTC;
a floating time belongs to the calendar's `X-WR-TIMEZONE` (Google's calendar-level zone),
else to the member. Anything unreadable is a `UserError` that says what to send instead.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component, Timezone, vCalAddress
from icalendar.timezone import tzp
from tzlocal.windows_tz import win_tz

from bot.domain.text import clean, snippet
from bot.domain.timeparse import format_local
from bot.errors import UserError
from bot.i18n import N_, _, ngettext

MAX_INVITE_BYTES = 256 * 1024
"""The largest invite the bot reads: one event's .ics is a few KiB, a whole calendar is not.
Adapters check a file's size against it before they download it."""

MAX_UID = 255  # interview.invite_uid
MAX_LISTED = 10  # events listed when a file holds several
FAR = timedelta(days=366)  # an interview is never more than a year away, either way
MAX_LENGTH = timedelta(hours=12)
ALL_DAY_START = time(9, 0)

CALENDAR_TYPES = frozenset({"text/calendar", "application/ics", "text/x-vcalendar"})
_CALENDAR_START = "BEGIN:VCALENDAR"

# Properties whose value the bot reads: one of these unreadable makes the invite unreadable.
# Anything else (a vendor's X- property, an alarm) is decoration, and never refuses an invite.
_READ = {
    "DTSTART": N_("start time"),
    "DTEND": N_("end time"),
    "DURATION": N_("length"),
    "UID": N_("identifier"),
    "SEQUENCE": N_("version number"),
    "STATUS": N_("status"),
    "SUMMARY": N_("title"),
    "DESCRIPTION": N_("description"),
    "LOCATION": N_("location"),
    "ORGANIZER": N_("organizer"),
    "ATTENDEE": N_("attendees"),
}
# Where invites carry the video call when it is not in LOCATION (Google, RFC 7986, Teams).
_CONFERENCE = ("X-GOOGLE-CONFERENCE", "CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "URL")
_HTML = re.compile(r"<(?:br|p|div|li|tr|h\d)\b[^>]*>|</(?:p|div|li|tr|h\d)>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,1000}>")
_SEND_AGAIN = N_(
    "Send the .ics file of the invite itself: the invite.ics attached to the invitation "
    "email, or the event exported from your calendar."
)


@dataclass(frozen=True)
class Address:
    """An organizer or attendee: who they are and what the invite says about them."""

    email: str | None
    name: str | None
    kind: str  # CUTYPE: INDIVIDUAL, ROOM, RESOURCE, GROUP, UNKNOWN
    partstat: str | None
    organizer: bool = False


@dataclass(frozen=True)
class InviteEvent:
    """The one event of an invite, its times in UTC, its text cleaned of markup."""

    uid: str | None
    sequence: int
    cancelled: bool
    starts_at: datetime
    ends_at: datetime | None  # None: the invite says nothing usable about its end
    summary: str
    description: str
    location: str
    organizer: Address | None
    attendees: tuple[Address, ...]
    conference: tuple[str, ...]  # the values of the properties that carry a video call
    notes: tuple[str, ...]  # what the member should know about how the times were read


@dataclass(frozen=True)
class _Floating:
    """Where a time without a zone belongs, and whose zone that is, for the reply."""

    zone: tzinfo
    whose: str  # "its calendar's" (X-WR-TIMEZONE) or "yours"

    def note(self, why: str) -> str:
        name = getattr(self.zone, "key", None) or str(self.zone)
        return f"{why}, so I read them in {self.whose}, {name}."


def looks_like_invite(filename: str, media_type: str | None, content: bytes = b"") -> bool:
    """Whether a file is meant as a calendar invite: its name, its type or its first line."""
    if filename.casefold().endswith((".ics", ".ical", ".icalendar", ".vcs")):
        return True
    if (media_type or "").split(";")[0].strip().casefold() in CALENDAR_TYPES:
        return True
    head = content[:64].removeprefix(b"\xef\xbb\xbf").lstrip()
    return head[: len(_CALENDAR_START)].upper() == _CALENDAR_START.encode()


def read_invite(content: bytes, *, tz: ZoneInfo, choice: int | None = None) -> InviteEvent:
    """The event in `content`; `choice` (from 1) picks one when the file holds several.

    Floating times are read in `tz` (the member's zone) unless the calendar names its own.
    """
    text = _decode(content)
    calendars = _parse(text)
    events = [c for cal in calendars for c in cal.subcomponents if c.name == "VEVENT"]
    if not events:
        raise UserError(_("That calendar file has no event in it."), hint=_(_SEND_AGAIN))
    floating = _floating_zone(calendars[0], tz)
    event = _choose(events, choice, calendars, floating, tz)
    return _event(event, _calendar_of(event, calendars), floating)


def check_near(starts_at: datetime, now: datetime, tz: ZoneInfo) -> None:
    """Refuse an event more than a year away or ago: the wrong invite, or a misread one."""
    if abs(starts_at - now) <= FAR:
        return
    message = (
        _("That invite is for {when}, more than a year away, so I logged nothing.")
        if starts_at > now
        else _("That invite is for {when}, more than a year ago, so I logged nothing.")
    )
    raise UserError(
        message.format(when=format_local(starts_at, tz)),
        hint=_(
            'Check it is the right invite; to log it for another time, type when="..." beside it.'
        ),
    )


def stored_uid(uid: str) -> str:
    """A UID as stored: itself, or its SHA-256 when longer than the column holds."""
    if len(uid) <= MAX_UID:
        return uid
    return "sha256:" + hashlib.sha256(uid.encode("utf-8", "surrogatepass")).hexdigest()


def _decode(content: bytes) -> str:
    if len(content) > MAX_INVITE_BYTES:
        raise UserError(
            _("That file is {size} KiB; an invite may be at most {limit} KiB.").format(
                size=f"{len(content) / 1024:,.0f}", limit=MAX_INVITE_BYTES // 1024
            ),
            hint=_(
                "An invite is a few KiB: send the .ics of that one event, not a whole "
                "calendar's export."
            ),
        )
    raw = content.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Outlook's older exports
    if not text.lstrip()[: len(_CALENDAR_START)].upper() == _CALENDAR_START:
        raise UserError(_("That file isn't a calendar invite."), hint=_(_SEND_AGAIN))
    return text.replace("\x00", "")


def _parse(text: str) -> list[Calendar]:
    """The file's calendars, or a `UserError` naming a line that is not iCalendar."""
    try:
        components = Calendar.from_ical(text, multiple=True)
    except Exception as error:  # a parser of anyone's file fails in many ways
        raise _malformed(str(error)) from None
    finally:
        # icalendar keeps every VTIMEZONE it parses, process-wide, by its TZID. Forget them:
        # one member's invite must never shape how another's is read (zones are resolved
        # per file below), and a long-running process must not grow with every invite.
        tzp.use_zoneinfo()
    if not components:  # a BEGIN:VCALENDAR that never ends
        raise _malformed("", "end (END:VCALENDAR)")
    if any(c.name != "VCALENDAR" for c in components):
        raise UserError(_("That file isn't a calendar invite."), hint=_(_SEND_AGAIN))
    for component in (c for cal in components for c in cal.walk()):
        for name, problem in component.errors:
            if name is None or name in _READ:
                raise _malformed(problem, _READ.get(name or ""))
    return components


def _malformed(problem: str, what: str | None = None) -> UserError:
    """The error for a file icalendar could not read, or a property the bot needs."""
    line = None if what else re.search(r"'([^']*)'", problem)
    if what:
        message = _("I couldn't read that invite: its {what} can't be read, so I logged nothing.")
    elif line:
        message = _(
            "I couldn't read that invite: the line '{line}' isn't iCalendar, so I logged nothing."
        )
    else:
        message = _("I couldn't read that invite: a line isn't iCalendar, so I logged nothing.")
    return UserError(
        message.format(
            what=_(what) if what else "", line=snippet(line.group(1), 40) if line else ""
        ),
        hint=_(
            "The file may have been cut short or changed on the way. Download the invite "
            "again and send that file."
        ),
    )


def _calendar_of(event: Component, calendars: Sequence[Component]) -> Component:
    return next(cal for cal in calendars if any(e is event for e in cal.subcomponents))


def _choose(
    events: Sequence[Component],
    choice: int | None,
    calendars: Sequence[Component],
    floating: _Floating,
    tz: ZoneInfo,
) -> Component:
    """The event `choice` names, the only one, or a `UserError` listing them all."""
    if choice is not None and not 1 <= choice <= len(events):
        raise UserError(
            ngettext(
                "That file holds {count} event, so there is no event {choice}.",
                "That file holds {count} events, so there is no event {choice}.",
                len(events),
            ).format(count=len(events), choice=choice),
            hint=_("Pick one from 1 to {count}, like event=1.").format(count=len(events)),
        )
    if choice is not None:
        return events[choice - 1]
    if len(events) == 1:
        return events[0]
    lines = []
    for number, event in enumerate(events[:MAX_LISTED], start=1):
        try:
            start, _note = _moment(event, "DTSTART", _calendar_of(event, calendars), floating)
            when = format_local(start, tz)
        except UserError:
            when = _("no readable start")
        title = snippet(_text(event, "SUMMARY") or _("(no title)"), 60)
        lines.append(f"{number}. {title} · {when}")
    if len(events) > MAX_LISTED:
        lines.append(_("…and {count} more.").format(count=len(events) - MAX_LISTED))
    # Several events, so always the plural.
    asked = _("That file holds {count} events; which one is the interview?").format(
        count=len(events)
    )
    raise UserError(
        asked + "\n" + "\n".join(lines),
        hint=_("Send it again with its number typed beside it, like event=2."),
    )


def _event(event: Component, calendar: Component, floating: _Floating) -> InviteEvent:
    notes: list[str] = []
    if "DTSTART" not in event:
        raise UserError(
            _("That invite's event has no start time, so I logged nothing."), hint=_(_SEND_AGAIN)
        )
    starts_at, note = _moment(event, "DTSTART", calendar, floating)
    notes += [note] if note else []
    method = str(calendar.get("METHOD", "")).strip().upper()
    status = _text(event, "STATUS").upper()
    uid = clean(_text(event, "UID"))
    return InviteEvent(
        uid=stored_uid(uid) if uid else None,
        sequence=_sequence(event),
        cancelled=method == "CANCEL" or status == "CANCELLED",
        starts_at=starts_at,
        ends_at=_end(event, calendar, floating, starts_at),
        summary=clean(_text(event, "SUMMARY")),
        description=_plain(_text(event, "DESCRIPTION")),
        location=clean(_text(event, "LOCATION")),
        organizer=_address(event.get("ORGANIZER"), organizer=True),
        attendees=tuple(
            a for a in (_address(v) for v in _values(event.get("ATTENDEE"))) if a is not None
        ),
        conference=tuple(
            str(v) for name in _CONFERENCE for v in _values(event.get(name)) if str(v).strip()
        ),
        notes=tuple(notes),
    )


def _moment(
    event: Component, name: str, calendar: Component, floating: _Floating
) -> tuple[datetime, str | None]:
    """A DTSTART or DTEND in UTC, and a note when its zone had to be guessed."""
    value = _single(event, name)
    moment = getattr(value, "dt", None)
    tzid = _param(value, "TZID")
    if isinstance(moment, datetime):
        if tzid:
            zone = _zone(tzid, calendar)
            wall = moment.replace(tzinfo=None)
            if zone is None:
                why = f"The invite's time zone '{snippet(tzid, 40)}' is one I don't know"
                return _place(wall, floating.zone), floating.note(why)
            return _place(wall, zone), None
        if moment.tzinfo is not None:
            return moment.astimezone(UTC), None
        return _place(moment, floating.zone), floating.note("The invite's times name no zone")
    if isinstance(moment, date):
        at = _place(datetime.combine(moment, ALL_DAY_START), floating.zone)
        return at, (
            f"The invite is for the whole day, with no time, so I put it at "
            f'{ALL_DAY_START:%H:%M}. Change it with when="...".'
        )
    raise _malformed(f"{name} is not a date", _READ[name])


def _end(
    event: Component, calendar: Component, floating: _Floating, starts_at: datetime
) -> datetime | None:
    if _is_all_day(event):
        return None
    if "DTEND" in event:
        value = getattr(_single(event, "DTEND"), "dt", None)
        if not isinstance(value, datetime):
            return None
        ends_at, _note = _moment(event, "DTEND", calendar, floating)
    elif "DURATION" in event:
        length = getattr(_single(event, "DURATION"), "dt", None)
        if not isinstance(length, timedelta):
            return None
        ends_at = starts_at + length
    else:
        return None
    return ends_at if timedelta(0) < ends_at - starts_at <= MAX_LENGTH else None


def _is_all_day(event: Component) -> bool:
    value = getattr(event.get("DTSTART"), "dt", None)
    return isinstance(value, date) and not isinstance(value, datetime)


def _place(wall: datetime, zone: tzinfo) -> datetime:
    try:
        return wall.replace(tzinfo=zone).astimezone(UTC)
    except (OverflowError, ValueError):  # year 1 or 9999 in a zone west or east of UTC
        raise UserError(
            _("That invite's date is out of range, so I logged nothing."), hint=_(_SEND_AGAIN)
        ) from None


def _zone(tzid: str, calendar: Component) -> tzinfo | None:
    """The zone a TZID names: IANA, Windows (a library's table), or the file's own VTIMEZONE.

    Known names come first: the file's VTIMEZONE for "Eastern Standard Time" holds only
    this year's rule, tzdata every year's. A zone the file defines under a name of its own
    ("Customized Time Zone", "(UTC-05:00) Eastern Time") is built from that definition.
    """
    name = tzid.strip().strip('"')
    for candidate in (name, win_tz.get(name), _without_vendor(name)):
        zone = _iana(candidate)
        if zone is not None:
            return zone
    for component in calendar.walk("VTIMEZONE"):
        if isinstance(component, Timezone) and str(component.get("TZID", "")).strip() == name:
            try:
                built: tzinfo = component.to_tz(tzp, lookup_tzid=False)
            except Exception:  # a hand-made VTIMEZONE can be anything
                return None
            return built
    return None


def _without_vendor(name: str) -> str | None:
    """'/freeassociation.sourceforge.net/Europe/Berlin' names 'Europe/Berlin'."""
    parts = name.strip("/").split("/")
    return "/".join(parts[-2:]) if name.startswith("/") and len(parts) > 2 else None


def _iana(name: str | None) -> ZoneInfo | None:
    if not name or len(name) > 64 or name.startswith((".", "/")) or ".." in name:
        return None
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):  # not a zone; ZoneInfoNotFoundError is a KeyError
        return None


def _floating_zone(calendar: Component, tz: ZoneInfo) -> _Floating:
    """Google's calendar-level zone for times without one, else the member's."""
    named = _iana(str(calendar.get("X-WR-TIMEZONE", "")).strip())
    return _Floating(named, "its calendar's") if named else _Floating(tz, "yours")


def _sequence(event: Component) -> int:
    value = _single(event, "SEQUENCE") if "SEQUENCE" in event else 0
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise _malformed("SEQUENCE", _READ["SEQUENCE"]) from None
    return max(0, number)  # icalendar holds it to RFC 5545's 32 bits, as the column is


def _single(event: Component, name: str) -> Any:
    value = event.get(name)
    if isinstance(value, list):
        raise UserError(
            _("That invite's event has more than one {what}, so I logged nothing.").format(
                what=_(_READ[name]) if name in _READ else name
            ),
            hint=_(_SEND_AGAIN),
        )
    return value


def _values(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _param(value: object, name: str) -> str | None:
    params = getattr(value, "params", None)
    found = params.get(name) if params is not None else None
    return str(found) if found else None


def _text(event: Component, name: str) -> str:
    value = event.get(name)
    if isinstance(value, list):
        value = value[0] if value else ""
    return "" if value is None else str(value)


def _plain(text: str) -> str:
    """A description as lines of text: Outlook and some schedulers send HTML."""
    lines = [clean(line) for line in text.splitlines()]
    if "<" in text and _HTML.search(text):  # every paragraph a line, as the invite shows it
        lines = [
            clean(line) for line in html.unescape(_TAG.sub("", _HTML.sub("\n", text))).splitlines()
        ]
        lines = [line for line in lines if line]
    return "\n".join(lines).strip()


def _address(value: object, *, organizer: bool = False) -> Address | None:
    if not isinstance(value, vCalAddress):
        return None
    uri = str(value).strip()
    email = uri[len("mailto:") :] if uri.casefold().startswith("mailto:") else None
    email = clean(email or "").strip("<>") or None
    if email is not None and not re.fullmatch(r"[^@\s<>()]+@[^@\s<>()]+\.[^@\s<>().]+", email):
        email = None
    name = clean(_param(value, "CN") or "").strip("\"'") or None
    return Address(
        email=email.casefold() if email else None,
        name=name,
        kind=(_param(value, "CUTYPE") or "INDIVIDUAL").upper(),
        partstat=(_param(value, "PARTSTAT") or "").upper() or None,
        organizer=organizer,
    )
