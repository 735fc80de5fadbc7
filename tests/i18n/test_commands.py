"""A member who reads German gets the commands' own words in German, errors and forms too.

Driven through the console conversation and the real dispatcher, so the language is the
one dispatch resolves for the member (their setting, else their platform's locale).
"""

from __future__ import annotations

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import CommandRequest, MemberRef, Reply
from bot.scheduling.clock import ManualClock

LOG = '/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"'


async def _ask(
    core: Core, clock: ManualClock, member: MemberRef, line: str, locale: str | None = None
) -> Reply:
    """One command as an adapter sends it, to read the reply itself, not just its text."""
    command, _, text = line.removeprefix("/interview ").partition(" ")
    request = CommandRequest(member, command, text, clock.now(), locale=locale)
    return await core.dispatcher.handle(request)


async def test_a_member_with_language_de_reads_the_commands_in_german(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    saved = await convo.say("/interview settings language=de")
    assert "Gespeichert. Deine Einstellungen:" in saved, saved  # the change itself, in German

    shown = await convo.say("/interview help")
    assert "Followup hilft dir beim Follow-up nach Vorstellungsgesprächen." in shown, shown
    assert "/interview log " in shown  # commands stay as they are typed
    assert "Was Followup kann." in shown

    logged = await convo.say(LOG)
    assert "Eingetragen: #1 Acme" in logged, logged
    assert "Trag nach dem Gespräch ein, worüber ihr gesprochen habt:" in logged, logged

    unknown = await convo.say("/interview frobnicate")
    assert "Ich kenne den Befehl 'frobnicate' nicht." in unknown, unknown
    assert "Alles, was ich kann, siehst du mit /interview help." in unknown
    typo = await convo.say("/interview lgo company=Acme")
    assert "Meintest du /interview log?" in typo, typo
    assert "'abc' ist keine Gesprächsnummer." in await convo.say("/interview show abc")

    me = convo.member()
    for line in ("/interview help", "/interview frobnicate", "/interview show #1"):
        reply = await _ask(core, clock, me, line)
        assert reply.language == "de", (line, reply.plain_text())
    form = await _ask(core, clock, me, "/interview log")
    assert form.language == "de"
    assert form.form is not None
    assert form.form.title == "Gespräch eintragen"
    assert [field.label for field in form.form.fields][:2] == ["Unternehmen", "Stelle"]


async def test_the_reply_to_choosing_a_language_is_in_that_language(
    core: Core, clock: ManualClock
) -> None:
    member = MemberRef("console", "local", "grace")
    english = await _ask(core, clock, member, "/interview settings")
    assert english.language == "en"
    assert "Your settings:" in english.plain_text()

    german = await _ask(core, clock, member, "/interview settings language=de")
    assert german.language == "de"
    assert german.plain_text().startswith("Gespeichert. Deine Einstellungen:")

    back = await _ask(core, clock, member, "/interview settings language=en")
    assert back.language == "en"
    assert back.plain_text().startswith("Saved. Your settings:")


async def test_a_newcomer_is_answered_in_their_platform_language(
    core: Core, clock: ManualClock
) -> None:
    newcomer = MemberRef("console", "local", "linus")
    reply = await _ask(core, clock, newcomer, "/interview frobnicate", locale="de-DE")
    assert reply.language == "de"
    assert reply.plain_text().startswith("Ich kenne den Befehl 'frobnicate' nicht.")
    stranger = MemberRef("console", "local", "ada")
    assert (await _ask(core, clock, stranger, "/interview list")).language == "en"


async def test_a_french_member_reads_every_label_and_value_with_a_spaced_colon(
    convo: Conversation,
) -> None:
    """Help lines and the debrief's field list set ':' off as French does ('x\u00a0: y')."""
    await convo.say("/interview settings language=fr")
    shown = await convo.say("/interview help")
    usage = [line for line in shown.splitlines() if line.startswith("/interview log")]
    assert usage, shown
    assert all("\u00a0: " in line for line in usage), usage
    await convo.say(LOG)
    fields = (await convo.say("/interview notes #1")).splitlines()
    bullets = [line for line in fields if line.startswith("• ")]
    assert bullets, fields
    assert all("\u00a0: " in line and ": " not in line.replace("\u00a0: ", "") for line in bullets)
