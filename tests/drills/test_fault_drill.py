"""Fault drill, CI size: workers killed, PostgreSQL restarted, platforms failing.

Every reminder still reaches its member, and none twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_drill import DrillConfig, run_drill
from postgres import PostgresServer, start_postgres


@pytest.fixture(scope="module")
def private_postgres() -> Iterator[PostgresServer]:
    """A cluster of our own: the drill restarts it, which the shared one must not suffer."""
    server = start_postgres()
    if isinstance(server, str):
        pytest.skip(f"PostgreSQL unavailable: {server}")
    try:
        if not server.restartable:
            pytest.skip("the drill restarts PostgreSQL: needs a cluster it starts itself")
        yield server
    finally:
        server.stop()


@pytest.mark.postgresql
def test_every_reminder_is_delivered_exactly_once_through_kills_restarts_and_faults(
    private_postgres: PostgresServer, tmp_path: Path
) -> None:
    result = run_drill(private_postgres, DrillConfig(), tmp_path)
    print(result.summary())
    problems = result.problems()
    stories = [line for p in problems[:5] for line in [p, *result.story(p.split()[1].strip(":"))]]
    assert problems == [], "\n".join([result.summary(), *stories, result.worker_errors[-3000:]])
    # The drill did what it says: workers died, the database restarted, every fault hit.
    assert result.kills >= 2
    assert result.db_restarted
    for platform, counts in result.faults.items():
        assert set(counts) == {"rate_limited", "server_error", "slow", "dropped"}, platform
    assert result.max_attempts > 1
