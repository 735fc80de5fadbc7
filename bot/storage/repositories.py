"""The only SQL in the core. Every lookup takes its owner; nothing loads by bare id."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, contains_eager, joinedload, selectinload

from bot.chat import MemberRef
from bot.storage.models import FollowUp, Interview, Member, Reminder, Workspace


def find_member(session: Session, ref: MemberRef) -> Member | None:
    """The member behind a platform identity, if they have used the bot before."""
    return session.scalars(
        select(Member)
        .join(Member.workspace)
        .where(
            Workspace.platform == ref.platform,
            Workspace.external_id == ref.workspace_id,
            Member.user_id == ref.user_id,
        )
        .options(contains_eager(Member.workspace))
    ).one_or_none()


def ensure_member(session: Session, ref: MemberRef, now: datetime) -> Member:
    """The member for `ref`, created with their workspace on first use."""
    member = find_member(session, ref)
    if member is not None:
        return member
    workspace = ensure_workspace(session, ref.platform, ref.workspace_id, now)
    member = Member(workspace=workspace, user_id=ref.user_id, created_at=now)
    try:
        with session.begin_nested():
            session.add(member)
            session.flush()
    except IntegrityError:  # a concurrent first command created it
        found = find_member(session, ref)
        if found is None:
            raise
        return found
    return member


def ensure_workspace(session: Session, platform: str, external_id: str, now: datetime) -> Workspace:
    """The workspace (career group) for a platform id, created on first use."""
    query = select(Workspace).where(
        Workspace.platform == platform, Workspace.external_id == external_id
    )
    workspace = session.scalars(query).one_or_none()
    if workspace is not None:
        return workspace
    try:
        with session.begin_nested():
            workspace = Workspace(platform=platform, external_id=external_id, created_at=now)
            session.add(workspace)
            session.flush()
    except IntegrityError:  # a concurrent first command created it
        return session.scalars(query).one()
    return workspace


def group_of(member: Member) -> Workspace:
    """The career group whose settings and templates apply to the member."""
    return member.group or member.workspace


def join_group(session: Session, member: Member, external_id: str, now: datetime) -> None:
    """Make the group the member just used (a Discord server) their group."""
    if group_of(member).external_id == external_id:
        return
    group = ensure_workspace(session, member.workspace.platform, external_id, now)
    member.group = None if group.id == member.workspace_id else group


def member_ref(member: Member) -> MemberRef:
    """The platform identity of a member, for sending them a DM."""
    workspace = member.workspace
    return MemberRef(workspace.platform, workspace.external_id, member.user_id)


def interviews_of(session: Session, member: Member) -> list[Interview]:
    """All of a member's interviews, soonest first, with interviewers and follow-ups."""
    return list(
        session.scalars(
            select(Interview)
            .where(Interview.member_id == member.id)
            .options(joinedload(Interview.interviewers), joinedload(Interview.follow_ups))
            .order_by(Interview.starts_at, Interview.number)
        ).unique()
    )


def interview_by_number(session: Session, member: Member, number: int) -> Interview | None:
    """One of the member's interviews by the number they know it by."""
    return session.scalars(
        select(Interview)
        .where(Interview.member_id == member.id, Interview.number == number)
        .options(
            selectinload(Interview.interviewers),
            selectinload(Interview.follow_ups).selectinload(FollowUp.reminders),
        )
    ).one_or_none()


def pending_follow_ups(session: Session, member: Member) -> list[FollowUp]:
    """The member's follow-ups still to send, soonest due first."""
    return list(
        session.scalars(
            select(FollowUp)
            .join(Interview)
            .where(Interview.member_id == member.id, FollowUp.state == "pending")
            .options(selectinload(FollowUp.reminders), selectinload(FollowUp.interviewer))
            .order_by(FollowUp.due_at)
        )
    )


@dataclass(frozen=True)
class Claim:
    """A reminder this process holds until `lease_until`, identified by its lease token."""

    reminder_id: int
    token: str


def claim_due(
    session: Session, now: datetime, *, lease: timedelta, limit: int, platforms: list[str]
) -> list[Claim]:
    """Atomically take up to `limit` due reminders (or ones whose lease expired).

    On PostgreSQL the inner select locks with SKIP LOCKED, so concurrent workers take
    disjoint rows; on SQLite the transaction began with BEGIN IMMEDIATE, so it is alone.
    """
    due = (
        select(Reminder.id)
        .join(Member, Member.id == Reminder.member_id)
        .join(Workspace, Workspace.id == Member.workspace_id)
        .where(
            Workspace.platform.in_(platforms),
            Workspace.active.is_(True),  # an uninstalled workspace gets nothing
            (
                (Reminder.state == "scheduled") & (Reminder.attempt_at <= now)
                | (Reminder.state == "claimed") & (Reminder.lease_until <= now)
            ),
        )
        .order_by(Reminder.attempt_at)
        .limit(limit)
        .with_for_update(skip_locked=True, of=Reminder)
    )
    ids = list(session.scalars(due))
    if not ids:
        return []
    token = str(uuid.uuid4())
    session.execute(
        update(Reminder)
        .where(Reminder.id.in_(ids))
        .values(
            state="claimed",
            lease_until=now + lease,
            lease_token=token,
            attempts=Reminder.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    return [Claim(reminder_id, token) for reminder_id in ids]


def claimed_reminders(session: Session, claims: list[Claim]) -> list[Reminder]:
    """The reminders behind claims still ours, with what a DM needs loaded in a few queries."""
    if not claims:
        return []
    token_of = {claim.reminder_id: claim.token for claim in claims}
    reminders = session.scalars(
        select(Reminder)
        .where(
            Reminder.id.in_(token_of),
            Reminder.lease_token.in_(set(token_of.values())),
            Reminder.state == "claimed",
        )
        .options(
            selectinload(Reminder.follow_up).options(
                selectinload(FollowUp.interviewer),
                selectinload(FollowUp.interview).options(
                    selectinload(Interview.interviewers), selectinload(Interview.follow_ups)
                ),
            )
        )
        .order_by(Reminder.remind_at, Reminder.id)
    ).all()
    return [r for r in reminders if r.lease_token == token_of[r.id]]


def members_by_id(session: Session, ids: set[int]) -> dict[int, Member]:
    """Members with their workspaces, in one query."""
    found = session.scalars(
        select(Member).where(Member.id.in_(ids)).options(selectinload(Member.workspace))
    )
    return {member.id: member for member in found}


def next_attempt_at(session: Session, platforms: list[str]) -> datetime | None:
    """When the earliest scheduled reminder on these platforms is next due, if any."""
    return session.scalar(
        select(func.min(Reminder.attempt_at))
        .join(Member, Member.id == Reminder.member_id)
        .join(Workspace, Workspace.id == Member.workspace_id)
        .where(
            Reminder.state == "scheduled",
            Workspace.platform.in_(platforms),
            Workspace.active.is_(True),
        )
    )
