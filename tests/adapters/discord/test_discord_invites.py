"""Calendar invites through the real discord.py client: the `invite` option and the bot's DM.

Discord's payloads as documented: an attachment option (type 11) whose value is an id in
`data.resolved.attachments`, a MESSAGE_CREATE in the bot's DM carrying `attachments`, and
the file itself on the CDN at its signed URL, which the fake serves only as issued. The
invites are the core's fixtures, one per source, and each must log what the core reads.
"""

from __future__ import annotations

import pytest
from fakes.discord_api import EPHEMERAL, GUILD, GUILD_CHANNEL, USER, FakeDiscord, text_of

from adapters.discord import DiscordAdapter, sync_commands
from adapters.discord.commands import ATTACHMENT
from adapters.invite_files import NOT_AN_INVITE, UNREADABLE
from bot.domain.invites import MAX_INVITE_BYTES
from bot.settings import Settings
from tests.services.test_invites import EXPECTED, FIXTURES, described, interviews

INVITE = (FIXTURES / "google_calendar.ics").read_bytes()


def cdn_gets(fake: FakeDiscord) -> list[str]:
    """The paths of every request to the fake's CDN."""
    return [r.path for r in fake.requests if "attachments/" in r.path]


async def dm_answer(fake: FakeDiscord, count: int = 1) -> str:
    """What the bot said in the member's DM, once it has said `count` things."""
    posted = await fake.wait_for(
        lambda r: r.method == "POST" and r.path.endswith("/messages"), count=count
    )
    return text_of(posted[-1].body)


async def test_log_registers_an_optional_invite_attachment_option_discord_accepts(
    fake: FakeDiscord, discord_settings: Settings
) -> None:
    await sync_commands(discord_settings, None)
    (put,) = fake.sent("PUT", "/commands")
    assert (put.status, put.validated) == (200, True)  # checked against Discord's spec
    group, _menu = put.body  # and the message command
    subs = {sub["name"]: sub for sub in group["options"]}
    (invite,) = [o for o in subs["log"]["options"] if o["type"] == ATTACHMENT]
    assert (invite["name"], invite["required"]) == ("invite", False)
    others = [o for name, sub in subs.items() if name != "log" for o in sub["options"]]
    assert all(o["type"] != ATTACHMENT for o in others)


@pytest.mark.parametrize("name", sorted(EXPECTED))
async def test_each_sources_invite_attached_to_log_is_logged(
    adapter: DiscordAdapter, fake: FakeDiscord, name: str
) -> None:
    attachment = fake.upload(name, (FIXTURES / name).read_bytes())
    payload = fake.slash("log", files={"invite": attachment})
    await fake.interact(payload)
    body = await fake.answer(payload)
    assert body["data"]["flags"] & EPHEMERAL
    assert f"Logged #1 {EXPECTED[name].company}" in text_of(body)
    (interview,) = interviews(adapter.core)
    assert described(interview) == EXPECTED[name]


async def test_options_typed_beside_the_invite_win_and_its_id_is_not_text(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    attachment = fake.upload("invite.ics", INVITE)
    payload = fake.slash("log", role="SRE", files={"invite": attachment})
    await fake.interact(payload)
    # The attachment's id is no text: as a word of the command line, log would refuse it.
    assert "Logged #1 Acme · SRE" in text_of(await fake.answer(payload))
    assert cdn_gets(fake) == [attachment["url"].split("?")[0].removeprefix(fake.root)]
    (interview,) = interviews(adapter.core)
    assert (interview.company, interview.role) == ("Acme", "SRE")


async def test_a_file_that_is_not_an_invite_is_answered_without_downloading_it(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    photo = fake.upload("office.png", b"\x89PNG", content_type="image/png")
    payload = fake.slash("log", files={"invite": photo})
    await fake.interact(payload)
    body = await fake.answer(payload)
    assert body["data"]["flags"] & EPHEMERAL
    assert NOT_AN_INVITE in text_of(body)
    assert cdn_gets(fake) == []
    assert interviews(adapter.core) == []


async def test_an_invite_over_the_cap_is_refused_and_never_downloaded(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    export = fake.upload("calendar.ics", b"x" * (MAX_INVITE_BYTES + 1))
    payload = fake.slash("log", files={"invite": export})
    await fake.interact(payload)
    text = text_of(await fake.answer(payload))
    assert f"more than the {MAX_INVITE_BYTES // 1024:,} KiB" in text
    assert cdn_gets(fake) == []
    assert interviews(adapter.core) == []


async def test_an_expired_cdn_url_is_a_friendly_retry(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    attachment = fake.upload("invite.ics", INVITE)
    fake.advance(15 * 24 * 3600)  # past the URL's expiry
    payload = fake.slash("log", files={"invite": attachment})
    await fake.interact(payload)
    assert UNREADABLE in text_of(await fake.answer(payload))
    (got,) = [r for r in fake.requests if "attachments/" in r.path]
    assert got.status == 404
    assert interviews(adapter.core) == []


async def test_an_invite_sent_to_the_bots_dm_is_logged_moved_and_cancelled_there(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    channel = fake.dm_channels.setdefault(USER, "990000000000000001")
    answers = []
    for count, name in enumerate(
        ("outlook_exchange.ics", "google_calendar.ics", "google_update.ics", "google_cancel.ics"),
        start=1,
    ):
        attachment = fake.upload(name, (FIXTURES / name).read_bytes(), channel=channel)
        await fake.message_create(attachments=[attachment])
        answers.append(await dm_answer(fake, count))
    assert "Logged #1 Globex" in answers[0]
    assert "Logged #2 Acme" in answers[1]
    assert "Rescheduled #2 Acme from Tue 1 Dec 2026" in answers[2]
    assert "so I marked #2 Acme" in answers[3]
    globex, acme = interviews(adapter.core)
    assert described(globex) == EXPECTED["outlook_exchange.ics"]
    assert (acme.status, acme.invite_sequence) == ("cancelled", 2)


async def test_options_typed_with_a_dmd_invite_go_with_it(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    channel = fake.dm_channels.setdefault(USER, "990000000000000001")
    attachment = fake.upload("invite.ics", INVITE, channel=channel)
    await fake.message_create(
        content='stage=onsite role="Staff Engineer"', attachments=[attachment]
    )
    assert "Logged #1 Acme · Staff Engineer" in await dm_answer(fake)
    (interview,) = interviews(adapter.core)
    assert interview.stage == "onsite"


async def test_a_dm_with_a_file_that_is_not_an_invite_gets_a_friendly_answer(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    channel = fake.dm_channels.setdefault(USER, "990000000000000001")
    resume = fake.upload("resume.pdf", b"%PDF-1.7", content_type="application/pdf", channel=channel)
    await fake.message_create(attachments=[resume])
    assert NOT_AN_INVITE in await dm_answer(fake)
    assert cdn_gets(fake) == []
    assert interviews(adapter.core) == []


async def test_messages_without_files_and_in_servers_are_left_alone(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await fake.message_create(content="thanks!")
    server_file = fake.upload("invite.ics", INVITE, channel=GUILD_CHANNEL)
    await fake.message_create(attachments=[server_file], guild_id=GUILD, channel_id=GUILD_CHANNEL)
    # Then a DM that is answered: by then the two before it were handled, and ignored.
    channel = fake.dm_channels[USER]
    note = fake.upload("a.txt", b"hi", content_type="text/plain", channel=channel)
    await fake.message_create(attachments=[note])
    assert NOT_AN_INVITE in await dm_answer(fake)
    assert len(fake.sent("POST", "/messages")) == 1
    assert interviews(adapter.core) == []


async def test_the_client_asks_for_dm_messages_but_not_for_message_content(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    (identify,) = fake.identifies
    assert identify["intents"] & (1 << 12)  # DIRECT_MESSAGES
    assert not identify["intents"] & (1 << 15)  # MESSAGE_CONTENT: privileged, not needed
