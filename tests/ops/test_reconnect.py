"""The backoff between tries to reach a platform, and what /healthz says meanwhile."""

from __future__ import annotations

import asyncio
import logging

import pytest

from adapters.ops import Health
from adapters.reconnect import Link, Refused
from bot.app import Core


def test_waits_double_from_a_second_up_to_the_cap_with_jitter_below_each() -> None:
    link = Link("Discord", max_delay=8)
    for failures, ceiling in [(1, 1), (2, 2), (3, 4), (4, 8), (5, 8), (60, 8)]:
        link.failures = failures
        assert all(ceiling / 2 <= link.next_delay() <= ceiling for _ in range(20))


async def test_each_failed_try_is_one_warning_without_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    link = Link("Slack", max_delay=0.01)
    tries = 0

    async def connect() -> str:
        nonlocal tries
        tries += 1
        if tries < 4:
            raise ConnectionRefusedError(111, "Connect call failed ('127.0.0.1', 9)")
        link.up()
        return "session"

    with caplog.at_level(logging.INFO, logger="adapters.reconnect"):
        assert await link.attempt(connect, (OSError,)) == "session"
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [r.attempt for r in warnings] == [1, 2, 3]  # type: ignore[attr-defined]
    assert all(r.exc_info is None for r in warnings)
    assert (
        warnings[0]
        .getMessage()
        .startswith("Slack unreachable (ConnectionRefusedError: [Errno 111] Connect call failed")
    )
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.INFO] == [
        "Slack: connected"
    ]
    assert (link.connected, link.failures) == (True, 0)  # the next outage starts at a second


async def test_a_cancellation_a_failed_try_swallowed_still_stops_the_tries() -> None:
    link = Link("Discord", max_delay=0.01)
    tries = 0

    async def connect() -> None:  # as 3.11's wait_for does when both land at once
        nonlocal tries
        tries += 1
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            raise ConnectionRefusedError(111, "Connect call failed") from None

    task = asyncio.create_task(link.attempt(connect, (OSError,)))
    await asyncio.sleep(0.01)
    task.cancel()
    done, _ = await asyncio.wait([task], timeout=5)
    assert done == {task}
    assert task.cancelled()
    assert tries == 1
    assert not link.connected


async def test_a_refusal_is_not_retried_and_a_bug_is_not_hidden() -> None:
    link = Link("Discord", max_delay=0.01)
    calls: list[str] = []

    async def refused() -> None:
        calls.append("refused")
        raise Refused("Discord refused DISCORD_TOKEN")

    async def broken() -> None:
        calls.append("broken")
        raise KeyError("a bug, not the network")

    with pytest.raises(Refused):
        await link.attempt(refused, (OSError,))
    with pytest.raises(KeyError):
        await link.attempt(broken, (OSError,))
    assert calls == ["refused", "broken"]


async def test_health_names_each_link_and_fails_while_one_is_down(core: Core) -> None:
    slack, discord = Link("Slack", 1), Link("Discord", 1)
    health = Health(core, links=[slack, discord])
    slack.up()
    healthy, body = await health.check()
    assert not healthy
    assert (body["slack"], body["discord"], body["status"]) == (
        "connected",
        "disconnected",
        "failing",
    )
    discord.up()
    healthy, body = await health.check()
    assert healthy
    assert (body["slack"], body["discord"], body["status"]) == ("connected", "connected", "ok")
