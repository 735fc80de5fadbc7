"""The only SQL in the core. Every lookup takes its owner; nothing loads by bare id."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, bindparam, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, contains_eager, defer, joinedload, selectinload

from bot.chat import MemberRef
from bot.storage.models import (
    FollowUp,
    GroupTemplate,
    Interview,
    Interviewer,
    Member,
    Reminder,
    RequestClaim,
    Workspace,
)
from bot.storage.types import EncryptionError

K = TypeVar("K")
T = TypeVar("T")
SET_ASIDE = "set_aside"  # a reminder whose rows could not be read: kept, not retried
# Not yet sent: a change of plan (cancel, move, uninstall) carries these along, so a
# set-aside reminder re-queued later never comes back stale or beside its replacement.
WAITING = ("scheduled", SET_ASIDE)
UNREADABLE = "unreadable"  # why: a stored value could not be decrypted (or parsed)
BAD_DATA = "bad_data"  # why: composing it failed on what was stored


def find_member(session: Session, ref: MemberRef) -> Member | None:
    """The member behind a platform identity, if they have used the bot before."""
    params = {"platform": ref.platform, "workspace": ref.workspace_id, "user": ref.user_id}
    return session.scalars(_member_by_identity(), params).one_or_none()


@cache
def _member_by_identity() -> Select[Member]:
    """Built once: every command runs it, and building it cost more than running it.

    The member's group comes in the same query: every command checks it (`group_of`).
    """
    return (
        select(Member)
        .join(Member.workspace)
        .where(
            Workspace.platform == bindparam("platform"),
            Workspace.external_id == bindparam("workspace"),
            Member.user_id == bindparam("user"),
        )
        .options(contains_eager(Member.workspace), joinedload(Member.group))
    )


def member_by_calendar_digest(session: Session, digest: str) -> Member | None:
    """The member whose calendar feed token hashes to `digest` (a unique index), if any."""
    return session.scalars(
        select(Member)
        .where(Member.calendar_token_hash == digest)
        .options(joinedload(Member.workspace), joinedload(Member.group))
    ).one_or_none()


@dataclass(frozen=True, slots=True)
class GroupFacts:
    """A workspace's settings as plain values: what resolving a member's settings reads."""

    id: int
    external_id: str
    timezone: str | None
    quiet_start: str | None
    quiet_end: str | None
    weekdays_only: bool | None
    thank_you_delay_minutes: int | None
    status_check_days: int | None
    status_check_limit: int | None
    tone: str | None
    language: str | None


@dataclass(frozen=True, slots=True)
class MemberFacts:
    """A member as a read-only command needs them, read as columns rather than entities.

    Loading the `Member` entity with its workspace and group was most of a light command's
    cost (bench/discord.py); a command that needs the entity still gets it
    (`Context.member`). `group` is the member's career group (`group_of`).
    """

    id: int
    display_name: str | None
    timezone: str | None
    platform_timezone: str | None
    dm_status: str
    dm_status_reason: str | None
    quiet_start: str | None
    quiet_end: str | None
    weekdays_only: bool | None
    thank_you_delay_minutes: int | None
    status_check_days: int | None
    tone: str | None
    date_order: str | None
    language: str | None
    platform_locale: str | None
    workspace: GroupFacts
    group: GroupFacts


_MEMBER_FIELDS = [f.name for f in fields(MemberFacts) if f.name not in ("workspace", "group")]
_GROUP_FIELDS = [f.name for f in fields(GroupFacts)]


def member_facts(session: Session, ref: MemberRef) -> MemberFacts | None:
    """`find_member`'s member as plain values, in one query, without loading entities."""
    params = {"platform": ref.platform, "workspace": ref.workspace_id, "user": ref.user_id}
    row = session.execute(_facts_by_identity(), params).first()
    if row is None:
        return None
    n, g = len(_MEMBER_FIELDS), len(_GROUP_FIELDS)
    workspace = GroupFacts(*row[n : n + g])
    group = GroupFacts(*row[n + g :]) if row[n + g] is not None else workspace
    return MemberFacts(*(*row[:n], workspace, group))  # the last two fields


@cache
def _facts_by_identity() -> Select[Any]:
    """Built once, like `_member_by_identity`: member, workspace and group columns."""
    member = Member.__table__
    workspace = Workspace.__table__.alias("own_workspace")
    group = Workspace.__table__.alias("career_group")
    return (
        select(
            *(member.c[name] for name in _MEMBER_FIELDS),
            *(workspace.c[name].label(f"workspace_{name}") for name in _GROUP_FIELDS),
            *(group.c[name].label(f"group_{name}") for name in _GROUP_FIELDS),
        )
        .select_from(
            member.join(workspace, member.c.workspace_id == workspace.c.id).outerjoin(
                group, member.c.group_id == group.c.id
            )
        )
        .where(
            workspace.c.platform == bindparam("platform"),
            workspace.c.external_id == bindparam("workspace"),
            member.c.user_id == bindparam("user"),
        )
    )


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
    workspace = find_group(session, platform, external_id)
    if workspace is not None:
        return workspace
    try:
        with session.begin_nested():
            workspace = Workspace(platform=platform, external_id=external_id, created_at=now)
            session.add(workspace)
            session.flush()
    except IntegrityError:  # a concurrent first command created it
        found = find_group(session, platform, external_id)
        if found is None:
            raise
        return found
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


def group_templates(
    session: Session, group_id: int, language: str | None = None
) -> list[GroupTemplate]:
    """A career group's own templates (in one language, or all), one a kind and language."""
    query = select(GroupTemplate).where(GroupTemplate.workspace_id == group_id)
    if language is not None:
        query = query.where(GroupTemplate.language == language)
    return list(session.scalars(query.order_by(GroupTemplate.kind, GroupTemplate.language)))


def group_template(
    session: Session, group: Workspace, kind: str, language: str
) -> GroupTemplate | None:
    """The group's own template for one kind in one language, if it has one."""
    return session.scalars(
        select(GroupTemplate).where(
            GroupTemplate.workspace_id == group.id,
            GroupTemplate.kind == kind,
            GroupTemplate.language == language,
        )
    ).one_or_none()


def save_group_template(
    session: Session,
    group: Workspace,
    kind: str,
    source: str,
    *,
    language: str,
    by: str,
    now: datetime,
) -> GroupTemplate:
    """Create or replace the group's template for `kind` in `language` (two admins: last wins)."""
    found = group_template(session, group, kind, language)
    if found is None:
        try:
            with session.begin_nested():
                found = GroupTemplate(
                    workspace_id=group.id,
                    kind=kind,
                    language=language,
                    source=source,
                    updated_at=now,
                    updated_by=by,
                )
                session.add(found)
                session.flush()
        except IntegrityError:  # another admin saved this kind first
            found = group_template(session, group, kind, language)
            if found is None:
                raise
    found.source, found.updated_at, found.updated_by = source, now, by
    return found


def delete_group_template(session: Session, group: Workspace, kind: str, language: str) -> bool:
    """Back to the built-in template for `kind` in `language`; whether the group had its own."""
    found = group_template(session, group, kind, language)
    if found is None:
        return False
    session.delete(found)
    return True


def member_ref(member: Member) -> MemberRef:
    """The platform identity of a member, for sending them a DM."""
    workspace = member.workspace
    return MemberRef(workspace.platform, workspace.external_id, member.user_id)


def interviews_of(session: Session, member: Member) -> list[Interview]:
    """All of a member's interviews, soonest first, with interviewers and follow-ups.

    The follow-ups' reminders come too, in one more query: an export lists them and a
    settings change re-plans them, and loading them lazily cost a query per follow-up.
    """
    return list(
        session.scalars(
            select(Interview)
            .where(Interview.member_id == member.id)
            .options(
                joinedload(Interview.interviewers),
                joinedload(Interview.follow_ups).selectinload(FollowUp.reminders),
            )
            .order_by(Interview.starts_at, Interview.number)
        ).unique()
    )


@dataclass(frozen=True, slots=True)
class FollowUpLine:
    """A follow-up as a list of interviews shows it."""

    kind: str
    interviewer_id: int | None
    sequence: int
    state: str
    due_at: datetime
    done_at: datetime | None


@dataclass(frozen=True, slots=True)
class InterviewLine:
    """An interview as a list shows it: its columns, not an entity (see `MemberFacts`)."""

    number: int
    company: str
    role: str | None
    stage: str
    starts_at: datetime
    ends_at: datetime
    status: str
    paused: bool
    paused_until: datetime | None
    last_contact_at: datetime | None
    follow_ups: tuple[FollowUpLine, ...]


_LINE_FIELDS = [f.name for f in fields(InterviewLine) if f.name != "follow_ups"]
_FOLLOW_UP_LINE_FIELDS = [f.name for f in fields(FollowUpLine)]


def interview_lines(session: Session, member_id: int) -> list[InterviewLine]:
    """`interviews_of` for a list: the member's interviews, soonest first, without notes."""
    rows = session.execute(_lines_of_member(), {"member": member_id}).all()
    if not rows:
        return []
    follow_ups: dict[int, list[FollowUpLine]] = {}
    for interview_id, *values in session.execute(_follow_up_lines(), {"member": member_id}):
        follow_ups.setdefault(interview_id, []).append(FollowUpLine(*values))
    return [
        InterviewLine(*(*values, tuple(follow_ups.get(interview_id, ()))))
        for interview_id, *values in rows
    ]


@cache
def _lines_of_member() -> Select[Any]:
    table = Interview.__table__
    return (
        select(table.c.id, *(table.c[name] for name in _LINE_FIELDS))
        .where(table.c.member_id == bindparam("member"))
        .order_by(table.c.starts_at, table.c.number)
    )


@cache
def _follow_up_lines() -> Select[Any]:
    table, interview = FollowUp.__table__, Interview.__table__
    return (
        select(table.c.interview_id, *(table.c[name] for name in _FOLLOW_UP_LINE_FIELDS))
        .join(interview, table.c.interview_id == interview.c.id)
        .where(interview.c.member_id == bindparam("member"))
    )


def interview_by_number(
    session: Session, member: Member | MemberFacts, number: int
) -> Interview | None:
    """One of the member's interviews by the number they know it by."""
    return session.scalars(
        select(Interview)
        .where(Interview.member_id == member.id, Interview.number == number)
        .options(
            selectinload(Interview.interviewers),
            selectinload(Interview.follow_ups).selectinload(FollowUp.reminders),
        )
    ).one_or_none()


def interview_at(
    session: Session, member: Member, company: str, starts_at: datetime
) -> Interview | None:
    """The member's interview with `company` starting at `starts_at`, if one is logged."""
    return session.scalars(
        select(Interview).where(
            Interview.member_id == member.id,
            Interview.company == company,
            Interview.starts_at == starts_at,
        )
    ).first()


def interview_by_invite(session: Session, member: Member, uid: str) -> Interview | None:
    """The member's interview logged from the calendar invite with this UID, if any."""
    return session.scalars(
        select(Interview)
        .where(Interview.member_id == member.id, Interview.invite_uid == uid)
        .options(
            selectinload(Interview.interviewers),
            selectinload(Interview.follow_ups).selectinload(FollowUp.reminders),
        )
    ).one_or_none()


def pending_follow_ups(session: Session, member: Member | MemberFacts) -> list[FollowUp]:
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


def members_by_id(session: Session, ids: Iterable[int]) -> dict[int, Member]:
    """Members with their workspaces, in one query."""
    found = session.scalars(
        select(Member)
        .where(Member.id.in_(set(ids)))
        .options(selectinload(Member.workspace), selectinload(Member.group))
    )
    return {member.id: member for member in found}


def readable(
    session: Session, load: Callable[[Sequence[K]], list[T]], keys: Sequence[K]
) -> tuple[list[T], list[tuple[K, Exception]]]:
    """Load `keys` in one query; if a stored value cannot be read, load them one by one.

    Values are decrypted as rows load, so one bad row makes a whole batch fail; this
    finds which keys fail, with why, and returns the rest. The common case costs nothing
    more. A database error is not a bad row: it propagates.
    """
    try:
        return _loaded_or_forgotten(session, load, keys), []
    except SQLAlchemyError:
        raise
    except Exception:  # noqa: S110 - found again, key by key, below
        pass
    found: list[T] = []
    failed: list[tuple[K, Exception]] = []
    for key in keys:
        try:
            found += _loaded_or_forgotten(session, load, [key])
        except SQLAlchemyError:
            raise
        except Exception as error:
            failed.append((key, error))
    return found, failed


def _loaded_or_forgotten(
    session: Session, load: Callable[[Sequence[K]], list[T]], keys: Sequence[K]
) -> list[T]:
    """`load(keys)`; if it fails, the objects it had begun to load leave the session.

    A half-loaded object (an interview whose interviewers never came) would otherwise be
    taken from the identity map by the next load as if it were whole.
    """
    before = set(session.identity_map.keys())
    try:
        return load(keys)
    except Exception:
        for identity in set(session.identity_map.keys()) - before:
            session.expunge(session.identity_map[identity])
        raise


def reason_of(error: Exception) -> str:
    """The category of a row that could not be used, for `last_error`, logs and metrics."""
    return UNREADABLE if isinstance(error, EncryptionError) else BAD_DATA


_WHY = {
    UNREADABLE: (
        "a stored value could not be decrypted with FOLLOWUP_ENCRYPTION_KEY; restore the key "
        "that wrote it (after the newest) and run `followup rotate-key` to re-queue"
    ),
    BAD_DATA: "composing it failed on what was stored",
}


def set_aside(session: Session, claims: Sequence[Claim], reason: str) -> list[tuple[int, str]]:
    """Park claimed reminders we cannot send (`reason`: `UNREADABLE` or `BAD_DATA`).

    They leave the queue, so no tick claims them again, and stay for an operator (see
    `requeue_set_aside`); the claim's attempt is undone, as nothing was sent. Returns each
    reminder's id and platform, for the metric.
    """
    mine = or_(
        *(
            and_(Reminder.id == claim.reminder_id, Reminder.lease_token == claim.token)
            for claim in claims
        )
    )
    session.execute(
        update(Reminder)
        .where(mine, Reminder.state == "claimed")
        .values(
            state=SET_ASIDE,
            lease_until=None,
            lease_token=None,
            attempts=Reminder.attempts - 1,  # every claim counted one
            last_error=f"{reason}: {_WHY[reason]}",
        )
        .execution_options(synchronize_session=False)
    )
    rows = session.execute(
        select(Reminder.id, Workspace.platform)
        .join(Member, Member.id == Reminder.member_id)
        .join(Workspace, Workspace.id == Member.workspace_id)
        .where(Reminder.id.in_([c.reminder_id for c in claims]), Reminder.state == SET_ASIDE)
        .order_by(Reminder.id)
    ).all()
    return [(int(reminder_id), str(platform)) for reminder_id, platform in rows]


def requeue_set_aside(session: Session, reason: str = UNREADABLE) -> int:
    """Put reminders set aside for `reason` back in the queue; returns how many.

    They were due when set aside, so the next tick sends them (or cancels those whose
    follow-up was done meanwhile).
    """
    result = session.execute(
        update(Reminder)
        .where(Reminder.state == SET_ASIDE, Reminder.last_error.startswith(f"{reason}:"))
        .values(state="scheduled", last_error=None)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


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


# --- career groups: settings for admins, anonymous counts, retention ----------------------


def find_group(session: Session, platform: str, external_id: str) -> Workspace | None:
    """A career group by its platform id (a Slack team, a Discord server)."""
    query = select(Workspace).where(
        Workspace.platform == platform, Workspace.external_id == external_id
    )
    return session.scalars(query).one_or_none()


def _in_group(group_id: int) -> ColumnElement[bool]:
    """Members whose group is `group_id`: chosen explicitly, or their own workspace."""
    return or_(
        Member.group_id == group_id,
        and_(Member.group_id.is_(None), Member.workspace_id == group_id),
    )


def members_following(
    session: Session, group: Workspace, columns: Iterable[str], *, everyone: bool = False
) -> list[Member]:
    """The group's members who left any of these settings to the group (NULL), or all."""
    query = (
        select(Member)
        .where(_in_group(group.id))
        .options(selectinload(Member.workspace), selectinload(Member.group), _NO_SIGNATURE)
    )
    if not everyone:
        unset = [getattr(Member, column).is_(None) for column in columns]
        if not unset:
            return []
        query = query.where(or_(*unset))
    return list(session.scalars(query))


def due_backlog(session: Session, now: datetime) -> dict[str, int]:
    """Reminders due by `now` and not yet sent: waiting (scheduled) and being sent (claimed)."""
    rows = session.execute(
        select(Reminder.state, func.count())
        .where(Reminder.state.in_(("scheduled", "claimed")), Reminder.attempt_at <= now)
        .group_by(Reminder.state)
    ).all()
    return {"scheduled": 0, "claimed": 0, **{str(state): int(n) for state, n in rows}}


def members_of(session: Session, group: Workspace) -> list[Member]:
    """Everyone whose identity lives in this workspace."""
    query = select(Member).where(Member.workspace_id == group.id).options(_NO_SIGNATURE)
    return list(session.scalars(query))


# Re-planning never reads a signature: left unloaded, one that cannot be decrypted (its key
# removed) stops nobody's planning.
_NO_SIGNATURE = defer(Member.signature)


def cancel_group_reminders(session: Session, group: Workspace, why: str) -> int:
    """Cancel the scheduled reminders of everyone in the workspace; returns how many."""
    members = select(Member.id).where(Member.workspace_id == group.id)
    result = session.execute(
        update(Reminder)
        .where(Reminder.state.in_(WAITING), Reminder.member_id.in_(members))
        .values(state="cancelled", last_error=why)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def interviews_with_pending(
    session: Session, member_ids: Iterable[int], statuses: Iterable[str] = ()
) -> list[Interview]:
    """These members' interviews with a follow-up still to send (or in `statuses`)."""
    ids = list(member_ids)
    if not ids:
        return []
    pending = select(FollowUp.id).where(
        FollowUp.interview_id == Interview.id, FollowUp.state == "pending"
    )
    return list(
        session.scalars(
            select(Interview)
            .where(
                Interview.member_id.in_(ids),
                or_(pending.exists(), Interview.status.in_([str(s) for s in statuses])),
            )
            .options(
                selectinload(Interview.interviewers),
                selectinload(Interview.follow_ups).selectinload(FollowUp.reminders),
            )
        )
    )


@dataclass(frozen=True)
class GroupActivity:
    """Per-member counts over a period, keyed by member id: never leaves the core as such."""

    logged: dict[int, int]
    thanked_on_time: dict[int, int]
    offers: dict[int, int]


def group_activity(
    session: Session, group: Workspace, since: datetime, until: datetime
) -> GroupActivity:
    """Interviews logged, thank-yous marked sent by their 24-hour deadline, and offers."""
    in_group = _in_group(group.id)

    def per_member(query: Select[int, int]) -> dict[int, int]:
        return {row[0]: row[1] for row in session.execute(query)}

    logged = per_member(
        select(Interview.member_id, func.count(Interview.id))
        .join(Member, Member.id == Interview.member_id)
        .where(in_group, Interview.created_at >= since, Interview.created_at < until)
        .group_by(Interview.member_id)
    )
    thanked = per_member(
        select(Interview.member_id, func.count(FollowUp.id))
        .join(Interview, Interview.id == FollowUp.interview_id)
        .join(Member, Member.id == Interview.member_id)
        .where(
            in_group,
            FollowUp.kind == "thank_you",
            FollowUp.state == "done",
            FollowUp.done_how == "sent",
            FollowUp.done_at >= since,
            FollowUp.done_at < until,
            FollowUp.done_at <= FollowUp.deadline_at,
        )
        .group_by(Interview.member_id)
    )
    offers = per_member(
        select(Interview.member_id, func.count(Interview.id))
        .join(Member, Member.id == Interview.member_id)
        .where(
            in_group,
            Interview.status == "offer",
            Interview.last_contact_at >= since,
            Interview.last_contact_at < until,
        )
        .group_by(Interview.member_id)
    )
    return GroupActivity(logged, thanked, offers)


def groups_with_wins_channel(session: Session) -> list[Workspace]:
    """Active groups whose admins opted in to the weekly wins post."""
    return list(
        session.scalars(
            select(Workspace).where(Workspace.wins_channel.is_not(None), Workspace.active.is_(True))
        )
    )


def claim_wins_post(session: Session, group_id: int, due: datetime, now: datetime) -> bool:
    """Take this week's post for a group: true for exactly one process per week."""
    result = session.execute(
        update(Workspace)
        .where(
            Workspace.id == group_id,
            Workspace.wins_channel.is_not(None),
            (Workspace.wins_posted_at.is_(None)) | (Workspace.wins_posted_at < due),
        )
        .values(wins_posted_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def release_wins_post(
    session: Session, group_id: int, claimed_at: datetime, previous: datetime | None
) -> None:
    """Give a claimed post back (it could not be sent), unless another process moved on."""
    session.execute(
        update(Workspace)
        .where(Workspace.id == group_id, Workspace.wins_posted_at == claimed_at)
        .values(wins_posted_at=previous)
        .execution_options(synchronize_session=False)
    )


def groups_with_retention(session: Session) -> list[Workspace]:
    """Groups that delete closed interviews after a while."""
    return list(session.scalars(select(Workspace).where(Workspace.retention_days.is_not(None))))


def purge_closed_interviews(
    session: Session, group: Workspace, statuses: Iterable[str], before: datetime, limit: int
) -> int:
    """Delete up to `limit` of the group's closed interviews untouched since `before`.

    Their interviewers, follow-ups and reminders go with them (explicitly, so the result is
    the same whether or not the engine enforces ON DELETE CASCADE).
    """
    ids = list(
        session.scalars(
            select(Interview.id)
            .join(Member, Member.id == Interview.member_id)
            .where(
                _in_group(group.id),
                Interview.status.in_([str(status) for status in statuses]),
                Interview.updated_at < before,
                or_(Interview.last_contact_at.is_(None), Interview.last_contact_at < before),
            )
            .order_by(Interview.id)
            .limit(limit)
        )
    )
    if not ids:
        return 0
    follow_ups = select(FollowUp.id).where(FollowUp.interview_id.in_(ids))
    for statement in (
        delete(Reminder).where(Reminder.follow_up_id.in_(follow_ups)),
        delete(FollowUp).where(FollowUp.interview_id.in_(ids)),
        delete(Interviewer).where(Interviewer.interview_id.in_(ids)),
        delete(Interview).where(Interview.id.in_(ids)),
    ):
        session.execute(statement.execution_options(synchronize_session=False))
    return len(ids)


def claim_request(session: Session, key: str, now: datetime, expires_at: datetime) -> bool:
    """Take `key` until `expires_at`: true once, for the first process that asks.

    One insert in the usual case; a key whose earlier claim has expired (and was not pruned
    yet) is taken over by an update that only one process can win.
    """
    try:
        with session.begin_nested():
            session.add(RequestClaim(key=key, expires_at=expires_at))
            session.flush()
    except IntegrityError:
        result = session.execute(
            update(RequestClaim)
            .where(RequestClaim.key == key, RequestClaim.expires_at <= now)
            .values(expires_at=expires_at)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)
    return True


def prune_request_claims(session: Session, now: datetime) -> int:
    """Delete expired request claims; returns how many."""
    result = session.execute(
        delete(RequestClaim)
        .where(RequestClaim.expires_at <= now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)
