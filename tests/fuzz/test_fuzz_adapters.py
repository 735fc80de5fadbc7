"""Fuzz each adapter's entry points through the real libraries, against the loopback fakes.

Slack: signed slash commands and `view_submission` payloads go through the real Bolt app
over HTTP; every command must end in an ephemeral message (or a modal) and every submission
in a well-formed ack. Discord: INTERACTION_CREATE payloads (slash commands with any option
values, modal submits) go through the real discord.py client over the fake gateway; every
one must be answered with a message or a modal. Nothing may be logged at ERROR.

Hypothesis drives sync tests; each example runs its coroutines on one event loop that lives
as long as the module, so the fakes and clients start once.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import discord
import pytest
import yarl
from fakes.discord_api import FakeDiscord, text_of
from fakes.slack_api import FakeSlack
from fuzz_strategies import (
    ANY_TEXT,
    DATES,
    FORMS,
    KEYS,
    REGISTRY,
    TIMES,
    as_text,
    command_line,
    examples,
)
from fuzz_support import ErrorTrap, FreshStart
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.discord import DiscordAdapter
from adapters.discord.commands import command_payload
from adapters.slack.blocks import form_view
from bot.app import Core
from bot.commands.dispatch import OOPS
from bot.commands.forms import interview_form, notes_form
from bot.storage.models import Interview

# The Slack harness lives beside the Slack adapter tests; reuse it rather than copy it.
sys.path.append(str(Path(__file__).resolve().parents[1] / "adapters" / "slack"))
from slack_harness import Harness, blocks_text, slack_settings

T = TypeVar("T")
MESSAGE, DEFERRED, MODAL = 4, 5, 9


def fuzz(base: int) -> settings:
    """Hypothesis settings for `base` examples (scaled), no deadline, no example files."""
    return settings(
        max_examples=examples(base),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


class Loop:
    """One event loop for a module's examples."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(asyncio.wait_for(work, 30))


@pytest.fixture(scope="module")
def loop() -> Iterator[Loop]:
    running = Loop()
    try:
        yield running
    finally:
        running.loop.close()


def assert_quiet(trap: ErrorTrap, what: object) -> None:
    errors = trap.take()
    assert not errors, f"{as_text(what)} logged:\n" + "\n".join(errors)


# --- Slack --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def slack(loop: Loop, fuzz_core: Core) -> Iterator[Harness]:
    """The single-workspace Bolt app on the fuzz core, served on loopback."""

    async def start() -> Harness:
        fake = await FakeSlack().start()
        harness = Harness(
            fuzz_core, fake, slack_settings(str(fuzz_core.settings.database_url), fake)
        )
        return await harness.start()

    harness = loop.run(start())
    try:
        yield harness
    finally:
        loop.run(harness.close())
        loop.run(harness.fake.stop())


SLACK_USERS = st.sampled_from(("U0ADA", "U0GRACE", "U0LIN"))


@fuzz(200)
@given(line=command_line(), user=SLACK_USERS)
def test_slack_slash_commands_always_answer_with_a_message(
    *,
    slack: Harness,
    loop: Loop,
    error_trap: ErrorTrap,
    fresh: FreshStart,
    line: tuple[str, str],
    user: str,
) -> None:
    fresh()
    command, rest = line
    text = f"{command} {rest}"
    fake = slack.fake
    before = len(fake.calls)

    async def run() -> tuple[int, str]:
        answer = await slack.command(text, user=user)
        await slack.adapter.drain()
        return answer

    status, body = loop.run(run())
    assert (status, body) == (200, ""), text  # an empty ack within the request
    calls = fake.calls[before:]
    answers = [c for c in calls if c.method in ("hooks", "views.open")]
    assert answers, f"no answer to {text!r}: {[c.method for c in calls]}"
    for call in answers:
        shown = blocks_text(call.json("view") if call.method == "views.open" else call.body)
        assert shown.strip() or str(call.body.get("text") or "").strip(), text
        assert OOPS not in shown, text
    assert_quiet(error_trap, text)


def slack_form_view(command: str, context: str) -> dict[str, Any]:
    """The modal the app would have opened for `command` (log, edit or notes)."""
    zone = ZoneInfo("America/New_York")
    form = (
        notes_form(Interview(number=1, interviewers=[]))
        if command == "notes"
        else interview_form(None, zone)
    )
    form = type(form)(command, form.title, form.fields, context=context)
    return form_view(form, timezone=zone.key, origin={"channel": "C0FOLLOW"})


@st.composite
def slack_state(draw: st.DrawFn, view: dict[str, Any]) -> dict[str, Any]:
    """What Slack sends for the modal's inputs: typed by element, sometimes left empty."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        element = block["element"]
        kind = element["type"]
        empty = draw(st.integers(0, 3)) == 0
        if kind == "datepicker":
            state = {"type": kind, "selected_date": None if empty else draw(DATES)}
        elif kind == "timepicker":
            state = {"type": kind, "selected_time": None if empty else draw(TIMES)}
        elif kind == "static_select":
            choices = [o["value"] for o in element["options"]]
            value = draw(st.one_of(st.sampled_from(choices), ANY_TEXT))
            state = {"type": kind, "selected_option": None if empty else {"value": value}}
        else:
            key = block["block_id"]
            fields = FORMS["notes" if key in FORMS["notes"] else "log"]
            state = {"type": kind, "value": None if empty else draw(fields.get(key, ANY_TEXT))}
        values[block["block_id"]] = {element["action_id"]: state}
    return values


@fuzz(150)
@given(data=st.data(), command=st.sampled_from(("log", "edit", "notes")), ref=st.integers(1, 4))
def test_slack_modal_submissions_always_ack_with_errors_or_a_result(
    *,
    slack: Harness,
    loop: Loop,
    error_trap: ErrorTrap,
    fresh: FreshStart,
    data: st.DataObject,
    command: str,
    ref: int,
) -> None:
    fresh()
    view = slack_form_view(command, "" if command == "log" else f"#{ref}")
    values = data.draw(slack_state(view))
    payload = slack.view_submission(view, values)

    async def run() -> tuple[int, str]:
        answer = await slack.interact(payload)
        await slack.adapter.drain()
        return answer

    status, body = loop.run(run())
    assert status == 200, body
    ack = json.loads(body)
    if ack["response_action"] == "errors":
        keys = {block["block_id"] for block in view["blocks"]}
        assert ack["errors"], values
        assert set(ack["errors"]) <= keys, (ack["errors"], values)
        assert all(isinstance(m, str) and m.strip() for m in ack["errors"].values())
    else:
        assert ack["response_action"] == "update", ack
        shown = blocks_text(ack["view"])
        assert shown.strip(), values
        assert OOPS not in shown, values
    assert_quiet(error_trap, values)


# --- Discord ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def discord_fake(loop: Loop, fuzz_core: Core) -> Iterator[FakeDiscord]:
    """The fake Discord and a connected adapter on the fuzz core."""
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY

    async def start() -> tuple[FakeDiscord, DiscordAdapter]:
        fake = await FakeDiscord().start()
        settings = fuzz_core.settings.model_copy(
            update={
                "discord_token": "test-token",
                "discord_api_url": fake.base_url,
                "discord_gateway_url": fake.gateway_url,
            }
        )
        adapter = DiscordAdapter(fuzz_core, settings, guild_ready_timeout=0.05)
        await adapter.start()
        return fake, adapter

    fake, adapter = loop.run(start())
    try:
        yield fake
    finally:
        loop.run(adapter.close())
        loop.run(fake.stop())
        discord.http.Route.BASE = base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(str(gateway))


SUBCOMMANDS = {
    sub["name"]: [o["name"] for o in sub["options"]]
    for sub in command_payload(REGISTRY.specs)["options"]
}


@st.composite
def slash_options(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    """A subcommand and option values: its own options (any text) and now and then others."""
    name = draw(st.sampled_from(sorted(SUBCOMMANDS)))
    known = SUBCOMMANDS[name]
    chosen = draw(st.lists(st.sampled_from(known), unique=True, max_size=len(known)))
    options = {}
    for option in chosen:
        if option == "text":
            options[option] = draw(command_line())[1]
        else:
            options[option] = draw(st.one_of(ANY_TEXT, st.sampled_from(KEYS)))
    if draw(st.integers(0, 5)) == 0:
        options[draw(st.from_regex(r"[a-z_]{1,10}", fullmatch=True))] = draw(ANY_TEXT)
    return name, options


async def discord_answer(fake: FakeDiscord, payload: dict[str, Any]) -> dict[str, Any]:
    """The interaction's answer: the callback, or the follow-up after a deferral."""
    await fake.interact(payload)
    body: dict[str, Any] = (await fake.callback(payload["id"], timeout=15)).body
    if body.get("type") == DEFERRED:
        (found,) = await fake.wait_for(
            lambda r: r.method == "POST" and "/webhooks/" in r.path and payload["token"] in r.path,
            timeout=15,
        )
        return {"type": MESSAGE, "data": found.body}
    return body


def assert_discord_message(body: dict[str, Any], what: object) -> None:
    kind = body.get("type")
    if kind == MODAL:
        assert body["data"]["components"], what
        return
    assert kind == MESSAGE, (body, what)
    text = text_of(body)
    assert text.strip(), what
    assert OOPS not in text, what


@fuzz(200)
@given(invocation=slash_options())
def test_discord_slash_commands_always_answer_with_a_message(
    *,
    discord_fake: FakeDiscord,
    fresh: FreshStart,
    loop: Loop,
    error_trap: ErrorTrap,
    invocation: tuple[str, dict[str, str]],
) -> None:
    fresh()
    name, options = invocation
    payload = discord_fake.slash(name, **options)
    body = loop.run(discord_answer(discord_fake, payload))
    assert_discord_message(body, invocation)
    assert_quiet(error_trap, invocation)


DISCORD_FORM_IDS = st.one_of(
    st.sampled_from(("fm:log:", "fm:edit:#1", "fm:notes:#1", "fm:edit:#2", "fm:notes:#9")),
    st.builds(lambda c, x: f"fm:{c}:{x}", st.sampled_from(("log", "edit", "notes")), ANY_TEXT),
)


@st.composite
def modal_values(draw: st.DrawFn) -> dict[str, str | list[str]]:
    """A MODAL_SUBMIT's inputs: the forms' keys (and the joined date+time), any values."""
    keys = [*FORMS["log"], *FORMS["notes"], "when_date+when_time"]
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=7))
    values: dict[str, str | list[str]] = {}
    for key in chosen:
        if key == "stage":
            values[key] = draw(st.lists(st.one_of(st.sampled_from(("onsite", "final")), ANY_TEXT)))
        elif key == "when_date+when_time":
            values[key] = f"{draw(DATES)} {draw(TIMES)}"
        else:
            values[key] = draw(FORMS["notes" if key in FORMS["notes"] else "log"][key])
    return values


@fuzz(120)
@given(custom_id=DISCORD_FORM_IDS, values=modal_values())
def test_discord_modal_submits_always_answer_with_a_message(
    *,
    discord_fake: FakeDiscord,
    fresh: FreshStart,
    loop: Loop,
    error_trap: ErrorTrap,
    custom_id: str,
    values: dict[str, str | list[str]],
) -> None:
    fresh()
    payload = discord_fake.submit(custom_id, values)
    body = loop.run(discord_answer(discord_fake, payload))
    assert_discord_message(body, (custom_id, values))
    assert_quiet(error_trap, (custom_id, values))
