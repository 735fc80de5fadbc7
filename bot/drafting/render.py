"""Render a draft from a template in `templates/`.

A template's first line is `Subject: ...`; the rest is the body, written as paragraphs
separated by blank lines. Lines inside a paragraph are joined, so templates can keep one
clause per line without fighting Jinja's whitespace rules. The signature is appended by the
renderer with its own line breaks. Strict undefined variables make a missing field an error
at render time instead of a silent blank in an email someone sends to a hiring manager.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
_PARAGRAPHS = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?])")


@dataclass(frozen=True)
class Draft:
    """A rendered email: subject and body, plus a short LinkedIn variant where one fits."""

    kind: str
    subject: str
    body: str
    linkedin: str | None = None


class DraftRenderer:
    """Loads templates once and renders drafts by kind."""

    def __init__(
        self, templates_dir: Path = TEMPLATES_DIR, overrides: Mapping[str, str] | None = None
    ) -> None:
        options: dict[str, Any] = {
            "undefined": StrictUndefined,
            "autoescape": False,  # plain-text email, never HTML
            "trim_blocks": True,
            "lstrip_blocks": True,
            "auto_reload": False,  # templates change with a deploy, not while running
        }
        if overrides:
            # A career group's own templates run sandboxed (no access to internals), and are
            # looked up first, so each kind falls back to ours when the group has none.
            loader = ChoiceLoader([DictLoader(dict(overrides)), FileSystemLoader(templates_dir)])
            self._env: Environment = SandboxedEnvironment(loader=loader, **options)
        else:
            self._env = Environment(loader=FileSystemLoader(templates_dir), **options)  # noqa: S701
        self._templates_dir = templates_dir
        self._env.filters["sentence"] = sentence
        self._env.filters["trim_end"] = trim_end
        self._names = frozenset(self._env.list_templates())

    def with_overrides(self, overrides: Mapping[str, str]) -> DraftRenderer:
        """A renderer that prefers a group's templates (`{kind}.txt.j2` names) to ours."""
        return DraftRenderer(self._templates_dir, overrides)

    def has(self, kind: str) -> bool:
        """Whether a template exists for this kind."""
        return f"{kind}.txt.j2" in self._names

    def render(self, kind: str, context: Mapping[str, Any], signature: Sequence[str] = ()) -> Draft:
        """Render the `kind` template (and its LinkedIn variant) with `context`."""
        text = self._env.get_template(f"{kind}.txt.j2").render(context)
        first, _, rest = text.strip().partition("\n")
        if not first.startswith("Subject:"):
            raise ValueError(f"template {kind} must start with 'Subject:'")
        paragraphs = [_flow(p) for p in _PARAGRAPHS.split(rest.strip())]
        body = "\n\n".join(p for p in paragraphs if p)
        if signature:
            body += "\n" + "\n".join(signature)
        linkedin = None
        if f"{kind}.linkedin.txt.j2" in self._names:
            linkedin = _flow(self._env.get_template(f"{kind}.linkedin.txt.j2").render(context))
        return Draft(kind, _flow(first.removeprefix("Subject:")), body, linkedin)


def sentence(text: str) -> str:
    """Member's words as the end of a sentence: with exactly one full stop."""
    text = trim_end(text)
    return text + "." if text else text


def trim_end(text: str) -> str:
    """Member's words without trailing punctuation, to sit inside a sentence of ours."""
    return text.strip().rstrip(".;:,!")


def _flow(paragraph: str) -> str:
    """One paragraph as one line: joined lines, single spaces, no space before punctuation."""
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _SPACES.sub(" ", paragraph)).strip()
