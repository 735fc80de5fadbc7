"""`reply #3`: confirm what the employer's email was, with one press, and the follow-ups change.

The confirm path (`reply_ok`, what each button runs) is tested on its own here, typed as a
press would send it; the paste path needs the classifier, whose tests are marked until it
merges (see `ready`).
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from adapters.console.conversation import Conversation
from adapters.discord.buttons import MAX_CUSTOM_ID, custom_id, fits
from adapters.discord.commands import command_payload
from bot.app import Core
from bot.chat import CommandRequest, MemberRef
from bot.commands.handlers import build_registry
from bot.commands.replies import (
    CONFIRM,
    VALUE_BUDGET,
    choices,
    confirm_value,
    split_paste,
    understood,
)
from bot.domain.replies import Material, Reading, ReplyKind, Sender, Slot
from bot.storage.models import FollowUp, Interview

LOG = (
    '/interview log company="Acme" role="Data Engineer" when="2026-11-20 15:00" '
    'with="Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel"'
)
UTC_ZONE = ZoneInfo("UTC")
NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # tests/conftest.py's START: Monday
REJECTION = "Unfortunately we have decided to move forward with other candidates."
OFFER = "We are pleased to offer you the position"
AWAY = "I am out of the office until December 10"


def interview(core: Core, number: int = 1) -> Interview:
    """The interview as stored now, with its follow-ups and reminders loaded."""
    with core.deps.db.transaction() as session:
        found = session.scalars(select(Interview).where(Interview.number == number)).one()
        for follow_up in found.follow_ups:
            _ = [r.state for r in follow_up.reminders], follow_up.interviewer
        _ = [p.name for p in found.interviewers], found.contact
        session.expunge_all()
        return found


def pending(found: Interview) -> dict[str, FollowUp]:
    """Pending follow-ups by kind (and interviewer, for thank-yous)."""
    return {
        f.kind + (f":{f.interviewer.name}" if f.interviewer else ""): f
        for f in found.follow_ups
        if f.state == "pending"
    }


def waiting_reminders(found: Interview) -> list[datetime]:
    return sorted(
        r.remind_at for f in found.follow_ups for r in f.reminders if r.state == "scheduled"
    )


# --- The confirm path, one kind at a time ---------------------------------------------


async def test_a_rejection_records_the_outcome_and_offers_the_gracious_reply(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)
    said = await convo.say(f"/interview {CONFIRM} #1 rejection")
    assert "Recorded: #1 Acme" in said
    assert "rejected" in said
    assert "[Draft the reply: /interview draft #1 rejection_reply]" in said
    found = interview(core)
    assert found.status == "rejected"
    assert found.last_contact_at == NOW
    assert set(pending(found)) == {"rejection_reply", "keep_in_touch"}  # no status check
    draft = await convo.say("/interview draft #1 rejection_reply")
    assert "feedback" in draft  # the gracious reply asks for feedback


async def test_an_offer_records_it_and_offers_the_reply_asking_for_time(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)
    said = await convo.say(f"/interview {CONFIRM} #1 offer")
    assert "[Draft the reply: /interview draft #1 offer_reply]" in said
    found = interview(core)
    assert found.status == "offer"
    assert set(pending(found)) == {"offer_reply"}
    draft = await convo.say("/interview draft #1 offer_reply until=Friday")
    assert "Would it be possible to give you my answer by Friday?" in draft


async def test_a_next_round_logs_the_new_interview_at_the_slot_with_the_same_people(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)
    press = f"/interview {CONFIRM} #1 next_round at=2026-12-01T15:00Z length=45m"
    said = await convo.say(press)
    assert "Logged #2 Acme · Data Engineer · technical interview" in said
    assert "Tue 1 Dec 2026, 15:00-15:45 UTC" in said
    assert "[Draft the reply: /interview draft #1 next_round_thanks]" in said
    first, second = interview(core, 1), interview(core, 2)
    assert first.status == "next_round"
    assert "next_round_thanks" in pending(first)
    assert (second.company, second.role, second.stage) == ("Acme", "Data Engineer", "technical")
    assert second.starts_at == datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
    assert second.ends_at - second.starts_at == timedelta(minutes=45)
    assert second.status == "scheduled"
    assert [(p.name, p.email) for p in second.interviewers] == [
        ("Jane Doe", "jane@acme.com"),
        ("Raj Patel", None),
    ]
    assert {"thank_you:Jane Doe", "thank_you:Raj Patel"} <= set(pending(second))
    again = await convo.say(press)  # the same button pressed twice logs nothing new
    assert "Logged #2 Acme" in again
    assert "#3" not in await convo.say("/interview list")


async def test_still_deciding_until_a_date_moves_the_status_check_after_it(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)
    assert pending(interview(core))["status_check"].due_at == datetime(
        2026, 11, 27, 9, 0, tzinfo=UTC
    )
    said = await convo.say(f"/interview {CONFIRM} #1 still_deciding on=2026-12-10")
    assert "Noted that Acme is still deciding (#1)." in said
    found = interview(core)
    assert found.decision_expected_on == date(2026, 12, 10)
    assert found.last_contact_at == NOW  # it is a reply: the nudges count from zero
    # Two business days after Thursday the 10th: Monday the 14th, 09:00.
    check = pending(found)["status_check"]
    assert check.due_at == datetime(2026, 12, 14, 9, 0, tzinfo=UTC)
    assert "status check: due by Mon 14 Dec 2026, 09:00 UTC" in said


async def test_an_out_of_office_holds_the_nudge_until_the_morning_after_and_is_no_reply(
    convo: Conversation, core: Core
) -> None:
    await convo.say("/interview settings timezone=America/New_York")
    await convo.say(LOG)
    await convo.say("/interview sent #1 Jane")
    await convo.say("/interview sent #1 Raj")  # the status check is all that is left
    before = interview(core)
    said = await convo.say(f"/interview {CONFIRM} #1 out_of_office on=2026-12-10")
    assert "An auto-reply doesn't count as their reply." in said
    assert "I moved 1 reminder to Fri 11 Dec 2026, 09:00 EST, after they are back." in said
    found = interview(core)
    assert found.last_contact_at is None  # not a reply
    assert found.status == before.status
    check = pending(found)["status_check"]
    (reminder,) = [r for r in check.reminders if r.state == "scheduled"]
    assert reminder.remind_at == datetime(2026, 12, 11, 14, 0, tzinfo=UTC)  # 09:00 New York
    assert dms(await convo.say(":advance 17d")) == []  # to Thu 10 Dec 14:00 UTC: nothing
    (nudge,) = dms(await convo.say(":advance 1d"))
    assert "Acme" in nudge


async def test_an_out_of_office_over_a_weekend_waits_for_monday_morning(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)
    said = await convo.say(f"/interview {CONFIRM} #1 out_of_office on=2026-12-04")  # Friday
    # Saturday morning is the weekend: the first sending hour after it, as `pause until=`.
    assert "to Mon 7 Dec 2026, 08:00 UTC" in said
    assert waiting_reminders(interview(core))[-1] == datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


async def test_an_out_of_office_with_nothing_due_before_the_return_moves_nothing(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)
    before = waiting_reminders(interview(core))
    said = await convo.say(f"/interview {CONFIRM} #1 out_of_office on=2026-11-24")
    assert "No reminder was due before they are back." in said
    assert waiting_reminders(interview(core)) == before


async def test_a_request_for_material_plans_a_promised_material_follow_up_by_its_date(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)
    said = await convo.say(f"/interview {CONFIRM} #1 material on=2026-12-04 ask=refs,salary")
    assert "my references; my salary expectations, by Fri 4 Dec 2026, 17:00 UTC" in said
    found = interview(core)
    material = pending(found)["promised_material"]
    assert material.due_at == datetime(2026, 12, 4, 17, 0, tzinfo=UTC)
    assert found.promised_by_me == "my references; my salary expectations"
    assert found.last_contact_at == NOW  # they wrote: it counts as a reply
    await convo.say("/interview sent #1 promised_material")
    # A second request once the first was sent is a follow-up of its own.
    await convo.say(f"/interview {CONFIRM} #1 material ask=sample")
    again = pending(interview(core))["promised_material"]
    assert again.sequence == 2
    assert again.due_at == datetime(2026, 11, 25, 17, 0, tzinfo=UTC)  # two business days
    draft = await convo.say("/interview draft #1 promised_material")
    assert "a work sample" in draft


async def test_an_acknowledgement_counts_as_a_reply(convo: Conversation, core: Core) -> None:
    await convo.say(LOG)
    said = await convo.say(f"/interview {CONFIRM} #1 acknowledgement")
    assert "Noted that Acme replied (#1)." in said
    found = interview(core)
    assert found.last_contact_at == NOW
    assert pending(found)["status_check"].due_at == datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


async def test_a_stop_request_ends_every_follow_up_and_says_so(
    convo: Conversation, core: Core
) -> None:
    await convo.say('/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    assert len(waiting_reminders(interview(core))) == 3  # thank-you (two) and status check
    said = await convo.say(f"/interview {CONFIRM} #1 rejection stop")
    assert (
        "Acme asked not to be contacted again, so I ended every follow-up for #1 and "
        "cancelled its 3 reminders. Nothing more will come about it."
    ) in said
    assert "[Draft" not in said  # no reply to someone who asked for none
    found = interview(core)
    assert found.status == "rejected"
    assert pending(found) == {}
    assert waiting_reminders(found) == []
    await convo.say('/interview edit #1 role="Staff Engineer"')  # a later change re-plans
    assert pending(interview(core)) == {}
    assert dms(await convo.say(":advance 200d")) == []


# --- Who wrote --------------------------------------------------------------------


async def test_a_sender_matched_by_email_becomes_the_contact(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)
    said = await convo.say(f"/interview {CONFIRM} #1 offer from=Someone email=JANE@acme.com")
    assert "Notes about what happens next go to Jane Doe." in said
    assert interview(core).contact.name == "Jane Doe"


async def test_a_new_sender_is_added_as_a_contact_who_gets_no_thank_you(
    convo: Conversation, core: Core
) -> None:
    await convo.say('/interview log company="Acme" when="yesterday 3pm" with="Jane Doe"')
    said = await convo.say(
        f'/interview {CONFIRM} #1 acknowledgement from="Hana Kobayashi" '
        'email=hana@acme.com title="Talent Partner"'
    )
    assert "I added Hana Kobayashi to #1 as the contact person" in said
    found = interview(core)
    hana = found.contact
    assert (hana.name, hana.email, hana.title, hana.met) == (
        "Hana Kobayashi",
        "hana@acme.com",
        "Talent Partner",
        False,
    )
    assert set(pending(found)) == {"thank_you:Jane Doe", "status_check"}
    draft = await convo.say("/interview draft #1 status_check")
    assert "To: hana@acme.com" in draft
    assert "Hana" in draft.split("Subject:")[1]
    thanks = await convo.say("/interview draft #1 thank_you")
    assert "Hana" not in thanks


# --- Buttons ----------------------------------------------------------------------

LONGEST = Reading(
    kind=ReplyKind.MATERIAL,
    confidence=0.5,
    others=tuple(k for k in ReplyKind if k is not ReplyKind.MATERIAL),
    stop=True,
    until=datetime(2026, 12, 10, 17, 0, tzinfo=UTC),
    slots=tuple(
        Slot(datetime(2026, 12, d, 14, 0, tzinfo=UTC), datetime(2026, 12, d, 15, 30, tzinfo=UTC))
        for d in range(1, 9)
    ),
    material=tuple(Material),
    sender=Sender(
        "Maria Fernanda de los Santos Oliveira",
        "maria.fernanda.delossantos@recruiting.example-company.com",
        "Senior Talent Acquisition Partner, EMEA",
    ),
)


def test_every_button_of_the_longest_reading_fits_a_discord_custom_id() -> None:
    owner = "9" * 20  # a snowflake has at most 20 digits
    actions = choices(LONGEST, 2147483647, UTC_ZONE)
    confirms = [a for a in actions if a.action_id == CONFIRM]
    assert len(confirms) >= 4
    for action in confirms:
        assert len(action.value) <= VALUE_BUDGET
        assert fits(action, owner), action.value
        cid = custom_id("fu", action.action_id, owner, action.value)
        assert cid is not None
        assert len(cid) <= MAX_CUSTOM_ID
        assert cid.endswith(f":{action.value}")  # carried whole, not compacted
        assert "stop" in action.value.split()  # a stop request is never dropped to fit
    material = next(a for a in confirms if " material " in a.value)
    assert "ask=refs,sample,salary,docs" in material.value
    assert "on=2026-12-10" in material.value


def test_a_sender_goes_in_as_far_as_it_fits() -> None:
    short = Reading(
        ReplyKind.REJECTION, 0.9, sender=Sender("Hana Kim", "hana@acme.com", "Recruiter")
    )
    value = confirm_value(3, ReplyKind.REJECTION, short, UTC_ZONE)
    assert value == '#3 rejection from="Hana Kim" email=hana@acme.com title=Recruiter'
    long = confirm_value(3, ReplyKind.REJECTION, LONGEST, UTC_ZONE)
    assert long.startswith('#3 rejection stop from="Maria Fernanda de los Santos Oliveira"')
    assert "email=" not in long  # it would not fit: left out, not cut
    assert len(long) <= VALUE_BUDGET


def test_an_unsure_reading_asks_which_with_a_button_each_and_none_of_these() -> None:
    unsure = Reading(ReplyKind.REJECTION, 0.4, others=(ReplyKind.STILL_DECIDING,))
    actions = choices(unsure, 3, UTC_ZONE)
    assert [(a.label, a.value) for a in actions] == [
        ("Rejection", "#3 rejection"),
        ("Still deciding", "#3 still_deciding"),
        ("None of these", "#3"),
    ]
    assert actions[-1].action_id == "replied"
    said = understood(unsure, "Acme", 3, UTC_ZONE)
    assert said == ["I can't tell for sure what Acme wrote about #3. Which is it?"]


def test_a_next_round_offers_a_button_per_slot() -> None:
    slots = tuple(Slot(datetime(2026, 12, d, 15, 0, tzinfo=UTC)) for d in (1, 2))
    reading = Reading(ReplyKind.NEXT_ROUND, 0.9, slots=slots, sender=Sender("Raj Patel"))
    actions = choices(reading, 3, UTC_ZONE)
    assert [(a.label, a.value) for a in actions[:2]] == [
        (
            "Next round: Tue 1 Dec 2026, 15:00 UTC",
            '#3 next_round at=2026-12-01T15:00Z from="Raj Patel"',
        ),
        (
            "Next round: Wed 2 Dec 2026, 15:00 UTC",
            '#3 next_round at=2026-12-02T15:00Z from="Raj Patel"',
        ),
    ]
    said = understood(reading, "Acme", 3, UTC_ZONE)[0]
    assert said.startswith("This looks like an invitation to a next round with Acme (#3).")
    assert "Times offered: Tue 1 Dec 2026, 15:00 UTC; Wed 2 Dec 2026, 15:00 UTC." in said
    assert "From: Raj Patel." in said


async def test_a_slot_button_pressed_logs_that_slot(convo: Conversation, core: Core) -> None:
    """The value `choices` builds is what `reply_ok` reads back: pressed, it does the job."""
    await convo.say(LOG)
    slot = Slot(datetime(2026, 12, 2, 16, 0, tzinfo=UTC), datetime(2026, 12, 2, 17, 30, tzinfo=UTC))
    reading = Reading(ReplyKind.NEXT_ROUND, 0.9, slots=(slot,), sender=Sender("Raj"))
    (press, _none) = choices(reading, 1, UTC_ZONE)
    await convo.say(f"/interview {press.action_id} {press.value}")
    logged = interview(core, 2)
    assert (logged.starts_at, logged.ends_at) == (slot.starts_at, slot.ends_at)
    assert interview(core, 1).contact.name == "Raj Patel"


# --- The command and its text -----------------------------------------------------


def test_the_pasted_text_is_taken_raw_with_or_without_quotes() -> None:
    email = 'Hi Ada,\n\nwhen=now company="Evil" #2\nThanks, Hana'
    assert split_paste(f"#3 {email}") == ("#3", email)
    assert split_paste(f'#3 "{email}"') == ("#3", email)
    assert split_paste(f"#3\n\u201c{email}\u201d\n") == ("#3", email)
    assert split_paste("#3") == ("#3", "")
    assert split_paste("  ") == ("", "")


async def test_reply_without_text_offers_a_paste_form(convo: Conversation, core: Core) -> None:
    await convo.say(LOG)
    request = CommandRequest(
        member=MemberRef("console", "local", "ada"), command="reply", text="#1", received_at=NOW
    )
    answer = await core.dispatcher.handle(request)
    assert answer.form is not None
    (field,) = answer.form.fields
    assert (answer.form.command, answer.form.context, field.kind) == ("reply", "#1", "long_text")
    assert answer.form.paste


def test_discord_registers_reply_with_a_long_text_option_but_not_its_confirm() -> None:
    tree = command_payload(build_registry().specs)
    names = [sub["name"] for sub in tree["options"]]
    assert "reply" in names
    assert CONFIRM not in names
    assert len(names) <= 25
    reply = next(sub for sub in tree["options"] if sub["name"] == "reply")
    text = next(option for option in reply["options"] if option["name"] == "text")
    assert text["max_length"] == 6000
    assert CONFIRM not in build_registry().names()  # nor suggested, nor in help
    assert "reply" in build_registry().names()


async def test_the_pasted_text_is_never_logged_nor_stored(
    convo: Conversation, core: Core, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    """Whatever the classifier does with it (today: not implemented), the text stays out."""
    if core.deps.db.engine.dialect.name != "sqlite":
        pytest.skip("reads the SQLite file's bytes")
    await convo.say(LOG)
    secret = "Zanzibar-47 budget cut"
    email = f"Dear Ada,\nUnfortunately {secret} means we will not proceed.\nkey=value\nHana"
    caplog.set_level(logging.DEBUG)
    await convo.say(f"/interview reply #1 {email}")
    await convo.say("/interview reply #1")
    for line in email.splitlines():
        await convo.say(line)
    await convo.say(".")
    logged = "\n".join(r.getMessage() + (caplog.text if r.exc_info else "") for r in caplog.records)
    assert secret not in logged
    assert secret not in caplog.text
    core.deps.db.dispose()  # let SQLite write everything back to the file
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("followup.db*"))
    assert secret.encode() not in stored
    assert b"Zanzibar" not in stored


async def test_the_console_gathers_a_paste_and_runs_nothing_inside_it(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)
    shown = await convo.say("/interview reply #1")
    assert "a line with only a full stop (.)" in shown
    assert convo.pasting
    for line in ["Hi Ada,", "", "/interview delete #1 confirm", ":advance 30d", "Hana"]:
        assert await convo.say(line) == ""  # gathered, not run
    await convo.say(".")
    assert not convo.pasting
    assert "#1 Acme" in await convo.say("/interview list")  # not deleted
    assert convo.clock.now() == NOW  # no directive ran


# --- Paste, read, press ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("email", "kind", "status"),
    [(REJECTION, "rejection", "rejected"), (OFFER, "offer", "offer")],
)
async def test_a_pasted_decision_is_read_and_one_press_records_it(
    convo: Conversation, core: Core, email: str, kind: str, status: str
) -> None:
    await convo.say(LOG)
    said = await convo.say(f"/interview reply #1 {email}")
    article = "an" if kind == "offer" else "a"
    assert f"This looks like {article} {kind} from Acme (#1)." in said
    assert email not in said  # never said back
    (press,) = re.findall(rf"\[Yes: [^:]+: (/interview {CONFIRM} #1 {kind}[^\]]*)\]", said)
    await convo.say(press)
    assert interview(core).status == status


async def test_a_pasted_out_of_office_moves_the_nudge_and_is_no_reply(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)
    said = await convo.say(f"/interview reply #1 {AWAY}")
    assert "out-of-office auto-reply from Acme (#1)" in said
    assert "The date I read: Thu 10 Dec 2026." in said
    (press,) = re.findall(rf"(/interview {CONFIRM} #1 out_of_office on=2026-12-10)\]", said)
    await convo.say(press)
    found = interview(core)
    assert found.last_contact_at is None
    assert waiting_reminders(found)[-1] == datetime(2026, 12, 11, 9, 0, tzinfo=UTC)


def dms(output: str) -> list[str]:
    return re.split(r"^DM to ", output, flags=re.MULTILINE)[1:]
