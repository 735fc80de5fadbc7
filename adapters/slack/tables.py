"""Slack's installation, bot and OAuth-state tables, in their own metadata so Alembic owns them.

The tables are built with slack_sdk's own builders (so the SQLAlchemy stores read and write
them unchanged) into a `MetaData` separate from the core's: the core never imports
slack_sdk, and `migrations/env.py` compares both. Their DateTime columns hold naive UTC.
"""

from __future__ import annotations

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import MetaData

INSTALLATIONS = SQLAlchemyInstallationStore.default_installations_table_name
BOTS = SQLAlchemyInstallationStore.default_bots_table_name
OAUTH_STATES = SQLAlchemyOAuthStateStore.default_table_name

slack_metadata = MetaData()
installations_table = SQLAlchemyInstallationStore.build_installations_table(
    slack_metadata, INSTALLATIONS
)
bots_table = SQLAlchemyInstallationStore.build_bots_table(slack_metadata, BOTS)
oauth_states_table = SQLAlchemyOAuthStateStore.build_oauth_states_table(
    slack_metadata, OAUTH_STATES
)
