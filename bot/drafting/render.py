"""Render a draft from a template in `templates/` (English) or `templates/<language>/`.

A template's first line is `Subject: ...`; the rest is the body, written as paragraphs
separated by blank lines. Lines inside a paragraph are joined, so templates can keep one
clause per line without fighting Jinja's whitespace rules. The signature is appended by the
renderer with its own line breaks. Strict undefined variables make a missing field an error
at render time instead of a silent blank in an email someone sends to a hiring manager.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    DictLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
)

from bot.drafting.sandbox import GroupSandbox, Limits
from bot.i18n import FRENCH_SPACE_BEFORE

log = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
ENGLISH = "en"
_PARAGRAPHS = re.compile(r"\n\s*\n")
# Runs of white space, but for the no-break spaces a language sets on purpose ("«\u202fOui\u202f»").
_SPACES = re.compile(r"[^\S\u00a0\u202f]+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?])")
# French sets '?', '!', ':' and ';' off with a no-break space (bot/i18n.py's FRENCH_SPACE_BEFORE).
_FRENCH_TIGHT = re.compile(r"\s+([,.])")
_FRENCH_HIGH = re.compile(r"(?<=[^\s(\[«?!])\s*([;:!?])(?![\d/])")
# A full stop after a sentence that already ended: "Solstice Outdoor Co.." or "weekend work?."
# (never an ellipsis, which has three). The mark comes first and the look-behind after it, so
# the regex engine skips from mark to mark.
_DOUBLED_STOP = re.compile(r"([.?!])(?<!\.[.?!])\.(?!\.)")


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
        self,
        templates_dir: Path = TEMPLATES_DIR,
        overrides: Mapping[str, str] | None = None,
        *,
        fallback: DraftRenderer | None = None,
        limits: Limits | None = None,
        language: str = ENGLISH,
    ) -> None:
        self.language = language
        self._languages: dict[str, DraftRenderer] = {language: self}
        if overrides:
            # A career group's own templates run sandboxed (bot/drafting/sandbox.py), and are
            # looked up first, so each kind falls back to ours when the group has none.
            loader = ChoiceLoader([DictLoader(dict(overrides)), FileSystemLoader(templates_dir)])
            self._env: Environment = group_environment(loader, limits)
        else:
            self._env = Environment(loader=FileSystemLoader(templates_dir), **_OPTIONS)  # noqa: S701
            _add_filters(self._env)
        self._templates_dir = templates_dir
        self._fallback = fallback
        self._names = frozenset(self._env.list_templates())

    def with_overrides(
        self,
        overrides: Mapping[str, str],
        *,
        fallback: bool = False,
        limits: Limits | None = None,
    ) -> DraftRenderer:
        """A renderer that prefers a group's templates (`{kind}.txt.j2` names) to ours.

        With `fallback` (members' drafts), a group's template that fails or is refused at
        render time (over its `limits` of time, operations or size, say) is logged and the
        draft comes from ours: a member always gets a draft. Without it (validation,
        preview), the failure is raised to be shown.
        """
        return DraftRenderer(
            self._templates_dir,
            overrides,
            fallback=self if fallback else None,
            limits=limits,
            language=self.language,
        )

    def in_language(self, language: str) -> DraftRenderer:
        """Our templates in `language` (`templates/<language>/`), loaded once.

        Asked of our English renderer; a group's renderer answers only for its own language.
        """
        found = self._languages.get(language)
        if found is None:
            if self._fallback is not None or self._templates_dir != TEMPLATES_DIR:
                raise LookupError(f"a group's or a language's renderer has no {language!r}")
            found = DraftRenderer(TEMPLATES_DIR / language, language=language)
            self._languages[language] = found
        return found

    def has(self, kind: str) -> bool:
        """Whether a template exists for this kind."""
        return f"{kind}.txt.j2" in self._names

    def source(self, name: str) -> str:
        """A template's text, for an admin to start their group's version from."""
        if self._env.loader is None:
            raise LookupError(name)
        return self._env.loader.get_source(self._env, name)[0]

    def render(self, kind: str, context: Mapping[str, Any], signature: Sequence[str] = ()) -> Draft:
        """Render the `kind` template (and its LinkedIn variant) with `context`."""
        if self._fallback is None:
            return self._render(kind, context, signature)
        try:
            return self._render(kind, context, signature)
        except Exception:  # a group's template can fail in any way; the member still gets one
            log.warning("group template %r refused at render; using ours", kind, exc_info=True)
            return self._fallback.render(kind, context, signature)

    def _render(self, kind: str, context: Mapping[str, Any], signature: Sequence[str]) -> Draft:
        text = self._text(f"{kind}.txt.j2", context)
        first, _, rest = text.strip().partition("\n")
        if not first.startswith("Subject:"):
            raise ValueError(f"template {kind} must start with 'Subject:'")
        paragraphs = [_flow(p, self.language) for p in _PARAGRAPHS.split(rest.strip())]
        body = "\n\n".join(p for p in paragraphs if p)
        if signature:
            body += "\n" + "\n".join(signature)
        linkedin = None
        if f"{kind}.linkedin.txt.j2" in self._names:
            linkedin = _flow(self._text(f"{kind}.linkedin.txt.j2", context), self.language)
        return Draft(kind, _flow(first.removeprefix("Subject:"), self.language), body, linkedin)

    def _text(self, name: str, context: Mapping[str, Any]) -> str:
        template = self._env.get_template(name)
        if isinstance(self._env, GroupSandbox):
            return self._env.render_bounded(template, context)
        return template.render(context)


_OPTIONS: dict[str, Any] = {
    "undefined": StrictUndefined,
    "autoescape": False,  # plain-text email, never HTML
    "trim_blocks": True,
    "lstrip_blocks": True,
    "auto_reload": False,  # templates change with a deploy, not while running
}


def group_environment(
    loader: BaseLoader | None = None, limits: Limits | None = None
) -> GroupSandbox:
    """The sandbox a group's templates are checked and rendered in, with our options."""
    env = GroupSandbox(loader=loader, limits=limits, **_OPTIONS)
    _add_filters(env)
    env.meter_filters()
    return env


def _add_filters(env: Environment) -> None:
    env.filters["sentence"] = sentence
    env.filters["trim_end"] = trim_end


def sentence(text: str) -> str:
    """Member's words as the end of a sentence: with exactly one full stop."""
    text = trim_end(text)
    return text + "." if text else text


def trim_end(text: str) -> str:
    """Member's words without trailing punctuation, to sit inside a sentence of ours."""
    return text.strip().rstrip(".;:,!")


def _flow(paragraph: str, language: str = ENGLISH) -> str:
    """One paragraph as one line: single spaces, punctuation spaced the language's way, one stop.

    English and most languages put no space before punctuation; French puts a no-break
    space before ':' and a narrow one before '?', '!' and ';' ("Merci\u202f!"), never one
    before ',' or '.'.
    """
    if "\u00a0" in paragraph or "\u202f" in paragraph:
        flowing = _SPACES.sub(" ", paragraph).strip()
    else:  # the usual case, and split() is several times faster than the regex
        flowing = " ".join(paragraph.split())
    if language == "fr":
        flowing = _FRENCH_TIGHT.sub(r"\1", flowing)
        flowing = _FRENCH_HIGH.sub(lambda m: FRENCH_SPACE_BEFORE[m[1]] + m[1], flowing)
    else:
        flowing = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", flowing)
    return _DOUBLED_STOP.sub(r"\1", flowing)
