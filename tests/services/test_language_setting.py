"""The member's language (issue #18): chosen in settings, defaulted by the group or the
platform's locale, overridden per interview, and the language every date is read in."""

from __future__ import annotations

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import CommandRequest, MemberRef
from bot.scheduling.clock import ManualClock
from bot.storage import repositories as repo

# The clock: Monday 23 November 2026, 14:00 UTC; members here live in UTC.
TOMORROW_3PM = "Tue 24 Nov 2026, 15:00-16:00 UTC"


async def test_a_member_chooses_their_language_and_dates_are_read_in_it(
    convo: Conversation,
) -> None:
    refused = await convo.say('/interview log company="Acme" when="mañana 15:00"')
    assert "I couldn't read 'mañana 15:00'" in refused
    saved = await convo.say("/interview settings language=es")
    # From the reply to the change on, the bot speaks Spanish.
    assert "Guardado." in saved
    assert "Idioma: español" in saved
    assert "Fechas: primero el día, 3/12 es 3 de diciembre (según tu idioma)" in saved
    logged = await convo.say('/interview log company="Acme" when="mañana 15:00"')
    assert "Registrada: #1" in logged, logged
    assert "mar, 24 nov 2026, 15:00-16:00 UTC" in logged
    back = await convo.say("/interview settings language=default")
    assert "Language: English (default)" in back
    assert "couldn't read" in await convo.say('/interview edit #1 when="mañana 16:00"')


async def test_a_language_may_be_named_in_english_or_in_itself(convo: Conversation) -> None:
    assert "Langue\u00a0: français" in await convo.say("/interview settings language=Français")
    assert "Sprache: Deutsch" in await convo.say("/interview settings language=german")
    wrong = await convo.say("/interview settings language=klingon")
    assert "Die Sprache 'klingon' kenne ich nicht." in wrong
    assert "es (español)" in wrong
    assert "Sprache: Deutsch" in await convo.say("/interview settings")
    await convo.say("/interview settings language=en")
    wrong = await convo.say("/interview settings language=klingon")
    assert "I don't know the language 'klingon'." in wrong
    assert "es (Spanish)" in wrong


async def test_a_refusal_suggests_phrases_in_the_members_language(convo: Conversation) -> None:
    await convo.say("/interview settings language=pt")
    refused = await convo.say('/interview log company="Acme" when="sexta ou segunda"')
    assert "Com 'ou', não fica claro qual momento você quer dizer." in refused
    assert "'sexta 14:00' ou 'amanhã 10:00'" in refused


async def test_the_groups_language_is_the_default_of_members_who_chose_none(
    convo: Conversation,
) -> None:
    shown = await convo.say("/interview admin")
    assert "Language: English (default;" in shown
    saved = await convo.say("/interview admin language=de")
    # The admin chose no language of their own, so they now read the group's.
    assert "Gespeichert. Die Einstellungen deiner Gruppe:" in saved
    assert "Sprache: Deutsch" in saved
    mine = await convo.say("/interview settings")
    assert "Sprache: Deutsch (Standard der Gruppe)" in mine
    logged = await convo.say('/interview log company="Acme" when="morgen 15 Uhr"')
    assert "Di., 24. Nov. 2026, 15:00-16:00 UTC" in logged, logged
    own = await convo.say("/interview settings language=en")
    assert "Language: English" in own
    assert "group default" not in own.split("Language:")[1].splitlines()[0]
    assert "couldn't read" in await convo.say('/interview edit #1 when="morgen 16 Uhr"')


async def test_one_interview_can_be_in_another_language(convo: Conversation) -> None:
    logged = await convo.say(
        '/interview log company="Acme" when="vendredi 14h" language=fr with="Jane Doe"'
    )
    assert "Fri 27 Nov 2026, 14:00-15:00 UTC" in logged, logged
    assert "Dates for this interview are read in French (français)." in logged
    moved = await convo.say('/interview edit #1 when="lundi 10h" decision="vendredi"')
    assert "Mon 30 Nov 2026, 10:00-11:00 UTC" in moved, moved
    assert "Their decision is expected on Fri 27 Nov 2026." in moved
    paused = await convo.say('/interview pause #1 until="mardi 1er décembre 9h"')
    assert "until Tue 1 Dec 2026, 09:00 UTC" in paused, paused
    assert "couldn't read" in await convo.say('/interview log company="Beta" when="lundi 10h"')
    back = await convo.say("/interview edit #1 language=default")
    assert "Dates for this interview are read in English, as yours." in back
    assert "couldn't read" in await convo.say('/interview edit #1 when="lundi 10h"')
    wrong = await convo.say("/interview edit #1 language=elvish")
    assert "I don't know the language 'elvish'." in wrong


def discord_request(clock: ManualClock, text: str, locale: str | None) -> CommandRequest:
    command, _, rest = text.removeprefix("/interview ").partition(" ")
    return CommandRequest(
        member=MemberRef("discord", "discord", "4242"),
        command=command,
        text=rest,
        received_at=clock.now(),
        locale=locale,
    )


async def test_the_platform_locale_is_the_first_guess(core: Core, clock: ManualClock) -> None:
    async def say(text: str, locale: str | None = "pt-BR") -> str:
        reply = await core.dispatcher.handle(discord_request(clock, text, locale))
        return reply.plain_text()

    # A newcomer is answered in their Discord language, and their dates read in it.
    assert "Registrada: #1" in await say('/interview log company="Acme" when="amanhã às 15h"')
    shown = await say("/interview settings")
    assert "Idioma: português (pelo seu idioma do Discord)" in shown
    await say("/interview list", locale="es-ES")  # a read that brings news is saved
    assert "Idioma: español (según tu idioma de Discord)" in await say(
        "/interview settings", locale=None
    )
    await say("/interview list", locale="../../etc")  # not a locale: ignored
    with core.deps.db.transaction() as session:
        member = repo.find_member(session, MemberRef("discord", "discord", "4242"))
        assert member is not None
        assert member.platform_locale == "es-ES"
    chosen = await say("/interview settings language=en", locale="es-ES")
    assert "Language: English" in chosen
    assert "couldn't read" in await say('/interview edit #1 when="mañana 15:00"', "es-ES")


async def test_an_admin_with_a_language_of_their_own_keeps_it_when_the_group_changes(
    convo: Conversation,
) -> None:
    await convo.say("/interview settings language=en")
    saved = await convo.say("/interview admin language=fr")
    assert "Saved. Your group's settings:" in saved
    assert "Language: French (français)" in saved


async def test_the_tone_is_named_in_the_members_language(convo: Conversation) -> None:
    """`tone=formal` is what they type; the settings say "förmlich" to a German member."""
    saved = await convo.say("/interview settings language=de tone=formal")
    assert "Ton: förmlich" in saved
    assert "Tone: formal" in await convo.say("/interview settings language=default")
