"""The `/interview` app-command group, generated from the core's command registry.

Each subcommand takes its typed options (with choices where the set is closed) and a
free-text `text` option, so anything a member can type in the console they can type here.
An interaction's options are turned back into the same command line the console parses;
a file option (an invite) is an attachment option, whose file goes beside the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from bot.commands.registry import CommandSpec, OptionSpec
from bot.domain.policy import Kind
from bot.services.interviews import STAGES
from bot.services.member_settings import KEYS as SETTING_KEYS
from bot.services.member_settings import TONES

GROUP = "interview"
GROUP_DESCRIPTION = "Follow up after interviews: log them, get drafts and reminders."
# developers/interactions/application-commands.mdx, Application Command Option Type.
STRING, SUB_COMMAND, ATTACHMENT = 3, 1, 11
MAX_OPTIONS = 25
MAX_DESCRIPTION = 100
# developers/interactions/application-commands.mdx, Application Command Option Structure:
# a string option's max_length is at most 6,000.
MAX_STRING = 6000
INSTALL_GUILD, INSTALL_USER = 0, 1
CONTEXT_GUILD, CONTEXT_BOT_DM, CONTEXT_PRIVATE = 0, 1, 2

OUTCOME_CHOICES = ("next_round", "offer", "rejected", "withdrawn", "no_reply")
KIND_COMMANDS = frozenset({"draft", "sent", "skip", "snooze"})
# Options whose value is a positional word on the command line, in this order.
POSITIONAL = ("interview", "outcome", "kind")
REF_OPTION = "interview"
TIMEZONE_OPTION = "timezone"
_NAME = re.compile(r"[^a-z0-9_-]")


def command_payload(specs: Iterable[CommandSpec], *, guild: bool = False) -> dict[str, Any]:
    """The `/interview` group as Discord's bulk-overwrite endpoint takes it.

    `integration_types` and `contexts` are "only for globally-scoped commands"
    (developers/interactions/application-commands.mdx, Application Command Structure), so
    a guild's copy (`guild=True`) leaves them out.
    """
    payload: dict[str, Any] = {
        "name": GROUP,
        "description": GROUP_DESCRIPTION,
        "type": 1,
        "options": [_subcommand(spec) for spec in specs if not spec.hidden][:MAX_OPTIONS],
    }
    if not guild:
        payload["integration_types"] = [INSTALL_GUILD, INSTALL_USER]
        payload["contexts"] = [CONTEXT_GUILD, CONTEXT_BOT_DM, CONTEXT_PRIVATE]
    return payload


def takes_ref(spec: CommandSpec) -> bool:
    """Whether the command's usage starts with an interview number (`show #3`)."""
    words = spec.usage.split()
    return len(words) > 1 and words[1].startswith("#")


def _subcommand(spec: CommandSpec) -> dict[str, Any]:
    options: list[dict[str, Any]] = []
    if takes_ref(spec):
        options.append(
            _option(REF_OPTION, "Which interview (start typing its company)", autocomplete=True)
        )
    if spec.name == "outcome":
        options.append(_option("outcome", "What they decided", choices=OUTCOME_CHOICES))
    if spec.name in KIND_COMMANDS:
        options.append(_option("kind", "Which follow-up", choices=tuple(Kind)))
    for option in _typed_options(spec):
        options.append(option)
    free = f"Anything else, as you'd type it: {spec.usage}"
    text = _option("text", free)
    if spec.raw:  # pasted text (an email): as long as Discord lets a string option be
        text["max_length"] = min(spec.max_chars, MAX_STRING)
    options.append(text)
    return {
        "type": SUB_COMMAND,
        "name": spec.name,
        "description": _clip(spec.summary),
        "options": options[:MAX_OPTIONS],
    }


def _typed_options(spec: CommandSpec) -> list[dict[str, Any]]:
    if spec.name == "settings":
        specs: Iterable[OptionSpec] = (
            OptionSpec(key, key.replace("_", " ")) for key in SETTING_KEYS
        )
    else:
        specs = spec.options
    options = []
    for option in specs:
        name = _NAME.sub("_", option.name.lower())[:32]
        if name in POSITIONAL or name == "text":
            continue
        if name == "stage":
            options.append(_option(name, option.description, choices=tuple(STAGES)))
        elif name == "tone":
            options.append(_option(name, "How drafts sound", choices=TONES))
        elif name == TIMEZONE_OPTION:
            options.append(_option(name, "Your time zone, like Europe/Berlin", autocomplete=True))
        elif option.kind == "file":
            options.append(_option(name, option.description, kind=ATTACHMENT))
        else:
            options.append(_option(name, option.description))
    return options


def _option(
    name: str,
    description: str,
    *,
    choices: Iterable[str] = (),
    autocomplete: bool = False,
    kind: int = STRING,
) -> dict[str, Any]:
    option: dict[str, Any] = {
        "type": kind,
        "name": name,
        "description": _clip(description),
        "required": False,
    }
    values = list(choices)[:MAX_OPTIONS]
    if values:
        option["choices"] = [{"name": v.replace("_", " "), "value": v} for v in values]
    if autocomplete:
        option["autocomplete"] = True
    return option


def _clip(text: str) -> str:
    text = text.strip() or "-"
    return text if len(text) <= MAX_DESCRIPTION else text[: MAX_DESCRIPTION - 1] + "…"


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
