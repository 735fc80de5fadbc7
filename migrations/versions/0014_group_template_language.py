"""a group's templates per language: group_template.language, one template a kind a language

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Every template saved so far was written in English, so it is the group's English one.

    A batch rebuild of `group_template` is safe on SQLite: no table refers to it.
    """
    with op.batch_alter_table('group_template') as batch:
        batch.add_column(
            sa.Column('language', sa.String(length=8), nullable=False, server_default='en')
        )
        batch.drop_constraint('uq_group_template_workspace_id_kind', type_='unique')
        batch.create_unique_constraint(
            op.f('uq_group_template_workspace_id_kind_language'),
            ['workspace_id', 'kind', 'language'],
        )


def downgrade() -> None:
    """Keep only the English templates: the older schema has one template a kind."""
    op.execute("DELETE FROM group_template WHERE language <> 'en'")
    with op.batch_alter_table('group_template') as batch:
        batch.drop_constraint('uq_group_template_workspace_id_kind_language', type_='unique')
        batch.create_unique_constraint(
            op.f('uq_group_template_workspace_id_kind'), ['workspace_id', 'kind']
        )
        batch.drop_column('language')
