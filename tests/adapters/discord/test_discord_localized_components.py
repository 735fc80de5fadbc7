"""The adapter's own words on components (menus, form choices) in the member's language."""

from __future__ import annotations

from typing import Any

from fakes.discord_api import USER, FakeDiscord

from adapters.discord import DiscordAdapter
from adapters.discord.messenger import member_ref
from bot.chat import Action, Reply, Section

MODAL = 9
GERMAN_REMINDER = Reply(
    blocks=[Section("Zeit für deine Dankesnachricht an Acme.")],
    actions=[
        Action("sent", "Als gesendet markieren", '#1 thank_you "Jane Doe"', style="primary"),
        Action("snooze", "In einer Stunde", '#1 thank_you "Jane Doe" for=1h'),
        Action("snooze", "Morgen früh", '#1 thank_you "Jane Doe" for=tomorrow'),
    ],
    language="de",
)


def components(message: dict[str, Any]) -> list[dict[str, Any]]:
    """Every component of a message's action rows."""
    return [item for row in message.get("components") or [] for item in row["components"]]


async def test_a_german_reminders_snooze_menu_has_a_german_placeholder(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await adapter.messenger.send_dm(member_ref(USER), GERMAN_REMINDER, dedupe_key="de-1")
    (message,) = fake.dm_messages()
    (menu,) = [c for c in components(message) if c["type"] == 3]
    assert menu["placeholder"] == "Später erinnern …"
    assert [o["label"] for o in menu["options"]] == ["In einer Stunde", "Morgen früh"]


async def test_an_english_reminders_menu_keeps_its_english_placeholder(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    english = Reply(blocks=GERMAN_REMINDER.blocks, actions=GERMAN_REMINDER.actions)
    await adapter.messenger.send_dm(member_ref(USER), english, dedupe_key="en-1")
    (message,) = fake.dm_messages()
    (menu,) = [c for c in components(message) if c["type"] == 3]
    assert menu["placeholder"] == "Snooze…"


async def test_a_german_members_log_form_offers_stages_by_their_german_names(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    """The value stays the core's (`phone_screen`); the label is words, in German."""
    payload = fake.slash("log")
    payload["locale"] = "de"
    await fake.interact(payload)
    body = await fake.answer(payload)
    assert body["type"] == MODAL
    labels = {c["component"]["custom_id"]: c["label"] for c in body["data"]["components"]}
    assert labels["stage"] == "Phase"
    stage = next(c["component"] for c in body["data"]["components"] if c["label"] == "Phase")
    options = {o["value"]: o for o in stage["options"]}
    assert options["phone_screen"]["label"] == "Telefoninterview"
    assert options["phone_screen"]["default"] is True
    assert options["final"]["label"] == "Finale Runde"
