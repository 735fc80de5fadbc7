"""Interaction-to-callback latency on Discord, beside bare discord.py clients, same run.

The loopback fake Discord (`tests/fakes/discord_api.py`) runs in a process of its own
(`bench/_discord_members.py`), so that this process, the one measured, runs only what
answers interactions in production. Three discord.py clients are connected at once, each
on its own gateway session:

- ours: the Followup adapter and core;
- bare, core: a bare `discord.Client` whose `on_interaction` asks the same core for the
  same command's answer and sends its plain text: the least any Discord front end of this
  core must do. The target compares with it, so it measures what the adapter adds
  (routing, request building, embeds, deferral) over discord.py plus the answer itself;
- bare, "ok": a bare `discord.Client` answering every interaction with a fixed message,
  shown beside for information: what discord.py alone costs.

Fifty members have logged three interviews each. The fake sends 50 INTERACTION_CREATE
events at once to one of the clients, one from each member, and times each, on its own
monotonic clock, from just before the frame is written to the arrival of the callback
POST. Two commands are measured: `/interview help`, the lightest, and `/interview list`,
which reads the member's three interviews. The clients are warmed alike (a round of each
command each), then the start-up heap is frozen (`gc.collect()` + `gc.freeze()`, as a
long-lived server does, see `bench/slack.py`), in both processes. Then rounds rotate: for
each command, a burst to each client, who goes first rotating every round, so a busy
moment on the machine falls on all alike. Each command's figures are over all its rounds.
Target: our p99 within 1.5 times the bare core client's p99.

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
from adapters.discord.commands import command_text, invoked
from adapters.discord.messenger import member_ref
from adapters.ops import freeze_startup_heap
from bot.app import Core, build_core
from bot.chat import CommandRequest
from bot.scheduling.clock import ManualClock
from bot.settings import Settings

CONCURRENT = 50
# One interaction from each member per burst, as 50 people at once would send them.
MEMBERS = [str(700_000_000_000_100_000 + n) for n in range(CONCURRENT)]
COMPANIES = ("Acme", "Globex", "Initech")
COMMANDS = {
    "help": "lightest command",
    "list": "reads interviews",
}
TARGET_RATIO = 1.5
ROOT = Path(__file__).resolve().parent.parent
# Gateway tokens: how the fake tells the clients apart.
OURS, CORE, BARE = "bench-ours", "bench-core", "bench-bare"
CLIENTS = (BARE, CORE, OURS)
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

    async def say(self, token: str, user: str, subcommand: str, **options: str) -> Any:
        order = {"token": token, "user": user, "subcommand": subcommand, "options": options}
        return (await self.ask(op="say", **order))["body"]

    async def rounds(self, plan: list[tuple[str, str]]) -> list[list[float]]:
        answer = await self.ask(op="rounds", plan=plan, users=MEMBERS, pause=PAUSE)
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


async def _bare(settings: Settings, token: str, core: Core | None) -> discord.Client:
    """A bare discord.py client: answers with the core's plain text, or a fixed 'ok'."""
    apply_endpoints(settings)
    client = discord.Client(
        intents=discord.Intents.default(),
        allowed_mentions=discord.AllowedMentions.none(),
        guild_ready_timeout=0.05,
    )

    @client.event
    async def on_interaction(interaction: discord.Interaction) -> None:
        if core is None:
            await interaction.response.send_message("ok", ephemeral=True)
            return
        command, values, _ = invoked(dict(interaction.data or {}))
        request = CommandRequest(
            member_ref(interaction.user.id), command, command_text(values), core.deps.clock.now()
        )
        reply = await core.dispatcher.handle(request)
        await interaction.response.send_message(reply.plain_text()[:2000], ephemeral=True)

    await client.login(token)
    client.bench_task = asyncio.create_task(client.connect())  # type: ignore[attr-defined]
    await client.wait_until_ready()
    return client


def _plan(rounds: int) -> list[tuple[str, str]]:
    """Bursts: per round and command, one to each client, who goes first rotating."""
    plan: list[tuple[str, str]] = []
    for n in range(rounds):
        for subcommand in COMMANDS:
            order = CLIENTS[n % len(CLIENTS) :] + CLIENTS[: n % len(CLIENTS)]
            plan += [(client, subcommand) for client in order]
    return plan


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


async def _measure(quick: bool, folder: str) -> tuple[Results, Results]:
    """Latencies (s) per (client, command), and this process's CPU seconds per interaction."""
    rounds = 4 if quick else 30
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    fake = await Fake.start()
    bares: list[discord.Client] = []
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
        bares.append(await _bare(settings, BARE, None))
        bares.append(await _bare(settings, CORE, core))
        adapter = DiscordAdapter(core, settings, guild_ready_timeout=0.05)
        await adapter.start()
        for user in MEMBERS:
            for company in COMPANIES:
                await fake.say(OURS, user, "log", company=company, when="2026-11-24 15:00")
            await fake.say(OURS, user, "settings", timezone="Europe/Berlin")
        for client in (OURS, CORE):
            listed = json.dumps(await fake.say(client, MEMBERS[-1], "list"))
            missing = [c for c in COMPANIES if c not in listed]
            if missing:
                raise RuntimeError(f"/interview list does not show {missing}: {listed[:500]}")
        await fake.rounds(_plan(1))  # warm-up: a round of each command, for each client
        freeze_startup_heap()  # as a long-lived server does once started (see bench/slack.py)
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
        for client in bares:
            await client.close()
            await asyncio.gather(client.bench_task, return_exceptions=True)  # type: ignore[attr-defined]
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
        label = f"{CONCURRENT} concurrent /interview {subcommand} ({what})"
        p50 = {who: _p(results[who, subcommand], 50) * 1000 for who in CLIENTS}
        p99 = {who: _p(results[who, subcommand], 99) * 1000 for who in CLIENTS}
        spent = {who: cpu[who, subcommand] * 1000 for who in CLIENTS}
        for figure, values in (("CPU ms per interaction", spent), ("callback p50 ms", p50)):
            ours, base = values[OURS], values[CORE]
            rows.append((f"{label}: {figure}, vs bare+core", ours, base, ours / base, "info", None))
        ours, base = p99[OURS], p99[CORE]
        target = f"p99 <= {TARGET_RATIO}x bare discord.py + core"
        rows.append(
            (
                f"{label}: callback p99 ms, vs bare+core",
                ours,
                base,
                ours / base,
                target,
                ours / base <= TARGET_RATIO,
            )
        )
        for figure, values in (("CPU ms per interaction", spent), ("callback p99 ms", p99)):
            ours, base = values[OURS], values[BARE]
            rows.append((f"{label}: {figure}, vs bare 'ok'", ours, base, ours / base, "info", None))
    return rows
