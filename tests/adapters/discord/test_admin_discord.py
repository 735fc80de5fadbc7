"""`/interview admin` on Discord: Manage Server from the interaction, and the wins post."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fakes.discord_api import (
    GUILD_CHANNEL,
    MEMBER_PERMISSIONS,
    USER,
    FakeDiscord,
    say,
    text_of,
)

from adapters.discord import DiscordAdapter
from bot.scheduling.clock import ManualClock
from bot.scheduling.group_jobs import GroupJobs


async def run(fake: FakeDiscord, payload: dict[str, Any]) -> str:
    """Dispatch an interaction and return the text of its ephemeral answer."""
    await fake.interact(payload)
    return text_of((await fake.callback(payload["id"])).body)


def as_member(payload: dict[str, Any]) -> dict[str, Any]:
    """The same interaction from someone without Manage Server."""
    payload["member"]["permissions"] = MEMBER_PERMISSIONS
    return payload


def in_dm(payload: dict[str, Any]) -> dict[str, Any]:
    """The same interaction in a DM with the bot: no server, no member permissions."""
    payload.pop("guild_id")
    payload["user"] = payload.pop("member")["user"]
    payload["channel_id"] = "820000000000000001"
    payload["channel"] = {"id": "820000000000000001", "type": 1, "recipients": [payload["user"]]}
    payload["context"] = 1
    payload["app_permissions"] = "0"
    return payload


async def test_a_member_with_manage_server_sees_and_changes_the_settings(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    shown = text_of(await say(fake, "admin"))
    assert "Your group's settings" in shown
    saved = text_of(await say(fake, "admin", text="tone=formal status_check_limit=1"))
    assert "Saved." in saved
    assert "formal" in saved


async def test_a_member_without_manage_server_is_refused(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    reply = await run(fake, as_member(fake.slash("admin", text="tone=formal")))
    assert "Only this group's admins" in reply
    assert "Manage Server" in reply


async def test_admin_in_a_dm_says_to_run_it_in_the_server(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    reply = await run(fake, in_dm(fake.slash("admin")))
    assert "direct message" in reply


async def test_a_server_default_reaches_its_members_settings(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await say(fake, "admin", text="tone=formal")
    other = "700000000000000009"
    reply = await run(fake, as_member(fake.slash("settings", user=other)))
    assert "formal (group default)" in reply


async def test_the_weekly_wins_post_reaches_the_server_channel_once(
    adapter: DiscordAdapter, fake: FakeDiscord, clock: ManualClock
) -> None:
    saved = text_of(await say(fake, "admin", text="wins=here"))
    assert GUILD_CHANNEL in saved
    for n in range(5):
        payload = fake.slash("log", user=f"70000000000000010{n}", company="Secretco")
        payload["data"]["options"][0]["options"].append(
            {"type": 3, "name": "when", "value": "yesterday 3pm"}
        )
        await run(fake, as_member(payload))
    clock.advance(timedelta(days=7))
    jobs = GroupJobs(adapter.core.groups, adapter.core.delivery.messengers)
    assert await jobs.post_wins() == 1
    assert await jobs.post_wins() == 0
    (post,) = fake.messages[GUILD_CHANNEL]
    text = text_of(post)
    assert "Interviews logged" in text
    assert "5" in text
    for private in ("Secretco", "700000000000000100", USER):
        assert private not in str(post)
