"""A career group's settings, changed by its admins: defaults, wins channel, retention.

Admins shape their group's experience without seeing anyone's data: a default changes the
timing of members who never chose their own, and the re-planning happens here, in the same
transaction as the change. Parsing reuses the member settings' parser, so a value means the
same thing whoever sets it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.chat import ChannelMention, CommandRequest
from bot.domain.languages import language_label
from bot.domain.policy import WAITING_STATUSES, Status
from bot.errors import UserError
from bot.i18n import _, ngettext
from bot.services.deps import Deps
from bot.services.group_defaults import Source, group_values
from bot.services.member_settings import (
    BUILT_IN_NOTE,
    COLUMNS,
    NO,
    assign,
    describe_values,
    parse_setting,
)
from bot.services.planning import replan
from bot.storage import repositories as repo
from bot.storage.models import Member, Workspace

log = logging.getLogger(__name__)

DEFAULT_KEYS = (
    "timezone",
    "quiet_hours",
    "weekdays_only",
    "thank_you_delay",
    "status_check_days",
    "status_check_limit",
    "tone",
    "language",
)
ADMIN_KEYS = (*DEFAULT_KEYS, "wins", "retention")
TIMING_KEYS = frozenset(DEFAULT_KEYS) - {"tone", "language"}
# Interviews that are over: nothing more will happen unless the member reopens them.
CLOSED_STATUSES = frozenset(
    {Status.REJECTED, Status.WITHDRAWN, Status.CLOSED, Status.OFFER, Status.CANCELLED}
)
MIN_RETENTION_DAYS = 7
MAX_RETENTION_DAYS = 3650
_DAYS = re.compile(r"^(\d{1,5})\s*(?:d|days?)?$", re.IGNORECASE)
# <#C123|name> (Slack, escaped), <#123> (Discord), or a bare Slack/Discord channel id.
_MENTION = re.compile(r"^<#([A-Za-z0-9]+)(?:\|[^>]*)?>$")
_CHANNEL_ID = re.compile(r"^(?:[CG][A-Z0-9]{6,20}|\d{15,21})$")


class GroupService:
    """Reads and changes one career group's settings; admins only (checked by the caller)."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def group_for(self, session: Session, request: CommandRequest) -> Workspace:
        """The group an admin command was typed in, refusing DMs and non-admins clearly."""
        if not request.group_id:
            raise UserError(
                _("Group settings belong to a workspace or server, and this is a direct message."),
                hint=_(
                    "Run /interview admin in a channel of your Slack workspace or Discord server."
                ),
            )
        if not request.is_admin:
            raise UserError(
                _("Only this group's admins can see or change its settings."),
                hint=_(
                    "On Slack that's a workspace admin or owner; on Discord, someone with "
                    "Manage Server. Your own preferences: /interview settings."
                ),
            )
        return repo.ensure_workspace(
            session, request.member.platform, request.group_id, self.deps.clock.now()
        )

    def describe(self, group: Workspace) -> list[tuple[str, str]]:
        """The group's settings as label and value pairs; built-in values say so."""
        resolved = group_values(group)
        default = f" ({_(BUILT_IN_NOTE)})"
        zone = group.timezone or f"{self.deps.default_tz.key}{default}"
        pairs = [(_("Time zone"), zone)]
        for label, text, column in describe_values(resolved):
            note = default if resolved.sources[column] is Source.BUILT_IN else ""
            pairs.append((label, text + note))
        language = language_label(resolved.str_("language"))
        if resolved.sources["language"] is Source.BUILT_IN:
            language = _(
                "{language} (default; a Discord member's own language when it is one of ours)"
            ).format(language=language)
        pairs.append((_("Language"), language))
        wins = ChannelMention.of(group.wins_channel) if group.wins_channel else _("off")
        pairs.append((_("Wins channel"), wins))
        days = group.retention_days
        retention = (
            ngettext("{count} day", "{count} days", days).format(count=days)
            if days
            else _("off (kept)")
        )
        pairs.append((_("Delete closed interviews after"), retention))
        return pairs

    def update(self, session: Session, group: Workspace, options: Mapping[str, str]) -> list[str]:
        """Apply `key=value` changes; all are checked before any is saved."""
        unknown = [key for key in options if key not in ADMIN_KEYS]
        if unknown:
            raise UserError(
                _("I don't know the group setting '{setting}'.").format(setting=unknown[0]),
                hint=_("Group settings: {settings}.").format(settings=", ".join(ADMIN_KEYS)),
            )
        changes = {key: _parse(key, value) for key, value in options.items()}
        now = self.deps.clock.now()
        for key, value in changes.items():
            if key == "wins":
                if value is not None and value != group.wins_channel:
                    group.wins_posted_at = now  # the first post comes next week, not now
                group.wins_channel = value  # type: ignore[assignment]
            elif key == "retention":
                group.retention_days = value  # type: ignore[assignment]
            else:
                assign(group, key, value)
        timing = TIMING_KEYS & changes.keys()
        if timing:
            self._replan_followers(session, group, timing, now)
        return list(changes)

    def _replan_followers(
        self, session: Session, group: Workspace, keys: frozenset[str], now: datetime
    ) -> None:
        """Re-plan pending reminders of members who use the group's value for `keys`."""
        session.flush()
        columns = [column for key in keys for column in COLUMNS.get(key, (key,))]
        everyone = "status_check_limit" in keys  # members cannot override the limit
        candidates = repo.members_following(session, group, columns, everyone=everyone)
        by_id = {member.id: member for member in candidates if _follows(member, keys)}
        # A raised limit may revive a nudge for an interview that had gone quiet.
        waiting = WAITING_STATUSES if everyone else frozenset()
        self._replan_members(session, by_id, waiting, now)

    def set_active(self, platform: str, external_id: str, *, active: bool) -> int:
        """The app was installed in (or removed from) a group; returns reminders changed.

        Removing it cancels the group's scheduled reminders and keeps members' data;
        installing it again re-plans them, so nobody's follow-ups silently stop.
        """
        now = self.deps.clock.now()
        with self.deps.db.transaction() as session:
            group = repo.ensure_workspace(session, platform, external_id, now)
            was_active, group.active = group.active, active
            if not active:
                return repo.cancel_group_reminders(session, group, "workspace uninstalled")
            if was_active:
                return 0
            members = {m.id: m for m in repo.members_of(session, group)}
            return self._replan_members(session, members, (), now)

    def _replan_members(
        self,
        session: Session,
        members: Mapping[int, Member],
        statuses: Iterable[str],
        now: datetime,
    ) -> int:
        """Re-plan these members' interviews; returns how many were re-planned.

        One member's rows that cannot be read, or one interview the policy cannot plan, is
        logged by id and left as it was: it never stops anyone else's re-planning.
        """
        interviews, unreadable = repo.readable(
            session,
            lambda ids: repo.interviews_with_pending(session, ids, statuses),
            list(members),
        )
        for member_id, error in unreadable:
            log.error("re-planning member %s skipped: %s", member_id, type(error).__name__)
        done = 0
        for interview in interviews:
            try:
                with session.begin_nested():  # a failure undoes this interview's changes only
                    replan(interview, self.deps.cadence_of(members[interview.member_id]), now)
            except SQLAlchemyError:
                raise
            except Exception as error:
                log.error(
                    "re-planning interview %s skipped: %s", interview.id, type(error).__name__
                )
            else:
                done += 1
        return done

    def purge(self, session: Session, group: Workspace, *, limit: int) -> int:
        """Delete closed interviews older than the group's retention; returns how many."""
        if not group.retention_days:
            return 0
        before = self.deps.clock.now() - timedelta(days=group.retention_days)
        return repo.purge_closed_interviews(session, group, CLOSED_STATUSES, before, limit)


def _follows(member: Member, keys: frozenset[str]) -> bool:
    """Whether a member's timing depends on the group for any of `keys`."""
    for key in keys:
        if key == "status_check_limit":
            return True
        if key == "timezone":
            if not member.timezone and not member.platform_timezone:
                return True
        elif any(getattr(member, column) is None for column in COLUMNS.get(key, (key,))):
            return True
    return False


def _parse(key: str, value: str) -> object:
    text = value.strip()
    if key == "wins":
        return parse_channel(text)
    if key == "retention":
        return parse_retention(text)
    return parse_setting(key, text)


def parse_channel(text: str) -> str | None:
    """A channel id from a mention (`<#C123|name>`, `<#123>`) or a bare id; off is None."""
    if text.casefold() in NO | {"none"}:
        return None
    mention = _MENTION.match(text)
    if mention:
        return mention.group(1)
    if _CHANNEL_ID.match(text):
        return text
    raise UserError(
        _("I couldn't tell which channel '{channel}' is.").format(channel=text),
        hint=_(
            "Run the command in that channel with wins=here, or pick the channel as you type "
            "# so it becomes a link. Turn the post off with wins=off."
        ),
    )


def parse_retention(text: str) -> int | None:
    """Days after which closed interviews are deleted (`90d`, `90`), or None for off."""
    if text.casefold() in NO | {"none", "never"}:
        return None
    match = _DAYS.match(text)
    days = int(match.group(1)) if match else 0
    if not MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS:
        raise UserError(
            _("'{value}' isn't a number of days from {least} to {most}.").format(
                value=text, least=MIN_RETENTION_DAYS, most=MAX_RETENTION_DAYS
            ),
            hint=_("Like retention=90d, or retention=off to keep closed interviews."),
        )
    return days
