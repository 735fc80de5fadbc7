"""`/interview calendar` and the feed behind it: one member's interviews and pending
follow-ups as valid iCalendar, nothing of anyone else's, and none of their notes."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from icalendar import Calendar, Event
from sqlalchemy import select

from adapters.console.conversation import Conversation
from bot.app import Core, build_core
from bot.domain.policy import Kind, Status
from bot.scheduling.clock import ManualClock
from bot.services import draft_context
from bot.services.calendar_feed import token_digest
from bot.services.draft_context import Moment
from bot.settings import Settings
from bot.storage.models import Interview, Member

# The address under the public URL of `core_with_feeds` (tests/conftest.py).
ADDRESS = re.compile(r"https://followup\.example\.com/calendar/([A-Za-z0-9_-]+)\.ics")
HOST = "followup.example.com"  # what the feed's UIDs end with
LOG = (
    '/interview log company="Acme" role="Backend Engineer" when="yesterday 3pm" '
    'with="Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel <raj@acme.com>"'
)
# Every note field, each with a word that appears nowhere else.
NOTES = (
    '/interview notes #1 topics="zebrafish pipelines" jane="the quokka migration" '
    'promised="my narwhal portfolio" strengths="axolotl tuning" questions="pangolin budget" '
    'clarify="ocelot years" highlights="tapir launch" they_promised="a marmot offer" '
    'notes="private wombat thoughts"'
)
NOTE_WORDS = (
    "zebrafish",
    "quokka",
    "narwhal",
    "axolotl",
    "pangolin",
    "ocelot",
    "tapir",
    "marmot",
    "wombat",
)


@pytest.fixture
def core(core_with_feeds: Core) -> Core:
    """Every test here runs with feeds on (`convo` talks to this core)."""
    return core_with_feeds


async def subscribe(convo: Conversation, words: str = "") -> str:
    """Ask for the feed as whoever is typing; its token."""
    reply = await convo.say(f"/interview calendar {words}".strip())
    found = ADDRESS.search(reply)
    assert found is not None, reply
    return found.group(1)


def events(core: Core, token: str) -> dict[str, Event]:
    """The feed's events by UID, parsed back with the library."""
    feed = core.calendar.feed(token)
    assert feed is not None
    calendar = Calendar.from_ical(feed.body)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


async def test_the_feed_holds_the_members_interviews_and_pending_follow_ups(
    core: Core, convo: Conversation
) -> None:
    await convo.say(LOG)
    await convo.say('/interview log company="Initech" when="in 3 days 10am" stage=technical')
    await convo.say("/interview sent #1 thank_you Raj")
    await convo.say(":as bob")
    await convo.say('/interview log company="Globex" when="yesterday 2pm" with="Sam Okafor"')
    await convo.say(":as ada")
    token = await subscribe(convo)

    feed = core.calendar.feed(token)
    assert feed is not None
    calendar = Calendar.from_ical(feed.body)
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar.get("PRODID")
    assert str(calendar["REFRESH-INTERVAL"].to_ical().decode()) == "PT15M"
    assert calendar["X-PUBLISHED-TTL"] == "PT15M"
    with core.deps.db.reading() as session:
        interviews = {
            i.company: i
            for i in session.scalars(select(Interview).where(Interview.company != "Globex"))
        }
        pending = {
            f"followup-{f.id}@{HOST}": f
            for i in interviews.values()
            for f in i.follow_ups
            if f.state == "pending"
        }
        expected = {f"interview-{i.id}@{HOST}" for i in interviews.values()}
        found = events(core, token)
        assert set(found) == expected | set(pending)
        acme = found[f"interview-{interviews['Acme'].id}@{HOST}"]
        assert str(acme["SUMMARY"]) == "Interview: Backend Engineer at Acme"
        assert acme.decoded("DTSTART") == interviews["Acme"].starts_at
        assert acme.decoded("DTSTART").utcoffset() == timedelta(0)
        assert acme.decoded("DTEND") == interviews["Acme"].ends_at
        assert "Jane Doe (Engineering Manager), Raj Patel" in str(acme["DESCRIPTION"])
        initech = found[f"interview-{interviews['Initech'].id}@{HOST}"]
        assert str(initech["SUMMARY"]) == "Interview: technical interview at Initech"
        for uid, follow_up in pending.items():
            event = found[uid]
            assert event.decoded("DTSTART") == follow_up.due_at
            assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=15)
        acme_kinds = sorted(
            (f.kind, f.interviewer.name if f.interviewer else "")
            for f in pending.values()
            if f.interview.company == "Acme"
        )
    assert acme_kinds == [(Kind.STATUS_CHECK, ""), (Kind.THANK_YOU, "Jane Doe")]  # Raj's sent
    body = feed.body.decode()
    assert "Globex" not in body
    assert "Sam Okafor" not in body
    assert "@acme.com" not in body
    jane = next(e for e in found.values() if "thank-you to Jane Doe" in str(e["SUMMARY"]))
    assert "Subject: Thank you, Jane: Backend Engineer at Acme" in str(jane["DESCRIPTION"])
    assert '/interview sent #1 thank_you "Jane Doe"' in str(jane["DESCRIPTION"])


async def test_none_of_the_members_notes_reach_the_feed(core: Core, convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say(NOTES)
    token = await subscribe(convo)

    found = events(core, token)
    body = core.calendar.feed(token).body.decode()  # type: ignore[union-attr]
    assert [word for word in NOTE_WORDS if word in body] == []
    promised = next(e for e in found.values() if "promised material" in str(e["SUMMARY"]))
    # The template names the promised item in the subject; the feed's subject goes without.
    assert "Subject: Additional information: Backend Engineer at Acme" in str(
        promised["DESCRIPTION"]
    )
    draft = await convo.say("/interview draft #1 promised_material")
    assert "Subject: My narwhal portfolio" in draft  # the chat's own draft still has it


async def test_a_template_context_without_notes_holds_nothing_the_member_wrote(
    core: Core, convo: Conversation, clock: ManualClock
) -> None:
    """Every variable built from a note is blanked, including ones added after this test."""
    await convo.say(LOG)
    await convo.say(NOTES)
    with core.deps.db.reading() as session:
        interview = session.scalars(select(Interview)).one()
        for person in [*interview.interviewers, None]:
            context = draft_context.build(
                interview,
                person,
                Kind.THANK_YOU,
                1,
                moment=Moment(clock.now(), core.deps.default_tz),
                tone="warm",
                member_name="Ada",
                extra={},
            )
            assert any(word in repr(context) for word in NOTE_WORDS)
            blanked = repr(draft_context.without_notes(context))
            assert [word for word in NOTE_WORDS if word in blanked] == []


async def test_the_same_state_is_the_same_feed_and_an_edit_is_a_newer_revision(
    core: Core, convo: Conversation, clock: ManualClock
) -> None:
    await convo.say(LOG)
    token = await subscribe(convo)
    first = core.calendar.feed(token)
    assert first is not None
    clock.advance(timedelta(minutes=5))
    again = core.calendar.feed(token)
    assert again is not None
    assert (again.body, again.etag) == (first.body, first.etag)

    before = events(core, token)
    clock.advance(timedelta(hours=1))
    await convo.say('/interview edit #1 role="Staff Engineer"')
    after = events(core, token)
    assert set(after) == set(before)  # the same UIDs: apps update the events in place
    for uid, event in after.items():
        assert event["SEQUENCE"] > before[uid]["SEQUENCE"]
        assert event.decoded("LAST-MODIFIED") == clock.now()
        assert event.decoded("DTSTAMP") == clock.now()
    edited = core.calendar.feed(token)
    assert edited is not None
    assert edited.etag != first.etag
    assert edited.last_modified == clock.now()
    interview = next(e for e in after.values() if str(e["UID"]).startswith("interview-"))
    assert str(interview["SUMMARY"]) == "Interview: Staff Engineer at Acme"


async def test_a_sent_follow_up_leaves_the_feed_and_the_rest_stay(
    core: Core, convo: Conversation
) -> None:
    await convo.say(LOG)
    token = await subscribe(convo)
    before = events(core, token)
    await convo.say("/interview sent #1 thank_you Jane")
    after = events(core, token)
    gone = set(before) - set(after)
    (uid,) = gone
    assert "thank-you to Jane Doe" in str(before[uid]["SUMMARY"])
    assert set(after) < set(before)


async def test_a_cancelled_interview_is_marked_cancelled(core: Core, convo: Conversation) -> None:
    await convo.say('/interview log company="Acme" when="tomorrow 3pm"')
    token = await subscribe(convo)
    with core.deps.db.transaction() as session:
        session.scalars(select(Interview)).one().status = Status.CANCELLED.value
    (event,) = [e for uid, e in events(core, token).items() if uid.startswith("interview-")]
    assert str(event["STATUS"]) == "CANCELLED"


async def test_only_a_hash_of_the_token_is_stored(core: Core, convo: Conversation) -> None:
    token = await subscribe(convo)
    assert len(token) >= 43  # 32 random bytes, url-safe base64
    with core.deps.db.reading() as session:
        (stored,) = session.scalars(select(Member.calendar_token_hash))
    assert stored == token_digest(token)
    assert token not in stored


async def test_reset_replaces_the_address_and_off_ends_it(core: Core, convo: Conversation) -> None:
    first = await subscribe(convo)
    again = await convo.say("/interview calendar")
    assert ADDRESS.search(again) is None  # only its hash is kept: it can't be shown again
    assert "calendar reset" in again
    assert core.calendar.feed(first) is not None

    second = await subscribe(convo, "reset")
    assert second != first
    assert core.calendar.feed(first) is None
    assert core.calendar.feed(second) is not None

    off = await convo.say("/interview calendar off")
    assert "off" in off
    assert core.calendar.feed(second) is None
    assert "already off" in await convo.say("/interview calendar off")
    third = await subscribe(convo)
    assert core.calendar.feed(third) is not None


async def test_forget_ends_the_feed_with_everything_else(core: Core, convo: Conversation) -> None:
    await convo.say(LOG)
    token = await subscribe(convo)
    await convo.say("/interview forget confirm")
    assert core.calendar.feed(token) is None


async def test_a_wrong_token_finds_nothing(core: Core, convo: Conversation) -> None:
    token = await subscribe(convo)
    near = token[:-1] + ("A" if token[-1] != "A" else "B")
    for wrong in (near, "", "short", token + "x", "../" + token, token.upper()):
        if wrong != token:
            assert core.calendar.feed(wrong) is None


async def test_the_address_comes_by_dm_with_how_to_subscribe(convo: Conversation) -> None:
    reply = await convo.say("/interview calendar")
    assert reply.startswith("DM to ada")
    for app in ("Google Calendar", "Outlook", "Apple Calendar"):
        assert app in reply


async def test_other_words_get_a_hint(convo: Conversation) -> None:
    reply = await convo.say("/interview calendar please")
    assert "calendar reset" in reply
    assert "calendar off" in reply
    assert ADDRESS.search(reply) is None


async def test_without_a_public_url_the_member_hears_what_is_missing(
    database_url: str, clock: ManualClock
) -> None:
    settings = Settings(database_url=database_url, _env_file=None)  # type: ignore[call-arg]
    core = build_core(settings, clock)
    try:
        convo = Conversation(core, clock, user="ada")
        reply = await convo.say("/interview calendar")
        assert "FOLLOWUP_PUBLIC_URL" in reply
        assert "/calendar/" not in reply
        with core.deps.db.reading() as session:
            assert not any(session.scalars(select(Member.calendar_token_hash)))
        assert "already off" in await convo.say("/interview calendar off")
    finally:
        core.deps.db.dispose()
