"""Migration 0009: greeting names and the contact person, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import text

from bot.storage.db import Database
from bot.storage.migrate import downgrade, upgrade

ROWS_AT_0008 = (
    "INSERT INTO workspace (id, platform, external_id, active, created_at) "
    "VALUES (1, 'slack', 'T1', :yes, '2026-11-01 00:00:00')",
    "INSERT INTO member (id, workspace_id, user_id, dm_status, next_number, created_at, "
    "builtin_templates) VALUES (1, 1, 'U1', 'ok', 2, '2026-11-01 00:00:00', :no)",
    "INSERT INTO interview (id, member_id, number, company, stage, starts_at, ends_at, status, "
    "paused, created_at, updated_at) VALUES (1, 1, 1, 'Acme', 'onsite', "
    "'2026-11-02 15:00:00', '2026-11-02 16:00:00', 'offer', :no, "
    "'2026-11-01 00:00:00', '2026-11-01 00:00:00')",
    "INSERT INTO interviewer (id, interview_id, position, name) VALUES (1, 1, 0, 'Jane Doe')",
    "INSERT INTO interviewer (id, interview_id, position, name) VALUES (2, 1, 1, 'Hana Ito')",
)


def test_removing_the_contact_person_clears_the_contact_and_keeps_the_interview(
    database_url: str,
) -> None:
    """The database itself sets contact_id to NULL, whatever path deletes the interviewer."""
    db = Database.from_url(database_url)
    try:
        upgrade(db.engine, "0008")
        with db.engine.begin() as connection:
            for statement in ROWS_AT_0008:
                connection.execute(text(statement), {"yes": True, "no": False})
        upgrade(db.engine)
        with db.engine.begin() as connection:
            connection.execute(text("UPDATE interview SET contact_id = 2"))
            connection.execute(text("UPDATE interviewer SET greet_as = 'Hanako' WHERE id = 2"))
            connection.execute(text("DELETE FROM interviewer WHERE id = 2"))
            contact = connection.execute(text("SELECT contact_id FROM interview")).all()
        assert contact == [(None,)]
    finally:
        db.dispose()


def test_downgrading_from_0009_keeps_every_interview_and_interviewer(database_url: str) -> None:
    db = Database.from_url(database_url)
    try:
        upgrade(db.engine, "0008")
        with db.engine.begin() as connection:
            for statement in ROWS_AT_0008:
                connection.execute(text(statement), {"yes": True, "no": False})
        upgrade(db.engine)
        with db.engine.begin() as connection:
            connection.execute(text("UPDATE interview SET contact_id = 2"))
        downgrade(db.engine, "0008")
        with db.engine.connect() as connection:
            people = connection.execute(text("SELECT name FROM interviewer ORDER BY id")).all()
            interviews = connection.scalar(text("SELECT count(*) FROM interview"))
        assert people == [("Jane Doe",), ("Hana Ito",)]
        assert interviews == 1
    finally:
        db.dispose()
