"""Fuzz examples cannot see each other, and CI draws the same ones every run."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from fuzz_support import SEEDS, START, FreshStart
from hypothesis import HealthCheck, settings
from sqlalchemy import func, select

from bot.app import Core
from bot.chat import CommandRequest, MemberRef
from bot.scheduling.clock import ManualClock
from bot.storage.models import Interview, Member

ADA = MemberRef("console", "local", "ada")


def count(core: Core, what: type[Interview] | type[Member]) -> int:
    with core.deps.db.reading() as session:
        return session.scalar(select(func.count()).select_from(what)) or 0


def say(core: Core, clock: ManualClock, command: str, text: str) -> str:
    return core.dispatcher.handle_sync(CommandRequest(ADA, command, text, clock.now())).plain_text()


def test_a_fresh_start_forgets_what_the_last_example_did(
    fuzz_core: Core, fuzz_clock: ManualClock, fresh: FreshStart
) -> None:
    """Examples used to inherit rows and time, so a failure could not be replayed alone."""
    fresh()
    say(fuzz_core, fuzz_clock, "log", 'company="Acme" when="tomorrow 3pm"')
    fuzz_clock.advance(timedelta(days=3))
    fresh()
    assert fuzz_clock.now() == START
    assert (count(fuzz_core, Interview), count(fuzz_core, Member)) == (0, 0)


@pytest.mark.parametrize("seed", [name for name, lines in SEEDS.items() if lines])
def test_a_seeded_start_is_the_same_every_time(
    fuzz_core: Core, fuzz_clock: ManualClock, fresh: FreshStart, seed: str
) -> None:
    fresh(ADA, seed)
    first = say(fuzz_core, fuzz_clock, "show", "#1")
    say(fuzz_core, fuzz_clock, "delete", "#1 confirm")
    fresh(ADA, seed)
    assert say(fuzz_core, fuzz_clock, "show", "#1") == first
    assert count(fuzz_core, Interview) == 1


def test_the_ci_profile_is_derandomized_bounded_and_prints_how_to_reproduce() -> None:
    ci = settings.get_profile("ci")
    assert ci.derandomize
    assert ci.database is None
    assert ci.print_blob
    assert ci.max_examples <= 100
    assert ci.deadline is None  # no timed assertions: a slow CI machine is not a failure
    assert HealthCheck.too_slow in ci.suppress_health_check


@pytest.mark.parametrize(("ci", "profile"), [("true", "ci"), ("", "dev")])
def test_ci_in_the_environment_selects_the_ci_profile(ci: str, profile: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    env["CI"] = ci
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "--co",
            "tests/fuzz/fuzz_support.py",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert f"hypothesis profile: {profile} (derandomize={profile == 'ci'})" in run.stdout
