"""Alembic: one head, an empty database upgrades to it, and the models match the result."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from adapters.slack.tables import slack_metadata
from bot.storage.db import Database
from bot.storage.migrate import alembic_config, upgrade
from bot.storage.models import Base


def test_migrations_have_a_single_head() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1


def test_upgrade_from_empty_matches_the_models(database_url: str) -> None:
    db = Database.from_url(database_url)
    try:
        upgrade(db.engine)
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            diff = compare_metadata(context, [Base.metadata, slack_metadata])
            tables = set(inspect(connection).get_table_names())
        assert diff == []
        assert set(Base.metadata.tables) <= tables
        assert set(slack_metadata.tables) <= tables
    finally:
        db.dispose()


def test_upgrade_twice_is_harmless(database_url: str) -> None:
    db = Database.from_url(database_url)
    try:
        upgrade(db.engine)
        upgrade(db.engine)
        with db.engine.connect() as connection:
            version = MigrationContext.configure(connection).get_current_revision()
        script = ScriptDirectory.from_config(alembic_config(database_url))
        assert version == script.get_current_head()
    finally:
        db.dispose()
