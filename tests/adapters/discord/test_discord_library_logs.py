"""discord.py's lines that do not apply to this bot stay out of the logs; retries stay one line."""

from __future__ import annotations

import logging
import sys

import discord
import pytest

from adapters.discord.library_logs import quiet_discord_logs


def test_voice_warnings_are_switched_off_and_the_login_line_dropped(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As discord.py starts on a machine without PyNaCl and davey: armed to warn once.
    monkeypatch.setattr(discord.VoiceClient, "warn_nacl", True)
    monkeypatch.setattr(discord.VoiceClient, "warn_dave", True)
    quiet_discord_logs()
    with caplog.at_level(logging.INFO, logger="discord.client"):
        discord.Client(intents=discord.Intents.default())
        logging.getLogger("discord.client").info("logging in using static token")
    assert caplog.messages == []  # neither "PyNaCl is not installed" nor "davey ..." nor login


def test_a_shards_retry_is_one_line_naming_the_error(caplog: pytest.LogCaptureFixture) -> None:
    quiet_discord_logs()
    with caplog.at_level(logging.ERROR, logger="discord.shard"):
        try:
            raise ConnectionRefusedError(111, "Connect call failed ('127.0.0.1', 9)")
        except OSError:
            logging.getLogger("discord.shard").exception(
                "Failed to connect for shard_id: %s. Retrying...", 3, exc_info=sys.exc_info()
            )
    (record,) = caplog.records
    assert record.exc_info is None
    assert record.getMessage() == (
        "Failed to connect for shard_id: 3. Retrying... "
        "(ConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 9))"
    )
