"""A platform that cannot be reached is retried, one log line a try, while /healthz says so.

Each process starts against a loopback port nothing listens on; the fake then comes up on
that very port and the process connects. A token the platform refuses is not retried: one
line, exit status 2. Waits are capped at 0.05 s here, so retries come quickly; nothing is
timed.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import aiohttp
from fakes.discord_api import FakeDiscord
from fakes.slack_api import FakeSlack
from ops_helpers import BOT_TOKEN, Proc, environment, free_port, start

APP_TOKEN = "xapp-1-A0FOLLOW-1-unreachable"
FAST = {"FOLLOWUP_RECONNECT_MAX_SECONDS": "0.05"}
MISLEADING = (
    "PyNaCl is not installed",
    "davey is not installed",
    "`token` will be unused",
    "Guilds intent seems to be disabled",
)


def retries(process: Proc, platform: str) -> list[dict[str, Any]]:
    """The process's log events for failed tries to reach `platform`."""
    return [e for e in process.events if str(e["message"]).startswith(f"{platform} unreachable")]


async def until_retried(process: Proc, platform: str, times: int = 3) -> list[dict[str, Any]]:
    """Wait for `times` failed tries (the process must stay up meanwhile)."""
    while len(retries(process, platform)) < times:
        assert process.process.returncode is None, process.stderr()
        await asyncio.sleep(0.02)
    return retries(process, platform)


async def health(port: int) -> tuple[int, dict[str, Any]]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{port}/healthz") as response,
    ):
        return response.status, await response.json()


def assert_one_line_each(process: Proc, platform: str) -> None:
    """Every retry is one JSON event with no traceback, counted 1, 2, 3...; nothing misleads."""
    tried = retries(process, platform)
    assert [e["attempt"] for e in tried] == list(range(1, len(tried) + 1))
    assert all(e["level"] == "warning" and "exception" not in e for e in tried)
    assert all("Connect call failed" in e["message"] for e in tried)
    assert len(process.events) == len(process.lines)  # every stderr line is one JSON event
    assert not any("exception" in e for e in process.events)
    assert not any(warning in process.stderr() for warning in MISLEADING)


async def test_socket_mode_waits_for_an_unreachable_slack_then_connects(tmp_path: Path) -> None:
    api, ops = free_port(), free_port()
    env = environment(
        f"sqlite:///{tmp_path}/followup.db",
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_APP_TOKEN=APP_TOKEN,
        FOLLOWUP_SLACK_API_URL=f"http://127.0.0.1:{api}/api/",
        PORT=str(ops),
        **FAST,
    )
    process = await start("web", env, tmp_path)
    fake = FakeSlack(port=api)
    try:
        await until_retried(process, "Slack")
        down = await health(ops)
        await fake.start()
        await process.wait_for("Slack: connected")
        up = await health(ops)
    finally:
        code = await process.terminate()
        await fake.stop()

    assert down[0] == 503
    assert down[1]["slack"] == "disconnected"
    assert up == (200, {**up[1], "slack": "connected", "status": "ok"})
    assert [c.token for c in fake.of("apps.connections.open")] == [APP_TOKEN]
    assert code == 0, process.stderr()
    assert_one_line_each(process, "Slack")


async def test_the_discord_process_waits_for_an_unreachable_discord_then_connects(
    tmp_path: Path,
) -> None:
    api, ops = free_port(), free_port()
    env = environment(
        f"sqlite:///{tmp_path}/followup.db",
        DISCORD_TOKEN="test-token",
        FOLLOWUP_DISCORD_API_URL=f"http://127.0.0.1:{api}/api/v10",
        FOLLOWUP_DISCORD_GATEWAY_URL=f"ws://127.0.0.1:{api}/gateway",
        FOLLOWUP_METRICS_PORT=str(ops),
        **FAST,
    )
    process = await start("discord", env, tmp_path)
    fake = FakeDiscord()
    try:
        await until_retried(process, "Discord")
        down = await health(ops)
        await fake.start(api)
        await fake.wait_connected(timeout=60)
        await process.wait_for("Discord: connected")
        up = await health(ops)
    finally:
        code = await process.terminate()
        await fake.stop()

    assert down == (503, {**down[1], "discord": "disconnected", "status": "failing"})
    assert up == (200, {**up[1], "discord": "connected", "status": "ok"})
    assert code == 0, process.stderr()
    assert_one_line_each(process, "Discord")


async def test_a_discord_worker_waits_for_discords_rest_api_then_logs_in(tmp_path: Path) -> None:
    api, ops = free_port(), free_port()
    env = environment(
        f"sqlite:///{tmp_path}/followup.db",
        DISCORD_TOKEN="test-token",
        FOLLOWUP_DISCORD_API_URL=f"http://127.0.0.1:{api}/api/v10",
        FOLLOWUP_METRICS_PORT=str(ops),
        **FAST,
    )
    process = await start("worker", env, tmp_path)
    fake = FakeDiscord()
    try:
        await until_retried(process, "Discord")
        down = await health(ops)
        await fake.start(api)
        await process.wait_for("Discord: connected")
        up = await health(ops)
    finally:
        code = await process.terminate()
        await fake.stop()

    assert (down[0], down[1]["discord"], down[1]["scheduler"]) == (503, "disconnected", "ok")
    assert up == (200, {**up[1], "discord": "connected", "status": "ok"})
    assert fake.sent("GET", "/users/@me")
    assert fake.identifies == []  # REST only: the gateway is the `discord` process's
    assert code == 0, process.stderr()
    assert_one_line_each(process, "Discord")


async def test_a_gateway_that_refuses_is_retried_from_login_while_health_says_disconnected(
    tmp_path: Path,
) -> None:
    fake = await FakeDiscord().start()
    ops = free_port()
    env = environment(
        f"sqlite:///{tmp_path}/followup.db",
        DISCORD_TOKEN="test-token",
        FOLLOWUP_DISCORD_API_URL=fake.base_url,
        FOLLOWUP_DISCORD_GATEWAY_URL=f"ws://127.0.0.1:{free_port()}/gateway",
        FOLLOWUP_METRICS_PORT=str(ops),
        **FAST,
    )
    process = await start("discord", env, tmp_path)
    try:
        await until_retried(process, "Discord")
        status, body = await health(ops)
    finally:
        code = await process.terminate()
        await fake.stop()

    assert (status, body["discord"]) == (503, "disconnected")
    assert len(fake.sent("GET", "/users/@me")) >= 3  # each try is a fresh login and session
    assert fake.identifies == []
    assert code == 0, process.stderr()
    assert_one_line_each(process, "Discord")


async def test_a_refused_app_token_is_one_line_and_exit_status_2_not_retried(
    tmp_path: Path,
) -> None:
    fake = await FakeSlack().start()
    fake.fail("apps.connections.open", "invalid_auth")
    env = environment(
        f"sqlite:///{tmp_path}/followup.db",
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_APP_TOKEN=APP_TOKEN,
        FOLLOWUP_SLACK_API_URL=fake.api_url,
        PORT=str(free_port()),
        **FAST,
    )
    try:
        process = await start("run", env, tmp_path)
        code = await process.wait()
    finally:
        await fake.stop()

    assert code == 2, process.stderr()
    (line,) = [line for line in process.lines if not line.startswith("{")]  # the rest is JSON
    assert line.startswith("Error: Slack refused SLACK_APP_TOKEN (invalid_auth)")
    assert "connections:write" in line
    assert len(fake.of("apps.connections.open")) == 1
    assert retries(process, "Slack") == []
    assert APP_TOKEN not in process.stderr()


async def test_a_refused_discord_token_is_one_line_and_exit_status_2_not_retried(
    tmp_path: Path,
) -> None:
    fake = await FakeDiscord().start()
    fake.fail("/users/@me", 401, {"message": "401: Unauthorized", "code": 0})
    env = environment(
        f"sqlite:///{tmp_path}/followup.db",
        DISCORD_TOKEN="test-token",
        FOLLOWUP_DISCORD_API_URL=fake.base_url,
        FOLLOWUP_DISCORD_GATEWAY_URL=fake.gateway_url,
        **FAST,
    )
    try:
        process = await start("discord", env, tmp_path)
        code = await process.wait()
    finally:
        await fake.stop()

    assert code == 2, process.stderr()
    (line,) = [line for line in process.lines if not line.startswith("{")]  # the rest is JSON
    assert line.startswith("Error: Discord refused DISCORD_TOKEN (401 Unauthorized)")
    assert len(fake.sent("GET", "/users/@me")) == 1
    assert retries(process, "Discord") == []


async def test_discord_sync_says_in_one_line_when_discord_refuses_or_is_unreachable(
    tmp_path: Path,
) -> None:
    fake = await FakeDiscord().start()
    fake.fail("/users/@me", 401, {"message": "401: Unauthorized", "code": 0})
    base = environment(f"sqlite:///{tmp_path}/followup.db", DISCORD_TOKEN="test-token")
    closed = f"http://127.0.0.1:{free_port()}/api/v10"
    try:
        refused = await start(
            "discord sync", {**base, "FOLLOWUP_DISCORD_API_URL": fake.base_url}, tmp_path
        )
        refused_code = await refused.wait()
        away = await start("discord sync", {**base, "FOLLOWUP_DISCORD_API_URL": closed}, tmp_path)
        away_code = await away.wait()
    finally:
        await fake.stop()

    assert refused_code == 2
    (line,) = refused.lines
    assert line.startswith("Error: Discord refused DISCORD_TOKEN (401 Unauthorized)")
    assert away_code == 1
    (line,) = away.lines
    assert line.startswith("Error: Discord unreachable (ClientConnectorError: Cannot connect")
    assert line.endswith("nothing was registered. Try again.")
    assert fake.commands == {}
