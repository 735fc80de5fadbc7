"""Running `followup` processes the way a Procfile does, against loopback fakes."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from aiohttp import web
from fakes.slack_api import FakeSlack

ROOT = Path(__file__).resolve().parents[2]
SIGNING_SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-test-bot-token-0001"


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Proc:
    """One `followup ...` subprocess: its stderr is JSON log lines, read as they come."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []
        self.events: list[dict[str, Any]] = []
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.process.stderr is not None
        async for raw in self.process.stderr:
            line = raw.decode().rstrip("\n")
            self.lines.append(line)
            with contextlib.suppress(json.JSONDecodeError):  # click's errors are plain text
                self.events.append(json.loads(line))

    async def wait_for(self, message: str, timeout: float = 60) -> dict[str, Any]:
        """The first log event whose message starts with `message`, waiting for it."""
        deadline = asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            for event in self.events:
                if str(event.get("message", "")).startswith(message):
                    return event
            if self.process.returncode is not None:
                break
            await asyncio.sleep(0.05)
        raise AssertionError(f"no {message!r} event; stderr:\n" + "\n".join(self.lines))

    async def terminate(self, timeout: float = 60) -> int:
        """SIGTERM, then the exit code."""
        self.process.send_signal(signal.SIGTERM)
        return await self.wait(timeout)

    async def wait(self, timeout: float = 60) -> int:
        """The exit code once the process is gone (and stderr read to the end)."""
        code = await asyncio.wait_for(self.process.wait(), timeout)
        await self._reader
        return code

    def stderr(self) -> str:
        """Everything written to stderr so far."""
        return "\n".join(self.lines)


def environment(database_url: str, **extra: str) -> dict[str, str]:
    """The process environment: no platform or FOLLOWUP_* settings but ours."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("FOLLOWUP_", "SLACK_", "DISCORD_")) and key != "PORT"
    }
    env.update(
        PYTHONPATH=str(ROOT),
        FOLLOWUP_DATABASE_URL=database_url,
        FOLLOWUP_LOG_LEVEL="INFO",
        **extra,
    )
    return env


async def start(command: str, env: dict[str, str], cwd: Path) -> Proc:
    """`followup COMMAND` in `cwd` (so no .env file is read)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "adapters.cli",
        *command.split(),
        env=env,
        cwd=cwd,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    return Proc(process)


class SlowSlack(FakeSlack):
    """The fake Slack, taking `delay` seconds per chat.postMessage (a DM in flight)."""

    delay: float = 0.0

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["method"] == "chat.postMessage" and self.delay:
            await asyncio.sleep(self.delay)
        return await super()._api(request)


def slack_env(database_url: str, fake: FakeSlack, **extra: str) -> dict[str, str]:
    """One Slack workspace (bot token, HTTP mode) pointed at the fake."""
    return environment(
        database_url,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        FOLLOWUP_SLACK_API_URL=fake.api_url,
        **extra,
    )
