"""Ports the adapters implement: how the core sends a DM and tells the time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from bot.chat import MemberRef, Reply


class DeliveryStatus(StrEnum):
    """The three outcomes a messenger can report; the core records them, never guesses."""

    DELIVERED = "delivered"
    RETRY = "retry"
    UNDELIVERABLE = "undeliverable"


@dataclass(frozen=True)
class Delivery:
    """The outcome of one DM attempt."""

    status: DeliveryStatus
    message_ref: str | None = None
    retry_at: datetime | None = None
    reason: str | None = None
    attempted: bool = True  # False: nothing was sent or tried; the try does not count

    @classmethod
    def delivered(cls, message_ref: str) -> Delivery:
        """The platform accepted the message."""
        return cls(DeliveryStatus.DELIVERED, message_ref=message_ref)

    @classmethod
    def retry(cls, reason: str, retry_at: datetime | None = None) -> Delivery:
        """A transient failure (rate limit, timeout); `retry_at` honours Retry-After."""
        return cls(DeliveryStatus.RETRY, retry_at=retry_at, reason=reason)

    @classmethod
    def wait(cls, reason: str, until: datetime) -> Delivery:
        """Not tried: a platform limit says when we may (a re-send check's history read).

        Unlike `retry`, it never counts toward giving up: waiting out a limit is no failure.
        """
        return cls(DeliveryStatus.RETRY, retry_at=until, reason=reason, attempted=False)

    @classmethod
    def undeliverable(cls, reason: str) -> Delivery:
        """A permanent failure (DMs closed, member gone, token revoked): stop retrying."""
        return cls(DeliveryStatus.UNDELIVERABLE, reason=reason)


class Messenger(Protocol):
    """Sends DMs on one platform. `dedupe_key` lets the platform drop a repeated send.

    `maybe_sent` is True when an earlier attempt may have reached the member (its outcome
    was never recorded): a platform without idempotent sends checks before sending again.
    """

    platform: str

    async def send_dm(
        self, member: MemberRef, reply: Reply, *, dedupe_key: str, maybe_sent: bool = False
    ) -> Delivery:
        """Send `reply` to `member` privately and report what happened."""
        ...

    async def post_to_channel(self, group_id: str, channel_id: str, reply: Reply) -> Delivery:
        """Post `reply` in a group's channel (the opt-in wins post); report what happened."""
        ...


class Clock(Protocol):
    """The current time, aware and in UTC."""

    def now(self) -> datetime:
        """Return the current time in UTC."""
        ...
