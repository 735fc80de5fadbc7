"""The local console: chat with the bot in a terminal, or pipe a scenario through it."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import re
import sys
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TextIO

from prompt_toolkit import PromptSession
from prompt_toolkit.history import DummyHistory, FileHistory, History, InMemoryHistory
from prompt_toolkit.input import create_input
from prompt_toolkit.patch_stdout import patch_stdout

from adapters.console.conversation import DIRECTIVES, Conversation
from bot.i18n import N_, _, speaking

log = logging.getLogger(__name__)
SORRY = N_(
    "Something went wrong on my side with that line (the log says what). The console is "
    "still running: try again, or carry on with something else."
)


async def run_console(
    conversation: Conversation,
    stdin: TextIO = sys.stdin,
    *,
    history: Path | None = None,
    log_file: Path | None = None,
    echo: bool = True,
) -> None:
    """Chat at a prompt when both ends are a terminal; else read lines to the end of input.

    `history` is the file of earlier lines (None: this session's only). Lines read without
    a prompt are echoed as `NAME> line` before their answers (unless `echo` is off), so a
    transcript reads as a conversation.
    Bytes that are not UTF-8 arrive as lone surrogates (so the line can be refused, not
    crash the reader), and a line that fails is apologised for: the console keeps going.
    """
    if isinstance(stdin, io.TextIOWrapper):
        stdin.reconfigure(errors="surrogateescape")
    if stdin.isatty() and sys.stdout.isatty():
        await _chat(conversation, stdin, _history(history), log_file)
    else:
        async for line in _lines(stdin):
            if echo and line.strip():
                print(_echo(conversation.user, line), flush=True)
            await _answer(conversation, line)


async def _chat(
    conversation: Conversation, stdin: TextIO, history: History, log_file: Path | None
) -> None:
    """Prompt, answer, repeat; Ctrl-C or Ctrl-D quits.

    While the prompt waits, whatever is printed (a DM coming due, a warning) goes above it,
    and it is drawn again below with the half-typed line intact. Answers are printed once
    the prompt has gone, straight to the terminal, so each comes before the next prompt.
    """
    terminal = create_input(stdin)
    session: PromptSession[str] = PromptSession(history=history, input=terminal)
    # A pasted email is read once and kept nowhere: its lines go into no history.
    pasting: PromptSession[str] = PromptSession(history=DummyHistory(), input=terminal)
    with speaking(conversation.refresh_language()):
        banner = _(
            "Followup console. You are {name}. Type /interview help, or a directive "
            "({directives}). Up arrow recalls earlier lines; Ctrl-D or Ctrl-C quits."
        ).format(name=conversation.user, directives=_(DIRECTIVES))
        if log_file:
            banner += " " + _("Logs go to {path}.").format(path=log_file)
    print(banner, flush=True)
    while True:
        try:
            with patch_stdout():
                if conversation.pasting:
                    line = await pasting.prompt_async("... ")
                else:
                    line = await session.prompt_async(f"{conversation.user}> ")
        except (EOFError, KeyboardInterrupt):  # raw at the prompt: Ctrl-C is a key
            return  # the prompt has ended its line: the shell's starts on its own
        await _answer(conversation, line)


async def _answer(conversation: Conversation, line: str) -> None:
    try:
        await conversation.say(line)
    except Exception:
        log.exception("console line failed")
        with speaking(conversation.language):  # the last language read: the reading may fail
            print(_(SORRY), flush=True)


def _history(path: Path | None) -> History:
    """Earlier lines from `path`, created readable by its owner only (lines carry notes)."""
    if path is None:
        return _WithoutPastes()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))
    return _FileWithoutPastes(path)


# `/interview reply #3 <their email>`: a line that holds someone else's email.
_PASTE = re.compile(r"\s*/?interview\s+reply\s+\S+\s+\S", re.IGNORECASE)


class _WithoutPastes(InMemoryHistory):
    """The session's lines, but never an email pasted after `reply #3`."""

    def append_string(self, string: str) -> None:
        """Keep `string` unless it carries a pasted email."""
        if not _PASTE.match(string):
            super().append_string(string)


class _FileWithoutPastes(FileHistory):
    """Earlier lines on disk, but never an email pasted after `reply #3`."""

    def append_string(self, string: str) -> None:
        """Keep `string` unless it carries a pasted email."""
        if not _PASTE.match(string):
            super().append_string(string)


async def _lines(stdin: TextIO) -> AsyncIterator[str]:
    """The lines of `stdin` as they arrive, read on a daemon thread.

    A thread of asyncio's own pool, blocked in a read, would hold the process open after
    Ctrl-C until the next line or the end of input: the interpreter waits for it at exit.
    """
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str | None] = asyncio.Queue()

    def put(line: str | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is reading
            loop.call_soon_threadsafe(lines.put_nowait, line)

    def pump() -> None:
        try:
            for line in iter(stdin.readline, ""):
                put(line)
        finally:
            put(None)

    threading.Thread(target=pump, name="console-stdin", daemon=True).start()
    while (line := await lines.get()) is not None:
        yield line


def _echo(user: str, line: str) -> str:
    """`NAME> line`, as the prompt shows it; bytes that were not UTF-8 are shown as `?`."""
    text = line.rstrip("\r\n").encode("utf-8", "replace").decode("utf-8")
    return f"{user}> {text}"
