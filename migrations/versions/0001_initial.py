"""initial schema

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.storage.types


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""

    op.create_table(
        "workspace",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspace")),
        sa.UniqueConstraint(
            "platform", "external_id", name=op.f("uq_workspace_platform_external_id")
        ),
    )
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("platform_timezone", sa.String(length=64), nullable=True),
        sa.Column("quiet_start", sa.String(length=5), nullable=False),
        sa.Column("quiet_end", sa.String(length=5), nullable=False),
        sa.Column("weekdays_only", sa.Boolean(), nullable=False),
        sa.Column("thank_you_delay_minutes", sa.Integer(), nullable=False),
        sa.Column("status_check_days", sa.Integer(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=True),
        sa.Column("tone", sa.String(length=16), nullable=False),
        sa.Column("dm_status", sa.String(length=16), nullable=False),
        sa.Column("dm_status_reason", sa.String(length=200), nullable=True),
        sa.Column(
            "dm_status_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("next_number", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_member_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
        sa.UniqueConstraint(
            "workspace_id", "user_id", name=op.f("uq_member_workspace_id_user_id")
        ),
    )
    op.create_table(
        "interview",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=True),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column(
            "starts_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "ends_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("format", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("decision_expected_on", sa.Date(), nullable=True),
        sa.Column(
            "last_contact_at",
            bot.storage.types.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column("job_url", sa.String(length=2000), nullable=True),
        sa.Column("topics", sa.Text(), nullable=True),
        sa.Column("highlights", sa.Text(), nullable=True),
        sa.Column("qualifications", sa.Text(), nullable=True),
        sa.Column("open_questions", sa.Text(), nullable=True),
        sa.Column("clarification", sa.Text(), nullable=True),
        sa.Column("promised_by_me", sa.Text(), nullable=True),
        sa.Column("promised_by_them", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column(
            "created_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_interview_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview")),
        sa.UniqueConstraint(
            "member_id", "number", name=op.f("uq_interview_member_id_number")
        ),
    )
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_member_id"), ["member_id"], unique=False
        )

    op.create_table(
        "interviewer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("discussed", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
            name=op.f("fk_interviewer_interview_id_interview"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviewer")),
    )
    with op.batch_alter_table("interviewer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interviewer_interview_id"), ["interview_id"], unique=False
        )

    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("interviewer_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column(
            "due_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "deadline_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column(
            "done_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("done_how", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
            name=op.f("fk_follow_up_interview_id_interview"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interviewer_id"],
            ["interviewer.id"],
            name=op.f("fk_follow_up_interviewer_id_interviewer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
        sa.UniqueConstraint(
            "interview_id",
            "kind",
            "interviewer_id",
            "sequence",
            name=op.f("uq_follow_up_interview_id_kind_interviewer_id_sequence"),
        ),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_follow_up_interview_id"), ["interview_id"], unique=False
        )

    op.create_table(
        "reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("follow_up_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column(
            "remind_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "attempt_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column(
            "lease_until", bot.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("lease_token", sa.String(length=36), nullable=True),
        sa.Column("dedupe_key", sa.String(length=64), nullable=False),
        sa.Column("message_ref", sa.String(length=200), nullable=True),
        sa.Column(
            "delivered_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["follow_up_id"],
            ["follow_up.id"],
            name=op.f("fk_reminder_follow_up_id_follow_up"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_reminder_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_reminder_dedupe_key")),
    )
    with op.batch_alter_table("reminder", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reminder_follow_up_id"), ["follow_up_id"], unique=False
        )
        batch_op.create_index(
            "ix_reminder_state_attempt_at", ["state", "attempt_at"], unique=False
        )


def downgrade() -> None:
    """Revert this revision."""

    with op.batch_alter_table("reminder", schema=None) as batch_op:
        batch_op.drop_index("ix_reminder_state_attempt_at")
        batch_op.drop_index(batch_op.f("ix_reminder_follow_up_id"))

    op.drop_table("reminder")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_interview_id"))

    op.drop_table("follow_up")
    with op.batch_alter_table("interviewer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interviewer_interview_id"))

    op.drop_table("interviewer")
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_member_id"))

    op.drop_table("interview")
    op.drop_table("member")
    op.drop_table("workspace")
