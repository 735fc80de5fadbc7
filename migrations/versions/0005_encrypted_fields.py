"""encrypted fields: interviewer.email widened to Text, since ciphertext outgrows VARCHAR(320)

The other encrypted columns (the interview's notes fields, interviewer.discussed) are Text
already. Existing rows stay plaintext and stay readable; `followup rotate-key` encrypts them.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Widen interviewer.email to Text."""
    with op.batch_alter_table("interviewer", schema=None) as batch_op:
        batch_op.alter_column(
            "email", existing_type=sa.String(length=320), type_=sa.Text(), existing_nullable=True
        )


def downgrade() -> None:
    """Back to VARCHAR(320); decrypt first (PostgreSQL refuses longer ciphertext)."""
    with op.batch_alter_table("interviewer", schema=None) as batch_op:
        batch_op.alter_column(
            "email", existing_type=sa.Text(), type_=sa.String(length=320), existing_nullable=True
        )
