"""A loopback fake Discord: REST and gateway on 127.0.0.1, port 0, recording every request.

The real discord.py client talks to it once `discord.http.Route.BASE` and
`discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY` point here (the adapter sets both from
`Settings.discord_api_url` / `discord_gateway_url`). Payloads are the fixture files under
`tests/fixtures/discord/`, shaped as Discord documents them. JSON answers carry
`Content-Type: application/json` exactly: discord.py compares the string.

It is as strict as Discord: every request body is checked against Discord's OpenAPI spec and
documented limits (`discord_contract.py`), interactions must be answered within 3 s and once,
their tokens live 15 minutes, nonces de-duplicate for a few minutes only, and gateway events
go to the shard Discord would pick. Messages reach only sessions that asked for their intent,
with their content (attachments too) emptied where Discord empties it, and the files members
attach (`fake.upload`) are served from a CDN that honours only the signed URLs it issued.
Refusals carry Discord's status, code and JSON shape.
The fake's clock is real time plus `advance()`, so a rule test can skip ahead without sleeping.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import hashlib
import hmac
import itertools
import json
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from aiohttp import WSMsgType, web

from .discord_command_rules import MESSAGE_COMMAND, check_commands
from .discord_contract import Refused, check, error

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "discord"
BOT_ID = "900000000000000001"
USER = "700000000000000001"
OTHER = "700000000000000002"
GUILD = "800000000000000001"  # the server in interaction_slash_interview.json
GUILD_CHANNEL = "810000000000000001"  # its #career-help channel
# A member's resolved permissions in a channel: everything but Manage Server/Administrator.
MEMBER_PERMISSIONS = str(2147483647 & ~(1 << 5) & ~(1 << 3))
EPHEMERAL = 64
UPDATE_MESSAGE = 7  # interaction callback type: edit the message the component is on
DEFERRED = 5  # DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: the member sees "thinking..."
JSON = "application/json"
# interactions/receiving-and-responding.mdx: "you must send an initial response within 3
# seconds of receiving the event"; "Interaction tokens are valid for 15 minutes".
RESPONSE_DEADLINE = 3.0
TOKEN_LIFETIME = 15 * 60.0
# resources/message.mdx, Create Message `enforce_nonce`: "checked for uniqueness in the past
# few minutes". Discord gives no figure; the fake takes the short end of "a few".
NONCE_WINDOW = 3 * 60.0
SHARD_BITS = 22  # events/gateway.mdx, Sharding Formula: (guild_id >> 22) % num_shards
# events/gateway.mdx, Gateway Intents: MESSAGE_CREATE needs GUILD_MESSAGES in a server and
# DIRECT_MESSAGES in a DM; MESSAGE_CONTENT (privileged) keeps content in server messages.
GUILD_MESSAGES, DIRECT_MESSAGES, MESSAGE_CONTENT = 1 << 9, 1 << 12, 1 << 15
CONTENT_FIELDS = {"content": "", "embeds": [], "attachments": [], "components": []}
# reference.mdx, Signed Attachment CDN URLs: `ex` and `is` are hex timestamps and `hm` a
# signature; its example URL lives 14 days from issue to expiry. Past that, or unsigned,
# the CDN answers 404 with this text.
URL_LIFETIME = 14 * 24 * 3600
GONE = "This content is no longer available."


@functools.cache
def _fixture_text(name: str) -> str:
    """A fixture file's text, read once: the fake answers with some on every request."""
    return (FIXTURES / f"{name}.json").read_text()


def fixture(name: str) -> dict[str, Any]:
    """A fresh copy of a payload fixture, by file name without `.json`: callers may change it."""
    data: dict[str, Any] = json.loads(_fixture_text(name))
    return data


@dataclass
class Recorded:
    """One request that reached the fake."""

    method: str
    path: str
    query: dict[str, str]
    body: Any  # the JSON body, or payload_json of a multipart body
    files: dict[str, bytes] = field(default_factory=dict)
    at: float = 0.0
    status: int = 0  # what the fake answered
    validated: bool = False  # the body was checked against Discord's spec and limits


@dataclass
class Failure:
    """A scripted failure for requests whose path matches."""

    path_contains: str
    status: int
    body: dict[str, Any]
    times: int = 1


@dataclass
class Interaction:
    """An interaction the fake dispatched: when, and how it has been answered."""

    id: str
    token: str
    at: float
    answered: int | None = None  # the callback type of the first response
    original: dict[str, Any] | None = None  # the response message, if it made one
    followed_up: bool = False


class Undelivered(RuntimeError):
    """No gateway session runs the shard Discord would send this event to."""


class Unregistered(LookupError):
    """Discord offers no such command: the app never registered it."""


RECORDED = web.RequestKey("recorded", Recorded)
# Fault injection (tests/drills): wraps each REST answer; may fail, delay or drop it.
Answer = Callable[[], Awaitable[web.StreamResponse]]
Chaos = Callable[[web.Request, str, Answer], Awaitable[web.StreamResponse]]


class FakeDiscord:
    """REST + gateway. Start with `await fake.start()`, stop with `await fake.stop()`."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.failures: list[Failure] = []
        self.closed_dms: set[str] = set()  # user ids whose DMs answer 403 / 50007
        self.no_mutual_guild: set[str] = set()  # user-install only: DMs answer 403 / 50278
        self.interactions: dict[str, Interaction] = {}  # by interaction id
        self.offset = 0.0  # seconds `advance()` has moved the fake's clock on
        self._created: dict[str, float] = {}  # message id -> when (fake clock)
        self.dm_channels: dict[str, str] = {}  # user id -> channel id
        self.messages: dict[str, list[dict[str, Any]]] = {}  # channel id -> messages
        self.text_channels: set[str] = {GUILD_CHANNEL}  # server channels the bot may post in
        self.sockets: list[web.WebSocketResponse] = []
        self.identifies: list[dict[str, Any]] = []
        self.commands: dict[str, list[dict[str, Any]]] = {}  # "global" or guild id -> commands
        self.chaos: Chaos | None = None  # called with (request, path, answer) for REST calls
        self.cdn: dict[str, tuple[bytes, str]] = {}  # CDN path -> bytes and content type
        self._cdn_key = b"fake-cdn-signing-key"
        self._ids = itertools.count(1_000_000_000_000_000_000)
        self._seq = itertools.count(2)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.root = ""  # the fake's origin; the CDN lives here too
        self.base_url = ""
        self.gateway_url = ""

    # --- lifecycle ------------------------------------------------------------------

    async def start(self, port: int = 0) -> FakeDiscord:
        """Serve on 127.0.0.1, `port` (0: a free one); fill in `base_url` and `gateway_url`."""
        app = web.Application(middlewares=[self._record_middleware])
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/api/v10/users/@me", self._me)
        app.router.add_get("/api/v10/oauth2/applications/@me", self._application)
        app.router.add_get("/api/v10/gateway/bot", self._gateway_bot)
        app.router.add_put("/api/v10/applications/{app}/commands", self._put_commands)
        app.router.add_put(
            "/api/v10/applications/{app}/guilds/{guild}/commands", self._put_commands
        )
        app.router.add_post("/api/v10/interactions/{id}/{token}/callback", self._callback)
        app.router.add_patch(
            "/api/v10/webhooks/{app}/{token}/messages/{message}", self._webhook_message
        )
        app.router.add_post("/api/v10/webhooks/{app}/{token}", self._webhook_message)
        app.router.add_post("/api/v10/users/@me/channels", self._open_dm)
        app.router.add_post("/api/v10/channels/{channel}/messages", self._create_message)
        app.router.add_get("/api/v10/channels/{channel}/messages", self._channel_messages)
        app.router.add_get("/attachments/{channel}/{attachment}/{filename}", self._cdn_file)
        app.router.add_get("/ephemeral-attachments/{app}/{attachment}/{filename}", self._cdn_file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.root = f"http://127.0.0.1:{port}"
        self.base_url = f"{self.root}/api/v10"
        self.gateway_url = f"ws://127.0.0.1:{port}/gateway"
        return self

    async def stop(self) -> None:
        """Close every gateway socket and the server."""
        for ws in list(self.sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- what tests use ---------------------------------------------------------------

    def fail(self, path_contains: str, status: int, body: dict[str, Any], times: int = 1) -> None:
        """Answer the next `times` requests whose path contains `path_contains` with an error."""
        self.failures.append(Failure(path_contains, status, body, times))

    def rate_limit(
        self, path_contains: str, retry_after: float, times: int = 1, *, is_global: bool = False
    ) -> None:
        """Answer 429 with `retry_after` (seconds) before letting requests through.

        As topics/rate-limits.mdx shows: the body's `retry_after` and `global`, and the
        `Retry-After` and `X-RateLimit-*` headers discord.py reads for its buckets and its
        global lock.
        """
        body = {"message": "You are being rate limited.", "retry_after": retry_after}
        self.fail(path_contains, 429, {**body, "global": is_global}, times)

    def now(self) -> float:
        """The fake's clock: real (monotonic) time plus what `advance()` added."""
        return time.monotonic() + self.offset

    def advance(self, seconds: float) -> None:
        """Move the fake's clock on, for the 3 s, 15 min and nonce-window rules."""
        self.offset += seconds

    def register(self, payload: dict[str, Any]) -> Interaction:
        """Note an interaction as sent now; `interact` does this when it dispatches one."""
        state = Interaction(payload["id"], payload["token"], self.now())
        self.interactions[state.id] = state
        return state

    def sent(self, method: str, path_contains: str) -> list[Recorded]:
        """Requests so far with this method whose path contains `path_contains`."""
        return [r for r in self.requests if r.method == method and path_contains in r.path]

    async def wait_for(
        self, predicate: Callable[[Recorded], bool], *, count: int = 1, timeout: float = 5.0
    ) -> list[Recorded]:
        """Wait until `count` recorded requests match; return them."""

        def matches() -> list[Recorded]:
            return [r for r in self.requests if predicate(r)]

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(matches()) >= count), timeout)
        return matches()

    async def callback(self, interaction_id: str, timeout: float = 5.0) -> Recorded:
        """The callback (response) Discord received for one interaction."""
        path = f"/interactions/{interaction_id}/"
        (found,) = await self.wait_for(
            lambda r: r.method == "POST" and path in r.path, timeout=timeout
        )
        return found

    async def followup(self, payload: dict[str, Any], timeout: float = 5.0) -> Recorded:
        """The first follow-up (or edit) sent with this interaction's token."""
        marker = f"/{payload['token']}"
        found = await self.wait_for(
            lambda r: r.method in ("POST", "PATCH") and "/webhooks/" in r.path and marker in r.path,
            timeout=timeout,
        )
        return found[0]

    async def answer(self, payload: dict[str, Any], timeout: float = 5.0) -> dict[str, Any]:
        """What the member sees: the callback's body or, after a deferral, `{"type": 5,
        "data": <the follow-up>}` (a follow-up right after a deferral edits the original)."""
        body: dict[str, Any] = (await self.callback(payload["id"], timeout)).body
        if body.get("type") != DEFERRED:
            return body
        return {"type": DEFERRED, "data": (await self.followup(payload, timeout)).body}

    async def wait_connected(self, count: int = 1, timeout: float = 5.0) -> None:
        """Wait until `count` gateway sessions have identified."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.identifies) >= count), timeout
            )

    def interaction(self, fixture_name: str, **data: Any) -> dict[str, Any]:
        """An INTERACTION_CREATE payload from a fixture with a fresh id and `data` merged in."""
        payload = fixture(fixture_name)
        payload["id"] = str(next(self._ids))
        payload["token"] = f"tok-{payload['id']}"
        payload["data"].update(copy.deepcopy(data))
        return payload

    def slash(
        self,
        subcommand: str,
        *,
        user: str = USER,
        fixture_name: str = "interaction_slash_interview",
        focused: str | None = None,
        files: dict[str, dict[str, Any]] | None = None,
        **options: str,
    ) -> dict[str, Any]:
        """A `/interview <subcommand>` INTERACTION_CREATE with string options.

        `files` fills attachment options (type 11) by name with attachments from `upload`:
        the option's value is the attachment id, the object goes in `resolved.attachments`
        (interactions/receiving-and-responding.mdx, Resolved Data Structure).
        """
        values: list[dict[str, Any]] = [
            {
                "type": 3,
                "name": name,
                "value": value,
                **({"focused": True} if name == focused else {}),
            }
            for name, value in options.items()
        ]
        values += [{"type": 11, "name": n, "value": a["id"]} for n, a in (files or {}).items()]
        sub = {"type": 1, "name": subcommand, "options": values}
        data: dict[str, Any] = {"options": [sub]}
        if files:
            data["resolved"] = {"attachments": {a["id"]: a for a in files.values()}}
        return _as_user(self.interaction(fixture_name, **data), user)

    def upload(
        self,
        filename: str,
        content: bytes,
        *,
        content_type: str = "text/calendar; charset=utf-8",
        channel: str | None = None,
    ) -> dict[str, Any]:
        """A file a member attaches: in a message in `channel`, or (no channel) to a slash
        command, whose files Discord keeps as ephemeral attachments.

        Returns the attachment object (resources/message.mdx, Attachment Structure) with a
        signed CDN URL on this fake that serves `content`.
        """
        attachment_id = str(next(self._ids))
        name = quote(filename)
        path = (
            f"/attachments/{channel}/{attachment_id}/{name}"
            if channel
            else f"/ephemeral-attachments/{BOT_ID}/{attachment_id}/{name}"
        )
        self.cdn[path] = (content, content_type)
        issued = int(time.time() + self.offset)
        expires = issued + URL_LIFETIME
        query = f"ex={expires:x}&is={issued:x}&hm={self._signature(path, expires, issued)}&"
        url = f"{self.root}{path}?{query}"
        attachment: dict[str, Any] = {
            "id": attachment_id,
            "filename": filename,
            "size": len(content),
            "url": url,
            "proxy_url": url.replace("127.0.0.1", "localhost", 1),
            "content_type": content_type,
        }
        if not channel:
            attachment["ephemeral"] = True
        return attachment

    async def message_create(
        self,
        *,
        user: str = USER,
        content: str = "",
        attachments: list[dict[str, Any]] | None = None,
        guild_id: str | None = None,
        channel_id: str | None = None,
    ) -> dict[str, Any]:
        """A member's message: MESSAGE_CREATE to the session Discord would send it to.

        events/gateway.mdx, Gateway Intents: only sessions that identified with
        DIRECT_MESSAGES (a DM) or GUILD_MESSAGES (a server) get it; Message Content Intent:
        without MESSAGE_CONTENT a server message comes with its content, embeds,
        attachments and components empty, while "Content in DMs with the app" stays.
        """
        if guild_id is None:
            channel_id = channel_id or self.dm_channels.setdefault(user, str(next(self._ids)))
        message: dict[str, Any] = {
            **self._message(channel_id or GUILD_CHANNEL, {"content": content}),
            "author": {
                "id": user,
                "username": f"user{user[-4:]}",
                "discriminator": "0",
                "global_name": "Ada",
                "avatar": None,
            },
            "attachments": attachments or [],
            "mentions": [],
        }
        if guild_id is not None:
            message["guild_id"] = guild_id
        else:
            message["channel_type"] = 1  # DM
        ws = self._session_for("MESSAGE_CREATE", guild_id)
        intents = getattr(ws, "intents", 0)
        if not intents & (DIRECT_MESSAGES if guild_id is None else GUILD_MESSAGES):
            return message  # never sent: the session did not ask for these events
        sent = message
        if guild_id is not None and not intents & MESSAGE_CONTENT:
            sent = {**message, **CONTENT_FIELDS}
        frame = {"op": 0, "t": "MESSAGE_CREATE", "s": next(self._seq), "d": sent}
        await ws.send_str(json.dumps(frame))
        return message

    def autocomplete(self, subcommand: str, focused: str, **options: str) -> dict[str, Any]:
        """An autocomplete interaction (type 4) for one focused option."""
        return self.slash(
            subcommand, fixture_name="interaction_autocomplete", focused=focused, **options
        )

    def message_command(
        self, name: str, content: str, *, user: str = USER, author: str = OTHER
    ) -> dict[str, Any]:
        """A message command (a message's context-menu entry) used on a message in a server.

        interactions/application-commands.mdx, Message Commands: an APPLICATION_COMMAND
        interaction whose data has `type` 3, the command's default `name` whatever the
        member's language (Localization), the message's id as `target_id`, and the message
        in `resolved.messages`, with its content: events/gateway.mdx, Message Content
        Intent, exempts "Content of the message a message context menu command is used on".
        Discord offers only a command registered globally or in the server, so one that was
        never registered raises `Unregistered`.
        """
        registered = [*self.commands.get("global", []), *self.commands.get(GUILD, [])]
        command = next(
            (c for c in registered if c.get("type") == MESSAGE_COMMAND and c["name"] == name),
            None,
        )
        if command is None:
            raise Unregistered(f"no message command {name!r} is registered")
        payload = self.interaction("interaction_message_command")
        data = payload["data"]
        ((_old, message),) = data["resolved"]["messages"].items()
        target = str(next(self._ids))
        message.update(id=target, content=content)
        message["author"] = {**message["author"], "id": author, "username": f"user{author[-4:]}"}
        data.update(id=command["id"], name=name, target_id=target)
        data["resolved"]["messages"] = {target: message}
        return _as_user(payload, user)

    def submit(
        self, custom_id: str, values: dict[str, str | list[str]], *, user: str = USER
    ) -> dict[str, Any]:
        """A MODAL_SUBMIT: each value inside a label component, as Discord sends them."""
        components = []
        for key, value in values.items():
            inner: dict[str, Any] = {"type": 4, "custom_id": key, "value": value}
            if isinstance(value, list):
                inner = {"type": 3, "custom_id": key, "values": value}
            components.append({"type": 18, "component": inner})
        payload = self.interaction(
            "interaction_modal_submit", custom_id=custom_id, components=components
        )
        return _as_user(payload, user)

    def click(
        self,
        message: dict[str, Any],
        custom_id: str,
        *,
        user: str = USER,
        values: list[str] | None = None,
    ) -> dict[str, Any]:
        """A button press (or a select choice) on `message`, which must carry components."""
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": 2}
        if values is not None:
            data = {"custom_id": custom_id, "component_type": 3, "values": values}
        payload = self.interaction("interaction_button_dm", **data)
        payload["message"] = message
        payload["channel_id"] = message["channel_id"]
        payload["channel"]["id"] = message["channel_id"]
        return _as_user(payload, user)

    def dm_messages(self, user: str = USER) -> list[dict[str, Any]]:
        """Messages the bot posted in its DM channel with `user`."""
        channel = self.dm_channels.get(user)
        return list(self.messages.get(channel, [])) if channel else []

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH event to one session of the shard Discord would route it to.

        events/gateway.mdx, Sharding: `(guild_id >> 22) % num_shards`; "Gateway events that
        do not contain a guild_id will only be sent to the first shard (shard_id: 0)",
        DMs and DM button presses included. Raises `Undelivered` if no session runs it.
        """
        ws = self._session_for(event, data.get("guild_id"))
        await ws.send_str(json.dumps({"op": 0, "t": event, "s": next(self._seq), "d": data}))

    def _session_for(self, event: str, guild: str | None) -> web.WebSocketResponse:
        for ws in list(self.sockets):
            shard, count = getattr(ws, "shard", (0, 1))
            target = (int(guild) >> SHARD_BITS) % count if guild else 0
            if shard == target and not ws.closed:
                return ws
        raise Undelivered(f"no open gateway session for {event} (guild {guild or 'none'})")

    async def interact(self, payload: dict[str, Any]) -> None:
        """Dispatch INTERACTION_CREATE; its 3 s and 15 min start now."""
        self.register(payload)
        await self.dispatch("INTERACTION_CREATE", payload)

    # --- REST -----------------------------------------------------------------------

    @web.middleware
    async def _record_middleware(
        self, request: web.Request, handler: Callable[[web.Request], Any]
    ) -> web.StreamResponse:
        if request.path == "/gateway":
            response: web.StreamResponse = await handler(request)
            return response
        body: Any = None
        files: dict[str, bytes] = {}
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            for key, value in form.items():
                if key == "payload_json":
                    body = json.loads(str(value))
                elif hasattr(value, "file"):
                    files[value.filename or key] = value.file.read()
        elif request.can_read_body:
            raw = await request.read()
            body = json.loads(raw) if raw else None
        recorded = Recorded(request.method, request.path, dict(request.query), body, files)
        recorded.at = time.perf_counter()
        request[RECORDED] = recorded
        failure = next((f for f in self.failures if f.path_contains in request.path), None)
        if failure is not None:
            failure.times -= 1
            if failure.times <= 0:
                self.failures.remove(failure)
            limited = failure.status == 429
            headers = _rate_limit_headers(request.path, failure.body) if limited else {}
            response = _json(failure.body, failure.status, headers)
        else:
            try:
                recorded.validated = check(
                    request.method, request.path, body, query=recorded.query, files=len(files)
                )
            except Refused as refused:
                response = _refusal(refused)
            else:
                if self.chaos is not None:
                    response = await self.chaos(request, request.path, lambda: handler(request))
                else:
                    response = await handler(request)
        if response.status < 400 and not response.prepared:
            response.headers.update(_rate_limit_headers(request.path))
        recorded.status = response.status
        await self._note(recorded)
        return response

    async def _note(self, recorded: Recorded) -> None:
        async with self._changed:
            self.requests.append(recorded)
            self._changed.notify_all()

    async def _me(self, request: web.Request) -> web.Response:
        return _json(fixture("user_bot"))

    async def _application(self, request: web.Request) -> web.Response:
        return _json(fixture("application"))

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})

    async def _put_commands(self, request: web.Request) -> web.Response:
        body = request[RECORDED].body or []
        try:
            check_commands(body)
        except Refused as refused:
            return _refusal(refused)
        scope = request.match_info.get("guild", "global")
        answered = []
        for command in body:
            answered.append(
                {
                    **command,
                    # Message Commands: a context-menu command's description "will be an
                    # empty string (instead of null) when fetching commands".
                    "description": command.get("description") or "",
                    "id": str(next(self._ids)),
                    "application_id": BOT_ID,
                    "version": "1",
                    "default_member_permissions": None,
                    "dm_permission": True,
                    "nsfw": False,
                    **({"guild_id": scope} if scope != "global" else {}),
                }
            )
        self.commands[scope] = answered
        return _json(answered)

    async def _callback(self, request: web.Request) -> web.Response:
        body = request[RECORDED].body or {}
        kind = body.get("type")
        state = self.interactions.get(request.match_info["id"])
        if (
            state is None
            or state.token != request.match_info["token"]
            or self.now() - state.at > RESPONSE_DEADLINE
        ):
            # interactions/receiving-and-responding.mdx: past 3 s the token is invalidated;
            # topics/opcodes-and-status-codes.mdx: 10062 Unknown interaction.
            return _refusal(error(404, 10062, "Unknown interaction"))
        if state.answered is not None:
            # topics/opcodes-and-status-codes.mdx: 40060, one initial response per interaction.
            return _refusal(error(400, 40060, "Interaction has already been acknowledged."))
        state.answered = kind
        interaction: dict[str, Any] = {"id": request.match_info["id"], "type": 2}
        answer: dict[str, Any] = {"interaction": interaction}
        if kind in (4, 5, 7):
            data = body.get("data") or {}
            message = self._message("0", data)
            state.original = message
            interaction["response_message_id"] = message["id"]
            interaction["response_message_ephemeral"] = bool((data.get("flags") or 0) & 64)
            interaction["response_message_loading"] = kind == 5
            answer["resource"] = {"type": kind, "message": message}
        if request.query.get("with_response") in ("1", "true"):
            return _json(answer)
        return web.Response(status=204)

    async def _webhook_message(self, request: web.Request) -> web.Response:
        """A follow-up (POST) or an edit of a response (PATCH), by interaction token."""
        body = request[RECORDED].body or {}
        state = next(
            (i for i in self.interactions.values() if i.token == request.match_info["token"]),
            None,
        )
        if state is None or state.answered is None:
            # No initial response, no webhook: topics/opcodes-and-status-codes.mdx 10015.
            return _refusal(error(404, 10015, "Unknown Webhook"))
        if self.now() - state.at > TOKEN_LIFETIME:
            # interactions/receiving-and-responding.mdx: tokens are valid for 15 minutes;
            # topics/opcodes-and-status-codes.mdx: 50027 Invalid webhook token.
            return _refusal(error(401, 50027, "Invalid Webhook Token"))
        edits_original = request.method == "PATCH" or (
            state.answered == DEFERRED and not state.followed_up
        )
        if request.method == "POST":
            state.followed_up = True
        if edits_original and state.original is not None:
            # receiving-and-responding.mdx, Create Followup Message: right after a deferral
            # "no new message will be created, and the loading message will be edited
            # instead. The ephemeral flag will be ignored".
            for key in ("content", "embeds", "components"):
                if key in body:
                    state.original[key] = body[key] or ([] if key != "content" else "")
            return _json(state.original)
        return _json(self._message("0", body))

    async def _open_dm(self, request: web.Request) -> web.Response:
        user_id = str((request[RECORDED].body or {}).get("recipient_id"))
        channel_id = self.dm_channels.setdefault(user_id, str(next(self._ids)))
        recipient = {"id": user_id, "username": "member", "discriminator": "0", "avatar": None}
        return _json({"id": channel_id, "type": 1, "recipients": [recipient], "flags": 0})

    async def _create_message(self, request: web.Request) -> web.Response:
        channel_id = request.match_info["channel"]
        body = request[RECORDED].body or {}
        user = next((u for u, c in self.dm_channels.items() if c == channel_id), None)
        if user is None and channel_id in self.text_channels:  # a server channel post
            message = self._message(channel_id, body)
            self.messages.setdefault(channel_id, []).append(message)
            return _json(message)
        if user is None:
            return _json({"message": "Unknown Channel", "code": 10003}, 404)
        if user in self.closed_dms:
            body = {"message": "Cannot send messages to this user", "code": 50007}
            return _json(body, 403)
        if user in self.no_mutual_guild:
            # topics/opcodes-and-status-codes.mdx, 50278: a member who only user-installed
            # the app shares no server with it, and cannot be sent a DM.
            text = "Cannot send messages to this user due to having no mutual guilds"
            return _json({"message": text, "code": 50278}, 403)
        nonce = body.get("nonce")
        history = self.messages.setdefault(channel_id, [])
        if nonce and body.get("enforce_nonce"):
            # resources/message.mdx: the same nonce "in the past few minutes" returns that
            # message instead of creating one; after that, a new message is created.
            for message in history:
                recent = self.now() - self._created[message["id"]] <= NONCE_WINDOW
                if message.get("nonce") == nonce and recent:
                    return _json(message)
        message = self._message(channel_id, body)
        history.append(message)
        return _json(message)

    def _signature(self, path: str, expires: int, issued: int) -> str:
        text = f"{path}|{expires:x}|{issued:x}".encode()
        return hmac.new(self._cdn_key, text, hashlib.sha256).hexdigest()

    async def _cdn_file(self, request: web.Request) -> web.Response:
        """An attachment, for a signed URL this fake issued and that has not expired."""
        stored = self.cdn.get(request.path)
        try:
            expires, issued = int(request.query["ex"], 16), int(request.query["is"], 16)
        except (KeyError, ValueError):
            stored = None
        else:
            signed = hmac.compare_digest(
                request.query.get("hm", ""), self._signature(request.path, expires, issued)
            )
            if not signed or time.time() + self.offset > expires:
                stored = None
        if stored is None:
            return web.Response(status=404, text=GONE)
        content, content_type = stored
        return web.Response(body=content, headers={"Content-Type": content_type})

    async def _channel_messages(self, request: web.Request) -> web.Response:
        """GET /channels/{id}/messages: newest first, `limit` (default 50) of them.

        resources/message.mdx: the nonce "will appear in the Message Create event" only, so
        fetched messages carry none.
        """
        channel_id = request.match_info["channel"]
        if channel_id not in self.messages and channel_id not in self.dm_channels.values():
            return _json({"message": "Unknown Channel", "code": 10003}, 404)
        limit = int(request.query.get("limit", "50"))
        newest = list(reversed(self.messages.get(channel_id, [])))[:limit]
        return _json([{k: v for k, v in m.items() if k != "nonce"} for m in newest])

    def _message(self, channel_id: str, body: dict[str, Any]) -> dict[str, Any]:
        message_id = str(next(self._ids))
        self._created[message_id] = self.now()
        return {
            **sent_message_defaults(),
            "id": message_id,
            "channel_id": channel_id,
            "content": body.get("content") or "",
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "flags": body.get("flags") or 0,
            **({"nonce": body["nonce"]} if body.get("nonce") else {}),
        }

    # --- gateway --------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.sockets.append(ws)
        # HELLO as a text frame: discord.py decompresses only binary frames.
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                await self._on_frame(ws, frame)
        finally:
            if ws in self.sockets:
                self.sockets.remove(ws)
        return ws

    async def _on_frame(self, ws: web.WebSocketResponse, frame: dict[str, Any]) -> None:
        op = frame.get("op")
        if op == 1:  # heartbeat
            await ws.send_str(json.dumps({"op": 11}))
        elif op == 2:
            data = frame["d"]
            shard = data.get("shard")
            ws.shard = tuple(shard) if shard else (0, 1)  # type: ignore[attr-defined]
            ws.intents = int(data.get("intents") or 0)  # type: ignore[attr-defined]
            ready = fixture("ready")
            ready["resume_gateway_url"] = self.gateway_url
            if shard:
                ready["shard"] = shard
            await ws.send_str(json.dumps({"op": 0, "t": "READY", "s": 1, "d": ready}))
            async with self._changed:
                self.identifies.append(data)
                self._changed.notify_all()
        elif op == 6:
            await ws.send_str(json.dumps({"op": 0, "t": "RESUMED", "s": 1, "d": {}}))


def _as_user(payload: dict[str, Any], user: str) -> dict[str, Any]:
    holder = payload.get("member", payload)
    holder["user"] = {**holder["user"], "id": user, "username": f"user{user[-4:]}"}
    return payload


def text_of(body: dict[str, Any]) -> str:
    """Everything a member reads in a message payload: content and embed text."""
    data = body.get("data", body)
    parts = [data.get("content") or ""]
    for embed in data.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [f"{f['name']}: {f['value']}" for f in embed.get("fields") or []]
    return "\n".join(parts)


async def say(fake: FakeDiscord, subcommand: str, **options: str) -> dict[str, Any]:
    """Run `/interview <subcommand>` and return what the member sees (`FakeDiscord.answer`)."""
    payload = fake.slash(subcommand, **options)
    await fake.interact(payload)
    return await fake.answer(payload)


def custom_ids(message: dict[str, Any]) -> list[str]:
    """Every custom id in a message's components (buttons, selects), in order."""
    found: list[str] = []
    for row in message.get("components") or []:
        for component in row.get("components") or [row]:
            if "custom_id" in component:
                found.append(component["custom_id"])
    return found


def guild_on_shard(shard: int, shard_count: int) -> str:
    """A guild id Discord routes to `shard` of `shard_count` (events/gateway.mdx)."""
    base = int(GUILD) >> SHARD_BITS
    high = base + (shard - base) % shard_count
    return str(high << SHARD_BITS | int(GUILD) & ((1 << SHARD_BITS) - 1))


def _rate_limit_headers(path: str, limited: dict[str, Any] | None = None) -> dict[str, str]:
    """The `X-RateLimit-*` headers of topics/rate-limits.mdx, for an answer or a 429 body.

    Every answer names its bucket and leaves requests in it; a 429 (with `retry_after`)
    empties the bucket until then, says its scope and, if global, `X-RateLimit-Global`.
    """
    bucket = hashlib.sha256(path.rsplit("/", 1)[0].encode()).hexdigest()[:16]
    retry = float((limited or {}).get("retry_after", 0.0))
    headers = {
        "X-RateLimit-Limit": "5",
        "X-RateLimit-Remaining": "0" if limited else "4",
        "X-RateLimit-Reset": f"{time.time() + (retry or 1.0):.3f}",
        "X-RateLimit-Reset-After": f"{retry or 1.0:.3f}",
        "X-RateLimit-Bucket": bucket,
    }
    if limited:
        is_global = bool(limited.get("global"))
        headers["Retry-After"] = str(math.ceil(retry))
        headers["X-RateLimit-Scope"] = "global" if is_global else "user"
        headers["Via"] = "1.1 google"  # Discord's own 429, not a Cloudflare ban (discord.py)
        if is_global:
            headers["X-RateLimit-Global"] = "true"
    return headers


def _refusal(refused: Refused) -> web.Response:
    return _json(refused.body, refused.status)


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": JSON, **(headers or {})},
    )


def sent_message_defaults() -> dict[str, Any]:
    """What Discord adds to a message the bot sent (author, timestamps), the fields empty."""
    return {
        "author": fixture("user_bot"),
        "content": "",
        "timestamp": "2026-11-23T14:00:00+00:00",
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": False,
        "type": 0,
    }
