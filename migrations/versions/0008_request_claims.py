"""request claims: platform requests already handled, so replays and retries run once

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add request_claim."""
    op.create_table(
        'request_claim',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('expires_at', bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_request_claim')),
    )
    op.create_index(
        op.f('ix_request_claim_expires_at'), 'request_claim', ['expires_at'], unique=False
    )


def downgrade() -> None:
    """Drop it again."""
    op.drop_index(op.f('ix_request_claim_expires_at'), table_name='request_claim')
    op.drop_table('request_claim')
