"""Split processes on PostgreSQL never migrate: they refuse a schema that lacks migrations."""

from __future__ import annotations

from pathlib import Path

import pytest
from ops_helpers import environment, start
from sqlalchemy import text

from adapters.ops import schema_is_behind
from bot.storage.db import Database
from bot.storage.migrate import upgrade


def test_a_database_is_behind_until_migrated_and_never_when_ahead(database_url: str) -> None:
    db = Database.from_url(database_url)
    try:
        empty = schema_is_behind(db.engine)
        upgrade(db.engine)
        current = schema_is_behind(db.engine)
        with db.engine.begin() as connection:  # newer code migrated it (a rolling deploy)
            connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
        ahead = schema_is_behind(db.engine)
    finally:
        db.dispose()
    assert (empty, current, ahead) == (True, False, False)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_worker_on_an_unmigrated_postgresql_database_says_to_migrate(
    database_url: str, tmp_path: Path
) -> None:
    env = environment(database_url, SLACK_BOT_TOKEN="xoxb-unused", FOLLOWUP_SLACK_API_URL="x")
    worker = await start("worker", env, tmp_path)
    assert await worker.wait() == 1
    assert "Run `followup migrate` first" in worker.stderr()
