"""Every message the bot says is translated into every language it speaks.

The messages are extracted from the code as `pybabel extract` would (`_`, `N_`,
`ngettext`), so a new message without its translations fails here, naming it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.domain.languages import DEFAULT_LANGUAGE, LANGUAGES
from bot.i18n import FRENCH_SPACE_BEFORE, LOCALES_DIR, _, catalogue, speaking

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(?\w*\)?[sd]")
OTHERS = [code for code in LANGUAGES if code != DEFAULT_LANGUAGE]


def _extracted() -> dict[str, tuple[str, ...]]:
    """msgid -> (msgid, plural?) for every marked message in bot/ and adapters/."""
    found: dict[str, tuple[str, ...]] = {}
    for folder in ("bot", "adapters"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / folder, keywords=KEYWORDS, comment_tags=()
        ):
            forms = message if isinstance(message, tuple) else (message,)
            found[forms[0]] = forms
    return found


MESSAGES = _extracted()


def _catalog(language: str) -> Catalog:
    merged = Catalog(locale=language)
    for path in sorted((LOCALES_DIR / language / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as source:
            for message in read_po(source, locale=language):
                if message.id:
                    merged[message.id] = message
    return merged


def test_the_code_marks_its_messages_for_translation() -> None:
    assert len(MESSAGES) > 300, "the bot's words are marked _() in bot/ and adapters/"


@pytest.mark.parametrize("language", OTHERS)
def test_every_message_has_a_translation(language: str) -> None:
    catalog = _catalog(language)
    missing = []
    for msgid in MESSAGES:
        message = catalog.get(msgid)
        strings = message.string if message else None
        forms = strings if isinstance(strings, tuple) else (strings,)
        if message is None or message.fuzzy or not all(forms):
            missing.append(msgid)
    assert not missing, f"{len(missing)} messages untranslated in {language}: {missing[:10]}"


@pytest.mark.parametrize("language", OTHERS)
def test_a_translation_keeps_every_placeholder(language: str) -> None:
    catalog = _catalog(language)
    wrong = []
    for msgid, forms in MESSAGES.items():
        message = catalog.get(msgid)
        if message is None:
            continue
        wanted = set(PLACEHOLDER.findall(forms[-1])) | set(PLACEHOLDER.findall(forms[0]))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in filter(None, strings):
            said = set(PLACEHOLDER.findall(text))
            # A plural's singular may say "one" for {count}; nothing else may be dropped.
            if said - wanted or (len(forms) == 1 and said != wanted):
                wrong.append((msgid, text))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("language", OTHERS)
def test_no_translation_is_left_over_from_a_message_the_code_no_longer_says(
    language: str,
) -> None:
    ids = (m.id[0] if isinstance(m.id, tuple) else m.id for m in _catalog(language) if m.id)
    stale = [msgid for msgid in ids if msgid not in MESSAGES]
    assert not stale, f"{language} translates messages the code no longer has: {stale[:10]}"


def test_the_bot_speaks_the_requested_language_and_english_by_default() -> None:
    msgid = next(iter(MESSAGES))
    assert _(msgid) == msgid
    with speaking("de"):
        assert _(msgid) == catalogue("de").gettext(msgid)
    with speaking("xx"):
        assert _(msgid) == msgid


# --- French spacing: a no-break space before ':' ';' '?' '!' and inside « » ------------

# What in a French msgstr is not French prose, so keeps the spacing it has: placeholders
# with their format specs ({count:,}), URLs, the command syntax a member types (`key=value`,
# `key="Nom : sujet"`), and "Subject:", the literal first line of a draft template.
_NOT_PROSE = re.compile(r'[\w{}]+=(?:"[^"]*"|\S+)|\S+://\S+|\{[^{}]*\}|\bSubject:')
# A mark followed by a letter, digit or '/' is not punctuation either: a time (10:30), a
# console command (:advance), an option written key:value (timezone:Europe/Berlin).
_MARK = re.compile(r"(.)([:;?!])(?![\w/])")


def _french_spacing_faults(text: str) -> list[str]:
    """Where `text` spaces ':' ';' '?' '!' or « » otherwise than bot/i18n.py's rule."""
    prose = _NOT_PROSE.sub("X", text)
    faults = []
    for m in _MARK.finditer(prose):
        before, mark = m.groups()
        if before.isalpha() or before in "X)]»" or (before.isspace() and before != SPACE[mark]):
            faults.append(prose[max(0, m.start() - 15) : m.end()])
    for m in re.finditer(r"«(.?)|(.?)»", prose):
        if (m[1] if m[0].startswith("«") else m[2]) != SPACE[":"]:
            faults.append(prose[max(0, m.start() - 15) : m.end() + 15])
    return faults


SPACE = FRENCH_SPACE_BEFORE


@pytest.mark.parametrize(
    ("text", "faults"),
    [
        ("Langue\u00a0: français\u202f; fuseau\u202f? oui\u202f!", 0),
        ("«\u00a0{word}\u00a0» à 10:30, :advance 25h, timezone:Europe/Berlin", 0),
        ('https://x.example/a?b=c, quiet_hours="21:00-08:00", about="Nom : sujet"', 0),
        ("{count:,} caractères, (première ligne\u00a0: Subject: ...), séparées par ';'", 0),
        ("Langue: français", 1),
        ("Langue : français", 1),  # a plain space lets ':' start a line
        ("Merci\u00a0!", 1),  # '!' takes the narrow one
        ("Vraiment? Oui!", 2),
        ("{what}: {count}", 1),
        ("« {word} »", 2),
        ("«{word}»", 2),
    ],
)
def test_the_french_spacing_check_fires_where_it_should(text: str, faults: int) -> None:
    assert len(_french_spacing_faults(text)) == faults, _french_spacing_faults(text)


def test_french_translations_space_their_punctuation_the_french_way() -> None:
    wrong = []
    for message in filter(lambda m: m.id, _catalog("fr")):  # not the header
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in filter(None, strings):
            wrong += [(message.id, fault) for fault in _french_spacing_faults(text)]
    assert not wrong, f"{len(wrong)} French spacing faults: {wrong[:10]}"
