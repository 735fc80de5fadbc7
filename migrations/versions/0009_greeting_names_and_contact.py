"""greeting names and contact person: `Robert Smith [Bob]`, `outcome #3 offer Hana`

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add interviewer.greet_as and interview.contact_id (SET NULL when they are removed).

    On SQLite, `bot.storage.migrate.upgrade` turns foreign keys off around every migration,
    so rebuilding `interview` here does not cascade to its interviewers.
    """
    with op.batch_alter_table('interviewer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('greet_as', sa.String(length=100), nullable=True))
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_interview_contact_id_interviewer'), 'interviewer', ['contact_id'],
            ['id'], ondelete='SET NULL', use_alter=True,
        )


def downgrade() -> None:
    """Drop them again: greetings fall back to the given name, notes to the first listed."""
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_interview_contact_id_interviewer'), type_='foreignkey'
        )
        batch_op.drop_column('contact_id')
    with op.batch_alter_table('interviewer', schema=None) as batch_op:
        batch_op.drop_column('greet_as')
