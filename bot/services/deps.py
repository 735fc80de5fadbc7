"""What every use case needs, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.languages import DEFAULT_LANGUAGE, LANGUAGES, language_of_locale
from bot.domain.policy import Cadence
from bot.domain.timewords import DATE_ORDERS, DateOrder, date_order_of
from bot.drafting.render import DraftRenderer
from bot.ports import Clock
from bot.services.group_defaults import Source, member_group, resolve
from bot.storage.db import Database
from bot.storage.models import Interview, Member
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

    def date_order_of(
        self, member: Member | MemberFacts, interview: Interview | None = None
    ) -> DateOrder:
        """How the member writes "3/12": their setting, else their language's or zone's custom.

        Spanish, French, German and Portuguese write the day first; English follows the
        zone's country. An interview in another language (`log ... language=fr`) reads
        its dates that language's way.
        """
        chosen = member.date_order
        if chosen in DATE_ORDERS:
            return chosen
        return date_order_of(self.zone_of(member), self.language_of(member, interview))

    def language_of(self, member: Member | MemberFacts, interview: Interview | None = None) -> str:
        """The language the member follows up in, and their dates are read in.

        The interview's own, else theirs, their group's, their platform's (Discord's
        locale), else English.
        """
        if interview is not None and interview.language in LANGUAGES:
            return interview.language
        resolved = resolve(member)
        chosen = resolved.str_("language")
        if resolved.sources["language"] is Source.BUILT_IN or chosen not in LANGUAGES:
            return language_of_locale(member.platform_locale) or DEFAULT_LANGUAGE
        return chosen

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
