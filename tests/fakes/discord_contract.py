"""What Discord refuses, for the fake: its OpenAPI spec plus the documented rules it leaves out.

`check(method, path, body, ...)` raises `Refused` carrying Discord's own status and JSON error
for a request the real API would refuse. The spec (`specs/discord/openapi.json`, vendored
unchanged) is read and each route's validator compiled once per test session. Rules the spec
does not encode are written out below, each beside the page that documents it, in the
`discord/discord-api-docs` repository (`developers/...`).
"""

from __future__ import annotations

import copy
import functools
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC = Path(__file__).resolve().parent / "specs" / "discord" / "openapi.json"
BASE_URI = "urn:discord-openapi"
API_PREFIX = "/api/v10"

MAX_CONTENT = 2000  # resources/message.mdx, Create Message: "up to 2000 characters"
MAX_EMBED_TOTAL = 6000  # resources/message.mdx, Embed Limits: the combined sum across embeds
MAX_ACTION_ROWS = 5  # components/reference.mdx: a message has at most 5 action rows
MAX_MODAL_COMPONENTS = 5  # interactions/receiving-and-responding.mdx, Modal: "Between 1 and 5"
LINK_SCHEMES = ("http", "https", "discord")  # components/reference.mdx, Button `url`
IS_COMPONENTS_V2 = 1 << 15  # resources/message.mdx, message flags: lifts the 5-row layout
LINK_STYLE = 5
CALLBACK_MESSAGE, CALLBACK_UPDATE, CALLBACK_MODAL = 4, 7, 9
CREATES = frozenset({"/channels/{channel_id}/messages", "/webhooks/{webhook_id}/{webhook_token}"})
COMMANDS = frozenset(
    {
        "/applications/{application_id}/commands",
        "/applications/{application_id}/commands/{command_id}",
        "/applications/{application_id}/guilds/{guild_id}/commands",
        "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
    }
)
# reference.mdx, Locales: the keys of every `*_localizations` dictionary ("dictionary with
# keys in available locales", interactions/application-commands.mdx). Discord answers any
# other key with BASE_TYPE_CHOICES at that key, listing these.
LOCALES = (
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi",
    "th", "zh-CN", "ja", "zh-TW", "ko",
)  # fmt: skip
LOCALIZED = ("name_localizations", "description_localizations")
# interactions/application-commands.mdx, Slash Commands: "a maximum of 8000 characters for
# combined name, description, and value properties for each command, its options (including
# subcommands and groups), and choices", counting "only the longest localization for each
# field (including the default value)". reference.mdx, Error Messages (Request Error), gives
# the refusal: APPLICATION_COMMAND_TOO_LARGE. (The limit was 4000 until February 2024.)
MAX_COMMAND_SIZE = 8000


class Refused(Exception):
    """Discord's answer to a request it refuses: HTTP status and JSON body."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(f"{status} {body.get('code')}: {body.get('message')}")
        self.status = status
        self.body = body


def error(status: int, code: int, message: str) -> Refused:
    """A plain JSON error, as in topics/opcodes-and-status-codes.mdx (Example JSON Error)."""
    return Refused(status, {"message": message, "code": code})


def invalid_form(path: list[str | int], code: str, message: str) -> Refused:
    """400 / 50035 with the nested `errors` object of reference.mdx (Error Messages)."""
    errors: dict[str, Any] = {"_errors": [{"code": code, "message": message}]}
    for key in reversed(path):
        errors = {str(key): errors}
    return Refused(400, {"message": "Invalid Form Body", "code": 50035, "errors": errors})


# --- the spec ---------------------------------------------------------------------------


@functools.cache
def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(SPEC.read_text())
    return spec


@functools.cache
def _registry() -> Registry:  # type: ignore[type-arg]
    resource = Resource.from_contents(_spec(), default_specification=DRAFT202012)
    return Registry().with_resource(BASE_URI, resource)  # type: ignore[call-arg]


@functools.cache
def _routes() -> list[tuple[re.Pattern[str], str]]:
    """Each spec path as a regex; literal paths (`/users/@me/...`) before templated ones."""
    routes = []
    for template in _spec()["paths"]:
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        routes.append((re.compile(f"^{pattern}$"), template))
    routes.sort(key=lambda route: route[1].count("{"))
    return routes


def route(path: str) -> str | None:
    """The spec's path template for a request path (with or without `/api/v10`)."""
    path = path.removeprefix(API_PREFIX)
    return next((template for pattern, template in _routes() if pattern.match(path)), None)


@functools.cache
def _validator(template: str, method: str) -> jsonschema.protocols.Validator | None:
    """The compiled validator for a route's JSON request body, or None if it takes none."""
    operation = _spec()["paths"][template].get(method.lower()) or {}
    if "application/json" not in (operation.get("requestBody") or {}).get("content", {}):
        return None
    pointer = "/".join(
        quote(part.replace("~", "~0").replace("/", "~1"), safe="")
        for part in ("paths", template, method.lower(), "requestBody", "content")
    )
    schema = {"$ref": f"{BASE_URI}#/{pointer}/application~1json/schema"}
    return jsonschema.Draft202012Validator(schema, registry=_registry())


@functools.cache
def _query_limits(template: str, method: str) -> dict[str, tuple[int, int]]:
    """Integer query parameters with their documented range (`limit` 1..100)."""
    operation = _spec()["paths"][template].get(method.lower()) or {}
    limits = {}
    for parameter in operation.get("parameters") or []:
        schema = parameter.get("schema") or {}
        if parameter.get("in") == "query" and "maximum" in schema:
            limits[parameter["name"]] = (schema.get("minimum", 0), schema["maximum"])
    return limits


_MESSAGES = {
    "maxLength": ("BASE_TYPE_MAX_LENGTH", "Must be {} or fewer in length."),
    "maxItems": ("BASE_TYPE_MAX_LENGTH", "Must be {} or fewer in length."),
    "minLength": ("BASE_TYPE_MIN_LENGTH", "Must be {} or more in length."),
    "minItems": ("BASE_TYPE_MIN_LENGTH", "Must be {} or more in length."),
    "required": ("BASE_TYPE_REQUIRED", "This field is required"),
    "enum": ("BASE_TYPE_CHOICES", "Value must be one of {}."),
    "maximum": ("NUMBER_TYPE_MAX", "int value should be less than or equal to {}."),
    "minimum": ("NUMBER_TYPE_MIN", "int value should be greater than or equal to {}."),
}


def _leaves(found: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """The errors that name a field, following only the union branches of the right kind.

    A component or callback union (`oneOf`/`anyOf`) fails in every branch; the branches
    whose `type` (or JSON type) does not match say nothing about the mistake, so they are
    skipped, the way Discord reports the field of the component it recognised.
    """
    if not found.context:
        return [found]
    depth = len(found.absolute_path)
    branches: dict[Any, list[jsonschema.ValidationError]] = {}
    for sub in found.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)

    def wrong_kind(sub: jsonschema.ValidationError) -> bool:
        path = list(sub.absolute_path)
        return (sub.validator == "type" and len(path) == depth) or (
            len(path) == depth + 1 and path[-1] == "type"
        )

    live = [b for b in branches.values() if not any(wrong_kind(sub) for sub in b)]
    return [leaf for branch in live or branches.values() for sub in branch for leaf in _leaves(sub)]


def _schema_refusal(found: jsonschema.ValidationError) -> Refused:
    path: list[str | int] = list(found.absolute_path)
    code, text = _MESSAGES.get(str(found.validator), ("BASE_TYPE_BAD", "{}"))
    if found.validator == "required":
        missing = re.match(r"'([^']+)'", found.message)
        path.append(missing.group(1) if missing else "?")
        return invalid_form(path, code, text)
    if found.validator == "enum":
        return invalid_form(path, code, text.format(tuple(found.validator_value)))
    detail = found.validator_value if found.validator in _MESSAGES else found.message[:200]
    return invalid_form(path, code, text.format(detail))


def _snowflakes_as_strings(template: str, body: Any) -> Any:
    """discord.py sends `recipient_id` and attachment ids as JSON integers; the spec types
    snowflakes as strings. Discord accepts both, so these two spots (and only they) are
    turned into strings before validation."""
    if not isinstance(body, dict):
        return body
    body = copy.deepcopy(body)
    if template == "/users/@me/channels" and isinstance(body.get("recipient_id"), int):
        body["recipient_id"] = str(body["recipient_id"])
    for holder in (body, body.get("data")):
        if isinstance(holder, dict) and isinstance(holder.get("attachments"), list):
            for attachment in holder["attachments"]:
                if isinstance(attachment, dict) and isinstance(attachment.get("id"), int):
                    attachment["id"] = str(attachment["id"])
    return body


# --- the checks ---------------------------------------------------------------------------


def check(
    method: str, path: str, body: Any, *, query: dict[str, str] | None = None, files: int = 0
) -> bool:
    """Raise `Refused` as Discord would; return whether a body was checked against the spec."""
    template = route(path)
    if template is None:
        return False
    for name, (low, high) in _query_limits(template, method).items():
        value = (query or {}).get(name)
        if value is not None and not (value.isdigit() and low <= int(value) <= high):
            # resources/message.mdx, Get Channel Messages: `limit` 1-100
            raise invalid_form([name], "NUMBER_TYPE_MAX", f"Must be between {low} and {high}.")
    validator = _validator(template, method)
    if validator is None or body is None:
        return False
    errors = list(validator.iter_errors(_snowflakes_as_strings(template, body)))
    if errors:
        leaves = [leaf for found in errors for leaf in _leaves(found)]
        raise _schema_refusal(max(leaves, key=lambda leaf: len(leaf.absolute_path)))
    _documented_rules(template, method, body, files)
    return True


def _documented_rules(template: str, method: str, body: Any, files: int) -> None:
    """The limits Discord documents (and enforces) that the spec does not encode."""
    if template in COMMANDS and method in ("PUT", "POST", "PATCH"):
        commands = body if isinstance(body, list) else [body]
        for index, command in enumerate(commands):
            at: list[str | int] = [index] if isinstance(body, list) else []
            if isinstance(command, dict):
                _command_rules(command, at)
        return
    if not isinstance(body, dict):
        return
    if template.endswith("/callback"):
        kind = body.get("type")
        data = body.get("data") or {}
        if kind == CALLBACK_MODAL:
            # interactions/receiving-and-responding.mdx, Modal: between 1 and 5 components
            if len(data.get("components") or []) > MAX_MODAL_COMPONENTS:
                raise invalid_form(
                    ["data", "components"],
                    "BASE_TYPE_MAX_LENGTH",
                    f"Must be {MAX_MODAL_COMPONENTS} or fewer in length.",
                )
        elif kind in (CALLBACK_MESSAGE, CALLBACK_UPDATE):
            _message_rules(data, ["data"], files, creates=kind == CALLBACK_MESSAGE)
        return
    creates = method == "POST" and template in CREATES
    if creates or template.endswith("/messages/{message_id}"):
        _message_rules(body, [], files, creates=creates)


def _message_rules(data: dict[str, Any], at: list[str | int], files: int, *, creates: bool) -> None:
    content = data.get("content") or ""
    embeds = data.get("embeds") or []
    components = data.get("components") or []
    if len(content) > MAX_CONTENT:
        # resources/message.mdx, Create Message: content up to 2000 characters
        raise invalid_form(
            [*at, "content"], "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_CONTENT} or fewer in length."
        )
    if creates and not (
        content or embeds or components or files or data.get("sticker_ids") or data.get("poll")
    ):
        # resources/message.mdx, Create Message: at least one of content, embeds,
        # sticker_ids, components, files or poll; topics/opcodes-and-status-codes.mdx: 50006
        raise error(400, 50006, "Cannot send an empty message")
    if sum(embed_length(e) for e in embeds) > MAX_EMBED_TOTAL:
        # resources/message.mdx, Embed Limits: 6000 characters across all embeds
        raise invalid_form(
            [*at, "embeds"],
            "MAX_EMBED_SIZE_EXCEEDED",
            f"Embed size exceeds maximum size of {MAX_EMBED_TOTAL}",
        )
    if not (data.get("flags") or 0) & IS_COMPONENTS_V2 and len(components) > MAX_ACTION_ROWS:
        # components/reference.mdx, Action Row: up to 5 rows of buttons or one select each
        raise invalid_form(
            [*at, "components"],
            "BASE_TYPE_MAX_LENGTH",
            f"Must be {MAX_ACTION_ROWS} or fewer in length.",
        )
    for r, row in enumerate(components):
        for c, item in enumerate(row.get("components") or []):
            url = item.get("url")
            if item.get("style") == LINK_STYLE and url is not None:
                # components/reference.mdx, Button: `url` for link buttons. Discord answers
                # any scheme but http, https and discord with this 50035.
                scheme = urlsplit(url).scheme.lower()
                if scheme not in LINK_SCHEMES:
                    raise invalid_form(
                        [*at, "components", r, "components", c, "url"],
                        "URL_TYPE_INVALID_SCHEME",
                        f'Scheme "{scheme}" is not supported. Scheme must be one of '
                        f"{LINK_SCHEMES}.",
                    )


def _command_rules(command: dict[str, Any], at: list[str | int]) -> None:
    """Localization keys, then the whole command's size (see LOCALES, MAX_COMMAND_SIZE)."""
    _locale_keys(command, at)
    if command_size(command) > MAX_COMMAND_SIZE:
        raise invalid_form(
            at,
            "APPLICATION_COMMAND_TOO_LARGE",
            f"Command exceeds maximum size ({MAX_COMMAND_SIZE})",
        )


def _locale_keys(item: dict[str, Any], at: list[str | int]) -> None:
    """Every localizations key of a command, option or choice must be one of Discord's."""
    for field in LOCALIZED:
        for key in item.get(field) or {}:
            if key not in LOCALES:
                raise invalid_form(
                    [*at, field, key], "BASE_TYPE_CHOICES", f"Value must be one of {LOCALES}."
                )
    for kind in ("options", "choices"):
        for index, child in enumerate(item.get(kind) or []):
            if isinstance(child, dict):
                _locale_keys(child, [*at, kind, index])


def command_size(item: dict[str, Any]) -> int:
    """Characters toward the 8000: name, description and value, each at its longest."""
    total = len(str(item.get("value", "")))
    for field in ("name", "description"):
        said = [item.get(field) or "", *(item.get(f"{field}_localizations") or {}).values()]
        total += max(len(text) for text in said)
    for kind in ("options", "choices"):
        total += sum(command_size(child) for child in item.get(kind) or [])
    return total


def embed_length(embed: dict[str, Any]) -> int:
    """The characters that count toward the 6000 (resources/message.mdx, Embed Limits)."""
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    for embed_field in embed.get("fields") or []:
        total += len(embed_field.get("name") or "") + len(embed_field.get("value") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    return total
