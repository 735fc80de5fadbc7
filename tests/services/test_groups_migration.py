"""Migration 0006 on existing rows: built-in values become "follow my group", choices stay."""

from __future__ import annotations

from sqlalchemy import text

from bot.storage.db import Database
from bot.storage.migrate import downgrade, upgrade

MEMBER_COLUMNS = "quiet_start, quiet_end, weekdays_only, thank_you_delay_minutes, tone"


def test_existing_members_follow_their_group_unless_they_chose(database_url: str) -> None:
    db = Database.from_url(database_url)
    try:
        upgrade(db.engine, "0005")
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO workspace (id, platform, external_id, active, created_at) "
                    "VALUES (1, 'slack', 'T1', :yes, '2026-11-01 00:00:00')"
                ),
                {"yes": True},
            )
            for member_id, user, quiet, delay, tone in (
                (1, "U1", ("21:00", "08:00"), 60, "warm"),  # never chose anything
                (2, "U2", ("22:00", "07:00"), 120, "formal"),  # chose their own
            ):
                connection.execute(
                    text(
                        "INSERT INTO member (id, workspace_id, user_id, quiet_start, quiet_end, "
                        "weekdays_only, thank_you_delay_minutes, status_check_days, tone, "
                        "dm_status, next_number, created_at) VALUES (:id, 1, :user, :qs, :qe, "
                        ":yes, :delay, 7, :tone, 'ok', 1, '2026-11-01 00:00:00')"
                    ),
                    {
                        "id": member_id,
                        "user": user,
                        "qs": quiet[0],
                        "qe": quiet[1],
                        "yes": True,
                        "delay": delay,
                        "tone": tone,
                    },
                )
            connection.execute(
                text(
                    "INSERT INTO interview (member_id, number, company, stage, starts_at, "
                    "ends_at, status, paused, created_at, updated_at) VALUES (1, 1, 'Acme', "
                    "'onsite', '2026-11-02 15:00:00', '2026-11-02 16:00:00', 'held', :no, "
                    "'2026-11-01 00:00:00', '2026-11-01 00:00:00')"
                ),
                {"no": False},
            )
        upgrade(db.engine)  # rebuilding tables on SQLite must not cascade to interviews
        with db.engine.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM interview")) == 1
            rows = connection.execute(
                text(f"SELECT user_id, {MEMBER_COLUMNS} FROM member ORDER BY id")
            ).all()
        assert [tuple(row) for row in rows] == [
            ("U1", None, None, None, None, None),
            ("U2", "22:00", "07:00", None, 120, "formal"),
        ]
        downgrade(db.engine, "0005")
        with db.engine.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM interview")) == 1
            back = connection.execute(
                text(f"SELECT user_id, {MEMBER_COLUMNS} FROM member ORDER BY id")
            ).all()
        assert [tuple(row) for row in back] == [
            ("U1", "21:00", "08:00", True, 60, "warm"),
            ("U2", "22:00", "07:00", True, 120, "formal"),
        ]
    finally:
        db.dispose()
