"""`reply` with no interview named asks which, in a form beside the email (issue #19).

This is what a Slack message shortcut and a Discord message command open: they carry the
email but not the interview. The reading itself is `test_reply.py`'s business.
"""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import CommandRequest, Form, Reply
from bot.commands.reply_pick import MAX_CHOICE, MAX_CHOICES, PICK, TEXT

NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # tests/conftest.py's START


def log(company: str, when: str, role: str = "Data Engineer") -> str:
    return f'/interview log company="{company}" role="{role}" when="{when}"'


async def ask(convo: Conversation, core: Core, options: dict[str, str] | None = None) -> Reply:
    """`reply` as a form's entry point sends it: no text, and the form's fields if any."""
    request = CommandRequest(
        member=convo.member(), command="reply", text="", received_at=NOW, options=options
    )
    return await core.dispatcher.handle(request)


def form_of(reply: Reply) -> Form:
    assert reply.form is not None, reply.plain_text()
    return reply.form


async def test_reply_alone_offers_open_interviews_newest_first_then_ended_ones(
    convo: Conversation, core: Core
) -> None:
    await convo.say(log("Acme", "2026-11-16 10:00"))
    await convo.say(log("Globex", "2026-11-18 10:00", role=""))
    await convo.say(log("Initech", "2026-11-20 10:00"))
    await convo.say("/interview outcome #3 rejected")
    form = form_of(await ask(convo, core))
    assert (form.command, form.context) == ("reply", "")
    pick, text = form.fields
    assert (pick.key, pick.kind, pick.required) == (PICK, "choice", True)
    assert [(c.value, c.label) for c in pick.choices] == [
        ("#2", "#2 Globex"),
        ("#1", "#1 Acme · Data Engineer"),
        ("#3", "#3 Initech · Data Engineer"),
    ]
    assert pick.initial is None  # two are open: the member says which
    assert (text.key, text.kind, text.required, text.initial) == (TEXT, "long_text", True, None)


async def test_the_only_open_interview_is_chosen_already(convo: Conversation, core: Core) -> None:
    await convo.say(log("Acme", "2026-11-16 10:00"))
    await convo.say(log("Globex", "2026-11-18 10:00"))
    await convo.say("/interview outcome #2 withdrawn")
    (pick, _text) = form_of(await ask(convo, core)).fields
    assert pick.initial == "#1"


async def test_choices_fit_every_platforms_menu(convo: Conversation, core: Core) -> None:
    """Discord's select holds 25 options of 100 characters, Slack's option text 75."""
    long_company = "Consolidated Interplanetary Widgets and Sprockets Holding"
    for day in range(1, MAX_CHOICES + 3):
        await convo.say(log(long_company, f"2026-10-{day:02d} 09:00", role="Principal Engineer"))
    (pick, _text) = form_of(await ask(convo, core)).fields
    assert len(pick.choices) == MAX_CHOICES
    assert all(len(choice.label) <= MAX_CHOICE for choice in pick.choices)
    assert pick.choices[0].value == f"#{MAX_CHOICES + 2}"  # the newest first


async def test_a_member_with_no_interviews_is_told_to_log_one_and_gets_no_form(
    convo: Conversation, core: Core
) -> None:
    answer = await ask(convo, core)
    assert answer.form is None
    assert "haven't logged an interview yet" in answer.plain_text()
    assert "/interview log" in answer.plain_text()


async def test_the_form_submitted_reads_the_chosen_interview(
    convo: Conversation, core: Core
) -> None:
    """The chosen `#2` is the interview: with no email yet, its own paste form comes back."""
    await convo.say(log("Acme", "2026-11-16 10:00"))
    await convo.say(log("Globex", "2026-11-18 10:00"))
    answer = await ask(convo, core, {PICK: "#2", TEXT: "  "})
    assert form_of(answer).context == "#2"
    missing = await ask(convo, core, {PICK: "#9", TEXT: ""})
    assert missing.form is None
    assert "#9" in missing.plain_text()


async def test_the_console_says_how_to_name_the_interview(convo: Conversation) -> None:
    await convo.say(log("Acme", "2026-11-16 10:00"))
    shown = await convo.say("/interview reply")
    assert "Which interview is their reply about?" in shown
    assert "/interview reply #3" in shown
