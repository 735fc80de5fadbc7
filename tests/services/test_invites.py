"""Logging from a calendar invite: each source's fixture, on the console's path and the
dispatcher's (files, as every adapter sends them); then the same invite updated, cancelled,
or older; typed options over the invite; and bad files that save nothing."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import Attachment, CommandRequest, MemberRef, Reply
from bot.commands.dispatch import OOPS
from bot.scheduling.clock import ManualClock
from bot.storage.models import FollowUp, Interview, Reminder

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "invites"
ZONE = "America/New_York"
GRACE = MemberRef("console", "local", "grace")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@dataclass(frozen=True)
class Expected:
    """What an invite should log: every column an invite fills, and who is on it."""

    company: str
    role: str | None
    stage: str
    starts_at: datetime
    ends_at: datetime
    people: tuple[tuple[str, str | None, str | None], ...]
    format: str | None
    location: str | None


EXPECTED = {
    "google_calendar.ics": Expected(
        "Acme",
        "Backend Engineer",
        "technical",
        utc(2026, 12, 1, 20, 0),
        utc(2026, 12, 1, 21, 0),
        (
            ("Priya Raman", None, "priya.raman@acme.com"),
            ("Jane Doe", None, "jane.doe@acme.com"),
        ),
        "video",
        "https://meet.google.com/xkd-qwer-tyu",
    ),
    "google_export_floating.ics": Expected(  # floating times in X-WR-TIMEZONE (London)
        "Initech",
        None,
        "phone_screen",
        utc(2026, 12, 4, 11, 30),
        utc(2026, 12, 4, 12, 0),
        (("Tom Baker", None, "tom.baker@initech.co.uk"),),
        "phone",
        "+44 20 7946 0321",
    ),
    "outlook_exchange.ics": Expected(  # TZID=Eastern Standard Time, a Windows name
        "Globex",
        None,
        "onsite",
        utc(2026, 12, 2, 15, 0),
        utc(2026, 12, 2, 17, 0),
        (
            ("Jane Doe", None, "jane.doe@globex.com"),
            ("Raj Patel", None, "raj.patel@globex.com"),
            ("Hana Kobayashi", None, "hana.kobayashi@globex.com"),
        ),
        "video",
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzA5ZjQ1YjAtY2Q4Mi00@thread.v2/0"
        "?context=%7b%22Tid%22%3a%22d1f2%22%7d",
    ),
    "greenhouse.ics": Expected(  # the interviewers only in the description's itinerary
        "Umbrella",
        "Senior Data Analyst",
        "onsite",
        utc(2026, 12, 7, 15, 0),
        utc(2026, 12, 7, 17, 45),
        (
            ("Jane Doe", "Engineering Manager", None),
            ("Raj Patel", "Staff Data Scientist", None),
            ("Hana Kobayashi", "Head of Analytics", None),
        ),
        "video",
        "https://umbrella.zoom.us/j/81234567890?pwd=bGhUeW9xR3pPa2lVZz09",
    ),
    "goodtime.ics": Expected(
        "Hooli",
        "Product Designer",
        "phone_screen",  # the invite names no stage: the default, and the reply says so
        utc(2026, 12, 8, 21, 0),
        utc(2026, 12, 8, 22, 30),
        (
            ("Gavin Belson", "Chief Executive Officer", "gavin.belson@hooli.com"),
            ("Monica Hall", "Design Lead", "monica.hall@hooli.com"),
        ),
        "video",
        "https://meet.google.com/hoo-liux-dsn",
    ),
    "calendly.ics": Expected(
        "Initrode",
        None,
        "recruiter_screen",
        utc(2026, 11, 30, 17, 0),
        utc(2026, 11, 30, 17, 30),
        (("Jane Doe", None, "jane@initrode.com"),),
        "phone",
        "+1 415-555-0100",
    ),
    "zoom.ics": Expected(
        "Vandelay",
        None,
        "technical",
        utc(2026, 12, 2, 15, 0),
        utc(2026, 12, 2, 15, 45),
        (("Lars Jensen", None, "lars.jensen@vandelay.de"),),
        "video",
        "https://vandelay.zoom.us/j/93123456789?pwd=Q2xQaTJ1bDd6SmVyTzZ0Zz09",
    ),
}


def invite(name: str) -> Attachment:
    return Attachment(name, (FIXTURES / name).read_bytes(), "text/calendar")


def send(core: Core, *files: Attachment, text: str = "", member: MemberRef = GRACE) -> Reply:
    """What an adapter does with a file: `log`, the typed options as text, the file attached."""
    request = CommandRequest(
        member=member,
        command="log",
        text=text,
        received_at=core.deps.clock.now(),
        display_name="Grace Hopper",
        member_timezone=ZONE,
        files=files,
    )
    return core.dispatcher.handle_sync(request)


def interviews(core: Core) -> list[Interview]:
    with core.deps.db.reading() as session:
        rows = session.scalars(select(Interview).order_by(Interview.id)).all()
        for row in rows:
            _ = [p.name for p in row.interviewers]
        session.expunge_all()
        return list(rows)


def described(interview: Interview) -> Expected:
    return Expected(
        interview.company,
        interview.role,
        interview.stage,
        interview.starts_at,
        interview.ends_at,
        tuple((p.name, p.title, p.email) for p in interview.interviewers),
        interview.format,
        interview.location,
    )


def waiting_reminders(core: Core) -> list[tuple[str, datetime]]:
    with core.deps.db.reading() as session:
        return [
            (kind, at)
            for kind, at in session.execute(
                select(FollowUp.kind, Reminder.remind_at)
                .join(Reminder)
                .where(Reminder.state == "scheduled")
                .order_by(Reminder.remind_at)
            )
        ]


def count(core: Core) -> int:
    with core.deps.db.reading() as session:
        return session.scalar(select(func.count()).select_from(Interview)) or 0


@pytest.fixture
async def ada(convo: Conversation) -> Conversation:
    """Ada, whose display name appears in the invites, in New York."""
    await convo.say(f"/interview settings timezone={ZONE}")
    return convo


# --- Each source's invite, on both paths --------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
async def test_each_sources_invite_is_logged_from_the_console(
    ada: Conversation, core: Core, name: str
) -> None:
    reply = await ada.say(f"/interview log invite={FIXTURES / name}")
    expected = EXPECTED[name]
    assert f"Logged #1 {expected.company}" in reply
    (interview,) = interviews(core)
    assert described(interview) == expected
    assert interview.invite_sequence == 0
    assert interview.invite_uid
    assert "From the invite:" in reply
    for person, _title, _email in expected.people:
        assert f"thank-you to {person}" in reply  # the same follow-ups a typed log plans


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sources_invite_is_logged_from_files_sent_with_the_command(
    core: Core, name: str
) -> None:
    reply = send(core, invite(name)).plain_text()
    assert f"Logged #1 {EXPECTED[name].company}" in reply
    (interview,) = interviews(core)
    assert described(interview) == EXPECTED[name]
    kinds = sorted({k for k, _at in waiting_reminders(core)})
    assert kinds == ["status_check", "thank_you"]


async def test_the_reply_says_what_it_read_and_what_the_invite_left_out(ada: Conversation) -> None:
    reply = await ada.say(f"/interview log invite={FIXTURES / 'goodtime.ics'}")
    assert "• company: Hooli (from the title)" in reply
    assert "• role: Product Designer (from the title)" in reply
    assert "• interviewers: Gavin Belson, Monica Hall (from the description)" in reply
    assert "• where: Google Meet, https://meet.google.com/hoo-liux-dsn" in reply
    assert "Not in the invite:\n• the stage, so I put phone screen" in reply
    google = await ada.say(f"/interview log invite={FIXTURES / 'google_calendar.ics'}")
    assert "ada.lovelace.dev@gmail.com (not at acme.com: you, I think)" in google
    assert "(a resource)" in google


async def test_show_has_where_and_edit_changes_it(ada: Conversation) -> None:
    await ada.say(f"/interview log invite={FIXTURES / 'zoom.ics'}")
    shown = await ada.say("/interview show #1")
    assert "Where: video: https://vandelay.zoom.us/j/93123456789?pwd=" in shown
    await ada.say('/interview edit #1 location="Vandelay HQ, Room 2" format="in person"')
    assert "Where: in person: Vandelay HQ, Room 2" in await ada.say("/interview show #1")


# --- The same invite again ----------------------------------------------------------------


def test_an_update_moves_the_interview_and_its_reminders_and_adds_newcomers(core: Core) -> None:
    send(core, invite("google_calendar.ics"))
    before = waiting_reminders(core)
    reply = send(core, invite("google_update.ics")).plain_text()
    assert reply.startswith(
        "Rescheduled #1 Acme from Tue 1 Dec 2026, 15:00-16:00 EST to Thu 3 Dec 2026, "
        "16:30-17:30 EST."
    )
    assert "Added to the interviewers: Tomás Ruiz." in reply
    (interview,) = interviews(core)
    assert (interview.starts_at, interview.ends_at) == (
        utc(2026, 12, 3, 21, 30),
        utc(2026, 12, 3, 22, 30),
    )
    assert interview.invite_sequence == 1
    assert [p.name for p in interview.interviewers] == ["Priya Raman", "Jane Doe", "Tomás Ruiz"]
    after = waiting_reminders(core)
    before_check = [at for kind, at in before if kind == "status_check"]
    after_check = [at for kind, at in after if kind == "status_check"]
    assert after_check[0] - before_check[0] == timedelta(days=2)
    assert sum(kind == "thank_you" for kind, _at in after) == 6  # two calls, three people


def test_an_update_keeps_what_the_member_wrote_about_people_already_there(core: Core) -> None:
    send(core, invite("google_calendar.ics"))
    request = CommandRequest(
        GRACE, "notes", '#1 jane="the ledger migration"', utc(2026, 11, 23, 15)
    )
    core.dispatcher.handle_sync(request)
    send(core, invite("google_update.ics"))
    (interview,) = interviews(core)
    jane = next(p for p in interview.interviewers if p.name == "Jane Doe")
    assert jane.discussed == "the ledger migration"


def test_the_same_invite_twice_changes_nothing_and_logs_nothing_new(core: Core) -> None:
    send(core, invite("google_calendar.ics"))
    reply = send(core, invite("google_calendar.ics")).plain_text()
    assert reply.startswith("#1 Acme already matches that invite")
    assert count(core) == 1


def test_an_older_copy_changes_nothing(core: Core) -> None:
    send(core, invite("google_calendar.ics"))
    send(core, invite("google_update.ics"))
    reminders = waiting_reminders(core)
    reply = send(core, invite("google_calendar.ics")).plain_text()
    assert "older version (sequence 0)" in reply
    assert "(sequence 1), so I changed nothing" in reply
    (interview,) = interviews(core)
    assert interview.starts_at == utc(2026, 12, 3, 21, 30)
    assert waiting_reminders(core) == reminders


def test_a_cancellation_marks_it_cancelled_and_cancels_every_reminder(core: Core) -> None:
    send(core, invite("google_calendar.ics"))
    waiting = len(waiting_reminders(core))
    reply = send(core, invite("google_cancel.ics")).plain_text()
    assert reply.startswith(
        "The invite is cancelled, so I marked #1 Acme (Tue 1 Dec 2026, 15:00-16:00 EST) "
        f"cancelled and cancelled its {waiting} reminders."
    )
    (interview,) = interviews(core)
    assert interview.status == "cancelled"
    assert interview.invite_sequence == 2
    assert waiting_reminders(core) == []
    again = send(core, invite("google_cancel.ics")).plain_text()
    assert "already matches" in again
    older = send(core, invite("google_update.ics")).plain_text()
    assert "older version" in older
    assert interviews(core)[0].status == "cancelled"


def test_a_newer_invite_after_a_cancellation_schedules_it_again(core: Core) -> None:
    send(core, invite("google_calendar.ics"))
    send(core, invite("google_cancel.ics"))
    revived = (FIXTURES / "google_update.ics").read_bytes().replace(b"SEQUENCE:1", b"SEQUENCE:3")
    reply = send(core, Attachment("invite.ics", revived, "text/calendar")).plain_text()
    assert reply.startswith("Rescheduled #1 Acme")
    assert interviews(core)[0].status == "scheduled"
    assert waiting_reminders(core)


def test_a_cancellation_of_an_interview_never_logged_saves_nothing(core: Core) -> None:
    reply = send(core, invite("google_cancel.ics")).plain_text()
    assert "nothing to cancel" in reply
    assert count(core) == 0


def test_invites_are_the_members_own(core: Core) -> None:
    """Another member's copy of the same invite logs their own interview."""
    send(core, invite("google_calendar.ics"))
    other = MemberRef("console", "local", "linus")
    reply = send(core, invite("google_update.ics"), member=other).plain_text()
    assert reply.startswith("Logged #1 Acme")
    assert count(core) == 2


# --- Typed options win ----------------------------------------------------------------------


def test_options_typed_beside_the_invite_win(core: Core) -> None:
    text = 'role="SRE" stage=final with="Bob Smith (CTO) <bob@acme.com>" company="Acme Inc"'
    reply = send(core, invite("google_calendar.ics"), text=text).plain_text()
    assert "• role: SRE (as you typed it)" in reply
    assert "• interviewers: as you typed them" in reply
    (interview,) = interviews(core)
    assert (interview.company, interview.role, interview.stage) == ("Acme Inc", "SRE", "final")
    assert [(p.name, p.email) for p in interview.interviewers] == [("Bob Smith", "bob@acme.com")]
    assert interview.location == "https://meet.google.com/xkd-qwer-tyu"  # the rest is read


def test_a_typed_time_wins_even_over_an_invite_years_away(core: Core) -> None:
    far = (FIXTURES / "zoom.ics").read_bytes().replace(b"20261202T16", b"20291202T16")
    file = Attachment("zoom.ics", far, "text/calendar")
    assert "more than a year away" in send(core, file).plain_text()
    assert count(core) == 0
    send(core, file, text='when="dec 2 4pm"')
    assert interviews(core)[0].starts_at == utc(2026, 12, 2, 21, 0)


def test_typed_options_beside_an_update_apply_too(core: Core) -> None:
    send(core, invite("zoom.ics"))
    reply = send(core, invite("zoom.ics"), text='role="Platform Engineer"').plain_text()
    assert reply.startswith("Updated #1 Vandelay · Platform Engineer")
    assert interviews(core)[0].role == "Platform Engineer"


def test_a_company_the_invite_does_not_name_must_be_typed(core: Core) -> None:
    nameless = (
        (FIXTURES / "zoom.ics")
        .read_bytes()
        .replace(b"SUMMARY:Vandelay | Technical Interview", b"SUMMARY:Technical Interview")
        .replace(b"lars.jensen@vandelay.de", b"lars.jensen@gmail.com")
    )
    file = Attachment("zoom.ics", nameless, "text/calendar")
    reply = send(core, file)
    assert "couldn't tell the company" in reply.plain_text()
    assert reply.field_errors.keys() == {"company"}
    assert count(core) == 0
    send(core, file, text='company="Vandelay"')
    assert interviews(core)[0].company == "Vandelay"


# --- Bad files save nothing ---------------------------------------------------------------


def test_several_events_are_listed_and_event_picks_one(core: Core) -> None:
    two = (FIXTURES / "calendly.ics").read_bytes()
    head, _, tail = two.partition(b"BEGIN:VEVENT")
    event = b"BEGIN:VEVENT" + tail.partition(b"END:VEVENT")[0] + b"END:VEVENT\r\n"
    second = event.replace(b"c7a1e0f2", b"d8b2f103").replace(b"20261130T17", b"20261201T18")
    file = Attachment("two.ics", head + event + second + b"END:VCALENDAR\r\n", "text/calendar")
    listed = send(core, file).plain_text()
    assert "That file holds 2 events; which one is the interview?" in listed
    assert "2. Recruiter Screen between Jane Doe and Ada Lovelace · Tue 1 Dec 2026, 13:00 EST" in (
        listed
    )
    assert count(core) == 0
    send(core, file, text="event=2")
    assert interviews(core)[0].starts_at == utc(2026, 12, 1, 18, 0)
    assert "event= takes the event's number" in send(core, file, text="event=two").plain_text()


@pytest.mark.parametrize(
    ("file", "says"),
    [
        (Attachment("notes.txt", b"just some notes", "text/plain"), "isn't a calendar invite"),
        (Attachment("invite.ics", b"not really", "text/calendar"), "isn't a calendar invite"),
        (
            Attachment("invite.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"),
            "no event in it",
        ),
        (
            Attachment("big.ics", b"BEGIN:VCALENDAR\r\n" + b"X" * 300_000, "text/calendar"),
            "at most 256 KiB",
        ),
    ],
)
def test_a_bad_file_gets_a_clear_answer_and_saves_nothing(
    core: Core, file: Attachment, says: str
) -> None:
    assert says in send(core, file).plain_text()
    assert count(core) == 0


def test_two_calendar_files_at_once_are_refused(core: Core) -> None:
    reply = send(core, invite("zoom.ics"), invite("calendly.ics")).plain_text()
    assert "one invite at a time" in reply
    assert count(core) == 0


def test_a_file_named_where_none_was_attached_is_explained(core: Core) -> None:
    request = CommandRequest(GRACE, "log", "invite=zoom.ics", utc(2026, 11, 23, 15))
    assert "can't open a file by its name" in core.dispatcher.handle_sync(request).plain_text()


# --- The console reads the file -------------------------------------------------------------


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The console started in an empty folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


async def test_the_console_reads_a_relative_path_from_where_it_started(
    ada: Conversation, in_tmp: Path
) -> None:
    (in_tmp / "invites").mkdir()
    (in_tmp / "invites" / "my invite.ics").write_bytes((FIXTURES / "zoom.ics").read_bytes())
    reply = await ada.say('/interview log invite="invites/my invite.ics" role="SRE"')
    assert reply.startswith("Logged #1 Vandelay · SRE")


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("invite=missing.ics", "couldn't find the file 'missing.ics' (in "),
        ("invite=.", "is a folder"),
        ("invite=big.ics", "is 300 KiB; an invite may be at most 256 KiB"),
        ("invite=a.ics invite=b.ics", "one invite=path at a time"),
    ],
)
async def test_the_console_explains_a_file_it_cannot_attach(
    ada: Conversation, core: Core, in_tmp: Path, typed: str, says: str
) -> None:
    (in_tmp / "big.ics").write_bytes(b"x" * 300 * 1024)
    assert says in await ada.say(f"/interview log {typed}")
    assert count(core) == 0


async def test_a_plain_typed_log_is_untouched(ada: Conversation, core: Core) -> None:
    reply = await ada.say('/interview log company="Acme" when="tomorrow 3pm" invite_note=x')
    assert "I don't know the field 'invite_note'" in reply
    assert count(core) == 0


# --- Never a crash ------------------------------------------------------------------------


@st.composite
def mangled_invite(draw: st.DrawFn) -> bytes:
    content = bytearray((FIXTURES / draw(st.sampled_from(sorted(EXPECTED)))).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(0, len(content) - 1)))
        content[at : at + draw(st.integers(0, 30))] = draw(st.binary(max_size=8))
    return bytes(content)


@settings(
    derandomize=True,
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content=mangled_invite(), text=st.sampled_from(["", 'role="SRE"', "event=1", "event=9"]))
def test_a_mangled_invite_through_the_dispatcher_is_answered_never_a_crash(
    core: Core, clock: ManualClock, caplog: pytest.LogCaptureFixture, content: bytes, text: str
) -> None:
    caplog.clear()
    with caplog.at_level(logging.ERROR):
        reply = send(core, Attachment("invite.ics", content, "text/calendar"), text=text)
    assert reply.plain_text() != OOPS
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_follow_up_dropped_and_planned_again_comes_back(ada: Conversation) -> None:
    """Withdrawn then back on (as a cancelled invite made current again) re-plans the notes."""
    await ada.say('/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    await ada.say("/interview outcome #1 withdrawn")
    reply = await ada.say("/interview outcome #1 next_round")
    assert "thank-you to Jane Doe: due by" in reply


def test_an_invite_without_an_end_lasts_an_hour_and_an_update_keeps_the_length(
    core: Core,
) -> None:
    no_end = (
        (FIXTURES / "zoom.ics")
        .read_bytes()
        .replace(b"DTEND;TZID=Europe/Berlin:20261202T164500\r\n", b"")
    )
    reply = send(core, Attachment("zoom.ics", no_end, "text/calendar")).plain_text()
    assert (
        "• its end, so it lasts 60 minutes: change it with /interview edit #1 length=45m" in reply
    )
    assert interviews(core)[0].ends_at == utc(2026, 12, 2, 16, 0)
    send(core, invite("zoom.ics"))  # the same invite with its end: 45 minutes
    moved = no_end.replace(b"20261202T16", b"20261203T16")  # a day later, with no end again
    send(core, Attachment("zoom.ics", moved, "text/calendar"))
    assert (interviews(core)[0].starts_at, interviews(core)[0].ends_at) == (
        utc(2026, 12, 3, 15, 0),
        utc(2026, 12, 3, 15, 45),
    )
