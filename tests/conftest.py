"""Shared pytest fixtures.

Anything that touches storage takes ``database_url`` and so runs on both SQLite (the
embedded default) and PostgreSQL (production), each test against its own empty database.
Skip the PostgreSQL half locally with ``-m "not postgresql"``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# tests/ has no __init__.py: pytest puts this directory on sys.path before importing
# conftest (the default "prepend" import mode), so the helper imports as a top-level module.
from postgres import PostgresServer, start_postgres

from adapters.console.conversation import Conversation
from bot.app import Core, build_core
from bot.scheduling.clock import ManualClock
from bot.settings import Settings


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker carried by every PostgreSQL-backed test parameter."""
    config.addinivalue_line("markers", "postgresql: test runs against a real PostgreSQL server")


# --- Databases ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL cluster for the whole session (startup takes ~1.5 s).

    Skips with the reason when PostgreSQL is unavailable; with
    ``FOLLOWUP_REQUIRE_POSTGRES=1`` (CI) it errors instead. pytest caches either outcome,
    so the cluster is attempted once per session.
    """
    server = start_postgres()
    if isinstance(server, str):
        pytest.skip(f"PostgreSQL unavailable: {server}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgresql),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """SQLAlchemy URL of a fresh, empty database; tests using it run on both engines."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/followup.db"
        return
    # Requested lazily so SQLite-only runs never start PostgreSQL.
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create_database()
    try:
        yield url
    finally:
        server.drop_database(url)


# --- Core / engine fixtures -------------------------------------------------------------
# Reserved for the engine and "core" (services wired on a real database) fixtures, built
# on top of ``database_url`` above. Add them below this line.

# Monday 23 November 2026, 09:00 in New York: a working morning, far from any DST change.
START = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    """A clock that moves only when a test says so."""
    return ManualClock(START)


@pytest.fixture
def core(database_url: str, clock: ManualClock) -> Iterator[Core]:
    """The real core on a fresh, migrated database (both engines)."""
    settings = Settings(database_url=database_url, _env_file=None)  # type: ignore[call-arg]
    built = build_core(settings, clock)
    try:
        yield built
    finally:
        built.deps.db.dispose()


@pytest.fixture
def convo(core: Core, clock: ManualClock) -> Conversation:
    """A console conversation as member 'ada' in New York: tests read like a chat."""
    return Conversation(core, clock, user="ada")
