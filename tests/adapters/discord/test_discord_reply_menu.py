"""'Read employer's reply', the message command, through the real discord.py client (#19).

It is registered beside `/interview`, named in each of our languages; used on a message it
opens the reply form with the message's text; submitted, the core reads it and the buttons
that confirm the reading come with the answer.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from fakes.discord_api import (
    EPHEMERAL,
    UPDATE_MESSAGE,
    FakeDiscord,
    custom_ids,
    say,
    sent_message_defaults,
    text_of,
)

from adapters.discord import DiscordAdapter, sync_commands
from adapters.discord.reply_menu import MESSAGE_COMMAND, NAME
from bot.chat import MAX_FORM_TEXT
from bot.commands.reply_pick import PICK, TEXT
from bot.logs import PAYLOAD_LOGGERS
from bot.settings import Settings

MESSAGE, MODAL = 4, 9
EMAIL = (
    "Hi Ada,\n\nThank you for meeting the team. After careful consideration we have decided "
    "to move forward with other candidates.\n\nBest,\nHana Kim, Talent Partner\n\n"
    "> On Fri, Nov 20, Ada wrote:\n> Thank you for the conversation."
)
CHOSEN = "#1 Acme · Data Engineer"


@pytest.fixture
async def registered(
    adapter: DiscordAdapter, fake: FakeDiscord, discord_settings: Settings
) -> None:
    """The commands synced, so Discord offers the message command; one interview logged."""
    await sync_commands(discord_settings, None)
    await say(fake, "log", company="Acme", role="Data Engineer", when="2026-11-20 15:00")


async def use(fake: FakeDiscord, content: str, **changes: Any) -> dict[str, Any]:
    """Use the message command on a message saying `content`; what the member sees."""
    payload = fake.message_command(NAME, content)
    payload.update(changes)
    await fake.interact(payload)
    return await fake.answer(payload)


def inputs(modal: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["component"]["custom_id"]: c["component"] for c in modal["components"]}


async def test_it_is_registered_beside_interview_in_every_language(
    fake: FakeDiscord, discord_settings: Settings
) -> None:
    await sync_commands(discord_settings, None)
    (put,) = fake.sent("PUT", "/commands")
    assert (put.status, put.validated) == (200, True)
    menu = next(c for c in put.body if c.get("type") == MESSAGE_COMMAND)
    assert menu["name"] == "Read employer's reply"
    assert "description" not in menu
    assert "options" not in menu
    names = menu["name_localizations"]
    assert set(names) == {"es-ES", "es-419", "fr", "de", "pt-BR"}
    assert names["fr"] == "Lire la réponse de l'entreprise"
    assert all(1 <= len(name) <= 32 for name in names.values())


async def test_on_a_message_it_opens_the_reply_form_with_its_text(
    registered: None, fake: FakeDiscord
) -> None:
    body = await use(fake, EMAIL)
    assert body["type"] == MODAL
    modal = body["data"]
    assert (modal["custom_id"], modal["title"]) == ("fm:reply:", "Their reply")
    found = inputs(modal)
    pick, text = found[PICK], found[TEXT]
    assert pick["type"] == 3  # a select
    (option,) = pick["options"]
    assert (option["value"], option["label"], option["default"]) == ("#1", CHOSEN, True)
    assert (text["style"], text["value"], text["required"]) == (2, EMAIL, True)


async def test_a_member_speaking_french_reads_the_form_in_french(
    registered: None, fake: FakeDiscord
) -> None:
    await say(fake, "settings", language="fr")
    modal = (await use(fake, EMAIL, locale="fr"))["data"]
    assert modal["title"] == "Leur réponse"
    assert [c["label"] for c in modal["components"]] == ["Quel entretien\u202f?", "Leur e-mail"]


async def test_a_forwarded_email_is_read_from_its_snapshot(
    registered: None, fake: FakeDiscord
) -> None:
    """A forwarded message's own content is empty (resources/message.mdx, Message Snapshot)."""
    payload = fake.message_command(NAME, "")
    (message,) = payload["data"]["resolved"]["messages"].values()
    message["message_snapshots"] = [{"message": {"content": EMAIL, "type": 0, "flags": 0}}]
    await fake.interact(payload)
    assert inputs((await fake.answer(payload))["data"])[TEXT]["value"] == EMAIL


async def test_a_long_message_fills_the_field_to_the_limit_and_says_so(
    registered: None, fake: FakeDiscord
) -> None:
    email = "Unfortunately we will not proceed.\n" + "x" * MAX_FORM_TEXT
    modal = (await use(fake, email))["data"]
    labels = {c["component"]["custom_id"]: c["label"] for c in modal["components"]}
    assert inputs(modal)[TEXT]["value"] == email[:MAX_FORM_TEXT]
    assert "3,000" in labels[TEXT]


async def test_with_no_interview_the_member_is_told_to_log_one(
    adapter: DiscordAdapter, fake: FakeDiscord, discord_settings: Settings
) -> None:
    await sync_commands(discord_settings, None)
    body = await use(fake, EMAIL)
    assert body["type"] == MESSAGE
    assert body["data"]["flags"] & EPHEMERAL
    assert "haven't logged an interview yet" in text_of(body)


async def test_the_email_is_never_logged(
    registered: None, fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    """At the levels production logs at (bot/logs.py): all of ours, libraries from INFO."""
    caplog.set_level(logging.DEBUG)
    for name in PAYLOAD_LOGGERS:  # they log whole payloads at DEBUG
        caplog.set_level(logging.INFO, logger=name)
    secret = "Zanzibar-47"
    email = f"We regret: {secret} budget cut means we will not proceed."
    modal = (await use(fake, email))["data"]
    submitted = fake.submit(modal["custom_id"], {PICK: ["#1"], TEXT: email})
    await fake.interact(submitted)
    await fake.callback(submitted["id"])
    assert secret not in caplog.text


async def test_paste_pick_confirm_and_the_interview_is_rejected(
    registered: None, fake: FakeDiscord
) -> None:
    modal = (await use(fake, EMAIL))["data"]
    submitted = fake.submit(modal["custom_id"], {PICK: ["#1"], TEXT: EMAIL})
    await fake.interact(submitted)
    answer = (await fake.callback(submitted["id"])).body
    assert answer["type"] == MESSAGE
    assert "rejection from Acme (#1)" in text_of(answer)
    message = {
        **sent_message_defaults(),
        **answer["data"],
        "id": "1",
        "channel_id": "810000000000000001",
    }
    confirm = next(c for c in custom_ids(message) if c.startswith("fu:reply_ok:"))
    press = fake.click(message, confirm)
    await fake.interact(press)
    pressed = (await fake.callback(press["id"])).body
    assert pressed["type"] == UPDATE_MESSAGE
    assert pressed["data"]["content"].startswith("✓ Recorded: #1 Acme")
    # What comes next stays a button: the gracious reply to draft, not a command to copy.
    edited = {**message, **pressed["data"]}
    assert any(c.startswith("fu:draft:") for c in custom_ids(edited)), custom_ids(edited)
    assert "/interview draft" not in pressed["data"]["content"]
    assert "rejected" in text_of(await say(fake, "show", interview="#1"))
