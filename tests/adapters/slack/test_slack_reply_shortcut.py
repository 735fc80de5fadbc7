"""'Read employer's reply', the message shortcut, through the real Bolt app (issue #19).

The shortcut opens the reply form on the message's text; submitted, the core reads it, and
the buttons that confirm the reading arrive by DM (a modal shows none). The email is never
logged, nor kept in the modal's metadata.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from slack_harness import Harness, blocks_text, fill, load

from adapters.slack.app import REPLY_SHORTCUT
from bot.chat import MAX_FORM_TEXT
from bot.commands.reply_pick import PICK, TEXT
from bot.logs import PAYLOAD_LOGGERS

LOG = 'log company="Acme" role="Data Engineer" when="2026-11-20 15:00" with="Jane Doe"'
SECRET = "Zanzibar-47"  # a word only the email holds


def shortcut(slack: Harness, text: str | None = None) -> dict[str, Any]:
    """The shortcut used on the fixture's pasted email (or on a message saying `text`)."""
    payload = load("message_action_reply", slack.fake)
    if text is not None:
        payload["message"]["text"] = text
    return payload


async def opened_view(slack: Harness, payload: dict[str, Any]) -> dict[str, Any]:
    status, body = await slack.interact(payload)
    assert (status, body) == (200, "")
    (opened,) = await slack.wait_for("views.open")
    view: dict[str, Any] = opened.json("view")
    return view


def block(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(b for b in view["blocks"] if b["block_id"] == block_id)
    return found


async def test_the_shortcut_opens_the_reply_form_with_the_email_as_the_member_reads_it(
    slack: Harness,
) -> None:
    await slack.say(LOG)
    payload = shortcut(slack)
    assert payload["callback_id"] == REPLY_SHORTCUT
    view = await opened_view(slack, payload)
    pick = block(view, PICK)["element"]
    assert pick["type"] == "static_select"
    assert pick["initial_option"]["value"] == "#1"  # the only one open
    assert pick["initial_option"]["text"]["text"] == "#1 Acme · Data Engineer"
    text = block(view, TEXT)["element"]
    assert text["multiline"] is True
    prefilled = text["initial_value"]
    assert "Hana Kim\nTalent Partner, Acme\n<hana@acme.com>" in prefilled  # links unwrapped
    assert "> On Fri, Nov 20, Ada wrote:" in prefilled  # quote marks, for the reader
    assert "data platform & its pipelines" in prefilled
    assert json.loads(view["private_metadata"]) == {
        "command": "reply",
        "context": "",
        "channel": "D0ADADM",
    }
    assert slack.fake.refusals == []


async def test_a_member_with_no_interview_is_told_so_where_they_used_it(slack: Harness) -> None:
    await slack.interact(shortcut(slack))
    (answer,) = await slack.wait_for("hooks")
    assert "haven't logged an interview yet" in blocks_text(answer.body)
    assert slack.fake.of("views.open") == []


async def test_a_long_message_fills_the_field_to_its_limit_and_says_so(slack: Harness) -> None:
    await slack.say(LOG)
    email = "Unfortunately we will not proceed.\n" + "x" * (2 * MAX_FORM_TEXT)
    view = await opened_view(slack, shortcut(slack, email))
    text = block(view, TEXT)
    assert text["element"]["initial_value"] == email[:MAX_FORM_TEXT]
    assert "3,000" in text["label"]["text"]
    assert slack.fake.refusals == []


async def test_the_email_is_never_logged_nor_kept_in_the_modal(
    slack: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """At the levels production logs at (bot/logs.py): all of ours, libraries from INFO."""
    caplog.set_level(logging.DEBUG)
    for name in PAYLOAD_LOGGERS:  # they log whole payloads at DEBUG
        caplog.set_level(logging.INFO, logger=name)
    await slack.say(LOG)
    view = await opened_view(slack, shortcut(slack, f"We regret: {SECRET} budget cut."))
    answers = {PICK: "#1", TEXT: f"We regret: {SECRET} budget cut."}
    status, _ = await slack.interact(slack.view_submission(view, fill(view, answers)))
    assert status == 200
    assert SECRET not in view["private_metadata"]
    assert SECRET not in caplog.text


async def test_paste_pick_confirm_by_dm_and_the_interview_is_rejected(slack: Harness) -> None:
    await slack.say(LOG)
    payload = shortcut(slack)
    view = await opened_view(slack, payload)
    email = block(view, TEXT)["element"]["initial_value"]
    answers = {PICK: "#1", TEXT: email}
    status, body = await slack.interact(slack.view_submission(view, fill(view, answers)))
    assert status == 200
    answer = json.loads(body)
    assert answer["response_action"] == "update"
    assert "rejection from Acme (#1)" in blocks_text(answer["view"])
    assert slack.fake.refusals == []
    (dm,) = await slack.wait_for("chat.postMessage")
    buttons = [
        element
        for b in dm.json("blocks")
        if b["type"] == "actions"
        for element in b["elements"]
        if element.get("action_id", "").startswith("followup:reply_ok")
    ]
    press = load("block_actions_dm", slack.fake)
    press["actions"] = [{**buttons[0], "block_id": "b1", "action_ts": "1764000009.000100"}]
    press["message"] = {**press["message"], "blocks": dm.json("blocks")}
    before = len(slack.fake.of("hooks"))
    await slack.interact(press)
    (*_, settled) = await slack.wait_for("hooks", before + 1)  # the DM, its buttons retired
    assert settled.body["replace_original"] is True
    assert "rejected" in await slack.say("show #1")
