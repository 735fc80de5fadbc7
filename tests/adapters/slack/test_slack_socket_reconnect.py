"""Socket Mode survives Slack going away: it retries with backoff and serves again after."""

from __future__ import annotations

import asyncio
import contextlib

from fakes.slack_api import FakeSlack
from slack_harness import blocks_text, eventually, load, slack_settings

from adapters.slack import SlackAdapter
from bot.app import Core


async def test_socket_mode_reconnects_when_slack_comes_back_and_serves_again(
    sqlite_core: Core, fake: FakeSlack
) -> None:
    settings = slack_settings(
        str(sqlite_core.settings.database_url),
        fake,
        slack_app_token="xapp-1-test",
        slack_signing_secret=None,
        reconnect_max_seconds=0.05,
    )
    adapter = SlackAdapter(sqlite_core, settings)
    link = adapter.link
    assert link is not None
    running = asyncio.create_task(adapter.run())
    try:
        await eventually(lambda: link.connected and bool(fake.sockets))
        await fake.stop()  # closes the socket, then stops listening
        await eventually(lambda: not link.connected and link.failures >= 2)
        await fake.start()  # the same port again
        await eventually(lambda: link.connected and bool(fake.sockets), timeout=10)
        command = load("slash_interview", fake)
        command["text"] = "list"
        await fake.push(
            {
                "envelope_id": "env-after",
                "type": "slash_commands",
                "payload": command,
                "accepts_response_payload": True,
            }
        )
        await eventually(lambda: bool(fake.of("hooks")))
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running
    assert "You haven't logged any interviews yet" in blocks_text(fake.of("hooks")[0].body)
    assert [c.body["envelope_id"] for c in fake.of("socket")] == ["env-after"]
    assert len(fake.of("apps.connections.open")) >= 2  # a fresh URL for the new session
    assert all(c.token == "xapp-1-test" for c in fake.of("apps.connections.open"))
