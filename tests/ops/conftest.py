"""Fixtures for the process tests: a fake Slack that can be slow to accept a DM."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from ops_helpers import SlowSlack


@pytest.fixture
async def slack() -> AsyncIterator[SlowSlack]:
    """A fake Slack Web API on a loopback port."""
    fake = SlowSlack()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()
