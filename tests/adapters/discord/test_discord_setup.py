"""Command registration, the invite link and sharding, against the fake Discord."""

from __future__ import annotations

import logging
from urllib.parse import parse_qs, urlsplit

import pytest
from fakes.discord_api import FakeDiscord, Undelivered, guild_on_shard, text_of

from adapters.discord import (
    DiscordAdapter,
    application_id_from_token,
    invite_url,
    sync_commands,
)
from bot.app import Core
from bot.settings import Settings


async def test_sync_puts_the_interview_group_built_from_the_registry(
    fake: FakeDiscord, discord_settings: Settings, core: Core
) -> None:
    count = await sync_commands(discord_settings, None)
    (put,) = fake.sent("PUT", "/commands")
    assert put.path.endswith("/applications/900000000000000001/commands")
    group, _menu = put.body  # and the message command
    assert group["name"] == "interview"
    assert group["integration_types"] == [0, 1]
    assert group["contexts"] == [0, 1, 2]
    names = [sub["name"] for sub in group["options"]]
    assert names == [spec.name for spec in core.registry.shown]
    assert count == len(names)
    subs = {sub["name"]: sub for sub in group["options"]}
    assert all(sub["type"] == 1 and len(sub["description"]) <= 100 for sub in subs.values())
    log_options = {o["name"]: o for o in subs["log"]["options"]}
    assert {"company", "when", "stage", "with", "text"} <= set(log_options)
    assert "onsite" in [c["value"] for c in log_options["stage"]["choices"]]
    outcome = {o["name"]: o for o in subs["outcome"]["options"]}
    assert outcome["interview"]["autocomplete"] is True
    assert [c["value"] for c in outcome["outcome"]["choices"]][:2] == ["next_round", "offer"]
    draft = {o["name"]: o for o in subs["draft"]["options"]}
    assert "thank_you" in [c["value"] for c in draft["kind"]["choices"]]
    settings = {o["name"]: o for o in subs["settings"]["options"]}
    assert settings["timezone"]["autocomplete"] is True


async def test_sync_to_one_guild_leaves_out_the_global_only_fields(
    fake: FakeDiscord, discord_settings: Settings
) -> None:
    """`integration_types` and `contexts` are for global commands (application-commands.mdx)."""
    await sync_commands(discord_settings, 800000000000000001)
    (put,) = fake.sent("PUT", "/commands")
    assert put.path.endswith("/guilds/800000000000000001/commands")
    group, _menu = put.body  # and the message command
    assert group["name"] == "interview"
    assert "integration_types" not in group
    assert "contexts" not in group


def test_server_invite_asks_for_commands_and_bot_as_a_guild_install() -> None:
    url = invite_url("900000000000000001")
    query = parse_qs(urlsplit(url).query)
    assert url.startswith("https://discord.com/oauth2/authorize?")
    assert query["client_id"] == ["900000000000000001"]
    assert query["scope"] == ["applications.commands bot"]
    assert query["integration_type"] == ["0"]


def test_user_invite_offers_a_user_install_of_the_commands() -> None:
    """`integration_type=1` is a user install (oauth2.mdx); a bot user joins servers only."""
    query = parse_qs(urlsplit(invite_url("900000000000000001", user=True)).query)
    assert query["client_id"] == ["900000000000000001"]
    assert query["scope"] == ["applications.commands"]
    assert query["integration_type"] == ["1"]


def test_application_id_is_read_from_the_token() -> None:
    shaped = "OTAwMDAwMDAwMDAwMDAwMDAx.GhIjKl.signature-part"
    assert application_id_from_token(shaped) == "900000000000000001"
    assert application_id_from_token("not a token") is None


async def test_sharded_adapter_identifies_each_configured_shard(
    fake: FakeDiscord, discord_settings: Settings, core: Core
) -> None:
    settings = discord_settings.model_copy(
        update={"discord_shards": 4, "discord_shard_ids": [1, 3]}
    )
    adapter = DiscordAdapter(core, settings, guild_ready_timeout=0.05, identify_delay=0.0)
    await adapter.start()
    try:
        await fake.wait_connected(2)
        assert sorted(tuple(i["shard"]) for i in fake.identifies) == [(1, 4), (3, 4)]
        for shard in (1, 3):
            payload = fake.slash("list")
            payload["guild_id"] = guild_on_shard(shard, 4)  # Discord routes it to that shard
            await fake.interact(payload)
            body = (await fake.callback(payload["id"])).body
            assert "haven't logged any interviews" in text_of(body)
    finally:
        await adapter.close()


async def test_shard_ids_without_shard_zero_are_warned_about_as_dm_presses_go_there(
    fake: FakeDiscord, discord_settings: Settings, core: Core, caplog: pytest.LogCaptureFixture
) -> None:
    """Discord sends DM button presses to shard 0 only: a process without it never sees one."""
    settings = discord_settings.model_copy(update={"discord_shards": 2, "discord_shard_ids": [1]})
    adapter = DiscordAdapter(core, settings, guild_ready_timeout=0.05, identify_delay=0.0)
    with caplog.at_level(logging.WARNING, logger="adapters.discord"):
        await adapter.start()
    try:
        assert any("leaves out shard 0" in r.getMessage() for r in caplog.records)
        press = fake.interaction("interaction_button_dm", custom_id="fu:due:1:", component_type=2)
        with pytest.raises(Undelivered):
            await fake.interact(press)
    finally:
        await adapter.close()


async def test_shard_ids_with_shard_zero_give_no_warning(
    fake: FakeDiscord, discord_settings: Settings, core: Core, caplog: pytest.LogCaptureFixture
) -> None:
    settings = discord_settings.model_copy(update={"discord_shards": 2, "discord_shard_ids": [0]})
    adapter = DiscordAdapter(core, settings, guild_ready_timeout=0.05, identify_delay=0.0)
    with caplog.at_level(logging.WARNING, logger="adapters.discord"):
        adapter.build_client()
    assert not any("shard 0" in r.getMessage() for r in caplog.records)
