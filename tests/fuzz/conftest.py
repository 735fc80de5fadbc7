"""Fixtures for the fuzz tests: a real core on SQLite and a trap for ERROR log records.

A bug inside a command handler does not crash the bot: the dispatcher answers with its
apology (OOPS) and logs the traceback at ERROR. So "nothing logged at ERROR" is the fuzz
tests' real oracle, next to "every reply is a message".
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fuzz_support import START, ErrorTrap, FreshStart

from bot.app import Core, build_core
from bot.scheduling.clock import ManualClock
from bot.settings import Settings


@pytest.fixture(scope="module")
def error_trap() -> Iterator[ErrorTrap]:
    """Collects ERROR records from every logger for the module's tests."""
    trap = ErrorTrap()
    root = logging.getLogger()
    root.addHandler(trap)
    try:
        yield trap
    finally:
        root.removeHandler(trap)


@pytest.fixture(scope="module")
def fuzz_clock() -> ManualClock:
    """One clock for a module's examples; each puts it back to START (`fresh`)."""
    return ManualClock(START)


@pytest.fixture(scope="module")
def fuzz_core(tmp_path_factory: pytest.TempPathFactory, fuzz_clock: ManualClock) -> Iterator[Core]:
    """The real core on one SQLite file shared by all examples of a module."""
    path: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    settings = Settings(database_url=f"sqlite:///{path}", _env_file=None)  # type: ignore[call-arg]
    core = build_core(settings, fuzz_clock)
    try:
        yield core
    finally:
        core.deps.db.dispose()


@pytest.fixture(scope="module")
def fresh(fuzz_core: Core, fuzz_clock: ManualClock) -> FreshStart:
    """Call first in every example: the database and clock as every example starts.

    Ask for it after any fixture that writes what all examples need (the Slack
    installation), so its snapshot keeps that.
    """
    return FreshStart(fuzz_core, fuzz_clock)
