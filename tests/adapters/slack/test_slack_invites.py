"""Calendar invites through the real Bolt app: shared in the DM, or on a message's shortcut.

Slack's payloads as documented: a `message` event (`message.im`, subtype `file_share`)
carrying file objects (https://docs.slack.dev/reference/events/message/file_share/), a
`message_action` shortcut whose `message` carries them too, files.info for the truth about a
file, and `url_private_download` read with the bot token. The fake refuses whatever Slack
would, so a download without the token fails these tests. The invites are the core's
fixtures, one per source, and each must log what the core reads from it.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
import yaml
from aiohttp import web
from fakes.slack_api import BOT_USER, FakeSlack
from fakes.slack_contract import MANIFEST, manifest_scopes
from slack_harness import Harness, HarnessFactory, blocks_text
from test_slack_install import OAUTH, install

from adapters.invite_files import NOT_AN_INVITE, UNREADABLE
from adapters.slack.invites import CANNOT_SEE, NEEDS_FILES_READ
from bot.app import Core
from bot.domain.invites import MAX_INVITE_BYTES
from tests.services.test_invites import EXPECTED, FIXTURES, described, interviews

INVITE = (FIXTURES / "google_calendar.ics").read_bytes()


def file_share(fake: FakeSlack, *files: dict[str, Any], user: str = "U0ADA") -> dict[str, Any]:
    """The event_callback for files a member shared in the app's DM (message.im)."""
    now = time.time()
    return {
        "token": "gIkuvaNzQIHg97ATvDxqgjtO",
        "team_id": fake.team_id,
        "api_app_id": "A0FOLLOW",
        "event": {
            "type": "message",
            "subtype": "file_share",
            "text": "",
            "files": list(files),
            "upload": True,
            "user": user,
            "display_as_bot": False,
            "ts": f"{now:.6f}",
            "channel": "D" + user.lstrip("U"),
            "event_ts": f"{now:.6f}",
            "channel_type": "im",
        },
        "type": "event_callback",
        "event_id": f"Ev0SHARE{int(now * 1e6) % 10**8:08d}",
        "event_time": int(now),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": fake.team_id,
                "user_id": BOT_USER,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
    }


def shortcut(slack: Harness, channel: str, *files: dict[str, Any]) -> dict[str, Any]:
    """'Log this interview' on a message in `channel` that carries `files`."""
    return {
        "type": "message_action",
        "callback_id": "followup_log_from_message",
        "trigger_id": slack.fake.trigger(),
        "team": {"id": slack.fake.team_id, "domain": "followup-test"},
        "user": {"id": "U0ADA", "name": "ada", "team_id": slack.fake.team_id},
        "channel": {"id": channel, "name": "job-hunt"},
        "message": {
            "type": "message",
            "user": "U0REC",
            "ts": "1764000000.000100",
            "text": "Here's the invite for Tuesday",
            "files": list(files),
        },
        "response_url": slack.fake.new_hook(),
        "action_ts": "1764000001.000200",
        "message_ts": "1764000000.000100",
        "token": "gIkuvaNzQIHg97ATvDxqgjtO",
    }


async def dm_text(slack: Harness, count: int = 1) -> str:
    """The text of the latest DM the app posted, once `count` have been posted."""
    posts = await slack.wait_for("chat.postMessage", count)
    return blocks_text(posts[-1].body) or str(posts[-1].body.get("text"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
async def test_each_sources_invite_shared_in_the_dm_is_logged_and_answered_there(
    slack: Harness, name: str
) -> None:
    shared = slack.fake.share(name, (FIXTURES / name).read_bytes())
    status, _ = await slack.event(file_share(slack.fake, shared))
    assert status == 200
    answer = await dm_text(slack)
    assert f"Logged #1 {EXPECTED[name].company}" in answer
    assert "From the invite:" in answer
    (interview,) = interviews(slack.core)
    assert described(interview) == EXPECTED[name]
    (opened,) = slack.fake.of("conversations.open")
    assert opened.body["users"] == "U0ADA"  # the answer is a DM to the member


async def test_the_file_is_read_through_files_info_then_with_the_bot_token(
    slack: Harness,
) -> None:
    shared = slack.fake.share("invite.ics", INVITE)
    await slack.event(file_share(slack.fake, shared))
    await dm_text(slack)
    (info,) = slack.fake.of("files.info")
    assert info.body["file"] == shared["id"]
    (download,) = slack.fake.of("download")
    assert download.token == "xoxb-test-token"  # the bot token, as a Bearer header
    assert download.body == {"file": shared["id"], "served": True}


async def test_options_typed_with_the_file_win_and_a_comment_is_only_a_comment(
    slack: Harness,
) -> None:
    shared = slack.fake.share("invite.ics", INVITE)
    typed = file_share(slack.fake, shared)
    # As Slack sends what was typed: the link wrapped, the quotes as they are.
    typed["event"]["text"] = 'role="SRE" job=<https://acme.example/jobs/42>'
    await slack.event(typed)
    assert "Logged #1 Acme · SRE" in await dm_text(slack)
    commented = file_share(slack.fake, slack.fake.share("onsite.ics", INVITE))
    commented["event"]["text"] = "Here's the one for Tuesday &amp; Wednesday!"
    await slack.event(commented)
    assert "#1 Acme already matches that invite" in await dm_text(slack, 2)
    (interview,) = interviews(slack.core)
    assert (interview.role, interview.job_url) == ("SRE", "https://acme.example/jobs/42")


async def test_a_slack_connect_file_known_only_by_id_is_read_through_files_info(
    slack: Harness,
) -> None:
    shared = slack.fake.share("Onsite.ICS", INVITE, mimetype="application/octet-stream")
    partial = {"id": shared["id"], "mode": "file_access", "file_access": "check_file_info"}
    await slack.event(file_share(slack.fake, partial))
    assert "Logged #1 Acme" in await dm_text(slack)


async def test_the_shortcut_on_a_message_with_an_invite_logs_it_and_answers_in_place(
    slack: Harness,
) -> None:
    slack.fake.joined.add("C0JOBHUNT")
    shared = slack.fake.share("invite.ics", INVITE, user="U0REC", channel="C0JOBHUNT")
    status, _ = await slack.interact(shortcut(slack, "C0JOBHUNT", shared))
    assert status == 200
    (hook,) = await slack.wait_for("hooks")
    assert hook.body["response_type"] == "ephemeral"
    assert "Logged #1 Acme" in blocks_text(hook.body)
    assert slack.fake.of("views.open") == slack.fake.of("chat.postMessage") == []
    (interview,) = interviews(slack.core)
    assert described(interview) == EXPECTED["google_calendar.ics"]


async def test_the_same_invite_updated_then_cancelled_moves_then_cancels_the_interview(
    slack: Harness,
) -> None:
    for count, name in enumerate(("google_calendar.ics", "google_update.ics"), start=1):
        shared = slack.fake.share("invite.ics", (FIXTURES / name).read_bytes())
        await slack.event(file_share(slack.fake, shared))
        answer = await dm_text(slack, count)
    assert answer.startswith("Rescheduled #1 Acme from Tue 1 Dec 2026")
    slack.fake.joined.add("C0JOBHUNT")
    cancel = (FIXTURES / "google_cancel.ics").read_bytes()
    shared = slack.fake.share("invite.ics", cancel, user="U0REC", channel="C0JOBHUNT")
    await slack.interact(shortcut(slack, "C0JOBHUNT", shared))
    (hook,) = await slack.wait_for("hooks")
    assert "so I marked #1 Acme" in blocks_text(hook.body)
    (interview,) = interviews(slack.core)
    assert (interview.status, interview.invite_sequence) == ("cancelled", 2)


async def test_the_shortcut_without_an_invite_still_opens_the_form_with_the_text(
    slack: Harness,
) -> None:
    slack.fake.joined.add("C0JOBHUNT")
    photo = slack.fake.share("office.png", b"\x89PNG", mimetype="image/png", channel="C0JOBHUNT")
    await slack.interact(shortcut(slack, "C0JOBHUNT", photo))
    (opened,) = await slack.wait_for("views.open")
    notes = next(b for b in opened.json("view")["blocks"] if b["block_id"] == "notes")
    assert notes["element"]["initial_value"] == "Here's the invite for Tuesday"
    assert slack.fake.of("files.info") == []


@pytest.mark.slack_refuses
async def test_an_invite_in_a_channel_the_app_is_not_in_is_explained_not_fetched(
    slack: Harness,
) -> None:
    shared = slack.fake.share("invite.ics", INVITE, user="U0REC", channel="C0ELSEWHERE")
    await slack.interact(shortcut(slack, "C0ELSEWHERE", shared))
    (hook,) = await slack.wait_for("hooks")
    assert CANNOT_SEE in blocks_text(hook.body)
    assert [r[:2] for r in slack.fake.refusals] == [("files.info", "file_not_found")]
    assert slack.fake.of("download") == []
    assert interviews(slack.core) == []


async def test_a_file_too_big_for_an_invite_is_refused_and_never_downloaded(slack: Harness) -> None:
    export = INVITE + b"X-PADDING:" + b"x" * MAX_INVITE_BYTES + b"\r\n"
    shared = slack.fake.share("calendar.ics", export)
    await slack.event(file_share(slack.fake, shared))
    text = await dm_text(slack)
    assert f"more than the {MAX_INVITE_BYTES // 1024:,} KiB" in text
    assert "rather than a whole calendar export" in text
    assert slack.fake.of("files.info") == slack.fake.of("download") == []
    assert interviews(slack.core) == []


async def test_a_file_that_is_not_an_invite_is_answered_without_fetching_it(slack: Harness) -> None:
    shared = slack.fake.share("resume.pdf", b"%PDF-1.7", mimetype="application/pdf")
    await slack.event(file_share(slack.fake, shared))
    text = await dm_text(slack)
    assert text == NOT_AN_INVITE
    assert slack.fake.of("files.info") == []
    assert interviews(slack.core) == []


@pytest.mark.slack_refuses
async def test_an_install_from_before_files_read_says_to_reinstall(slack: Harness) -> None:
    slack.fake.granted = manifest_scopes() - {"files:read"}
    await slack.event(file_share(slack.fake, slack.fake.share("invite.ics", INVITE)))
    assert await dm_text(slack) == NEEDS_FILES_READ
    assert [r[1] for r in slack.fake.refusals] == ["missing_scope"]
    assert interviews(slack.core) == []


@pytest.mark.slack_refuses
async def test_a_file_deleted_before_its_download_is_a_friendly_retry(slack: Harness) -> None:
    shared = slack.fake.share("invite.ics", INVITE)

    async def deleted_right_after(
        request: web.Request, method: str, answer: Callable[[], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        response = await answer()
        if method == "files.info":
            slack.fake.member_files.pop(shared["id"])
        return response

    slack.fake.chaos = deleted_right_after
    await slack.event(file_share(slack.fake, shared))
    assert await dm_text(slack) == UNREADABLE
    (download,) = slack.fake.of("download")
    assert download.body["served"] is False  # Slack's redirect to sign in, not taken as a file
    assert interviews(slack.core) == []


async def test_other_dm_messages_and_the_apps_own_uploads_are_left_alone(slack: Harness) -> None:
    shared = slack.fake.share("invite.ics", INVITE)
    text_only = file_share(slack.fake)
    text_only["event"].pop("subtype")
    text_only["event"].update(text="thanks!", files=None)
    own = file_share(slack.fake, shared)
    own["event"].update(bot_id="B0FOLLOW", user=BOT_USER)
    from_other_bot = file_share(slack.fake, shared)
    from_other_bot["event"]["bot_id"] = "B0OTHER"
    for payload in (text_only, own, from_other_bot):
        status, _ = await slack.event(payload)
        assert status == 200  # acknowledged, so Slack does not retry it
    await slack.adapter.drain()
    assert [c.method for c in slack.fake.calls if c.method != "auth.test"] == []
    assert interviews(slack.core) == []


@pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")
async def test_an_installed_workspace_downloads_with_its_own_bot_token(
    sqlite_core: Core, make_harness: HarnessFactory
) -> None:
    slack: Harness = await make_harness(sqlite_core, **OAUTH)
    assert (await install(slack)).startswith("200")
    await slack.event(file_share(slack.fake, slack.fake.share("invite.ics", INVITE)))
    assert "Logged #1 Acme" in await dm_text(slack)
    (download,) = slack.fake.of("download")
    assert (download.token, download.body["served"]) == ("xoxb-installed-token", True)


def test_the_manifest_lets_members_share_invites_in_the_dm() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert "files:read" in manifest["oauth_config"]["scopes"]["bot"]
    assert "message.im" in manifest["settings"]["event_subscriptions"]["bot_events"]
    assert manifest["features"]["app_home"]["messages_tab_read_only_enabled"] is False
    by_id = {entry["callback_id"]: entry for entry in manifest["features"]["shortcuts"]}
    assert ".ics" in by_id["followup_log_from_message"]["description"]
