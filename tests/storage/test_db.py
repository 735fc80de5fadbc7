"""SQLite: readers take no write lock, so they answer while a writer holds it."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import text

from adapters.console.conversation import Conversation
from bot.storage.db import Database
from bot.storage.migrate import upgrade


def test_a_reader_is_not_blocked_by_a_writer(tmp_path: Path) -> None:
    db = Database.from_url(f"sqlite:///{tmp_path}/r.db")
    upgrade(db.engine)
    writing = threading.Event()
    done = threading.Event()

    def writer() -> None:
        with db.transaction() as session:
            session.execute(text("select 1"))
            writing.set()
            done.wait(5)

    thread = threading.Thread(target=writer)
    thread.start()
    assert writing.wait(5)
    try:
        with db.reading() as session:  # would wait 30 s for the lock if it took one
            assert session.execute(text("select count(*) from interview")).scalar() == 0
    finally:
        done.set()
        thread.join()
        db.dispose()


async def test_read_only_commands_answer_from_a_read_transaction(convo: Conversation) -> None:
    await convo.say('/interview log company="Acme" when="tomorrow 3pm"')
    assert "#1 Acme" in await convo.say("/interview list")
    assert "Coming up:" in await convo.say("/interview due")
    assert "Draft thank-you" in await convo.say("/interview draft #1")
