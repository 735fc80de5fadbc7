"""Slack's HTTP requests checked on their raw bytes before Bolt parses anything.

slack_bolt parses the body (and `int()`s the timestamp) before it verifies the signature,
so unauthenticated garbage would reach its parser and end in a 500 and a traceback; and its
verification logs a refused request's whole body. Here every POST to the events path is
verified first (401 when the signature is missing, malformed, wrong or stale), then read the
way Bolt will read it (400 when a signed body is not UTF-8, not JSON or not an object), and
only then handed to Bolt's dispatcher, with its `claim_key` in `REQUEST_KEY`: the app claims
that key once in the database before it does the request's work, after the ack, so a replay
or a retry is acknowledged and runs nothing while no command, button or event ack waits on a
database write (a form submission, answered inside its ack, claims before it).
Bolt's own verification is off for HTTP: this is it. Nothing of the body is ever logged.

Slack's rules, from "Verifying requests from Slack"
(https://docs.slack.dev/authentication/verifying-requests-from-slack): the signature is
`v0=` + hex HMAC-SHA256 of `v0:{X-Slack-Request-Timestamp}:{raw body}` keyed with the
signing secret; refuse a timestamp more than five minutes from now (replays).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar
from typing import Any
from urllib.parse import parse_qsl, urlencode

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

log = logging.getLogger(__name__)

TOLERANCE_SECONDS = 5 * 60
"""Slack: a request whose timestamp is more than five minutes away could be a replay."""

BOLT_LOGGER = "slack_bolt.followup"
"""The base logger we give Bolt: every logger it makes copies its level and filters."""

REQUEST_KEY: ContextVar[str | None] = ContextVar("slack_request_key", default=None)
"""The `claim_key` of the HTTP request Bolt is handling (None in Socket Mode: unsigned)."""

Dispatch = Callable[[AsyncBoltRequest], Awaitable[BoltResponse]]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class RequestGuard:
    """An aiohttp middleware for one Slack app's events path."""

    def __init__(
        self,
        signing_secret: str,
        dispatch: Dispatch,
        *,
        path: str,
    ) -> None:
        self._secret = signing_secret.encode()
        self._dispatch = dispatch
        self._path = path

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Refuse what is unsigned or unreadable, drop repeats, pass the rest to Bolt."""
        if request.method != "POST" or request.path != self._path:
            return await handler(request)
        raw = await request.read()
        problem = self.verify(raw, request.headers)
        if problem and _is_ssl_check(raw):
            # Slack's check of a slash command's URL: Bolt answers it before verifying
            # (https://docs.slack.dev/interactivity/implementing-slash-commands/), runs nothing.
            return web.Response(status=200)
        if problem:
            log.warning("Slack request refused (401): %s", problem)
            return web.json_response({"error": "invalid request"}, status=401)
        content_type = request.headers.get("Content-Type", "")
        body = readable(raw, content_type)
        if body is None:
            log.warning("Slack request refused (400): a signed body Bolt could not read")
            return web.json_response({"error": "unreadable request"}, status=400)
        REQUEST_KEY.set(claim_key(body, request.headers["X-Slack-Signature"]))
        text = for_bolt(raw.decode("utf-8"), content_type)
        try:
            bolt_request = AsyncBoltRequest(
                body=text,
                query=request.query_string,
                headers=request.headers,  # type: ignore[arg-type]  # a multidict is a mapping
            )
            return await to_aiohttp_response(await self._dispatch(bolt_request))
        except Exception as error:  # Bolt reading a signed body of an odd shape
            log.warning("Slack request refused (400): %s", error.__class__.__name__)
            return web.json_response({"error": "unreadable request"}, status=400)

    def verify(self, raw: bytes, headers: Mapping[str, str]) -> str | None:
        """Why the request is not Slack's, or None when its signature holds."""
        timestamp = headers.get("X-Slack-Request-Timestamp", "")
        signature = headers.get("X-Slack-Signature", "")
        if not timestamp or not signature:
            return "no signature"
        if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
            return "a malformed timestamp"
        if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
            return "a stale timestamp"
        basestring = b"v0:" + timestamp.encode() + b":" + raw
        expected = "v0=" + hmac.new(self._secret, basestring, hashlib.sha256).hexdigest()
        if not (signature.isascii() and hmac.compare_digest(expected, signature)):
            return "a wrong signature"
        return None


def readable(raw: bytes, content_type: str) -> dict[str, Any] | None:
    """The body as Bolt will parse it (`slack_bolt.request.internals.parse_body`), or None.

    JSON when the type says so or the body starts with `{`; otherwise a form whose
    `payload` field, when present, is JSON. Anything but an object is unreadable.
    """
    try:
        text = raw.decode("utf-8")
        if _is_json(text, content_type):
            body = json.loads(text)
        else:
            form = dict(parse_qsl(text, keep_blank_values=True))
            body = json.loads(form["payload"]) if "payload" in form else form
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return body if isinstance(body, dict) and _shaped(body) else None


# What Bolt reads while building its request and matching listeners, and the types it assumes
# (a str `user` or `team` is an id; objects elsewhere): anything else would raise inside Bolt.
_OBJECTS = ("event", "view", "container", "message", "state", "title", "values")
_IDS = ("user", "team", "enterprise", "channel")
_LISTS = ("actions", "authorizations", "blocks")


def _shaped(body: Mapping[str, Any]) -> bool:
    """Whether the parts Bolt relies on have the shapes Slack documents."""
    for key in _OBJECTS:
        if body.get(key) is not None and not isinstance(body[key], dict):
            return False
    for key in _IDS:
        if body.get(key) is not None and not isinstance(body[key], (dict, str)):
            return False
    for key in _LISTS:
        items = body.get(key)
        if items is not None and not (
            isinstance(items, list) and all(isinstance(item, dict) for item in items)
        ):
            return False
    inner = [body.get(key) for key in ("event", "view", "state")]
    values = body.get("values")  # a view's state: block id -> action id -> element state
    if isinstance(values, dict) and not all(
        isinstance(block, dict) and all(isinstance(state, dict) for state in block.values())
        for block in values.values()
    ):
        return False
    return all(_shaped(part) for part in inner if isinstance(part, dict))


def for_bolt(text: str, content_type: str) -> str:
    """The body as Bolt should get it: a form that only mentions "payload" is re-encoded.

    Bolt reads a form as interactivity whenever its text contains the substring "payload",
    so `/interview check my payload` lost the command (an empty body, a 404). The same form
    with those letters percent-encoded parses to the same fields and reads as a command.
    """
    if "payload" not in text or _is_json(text, content_type):
        return text
    fields = parse_qsl(text, keep_blank_values=True)
    if any(key == "payload" for key, _value in fields):
        return text
    return urlencode(fields).replace("payload", "p%61yload")


def _is_ssl_check(raw: bytes) -> bool:
    """Whether the body is Slack's `ssl_check=1` form."""
    try:
        return dict(parse_qsl(raw.decode("utf-8"))).get("ssl_check") == "1"
    except (UnicodeDecodeError, ValueError):
        return False


def _is_json(text: str, content_type: str) -> bool:
    """Whether Bolt parses this body as JSON (its test, `request.internals.parse_body`)."""
    return content_type.partition(";")[0] == "application/json" or text.startswith("{")


def claim_key(body: Mapping[str, Any], signature: str) -> str:
    """What makes a request the same request again.

    An Events API delivery keeps its `event_id` across Slack's retries
    (https://docs.slack.dev/apis/events-api/#retries: `X-Slack-Retry-Num` and
    `X-Slack-Retry-Reason` come with the same event, re-signed); a retry of an event no
    process saw still runs. Everything else is identified by its signature, which covers
    the timestamp and the exact bytes: a replay within the five minutes is the same key.
    """
    event_id = body.get("event_id")
    if body.get("type") == "event_callback" and isinstance(event_id, str) and event_id:
        return f"slack:event:{event_id}"
    return f"slack:signature:{signature}"


_BODY_MARKERS = ("Invalid request signature detected", "request (", "body: ")


class BoltBodyFilter(logging.Filter):
    """Cuts request and response bodies out of Bolt's log lines; the rest is kept.

    Bolt logs a refused request's full body at INFO, an unhandled request's action values
    at WARNING and responses at DEBUG: members' text and `response_url`s would reach the
    logs. The line stays, up to where the body starts, so errors remain visible.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite a record that would carry a body; never drop one."""
        message = record.getMessage()
        for marker in _BODY_MARKERS:
            cut = message.find(marker)
            if cut >= 0:
                record.msg = message[: cut + len(marker)].rstrip(" (") + " (body not logged)"
                record.args = ()
                break
        return True


class UnusedTokenFilter(logging.Filter):
    """Drops Bolt's "`token` will be unused" warning, which never applies here.

    Bolt reads SLACK_BOT_TOKEN from the environment itself and warns that it goes unused
    when a `client` is given too; ours is that client, built with that very token.
    """

    unused = warning_client_prioritized_and_token_skipped()

    def filter(self, record: logging.LogRecord) -> bool:
        """False for that one warning only."""
        return record.getMessage() != self.unused


_FILTERS = (BoltBodyFilter(), UnusedTokenFilter())


def bolt_logger() -> logging.Logger:
    """The base logger for Bolt, with the filters that its own loggers inherit."""
    logger = logging.getLogger(BOLT_LOGGER)
    for log_filter in _FILTERS:
        logger.addFilter(log_filter)  # once: the same instance is not added twice
    return logger
