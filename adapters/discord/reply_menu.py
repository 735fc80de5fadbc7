"""'Read employer's reply': a message command, the entry on a message's Apps menu (#19).

Used on a message holding an employer's email (pasted, or forwarded into the channel), it
opens the reply form: the interview to pick and the message's text in its large field;
submitted, the core's `reply` reads it. A message command (type 3) has a name of 1-32
characters that may hold capitals and spaces, no description and no options, and arrives
as an APPLICATION_COMMAND interaction with the message in `data.resolved.messages`
(developers/interactions/application-commands.mdx, Message Commands). Its name is said in
each of our languages through `name_localizations`, from our catalogues; the interaction
still carries the default name (Localization).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from adapters.discord.commands import (
    CONTEXT_BOT_DM,
    CONTEXT_GUILD,
    CONTEXT_PRIVATE,
    DISCORD_LOCALES,
    INSTALL_GUILD,
    INSTALL_USER,
)
from bot.i18n import N_, _, speaking

MESSAGE_COMMAND = 3  # application-commands.mdx, Application Command Types
NAME = N_("Read employer's reply")
MAX_NAME = 32  # Application Command Structure: `name` and each localization, 1-32 characters


def menu_payload(*, guild: bool = False) -> dict[str, Any]:
    """The message command as the bulk-overwrite endpoint takes it, beside `/interview`.

    Like `/interview`, a global copy says where it may be installed and used
    (`integration_types`, `contexts`); a guild's leaves them out.
    """
    payload: dict[str, Any] = {"name": NAME, "type": MESSAGE_COMMAND}
    localized: dict[str, str] = {}
    for language, locales in DISCORD_LOCALES.items():
        with speaking(language):
            said = _(NAME)
        if said != NAME and len(said) <= MAX_NAME:  # Discord ignores one equal to the name
            localized.update(dict.fromkeys(locales, said))
    if localized:
        payload["name_localizations"] = localized
    if not guild:
        payload["integration_types"] = [INSTALL_GUILD, INSTALL_USER]
        payload["contexts"] = [CONTEXT_GUILD, CONTEXT_BOT_DM, CONTEXT_PRIVATE]
    return payload


def is_menu(data: Mapping[str, Any]) -> bool:
    """Whether an APPLICATION_COMMAND interaction's data is this message command."""
    return data.get("type") == MESSAGE_COMMAND and data.get("name") == NAME


def message_text(data: Mapping[str, Any]) -> str:
    """The text of the message the command was used on: its own, or the one it forwards.

    A forwarded message has no content of its own; the original's is in its one
    `message_snapshots` entry (developers/resources/message.mdx, Message Snapshot Object).
    """
    messages = (data.get("resolved") or {}).get("messages") or {}
    message = messages.get(str(data.get("target_id")))
    if not isinstance(message, dict):
        return ""
    content = str(message.get("content") or "")
    for snapshot in message.get("message_snapshots") or []:
        if not content and isinstance(snapshot, dict):
            content = str((snapshot.get("message") or {}).get("content") or "")
    return content
