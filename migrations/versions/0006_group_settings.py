"""group settings

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

def upgrade() -> None:
    """Apply this revision (filled in by the change that needs it)."""

def downgrade() -> None:
    """Revert this revision."""
