"""A messenger that records what it was asked to send: the only stand-in besides the clock."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.chat import MemberRef, Reply
from bot.ports import Delivery


@dataclass
class RecordingMessenger:
    """Delivers to a list, honours dedupe keys, and can be told how to fail."""

    platform: str = "console"
    sent: list[tuple[MemberRef, Reply, str]] = field(default_factory=list)
    attempts: int = 0
    script: list[Callable[[], Delivery]] = field(default_factory=list)
    latency: float = 0.0

    async def send_dm(
        self, member: MemberRef, reply: Reply, *, dedupe_key: str, maybe_sent: bool = False
    ) -> Delivery:
        """Record the DM, or play the next scripted failure."""
        self.attempts += 1
        if self.latency:
            await asyncio.sleep(self.latency)
        if self.script:
            return self.script.pop(0)()
        for index, (_, _, key) in enumerate(self.sent):
            if key == dedupe_key:
                return Delivery.delivered(f"msg-{index}")
        self.sent.append((member, reply, dedupe_key))
        return Delivery.delivered(f"msg-{len(self.sent) - 1}")

    @property
    def keys(self) -> list[str]:
        """Dedupe keys in the order they were first delivered."""
        return [key for _, _, key in self.sent]
