"""The languages a member can follow up in, and how members and platforms name them.

One member may interview in two languages, so a language is chosen per member, per group
and per interview; a platform's locale ("es-ES", "pt-BR") is a sensible first guess.
"""

from __future__ import annotations

import re

from bot.domain.text import unaccented
from bot.errors import UserError

# Code -> the language's name in English and in itself.
LANGUAGES: dict[str, tuple[str, str]] = {
    "en": ("English", "English"),
    "es": ("Spanish", "español"),
    "fr": ("French", "français"),
    "de": ("German", "Deutsch"),
    "pt": ("Portuguese", "português"),
}
DEFAULT_LANGUAGE = "en"
# What else members call them, without accents: "castellano", "portugues", "allemand".
_OTHER_NAMES = {
    "castellano": "es",
    "espanol": "es",
    "espagnol": "es",
    "spanisch": "es",
    "espanhol": "es",
    "francais": "fr",
    "frances": "fr",
    "franzosisch": "fr",
    "franzoesisch": "fr",
    "deutsch": "de",
    "aleman": "de",
    "allemand": "de",
    "alemao": "de",
    "portugues": "pt",
    "portugais": "pt",
    "portugiesisch": "pt",
    "ingles": "en",
    "anglais": "en",
    "englisch": "en",
}
_LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}$")
MAX_LOCALE = 16


def parse_language(text: str) -> str:
    """A language's code from its code, its English name or its own ("Spanish", "español").

    The refusal lists the choices with their English names in English, and with each
    language's own name in any other language ("de (Deutsch)"), which needs no translating.
    """
    # Imported here: bot.i18n reads this module's LANGUAGES when it is imported itself.
    from bot.i18n import _, current_language  # noqa: PLC0415

    word = unaccented(text.strip())
    for code, names in LANGUAGES.items():
        if word == code or word in (unaccented(name) for name in names):
            return code
    found = _OTHER_NAMES.get(word) or language_of_locale(text.strip())
    if found is None:
        name = 0 if current_language() == DEFAULT_LANGUAGE else 1
        choices = ", ".join(f"{code} ({names[name]})" for code, names in LANGUAGES.items())
        raise UserError(
            _("I don't know the language '{typed}'.").format(typed=text.strip()),
            hint=_("Use {choices}.").format(choices=choices),
        )
    return found


def language_of_locale(locale: str | None) -> str | None:
    """The language of a platform locale ("pt-BR" is Portuguese), when it is one of ours."""
    if not locale or not _LOCALE.match(locale):
        return None
    code = locale.replace("_", "-").split("-")[0].casefold()
    return code if code in LANGUAGES else None


def platform_locale(locale: str | None) -> str | None:
    """A locale as a platform sent it, fit to store, or None when it does not look like one."""
    if locale and len(locale) <= MAX_LOCALE and _LOCALE.match(locale):
        return locale
    return None


def language_label(code: str) -> str:
    """How a language is shown: "Spanish (español)" in English, "español" in Spanish.

    Speaking another language, each is named in itself ("Deutsch", "English"), as language
    menus do, so nothing of it needs a translation.
    """
    from bot.i18n import current_language  # noqa: PLC0415 (bot.i18n reads this module)

    english, own = LANGUAGES[code]
    if current_language() != DEFAULT_LANGUAGE:
        return own
    return english if english == own else f"{english} ({own})"
