"""What the drafts tell the proofreader: the member's notes, the stage, and what was sent."""

from __future__ import annotations

from adapters.console.conversation import Conversation

LOG = '/interview log company="Acme" role="Data Analyst" when="yesterday 3pm" with="Jane Doe"'


async def test_a_typo_in_the_members_notes_is_flagged_in_the_draft(convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say('/interview notes #1 jane="the recieve path in Kafka"')
    reply = await convo.say("/interview draft #1 thank_you Jane")
    assert "[warning] Possible misspelling: 'recieve'. Fix: Did you mean 'receive'?" in (
        reply.splitlines()
    )


async def test_names_in_the_members_notes_are_not_flagged(convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say('/interview notes #1 jane="moving Zaphyrix to Kafka"')
    reply = await convo.say("/interview draft #1 thank_you Jane")
    assert "misspelling" not in reply


async def test_a_draft_after_an_informational_chat_is_checked_for_application_language(
    convo: Conversation,
) -> None:
    await convo.say(f"{LOG} stage=informational")
    clean = await convo.say("/interview draft #1 thank_you")
    assert "Application language" not in clean  # our own frames have none after a chat
    await convo.say('/interview notes #1 jane="whether I should apply for the position"')
    reply = await convo.say("/interview draft #1 thank_you")  # the member's words do
    assert "Application language after an informational chat" in reply


async def test_a_thank_you_marked_sent_gets_no_advice_to_send_it(convo: Conversation) -> None:
    await convo.say(LOG.replace("yesterday 3pm", "3 days ago 3pm"))
    late = await convo.say("/interview draft #1 thank_you Jane")
    assert "later than 24 hours" in late
    await convo.say("/interview sent #1 Jane")
    after = await convo.say("/interview draft #1 thank_you Jane")
    assert "Jane" in after
    assert "later than 24 hours" not in after
