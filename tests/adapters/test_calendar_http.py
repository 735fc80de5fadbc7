"""The calendar feed over HTTP, as a calendar app subscribes to it: a real server on a
loopback port, the real core behind it, and the answers a client reads."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from email.utils import parsedate_to_datetime

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from icalendar import Calendar

from adapters.calendar_feed import Limits, Rate, calendar_routes
from adapters.console.conversation import Conversation
from bot.app import Core
from bot.logs import Redactor

ADDRESS = re.compile(r"https://followup\.example\.com(/calendar/[A-Za-z0-9_-]+\.ics)")
ADA_LOG = (
    '/interview log company="Acme" role="Backend Engineer" when="yesterday 3pm" '
    'with="Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel"'
)
BOB_LOG = '/interview log company="Globex" when="yesterday 2pm" with="Sam Okafor <sam@globex.com>"'
ADA_EVENTS = {
    "Interview: Backend Engineer at Acme",
    "Send the thank-you to Jane Doe (Acme, #1)",
    "Send the thank-you to Raj Patel (Acme, #1)",
    "Send the status check (Acme, #1)",
}
ROOMY = Rate(burst=1000, every=1.0)
Http = tuple[TestServer, aiohttp.ClientSession]  # the server, and a client of it


class FrozenClock:
    """A monotonic clock that stands still: a burst is a burst, however slow the machine."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def core(core_with_feeds: Core) -> Core:
    return core_with_feeds


async def serve(core: Core, limits: Limits, clock: FrozenClock) -> TestServer:
    app = web.Application()
    app.add_routes(calendar_routes(core, limits, clock))
    server = TestServer(app, host="127.0.0.1", port=0)
    await server.start_server()
    return server


@pytest.fixture
def frozen() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
async def http(core: Core, frozen: FrozenClock) -> AsyncIterator[Http]:
    """The feed's route on a loopback port, with room for every request a test makes."""
    server = await serve(core, Limits(per_address=ROOMY, per_token=ROOMY), frozen)
    async with aiohttp.ClientSession() as session:
        yield server, session
    await server.close()


async def subscribe(convo: Conversation, words: str = "") -> str:
    """Ask for the feed in the chat; the path of its address."""
    reply = await convo.say(f"/interview calendar {words}".strip())
    found = ADDRESS.search(reply)
    assert found is not None, reply
    return found.group(1)


def summaries(body: bytes) -> set[str]:
    return {str(event["SUMMARY"]) for event in Calendar.from_ical(body).walk("VEVENT")}


def uids(body: bytes) -> dict[str, str]:
    return {str(e["UID"]): str(e["SUMMARY"]) for e in Calendar.from_ical(body).walk("VEVENT")}


async def test_a_subscribed_app_gets_exactly_the_members_calendar(
    convo: Conversation, http: Http
) -> None:
    server, session = http
    await convo.say(ADA_LOG)
    await convo.say(":as bob")
    await convo.say(BOB_LOG)
    bobs = await subscribe(convo)
    await convo.say(":as ada")
    adas = await subscribe(convo)

    async with session.get(server.make_url(adas)) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
        assert "max-age=900" in response.headers["Cache-Control"]
        assert "private" in response.headers["Cache-Control"]
        assert response.headers["ETag"].startswith('"')
        assert parsedate_to_datetime(response.headers["Last-Modified"]).tzinfo is not None
        body = await response.read()
    assert summaries(body) == ADA_EVENTS
    text = body.decode()
    for theirs in ("Globex", "Sam Okafor", "@acme.com", "@globex.com"):
        assert theirs not in text

    async with session.get(server.make_url(bobs)) as response:
        assert response.status == 200
        bob = summaries(await response.read())
    assert bob == {
        "Interview: phone screen at Globex",
        "Send the thank-you to Sam Okafor (Globex, #1)",
        "Send the status check (Globex, #1)",
    }


async def test_after_sent_the_next_fetch_drops_that_follow_up(
    convo: Conversation, http: Http
) -> None:
    server, session = http
    await convo.say(ADA_LOG)
    path = await subscribe(convo)
    async with session.get(server.make_url(path)) as response:
        etag = response.headers["ETag"]
        before = uids(await response.read())

    await convo.say("/interview sent #1 thank_you Jane")

    async with session.get(server.make_url(path), headers={"If-None-Match": etag}) as response:
        assert response.status == 200  # changed: the old ETag no longer matches
        assert response.headers["ETag"] != etag
        after = uids(await response.read())
    assert set(after.values()) == ADA_EVENTS - {"Send the thank-you to Jane Doe (Acme, #1)"}
    assert {uid: before[uid] for uid in after} == after  # the rest keep their UIDs


async def test_an_unchanged_feed_is_a_304(convo: Conversation, http: Http) -> None:
    server, session = http
    await convo.say(ADA_LOG)
    path = await subscribe(convo)
    async with session.get(server.make_url(path)) as response:
        etag = response.headers["ETag"]
    for sent in (etag, f"W/{etag}", f'"something-else", {etag}'):
        async with session.get(server.make_url(path), headers={"If-None-Match": sent}) as again:
            assert again.status == 304
            assert again.headers["ETag"] == etag
            assert "max-age=900" in again.headers["Cache-Control"]
            assert await again.read() == b""


async def test_every_wrong_address_is_the_same_plain_404(convo: Conversation, http: Http) -> None:
    server, session = http
    real = await subscribe(convo)
    token = real.removeprefix("/calendar/").removesuffix(".ics")
    unknown = "/calendar/" + ("A" if token[0] != "A" else "B") + token[1:] + ".ics"
    answers = set()
    for path in (unknown, "/calendar/short.ics", "/calendar/" + token, "/calendar/a/b.ics"):
        async with session.get(server.make_url(path)) as response:
            answers.add((response.status, response.content_type, await response.text()))
    assert answers == {(404, "text/plain", "404: Not Found")}


async def test_reset_makes_the_old_address_404_at_once_and_off_ends_the_new_one(
    convo: Conversation, http: Http
) -> None:
    server, session = http
    await convo.say(ADA_LOG)
    old = await subscribe(convo)
    new = await subscribe(convo, "reset")
    async with session.get(server.make_url(old)) as response:
        assert response.status == 404
    async with session.get(server.make_url(new)) as response:
        assert response.status == 200
        assert summaries(await response.read()) == ADA_EVENTS

    await convo.say("/interview calendar off")
    async with session.get(server.make_url(new)) as response:
        assert response.status == 404


async def test_a_burst_on_one_feed_is_told_to_wait(
    core: Core, convo: Conversation, frozen: FrozenClock
) -> None:
    server = await serve(core, Limits(per_address=ROOMY, per_token=Rate(3, 60.0)), frozen)
    try:
        mine = await subscribe(convo)
        await convo.say(":as bob")
        theirs = await subscribe(convo)
        async with aiohttp.ClientSession() as session:
            statuses = []
            for _ in range(4):
                async with session.get(server.make_url(mine)) as response:
                    statuses.append(response.status)
                    retry = response.headers.get("Retry-After")
            assert statuses == [200, 200, 200, 429]
            assert retry == "60"
            async with session.get(server.make_url(theirs)) as response:
                assert response.status == 200  # another feed has its own allowance
            frozen.now += 60
            async with session.get(server.make_url(mine)) as response:
                assert response.status == 200  # a minute later, one more
    finally:
        await server.close()


async def test_a_burst_from_one_address_is_told_to_wait_whatever_the_token(
    core: Core, frozen: FrozenClock
) -> None:
    server = await serve(core, Limits(per_address=Rate(5, 2.0), per_token=ROOMY), frozen)
    try:
        async with aiohttp.ClientSession() as session:
            statuses = []
            for n in range(6):
                path = f"/calendar/{'x' * 42}{n}.ics"  # well formed, nobody's
                async with session.get(server.make_url(path)) as response:
                    statuses.append(response.status)
                    retry = response.headers.get("Retry-After")
            assert statuses == [404] * 5 + [429]
            assert retry == "2"
            # Behind a proxy on the loopback, each client is the address the proxy saw.
            proxied = {"X-Forwarded-For": "203.0.113.9, 198.51.100.7"}
            async with session.get(server.make_url(path), headers=proxied) as response:
                assert response.status == 404
    finally:
        await server.close()


def test_a_feed_address_in_a_log_line_is_redacted() -> None:
    line = '127.0.0.1 "GET /calendar/jQ_B2Og7J8adJLpFC_fy1tUGNx0GU1lLyX81iRfJQgo.ics HTTP/1.1" 200'
    assert Redactor()(line) == '127.0.0.1 "GET /calendar/[redacted].ics HTTP/1.1" 200'
