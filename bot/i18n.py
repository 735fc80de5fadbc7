"""The bot's own words in the member's language: gettext catalogues read with Babel.

Every reply, DM, button, form, help text and error is written in English in the code and
marked `_("...")` (or `N_("...")` where it is defined before anyone reads it, then passed
through `_()` where it is shown). `locales/<language>/LC_MESSAGES/*.po` hold each
language's translations; they are read once per process, so there is no compiled file to
build. Which language `_()` speaks is the request's: `speaking(language)` sets it around a
command or a DM, and contextvars carry it across awaits. Command names and option keys
(`/interview log`, `company=`) are syntax and never translated.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from gettext import NullTranslations
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from bot.domain.languages import DEFAULT_LANGUAGE, LANGUAGES

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"
_speaking: ContextVar[str] = ContextVar("speaking", default=DEFAULT_LANGUAGE)
# The space French sets before a high mark, as the Imprimerie nationale's rules have it: a
# no-break space before ':' (and inside « »), a narrow one before ';', '!' and '?'. Drafts,
# field rows and the French catalogue all follow it; no other language spaces them.
FRENCH_SPACE_BEFORE = {":": "\u00a0", ";": "\u202f", "!": "\u202f", "?": "\u202f"}


@functools.cache
def catalogue(language: str) -> NullTranslations:
    """A language's translations, from every `.po` file of it (English: the code's own)."""
    if language == DEFAULT_LANGUAGE or language not in LANGUAGES:
        return NullTranslations()
    merged: NullTranslations | None = None
    for path in sorted((LOCALES_DIR / language / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as source:
            catalog = read_po(source, locale=language)
        compiled = io.BytesIO()
        write_mo(compiled, catalog)
        compiled.seek(0)
        part = Translations(compiled, domain=path.stem)
        if merged is None:
            merged = part
        else:
            merged.add_fallback(part)
    return merged or NullTranslations()


def current_language() -> str:
    """The language the bot is speaking in right now."""
    return _speaking.get()


@contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """Speak `language` (None: English) inside the block: `_()` translates into it."""
    token = _speaking.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _speaking.reset(token)


def _(message: str) -> str:
    """`message` in the current language; English where a translation is missing."""
    return catalogue(_speaking.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the current language."""
    return catalogue(_speaking.get()).ngettext(singular, plural, count)


def labelled(label: str, value: str, language: str | None = None) -> str:
    """'label: value' as `language` (None: the one being spoken) writes it.

    French sets the colon off: 'Langue\u00a0: français'.
    """
    before = FRENCH_SPACE_BEFORE[":"] if (language or _speaking.get()) == "fr" else ""
    return f"{label}{before}: {value}"


def N_(message: str) -> str:
    """Mark `message` for translation without translating it yet: `_()` it where shown."""
    return message
