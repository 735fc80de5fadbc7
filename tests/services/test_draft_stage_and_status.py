"""Drafts fit where the process stands: no application after a chat, no interest once it ended."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from adapters.console.conversation import Conversation
from bot.scheduling.clock import ManualClock

APPLICATION = re.compile(r"\b(?:the role|the position|my application|my candidacy)\b", re.I)
INTEREST = re.compile(r"\b(?:interested|interest in|excited about the opportunity)\b", re.I)


async def test_a_status_check_asked_for_after_a_chat_is_a_keep_in_touch_note(
    convo: Conversation, clock: ManualClock
) -> None:
    await convo.say(
        '/interview log company="Lumen" when="today 10am" stage=informational with="Aisha Bello"'
    )
    clock.advance(timedelta(days=8))
    text = await convo.say("/interview draft #1 status_check")
    assert "keep-in-touch" in text
    assert not APPLICATION.search(text), text


@pytest.mark.parametrize("outcome", ["withdrawn", "rejected", "offer"])
async def test_no_draft_restates_interest_once_the_process_ended(
    convo: Conversation, clock: ManualClock, outcome: str
) -> None:
    await convo.say('/interview log company="Acme" role="Analyst" when="today 9am" with="Jane Doe"')
    await convo.say('/interview notes #1 jane="the Kafka migration"')
    await convo.say(f"/interview outcome #1 {outcome}")
    clock.advance(timedelta(days=2))
    for kind in ("thank_you", "status_check", ""):
        text = await convo.say(f"/interview draft #1 {kind}".strip())
        assert "Draft" in text, text
        assert not INTEREST.search(text), (kind, text)


async def test_a_note_of_only_punctuation_never_becomes_an_empty_sentence(
    convo: Conversation,
) -> None:
    await convo.say('/interview log company="Acme" role="Analyst" when="today 9am" with="Jane Doe"')
    await convo.say('/interview notes #1 highlights="...; the roadmap" topics="x; ...; ?!"')
    text = await convo.say("/interview draft #1 thank_you")
    assert "the roadmap" in text
    for empty in (":.", ";;", "; ;", ": ."):
        assert empty not in text, text


async def test_a_rejection_after_a_phone_screen_thanks_for_the_call_not_for_meeting_the_team(
    convo: Conversation,
) -> None:
    await convo.say(
        '/interview log company="Acme" role="Analyst" when="today 9am" stage=phone_screen '
        'with="Jane Doe"'
    )
    await convo.say("/interview outcome #1 rejected")
    text = await convo.say("/interview draft #1 rejection_reply")
    assert "speak with you" in text
    assert "meet the team" not in text
    assert "your decision" in text
