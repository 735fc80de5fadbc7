"""Every command that names a person finds them by any form: title and accents optional."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.domain.attribution import lead
from bot.storage import repositories as repo
from bot.storage.models import Interview, Interviewer

PANEL = (
    '/interview log company="Acme" when="tomorrow 3pm" with="Dr. Hana Kobayashi (CTO) '
    '<hana@acme.com>; Tomás Ruiz; Nguyễn Thị Hương [Hương]; Robert Smith [Bob]"'
)


def people(core: Core) -> dict[str, Interviewer]:
    with core.deps.db.transaction() as session:
        found = session.scalars(select(Interviewer).order_by(Interviewer.position)).all()
        session.expunge_all()
        return {p.name: p for p in found}


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("Tomas", "Tomás Ruiz"),
        ("tomás", "Tomás Ruiz"),
        ('"Tomas Ruiz"', "Tomás Ruiz"),
        ("Hana", "Dr. Hana Kobayashi"),
        ("dr kobayashi", "Dr. Hana Kobayashi"),
        ('"Dr. Kobayashi"', "Dr. Hana Kobayashi"),
        ("huong", "Nguyễn Thị Hương"),
        ("Bob", "Robert Smith"),
    ],
)
async def test_sent_finds_the_person_by_any_form(convo: Conversation, typed: str, who: str) -> None:
    await convo.say(PANEL)
    reply = await convo.say(f"/interview sent #1 {typed}")
    assert f"Marked sent: thank-you to {who} (#1)." in reply


async def test_skip_and_snooze_find_people_the_same_way(convo: Conversation) -> None:
    await convo.say(PANEL)
    assert "Skipped: thank-you to Dr. Hana Kobayashi" in await convo.say(
        "/interview skip #1 thank_you dr kobayashi"
    )
    await convo.say(":advance 27h")
    assert "Snoozed the thank-you to Tomás Ruiz" in await convo.say(
        "/interview snooze #1 tomas for=1h"
    )


async def test_draft_for_one_person_finds_them_without_title_or_accents(
    convo: Conversation,
) -> None:
    await convo.say(PANEL)
    reply = await convo.say("/interview draft #1 Hana")
    assert "Draft thank-you to Dr. Hana Kobayashi" in reply
    assert "Draft thank-you to Tomás Ruiz" not in reply


async def test_a_shared_name_is_an_error_naming_both(convo: Conversation) -> None:
    await convo.say('/interview log company="Acme" with="Jane Doe; Jane Roe"')
    reply = await convo.say("/interview sent #1 Jane")
    assert "'Jane' could mean Jane Doe and Jane Roe." in reply
    assert "/interview sent #1 Jane Doe" in reply


async def test_per_person_notes_find_people_by_given_name_and_accentless_key(
    convo: Conversation, core: Core
) -> None:
    await convo.say(PANEL)
    reply = await convo.say(
        '/interview notes #1 hana="the ML roadmap" tomas="the on-call rota" bob="pairing"'
    )
    assert "Saved your notes on #1" in reply
    found = people(core)
    assert found["Dr. Hana Kobayashi"].discussed == "the ML roadmap"
    assert found["Tomás Ruiz"].discussed == "the on-call rota"
    assert found["Robert Smith"].discussed == "pairing"


async def test_a_key_typed_with_its_accents_saves_that_persons_note(
    convo: Conversation, core: Core
) -> None:
    await convo.say(PANEL)
    reply = await convo.say('/interview notes #1 tomás="the on-call rota" hương="hiring plans"')
    assert "Saved your notes on #1" in reply
    found = people(core)
    assert found["Tomás Ruiz"].discussed == "the on-call rota"
    assert found["Nguyễn Thị Hương"].discussed == "hiring plans"


async def test_an_accented_key_no_one_answers_to_is_refused_not_dropped(
    convo: Conversation, core: Core
) -> None:
    await convo.say(PANEL)
    reply = await convo.say('/interview notes #1 topics="pricing" joão="the roadmap"')
    assert "I don't know the field 'joão'" in reply
    assert "Saved" not in reply
    assert all(p.discussed is None for p in people(core).values())


async def test_about_finds_people_by_title_and_family_name_or_greeting(
    convo: Conversation, core: Core
) -> None:
    await convo.say(PANEL)
    reply = await convo.say(
        '/interview notes #1 about="Dr. Kobayashi: the ML roadmap; Hương: design reviews"'
    )
    assert "Saved your notes on #1" in reply
    found = people(core)
    assert found["Dr. Hana Kobayashi"].discussed == "the ML roadmap"
    assert found["Nguyễn Thị Hương"].discussed == "design reviews"


async def test_a_key_shared_by_two_people_names_both_and_the_full_key(
    convo: Conversation,
) -> None:
    await convo.say('/interview log company="Acme" with="Jane Doe; Jane Roe"')
    reply = await convo.say('/interview notes #1 jane="x"')
    assert "'jane' could mean Jane Doe and Jane Roe." in reply
    assert 'jane_doe="..."' in reply


async def test_naming_a_person_again_keeps_their_greeting_title_and_email(
    convo: Conversation, core: Core
) -> None:
    """Accents and titles typed differently are still the same person, not a new one."""
    await convo.say(PANEL)
    ids = {name: p.id for name, p in people(core).items()}
    await convo.say('/interview edit #1 with="Hana Kobayashi; Robert Smith; Dr. Tomas Ruiz"')
    found = people(core)
    assert list(found) == ["Hana Kobayashi", "Robert Smith", "Dr. Tomas Ruiz"]
    assert found["Dr. Tomas Ruiz"].id == ids["Tomás Ruiz"]
    assert found["Robert Smith"].greet_as == "Bob"
    assert found["Hana Kobayashi"].email == "hana@acme.com"
    assert found["Hana Kobayashi"].title == "CTO"


async def test_dropping_the_contact_person_clears_the_contact(
    convo: Conversation, core: Core
) -> None:
    await convo.say(PANEL)
    await convo.say("/interview outcome #1 offer Tomas")
    reply = await convo.say('/interview edit #1 with="Dr. Hana Kobayashi"')
    assert "Updated #1 Acme" in reply
    with core.deps.db.transaction() as session:
        interview = session.scalars(select(Interview)).one()
        assert interview.contact_id is None
        assert [p.name for p in interview.interviewers] == ["Dr. Hana Kobayashi"]


async def test_within_one_change_a_dropped_contact_is_no_longer_the_contact(
    convo: Conversation, core: Core
) -> None:
    """The session itself forgets them: a draft in the same transaction goes to the next lead."""
    await convo.say(PANEL)
    with core.deps.db.transaction() as session:
        member = repo.find_member(session, convo.member())
        assert member is not None
        core.interviews.set_outcome(session, member, 1, ["offer", "Tomas"])
        session.flush()
        outcome = core.interviews.edit(session, member, 1, {"with": "Robert Smith"})
        assert outcome.interview.contact is None
        assert lead(outcome.interview.interviewers, outcome.interview.contact).name == (
            "Robert Smith"
        )


async def test_about_with_a_shared_name_asks_for_the_full_name_in_about(
    convo: Conversation,
) -> None:
    await convo.say('/interview log company="Acme" with="Jane Doe; Jane Roe"')
    reply = await convo.say('/interview notes #1 about="Jane: the budget"')
    assert "'Jane' could mean Jane Doe and Jane Roe." in reply
    assert 'about="Jane Doe: ..."' in reply


async def test_an_unknown_key_suggests_about_for_a_name_no_key_can_spell(
    convo: Conversation,
) -> None:
    await convo.say('/interview log company="Acme" with="李雷"')
    reply = await convo.say('/interview notes #1 lilei="x"')
    assert "I don't know the field 'lilei'." in reply
    assert 'about="李雷: ...".' in reply
