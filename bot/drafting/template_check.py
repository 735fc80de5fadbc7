"""Check a career group's template before it is saved, with line numbers and a way to fix it.

The sandbox (`bot.drafting.sandbox`) is what makes rendering safe; these checks make the
admin's mistakes visible while they are still editing: a syntax error, a variable no draft
has, a loop that is not over one of the draft's own lists, a macro that could call itself,
an import of anything but `_common.j2`. The test render against sample interviews comes
after, in `bot.services.group_templates`, because it needs the drafting service.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from jinja2 import meta, nodes
from jinja2.exceptions import TemplateSyntaxError

from bot.drafting.render import group_environment
from bot.drafting.sandbox import (
    COMMON,
    GLOBALS,
    LOOP_ATTRIBUTES,
    RANGE_LIMIT,
    STR_METHODS,
    TEXT_FILTERS,
    GroupSandbox,
    MeteredCodeGenerator,
)
from bot.i18n import _

MAX_SOURCE = 10_000
"""Characters of template source; our longest built-in template is about half of this."""

MAX_LOOP_DEPTH = 2
"""Loops inside loops: two levels are plenty for a short email."""

_LEADING_TAGS = re.compile(r"\A(?:\s*(?:\{%.*?%\}|\{#.*?#\}))*\s*", re.DOTALL)
# Methods of the values drafts hold that group templates may not call (the sandbox refuses
# them too): `format` builds text of any size, `pop`/`append` change the context.
_METHODS = frozenset(a for t in (str, dict, list) for a in dir(t)) - STR_METHODS - LOOP_ATTRIBUTES
_IMPORT_TAG = f'{{% import "{COMMON}" as c %}}'
_LOOP_METHODS = frozenset({"cycle", "changed"})
_LIST_FILTERS = frozenset({"list", "sort", "unique"})


@dataclass(frozen=True)
class Problem:
    """One reason a template cannot be saved: what, where, and how to fix it."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        if not self.line:
            return self.message
        return _("Line {line}: {problem}").format(line=self.line, problem=self.message)


def _import_hint() -> str:
    return _("use our shared macros with {tag}").format(tag=_IMPORT_TAG)


def _too_deep() -> Problem:
    return Problem(
        _(
            "The template nests brackets or filters too deeply to read; "
            "split the expression with {tag}."
        ).format(tag="{% set ... %}")
    )


def check_template(
    source: str,
    *,
    variables: Collection[str],
    lists: Collection[str],
    mappings: Collection[str] = (),
    env: GroupSandbox | None = None,
) -> list[Problem]:
    """Every problem found in `source`, in order; an empty list means it may be test-rendered.

    `variables` are the names the draft's context provides, `lists` those of them that
    are lists (the only things a loop may run over) and `mappings` those with fields (like
    `interviewer.name`); all come from the code that builds the context, so they cannot
    drift from it.
    """
    env = env or group_environment()
    if not source.strip():
        return [Problem(_("The template is empty."))]
    if len(source) > MAX_SOURCE:
        return [
            Problem(
                _(
                    "The template is {count} characters; the limit is {limit}. "
                    "A follow-up note is short: cut the template down."
                ).format(count=f"{len(source):,}", limit=f"{MAX_SOURCE:,}")
            )
        ]
    problems: list[Problem] = []
    leading = _LEADING_TAGS.match(source)
    if not source[leading.end() if leading else 0 :].startswith("Subject:"):
        problems.append(
            Problem(
                _("The first line must be the subject, like '{example}'.").format(
                    example="Subject: Thank you, ..."
                ),
                1,
            )
        )
    try:
        return problems + _check_tree(
            env, source, variables=variables, lists=lists, mappings=mappings, earlier=problems
        )
    except RecursionError:  # Jinja's parser and compiler recurse once per bracket or filter
        return [*problems, _too_deep()]
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        return [*problems, Problem(_("A number in the template has too many digits for a draft."))]


def _check_tree(
    env: GroupSandbox,
    source: str,
    *,
    variables: Collection[str],
    lists: Collection[str],
    mappings: Collection[str],
    earlier: list[Problem],
) -> list[Problem]:
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as error:
        return [_syntax_problem(error)]
    found = _Walker(tree, env, lists, mappings).problems() + _unknown_names(tree, variables, env)
    problems = sorted(found, key=lambda p: p.line or 0)
    if not problems and not earlier:
        try:
            env.from_string(tree)  # compile-time checks: filters and tests that don't exist
        except TemplateSyntaxError as error:
            problems.append(_syntax_problem(error))
        except SyntaxError:  # Python's own limit on nesting in the compiled template
            problems.append(_too_deep())
    return problems


def _syntax_problem(error: TemplateSyntaxError) -> Problem:
    """Jinja's message as one sentence (some of its messages end in a full stop already)."""
    return Problem((error.message or "syntax error").rstrip(".") + ".", error.lineno)


def _unknown_names(
    tree: nodes.Template, variables: Collection[str], env: GroupSandbox
) -> list[Problem]:
    # Jinja also reports a name set in only one branch of an `if`; a name the template
    # assigns somewhere is its own, and the test render shows if a branch leaves it unset.
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    known = set(variables) | GLOBALS | assigned
    tracking = _Tracking(env)
    try:
        tracking.visit(tree)
    except TemplateSyntaxError:  # an unknown filter: reported with its line elsewhere
        return []
    unknown = tracking.undeclared_identifiers - known
    problems = []
    for name in sorted(unknown, key=lambda n: _first_line(tree, n)):
        close = difflib.get_close_matches(name, sorted(known), n=1)
        known_names = ", ".join(sorted(variables))
        said = (
            _("'{name}' isn't something drafts know. Did you mean '{close}'? Drafts know: {known}.")
            if close
            else _("'{name}' isn't something drafts know. Drafts know: {known}.")
        )
        problems.append(
            Problem(
                said.format(name=name, close=close[0] if close else "", known=known_names),
                _first_line(tree, name),
            )
        )
    return problems


def _first_line(tree: nodes.Template, name: str) -> int:
    return min((n.lineno for n in tree.find_all(nodes.Name) if n.name == name), default=0)


class _Tracking(meta.TrackingCodeGenerator, MeteredCodeGenerator):
    """Jinja's introspection, on the sandbox's code generator: it folds no constants.

    Jinja's own would run filters on literals while looking for names, unmetered.
    """


class _Walker:
    """Walks the template's syntax tree once, remembering whether it is in a macro or loop."""

    def __init__(
        self,
        tree: nodes.Template,
        env: GroupSandbox,
        lists: Collection[str],
        mappings: Collection[str],
    ) -> None:
        self.tree = tree
        self.env = env
        self.lists = frozenset(lists)
        self.mappings = frozenset(mappings)
        self.macros = frozenset(m.name for m in tree.find_all(nodes.Macro))
        self.modules = frozenset(
            n.target for n in tree.find_all(nodes.Import) if isinstance(n.target, str)
        )

    def problems(self) -> list[Problem]:
        return list(self._visit(self.tree, in_macro=False, depth=0))

    def _visit(self, node: nodes.Node, *, in_macro: bool, depth: int) -> Iterator[Problem]:
        line = node.lineno
        if isinstance(node, nodes.Include | nodes.Extends):
            word = "include" if isinstance(node, nodes.Include) else "extends"
            yield Problem(
                _("{tag} isn't available in group templates; {hint}.").format(
                    tag=f"{{% {word} %}}", hint=_import_hint()
                ),
                line,
            )
            return
        if isinstance(node, nodes.Import | nodes.FromImport):
            if not (isinstance(node.template, nodes.Const) and node.template.value == COMMON):
                yield Problem(
                    _("Only {module} can be imported; {hint}.").format(
                        module=COMMON, hint=_import_hint()
                    ),
                    line,
                )
            return
        if isinstance(node, nodes.Block):
            yield Problem(
                _("{tag} isn't available in group templates; write the text in place.").format(
                    tag="{% block %}"
                ),
                line,
            )
            return
        if isinstance(node, nodes.Macro):
            in_macro = True
        if isinstance(node, nodes.For):
            yield from self._loop(node, depth)
            depth += 1
        if isinstance(node, nodes.Call | nodes.CallBlock):
            yield from self._call(node if isinstance(node, nodes.Call) else node.call, in_macro)
        yield from self._expression(node)
        yield from self._printed(node)
        for child in node.iter_child_nodes():
            if isinstance(node, nodes.Call) and child is node.node and self._is_own_macro(child):
                continue  # the callee of a call: checked in _call
            if isinstance(node, nodes.CallBlock) and child is node.call:
                for grandchild in child.iter_child_nodes():
                    if grandchild is not child.node or not self._is_own_macro(grandchild):
                        yield from self._visit(grandchild, in_macro=in_macro, depth=depth)
                continue
            yield from self._visit(child, in_macro=in_macro, depth=depth)

    def _is_own_macro(self, node: nodes.Node) -> bool:
        return isinstance(node, nodes.Name) and node.name in self.macros

    def _loop(self, node: nodes.For, depth: int) -> Iterator[Problem]:
        if node.recursive:
            yield Problem(_("Recursive loops aren't available in group templates."), node.lineno)
        if depth + 1 > MAX_LOOP_DEPTH:
            yield Problem(
                _("Loops can be nested at most {depth} deep in a group template.").format(
                    depth=MAX_LOOP_DEPTH
                ),
                node.lineno,
            )
        if not self._bounded(node.iter):
            lists = ", ".join(sorted(self.lists)) or "none"
            yield Problem(
                _(
                    "A loop can only run over the draft's own lists ({lists}), a list written "
                    "in the template, or range() of at most {limit} numbers."
                ).format(lists=lists, limit=RANGE_LIMIT),
                node.lineno,
            )

    def _bounded(self, node: nodes.Node) -> bool:
        if isinstance(node, nodes.Name):
            return node.name in self.lists
        if isinstance(node, nodes.List | nodes.Tuple):
            return True
        if isinstance(node, nodes.Filter):
            return node.node is not None and self._bounded(node.node)
        return isinstance(node, nodes.Call) and _is_name(node.node, "range")

    def _call(self, call: nodes.Call, in_macro: bool) -> Iterator[Problem]:
        if in_macro and self._is_own_macro(call.node):
            yield Problem(
                _(
                    "A macro can't call a macro of this template (that could repeat without "
                    "end); write the text out, or call {module}'s macros."
                ).format(module=COMMON),
                call.lineno,
            )
        if _is_name(call.node, "range"):
            yield from _range(call)

    def _expression(self, node: nodes.Node) -> Iterator[Problem]:
        line = node.lineno
        if isinstance(node, nodes.Name) and node.ctx == "load":
            if node.name in self.macros:
                yield Problem(
                    _("The macro '{name}' can only be called, like {call}.").format(
                        name=node.name, call=f"{node.name}()"
                    ),
                    line,
                )
            elif node.name == "self":
                yield Problem(_("'self' isn't available in group templates."), line)
        elif isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            yield Problem(
                _("'{name}' can't be used: names starting with _ are internal.").format(
                    name=node.attr
                ),
                line,
            )
        elif isinstance(node, nodes.Getattr) and node.attr in _METHODS:
            yield Problem(
                _(
                    "'{method}' isn't available in group templates; the text methods are {methods}."
                ).format(method=f".{node.attr}", methods=", ".join(sorted(STR_METHODS))),
                line,
            )
        elif (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str)
            and node.arg.value.startswith("_")
        ):
            yield Problem(
                _("'{name}' can't be used: names starting with _ are internal.").format(
                    name=node.arg.value
                ),
                line,
            )
        elif isinstance(node, nodes.Pow):
            yield Problem(
                _("'**' isn't available in group templates: a draft needs no powers."), line
            )
        elif isinstance(node, nodes.Mul) and any(
            _is_text_or_list(side) for side in (node.left, node.right)
        ):
            yield Problem(
                _("Repeating text or lists with '*' isn't available in group templates."), line
            )
        elif isinstance(node, nodes.Mod) and _is_text_or_list(node.left):
            yield Problem(
                _("'%' formatting isn't available in group templates; join text with ~."), line
            )
        elif isinstance(node, nodes.Filter) and node.name not in self.env.filters:
            yield Problem(
                _(
                    "The filter '{name}' isn't available in group templates; available: {filters}."
                ).format(name=node.name, filters=", ".join(sorted(self.env.filters))),
                line,
            )

    def _printed(self, node: nodes.Node) -> Iterator[Problem]:
        """What is printed, joined with ~ or given to a text filter must be text or a number.

        Printed, a function shows its memory address and a list its Python form.
        """
        if isinstance(node, nodes.Output):
            texts = [n for n in node.nodes if not isinstance(n, nodes.TemplateData)]
        elif isinstance(node, nodes.Concat):
            texts = node.nodes
        elif isinstance(node, nodes.Filter) and node.name in TEXT_FILTERS and node.node:
            texts = [node.node]
        else:
            return
        for text in texts:
            what = self._not_text(text)
            if what is not None:
                label, kind, hint = what
                yield Problem(
                    _("'{name}' is {kind}, which can't be printed as text; {hint}.").format(
                        name=label, kind=kind, hint=hint
                    ),
                    text.lineno,
                )

    def _not_text(self, node: nodes.Node) -> tuple[str, str, str] | None:
        """(name, what it is, how to fix it) when `node` is known not to be text."""
        call = _("call it, like {example}").format(example="company.upper()")
        items = _("print one item, or join them, like {example}").format(
            example="topics|join(', ')"
        )
        function, a_list = _("a function"), _("a list")
        if isinstance(node, nodes.Name):
            if node.name in GLOBALS or node.name == "caller":
                return node.name, function, call
            if node.name in self.lists:
                return node.name, a_list, items
            if node.name in self.mappings:
                example = f"{node.name}.name"
                return (
                    node.name,
                    _("a set of fields"),
                    _("print one, like {example}").format(example=example),
                )
            if node.name == "loop":
                return (
                    node.name,
                    _("the loop's helper"),
                    _("print one of its values, like {example}").format(example="loop.index"),
                )
            if node.name in self.modules:
                example = f"{node.name}.closing(tone)"
                return (
                    node.name,
                    _("a set of macros"),
                    _("call one, like {example}").format(example=example),
                )
        elif isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
            label = f"{node.node.name}.{node.attr}"
            base = node.node.name
            if (
                base in self.modules
                or (base == "loop" and node.attr in _LOOP_METHODS)
                or (base not in self.mappings and node.attr in STR_METHODS)
            ):
                return label, function, call
        elif isinstance(node, nodes.List | nodes.Tuple | nodes.Dict):
            return "[...]", a_list, items
        elif isinstance(node, nodes.Filter) and node.name in _LIST_FILTERS:
            return f"|{node.name}", a_list, items
        elif isinstance(node, nodes.Const) and (node.value is None or isinstance(node.value, bool)):
            return str(node.value).lower(), _("not text"), _("write the words instead")
        return None


def _range(call: nodes.Call) -> Iterator[Problem]:
    values = [a.value for a in call.args if isinstance(a, nodes.Const)]
    constant = (
        len(values) == len(call.args)
        and 1 <= len(values) <= 3
        and all(isinstance(v, int) and not isinstance(v, bool) for v in values)
        and not call.kwargs
        and call.dyn_args is None
        and call.dyn_kwargs is None
    )
    if not constant or len(range(*values)) > RANGE_LIMIT:
        yield Problem(
            _("range() takes plain numbers and may give at most {limit}, like {example}.").format(
                limit=RANGE_LIMIT, example="range(3)"
            ),
            call.lineno,
        )


def _is_name(node: nodes.Node, name: str) -> bool:
    return isinstance(node, nodes.Name) and node.name == name


def _is_text_or_list(node: nodes.Node) -> bool:
    if isinstance(node, nodes.Const):
        return isinstance(node.value, str)
    return isinstance(node, nodes.List | nodes.Tuple | nodes.TemplateData | nodes.Concat)
