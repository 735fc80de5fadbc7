"""`followup web` serves members' calendar feeds, with Slack or without it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest
from icalendar import Calendar
from ops_helpers import SlowSlack, environment, free_port, slack_env, start

from adapters.console.conversation import Conversation
from bot.app import build_core
from bot.scheduling.clock import ManualClock
from bot.settings import Settings

SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
ADDRESS = re.compile(r"(http://localhost:\d+)(/calendar/([A-Za-z0-9_-]+)\.ics)")


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
async def feed_address(database_url: str, port: int) -> AsyncIterator[re.Match[str]]:
    """A member with an interview and a feed, made through the core on the same database."""
    settings = Settings(  # type: ignore[call-arg]
        database_url=database_url, public_url=f"http://localhost:{port}", _env_file=None
    )
    clock = ManualClock(datetime.now(UTC))
    core = build_core(settings, clock)
    try:
        convo = Conversation(core, clock, user="ada")
        await convo.say('/interview log company="Acme" when="yesterday 3pm" with="Jane Doe"')
        found = ADDRESS.search(await convo.say("/interview calendar"))
        assert found is not None
        yield found
    finally:
        core.deps.db.dispose()


async def fetch(url: str) -> tuple[int, bytes]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.read()


@SQLITE
async def test_web_without_slack_serves_the_feeds_and_health_but_no_slack(
    database_url: str, port: int, feed_address: re.Match[str], tmp_path: Path
) -> None:
    env = environment(database_url, PORT=str(port), FOLLOWUP_PUBLIC_URL=feed_address.group(1))
    web = await start("web", env, tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        await web.wait_for("health and metrics served")
        feed = await fetch(base + feed_address.group(2))
        slack = await fetch(base + "/slack/events")
        health = await fetch(base + "/healthz")
    finally:
        code = await web.terminate()

    assert feed[0] == 200
    summaries = {str(e["SUMMARY"]) for e in Calendar.from_ical(feed[1]).walk("VEVENT")}
    assert "Interview: phone screen at Acme" in summaries
    assert slack[0] == 404
    assert health[0] == 200
    assert code == 0, web.stderr()
    assert feed_address.group(3) not in web.stderr()


@SQLITE
async def test_web_serves_the_feeds_beside_slack_and_logs_no_token(
    database_url: str,
    port: int,
    feed_address: re.Match[str],
    slack: SlowSlack,
    tmp_path: Path,
) -> None:
    env = slack_env(database_url, slack, PORT=str(port), FOLLOWUP_PUBLIC_URL=feed_address.group(1))
    web = await start("web", env, tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        await web.wait_for("Slack: listening on port")
        feed = await fetch(base + feed_address.group(2))
        wrong = await fetch(base + "/calendar/" + "x" * 43 + ".ics")
    finally:
        code = await web.terminate()

    assert feed[0] == 200
    assert wrong[0] == 404
    assert code == 0, web.stderr()
    assert feed_address.group(3) not in web.stderr()
    assert "/calendar/[redacted].ics" in web.stderr()  # the access log, redacted
