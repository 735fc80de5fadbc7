"""Turn command text into positionals, options, interview numbers and people.

Members type the same text in Slack, Discord and the console, often on a phone, so the
grammar is small and forgiving: smart quotes count as quotes, apostrophes inside words
are left alone, and every mistake becomes a `UserError` the bot can answer politely.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from bot.domain.text import snippet
from bot.errors import UserError
from bot.i18n import _

MAX_INPUT_CHARS = 4000
"""Chat platforms cap messages near this size; anything longer is a paste gone wrong."""

"""More interviewers than this for one interview is almost certainly a mistake."""

MAX_INTERVIEW_NUMBER = 2**31 - 1
"""Interview numbers are stored as 32-bit database integers."""

# Phones swap straight quotes for typographic ones; a quote closes with any member of
# its family so “…”, ”…”, „…“ and "…" all work alike. Escapes keep ruff's RUF001 quiet.
_DOUBLE_QUOTES = frozenset('"\u201c\u201d\u201e')
_SINGLE_QUOTES = frozenset("'\u2018\u2019\u201a")
_QUOTES = _DOUBLE_QUOTES | _SINGLE_QUOTES

# A key is a word in any script (`joão=`, `müller=` for an interviewer's notes): an
# accented key read as a bare word would be dropped while the other notes were saved.
_KEY = re.compile(r"([^\W\d][\w-]*)=")
_REF = re.compile(r"#?([0-9]{1,10})", re.ASCII)

# A terminal escape sequence pasted from a shell: CSI (colours, cursor moves: ESC [ or the
# one-byte C1 CSI, parameters, a final byte) and OSC (a window title: ESC ] ... BEL or ST),
# dropped whole so no "[31m" is left behind.
_ANSI = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
# C0 and C1 control characters, DEL among them, but for tab and newline.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class ParsedArgs:
    """What a member typed after the command name, split into bare words and options."""

    positionals: tuple[str, ...]
    """Bare words and quoted strings in order, e.g. ("#3", "thank_you", "Jane")."""

    options: Mapping[str, str] = field(hash=False)
    """key=value pairs; keys lower-cased with '-' as '_', values unquoted and stripped.

    An empty value (``key=``) is kept as "" because it means "clear this field".
    Read-only so a handler cannot accidentally change what another handler sees.
    """


def clean_text(text: str) -> str:
    """What a member typed, without the control characters nobody means to store.

    PostgreSQL refuses NUL in text where SQLite keeps it, and an ANSI escape echoed back
    would repaint a console; both engines and every platform get the same text. A carriage
    return becomes a newline (a Windows paste), any other stray ESC or control goes alone.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", _ANSI.sub("", text))


def parse_args(text: str) -> ParsedArgs:
    """Split command text into positionals and ``key=value`` options.

    Only a quote at the very start of a token or value opens a quoted string, so
    ``company=O'Reilly`` and ``note=don't`` stay plain words. A quoted string ends at a
    matching quote followed by whitespace or the end of the text, which lets
    ``note='don't worry'`` and ``note="he said "no""`` read as people mean them.
    Inside quotes a backslash escapes a quote or another backslash.
    """
    _check_length(text)
    positionals: list[str] = []
    options: dict[str, str] = {}
    i, n = 0, len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            break
        start = i
        key_match = _KEY.match(text, i)
        if key_match:
            key = key_match.group(1).lower().replace("-", "_")
            value, i = _read_value(text, key_match.end(), start)
            if key in options:
                raise UserError(
                    _("You gave {option} more than once.").format(option=f"{key}="),
                    hint=_("Give each option once, like {example}.").format(example=f'{key}="..."'),
                )
            options[key] = value.strip()
        else:
            value, i = _read_value(text, i, start)
            positionals.append(value.strip())
    return ParsedArgs(positionals=tuple(positionals), options=MappingProxyType(options))


def parse_ref(token: str) -> int:
    """Read an interview number written as ``#3`` or ``3``.

    Members copy numbers from /interview list, which shows them with '#', but often
    drop it; anything else is refused rather than guessed at.
    """
    match = _REF.fullmatch(token.strip())
    number = int(match.group(1)) if match else 0
    if not 1 <= number <= MAX_INTERVIEW_NUMBER:
        raise UserError(
            _("'{typed}' isn't an interview number.").format(typed=snippet(token)),
            hint=_("Use the number from /interview list, like #3."),
        )
    return number


def _check_length(text: str) -> None:
    """Refuse oversized input before doing any work on it."""
    if len(text) > MAX_INPUT_CHARS:
        raise UserError(
            _("That's {count:,} characters; the limit is {limit:,}.").format(
                count=len(text), limit=MAX_INPUT_CHARS
            ),
            hint=_("Shorten it, or split long notes across several commands."),
        )


def _read_value(text: str, i: int, start: int) -> tuple[str, int]:
    """Read one quoted or bare value at ``i``; return it and the index just past it."""
    n = len(text)
    if i >= n or text[i] not in _QUOTES:
        end = i
        while end < n and not text[end].isspace():
            end += 1
        return text[i:end], end
    closers = _DOUBLE_QUOTES if text[i] in _DOUBLE_QUOTES else _SINGLE_QUOTES
    chars: list[str] = []
    j = i + 1
    while j < n:
        ch = text[j]
        if ch == "\\" and j + 1 < n and (text[j + 1] in _QUOTES or text[j + 1] == "\\"):
            chars.append(text[j + 1])
            j += 2
            continue
        if ch in closers and (j + 1 == n or text[j + 1].isspace()):
            return "".join(chars), j + 1
        chars.append(ch)
        j += 1
    raise UserError(
        _("There's an unmatched quote near `{typed}`.").format(typed=snippet(text[start:])),
        hint=_("Put quotes around values with spaces, like {example}.").format(
            example='company="Acme Corp"'
        ),
    )
