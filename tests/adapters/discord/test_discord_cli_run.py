"""`followup run` with a Discord token connects to Discord and delivers, until stopped."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from fakes.discord_api import FakeDiscord

from adapters.cli import _platforms
from bot.settings import Settings


async def test_run_connects_to_discord_and_stops_cleanly(fake: FakeDiscord, tmp_path: Path) -> None:
    settings = Settings(  # type: ignore[call-arg]
        database_url=f"sqlite:///{tmp_path}/run.db",
        _env_file=None,
        discord_token="test-token",
        discord_api_url=fake.base_url,
        discord_gateway_url=fake.gateway_url,
    )
    task = asyncio.create_task(_platforms(settings))
    try:
        await fake.wait_connected()
        assert fake.sent("GET", "/users/@me")
        assert not task.done()
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    assert (tmp_path / "run.db").exists()
