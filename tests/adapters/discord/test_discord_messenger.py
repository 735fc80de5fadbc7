"""Reminder DMs: channel opened once, nonces, failures mapped to delivery outcomes, buttons."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from aiohttp import web
from fakes.discord_api import (
    EPHEMERAL,
    NONCE_WINDOW,
    OTHER,
    UPDATE_MESSAGE,
    USER,
    Answer,
    FakeDiscord,
    custom_ids,
    say,
    text_of,
)

from adapters.discord import DiscordAdapter
from adapters.discord import messenger as messenger_module
from adapters.discord.messenger import DMS_CLOSED, NO_MUTUAL_GUILD, member_ref
from bot.app import Core
from bot.chat import Action, DraftBlock, Reply, Section
from bot.ports import DeliveryStatus
from bot.scheduling.clock import ManualClock
from bot.settings import Settings

REPLY = Reply(
    blocks=[Section("Time to send your thank-you for **Acme**.")],
    actions=[
        Action("sent", "Mark sent", '#1 thank_you "Jane Doe"', style="primary"),
        Action("snooze", "In an hour", '#1 thank_you "Jane Doe" for=1h'),
        Action("snooze", "Tomorrow morning", '#1 thank_you "Jane Doe" for=tomorrow'),
        Action("skip", "Skip", '#1 thank_you "Jane Doe"'),
    ],
)


async def test_dm_opens_the_channel_once_and_sends_the_nonce(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    first = await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-a")
    second = await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r2-a")
    assert first.status is DeliveryStatus.DELIVERED
    assert second.status is DeliveryStatus.DELIVERED
    (opened,) = fake.sent("POST", "/users/@me/channels")
    assert str(opened.body["recipient_id"]) == USER
    posts = fake.sent("POST", "/messages")
    assert [p.body["nonce"] for p in posts] == ["r1-a", "r2-a"]
    assert all(p.body["enforce_nonce"] is True for p in posts)
    assert posts[0].body["allowed_mentions"] == {"parse": []}


async def test_resend_with_the_same_nonce_returns_the_same_message(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    first = await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-a")
    again = await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-a")
    assert first.message_ref == again.message_ref
    assert len(fake.dm_messages()) == 1


async def test_reminder_buttons_carry_command_owner_and_value(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-a")
    (message,) = fake.dm_messages()
    ids = custom_ids(message)
    assert f'fu:sent:{USER}:#1 thank_you "Jane Doe"' in ids
    assert f'fs:snooze:{USER}:#1 thank_you "Jane Doe"' in ids  # the snoozes as one menu
    assert all(len(i) <= 100 for i in ids)
    assert r"\*\*Acme\*\*" in text_of(message)


async def test_long_interviewer_names_are_shortened_to_fit_the_custom_id(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    name = "Maximiliana " + "Longsurname-" * 8
    reply = Reply(actions=[Action("sent", "Mark sent", f'#12 thank_you "{name}"')])
    await adapter.messenger.send_dm(member_ref(USER), reply, dedupe_key="r1-b")
    (message,) = fake.dm_messages()
    assert custom_ids(message) == [f"fu:sent:{USER}:#12 thank_you Maximiliana"]


async def test_closed_dms_are_undeliverable_and_the_member_is_told(
    adapter: DiscordAdapter, fake: FakeDiscord, core: Core, clock: ManualClock
) -> None:
    await say(fake, "settings", timezone="America/New_York")
    await say(fake, "log", company="Acme", when="2026-11-24 15:00", **{"with": "Jane Doe"})
    fake.closed_dms.add(USER)
    clock.advance(timedelta(hours=32))  # Tuesday 17:00 in New York: the first prompt
    report = await core.delivery.deliver_due()
    assert report.failed == 1
    (refused,) = fake.sent("POST", "/messages")
    assert refused.body["nonce"]
    text = text_of(await say(fake, "due"))
    assert "couldn't send you a reminder by DM" in text
    assert "Privacy Settings" in text


async def test_50007_maps_to_undeliverable(adapter: DiscordAdapter, fake: FakeDiscord) -> None:
    fake.closed_dms.add(USER)
    delivery = await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-c")
    assert delivery.status is DeliveryStatus.UNDELIVERABLE
    assert delivery.reason == DMS_CLOSED


async def test_no_mutual_guild_is_undeliverable_and_says_what_works(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    """50278: a user install with no shared server cannot be DMed; allowing DMs won't help."""
    fake.no_mutual_guild.add(USER)
    delivery = await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-m")
    assert delivery.status is DeliveryStatus.UNDELIVERABLE
    assert delivery.reason == NO_MUTUAL_GUILD
    assert "server" in NO_MUTUAL_GUILD
    assert "/interview due" in NO_MUTUAL_GUILD
    assert "allow direct messages" not in NO_MUTUAL_GUILD


async def test_resend_after_the_nonce_window_finds_the_first_dm_instead_of_posting_again(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    first = await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-w")
    await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r2-w")
    fake.advance(NONCE_WINDOW + 60)  # Discord no longer de-duplicates the nonce
    again = await adapter.messenger.send_dm(
        member_ref(USER), REPLY, dedupe_key="r1-w", maybe_sent=True
    )
    assert again.status is DeliveryStatus.DELIVERED
    assert again.message_ref == first.message_ref
    assert len(fake.dm_messages()) == 2
    (looked,) = fake.sent("GET", "/messages")
    assert 1 <= int(looked.query["limit"]) <= 100


async def test_a_split_dm_cut_off_after_its_first_part_sends_only_the_rest_on_retry(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    """Each part carries its own mark: a re-send finds the first and posts what is missing."""
    drafts = [
        DraftBlock(f"Thank-you to Person {n}", f"p{n}@acme.example", "Thank you", "x" * 3000)
        for n in range(4)
    ]
    reply = Reply(blocks=[Section("Your thank-you notes are due."), *drafts])
    posts = 0

    async def cut_second(request: web.Request, path: str, answer: Any) -> web.StreamResponse:
        nonlocal posts
        if request.method == "POST" and path.endswith("/messages"):
            posts += 1
            if posts >= 2:  # the first part went out; Discord fails the rest
                return web.json_response({"message": "upstream", "code": 0}, status=503)
        response: web.StreamResponse = await answer()
        return response

    fake.chaos = cut_second
    first = await adapter.messenger.send_dm(member_ref(USER), reply, dedupe_key="r1-split")
    assert first.status is DeliveryStatus.RETRY
    fake.chaos = None
    fake.advance(NONCE_WINDOW + 60)
    again = await adapter.messenger.send_dm(
        member_ref(USER), reply, dedupe_key="r1-split", maybe_sent=True
    )
    assert again.status is DeliveryStatus.DELIVERED
    messages = fake.dm_messages()
    footers = [m["embeds"][0]["footer"]["text"].rpartition(" · ")[2] for m in messages]
    assert len(messages) > 2
    assert sorted(footers) == sorted(set(footers))  # no part twice
    assert footers[0] == "ref r1-split"
    assert again.message_ref == f"{messages[0]['channel_id']}/{messages[0]['id']}"


async def test_first_send_does_not_read_the_dm_history(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-h")
    assert fake.sent("GET", "/messages") == []


async def test_server_errors_are_retried_later(adapter: DiscordAdapter, fake: FakeDiscord) -> None:
    fake.fail("/messages", 503, {"message": "upstream", "code": 0}, times=10)
    delivery = await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-d")
    assert delivery.status is DeliveryStatus.RETRY


async def test_rate_limits_are_waited_out_and_counted(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    fake.rate_limit("/messages", retry_after=0.05)
    delivery = await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-e")
    assert delivery.status is DeliveryStatus.DELIVERED
    assert adapter.messenger.rate_limited == 1
    assert len(fake.sent("POST", "/messages")) == 2


async def test_lost_dm_channel_is_opened_again(adapter: DiscordAdapter, fake: FakeDiscord) -> None:
    await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-f")
    fake.fail("/messages", 404, {"message": "Unknown Channel", "code": 10003})
    delivery = await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r2-f")
    assert delivery.status is DeliveryStatus.DELIVERED
    assert len(fake.sent("POST", "/users/@me/channels")) == 2


async def test_button_press_after_restart_runs_the_command(
    adapter: DiscordAdapter,
    fake: FakeDiscord,
    core: Core,
    discord_settings: Settings,
) -> None:
    await say(fake, "log", company="Acme", when="2026-11-24 15:00", **{"with": "Jane Doe"})
    await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-g")
    (message,) = fake.dm_messages()
    await adapter.close()

    restarted = DiscordAdapter(core, discord_settings, guild_ready_timeout=0.05)
    await restarted.start()
    try:
        button = next(i for i in custom_ids(message) if i.startswith("fu:sent:"))
        payload = fake.click(message, button)
        await fake.interact(payload)
        body = (await fake.callback(payload["id"])).body
        assert body["type"] == UPDATE_MESSAGE  # the pressed reminder, buttons retired
        assert body["data"]["components"] == []
        assert "Marked sent: thank-you to Jane Doe (#1)" in text_of(body)
    finally:
        await restarted.close()


async def test_snooze_menu_runs_the_chosen_snooze(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await say(fake, "log", company="Acme", when="2026-11-24 15:00", **{"with": "Jane Doe"})
    await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-h")
    (message,) = fake.dm_messages()
    menu = next(i for i in custom_ids(message) if i.startswith("fs:snooze:"))
    payload = fake.click(message, menu, values=["for=tomorrow"])
    await fake.interact(payload)
    body = (await fake.callback(payload["id"])).body
    assert "Snoozed the thank-you to Jane Doe (#1)" in text_of(body)


async def test_a_press_that_fails_keeps_the_buttons_and_answers_privately(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await say(fake, "log", company="Acme", when="2026-11-24 15:00", **{"with": "Jane Doe"})
    await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-k")
    (message,) = fake.dm_messages()
    await say(fake, "delete", text="#1 confirm")  # the interview is gone before the press
    button = next(i for i in custom_ids(message) if i.startswith("fu:sent:"))
    payload = fake.click(message, button)
    await fake.interact(payload)
    body = (await fake.callback(payload["id"])).body
    assert body["type"] != UPDATE_MESSAGE
    assert body["data"]["flags"] & EPHEMERAL
    assert "no interview #1" in text_of(body)


async def test_someone_elses_button_does_nothing_for_them(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await say(fake, "log", company="Acme", when="2026-11-24 15:00", **{"with": "Jane Doe"})
    await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r1-i")
    (message,) = fake.dm_messages()
    button = next(i for i in custom_ids(message) if i.startswith("fu:sent:"))
    payload = fake.click(message, button, user=OTHER)
    await fake.interact(payload)
    body = (await fake.callback(payload["id"])).body
    assert "belongs to someone else" in text_of(body)
    assert "Marked sent" not in text_of(await say(fake, "due"))


async def test_a_hung_send_is_cut_off_and_retried_safely(
    adapter: DiscordAdapter, fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    """discord.py has no REST timeout of its own; ours turns a hang into a retry."""
    monkeypatch.setattr(messenger_module, "SEND_TIMEOUT", 0.3)

    async def hang_messages(request: web.Request, path: str, answer: Answer) -> web.StreamResponse:
        if path.endswith("/messages"):
            await asyncio.sleep(2)
        return await answer()

    fake.chaos = hang_messages
    hung = await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r9-a")
    assert hung.status is DeliveryStatus.RETRY
    assert "TimeoutError" in (hung.reason or "")
    fake.chaos = None
    again = await adapter.messenger.send_dm(member_ref(USER), REPLY, dedupe_key="r9-a")
    assert again.status is DeliveryStatus.DELIVERED
    await asyncio.sleep(2)  # let the hung request land too: the nonce keeps it to one message
    assert len(fake.dm_messages()) == 1
