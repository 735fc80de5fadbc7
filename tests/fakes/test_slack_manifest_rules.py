"""The manifest's shortcuts pass Slack's manifest schema, and Slack sends only those.

Rules and their sources are in `slack_contract.py` (github.com/slackapi/manifest-schema for
the limits, the shortcuts payload reference for which payload each kind sends).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fakes.slack_contract import (
    MAX_SHORTCUTS,
    manifest,
    shortcut_errors,
    undeclared_shortcut,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "slack"
GOOD = {
    "name": "Read employer's reply",
    "type": "message",
    "callback_id": "followup_reply_from_message",
    "description": "Read the email in this message",
}


def test_the_manifests_shortcuts_are_ones_slack_accepts() -> None:
    shortcuts = manifest()["features"]["shortcuts"]
    assert shortcut_errors(shortcuts) == []
    assert {s["callback_id"] for s in shortcuts} >= {
        "followup_log_from_message",
        "followup_reply_from_message",
    }


@pytest.mark.parametrize(
    ("shortcuts", "pointer"),
    [
        ([{**GOOD, "name": "Log interview from this message"}], "/features/shortcuts/0/name"),
        ([{**GOOD, "description": ""}], "/features/shortcuts/0/description"),
        ([{**GOOD, "type": "channel"}], "/features/shortcuts/0/type"),
        ([{**GOOD, "callback_id": "x" * 256}], "/features/shortcuts/0/callback_id"),
        ([{key: v for key, v in GOOD.items() if key != "description"}], "/features/shortcuts/0"),
        ([GOOD] * (MAX_SHORTCUTS + 1), "/features/shortcuts"),
        ([], "/features/shortcuts"),
    ],
)
def test_a_shortcut_outside_the_schema_is_refused_at_its_field(
    shortcuts: list[dict[str, Any]], pointer: str
) -> None:
    (problem,) = shortcut_errors(shortcuts)
    assert problem.startswith("[ERROR]")
    assert problem.endswith(f"{pointer}]")


@pytest.mark.parametrize(
    ("payload", "sent"),
    [
        ({"type": "message_action", "callback_id": "followup_reply_from_message"}, True),
        ({"type": "message_action", "callback_id": "followup_log_from_message"}, True),
        ({"type": "message_action", "callback_id": "followup_unknown"}, False),
        ({"type": "shortcut", "callback_id": "followup_reply_from_message"}, False),  # global
        ({"type": "block_actions"}, True),  # not a shortcut: another rule's business
    ],
)
def test_slack_sends_only_the_shortcuts_the_manifest_declares(
    payload: dict[str, Any], sent: bool
) -> None:
    assert (undeclared_shortcut(payload) is None) is sent


def test_the_message_shortcut_fixture_has_every_field_slack_documents() -> None:
    """https://api.slack.com/reference/interaction-payloads/shortcuts : a message shortcut
    carries the message, its channel and a response URL, which a global one lacks."""
    payload = json.loads((FIXTURES / "message_action_reply.json").read_text(encoding="utf-8"))
    documented = {"type", "callback_id", "trigger_id", "response_url", "user", "message"}
    assert documented | {"channel", "team", "token", "action_ts", "message_ts"} <= set(payload)
    assert undeclared_shortcut(payload) is None
