"""Alembic environment: our models' metadata and Slack's store tables, batch mode for SQLite."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from adapters.slack.tables import slack_metadata  # noqa: TID251  (migrations are not the core)
from bot.storage.models import Base

config = context.config
# Slack's installation tables live in their own metadata (the core never imports slack_sdk).
target_metadata = [Base.metadata, slack_metadata]


def _configure_and_run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    """Use the caller's connection when given one, else connect to the configured URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _configure_and_run(conn)
        conn.commit()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run()
