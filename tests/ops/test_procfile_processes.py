"""The Procfile's processes start, serve, and stop cleanly on SIGTERM, losing nothing."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from urllib.parse import urlencode

import aiohttp
import pytest
from fakes.discord_api import FakeDiscord
from ops_helpers import (
    ROOT,
    SIGNING_SECRET,
    SlowSlack,
    environment,
    free_port,
    slack_env,
    start,
)
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import String, select, update

from bot.storage.db import Database
from bot.storage.migrate import upgrade
from bot.storage.models import Member, Reminder

SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The bulk seeding helper of the delivery tests (tests/services is not on our path).
seeding = _load("delivery_seeding", ROOT / "tests" / "services" / "test_delivery_at_scale.py")


def seed(database_url: str, count: int, platform: str = "slack") -> dict[int, str]:
    """`count` reminders due now, for a few members; reminder id -> dedupe key."""
    db = Database.from_url(database_url)
    try:
        upgrade(db.engine)
        keys: dict[int, str] = seeding.insert_due_reminders(
            db.engine,
            count,
            members=4,
            now=datetime.now(UTC),
            spread=timedelta(minutes=2),
            platform=platform,
            key_prefix="sigterm",
        )
        if platform == "discord":  # Discord user ids are numbers
            with db.transaction() as session:
                session.execute(update(Member).values(user_id="9000" + Member.id.cast(String)))
        return keys
    finally:
        db.dispose()


def states(database_url: str) -> list[tuple[str, str, int]]:
    """(dedupe key, state, attempts) of every reminder."""
    db = Database.from_url(database_url)
    try:
        with db.transaction() as session:
            return [
                (key, state, attempts)
                for key, state, attempts in session.execute(
                    select(Reminder.dedupe_key, Reminder.state, Reminder.attempts)
                )
            ]
    finally:
        db.dispose()


def posted_keys(fake: SlowSlack) -> list[str]:
    """The dedupe key of every DM the fake Slack accepted."""
    keys = []
    for call in fake.of("chat.postMessage"):
        metadata = call.json("metadata") or {}
        keys.append(metadata["event_payload"]["dedupe_key"])
    return keys


async def wait_until(condition: object, timeout: float = 60) -> None:
    """Poll `condition()` (a callable) until it is true."""
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


@SQLITE
async def test_worker_stops_on_sigterm_and_a_second_worker_on_the_same_sqlite_file_is_refused(
    database_url: str, slack: SlowSlack, tmp_path: Path
) -> None:
    port = free_port()
    env = slack_env(database_url, slack, FOLLOWUP_METRICS_PORT=str(port))
    first = await start("worker", env, tmp_path)
    try:
        await first.wait_for("started")
        second = await start("worker", {**env, "FOLLOWUP_METRICS_PORT": ""}, tmp_path)
        refused = await second.wait()
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{port}/healthz") as response,
        ):
            health_status, health = response.status, await response.json()
    finally:
        code = await first.terminate()

    database = Path(database_url.removeprefix("sqlite:///")).resolve()
    assert refused == 1
    message = " ".join(second.stderr().split())  # click wraps nothing, but be safe
    assert "Another delivery process" in message
    assert str(database) in message
    assert f"{database}.delivery.lock" in message
    assert "PostgreSQL" in message
    assert health_status == 200
    assert (health["database"], health["scheduler"]) == ("ok", "ok")
    assert code == 0, first.stderr()
    await first.wait_for("stopped")
    # The lock went with the first worker: a new one starts.
    third = await start("worker", env, tmp_path)
    await third.wait_for("started")
    assert await third.terminate() == 0, third.stderr()


async def test_a_sigterm_during_delivery_loses_and_repeats_nothing(
    database_url: str, slack: SlowSlack, tmp_path: Path
) -> None:
    keys = seed(database_url, 40)
    slack.delay = 0.15  # each DM takes a while: SIGTERM lands with sends in flight
    env = slack_env(
        database_url,
        slack,
        FOLLOWUP_DELIVERY_CONCURRENCY="2",
        FOLLOWUP_DELIVERY_BATCH_SIZE="10",
        FOLLOWUP_DELIVERY_INTERVAL_SECONDS="0.5",
    )
    worker = await start("worker", env, tmp_path)
    try:
        await wait_until(lambda: len(slack.of("chat.postMessage")) >= 4)
    finally:
        code = await worker.terminate()
    assert code == 0, worker.stderr()
    after_stop = states(database_url)
    sent_before = posted_keys(slack)

    assert "claimed" not in {state for _, state, _ in after_stop}  # nothing held by the dead
    delivered = {key for key, state, _ in after_stop if state == "delivered"}
    assert delivered == set(sent_before)  # every DM that went out was recorded
    waiting = [(key, attempts) for key, state, attempts in after_stop if state == "scheduled"]
    assert waiting, "the SIGTERM came after everything was sent"
    assert all(attempts == 0 for _, attempts in waiting)  # handed back as never tried

    restarted = await start("worker", env, tmp_path)
    try:
        await wait_until(lambda: len(slack.of("chat.postMessage")) >= len(keys))
        await wait_until(lambda: {s for _, s, _ in states(database_url)} == {"delivered"})
    finally:
        assert await restarted.terminate() == 0, restarted.stderr()

    assert Counter(posted_keys(slack)) == Counter(keys.values())  # each exactly once
    assert slack.of("conversations.history") == []  # nothing had to be checked as maybe sent


@SQLITE
async def test_web_serves_slack_health_and_metrics_then_stops_on_sigterm(
    database_url: str, slack: SlowSlack, tmp_path: Path
) -> None:
    port = free_port()
    web = await start("web", slack_env(database_url, slack, PORT=str(port)), tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        await web.wait_for("Slack: listening on port")  # the site is up
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{base}/healthz") as response:
                health_status, health = response.status, await response.json()
            payload = json.loads((ROOT / "tests/fixtures/slack/slash_interview.json").read_text())
            payload["response_url"] = slack.hook_url()
            body = urlencode(payload)
            stamp = str(int(time.time()))
            signature = SignatureVerifier(SIGNING_SECRET).generate_signature(
                timestamp=stamp, body=body
            )
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": signature or "",
            }
            async with session.post(f"{base}/slack/events", data=body, headers=headers) as answer:
                assert answer.status == 200
            await wait_until(lambda: slack.of("hooks"))
            async with session.get(f"{base}/metrics") as response:
                metrics_status, metrics = response.status, await response.text()
                content_type = response.headers["Content-Type"]
    finally:
        code = await web.terminate()

    assert health_status == 200
    assert health == {"database": "ok", "scheduler": "not run by this process", "status": "ok"}
    assert metrics_status == 200
    assert content_type.startswith("text/plain")
    assert 'followup_command_seconds_count{platform="slack"} 1.0' in metrics
    assert 'followup_reminders_due{state="scheduled"} 0.0' in metrics
    assert "process_resident_memory_bytes" in metrics
    assert code == 0, web.stderr()


@SQLITE
async def test_discord_process_connects_and_stops_on_sigterm(
    database_url: str, tmp_path: Path
) -> None:
    fake = FakeDiscord()
    await fake.start()
    try:
        env = environment(
            database_url,
            DISCORD_TOKEN="test-token",
            FOLLOWUP_DISCORD_API_URL=fake.base_url,
            FOLLOWUP_DISCORD_GATEWAY_URL=fake.gateway_url,
        )
        process = await start("discord", env, tmp_path)
        try:
            await fake.wait_connected(timeout=60)
            assert fake.sent("GET", "/users/@me")
        finally:
            code = await process.terminate()
    finally:
        await fake.stop()
    assert code == 0, process.stderr()
    await process.wait_for("stopped")


@SQLITE
async def test_a_discord_worker_sends_dms_over_rest_without_a_gateway_session(
    database_url: str, tmp_path: Path
) -> None:
    keys = seed(database_url, 6, platform="discord")
    fake = FakeDiscord()
    await fake.start()
    try:
        env = environment(
            database_url,
            DISCORD_TOKEN="test-token",
            FOLLOWUP_DISCORD_API_URL=fake.base_url,
            FOLLOWUP_DISCORD_GATEWAY_URL=fake.gateway_url,
        )
        worker = await start("worker", env, tmp_path)
        try:
            await wait_until(lambda: {s for _, s, _ in states(database_url)} == {"delivered"})
        finally:
            code = await worker.terminate()
        posted = fake.sent("POST", "/messages")
    finally:
        await fake.stop()
    assert code == 0, worker.stderr()
    assert sorted(r.body["nonce"] for r in posted) == sorted(k[:25] for k in keys.values())
    assert fake.identifies == []  # the `discord` process owns the gateway
