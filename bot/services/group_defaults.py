"""Which value of each timing, tone and language setting applies to a member, and why.

A member's own setting wins; a setting they never chose (NULL) follows their career
group's default, set by its admins; a group without one falls back to the built-in value.
One place decides this, so the policy, the drafts and `/interview settings` agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import object_session

from bot.domain.languages import DEFAULT_LANGUAGE
from bot.domain.policy import MAX_STATUS_CHECKS
from bot.storage.models import Member, Workspace
from bot.storage.repositories import GroupFacts, MemberFacts, group_of

# Built-in values: what a member gets when neither they nor their group chose.
BUILT_IN: dict[str, object] = {
    "quiet_start": "21:00",
    "quiet_end": "08:00",
    "weekdays_only": True,
    "thank_you_delay_minutes": 60,
    "status_check_days": 7,
    "status_check_limit": MAX_STATUS_CHECKS,
    "tone": "warm",
    "language": DEFAULT_LANGUAGE,  # before it, a member's platform locale (Deps.language_of)
}
# Columns a member may set themselves (the limit is the group's call alone).
MEMBER_COLUMNS = frozenset(BUILT_IN) - {"status_check_limit"}


class Source(StrEnum):
    """Where a resolved value came from."""

    MEMBER = "member"
    GROUP = "group"
    BUILT_IN = "built-in"


@dataclass(frozen=True)
class Resolved:
    """The settings in force for a member, and where each came from."""

    values: dict[str, object]
    sources: dict[str, Source]

    def str_(self, column: str) -> str:
        """A text setting."""
        return str(self.values[column])

    def int_(self, column: str) -> int:
        """A number setting."""
        value = self.values[column]
        assert isinstance(value, int)  # noqa: S101  (the columns are typed)
        return value

    def bool_(self, column: str) -> bool:
        """A yes/no setting."""
        return bool(self.values[column])


def member_group(member: Member | MemberFacts) -> Workspace | GroupFacts:
    """The member's group, loaded (lazily, at most once) without flushing pending changes.

    Use cases ask for a member's cadence in the middle of changing things; a lazy load
    must not write their half-made changes early. Facts carry their group already.
    """
    if isinstance(member, MemberFacts):
        return member.group
    session = object_session(member)
    if session is None:
        return group_of(member)
    with session.no_autoflush:
        return group_of(member)


def resolve(member: Member | MemberFacts) -> Resolved:
    """Member, then group, then built-in, for every timing, tone and language setting."""
    resolved = group_values(member_group(member))
    for column in MEMBER_COLUMNS:
        own = getattr(member, column)
        if own is not None:
            resolved.values[column], resolved.sources[column] = own, Source.MEMBER
    return resolved


def group_values(group: Workspace | GroupFacts) -> Resolved:
    """A group's defaults as its members see them (built-in where the group chose none)."""
    values: dict[str, object] = {}
    sources: dict[str, Source] = {}
    for column, built_in in BUILT_IN.items():
        chosen = getattr(group, column)
        values[column] = built_in if chosen is None else chosen
        sources[column] = Source.BUILT_IN if chosen is None else Source.GROUP
    return Resolved(values, sources)
