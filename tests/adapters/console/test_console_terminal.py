"""`followup console` at a terminal: a pseudo-terminal, keys typed in, the screen's text read.

Each wait is for text to appear, with a generous deadline for a loaded machine; nothing
here measures time.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from adapters.console.conversation import Conversation
from bot.app import build_core
from bot.scheduling.clock import OffsetClock
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[3]
WAIT = 90.0  # seconds for anything to show up: a busy 2-core machine starts Python slowly
# Terminal control sequences (colours, cursor moves, modes) and carriage returns.
CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\r")
UP, CTRL_C, CTRL_D = "\x1b[A", "\x03", "\x04"
GREETED = "quits."  # the end of the greeting's key help


class Terminal:
    """One console on a pseudo-terminal; `expect` reads on past what it matched last."""

    def __init__(self, db: Path, env: dict[str, str]) -> None:
        primary, secondary = os.openpty()
        fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "adapters.cli", "console", "--db", f"sqlite:///{db}"],
            stdin=secondary,
            stdout=secondary,
            stderr=secondary,
            cwd=db.parent,
            env={
                **os.environ,
                "PYTHONPATH": str(ROOT),
                "TERM": "xterm",
                "PROMPT_TOOLKIT_NO_CPR": "1",  # nobody here answers cursor position requests
                "FOLLOWUP_CONSOLE_USER": "ada",
                **env,
            },
            start_new_session=True,
        )
        os.close(secondary)
        self.fd = primary
        self.raw = b""
        self.seen = 0  # how far into `text` the last match reached

    @property
    def text(self) -> str:
        """Everything printed so far, without control sequences."""
        return CONTROL.sub("", self.raw.decode("utf-8", "replace"))

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def expect(self, pattern: str) -> re.Match[str]:
        """Wait for `pattern` (a regular expression) after the last match."""
        deadline = time.monotonic() + WAIT
        while not (found := re.compile(pattern).search(self.text, self.seen)):
            if time.monotonic() > deadline or not self._read(deadline):
                pytest.fail(f"no {pattern!r} after:\n{self.text[: self.seen]}\n---\n{self.rest}")
        self.seen = found.end()
        return found

    @property
    def rest(self) -> str:
        """What was printed after the last match."""
        return self.text[self.seen :]

    def finish(self) -> int:
        """Read to the end of the output and return the exit status."""
        deadline = time.monotonic() + WAIT
        while self._read(deadline):
            if time.monotonic() > deadline:
                pytest.fail(f"the console is still running:\n{self.text}")
        return self.process.wait(timeout=WAIT)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.fd)

    def _read(self, deadline: float) -> bool:
        """Take in what arrives before `deadline`; False once the console closed its end."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the console exited and its end of the terminal is gone
            return False
        self.raw += data
        return bool(data)


@pytest.fixture
def console(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    """Start consoles on databases in tmp_path (`c.db` unless named), each at its prompt.

    Keys count only once the prompt is drawn: before, the terminal is the system's, which
    takes Ctrl-D as the end of input and Ctrl-C as a signal.
    """
    started: list[Terminal] = []

    def start(db: str = "c.db", **env: str) -> Terminal:
        terminal = Terminal(tmp_path / db, env)
        started.append(terminal)
        terminal.expect(GREETED)
        terminal.expect("ada>")
        return terminal

    yield start
    for terminal in started:
        terminal.close()


def test_up_arrow_recalls_the_line_before_and_enter_sends_it_again(
    console: Callable[..., Terminal],
) -> None:
    terminal = console()
    terminal.type(":as grace\r")
    terminal.expect(r"You are now grace\.")
    terminal.expect("grace>")
    terminal.type(UP)
    terminal.expect(":as grace")
    terminal.type("\r")
    terminal.expect(r"You are now grace\.")
    terminal.expect("grace>")
    terminal.type(CTRL_D)
    assert terminal.finish() == 0


def test_history_is_kept_across_runs_and_per_database(
    console: Callable[..., Terminal], tmp_path: Path
) -> None:
    first = console()
    first.type(":as grace\r")
    first.expect(r"You are now grace\.")
    first.expect("grace>")
    first.type(CTRL_D)
    assert first.finish() == 0
    assert (tmp_path / "c.db.history").is_file()  # beside its database

    again = console()
    again.type(UP)
    again.expect(":as grace")
    again.type("\r")
    again.expect(r"You are now grace\.")
    again.expect("grace>")
    again.type(CTRL_D)
    assert again.finish() == 0

    elsewhere = console("other.db")
    elsewhere.type(f"{UP}\r:now\r")
    elsewhere.expect(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
    elsewhere.expect("ada>")
    elsewhere.type(CTRL_D)
    assert elsewhere.finish() == 0
    assert "You are now" not in elsewhere.text


def test_ctrl_c_quits_at_once_without_a_traceback(console: Callable[..., Terminal]) -> None:
    terminal = console()
    terminal.type("half a li")
    terminal.expect("half a li")
    terminal.type(CTRL_C)
    assert terminal.finish() == 0  # a quit key, like Ctrl-D: `make run` reports no error
    assert "Traceback" not in terminal.text
    assert "Aborted" not in terminal.text
    assert re.search(r"half a li[ ]*\n\Z", terminal.text), terminal.rest  # the shell's prompt


def test_ctrl_d_leaves_the_shell_prompt_on_a_line_of_its_own(
    console: Callable[..., Terminal],
) -> None:
    terminal = console()
    terminal.type(CTRL_D)
    assert terminal.finish() == 0
    assert re.search(r"ada>[ ]*\n\Z", terminal.text), terminal.text[-200:]


async def test_a_dm_arriving_mid_line_prints_above_the_prompt_and_keeps_the_line(
    console: Callable[..., Terminal], tmp_path: Path
) -> None:
    terminal = console(FOLLOWUP_DELIVERY_INTERVAL_SECONDS="0.5")
    terminal.type("/interview li")
    terminal.expect("/interview li")
    await log_overdue_interview(tmp_path / "c.db")  # its thank-you reminder is due now
    terminal.expect("DM to ada at ")
    terminal.expect("Raj")
    terminal.expect("ada> /interview li")  # drawn again below the DM, as it was typed
    terminal.type("st\r")
    terminal.expect("Your interviews")
    terminal.expect("#1 Initech")
    terminal.expect("ada>")
    terminal.type(CTRL_D)
    assert terminal.finish() == 0


async def log_overdue_interview(db: Path) -> None:
    """As another console on the same database would: ada's interview that ended hours ago.

    This process delivers nothing, so the reminder reaches ada in the terminal's console.
    """
    settings = Settings(database_url=f"sqlite:///{db}", _env_file=None)  # type: ignore[call-arg]
    clock = OffsetClock()
    core = build_core(settings, clock)
    try:
        conversation = Conversation(core, clock, user="ada")
        await conversation.say("/interview settings quiet_hours=off weekdays_only=no")
        logged = await conversation.say(
            '/interview log company="Initech" when="3 hours ago" with="Raj Patel"'
        )
        assert "Logged #1 Initech" in logged
    finally:
        core.deps.db.dispose()


def test_with_notes_encrypted_the_history_is_never_written(
    console: Callable[..., Terminal], tmp_path: Path
) -> None:
    """Lines carry notes and emails: a history file would keep them in clear beside the db."""
    terminal = console(FOLLOWUP_ENCRYPTION_KEY=Fernet.generate_key().decode())
    terminal.type(":as grace\r")
    terminal.expect("grace>")
    terminal.type(UP)
    terminal.expect(":as grace")  # recalled from this session's memory
    terminal.type("\r")
    terminal.expect(r"You are now grace\.")
    terminal.expect("grace>")
    terminal.type(CTRL_D)
    assert terminal.finish() == 0
    assert not (tmp_path / "c.db.history").exists()


def test_an_email_pasted_for_reply_is_gathered_and_kept_out_of_the_history(
    console: Callable[..., Terminal], tmp_path: Path
) -> None:
    """`reply #1` alone gathers lines to a full stop; a bracketed paste comes whole; no history."""
    terminal = console()
    terminal.type('/interview log company="Acme" when="tomorrow 3pm"\r')
    terminal.expect(r"Logged #1 Acme")
    terminal.expect("ada>")
    terminal.type("/interview reply #1\r")
    terminal.expect(r"a line with only a full stop \(\.\) to finish")
    terminal.expect(r"(?m)^\.\.\.")
    for line in ("Dear Ada,", "", "Zanzibar budget key=value", "/interview forget confirm"):
        terminal.type(line + "\r")
        terminal.expect(r"(?m)^\.\.\.")
    terminal.type(".\r")
    terminal.expect("ada>")  # read (or, before the classifier, apologised for): not run
    terminal.type("\x1b[200~/interview reply #1 Hi Ada,\n\nQuokka-9 regards\x1b[201~\r")
    terminal.expect("ada>")
    terminal.type("/interview list\r")
    terminal.expect(r"#1 Acme")  # the line inside the paste deleted nothing
    terminal.expect("ada>")
    terminal.type(CTRL_D)
    assert terminal.finish() == 0
    history = (tmp_path / "c.db.history").read_text(encoding="utf-8")
    assert "/interview list" in history
    assert "/interview reply #1\n" in history  # the command alone holds no email
    for pasted in ("Zanzibar", "Dear Ada", "forget confirm", "Quokka-9"):
        assert pasted not in history
