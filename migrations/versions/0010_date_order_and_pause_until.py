"""a member's date order and a pause with an end: `settings date_order=DMY`, `pause #3 until=friday`

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add member.date_order and interview.paused_until, both empty: nothing changes until set.

    Plain ALTER TABLE, as in 0007: a batch rebuild of `member` would cascade on SQLite.
    """
    op.add_column('member', sa.Column('date_order', sa.String(length=3), nullable=True))
    op.add_column(
        'interview',
        sa.Column('paused_until', bot.storage.types.UTCDateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    """Drop them: dates follow the zone's country again, and a timed pause ends now."""
    op.drop_column('interview', 'paused_until')  # SQLite 3.35+: no rebuild, no cascade
    op.drop_column('member', 'date_order')
