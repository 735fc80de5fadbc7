"""What Slack refuses, as data and small checks, for the strict fake in `slack_api.py`.

Scopes come from Slack's own Web API spec (vendored in `specs/slack/`, MIT) and the app's
`slack-app-manifest.yml`; Block Kit is checked with slack_sdk's models plus the documented
limits they leave out. Each rule cites the page it comes from; where the page and this file
disagree, the page wins and this file is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.basic_objects import JsonObject
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

ROOT = Path(__file__).resolve().parents[2]
SPEC = Path(__file__).resolve().parent / "specs" / "slack" / "web-api.json"
MANIFEST = ROOT / "slack-app-manifest.yml"

# Methods newer than the 2021 spec, with the bot scope their reference page names.
NEWER_METHODS: dict[str, tuple[str, ...]] = {
    # https://docs.slack.dev/reference/methods/files.getUploadURLExternal/ (bot: files:write)
    "files.getUploadURLExternal": ("files:write",),
    # https://docs.slack.dev/reference/methods/files.completeUploadExternal/ (bot: files:write)
    "files.completeUploadExternal": ("files:write",),
    # https://docs.slack.dev/reference/methods/apps.connections.open/ : an app-level token
    # with connections:write, never a bot token; the fake does not model app tokens.
    "apps.connections.open": ("none",),
}
# The spec still names the perspectival scopes of classic apps; a granular bot token holds
# their successor: https://api.slack.com/scopes/chat:write and .../scopes/files:write
# ("files:write replaces both files:write:user and files:write:bot").
GRANULAR = {
    "chat:write:bot": "chat:write",
    "chat:write:user": "chat:write",
    "files:write:user": "files:write",
}
# conversations.* need the scope of the conversation's type, not any of the four the spec
# lists: https://docs.slack.dev/reference/methods/conversations.history/ ("channels:history,
# groups:history, im:history, mpim:history" by type), .../conversations.info/ (":read"),
# .../conversations.open/ (im:write for one user, mpim:write for several).
BY_CHANNEL_TYPE = {"C": "channels", "G": "groups", "D": "im"}

# --- Block Kit limits slack_sdk's models do not check ------------------------------------
# https://docs.slack.dev/reference/block-kit/blocks : "up to 50 blocks in each message, and
# 100 blocks in modals or Home tabs".
MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
# https://docs.slack.dev/reference/methods/chat.postMessage/ : text "truncated" past
# 40,000 characters; its error list has msg_too_long ("Message text is too long").
MAX_MESSAGE_TEXT = 40_000
# https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element/ :
# initial_value, min_length and max_length at most 3000.
MAX_INPUT = 3000
# https://docs.slack.dev/reference/block-kit/block-elements/button-element/ : value "Maximum
# length for this field is 2000 characters" and, as a text field, at least one (an empty
# value is refused: FIELD-NOTES, "the Block Kit schema wants at least one character").
MAX_BUTTON_VALUE = 2000
# https://docs.slack.dev/reference/block-kit/blocks/section-block/ : each field's text at
# most 2000 characters.
MAX_FIELD_TEXT = 2000
# https://docs.slack.dev/reference/block-kit/composition-objects/text-object/ : text
# "minimum of 1 character".
# https://docs.slack.dev/reference/block-kit/block-elements/overflow-menu-element/ : 2 to 5
# options; https://docs.slack.dev/reference/block-kit/composition-objects/option-object/ :
# text at most 75, value at most 150 characters.
OVERFLOW_OPTIONS = (2, 5)
MAX_OPTION_TEXT = 75
MAX_OPTION_VALUE = 150
# https://docs.slack.dev/reference/views/modal-views/ (and home tab views): title, submit,
# close at most 24 characters; private_metadata 3000; callback_id 255.
MAX_VIEW_TITLE = 24
MAX_PRIVATE_METADATA = 3000
MAX_CALLBACK_ID = 255


# --- the app's manifest ------------------------------------------------------------------
# https://github.com/slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json (the schema
# Slack publishes for manifests), features.shortcuts: 1 to 10 shortcuts, each with all four
# fields, a name of 1-24 characters, a callback_id of 1-255, a description of 1-150, and a
# type of message or global.
MAX_SHORTCUTS = 10
SHORTCUT_LIMITS = {"name": 24, "callback_id": 255, "description": 150}
SHORTCUT_TYPES = ("message", "global")
# https://api.slack.com/reference/interaction-payloads/shortcuts : a global shortcut's
# payload has type `shortcut`, a message shortcut's `message_action`.
PAYLOAD_TYPES = {"shortcut": "global", "message_action": "message"}


@cache
def spec_scopes() -> dict[str, tuple[str, ...]]:
    """Each Web API method's accepted scopes (any one suffices), from the spec's `security`."""
    paths = json.loads(SPEC.read_text(encoding="utf-8"))["paths"]
    scopes: dict[str, tuple[str, ...]] = {}
    for path, operations in paths.items():
        for operation in operations.values():
            for entry in operation.get("security") or []:
                found = tuple(GRANULAR.get(s, s) for s in entry.get("slackAuth", ()))
                scopes[path.lstrip("/")] = tuple(dict.fromkeys(found))
    scopes.update(NEWER_METHODS)
    return scopes


@cache
def manifest_scopes() -> frozenset[str]:
    """The bot scopes `slack-app-manifest.yml` asks for: all a bot token of this app holds."""
    return frozenset(manifest()["oauth_config"]["scopes"]["bot"])


@cache
def manifest() -> dict[str, Any]:
    """`slack-app-manifest.yml`, parsed once."""
    loaded: dict[str, Any] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return loaded


def shortcut_errors(shortcuts: Any) -> list[str]:
    """What Slack refuses in a manifest's `features.shortcuts`, as `[ERROR] ...` lines."""
    where = "/features/shortcuts"
    if not isinstance(shortcuts, list) or not 1 <= len(shortcuts) <= MAX_SHORTCUTS:
        return [f"[ERROR] must be a list of 1 to {MAX_SHORTCUTS} shortcuts [json-pointer:{where}]"]
    errors: list[str] = []
    for index, entry in enumerate(shortcuts):
        at = f"{where}/{index}"
        if not isinstance(entry, dict) or set(entry) != {*SHORTCUT_LIMITS, "type"}:
            errors.append(
                f"[ERROR] needs exactly {sorted({*SHORTCUT_LIMITS, 'type'})} [json-pointer:{at}]"
            )
            continue
        for key, most in SHORTCUT_LIMITS.items():
            if not isinstance(entry[key], str) or not 1 <= len(entry[key]) <= most:
                errors.append(f"[ERROR] must be 1 to {most} characters [json-pointer:{at}/{key}]")
        if entry["type"] not in SHORTCUT_TYPES:
            errors.append(f"[ERROR] must be one of {SHORTCUT_TYPES} [json-pointer:{at}/type]")
    return errors


def undeclared_shortcut(payload: Mapping[str, Any]) -> str | None:
    """Why Slack would never send this shortcut payload to the app, or None if it would.

    Slack sends a shortcut only from the app's configuration: its callback_id is one the
    manifest declares, of the payload's kind (message or global).
    """
    kind = PAYLOAD_TYPES.get(str(payload.get("type")))
    if kind is None:
        return None
    declared = (manifest().get("features") or {}).get("shortcuts") or []
    wanted = (kind, payload.get("callback_id"))
    if any((entry.get("type"), entry.get("callback_id")) == wanted for entry in declared):
        return None
    return f"no {kind} shortcut {payload.get('callback_id')!r} in slack-app-manifest.yml"


def needed_scope(
    method: str, body: Mapping[str, Any], granted: frozenset[str], *, private: bool = False
) -> str | None:
    """The scope a call lacks, or None when the token may call `method`.

    `private` says the channel is a private one (its id may start with C like a public
    one). Raises KeyError for a method Slack does not have (the fake: `unknown_method`).
    """
    accepted = spec_scopes()[method]
    if "none" in accepted:
        return None
    if method.startswith("conversations."):
        typed = _typed_scope(method, body, private=private)
        if typed is not None:
            return None if typed in granted else typed
    if any(scope in granted for scope in accepted):
        return None
    return accepted[0]


def _typed_scope(method: str, body: Mapping[str, Any], *, private: bool) -> str | None:
    verb = {"history": "history", "info": "read", "open": "write"}.get(method.split(".", 1)[1])
    if verb is None:
        return None
    if method == "conversations.open":
        users = [u for u in str(body.get("users") or "").split(",") if u]
        return f"{'im' if len(users) <= 1 else 'mpim'}:write"
    kind = "groups" if private else BY_CHANNEL_TYPE.get(str(body.get("channel") or "")[:1])
    return f"{kind}:{verb}" if kind else None


# --- Block Kit --------------------------------------------------------------------------


def message_errors(blocks: Any, text: Any = None) -> list[str]:
    """What Slack would refuse in a message's blocks (and text), as `[ERROR] ...` lines."""
    errors: list[str] = []
    if isinstance(text, str) and len(text) > MAX_MESSAGE_TEXT:
        errors.append(f"text is {len(text)} characters, more than {MAX_MESSAGE_TEXT}")
    if blocks is None:
        return errors
    if not isinstance(blocks, list):
        return [*errors, "[ERROR] must be an array [json-pointer:/blocks]"]
    if len(blocks) > MAX_MESSAGE_BLOCKS:
        errors.append(
            f"[ERROR] no more than {MAX_MESSAGE_BLOCKS} items allowed [json-pointer:/blocks]"
        )
    return errors + _blocks_errors(blocks, "/blocks")


def view_errors(view: Any) -> list[str]:
    """What Slack would refuse in a modal or Home tab view, as `[ERROR] ...` lines."""
    if not isinstance(view, dict):
        return ["[ERROR] must be an object [json-pointer:/view]"]
    errors: list[str] = []
    try:
        _validate_deep(View(**view))
    except (SlackObjectFormationError, TypeError) as error:
        errors.append(f"[ERROR] {error} [json-pointer:/view]")
    blocks = view.get("blocks") or []
    if len(blocks) > MAX_VIEW_BLOCKS:
        errors.append(f"[ERROR] no more than {MAX_VIEW_BLOCKS} items allowed [json-pointer:/view]")
    for key in ("title", "submit", "close"):
        label = (view.get(key) or {}).get("text")
        if isinstance(label, str) and not 1 <= len(label) <= MAX_VIEW_TITLE:
            errors.append(
                f"[ERROR] must be 1 to {MAX_VIEW_TITLE} characters [json-pointer:/view/{key}]"
            )
    if len(str(view.get("private_metadata") or "")) > MAX_PRIVATE_METADATA:
        errors.append(
            "[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]"
        )
    if len(str(view.get("callback_id") or "")) > MAX_CALLBACK_ID:
        errors.append("[ERROR] must be less than 256 characters [json-pointer:/view/callback_id]")
    return errors + _blocks_errors(blocks, "/view/blocks")


def _blocks_errors(blocks: list[Any], pointer: str) -> list[str]:
    errors: list[str] = []
    for index, raw in enumerate(blocks):
        where = f"{pointer}/{index}"
        if not isinstance(raw, dict):
            errors.append(f"[ERROR] must be an object [json-pointer:{where}]")
            continue
        try:
            parsed = Block.parse(raw)
            if parsed is None:
                errors.append(f"[ERROR] unknown block type [json-pointer:{where}/type]")
                continue
            _validate_deep(parsed)
        except (SlackObjectFormationError, TypeError, KeyError) as error:
            errors.append(f"[ERROR] {error} [json-pointer:{where}]")
        errors += [f"[ERROR] {problem} [json-pointer:{where}{at}]" for at, problem in _limits(raw)]
    return errors


def _validate_deep(model: JsonObject) -> None:
    """slack_sdk's own checks on a block and on every element and object inside it.

    `validate_json()` checks one object's attributes, not the elements it holds.
    """
    model.validate_json()
    for name in model.attributes:
        value = getattr(model, name, None)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, JsonObject):
                _validate_deep(item)


def _limits(node: Any, at: str = "") -> Iterator[tuple[str, str]]:
    """The documented limits slack_sdk's models miss, anywhere inside one block."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _limits(item, f"{at}/{index}")
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    if kind in ("plain_text", "mrkdwn") and not str(node.get("text") or ""):
        yield f"{at}/text", "must be at least 1 character"
    if kind == "button" and "value" in node:
        value = node["value"]
        if not isinstance(value, str) or not 1 <= len(value) <= MAX_BUTTON_VALUE:
            yield f"{at}/value", f"must be 1 to {MAX_BUTTON_VALUE} characters"
    if kind == "plain_text_input":
        for key in ("max_length", "min_length"):
            if isinstance(node.get(key), int) and node[key] > MAX_INPUT:
                yield f"{at}/{key}", f"must be at most {MAX_INPUT}"
        initial = node.get("initial_value")
        if isinstance(initial, str):
            cap = min(MAX_INPUT, node.get("max_length") or MAX_INPUT)
            if len(initial) > cap:
                yield f"{at}/initial_value", f"must be at most {cap} characters"
    if kind == "overflow":
        options = node.get("options") or []
        if not OVERFLOW_OPTIONS[0] <= len(options) <= OVERFLOW_OPTIONS[1]:
            yield f"{at}/options", "must have 2 to 5 items"
    if kind == "section":
        for index, field in enumerate(node.get("fields") or []):
            if len(str((field or {}).get("text") or "")) > MAX_FIELD_TEXT:
                yield f"{at}/fields/{index}/text", f"must be at most {MAX_FIELD_TEXT} characters"
    for index, option in enumerate(node.get("options") or []):
        if isinstance(option, dict):
            if len(str((option.get("text") or {}).get("text") or "")) > MAX_OPTION_TEXT:
                yield f"{at}/options/{index}/text", f"must be at most {MAX_OPTION_TEXT} characters"
            if len(str(option.get("value") or "")) > MAX_OPTION_VALUE:
                yield (
                    f"{at}/options/{index}/value",
                    f"must be at most {MAX_OPTION_VALUE} characters",
                )
    for key, value in node.items():
        if isinstance(value, dict | list):
            yield from _limits(value, f"{at}/{key}")
