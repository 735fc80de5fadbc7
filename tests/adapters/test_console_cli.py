"""`followup console` with a scenario piped in: the issue's whole loop, read by a program."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCENARIO = """\
/interview settings timezone=America/New_York
/interview log company="Acme" role="Backend Engineer" when="tomorrow 3pm" stage=onsite with="Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel"
/interview notes #1 jane="the Kafka migration" raj="testing culture"
:advance 32h
/interview sent #1 Jane
:advance 20h
:now
"""  # noqa: E501

DM_HEADER = re.compile(r"^DM to (\S+) at (\S+)$", re.MULTILINE)


def run_console(tmp_path: Path, scenario: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "adapters.cli",
            "console",
            "--db",
            f"sqlite:///{tmp_path}/c.db",
            "--as",
            "ada",
            *args,
        ],
        input=scenario,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_piped_scenario_shows_one_dm_per_interviewer_then_only_the_unsent_one(
    tmp_path: Path,
) -> None:
    result = run_console(tmp_path, SCENARIO, "--now", "2026-11-23T09:00:00-05:00")
    assert result.returncode == 0, result.stderr
    headers = DM_HEADER.findall(result.stdout)
    assert headers == [
        ("ada", "2026-11-24T17:00:00-05:00"),
        ("ada", "2026-11-24T17:00:00-05:00"),
        ("ada", "2026-11-25T13:00:00-05:00"),
    ]
    dms = DM_HEADER.split(result.stdout)
    bodies = [dms[i + 3] for i in range(0, len(dms) - 1, 3)]
    assert sorted("Hi Jane," in b for b in bodies[:2]) == [False, True]
    assert "the Kafka migration" in next(b for b in bodies[:2] if "Hi Jane," in b)
    assert "Hi Raj," in bodies[2]
    assert "Jane" not in bodies[2].split("[Mark sent")[0]
    assert "Traceback" not in result.stderr


def test_bad_now_option_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    result = run_console(tmp_path, "", "--now", "yesterday")
    assert result.returncode != 0
    assert "ISO 8601" in result.stderr
