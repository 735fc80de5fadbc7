"""A member's own settings; changes that move reminders re-plan them at once."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import time

from sqlalchemy.orm import object_session

from bot.domain.timeparse import parse_duration, parse_timezone
from bot.errors import UserError
from bot.services.deps import Deps
from bot.services.planning import replan
from bot.storage import repositories as repo
from bot.storage.models import Member

TONES = ("warm", "formal", "concise")
YES = {"yes", "on", "true", "1"}
NO = {"no", "off", "false", "0"}
_HOURS = re.compile(r"^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$")
MAX_STATUS_DAYS = 30
MAX_SIGNATURE = 500
KEYS = (
    "timezone",
    "quiet_hours",
    "weekdays_only",
    "thank_you_delay",
    "status_check_days",
    "name",
    "signature",
    "tone",
)
TIMING_KEYS = frozenset(KEYS[:5])


class MemberSettingsService:
    """Reads and changes one member's settings."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def update(self, member: Member, options: Mapping[str, str]) -> list[str]:
        """Apply `key=value` changes; all are checked before any is saved."""
        unknown = [k for k in options if k not in KEYS]
        if unknown:
            raise UserError(
                f"I don't know the setting '{unknown[0]}'.",
                hint="Settings: " + ", ".join(KEYS) + ".",
            )
        changes = {key: _parse(key, value) for key, value in options.items()}
        for key, value in changes.items():
            if key == "quiet_hours":
                member.quiet_start, member.quiet_end = value  # type: ignore[misc]
            elif key == "thank_you_delay":
                member.thank_you_delay_minutes = value  # type: ignore[assignment]
            elif key == "name":
                member.display_name = value  # type: ignore[assignment]
            else:
                setattr(member, key, value)
        if TIMING_KEYS & changes.keys():
            self._replan_all(member)
        return list(changes)

    def describe(self, member: Member) -> list[tuple[str, str]]:
        """The member's settings as label and value pairs."""
        zone = self.deps.zone_of(member)
        source = "" if member.timezone else " (default)"
        return [
            ("Time zone", f"{zone.key}{source}"),
            ("Quiet hours", f"{member.quiet_start}-{member.quiet_end}"),
            ("Weekdays only", "yes" if member.weekdays_only else "no"),
            ("Thank-you reminder", f"{member.thank_you_delay_minutes} min after the interview"),
            ("Status check after", f"{member.status_check_days} days of silence"),
            ("Name", member.display_name or "—"),
            ("Signature", member.signature or "—"),
            ("Tone", member.tone),
        ]

    def _replan_all(self, member: Member) -> None:
        session = object_session(member)
        if session is None:
            return
        session.flush()
        now = self.deps.clock.now()
        cadence = self.deps.cadence_of(member)
        for interview in repo.interviews_of(session, member):
            replan(interview, cadence, now)


def _parse(key: str, value: str) -> object:
    value = value.strip()
    if key == "timezone":
        return parse_timezone(value).key
    if key == "quiet_hours":
        return _quiet_hours(value)
    if key == "weekdays_only":
        if value.casefold() in YES:
            return True
        if value.casefold() in NO:
            return False
        raise UserError(f"'{value}' isn't yes or no.", hint="Write weekdays_only=yes or no.")
    if key == "thank_you_delay":
        minutes = int(parse_duration(value).total_seconds() // 60)
        if not 0 < minutes <= 20 * 60:
            raise UserError(
                "The thank-you reminder must come within 20 hours of the interview.",
                hint="Like thank_you_delay=1h or 30m.",
            )
        return minutes
    if key == "status_check_days":
        if not value.isdigit() or not 3 <= int(value) <= MAX_STATUS_DAYS:
            raise UserError(
                f"'{value}' isn't a number of days from 3 to {MAX_STATUS_DAYS}.",
                hint="Like status_check_days=7: patience reads as professional.",
            )
        return int(value)
    if key == "tone":
        if value.casefold() not in TONES:
            raise UserError(f"I don't know the tone '{value}'.", hint="Use " + ", ".join(TONES))
        return value.casefold()
    if len(value) > MAX_SIGNATURE:
        raise UserError(
            f"That {key} is {len(value)} characters; the limit is {MAX_SIGNATURE}.",
            hint="Shorten it; nothing was saved.",
        )
    return value or None


def _quiet_hours(value: str) -> tuple[str, str]:
    if value.casefold() in NO | {"none"}:
        return ("00:00", "00:00")
    match = _HOURS.match(value)
    try:
        if match is None:
            raise ValueError
        start, end = (time.fromisoformat(part.zfill(5)) for part in match.groups())
    except ValueError:
        raise UserError(
            f"I couldn't read '{value}' as quiet hours.",
            hint='Write them as start-end in 24-hour time, like quiet_hours="21:00-08:00".',
        ) from None
    return (f"{start:%H:%M}", f"{end:%H:%M}")
