"""Installations on our database: slack_sdk's SQLAlchemy stores behind Bolt's async interface.

The stores run on the core's own (synchronous) engine in a worker thread, so SQLite and
PostgreSQL both work without an async driver. Installing re-activates the workspace;
uninstalling deactivates it and cancels its scheduled reminders, keeping members' data.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine

from adapters.slack.tables import BOTS, INSTALLATIONS, OAUTH_STATES
from bot.storage.db import Database

log = logging.getLogger(__name__)
PLATFORM = "slack"


class InstallationStore(AsyncInstallationStore):
    """slack_sdk's SQLAlchemy installation store, made async with a worker thread."""

    def __init__(self, client_id: str, db: Database, *, on_install: Any = None) -> None:
        self.sync = SQLAlchemyInstallationStore(
            client_id=client_id,
            engine=db.engine,
            bots_table_name=BOTS,
            installations_table_name=INSTALLATIONS,
        )
        self._on_install = on_install

    @property
    def logger(self) -> logging.Logger:
        """The store's logger."""
        return log

    async def async_save(self, installation: Installation) -> None:
        """Save an installation (and its bot), then re-activate the workspace."""
        await asyncio.to_thread(self.sync.save, installation)
        if self._on_install is not None and installation.team_id:
            await self._on_install(installation.team_id)

    async def async_save_bot(self, bot: Bot) -> None:
        """Save a bot installation."""
        await asyncio.to_thread(self.sync.save_bot, bot)

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        """The latest bot installation for a workspace."""
        return await asyncio.to_thread(
            self.sync.find_bot,
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        """The latest installation for a workspace (or one of its users)."""
        return await asyncio.to_thread(
            self.sync.find_installation,
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            is_enterprise_install=is_enterprise_install,
        )

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """Forget a workspace's bot tokens."""
        await asyncio.to_thread(self.sync.delete_bot, enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        """Forget a workspace's installations (or one user's)."""
        await asyncio.to_thread(
            self.sync.delete_installation,
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
        )

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """Forget everything about a workspace's installation."""
        await self.async_delete_bot(enterprise_id=enterprise_id, team_id=team_id)
        await self.async_delete_installation(enterprise_id=enterprise_id, team_id=team_id)


class StateStore(AsyncOAuthStateStore):
    """slack_sdk's SQLAlchemy OAuth state store, made async with a worker thread."""

    def __init__(self, engine: Engine, expiration_seconds: int = 600) -> None:
        self.sync = SQLAlchemyOAuthStateStore(
            expiration_seconds=expiration_seconds, engine=engine, table_name=OAUTH_STATES
        )

    @property
    def logger(self) -> logging.Logger:
        """The store's logger."""
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        """A new single-use state value."""
        return await asyncio.to_thread(self.sync.issue)

    async def async_consume(self, state: str) -> bool:
        """Whether `state` was issued and unexpired; it cannot be used again."""
        return await asyncio.to_thread(self.sync.consume, state)
