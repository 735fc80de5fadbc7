"""`followup console` with input piped in: a transcript that reads as a conversation."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
WAIT = 90.0  # seconds: a busy 2-core machine starts Python slowly
SCENARIO = "# grace checks in\n:as grace\n\n:as ada\n"


def console(tmp_path: Path) -> list[str]:
    """The console's command line, as ada, on a database in `tmp_path`."""
    db = f"sqlite:///{tmp_path}/c.db"
    return [sys.executable, "-m", "adapters.cli", "console", "--db", db, "--as", "ada"]


def run(tmp_path: Path, scenario: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*console(tmp_path), *args],
        input=scenario,
        capture_output=True,
        text=True,
        timeout=WAIT,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )


def test_each_line_is_echoed_under_the_current_name_before_its_answer(tmp_path: Path) -> None:
    result = run(tmp_path, SCENARIO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        "ada> # grace checks in\n"
        "ada> :as grace\n"
        "You are now grace.\n"
        "grace> :as ada\n"
        "You are now ada.\n"
    )


@pytest.mark.parametrize(
    ("args", "env", "echoed"),
    [
        (["--no-echo"], {}, False),
        ([], {"FOLLOWUP_CONSOLE_ECHO": "false"}, False),
        (["--echo"], {"FOLLOWUP_CONSOLE_ECHO": "false"}, True),  # the option wins
    ],
)
def test_echo_is_turned_off_by_option_or_setting(
    tmp_path: Path, args: list[str], env: dict[str, str], echoed: bool
) -> None:
    result = run(tmp_path, SCENARIO, *args, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("You are now grace.\nYou are now ada.\n") is not echoed
    assert ("ada> :as grace\n" in result.stdout) is echoed


def test_a_line_that_is_not_utf8_is_echoed_readably_and_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        console(tmp_path),
        input=b":as gr\xffce\n",
        capture_output=True,
        timeout=WAIT,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    stdout = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "ada> :as gr?ce\n" in stdout
    assert "aren't UTF-8 text" in stdout


def test_ctrl_c_while_reading_piped_input_ends_at_once_without_a_traceback(
    tmp_path: Path,
) -> None:
    """The input stays open, so only the signal can end the console here."""
    process = subprocess.Popen(
        console(tmp_path),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        process.stdin.write(b":as grace\n")
        process.stdin.flush()
        read_until(process.stdout.fileno(), b"You are now grace.\n")  # it waits for a line
        process.send_signal(signal.SIGINT)
        status = process.wait(timeout=WAIT)
        stderr = process.stderr.read().decode() if process.stderr else ""
    finally:
        process.kill()
        process.communicate()
    assert status == 130, stderr  # 128 + SIGINT: the scenario was cut short
    assert "Traceback" not in stderr
    assert "Aborted" not in stderr


def read_until(fd: int, end: bytes) -> bytes:
    """Read `fd` until what was read ends with `end`; fail after WAIT."""
    deadline = time.monotonic() + WAIT
    data = b""
    while not data.endswith(end):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(fd, 4096) if ready else b""
        if not chunk:
            pytest.fail(f"no {end!r} in the console's output: {data!r}")
        data += chunk
    return data
