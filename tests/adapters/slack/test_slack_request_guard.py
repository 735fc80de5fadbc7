"""The HTTP guard in front of Bolt: signatures on raw bytes, unreadable bodies, replays, logs."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from typing import Any
from urllib.parse import urlencode

import pytest
from slack_harness import SECRET, Harness, fill, load, signed

from bot.app import Core

FORM = "application/x-www-form-urlencoded"
SECRET_TEXT = "MEMBER-SECRET-Kafka"  # what a member typed: it must never reach a log line


def _signed_bytes(raw: bytes, *, timestamp: int | None = None) -> dict[str, str]:
    """Headers for a body that need not be UTF-8 (SignatureVerifier only signs text)."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(SECRET.encode(), b"v0:" + stamp.encode() + b":" + raw, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": "v0=" + digest.hexdigest()}


async def _post_raw(
    slack: Harness, raw: bytes, content_type: str, headers: dict[str, str]
) -> tuple[int, str]:
    async with slack.session.post(
        f"{slack.url}/slack/events",
        data=raw,
        headers={"Content-Type": content_type, **headers},
    ) as response:
        return response.status, await response.text()


def _command_body(slack: Harness, text: str) -> str:
    payload = load("slash_interview", slack.fake)
    payload.update(text=text)
    return urlencode(payload)


def _assert_quiet(caplog: pytest.LogCaptureFixture, *secrets: str) -> None:
    """No traceback, nothing at ERROR, and none of `secrets` in any record."""
    for record in caplog.records:
        assert record.exc_info is None, record.getMessage()
        assert record.levelno < logging.ERROR, record.getMessage()
        line = record.getMessage()
        for secret in secrets:
            assert secret not in line, line


GARBAGE = {
    "no signature": (b"token=x&text=hi", FORM, {}),
    "non-numeric timestamp": (
        b"text=hi",
        FORM,
        {"X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": "v0=" + "0" * 64},
    ),
    "non-ASCII signature": (
        b"text=hi",
        FORM,
        {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=é" * 8},
    ),
    "huge timestamp": (
        b"text=hi",
        FORM,
        {"X-Slack-Request-Timestamp": "9" * 40, "X-Slack-Signature": "v0=" + "0" * 64},
    ),
    "non-UTF-8 body": (b"\xff\xfe payload=\xc3", FORM, {"X-Slack-Signature": "v0=" + "1" * 64}),
}


@pytest.mark.parametrize("case", list(GARBAGE), ids=list(GARBAGE))
async def test_unauthenticated_garbage_gets_401_without_a_traceback(
    slack: Harness, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    raw, content_type, headers = GARBAGE[case]
    headers = {"X-Slack-Request-Timestamp": str(int(time.time())), **headers}
    caplog.set_level(logging.DEBUG)
    status, body = await _post_raw(slack, raw, content_type, headers)
    assert status == 401
    assert json.loads(body) == {"error": "invalid request"}
    _assert_quiet(caplog)


async def test_a_correctly_signed_stale_request_is_refused(slack: Harness) -> None:
    """Slack: refuse a timestamp more than five minutes old, or a replay could run later."""
    body = _command_body(slack, "help")
    status, _ = await slack.post(body, FORM, signed(body, timestamp=int(time.time()) - 301))
    assert status == 401
    assert slack.fake.of("hooks") == []


UNREADABLE = {
    "non-UTF-8": (b"text=\xff\xfe", FORM),
    "non-JSON with a JSON type": (b"{not json", "application/json"),
    "payload that is not JSON": (b"payload={not json", FORM),
    "JSON that is not an object": (b"[1, 2, 3]", "application/json"),
    "payload that is a list": (b"payload=%5B%5D", FORM),
    "an event that is a string": (b'{"type": "event_callback", "event": "x"}', "application/json"),
    "a user that is a number": (
        b'payload={"type": "block_actions", "user": 5, "actions": []}',
        FORM,
    ),
    "actions that are not objects": (
        b'payload={"type": "block_actions", "actions": ["x"]}',
        FORM,
    ),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "application/json"),
}


@pytest.mark.parametrize("case", list(UNREADABLE), ids=list(UNREADABLE))
async def test_a_signed_body_bolt_cannot_read_gets_400_without_a_traceback(
    slack: Harness, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    raw, content_type = UNREADABLE[case]
    caplog.set_level(logging.DEBUG)
    status, _ = await _post_raw(slack, raw, content_type, _signed_bytes(raw))
    assert status == 400
    _assert_quiet(caplog)


async def test_refused_requests_log_no_member_text_and_no_response_url(
    slack: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Bolt's own verification logs the whole body at INFO; nothing of it may get through."""
    caplog.set_level(logging.DEBUG)
    logging.getLogger("slack_bolt").setLevel(logging.DEBUG)
    try:
        body = _command_body(slack, f"check {SECRET_TEXT}")
        hook = load("slash_interview", slack.fake)["response_url"]
        forged = signed(body, secret="not-our-secret")
        assert (await slack.post(body, FORM, forged))[0] == 401
        stale = signed(body, timestamp=int(time.time()) - 3600)
        assert (await slack.post(body, FORM, stale))[0] == 401
        # Signed, but for no listener of ours: Bolt's "Unhandled request" names its values.
        unknown = {"type": "block_actions", "user": {"id": "U0ADA"}, "team": {"id": "T0FOLLOW"}}
        unknown["actions"] = [{"action_id": "elsewhere", "value": SECRET_TEXT}]  # type: ignore[list-item]
        unknown["response_url"] = hook
        await slack.interact(unknown)
        assert slack.fake.of("hooks") == []
        # Accepted: Bolt logs its response at DEBUG, and ours shows what the member typed.
        await slack.command("log")
        (opened,) = await slack.wait_for("views.open")
        view = opened.json("view")
        answers = {"company": SECRET_TEXT, "when_date": "2026-11-24", "when_time": "15:00"}
        status, answer = await slack.interact(slack.view_submission(view, fill(view, answers)))
        assert status == 200
        assert SECRET_TEXT in answer
        _assert_quiet(caplog, SECRET_TEXT, hook)
    finally:
        logging.getLogger("slack_bolt").setLevel(logging.NOTSET)


async def test_a_replayed_command_runs_once(slack: Harness, sqlite_core: Core) -> None:
    """Five copies of one signed request within Slack's window: one interview, one reply."""
    body = _command_body(slack, 'log company="Acme" when="tomorrow 3pm"')
    headers = signed(body)
    statuses = [(await slack.post(body, FORM, headers))[0] for _ in range(5)]
    assert statuses == [200] * 5
    await slack.wait_for("hooks")
    await slack.adapter.drain()
    assert len(slack.fake.of("hooks")) == 1
    assert "#2" not in await slack.say("list")


async def test_a_replay_to_another_web_process_is_ignored_too(slack: Harness) -> None:
    """The record of what ran is in the database, shared by every process."""
    body = _command_body(slack, "help")
    headers = signed(body)
    assert (await slack.post(body, FORM, headers))[0] == 200
    await slack.wait_for("hooks")
    await slack.restart()  # a fresh adapter, no memory, the same database
    assert (await slack.post(body, FORM, headers))[0] == 200
    await slack.adapter.drain()
    assert len(slack.fake.of("hooks")) == 1


def _home_opened(event_id: str) -> dict[str, Any]:
    event = load("event_app_home_opened")
    event["event_id"] = event_id
    return event


async def test_slacks_retry_of_an_event_already_handled_runs_nothing(slack: Harness) -> None:
    event = json.dumps(_home_opened("Ev0RETRY01"))
    assert (await slack.post(event, "application/json"))[0] == 200
    await slack.wait_for("views.publish")
    retry = {**signed(event), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    status, _ = await slack.post(event, "application/json", retry)
    assert status == 200  # Slack stops retrying on a 200
    await slack.adapter.drain()
    assert len(slack.fake.of("views.publish")) == 1


async def test_a_retry_of_an_event_no_process_saw_still_runs(slack: Harness) -> None:
    """The first delivery may never have arrived (a deploy, a crash): the retry is the event."""
    event = json.dumps(_home_opened("Ev0RETRY02"))
    retry = {**signed(event), "X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_error"}
    assert (await slack.post(event, "application/json", retry))[0] == 200
    await slack.wait_for("views.publish")


async def test_two_events_with_their_own_ids_both_run(slack: Harness) -> None:
    for event_id in ("Ev0DISTINCT1", "Ev0DISTINCT2"):
        assert (await slack.event(_home_opened(event_id)))[0] == 200
    await slack.wait_for("views.publish", 2)


async def test_get_requests_and_other_paths_pass_untouched(slack: Harness) -> None:
    async with slack.session.get(f"{slack.url}/healthz") as response:
        assert (response.status, await response.text()) == (200, "ok")


async def test_slacks_ssl_check_gets_a_200_and_runs_nothing(slack: Harness) -> None:
    """Bolt answers `ssl_check=1` before verifying; so do we, and nothing else passes that way."""
    raw = b"ssl_check=1&token=x"
    assert (await _post_raw(slack, raw, FORM, {}))[0] == 200
    body = _command_body(slack, "help") + "&ssl_check=0"
    assert (await _post_raw(slack, body.encode(), FORM, {}))[0] == 401
    assert slack.fake.of("hooks") == []
