"""`/healthz` says 200 only when the database answers and delivery ticks; `/metrics` counts."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from ops_helpers import free_port
from recording import RecordingMessenger

from adapters.console.conversation import Conversation
from adapters.ops import Health, OpsServer
from bot.app import Core, build_core
from bot.metrics import Metrics
from bot.ports import Delivery
from bot.scheduling.clock import ManualClock
from bot.scheduling.trigger import DeliveryTrigger
from bot.settings import Settings


async def get(server: OpsServer, path: str) -> tuple[int, Any]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{server.port}{path}") as response,
    ):
        body = await (response.json() if path == "/healthz" else response.text())
        return response.status, body


@pytest.fixture
async def serve() -> AsyncIterator[list[OpsServer]]:
    servers: list[OpsServer] = []
    try:
        yield servers
    finally:
        for server in servers:
            await server.stop()


async def started(servers: list[OpsServer], health: Health) -> OpsServer:
    server = OpsServer(health, free_port(), host="127.0.0.1")
    await server.start()
    servers.append(server)
    return server


async def test_health_follows_the_delivery_scheduler(
    core: Core, clock: ManualClock, serve: list[OpsServer]
) -> None:
    core.delivery.messengers = {"console": RecordingMessenger()}
    trigger = DeliveryTrigger(core.delivery, interval=30, clock=clock)
    server = await started(serve, Health(core, trigger))

    status, body = await get(server, "/healthz")
    assert (status, body["scheduler"]) == (503, "stopped or stuck")  # not started yet

    trigger.start()
    for _ in range(200):
        if trigger.last_tick is not None:
            break
        await asyncio.sleep(0.02)
    status, body = await get(server, "/healthz")
    assert status == 200
    assert body["database"] == "ok"
    assert body["scheduler"] == "ok"
    assert body["last_delivery_tick"] == trigger.last_tick.isoformat()  # type: ignore[union-attr]

    await trigger.stop()
    status, body = await get(server, "/healthz")
    assert (status, body["status"], body["scheduler"]) == (503, "failing", "stopped or stuck")


async def test_health_is_503_when_the_database_is_unreachable(
    clock: ManualClock, serve: list[OpsServer]
) -> None:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=f"postgresql+psycopg://nobody:x@127.0.0.1:{free_port()}/none"
    )
    core = build_core(settings, clock, migrate=False)
    try:
        server = await started(serve, Health(core))
        status, body = await get(server, "/healthz")
    finally:
        core.deps.db.dispose()
    assert status == 503
    assert body["database"] == "unreachable: OperationalError"
    assert body["scheduler"] == "not run by this process"


async def test_delivery_counts_outcomes_and_lateness_per_platform(
    core: Core, clock: ManualClock
) -> None:
    metrics = Metrics()
    core.delivery.metrics = metrics
    convo = Conversation(core, clock, user="ada")
    messenger = RecordingMessenger(script=[lambda: Delivery.retry("slow down")])
    core.delivery.messengers = {"console": messenger}  # after the console registers its own
    await convo.say("/interview settings quiet_hours=none weekdays_only=no")
    await convo.say('/interview log company="Acme" when="today 10am" with="Jane Doe"')
    clock.advance(timedelta(hours=4))  # the thank-you's first reminder is due
    first = await core.delivery.deliver_due()
    clock.advance(timedelta(minutes=5))
    second = await core.delivery.deliver_due()

    assert (first.retried, second.delivered) == (1, 1)
    assert metrics.sample("followup_reminders_retried_total", platform="console") == 1
    assert metrics.sample("followup_reminders_delivered_total", platform="console") == 1
    assert metrics.sample("followup_delivery_lateness_seconds_count", platform="console") == 1
    late = metrics.sample("followup_delivery_lateness_seconds_sum", platform="console")
    assert late >= 5 * 60  # delivered on the retry, five minutes after it was due
    text = metrics.render().decode()
    assert 'followup_reminders_failed_total{platform="console"}' not in text  # none failed


async def test_metrics_endpoint_reports_commands_and_the_backlog(
    core: Core, clock: ManualClock, serve: list[OpsServer]
) -> None:
    from bot.metrics import METRICS

    METRICS.watch_backlog(core.deps.db, clock.now)
    before = METRICS.sample("followup_command_seconds_count", platform="console")
    convo = Conversation(core, clock, user="ada")
    await convo.say('/interview log company="Acme" when="today 10am" with="Jane Doe"')
    clock.advance(timedelta(days=10))  # every reminder is due and nothing delivers
    server = await started(serve, Health(core))
    status, text = await get(server, "/metrics")

    assert status == 200
    assert METRICS.sample("followup_command_seconds_count", platform="console") == before + 1
    assert 'followup_reminders_due{state="scheduled"}' in text
    due = METRICS.sample("followup_reminders_due", state="scheduled")
    assert due >= 2  # a thank-you and a status check at least
