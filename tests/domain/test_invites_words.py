"""What an invite's words say: company, role and stage from each shape of title, the people
from attendees and itineraries (without the member, rooms or schedulers), the call's link."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.invite_people import itinerary
from bot.domain.invite_words import STAGE_WORDS, Reading, understand
from bot.domain.invites import Address, InviteEvent
from bot.services.interviews import STAGES

START = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)


def person(
    email: str | None,
    name: str | None = None,
    *,
    kind: str = "INDIVIDUAL",
    partstat: str | None = "ACCEPTED",
    organizer: bool = False,
) -> Address:
    return Address(email, name, kind, partstat, organizer)


def read(
    summary: str = "",
    *,
    organizer: Address | None = None,
    attendees: tuple[Address, ...] = (),
    description: str = "",
    location: str = "",
    conference: tuple[str, ...] = (),
    member: str | None = "Ada Lovelace",
) -> Reading:
    event = InviteEvent(
        uid="u",
        sequence=0,
        cancelled=False,
        starts_at=START,
        ends_at=START + timedelta(hours=1),
        summary=summary,
        description=description,
        location=location,
        organizer=organizer,
        attendees=attendees,
        conference=conference,
        notes=(),
    )
    return understand(event, member)


def value(found: object) -> str | None:
    return getattr(found, "value", None)


# --- Company, role, stage from the title --------------------------------------------------


@pytest.mark.parametrize(
    ("summary", "company", "role", "stage"),
    [
        ("Interview: Backend Engineer at Acme", "Acme", "Backend Engineer", None),
        ("Acme <> Jane (Phone screen)", "Acme", None, "phone_screen"),
        ("Onsite - Acme", "Acme", None, "onsite"),
        ("Phone screen with Acme", "Acme", None, "phone_screen"),
        ("[Acme] Technical interview", "Acme", None, "technical"),
        ("Acme Interview", "Acme", None, None),
        ("Updated invitation: Final round - Acme", "Acme", None, "final"),
        ("Technical phone screen: Acme", "Acme", None, "technical"),
        ("Interview with Acme for Staff SRE", "Acme", "Staff SRE", None),
        ("Acme | Senior Product Designer | Panel", "Acme", "Senior Product Designer", "panel"),
        ("Coffee chat - Acme", "Acme", None, "informational"),
        ("Recruiter call: Acme Corp", "Acme Corp", None, "recruiter_screen"),
        ("Virtual On-site: Data Scientist at Acme", "Acme", "Data Scientist", "onsite"),
    ],
)
def test_the_title_names_company_role_and_stage(
    summary: str, company: str, role: str | None, stage: str | None
) -> None:
    reading = read(summary, attendees=(person("jane@acme.com", "Jane Doe"),))
    assert (value(reading.company), value(reading.role), value(reading.stage)) == (
        company,
        role,
        stage,
    )
    assert reading.company is not None
    assert reading.company.source == "the title"


def test_every_stage_word_names_a_stored_stage() -> None:
    assert {stage for stage, _pattern in STAGE_WORDS} <= set(STAGES)


def test_the_members_name_and_the_interviewers_are_never_the_company() -> None:
    reading = read(
        "Ada Lovelace <> Jane Doe",
        organizer=person("jane@globex.com", "Jane Doe", organizer=True),
        attendees=(person("ada@gmail.com", "Ada Lovelace"),),
    )
    assert reading.company is not None
    assert (reading.company.value, reading.company.source) == ("Globex", "the organizer's email")


def test_the_organizers_domain_picks_the_company_among_the_titles_parts() -> None:
    reading = read(
        "Jordan x Initech", organizer=person("tom@initech.co.uk", "Tom Baker", organizer=True)
    )
    assert value(reading.company) == "Initech"


@pytest.mark.parametrize(
    "organizer",
    [
        "recruiter@gmail.com",
        "no-reply@greenhouse.io",
        "scheduling@goodtime.io",
        "host@calendly.com",
        "someone@us02web.zoom.us",
        "me@outlook.com",
    ],
)
def test_personal_mail_and_schedulers_name_no_company(organizer: str) -> None:
    reading = read("Interview", organizer=person(organizer, "Someone", organizer=True))
    assert reading.company is None


def test_the_description_names_the_company_and_role_when_the_title_does_not() -> None:
    reading = read(
        "Interview",
        description="Company: Hooli\nRole: Product Designer\nSee you then!",
    )
    assert (value(reading.company), value(reading.role)) == ("Hooli", "Product Designer")
    assert reading.company is not None
    assert reading.company.source == "the description"


def test_a_company_spelled_in_the_invite_keeps_its_spelling() -> None:
    reading = read(
        "30 Minute Meeting between Jane Doe and Ada Lovelace",
        organizer=person("jane@piedpiper.com", "Jane Doe", organizer=True),
        attendees=(person("ada@gmail.com", "Ada Lovelace"),),
        description="Thanks for your interest in PiedPiper!",
    )
    assert value(reading.company) == "PiedPiper"


# --- The people ---------------------------------------------------------------------------


def test_rooms_resources_schedulers_and_the_member_are_left_out() -> None:
    reading = read(
        "Onsite - Acme",
        organizer=person("no-reply@greenhouse.io", "Acme Recruiting", organizer=True),
        attendees=(
            person("ada@gmail.com", "Ada Lovelace", partstat="NEEDS-ACTION"),
            person("jane@acme.com", "Jane Doe"),
            person("room4@acme.com", "Room 4", kind="ROOM"),
            person("projector@acme.com", "Projector", kind="RESOURCE"),
            person("interviewers@acme.com", "Interview panel", kind="GROUP"),
        ),
    )
    assert [p.name for p in reading.people.found] == ["Jane Doe"]
    assert reading.people.left_out == (
        "Acme Recruiting <no-reply@greenhouse.io> (a scheduling service)",
        "Room 4 <room4@acme.com> (a room)",
        "Projector <projector@acme.com> (a resource)",
        "Interview panel <interviewers@acme.com> (a group)",
        "Ada Lovelace <ada@gmail.com> (you)",
    )


def test_the_one_attendee_besides_the_organizer_is_the_member() -> None:
    reading = read(
        "Acme intro",
        organizer=person("jane@acme.com", "Jane Doe", organizer=True),
        attendees=(person("a.l@example.org", "A. L."),),
        member=None,
    )
    assert [p.name for p in reading.people.found] == ["Jane Doe"]
    assert reading.people.left_out == ("A. L. <a.l@example.org> (you, I think)",)


def test_with_the_companys_domain_known_everyone_outside_it_is_left_out() -> None:
    reading = read(
        "Panel - Acme",
        organizer=person("priya@acme.com", "Priya Raman", organizer=True),
        attendees=(
            person("priya@acme.com", "Priya Raman"),  # Google lists the organizer again
            person("ada.dev@gmail.com", "ada.dev@gmail.com"),
            person("jane@acme.com", "Jane Doe"),
        ),
        member=None,
    )
    assert [p.name for p in reading.people.found] == ["Priya Raman", "Jane Doe"]
    assert reading.people.left_out == ("ada.dev@gmail.com (not at acme.com: you, I think)",)


def test_the_one_attendee_yet_to_answer_is_the_member() -> None:
    reading = read(
        "Panel",
        attendees=(
            person("jane@gmail.com", "Jane Doe"),
            person("raj@gmail.com", "Raj Patel"),
            person("sam@gmail.com", "Sam Lee", partstat="NEEDS-ACTION"),
        ),
        member=None,
    )
    assert [p.name for p in reading.people.found] == ["Jane Doe", "Raj Patel"]
    assert not reading.people.unsure


def test_when_nothing_tells_who_the_member_is_everyone_stays_and_it_says_so() -> None:
    reading = read(
        "Panel",
        attendees=(person("jane@gmail.com", "Jane Doe"), person("raj@gmail.com", "Raj Patel")),
        member=None,
    )
    assert [p.name for p in reading.people.found] == ["Jane Doe", "Raj Patel"]
    assert reading.people.unsure


def test_names_come_from_outlooks_last_first_and_from_addresses() -> None:
    reading = read(
        "Onsite - Globex",
        organizer=person("jane.doe@globex.com", "Doe, Jane", organizer=True),
        attendees=(
            person("ada@gmail.com", "Ada Lovelace"),
            person("raj.patel@globex.com"),
            person("jd7@globex.com"),
        ),
    )
    assert [(p.name, p.email) for p in reading.people.found] == [
        ("Jane Doe", "jane.doe@globex.com"),
        ("Raj Patel", "raj.patel@globex.com"),
    ]
    assert "jd7@globex.com (no name in the invite)" in reading.people.left_out


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("10:00 - 10:45  Jane Doe, Engineering Manager", ("Jane Doe", "Engineering Manager")),
        (
            "10:00 AM – 10:45 AM EST: Jane Doe (Engineering Manager)",
            ("Jane Doe", "Engineering Manager"),
        ),
        (
            "1:00 PM - 1:45 PM PST | System Design with Raj Patel (Staff Engineer)",
            ("Raj Patel", "Staff Engineer"),
        ),
        ("9am-10am Coding: Hana Kobayashi, Staff Engineer", ("Hana Kobayashi", "Staff Engineer")),
        ("14.00 - 14.30 Tomás Ruiz - Head of Data", ("Tomás Ruiz", "Head of Data")),
        ("11:00 - 11:30 Jane Doe", ("Jane Doe", None)),
    ],
)
def test_an_itinerary_line_names_a_person_and_their_title(
    line: str, expected: tuple[str, str | None]
) -> None:
    assert [(name, title) for name, title, _email in itinerary(line)] == [expected]


@pytest.mark.parametrize(
    "line",
    ["11:30 AM - 12:00 PM  Lunch break", "12:00 - 12:15 Office tour", "16:00 - 16:30 Wrap-up"],
)
def test_breaks_and_tours_in_an_itinerary_are_nobody(line: str) -> None:
    assert itinerary(line) == []


def test_an_interviewer_list_gives_emails_and_two_people_on_one_slot() -> None:
    description = (
        "You'll meet with:\n"
        "- Gavin Belson (CEO) <gavin@hooli.com>\n"
        "- Monica Hall, Design Lead\n"
        "\n"
        "10:00 - 11:00 Jane Doe & Raj Patel\n"
        "Interviewer: Sam Lee (Recruiter)"
    )
    assert itinerary(description) == [
        ("Gavin Belson", "CEO", "gavin@hooli.com"),
        ("Monica Hall", "Design Lead", None),
        ("Jane Doe", None, None),
        ("Raj Patel", None, None),
        ("Sam Lee", "Recruiter", None),
    ]


def test_itinerary_people_take_the_attendees_emails() -> None:
    reading = read(
        "Interview",
        attendees=(
            person("jane.doe@acme.com", "Jane Doe"),
            person("ada@gmail.com", "Ada Lovelace"),
        ),
        description="10:00 - 10:45 Jane Doe, Engineering Manager\n10:45 - 11:30 Raj Patel, SRE",
    )
    assert [(p.name, p.title, p.email) for p in reading.people.found] == [
        ("Jane Doe", "Engineering Manager", "jane.doe@acme.com"),
        ("Raj Patel", "SRE", None),
    ]
    assert reading.people.source == "the description"


def test_more_than_ten_people_keep_the_first_ten() -> None:
    lines = "\n".join(f"10:00 - 10:30 Person{chr(65 + n)} Smith" for n in range(12))
    reading = read("Panel", description=lines)
    assert len(reading.people.found) == 10
    assert reading.people.left_out[-1] == "PersonL Smith (more than 10 people)"


# --- Where: the call's link, a phone number, a place --------------------------------------


@pytest.mark.parametrize(
    ("location", "conference", "description", "expected"),
    [
        (
            "https://acme.zoom.us/j/123?pwd=x",
            (),
            "",
            ("video", "https://acme.zoom.us/j/123?pwd=x", "Zoom"),
        ),
        (
            "Microsoft Teams Meeting",
            ("https://teams.microsoft.com/l/meetup-join/1",),
            "",
            ("video", "https://teams.microsoft.com/l/meetup-join/1", "Microsoft Teams"),
        ),
        (
            "",
            ("https://meet.google.com/abc-defg-hij",),
            "",
            ("video", "https://meet.google.com/abc-defg-hij", "Google Meet"),
        ),
        (
            "",
            (),
            "Join: https://meet.google.com/abc-defg-hij.",
            ("video", "https://meet.google.com/abc-defg-hij", "Google Meet"),
        ),
        ("+1 415-555-0100", (), "", ("phone", "+1 415-555-0100", None)),
        (
            "200 Park Ave, New York",
            (),
            "Join: https://meet.google.com/abc",
            ("in person", "200 Park Ave, New York", None),
        ),
        ("", (), "No link here: https://example.com/about", (None, None, None)),
        (
            "https://video.example.com/room/7",
            (),
            "",
            ("video", "https://video.example.com/room/7", None),
        ),
    ],
)
def test_the_place_is_the_calls_link_else_a_phone_else_an_address(
    location: str,
    conference: tuple[str, ...],
    description: str,
    expected: tuple[str | None, str | None, str | None],
) -> None:
    reading = read(location=location, conference=conference, description=description)
    assert (reading.format, reading.location, reading.service) == expected
