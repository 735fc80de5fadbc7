"""A loopback fake of the Slack Web API (and response URLs) that records every call.

Start it on 127.0.0.1 port 0, point `AsyncWebClient(base_url=fake.api_url)` at it, then
assert on `fake.calls` (method, body) as bolt-python's own tests count requests per path.
It can be told to answer 429 with Retry-After, an HTTP status, or a Slack error code.

It is as strict as Slack (rules and their pages in `slack_contract.py` and beside each
check below): a bot token holds only the manifest's scopes, blocks and views must pass
Block Kit, a trigger_id works once within 3 s, a response URL takes 5 posts in 30 minutes,
the bot posts only in channels it was invited to (`fake.joined`), and
`conversations.history` answers one call a minute with at most 15 messages. Files members
share (`fake.share`) are read as Slack serves them: `files.info` needs files:read, a token
the workspace issued and a file the bot can see; `url_private` downloads need the token as
a Bearer header, and without it answer Slack's redirect to the sign-in page. Its clock is
real; `fake.advance(seconds)` moves it forward instead of sleeping.
"""

from __future__ import annotations

import itertools
import json
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, quote

from aiohttp import web

from . import slack_contract as contract

TEAM = "T0FOLLOW"
BOT_USER = "UBOT0001"
BOT_ID = "B0FOLLOW"
# https://docs.slack.dev/interactivity/handling-user-interaction/ : a trigger_id "expires
# in 3 seconds" and is exchanged once; a response_url can be used "up to 5 times within 30
# minutes".
TRIGGER_SECONDS = 3.0
HOOK_POSTS = 5
HOOK_SECONDS = 30 * 60
# https://docs.slack.dev/changelog/2025/05/29/rate-limit-changes-for-non-marketplace-apps :
# apps outside the Marketplace get conversations.history at 1 request a minute, and "the
# maximum and default for the limit parameter has been reduced to 15 objects".
HISTORY_EVERY = 60.0
HISTORY_LIMIT = 15
# The bot tokens this workspace issued: the harness's single-workspace token and the one
# oauth.v2.access hands out. files.info and file downloads check theirs against these.
BOT_TOKENS = frozenset({"xoxb-test-token", "xoxb-installed-token"})

# Fault injection (tests/drills): wraps each Web API answer; may fail, delay or drop it.
Answer = Callable[[], Awaitable[web.StreamResponse]]
Chaos = Callable[[web.Request, str, Answer], Awaitable[web.StreamResponse]]


@dataclass
class Call:
    """One request the fake received: the API method (or hook path) and its parsed body."""

    method: str
    body: dict[str, Any]
    token: str | None

    def json(self, key: str) -> Any:
        """A body value that slack_sdk may have sent as a JSON string (blocks, view)."""
        value = self.body.get(key)
        return json.loads(value) if isinstance(value, str) else value


@dataclass
class Scripted:
    """A failure to play on the next calls to a method."""

    status: int = 200
    error: str | None = None
    retry_after: int | None = None


@dataclass
class MemberFile:
    """A file a member shared: its object as files.info gives it, its bytes, where it is."""

    info: dict[str, Any]
    content: bytes
    channel: str


@dataclass
class FakeSlack:
    """The fake server: `await fake.start()`, use `fake.api_url`, then `await fake.stop()`."""

    timezones: dict[str, str] = field(default_factory=dict)
    # users.info `locale`, sent only with include_locale=true (users.info reference).
    locales: dict[str, str] = field(default_factory=dict)
    default_locale: str = "en-US"
    history: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # newest first
    default_tz: str = "America/New_York"
    admins: set[str] = field(default_factory=set)  # users.info is_admin
    owners: set[str] = field(default_factory=set)  # users.info is_owner
    team_id: str = TEAM
    calls: list[Call] = field(default_factory=list)
    script: dict[str, list[Scripted]] = field(default_factory=dict)
    port: int = 0
    _runner: web.AppRunner | None = None
    _ts: int = 0
    sockets: list[web.WebSocketResponse] = field(default_factory=list)
    chaos: Chaos | None = None  # called with (request, method, answer) for every API call
    # files_upload_v2: file id -> name and bytes as uploaded, and where each was shared.
    upload_names: dict[str, str] = field(default_factory=dict)
    uploads: dict[str, bytes] = field(default_factory=dict)
    shared: dict[str, str] = field(default_factory=dict)  # file id -> channel id
    # What a bot token of this app may do: the manifest's bot scopes (rule tests narrow it).
    granted: frozenset[str] = field(default_factory=contract.manifest_scopes)
    joined: set[str] = field(default_factory=set)  # channels the bot was invited to
    private: set[str] = field(default_factory=set)  # channels that are private
    skew: float = 0.0  # seconds added to the real clock by `advance`
    triggers: dict[str, list[float | bool]] = field(default_factory=dict)  # id -> issued, used
    hooks: dict[str, list[float]] = field(default_factory=dict)  # path -> issued, posts
    history_at: dict[str, float] = field(default_factory=dict)  # token -> last history call
    # The same changelog: Marketplace apps are not affected and keep Tier 3, "50+ per
    # minute" (https://docs.slack.dev/apis/web-api/rate-limits); a drill plays one.
    history_per_minute: int = 1
    # Every request a rule refused: (method or "hooks", Slack's error, its reasons).
    refusals: list[tuple[str, str, list[str]]] = field(default_factory=list)
    # Files members shared (`share`), by file id, and the tokens that may read them.
    member_files: dict[str, MemberFile] = field(default_factory=dict)
    bot_tokens: frozenset[str] = BOT_TOKENS
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """The Web API base URL, as `slack_api_url` wants it (trailing slash)."""
        return f"{self.base}/api/"

    async def start(self) -> FakeSlack:
        """Serve on loopback: on `port` if one was given, else on a free one."""
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/hooks/{tail:.*}", self._hook)
        app.router.add_get("/link", self._socket)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/files-pri/{team_file}/{tail:.*}", self._download)
        app.router.add_get("/", self._sign_in)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        return self

    async def stop(self) -> None:
        """Stop serving."""
        for socket in list(self.sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # --- telling it what to do --------------------------------------------------------

    def fail(self, method: str, error: str, *, times: int = 1, status: int = 200) -> None:
        """Answer the next `times` calls to `method` with `{"ok": false, "error": error}`."""
        self.script.setdefault(method, []).extend(
            Scripted(status=status, error=error) for _ in range(times)
        )

    def rate_limit(self, method: str, *, retry_after: int = 1, times: int = 1) -> None:
        """Answer the next `times` calls to `method` with 429 and Retry-After."""
        self.script.setdefault(method, []).extend(
            Scripted(status=429, error="ratelimited", retry_after=retry_after) for _ in range(times)
        )

    def now(self) -> float:
        """The fake's clock: real time plus whatever `advance` added."""
        return time.time() + self.skew

    def advance(self, seconds: float) -> None:
        """Move the fake's clock forward (trigger, response URL and rate-limit windows)."""
        self.skew += seconds

    def trigger(self) -> str:
        """A trigger_id as Slack puts in a command or interaction payload, issued now."""
        trigger_id = f"{next(self._ids)}.{int(self.now())}.{next(self._ids):032x}"
        self.triggers[trigger_id] = [self.now(), False]
        return trigger_id

    def new_hook(self) -> str:
        """A fresh response URL, as Slack puts one in each command and interaction."""
        return self.hook_url(f"actions/{self.team_id}/{next(self._ids)}/fresh")

    def share(
        self,
        name: str,
        content: bytes,
        *,
        mimetype: str = "text/calendar",
        user: str = "U0ADA",
        channel: str | None = None,
    ) -> dict[str, Any]:
        """A member shares a file in `channel` (default: their DM with the bot).

        Returns the file object a `message` event's `files` carries, as files.info answers
        it (https://docs.slack.dev/reference/objects/file-object/): `url_private` and
        `url_private_download` on this fake, `size` in bytes.
        """
        file_id = f"FM{len(self.member_files) + 1:08d}"
        where = channel or "D" + user.lstrip("U")  # conversations.open's id for that DM
        base = f"{self.base}/files-pri/{self.team_id}-{file_id}"
        stamp = int(self.now())
        info: dict[str, Any] = {
            "id": file_id,
            "created": stamp,
            "timestamp": stamp,
            "name": name,
            "title": name,
            "mimetype": mimetype,
            "filetype": name.rpartition(".")[2].lower() if "." in name else "binary",
            "pretty_type": name.rpartition(".")[2].upper() if "." in name else "Binary",
            "user": user,
            "user_team": self.team_id,
            "editable": False,
            "size": len(content),
            "mode": "hosted",
            "is_external": False,
            "external_type": "",
            "is_public": False,
            "public_url_shared": False,
            "display_as_bot": False,
            "username": "",
            "url_private": f"{base}/{quote(name)}",
            "url_private_download": f"{base}/download/{quote(name)}",
            "permalink": f"https://followup-test.slack.com/files/{user}/{file_id}/{quote(name)}",
            "is_starred": False,
            "has_rich_preview": False,
        }
        self.member_files[file_id] = MemberFile(info, content, where)
        return dict(info)

    def _bot_sees(self, shared: MemberFile) -> bool:
        """A bot token reads files in its own DMs and the channels it was invited to."""
        in_own_dm = shared.channel == "D" + str(shared.info["user"]).lstrip("U")
        return in_own_dm or shared.channel in self.joined

    # --- reading what happened ----------------------------------------------------------

    def of(self, method: str) -> list[Call]:
        """Every call to `method` (e.g. 'chat.postMessage', or 'hooks' for response URLs)."""
        return [c for c in self.calls if c.method == method]

    def raw(self) -> str:
        """Everything every call sent, as one string (for leak checks)."""
        return "\n".join(json.dumps(c.body) for c in self.calls)

    def hook_url(self, name: str = "commands/T0FOLLOW/1/abc") -> str:
        """A response URL on this fake, issued now (its 30 minutes start on first issue)."""
        self.hooks.setdefault(name, [self.now(), 0])
        return f"{self.base}/hooks/{name}"

    async def push(self, envelope: dict[str, Any]) -> None:
        """Send a Socket Mode envelope to every connected client."""
        for socket in list(self.sockets):
            await socket.send_str(json.dumps(envelope))

    # --- handlers ---------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        """Socket Mode: say hello, then record what the client sends (acks) until it leaves."""
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self.sockets.append(socket)
        await socket.send_str(json.dumps({"type": "hello", "num_connections": 1}))
        try:
            async for message in socket:
                if message.type == web.WSMsgType.TEXT:
                    self.calls.append(Call("socket", json.loads(message.data), None))
        finally:
            self.sockets.remove(socket)
        return socket

    async def _body(self, request: web.Request) -> dict[str, Any]:
        body: dict[str, Any] = dict(request.query)  # slack_sdk sends `params` in the URL
        if request.method == "GET":
            return body
        text = await request.text()
        if request.content_type == "application/json":
            body.update(json.loads(text or "{}"))
        else:
            body.update(parse_qsl(text, keep_blank_values=True))
        return body

    def files_in(self, channel: str) -> dict[str, bytes]:
        """Files uploaded and shared to `channel` (completeUploadExternal), by file name."""
        return {
            self.upload_names[file_id]: self.uploads[file_id]
            for file_id, shared_to in self.shared.items()
            if shared_to == channel and file_id in self.uploads
        }

    async def _upload(self, request: web.Request) -> web.Response:
        """The upload URL getUploadURLExternal handed out: store the raw bytes."""
        file_id = request.match_info["file_id"]
        if file_id not in self.upload_names:
            return web.Response(status=404, text="unknown upload")
        self.uploads[file_id] = await request.read()
        self.calls.append(Call("upload", {"file_id": file_id}, None))
        return web.Response(text=f"OK - {len(self.uploads[file_id])}")

    async def _download(self, request: web.Request) -> web.Response:
        """`url_private(_download)`: the bytes for a Bearer token that may read the file.

        https://docs.slack.dev/reference/objects/file-object/ : these URLs need "an
        Authorization header with a token that has files:read". Without one (or with a
        token that may not), Slack answers 302 Found to the workspace's sign-in page, whose
        HTML a client that follows redirects takes for the file (slackapi/deno-slack-sdk#285).
        """
        token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        file_id = request.match_info["team_file"].rpartition("-")[2]
        shared = self.member_files.get(file_id)
        allowed = (
            token in self.bot_tokens
            and "files:read" in self.granted
            and shared is not None
            and self._bot_sees(shared)
        )
        self.calls.append(Call("download", {"file": file_id, "served": allowed}, token or None))
        if not allowed or shared is None:
            self.refusals.append(("download", "redirect_to_sign_in", [request.path]))
            place = f"{self.base}/?redir={quote(request.path, safe='')}"
            return web.Response(
                status=302,
                text=f'<a href="{place}">Found</a>.',
                content_type="text/html",
                headers={"Location": place},
            )
        return web.Response(body=shared.content, content_type=str(shared.info["mimetype"]))

    async def _sign_in(self, request: web.Request) -> web.Response:
        """The workspace's sign-in page, where a download without a token ends up."""
        page = "<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in</body></html>"
        return web.Response(text=page, content_type="text/html")

    async def _hook(self, request: web.Request) -> web.Response:
        """A post to a response URL, refused as Slack refuses it (HTTP 404 / 400, text)."""
        body = await self._body(request)
        self.calls.append(Call("hooks", body, None))
        refused = self._refuse_hook(request.match_info["tail"], body)
        if refused is not None:
            self.refusals.append(("hooks", str(refused.text), []))
            return refused
        return web.Response(text="ok")

    def _refuse_hook(self, path: str, body: dict[str, Any]) -> web.Response | None:
        issued = self.hooks.get(path)
        # https://docs.slack.dev/interactivity/handling-user-interaction/ : 5 uses within
        # 30 minutes of the interaction. The page names no error body: hooks.slack.com
        # answers a spent or unknown URL with HTTP 404 and a one-word text like these.
        if issued is None:
            return web.Response(status=404, text="no_active_hooks")
        if self.now() - issued[0] > HOOK_SECONDS:
            return web.Response(status=404, text="expired_url")
        if issued[1] >= HOOK_POSTS:
            return web.Response(status=404, text="used_url")
        issued[1] += 1
        # https://docs.slack.dev/messaging/ : the same message payload as chat.postMessage.
        if contract.message_errors(_decoded(body.get("blocks")), body.get("text")):
            return web.Response(status=400, text="invalid_blocks")
        return None

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        body = await self._body(request)
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") or body.get("token")
        self.calls.append(Call(method, body, token))
        queue = self.script.get(method)
        if queue:
            scripted = queue.pop(0)
            headers = {}
            if scripted.retry_after is not None:
                headers["Retry-After"] = str(scripted.retry_after)
            return web.json_response(
                {"ok": False, "error": scripted.error or "fatal_error"},
                status=scripted.status,
                headers=headers,
            )
        refused = self._refuse(method, body, token)
        if refused is not None:
            answer = json.loads(refused.text or "{}")
            reasons = (answer.get("response_metadata") or {}).get("messages") or []
            self.refusals.append((method, str(answer.get("error")), reasons))
            return refused
        if self.chaos is not None:

            async def answer() -> web.StreamResponse:
                return web.json_response(self._answer(method, body))

            return await self.chaos(request, method, answer)
        return web.json_response(self._answer(method, body))

    # --- Slack's rules ------------------------------------------------------------------

    def _refuse(self, method: str, body: dict[str, Any], token: str | None) -> web.Response | None:
        """Slack's answer to a call it refuses, or None when the call is acceptable."""
        try:
            private = str(body.get("channel") or "") in self.private
            needed = contract.needed_scope(method, body, self.granted, private=private)
        except KeyError:  # https://docs.slack.dev/apis/web-api/ : unknown_method
            return _error("unknown_method")
        if method != "oauth.v2.access" and not token:
            return _error("not_authed")  # https://docs.slack.dev/apis/web-api/#errors
        if needed is not None:
            # https://docs.slack.dev/apis/web-api/#errors : missing_scope names the scope
            # `needed` and the scopes `provided`, comma-separated, with HTTP 200.
            return _error("missing_scope", needed=needed, provided=",".join(sorted(self.granted)))
        if method in ("chat.postMessage", "chat.postEphemeral", "chat.update"):
            return self._refuse_message(method, body)
        if method in ("views.open", "views.push", "views.update", "views.publish"):
            return self._refuse_view(method, body)
        if method == "conversations.history":
            return self._refuse_history(str(token))
        if method == "files.info":
            return self._refuse_file_info(body, str(token))
        return None

    def _refuse_file_info(self, body: dict[str, Any], token: str) -> web.Response | None:
        """https://docs.slack.dev/reference/methods/files.info/ : invalid_auth for a token
        the workspace never issued; file_not_found for an unknown file, or one shared where
        the bot cannot see it (a channel it was not invited to)."""
        if token not in self.bot_tokens:
            return _error("invalid_auth")
        shared = self.member_files.get(str(body.get("file") or ""))
        if shared is None or not self._bot_sees(shared):
            return _error("file_not_found")
        return None

    def _refuse_message(self, method: str, body: dict[str, Any]) -> web.Response | None:
        channel = str(body.get("channel") or "")
        # https://docs.slack.dev/reference/methods/chat.postMessage/ : not_in_channel
        # without chat:write.public, for a channel the app was not invited to (DMs and user
        # ids post to the app's DM).
        if (
            method != "chat.update"
            and channel[:1] in ("C", "G")
            and channel not in self.joined
            and not (channel[:1] == "C" and "chat:write.public" in self.granted)
        ):
            return _error("not_in_channel")
        blocks = _decoded(body.get("blocks"))
        text = body.get("text")
        if not text and not blocks:  # chat.postMessage errors: no_text
            return _error("no_text")
        if isinstance(text, str) and len(text) > contract.MAX_MESSAGE_TEXT:
            return _error("msg_too_long")
        errors = contract.message_errors(blocks)
        if errors:
            # https://docs.slack.dev/reference/methods/chat.postMessage/ : invalid_blocks,
            # with the reasons in response_metadata.messages.
            return _error("invalid_blocks", errors=errors, response_metadata={"messages": errors})
        return None

    def _refuse_view(self, method: str, body: dict[str, Any]) -> web.Response | None:
        if method in ("views.open", "views.push"):
            # https://docs.slack.dev/reference/methods/views.open/ : invalid_trigger_id,
            # exchanged_trigger_id, expired_trigger_id.
            issued = self.triggers.get(str(body.get("trigger_id") or ""))
            if issued is None:
                return _error("invalid_trigger_id")
            if issued[1]:
                return _error("exchanged_trigger_id")
            if self.now() - float(issued[0]) > TRIGGER_SECONDS:
                return _error("expired_trigger_id")
            issued[1] = True
        errors = contract.view_errors(_decoded(body.get("view")))
        if errors:
            # https://docs.slack.dev/reference/methods/views.open/ : invalid_arguments, the
            # schema failures listed in response_metadata.messages.
            return _error("invalid_arguments", response_metadata={"messages": errors})
        return None

    def _refuse_history(self, token: str) -> web.Response | None:
        """One conversations.history a minute per workspace token; 429 with Retry-After."""
        last = self.history_at.get(token)
        now = self.now()
        every = HISTORY_EVERY / self.history_per_minute
        if last is not None and now - last < every:
            # https://docs.slack.dev/apis/web-api/rate-limits : HTTP 429, Retry-After in
            # seconds, error "ratelimited".
            wait = math.ceil(every - (now - last))
            return web.json_response(
                {"ok": False, "error": "ratelimited"},
                status=429,
                headers={"Retry-After": str(wait)},
            )
        self.history_at[token] = now
        return None

    def _answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        ok: dict[str, Any] = {"ok": True}
        if method == "auth.test":
            return {
                **ok,
                "url": "https://followup-test.slack.com/",
                "team": "Followup Test",
                "team_id": self.team_id,
                "user": "followup",
                "user_id": BOT_USER,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method == "conversations.open":
            user = str(body.get("users", "U0"))
            return {**ok, "channel": {"id": "D" + user.lstrip("U")}}
        if method == "chat.postMessage":
            self._ts += 1
            metadata = body.get("metadata")
            metadata = json.loads(metadata) if isinstance(metadata, str) else metadata
            message = {"ts": f"1764000000.{self._ts:06d}", "text": body.get("text")}
            if metadata:
                message["metadata"] = metadata
            self.history.setdefault(str(body.get("channel")), []).insert(0, message)
            return {**ok, "channel": body.get("channel"), "ts": message["ts"], "message": message}
        if method == "conversations.history":
            # The newest `limit`, capped at 15 (HISTORY_LIMIT's page) whatever was asked.
            limit = min(int(body.get("limit") or HISTORY_LIMIT), HISTORY_LIMIT)
            messages = self.history.get(str(body.get("channel")), [])
            return {**ok, "messages": messages[:limit], "has_more": len(messages) > limit}
        if method == "conversations.info":
            channel = str(body.get("channel") or "")
            if channel in self.private and channel not in self.joined:
                return {"ok": False, "error": "channel_not_found"}  # invisible to the bot
            return {
                **ok,
                "channel": {
                    "id": channel,
                    "is_private": channel in self.private,
                    "is_member": channel in self.joined,
                },
            }
        if method == "chat.postEphemeral":
            return {**ok, "message_ts": "1764000000.000001"}
        if method in ("views.open", "views.publish", "views.update"):
            view = body.get("view")
            view = json.loads(view) if isinstance(view, str) else view
            return {**ok, "view": {**(view or {}), "id": "V0FOLLOW"}}
        if method == "apps.connections.open":
            return {**ok, "url": f"ws://127.0.0.1:{self.port}/link"}
        if method == "files.getUploadURLExternal":
            file_id = f"F{len(self.upload_names) + 1:07d}"
            self.upload_names[file_id] = str(body.get("filename"))
            return {**ok, "file_id": file_id, "upload_url": f"{self.base}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            files = json.loads(str(body.get("files") or "[]"))
            if any(f.get("id") not in self.uploads for f in files):
                return {"ok": False, "error": "file_not_found"}
            channel = str(body.get("channel_id") or "")
            for f in files:
                self.shared[f["id"]] = channel
            return {
                **ok,
                "files": [
                    {"id": f["id"], "title": f.get("title"), "name": self.upload_names[f["id"]]}
                    for f in files
                ],
            }
        if method == "files.info":
            shared = self.member_files[str(body.get("file"))]
            return {
                **ok,
                "file": dict(shared.info),
                "comments": [],
                "response_metadata": {"next_cursor": ""},
            }
        if method == "users.info":
            user = str(body.get("user", ""))
            tz = self.timezones.get(user, self.default_tz)
            profile = {"id": user, "team_id": self.team_id, "tz": tz}
            if str(body.get("include_locale", "")).casefold() in ("true", "1"):
                profile["locale"] = self.locales.get(user, self.default_locale)
            profile.update(is_admin=user in self.admins, is_owner=user in self.owners)
            return {**ok, "user": profile}
        if method == "oauth.v2.access":
            return {
                **ok,
                "app_id": "A0FOLLOW",
                "authed_user": {"id": "U0INSTALL"},
                "scope": ",".join(sorted(self.granted)),
                "token_type": "bot",
                "access_token": "xoxb-installed-token",
                "bot_user_id": BOT_USER,
                "team": {"id": self.team_id, "name": "Followup Test"},
                "enterprise": None,
                "is_enterprise_install": False,
            }
        return ok


def _decoded(value: Any) -> Any:
    """A body value slack_sdk sent as a JSON string (blocks, view), decoded."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _error(code: str, **extra: Any) -> web.Response:
    """Slack's error answer: HTTP 200 with `ok: false` and the code."""
    return web.json_response({"ok": False, "error": code, **extra})
