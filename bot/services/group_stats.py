"""Anonymous counts for a career group: what its members achieved, never who or where.

Admins and the opt-in wins channel see three totals over a period (interviews logged,
thank-you notes marked sent within 24 hours of the interview, offers) and how many members
contributed. With fewer than `MIN_CONTRIBUTORS` contributors the totals could point at a
person, so none are shown at all. No name, company or per-member figure ever leaves here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.chat import Fields, Reply, Section
from bot.i18n import _
from bot.storage import repositories as repo
from bot.storage.models import Workspace

MIN_CONTRIBUTORS = 5


@dataclass(frozen=True)
class GroupStats:
    """Totals for one group over [since, until)."""

    since: datetime
    until: datetime
    contributors: int
    interviews_logged: int
    thank_yous_on_time: int
    offers: int

    @property
    def shareable(self) -> bool:
        """Whether enough members contributed for totals to stay anonymous."""
        return self.contributors >= MIN_CONTRIBUTORS


def group_stats(session: Session, group: Workspace, since: datetime, until: datetime) -> GroupStats:
    """Count the group's activity in the period; per-member figures are summed away here."""
    activity = repo.group_activity(session, group, since, until)
    contributors = activity.logged.keys() | activity.thanked_on_time.keys() | activity.offers.keys()
    return GroupStats(
        since=since,
        until=until,
        contributors=len(contributors),
        interviews_logged=sum(activity.logged.values()),
        thank_yous_on_time=sum(activity.thanked_on_time.values()),
        offers=sum(activity.offers.values()),
    )


def stats_reply(stats: GroupStats, heading: str) -> Reply:
    """The counts as a message, or why there are none: the same words for admins and channel."""
    if not stats.shareable:
        return Reply.text(
            heading,
            _(
                "Fewer than {count} members were active in this period, so I'm not "
                "showing counts: with so few, totals could point at a person."
            ).format(count=MIN_CONTRIBUTORS),
        )
    return Reply(
        blocks=[
            Section(heading),
            Fields(
                (
                    (_("Interviews logged"), str(stats.interviews_logged)),
                    (_("Thank-you notes sent within 24 hours"), str(stats.thank_yous_on_time)),
                    (_("Offers"), str(stats.offers)),
                    (_("Members contributing"), str(stats.contributors)),
                )
            ),
        ]
    )
