"""Forms: what a modal shows, and what a submitted modal does, errors pinned to their field."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import MAX_FORM_TEXT, Choice, CommandRequest, FormField, Reply

FORM_LOG = {
    "company": "Acme",
    "role": "Backend Engineer",
    "when_date": "2026-11-24",
    "when_time": "15:00",
    "stage": "onsite",
    "with": "Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel",
    "decision": "",
}


async def submit(
    core: Core, convo: Conversation, command: str, options: dict[str, str], context: str = ""
) -> Reply:
    return await core.dispatcher.handle(
        CommandRequest(
            member=convo.member(),
            command=command,
            text=context,
            received_at=datetime(2026, 11, 23, 14, tzinfo=UTC),
            options=options,
        )
    )


async def test_log_with_nothing_typed_offers_the_form(core: Core, convo: Conversation) -> None:
    reply = await core.dispatcher.handle(
        CommandRequest(convo.member(), "log", "", datetime(2026, 11, 23, 14, tzinfo=UTC))
    )
    assert reply.form is not None
    assert reply.form.command == "log"
    keys = [f.key for f in reply.form.fields]
    assert keys[:4] == ["company", "role", "when_date", "when_time"]
    assert next(f for f in reply.form.fields if f.key == "company").required
    stage = next(f for f in reply.form.fields if f.key == "stage")
    assert Choice("onsite", "Onsite interview") in stage.choices


async def test_the_log_form_names_stages_in_the_members_language(
    core: Core, convo: Conversation
) -> None:
    """The value stays what the core parses; the label is translated, never made from it."""
    reply = await core.dispatcher.handle(
        CommandRequest(
            convo.member(), "log", "", datetime(2026, 11, 23, 14, tzinfo=UTC), locale="de"
        )
    )
    assert reply.form is not None
    stage = next(f for f in reply.form.fields if f.key == "stage")
    assert stage.label == "Phase"
    assert Choice("phone_screen", "Telefoninterview") in stage.choices
    assert all(choice.label[0].isupper() for choice in stage.choices)


async def test_submitted_log_form_logs_the_interview(core: Core, convo: Conversation) -> None:
    reply = await submit(core, convo, "log", FORM_LOG)
    assert reply.field_errors == {}
    assert "Logged #1 Acme" in reply.plain_text()
    assert "Tue 24 Nov 2026, 15:00-16:00 UTC" in reply.plain_text()  # start to end
    assert "Jane Doe (Engineering Manager), Raj Patel" in reply.plain_text()


async def test_form_errors_point_at_their_field_and_save_nothing(
    core: Core, convo: Conversation
) -> None:
    missing = await submit(core, convo, "log", {**FORM_LOG, "company": ""})
    assert list(missing.field_errors) == ["company"]
    bad_people = await submit(core, convo, "log", {**FORM_LOG, "with": "Jane <jane@acme>"})
    assert list(bad_people.field_errors) == ["with"]
    bad_date = await submit(core, convo, "log", {**FORM_LOG, "when_date": "someday"})
    assert list(bad_date.field_errors) == ["when_date"]
    assert "You haven't logged any interviews yet" in await convo.say("/interview list")


async def test_edit_form_is_filled_in_and_saves_changes(core: Core, convo: Conversation) -> None:
    await submit(core, convo, "log", FORM_LOG)
    reply = await convo.say("/interview edit #1")
    assert "Change any field" in reply
    form = (
        await core.dispatcher.handle(
            CommandRequest(convo.member(), "edit", "#1", datetime(2026, 11, 23, 14, tzinfo=UTC))
        )
    ).form
    assert form is not None
    initial = {f.key: f.initial for f in form.fields}
    assert initial["company"] == "Acme"
    assert initial["when_date"] == "2026-11-24"
    assert initial["when_time"] == "15:00"
    assert initial["with"] == "Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel"
    edited = await submit(
        core, convo, "edit", {**initial_values(initial), "role": "Staff Engineer"}, "#1"
    )
    assert "Updated #1 Acme · Staff Engineer" in edited.plain_text()


async def test_notes_form_reads_each_interviewers_line(core: Core, convo: Conversation) -> None:
    await submit(core, convo, "log", FORM_LOG)
    form = (
        await core.dispatcher.handle(
            CommandRequest(convo.member(), "notes", "#1", datetime(2026, 11, 23, 14, tzinfo=UTC))
        )
    ).form
    assert form is not None
    about = next(f for f in form.fields if f.key == "about").initial
    assert about == "Jane Doe: \nRaj Patel: "
    reply = await submit(
        core,
        convo,
        "notes",
        {"about": "Jane Doe: the Kafka migration\nRaj Patel: testing", "promised": "my portfolio"},
        "#1",
    )
    assert "Saved your notes on #1" in reply.plain_text()
    assert "discussed the Kafka migration" in await convo.say("/interview show #1")


def initial_values(initial: dict[str, str | None]) -> dict[str, str]:
    return {key: value or "" for key, value in initial.items()}


async def open_notes(core: Core, convo: Conversation) -> Reply:
    return await core.dispatcher.handle(
        CommandRequest(convo.member(), "notes", "#1", datetime(2026, 11, 23, 14, tzinfo=UTC))
    )


async def test_every_form_field_fits_what_every_platform_round_trips(
    core: Core, convo: Conversation
) -> None:
    """Slack's text input holds 3,000 characters, Discord's 4,000: no form may ask for more."""
    await submit(core, convo, "log", FORM_LOG)
    forms = [(await open_notes(core, convo)).form, (await submit(core, convo, "log", {})).form]
    for form in forms:
        assert form is not None
        assert all(f.limit <= MAX_FORM_TEXT for f in form.fields)


def test_a_form_field_cannot_be_built_to_cut_its_own_text() -> None:
    with pytest.raises(ValueError, match="max_length"):
        FormField("notes", "Notes", max_length=MAX_FORM_TEXT + 1)
    with pytest.raises(ValueError, match="initial"):
        FormField("topics", "Topics", max_length=10, initial="x" * 11)


async def test_notes_too_long_for_a_form_refuse_the_form_and_name_the_command(
    core: Core, convo: Conversation
) -> None:
    """Five interviewers' notes together outgrow one input: prefilling them cut would lose text."""
    people = "; ".join(f"Person{n} Doe" for n in range(5))
    await convo.say(f'/interview log company="Acme" when="tomorrow 3pm" with="{people}"')
    for n in range(5):
        await convo.say(f'/interview notes #1 person{n}="{"k" * 990}"')
    reply = await open_notes(core, convo)
    assert reply.form is None
    text = reply.plain_text()
    assert "more than the 3,000 a form can hold" in text
    assert '/interview notes #1 person0="..."' in text
    assert "k" * 990 in await convo.say("/interview show #1")  # nothing was cut


async def test_a_note_over_the_limit_is_refused_with_the_limit_and_how_much_to_cut(
    convo: Conversation,
) -> None:
    await convo.say('/interview log company="Acme" when="tomorrow 3pm"')
    reply = await convo.say(f'/interview notes #1 notes="{"n" * (MAX_FORM_TEXT + 5)}"')
    assert f"the limit is {MAX_FORM_TEXT}" in reply
    assert "Shorten it by 5 characters" in reply
