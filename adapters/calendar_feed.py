"""`GET /calendar/{token}.ics`: members' calendar feeds, for calendar apps to poll.

`followup web` serves it (beside Slack when Slack is set up), and `followup run` too. A
token that is malformed or nobody's gets the same plain 404 as a path that was never
there. Requests are rate-limited per client address before the token is looked at (what
bounds guessing) and per token (what bounds one feed's cost); over either limit the answer
is 429 with `Retry-After`. Answers carry an ETag (a hash of the feed: an unchanged feed is
a bodiless 304), `Last-Modified`, and `Cache-Control: private` so no shared cache keeps a
member's calendar.
"""

from __future__ import annotations

import asyncio
import ipaddress
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate

from aiohttp import web

from bot.app import Core
from bot.services.calendar_feed import PATH, REFRESH, token_digest, well_formed

MAX_KEYS = 10_000  # buckets kept per limit; the least recently used go first
CACHE_CONTROL = f"private, max-age={int(REFRESH.total_seconds())}"


@dataclass(frozen=True)
class Rate:
    """A token bucket's shape: `burst` requests at once, then one per `every` seconds."""

    burst: int
    every: float


@dataclass(frozen=True)
class Limits:
    """How often one client address, and one feed, may be fetched.

    An address gets room for a calendar service polling many members' feeds; one feed, for
    an app polling every few minutes and the member pressing refresh a few times.
    """

    per_address: Rate = Rate(burst=60, every=1.0)
    per_token: Rate = Rate(burst=10, every=60.0)


class Buckets:
    """Token buckets by key, in memory, at most `MAX_KEYS` of them.

    Each process counts its own requests: behind a load balancer, the limits are per
    process, which is still what keeps one client from making a process do all the work.
    """

    def __init__(self, rate: Rate, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (left, at)

    def take(self, key: str) -> float:
        """Spend one request for `key`: 0 if allowed, else the seconds until one is."""
        now, burst = self.clock(), float(self.rate.burst)
        left, at = self._buckets.pop(key, (burst, now))
        left = min(burst, left + (now - at) / self.rate.every)
        allowed = left >= 1
        self._buckets[key] = (left - 1 if allowed else left, now)
        while len(self._buckets) > MAX_KEYS:
            self._buckets.popitem(last=False)
        return 0.0 if allowed else (1 - left) * self.rate.every


def calendar_routes(
    core: Core, limits: Limits | None = None, clock: Callable[[], float] = time.monotonic
) -> list[web.RouteDef]:
    """The feed's route, to mount on any aiohttp app."""
    limits = limits or Limits()
    by_address = Buckets(limits.per_address, clock)
    by_token = Buckets(limits.per_token, clock)

    async def feed(request: web.Request) -> web.StreamResponse:
        wait = by_address.take(client_address(request))
        if wait:
            return _too_many(wait)
        token = request.match_info["token"]
        if not well_formed(token):
            raise web.HTTPNotFound
        wait = by_token.take(token_digest(token))
        if wait:
            return _too_many(wait)
        found = await asyncio.to_thread(core.calendar.feed, token)
        if found is None:
            raise web.HTTPNotFound
        headers = {
            "ETag": found.etag,
            "Last-Modified": _http_date(found.last_modified.timestamp()),
            "Cache-Control": CACHE_CONTROL,
        }
        if _matches(request.headers.get("If-None-Match"), found.etag):
            return web.Response(status=304, headers=headers)
        headers["Content-Disposition"] = 'inline; filename="followup.ics"'
        return web.Response(
            body=found.body, headers=headers, content_type="text/calendar", charset="utf-8"
        )

    return [web.get(PATH, feed)]


def client_address(request: web.Request) -> str:
    """Who is asking: the peer, or the address a proxy in front of us saw.

    A peer on a private network is taken for a proxy (a load balancer): the last entry of
    `X-Forwarded-For` is the one it wrote, the address it saw. Entries before it are the
    client's own to invent, so they are never read.
    """
    peer = request.remote or ""
    forwarded = request.headers.get("X-Forwarded-For", "").rsplit(",", 1)[-1].strip()
    if forwarded and _private(peer):
        return forwarded
    return peer


def _private(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.is_private or ip.is_loopback


def _matches(if_none_match: str | None, etag: str) -> bool:
    """Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks)."""
    if not if_none_match:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


def _too_many(wait: float) -> web.Response:
    return web.Response(
        status=429,
        text="Too many requests: try again later.",
        headers={"Retry-After": str(max(1, math.ceil(wait)))},
    )


def _http_date(timestamp: float) -> str:
    """An HTTP date (RFC 9110 IMF-fixdate), like `Mon, 23 Nov 2026 14:00:00 GMT`."""
    return formatdate(timestamp, usegmt=True)
