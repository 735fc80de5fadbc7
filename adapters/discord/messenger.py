"""Reminder DMs on Discord: one DM channel per member, the dedupe key as the message nonce."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import aiohttp
import discord

from adapters.discord.render import MAX_TOTAL, render_messages
from bot.chat import MemberRef, Reply
from bot.i18n import N_
from bot.ports import Clock, Delivery

log = logging.getLogger(__name__)

PLATFORM = "discord"
WORKSPACE = "discord"  # a Discord user id is global: one profile across every server
# Said to members when an answer could not go by DM (adapters/discord), so marked N_().
DMS_CLOSED = N_(
    "DMs closed: allow direct messages from server members in the server's Privacy Settings"
)
NO_MUTUAL_GUILD = N_(
    "Discord won't let me DM you: you added the app to your account only, and you share no "
    "server with it. Join (or add the app to) a server with it, or see what is due with "
    "/interview due"
)
CODE_DMS_CLOSED = 50007
CODE_NO_MUTUAL_GUILD = 50278
CODE_UNKNOWN_CHANNEL = 10003
CODE_UNKNOWN_USER = 10013
MAX_NONCE = 25
# A re-send looks for its dedupe key among this many recent DM messages (Discord: 1..100).
HISTORY_LOOKBACK = 20
REF_PREFIX = "ref "  # the footer mark a DM's dedupe key is found by

MAX_FOOTER = 2048
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
        """Send `reply` to the member's DM channel, at most once per `dedupe_key`.

        The key goes as the nonce (Discord de-duplicates it for a few minutes only) and in
        the first embed's footer. When an earlier attempt may have gone out (`maybe_sent`),
        the DM's recent messages are searched for that footer first: fetched messages carry
        no nonce, and a re-send after the nonce window would post a second DM.
        """

        async def send(client: discord.Client) -> Delivery:
            try:
                return await self._send(
                    client, member, reply, dedupe_key[:MAX_NONCE], maybe_sent=maybe_sent
                )
            except discord.Forbidden as error:
                if error.code == CODE_DMS_CLOSED:
                    return Delivery.undeliverable(DMS_CLOSED)
                if error.code == CODE_NO_MUTUAL_GUILD:  # a user install, in no shared server
                    return Delivery.undeliverable(NO_MUTUAL_GUILD)
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
        self,
        client: discord.Client,
        member: MemberRef,
        reply: Reply,
        nonce: str,
        *,
        maybe_sent: bool,
    ) -> Delivery:
        channel_id = await self._channel(client, member.user_id)
        try:
            message_id = await self._post_once(
                client, channel_id, member, reply, nonce, maybe_sent=maybe_sent
            )
        except discord.NotFound as error:
            if error.code != CODE_UNKNOWN_CHANNEL:
                raise
            self.channels.pop(member.user_id, None)  # the DM channel is gone: open a new one
            channel_id = await self._channel(client, member.user_id)
            message_id = await self._post_once(
                client, channel_id, member, reply, nonce, maybe_sent=maybe_sent
            )
        return Delivery.delivered(f"{channel_id}/{message_id}")

    async def _post_once(
        self,
        client: discord.Client,
        channel_id: int,
        member: MemberRef,
        reply: Reply,
        nonce: str,
        *,
        maybe_sent: bool,
    ) -> int:
        """Post the DM's parts; on a re-send, only those not found among recent ones.

        A reply too big for one message goes as several, each marked with its own key, so
        a send cut off after the first part finishes the rest instead of stopping there.
        Returns the first part's id: the message a reminder's buttons are on.
        """
        parts = render_messages(reply, member.user_id)
        keys = [_part_key(nonce, index) for index in range(len(parts))]
        found = await _already_sent(client, channel_id, keys) if maybe_sent else {}
        channel = client.get_partial_messageable(channel_id, type=discord.ChannelType.private)
        ids: list[int] = []
        for index, (part, key) in enumerate(zip(parts, keys, strict=True)):
            if key in found:
                ids.append(found[key])
                continue
            if part.embeds:
                _mark(part.embeds, key)
            extra: dict[str, Any] = {"nonce": nonce} if index == 0 else {}  # the first only
            message = await channel.send(**extra, **part.kwargs())
            ids.append(message.id)
        return ids[0]

    async def _channel(self, client: discord.Client, user_id: str) -> int:
        known = self.channels.get(user_id)
        if known is not None:
            return known
        data = await client.http.start_private_message(int(user_id))
        channel_id = int(data["id"])
        self.channels[user_id] = channel_id
        return channel_id


def _mark(embeds: list[discord.Embed], key: str) -> None:
    """Put `ref <key>` in the first embed's footer, if Discord's limits leave room."""
    first = embeds[0]
    mark = REF_PREFIX + key
    footer = f"{first.footer.text} · {mark}" if first.footer.text else mark
    added = len(footer) - len(first.footer.text or "")
    if len(footer) <= MAX_FOOTER and sum(len(e) for e in embeds) + added <= MAX_TOTAL:
        first.set_footer(text=footer)


def _part_key(nonce: str, index: int) -> str:
    """The mark of one part of a DM: the dedupe key itself for the first, `key.N` after."""
    return nonce if index == 0 else f"{nonce}.{index}"


async def _already_sent(client: discord.Client, channel_id: int, keys: list[str]) -> dict[str, int]:
    """Which of `keys` a recent message of ours in the DM carries, with its message id."""
    marks = {REF_PREFIX + key: key for key in keys}
    found: dict[str, int] = {}
    for message in await client.http.logs_from(channel_id, HISTORY_LOOKBACK):
        embeds: list[Any] = list(message.get("embeds") or [])
        footer = str((embeds[0].get("footer") or {}).get("text") or "") if embeds else ""
        mine = client.user is not None and str(message["author"]["id"]) == str(client.user.id)
        mark = footer.rpartition(" · ")[2]
        if mine and mark in marks:
            found.setdefault(marks[mark], int(message["id"]))
    return found
