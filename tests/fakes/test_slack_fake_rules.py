"""The strict Slack fake refuses each known-bad request the way Slack does.

One test per rule in `slack_api.py` / `slack_contract.py`, through the real slack_sdk
client; each asserts Slack's own status, error code and message shape.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import jsonschema
import pytest
from fakes.slack_api import FakeSlack
from fakes.slack_contract import SPEC, manifest_scopes
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

TOKEN = "xoxb-rules"
SECTION = {"type": "section", "text": {"type": "mrkdwn", "text": "hello"}}
MODAL = {
    "type": "modal",
    "title": {"type": "plain_text", "text": "Followup"},
    "blocks": [SECTION],
}


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack().start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
async def client(fake: FakeSlack) -> AsyncIterator[AsyncWebClient]:
    web = AsyncWebClient(token=TOKEN, base_url=fake.api_url, retry_handlers=[])
    web.session = aiohttp.ClientSession()
    try:
        yield web
    finally:
        await web.session.close()


async def refused(call: Any) -> SlackApiError:
    with pytest.raises(SlackApiError) as raised:
        await call
    return raised.value


# --- scopes ---------------------------------------------------------------------------


async def test_a_bot_token_holds_exactly_the_manifests_bot_scopes(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    answer = await client.oauth_v2_access(client_id="1", client_secret="2", code="c")
    assert set(str(answer["scope"]).split(",")) == set(manifest_scopes())


async def test_a_method_outside_the_granted_scopes_is_missing_scope_naming_both(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    fake.granted = manifest_scopes() - {"users:read"}
    error = await refused(client.users_info(user="U0ADA"))
    assert error.response.status_code == 200
    assert error.response["error"] == "missing_scope"
    assert error.response["needed"] == "users:read"
    assert error.response["provided"] == ",".join(sorted(fake.granted))


async def test_history_of_a_channel_needs_the_channel_scope_not_the_dm_one(
    client: AsyncWebClient,
) -> None:
    error = await refused(client.conversations_history(channel="C0PUBLIC"))
    assert (error.response["error"], error.response["needed"]) == (
        "missing_scope",
        "channels:history",
    )


async def test_history_of_a_dm_needs_im_history(fake: FakeSlack, client: AsyncWebClient) -> None:
    fake.granted = manifest_scopes() - {"im:history"}
    error = await refused(client.conversations_history(channel="D0ADA"))
    assert (error.response["error"], error.response["needed"]) == ("missing_scope", "im:history")


async def test_a_group_dm_needs_mpim_write(client: AsyncWebClient) -> None:
    error = await refused(client.conversations_open(users="U0ADA,U0BOB"))
    assert (error.response["error"], error.response["needed"]) == ("missing_scope", "mpim:write")


async def test_a_method_slack_does_not_have_is_unknown_method(client: AsyncWebClient) -> None:
    error = await refused(client.api_call("chat.sendSmoke"))
    assert error.response["error"] == "unknown_method"


async def test_a_call_without_a_token_is_not_authed(fake: FakeSlack) -> None:
    anonymous = AsyncWebClient(base_url=fake.api_url, retry_handlers=[])
    error = await refused(anonymous.auth_test())
    assert error.response["error"] == "not_authed"


# --- messages ---------------------------------------------------------------------------


async def test_posting_in_a_channel_the_bot_was_not_invited_to_is_not_in_channel(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    error = await refused(client.chat_postMessage(channel="C0WINS", text="hi"))
    assert error.response["error"] == "not_in_channel"
    fake.joined.add("C0WINS")
    assert (await client.chat_postMessage(channel="C0WINS", text="hi"))["ok"]


@pytest.mark.parametrize(
    ("blocks", "reason"),
    [
        ([SECTION] * 51, "no more than 50 items"),
        ([{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}], "3000"),
        ([{"type": "section", "text": {"type": "mrkdwn", "text": ""}}], "at least 1"),
        ([{"type": "section", "fields": [{"type": "mrkdwn", "text": "x" * 2001}]}], "2000"),
        ([{"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}], "150"),
        ([{"type": "no_such_block"}], "unknown block type"),
        ([{**SECTION, "block_id": "b" * 256}], "block_id"),
        (
            [
                {
                    "type": "actions",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": "a",
                            "text": {"type": "plain_text", "text": "Go"},
                            "value": "",
                        }
                    ],
                }
            ],
            "value",
        ),
        (
            [
                {
                    "type": "actions",
                    "elements": [
                        {
                            "type": "button",
                            "text": {"type": "plain_text", "text": "Go"},
                            "url": "https://x.example/" + "a" * 3000,
                        }
                    ],
                }
            ],
            "url",
        ),
        (
            [
                {
                    "type": "actions",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": "a" * 256,
                            "text": {"type": "plain_text", "text": "Go"},
                            "value": "v",
                        }
                    ],
                }
            ],
            "action_id",
        ),
        (
            [
                {
                    "type": "actions",
                    "elements": [
                        {
                            "type": "overflow",
                            "action_id": "o",
                            "options": [
                                {"text": {"type": "plain_text", "text": "One"}, "value": "1"}
                            ],
                        }
                    ],
                }
            ],
            "2 to 5",
        ),
    ],
    ids=[
        "51-blocks",
        "section-3001",
        "empty-text",
        "field-2001",
        "header-151",
        "unknown-type",
        "block-id-256",
        "empty-button-value",
        "url-3001",
        "action-id-256",
        "overflow-of-one",
    ],
)
async def test_blocks_slack_refuses_are_invalid_blocks_with_the_reasons(
    client: AsyncWebClient, blocks: list[dict[str, Any]], reason: str
) -> None:
    error = await refused(client.chat_postMessage(channel="D0ADA", text="t", blocks=blocks))
    assert error.response.status_code == 200
    assert error.response["error"] == "invalid_blocks"
    messages = error.response["response_metadata"]["messages"]
    assert messages
    assert all(m.startswith("[ERROR] ") and "[json-pointer:/blocks" in m for m in messages)
    assert reason in " ".join(messages)


async def test_a_message_over_40000_characters_is_msg_too_long(client: AsyncWebClient) -> None:
    error = await refused(client.chat_postMessage(channel="D0ADA", text="x" * 40_001))
    assert error.response["error"] == "msg_too_long"


async def test_a_message_with_neither_text_nor_blocks_is_no_text(client: AsyncWebClient) -> None:
    error = await refused(client.api_call("chat.postMessage", json={"channel": "D0ADA"}))
    assert error.response["error"] == "no_text"


# --- views and trigger_ids ----------------------------------------------------------------


async def test_a_trigger_id_slack_never_issued_is_invalid(client: AsyncWebClient) -> None:
    error = await refused(client.views_open(trigger_id="1.2.abc", view=MODAL))
    assert error.response["error"] == "invalid_trigger_id"


async def test_a_trigger_id_works_once(fake: FakeSlack, client: AsyncWebClient) -> None:
    trigger_id = fake.trigger()
    assert (await client.views_open(trigger_id=trigger_id, view=MODAL))["ok"]
    error = await refused(client.views_open(trigger_id=trigger_id, view=MODAL))
    assert error.response["error"] == "exchanged_trigger_id"


async def test_a_trigger_id_expires_after_3_seconds(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    trigger_id = fake.trigger()
    fake.advance(3.5)
    error = await refused(client.views_open(trigger_id=trigger_id, view=MODAL))
    assert error.response["error"] == "expired_trigger_id"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"title": {"type": "plain_text", "text": "x" * 25}}, "24"),
        ({"blocks": [SECTION] * 101}, "100"),
        ({"submit": {"type": "plain_text", "text": "x" * 25}}, "/view/submit"),
        ({"private_metadata": "x" * 3001}, "private_metadata"),
        (
            {
                "blocks": [
                    {
                        "type": "input",
                        "block_id": "notes",
                        "label": {"type": "plain_text", "text": "Notes"},
                        "element": {
                            "type": "plain_text_input",
                            "action_id": "value",
                            "initial_value": "x" * 3001,
                        },
                    }
                ]
            },
            "initial_value",
        ),
        (
            {
                "blocks": [
                    {
                        "type": "input",
                        "block_id": "notes",
                        "label": {"type": "plain_text", "text": "Notes"},
                        "element": {
                            "type": "plain_text_input",
                            "action_id": "value",
                            "max_length": 4000,
                        },
                    }
                ]
            },
            "max_length",
        ),
    ],
    ids=[
        "title-25",
        "101-blocks",
        "submit-25",
        "metadata-3001",
        "initial-value-3001",
        "max-length-4000",
    ],
)
async def test_views_slack_refuses_are_invalid_arguments_with_the_reasons(
    fake: FakeSlack, client: AsyncWebClient, change: dict[str, Any], reason: str
) -> None:
    view = {**MODAL, **change}
    error = await refused(client.views_open(trigger_id=fake.trigger(), view=view))
    assert error.response["error"] == "invalid_arguments"
    messages = error.response["response_metadata"]["messages"]
    assert all(m.startswith("[ERROR] ") and "[json-pointer:/view" in m for m in messages)
    assert reason in " ".join(messages)


async def test_a_home_tab_is_checked_like_a_modal(client: AsyncWebClient) -> None:
    home = {"type": "home", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": ""}}]}
    error = await refused(client.views_publish(user_id="U0ADA", view=home))
    assert error.response["error"] == "invalid_arguments"


# --- response URLs ------------------------------------------------------------------------


async def post_hook(url: str, payload: dict[str, Any]) -> tuple[int, str]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            url, data=json.dumps(payload), headers={"Content-Type": "application/json"}
        ) as response,
    ):
        return response.status, await response.text()


async def test_a_response_url_takes_five_posts(fake: FakeSlack) -> None:
    url = fake.new_hook()
    answers = [await post_hook(url, {"text": f"#{n}"}) for n in range(6)]
    assert answers[:5] == [(200, "ok")] * 5
    assert answers[5] == (404, "used_url")


async def test_a_response_url_expires_after_30_minutes(fake: FakeSlack) -> None:
    url = fake.new_hook()
    fake.advance(30 * 60 + 1)
    assert await post_hook(url, {"text": "late"}) == (404, "expired_url")


async def test_a_response_url_slack_never_issued_is_refused(fake: FakeSlack) -> None:
    assert await post_hook(f"{fake.base}/hooks/made/up", {"text": "x"}) == (
        404,
        "no_active_hooks",
    )


async def test_a_response_url_checks_blocks_like_a_message(fake: FakeSlack) -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}]
    assert await post_hook(fake.new_hook(), {"text": "t", "blocks": blocks}) == (
        400,
        "invalid_blocks",
    )


# --- conversations.history ----------------------------------------------------------------


async def test_history_returns_at_most_15_messages_whatever_the_limit(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    fake.history["D0ADA"] = [{"ts": f"1.{n:06d}", "text": str(n)} for n in range(40)]
    answer = await client.conversations_history(channel="D0ADA", limit=100)
    assert len(answer["messages"]) == 15
    assert answer["has_more"] is True


async def test_history_answers_once_a_minute_then_429_with_retry_after(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    await client.conversations_history(channel="D0ADA", limit=15)
    fake.advance(20)
    error = await refused(client.conversations_history(channel="D0ADA", limit=15))
    assert error.response.status_code == 429
    assert error.response["error"] == "ratelimited"
    assert error.response.headers["Retry-After"] == "40"
    fake.advance(40)
    assert (await client.conversations_history(channel="D0ADA", limit=15))["ok"]


# --- files members share ------------------------------------------------------------------

ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


@pytest.fixture
async def bot(fake: FakeSlack) -> AsyncIterator[AsyncWebClient]:
    """A client holding a bot token the fake's workspace issued."""
    web = AsyncWebClient(token="xoxb-test-token", base_url=fake.api_url, retry_handlers=[])
    web.session = aiohttp.ClientSession()
    try:
        yield web
    finally:
        await web.session.close()


def spec_schema(method: str) -> dict[str, Any]:
    """A method's success response schema from Slack's spec, with the spec's definitions."""
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    schema = spec["paths"][f"/{method}"]["get"]["responses"]["200"]["schema"]
    return {**schema, "definitions": spec["definitions"]}


async def test_files_info_answers_as_slacks_spec_describes_it(
    fake: FakeSlack, bot: AsyncWebClient
) -> None:
    shared = fake.share("invite.ics", ICS)
    answer = await bot.files_info(file=shared["id"])
    jsonschema.Draft4Validator(spec_schema("files.info")).validate(answer.data)
    assert answer["file"]["size"] == len(ICS)
    assert answer["file"]["url_private_download"].startswith(fake.base)


async def test_files_info_needs_files_read(fake: FakeSlack, bot: AsyncWebClient) -> None:
    fake.granted = manifest_scopes() - {"files:read"}
    error = await refused(bot.files_info(file=fake.share("invite.ics", ICS)["id"]))
    assert (error.response["error"], error.response["needed"]) == ("missing_scope", "files:read")


async def test_files_info_with_a_token_the_workspace_never_issued_is_invalid_auth(
    fake: FakeSlack, client: AsyncWebClient
) -> None:
    error = await refused(client.files_info(file=fake.share("invite.ics", ICS)["id"]))
    assert error.response["error"] == "invalid_auth"


async def test_a_file_the_bot_cannot_see_is_file_not_found(
    fake: FakeSlack, bot: AsyncWebClient
) -> None:
    elsewhere = fake.share("invite.ics", ICS, channel="C0ELSEWHERE")
    for file_id in (elsewhere["id"], "F0NOSUCH01"):
        error = await refused(bot.files_info(file=file_id))
        assert error.response["error"] == "file_not_found"
    fake.joined.add("C0ELSEWHERE")  # invited there: now the bot sees it
    assert (await bot.files_info(file=elsewhere["id"]))["file"]["id"] == elsewhere["id"]


async def test_a_private_url_serves_the_file_only_with_the_bot_token(fake: FakeSlack) -> None:
    url = fake.share("invite.ics", ICS)["url_private_download"]
    async with aiohttp.ClientSession() as http:
        async with http.get(url, allow_redirects=False) as bare:
            assert bare.status == 302
            assert "/?redir=" in bare.headers["Location"]
        async with http.get(url) as followed:  # a client that follows lands on sign-in
            assert followed.status == 200
            assert followed.content_type == "text/html"
        headers = {"Authorization": "Bearer xoxb-not-ours"}
        async with http.get(url, headers=headers, allow_redirects=False) as wrong:
            assert wrong.status == 302
        headers = {"Authorization": "Bearer xoxb-test-token"}
        async with http.get(url, headers=headers, allow_redirects=False) as served:
            assert served.status == 200
            assert served.content_type == "text/calendar"
            assert await served.read() == ICS
    assert [c.body["served"] for c in fake.of("download")] == [False, False, False, True]
