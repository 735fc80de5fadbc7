"""A loopback fake of the Slack Web API (and response URLs) that records every call.

Start it on 127.0.0.1 port 0, point `AsyncWebClient(base_url=fake.api_url)` at it, then
assert on `fake.calls` (method, body) as bolt-python's own tests count requests per path.
It can be told to answer 429 with Retry-After, an HTTP status, or a Slack error code.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web

TEAM = "T0FOLLOW"
BOT_USER = "UBOT0001"
BOT_ID = "B0FOLLOW"

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
class FakeSlack:
    """The fake server: `await fake.start()`, use `fake.api_url`, then `await fake.stop()`."""

    timezones: dict[str, str] = field(default_factory=dict)
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

    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """The Web API base URL, as `slack_api_url` wants it (trailing slash)."""
        return f"{self.base}/api/"

    async def start(self) -> FakeSlack:
        """Serve on a free loopback port."""
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/hooks/{tail:.*}", self._hook)
        app.router.add_get("/link", self._socket)
        app.router.add_post("/upload/{file_id}", self._upload)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
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

    # --- reading what happened ----------------------------------------------------------

    def of(self, method: str) -> list[Call]:
        """Every call to `method` (e.g. 'chat.postMessage', or 'hooks' for response URLs)."""
        return [c for c in self.calls if c.method == method]

    def raw(self) -> str:
        """Everything every call sent, as one string (for leak checks)."""
        return "\n".join(json.dumps(c.body) for c in self.calls)

    def hook_url(self, name: str = "commands/T0FOLLOW/1/abc") -> str:
        """A response URL on this fake."""
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

    async def _hook(self, request: web.Request) -> web.Response:
        self.calls.append(Call("hooks", await self._body(request), None))
        return web.Response(text="ok")

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
        if self.chaos is not None:

            async def answer() -> web.StreamResponse:
                return web.json_response(self._answer(method, body))

            return await self.chaos(request, method, answer)
        return web.json_response(self._answer(method, body))

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
            limit = int(body.get("limit") or 100)  # Slack returns the newest `limit`
            return {**ok, "messages": self.history.get(str(body.get("channel")), [])[:limit]}
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
        if method == "users.info":
            user = str(body.get("user", ""))
            tz = self.timezones.get(user, self.default_tz)
            profile = {"id": user, "team_id": self.team_id, "tz": tz}
            profile.update(is_admin=user in self.admins, is_owner=user in self.owners)
            return {**ok, "user": profile}
        if method == "oauth.v2.access":
            return {
                **ok,
                "app_id": "A0FOLLOW",
                "authed_user": {"id": "U0INSTALL"},
                "scope": "commands,chat:write,im:write,users:read,files:write",
                "token_type": "bot",
                "access_token": "xoxb-installed-token",
                "bot_user_id": BOT_USER,
                "team": {"id": self.team_id, "name": "Followup Test"},
                "enterprise": None,
                "is_enterprise_install": False,
            }
        return ok
