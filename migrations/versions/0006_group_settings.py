"""group settings

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

def upgrade() -> None:
    """Apply this revision."""

    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_member_group_id_workspace'), 'workspace', ['group_id'], ['id'],
            ondelete='SET NULL',
        )

def downgrade() -> None:
    """Revert this revision."""

    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_member_group_id_workspace'), type_='foreignkey')
        batch_op.drop_column('group_id')
