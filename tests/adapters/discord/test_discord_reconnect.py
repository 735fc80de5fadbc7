"""Discord going away is not the end: the adapter retries, then logs in and identifies again."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

import yarl
from fakes.discord_api import FakeDiscord

from adapters.discord import DiscordAdapter
from bot.app import Core
from bot.settings import Settings


async def until(condition: Callable[[], bool], timeout: float = 10) -> None:
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), timeout)


async def test_after_an_outage_mid_session_the_adapter_retries_then_identifies_again(
    core: Core, discord_settings: Settings, fake: FakeDiscord
) -> None:
    settings = discord_settings.model_copy(update={"reconnect_max_seconds": 0.05})
    adapter = DiscordAdapter(core, settings, guild_ready_timeout=0.05)
    link = adapter.link
    port = yarl.URL(fake.base_url).port or 0
    running = asyncio.create_task(adapter.run())
    try:
        await until(lambda: link.connected)  # READY seen
        await fake.stop()  # the gateway closes, and nothing answers on the port
        await until(lambda: not link.connected and link.failures >= 2)
        await fake.start(port)
        await until(lambda: link.connected)
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running
    assert len(fake.identifies) == 2  # a fresh session, not a resume of the lost one
    assert len(fake.sent("GET", "/users/@me")) == 2  # only the tries that got an answer
    assert adapter.client is None  # closed on the way out
