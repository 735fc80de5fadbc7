"""group templates: a group's own draft templates, and a member's choice of the built-in ones

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add group_template and member.builtin_templates."""
    op.create_table(
        'group_template',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('workspace_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('updated_at', bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ['workspace_id'], ['workspace.id'],
            name=op.f('fk_group_template_workspace_id_workspace'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_group_template')),
        sa.UniqueConstraint(
            'workspace_id', 'kind', name=op.f('uq_group_template_workspace_id_kind')
        ),
    )
    # A plain ALTER TABLE ADD COLUMN (SQLite supports it with a constant default): a batch
    # rebuild of `member` would drop the old table, and foreign keys would cascade.
    op.add_column(
        'member',
        sa.Column('builtin_templates', sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    """Drop them again."""
    op.drop_column('member', 'builtin_templates')  # SQLite 3.35+: no rebuild, no cascade
    op.drop_table('group_template')
