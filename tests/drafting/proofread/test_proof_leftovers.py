"""Template leftovers and an empty subject."""

from __future__ import annotations

import pytest
from proof_helpers import about, check


@pytest.mark.parametrize("subject", ["", "   "])
def test_an_empty_subject_is_an_error(subject: str) -> None:
    (finding,) = about(check("Dear Sam,", subject=subject), "subject")
    assert finding.level == "error"


@pytest.mark.parametrize(
    ("subject", "linkedin"),
    [pytest.param("Thank you", False, id="email"), pytest.param("", True, id="linkedin")],
)
def test_a_subject_or_a_linkedin_message_passes(subject: str, linkedin: bool) -> None:
    assert about(check("Dear Sam,", subject=subject, linkedin=linkedin), "subject") == []


@pytest.mark.parametrize(
    ("body", "said"),
    [
        pytest.param("Dear None,", "None", id="none-value"),
        pytest.param("The role at [company] is great.", "[company]", id="bracket-placeholder"),
        pytest.param("Dear [Interviewer Name],", "[Interviewer Name]", id="bracket-words"),
        pytest.param("About {{ role }} at Acme.", "{{ role }}", id="jinja-expression"),
        pytest.param("{% if x %}Hi", "{% if x %}", id="jinja-statement"),
        pytest.param("A stray }} here.", "}}", id="stray-braces"),
        pytest.param("TODO: add detail.", "TODO", id="todo"),
        pytest.param("We met on June XX.", "XX", id="xx"),
        pytest.param("Call me at XXX.", "XXX", id="xxx"),
        pytest.param("Dear <name>,", "<name>", id="angle-placeholder"),
        pytest.param("FIXME later.", "FIXME", id="fixme"),
        pytest.param("Lorem ipsum dolor.", "Lorem ipsum", id="lorem"),
    ],
)
def test_template_leftovers_are_errors_quoting_them(body: str, said: str) -> None:
    (finding,) = about(check(body), "left in the draft")
    assert finding.level == "error"
    assert f"'{said}'" in finding.problem
    assert f"'{said}'" in finding.fix


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("None of my projects used Kafka.", id="none-as-english"),
        pytest.param("Nonetheless, thanks.", id="nonetheless"),
        pytest.param("As shown in [1], latency fell.", id="footnote"),
        pytest.param("See [my portfolio](https://acme.example).", id="markdown-link"),
        pytest.param("Reach me at <jordan@acme.example> or <https://acme.example>.", id="links"),
        pytest.param("Sizes XL and XS; to do: nothing.", id="look-alikes"),
    ],
)
def test_ordinary_text_has_no_leftover_finding(body: str) -> None:
    assert about(check(body), "left in the draft") == []
