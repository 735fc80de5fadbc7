"""A member with language=de sees the adapters' own words in German, within each platform's limits.

Through the real slack-bolt and discord.py against the strict loopback fakes (which refuse
what Slack or Discord would: a modal title over 24 characters, a button label over 80), and
through the console. The core's replies carry the member's language in `Reply.language`;
the adapters render their own words in it. A German member's drafts and reminder DMs are
German end to end.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fakes.discord_api import USER, FakeDiscord, say, text_of
from fakes.slack_api import FakeSlack

from adapters.console.conversation import Conversation
from adapters.discord import DiscordAdapter
from adapters.invite_files import NOT_AN_INVITE, Fetched
from bot.app import Core, build_core
from bot.chat import Reply
from bot.scheduling.clock import ManualClock
from bot.settings import Settings
from tests.adapters.slack.slack_harness import Harness, blocks_text, load, slack_settings

MODAL = 9
SLOW = 30.0  # seconds: the first command of a process loads the date parser
WHEN = 'when="2026-11-24 15:00"'
JANE = 'with="Jane Doe <jane@acme.com>"'
ANNA = 'with="Frau Anna Weiß <anna@acme.com>"'


@pytest.fixture
def sqlite_core(tmp_path: Path, clock: ManualClock) -> Iterator[Core]:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/i18n.db", _env_file=None)  # type: ignore[call-arg]
    built = build_core(settings, clock)
    try:
        yield built
    finally:
        built.deps.db.dispose()


@pytest.fixture
def in_members_language(sqlite_core: Core) -> Core:
    """The core, whose replies say the asking member's language (bot/commands/dispatch.py)."""
    return sqlite_core


# --- Slack ------------------------------------------------------------------------------


@pytest.fixture
async def slack(in_members_language: Core) -> AsyncIterator[Harness]:
    fake = await FakeSlack().start()
    settings = slack_settings(str(in_members_language.settings.database_url), fake)
    harness = await Harness(in_members_language, fake, settings).start()
    try:
        yield harness
    finally:
        await harness.close()
        await fake.stop()
    assert fake.refusals == [], "Slack would have refused these requests"


async def said(slack: Harness, text: str) -> str:
    """A slash command's ephemeral answer (the harness's `say`, with room for a cold start)."""
    before = len(slack.fake.of("hooks"))
    status, _ = await slack.command(text)
    assert status == 200
    hooks = await slack.wait_for("hooks", before + 1, timeout=SLOW)
    return blocks_text(hooks[-1].body)


async def test_slack_shows_a_german_member_our_words_in_german_within_slacks_limits(
    slack: Harness,
) -> None:
    assert "Gespeichert." in await said(slack, "settings language=de")
    logged = await said(slack, f"log company=Acme {WHEN} {ANNA}")
    assert "Eingetragen: #1 Acme" in logged

    status, _ = await slack.command("log")  # no details: the form
    assert status == 200
    (opened,) = await slack.wait_for("views.open", timeout=SLOW)
    modal = opened.json("view")
    assert modal["close"]["text"] == "Abbrechen"
    assert modal["submit"]["text"] == "Eintragen"

    answer = await said(slack, "draft #1 thank_you")  # a draft goes by DM, with its buttons
    assert answer == "Ich habe dir das als Direktnachricht geschickt."
    dm = slack.fake.of("chat.postMessage")[-1].body
    assert "Betreff: Vielen Dank für das Gespräch" in blocks_text(dm)
    assert "An: anna@acme.com" in blocks_text(dm)
    assert "Hallo Frau Weiß," in blocks_text(dm)
    assert any(b["type"] == "actions" for b in dm["blocks"]), "with its buttons"

    await slack.event(load("event_app_home_opened"))
    (published,) = await slack.wait_for("views.publish", timeout=SLOW)
    home = published.json("view")
    assert home["blocks"][0]["text"]["text"] == "Deine Vorstellungsgespräche"
    buttons = [
        e["text"]["text"] for b in home["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert buttons[:4] == ["Gespräch eintragen", "Was ansteht", "Einstellungen", "Hilfe"]


async def test_slack_speaks_english_to_a_member_who_chose_nothing(slack: Harness) -> None:
    status, _ = await slack.command("log")
    assert status == 200
    (opened,) = await slack.wait_for("views.open", timeout=SLOW)
    assert opened.json("view")["close"]["text"] == "Cancel"


# --- Discord ----------------------------------------------------------------------------


@pytest.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    import discord
    import yarl

    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    server = await FakeDiscord().start()
    try:
        yield server
    finally:
        await server.stop()
        discord.http.Route.BASE = base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(str(gateway))


@pytest.fixture
async def discord_adapter(
    in_members_language: Core, discord_fake: FakeDiscord
) -> AsyncIterator[DiscordAdapter]:
    settings = in_members_language.settings.model_copy(
        update={
            "discord_token": "test-token",
            "discord_api_url": discord_fake.base_url,
            "discord_gateway_url": discord_fake.gateway_url,
        }
    )
    started = DiscordAdapter(in_members_language, settings, guild_ready_timeout=0.05)
    await started.start()
    try:
        yield started
    finally:
        await started.close()


async def test_discord_shows_a_german_member_our_words_in_german_within_discords_limits(
    discord_adapter: DiscordAdapter, discord_fake: FakeDiscord
) -> None:
    fake = discord_fake
    await say(fake, "settings", language="de", timezone="Europe/Berlin")

    modal = await say(fake, "log")
    assert modal["type"] == MODAL
    labels = [c["label"] for c in modal["data"]["components"]]
    assert "Datum und Beginn" in labels

    anna = "Frau Anna Weiß <anna@acme.com>"
    logged = await say(fake, "log", company="Acme", when="2026-11-24 15:00", **{"with": anna})
    assert "Eingetragen: #1 Acme" in text_of(logged)
    answer = await say(fake, "draft", interview="#1", kind="thank_you")
    assert "Ich habe dir das per DM geschickt." in text_of(answer)
    (dm,) = fake.dm_messages(USER)
    draft = dm["embeds"][0]
    assert "**Betreff:** Vielen Dank für das Gespräch" in draft["description"]
    assert "**An:** anna@acme.com" in draft["description"]
    assert "Hallo Frau Weiß," in draft["description"]
    assert draft["footer"]["text"].startswith(
        "draft-1.eml öffnet sich als Entwurf in deiner Mail-App."
    )
    assert [r.status for r in fake.requests if r.status >= 400] == []


# --- Console ----------------------------------------------------------------------------


async def test_the_console_gives_a_german_member_its_notices_in_german(
    sqlite_core: Core, clock: ManualClock
) -> None:
    console = Conversation(sqlite_core, clock, user="ada")
    assert "Commands start with /interview" in await console.say("hello")
    await console.say("/interview settings language=de")
    assert await console.say("hello") == "Befehle beginnen mit /interview. Probier /interview help."
    assert (await console.say(":advance 1h")).startswith("Es ist jetzt ")
    assert "Diese Direktive konnte ich nicht lesen." in await console.say(':as "ada')
    assert await console.say(":as grace") == "Du bist jetzt grace."
    assert await console.say("hello") == "Commands start with /interview. Try /interview help."


# --- Invite files -----------------------------------------------------------------------


def test_why_a_file_was_not_read_is_said_in_the_language_of_the_answer() -> None:
    fetched = Fetched()
    fetched.refuse(NOT_AN_INVITE)
    fetched.refuse_too_big(3 * 1024 * 1024)
    german = fetched.answer(language="de").plain_text()
    assert "Diese Datei ist keine Kalendereinladung" in german
    assert "Diese Einladung ist 3,072 KiB groß" in german
    english = fetched.answer(Reply.text("Logged #1 Acme")).plain_text()
    assert english.startswith("That file isn't a calendar invite")
    assert english.endswith("Logged #1 Acme")


# --- A German member end to end: reply, reminder DM with its draft and buttons ----------

REMINDER = "Zeit, deine Dankesnachricht an Frau Anna Weiß zu senden"
GREETING = "Hallo Frau Weiß,"
MARK_SENT = "Als gesendet markieren"


async def test_the_console_runs_a_german_member_end_to_end(
    sqlite_core: Core, clock: ManualClock
) -> None:
    console = Conversation(sqlite_core, clock, user="ada")
    await console.say("/interview settings language=de timezone=UTC")
    logged = await console.say(f'/interview log company="Acme" when="morgen 15 Uhr" {ANNA}')
    assert "Eingetragen: #1 Acme" in logged
    assert "Di., 24. Nov. 2026, 15:00-16:00 UTC" in logged
    dm = await console.say(":advance 27h")
    assert REMINDER in dm
    assert "Betreff: Vielen Dank für das Gespräch" in dm
    assert GREETING in dm
    assert f"[{MARK_SENT}: /interview sent #1 thank_you" in dm
    sent = await console.say('/interview sent #1 thank_you "Frau Anna Weiß"')
    assert "Dankesnachricht" in sent
    assert "Marked" not in sent


async def test_slack_runs_a_german_member_end_to_end(
    slack: Harness, sqlite_core: Core, clock: ManualClock
) -> None:
    await said(slack, "settings language=de timezone=UTC")
    assert "Eingetragen: #1 Acme" in await said(slack, f"log company=Acme {WHEN} {ANNA}")
    clock.advance(timedelta(hours=27))  # an hour after the interview
    report = await sqlite_core.delivery.deliver_due()
    assert report.delivered == 1
    dm = slack.fake.of("chat.postMessage")[-1].body
    text = blocks_text(dm)
    assert REMINDER in text
    assert GREETING in text
    labels = [
        e["text"]["text"]
        for b in dm["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if "text" in e
    ]
    assert MARK_SENT in labels


async def test_discord_runs_a_german_member_end_to_end(
    discord_adapter: DiscordAdapter,
    discord_fake: FakeDiscord,
    in_members_language: Core,
    clock: ManualClock,
) -> None:
    fake = discord_fake
    await say(fake, "settings", language="de", timezone="UTC")
    anna = "Frau Anna Weiß <anna@acme.com>"
    logged = await say(fake, "log", company="Acme", when="2026-11-24 15:00", **{"with": anna})
    assert "Eingetragen: #1 Acme" in text_of(logged)
    clock.advance(timedelta(hours=27))
    report = await in_members_language.delivery.deliver_due()
    assert report.delivered == 1
    messages = fake.dm_messages(USER)
    assert any(REMINDER in text_of(m) for m in messages)
    assert any(GREETING in e["description"] for m in messages for e in m.get("embeds", []))
    labels = [
        c.get("label")
        for m in messages
        for row in m.get("components", [])
        for c in row["components"]
    ]
    assert MARK_SENT in labels
    assert [r.status for r in fake.requests if r.status >= 400] == []
