"""A harness that drives the real Bolt app over HTTP with signed requests, against FakeSlack.

A module with its own name (not conftest) so test files import it unambiguously.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from fakes.slack_api import FakeSlack
from slack_sdk.signature import SignatureVerifier

from adapters.slack import SlackAdapter
from bot.app import Core
from bot.settings import Settings

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "slack"
SECRET = "test-signing-secret"
SLACK_HOOKS = "https://hooks.slack.com/"
# Slack gives every command and interaction its own trigger_id, so no two requests are
# byte for byte the same (identical ones are replays, and the app ignores them).
_TRIGGERS = itertools.count(1)


def load(name: str, fake: FakeSlack | None = None) -> dict[str, Any]:
    """A payload fixture by name; its response URLs point at the fake."""
    text = (FIXTURES / f"{name}.json").read_text(encoding="utf-8")
    if fake is not None:
        text = text.replace(SLACK_HOOKS, f"{fake.base}/hooks/")
    return dict(json.loads(text))


def signed(body: str, *, secret: str = SECRET, timestamp: int | None = None) -> dict[str, str]:
    """The headers Slack sends: a timestamp and the v0 signature of timestamp and body."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature or ""}


class Harness:
    """The adapter served on a loopback port, a client session, and the fake Web API."""

    def __init__(self, core: Core, fake: FakeSlack, settings: Settings) -> None:
        self.core = core
        self.fake = fake
        self.settings = settings
        self.adapter = SlackAdapter(core, settings)
        self.session = aiohttp.ClientSession()
        self._runner: web.AppRunner | None = None
        self.url = ""
        self.last_trigger_id = ""

    async def start(self) -> Harness:
        self._runner = web.AppRunner(self.adapter.web_app(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        assert site._server is not None
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        await self.adapter.close()

    async def restart(self) -> None:
        """A new process: a fresh adapter (no memory) on the same database."""
        await self.stop()
        self.adapter = SlackAdapter(self.core, self.settings)
        await self.start()

    async def close(self) -> None:
        await self.stop()
        await self.session.close()

    async def post(
        self, body: str, content_type: str, headers: dict[str, str] | None = None
    ) -> tuple[int, str]:
        async with self.session.post(
            f"{self.url}/slack/events",
            data=body.encode(),
            headers={"Content-Type": content_type, **(headers or signed(body))},
        ) as response:
            return response.status, await response.text()

    def _fresh_trigger(self, payload: dict[str, Any]) -> None:
        """A new trigger_id for the request, as Slack gives each one."""
        if "trigger_id" in payload:
            self.last_trigger_id = f"{next(_TRIGGERS)}.{payload['trigger_id']}"
            payload["trigger_id"] = self.last_trigger_id

    async def command(self, text: str, *, user: str = "U0ADA") -> tuple[int, str]:
        payload = load("slash_interview", self.fake)
        payload.update(text=text, user_id=user, user_name=user.lower())
        self._fresh_trigger(payload)
        return await self.post(urlencode(payload), "application/x-www-form-urlencoded")

    async def interact(self, payload: dict[str, Any]) -> tuple[int, str]:
        payload = dict(payload)
        self._fresh_trigger(payload)
        body = urlencode({"payload": json.dumps(payload)})
        return await self.post(body, "application/x-www-form-urlencoded")

    async def event(self, payload: dict[str, Any]) -> tuple[int, str]:
        return await self.post(json.dumps(payload), "application/json")

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Any]:
        """Wait until the fake has seen `count` calls to `method` (work after the ack)."""
        deadline = time.monotonic() + timeout
        while len(self.fake.of(method)) < count:
            if time.monotonic() > deadline:
                seen = [c.method for c in self.fake.calls]
                raise AssertionError(f"expected {count} x {method}; saw {seen}")
            await asyncio.sleep(0.01)
        return self.fake.of(method)

    async def say(self, text: str, *, user: str = "U0ADA") -> str:
        """Run a slash command and return the text of the ephemeral reply it produced."""
        before = len(self.fake.of("hooks"))
        status, _ = await self.command(text, user=user)
        assert status == 200
        hooks = await self.wait_for("hooks", before + 1)
        return blocks_text(hooks[-1].body)

    def view_submission(self, view: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
        """A view_submission payload for a modal the app opened, with the member's input."""
        payload = load("view_submission_log", self.fake)
        submitted = copy.deepcopy(view)
        submitted.update(id="V0FOLLOW", team_id=self.fake.team_id, state={"values": values})
        payload["view"] = submitted
        return payload


async def eventually(check: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait until `check()` holds: events are acknowledged first and handled after."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition never held")
        await asyncio.sleep(0.01)


def blocks_text(body: dict[str, Any]) -> str:
    """All the text a message or view body shows (section text, fields, elements)."""
    blocks = body.get("blocks")
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    parts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                parts.append(node["text"])
            for key, value in node.items():
                if key != "text" or not isinstance(value, str):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(blocks or [])
    return "\n".join(parts)


def fill(view: dict[str, Any], answers: dict[str, str | None]) -> dict[str, Any]:
    """State values for a modal the app opened, answered by block id."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        element = block["element"]
        answer = answers.get(block["block_id"])
        kind = element["type"]
        if kind == "datepicker":
            state = {"type": kind, "selected_date": answer}
        elif kind == "timepicker":
            state = {"type": kind, "selected_time": answer}
        elif kind == "static_select":
            chosen = next((o for o in element["options"] if o["value"] == answer), None)
            state = {"type": kind, "selected_option": chosen}
        else:
            state = {"type": kind, "value": answer}
        values[block["block_id"]] = {element["action_id"]: state}
    return values


def slack_settings(database_url: str, fake: FakeSlack, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "slack_bot_token": "xoxb-test-token",
        "slack_signing_secret": SECRET,
        "slack_api_url": fake.api_url,
        "_env_file": None,
    }
    values.update(overrides)
    return Settings(**values)


HarnessFactory = Callable[..., Any]
