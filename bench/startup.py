"""Start-up time to ready and peak memory of `followup run`, beside a bare process.

`followup run` starts as a subprocess with both adapters configured (`SLACK_BOT_TOKEN`,
`SLACK_SIGNING_SECRET`, `PORT` for Slack over HTTP; `DISCORD_TOKEN`) and pointed at the
test suite's loopback fakes (`tests/fakes/`), which this process serves. Its SQLite
database is migrated beforehand, as the Procfile's `release` step does.

Ready means, observably, both of: discord.py logged "has connected to Gateway" (the
client handled the fake's READY) and Slack's HTTP server answers `GET /healthz`. The time
counts from just before the process is spawned (interpreter start and imports included).
Then the process idles (the delivery trigger ticks) and its peak resident memory is read
from `/proc/PID/status` (VmHWM) before it is stopped.

The baseline is `bench/_bare_run.py`, started the same way with the same environment: it
imports discord.py and slack-bolt, serves a bare Bolt app with a `/healthz` and connects a
bare discord.py client, and nothing else. The two alternate; each figure is the median of
its runs. Targets: ready in under 2 s, peak RSS under 150 MB.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from tests.fakes.discord_api import FakeDiscord
from tests.fakes.slack_api import FakeSlack

ROOT = Path(__file__).resolve().parent.parent
READY_LINE = b"has connected to Gateway"
TARGET_SECONDS = 2.0
TARGET_MB = 150.0
TIMEOUT = 60.0

Row = tuple[str, float, float | None, float | None, str, bool | None]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _followup() -> list[str]:
    """The `followup` console script next to this interpreter, else the module."""
    script = Path(sys.executable).parent / "followup"
    return [str(script)] if script.exists() else [sys.executable, "-m", "adapters.cli"]


def _environment(folder: str, slack: FakeSlack, discord: FakeDiscord) -> dict[str, str]:
    """Only what the run needs: no FOLLOWUP_* or tokens inherited from this shell."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("FOLLOWUP_", "SLACK_", "DISCORD_"))
    }
    env.update(
        {
            "FOLLOWUP_DATABASE_URL": f"sqlite:///{folder}/followup.db",
            "FOLLOWUP_LOG_LEVEL": "INFO",
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": "bench-signing-secret",
            "FOLLOWUP_SLACK_API_URL": slack.api_url,
            "DISCORD_TOKEN": "bench-startup",
            "FOLLOWUP_DISCORD_API_URL": discord.base_url,
            "FOLLOWUP_DISCORD_GATEWAY_URL": discord.gateway_url,
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def _peak_rss_mb(pid: int) -> float:
    """VmHWM, the process's peak resident set size, in MB (10^6 bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError("no VmHWM in /proc/PID/status (not Linux?)")


async def _healthy(session: aiohttp.ClientSession, port: int) -> bool:
    try:
        async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
            return response.status == 200
    except aiohttp.ClientError:
        return False


async def _measure(command: list[str], env: dict[str, str], idle: float) -> tuple[float, float]:
    """Seconds from spawn to ready, and peak RSS (MB) after idling `idle` seconds."""
    port = _free_port()
    env = {**env, "PORT": str(port)}
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=env["BENCH_FOLDER"],
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    log: list[bytes] = []
    connected = asyncio.get_running_loop().create_future()

    async def read_log() -> None:
        assert process.stderr is not None
        async for line in process.stderr:
            log.append(line)
            if READY_LINE in line and not connected.done():
                connected.set_result(time.perf_counter())

    reader = asyncio.create_task(read_log())
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=1)) as session:
            deadline = started + TIMEOUT
            while not await _healthy(session, port):
                if process.returncode is not None or time.perf_counter() > deadline:
                    raise RuntimeError("not serving /healthz:\n" + b"".join(log[-20:]).decode())
                await asyncio.sleep(0.005)
            healthy = time.perf_counter()
        try:
            gateway = await asyncio.wait_for(connected, max(deadline - time.perf_counter(), 0))
        except TimeoutError:
            raise RuntimeError(
                "Discord never connected:\n" + b"".join(log[-20:]).decode()
            ) from None
        ready = max(healthy, gateway) - started
        await asyncio.sleep(idle)
        if process.returncode is not None:
            raise RuntimeError("the process ended while idle:\n" + b"".join(log[-20:]).decode())
        peak = _peak_rss_mb(process.pid)
        return ready, peak
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(process.wait(), 10.0)
            except TimeoutError:
                process.kill()
                await process.wait()
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader


async def _runs(quick: bool, folder: str) -> dict[str, list[tuple[float, float]]]:
    slack, discord = await FakeSlack().start(), await FakeDiscord().start()
    try:
        env = {**_environment(folder, slack, discord), "BENCH_FOLDER": folder}
        migrate = await asyncio.create_subprocess_exec(
            *_followup(), "migrate", cwd=folder, env=env, stdout=asyncio.subprocess.DEVNULL
        )
        if await migrate.wait() != 0:
            raise RuntimeError("followup migrate failed")
        commands = {
            "ours": [*_followup(), "run"],
            "bare": [sys.executable, "-m", "bench._bare_run"],
        }
        idle = 2.0 if quick else 6.0
        results: dict[str, list[tuple[float, float]]] = {"ours": [], "bare": []}
        await _measure(commands["ours"], env, 0.0)  # warm the disk cache and .pyc files
        await _measure(commands["bare"], env, 0.0)
        for n in range(1 if quick else 3):
            order = ("bare", "ours") if n % 2 else ("ours", "bare")
            for name in order:
                results[name].append(await _measure(commands[name], env, idle))
        return results
    finally:
        await discord.stop()
        await slack.stop()


def run(quick: bool = False) -> list[Row]:
    """Rows: seconds to ready and peak RSS of `followup run`, against the bare process."""
    with tempfile.TemporaryDirectory() as folder:
        results = asyncio.run(_runs(quick, folder))
    ready = statistics.median(r for r, _ in results["ours"])
    bare_ready = statistics.median(r for r, _ in results["bare"])
    peak = statistics.median(p for _, p in results["ours"])
    bare_peak = statistics.median(p for _, p in results["bare"])
    what = "followup run, Slack (HTTP) + Discord on fakes"
    return [
        (
            f"{what}: start-up to ready (s)",
            ready,
            bare_ready,
            ready / bare_ready,
            f"< {TARGET_SECONDS:g} s",
            ready < TARGET_SECONDS,
        ),
        (
            f"{what}: peak RSS idle (MB)",
            peak,
            bare_peak,
            peak / bare_peak,
            f"< {TARGET_MB:g} MB",
            peak < TARGET_MB,
        ),
    ]
