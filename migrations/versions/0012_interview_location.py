"""where an interview happens: interview.location (a video link, a phone number or an address)

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add interview.location, empty: an invite fills it, `edit location=` changes it.

    Text, since an encrypted value is longer than what was typed (as in 0005). Plain ALTER
    TABLE, as in 0007: a batch rebuild of `interview` would cascade on SQLite.
    """
    op.add_column('interview', sa.Column('location', sa.Text(), nullable=True))


def downgrade() -> None:
    """Drop it: interviews forget their links and places; everything else stays."""
    op.drop_column('interview', 'location')  # SQLite 3.35+: no rebuild, no cascade
