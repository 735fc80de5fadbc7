"""Interaction-to-callback latency on Discord, beside a bare discord.py client, same run.

The loopback fake Discord (`tests/fakes/discord_api.py`) runs in a process of its own
(`bench/_discord_members.py`), so that this process, the one measured, runs only what
answers interactions in production: the real discord.py client with the Followup adapter
and core, and beside it a bare `discord.Client` that answers every interaction with a fixed
ephemeral message. Both are connected at once, each on its own gateway session. The fake
sends 50 INTERACTION_CREATE events at once to one of them and times each, on its own
monotonic clock, from just before the frame is written to the arrival of the callback POST.

Two commands are measured: `/interview help`, the lightest, and `/interview list`, which
reads the member's three interviews. Both clients are warmed alike (a round of each
command each), then the start-up heap is frozen (`gc.collect()` + `gc.freeze()`, as a
long-lived server does, see `bench/slack.py`), in both processes. Then rounds alternate:
for each command, a burst to the bare client and one to ours, who goes first swapping every
round, so a busy moment on the machine falls on both alike. Each command's figures are
over all its rounds, against the bare client's rounds paired with it.
Target: the adapter's p99 within 1.5 times the bare client's p99.

Shown for information beside them: this process's CPU time (every thread) per interaction
during each client's bursts. With 50 interactions queued at once, the latencies follow it
closely, and it varies much less from run to run than a p99 does.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
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
ROOT = Path(__file__).resolve().parent.parent
OURS, BARE = "bench-ours", "bench-bare"  # gateway tokens: how the fake tells them apart
PAUSE = 0.05  # seconds of quiet between bursts

Row = tuple[str, float, float | None, float | None, str, bool | None]
Results = dict[tuple[str, str], Any]


class Fake:
    """The fake Discord's process: one JSON order in, one JSON answer out."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.base_url = ""
        self.gateway_url = ""

    @classmethod
    async def start(cls) -> Fake:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bench._discord_members",
            cwd=ROOT,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=2**24,
        )
        fake = cls(process)
        urls = await fake._read()
        fake.base_url, fake.gateway_url = urls["base_url"], urls["gateway_url"]
        return fake

    async def _read(self) -> Any:
        assert self.process.stdout is not None
        line = await self.process.stdout.readline()
        if not line:
            raise RuntimeError("the fake Discord's process ended (see its traceback above)")
        return json.loads(line)

    async def ask(self, **order: Any) -> Any:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(order).encode() + b"\n")
        await self.process.stdin.drain()
        return await self._read()

    async def say(self, token: str, subcommand: str, **options: str) -> Any:
        return (await self.ask(op="say", token=token, subcommand=subcommand, options=options))[
            "body"
        ]

    async def rounds(self, plan: list[tuple[str, str]]) -> list[list[float]]:
        answer = await self.ask(op="rounds", plan=plan, concurrent=CONCURRENT, pause=PAUSE)
        latencies: list[list[float]] = answer["latencies"]
        return latencies

    async def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), 10.0)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


async def _bare(settings: Settings) -> tuple[discord.Client, asyncio.Task[None]]:
    """A bare discord.py client answering every interaction with a fixed ephemeral message."""
    apply_endpoints(settings)
    client = discord.Client(
        intents=discord.Intents.default(),
        allowed_mentions=discord.AllowedMentions.none(),
        guild_ready_timeout=0.05,
    )

    @client.event
    async def on_interaction(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("ok", ephemeral=True)

    await client.login(BARE)
    task = asyncio.create_task(client.connect())
    await client.wait_until_ready()
    return client, task


def _plan(rounds: int) -> list[tuple[str, str]]:
    """Bursts, alternating: per round and command, bare then ours, or ours then bare."""
    plan: list[tuple[str, str]] = []
    for n in range(rounds):
        for subcommand in COMMANDS:
            pair = [(BARE, subcommand), (OURS, subcommand)]
            plan += pair if n % 2 == 0 else pair[::-1]
    return plan


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


async def _measure(quick: bool, folder: str) -> tuple[Results, Results]:
    """Latencies (s) per (client, command), and this process's CPU seconds per interaction."""
    rounds = 4 if quick else 30
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    fake = await Fake.start()
    bare: discord.Client | None = None
    bare_task: asyncio.Task[None] | None = None
    adapter: DiscordAdapter | None = None
    settings = Settings(
        database_url=f"sqlite:///{folder}/bench.db",
        _env_file=None,
        discord_token=OURS,
        discord_api_url=fake.base_url,
        discord_gateway_url=fake.gateway_url,
        log_level="WARNING",
    )
    core = build_core(settings, ManualClock(datetime(2026, 11, 23, 14, tzinfo=UTC)))
    try:
        bare, bare_task = await _bare(settings)
        adapter = DiscordAdapter(core, settings, guild_ready_timeout=0.05)
        await adapter.start()
        for company in ("Acme", "Globex", "Initech"):
            await fake.say(OURS, "log", company=company, when="2026-11-24 15:00")
        await fake.say(OURS, "settings", timezone="Europe/Berlin")
        listed = json.dumps(await fake.say(OURS, "list"))
        missing = [c for c in ("Acme", "Globex", "Initech") if c not in listed]
        if missing:
            raise RuntimeError(f"/interview list does not show {missing}: {listed[:500]}")
        await fake.rounds(_plan(1))  # warm-up: a round of each command, for each client
        gc.collect()
        gc.freeze()  # as a long-lived server does once started (see bench/slack.py)
        await fake.ask(op="freeze")
        results: dict[tuple[str, str], list[float]] = {}
        cpu: dict[tuple[str, str], float] = {}
        for key in _plan(rounds):
            started = time.process_time()  # this process, every thread
            (latencies,) = await fake.rounds([key])
            cpu[key] = cpu.get(key, 0.0) + time.process_time() - started
            results.setdefault(key, []).extend(latencies)
        return results, {key: spent / len(results[key]) for key, spent in cpu.items()}
    finally:
        if adapter is not None:
            await adapter.close()
        if bare is not None:
            await bare.close()
        if bare_task is not None:
            await asyncio.gather(bare_task, return_exceptions=True)
        with contextlib.suppress(Exception):
            await fake.stop()
        core.deps.db.dispose()
        gc.unfreeze()
        discord.http.Route.BASE = base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway


def run(quick: bool = False) -> list[Row]:
    """Rows: (name, value, baseline, ratio, target, ok); latencies in milliseconds."""
    with tempfile.TemporaryDirectory() as folder:
        results, cpu = asyncio.run(_measure(quick, folder))
    rows: list[Row] = []
    for subcommand, what in COMMANDS.items():
        ours, bare = results[OURS, subcommand], results[BARE, subcommand]
        p50, b50 = _p(ours, 50) * 1000, _p(bare, 50) * 1000
        p99, b99 = _p(ours, 99) * 1000, _p(bare, 99) * 1000
        c, bc = cpu[OURS, subcommand] * 1000, cpu[BARE, subcommand] * 1000
        label = f"/interview {subcommand} ({what}), {CONCURRENT} concurrent"
        rows.append((f"{label}: CPU ms per interaction", c, bc, c / bc, "info", None))
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
