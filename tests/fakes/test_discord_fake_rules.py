"""The fake Discord refuses what Discord refuses, with Discord's status, code and JSON shape.

Each rule: a known-bad request sent raw with aiohttp gets Discord's answer, and a good one
passes. The pages cited are in github.com/discord/discord-api-docs, `developers/`.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest
from fakes.discord_api import (
    BOT_ID,
    GONE,
    GUILD,
    NONCE_WINDOW,
    RESPONSE_DEADLINE,
    TOKEN_LIFETIME,
    URL_LIFETIME,
    USER,
    FakeDiscord,
    guild_on_shard,
)

LINK = {"type": 2, "style": 5, "label": "Open"}
BUTTON = {"type": 2, "style": 1, "label": "Mark sent", "custom_id": "fu:sent:1:#1"}


async def call(
    http: aiohttp.ClientSession, fake: FakeDiscord, method: str, path: str, body: Any = None
) -> tuple[int, Any, dict[str, str]]:
    """Status, JSON body (or None) and headers of one raw request."""
    async with http.request(method, fake.base_url + path, json=body) as response:
        text = await response.text()
        return response.status, json.loads(text) if text else None, dict(response.headers)


async def dm_channel(http: aiohttp.ClientSession, fake: FakeDiscord, user: str = USER) -> str:
    """Open the DM channel with `user`, as discord.py does (an integer recipient id)."""
    status, channel, _ = await call(
        http, fake, "POST", "/users/@me/channels", {"recipient_id": int(user)}
    )
    assert status == 200
    return str(channel["id"])


def form_error(body: dict[str, Any], *path: str) -> dict[str, Any]:
    """The first `_errors` entry at `path` of a 50035 Invalid Form Body."""
    assert body["code"] == 50035
    assert body["message"] == "Invalid Form Body"
    node = body["errors"]
    for key in path:
        node = node[key]
    first: dict[str, Any] = node["_errors"][0]
    return first


# resources/message.mdx (Create Message, Embed Limits), components/reference.mdx (Action
# Row, Button): each bad message with where Discord's 50035 names the mistake.
BAD_MESSAGES = [
    ("content over 2000", {"content": "x" * 2001}, ("content",), "BASE_TYPE_MAX_LENGTH"),
    (
        "11 embeds",
        {"embeds": [{"description": "x"}] * 11},
        ("embeds",),
        "BASE_TYPE_MAX_LENGTH",
    ),
    (
        "6001 characters across embeds",
        {"embeds": [{"description": "x" * 4000}, {"title": "t", "description": "y" * 2000}]},
        ("embeds",),
        "MAX_EMBED_SIZE_EXCEEDED",
    ),
    (
        "a mailto: link button",
        {
            "content": "hi",
            "components": [{"type": 1, "components": [{**LINK, "url": "mailto:a@b.c"}]}],
        },
        ("components", "0", "components", "0", "url"),
        "URL_TYPE_INVALID_SCHEME",
    ),
    (
        "a link button URL over 512",
        {
            "content": "hi",
            "components": [
                {"type": 1, "components": [{**LINK, "url": "https://e.com/" + "x" * 500}]}
            ],
        },
        ("components", "0", "components", "0", "url"),
        "BASE_TYPE_MAX_LENGTH",
    ),
    (
        "6 action rows",
        {"content": "hi", "components": [{"type": 1, "components": [BUTTON]}] * 6},
        ("components",),
        "BASE_TYPE_MAX_LENGTH",
    ),
    (
        "6 buttons in a row",
        {
            "content": "hi",
            "components": [
                {"type": 1, "components": [{**BUTTON, "custom_id": f"b{i}"} for i in range(6)]}
            ],
        },
        ("components", "0", "components"),
        "BASE_TYPE_MAX_LENGTH",
    ),
    (
        "a custom_id over 100",
        {
            "content": "hi",
            "components": [{"type": 1, "components": [{**BUTTON, "custom_id": "x" * 101}]}],
        },
        ("components", "0", "components", "0", "custom_id"),
        "BASE_TYPE_MAX_LENGTH",
    ),
]


@pytest.mark.parametrize(
    ("body", "path", "code"),
    [case[1:] for case in BAD_MESSAGES],
    ids=[case[0] for case in BAD_MESSAGES],
)
async def test_a_message_over_discords_limits_is_a_400_invalid_form_body(
    fake: FakeDiscord, http: aiohttp.ClientSession, body: Any, path: tuple[str, ...], code: str
) -> None:
    channel = await dm_channel(http, fake)
    status, answer, _ = await call(http, fake, "POST", f"/channels/{channel}/messages", body)
    assert status == 400
    assert form_error(answer, *path)["code"] == code
    assert fake.dm_messages() == []


async def test_a_message_within_the_limits_is_created(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    channel = await dm_channel(http, fake)
    body = {
        "content": "x" * 2000,
        "embeds": [{"description": "x" * 4000}, {"title": "t", "description": "y" * 1999}],
        "components": [
            {"type": 1, "components": [{**LINK, "url": "https://example.com/" + "x" * 400}]},
            {"type": 1, "components": [{**LINK, "url": "discord://-/channels/@me"}]},
            *[{"type": 1, "components": [{**BUTTON, "custom_id": f"r{i}"}]} for i in range(3)],
        ],
    }
    status, message, _ = await call(http, fake, "POST", f"/channels/{channel}/messages", body)
    assert status == 200
    assert [m["id"] for m in fake.dm_messages()] == [message["id"]]
    assert fake.requests[-1].validated


async def test_an_empty_message_is_50006(fake: FakeDiscord, http: aiohttp.ClientSession) -> None:
    """resources/message.mdx, Create Message; topics/opcodes-and-status-codes.mdx: 50006."""
    channel = await dm_channel(http, fake)
    status, answer, _ = await call(http, fake, "POST", f"/channels/{channel}/messages", {})
    assert (status, answer) == (400, {"message": "Cannot send an empty message", "code": 50006})


async def test_a_snowflake_must_be_digits_but_discord_py_integers_are_accepted(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """The spec types snowflakes as strings; discord.py sends `recipient_id` as a number."""
    status, answer, _ = await call(
        http, fake, "POST", "/users/@me/channels", {"recipient_id": "not-an-id"}
    )
    assert status == 400
    assert answer["code"] == 50035
    assert await dm_channel(http, fake)


def slash(fake: FakeDiscord) -> dict[str, Any]:
    """A slash-command interaction the fake has just dispatched (its clock started)."""
    payload = fake.slash("list")
    fake.register(payload)
    return payload


def callback_path(payload: dict[str, Any]) -> str:
    return f"/interactions/{payload['id']}/{payload['token']}/callback"


REPLY = {"type": 4, "data": {"content": "hi", "flags": 64}}
TEXT_INPUT = {"type": 4, "custom_id": "company", "style": 1}
MODAL = {
    "custom_id": "fm:log:",
    "title": "Log an interview",
    "components": [{"type": 18, "label": "Company", "component": TEXT_INPUT}],
}


async def test_a_first_response_after_3_seconds_is_10062_unknown_interaction(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """interactions/receiving-and-responding.mdx: respond within 3 s or the token dies."""
    late, on_time = slash(fake), slash(fake)
    fake.advance(RESPONSE_DEADLINE + 0.1)
    fake.register(on_time)  # dispatched just now
    status, answer, _ = await call(http, fake, "POST", callback_path(late), REPLY)
    assert (status, answer) == (404, {"message": "Unknown interaction", "code": 10062})
    status, _, _ = await call(http, fake, "POST", callback_path(on_time), REPLY)
    assert status == 204


async def test_a_second_response_is_40060_already_acknowledged(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """topics/opcodes-and-status-codes.mdx: 40060."""
    payload = slash(fake)
    assert (await call(http, fake, "POST", callback_path(payload), {"type": 5}))[0] == 204
    status, answer, _ = await call(http, fake, "POST", callback_path(payload), REPLY)
    assert status == 400
    assert answer == {"message": "Interaction has already been acknowledged.", "code": 40060}


async def test_a_follow_up_after_a_deferral_edits_the_original_and_then_adds_messages(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """interactions/receiving-and-responding.mdx, Create Followup Message."""
    payload = slash(fake)
    url = callback_path(payload) + "?with_response=true"
    _, deferred, _ = await call(http, fake, "POST", url, {"type": 5, "data": {"flags": 64}})
    original = deferred["resource"]["message"]["id"]
    webhook = f"/webhooks/{BOT_ID}/{payload['token']}"
    _, first, _ = await call(http, fake, "POST", webhook, {"content": "done"})
    _, second, _ = await call(http, fake, "POST", webhook, {"content": "more"})
    assert first["id"] == original
    assert first["content"] == "done"
    assert second["id"] != original


async def test_a_follow_up_before_any_response_is_10015_unknown_webhook(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    payload = slash(fake)
    status, answer, _ = await call(
        http, fake, "POST", f"/webhooks/{BOT_ID}/{payload['token']}", {"content": "hi"}
    )
    assert (status, answer) == (404, {"message": "Unknown Webhook", "code": 10015})


async def test_an_interaction_token_is_dead_after_15_minutes(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """interactions/receiving-and-responding.mdx: tokens are valid for 15 minutes; 50027."""
    payload = slash(fake)
    await call(http, fake, "POST", callback_path(payload), {"type": 5})
    webhook = f"/webhooks/{BOT_ID}/{payload['token']}"
    assert (await call(http, fake, "POST", webhook, {"content": "in time"}))[0] == 200
    fake.advance(TOKEN_LIFETIME + 1)
    status, answer, _ = await call(http, fake, "POST", webhook, {"content": "late"})
    assert (status, answer) == (401, {"message": "Invalid Webhook Token", "code": 50027})


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"title": "x" * 46}, ("data", "title")),
        (
            {"components": [{"type": 18, "label": "Input", "component": TEXT_INPUT}] * 6},
            ("data", "components"),
        ),
    ],
    ids=["title over 45", "six inputs"],
)
async def test_a_modal_over_its_limits_is_refused(
    fake: FakeDiscord, http: aiohttp.ClientSession, data: dict[str, Any], path: tuple[str, ...]
) -> None:
    """interactions/receiving-and-responding.mdx, Modal: title 45, 1 to 5 components."""
    payload = slash(fake)
    bad = {"type": 9, "data": {**MODAL, **data}}
    status, answer, _ = await call(http, fake, "POST", callback_path(payload), bad)
    assert status == 400
    assert form_error(answer, *path)["code"] == "BASE_TYPE_MAX_LENGTH"
    good = {"type": 9, "data": MODAL}
    assert (await call(http, fake, "POST", callback_path(payload), good))[0] == 204


async def test_enforce_nonce_de_duplicates_only_for_a_few_minutes(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """resources/message.mdx, `enforce_nonce`: unique "in the past few minutes"."""
    channel = await dm_channel(http, fake)
    body = {"content": "reminder", "nonce": "r1", "enforce_nonce": True}
    path = f"/channels/{channel}/messages"
    _, first, _ = await call(http, fake, "POST", path, body)
    _, again, _ = await call(http, fake, "POST", path, body)
    fake.advance(NONCE_WINDOW + 1)
    _, later, _ = await call(http, fake, "POST", path, body)
    assert first["id"] == again["id"] != later["id"]
    assert len(fake.dm_messages()) == 2


async def test_fetched_messages_carry_no_nonce_and_limit_is_1_to_100(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """resources/message.mdx: the nonce shows in Message Create only; `limit` 1-100."""
    channel = await dm_channel(http, fake)
    path = f"/channels/{channel}/messages"
    await call(http, fake, "POST", path, {"content": "hi", "nonce": "r1", "enforce_nonce": True})
    status, fetched, _ = await call(http, fake, "GET", path + "?limit=100")
    assert status == 200
    assert [m["content"] for m in fetched] == ["hi"]
    assert "nonce" not in fetched[0]
    for limit in ("0", "101"):
        status, answer, _ = await call(http, fake, "GET", f"{path}?limit={limit}")
        assert status == 400
        assert form_error(answer, "limit")


@pytest.mark.parametrize(
    ("refused", "code", "message"),
    [
        ("closed_dms", 50007, "Cannot send messages to this user"),
        (
            "no_mutual_guild",
            50278,
            "Cannot send messages to this user due to having no mutual guilds",
        ),
    ],
)
async def test_a_member_who_cannot_be_dmed_gets_discords_403(
    fake: FakeDiscord, http: aiohttp.ClientSession, refused: str, code: int, message: str
) -> None:
    """topics/opcodes-and-status-codes.mdx: 50007 (DMs closed), 50278 (no mutual guild)."""
    getattr(fake, refused).add(USER)
    channel = await dm_channel(http, fake)
    status, answer, _ = await call(
        http, fake, "POST", f"/channels/{channel}/messages", {"content": "hi"}
    )
    assert (status, answer) == (403, {"message": message, "code": code})


@pytest.mark.parametrize("is_global", [False, True])
async def test_a_429_carries_retry_after_global_and_the_rate_limit_headers(
    fake: FakeDiscord, http: aiohttp.ClientSession, is_global: bool
) -> None:
    """topics/rate-limits.mdx: the 429 body and the X-RateLimit-* headers."""
    channel = await dm_channel(http, fake)
    fake.rate_limit("/messages", retry_after=1.5, is_global=is_global)
    path = f"/channels/{channel}/messages"
    status, answer, headers = await call(http, fake, "POST", path, {"content": "hi"})
    assert status == 429
    assert answer == {
        "message": "You are being rate limited.",
        "retry_after": 1.5,
        "global": is_global,
    }
    assert headers["Retry-After"] == "2"
    assert headers["X-RateLimit-Remaining"] == "0"
    assert float(headers["X-RateLimit-Reset-After"]) == 1.5
    assert headers["X-RateLimit-Bucket"]
    assert headers["X-RateLimit-Scope"] == ("global" if is_global else "user")
    assert headers.get("X-RateLimit-Global") == ("true" if is_global else None)
    status, _, headers = await call(http, fake, "POST", path, {"content": "hi"})
    assert status == 200
    assert int(headers["X-RateLimit-Remaining"]) > 0


async def test_gateway_events_go_to_the_guilds_shard_and_dm_events_to_shard_0(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """events/gateway.mdx, Sharding: (guild_id >> 22) % num_shards; no guild_id: shard 0."""
    sessions = {}
    for shard in (0, 1):
        ws = await http.ws_connect(fake.gateway_url)
        await ws.receive_json()  # HELLO
        await ws.send_json(
            {"op": 2, "d": {"token": "t", "intents": 0, "properties": {}, "shard": [shard, 2]}}
        )
        await ws.receive_json()  # READY
        sessions[shard] = ws
    on_one = fake.slash("list")
    on_one["guild_id"] = guild_on_shard(1, 2)
    await fake.dispatch("INTERACTION_CREATE", on_one)
    press = fake.interaction("interaction_button_dm", custom_id="fu:due:1:", component_type=2)
    await fake.dispatch("INTERACTION_CREATE", press)
    assert (await sessions[1].receive_json())["d"]["id"] == on_one["id"]
    assert (await sessions[0].receive_json())["d"]["id"] == press["id"]
    for ws in sessions.values():
        await ws.close()


# --- attachments: registration, the CDN, messages and intents -----------------------------

ATTACHMENT_OPTION = {"type": 11, "name": "invite", "description": "The invite", "required": False}


def command_with(option: dict[str, Any]) -> list[dict[str, Any]]:
    """A bulk overwrite of one command whose subcommand takes `option`."""
    sub = {"type": 1, "name": "log", "description": "Log one", "options": [option]}
    return [{"name": "interview", "description": "Interviews", "type": 1, "options": [sub]}]


async def test_an_attachment_option_is_registered_and_checked_against_the_spec(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """interactions/application-commands.mdx: option type 11 (ATTACHMENT), name 1-32."""
    path = f"/applications/{BOT_ID}/commands"
    status, _, _ = await call(http, fake, "PUT", path, command_with(ATTACHMENT_OPTION))
    assert status == 200
    assert fake.requests[-1].validated
    too_long = {**ATTACHMENT_OPTION, "name": "i" * 33}
    status, body, _ = await call(http, fake, "PUT", path, command_with(too_long))
    assert status == 400
    error = form_error(body, "0", "options", "0", "options", "0", "name")
    assert error["code"] == "BASE_TYPE_MAX_LENGTH"


async def test_the_cdn_serves_an_attachment_only_at_its_signed_unexpired_url(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """reference.mdx, Signed Attachment CDN URLs: ex (expiry), is (issued), hm (signature)."""
    attachment = fake.upload("invite.ics", b"BEGIN:VCALENDAR", channel="990000000000000001")
    url = attachment["url"]
    async with http.get(url) as served:
        assert served.status == 200
        assert served.headers["Content-Type"] == attachment["content_type"]
        assert await served.read() == b"BEGIN:VCALENDAR"
    forged = url.replace("hm=", "hm=0")
    for wrong in (url.split("?")[0], forged):
        async with http.get(wrong) as refused:
            assert (refused.status, await refused.text()) == (404, GONE)
    fake.advance(URL_LIFETIME + 1)
    async with http.get(url) as expired:
        assert expired.status == 404


async def test_messages_reach_a_session_only_with_their_intent_and_content_only_in_dms(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """events/gateway.mdx, Gateway Intents and Message Content Intent."""
    ws = await http.ws_connect(fake.gateway_url)
    await ws.receive_json()  # HELLO
    intents = (1 << 9) | (1 << 12)  # GUILD_MESSAGES, DIRECT_MESSAGES; no MESSAGE_CONTENT
    await ws.send_json({"op": 2, "d": {"token": "t", "intents": intents, "properties": {}}})
    await ws.receive_json()  # READY
    file = fake.upload("invite.ics", b"BEGIN:VCALENDAR", channel="810000000000000001")
    await fake.message_create(content="here", attachments=[file], guild_id=GUILD)
    await fake.message_create(content="here", attachments=[file])
    in_server, in_dm = (await ws.receive_json())["d"], (await ws.receive_json())["d"]
    assert (in_server["content"], in_server["attachments"]) == ("", [])
    assert (in_dm["content"], in_dm["attachments"]) == ("here", [file])
    assert "guild_id" not in in_dm
    await ws.close()
    ws = await http.ws_connect(fake.gateway_url)
    await ws.receive_json()
    await ws.send_json({"op": 2, "d": {"token": "t", "intents": 1 << 9, "properties": {}}})
    await ws.receive_json()
    await fake.message_create(content="a DM")  # this session asked for no DM events
    await fake.dispatch("RESUMED", {})  # the next frame it gets is this one
    assert (await ws.receive_json())["t"] == "RESUMED"
    await ws.close()


# --- command localizations: keys, lengths and the command's total size ---------------------


async def test_localizations_need_discords_locale_keys(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """reference.mdx, Locales: `pt_BR` or `en` is no key Discord knows (BASE_TYPE_CHOICES)."""
    path = f"/applications/{BOT_ID}/commands"
    good = {**ATTACHMENT_OPTION, "description_localizations": {"de": "Die Einladung"}}
    status, _, _ = await call(http, fake, "PUT", path, command_with(good))
    assert status == 200
    bad = {**ATTACHMENT_OPTION, "description_localizations": {"pt_BR": "O convite"}}
    status, body, _ = await call(http, fake, "PUT", path, command_with(bad))
    assert status == 400
    error = form_error(
        body, "0", "options", "0", "options", "0", "description_localizations", "pt_BR"
    )
    assert error["code"] == "BASE_TYPE_CHOICES"
    assert "'pt-BR'" in error["message"]
    assert "'es-419'" in error["message"]


async def test_a_localized_description_over_100_characters_is_refused(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """interactions/application-commands.mdx: localizations follow the 1-100 of `description`."""
    path = f"/applications/{BOT_ID}/commands"
    for text, status_wanted in (("x" * 100, 200), ("x" * 101, 400), ("", 400)):
        option = {**ATTACHMENT_OPTION, "description_localizations": {"de": text}}
        status, body, _ = await call(http, fake, "PUT", path, command_with(option))
        assert status == status_wanted, text
        if status == 400:
            where = ("0", "options", "0", "options", "0", "description_localizations", "de")
            assert form_error(body, *where)["code"] in (
                "BASE_TYPE_MAX_LENGTH",
                "BASE_TYPE_MIN_LENGTH",
            )


async def test_a_command_over_8000_characters_counting_its_longest_localizations_is_refused(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """interactions/application-commands.mdx, Slash Commands; reference.mdx, Request Error."""
    path = f"/applications/{BOT_ID}/commands"
    option = {"type": 3, "name": "o", "description": "d" * 10}
    # 40 subcommands of 1 + 10 + 25 * (1 + 10) characters: 11,440 in English alone is refused,
    # 20 of them (5,720) pass, and a localization that outgrows the default counts instead.
    sub = {"type": 1, "name": "s", "description": "d" * 10, "options": [option] * 25}
    command = {"name": "c", "description": "d", "type": 1, "options": [sub] * 20}
    status, _, _ = await call(http, fake, "PUT", path, [command])
    assert status == 200
    longer = {**option, "description_localizations": {"de": "d" * 16, "fr": "d" * 12}}
    wide = {**sub, "options": [longer] * 25}
    status, body, _ = await call(http, fake, "PUT", path, [{**command, "options": [wide] * 20}])
    assert status == 400  # 20 * (1 + 10 + 25 * (1 + 16)) = 8,720
    assert form_error(body, "0") == {
        "code": "APPLICATION_COMMAND_TOO_LARGE",
        "message": "Command exceeds maximum size (8000)",
    }
