"""Render a draft from a template in `templates/`.

A template's first line is `Subject: ...`; the rest, after a blank line, is the body. Strict
undefined variables make a missing field an error at render time instead of a silent blank
in an email someone sends to a hiring manager.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Draft:
    """A rendered email: subject and body, ready for the proofreader and the member."""

    kind: str
    subject: str
    body: str


class DraftRenderer:
    """Loads templates once and renders drafts by kind."""

    def __init__(self, templates_dir: Path = TEMPLATES_DIR) -> None:
        self._env = Environment(
            loader=FileSystemLoader(templates_dir),
            undefined=StrictUndefined,
            autoescape=False,  # noqa: S701 - plain-text email, never HTML
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )

    def has(self, kind: str) -> bool:
        """Whether a template exists for this kind."""
        return f"{kind}.txt.j2" in self._env.list_templates()

    def render(self, kind: str, context: Mapping[str, Any]) -> Draft:
        """Render the `kind` template with `context` into a subject and a body."""
        text = self._env.get_template(f"{kind}.txt.j2").render(context)
        first, _, rest = text.strip().partition("\n")
        if not first.startswith("Subject:"):
            raise ValueError(f"template {kind} must start with 'Subject:'")
        body = _BLANK_RUNS.sub("\n\n", rest.strip())
        return Draft(kind=kind, subject=first.removeprefix("Subject:").strip(), body=body)
