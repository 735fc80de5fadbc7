"""Interaction-to-callback latency on Discord, beside a bare discord.py client, same run.

The loopback fake Discord (`tests/fakes/discord_api.py`) dispatches 50 INTERACTION_CREATE
events at once over its gateway and times each until its callback POST arrives. First a
bare `discord.Client` that answers every interaction with a fixed ephemeral message, then
the Followup adapter answering `/interview help` and `/interview list` (the
core's dispatcher and rendering). Target: the adapter's p99 within 1.5 times
the bare client's p99.

Two commands are measured: `help`, the lightest, and `list`, which reads the member's
interviews. Both go through the core's dispatcher, which opens a write transaction for
every command (`BEGIN IMMEDIATE` on SQLite, to record the member); 50 at once queue
behind that lock in worker threads, and that wait dominates both figures.
"""

from __future__ import annotations

import asyncio
import importlib.util
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import discord

from adapters.discord import DiscordAdapter, apply_endpoints
from bot.app import build_core
from bot.scheduling.clock import ManualClock
from bot.settings import Settings

CONCURRENT = 50
COMMANDS = {
    "help": "lightest command",
    "list": "reads interviews",
}
TARGET_RATIO = 1.5
FAKE = Path(__file__).resolve().parent.parent / "tests" / "fakes" / "discord_api.py"


def _fake_module() -> ModuleType:
    """The test suite's fake Discord, loaded by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("followup_bench_discord_fake", FAKE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


async def _rounds(fake: Any, subcommand: str, rounds: int) -> list[float]:
    """Latencies (seconds) of `rounds` bursts of CONCURRENT interactions."""
    latencies: list[float] = []
    for _ in range(rounds):
        sent: dict[str, float] = {}
        payloads = [fake.slash(subcommand) for _ in range(CONCURRENT)]
        for payload in payloads:
            sent[payload["id"]] = time.perf_counter()
            await fake.interact(payload)
        ids = set(sent)
        done = await fake.wait_for(
            lambda r, ids=ids: (
                r.method == "POST"
                and r.path.startswith("/api/v10/interactions/")
                and r.path.split("/")[4] in ids
            ),
            count=CONCURRENT,
            timeout=60.0,
        )
        latencies += [r.at - sent[r.path.split("/")[4]] for r in done]
    return latencies


async def _bare(fake: Any, settings: Settings, rounds: int) -> list[float]:
    apply_endpoints(settings)
    client = discord.Client(
        intents=discord.Intents.default(),
        allowed_mentions=discord.AllowedMentions.none(),
        guild_ready_timeout=0.05,
    )

    @client.event
    async def on_interaction(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("ok", ephemeral=True)

    await client.login("bench-token")
    task = asyncio.create_task(client.connect())
    await client.wait_until_ready()
    try:
        await _rounds(fake, "list", 1)  # warm-up
        return await _rounds(fake, "list", rounds)
    finally:
        await client.close()
        await asyncio.gather(task, return_exceptions=True)


async def _followup(
    fake: Any, settings: Settings, rounds: int, clock: ManualClock
) -> dict[str, list[float]]:
    core = build_core(settings, clock)
    adapter = DiscordAdapter(core, settings, guild_ready_timeout=0.05)
    await adapter.start()
    try:
        for company in ("Acme", "Globex", "Initech"):
            await fake.interact(fake.slash("log", company=company, when="2026-11-24 15:00"))
        await fake.interact(fake.slash("settings", timezone="Europe/Berlin"))
        await fake.wait_for(lambda r: "/callback" in r.path, count=4)
        results = {}
        for subcommand in COMMANDS:
            await _rounds(fake, subcommand, 1)  # warm-up
            results[subcommand] = await _rounds(fake, subcommand, rounds)
        return results
    finally:
        await adapter.close()
        core.deps.db.dispose()


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


async def _measure(quick: bool) -> tuple[dict[str, list[float]], list[float]]:
    fakes = _fake_module()
    rounds = 3 if quick else 10
    with tempfile.TemporaryDirectory() as folder:
        fake = await fakes.FakeDiscord().start()
        base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        try:
            settings = Settings(  # type: ignore[call-arg]
                database_url=f"sqlite:///{folder}/bench.db",
                _env_file=None,
                discord_token="bench-token",
                discord_api_url=fake.base_url,
                discord_gateway_url=fake.gateway_url,
                log_level="WARNING",
            )
            clock = ManualClock(datetime(2026, 11, 23, 14, tzinfo=UTC))
            bare = await _bare(fake, settings, rounds)
            ours = await _followup(fake, settings, rounds, clock)
        finally:
            await fake.stop()
            discord.http.Route.BASE = base
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway
    return ours, bare


def run(quick: bool = False) -> list[tuple[str, float, float, float, str, bool | None]]:
    """Rows: (name, value, baseline, ratio, target, ok); latencies in milliseconds."""
    ours, bare = asyncio.run(_measure(quick))
    b50, b99 = _p(bare, 50) * 1000, _p(bare, 99) * 1000
    rows: list[tuple[str, float, float, float, str, bool | None]] = []
    for subcommand, what in COMMANDS.items():
        latencies = ours[subcommand]
        p50, p99 = _p(latencies, 50) * 1000, _p(latencies, 99) * 1000
        label = f"/interview {subcommand} ({what}), {CONCURRENT} concurrent"
        rows.append((f"{label}: callback p50 ms", p50, b50, p50 / b50, "info", None))
        rows.append(
            (
                f"{label}: callback p99 ms",
                p99,
                b99,
                p99 / b99,
                f"p99 <= {TARGET_RATIO}x bare discord.py",
                p99 / b99 <= TARGET_RATIO,
            )
        )
    return rows
