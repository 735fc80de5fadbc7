"""Names: a thank-you addresses its reader by name, pasted text opens with a named greeting."""

from __future__ import annotations

from typing import Any

import pytest
from proof_helpers import about, check

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
