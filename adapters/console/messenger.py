"""DMs in the console: printed under a `DM to NAME at TIME` line a program can parse."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.chat import MemberRef, Reply
from bot.i18n import speaking
from bot.ports import Clock, Delivery

PLATFORM = "console"


class ConsoleMessenger:
    """Prints each DM once; a repeated dedupe key is acknowledged without printing again."""

    platform = PLATFORM

    def __init__(
        self,
        write: Callable[[str], None],
        clock: Clock,
        zone_of: Callable[[MemberRef], ZoneInfo],
    ) -> None:
        self._write = write
        self._clock = clock
        self._zone_of = zone_of
        self._sent: dict[str, str] = {}
        self._posts = 0

    async def send_dm(
        self, member: MemberRef, reply: Reply, *, dedupe_key: str, maybe_sent: bool = False
    ) -> Delivery:
        """Print the DM with the member's local time."""
        if dedupe_key in self._sent:
            return Delivery.delivered(self._sent[dedupe_key])
        zone = await asyncio.to_thread(self._zone_of, member)
        self._write(dm_text(member.user_id, self._clock.now().astimezone(zone), reply))
        ref = f"console-{len(self._sent) + 1}"
        self._sent[dedupe_key] = ref
        return Delivery.delivered(ref)

    async def post_to_channel(self, group_id: str, channel_id: str, reply: Reply) -> Delivery:
        """Print a channel post under a `Post to #CHANNEL at TIME` line."""
        at = self._clock.now().isoformat(timespec="seconds")
        with speaking(reply.language):
            text = reply.plain_text()
        self._write(f"Post to #{channel_id} at {at}\n{text}")
        self._posts += 1
        return Delivery.delivered(f"console-post-{self._posts}")


def dm_text(name: str, at: datetime, reply: Reply) -> str:
    """The printed form of a DM: a header line (English: programs parse it), then the message."""
    with speaking(reply.language):
        text = reply.plain_text()
    return f"DM to {name} at {at.isoformat(timespec='seconds')}\n{text}"
