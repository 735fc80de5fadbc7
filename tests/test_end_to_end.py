"""The whole loop through the console conversation, as the foundation issue describes it."""

from __future__ import annotations

import re
from datetime import timedelta

from adapters.console.conversation import Conversation

LOG = (
    '/interview log company="Acme" role="Backend Engineer" when="tomorrow 3pm" stage=onsite '
    'with="Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel"'
)
NOTES = (
    '/interview notes #1 topics="system design; on-call" jane="the Kafka migration" '
    'raj="testing culture" promised="my portfolio"'
)


def dms(output: str) -> list[str]:
    """Split console output into the DMs it contains."""
    return re.split(r"^DM to ", output, flags=re.MULTILINE)[1:]


async def test_thank_you_reminders_per_interviewer_stop_once_marked_sent(
    convo: Conversation,
) -> None:
    await convo.say("/interview settings timezone=America/New_York")
    logged = await convo.say(LOG)
    assert "Logged #1 Acme" in logged
    assert "Tue 24 Nov 2026, 15:00-16:00 EST" in logged  # start to end
    await convo.say(NOTES)

    first = dms(await convo.say(":advance 32h"))  # to 17:00 on the interview day
    assert len(first) == 2
    jane = next(dm for dm in first if "Hi Jane," in dm)
    raj = next(dm for dm in first if "Hi Raj," in dm)
    assert jane.startswith("ada at 2026-11-24T17:00:00-05:00")
    assert "the Kafka migration" in jane
    assert "testing culture" not in jane
    assert "testing culture" in raj
    assert "my portfolio" in jane
    assert "To: jane@acme.com" in jane

    sent = await convo.say("/interview sent #1 Jane")
    assert "Marked sent: thank-you to Jane Doe" in sent

    later = dms(await convo.say(":advance 19h"))  # 12:00, the last call
    (last_call,) = [dm for dm in later if "Last call" in dm]
    assert "thank-you to Raj Patel" in last_call
    assert "Hi Raj," in last_call
    (promised,) = [dm for dm in later if dm is not last_call]
    assert "Time to send what you promised" in promised  # folded in until now
    assert "Jane" not in last_call

    assert dms(await convo.say(":advance 2d")) == []


async def test_each_reminder_arrives_once_even_when_delivery_runs_again(
    convo: Conversation,
) -> None:
    await convo.say(LOG)
    convo.clock.advance(timedelta(hours=40))  # down from Monday 14:00 to Wednesday 06:00 UTC
    first = dms(await convo.say(":advance 2h"))  # held for the end of quiet hours, 08:00
    printed = len(convo.transcript)
    await convo.deliver()
    await convo.deliver()
    assert len(convo.transcript) == printed
    again = dms(await convo.say(":advance 1m"))
    assert len(first) == 1  # overdue after a long pause: one digest, not a burst
    assert first[0].startswith("ada at 2026-11-25T08:00:00+00:00\n")
    assert "2 follow-ups came due while I was away" in first[0]
    assert "Jane Doe" in first[0]
    assert "Raj Patel" in first[0]
    assert again == []


async def test_members_only_see_their_own_interviews(convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say(":as bob")
    assert "You haven't logged any interviews yet" in await convo.say("/interview list")
    assert "You have no interview #1" in await convo.say("/interview show #1")
    assert "You have no interview #1" in await convo.say("/interview sent #1 Jane")
    await convo.say(":as ada")
    assert "#1 Acme" in await convo.say("/interview list")


async def test_a_pasted_rejection_confirmed_with_one_press_ends_the_nudges(
    convo: Conversation,
) -> None:
    """Paste over several lines, read it, press the button: the follow-ups change."""
    await convo.say("/interview settings timezone=America/New_York")
    await convo.say(LOG)
    await convo.say(":advance 2d")
    await convo.say("/interview sent #1 Jane")
    await convo.say("/interview sent #1 Raj")
    assert "status check" in await convo.say("/interview due")
    await convo.say("/interview reply #1")
    email = [
        "Hi Ada,",
        "",
        "Thank you for your time. Unfortunately we have decided to move forward with",
        "other candidates.",
        "",
        "Best, Hana Kobayashi",
    ]
    for line in email:
        await convo.say(line)
    read = await convo.say(".")
    assert "This looks like a rejection from Acme (#1)." in read
    assert "move forward" not in read  # never said back
    (press,) = re.findall(r"\[Yes: Rejection: (/interview reply_ok #1 rejection[^\]]*)\]", read)
    done = await convo.say(press)
    assert "Recorded: #1 Acme" in done
    due = await convo.say("/interview due")
    assert "status check" not in due
    assert "reply to the rejection" in due
    draft = await convo.say("/interview draft #1 rejection_reply")
    assert "feedback" in draft
