"""Block Kit rendering: escaping, Slack's limits, forms as modals, and the app manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fakes.slack_contract import manifest_scopes
from slack_harness import Harness, load

from adapters.slack.app import BOT_SCOPES, COMMAND
from adapters.slack.blocks import (
    escape,
    form_view,
    message_parts,
    parse_action_id,
    reply_blocks,
    submitted_options,
    view_errors,
)
from bot.chat import (
    MAX_FORM_TEXT,
    Action,
    ChannelMention,
    Choice,
    ComposeLink,
    DraftBlock,
    Fields,
    Finding,
    Form,
    FormField,
    Reply,
    Section,
)
from bot.i18n import speaking

MANIFEST = Path(__file__).resolve().parents[3] / "slack-app-manifest.yml"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<!channel> & Co", "&lt;!channel&gt; &amp; Co"),
        ("<https://evil.example|click>", "&lt;https://evil.example|click&gt;"),
        ("<@U123>", "&lt;@U123&gt;"),
        ("&amp;", "&amp;amp;"),
    ],
)
def test_mrkdwn_control_characters_are_escaped(text: str, escaped: str) -> None:
    assert escape(text) == escaped
    (block,) = reply_blocks(Reply.text(text))
    assert block["text"]["text"] == escaped


def test_fields_and_drafts_escape_member_text_and_drop_long_links() -> None:
    draft = DraftBlock(
        title="Thank-you to <!here>",
        to="jane@acme.com",
        subject="Thanks & more",
        body="Hi Jane,\n```\n<!channel>",
        findings=(Finding("warning", "Too <long>", "Cut it."),),
        links=(
            ComposeLink("Open in Gmail", "https://mail.google.com/?" + "a" * 2900),
            ComposeLink("Open in Outlook", "https://outlook.office.com/?" + "b" * 3100),
            ComposeLink("Open in your mail app", "mailto:jane@acme.com"),
        ),
    )
    blocks = reply_blocks(Reply(blocks=[Fields((("<b>", "<!everyone>"),)), draft]))
    raw = json.dumps(blocks)
    assert "<!" not in raw
    assert "<b>" not in raw
    buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert [b["text"]["text"] for b in buttons] == ["Open in Gmail"]
    body = next(b for b in blocks if b.get("text", {}).get("text", "").startswith("```"))
    assert body["text"]["text"].count("```") == 2  # a fence in the body cannot break out
    notes = [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"]]
    assert "• *warning*: Too &lt;long&gt;. Fix: Cut it." in notes


def test_a_huge_reply_stays_within_slacks_limits() -> None:
    reply = Reply(
        blocks=[Section("x" * 10_000)] * 20 + [Fields(tuple(("k", "v") for _ in range(25)))]
    )
    blocks = reply_blocks(reply)
    assert len(blocks) <= 50
    assert all(len(b["text"]["text"]) <= 3000 for b in blocks if "text" in b)
    assert all(len(b.get("fields", [])) <= 10 for b in blocks)


def test_form_round_trip_through_a_modal() -> None:
    form = Form(
        "log",
        "Log an interview with a very long title",
        (
            FormField("company", "Company", required=True, max_length=200, initial="Acme"),
            FormField("notes", "Notes", kind="long_text"),
            FormField("when_date", "Date", kind="date", initial="2026-11-24"),
            FormField("when_time", "Time", kind="time", initial="15:00"),
            FormField(
                "stage",
                "Stage",
                kind="choice",
                choices=(Choice("onsite", "Onsite interview"), Choice("final", "Final round")),
                initial="final",
            ),
        ),
    )
    view = form_view(form, timezone="Europe/Berlin", origin={"channel": "C1"})
    assert len(view["title"]["text"]) <= 24
    assert json.loads(view["private_metadata"]) == {
        "command": "log",
        "context": "",
        "channel": "C1",
    }
    time_element = view["blocks"][3]["element"]
    assert time_element["timezone"] == "Europe/Berlin"
    stage = view["blocks"][4]["element"]
    assert [o["text"]["text"] for o in stage["options"]] == ["Onsite interview", "Final round"]
    assert stage["initial_option"]["value"] == "final"
    values = {
        "company": {"value": {"type": "plain_text_input", "value": "Acme"}},
        "notes": {"value": {"type": "plain_text_input", "value": None}},
        "when_date": {"value": {"type": "datepicker", "selected_date": "2026-11-25"}},
        "when_time": {"value": {"type": "timepicker", "selected_time": "09:30"}},
        "stage": {"value": {"type": "static_select", "selected_option": {"value": "onsite"}}},
    }
    assert submitted_options({"state": {"values": values}}) == {
        "company": "Acme",
        "notes": "",
        "when_date": "2026-11-25",
        "when_time": "09:30",
        "stage": "onsite",
    }
    assert view_errors({"when": "Bad date", "nope": "x"}, ["company", "when_date"]) == {
        "when_date": "Bad date",
        "company": "x",
    }


def test_a_german_reminders_snooze_overflow_is_named_in_german() -> None:
    """An overflow shows only "⋯": each item names its menu, in the reply's language."""
    reply = Reply(
        blocks=[Section("Zeit für deine Dankesnachricht an Acme.")],
        actions=[
            Action("snooze", "In einer Stunde", "#1 thank_you for=1h"),
            Action("snooze", "Morgen früh", "#1 thank_you for=tomorrow"),
        ],
        language="de",
    )
    _text, blocks = message_parts(reply)
    (overflow,) = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert overflow["type"] == "overflow"
    items = [o["text"]["text"] for o in overflow["options"]]
    assert items == ["Später erinnern: In einer Stunde", "Später erinnern: Morgen früh"]
    reply.language = "en"
    _text, blocks = message_parts(reply)
    assert blocks[-1]["elements"][0]["options"][0]["text"]["text"] == "Snooze: In einer Stunde"


def test_fixture_payloads_parse() -> None:
    assert submitted_options(load("view_submission_log")["view"])["when_time"] == "15:00"
    assert parse_action_id(load("block_actions_dm")["actions"][0]["action_id"]) == "sent"
    assert parse_action_id("followup:snooze:2") == "snooze"


def test_manifest_matches_what_the_app_listens_for() -> None:
    text = MANIFEST.read_text(encoding="utf-8")
    assert f"- command: {COMMAND}" in text
    assert manifest_scopes() == frozenset(BOT_SCOPES)  # what install asks for is granted
    for event in ("app_home_opened", "app_uninstalled", "tokens_revoked"):
        assert f"- {event}" in text
    assert "callback_id: followup_log_from_message" in text
    assert "home_tab_enabled: true" in text
    assert text.count("/slack/events") == 3
    assert "/slack/oauth_redirect" in text
    assert "token_rotation_enabled: false" in text


async def test_message_shortcut_opens_the_log_form_with_the_message(slack: Harness) -> None:
    payload = {
        "type": "message_action",
        "callback_id": "followup_log_from_message",
        "trigger_id": "1.2.3",
        "team": {"id": "T0FOLLOW", "domain": "followup-test"},
        "user": {"id": "U0ADA", "name": "ada", "team_id": "T0FOLLOW"},
        "channel": {"id": "C0JOBHUNT", "name": "job-hunt"},
        "message": {"type": "message", "user": "U0REC", "ts": "1.1", "text": "Onsite <b> Tue"},
        "response_url": slack.fake.hook_url("app/1"),
        "action_ts": "1.2",
        "message_ts": "1.1",
        "token": "x",
    }
    status, _ = await slack.interact(payload)
    assert status == 200
    (opened,) = await slack.wait_for("views.open")
    view = opened.json("view")
    notes = next(b for b in view["blocks"] if b["block_id"] == "notes")
    assert notes["element"]["initial_value"] == "Onsite <b> Tue"  # plain text input: literal


def test_our_channel_mention_renders_while_typed_text_stays_escaped() -> None:
    reply = Reply(
        blocks=[
            Fields(
                (
                    ("Wins channel", ChannelMention.of("C0JOBHUNT")),
                    ("Company", "<#C0JOBHUNT>"),  # typed by a member: text, not a link
                )
            )
        ]
    )
    (block,) = reply_blocks(reply)
    wins, company = (field["text"] for field in block["fields"])
    assert wins == "*Wins channel*\n<#C0JOBHUNT>"
    assert company == "*Company*\n&lt;#C0JOBHUNT&gt;"


def test_a_text_input_holds_its_whole_prefill_up_to_slacks_limit() -> None:
    """Slack's plain_text_input: max_length and initial_value at most 3,000, never cut."""
    long = "x" * MAX_FORM_TEXT
    form = Form(
        "notes",
        "Notes",
        (
            FormField("about", "About", kind="long_text", initial=long),
            FormField("promised", "Promised", max_length=1000, initial="my portfolio"),
        ),
    )
    about, promised = (b["element"] for b in form_view(form, timezone=None, origin={})["blocks"])
    assert about["initial_value"] == long
    assert about["max_length"] == MAX_FORM_TEXT
    assert promised["max_length"] == 1000


async def test_a_notes_form_too_long_for_slack_is_not_opened_and_says_why(
    slack: Harness,
) -> None:
    people = "; ".join(f"Person{n} Doe" for n in range(4))
    await slack.say(f'log company="Acme" when="tomorrow 3pm" with="{people}"')
    for n in range(4):
        await slack.say(f'notes #1 person{n}="{"k" * 990}"')
    answer = await slack.say("notes #1")
    assert slack.fake.of("views.open") == []
    assert "more than the 3,000 a form can hold" in answer


def test_a_french_reply_spaces_its_colons_and_names_finding_levels_in_french() -> None:
    """Overflow options and findings join label and value as French does: 'label\u00a0: value'."""
    draft = DraftBlock(
        "Merci", None, "Merci", "Bonjour", findings=(Finding("warning", "Trop", "Coupez."),)
    )
    snooze = [Action("snooze", "Dans 1 jour", "#1 1d"), Action("snooze", "Dans 3 jours", "#1 3d")]
    with speaking("fr"):
        blocks = reply_blocks(Reply(blocks=[draft], actions=snooze, language="fr"))
    notes = [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"]]
    assert "• *avertissement*\u00a0: Trop. Correction\u00a0: Coupez." in notes
    menu = next(e for b in blocks if b["type"] == "actions" for e in b["elements"])
    assert [o["text"]["text"] for o in menu["options"]] == [
        "Rappeler plus tard\u00a0: Dans 1 jour",
        "Rappeler plus tard\u00a0: Dans 3 jours",
    ]
