"""Shared pytest fixtures.

Anything that touches storage takes ``database_url`` and so runs on both SQLite (the
embedded default) and PostgreSQL (production), each test against its own empty database.
Skip the PostgreSQL half locally with ``-m "not postgresql"``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Generator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# tests/ is a package, so `tests.…` is this folder even when a dependency installs a
# top-level package of that name (spylls does). Its helpers beside this file import as
# top-level modules too ("from postgres import ..."), as test files here always have.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from postgres import PostgresServer, start_postgres

from adapters.console.conversation import Conversation
from bot.app import Core, build_core
from bot.scheduling.clock import ManualClock
from bot.settings import Settings

# The console speaks the machine's language to a member who chose none
# (adapters/console/zone.py, process_locale). Tests, and the consoles they start, expect
# English unless they set a locale themselves: whatever the developer's machine speaks.
for _variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker carried by every PostgreSQL-backed test parameter."""
    config.addinivalue_line("markers", "postgresql: test runs against a real PostgreSQL server")


# --- Hypothesis -------------------------------------------------------------------------
# CI (which sets CI=true) runs every property test on the same examples each time, chosen
# from the test's own name, and saves nothing: a red CI is the code's doing, and a re-run
# is red too. Local runs ("dev") draw new examples each time and keep failures in
# .hypothesis/ so the next run tries them first. Both print the @reproduce_failure line.
# HYPOTHESIS_PROFILE picks one by name; FOLLOWUP_FUZZ_EXAMPLES still scales the fuzz tests.
# Both start from Hypothesis's "default": with CI in the environment Hypothesis loads its
# own "ci" profile at import, which a profile registered without a parent would inherit.
# Neither times anything (no deadline, no too_slow): a busy machine is not a failure.
_DEFAULT = settings.get_profile("default")
_UNTIMED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile(
    "ci",
    parent=_DEFAULT,
    derandomize=True,
    database=None,
    print_blob=True,
    max_examples=100,
    **_UNTIMED,
)
settings.register_profile("dev", parent=_DEFAULT, print_blob=True, **_UNTIMED)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
settings.load_profile(PROFILE)


def pytest_report_header() -> str:
    """The Hypothesis profile in use, in the run's first lines."""
    return f"hypothesis profile: {PROFILE} (derandomize={settings.default.derandomize})"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Say under a failed property test how to get the same examples again."""
    report = yield
    if report.failed and call.when == "call" and hasattr(getattr(item, "obj", None), "hypothesis"):
        if settings.default.derandomize:
            how = (
                "derandomized, the same examples on every run: "
                f"HYPOTHESIS_PROFILE={PROFILE} pytest '{item.nodeid}' replays them"
            )
        else:
            how = (
                "new examples on every run: paste the @reproduce_failure line above onto "
                f"the test to replay this one; HYPOTHESIS_PROFILE=ci pytest '{item.nodeid}' "
                "runs CI's fixed examples"
            )
        report.sections.append(("How to reproduce", f"Hypothesis profile {PROFILE!r}: {how}."))
    return report


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


@pytest.fixture
def core_with_feeds(database_url: str, clock: ManualClock) -> Iterator[Core]:
    """The real core with FOLLOWUP_PUBLIC_URL set: members' calendar feeds are on."""
    settings = Settings(  # type: ignore[call-arg]
        database_url=database_url, public_url="https://followup.example.com", _env_file=None
    )
    built = build_core(settings, clock)
    try:
        yield built
    finally:
        built.deps.db.dispose()
