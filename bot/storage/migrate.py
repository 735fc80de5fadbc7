"""Alembic, driven from code: `followup migrate` and start-up on SQLite call `upgrade`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at our `migrations/` folder and the given database."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database behind `engine` to `revision`, on the engine's own connection."""
    with _migrating(engine) as (config, _connection):
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Downgrade the database behind `engine` to `revision` (an operator's way back)."""
    with _migrating(engine) as (config, _connection):
        command.downgrade(config, revision)


@contextmanager
def _migrating(engine: Engine) -> Iterator[tuple[Config, Connection]]:
    """A config bound to one connection, committed at the end of the block.

    SQLite alters a table by copying it, dropping the old one and renaming the copy; with
    foreign keys enforced, dropping `member` would cascade-delete every interview. So on
    SQLite they are off while migrating (the pragma is a no-op inside a transaction, so it
    goes to the driver before BEGIN), and checked before they are turned back on.
    """
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        if connection.dialect.name != "sqlite":
            yield config, connection
            connection.commit()
            return
        driver = connection.connection.driver_connection
        if driver is None:
            raise RuntimeError("the SQLite connection has no driver connection")
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            yield config, connection
            connection.commit()
            broken = driver.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration left rows with dangling references: {broken[:5]}")
        finally:
            driver.execute("PRAGMA foreign_keys=ON")
