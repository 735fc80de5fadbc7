"""Reminder DMs are composed in each member's own language, outside any command.

Two members' thank-yous fall due in the same delivery tick: the one who chose
`settings language=de` gets German words and German buttons, the other English.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from recording import RecordingMessenger

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import Reply
from bot.i18n import speaking
from bot.scheduling.clock import ManualClock
from bot.scheduling.group_jobs import GroupJobs
from bot.services.group_stats import GroupStats, stats_reply

LOG = '/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"'


def _labels(reply: Reply) -> list[str]:
    return [action.label for action in reply.actions]


async def test_each_member_gets_their_reminder_dm_in_their_own_language(
    core: Core, clock: ManualClock
) -> None:
    ada = Conversation(core, clock, user="ada")
    bob = Conversation(core, clock, user="bob")
    # Ada's interview is in English (`language=en`), so its draft is the English one while
    # the bot's own words around it are German: drafts are written natively, not translated.
    for member, log in ((ada, f"{LOG} language=en"), (bob, LOG)):
        logged = await member.say(log)
        assert "Logged #1" in logged, logged
    said = await ada.say("/interview settings language=de")
    assert "language" in said.casefold() or "sprache" in said.casefold(), said
    messenger = RecordingMessenger()
    core.delivery.messengers = {messenger.platform: messenger}
    clock.advance(timedelta(days=1, hours=3))
    report = await core.delivery.deliver_due()
    assert report.delivered == 2
    by_user = {ref.user_id: reply for ref, reply, _key in messenger.sent}

    german = by_user["ada"]
    assert german.language == "de"
    text = german.plain_text()
    assert "Zeit, deine Dankesnachricht an Jane Doe zu senden" in text, text
    assert "Acme (#1, Telefoninterview)" in text, text
    assert "Schick sie bis spätestens" in text, text
    assert _labels(german) == [
        "Als gesendet markieren",
        "In einer Stunde",
        "Morgen früh",
        "In 3 Tagen",
        "Überspringen",
    ]
    assert "Entwurf: Dankesnachricht an Jane Doe (#1 Acme)" in text, text
    assert "Thank you" in text, text  # the draft itself, in the interview's language
    # The commands the buttons run stay the commands a member types.
    assert german.actions[0].action_id == "sent"
    assert german.actions[0].value == '#1 thank_you "Jane Doe"'

    english = by_user["bob"]
    assert english.language == "en"
    assert "Time to send your thank-you to Jane Doe for your phone screen at Acme (#1)." in (
        english.plain_text()
    )
    assert _labels(english) == ["Mark sent", "In an hour", "Tomorrow morning", "In 3 days", "Skip"]


def test_group_counts_speak_the_requested_language() -> None:
    week = datetime(2026, 11, 23, 9, tzinfo=UTC)
    stats = GroupStats(week, week + timedelta(days=7), 5, 4, 3, 1)
    with speaking("de"):
        reply = stats_reply(stats, "Überschrift")
    assert "Erfasste Vorstellungsgespräche: 4" in reply.plain_text()
    assert "Interviews logged: 4" in stats_reply(stats, "Heading").plain_text()


async def test_the_wins_post_speaks_the_groups_language(convo: Conversation, core: Core) -> None:
    for n in range(1, 6):
        convo.user = f"m{n}"
        await convo.say('/interview log company="Secretco" when="yesterday 3pm" with="Jo Doe"')
    convo.user = "ada"
    await convo.say("/interview admin wins=here language=de")
    await convo.say(":advance 7d")
    assert await GroupJobs(core.groups, core.delivery.messengers).post_wins() == 1
    (post,) = [line for line in convo.transcript if line.startswith("Post to #")]
    assert "Die Erfolge dieser Woche" in post, post
    assert "Erfasste Vorstellungsgespräche: 5" in post, post
    assert "Interviews logged" not in post, post
