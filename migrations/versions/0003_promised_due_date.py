"""promised due date

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

def upgrade() -> None:
    """Apply this revision."""

    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.add_column(sa.Column('promised_due_at', bot.storage.types.UTCDateTime(timezone=True), nullable=True))

def downgrade() -> None:
    """Revert this revision."""

    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.drop_column('promised_due_at')

