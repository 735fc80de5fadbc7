"""Hostile group templates: refused when an admin saves them, harmless if one is stored anyway.

Each template below tries to escape the sandbox, exhaust memory or time, or print Python's
insides. Each is fed twice: to validation (the service's checks and test renders, as when an
admin saves it) and straight to a member's renderer (as if it had been stored before a
check existed). Both must refuse it (the member gets our draft), and neither may use more
than a few MB beyond the sandbox's budget, measured with tracemalloc.
"""

from __future__ import annotations

import re
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from itertools import count
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.domain.policy import Kind
from bot.drafting.render import DraftRenderer
from bot.drafting.sandbox import MAX_BUILT, MAX_OUTPUT, Limits, TemplateRefused
from bot.errors import UserError
from bot.scheduling.clock import ManualClock
from bot.services.deps import Deps
from bot.services.drafts import DraftService, Target
from bot.services.group_templates import GroupTemplateService
from bot.storage.db import Database

START = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
SUBJECT = "Subject: Thank you\n\n"
# A draft that greets each reader: a template whose sample drafts name nobody is refused.
GREETED = (
    '{% import "_common.j2" as c %}\n' + SUBJECT + "{{ c.greeting(interviewer, company, tone) }}\n"
)
DOUBLE = "{% set x = x ~ x %}"
LONG = "{% set s = company %}" + "{% set s = s ~ s %}" * 11  # 8,192 characters, legally built
DIGITS = "9" * 4000
ZEROS = "0," * 300
SEPARATOR = "x" * 3000
# 19,456 items of 16,384 characters each, every step within the budget: the list holds
# references, and only a filter that copies each item (case-folded) would build it all.
WIDE = (
    "{% set x = 'abcd' %}"
    + DOUBLE * 12
    + "{% set s = x %}{% set l = ["
    + ", ".join(["s"] * 19)
    + "] %}"
    + "{% set l = l + l %}" * 10
)
NESTED_CALLS = 40  # each level doubles a tuple tree made of a macro's varargs

ESCAPES = {
    "class of text": "{{ ''.__class__ }}",
    "class hierarchy": "{{ company.__class__.__mro__[1].__subclasses__() }}",
    "base of a tuple": "{{ ().__class__.__base__.__subclasses__() }}",
    "class of a list": "{{ [].__class__ }}",
    "class of a dict": "{{ {}.__class__ }}",
    "cycler's globals": "{{ cycler.__init__.__globals__ }}",
    "joiner's globals": "{{ joiner.__init__.__globals__.os }}",
    "namespace's globals": "{{ namespace.__init__.__globals__ }}",
    "lipsum's globals": "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "lipsum called": "{{ lipsum() }}",
    "template reference context": "{{ self._TemplateReference__context }}",
    "self's dict": "{{ self.__dict__ }}",
    "self printed": "{{ self }}",
    "item named like an internal": "{{ interviewer['__class__'] }}",
    "text item named like an internal": "{{ company['__class__'] }}",
    "class of a mapping": "{{ interviewer.__class__.__base__ }}",
    "attr filter": "{{ company|attr('__class__') }}",
    "attr filter on a mapping": "{{ interviewer|attr('__class__') }}",
    "map by attribute": "{{ topics|map(attribute='__class__')|list }}",
    "join by attribute": "{{ topics|join(attribute='__class__') }}",
    "sort by attribute": "{{ topics|sort(attribute='__class__')|join }}",
    "format's attribute access": "{{ '{0.__class__}'.format(company) }}",
    "format reaching globals": "{{ '{0.__class__.__init__.__globals__}'.format(company) }}",
    "format_map": "{{ company.format_map({}) }}",
    "format kept for later": "{% set f = '{0.__class__}'.format %}{{ f(company) }}",
    "a file by include": "{% include '/etc/passwd' %}",
    "a file by import": "{% import '/etc/passwd' as p %}",
    "a file by from-import": "{% from '/etc/passwd' import x %}",
    "a relative file": "{% include '../README.md' %}",
    "a relative file by import": "{% import '../../pyproject.toml' as p %}",
    "a list of files": "{% include ['/etc/passwd', '_common.j2'] %}",
    "itself": "{% include 'thank_you.txt.j2' %}",
    "extends": "{% extends 'status_check.txt.j2' %}",
    "macro's globals": "{% from '_common.j2' import greeting %}{{ greeting.__globals__ }}",
    "module's dict": '{% import "_common.j2" as c %}{{ c.__dict__ }}',
    "module's body": '{% import "_common.j2" as c %}{{ c._body_stream }}',
    "loop's class": "{% for t in topics %}{{ loop.__class__ }}{% endfor %}",
    "loop's iterator": "{% for t in topics %}{{ loop._iterator }}{% endfor %}",
    "range's globals": "{{ range.__globals__ }}",
    "range's code": "{{ range.__code__ }}",
    "a list emptied": "{{ topics.pop() }}",
    "a list appended to": "{{ topics.append(1) }}",
    "a mapping changed": "{{ interviewer.update({'name': 'x'}) }}",
    "a mapping's items": "{{ interviewer.items() }}",
    "text encoded": "{{ company.encode() }}",
    "the join method": "{{ company.join(topics) }}",
    "the environment": "{{ environment }}",
    "a request": "{{ request.environ }}",
    "config": "{{ config.items() }}",
    "caller outside a call": "{{ caller() }}",
    "a block calling itself": "{% block b %}{{ self.b() }}{% endblock %}",
    "a macro's globals": "{% macro m() %}{{ m.__globals__ }}{% endmacro %}{{ m() }}",
}

PRINTED_OBJECTS = {
    "range": "{{ range }}",
    "a method": "{{ company.upper }}",
    "cycler": "{{ cycler }}",
    "lipsum": "{{ lipsum }}",
    "the loop": "{% for t in topics %}{{ loop }}{% endfor %}",
    "a loop method": "{% for t in topics %}{{ loop.cycle }}{% endfor %}",
    "the macros module": '{% import "_common.j2" as c %}{{ c }}',
    "a macro": '{% import "_common.j2" as c %}{{ c.greeting }}',
    "a list": "{{ topics }}",
    "a mapping": "{{ interviewer }}",
    "a list literal": "{{ [1, 2] }}",
    "a range": "{{ range(3) }}",
    "a list filter": "{{ topics|list }}",
    "none": "{{ none }}",
    "a function joined": "{{ 'x' ~ range }}",
    "a function as text": "{{ range|string }}",
    "a function in capitals": "{{ range|upper }}",
    "functions joined by filter": "{{ [range]|join }}",
    "a function as separator": "{{ topics|join(range) }}",
    "a mapping joined": "{{ [interviewer]|join }}",
    "a missing value joined": "{{ 'x' ~ highlight }}",
    "a function as a key": "{{ topics[range] }}",
    "a method as a key": "{{ interviewer[company.upper] }}",
    "a function as a filter's attribute": "{{ topics|join(attribute=range) }}",
    "a function as a sort attribute": "{{ topics|sort(attribute=company.upper)|join }}",
    "a loop method as a key": "{% for t in topics %}{{ topics[loop.cycle] }}{% endfor %}",
    "a macro as a key": '{% import "_common.j2" as c %}{{ topics[c.greeting] }}',
}

RESOURCES = {
    "24 doublings with ~": "{% set x = company %}" + DOUBLE * 24 + "{{ x }}",
    "28 doublings with ~": "{% set x = company %}" + DOUBLE * 28 + "{{ x|length }}",
    "doublings never printed": "{% set x = company %}" + DOUBLE * 28,
    "doublings with +": "{% set x = company %}" + "{% set x = x + x %}" * 28,
    "list doublings with +": "{% set l = topics %}" + "{% set l = l + l %}" * 28,
    "text times a billion": "{{ 'x' * 10**9 }}",
    "text times a hundred million": "{{ 'x' * 10**8 }}",
    "a variable repeated": "{{ company * 999999 }}",
    "a list repeated": "{{ topics * 10**7 }}",
    "a list repeated then counted": "{{ (topics * 10**5)|length }}",
    "a list literal repeated": "{{ ([company] * 100000)|length }}",
    "%-format width": "{{ '%99999999s' % company }}",
    "%-format precision": "{{ '%.99999999f' % 1.0 }}",
    "%-format zero padding": "{{ '%0999999999d' % 1 }}",
    "format width": "{{ '{:>999999999}'.format(company) }}",
    "format kept": "{{ '{:>999999999}'.format }}",
    "center": "{{ company|center(999999999) }}",
    "center method": "{{ company.center(10**9) }}",
    "ljust method": "{{ company.ljust(10**9) }}",
    "rjust method": "{{ company.rjust(10**9) }}",
    "zfill method": "{{ company.zfill(10**9) }}",
    "expandtabs method": "{{ ('\t' ~ company).expandtabs(10**9) }}",
    "replace method": "{{ company.replace('', company) }}",
    "indent": "{{ company|indent(999999999) }}",
    "wordwrap": "{{ company|wordwrap(1) }}",
    "replace filter": "{{ company|replace('', company * 100) }}",
    "format filter": "{{ '%999999999s'|format(company) }}",
    "batch": "{{ range(20)|batch(10**9)|list }}",
    "slice": "{{ topics|slice(10**9)|list }}",
    "map": "{{ topics|map('upper')|list }}",
    "a huge range listed": "{{ range(10**9)|list }}",
    "a billion-step loop": "{% for i in range(10**9) %}x{% endfor %}",
    "a million-step loop": "{% for i in range(1000000) %}x{% endfor %}",
    "a range past 64 bits": "{{ range(2**70)|length }}",
    "a tower of powers": "{{ 9**9**9 }}",
    "rounding to a hundred million digits": "{{ 1.5|round(10**8, 'floor') }}",
    "rounding an integer to minus a billion digits": "{{ 5|round(-10**9) }}",
    "rounding by keyword": "{{ 5|round(precision=-10**9) }}",
    "a big power": "{{ 2 ** 10000 }}",
    "products past 64 bits": "{{ 99999999999 * 99999999999 * 99999999999 }}",
    "a 5,000-digit literal": "{{ " + "9" * 5000 + " }}",
    "a 4,000-digit literal doubled": "{{ " + DIGITS + " * 2 }}",
    "a 4,000-digit number from text": "{{ ('" + DIGITS + "'|int) + 1 }}",
    "a literal list joined with a long separator": "{{ ["
    + ZEROS
    + "]|join('"
    + SEPARATOR
    + "') }}",
    "a joined list joined again": (
        "{{ ([" + ZEROS + "]|join('" + SEPARATOR + "'))|list|join('" + SEPARATOR + "') }}"
    ),
    "a long separator from ~": LONG + "{{ topics|join(s ~ s ~ s) }}",
    "truncate with a long end": LONG + "{{ company|truncate(5, end=s ~ s ~ s) }}",
    "many slices of long text": LONG + "{% set l = [" + "s[1:]," * 500 + "] %}{{ l|length }}",
    "many copies in a list": LONG + "{% set l = [" + "s ~ 'x'," * 500 + "] %}{{ l|length }}",
    "a big dict": LONG + "{% set d = {" + "'k': s ~ 'x'," * 400 + "} %}{{ d|length }}",
    "non-ASCII tripled by upper": "{% set x = 'ŉ' %}" + DOUBLE * 13 + "{{ x|upper }}",
    "non-ASCII tripled by a method": "{% set x = 'ŉ' %}" + DOUBLE * 13 + "{{ x.upper() }}",
    "lists of themselves compared": (
        "{% set a = [1] %}{% set b = [1] %}"
        + "{% set a = [a, a] %}{% set b = [b, b] %}" * 200
        + "{{ a == b }}"
    ),
    "lists of themselves sorted": "{% set a = [1] %}"
    + "{% set a = [a, a] %}" * 200
    + "{{ a|sort }}",
    "deep brackets": "{{ " + "(" * 300 + "1" + ")" * 300 + " }}",
    "a thousand filters": "{{ company" + "|upper" * 1000 + " }}",
    "call blocks doubling": (
        "{% macro m() %}{{ caller() }}{{ caller() }}{% endmacro %}"
        + "{% call m() %}" * 24
        + "{{ company }}"
        + "{% endcall %}" * 24
    ),
    "set blocks doubling": "{% set x = company %}" + "{% set x %}{{ x }}{{ x }}{% endset %}" * 24,
    "filter blocks doubling": (
        "{% set x = company %}"
        + "{% set x %}{% filter upper %}{{ x }}{{ x }}{% endfilter %}{% endset %}" * 24
    ),
    "a self-calling macro": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "macros calling each other": (
        "{% macro f() %}{{ g() }}{% endmacro %}{% macro g() %}{{ f() }}{% endmacro %}{{ f() }}"
    ),
    "a macro calling itself with text": (
        "{% macro f(t) %}{{ f(t ~ t) }}{% endmacro %}{{ f(company) }}"
    ),
    "a recursive loop": "{% for t in topics recursive %}{{ loop(topics) }}{% endfor %}",
    "a recursive loop over long text": (
        LONG + "{% for c in s recursive %}{{ loop(s) }}{% endfor %}"
    ),
    "four nested loops": "{% for a in range(20) %}" * 4 + "x" + "{% endfor %}" * 4,
    "six nested empty loops": "{% for a in range(20) %}" * 6 + "{% endfor %}" * 6,
    "a loop over long text": LONG + "{% for c in s %}{% for d in s %}{% endfor %}{% endfor %}",
    "loops in a macro called in loops": (
        "{% macro m() %}{% for a in range(20) %}{% for b in range(20) %}"
        "{% if company.upper() %}{% endif %}{% endfor %}{% endfor %}{% endmacro %}"
        "{% for a in range(20) %}{% for b in range(20) %}{{ m() }}{% endfor %}{% endfor %}"
    ),
    "output in a loop": "{% for a in range(20) %}{{ company * 999 }}{% endfor %}",
    "output from ~ in nested loops": (
        LONG + "{% for a in range(20) %}{% for b in range(20) %}{{ s }}{% endfor %}{% endfor %}"
    ),
    "long text printed many times": LONG + "{{ s }}" * 300,
    "a long loop cycle": "{% for t in topics %}{{ loop.cycle(*range(10**9)) }}{% endfor %}",
    "tuples nested through varargs": (
        "{% macro p() %}{{ caller(varargs) }}{% endmacro %}{% call(v) p(1, 1) %}"
        + "{% call(v) p(v, v) %}" * (NESTED_CALLS - 1)
        + "{% set d = {v: 1} %}{{ d|length }}"
        + "{% endcall %}" * NESTED_CALLS
    ),
    "keywords into kwargs": "{% macro p() %}{{ kwargs|length }}{% endmacro %}{{ p(a=1) }}",
    "max of long text items": WIDE
    + "{% for i in range(20) %}{% if l|max %}{% endif %}{% endfor %}",
    "min of long text items": WIDE + "{{ (l|min)|length }}",
    "sort of long text items": WIDE + "{{ (l|sort)|length }}",
    "unique of long text items": WIDE + "{{ l|unique|list|length }}",
}

ATTACKS = {**ESCAPES, **PRINTED_OBJECTS, **RESOURCES}
SECRETS = re.compile(
    r"0x[0-9a-f]{4,}|<function|<built-in|<bound method|<class|object at|root:|\[project\]",
    re.IGNORECASE,
)
BUDGET_BYTES = MAX_BUILT * 8  # a built character is at most 4 bytes; a list item, a pointer
SLACK_BYTES = 4_000_000  # Jinja, Python's compiler and our own bookkeeping
COMPILE_BYTES_PER_CHARACTER = 1_200  # Jinja compiles a template to Python, then to bytecode


def test_there_are_at_least_a_hundred_attacks() -> None:
    assert len(ATTACKS) >= 100


@pytest.fixture(scope="module")
def service() -> Iterator[GroupTemplateService]:
    """The real group-template service; checking a template never touches its database."""
    db = Database.from_url("sqlite://")
    deps = Deps(db, ManualClock(START), ZoneInfo("America/New_York"), DraftRenderer())
    service = GroupTemplateService(deps)
    service.check(Kind.THANK_YOU, GREETED + "{{ company }}")  # compiles ours, outside the measure
    try:
        yield service
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def context(service: GroupTemplateService) -> dict[str, Any]:
    """A member's real draft context: the sample with two interviewers and full notes."""
    sample = service.samples()[1]
    target = Target(Kind.THANK_YOU, sample.interview.interviewers[0])
    return DraftService(service.deps).context(sample.member, sample.interview, target, sample.extra)


def peak_bytes(action: Callable[[], object]) -> int:
    """The most memory `action` had allocated at once."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_an_attack_is_refused_when_saved_within_the_memory_budget(
    service: GroupTemplateService, attack: str
) -> None:
    source = SUBJECT + attack

    def save() -> None:
        with pytest.raises(UserError) as refused:
            service.check(Kind.THANK_YOU, source)
        assert not SECRETS.search(refused.value.message)

    compiling = COMPILE_BYTES_PER_CHARACTER * len(source)
    assert peak_bytes(save) < BUDGET_BYTES + SLACK_BYTES + compiling


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_an_attack_stored_anyway_gives_the_member_our_draft_within_the_memory_budget(
    service: GroupTemplateService, context: dict[str, Any], attack: str
) -> None:
    """Rendered without any check, as a template saved before a check existed would be."""
    ours = service.deps.renderer
    group = ours.with_overrides({"thank_you.txt.j2": SUBJECT + attack}, fallback=True)
    group.render("thank_you", context)  # compiled here, outside the measure: not its cost
    drafts: list[object] = []
    peak = peak_bytes(lambda: drafts.append(group.render("thank_you", context)))
    assert drafts == [ours.render("thank_you", context)]
    assert peak < BUDGET_BYTES + SLACK_BYTES


HARMLESS = {
    "a set in a loop does not accumulate": (
        "{% set x = company %}{% for i in range(20) %}{% set x = x ~ x %}{% endfor %}{{ x }}"
    ),
    "text reversed": "{{ company[::-1] }}",
    "a format string as text": "{{ '{0.__class__}' }}",
    "a literal that looks like a function": "<function f at 0x1234> is just text",
}


@pytest.mark.parametrize("source", HARMLESS.values(), ids=HARMLESS.keys())
def test_what_only_looks_hostile_renders_as_written(
    service: GroupTemplateService, context: dict[str, Any], source: str
) -> None:
    group = service.deps.renderer.with_overrides({"thank_you.txt.j2": SUBJECT + source})
    body = group.render("thank_you", context).body
    assert len(body) < MAX_OUTPUT
    if "0x1234" not in source:
        assert not SECRETS.search(body)


def jumping_clock() -> Callable[[], float]:
    """A clock that moves a second each time it is read: every render is too slow."""
    ticks = count()
    return lambda: float(next(ticks))


SLOW = GREETED + "{% for a in range(20) %}{% for b in range(20) %}.{% endfor %}{% endfor %}"


def test_a_render_past_its_time_budget_is_stopped() -> None:
    group = DraftRenderer().with_overrides(
        {"thank_you.txt.j2": SLOW}, limits=Limits(clock=jumping_clock())
    )
    with pytest.raises(TemplateRefused, match="took longer than"):
        group.render("thank_you", {"company": "Acme", "interviewer": None, "tone": "warm"})


def test_a_member_whose_render_runs_out_of_time_gets_our_draft(
    service: GroupTemplateService, context: dict[str, Any]
) -> None:
    ours = service.deps.renderer
    group = ours.with_overrides(
        {"thank_you.txt.j2": SLOW}, fallback=True, limits=Limits(clock=jumping_clock())
    )
    assert group.render("thank_you", context) == ours.render("thank_you", context)


def test_validation_stops_a_test_render_past_its_time_budget(
    service: GroupTemplateService,
) -> None:
    slow = GroupTemplateService(service.deps, limits=Limits(clock=jumping_clock()))
    with pytest.raises(UserError, match="took longer than"):
        slow.check(Kind.THANK_YOU, SLOW)
    assert service.check(Kind.THANK_YOU, SLOW).previews  # with a real clock it is quick
