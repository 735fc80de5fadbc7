"""Slash commands, modals and autocomplete through the real discord.py client and a fake Discord."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web
from fakes.discord_api import (
    EPHEMERAL,
    USER,
    Answer,
    FakeDiscord,
    custom_ids,
    say,
    sent_message_defaults,
    text_of,
)

from adapters.discord import DiscordAdapter
from bot.app import Core
from bot.chat import CommandRequest, Reply

MESSAGE, DEFERRED, MODAL = 4, 5, 9


async def test_slash_command_is_answered_ephemerally(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    body = await say(fake, "list")
    assert body["type"] == MESSAGE
    assert body["data"]["flags"] & EPHEMERAL
    assert "haven't logged any interviews" in text_of(body)
    assert body["data"]["allowed_mentions"] == {"parse": []}


async def test_typed_options_become_the_command_line(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    body = await say(fake, "log", company="Acme Corp", when="2026-11-24 15:00", stage="onsite")
    assert "Logged #1 Acme Corp" in text_of(body)
    shown = await say(fake, "show", interview="#1", text="")
    assert "onsite interview" in text_of(shown)


async def test_company_markdown_and_mentions_are_inert(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    body = await say(fake, "log", company="**bold** @everyone", when="2026-11-24 15:00")
    text = text_of(body)
    assert r"\*\*bold\*\* @everyone" in text
    assert "**bold**" not in text.replace(r"\*\*bold\*\*", "")
    assert body["data"]["allowed_mentions"] == {"parse": []}


async def test_first_time_command_asks_for_the_time_zone_once(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    first = text_of(await say(fake, "due"))
    assert "Discord doesn't tell me your time zone" in first
    assert "Discord doesn't tell me your time zone" not in text_of(await say(fake, "due"))


async def test_no_time_zone_prompt_once_set(adapter: DiscordAdapter, fake: FakeDiscord) -> None:
    await say(fake, "settings", timezone="Europe/Berlin")
    assert "time zone" not in text_of(await say(fake, "due")).casefold()


async def test_log_without_options_opens_a_modal(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    body = await say(fake, "log")
    assert body["type"] == MODAL
    modal = body["data"]
    assert modal["custom_id"] == "fm:log:"
    assert len(modal["components"]) <= 5
    labels = [c["label"] for c in modal["components"]]
    assert labels[:3] == ["Company", "Role", "Date and start time"]
    inputs = {c["component"]["custom_id"]: c["component"] for c in modal["components"]}
    assert inputs["company"]["required"] is True
    assert inputs["when_date+when_time"]["placeholder"] == "2026-12-01 15:00"
    assert inputs["stage"]["type"] == 3  # a select
    assert "onsite" in [o["value"] for o in inputs["stage"]["options"]]
    assert inputs["with"]["style"] == 2  # paragraph


async def test_modal_submission_logs_the_interview(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await say(fake, "log")
    payload = fake.submit(
        "fm:log:",
        {
            "company": "Acme",
            "role": "Backend Engineer",
            "when_date+when_time": "2026-11-24 15:00",
            "stage": ["onsite"],
            "with": "Jane Doe (Engineering Manager) <jane@acme.com>",
        },
    )
    await fake.interact(payload)
    body = (await fake.callback(payload["id"])).body
    assert body["type"] == MESSAGE
    assert body["data"]["flags"] & EPHEMERAL
    text = text_of(body)
    assert "Logged #1 Acme" in text
    assert "Tue 24 Nov 2026, 15:00" in text
    assert "had no room for" in text  # the decision date did not fit in five inputs


async def test_modal_errors_name_the_field_and_save_nothing(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await say(fake, "log")
    payload = fake.submit(
        "fm:log:", {"company": "Acme", "when_date+when_time": "someday 15:00", "stage": []}
    )
    await fake.interact(payload)
    body = (await fake.callback(payload["id"])).body
    text = text_of(body)
    assert body["data"]["flags"] & EPHEMERAL
    assert "Nothing was saved" in text
    assert "**Date and start time**" in text
    assert "haven't logged any interviews" in text_of(await say(fake, "list"))


async def test_edit_opens_a_filled_in_modal(adapter: DiscordAdapter, fake: FakeDiscord) -> None:
    await say(fake, "log", company="Acme", when="2026-11-24 15:00")
    body = await say(fake, "edit", interview="#1")
    assert body["type"] == MODAL
    assert body["data"]["custom_id"] == "fm:edit:#1"
    inputs = {c["component"]["custom_id"]: c["component"] for c in body["data"]["components"]}
    assert inputs["company"]["value"] == "Acme"
    assert inputs["when_date+when_time"]["value"] == "2026-11-24 15:00"


async def test_autocomplete_offers_the_members_interviews(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await say(fake, "log", company="Acme", when="2026-11-24 15:00")
    await say(fake, "log", company="Globex", when="2026-11-25 15:00")
    payload = fake.autocomplete("show", "interview", interview="glo")
    await fake.interact(payload)
    body = (await fake.callback(payload["id"])).body
    assert body["type"] == 8
    assert body["data"]["choices"] == [{"name": "#2 Globex", "value": "#2"}]


async def test_autocomplete_offers_time_zones(adapter: DiscordAdapter, fake: FakeDiscord) -> None:
    payload = fake.autocomplete("settings", "timezone", timezone="berl")
    await fake.interact(payload)
    body = (await fake.callback(payload["id"])).body
    assert {"name": "Europe/Berlin", "value": "Europe/Berlin"} in body["data"]["choices"]


async def test_slow_core_is_deferred_then_followed_up(
    adapter: DiscordAdapter, fake: FakeDiscord, core: Core, monkeypatch: Any
) -> None:
    handle = core.dispatcher.handle

    async def slow(request: CommandRequest) -> Reply:
        await asyncio.sleep(0.3)
        return await handle(request)

    monkeypatch.setattr(core.dispatcher, "handle", slow)
    adapter.defer_after = 0.05
    payload = fake.slash("list")
    await fake.interact(payload)
    body = (await fake.callback(payload["id"])).body
    assert body["type"] == DEFERRED
    assert body["data"]["flags"] & EPHEMERAL
    (followup,) = await fake.wait_for(lambda r: r.method == "POST" and "/webhooks/" in r.path)
    assert "haven't logged any interviews" in text_of(followup.body)
    assert followup.body["flags"] & EPHEMERAL


async def test_a_dm_reply_is_acknowledged_first_so_a_slow_dm_misses_no_deadline(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    """Opening the DM takes 5 s (the fake's clock): the deferral went out before it."""

    async def slow_dm_open(request: web.Request, path: str, answer: Answer) -> web.StreamResponse:
        if path.endswith("/users/@me/channels"):
            fake.advance(5.0)  # past Discord's 3 s for the first response
        return await answer()

    await say(fake, "log", company="Acme", when="2026-11-24 15:00")
    fake.chaos = slow_dm_open
    payload = fake.slash("export")
    await fake.interact(payload)
    answer = await fake.answer(payload)
    assert answer["type"] == DEFERRED
    assert "sent that to you by DM" in text_of(answer)
    assert [r.status for r in fake.requests if r.status >= 400] == []


async def test_draft_goes_by_dm(adapter: DiscordAdapter, fake: FakeDiscord) -> None:
    await say(fake, "log", company="Acme", when="2026-11-24 15:00", **{"with": "Jane Doe"})
    body = await say(fake, "draft", interview="#1")
    assert "by DM" in text_of(body)
    (dm,) = fake.dm_messages()
    assert "Thank you" in text_of(dm) or "thank" in text_of(dm).casefold()


async def test_draft_is_shown_in_place_when_dms_are_closed(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await say(fake, "log", company="Acme", when="2026-11-24 15:00", **{"with": "Jane Doe"})
    fake.closed_dms.add(USER)
    body = await say(fake, "draft", interview="#1")
    text = text_of(body)
    assert "couldn't DM you" in text
    assert "Hi Jane," in text
    assert body["data"]["flags"] & EPHEMERAL


async def test_delete_confirm_button_on_an_ephemeral_reply(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await say(fake, "log", company="Acme", when="2026-11-24 15:00")
    asked = await say(fake, "delete", interview="#1")
    message = {**asked["data"], "id": "1", "channel_id": "810000000000000001"}
    message = {**sent_message_defaults(), **message}
    (button,) = custom_ids(message)
    assert button == f"fu:delete:{USER}:#1 confirm"
    press = fake.click(message, button)
    await fake.interact(press)
    assert "Deleted #1 Acme" in text_of((await fake.callback(press["id"])).body)
