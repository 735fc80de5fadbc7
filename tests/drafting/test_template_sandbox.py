"""Group templates: what the checks refuse before saving, and what the sandbox refuses at render."""

from __future__ import annotations

import logging
import tracemalloc
from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError, TemplateError

from bot.drafting.render import TEMPLATES_DIR, DraftRenderer
from bot.drafting.sandbox import MAX_BUILT, MAX_OPERATIONS, MAX_OUTPUT, TemplateRefused
from bot.drafting.template_check import MAX_SOURCE, check_template
from tests.drafting.sample_context import CONTEXT

VARIABLES = frozenset(CONTEXT)
LISTS = frozenset({"topics"})
MAPPINGS = frozenset({"interviewer"})
SUBJECT = "Subject: Thank you\n\n"

# Each tries to escape the sandbox or run away; both the checks and the renderer refuse it.
ATTACKS = {
    "a Python internal": "{{ ''.__class__ }}",
    "the class hierarchy": "{{ company.__class__.__mro__[1].__subclasses__() }}",
    "a function's globals": "{{ cycler.__init__.__globals__ }}",
    "an item named like an internal": "{{ interviewer['__class__'] }}",
    "str.format": "{{ '{0.__class__}'.format(company) }}",
    "a file": "{% include '/etc/passwd' %}",
    "a file by import": "{% import '/etc/passwd' as p %}",
    "another template": "{% include 'thank_you.txt.j2' %}",
    "extends": "{% extends 'status_check.txt.j2' %}",
    "a billion-step loop": "{% for i in range(10**9) %}x{% endfor %}",
    "a big literal range": "{% for i in range(1000000) %}x{% endfor %}",
    "a recursive loop": "{% for t in topics recursive %}{{ loop(topics) }}{% endfor %}",
    "a self-calling macro": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "macros calling each other": (
        "{% macro f() %}{{ g() }}{% endmacro %}{% macro g() %}{{ f() }}{% endmacro %}{{ f() }}"
    ),
    "a self-calling block": "{% block b %}{{ self.b() }}{% endblock %}",
    "huge output": "{{ 'x' * 10**8 }}",
    "huge output by formatting": "{{ '%99999999s' % company }}",
    "a huge number": "{{ 9**9**9 }}",
}


def _group(source: str, *, fallback: bool = False) -> DraftRenderer:
    return DraftRenderer().with_overrides({"thank_you.txt.j2": source}, fallback=fallback)


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_attacks_are_refused_at_validation(attack: str) -> None:
    problems = check_template(SUBJECT + attack, variables=VARIABLES, lists=LISTS)
    assert problems
    assert all(p.line == 3 for p in problems if p.line), problems  # the line it is on


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_attacks_are_refused_at_render(attack: str) -> None:
    """A template that slipped past the checks (or predates them) still cannot do harm."""
    with pytest.raises((SecurityError, TemplateError)) as refused:
        _group(SUBJECT + attack).render("thank_you", CONTEXT)
    if "cycler" not in attack:  # an undefined name is refused as undefined
        assert isinstance(refused.value, SecurityError)


def test_a_file_never_reaches_the_draft(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    for name in (str(secret), f"../../../../../../..{secret}", "../README.md"):
        with pytest.raises(TemplateRefused):
            _group(SUBJECT + f"{{% include {name!r} %}}").render("thank_you", CONTEXT)


def test_an_operation_budget_stops_what_the_checks_allow() -> None:
    """Loops of 20 in a macro called in loops of 20: legal shapes, 160,000 operations."""
    source = (
        SUBJECT + "{% macro m() %}{% for a in range(20) %}{% for b in range(20) %}"
        "{% if company.upper() %}{% endif %}{% endfor %}{% endfor %}{% endmacro %}"
        "{% for a in range(20) %}{% for b in range(20) %}{{ m() }}{% endfor %}{% endfor %}"
    )
    assert check_template(source, variables=VARIABLES, lists=LISTS) == []
    with pytest.raises(TemplateRefused, match=f"{MAX_OPERATIONS:,} operations"):
        _group(source).render("thank_you", CONTEXT)


def test_output_is_capped_even_when_built_a_piece_at_a_time() -> None:
    source = SUBJECT + "{% for a in range(20) %}{{ company * 999 }}{% endfor %}"
    with pytest.raises(TemplateRefused, match=f"{MAX_OUTPUT:,} characters"):
        _group(source).render("thank_you", CONTEXT)


@pytest.mark.parametrize(
    ("source", "line", "says"),
    [
        ("Subject: x\n\n{% if company %}\nHi", 4, "Unexpected end of template"),
        ("Subject: x\n\nHi {{ compnay }}", 3, "Did you mean 'company'"),
        ("Subject: x\n\n\nHi {{ company|center(80) }}", 4, "filter 'center'"),
        ("Subject: x\n\n{% for c in company %}{{ c }}{% endfor %}", 3, "only run over"),
        (
            "Subject: x\n{% for a in topics %}{% for b in topics %}{% for c in topics %}"
            "{% endfor %}{% endfor %}{% endfor %}",
            2,
            "nested at most",
        ),
        ("Hi {{ company }}", 1, "first line must be the subject"),
        ("Subject: x\n\n{% macro m() %}x{% endmacro %}{% set alias = m %}", 3, "only be called"),
        ("Subject: x\n\n{{ range }}", 3, "'range' is a function, which can't be printed"),
        ("Subject: x\n\nHi {{ company.upper }}", 3, "'company.upper' is a function"),
        ("Subject: x\n\n{{ 'a' ~ topics }}", 3, "'topics' is a list"),
        ("Subject: x\n\n{{ interviewer|upper }}", 3, "'interviewer' is a set of fields"),
        ('{% import "_common.j2" as c %}Subject: x\n{{ c.closing }}', 2, "'c.closing' is a"),
        ("Subject: x\n\n{% for t in topics %}{{ loop }}{% endfor %}", 3, "'loop' is the loop's"),
        ("Subject: x\n\n{{ none }}", 3, "'none' is not text"),
    ],
)
def test_mistakes_are_reported_with_their_line(source: str, line: int, says: str) -> None:
    problems = check_template(source, variables=VARIABLES, lists=LISTS, mappings=MAPPINGS)
    assert any(p.line == line and says in p.message for p in problems), problems
    assert any(str(p).startswith(f"Line {line}: ") for p in problems)


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("Subject: x\n{{ " + "(" * 300 + "1" + ")" * 300 + " }}", "nests brackets or filters"),
        ("Subject: x\n{{ company" + "|upper" * 1000 + " }}", "nests brackets or filters"),
        ("Subject: x\n{{ " + "9" * 5000 + " }}", "too many digits"),
    ],
)
def test_what_jinja_cannot_parse_is_a_problem_not_a_crash(source: str, says: str) -> None:
    """Jinja's parser recurses per bracket and Python refuses 4,300-digit numbers."""
    (problem,) = check_template(source, variables=VARIABLES, lists=LISTS)
    assert says in problem.message


def test_literals_are_not_folded_by_running_filters_while_checking() -> None:
    """Jinja computes constant expressions while compiling: a literal list joined with a
    long separator would be built, unmetered, by the checks themselves (900 kB here)."""
    source = "Subject: x\n{{ [" + "0," * 300 + "]|join('" + "x" * 3000 + "') }}"
    tracemalloc.start()
    try:
        assert check_template(source, variables=VARIABLES, lists=LISTS) == []
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 500_000
    with pytest.raises(TemplateRefused, match=f"longer than {MAX_OUTPUT:,}"):
        _group(source).render("thank_you", CONTEXT)


def test_text_built_with_tilde_is_refused_before_it_is_built() -> None:
    """The issue's template: 24 doublings of a variable used to allocate 67 MB."""
    source = SUBJECT + "{% set x = company %}" + "{% set x = x ~ x %}" * 24 + "{{ x }}"
    group = _group(source)
    tracemalloc.start()
    try:
        with pytest.raises(TemplateRefused, match=f"longer than {MAX_OUTPUT:,}"):
            group.render("thank_you", CONTEXT)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MAX_BUILT * 8 + 4_000_000


def test_a_render_has_a_budget_for_all_it_builds() -> None:
    """Values under the per-value cap, kept in a list, still add up to the render's total."""
    source = (
        SUBJECT
        + "{% set s = company %}"
        + "{% set s = s ~ s %}" * 11
        + "{% set l = ["
        + "s ~ 'x'," * 40
        + "] %}{{ l|length }}"
    )
    with pytest.raises(TemplateRefused, match=f"built more than {MAX_BUILT:,}"):
        _group(source).render("thank_you", CONTEXT)


@pytest.mark.parametrize(
    "source",
    ["{{ range }}", "{{ company.upper }}", "{{ 'x' ~ range }}", "{{ range|upper }}"],
)
def test_a_function_is_never_printed_with_its_address(source: str) -> None:
    with pytest.raises(TemplateRefused, match="printed a function"):
        _group(SUBJECT + source).render("thank_you", CONTEXT)


def test_jinja_compile_errors_read_as_one_sentence() -> None:
    source = "Subject: x\n{{ company is nosuchtest }}"  # caught only when compiling
    (problem,) = check_template(source, variables=VARIABLES, lists=LISTS)
    assert problem.message == "No test named 'nosuchtest'."
    assert problem.line == 2


def test_size_and_emptiness_are_limited() -> None:
    assert check_template("  \n", variables=VARIABLES, lists=LISTS)[0].message.startswith(
        "The template is empty"
    )
    huge = SUBJECT + "x" * MAX_SOURCE
    assert "limit is" in check_template(huge, variables=VARIABLES, lists=LISTS)[0].message


OURS = sorted(p for p in TEMPLATES_DIR.glob("[!_]*.txt.j2") if ".linkedin." not in p.name)


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.name)
def test_our_own_templates_pass_the_checks_and_render_in_the_sandbox(path: Path) -> None:
    """An admin can start from any built-in template: it is valid as a group's."""
    assert check_template(path.read_text(), variables=VARIABLES, lists=LISTS) == []
    kind = path.name.removesuffix(".txt.j2")
    ours = DraftRenderer().render(kind, CONTEXT)
    sandboxed = DraftRenderer().with_overrides({path.name: path.read_text()}).render(kind, CONTEXT)
    assert sandboxed == ours


def test_a_refused_render_falls_back_to_ours_and_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    group = _group(SUBJECT + "{{ ''.__class__ }}", fallback=True)
    with caplog.at_level(logging.WARNING, logger="bot.drafting.render"):
        draft = group.render("thank_you", CONTEXT)
    assert draft == DraftRenderer().render("thank_you", CONTEXT)
    assert "refused" in caplog.text
    assert "__class__" in caplog.text


def test_allowed_features_still_work() -> None:
    source = (
        '{% import "_common.j2" as c %}'
        "Subject: Thanks, {{ interviewer.first_name|upper }}\n\n"
        "{{ c.greeting(interviewer, company, tone) }}\n\n"
        "{% for t in topics %}{{ loop.index }}. {{ t|title }}{% if not loop.last %}; "
        "{% endif %}{% endfor %}\n\n\n"
        "{% for n in range(2) %}{{ n }}{% endfor %} {{ company.lower() }}"
        " {{ (topics|length) * 2 }} {{ 'ab' ~ 'cd' }} {{ variant % 3 }}"
    )
    assert check_template(source, variables=VARIABLES, lists=LISTS) == []
    draft = _group(source).render("thank_you", CONTEXT)
    assert draft.subject == "Thanks, JANE"
    assert draft.body == "Hi Jane,\n\n1. System Design; 2. On-Call\n\n01 acme 4 abcd 0"
