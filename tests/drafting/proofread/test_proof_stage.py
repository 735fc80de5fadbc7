"""Stage: an informational chat gets no application language."""

from __future__ import annotations

import pytest
from proof_helpers import about, check


@pytest.mark.parametrize(
    ("body", "said"),
    [
        pytest.param("I remain very interested in the position.", "the position", id="position"),
        pytest.param("I am keen on the role at Acme.", "the role", id="role"),
        pytest.param(
            "I look forward to next steps in the process.",
            "next steps in the process",
            id="next-steps",
        ),
        pytest.param("Please keep my application in mind.", "my application", id="application"),
        pytest.param("Thank you for supporting my candidacy.", "my candidacy", id="candidacy"),
        pytest.param(
            "I enjoyed learning about the hiring process.",
            "the hiring process",
            id="hiring-process",
        ),
    ],
)
def test_application_language_after_an_informational_chat_is_a_warning(
    body: str, said: str
) -> None:
    (finding,) = about(check(body, stage="informational"), "Application language")
    assert finding.level == "warning"
    assert f"'{said}'" in finding.problem
    assert "advice" in finding.fix


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        pytest.param("I remain very interested in the position.", "onsite", id="an-interview"),
        pytest.param("I remain very interested in the position.", None, id="pasted"),
        pytest.param(
            "Your view on the role of mentoring stayed with me.", "informational", id="role-of"
        ),
        pytest.param(
            "Thank you for your advice on moving into data engineering.",
            "informational",
            id="advice",
        ),
    ],
)
def test_a_note_fitting_its_stage_passes(body: str, stage: str | None) -> None:
    assert about(check(body, stage=stage), "Application language") == []
