"""The database fixtures hand out working, isolated databases on both engines."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from postgres import (
    ENV_BIN,
    ENV_REQUIRE,
    ENV_URL,
    PostgresServer,
    PostgresUnavailableError,
    start_postgres,
)
from sqlalchemy.engine import Engine, make_url

PROBE_TABLE = "isolation_probe"


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on the per-test database, disposed so no connection outlives the test."""
    engine = sa.create_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


def test_database_url_accepts_queries(engine: Engine, database_url: str) -> None:
    """Each engine answers a trivial query; PostgreSQL reports a real server version."""
    with engine.connect() as conn:
        assert conn.execute(sa.text("select 1")).scalar_one() == 1
        if engine.dialect.name == "postgresql":
            version = conn.execute(sa.text("show server_version")).scalar_one()
            assert version[:1].isdigit(), version
            assert make_url(database_url).drivername == "postgresql+psycopg"
        else:
            assert engine.dialect.name == "sqlite"


@pytest.mark.parametrize("attempt", [1, 2])
def test_each_test_gets_an_empty_database(engine: Engine, attempt: int) -> None:
    """Run twice: the second run would find the first run's table if databases were shared."""
    assert sa.inspect(engine).get_table_names() == []
    probe = sa.Table(PROBE_TABLE, sa.MetaData(), sa.Column("attempt", sa.Integer))
    with engine.begin() as conn:
        probe.create(conn)
        conn.execute(probe.insert().values(attempt=attempt))
    assert sa.inspect(engine).get_table_names() == [PROBE_TABLE]


def _table_names(url: str) -> list[str]:
    engine = sa.create_engine(url)
    try:
        return sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()


@pytest.mark.postgresql
def test_created_databases_are_separate_and_dropped(
    postgres_server: PostgresServer,
) -> None:
    """Two databases from one server do not share tables, and dropping one removes it."""
    first = postgres_server.create_database()
    second = postgres_server.create_database()
    try:
        assert first != second
        engine = sa.create_engine(first)
        try:
            with engine.begin() as conn:
                conn.execute(sa.text(f"create table {PROBE_TABLE} (id int)"))
        finally:
            engine.dispose()
        assert _table_names(first) == [PROBE_TABLE]
        assert _table_names(second) == []
    finally:
        postgres_server.drop_database(first)
        postgres_server.drop_database(second)

    admin = sa.create_engine(postgres_server.url)
    try:
        with admin.connect() as conn:
            names = set(conn.execute(sa.text("select datname from pg_database")).scalars())
    finally:
        admin.dispose()
    assert make_url(first).database not in names
    assert make_url(second).database not in names


def test_missing_binaries_give_a_skip_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without server binaries the helper explains why, so tests skip visibly."""
    monkeypatch.delenv(ENV_URL, raising=False)
    monkeypatch.delenv(ENV_REQUIRE, raising=False)
    monkeypatch.setenv(ENV_BIN, "/nonexistent")
    reason = start_postgres()
    assert isinstance(reason, str)
    assert "/nonexistent" in reason


def test_missing_binaries_fail_when_postgres_is_required(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """CI sets FOLLOWUP_REQUIRE_POSTGRES=1 so a missing server fails instead of skipping."""
    monkeypatch.delenv(ENV_URL, raising=False)
    monkeypatch.setenv(ENV_REQUIRE, "1")
    monkeypatch.setenv(ENV_BIN, "/nonexistent")
    with pytest.raises(PostgresUnavailableError, match="/nonexistent"):
        start_postgres()
