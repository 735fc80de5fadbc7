"""The sandbox a career group's own templates run in.

Jinja2's `SandboxedEnvironment` already refuses underscore attributes and Python internals.
A group's template is text typed by someone we do not control, rendered for every member of
the group, so this one goes further: attributes are an allow-list (a few text methods, the
exported macros of `_common.j2`, the `loop` helpers), the only global is a short `range`,
filters are an allow-list, the only template a group's may import is `_common.j2`, text
operators are size-checked before they run, and every render has a budget of operations,
time and output. Validation (`bot.drafting.template_check`) refuses most of this before a
template is saved; the budget is what still holds when something slips past it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, MutableMapping
from contextvars import ContextVar
from dataclasses import dataclass
from operator import add, mod, mul
from typing import Any

from jinja2 import Template
from jinja2.environment import TemplateModule
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, LoopContext, Macro, Undefined
from jinja2.sandbox import SandboxedEnvironment

COMMON = "_common.j2"
"""The one template a group's template may import: our shared greeting and closing macros."""

MAX_OUTPUT = 20_000
"""Characters one render may produce (a draft is under 1,500); also caps any text value."""

MAX_OPERATIONS = 20_000
"""Attribute look-ups, item look-ups, calls and checked operators per render.

Our longest built-in template uses about 50; this leaves room for a generous one."""

MAX_SECONDS = 0.5
"""Wall-clock time one render may take."""

RANGE_LIMIT = 20
"""Numbers `range()` may produce in a group's template."""

GLOBALS = frozenset({"range"})
"""Names a group's template may use besides the draft's own variables."""

MAX_INT_BITS = 64
"""Integers larger than this come from arithmetic no draft needs."""

STR_METHODS = frozenset(
    {"lower", "upper", "title", "capitalize", "strip", "lstrip", "rstrip", "startswith", "endswith"}
)
LOOP_ATTRIBUTES = frozenset(
    {
        "index",
        "index0",
        "revindex",
        "revindex0",
        "first",
        "last",
        "length",
        "previtem",
        "nextitem",
        "cycle",
        "changed",
        "depth",
        "depth0",
    }
)
SAFE_FILTERS = frozenset(
    {
        "abs",
        "capitalize",
        "count",
        "d",
        "default",
        "first",
        "int",
        "join",
        "last",
        "length",
        "list",
        "lower",
        "max",
        "min",
        "reverse",
        "round",
        "sort",
        "string",
        "title",
        "trim",
        "truncate",
        "unique",
        "upper",
        "wordcount",
        # ours, added by the renderer
        "sentence",
        "trim_end",
    }
)
_SIZED = (str, list, tuple)
_TEMPLATE_NAME = re.compile(r"[a-z_]+(\.linkedin)?\.txt\.j2")
_CHECK_CLOCK_EVERY = 64


class TemplateRefused(SecurityError):
    """A group's template tried something the sandbox does not allow, or ran over budget."""


@dataclass
class _Budget:
    """What one render may still spend."""

    deadline: float
    operations: int = 0


_budget: ContextVar[_Budget | None] = ContextVar("followup_template_budget", default=None)


def bounded_range(*args: int) -> range:
    """`range()` for group templates: at most `RANGE_LIMIT` numbers."""
    numbers = range(*args)
    if len(numbers) > RANGE_LIMIT:
        raise TemplateRefused(f"range() may produce at most {RANGE_LIMIT} numbers here")
    return numbers


class GroupSandbox(SandboxedEnvironment):
    """A sandboxed environment with an allow-list of attributes and a budget per render."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals.clear()
        self.globals["range"] = bounded_range
        self.filters = {name: f for name, f in self.filters.items() if name in SAFE_FILTERS}

    # --- what may be reached -------------------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Only a few text methods, `_common.j2`'s macros and the `loop` helpers."""
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(obj, str):
            return attr in STR_METHODS
        if isinstance(obj, TemplateModule):
            return isinstance(value, Macro)
        if isinstance(obj, LoopContext):
            return attr in LOOP_ATTRIBUTES
        return False

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        """Refuse at once, rather than hand back a value that fails only when printed."""
        raise TemplateRefused(
            f"'{attribute}' of a {type(obj).__name__} value is not available in group templates"
        )

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """No `str.format` at all: a format spec like `{:>99999999}` builds any size of text."""
        return None

    def join_path(self, template: str, parent: str) -> str:
        """Imports and includes may name `_common.j2` and nothing else: no files, no loops."""
        if template != COMMON:
            raise TemplateRefused(f"templates may import only {COMMON!r}, not {template!r}")
        return template

    def get_template(
        self,
        name: str | Template,
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> Template:
        """Load only our template names, so nothing typed in a template reaches a file."""
        if isinstance(name, str) and not (name == COMMON or _TEMPLATE_NAME.fullmatch(name)):
            raise TemplateRefused(f"templates may import only {COMMON!r}, not {name!r}")
        return super().get_template(name, parent, globals)

    # --- what it costs -------------------------------------------------------------------

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Look up an attribute (or a key of the context's dictionaries), counted."""
        _spend()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """Subscript, counted."""
        _spend()
        return super().getitem(obj, argument)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Call a macro, a text method or `range`, counted; a huge result is refused."""
        _spend()
        result = super().call(__context, __obj, *args, **kwargs)
        _check_size(result)
        return result

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Run `*`, `**`, `+` and `%` only when the result stays small."""
        _spend()
        if operator == "%" and isinstance(left, str):
            raise TemplateRefused("'%' formatting of text is not available; join text with ~")
        if operator == "**" and (not isinstance(right, int | float) or abs(right) > MAX_INT_BITS):
            raise TemplateRefused("that power is too large for a draft")
        if operator == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
        if operator == "+" and isinstance(left, _SIZED) and isinstance(right, _SIZED):
            _check_length(len(left) + len(right))
        result = _BINOPS[operator](left, right)
        _check_size(result)
        return result

    def render_bounded(self, template: Template, context: Mapping[str, Any]) -> str:
        """Render within the budget: refuse a template that runs away instead of hanging."""
        token = _budget.set(_Budget(deadline=time.monotonic() + MAX_SECONDS))
        parts: list[str] = []
        size = 0
        try:
            for chunk in template.generate(context):
                size += len(chunk)
                _check_length(size)
                _spend()
                parts.append(chunk)
        except RecursionError:
            raise TemplateRefused("the template calls itself without end") from None
        finally:
            _budget.reset(token)
        return "".join(parts)


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {"*": mul, "**": pow, "+": add, "%": mod}


def _spend() -> None:
    """One operation; outside a budgeted render (Jinja folding constants) nothing is counted."""
    budget = _budget.get()
    if budget is None:
        return
    budget.operations += 1
    if budget.operations > MAX_OPERATIONS:
        raise TemplateRefused(f"the template ran more than {MAX_OPERATIONS:,} operations")
    if budget.operations % _CHECK_CLOCK_EVERY == 0 and time.monotonic() > budget.deadline:
        raise TemplateRefused(f"the template took longer than {MAX_SECONDS} s to render")


def _check_repeat(sequence: Any, times: Any) -> None:
    if isinstance(sequence, _SIZED) and isinstance(times, int):
        _check_length(len(sequence) * times)


def _check_length(length: int) -> None:
    if length > MAX_OUTPUT:
        raise TemplateRefused(f"the template made text longer than {MAX_OUTPUT:,} characters")


def _check_size(value: Any) -> None:
    if isinstance(value, _SIZED):
        _check_length(len(value))
    elif isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise TemplateRefused("the template made a number too large for a draft")
