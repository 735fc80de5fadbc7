"""The local console: chat with the bot in a terminal, or pipe a scenario through it."""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from adapters.console.conversation import DIRECTIVES, Conversation


async def run_console(conversation: Conversation, stdin: TextIO = sys.stdin) -> None:
    """Read lines until end of input; interactive with a prompt when stdin is a terminal."""
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
        await conversation.say(line)


def _read_line(stdin: TextIO, prompt: str) -> str | None:
    """One line from stdin, or None at end of input."""
    if prompt:
        try:
            return input(prompt)
        except EOFError:
            return None
    line = stdin.readline()
    return line if line else None
