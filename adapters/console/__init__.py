"""The local console: chat with the bot in a terminal, or pipe a scenario through it."""

from __future__ import annotations

import asyncio
import io
import logging
import sys
from typing import TextIO

from adapters.console.conversation import DIRECTIVES, Conversation

log = logging.getLogger(__name__)
SORRY = (
    "Something went wrong on my side with that line (the log says what). The console is "
    "still running: try again, or carry on with something else."
)


async def run_console(conversation: Conversation, stdin: TextIO = sys.stdin) -> None:
    """Read lines until end of input; interactive with a prompt when stdin is a terminal.

    Bytes that are not UTF-8 arrive as lone surrogates (so the line can be refused, not
    crash the reader), and a line that fails is apologised for: the console keeps going.
    """
    if isinstance(stdin, io.TextIOWrapper):
        stdin.reconfigure(errors="surrogateescape")
    interactive = stdin.isatty()
    if interactive:
        print(
            f"Followup console. You are {conversation.user}. Type /interview help, "
            f"or a directive ({DIRECTIVES}). Ctrl-D to quit.",
            flush=True,
        )
    while True:
        prompt = f"{conversation.user}> " if interactive else ""
        line = await asyncio.to_thread(_read_line, stdin, prompt)
        if line is None:
            return
        try:
            await conversation.say(line)
        except Exception:
            log.exception("console line failed")
            print(SORRY, flush=True)


def _read_line(stdin: TextIO, prompt: str) -> str | None:
    """One line from stdin, or None at end of input."""
    if prompt:
        try:
            return input(prompt)
        except EOFError:
            return None
    line = stdin.readline()
    return line if line else None
