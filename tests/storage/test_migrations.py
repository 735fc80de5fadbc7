"""Alembic: one head, an empty database upgrades to it, and the models match the result."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

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


# One row in every table a member owns, as the schema stood at 0004 (the last release).
ROWS_AT_0004 = (
    "INSERT INTO workspace (id, platform, external_id, active, created_at) "
    "VALUES (1, 'slack', 'T1', :yes, '2026-11-01 00:00:00')",
    "INSERT INTO member (id, workspace_id, user_id, quiet_start, quiet_end, weekdays_only, "
    "thank_you_delay_minutes, status_check_days, tone, dm_status, next_number, created_at) "
    "VALUES (1, 1, 'U1', '21:00', '08:00', :yes, 60, 7, 'warm', 'ok', 2, "
    "'2026-11-01 00:00:00')",
    "INSERT INTO interview (id, member_id, number, company, stage, starts_at, ends_at, status, "
    "paused, notes, created_at, updated_at) VALUES (1, 1, 1, 'Acme', 'onsite', "
    "'2026-11-02 15:00:00', '2026-11-02 16:00:00', 'held', :no, 'kept', "
    "'2026-11-01 00:00:00', '2026-11-01 00:00:00')",
    "INSERT INTO interviewer (id, interview_id, position, name, email) "
    "VALUES (1, 1, 0, 'Jane', 'jane@acme.example')",
    "INSERT INTO follow_up (id, interview_id, interviewer_id, kind, sequence, due_at, state) "
    "VALUES (1, 1, 1, 'thank_you', 1, '2026-11-03 15:00:00', 'pending')",
    "INSERT INTO reminder (id, follow_up_id, member_id, purpose, remind_at, attempt_at, state, "
    "attempts, dedupe_key) VALUES (1, 1, 1, 'due', '2026-11-02 17:00:00', "
    "'2026-11-02 17:00:00', 'scheduled', 0, 'k1')",
)
OWNED_TABLES = ("workspace", "member", "interview", "interviewer", "follow_up", "reminder")


def test_upgrading_from_the_last_release_keeps_every_row(database_url: str) -> None:
    """SQLite rebuilds altered tables; with cascades, a rebuild could silently delete rows."""
    db = Database.from_url(database_url)
    try:
        upgrade(db.engine, "0004")
        with db.engine.begin() as connection:
            for statement in ROWS_AT_0004:
                connection.execute(text(statement), {"yes": True, "no": False})
        upgrade(db.engine)
        with db.engine.connect() as connection:
            counts = {t: connection.scalar(text(f"SELECT count(*) FROM {t}")) for t in OWNED_TABLES}
            notes = connection.scalar(text("SELECT notes FROM interview"))
        assert counts == dict.fromkeys(OWNED_TABLES, 1)
        assert notes == "kept"
    finally:
        db.dispose()
