"""calendar invites and the calendar feed: interview.invite_uid/sequence, member.calendar_token_hash

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the columns and their unique indexes, all empty: nothing changes until used.

    Plain ALTER TABLE and CREATE UNIQUE INDEX, as in 0007: a batch rebuild of `member` or
    `interview` would cascade on SQLite.
    """
    op.add_column('interview', sa.Column('invite_uid', sa.String(length=255), nullable=True))
    op.add_column('interview', sa.Column('invite_sequence', sa.Integer(), nullable=True))
    op.create_index(
        'ix_interview_member_invite', 'interview', ['member_id', 'invite_uid'], unique=True
    )
    op.add_column('member', sa.Column('calendar_token_hash', sa.String(length=64), nullable=True))
    op.create_index(
        op.f('ix_member_calendar_token_hash'), 'member', ['calendar_token_hash'], unique=True
    )


def downgrade() -> None:
    """Drop them: invites log as new interviews again, and every feed URL stops working."""
    op.drop_index(op.f('ix_member_calendar_token_hash'), table_name='member')
    op.drop_column('member', 'calendar_token_hash')  # SQLite 3.35+: no rebuild, no cascade
    op.drop_index('ix_interview_member_invite', table_name='interview')
    op.drop_column('interview', 'invite_sequence')
    op.drop_column('interview', 'invite_uid')
