"""Fixtures for the Discord adapter: a loopback fake Discord and a connected adapter."""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord
import pytest
import yarl
from fakes.discord_api import FakeDiscord

from adapters.discord import DiscordAdapter
from bot.app import Core
from bot.settings import Settings


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """A fake Discord on a free loopback port; discord.py's endpoints restored after."""
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    server = await FakeDiscord().start()
    try:
        yield server
    finally:
        await server.stop()
        discord.http.Route.BASE = base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(str(gateway))


@pytest.fixture
def discord_settings(fake: FakeDiscord, core: Core) -> Settings:
    """The core's settings pointed at the fake, with a test token."""
    return core.settings.model_copy(
        update={
            "discord_token": "test-token",
            "discord_api_url": fake.base_url,
            "discord_gateway_url": fake.gateway_url,
        }
    )


@pytest.fixture
async def adapter(
    core: Core, discord_settings: Settings, fake: FakeDiscord
) -> AsyncIterator[DiscordAdapter]:
    """A DiscordAdapter connected to the fake and ready."""
    started = DiscordAdapter(core, discord_settings, guild_ready_timeout=0.05)
    await started.start()
    try:
        yield started
    finally:
        await started.close()
