"""What the fuzz tests found, pinned as plain conversations on both engines."""

from __future__ import annotations

from adapters.console.conversation import Conversation

LOG = '/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe; Raj Patel"'


async def test_dropping_an_interviewer_drops_their_thank_you(convo: Conversation) -> None:
    """Editing the interviewer list used to crash (their follow-ups vanished under the ORM)."""
    await convo.say(LOG)
    answer = await convo.say('/interview edit #1 with="Jane Doe"')
    assert "Updated #1 Acme" in answer
    due = await convo.say("/interview due")
    assert "thank-you to Jane Doe" in due
    assert "Raj" not in due
    assert "Raj" not in await convo.say("/interview show #1")


async def test_clearing_every_interviewer_leaves_one_thank_you(convo: Conversation) -> None:
    """As for an interview logged without names: one thank-you, and the status check."""
    await convo.say(LOG)
    assert "Updated #1 Acme" in await convo.say('/interview edit #1 with=""')
    due = await convo.say("/interview due")
    assert "Jane" not in due
    assert "Raj" not in due
    assert "#1 Acme: thank-you, by" in due
    assert "status check" in due
