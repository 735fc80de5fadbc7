"""Multi-workspace install (OAuth on our database), uninstall and token revocation."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import socket
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from fakes.slack_api import FakeSlack
from slack_harness import Harness, HarnessFactory, blocks_text, eventually, load, slack_settings
from sqlalchemy import select

from adapters.slack import SlackAdapter
from adapters.slack.app import BOT_SCOPES
from bot.app import Core
from bot.scheduling.clock import ManualClock
from bot.storage.models import Interview, Reminder, Workspace

pytestmark = pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")

OAUTH = {
    "slack_bot_token": None,
    "slack_client_id": "1111.2222",
    "slack_client_secret": "oauth-client-secret",
}
LOG = 'log company="Acme" when="tomorrow 3pm" with="Jane Doe"'


async def install(slack: Harness) -> str:
    """Visit /slack/install, then come back to /slack/oauth_redirect like Slack would."""
    async with slack.session.get(f"{slack.url}/slack/install") as page:
        assert page.status == 200
        html = await page.text()
        cookie = page.headers["Set-Cookie"].split(";", 1)[0]
    found = re.search(r"state=([0-9a-f-]+)", html)
    assert found is not None
    assert "client_id=1111.2222" in html
    assert "scope=" + ",".join(BOT_SCOPES) in html.replace("%2C", ",").replace("%3A", ":")
    async with slack.session.get(
        f"{slack.url}/slack/oauth_redirect",
        params={"code": "temporary-code", "state": found.group(1)},
        headers={"Cookie": cookie},
    ) as done:
        return f"{done.status} {await done.text()}"


def active(core: Core) -> bool:
    with core.deps.db.transaction() as session:
        return session.scalars(select(Workspace)).one().active


def scheduled(core: Core) -> int:
    with core.deps.db.transaction() as session:
        return len(session.scalars(select(Reminder).where(Reminder.state == "scheduled")).all())


async def test_install_saves_the_workspace_and_serves_it_without_auth_test_each_time(
    core: Core, make_harness: HarnessFactory
) -> None:
    slack: Harness = await make_harness(core, **OAUTH)
    result = await install(slack)
    assert result.startswith("200")
    (access,) = slack.fake.of("oauth.v2.access")
    assert access.body["code"] == "temporary-code"
    with core.deps.db.transaction() as session:
        workspace = session.scalars(select(Workspace)).one()
        assert (workspace.platform, workspace.external_id, workspace.active) == (
            "slack",
            "T0FOLLOW",
            True,
        )

    checks = len(slack.fake.of("auth.test"))
    for _ in range(3):
        assert "Followup helps you" in await slack.say("help")
    assert len(slack.fake.of("auth.test")) <= checks + 1  # cached after the first
    await slack.say(LOG)
    installed = "xoxb-installed-token"
    assert all(c.token == installed for c in slack.fake.of("users.info"))


async def test_a_replayed_or_forged_state_is_refused(
    core: Core, make_harness: HarnessFactory
) -> None:
    slack: Harness = await make_harness(core, **OAUTH)
    async with slack.session.get(
        f"{slack.url}/slack/oauth_redirect", params={"code": "c", "state": "made-up"}
    ) as done:
        assert done.status == 400
    assert slack.fake.of("oauth.v2.access") == []


async def test_uninstall_deactivates_and_cancels_reminders_but_keeps_data(
    core: Core, clock: ManualClock, make_harness: HarnessFactory
) -> None:
    slack: Harness = await make_harness(core, **OAUTH)
    await install(slack)
    await slack.say(LOG)
    assert scheduled(core) > 0

    status, _ = await slack.event(load("event_app_uninstalled"))
    assert status == 200
    await eventually(lambda: not active(core))
    with core.deps.db.transaction() as session:
        assert session.scalars(select(Interview)).one().company == "Acme"
    assert scheduled(core) == 0
    assert await slack.adapter.messenger._token_for("T0FOLLOW") is None

    clock.advance(timedelta(days=3))
    await core.delivery.deliver_due()
    assert slack.fake.of("chat.postMessage") == []

    await install(slack)  # coming back re-activates the workspace and its reminders
    assert active(core)
    assert scheduled(core) > 0
    await core.delivery.deliver_due()  # the thank-you that came due while it was away
    (dm,) = slack.fake.of("chat.postMessage")
    assert "Jane Doe" in str(dm.body)


async def test_revoked_bot_token_deactivates_a_single_workspace_install(
    sqlite_core: Core, make_harness: HarnessFactory
) -> None:
    slack: Harness = await make_harness(sqlite_core)
    await slack.say(LOG)
    status, _ = await slack.event(load("event_tokens_revoked"))
    assert status == 200
    await eventually(lambda: not active(sqlite_core))
    assert scheduled(sqlite_core) == 0


async def test_socket_mode_answers_slash_commands_over_the_socket(
    sqlite_core: Core, fake: FakeSlack
) -> None:
    settings = slack_settings(
        str(sqlite_core.settings.database_url),
        fake,
        slack_app_token="xapp-1-test",
        slack_signing_secret=None,
    )
    adapter = SlackAdapter(sqlite_core, settings)
    running = asyncio.create_task(adapter.run())
    try:
        await eventually(lambda: bool(fake.sockets))
        (opened,) = fake.of("apps.connections.open")
        assert opened.token == "xapp-1-test"
        command = load("slash_interview", fake)
        command["text"] = "list"
        await fake.push(
            {
                "envelope_id": "env-1",
                "type": "slash_commands",
                "payload": command,
                "accepts_response_payload": True,
            }
        )
        await eventually(lambda: bool(fake.of("hooks")))
        acks = [c.body for c in fake.of("socket")]
        assert acks[0]["envelope_id"] == "env-1"
        assert "You haven't logged any interviews yet" in blocks_text(fake.of("hooks")[0].body)
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running
    assert fake.sockets == []


async def test_http_mode_serves_on_the_configured_port_until_cancelled(
    sqlite_core: Core, fake: FakeSlack
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = slack_settings(str(sqlite_core.settings.database_url), fake, port=port)
    adapter = SlackAdapter(sqlite_core, settings)
    running = asyncio.create_task(adapter.run())
    try:
        async with aiohttp.ClientSession() as session:
            for _ in range(200):
                try:
                    async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                        assert await response.text() == "ok"
                        break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.01)
            else:
                raise AssertionError("never served")
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running


@pytest.mark.parametrize("tokens", [["UBOT0001"], "bot", 7, None], ids=repr)
async def test_tokens_revoked_with_odd_tokens_is_acknowledged_and_changes_nothing(
    sqlite_core: Core, make_harness: HarnessFactory, caplog: pytest.LogCaptureFixture, tokens: Any
) -> None:
    """Slack documents `tokens` as an object of lists; anything else is not a revocation."""
    slack: Harness = await make_harness(sqlite_core)
    await slack.say(LOG)
    event = load("event_tokens_revoked")
    event["event"]["tokens"] = tokens
    status, _ = await slack.event(event)
    assert status == 200
    await slack.adapter.drain()
    assert active(sqlite_core)
    assert scheduled(sqlite_core) > 0
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


@pytest.mark.parametrize("team", [{"id": "T0FOLLOW"}, 42, ["T0FOLLOW"], "t 0"], ids=repr)
async def test_an_uninstall_without_a_usable_team_id_deactivates_nothing(
    sqlite_core: Core, make_harness: HarnessFactory, caplog: pytest.LogCaptureFixture, team: Any
) -> None:
    slack: Harness = await make_harness(sqlite_core)
    await slack.say(LOG)
    event = load("event_app_uninstalled")
    event["team_id"] = team
    status, _ = await slack.event(event)
    assert status in (200, 400)  # Bolt itself cannot read some of these: refused, not a 500
    await slack.adapter.drain()
    assert active(sqlite_core)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
