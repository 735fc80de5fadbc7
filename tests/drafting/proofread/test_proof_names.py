"""Names: a thank-you addresses its reader by name, pasted text opens with a named greeting."""

from __future__ import annotations

from typing import Any

import pytest
from proof_helpers import about, check

from bot.chat import Finding

THANKS = {"kind": "thank_you", "interviewer_name": "Zoë Ångström"}


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Dear Sam,\n\nThank you for your time.", id="another-name"),
        pytest.param("Hello,\n\nThank you for your time.", id="no-name"),
        pytest.param("Dear Zoëlle,\n\nThank you.", id="name-only-as-part-of-a-word"),
    ],
)
def test_thank_you_without_the_interviewers_name_is_an_error(body: str) -> None:
    (finding,) = about(check(body, **THANKS), "never addresses")
    assert finding.level == "error"
    assert "'Dear Zoë,'" in finding.fix


def test_a_name_that_is_also_a_word_counts_only_as_a_name() -> None:
    context = {"kind": "thank_you", "interviewer_name": "Will Young"}
    (finding,) = about(
        check("Dear team,\n\nI will send a young colleague's notes.", **context), "never addresses"
    )
    assert finding.level == "error"
    assert about(check("Dear Will,\n\nThank you.", **context), "never addresses") == []
    assert about(check("DEAR MR YOUNG,\n\nThank you.", **context), "never addresses") == []


@pytest.mark.parametrize(
    ("body", "context"),
    [
        pytest.param("Dear Zoë,\n\nThank you.", THANKS, id="first-name"),
        pytest.param("Dear Ms Ångström,\n\nThank you.", THANKS, id="surname"),
        pytest.param("DEAR ZOË ÅNGSTRÖM,\n\nThank you.", THANKS, id="any-case"),
        pytest.param("Dear Zoe\u0308,\n\nThank you.", THANKS, id="decomposed-unicode"),
        pytest.param("Hi Zoë's team,\n\nThank you.", THANKS, id="possessive"),
        pytest.param(
            "Dear Sam,\n\nThank you.",
            {"kind": "thank_you", "interviewer_name": "Dr. Sam Okafor"},
            id="title-ignored",
        ),
        pytest.param(
            "Dear team,\n\nAny update?",
            {"kind": "status_check", "interviewer_name": "Zoë Ångström"},
            id="not-a-thank-you",
        ),
        pytest.param("Dear Acme team,\n\nThank you.", {"kind": "thank_you"}, id="nobody-named"),
        pytest.param(
            "Hi Kate,\n\nThank you.",
            {"kind": "thank_you", "interviewer_name": "Katherine Lee", "greeting_name": "Kate"},
            id="the-name-they-go-by",
        ),
    ],
)
def test_thank_you_using_the_interviewers_name_passes(body: str, context: dict[str, Any]) -> None:
    findings = check(body, **context)
    assert about(findings, "never addresses") == []
    assert about(findings, "spelled differently") == []


def test_name_without_its_accents_is_a_warning_not_an_error() -> None:
    findings = check("Dear Zoe,\n\nThank you.", **THANKS)
    assert about(findings, "never addresses") == []
    (finding,) = about(findings, "spelled differently")
    assert finding.level == "warning"
    assert "'Zoë'" in finding.fix


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Thank you for your time yesterday.", id="no-greeting"),
        pytest.param("Hi there,\n\nThank you.", id="hi-there"),
        pytest.param("Dear Hiring Manager,\n\nThank you.", id="hiring-manager"),
        pytest.param("To whom it may concern,\n\nThank you.", id="whom-it-may-concern"),
        pytest.param("Hello,\n\nThank you.", id="hello-alone"),
    ],
)
def test_pasted_text_without_a_named_greeting_is_a_warning(body: str) -> None:
    (finding,) = about(check(body), "greeting")
    assert finding.level == "warning"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        pytest.param("Dear Dr. Okafor,\n\nThank you.", None, id="dear-title-name"),
        pytest.param("Hi Sam,\n\nThank you.", None, id="hi-name"),
        pytest.param("  Good morning Zoë!\n\nThank you.", None, id="good-morning"),
        pytest.param("Sam,\n\nThank you.", None, id="name-alone"),
        pytest.param("Thank you for your time.", "thank_you", id="drafted-not-pasted"),
    ],
)
def test_pasted_text_with_a_named_greeting_passes(body: str, kind: str | None) -> None:
    assert about(check(body, kind=kind), "greeting") == []


DR_HANA = {
    "kind": "thank_you",
    "interviewer_name": "Dr. Hana Kobayashi",
    "greeting_name": "Hana",
    "honorific": "Dr.",
}


@pytest.mark.parametrize(
    ("body", "subject", "said"),
    [
        pytest.param("Hi Dr.,\n\nThank you.", "Thank you", "Hi Dr.", id="hi"),
        pytest.param("Dear Dr.,\n\nThank you.", "Thank you", "Dear Dr.", id="dear"),
        pytest.param("Dear Hana,", "Thank you, Dr.: the interview", "Thank you, Dr.", id="subject"),
        pytest.param("Hello Ms\n\nThank you.", "Thanks", "Hello Ms", id="no-stop-line-end"),
        pytest.param(
            "Dear Hana,\n\nThanks again, Mr.!", "Thanks", "Thanks again, Mr.", id="thanks"
        ),
    ],
)
def test_a_title_used_as_a_name_is_an_error(body: str, subject: str, said: str) -> None:
    (finding,) = about(check(body, subject=subject, **DR_HANA), "title used as a name")
    assert finding.level == "error"
    assert f"'{said}'" in finding.problem
    assert "'Dear Dr. Kobayashi,'" in finding.fix
    assert "'Hi Hana,'" in finding.fix


@pytest.mark.parametrize(
    ("body", "subject"),
    [
        pytest.param("Dear Dr. Kobayashi,\n\nThank you.", "Thank you", id="title-and-name"),
        pytest.param("Hi Hana,\n\nThank you.", "Thank you, Dr. Kobayashi: today", id="subject"),
        pytest.param("Dear Sir,\n\nThank you.", "Thank you, Professor", id="full-words"),
        pytest.param("Hi Hana,\n\nWe took 20 ms, Dr. Kim said.", "Thank you", id="mid-sentence"),
    ],
)
def test_a_title_with_a_name_or_a_full_word_of_address_passes(body: str, subject: str) -> None:
    assert about(check(body, subject=subject, **DR_HANA), "title used as a name") == []


HUONG = {
    "kind": "thank_you",
    "interviewer_name": "Nguyễn Thị Hương",
    "greeting_name": "Hương",
    "addressee_forms": ("nguyen thi huong", "huong", "nguyen"),
}


@pytest.mark.parametrize(
    ("body", "context", "named"),
    [
        pytest.param("Hi Nguyễn,\n\nThank you.", HUONG, "Nguyễn", id="family-name-first"),
        pytest.param(
            "Hi Robert,\n\nThank you.",
            {"kind": "thank_you", "interviewer_name": "Robert Smith", "greeting_name": "Bob"},
            "Robert",
            id="nickname",
        ),
        pytest.param("Dear Kobayashi,\n\nThank you.", DR_HANA, "Kobayashi", id="family-alone"),
    ],
)
def test_greeting_someone_by_another_name_than_theirs_is_a_warning(
    body: str, context: dict[str, Any], named: str
) -> None:
    (finding,) = about(check(body, **context), "they go by")
    assert finding.level == "warning"
    assert f"'{named}'" in finding.problem
    assert f"'Hi {context['greeting_name']},'" in finding.fix


@pytest.mark.parametrize(
    ("body", "context"),
    [
        pytest.param("Hi Hương,\n\nThank you.", HUONG, id="greeting-name"),
        pytest.param("Hi Huong,\n\nThank you.", HUONG, id="without-accents"),
        pytest.param("Dear Nguyễn Thị Hương,\n\nThank you.", HUONG, id="full-name"),
        pytest.param("Dear Dr. Kobayashi,\n\nThank you.", DR_HANA, id="formal"),
        pytest.param("Hi team,\n\nThank you.", HUONG, id="not-a-name-of-theirs"),
        pytest.param("Hi Robert,\n\nThank you.", {"interviewer_name": "Robert"}, id="no-choice"),
    ],
)
def test_greeting_by_the_name_they_go_by_passes(body: str, context: dict[str, Any]) -> None:
    assert about(check(body, **context), "they go by") == []


KOFI = {"kind": "thank_you", "interviewer_name": "Kofi Mensah"}


@pytest.mark.parametrize(
    ("body", "context", "said", "instead"),
    [
        pytest.param(
            "Hi Kofi,\n\nI enjoyed hearing about Kofi's team.",
            KOFI,
            "Kofi's team",
            "your team",
            id="possessive",
        ),
        pytest.param(
            "Hi Kofi,\n\nAs Kofi mentioned, the team is growing.",
            KOFI,
            "Kofi mentioned",
            "you mentioned",
            id="reporting-verb",
        ),
        pytest.param(
            "Hi Hương,\n\nThank you. Hearing about her approach to testing was a highlight.",
            HUONG,
            "her",
            "your",
            id="pronoun",
        ),
        pytest.param(
            "Hi Kofi,\n\nThank you for the Product Manager interview at Acme. I enjoyed our "
            "conversation about how his team cut churn.",
            KOFI,
            "his",
            "your",
            id="pronoun-after-role-and-company",
        ),
        pytest.param(
            "Hi Sam,\n\nI enjoyed hearing how he built the team.", {}, "he", "you", id="pasted"
        ),
        pytest.param(
            "Dear Jürgen Weiß,\n\nThank you. Jürgen's team impressed me.",
            {"kind": "thank_you", "interviewer_name": "Jürgen Weiß"},
            "Jürgen's team",
            "your team",
            id="a-letter-that-folds-to-two",
        ),
    ],
)
def test_the_reader_spoken_of_in_the_third_person_is_a_warning(
    body: str, context: dict[str, Any], said: str, instead: str
) -> None:
    (finding,) = [f for f in check(body, **context) if _third_person(f)]
    assert finding.level == "warning"
    assert f"'{said}'" in finding.problem
    assert f"'{instead}'" in finding.fix


@pytest.mark.parametrize(
    ("body", "context"),
    [
        pytest.param(
            "Hi Kofi,\n\nI enjoyed meeting Tomás as well; his question stayed with me.",
            KOFI,
            id="another-name-first",
        ),
        pytest.param(
            "Hi Kofi,\n\nThank you for introducing me to your manager. She was kind.",
            KOFI,
            id="a-person-noun-first",
        ),
        pytest.param("Hi Kofi's team,\n\nThank you.", KOFI, id="greeting-line"),
        pytest.param("Hi Kofi,\n\nYour team's approach stuck with me.", KOFI, id="second-person"),
        pytest.param("Hi Kofi,\n\nThank you.\n\nBest,\nJordan Okafor", KOFI, id="no-pronoun"),
    ],
)
def test_the_reader_addressed_as_you_passes(body: str, context: dict[str, Any]) -> None:
    assert [f for f in check(body, **context) if _third_person(f)] == []


def _third_person(finding: Finding) -> bool:
    return "third person" in finding.problem or "is that" in finding.problem
