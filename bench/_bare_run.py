"""The baseline of `bench/startup.py`: discord.py and slack-bolt connected, nothing else.

Run as `python -m bench._bare_run` with the same environment `followup run` gets. It
imports discord.py and slack-bolt, serves a bare Bolt app over HTTP on $PORT (with the
`/healthz` probe `followup run` has) against the fake Slack Web API, and connects a bare
`discord.Client` to the fake gateway, logging as `followup run` does, so both processes
become ready by the same signs: discord.py's "has connected to Gateway" line and an
answer on `/healthz`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys

import discord
import yarl
from aiohttp import web
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient


async def _healthz(_request: web.Request) -> web.Response:
    return web.Response(text="ok")


async def _serve() -> None:
    env = os.environ
    discord.http.Route.BASE = env["FOLLOWUP_DISCORD_API_URL"].rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(env["FOLLOWUP_DISCORD_GATEWAY_URL"])
    bolt = AsyncApp(
        signing_secret=env["SLACK_SIGNING_SECRET"],
        client=AsyncWebClient(token=env["SLACK_BOT_TOKEN"], base_url=env["FOLLOWUP_SLACK_API_URL"]),
        process_before_response=True,
    )

    @bolt.command("/interview")
    async def _command(ack: AsyncAck) -> None:
        await ack("ok")

    application = bolt.web_app(path="/slack/events", port=int(env["PORT"]))
    application.router.add_get("/healthz", _healthz)
    runner = web.AppRunner(application)
    await runner.setup()
    await web.TCPSite(runner, port=int(env["PORT"])).start()
    client = discord.Client(
        intents=discord.Intents.default(),
        allowed_mentions=discord.AllowedMentions.none(),
        chunk_guilds_at_startup=False,
    )
    try:
        await client.start(env["DISCORD_TOKEN"])
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    logging.basicConfig(
        level=logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    asyncio.run(_serve())
