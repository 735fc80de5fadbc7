"""an employer's reply, confirmed: interview.no_contact, interview.promised_round, interviewer.met

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Three columns whose defaults keep every stored interview as it was.

    `no_contact`: they asked not to be contacted again, so nothing is planned. `promised_round`:
    which request for material the promised-material follow-up answers (a second request
    after the first was sent is a new follow-up). `met`: false for a recruiter who only
    wrote, who gets the notes about the process but no thank-you. Plain ALTER TABLE, as in
    0007: a batch rebuild would cascade on SQLite.
    """
    op.add_column(
        'interview',
        sa.Column('no_contact', sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        'interview',
        sa.Column('promised_round', sa.Integer(), nullable=False, server_default='1'),
    )
    op.add_column(
        'interviewer', sa.Column('met', sa.Boolean(), nullable=False, server_default=sa.true())
    )


def downgrade() -> None:
    """Drop them: a stop request and a second request for material are forgotten."""
    op.drop_column('interviewer', 'met')  # SQLite 3.35+: no rebuild, no cascade
    op.drop_column('interview', 'promised_round')
    op.drop_column('interview', 'no_contact')
