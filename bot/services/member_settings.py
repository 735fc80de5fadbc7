"""A member's own settings; changes that move reminders re-plan them at once."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import time

from sqlalchemy.orm import object_session

from bot.domain.languages import (
    DEFAULT_LANGUAGE,
    language_label,
    language_of_locale,
    parse_language,
)
from bot.domain.policy import MAX_STATUS_CHECKS
from bot.domain.timeparse import parse_duration, parse_timezone
from bot.domain.timewords import DATE_ORDERS, ORDER_WORDS, DateOrder
from bot.errors import UserError
from bot.i18n import N_, _
from bot.services.deps import Deps
from bot.services.group_defaults import Resolved, Source, resolve
from bot.services.planning import replan
from bot.storage import repositories as repo
from bot.storage.models import Member, Workspace
from bot.storage.repositories import group_of

TONES = ("warm", "formal", "concise")
# Each tone as a menu names it; the value is what a member types (tone=formal).
TONE_LABELS = {"warm": N_("warm"), "formal": N_("formal"), "concise": N_("concise")}
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
    "templates",
    "date_order",
    "language",
)
TIMING_KEYS = frozenset(KEYS[:5])
# Keys stored in columns named differently (the same names on Member and Workspace).
COLUMNS = {
    "quiet_hours": ("quiet_start", "quiet_end"),
    "thank_you_delay": ("thank_you_delay_minutes",),
    "name": ("display_name",),
    "templates": ("builtin_templates",),
}
# templates=builtin: our drafts even when the member's group has its own templates.
TEMPLATE_CHOICES = {"builtin": True, "built-in": True, "group": False}
DEFAULT = "default"
DEFAULTABLE = frozenset({*KEYS[:5], "tone", "status_check_limit", "date_order", "language"})
# How a member may say how they write "3/12"; `default` goes back to their zone's custom.
DATE_ORDER_WORDS: dict[str, DateOrder] = {
    **{order.casefold(): order for order in DATE_ORDERS},
    **{words.replace(" ", "-"): order for order, words in ORDER_WORDS.items()},
    "dd/mm": "DMY",
    "mm/dd": "MDY",
    "yyyy-mm-dd": "YMD",
}
GROUP_NOTE = N_("group default")
BUILT_IN_NOTE = N_("default")  # a value no one chose


class MemberSettingsService:
    """Reads and changes one member's settings."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def update(self, member: Member, options: Mapping[str, str]) -> list[str]:
        """Apply `key=value` changes; all are checked before any is saved."""
        unknown = [k for k in options if k not in KEYS]
        if unknown:
            raise UserError(
                _("I don't know the setting '{setting}'.").format(setting=unknown[0]),
                hint=_("Settings: {settings}.").format(settings=", ".join(KEYS)),
            )
        changes = {key: parse_setting(key, value) for key, value in options.items()}
        for key, value in changes.items():
            assign(member, key, value)
        if TIMING_KEYS & changes.keys():
            self._replan_all(member)
        return list(changes)

    def describe(self, member: Member) -> list[tuple[str, str]]:
        """The member's settings as label and value pairs, saying which are the group's."""
        zone = self.deps.zone_of(member)
        group_zone = group_of(member).timezone
        if member.timezone:
            source = ""
        elif not member.platform_timezone and group_zone and zone.key == group_zone:
            source = f" ({_(GROUP_NOTE)})"
        else:
            source = f" ({_(BUILT_IN_NOTE)})"
        resolved = resolve(member)
        timing = [
            (label, text + _source_note(resolved.sources[column]))
            for label, text, column in describe_values(resolved)
            if column != "status_check_limit"
        ]
        return [
            (_("Time zone"), f"{zone.key}{source}"),
            *timing[:4],
            (_("Name"), member.display_name or "—"),
            (_("Signature"), member.signature or "—"),
            *timing[4:],
            (
                _("Templates"),
                _("built-in") if member.builtin_templates else _("group's, where it has any"),
            ),
            (_("Dates"), self._date_order(member)),
            (_("Language"), self._language(member, resolved)),
        ]

    def _date_order(self, member: Member) -> str:
        order = self.deps.date_order_of(member)
        meaning = _("3 December") if order == "DMY" else _("March 12")
        said = _("{order}, 3/12 is {meaning}").format(order=_(ORDER_WORDS[order]), meaning=meaning)
        if member.date_order:
            return said
        if self.deps.language_of(member) != DEFAULT_LANGUAGE:
            return _("{setting} (from your language)").format(setting=said)
        return _("{setting} (from your time zone)").format(setting=said)

    def _language(self, member: Member, resolved: Resolved) -> str:
        """The language dates are read in, and why: theirs, the group's, or the platform's."""
        label = language_label(self.deps.language_of(member))
        source = resolved.sources["language"]
        if source is Source.BUILT_IN and language_of_locale(member.platform_locale):
            platform = member.workspace.platform.capitalize()
            return _("{language} (from your {platform} language)").format(
                language=label, platform=platform
            )
        return label + _source_note(source)

    def _replan_all(self, member: Member) -> None:
        session = object_session(member)
        if session is None:
            return
        session.flush()
        now = self.deps.clock.now()
        cadence = self.deps.cadence_of(member)
        for interview in repo.interviews_of(session, member):
            replan(interview, cadence, now)


def assign(target: Member | Workspace, key: str, value: object) -> None:
    """Store a parsed setting on a member or on a group: the columns have the same names."""
    columns = COLUMNS.get(key, (key,))
    parts = value if len(columns) > 1 and isinstance(value, tuple) else (value,) * len(columns)
    for column, part in zip(columns, parts, strict=True):
        setattr(target, column, part)


def describe_values(resolved: Resolved) -> list[tuple[str, str, str]]:
    """(label, value, column) for the timing and tone settings a member or group has."""
    weekdays = _("yes") if resolved.bool_("weekdays_only") else _("no")
    quiet = f"{resolved.str_('quiet_start')}-{resolved.str_('quiet_end')}"
    return [
        (_("Quiet hours"), quiet, "quiet_start"),
        (_("Weekdays only"), weekdays, "weekdays_only"),
        (
            _("Thank-you reminder"),
            _("{minutes} min after the interview").format(
                minutes=resolved.int_("thank_you_delay_minutes")
            ),
            "thank_you_delay_minutes",
        ),
        (
            _("Status check after"),
            _("{days} days of silence").format(days=resolved.int_("status_check_days")),
            "status_check_days",
        ),
        (
            _("Status checks at most"),
            str(resolved.int_("status_check_limit")),
            "status_check_limit",
        ),
        (_("Tone"), _tone(resolved.str_("tone")), "tone"),
    ]


def _tone(value: str) -> str:
    """A tone as a member reads it: its label, or the stored word when it has none."""
    label = TONE_LABELS.get(value)
    return _(label) if label else value


def _source_note(source: Source) -> str:
    if source is Source.MEMBER:
        return ""
    return f" ({_(GROUP_NOTE) if source is Source.GROUP else _(BUILT_IN_NOTE)})"


def parse_setting(key: str, value: str) -> object:
    """A setting's value as stored; `default` clears it (back to the group's or built-in)."""
    if value.strip().casefold() == DEFAULT and key in DEFAULTABLE:
        return (None, None) if key == "quiet_hours" else None
    return _parse(key, value)


def _parse(key: str, value: str) -> object:
    value = value.strip()
    if key == "status_check_limit":
        if value not in {str(n) for n in range(1, MAX_STATUS_CHECKS + 1)}:
            raise UserError(
                _("'{value}' isn't 1 or {most}.").format(value=value, most=MAX_STATUS_CHECKS),
                hint=_("Like status_check_limit=1: never more than two unanswered nudges."),
            )
        return int(value)
    if key == "timezone":
        return parse_timezone(value).key
    if key == "quiet_hours":
        return _quiet_hours(value)
    if key == "weekdays_only":
        if value.casefold() in YES:
            return True
        if value.casefold() in NO:
            return False
        raise UserError(
            _("'{value}' isn't yes or no.").format(value=value),
            hint=_("Write weekdays_only=yes or no."),
        )
    if key == "thank_you_delay":
        minutes = int(parse_duration(value).total_seconds() // 60)
        if not 0 < minutes <= 20 * 60:
            raise UserError(
                _("The thank-you reminder must come within 20 hours of the interview."),
                hint=_("Like thank_you_delay=1h or 30m."),
            )
        return minutes
    if key == "status_check_days":
        # isdecimal, not isdigit: isdigit passes ³ and ①, which int() refuses.
        if not value.isdecimal() or not 3 <= int(value) <= MAX_STATUS_DAYS:
            raise UserError(
                _("'{value}' isn't a number of days from 3 to {most}.").format(
                    value=value, most=MAX_STATUS_DAYS
                ),
                hint=_("Like status_check_days=7: patience reads as professional."),
            )
        return int(value)
    if key == "templates":
        if value.casefold() not in TEMPLATE_CHOICES:
            raise UserError(
                _("I don't know templates={value}.").format(value=value),
                hint=_(
                    "Use templates=builtin for our drafts, or templates=group for your "
                    "group's own templates (where it has them)."
                ),
            )
        return TEMPLATE_CHOICES[value.casefold()]
    if key == "date_order":
        order = DATE_ORDER_WORDS.get(value.casefold().replace(" ", "-").replace("_", "-"))
        if order is None:
            raise UserError(
                _("I don't know the date order '{value}'.").format(value=value),
                hint=_(
                    "Use date_order=day-first (3/12 is 3 December), date_order=month-first "
                    "(March 12) or date_order=default (your time zone's custom)."
                ),
            )
        return order
    if key == "language":
        return parse_language(value)
    if key == "tone":
        if value.casefold() not in TONES:
            raise UserError(
                _("I don't know the tone '{value}'.").format(value=value),
                hint=_("Use {choices}").format(choices=", ".join(TONES)),
            )
        return value.casefold()
    if len(value) > MAX_SIGNATURE:
        raise UserError(
            _("That {setting} is {length} characters; the limit is {limit}.").format(
                setting=key, length=len(value), limit=MAX_SIGNATURE
            ),
            hint=_("Shorten it; nothing was saved."),
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
            _("I couldn't read '{value}' as quiet hours.").format(value=value),
            hint=_('Write them as start-end in 24-hour time, like quiet_hours="21:00-08:00".'),
        ) from None
    return (f"{start:%H:%M}", f"{end:%H:%M}")
