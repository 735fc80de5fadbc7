"""What Discord refuses in a list of application commands that the OpenAPI spec lets through.

The spec checks each field's type and length; these are the rules between the fields and
across the list, as developers/interactions/application-commands.mdx (in
github.com/discord/discord-api-docs) documents them: how a name may be spelled for each
command type, that context-menu commands (USER, MESSAGE) take no description and no
options, that names are unique per type, and how many commands of each type an app may have.
`check_commands` raises `Refused` with Discord's own code, as the other rules do.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any

from .discord_contract import error, invalid_form

CHAT_INPUT, USER_COMMAND, MESSAGE_COMMAND = 1, 2, 3
CONTEXT_MENU = frozenset({USER_COMMAND, MESSAGE_COMMAND})
# Application Command Naming: CHAT_INPUT names (and every option's) match
# `^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$` "with the unicode flag set", in lower case
# where a letter has one; USER and MESSAGE names "may be mixed case and can include spaces"
# (the spec's 1-32 characters still hold). Without the `regex` package, the Devanagari and
# Thai vowel signs are taken as what they are to Unicode: combining marks (M*).
NAME_PUNCTUATION = frozenset("-_'")
# Registering a Command: "100 global CHAT_INPUT commands, 15 global USER commands, 15
# global MESSAGE commands", and "the same amount of guild-specific commands per guild".
MAX_OF_TYPE = {CHAT_INPUT: 100, USER_COMMAND: 15, MESSAGE_COMMAND: 15}


def check_commands(commands: Any) -> None:
    """Raise `Refused` (discord_contract) as Discord would for a bulk overwrite of one scope."""
    if not isinstance(commands, list):
        return
    for index, command in enumerate(commands):
        if isinstance(command, dict):
            _command(command, [index])
    kinds = Counter(_kind(c) for c in commands if isinstance(c, dict))
    for kind, count in kinds.items():
        if count > MAX_OF_TYPE.get(kind, 1):
            # topics/opcodes-and-status-codes.mdx, JSON Error Codes: 30032.
            raise error(400, 30032, "Maximum number of application commands reached")
    # Registering a Command: "command names must be unique per application, per type, and
    # within each scope"; a bulk overwrite naming one twice is refused whole.
    names = Counter((_kind(c), c.get("name")) for c in commands if isinstance(c, dict))
    if any(count > 1 for count in names.values()):
        raise invalid_form(
            [],
            "APPLICATION_COMMANDS_DUPLICATE_NAME",
            "Application command names must be unique",
        )


def _kind(command: dict[str, Any]) -> int:
    """Application Command Structure: `type` "defaults to 1"."""
    kind = command.get("type")
    return kind if isinstance(kind, int) else CHAT_INPUT


def _command(command: dict[str, Any], at: list[str | int]) -> None:
    kind = _kind(command)
    if kind in CONTEXT_MENU:
        # Message Commands, User Commands: "The description field is not allowed when
        # creating" them; fetched, it reads "" (and Discord takes "" back since 2023,
        # discord-api-docs issue #5836). The refusal's code is Discord's own.
        if command.get("description") or command.get("description_localizations"):
            raise invalid_form(
                [*at, "description"],
                "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION_INVALID",
                "Context menu commands cannot have description",
            )
        # Application Command Structure: "options can only be set for application commands
        # of type CHAT_INPUT".
        if command.get("options") is not None:
            raise invalid_form(
                [*at, "options"],
                "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS_INVALID",
                "Context menu commands cannot have options",
            )
        return
    if kind == CHAT_INPUT:
        _chat_names(command, at)
        for index, option in enumerate(command.get("options") or []):
            if isinstance(option, dict):
                _option_names(option, [*at, "options", index])


def _chat_names(item: dict[str, Any], at: list[str | int]) -> None:
    """A CHAT_INPUT name and each of its localizations ("the same restrictions as name")."""
    names = [("name", item.get("name"))]
    names += [
        ("name_localizations", value) for value in (item.get("name_localizations") or {}).values()
    ]
    for field, name in names:
        if isinstance(name, str) and not _chat_name_ok(name):
            raise invalid_form(
                [*at, field], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"
            )


def _option_names(option: dict[str, Any], at: list[str | int]) -> None:
    _chat_names(option, at)
    for index, child in enumerate(option.get("options") or []):
        if isinstance(child, dict):
            _option_names(child, [*at, "options", index])


def _chat_name_ok(name: str) -> bool:
    """The naming regex, and lower case wherever a letter has a lower-case form."""
    return (
        all(c in NAME_PUNCTUATION or unicodedata.category(c)[0] in "LNM" for c in name)
        and name == name.lower()
    )
