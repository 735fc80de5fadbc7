"""`followup console` with a scenario piped in: the issue's whole loop, read by a program."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

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
        ("ada", "2026-11-25T12:00:00-05:00"),  # the last call at its own time
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


def run_console_bytes(
    tmp_path: Path, scenario: bytes, user: str, **env: str
) -> subprocess.CompletedProcess[bytes]:
    """The console as a member would pipe it, with these extra environment variables."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "adapters.cli",
            "console",
            "--db",
            f"sqlite:///{tmp_path}/c.db",
            "--as",
            user,
            "--now",
            "2026-11-23T09:00:00-05:00",
        ],
        input=scenario,
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, **env},
    )


def test_console_survives_values_it_cannot_decrypt_and_delivers_the_rest(tmp_path: Path) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    written = run_console_bytes(
        tmp_path,
        b'/interview settings signature="Grace | 555"\n'
        b'/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe <jane@acme.com>"\n'
        b'/interview notes #1 topics="private"\n',
        "grace",
        FOLLOWUP_ENCRYPTION_KEY=old,
    )
    assert written.returncode == 0, written.stderr
    result = run_console_bytes(  # restarted with only a new key: grace's rows are unreadable
        tmp_path,
        b'/interview log company="Initech" when="tomorrow 3pm" with="Raj Patel"\n'
        b":as grace\n:now\n/interview list\n:as ada\n:advance 32h\n:now\n",
        "ada",
        FOLLOWUP_ENCRYPTION_KEY=new,
    )
    stdout, stderr = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 0, stderr
    assert "Traceback" not in stdout + stderr
    assert "You are now grace.\ngrace> :now\n2026-11-23T09:00:00-05:00\n" in stdout  # her :now
    assert "#1 Acme" in stdout  # grace's list reads no encrypted column
    assert DM_HEADER.findall(stdout) == [("ada", "2026-11-24T17:00:00-05:00")]
    assert "Hi Raj," in stdout
    assert stdout.endswith("\n2026-11-24T17:00:00-05:00\n")  # ada's :now after the advance
    assert "set aside" in stderr


def test_invalid_utf8_on_stdin_is_refused_and_never_stored(tmp_path: Path) -> None:
    result = run_console_bytes(
        tmp_path,
        b'/interview log company="Ac\xffme" when="tomorrow 3pm" with="Jane Doe"\n/interview list\n',
        "ada",
    )
    stdout = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "aren't UTF-8 text, so I ignored it" in stdout
    with sqlite3.connect(tmp_path / "c.db") as db:
        assert db.execute("SELECT count(*) FROM interview").fetchone() == (0,)
