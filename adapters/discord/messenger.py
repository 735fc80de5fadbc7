"""Reminder DMs on Discord: one DM channel per member, the dedupe key as the message nonce."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

import aiohttp
import discord

from adapters.discord.render import render_messages
from bot.chat import MemberRef, Reply
from bot.ports import Clock, Delivery

log = logging.getLogger(__name__)

PLATFORM = "discord"
WORKSPACE = "discord"  # a Discord user id is global: one profile across every server
DMS_CLOSED = (
    "DMs closed: allow direct messages from server members in the server's Privacy Settings"
)
CODE_DMS_CLOSED = 50007
CODE_UNKNOWN_CHANNEL = 10003
CODE_UNKNOWN_USER = 10013
MAX_NONCE = 25
NOT_CONNECTED_WAIT = 10.0
# discord.py sets no timeout on REST calls (aiohttp's default is 5 minutes, as long as a
# delivery lease): a hung request is cut off and retried; the nonce makes the retry safe.
SEND_TIMEOUT = 30.0


def member_ref(user_id: int | str) -> MemberRef:
    """The neutral identity of a Discord user."""
    return MemberRef(platform=PLATFORM, workspace_id=WORKSPACE, user_id=str(user_id))


class DiscordMessenger:
    """Sends DMs through a connected discord.py client; maps failures to delivery outcomes."""

    platform = PLATFORM

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.client: discord.Client | None = None
        self.channels: dict[str, int] = {}  # user id -> DM channel id, opened once
        self.rate_limited = 0  # 429s seen (discord.py waits them out itself)

    def attach(self, client: discord.Client | None) -> None:
        """Send through `client` (None while disconnected)."""
        self.client = client

    async def send_dm(
        self, member: MemberRef, reply: Reply, *, dedupe_key: str, maybe_sent: bool = False
    ) -> Delivery:
        """Send `reply` to the member's DM channel, at most once per `dedupe_key`."""

        async def send(client: discord.Client) -> Delivery:
            try:
                return await self._send(client, member, reply, dedupe_key[:MAX_NONCE])
            except discord.Forbidden as error:
                if error.code == CODE_DMS_CLOSED:
                    return Delivery.undeliverable(DMS_CLOSED)
                return Delivery.undeliverable(
                    f"Discord refused the DM: {error.text or error.status}"
                )
            except discord.NotFound as error:
                return Delivery.undeliverable(f"Discord user not found: {error.text or error.code}")

        return await self._deliver(send)

    async def post_to_channel(self, group_id: str, channel_id: str, reply: Reply) -> Delivery:
        """Post in a server channel (the wins post); mentions are off client-wide."""

        async def send(client: discord.Client) -> Delivery:
            try:
                channel = client.get_partial_messageable(
                    int(channel_id), guild_id=int(group_id), type=discord.ChannelType.text
                )
                first, *more = render_messages(reply, "")
                message = await channel.send(**first.kwargs())
                for rendered in more:
                    await channel.send(**rendered.kwargs())
            except (discord.Forbidden, discord.NotFound) as error:
                return Delivery.undeliverable(
                    f"Discord refused the post: {error.text or error.status}"
                )
            except ValueError as error:  # an id that is not a number
                return Delivery.retry(f"post failed: {error.__class__.__name__}")
            return Delivery.delivered(f"{channel_id}/{message.id}")

        return await self._deliver(send, failure="post failed")

    async def _deliver(
        self, send: Callable[[discord.Client], Awaitable[Delivery]], *, failure: str = "network"
    ) -> Delivery:
        """Run `send` on the connected client, cut off after SEND_TIMEOUT; map what is left.

        `send` maps the refusals it knows (a closed DM, a missing channel); rate limits,
        other HTTP errors and network failures (prefixed `failure`) are retried.
        """
        client = self.client
        if client is None or client.is_closed():
            return Delivery.retry("Discord client not connected")
        try:
            await asyncio.wait_for(client.wait_until_ready(), NOT_CONNECTED_WAIT)
            return await asyncio.wait_for(send(client), SEND_TIMEOUT)
        except discord.RateLimited as error:
            retry_at = self.clock.now() + timedelta(seconds=error.retry_after)
            return Delivery.retry("rate limited by Discord", retry_at)
        except discord.HTTPException as error:  # 5xx, and 4xx we did not expect
            return Delivery.retry(f"Discord HTTP {error.status}: {error.text}"[:200])
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            return Delivery.retry(f"{failure}: {error.__class__.__name__}")

    async def _send(
        self, client: discord.Client, member: MemberRef, reply: Reply, nonce: str
    ) -> Delivery:
        channel_id = await self._channel(client, member.user_id)
        try:
            message = await self._post(client, channel_id, member, reply, nonce)
        except discord.NotFound as error:
            if error.code != CODE_UNKNOWN_CHANNEL:
                raise
            self.channels.pop(member.user_id, None)  # the DM channel is gone: open a new one
            channel_id = await self._channel(client, member.user_id)
            message = await self._post(client, channel_id, member, reply, nonce)
        return Delivery.delivered(f"{channel_id}/{message.id}")

    async def _channel(self, client: discord.Client, user_id: str) -> int:
        known = self.channels.get(user_id)
        if known is not None:
            return known
        data = await client.http.start_private_message(int(user_id))
        channel_id = int(data["id"])
        self.channels[user_id] = channel_id
        return channel_id

    async def _post(
        self,
        client: discord.Client,
        channel_id: int,
        member: MemberRef,
        reply: Reply,
        nonce: str,
    ) -> discord.Message:
        channel = client.get_partial_messageable(channel_id, type=discord.ChannelType.private)
        first, *more = render_messages(reply, member.user_id)
        message = await channel.send(nonce=nonce, **first.kwargs())  # the nonce: first only
        for rendered in more:
            await channel.send(**rendered.kwargs())
        return message
