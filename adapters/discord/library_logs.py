"""discord.py's log lines that mislead an operator of this bot: switched off, or made one line.

Followup uses no voice, so "PyNaCl is not installed" and "davey is not installed" do not
apply: discord.py's own switches for them (`VoiceClient.warn_nacl`, `warn_dave`, which it
clears after warning once) are cleared first. "logging in using static token" tells an
operator nothing and would double each reconnection try's line. A sharded client retries a
shard that cannot connect every 5 s with a traceback: that line stays, naming the error.
"""

from __future__ import annotations

import logging

import discord

from adapters.reconnect import summary

LOGGING_IN = "logging in using static token"
SHARD_RETRY = "Failed to connect for shard_id"


class _DiscordLogFilter(logging.Filter):
    """Drops the login line and cuts the traceback from a shard's retry line."""

    def filter(self, record: logging.LogRecord) -> bool:
        """False for the login line; a shard retry keeps its message, with the error named."""
        if record.msg == LOGGING_IN:
            return False
        if str(record.msg).startswith(SHARD_RETRY) and record.exc_info:
            error = record.exc_info[1]
            record.msg = f"{record.getMessage()} ({summary(error) if error else 'no error'})"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


_FILTER = _DiscordLogFilter()


def quiet_discord_logs() -> None:
    """Apply both (idempotent: the flags stay cleared, the same filter is added once)."""
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False
    for name in ("discord.client", "discord.shard"):
        logging.getLogger(name).addFilter(_FILTER)
