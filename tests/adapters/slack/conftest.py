"""Fixtures for the Slack adapter tests: the fake Web API, a core on SQLite, the harness."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from fakes.slack_api import FakeSlack
from slack_harness import Harness, HarnessFactory, slack_settings

from bot.app import Core, build_core
from bot.scheduling.clock import ManualClock
from bot.settings import Settings


@pytest.fixture
async def fake(request: pytest.FixtureRequest) -> AsyncIterator[FakeSlack]:
    """The strict fake; a test fails if Slack would have refused anything it was sent.

    A test that provokes a refusal on purpose says so with `@pytest.mark.slack_refuses`.
    """
    server = await FakeSlack().start()
    try:
        yield server
    finally:
        await server.stop()
    if request.node.get_closest_marker("slack_refuses") is None:
        assert server.refusals == [], "Slack would have refused these requests"


@pytest.fixture
def sqlite_core(tmp_path: Path, clock: ManualClock) -> Iterator[Core]:
    """The real core on SQLite only, for tests where the engine does not matter."""
    settings = Settings(database_url=f"sqlite:///{tmp_path}/slack.db", _env_file=None)  # type: ignore[call-arg]
    built = build_core(settings, clock)
    try:
        yield built
    finally:
        built.deps.db.dispose()


@pytest.fixture
async def make_harness(fake: FakeSlack) -> AsyncIterator[HarnessFactory]:
    made: list[Harness] = []

    async def factory(core: Core, **overrides: Any) -> Harness:
        harness = Harness(
            core, fake, slack_settings(str(core.settings.database_url), fake, **overrides)
        )
        made.append(await harness.start())
        return harness

    yield factory
    for harness in made:
        await harness.close()


@pytest.fixture
async def slack(sqlite_core: Core, make_harness: HarnessFactory) -> Harness:
    """The single-workspace Slack app on SQLite."""
    harness: Harness = await make_harness(sqlite_core)
    return harness


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker for tests that make the fake refuse a request on purpose."""
    config.addinivalue_line(
        "markers", "slack_refuses: this test provokes a Slack refusal on purpose"
    )
