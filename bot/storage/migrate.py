"""Alembic, driven from code: `followup migrate` and start-up on SQLite call `upgrade`."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at our `migrations/` folder and the given database."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database behind `engine` to `revision`, on the engine's own connection."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        if connection.dialect.name != "sqlite":
            command.upgrade(config, revision)
            connection.commit()
            return
        # SQLite alters a table by copying it, dropping the old one and renaming the copy;
        # with foreign keys enforced, dropping `member` would cascade-delete every interview.
        # The pragma is a no-op inside a transaction, so it goes to the driver before BEGIN.
        driver = connection.connection.driver_connection
        assert driver is not None  # noqa: S101  (a live connection always has one)
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            command.upgrade(config, revision)
            connection.commit()
            broken = driver.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration left rows with dangling references: {broken[:5]}")
        finally:
            driver.execute("PRAGMA foreign_keys=ON")
