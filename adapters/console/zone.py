"""The console's time zone: what "3pm" means for a member who set none, said at start.

A deployment's default zone is a setting, but the console runs on someone's own machine,
so unless told otherwise it reads times in that machine's zone. A simulated clock started
with `--now` carries an offset (or a zone, as `...-05:00[America/New_York]`), and that is
what the person simulating means: a zone they configured or their machine's is kept when
it has that offset at that moment (it knows daylight saving), else the bare offset is.

The sentence is said in the language being spoken when it is read (`ConsoleZone.said`):
the console says it in the typing member's language, which before they choose one is the
machine's (see `process_locale`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tzlocal

from bot.i18n import N_, _

SETTING = "FOLLOWUP_DEFAULT_TIMEZONE"
BRACKETED = re.compile(r"(?P<at>[^\[\]]+)\[(?P<zone>[^\[\]]+)\]")
UNKNOWN = N_("Times are in UTC (your machine's zone is unknown).")
FROM_SETTING = N_("Times are in {zone}, from {setting}.")
FROM_MACHINE = N_("Times are in {zone}, your machine's zone.")
FROM_NOW = N_("Times are in {zone}, from --now.")
SETTING_AT_NOW = N_("Times are in {zone}, from {setting} (the offset of --now).")
MACHINE_AT_NOW = N_("Times are in {zone}, your machine's zone (the offset of --now).")
# gettext's order (Python's `gettext.find`): the first of these that is set names the
# language of messages; "C" and "POSIX" name none.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
NO_LOCALE = frozenset({"C", "POSIX"})


class ZoneError(ValueError):
    """`--now` or the zone setting cannot be read: the message says how to write it."""


@dataclass(frozen=True)
class ConsoleZone:
    """The zone for members who set none, and the sentence that tells them so."""

    zone: ZoneInfo
    message: str  # marked N_(): said in the language spoken when `said` is read
    values: Mapping[str, str] = field(default_factory=dict)

    @property
    def said(self) -> str:
        """The sentence, in the language being spoken."""
        return _(self.message).format(**self.values)


def parse_now(text: str) -> tuple[datetime, ZoneInfo | None]:
    """`--now` as an aware time, and the zone it names in brackets (RFC 9557), if any."""
    bracketed = BRACKETED.fullmatch(text.strip())
    stamp, zone = (bracketed["at"], bracketed["zone"]) if bracketed else (text.strip(), None)
    try:
        at = datetime.fromisoformat(stamp)
    except ValueError:
        raise ZoneError(
            f"{text!r} is not ISO 8601: write it like 2026-11-23T09:00:00-05:00"
        ) from None
    if zone is None:
        if at.tzinfo is None:
            raise ZoneError(
                "give an offset, like 2026-11-23T09:00:00-05:00, or a zone, like "
                "2026-11-23T09:00:00[America/New_York]"
            )
        return at, None
    named = _zone(zone)
    if named is None:
        raise ZoneError(f"{zone!r} is not a time zone: name one like America/New_York")
    if at.tzinfo is None:
        return at.replace(tzinfo=named), named
    if at.utcoffset() != at.astimezone(named).utcoffset():
        raise ZoneError(
            f"{stamp} is not a time in {zone}: drop the offset, or use {zone}'s at that date"
        )
    return at, named


def console_zone(
    now: tuple[datetime, ZoneInfo | None] | None,
    configured: str | None,
    machine: str | None,
) -> ConsoleZone:
    """Which zone the console reads and shows times in, and how to say why.

    `now` is the parsed `--now` (None for the real clock), `configured` the setting when it
    was set explicitly, `machine` the machine's IANA zone name when it could be read.
    """
    if configured and _zone(configured) is None:
        raise ZoneError(f"{SETTING}={configured} is not a time zone: name one like Europe/Berlin")
    known = [
        (zone, why)
        for zone, why in ((_zone(configured), FROM_SETTING), (_zone(machine), FROM_MACHINE))
        if zone is not None
    ]
    if now is None:
        if not known:
            return ConsoleZone(ZoneInfo("UTC"), UNKNOWN)
        zone, why = known[0]
        return ConsoleZone(zone, why, {"zone": zone.key, "setting": SETTING})
    at, named = now
    if named is not None:
        return ConsoleZone(named, FROM_NOW, {"zone": named.key})
    for zone, why in known:
        if at.astimezone(zone).utcoffset() == at.utcoffset():
            said = SETTING_AT_NOW if why == FROM_SETTING else MACHINE_AT_NOW
            return ConsoleZone(zone, said, {"zone": zone.key, "setting": SETTING})
    offset = at.utcoffset() or timedelta()
    fixed = _fixed(offset)
    if fixed is None:
        raise ZoneError(
            f"--now's offset {_offset_text(offset)} is not a whole number of hours: name the "
            "zone too, like 2026-11-23T09:00:00+05:30[Asia/Kolkata]"
        )
    name = f"UTC{_offset_text(offset)}" if offset else "UTC"
    return ConsoleZone(fixed, FROM_NOW, {"zone": name})


def process_locale(environ: Mapping[str, str] | None = None) -> str | None:
    """The machine's language for messages as a locale ("de_DE.UTF-8" -> "de-DE"), if set.

    The console is the member's own machine, so its locale is to the console what a Slack or
    Discord client's locale is to those: the first guess at the member's language, sent
    with each request and kept only until they choose one (`language=`). Before any member
    is known it also picks the language of the first line, the zone sentence.
    """
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "").split(":")[0]
        if value:
            code = value.split(".")[0].split("@")[0]
            return None if code in NO_LOCALE else code.replace("_", "-")
    return None


def machine_zone() -> str | None:
    """The IANA name of the zone this machine runs in, None when it cannot be told."""
    try:
        return tzlocal.get_localzone_name()
    except (ZoneInfoNotFoundError, LookupError, ValueError, OSError):
        return None


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError):  # KeyError covers ZoneInfoNotFoundError
        return None


def _fixed(offset: timedelta) -> ZoneInfo | None:
    """The tz database's fixed zone for a whole-hour offset (its sign is inverted: POSIX)."""
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest or not -12 <= hours <= 14:
        return None
    return ZoneInfo("Etc/UTC" if hours == 0 else f"Etc/GMT{-hours:+d}")


def _offset_text(offset: timedelta) -> str:
    """How an offset is written after "UTC": -05:00, +05:30."""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"
