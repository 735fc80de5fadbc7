"""The Discord fake alone, and a plain HTTP client to call it with, for the fakes' own rules."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from fakes.discord_api import FakeDiscord


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """The fake alone, on a loopback port (a module with another fake defines its own)."""
    server = await FakeDiscord().start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    """A plain HTTP client: no discord.py in between."""
    async with aiohttp.ClientSession() as session:
        yield session
