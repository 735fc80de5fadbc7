"""Who a note is for is settled when it is saved: no prefix fits two people, no one twice."""

from __future__ import annotations

import pytest

from adapters.console.conversation import Conversation

TOMS = '/interview log company="Acme" when="yesterday 3pm" with="Tom Baker; Tom Hardy"'
FIELDS = ["topics", "highlights", "strengths", "questions", "clarify", "promised", "they_promised"]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("command", ["notes", "edit"])
async def test_a_prefix_that_fits_two_people_is_refused_naming_both(
    convo: Conversation, field: str, command: str
) -> None:
    await convo.say(TOMS)
    reply = await convo.say(f'/interview {command} #1 {field}="Tom: I said five years"')
    assert "'Tom' could mean Tom Baker and Tom Hardy." in reply
    assert f'{field}="Tom Baker: ..."' in reply
    assert "five years" not in await convo.say("/interview show #1")


async def test_a_new_person_who_shares_a_stored_prefix_is_refused(convo: Conversation) -> None:
    await convo.say('/interview log company="Acme" when="yesterday 3pm" with="Tom Baker; Ana"')
    await convo.say('/interview notes #1 clarify="Tom: I said five years"')
    reply = await convo.say('/interview edit #1 with="Tom Baker; Ana; Tom Hardy"')
    assert "'Tom' could mean Tom Baker and Tom Hardy." in reply


async def test_the_save_reply_counts_the_items_for_each_person(convo: Conversation) -> None:
    await convo.say(
        '/interview log company="Acme" when="yesterday 3pm" with="Jane Doe; Dr. Hana Kobayashi"'
    )
    reply = await convo.say(
        '/interview notes #1 questions="Hana: on-call?; Hanna: remote?" clarify="Dr. Kobayashi: '
        'five years, not three" topics="the roadmap"'
    )
    assert (
        "Notes for Dr. Hana Kobayashi: 2 items; with no name: 2 items (for Jane Doe; topics for "
        "everyone)." in reply
    )


async def test_one_interviewer_gets_no_count(convo: Conversation) -> None:
    await convo.say('/interview log company="Acme" when="yesterday 3pm" with="Jane Doe"')
    reply = await convo.say('/interview notes #1 questions="Jane: on-call?"')
    assert "Notes for" not in reply
    assert "Saved your notes on #1." in reply


@pytest.mark.parametrize(
    "people",
    [
        "Tom Baker; Dr. Tom Baker",
        "Tom Baker; tom  baker",
        "Tomás Ruiz; Ana Lima; Tomas Ruiz",
        "Jürgen Müller; Juergen Mueller",
    ],
)
async def test_one_person_listed_twice_is_refused(convo: Conversation, people: str) -> None:
    reply = await convo.say(f'/interview log company="Acme" with="{people}"')
    assert "are the same person listed twice." in reply
    assert "List each person once" in reply
    assert "#1" not in await convo.say("/interview list")


async def test_a_given_name_beside_a_full_name_is_two_people(convo: Conversation) -> None:
    reply = await convo.say('/interview log company="Acme" with="Jane; Jane Doe"')
    assert "listed twice" not in reply
    assert "#1" in reply


async def test_a_key_with_umlauts_written_out_finds_the_person(convo: Conversation) -> None:
    await convo.say('/interview log company="Acme" with="Jürgen Müller; Ana Lima"')
    assert "Saved" in await convo.say('/interview notes #1 juergen="the Kafka migration"')
    assert "Saved" in await convo.say('/interview notes #1 about="Mueller: on-call"')
    assert "on-call" in await convo.say("/interview show #1")
