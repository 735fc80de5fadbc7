"""The renderer: paragraphs flow, the signature keeps its lines, group templates are sandboxed."""

from __future__ import annotations

import pytest
from jinja2.exceptions import SecurityError, UndefinedError

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.domain.policy import Kind
from bot.drafting.render import DraftRenderer, _flow, sentence, trim_end
from bot.services.drafts import Target
from bot.storage import repositories as repo
from tests.drafting.sample_context import CONTEXT


def test_thank_you_has_subject_flowing_paragraphs_and_signature_lines() -> None:
    draft = DraftRenderer().render("thank_you", CONTEXT, ["Ada Lovelace", "ada.dev"])
    assert draft.subject == "Thank you, Jane: Backend Engineer at Acme"
    paragraphs = draft.body.split("\n\n")
    assert paragraphs[0] == "Hi Jane,"
    assert all("\n" not in p for p in paragraphs[:-1])
    assert draft.body.endswith("Warm regards,\nAda Lovelace\nada.dev")
    assert draft.linkedin is not None
    assert "the Kafka migration" in draft.linkedin


def test_a_missing_variable_fails_loudly_instead_of_leaving_a_blank() -> None:
    context = {k: v for k, v in CONTEXT.items() if k != "company"}
    with pytest.raises(UndefinedError):
        DraftRenderer().render("thank_you", context)


def test_group_template_overrides_ours_and_others_fall_back() -> None:
    group = DraftRenderer().with_overrides(
        {
            "thank_you.txt.j2": "Subject: Thanks from the cohort\n\n"
            "Dear {{ interviewer.name }}, thank you."
        }
    )
    assert group.render("thank_you", CONTEXT).body == "Dear Jane Doe, thank you."
    assert group.render("status_check", CONTEXT).subject.startswith("Following up")


def test_group_templates_cannot_reach_python_internals() -> None:
    group = DraftRenderer().with_overrides(
        {"thank_you.txt.j2": "Subject: x\n\n{{ company.__class__.__mro__ }}"}
    )
    with pytest.raises(SecurityError):
        group.render("thank_you", {**CONTEXT, "company": "Acme"})


@pytest.mark.parametrize(
    ("text", "trimmed", "as_sentence"),
    [
        ("the Kafka migration.", "the Kafka migration", "the Kafka migration."),
        ("  a window keyed on the id;  ", "a window keyed on the id", "a window keyed on the id."),
        ("", "", ""),
    ],
)
def test_member_words_fit_inside_our_sentences(text: str, trimmed: str, as_sentence: str) -> None:
    assert trim_end(text) == trimmed
    assert sentence(text) == as_sentence


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_sample_context_has_every_variable(convo: Conversation, core: Core) -> None:
    """The hand-written sample used here and by the sandbox tests names what drafts get."""
    await convo.say('/interview log company="Acme" with="Jane Doe"')
    with core.deps.db.transaction() as session:
        member = repo.find_member(session, convo.member())
        assert member is not None
        interview = repo.interview_by_number(session, member, 1)
        assert interview is not None
        real = core.drafts.context(member, interview, Target(Kind.THANK_YOU, None), {})
    assert set(real) == set(CONTEXT)
    assert set(real["interviewer"]) == set(CONTEXT["interviewer"])


@pytest.mark.parametrize(
    ("paragraph", "flowed"),
    [
        ("Au programme : Kafka ; puis ?", "Au programme\u00a0: Kafka\u202f; puis\u202f?"),
        (
            "Merci ! À 10:30 , https://acme.example/a",
            "Merci\u202f! À 10:30, https://acme.example/a",
        ),
    ],
)
def test_french_drafts_space_high_marks_as_the_bot_does_everywhere(
    paragraph: str, flowed: str
) -> None:
    """A full no-break space before ':', a narrow one before ';', '!' and '?'."""
    assert _flow(paragraph, "fr") == flowed
