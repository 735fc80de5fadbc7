"""`show`: everything about one interview, whole, on every platform."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import MAX_FIELD_VALUE, MAX_FORM_TEXT, CommandRequest, Fields, Section


async def test_show_gives_a_long_note_its_own_paragraph_instead_of_a_cut_field(
    core: Core, convo: Conversation
) -> None:
    """Discord's embed fields hold 1,024 characters: a 3,000-character note must not sit in one."""
    await convo.say('/interview log company="Acme" when="tomorrow 3pm"')
    await convo.say(f'/interview notes #1 notes="{"n" * MAX_FORM_TEXT}" topics="short"')
    reply = await core.dispatcher.handle(
        CommandRequest(convo.member(), "show", "#1", datetime(2026, 11, 23, 14, tzinfo=UTC))
    )
    (fields,) = [b for b in reply.blocks if isinstance(b, Fields)]
    assert all(len(value) <= MAX_FIELD_VALUE for _label, value in fields.pairs)
    assert ("Topics discussed", "short") in fields.pairs
    assert any(isinstance(b, Section) and "n" * MAX_FORM_TEXT in b.text for b in reply.blocks)
