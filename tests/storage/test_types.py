"""Times survive a round trip through either engine as aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.chat import MemberRef
from bot.storage import repositories as repo
from bot.storage.db import Database
from bot.storage.migrate import upgrade
from bot.storage.models import Member


def test_offset_times_come_back_as_the_same_instant_in_utc(database_url: str) -> None:
    db = Database.from_url(database_url)
    upgrade(db.engine)
    new_york_morning = datetime(2026, 3, 9, 9, 0, tzinfo=timezone(timedelta(hours=-4)))
    try:
        with db.transaction() as session:
            member = repo.ensure_member(session, MemberRef("console", "w", "u"), new_york_morning)
            member_id = member.id
        with db.transaction() as session:
            stored = session.scalars(select(Member.created_at).where(Member.id == member_id)).one()
        assert stored.tzinfo is not None
        assert stored.utcoffset() == timedelta(0)
        assert stored == new_york_morning
        assert stored == datetime(2026, 3, 9, 13, 0, tzinfo=UTC)
    finally:
        db.dispose()


def test_naive_times_are_refused(database_url: str) -> None:
    db = Database.from_url(database_url)
    upgrade(db.engine)
    try:
        with pytest.raises(Exception, match="naive datetime"), db.transaction() as session:
            repo.ensure_member(session, MemberRef("console", "w", "u"), datetime(2026, 1, 1))
    finally:
        db.dispose()
