"""The `/interview` app-command group, generated from the core's command registry.

Each subcommand takes its typed options (with choices where the set is closed) and a
free-text `text` option, so anything a member can type in the console they can type here.
An interaction's options are turned back into the same command line the console parses;
a file option (an invite) is an attachment option, whose file goes beside the line.
Members whose Discord speaks one of our languages see the descriptions and choices in it:
the payload carries Discord's localization fields, filled from our gettext catalogues
(discord.py's `app_commands.Translator` serves its own `CommandTree`, which this group,
generated from the core's registry, does not use).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.commands.registry import CommandSpec
from bot.i18n import N_, _, speaking
from bot.services.followups import KIND_LABELS
from bot.services.interviews import STAGES
from bot.services.member_settings import TONE_LABELS

log = logging.getLogger(__name__)

GROUP = "interview"
GROUP_DESCRIPTION = N_("Follow up after interviews: log them, get drafts and reminders.")
# developers/interactions/application-commands.mdx, Application Command Option Type.
STRING, SUB_COMMAND, ATTACHMENT = 3, 1, 11
MAX_OPTIONS = 25
# application-commands.mdx, Application Command Object: descriptions 1-100 characters, and
# localizations "follow the same restrictions"; a choice's name too (Option Choice).
MAX_DESCRIPTION = 100
# developers/interactions/application-commands.mdx, Application Command Option Structure:
# a string option's max_length is at most 6,000.
MAX_STRING = 6000
INSTALL_GUILD, INSTALL_USER = 0, 1
CONTEXT_GUILD, CONTEXT_BOT_DM, CONTEXT_PRIVATE = 0, 1, 2
# developers/reference.mdx, Locales: Discord's codes for the languages we speak. Spanish is
# two locales (Spain, Latin America) and Portuguese is Brazil's; English is the default.
DISCORD_LOCALES: dict[str, tuple[str, ...]] = {
    "es": ("es-ES", "es-419"),
    "fr": ("fr",),
    "de": ("de",),
    "pt": ("pt-BR",),
}

# Each outcome a member picks, as a menu names it; the value is the word the core parses.
OUTCOME_CHOICES = {
    "next_round": N_("next round"),
    "offer": N_("offer"),
    "rejected": N_("rejected"),
    "withdrawn": N_("withdrawn"),
    "no_reply": N_("no reply"),
}
KIND_COMMANDS = frozenset({"draft", "sent", "skip", "snooze"})
# Options whose value is a positional word on the command line, in this order.
POSITIONAL = ("interview", "outcome", "kind")
REF_OPTION = "interview"
TIMEZONE_OPTION = "timezone"
REF_DESCRIPTION = N_("Which interview (start typing its company)")
OUTCOME_DESCRIPTION = N_("What they decided")
KIND_DESCRIPTION = N_("Which follow-up")
# The free-text option shows the command's usage when that fits in 100 characters.
FREE_TEXT = N_("Anything else, as you'd type it: {usage}")
FREE_TEXT_SHORT = N_("Anything else, as you'd type it after /interview {command}")
_NAME = re.compile(r"[^a-z0-9_-]")


def command_payload(specs: Iterable[CommandSpec], *, guild: bool = False) -> dict[str, Any]:
    """The `/interview` group as Discord's bulk-overwrite endpoint takes it.

    Descriptions and choice names are in English with `description_localizations` and
    `name_localizations` from our catalogues for every Discord locale of our languages;
    command and option names are syntax and stay English. A translation that would not fit
    Discord's 100 characters is left out (that locale sees English) and logged, never cut:
    `left_out` lists them, and a test keeps the list empty.

    `integration_types` and `contexts` are "only for globally-scoped commands"
    (developers/interactions/application-commands.mdx, Application Command Structure), so
    a guild's copy (`guild=True`) leaves them out.
    """
    return _Builder().command(specs, guild=guild)


def left_out(specs: Iterable[CommandSpec]) -> list[tuple[str, str]]:
    """(Discord locale, text) of every translation too long for Discord's 100 characters."""
    builder = _Builder()
    builder.command(specs, guild=False)
    return builder.left_out


def takes_ref(spec: CommandSpec) -> bool:
    """Whether the command's usage starts with an interview number (`show #3`)."""
    words = spec.usage.split()
    return len(words) > 1 and words[1].startswith("#")


@dataclass
class _Builder:
    """Builds the payload, noting the translations it had to leave out."""

    left_out: list[tuple[str, str]] = field(default_factory=list)

    def command(self, specs: Iterable[CommandSpec], *, guild: bool) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "name": GROUP,
            **self.said("description", GROUP_DESCRIPTION),
            "type": 1,
            "options": [self.subcommand(spec) for spec in specs if not spec.hidden][:MAX_OPTIONS],
        }
        if not guild:
            payload["integration_types"] = [INSTALL_GUILD, INSTALL_USER]
            payload["contexts"] = [CONTEXT_GUILD, CONTEXT_BOT_DM, CONTEXT_PRIVATE]
        return payload

    def said(self, key: str, *candidates: str, **values: str) -> dict[str, Any]:
        """`key` and `key_localizations`: in each language the first candidate that fits.

        The English must fit (a test says so); a translation that does not is left out.
        """
        english = _first_fitting(candidates, values)
        if english is None:
            raise ValueError(f"no Discord {key} fits {MAX_DESCRIPTION} characters: {candidates}")
        localizations: dict[str, str] = {}
        for language, locales in DISCORD_LOCALES.items():
            with speaking(language):
                text = _first_fitting(candidates, values)
                if text is None:  # even the last (shortest) candidate is too long
                    last = _worded(candidates[-1], values)
                    self.left_out += [(locale, last) for locale in locales]
                    log.warning("Discord %s in %s too long: %r", key, language, last)
                    continue
            if text != english:  # Discord ignores one identical to the default
                localizations.update(dict.fromkeys(locales, text))
        said: dict[str, Any] = {key: english}
        if localizations:
            said[f"{key}_localizations"] = localizations
        return said

    def subcommand(self, spec: CommandSpec) -> dict[str, Any]:
        options: list[dict[str, Any]] = []
        if takes_ref(spec):
            options.append(self.option(REF_OPTION, REF_DESCRIPTION, autocomplete=True))
        if spec.name == "outcome":
            options.append(self.option("outcome", OUTCOME_DESCRIPTION, choices=OUTCOME_CHOICES))
        if spec.name in KIND_COMMANDS:
            kinds = {str(kind): label for kind, label in KIND_LABELS.items()}
            options.append(self.option("kind", KIND_DESCRIPTION, choices=kinds))
        options += self.typed_options(spec)
        free = self.said(
            "description", FREE_TEXT, FREE_TEXT_SHORT, usage=spec.usage, command=spec.name
        )
        text: dict[str, Any] = {"type": STRING, "name": "text", **free, "required": False}
        if spec.raw:  # pasted text (an email): as long as Discord lets a string option be
            text["max_length"] = min(spec.max_chars, MAX_STRING)
        options.append(text)
        return {
            "type": SUB_COMMAND,
            "name": spec.name,
            **self.said("description", spec.summary),
            "options": options[:MAX_OPTIONS],
        }

    def typed_options(self, spec: CommandSpec) -> list[dict[str, Any]]:
        options = []
        for option in spec.options:
            name = _NAME.sub("_", option.name.lower())[:32]
            if name in POSITIONAL or name == "text":
                continue
            if name == "stage":
                options.append(self.option(name, option.description, choices=STAGES))
            elif name == "tone":
                options.append(self.option(name, option.description, choices=TONE_LABELS))
            elif name == TIMEZONE_OPTION:
                options.append(self.option(name, option.description, autocomplete=True))
            else:
                kind = ATTACHMENT if option.kind == "file" else STRING
                options.append(self.option(name, option.description, kind=kind))
        return options

    def option(
        self,
        name: str,
        description: str,
        *,
        choices: Mapping[str, str] | None = None,
        autocomplete: bool = False,
        kind: int = STRING,
    ) -> dict[str, Any]:
        """An option; `choices` maps each value to its label (marked `N_`)."""
        option: dict[str, Any] = {
            "type": kind,
            "name": name,
            **self.said("description", description),
            "required": False,
        }
        if choices:
            option["choices"] = [
                {**self.said("name", label), "value": value}
                for value, label in list(choices.items())[:MAX_OPTIONS]
            ]
        if autocomplete:
            option["autocomplete"] = True
        return option


def _first_fitting(candidates: tuple[str, ...], values: Mapping[str, str]) -> str | None:
    """The first candidate, in the language being spoken, within Discord's limit."""
    for candidate in candidates:
        text = _worded(candidate, values)
        if 0 < len(text) <= MAX_DESCRIPTION:
            return text
    return None


def _worded(candidate: str, values: Mapping[str, str]) -> str:
    """A candidate in the language being spoken, its placeholders filled in."""
    text = _(candidate)
    return (text.format(**values) if values else text).strip()


def invoked(data: Mapping[str, Any]) -> tuple[str, dict[str, str], str | None]:
    """The subcommand, its typed option values, and the focused option (autocomplete) if any."""
    subs = data.get("options") or []
    if not subs:
        return "help", {}, None
    sub = subs[0]
    values: dict[str, str] = {}
    focused = None
    for option in sub.get("options") or []:
        if option.get("type") == ATTACHMENT:  # a file, not text: see `attached`
            continue
        values[option["name"]] = str(option.get("value", ""))
        if option.get("focused"):
            focused = option["name"]
    return str(sub["name"]), values, focused


def attached(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The files given in the subcommand's attachment options, as Discord resolved them.

    An attachment option's value is the attachment's id; its object (filename, size, url,
    content_type) is in `data.resolved.attachments`
    (developers/interactions/receiving-and-responding.mdx, Resolved Data Structure).
    """
    subs = data.get("options") or []
    resolved = (data.get("resolved") or {}).get("attachments") or {}
    files = []
    for option in (subs[0].get("options") or []) if subs else []:
        found = resolved.get(str(option.get("value")))
        if option.get("type") == ATTACHMENT and isinstance(found, dict):
            files.append(found)
    return files


def command_text(values: Mapping[str, str]) -> str:
    """The command line a member would have typed for these option values."""
    words: list[str] = []
    ref = values.get(REF_OPTION, "").strip()
    if ref:
        words.append(ref.split()[0])
    words += [values[name].strip() for name in POSITIONAL[1:] if values.get(name, "").strip()]
    free = values.get("text", "").strip()
    if free:
        words.append(free)
    for name, value in values.items():
        if name in POSITIONAL or name == "text":
            continue
        words.append(f"{name}={quote(value)}")
    return " ".join(words)


def quote(value: str) -> str:
    """A value quoted the way the core's parser reads it back unchanged."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
