"""group settings: a member's career group, the group's defaults, wins channel, retention

A member's timing and tone columns become nullable: NULL means "my group's default". Rows
still holding the old built-in value are set to NULL, since until now nobody could tell a
chosen value from the default, and the two behave the same until an admin sets a default.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# (column, type, the old built-in default) for the settings a group can now default.
MEMBER_DEFAULTS: tuple[tuple[str, sa.types.TypeEngine[object], object], ...] = (
    ('quiet_start', sa.String(length=5), '21:00'),
    ('quiet_end', sa.String(length=5), '08:00'),
    ('weekdays_only', sa.Boolean(), True),
    ('thank_you_delay_minutes', sa.Integer(), 60),
    ('status_check_days', sa.Integer(), 7),
    ('tone', sa.String(length=16), 'warm'),
)


def upgrade() -> None:
    """Add the group's columns; let members follow their group.

    On SQLite, `bot.storage.migrate.upgrade` turns foreign keys off around every migration,
    so rebuilding `member` here does not cascade to its interviews.
    """
    _upgrade()


def downgrade() -> None:
    """Drop the group's columns; members get the built-in values back where they had none."""
    _downgrade()


def _upgrade() -> None:
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_member_group_id_workspace'), 'workspace', ['group_id'], ['id'],
            ondelete='SET NULL',
        )
        for name, type_, _default in MEMBER_DEFAULTS:
            batch_op.alter_column(name, existing_type=type_, nullable=True)

    with op.batch_alter_table('workspace', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quiet_start', sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column('quiet_end', sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column('weekdays_only', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('thank_you_delay_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('status_check_days', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('status_check_limit', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('tone', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('retention_days', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('wins_channel', sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column(
                'wins_posted_at', bot.storage.types.UTCDateTime(timezone=True), nullable=True
            )
        )

    member = sa.table('member', *(sa.column(name, type_) for name, type_, _ in MEMBER_DEFAULTS))
    op.execute(
        member.update()
        .where(member.c.quiet_start == '21:00', member.c.quiet_end == '08:00')
        .values(quiet_start=None, quiet_end=None)
    )
    for name, _type, default in MEMBER_DEFAULTS:
        if name in ('quiet_start', 'quiet_end'):
            continue
        op.execute(member.update().where(member.c[name] == default).values({name: None}))


def _downgrade() -> None:
    member = sa.table('member', *(sa.column(name, type_) for name, type_, _ in MEMBER_DEFAULTS))
    for name, _type, default in MEMBER_DEFAULTS:
        op.execute(member.update().where(member.c[name].is_(None)).values({name: default}))

    with op.batch_alter_table('workspace', schema=None) as batch_op:
        for name in (
            'wins_posted_at',
            'wins_channel',
            'retention_days',
            'tone',
            'status_check_limit',
            'status_check_days',
            'thank_you_delay_minutes',
            'weekdays_only',
            'quiet_end',
            'quiet_start',
        ):
            batch_op.drop_column(name)

    with op.batch_alter_table('member', schema=None) as batch_op:
        for name, type_, _default in MEMBER_DEFAULTS:
            batch_op.alter_column(name, existing_type=type_, nullable=False)
        batch_op.drop_constraint(batch_op.f('fk_member_group_id_workspace'), type_='foreignkey')
        batch_op.drop_column('group_id')
