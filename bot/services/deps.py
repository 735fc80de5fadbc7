"""What every use case needs, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.policy import Cadence
from bot.domain.timewords import DATE_ORDERS, DateOrder, date_order_of
from bot.drafting.render import DraftRenderer
from bot.ports import Clock
from bot.services.group_defaults import member_group, resolve
from bot.storage.db import Database
from bot.storage.models import Member
from bot.storage.repositories import MemberFacts


@dataclass(frozen=True)
class Deps:
    """The database, the clock, the default zone and the draft renderer."""

    db: Database
    clock: Clock
    default_tz: ZoneInfo
    renderer: DraftRenderer

    def zone_of(self, member: Member | MemberFacts) -> ZoneInfo:
        """The member's zone: their setting, else their platform's, else the group's."""
        names = (member.timezone, member.platform_timezone, member_group(member).timezone)
        for name in (*names, member.workspace.timezone):
            if name:
                try:
                    return ZoneInfo(name)
                except (ValueError, KeyError):  # a zone that vanished from tzdata
                    continue
        return self.default_tz

    def date_order_of(self, member: Member | MemberFacts) -> DateOrder:
        """How the member writes "3/12": their setting, else their zone's country's custom."""
        chosen = member.date_order
        return chosen if chosen in DATE_ORDERS else date_order_of(self.zone_of(member))

    def cadence_of(self, member: Member | MemberFacts) -> Cadence:
        """The member's timing for the follow-up policy: theirs, else their group's."""
        settings = resolve(member)
        return Cadence(
            tz=self.zone_of(member),
            thank_you_delay=timedelta(minutes=settings.int_("thank_you_delay_minutes")),
            status_check_days=settings.int_("status_check_days"),
            quiet_start=time.fromisoformat(settings.str_("quiet_start")),
            quiet_end=time.fromisoformat(settings.str_("quiet_end")),
            weekdays_only=settings.bool_("weekdays_only"),
            status_check_limit=settings.int_("status_check_limit"),
        )

    def tone_of(self, member: Member | MemberFacts) -> str:
        """How the member's drafts sound: their choice, else their group's."""
        return resolve(member).str_("tone")
