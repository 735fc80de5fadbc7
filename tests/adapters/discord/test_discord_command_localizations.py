"""`/interview` registered with its descriptions and choices in each of our languages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import discord
import pytest
from fakes.discord_api import FakeDiscord
from fakes.discord_contract import MAX_COMMAND_SIZE, command_size

from adapters.discord import commands, sync_commands
from adapters.discord.commands import DISCORD_LOCALES, command_payload, left_out
from bot.app import Core
from bot.commands.handlers import build_registry
from bot.settings import Settings

OUR_LOCALES = {locale for locales in DISCORD_LOCALES.values() for locale in locales}


def described(item: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The command and every subcommand and option in it: whatever has a description."""
    yield item
    for option in item.get("options") or []:
        yield from described(option)


def choices(item: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every choice of every option in the command."""
    for option in described(item):
        yield from option.get("choices") or []


async def test_sync_registers_german_descriptions_and_choice_names_with_english_names(
    fake: FakeDiscord, discord_settings: Settings, core: Core
) -> None:
    """Discord shows `de` to a member whose client is German; names stay syntax."""
    await sync_commands(discord_settings, None)
    (put,) = fake.sent("PUT", "/commands")
    assert put.validated
    assert put.status == 200
    group, _menu = put.body  # and the message command
    assert group["description_localizations"]["de"] == (
        "Nach Vorstellungsgesprächen nachfassen: eintragen, Entwürfe und Erinnerungen bekommen."
    )
    subs = {sub["name"]: sub for sub in group["options"]}
    assert subs["help"]["description_localizations"]["de"] == "Was Followup kann."
    assert subs["draft"]["description_localizations"]["de"].startswith("Entwürfe")
    log = {option["name"]: option for option in subs["log"]["options"]}
    stage = {choice["value"]: choice for choice in log["stage"]["choices"]}
    assert stage["phone_screen"]["name"] == "phone screen"
    assert stage["phone_screen"]["name_localizations"]["de"] == "Telefoninterview"
    kinds = {
        c["value"]: c for c in {o["name"]: o for o in subs["sent"]["options"]}["kind"]["choices"]
    }
    assert kinds["thank_you"]["name_localizations"]["de"] == "Dankesnachricht"
    for item in described(group):
        assert "de" in item["description_localizations"], item["name"]
        assert "name_localizations" not in item, item["name"]  # names are typed: English
        spanish = item["description_localizations"]
        assert spanish["es-ES"] == spanish["es-419"]
        assert set(spanish) <= OUR_LOCALES
    assert all("de" in choice["name_localizations"] for choice in choices(group))


def test_every_translated_description_fits_discords_100_characters() -> None:
    """A translation too long is left out (English shown), never cut: none may be."""
    assert left_out(build_registry().specs) == []


def test_the_command_with_its_longest_localizations_fits_discords_size_limit() -> None:
    """interactions/application-commands.mdx, Slash Commands: 8,000 characters in all."""
    assert command_size(command_payload(build_registry().specs)) <= MAX_COMMAND_SIZE


async def test_a_locale_discord_does_not_know_is_refused_as_discord_refuses_it(
    fake: FakeDiscord, discord_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Had we written gettext's `pt_BR`, discord.py would raise Discord's own 50035."""
    monkeypatch.setitem(commands.DISCORD_LOCALES, "pt", ("pt_BR",))
    with pytest.raises(discord.HTTPException) as refused:
        await sync_commands(discord_settings, None)
    assert refused.value.status == 400
    assert refused.value.code == 50035
    assert "0.description_localizations.pt_BR" in refused.value.text
    assert fake.commands == {}  # nothing was registered
