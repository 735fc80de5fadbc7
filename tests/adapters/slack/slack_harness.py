"""A harness that drives the real Bolt app over HTTP with signed requests, against FakeSlack.

A module with its own name (not conftest) so test files import it unambiguously.
"""

from __future__ import annotations

import asyncio
import copy
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from fakes import slack_contract as contract
from fakes.slack_api import FakeSlack
from slack_sdk.signature import SignatureVerifier

from adapters.slack import SlackAdapter
from bot.app import Core
from bot.settings import Settings

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "slack"
SECRET = "test-signing-secret"
SLACK_HOOKS = "https://hooks.slack.com/"


def load(name: str, fake: FakeSlack | None = None) -> dict[str, Any]:
    """A payload fixture by name; with a fake, fresh ids from it, as Slack sends each time.

    Slack puts a new response URL and trigger_id in every command and interaction, and
    the strict fake honours only the ones it issued (5 posts per URL, one use per trigger).
    """
    payload = dict(json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8")))
    if fake is not None:
        fresh(payload, fake)
    return payload


def fresh(payload: dict[str, Any], fake: FakeSlack) -> dict[str, Any]:
    """Give a payload a new trigger_id, and a new response URL where it has one."""
    if "trigger_id" in payload:
        payload["trigger_id"] = fake.trigger()
    url = payload.get("response_url")
    if isinstance(url, str) and (url.startswith(SLACK_HOOKS) or url.startswith(fake.base)):
        payload["response_url"] = fake.new_hook()
    return payload


def link_press(message: dict[str, Any], url: str, fake: FakeSlack) -> dict[str, Any]:
    """The block_actions Slack sends when a member opens a URL button in `message`.

    https://docs.slack.dev/reference/block-kit/block-elements/button-element/ : a button
    with a `url` still sends an interaction payload, which the app must acknowledge.
    A button without an action_id gets one Slack makes up; the payload carries no value.
    """
    button = next(
        element
        for block in message.get("blocks") or []
        if block.get("type") == "actions"
        for element in block["elements"]
        if element.get("url") == url
    )
    payload = load("block_actions_dm", fake)
    payload["message"] = {**payload["message"], "blocks": message.get("blocks") or []}
    payload["actions"] = [
        {
            "type": "button",
            "block_id": "Xw1q",
            "action_id": button.get("action_id") or "4M1d",
            "text": button["text"],
            "url": url,
            "action_ts": f"{int(time.time())}.000200",
        }
    ]
    return payload


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

    async def command(self, text: str, *, user: str = "U0ADA") -> tuple[int, str]:
        payload = load("slash_interview", self.fake)  # a new trigger_id and response URL
        payload.update(text=text, user_id=user, user_name=user.lower())
        return await self.post(urlencode(payload), "application/x-www-form-urlencoded")

    async def interact(self, payload: dict[str, Any]) -> tuple[int, str]:
        """Send an interaction; its trigger_id is issued now, as Slack issues it per press.

        A view_submission's answer is checked as Slack checks it (a refused one goes in
        `fake.refusals`): the member would otherwise see "We had some trouble connecting".
        """
        if "trigger_id" in payload:
            payload = {**payload, "trigger_id": self.fake.trigger()}
        undeclared = contract.undeclared_shortcut(payload)
        if undeclared is not None:  # Slack never sends it: the test is wrong, not the app
            raise AssertionError(f"Slack would not send this shortcut: {undeclared}")
        body = urlencode({"payload": json.dumps(payload)})
        status, text = await self.post(body, "application/x-www-form-urlencoded")
        if payload.get("type") == "view_submission" and text:
            problems = submission_answer_errors(json.loads(text), payload.get("view") or {})
            if problems:
                self.fake.refusals.append(("view_submission", "invalid_response", problems))
        return status, text

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


def submission_answer_errors(answer: dict[str, Any], submitted: dict[str, Any]) -> list[str]:
    """What Slack refuses in an answer to a view_submission.

    https://docs.slack.dev/surfaces/modals/ : `response_action` update or push carries a
    view (checked like views.update); `errors` maps block ids of the submitted view's
    input blocks to messages.
    """
    action = answer.get("response_action")
    if action in ("update", "push"):
        return contract.view_errors(answer.get("view"))
    if action == "errors":
        inputs = {b.get("block_id") for b in submitted.get("blocks") or [] if b["type"] == "input"}
        return [
            f"[ERROR] no input block {key!r} [json-pointer:/errors/{key}]"
            for key in answer.get("errors") or {}
            if key not in inputs
        ]
    return []


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
