"""A delivery worker for the fault drills, meant to be killed with SIGKILL at any moment.

    python tests/drills/drill_worker.py '{"database_url": ..., "slack_api_url": ..., ...}'
    python tests/drills/drill_worker.py CONFIG --fork-server

The production pieces, wired as a worker process would wire them: the core from `Settings`
(no migration: the drill migrated and seeded the database), the real `SlackMessenger`
(slack_sdk with its retry handlers) and the real `DiscordAdapter` (discord.py, logged in and
connected to the fake gateway, its `DiscordMessenger` attached), and the APScheduler
`DeliveryTrigger` calling `deliver_due()` every `interval` seconds. It prints `ready` once
Discord is connected and delivers until it is killed.

`--fork-server` makes restarts cheap (importing all of this takes seconds on a busy
machine): the process imports once, prints `ready`, then for each `fork` line on stdin
forks a worker, which connects from scratch and prints `PID ready`. A forked worker shares
nothing with its parent but the imported code.

Time is compressed so a drill fits in a minute: the lease, the Slack HTTP timeout and the
retry backoff come from the config (production: 5 min, 15 s, 30 s doubling to an hour).
Nothing else differs from production.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from datetime import timedelta
from typing import Any

import aiohttp
from slack_sdk.web.async_client import AsyncWebClient

from adapters.discord import DiscordAdapter
from adapters.slack.messenger import SlackMessenger
from bot.app import build_core
from bot.scheduling.clock import SystemClock
from bot.scheduling.trigger import DeliveryTrigger
from bot.services import delivery
from bot.settings import Settings
from tests.forking import serve_forks

SLACK_TOKEN = "xoxb-drill"  # the fakes accept any token
DISCORD_TOKEN = "drill-token"


class DrillSlackMessenger(SlackMessenger):
    """The real Slack messenger with a drill-sized HTTP timeout instead of 15 s."""

    def __init__(self, *args: Any, timeout: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.timeout = timeout

    def client(self, token: str) -> AsyncWebClient:
        """As in production, with the session and the client on the shorter timeout."""
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout))
        found = super().client(token)
        found.timeout = self.timeout  # type: ignore[assignment]  # aiohttp takes floats
        return found


async def slack_token(_team_id: str) -> str:
    """One bot token for every drill workspace."""
    return SLACK_TOKEN


async def run(config: dict[str, Any], announce: str = "ready") -> None:
    """Connect to both fakes, start the delivery trigger, and deliver until killed."""
    backoff = timedelta(seconds=float(config["backoff_seconds"]))
    delivery.FIRST_BACKOFF = backoff
    delivery.MAX_BACKOFF = backoff * 8
    # Backoff a hundred times shorter and a kill every few seconds: a reminder meets in a
    # minute what it would meet in days, so it gets attempts to match. On a loaded machine
    # the drill runs longer, kills more, and twelve attempts were not always enough.
    delivery.MAX_ATTEMPTS = int(config.get("max_attempts", 40))
    settings = Settings(
        database_url=config["database_url"],
        lease_seconds=int(config["lease_seconds"]),
        delivery_batch_size=int(config.get("batch_size", 20)),
        delivery_concurrency=int(config.get("concurrency", 8)),
        discord_token=DISCORD_TOKEN,
        discord_api_url=config["discord_api_url"],
        discord_gateway_url=config["discord_gateway_url"],
        _env_file=None,  # type: ignore[call-arg]
    )
    clock = SystemClock()
    core = build_core(settings, clock, migrate=False)
    slack = DrillSlackMessenger(
        config["slack_api_url"],
        slack_token,
        clock,
        timeout=float(config["slack_timeout"]),
        history_per_minute=int(config.get("slack_history_per_minute", 1)),
    )
    core.add_messenger(slack)
    discord_adapter = DiscordAdapter(core, settings, guild_ready_timeout=0.05)
    await discord_adapter.start()
    trigger = DeliveryTrigger(core.delivery, float(config["interval"]), clock)
    trigger.start()
    os.write(sys.stdout.fileno(), f"{announce}\n".encode())
    await asyncio.Event().wait()


def fork_server(config: dict[str, Any]) -> None:
    """Fork a fresh worker for each `fork` line on stdin; each prints `PID ready`."""
    serve_forks(lambda: asyncio.run(run(config, announce=f"{os.getpid()} ready")))


def main(argv: list[str]) -> int:
    """Parse the JSON config and run until killed."""
    args = [a for a in argv if a != "--fork-server"]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(process)d %(name)s: %(message)s")
    # A tick longer than the interval makes APScheduler skip one, noisily; voice is unused.
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    logging.getLogger("discord.client").setLevel(logging.ERROR)
    config = json.loads(args[0])
    if "--fork-server" in argv:
        fork_server(config)
    else:
        asyncio.run(run(config))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
