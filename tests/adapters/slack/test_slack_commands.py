"""`/interview` through the real Bolt app: signed requests in, Block Kit out to the fake."""

from __future__ import annotations

import json
import logging
import time

import pytest
from fakes.slack_api import FakeSlack
from slack_harness import Harness, HarnessFactory, blocks_text, signed
from sqlalchemy import func, select

from bot.app import Core
from bot.storage.models import Member

LOG = (
    'log company="Acme" role="Backend Engineer" when="tomorrow 3pm" stage=onsite '
    'with="Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel"'
)


async def test_help_is_acknowledged_then_answered_ephemerally(slack: Harness) -> None:
    status, body = await slack.command("help")
    assert status == 200
    assert body == ""  # an empty ack; the answer follows on the response URL
    (hook,) = await slack.wait_for("hooks")
    assert hook.body["response_type"] == "ephemeral"
    text = blocks_text(hook.body)
    for spec in slack.core.registry.shown:
        assert f"/interview {spec.usage.split()[0]}" in text.replace("&lt;", "<")


async def test_member_zone_comes_from_users_info_once(slack: Harness, sqlite_core: Core) -> None:
    await slack.say(LOG)
    await slack.say("list")
    assert len(slack.fake.of("users.info")) == 1
    shown = await slack.say("show #1")
    assert "EST" in shown  # 3pm in the member's Slack zone, America/New_York


async def test_the_slack_locale_is_the_first_guess_at_the_members_language(
    slack: Harness,
) -> None:
    slack.fake.default_locale = "es-ES"
    shown = await slack.say("settings")
    (asked,) = slack.fake.of("users.info")
    assert str(asked.body.get("include_locale")).casefold() in ("true", "1")
    assert "Idioma*\nespañol (según tu idioma de Slack)" in shown, shown
    logged = await slack.say('log company="Acme" when="mañana 15:00"')
    assert "Registrada: #1 Acme" in logged, logged


SCRIPT = [
    (LOG, "Logged #1 Acme"),
    ("list", "#1 Acme"),
    ("show #1", "Jane Doe (Engineering Manager)"),
    ('edit #1 role="Staff Engineer"', "Updated #1 Acme · Staff Engineer"),
    ('notes #1 topics="system design" jane="the Kafka migration"', "Saved your notes on #1"),
    ("due", "Coming up:"),
    ("check Hi Jane, just checking in!", "thing(s) to look at"),
    ("snooze #1 Jane for=1h", "Snoozed the thank-you to Jane Doe"),
    ("sent #1 Jane", "Marked sent: thank-you to Jane Doe"),
    ("skip #1 Raj", "Skipped: thank-you to Raj Patel"),
    ("pause #1", "Paused reminders for #1"),
    ("resume #1", "are back on"),
    ("outcome #1 next_round", "Recorded: #1 Acme"),
    ("replied #1", "Noted that Acme replied"),
    ("reply #1 Thanks for your note; we will get back to you next week.", "Acme"),  # read
    ("reply_ok #1 acknowledgement", "Noted that Acme replied"),  # what its buttons run
    ("settings quiet_hours=22:00-07:00", "Saved. Your settings:"),
    ("delete #1", "Delete #1 Acme and its reminders?"),
    ("delete #1 confirm", "Deleted #1 Acme"),
    ("export", "sent that to you by DM"),
    ("admin", "Only this group's admins"),  # U0ADA is not a workspace admin
    ("calendar", "FOLLOWUP_PUBLIC_URL"),  # this app has no public URL: no feeds
    ("forget", "deletes everything I store about you"),
    ("forget confirm", "everything about you is deleted"),
    ("frobnicate", "I don't know the command 'frobnicate'"),
]


async def test_every_subcommand_answers_through_slack(slack: Harness) -> None:
    """One member's whole session; every registry command appears in the script."""
    scripted = {line.split()[0] for line, _ in SCRIPT}
    missing = {s.name for s in slack.core.registry.specs} - scripted - {"help", "draft"}
    assert missing == set()
    for line, expected in SCRIPT:
        text = (await slack.say(line)).replace("&lt;", "<").replace("&gt;", ">")
        assert expected in text, (line, text)


async def test_draft_comes_by_dm_with_a_note_in_the_channel(slack: Harness) -> None:
    await slack.say(LOG)
    await slack.say('notes #1 jane="the Kafka migration"')
    answer = await slack.say("draft #1 Jane")
    assert "sent that to you by DM" in answer
    (opened,) = slack.fake.of("conversations.open")
    assert opened.body["users"] == "U0ADA"
    (posted,) = slack.fake.of("chat.postMessage")
    text = blocks_text(posted.body)
    assert "Hi Jane," in text
    assert "```" in text  # the draft body in a copyable block
    assert "the Kafka migration" in text
    blocks = posted.json("blocks")
    urls = [e["url"] for b in blocks if b["type"] == "actions" for e in b["elements"] if "url" in e]
    assert urls
    assert all(len(u) <= 3000 for u in urls)
    assert all(u.startswith("https://") for u in urls)


async def test_the_calendar_address_comes_by_dm_never_in_the_channel(
    core_with_feeds: Core, make_harness: HarnessFactory
) -> None:
    slack = await make_harness(core_with_feeds)
    answer = await slack.say("calendar")
    assert "sent that to you by DM" in answer
    assert "/calendar/" not in answer
    (posted,) = slack.fake.of("chat.postMessage")
    assert "https://followup.example.com/calendar/" in blocks_text(posted.body)


async def test_delete_offers_a_danger_button(slack: Harness) -> None:
    await slack.say(LOG)
    await slack.say("delete #1")
    hook = slack.fake.of("hooks")[-1]
    buttons = [e for b in hook.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons == [
        {
            "type": "button",
            "action_id": "followup:delete",
            "text": {"type": "plain_text", "text": "Delete #1", "emoji": True},
            "value": "#1 confirm",
            "style": "danger",
        }
    ]


async def test_company_names_cannot_ping_a_channel(slack: Harness) -> None:
    await slack.say(
        'log company="<!channel> & Co <https://evil.example|click>" when="tomorrow 3pm"'
    )
    await slack.say("list")
    await slack.say("show #1")
    raw = slack.fake.raw()
    assert "Logged #1" in raw
    assert "<!channel>" not in raw
    assert "<https://evil" not in raw
    assert "&lt;!channel&gt; &amp; Co" in raw


@pytest.mark.parametrize(
    ("secret", "age"),
    [("forged-secret", 0), ("test-signing-secret", 600)],
    ids=["forged", "stale"],
)
async def test_bad_signatures_are_refused(slack: Harness, secret: str, age: int) -> None:
    body = "command=%2Finterview&text=list&team_id=T0FOLLOW&user_id=U0ADA"
    headers = signed(body, secret=secret, timestamp=int(time.time()) - age)
    status, _ = await slack.post(body, "application/x-www-form-urlencoded", headers)
    assert status == 401
    assert slack.fake.of("hooks") == []


async def test_long_replies_stay_within_fifty_blocks(slack: Harness, fake: FakeSlack) -> None:
    for n in range(30):
        await slack.command(f'log company="Co{n}" when="tomorrow {n % 12 + 1}pm"')
    await slack.wait_for("hooks", 30)
    await slack.say("due")
    hook = slack.fake.of("hooks")[-1]
    assert len(hook.body["blocks"]) <= 50
    assert all(len(b["text"]["text"]) <= 3000 for b in hook.body["blocks"] if "text" in b)
    assert json.dumps(hook.body)  # serialisable as sent


@pytest.mark.parametrize("user_id", ["", "None", "u 1", "U" * 40], ids=repr)
async def test_a_command_without_a_usable_user_id_runs_nothing(
    slack: Harness, sqlite_core: Core, caplog: pytest.LogCaptureFixture, user_id: str
) -> None:
    """A missing user once became a member called 'None'."""
    status, _ = await slack.command('log company="Acme" when="tomorrow 3pm"', user=user_id)
    assert status == 200
    await slack.adapter.drain()
    assert slack.fake.of("hooks") == []
    with sqlite_core.deps.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 0
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


async def test_a_command_whose_text_says_payload_is_still_a_command(slack: Harness) -> None:
    """Bolt took any form containing 'payload' for interactivity and lost the command (404)."""
    status, body = await slack.command("check Hi Jane, just checking in on the payload spec!")
    assert (status, body) == (200, "")
    (hook,) = await slack.wait_for("hooks")
    assert "thing(s) to look at" in blocks_text(hook.body)
