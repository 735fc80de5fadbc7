"""What every use case needs, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.policy import Cadence
from bot.drafting.render import DraftRenderer
from bot.ports import Clock
from bot.storage.db import Database
from bot.storage.models import Member


@dataclass(frozen=True)
class Deps:
    """The database, the clock, the default zone and the draft renderer."""

    db: Database
    clock: Clock
    default_tz: ZoneInfo
    renderer: DraftRenderer

    def zone_of(self, member: Member) -> ZoneInfo:
        """The member's zone: their setting, else their platform's, else the group's."""
        for name in (member.timezone, member.platform_timezone, member.workspace.timezone):
            if name:
                try:
                    return ZoneInfo(name)
                except (ValueError, KeyError):  # a zone that vanished from tzdata
                    continue
        return self.default_tz

    def cadence_of(self, member: Member) -> Cadence:
        """The member's timing preferences for the follow-up policy."""
        return Cadence(
            tz=self.zone_of(member),
            thank_you_delay=timedelta(minutes=member.thank_you_delay_minutes),
            status_check_days=member.status_check_days,
            quiet_start=time.fromisoformat(member.quiet_start),
            quiet_end=time.fromisoformat(member.quiet_end),
            weekdays_only=member.weekdays_only,
        )
