"""A group's templates per language (issue #18): each language's draft comes from the
group's template in that language, else from ours in that language, never another's."""

from __future__ import annotations

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import DraftBlock, MemberRef, Reply
from bot.scheduling.clock import ManualClock
from tests.services.test_group_templates import say

COACH = MemberRef("slack", "T1", "UCOACH")
ADA = MemberRef("slack", "T1", "UADA")
INES = MemberRef("slack", "T1", "UINES")
JONAS = MemberRef("slack", "T1", "UJONAS")
GERMAN_HOUSE_STYLE = (
    '{% import "_common.j2" as c %}\n'
    "Subject: Herzlichen Dank aus dem Jahrgang: {{ role or stage_label }} bei {{ company }}\n"
    "\n"
    "{{ c.greeting(interviewer, company, tone) }}\n"
    "\n"
    "vielen Dank für das Gespräch {{ when_phrase }}.\n"
    "\n"
    "{{ c.closing(tone) }}\n"
)
LOG = 'log company="Acme" role="Backend Engineer" when="today 9am" stage=onsite with="Jane Doe"'


def subjects(reply: Reply) -> list[str]:
    return [block.subject for block in reply.blocks if isinstance(block, DraftBlock)]


def _draft_subject(core: Core, clock: ManualClock, who: MemberRef) -> str:
    say(core, clock, who, LOG)
    (subject,) = subjects(say(core, clock, who, "draft #1 thank_you"))
    return subject


async def test_a_german_group_template_reaches_german_drafts_only(
    core: Core, clock: ManualClock, convo: Conversation
) -> None:
    saved = say(
        core,
        clock,
        COACH,
        f"admin template thank_you language=de\n{GERMAN_HOUSE_STYLE}",
        admin=True,
    )
    assert any(isinstance(b, DraftBlock) for b in saved.blocks), saved.plain_text()
    say(core, clock, JONAS, "settings language=de")
    say(core, clock, INES, "settings language=es")
    assert _draft_subject(core, clock, JONAS).startswith("Herzlichen Dank aus dem Jahrgang")
    english = _draft_subject(core, clock, ADA)
    spanish = _draft_subject(core, clock, INES)
    assert "Herzlichen" not in english
    assert english.startswith("Thank you")
    # Spanish has no group template: ours in Spanish, never the group's German or English.
    assert "Herzlichen" not in spanish
    assert not spanish.startswith("Thank you")


async def test_each_language_is_shown_previewed_and_reverted_on_its_own(
    core: Core, clock: ManualClock
) -> None:
    say(
        core,
        clock,
        COACH,
        f"admin template thank_you language=de\n{GERMAN_HOUSE_STYLE}",
        admin=True,
    )
    overview = say(core, clock, COACH, "admin template", admin=True).plain_text()
    assert "thank_you: your group's own (de)" in overview
    shown = say(core, clock, COACH, "admin template thank_you language=de", admin=True)
    assert "Herzlichen Dank aus dem Jahrgang" in shown.plain_text()
    assert shown.form is not None
    assert "language=de" in shown.form.context
    english = say(core, clock, COACH, "admin template thank_you", admin=True).plain_text()
    assert "Herzlichen" not in english
    preview = say(core, clock, COACH, "admin template thank_you language=de preview", admin=True)
    assert all(s.startswith("Herzlichen Dank") for s in subjects(preview))
    assert len(subjects(preview)) >= 4
    say(core, clock, COACH, "admin template thank_you language=de revert", admin=True)
    say(core, clock, JONAS, "settings language=de")
    assert not _draft_subject(core, clock, JONAS).startswith("Herzlichen Dank aus dem Jahrgang")


async def test_a_form_submission_saves_the_template_of_the_form_s_language(
    core: Core, clock: ManualClock
) -> None:
    shown = say(core, clock, COACH, "admin template thank_you language=de", admin=True)
    assert shown.form is not None
    say(
        core,
        clock,
        COACH,
        f"admin {shown.form.context}",
        admin=True,
        options={"template": GERMAN_HOUSE_STYLE},
    )
    say(core, clock, JONAS, "settings language=de")
    assert _draft_subject(core, clock, JONAS).startswith("Herzlichen Dank aus dem Jahrgang")
    assert _draft_subject(core, clock, ADA).startswith("Thank you")
