"""`/interview admin` on Slack: admin status from users.info, and the weekly wins post."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest
from slack_harness import Harness, blocks_text, fill

from bot.scheduling.clock import ManualClock
from bot.scheduling.group_jobs import GroupJobs

BOSS = "U0BOSS"
CHANNEL = "C0JOBHUNT"  # where slash_interview.json's commands are typed


async def test_a_workspace_admin_sees_and_changes_the_group_settings(slack: Harness) -> None:
    slack.fake.admins.add(BOSS)
    shown = await slack.say("admin", user=BOSS)
    assert "Your group's settings:" in shown
    saved = await slack.say("admin tone=formal retention=90d", user=BOSS)
    assert "Saved." in saved
    assert "90 days" in saved


async def test_a_workspace_owner_is_an_admin_too(slack: Harness) -> None:
    slack.fake.owners.add(BOSS)
    assert "Your group's settings:" in await slack.say("admin", user=BOSS)


async def test_a_member_is_refused(slack: Harness) -> None:
    reply = await slack.say("admin tone=formal")
    assert "Only this group's admins" in reply
    assert "workspace admin or owner" in reply


async def test_admin_status_is_asked_only_for_admin_commands_and_cached(slack: Harness) -> None:
    slack.fake.admins.add(BOSS)
    await slack.say("list", user=BOSS)
    asked = len(slack.fake.of("users.info"))  # the member's time zone, once
    await slack.say("admin", user=BOSS)
    assert len(slack.fake.of("users.info")) == asked + 1
    await slack.say("admin tone=formal", user=BOSS)
    assert len(slack.fake.of("users.info")) == asked + 1  # cached for a few minutes


async def test_the_weekly_wins_post_reaches_the_channel_once(
    slack: Harness, clock: ManualClock
) -> None:
    slack.fake.admins.add(BOSS)
    slack.fake.joined.add(CHANNEL)  # the app was invited there
    saved = await slack.say("admin wins=here", user=BOSS)
    assert CHANNEL in saved
    assert "I can post here." in saved
    for n in range(5):
        await slack.say('log company="Secretco" when="yesterday 3pm"', user=f"U0M{n}")
    clock.advance(timedelta(days=7))
    jobs = GroupJobs(slack.core.groups, slack.core.delivery.messengers)
    assert await jobs.post_wins() == 1
    assert await jobs.post_wins() == 0
    (post,) = [c for c in slack.fake.of("chat.postMessage") if c.body.get("channel") == CHANNEL]
    text = blocks_text(post.body)
    assert "Interviews logged" in text
    assert "Members contributing" in text
    for private in ("Secretco", "U0M0", "U0M1", BOSS):
        assert private not in str(post.body)


async def test_wins_here_in_a_channel_the_app_is_not_in_says_how_to_invite_it(
    slack: Harness,
) -> None:
    """Slack would answer the Monday post with not_in_channel: say so while the admin is here."""
    slack.fake.admins.add(BOSS)
    saved = await slack.say("admin wins=here", user=BOSS)
    assert "Saved." in saved
    assert "I'm not in this channel yet" in saved
    assert "/invite @Followup" in saved
    assert "admin wins=here again" in saved
    slack.fake.joined.add(CHANNEL)
    assert "I can post here." in await slack.say("admin wins=here", user=BOSS)


async def test_wins_here_in_a_private_channel_the_app_cannot_see_says_how_to_invite_it(
    slack: Harness,
) -> None:
    slack.fake.admins.add(BOSS)
    slack.fake.private.add(CHANNEL)
    assert "/invite @Followup" in await slack.say("admin wins=here", user=BOSS)


@pytest.mark.slack_refuses
async def test_a_channel_the_app_is_not_in_is_logged_by_id_not_retried(
    slack: Harness, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    """The app was removed from the channel after wins=here: Slack says not_in_channel."""
    slack.fake.admins.add(BOSS)
    slack.fake.joined.add(CHANNEL)
    await slack.say("admin wins=here", user=BOSS)
    slack.fake.joined.discard(CHANNEL)
    for n in range(5):
        await slack.say('log company="Secretco" when="yesterday 3pm"', user=f"U0M{n}")
    clock.advance(timedelta(days=7))
    jobs = GroupJobs(slack.core.groups, slack.core.delivery.messengers)
    with caplog.at_level(logging.INFO):
        assert await jobs.post_wins() == 0
        assert await jobs.post_wins() == 0  # permanent for this week: no retry storm
    assert [r for r in slack.fake.refusals if r[1] == "not_in_channel"] == [
        ("chat.postMessage", "not_in_channel", [])
    ]
    assert "not_in_channel" in caplog.text
    assert "Secretco" not in caplog.text


async def test_an_admin_submits_a_group_template_through_the_form(slack: Harness) -> None:
    """A form submission is an admin command too: it must carry the admin flag."""
    slack.fake.admins.add("U0ADA")  # the member the view_submission fixture comes from
    before = len(slack.fake.of("views.open"))
    await slack.command("admin template thank_you")
    view = (await slack.wait_for("views.open", before + 1))[-1].json("view")
    attack = "Subject: x\n\n{{ ''.__class__ }}"
    status, body = await slack.interact(
        slack.view_submission(view, fill(view, {"template": attack}))
    )
    assert status == 200
    answer = json.loads(body)
    assert answer["response_action"] == "errors"
    assert "'__class__' can't be used" in str(answer["errors"])


async def test_the_wins_channel_shows_as_a_channel_link_not_escaped_text(slack: Harness) -> None:
    slack.fake.admins.add(BOSS)
    await slack.say("admin wins=here", user=BOSS)
    shown = await slack.say("admin", user=BOSS)
    assert f"<#{CHANNEL}>" in shown
    assert "&lt;#" not in shown
