"""follow-up snooze

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

def upgrade() -> None:
    """Apply this revision."""

    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.add_column(sa.Column('snoozed_until', bot.storage.types.UTCDateTime(timezone=True), nullable=True))

def downgrade() -> None:
    """Revert this revision."""

    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_column('snoozed_until')

