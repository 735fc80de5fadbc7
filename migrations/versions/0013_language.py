"""the language a member follows up in: member.language and platform_locale, workspace.language, interview.language

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the columns, all empty: everyone stays in English until a language is chosen.

    Plain ALTER TABLE, as in 0010 and 0011: a batch rebuild of `member` or `interview`
    would cascade on SQLite.
    """
    op.add_column('member', sa.Column('language', sa.String(length=8), nullable=True))
    op.add_column('member', sa.Column('platform_locale', sa.String(length=16), nullable=True))
    op.add_column('workspace', sa.Column('language', sa.String(length=8), nullable=True))
    op.add_column('interview', sa.Column('language', sa.String(length=8), nullable=True))


def downgrade() -> None:
    """Drop them: every member reads and writes dates in English again."""
    op.drop_column('interview', 'language')  # SQLite 3.35+: no rebuild, no cascade
    op.drop_column('workspace', 'language')
    op.drop_column('member', 'platform_locale')
    op.drop_column('member', 'language')
