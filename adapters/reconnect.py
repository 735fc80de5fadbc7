"""Staying connected to a platform: capped exponential backoff, one log line a try.

Slack's Socket Mode and Discord's gateway are connections this process opens. While the
platform cannot be reached (refused, reset, timed out, a 5xx) the process keeps trying,
waiting twice as long after each failure up to `FOLLOWUP_RECONNECT_MAX_SECONDS`, with one
warning a try and no traceback (the cause is a network state, not a bug), and `/healthz`
says the platform is disconnected meanwhile. Credentials or a setup the platform refuses
are not retried: `Refused` ends the process with one line saying what to fix.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

log = logging.getLogger(__name__)

FIRST_DELAY = 1.0  # seconds before the second try; each failure doubles it, up to the cap

T = TypeVar("T")


class Refused(Exception):
    """The platform refused this process's token or setup: trying again cannot help."""


class Link:
    """One platform connection: whether it is up (for `/healthz`), and the tries to bring it up."""

    def __init__(self, platform: str, max_delay: float) -> None:
        self.platform = platform
        self.max_delay = max_delay
        self.connected = False
        self.failures = 0  # failed tries since the link was last up

    def up(self) -> None:
        """The connection is established: say so once, and start the next backoff afresh."""
        if not self.connected:
            log.info("%s: connected", self.platform, extra={"platform": self.platform.lower()})
        self.connected = True
        self.failures = 0

    def down(self) -> None:
        """The connection is lost (or not yet made)."""
        self.connected = False

    def next_delay(self) -> float:
        """Seconds to wait after the latest failure: doubling up to the cap, with jitter.

        The jitter (a random half of the wait) spreads the reconnections of many shards
        and processes after an outage, so they do not all arrive at the same moment.
        """
        ceiling = min(self.max_delay, FIRST_DELAY * 2 ** min(self.failures - 1, 32))
        return random.uniform(ceiling / 2, ceiling)  # noqa: S311  # jitter, not a secret

    async def attempt(
        self, connect: Callable[[], Awaitable[T]], retryable: tuple[type[Exception], ...]
    ) -> T:
        """`connect()`'s result, calling it again after each `retryable` failure."""
        while True:
            try:
                return await connect()
            except Refused:
                self.down()
                raise
            except retryable as error:
                self.down()
                if _cancelled():
                    raise asyncio.CancelledError from error
                self.failures += 1
                wait = self.next_delay()
                log.warning(
                    "%s unreachable (%s); trying again in %.1f s",
                    self.platform,
                    summary(error),
                    wait,
                    extra={
                        "platform": self.platform.lower(),
                        "attempt": self.failures,
                        "retry_in": round(wait, 3),
                    },
                )
            await asyncio.sleep(wait)


def _cancelled() -> bool:
    """Whether this task was asked to stop, though the failure that ended the try hid it.

    Python 3.11's `asyncio.wait_for` (which discord.py wraps around each gateway connect)
    returns the inner failure instead of the cancellation when both land together; the
    request is still counted on the task, and a shutdown must not be retried away.
    """
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


def summary(error: BaseException) -> str:
    """The error's class and the first line of its message: enough to act on, one line."""
    text = str(error).strip().splitlines()
    name = type(error).__name__
    return f"{name}: {text[0]}" if text else name
