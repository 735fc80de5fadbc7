"""Every payload the Slack app sends for a broad corpus passes the strict fake's contract.

The corpus: every command in help (bare and with an example), every draft kind, six
interviewers with names beyond ASCII, 200-character company and role names full of
characters mrkdwn escapes, 60 interviews, the reminder DMs and every button on them, the
App Home tab and the forms. The fake checks each message, view and response-URL post as
Slack would (`tests/fakes/slack_contract.py`); the audit asserts it refused nothing.
"""

from __future__ import annotations

import copy
import json
import logging
from datetime import timedelta
from typing import Any

import pytest
from slack_harness import Harness, fill, load

from bot.chat import CommandRequest, MemberRef
from bot.domain.policy import Kind
from bot.scheduling.clock import ManualClock

ADA = "U0ADA"
SOLO = "U0SOLO"
TEAM = "T0FOLLOW"
# 200 characters each, with what escaping lengthens (& < >) and what it must keep.
COMPANY = ("Ærøsk & Søn <Øresund> Ltd · " * 10)[:200]
ROLE = ("Staff Engineer, Plateforme & Données (Zürich) — " * 5)[:200]
INTERVIEWERS = (
    "Zoë Ångström (Engineering Manager) <zoe@example.com>; José Núñez (CTO); "
    "李小龍 <li@example.com>; Ayşe Yılmaz; Nguyễn Văn An (Recruiter); Ólafur Arnalds"
)
LOG = (
    f'log company="{COMPANY}" role="{ROLE}" when="yesterday 3pm" stage=onsite with="{INTERVIEWERS}"'
)
NOTES = (
    'notes #1 topics="system design; the on-call rotation; Kafka & Flink" '
    'promised="my portfolio" promised_by=friday '
    'about="Zoë Ångström: the migration; 李小龍: testing culture; Ólafur Arnalds: hiring"'
)
MORE_INTERVIEWS = 59


async def log_more(slack: Harness, clock: ManualClock, count: int) -> None:
    """Log interviews straight through the core (the adapter path is covered above)."""
    member = MemberRef("slack", TEAM, ADA)
    for n in range(count):
        request = CommandRequest(
            member=member,
            command="log",
            text=f'company="Company {n} & Partners" role="Role {n}" when="yesterday 10am" '
            f'with="Interviewer {n}; Zoë {n}"',
            received_at=clock.now(),
            group_id=TEAM,
        )
        await slack.core.dispatcher.handle(request)


async def run(slack: Harness, text: str, user: str = ADA) -> None:
    """A slash command, and the work after its ack (a reply, a modal or a DM) done."""
    status, _ = await slack.command(text, user=user)
    assert status == 200
    await slack.adapter.drain()


def as_opened(view: dict[str, Any]) -> dict[str, str | None]:
    """Each input's prefilled value, as a member who submits the form unchanged sends it."""
    answers: dict[str, str | None] = {}
    for block in view["blocks"]:
        element = block["element"]
        answers[block["block_id"]] = (
            element.get("initial_value")
            or element.get("initial_date")
            or element.get("initial_time")
            or (element.get("initial_option") or {}).get("value")
        )
    return answers


def buttons_of(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every interactive element with an action_id (not the link buttons)."""
    return [
        element
        for block in blocks
        if block.get("type") == "actions"
        for element in block["elements"]
        if str(element.get("action_id", "")).startswith("followup:")
    ]


def press(slack: Harness, message: dict[str, Any], element: dict[str, Any]) -> dict[str, Any]:
    """The block_actions Slack sends for a button or an overflow choice on `message`."""
    payload = load("block_actions_dm", slack.fake)
    payload["message"] = {**payload["message"], "blocks": copy.deepcopy(message["blocks"])}
    action: dict[str, Any] = {
        "type": element["type"],
        "block_id": "b1",
        "action_id": element["action_id"],
        "action_ts": "1764000100.000001",
    }
    if element["type"] == "overflow":
        action["selected_option"] = element["options"][0]
    else:
        action.update(text=element["text"], value=element.get("value", ""))
    payload["actions"] = [action]
    return payload


async def test_every_payload_for_a_broad_corpus_passes_slacks_checks(
    slack: Harness, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    slack.fake.admins.add(ADA)
    slack.fake.joined.add("C0JOBHUNT")
    caplog.set_level(logging.WARNING)
    assert "Logged #1" in await slack.say(LOG)
    await run(slack, NOTES)
    for kind in Kind:
        await run(slack, f"draft #1 {kind.value}")
    await run(slack, "draft #1 thank_you Ólafur Arnalds")
    await log_more(slack, clock, MORE_INTERVIEWS)

    for name in slack.core.registry.names():
        if name in ("forget", "delete"):
            continue  # they would end the corpus; their confirmations are asked below
        spec = slack.core.registry.get(name)
        assert spec is not None
        await run(slack, name)
        if spec.example:
            await run(slack, spec.example.removeprefix("/interview ").strip())
        await run(slack, f"{name} #1")
    await run(slack, "admin wins=here tone=formal")
    await run(slack, "admin template thank_you")  # the template form, filled in
    await run(slack, "admin template thank_you preview")
    await run(slack, "delete #60")
    await run(slack, "forget")
    await run(slack, "edit #1")  # the form, filled in with the long names
    edit = slack.fake.of("views.open")[-1].json("view")
    status, body = await slack.interact(slack.view_submission(edit, fill(edit, as_opened(edit))))
    assert status == 200
    assert json.loads(body)["response_action"] == "update"  # checked by the harness

    await slack.event(load("event_app_home_opened"))  # 60 interviews in the Home tab
    await slack.wait_for("views.publish")

    clock.advance(timedelta(hours=2))
    await slack.core.delivery.deliver_due()  # Ada's pile of reminders: one digest DM
    # One interview with one interviewer: a reminder of its own, with every button on it.
    solo = f'log company="{COMPANY}" role="{ROLE}" when="yesterday 3pm" with="Zoë Ångström"'
    await run(slack, solo, SOLO)
    for wait in (timedelta(hours=2), timedelta(days=8), timedelta(days=8)):
        clock.advance(wait)  # the thank-you, then the status checks days later
        await slack.core.delivery.deliver_due()
    dms = [c for c in slack.fake.of("chat.postMessage") if c.json("metadata")]
    presses = 0
    for dm in dms:
        message = {"blocks": dm.json("blocks")}
        for element in buttons_of(message["blocks"]):
            await slack.interact(press(slack, message, element))
            presses += 1
    assert presses >= 3
    await slack.adapter.drain()

    assert slack.fake.refusals == []
    assert len(slack.fake.of("views.open")) >= 2
    assert "failed" not in caplog.text
