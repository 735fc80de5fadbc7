"""The sandbox a career group's own templates run in.

Jinja2's `SandboxedEnvironment` already refuses underscore attributes and Python internals.
A group's template is text typed by someone we do not control, rendered for every member of
the group, so this one goes further: attributes are an allow-list (a few text methods, the
exported macros of `_common.j2`, the `loop` helpers), the only global is a short `range`,
filters are an allow-list, the only template a group's may import is `_common.j2`, and only
text and numbers can be printed or joined into text (never a function, a list or `None`).

Every render has a budget of operations, time, output and of what it builds. The compiled
template itself is metered (`MeteredCodeGenerator`): each loop step, each piece of output,
each `~`, list literal and slice goes through the environment, like the attribute look-ups,
calls and operators Jinja's sandbox already routes there. Each of those predicts the size
of what it is about to build from its operands and is refused *before* building it when the
value or the render's running total would pass its limit, so no single step is expensive
and memory stays within `MAX_BUILT`; the operation count and the clock stop long loops.
Validation (`bot.drafting.template_check`) refuses most of this before a template is saved;
the budget is what still holds when something slips past it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import wraps
from operator import add, mod, mul
from typing import Any

from jinja2 import Template, nodes, pass_environment
from jinja2.compiler import CodeGenerator, Frame
from jinja2.environment import TemplateModule
from jinja2.exceptions import SecurityError
from jinja2.filters import make_attrgetter
from jinja2.runtime import Context, LoopContext, Macro, Undefined
from jinja2.sandbox import SandboxedEnvironment

from bot.i18n import _

COMMON = "_common.j2"
"""The one template a group's template may import: our shared greeting and closing macros."""

MAX_OUTPUT = 20_000
"""Characters one render may produce (a draft is under 1,500); also caps any text value."""

MAX_BUILT = 200_000
"""Characters (and list items) one render may build in all, output included.

Our built-in templates build under 10,000; this bounds a render's memory to about a
megabyte, whatever the template does."""

MAX_OPERATIONS = 20_000
"""Loop steps, outputs, look-ups, calls and checked operators per render.

Our longest built-in template uses a few hundred; this leaves room for a generous one."""

MAX_SECONDS = 0.5
"""Wall-clock time one render may take."""

RANGE_LIMIT = 20
"""Numbers `range()` may produce in a group's template."""

GLOBALS = frozenset({"range"})
"""Names a group's template may use besides the draft's own variables."""

MAX_INT_BITS = 64
"""Integers larger than this come from arithmetic no draft needs."""

MAX_ROUND_DIGITS = 20
"""Digits `round` may keep (or drop): a float has 17 significant ones."""

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
TEXT_FILTERS = frozenset(
    {
        "capitalize",
        "lower",
        "string",
        "title",
        "trim",
        "truncate",
        "upper",
        "wordcount",
        # ours, added by the renderer
        "sentence",
        "trim_end",
    }
)
"""Filters that turn their value into text: it must be text or a number already."""

LIST_FILTERS = frozenset({"list", "reverse", "sort", "unique"})
"""Filters that build a new list (or text) as long as their value."""

SCANNING_FILTERS = LIST_FILTERS | {"max", "min"}
"""Filters that go through every item, and may copy each (case-folded to compare)."""

SAFE_FILTERS = (
    TEXT_FILTERS
    | LIST_FILTERS
    | {
        "abs",
        "count",
        "d",
        "default",
        "first",
        "int",
        "join",
        "last",
        "length",
        "max",
        "min",
        "round",
    }
)
_SIZED = (str, list, tuple, dict)
_CONTAINERS = (list, tuple, dict, set, frozenset)
_TEMPLATE_NAME = re.compile(r"[a-z_]+(\.linkedin)?\.txt\.j2")
_CHECK_CLOCK_EVERY = 64
_MACRO_KEYWORDS = frozenset({"caller", "_loop_vars", "_block_vars"})  # what Jinja passes


class TemplateRefused(SecurityError):
    """A group's template tried something the sandbox does not allow, or ran over budget."""


@dataclass(frozen=True)
class Limits:
    """What one render may spend; the clock is a parameter so tests can move it."""

    operations: int = MAX_OPERATIONS
    seconds: float = MAX_SECONDS
    output: int = MAX_OUTPUT
    built: int = MAX_BUILT
    clock: Callable[[], float] = field(default=time.monotonic)


@dataclass
class _Budget:
    """What one render has spent so far."""

    limits: Limits
    deadline: float
    operations: int = 0
    built: int = 0


_budget: ContextVar[_Budget | None] = ContextVar("followup_template_budget", default=None)


def bounded_range(*args: int) -> range:
    """`range()` for group templates: at most `RANGE_LIMIT` numbers."""
    numbers = range(*args)
    try:
        count = len(numbers)
    except OverflowError:
        count = RANGE_LIMIT + 1
    if count > RANGE_LIMIT:
        raise TemplateRefused(
            _("range() may produce at most {limit} numbers here").format(limit=RANGE_LIMIT)
        )
    return numbers


class MeteredCodeGenerator(CodeGenerator):
    """Jinja's code generator, with every step that repeats or builds routed to the budget.

    Constant folding is off: Jinja would otherwise run filters on literals at compile time,
    where nothing is metered (a literal list joined with a long literal separator).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.optimizer = None

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        """Each step of a loop is one operation (`GroupSandbox.metered`)."""
        original = node.iter
        node.iter = nodes.Call(
            nodes.EnvironmentAttribute("metered"), [original], [], None, None
        ).set_lineno(original.lineno)
        try:
            super().visit_For(node, frame)
        finally:
            node.iter = original

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        """`a ~ b`: measured before it is joined (`GroupSandbox.join_text`)."""
        self.write("environment.join_text((")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write("))")

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        """A list literal is counted as built (`GroupSandbox.built`)."""
        self.write("environment.built(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        """A dict literal is counted as built."""
        self.write("environment.built(")
        super().visit_Dict(node, frame)
        self.write(")")

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        """A tuple literal is counted as built (not a tuple being assigned to)."""
        if node.ctx != "load":
            super().visit_Tuple(node, frame)
            return
        self.write("environment.built(")
        super().visit_Tuple(node, frame)
        self.write(")")

    def visit_Getitem(self, node: nodes.Getitem, frame: Frame) -> None:
        """Slices too go through `getitem` (Jinja sends only plain subscripts there)."""
        if not isinstance(node.arg, nodes.Slice):
            super().visit_Getitem(node, frame)
            return
        self.write("environment.getitem(")
        self.visit(node.node, frame)
        self.write(", slice(")
        for i, part in enumerate((node.arg.start, node.arg.stop, node.arg.step)):
            self.write(", " if i else "")
            if part is None:
                self.write("None")
            else:
                self.visit(part, frame)
        self.write("))")

    def _output_child_to_const(self, node: nodes.Expr, frame: Frame, finalize: Any) -> str:
        """Only literal text is output as a constant; everything else is metered at run time."""
        if not isinstance(node, nodes.TemplateData):
            raise nodes.Impossible()
        return super()._output_child_to_const(node, frame, finalize)

    def _output_const_repr(self, group: Iterable[Any]) -> str:
        return f"environment.emit({super()._output_const_repr(group)})"

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        self.write("environment.emit(")
        super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        super()._output_child_post(node, frame, finalize)
        self.write(")")


class GroupSandbox(SandboxedEnvironment):
    """A sandboxed environment with an allow-list of attributes and a budget per render."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = MeteredCodeGenerator

    def __init__(self, *args: Any, limits: Limits | None = None, **kwargs: Any) -> None:
        super().__init__(*args, finalize=printable, **kwargs)
        self.limits = limits or Limits()
        self.globals.clear()
        self.globals["range"] = bounded_range
        self.filters = {name: f for name, f in self.filters.items() if name in SAFE_FILTERS}
        self.filters["join"] = join
        self.meter_filters()

    def meter_filters(self) -> None:
        """Wrap every filter so it is counted and what it builds is measured first.

        Called again after the renderer adds its own filters.
        """
        for name, func in list(self.filters.items()):
            if name not in SAFE_FILTERS:
                del self.filters[name]
            elif not hasattr(func, "metered_filter"):
                self.filters[name] = _metered_filter(name, func)

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
            _("'{name}' of a {kind} value is not available in group templates").format(
                name=attribute, kind=type(obj).__name__
            )
        )

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """No `str.format` at all: a format spec like `{:>99999999}` builds any size of text."""
        return None

    def join_path(self, template: str, parent: str) -> str:
        """Imports and includes may name `_common.j2` and nothing else: no files, no loops."""
        if template != COMMON:
            raise TemplateRefused(
                _("templates may import only {module}, not {name}").format(
                    module=repr(COMMON), name=repr(template)
                )
            )
        return template

    def get_template(
        self,
        name: str | Template,
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> Template:
        """Load only our template names, so nothing typed in a template reaches a file."""
        if isinstance(name, str) and not (name == COMMON or _TEMPLATE_NAME.fullmatch(name)):
            raise TemplateRefused(
                _("templates may import only {module}, not {name}").format(
                    module=repr(COMMON), name=repr(name)
                )
            )
        return super().get_template(name, parent, globals)

    # --- what it costs -------------------------------------------------------------------

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Look up an attribute (or a key of the context's dictionaries), counted."""
        _spend()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """Subscript, counted; a slice builds at most as much as it slices.

        Only text, a whole number or a slice may index: Jinja's error for a missing key of
        another kind (`topics[range]`, also `attribute=` in filters) shows the key's repr,
        memory address and all, to the admin.
        """
        _spend()
        if not isinstance(argument, str | int | slice):
            raise TemplateRefused(
                _("a {kind} cannot be an index or key; use text or a number").format(
                    kind=type(argument).__name__
                )
            )
        if isinstance(argument, slice):
            _build(_size(obj), self.limits)
        return super().getitem(obj, argument)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Call a macro, a text method or `range`, counted.

        A text method's result is measured first: changing case can triple text.
        """
        _spend()
        if isinstance(getattr(__obj, "__self__", None), str):
            _build(_text_cost(__obj.__self__), __self.limits)
        if isinstance(__obj, Macro) and (
            len(args) > len(__obj.arguments)
            or any(key not in __obj.arguments and key not in _MACRO_KEYWORDS for key in kwargs)
        ):
            # Extra arguments land in `varargs`/`kwargs`: tuples a template could nest into
            # one whose hashing or comparison takes 2**depth steps inside one operation.
            raise TemplateRefused(
                _("{call} takes only the arguments it declares").format(call=f"{__obj.name}()")
            )
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(__obj, Macro):
            _build(_size(result), __self.limits)  # its pieces were counted as they were output
        _check_value(result, __self.limits)
        return result

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Run `*`, `**`, `+` and `%` only when the result stays small."""
        _spend()
        _check_number(left)
        _check_number(right)
        if operator == "%" and isinstance(left, str):
            raise TemplateRefused(_("'%' formatting of text is not available; join text with ~"))
        if operator == "**" and (not isinstance(right, int | float) or abs(right) > MAX_INT_BITS):
            raise TemplateRefused(_("that power is too large for a draft"))
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, _SIZED) and isinstance(times, int):
                    _build(len(sequence) * times, self.limits)
        if operator == "+" and isinstance(left, _SIZED) and isinstance(right, _SIZED):
            _build(len(left) + len(right), self.limits)
        result = _BINOPS[operator](left, right)
        _check_value(result, self.limits)
        return result

    def join_text(self, parts: tuple[Any, ...]) -> str:
        """`a ~ b ~ c`: only text and numbers, measured before they are joined."""
        _spend()
        texts = [as_text(part) for part in parts]
        _build(sum(map(len, texts)), self.limits)
        return "".join(texts)

    def built(self, value: Any) -> Any:
        """A list, tuple or dict literal: counted, and holding no lists of its own.

        Lists of lists could share themselves (`[l, l]` repeated) into something whose
        comparison or sorting never ends; a draft needs none.
        """
        _spend()
        _build(len(value), self.limits)
        items = value.values() if isinstance(value, dict) else value
        if any(isinstance(item, _CONTAINERS) for item in items):
            raise TemplateRefused(_("lists in group templates hold text and numbers, not lists"))
        return value

    def metered(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """The items of a loop, one operation each."""
        for item in iterable:
            _spend()
            yield item

    def emit(self, text: str) -> str:
        """A piece of output, in the render or in a macro's, block's or `set`'s buffer."""
        _spend()
        _build(len(text), self.limits)
        return text

    def render_bounded(self, template: Template, context: Mapping[str, Any]) -> str:
        """Render within the budget: refuse a template that runs away instead of hanging."""
        limits = self.limits
        token = _budget.set(_Budget(limits, deadline=limits.clock() + limits.seconds))
        parts: list[str] = []
        size = 0
        try:
            for chunk in template.generate(context):
                size += len(chunk)
                if size > limits.output:
                    raise TemplateRefused(_too_long(limits))
                parts.append(chunk)
        except RecursionError:
            raise TemplateRefused(_("the template calls itself without end")) from None
        finally:
            _budget.reset(token)
        return "".join(parts)


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {"*": mul, "**": pow, "+": add, "%": mod}


def printable(value: Any) -> Any:
    """What `{{ ... }}` may print: text and numbers, never a function, list or object."""
    if isinstance(value, Undefined):
        return value  # printing it raises the undefined-variable error
    as_text(value)
    return value


def as_text(value: Any) -> str:
    """Text for `~`, `join` and text filters; anything but text or a number is refused.

    `str()` of a function shows its memory address and of a list its Python form; `None`
    is a missing value the template should have guarded.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        _check_number(value)
        return str(value)
    if isinstance(value, Undefined):
        return str(value)  # raises the undefined-variable error
    if value is None:
        raise TemplateRefused(
            _("the template printed a missing value (None); guard it with {tag}").format(
                tag="{% if ... %}"
            )
        )
    if isinstance(value, bool):
        raise TemplateRefused(
            _("the template printed true or false; use {tag} instead").format(tag="{% if ... %}")
        )
    if callable(value):
        raise TemplateRefused(
            _("the template printed a function instead of calling it, like {call}").format(
                call="f()"
            )
        )
    raise TemplateRefused(
        _(
            "the template printed a {kind} rather than text; "
            "print one of its items, or join them with {join}"
        ).format(kind=type(value).__name__, join="|join(', ')")
    )


@pass_environment
def join(
    environment: GroupSandbox,
    value: Iterable[Any],
    d: str = "",
    attribute: str | int | None = None,
) -> str:
    """Jinja's `join`, measured before joining: items must be text or numbers."""
    items = list(value)
    if attribute is not None:
        items = list(map(make_attrgetter(environment, attribute), items))
    texts = [as_text(item) for item in items]
    separator = as_text(d)
    _build(sum(map(len, texts)) + len(separator) * max(len(texts) - 1, 0), environment.limits)
    return separator.join(texts)


def _metered_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """`func` counted as an operation, with what it builds measured before it runs."""
    passes = hasattr(func, "jinja_pass_arg")  # Jinja passes the environment or context first

    @wraps(func)  # keeps Jinja's marker of what the filter is passed
    def metered(*args: Any, **kwargs: Any) -> Any:
        _spend()
        value, *rest = args[1:] if passes else args
        limits = _limits()
        if name in TEXT_FILTERS:
            _build(_text_cost(as_text(value)), limits)
        elif name in SCANNING_FILTERS:
            _build(_size(value), limits)
        elif name == "round":
            _check_digits(rest[:1] or [kwargs.get("precision", 0)])
        result = func(*args, **kwargs)
        _check_value(result, limits)
        return result

    metered.metered_filter = True  # type: ignore[attr-defined]
    return metered


def _limits() -> Limits:
    budget = _budget.get()
    return budget.limits if budget is not None else Limits()


def _spend() -> None:
    """One operation; outside a budgeted render nothing is counted."""
    budget = _budget.get()
    if budget is None:
        return
    budget.operations += 1
    limits = budget.limits
    if budget.operations > limits.operations:
        raise TemplateRefused(
            _("the template ran more than {count} operations").format(
                count=f"{limits.operations:,}"
            )
        )
    if budget.operations % _CHECK_CLOCK_EVERY == 0 and limits.clock() > budget.deadline:
        raise TemplateRefused(
            _("the template took longer than {seconds} s to render").format(seconds=limits.seconds)
        )


def _too_long(limits: Limits) -> str:
    return _("the template made text longer than {count} characters").format(
        count=f"{limits.output:,}"
    )


def _build(size: int, limits: Limits) -> None:
    """Refuse a value of `size` before it is built: too long itself, or over the total."""
    if size > limits.output:
        raise TemplateRefused(_too_long(limits))
    budget = _budget.get()
    if budget is None:
        return
    budget.built += size
    if budget.built > limits.built:
        raise TemplateRefused(
            _("the template built more than {count} characters of text and lists").format(
                count=f"{limits.built:,}"
            )
        )


def _size(value: Any) -> int:
    """How much a value built from `value` can hold.

    A string's length; a list's items and the text in them (sorting or `max` copies each
    item, case-folded); a mapping's keys.
    """
    if isinstance(value, list | tuple):
        return len(value) + sum(_text_cost(item) for item in value if isinstance(item, str))
    return len(value) if isinstance(value, _SIZED) else 0


def _text_cost(text: str) -> int:
    """Changing the case of non-ASCII text can triple it ('ŉ'.upper() is three letters)."""
    return len(text) if text.isascii() else 3 * len(text)


def _check_number(value: Any) -> None:
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise TemplateRefused(_("the template made a number too large for a draft"))


def _check_digits(precision: list[Any]) -> None:
    """`round` computes 10 ** precision (and an integer's to minus it) before rounding."""
    if any(isinstance(p, int) and abs(p) > MAX_ROUND_DIGITS for p in precision):
        raise TemplateRefused(
            _("round() takes at most {count} digits here").format(count=MAX_ROUND_DIGITS)
        )


def _check_value(value: Any, limits: Limits) -> None:
    """A result that slipped past the predictions is still refused before it is kept."""
    if isinstance(value, _SIZED) and len(value) > limits.output:
        raise TemplateRefused(_too_long(limits))
    _check_number(value)
