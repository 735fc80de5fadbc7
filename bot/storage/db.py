"""Engine and transactions: SQLite tuned for one writer at a time, PostgreSQL by URL."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.storage.types import Cipher, use_cipher


def make_engine(url: str) -> Engine:
    """Create an engine; on SQLite use WAL, a busy timeout and `BEGIN IMMEDIATE`.

    Errors never carry statement parameters (`hide_parameters`): they are members' notes,
    and a logged exception must not leak them.

    `BEGIN IMMEDIATE` takes the write lock when a transaction starts, so a claim that reads
    then updates cannot interleave with another process's claim.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL: no fsync on every commit
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Readers take no write lock, so many can answer at once beside one writer (WAL).
        # Straight to the driver: through `exec_driver_sql` a BEGIN cost as much as a query.
        readonly = conn.get_execution_options().get(READONLY, False)
        conn.connection.driver_connection.execute("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


READONLY = "followup_readonly"


class Database:
    """The engine plus a session factory; `transaction()` is the unit of work of a use case."""

    def __init__(self, engine: Engine, *, cipher: Cipher | None = None) -> None:
        self.engine = engine
        self.cipher = cipher
        use_cipher(engine, cipher)  # encrypted columns read it from the engine, not a global
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._readers = sessionmaker(
            engine.execution_options(**{READONLY: True}), expire_on_commit=False
        )

    @classmethod
    def from_url(cls, url: str, *, encryption_keys: Sequence[str] = ()) -> Database:
        """Build from a SQLAlchemy URL; with keys (newest first), notes are encrypted at rest."""
        cipher = Cipher(encryption_keys) if encryption_keys else None
        return cls(make_engine(url), cipher=cipher)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A transaction that only reads: on SQLite it takes no write lock."""
        with self._readers() as session, session.begin():
            yield session

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
