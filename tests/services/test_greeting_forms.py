"""Drafts greet by the right name: a knight by the given name, 'Vu Nguyen' as Vu."""

from __future__ import annotations

from adapters.console.conversation import Conversation

LOG = '/interview log company="Acme" when="yesterday 3pm" with="Sir Ian McKellen; Vu Nguyen"'


async def test_an_informal_note_greets_by_the_given_name(convo: Conversation) -> None:
    await convo.say(LOG)
    drafts = await convo.say("/interview draft #1")
    assert "Hi Ian," in drafts
    assert "Hi Vu," in drafts
    assert "Hi Sir" not in drafts
    assert "Hi Nguyen," not in drafts


async def test_a_formal_note_to_a_knight_uses_sir_and_the_given_name(convo: Conversation) -> None:
    await convo.say("/interview settings tone=formal")
    await convo.say(LOG)
    drafts = await convo.say("/interview draft #1 ian")
    assert "Dear Sir Ian," in drafts
    assert "Dear Sir McKellen" not in drafts
