"""The data model. Every row hangs off its owner, and every time is aware UTC."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.storage.types import EncryptedText, UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with stable constraint names, so Alembic can alter them later."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Workspace(Base):
    """A Slack team, a Discord server or the local console: one career group."""

    __tablename__ = "workspace"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str | None] = mapped_column(String(200))
    timezone: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The group's defaults, set by its admins; NULL means the built-in value.
    quiet_start: Mapped[str | None] = mapped_column(String(5))
    quiet_end: Mapped[str | None] = mapped_column(String(5))
    weekdays_only: Mapped[bool | None] = mapped_column()
    thank_you_delay_minutes: Mapped[int | None] = mapped_column()
    status_check_days: Mapped[int | None] = mapped_column()
    status_check_limit: Mapped[int | None] = mapped_column()
    tone: Mapped[str | None] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(8))  # "es": the group's default
    retention_days: Mapped[int | None] = mapped_column()  # purge closed interviews; NULL: keep
    wins_channel: Mapped[str | None] = mapped_column(String(64))  # opt-in weekly counts
    wins_posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Member(Base):
    """One person on one platform identity, with their settings and DM status."""

    __tablename__ = "member"
    __table_args__ = (UniqueConstraint("workspace_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"))
    # The career group whose settings and templates apply, when it is not `workspace`: a
    # Discord member is one identity everywhere, so their group is the server they last used.
    group_id: Mapped[int | None] = mapped_column(ForeignKey("workspace.id", ondelete="SET NULL"))
    user_id: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str | None] = mapped_column(String(200))
    timezone: Mapped[str | None] = mapped_column(String(64))
    platform_timezone: Mapped[str | None] = mapped_column(String(64))
    # Timing and tone: NULL follows the group's default (bot/services/group_defaults.py).
    quiet_start: Mapped[str | None] = mapped_column(String(5))
    quiet_end: Mapped[str | None] = mapped_column(String(5))
    weekdays_only: Mapped[bool | None] = mapped_column()
    thank_you_delay_minutes: Mapped[int | None] = mapped_column()
    status_check_days: Mapped[int | None] = mapped_column()
    signature: Mapped[str | None] = mapped_column(EncryptedText())  # a phone number, often
    tone: Mapped[str | None] = mapped_column(String(16))
    # How the member writes "3/12": MDY, DMY or YMD; NULL follows their time zone's country.
    date_order: Mapped[str | None] = mapped_column(String(3))
    # The language they follow up in ("es"); NULL follows the group's, then `platform_locale`.
    language: Mapped[str | None] = mapped_column(String(8))
    platform_locale: Mapped[str | None] = mapped_column(String(16))  # "pt-BR", as Discord says
    # The member's calendar feed: the SHA-256 of its secret token (hex), NULL when off.
    calendar_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    dm_status: Mapped[str] = mapped_column(String(16), default="ok")
    dm_status_reason: Mapped[str | None] = mapped_column(String(200))
    dm_status_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    next_number: Mapped[int] = mapped_column(default=1)
    # The member chose the built-in drafts over their group's own templates.
    builtin_templates: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    workspace: Mapped[Workspace] = relationship(foreign_keys=[workspace_id])
    group: Mapped[Workspace | None] = relationship(foreign_keys=[group_id])


class Interview(Base):
    """One interview a member logged; members know it by its per-member `number`."""

    __tablename__ = "interview"
    __table_args__ = (
        UniqueConstraint("member_id", "number"),
        # One interview per calendar invite: the same UID again reschedules it.
        Index("ix_interview_member_invite", "member_id", "invite_uid", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    company: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(32), default="phone_screen")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    format: Mapped[str | None] = mapped_column(String(32))
    # Where it happens: the video call's link (with its passcode), a phone number or an
    # address, as the invite gave it; encrypted at rest like the member's notes.
    location: Mapped[str | None] = mapped_column(EncryptedText())
    status: Mapped[str] = mapped_column(String(32), default="scheduled")
    paused: Mapped[bool] = mapped_column(default=False)
    # They asked not to be contacted again (a reply said so): nothing more is planned.
    no_contact: Mapped[bool] = mapped_column(default=False, server_default=false())
    # `pause #3 until=friday`: no reminder before then; they come back on their own after.
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The calendar invite it was logged from (its UID and SEQUENCE): a later copy updates it.
    invite_uid: Mapped[str | None] = mapped_column(String(255))
    invite_sequence: Mapped[int | None] = mapped_column(Integer)
    # This interview's language when it is not the member's (`log ... language=fr`).
    language: Mapped[str | None] = mapped_column(String(8))
    decision_expected_on: Mapped[date | None] = mapped_column(Date)
    last_contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    job_url: Mapped[str | None] = mapped_column(String(2000))
    # What the member wrote about the interview: encrypted at rest when a key is configured.
    topics: Mapped[str | None] = mapped_column(EncryptedText())
    highlights: Mapped[str | None] = mapped_column(EncryptedText())
    qualifications: Mapped[str | None] = mapped_column(EncryptedText())
    open_questions: Mapped[str | None] = mapped_column(EncryptedText())
    clarification: Mapped[str | None] = mapped_column(EncryptedText())
    promised_by_me: Mapped[str | None] = mapped_column(EncryptedText())
    promised_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Which request for material `promised_by_me` answers: a new one after the last was sent
    # is a new follow-up, not the finished one again.
    promised_round: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    promised_by_them: Mapped[str | None] = mapped_column(EncryptedText())
    notes: Mapped[str | None] = mapped_column(EncryptedText())
    # Who told the member the outcome, chosen with `outcome #3 offer Hana`: notes about the
    # whole process go to them. interview and interviewer refer to each other, so this key
    # is added after both tables exist (use_alter) and written after both rows (post_update).
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviewer.id", ondelete="SET NULL", use_alter=True)
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    interviewers: Mapped[list[Interviewer]] = relationship(
        back_populates="interview",
        cascade="all, delete-orphan",
        order_by="Interviewer.position",
        foreign_keys="Interviewer.interview_id",
    )
    # Loaded with the interview (most are NULL: no query), since drafts are composed after
    # the session that read the interview has closed.
    contact: Mapped[Interviewer | None] = relationship(
        foreign_keys=[contact_id], post_update=True, lazy="selectin"
    )
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="interview", cascade="all, delete-orphan"
    )


class Interviewer(Base):
    """A person the member met; `discussed` is what makes their note personal."""

    __tablename__ = "interviewer"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interview.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    # The name to greet them by, when the member gave one: `Robert Smith [Bob]`.
    greet_as: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(EncryptedText())  # Text: ciphertext is longer
    discussed: Mapped[str | None] = mapped_column(EncryptedText())
    # False for someone the member never met (a recruiter who wrote): no thank-you to them.
    met: Mapped[bool] = mapped_column(default=True, server_default=true())

    interview: Mapped[Interview] = relationship(
        back_populates="interviewers", foreign_keys=[interview_id]
    )


class FollowUp(Base):
    """Something the member should send: planned by the policy, marked done by the member."""

    __tablename__ = "follow_up"
    __table_args__ = (UniqueConstraint("interview_id", "kind", "interviewer_id", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interview.id", ondelete="CASCADE"), index=True
    )
    interviewer_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviewer.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(32))
    sequence: Mapped[int] = mapped_column(Integer, default=1)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    deadline_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    state: Mapped[str] = mapped_column(String(16), default="pending")
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_how: Mapped[str | None] = mapped_column(String(32))

    interview: Mapped[Interview] = relationship(back_populates="follow_ups")
    interviewer: Mapped[Interviewer | None] = relationship()
    reminders: Mapped[list[Reminder]] = relationship(
        back_populates="follow_up", cascade="all, delete-orphan"
    )


class Reminder(Base):
    """The outbox: one DM to send at `remind_at`, claimed with a lease by a delivery loop."""

    __tablename__ = "reminder"
    __table_args__ = (Index("ix_reminder_state_attempt_at", "state", "attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    follow_up_id: Mapped[int] = mapped_column(
        ForeignKey("follow_up.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(16), default="due")
    remind_at: Mapped[datetime] = mapped_column(UTCDateTime())
    attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    state: Mapped[str] = mapped_column(String(16), default="scheduled")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    lease_token: Mapped[str | None] = mapped_column(String(36))
    dedupe_key: Mapped[str] = mapped_column(String(64), unique=True)
    message_ref: Mapped[str | None] = mapped_column(String(200))
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(String(500))

    follow_up: Mapped[FollowUp] = relationship(back_populates="reminders")


class GroupTemplate(Base):
    """A career group's own template for one draft kind in one language, rendered sandboxed."""

    __tablename__ = "group_template"
    __table_args__ = (UniqueConstraint("workspace_id", "kind", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    source: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(64))  # the admin's platform user id


class RequestClaim(Base):
    """A request already taken by some process: the same key again is a replay or a retry.

    Platform-neutral (the adapter chooses the key, stored as a SHA-256 digest); rows are
    pruned once they expire, so the table holds only the last hour or so of requests.
    """

    __tablename__ = "request_claim"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
