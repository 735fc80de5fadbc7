"""Modals, buttons and App Home through the real Bolt app, and the whole loop end to end."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from typing import Any

import pytest
from slack_harness import Harness, HarnessFactory, blocks_text, fill, link_press, load

from bot.app import Core
from bot.scheduling.clock import ManualClock

ANSWERS: dict[str, str | None] = {
    "company": "Acme",
    "role": "Backend Engineer",
    "when_date": "2026-11-24",
    "when_time": "15:00",
    "stage": "onsite",
    "with": "Jane Doe (Engineering Manager) <jane@acme.com>",
    "decision": None,
}


async def open_form(slack: Harness, text: str = "log") -> dict[str, Any]:
    before = len(slack.fake.of("views.open"))
    status, body = await slack.command(text)
    assert (status, body) == (200, "")
    opened = await slack.wait_for("views.open", before + 1)
    trigger_id = opened[-1].body["trigger_id"]
    assert slack.fake.triggers[trigger_id][1], "the command's own trigger_id, exchanged once"
    view: dict[str, Any] = opened[-1].json("view")
    return view


async def submit(slack: Harness, view: dict[str, Any], answers: dict[str, str | None]) -> Any:
    status, body = await slack.interact(slack.view_submission(view, fill(view, answers)))
    assert status == 200
    return json.loads(body) if body else None


async def test_log_with_no_text_opens_a_modal_in_the_members_zone(slack: Harness) -> None:
    view = await open_form(slack)
    assert view["type"] == "modal"
    assert json.loads(view["private_metadata"])["command"] == "log"
    elements = {b["block_id"]: b["element"] for b in view["blocks"]}
    assert elements["company"]["type"] == "plain_text_input"
    assert elements["with"]["multiline"] is True
    assert elements["when_date"]["type"] == "datepicker"
    assert elements["when_time"] == {
        "type": "timepicker",
        "action_id": "value",
        "timezone": "America/New_York",
    }
    assert elements["stage"]["type"] == "static_select"
    assert elements["stage"]["initial_option"]["value"] == "phone_screen"
    required = [b["block_id"] for b in view["blocks"] if not b["optional"]]
    assert required == ["company"]
    assert slack.fake.of("hooks") == []  # the modal is the answer


async def test_submitted_modal_logs_and_shows_the_result(slack: Harness) -> None:
    view = await open_form(slack)
    answer = await submit(slack, view, ANSWERS)
    assert answer["response_action"] == "update"
    shown = blocks_text(answer["view"])
    assert "Logged #1 Acme · Backend Engineer · onsite interview" in shown
    assert "Tue 24 Nov 2026, 15:00-16:00 EST" in shown  # start to end
    assert "#1 Acme" in await slack.say("list")


async def test_modal_errors_appear_on_their_fields_and_save_nothing(slack: Harness) -> None:
    view = await open_form(slack)
    answer = await submit(slack, view, {**ANSWERS, "company": None})
    assert answer["response_action"] == "errors"
    assert list(answer["errors"]) == ["company"]
    answer = await submit(slack, view, {**ANSWERS, "with": "Jane <jane@acme>"})
    assert list(answer["errors"]) == ["with"]
    assert "haven't logged any interviews" in await slack.say("list")


async def test_edit_opens_the_same_modal_filled_in(slack: Harness) -> None:
    await submit(slack, await open_form(slack), ANSWERS)
    view = await open_form(slack, "edit #1")
    assert json.loads(view["private_metadata"])["context"] == "#1"
    elements = {b["block_id"]: b["element"] for b in view["blocks"]}
    assert elements["company"]["initial_value"] == "Acme"
    assert elements["when_date"]["initial_date"] == "2026-11-24"
    assert elements["when_time"]["initial_time"] == "15:00"
    assert elements["stage"]["initial_option"]["value"] == "onsite"
    answer = await submit(slack, view, {**ANSWERS, "role": "Staff Engineer"})
    assert "Updated #1 Acme · Staff Engineer" in blocks_text(answer["view"])


async def test_app_home_shows_the_pipeline_with_buttons(slack: Harness) -> None:
    await slack.say('log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    status, _ = await slack.event(load("event_app_home_opened"))
    assert status == 200
    (published,) = await slack.wait_for("views.publish")
    assert published.body["user_id"] == "U0ADA"
    view = published.json("view")
    assert view["type"] == "home"
    text = blocks_text(view)
    assert "#1 Acme" in text
    assert "thank-you to Jane Doe" in text
    ids = [
        e.get("action_id") for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert "followup:log" in ids
    assert "followup:settings" in ids


async def test_log_button_in_app_home_opens_the_modal(slack: Harness) -> None:
    status, _ = await slack.interact(load("block_actions_home", slack.fake))
    assert status == 200
    (opened,) = await slack.wait_for("views.open")
    assert opened.json("view")["callback_id"] == "followup_form"


async def test_end_to_end_modal_reminder_button_after_restart(
    core: Core, clock: ManualClock, make_harness: HarnessFactory
) -> None:
    """Log through the modal, the reminder DM arrives with buttons, mark sent stops the next."""
    slack: Harness = await make_harness(core)
    answer = await submit(slack, await open_form(slack), ANSWERS)
    assert "Logged #1 Acme" in blocks_text(answer["view"])

    clock.advance(timedelta(hours=32))  # 17:00 in New York on the interview day
    report = await core.delivery.deliver_due()
    assert report.delivered == 1
    (dm,) = slack.fake.of("chat.postMessage")
    assert "Time to send your thank-you" in blocks_text(dm.body)
    assert dm.json("metadata")["event_type"] == "followup_reminder"
    buttons = {
        e["action_id"]: e
        for b in dm.json("blocks")
        if b["type"] == "actions"
        for e in b["elements"]
        if "action_id" in e
    }
    assert {"followup:sent", "followup:snooze", "followup:skip"} <= set(buttons)

    await slack.restart()  # no memory of the message survives; the button carries the command
    press = load("block_actions_dm", slack.fake)
    press["actions"][0]["value"] = buttons["followup:sent"]["value"]
    press["message"]["blocks"] = dm.json("blocks")  # Slack sends the pressed message back
    status, _ = await slack.interact(press)
    assert status == 200
    (hook,) = await slack.wait_for("hooks")
    # The reminder itself now says what was done, and its buttons are gone.
    assert hook.body["replace_original"] is True
    assert "Time to send your thank-you" in blocks_text(hook.body)
    assert "Marked sent: thank-you to Jane Doe" in blocks_text(hook.body)
    assert not [b for b in hook.body["blocks"] if b["type"] == "actions"]

    clock.advance(timedelta(days=3))
    await core.delivery.deliver_due()
    assert len(slack.fake.of("chat.postMessage")) == 1  # no last call, nothing more


async def test_a_button_acts_only_for_whoever_presses_it(slack: Harness) -> None:
    await slack.say('log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    press = load("block_actions_dm", slack.fake)
    press["user"] = {**press["user"], "id": "U0BOB", "username": "bob"}
    await slack.interact(press)
    hooks = await slack.wait_for("hooks", 2)
    assert "You have no interview #1" in blocks_text(hooks[-1].body)
    assert hooks[-1].body["replace_original"] is False  # a refusal leaves the buttons be
    assert "thank-you to Jane Doe" in await slack.say("due")


async def test_snooze_menu_in_a_dm_snoozes_the_follow_up(slack: Harness) -> None:
    await slack.say('log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    press = load("block_actions_dm", slack.fake)
    press["actions"] = [
        {
            "type": "overflow",
            "block_id": "b1",
            "action_id": "followup:snooze",
            "selected_option": {
                "text": {"type": "plain_text", "text": "Snooze: In 3 days"},
                "value": '#1 thank_you "Jane Doe" for=3d',
            },
            "action_ts": "1764000100.000003",
        }
    ]
    status, _ = await slack.interact(press)
    assert status == 200
    hooks = await slack.wait_for("hooks", 2)
    assert "Snoozed the thank-you to Jane Doe (#1) until" in blocks_text(hooks[-1].body)


async def test_confirming_a_delete_replaces_the_ephemeral_question(slack: Harness) -> None:
    await slack.say('log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    question = await slack.say("delete #1")
    assert "Delete #1 Acme" in question
    press = load("block_actions_dm", slack.fake)
    press["container"] = {
        "type": "message",
        "message_ts": "1764000000.000009",
        "is_ephemeral": True,
    }
    del press["message"]  # Slack does not send an ephemeral message back
    press["actions"][0].update(action_id="followup:delete", value="#1 confirm", style="danger")
    before = len(slack.fake.of("hooks"))
    status, _ = await slack.interact(press)
    assert status == 200
    hook = (await slack.wait_for("hooks", before + 1))[-1]
    assert hook.body["replace_original"] is True
    assert "Deleted #1 Acme" in blocks_text(hook.body)
    assert [b["type"] for b in hook.body["blocks"]] == ["section"]  # no buttons, no divider
    assert "haven't logged any" in await slack.say("list")


@pytest.mark.parametrize("client", ["Open in Gmail", "Open in Outlook"])
async def test_opening_a_draft_in_a_mail_client_is_acknowledged(
    slack: Harness, client: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Slack sends block_actions for URL buttons too: unanswered, the member sees an error."""
    await slack.say('log company="Acme" when="yesterday 3pm" with="Jane Doe <jane@acme.com>"')
    await slack.say("draft #1 thank_you")  # drafts go by DM
    (posted,) = slack.fake.of("chat.postMessage")
    message = {"blocks": posted.json("blocks")}
    (url,) = [
        e["url"]
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["text"]["text"] == client
    ]
    before = len(slack.fake.calls)
    status, body = await slack.interact(link_press(message, url, slack.fake))
    await slack.adapter.drain()
    assert (status, body) == (200, "")
    assert slack.fake.calls[before:] == []  # nothing to do: the link opened in the browser
    assert "Unhandled request" not in caplog.text


async def test_app_home_buttons_without_a_value_leave_it_out(slack: Harness) -> None:
    """Block Kit refuses `"value": ""`: Slack would not publish the Home tab at all."""
    await slack.event(load("event_app_home_opened"))
    (published,) = await slack.wait_for("views.publish")
    await slack.adapter.drain()
    buttons = [
        e for b in published.json("view")["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert buttons
    assert all(e.get("value", "x") != "" for e in buttons)
    assert slack.fake.refusals == []  # Slack published it


ODD_USERS = [None, {}, {"id": 7}, {"id": ""}, {"name": "ada"}, "U0ADA"]


@pytest.mark.parametrize("user", ODD_USERS, ids=repr)
async def test_a_submission_without_a_usable_user_is_acknowledged_and_saves_nothing(
    slack: Harness, caplog: pytest.LogCaptureFixture, user: Any
) -> None:
    view = await open_form(slack)
    payload = slack.view_submission(view, fill(view, ANSWERS))
    payload["user"] = user
    status, _ = await slack.interact(payload)
    assert status in (200, 400)  # a user Bolt itself cannot read is refused, never a 500
    assert "haven't logged any interviews" in await slack.say("list")
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


@pytest.mark.parametrize("user", ODD_USERS, ids=repr)
async def test_a_button_press_without_a_usable_user_does_nothing(
    slack: Harness, caplog: pytest.LogCaptureFixture, user: Any
) -> None:
    await slack.say('log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    press = load("block_actions_dm", slack.fake)
    press["user"] = user
    status, _ = await slack.interact(press)
    assert status in (200, 400)
    await slack.adapter.drain()
    assert len(slack.fake.of("hooks")) == 1  # only the log's own reply
    assert "thank-you to Jane Doe" in await slack.say("due")
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


ODD_VIEWS: dict[str, dict[str, Any]] = {
    "state is text": {"state": "x"},
    "values is a list": {"state": {"values": []}},
    "a block's state is text": {"state": {"values": {"company": "Acme"}}},
    "an element's state is a list": {"state": {"values": {"company": {"value": []}}}},
    "blocks are text": {"blocks": ["x"]},
    "title is text": {"title": "Log"},
    "metadata is not ours": {"private_metadata": "{not json"},
    "metadata is a list": {"private_metadata": "[1]"},
}


@pytest.mark.parametrize("case", list(ODD_VIEWS), ids=list(ODD_VIEWS))
async def test_a_signed_submission_of_an_odd_shape_is_refused_or_ignored_never_a_500(
    slack: Harness, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    view = await open_form(slack)
    payload = slack.view_submission(view, fill(view, ANSWERS))
    payload["view"].update(ODD_VIEWS[case])
    status, _ = await slack.interact(payload)
    assert status in (200, 400)
    assert "haven't logged any interviews" in await slack.say("list")
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
