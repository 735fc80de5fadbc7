"""Every mistake a member can make gets a clear answer and changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import CommandRequest, MemberRef, Reply
from bot.commands.registry import CommandSpec, Context, Registry
from bot.storage.models import Base

SETUP = (
    '/interview log company="Acme" role="Backend Engineer" when="tomorrow 3pm" '
    'with="Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel"'
)


def snapshot(core: Core) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to prove a failed command changed nothing."""
    with core.deps.db.transaction() as session:
        return {
            name: sorted((tuple(row) for row in session.execute(select(table))), key=repr)
            for name, table in Base.metadata.tables.items()
        }


BAD_INPUT = [
    ("/interview frobnicate", "I don't know the command 'frobnicate'"),
    ("/interview lgo company=Acme", "Did you mean /interview log?"),
    ('/interview log role="Engineer"', "Which company"),
    ('/interview log company="Acme" when="soonish 3pm"', "couldn't read 'soonish 3pm'"),
    ('/interview log company="Acme" when="sometime 3pm"', "'sometime' leaves it unclear"),
    ('/interview log company="Acme', "unmatched quote"),
    ("/interview log company=" + "A" * 201, "the limit is 200"),
    ('/interview log company="Acme" stage=lunch', "I don't know the stage 'lunch'"),
    ('/interview log company="Acme" with="Jane <jane@acme>"', "isn't a valid email"),
    ('/interview log company="Acme" colour=blue', "I don't know the field 'colour'"),
    ('/interview log company="Acme" company="Beta"', "more than once"),
    ("/interview show #42", "You have no interview #42"),
    ("/interview show #x", "isn't an interview number"),
    ("/interview show", "Which interview?"),
    ('/interview edit #1 bogus="x"', "I don't know the field 'bogus'"),
    ("/interview edit #1", "Change any field, like"),
    ('/interview notes #1 topics="' + "t" * 2001 + '"', "the limit is 2000"),
    ("/interview outcome #1 maybe", "I don't know the outcome 'maybe'"),
    ("/interview outcome #1", "What was the outcome?"),
    ("/interview sent #1", "3 of those pending"),
    ("/interview sent #1 Zed", "No follow-up for 'zed'"),
    ("/interview settings timezone=Mars/Base", "I don't know the time zone 'Mars/Base'"),
    ("/interview settings timezone=europe/berlni", "Europe/Berlin"),
    ('/interview settings quiet_hours="late"', "couldn't read 'late' as quiet hours"),
    ("/interview settings colour=blue", "I don't know the setting 'colour'"),
    ("/interview settings status_check_days=1", "from 3 to 30"),
    ("/interview delete #1", "can't be undone"),
    ("hello", "Commands start with /interview"),
    (":advance soon", "soon"),
]


@pytest.mark.parametrize(("line", "expected"), BAD_INPUT)
async def test_bad_input_gets_a_helpful_message_and_changes_nothing(
    convo: Conversation, core: Core, line: str, expected: str
) -> None:
    await convo.say(SETUP)
    before = snapshot(core)
    reply = await convo.say(line)
    assert expected in reply
    assert "went wrong on my side" not in reply
    assert snapshot(core) == before


async def test_empty_line_prints_nothing(convo: Conversation) -> None:
    assert await convo.say("   ") == ""


async def test_bare_command_shows_help_generated_from_the_registry(
    convo: Conversation, core: Core
) -> None:
    reply = await convo.say("/interview")
    for spec in core.registry.shown:
        assert f"/interview {spec.usage}" in reply


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(["log", "edit #1", "notes #1", "sent #1", "draft #1", "settings", ""]),
    text=st.text(max_size=80),
)
async def test_nothing_a_member_types_crashes_the_bot(
    convo: Conversation, command: str, text: str
) -> None:
    reply = await convo.say(f"/interview {command} {text}")
    assert reply.strip()
    assert "went wrong on my side" not in reply


# --- What used to crash or quietly do the wrong thing ------------------------------------

OOPS_TEXT = "went wrong on my side"


async def test_snoozing_a_paused_interview_says_it_is_paused_and_changes_nothing(
    convo: Conversation, core: Core
) -> None:
    """It used to crash: pausing cancels every reminder, so snooze found none to report."""
    await convo.say(SETUP)
    await convo.say("/interview pause #1")
    before = snapshot(core)
    reply = await convo.say("/interview snooze #1 Jane for=1h")
    assert "Reminders for #1 Acme are paused, so there is nothing to snooze." in reply
    assert "/interview resume #1" in reply
    assert snapshot(core) == before


@pytest.mark.parametrize("value", ["³", "⁷", "①", "7½", "٣٠x"])
async def test_a_number_of_days_int_cannot_read_is_refused_politely(
    convo: Conversation, value: str
) -> None:
    """`isdigit` passes superscripts and circled digits, which `int()` refuses: no crash."""
    for line in (
        f"/interview settings status_check_days={value}",
        f"/interview admin status_check_days={value}",
    ):
        reply = await convo.say(line)
        assert f"'{value}' isn't a number of days from 3 to 30" in reply, line
        assert OOPS_TEXT not in reply


async def test_digits_of_another_script_count_as_a_number_of_days(convo: Conversation) -> None:
    """Arabic-Indic ٧ is a decimal digit that `int()` reads: it means 7."""
    reply = await convo.say("/interview settings status_check_days=٧")
    assert "Saved." in reply
    assert "Status check after: 7 days of silence" in reply


def stored_text(core: Core) -> list[str]:
    """Every text cell in the database."""
    return [
        cell
        for rows in snapshot(core).values()
        for row in rows
        for cell in row
        if isinstance(cell, str)
    ]


async def test_control_characters_are_stripped_before_anything_is_stored(
    convo: Conversation, core: Core
) -> None:
    """PostgreSQL refuses NUL where SQLite keeps it; ANSI escapes were echoed raw."""
    reply = await convo.say(
        '/interview log company="Ac\x00me" role="\x1b[1;31mBackend\x1b[0m Engineer\x07" '
        'when="tomorrow 3pm" with="Jane\x7f Doe\x9b2J"'
    )
    assert "Logged #1 Acme · Backend Engineer" in reply
    assert "With: Jane Doe." in reply
    await convo.say('/interview notes #1 topics="design;\ton-call\r\nhiring\x1b]0;title\x07"')
    cells = stored_text(core)
    assert "Acme" in cells
    assert "Backend Engineer" in cells
    assert "design;\ton-call\nhiring" in cells  # tab and newline are what members mean
    assert not [c for c in cells if any(ch < " " and ch not in "\t\n" for ch in c)]
    assert not [c for c in cells if any("\x7f" <= ch <= "\x9f" for ch in c)]
    assert "\x1b" not in await convo.say("/interview show #1")


async def test_control_characters_are_stripped_from_submitted_forms(
    core: Core, convo: Conversation
) -> None:
    """A modal's values (every adapter's forms) go through the same cleaning as typed text."""
    await convo.say(SETUP)
    request = CommandRequest(
        member=convo.member(),
        command="notes",
        text="#1",
        received_at=core.deps.clock.now(),
        display_name="Ada\x00",
        options={"topics": "Kafka\x00\x1b[2K", "promised\x00": "my portfolio"},
    )
    reply = await core.dispatcher.handle(request)
    assert "Saved your notes on #1" in reply.plain_text()
    cells = stored_text(core)
    assert "Kafka" in cells
    assert "my portfolio" in cells
    assert not [c for c in cells if "\x00" in c or "\x1b" in c]


UNKNOWN_OPTIONS = [
    ("resume #1 until=friday", "resume", "until"),
    ("resume #1 when=now", "resume", "when"),
    ("replied #1 when=yesterday", "replied", "when"),
    ("outcome #1 rejected when=yesterday", "outcome", "when"),
    ("sent #1 Jane when=yesterday", "sent", "when"),
    ("skip #1 Jane reason=busy", "skip", "reason"),
    ("show #1 verbose=yes", "show", "verbose"),
]


@pytest.mark.parametrize(("line", "command", "key"), UNKNOWN_OPTIONS)
async def test_an_option_a_command_does_not_take_is_refused_and_changes_nothing(
    convo: Conversation, core: Core, line: str, command: str, key: str
) -> None:
    """They used to drop it: `pause #1 until=friday` paused forever, before pause took one."""
    await convo.say(SETUP)
    before = snapshot(core)
    reply = await convo.say(f"/interview {line}")
    assert f"I don't know the option `{key}` for `{command}`. `{command}` takes no options." in (
        reply
    )
    assert snapshot(core) == before


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("snooze #1 Jane for=1h when=friday", "for `snooze`. Known options: for=, until=."),
        ("draft #1 tone=formal", "for `draft`. Known options: news=, until=."),
        ("admin stats since=monday", "for `admin stats`. Known options: period=."),
    ],
)
async def test_commands_with_options_list_them_when_refusing_one(
    convo: Conversation, line: str, expected: str
) -> None:
    await convo.say(SETUP)
    assert expected in await convo.say(f"/interview {line}")


async def test_every_command_that_declares_its_options_refuses_others(
    convo: Conversation, core: Core
) -> None:
    """One mechanism in the registry, so a command added later cannot forget it."""
    await convo.say(SETUP)
    checked = [s for s in core.registry.specs if not s.raw and not s.open_options]
    assert len(checked) > 10
    for spec in checked:
        reply = await convo.say(f"/interview {spec.name} #1 zzz=1")
        assert f"I don't know the option `zzz` for `{spec.name}`." in reply, spec.name


def test_a_bug_is_logged_under_the_command_s_name_not_what_was_typed(
    core: Core, caplog: pytest.LogCaptureFixture
) -> None:
    """Nothing a member typed goes into a log line, not even their spelling of the command."""

    def broken(_ctx: Context) -> Reply:
        raise KeyError("a bug")

    core.registry = Registry([CommandSpec("boom", "Fails.", "boom", broken)])
    member = MemberRef("console", "local", "ada")
    request = CommandRequest(member, "  BoOm\x1b[31m", "", core.deps.clock.now())
    reply = core.dispatcher.handle_sync(request)
    assert OOPS_TEXT in reply.plain_text()
    (record,) = [r for r in caplog.records if r.levelname == "ERROR"]
    assert record.getMessage() == "command 'boom' failed"
