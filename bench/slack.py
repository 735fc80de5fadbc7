"""Slash-command acknowledgement latency through the real Bolt HTTP app, beside a bare one.

Both apps run on loopback with signed requests against the fake Slack Web API, in the same
run: ours (signature check, authorize, ack, then the command, users.info and the answer on
the response URL after the ack) and a bare Bolt app whose listener only acks. 50 members
send commands concurrently; then 200 at once. Targets: p99 within 1.5 times the bare app,
and no acknowledgement anywhere near Slack's 3-second limit.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from adapters.ops import freeze_startup_heap
from adapters.slack import SlackAdapter
from bot.app import build_core
from bot.scheduling.clock import ManualClock
from bot.settings import Settings
from tests.fakes.slack_api import FakeSlack

TEAM = "T0FOLLOW"
SECRET = "bench-signing-secret"
SLACK_LIMIT_MS = 3000.0
RATIO_TARGET = 1.5

Row = tuple[str, float, float | None, float | None, str, bool | None]


async def _serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    assert site._server is not None
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
    return runner, f"http://127.0.0.1:{port}/slack/events"


def _body(hook: str, user: str, text: str, trigger: str) -> str:
    """A slash command with its own response URL and trigger_id, issued by the fake as Slack
    issues them (identical requests are replays; the fake refuses URLs it never issued)."""
    return urlencode(
        {
            "team_id": TEAM,
            "channel_id": "C0JOBHUNT",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/interview",
            "text": text,
            "api_app_id": "A0FOLLOW",
            "response_url": hook,
            "trigger_id": trigger,
        }
    )


Issued = list[tuple[str, str]]  # (response URL, trigger_id) for each command of a member


async def _member(
    session: aiohttp.ClientSession, url: str, user: str, issued: Issued
) -> list[float]:
    verifier = SignatureVerifier(SECRET)
    latencies: list[float] = []
    for n, (hook, trigger) in enumerate(issued):
        body = _body(hook, user, "list" if n % 2 else "due", trigger)
        stamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": verifier.generate_signature(timestamp=stamp, body=body) or "",
        }
        started = time.perf_counter()
        async with session.post(url, data=body.encode(), headers=headers) as response:
            await response.read()
            assert response.status == 200, response.status
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


async def _clients(url: str, members: dict[str, Issued]) -> list[float]:
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        results = await asyncio.gather(
            *(_member(session, url, user, issued) for user, issued in members.items())
        )
    return [ms for member in results for ms in member]


def _client_process(url: str, members: dict[str, Issued]) -> list[float]:
    """The members, in their own process: like Slack, they do not share our CPU time."""
    return asyncio.run(_clients(url, members))


async def _load(  # noqa: PLR0917
    pool: ProcessPoolExecutor, url: str, fake: FakeSlack, members: int, each: int, tag: str
) -> list[float]:
    issued = {
        f"U{tag.upper()}{m:04d}": [(fake.new_hook(), fake.trigger()) for _ in range(each)]
        for m in range(members)
    }
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(pool, _client_process, url, issued)


async def _drain(fake: FakeSlack, expected: int, timeout: float = 60.0) -> None:
    """Wait for the work after the acks (answers on response URLs) to finish."""
    deadline = time.monotonic() + timeout
    while len(fake.of("hooks")) < expected and time.monotonic() < deadline:
        await asyncio.sleep(0.05)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _measure(quick: bool, folder: Path) -> list[Row]:
    fake = await FakeSlack().start()
    clock = ManualClock(datetime(2026, 11, 23, 14, tzinfo=UTC))
    settings = Settings(  # type: ignore[call-arg]
        database_url=f"sqlite:///{folder}/bench.db",
        slack_bot_token="xoxb-bench",
        slack_signing_secret=SECRET,
        slack_api_url=fake.api_url,
        _env_file=None,
    )
    core = build_core(settings, clock)
    adapter = SlackAdapter(core, settings)
    bare = AsyncApp(
        signing_secret=SECRET,
        client=AsyncWebClient(token="xoxb-bench", base_url=fake.api_url),
    )

    @bare.command("/interview")
    async def only_ack(ack: AsyncAck) -> None:
        await ack()

    ours_runner, ours_url = await _serve(adapter.web_app())
    bare_runner, bare_url = await _serve(bare.web_app())
    rounds, each = (2, 4) if quick else (6, 5)
    rows: list[Row] = []
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    bare_ms: list[float] = []
    ours_ms: list[float] = []
    try:
        # Warm up both (imports, auth.test, first members). Then alternate rounds, so a busy
        # moment on the machine falls on both apps alike; each of our rounds runs with its
        # own work after the acks, drained before the bare app's next round.
        await _load(pool, bare_url, fake, 5, 2, "w")
        await _load(pool, ours_url, fake, 5, 2, "w")
        await _drain(fake, 10)
        freeze_startup_heap()  # as every process does once started (both apps share it)
        for n in range(rounds):
            sent = len(fake.of("hooks"))
            bare_ms += await _load(pool, bare_url, fake, 50, each, f"b{n}")
            ours_ms += await _load(pool, ours_url, fake, 50, each, f"o{n}")
            await _drain(fake, sent + 50 * each)
        sent = len(fake.of("hooks"))
        burst_bare = await _load(pool, bare_url, fake, 200, 1, "c")
        burst = await _load(pool, ours_url, fake, 200, 1, "s")
        await _drain(fake, sent + 200)
        answered = len(fake.of("hooks")) - sent
    finally:
        await asyncio.get_running_loop().run_in_executor(None, pool.shutdown)
        await ours_runner.cleanup()
        await bare_runner.cleanup()
        await adapter.close()
        await fake.stop()
        core.deps.db.dispose()

    p50, bare_p50 = statistics.median(ours_ms), statistics.median(bare_ms)
    p99, bare_p99 = _pct(ours_ms, 0.99), _pct(bare_ms, 0.99)
    rows.append(("ack p50 ms, 50 members", p50, bare_p50, p50 / bare_p50, "info", None))
    rows.append(
        (
            "ack p99 ms, 50 members",
            p99,
            bare_p99,
            p99 / bare_p99,
            f"<= {RATIO_TARGET}x bare, < {SLACK_LIMIT_MS:.0f} ms",
            p99 <= RATIO_TARGET * bare_p99 and p99 < SLACK_LIMIT_MS,
        )
    )
    worst, bare_worst = max(burst), max(burst_bare)
    rows.append(
        (
            "ack max ms, 200 at once",
            worst,
            bare_worst,
            worst / bare_worst,
            f"< {SLACK_LIMIT_MS:.0f} ms",
            worst < SLACK_LIMIT_MS,
        )
    )
    rows.append(
        ("answers after the ack, 200 at once", answered, 200, None, "all 200", answered == 200)
    )
    return rows


def run(quick: bool = False) -> list[Row]:
    """Measure and return rows: (name, value, baseline, ratio, target, ok)."""
    with tempfile.TemporaryDirectory() as folder:
        return asyncio.run(_measure(quick, Path(folder)))


if __name__ == "__main__":
    rows: list[Any] = run(quick=True)
    for row in rows:
        print(row)
