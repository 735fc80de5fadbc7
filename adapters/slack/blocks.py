"""Replies and forms as Block Kit, and submitted modals back as neutral options.

Everything a member typed is escaped for mrkdwn (`&`, `<`, `>`) before it reaches Slack, so
a company called "<!channel> & Co" is shown as text and never pings a channel or forms a
link. Messages stay within Slack's limits: 50 blocks, 3,000 characters of section text,
10 fields per section, 3,000-character button URLs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from adapters.speech import menu_name
from bot.chat import (
    LEVEL_LABELS,
    Action,
    ChannelMention,
    DraftBlock,
    Fields,
    Form,
    FormField,
    Reply,
    Section,
)
from bot.i18n import _, labelled, speaking

ACTION_PREFIX = "followup:"
FORM_CALLBACK = "followup_form"
RESULT_CALLBACK = "followup_result"
MAX_BLOCKS = 50
MAX_TEXT = 3000
MAX_URL = 3000
MAX_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_BUTTON_VALUE = 2000
MAX_OPTION_VALUE = 150
MAX_FALLBACK = 3000
MAX_TITLE = 24
MAX_LABEL = 2000
ELEMENT = "value"  # the action_id of every modal input's element

Block = dict[str, Any]


def escape(text: str) -> str:
    """Escape text for Slack mrkdwn: `&`, `<` and `>` become entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _chunks(text: str, limit: int) -> list[str]:
    """Split text into pieces of at most `limit` characters, at line breaks when possible."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > 0 else limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n")
    if text:
        pieces.append(text)
    return pieces


def _section(text: str) -> list[Block]:
    """Escaped mrkdwn sections; long text is split into several."""
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": chunk}}
        for chunk in _chunks(escape(text), MAX_TEXT)
    ]


def _plain(text: str, limit: int = MAX_TEXT) -> dict[str, Any]:
    return {"type": "plain_text", "text": _clip(text, limit) or " ", "emoji": True}


def _mrkdwn(text: str) -> str:
    """Text as mrkdwn: escaped, unless it is a channel mention the core made (never typed)."""
    return text if isinstance(text, ChannelMention) else escape(text)


def _fields(block: Fields) -> list[Block]:
    fields = [
        {
            "type": "mrkdwn",
            "text": _clip(f"*{escape(label)}*\n{_mrkdwn(value)}", MAX_FIELD_TEXT),
        }
        for label, value in block.pairs
    ]
    return [
        {"type": "section", "fields": fields[i : i + MAX_FIELDS]}
        for i in range(0, len(fields), MAX_FIELDS)
    ]


def _code(text: str) -> list[Block]:
    """The draft body as copyable preformatted text (escaped; no stray fences)."""
    body = escape(text.replace("```", "ʼʼʼ"))
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"```{chunk}```"}}
        for chunk in _chunks(body, MAX_TEXT - 6)
    ]


def _draft(draft: DraftBlock, language: str) -> list[Block]:
    head = [f"*{escape(draft.title)}*"]
    if draft.to:
        head.append(_("To: {address}").format(address=escape(draft.to)))
    head.append(_("Subject: {subject}").format(subject=escape(draft.subject)))
    blocks: list[Block] = [{"type": "divider"}]
    blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(head)}})
    blocks += _code(draft.body)
    if draft.linkedin:
        blocks.append(
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": _("LinkedIn message (short version):")}],
            }
        )
        blocks += _code(draft.linkedin)
    if draft.findings:
        lines = [f"• {labelled(_level(f.level), escape(f.text), language)}" for f in draft.findings]
        blocks.append(
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": _clip("\n".join(lines), MAX_TEXT)}],
            }
        )
    buttons = [
        {"type": "button", "text": _plain(link.label, 75), "url": link.url}
        for link in draft.links
        if link.url.startswith("https://") and len(link.url) <= MAX_URL
    ]
    if buttons:
        blocks.append({"type": "actions", "elements": buttons[:25]})
    return blocks


def _level(level: str) -> str:
    """A finding's level in bold, in the language being spoken ('*warning*')."""
    label = LEVEL_LABELS.get(level)
    return f"*{escape(_(label) if label else level)}*"


def action_elements(actions: list[Action], language: str) -> list[Block]:
    """Buttons for actions; several with one `action_id` (snooze) become an overflow menu."""
    groups: dict[str, list[Action]] = {}
    for action in actions:
        groups.setdefault(action.action_id, []).append(action)
    elements: list[Block] = []
    for action_id, group in groups.items():
        if (
            len(group) > 1
            and len(group) <= 5
            and all(len(a.value) <= MAX_OPTION_VALUE for a in group)
        ):
            elements.append(
                {
                    "type": "overflow",
                    "action_id": f"{ACTION_PREFIX}{action_id}",
                    "options": [
                        {"text": _plain(_item(action_id, a.label), 75), "value": a.value}
                        for a in group
                    ],
                }
            )
            continue
        for index, action in enumerate(group):
            suffix = f":{index}" if len(group) > 1 else ""
            button: Block = {
                "type": "button",
                "action_id": f"{ACTION_PREFIX}{action_id}{suffix}",
                "text": _plain(action.label, 75),
            }
            if action.value:  # Block Kit refuses an empty value (App Home's buttons)
                button["value"] = action.value[:MAX_BUTTON_VALUE]
            if action.style in ("primary", "danger"):
                button["style"] = action.style
            elements.append(button)
    return elements


def _item(command: str, label: str) -> str:
    """An overflow item says its menu's name too: the menu itself shows only "⋯"."""
    return _("{menu}: {item}").format(menu=menu_name(command), item=label)


def reply_blocks(reply: Reply) -> list[Block]:
    """A reply as at most 50 Block Kit blocks."""
    blocks: list[Block] = []
    for block in reply.blocks:
        if isinstance(block, Section):
            blocks += _section(block.text)
        elif isinstance(block, Fields):
            blocks += _fields(block)
        else:
            blocks += _draft(block, reply.language)
    elements = action_elements(reply.actions, reply.language)
    actions = [
        {"type": "actions", "elements": elements[i : i + 25]} for i in range(0, len(elements), 25)
    ]
    room = MAX_BLOCKS - len(actions)
    if len(blocks) > room:
        blocks = [
            *blocks[: room - 1],
            {"type": "context", "elements": [{"type": "mrkdwn", "text": _("(shortened)")}]},
        ]
    return blocks + actions


def message_parts(reply: Reply) -> tuple[str, list[Block]]:
    """A reply's notification text and blocks, our own words in the reply's language."""
    with speaking(reply.language):
        return fallback_text(reply), reply_blocks(reply)


def settled_message(message: Mapping[str, Any], reply: Reply) -> dict[str, Any]:
    """The pressed message, its buttons retired: what it showed, then what was done.

    Posted with `replace_original` on the press's response URL, which works for the DMs we
    sent and for ephemeral replies alike (chat.update cannot reach an ephemeral message).
    Slack leaves an ephemeral message out of the press: then the result replaces it whole.
    """
    kept = [b for b in message.get("blocks") or [] if b.get("type") != "actions"]
    done = [*([{"type": "divider"}] if kept else []), *reply_blocks(reply)]
    return {
        "replace_original": True,
        "text": fallback_text(reply),
        "blocks": (kept[: MAX_BLOCKS - len(done)] + done)[:MAX_BLOCKS],
    }


def fallback_text(reply: Reply) -> str:
    """The notification text of a message: the reply as plain text, escaped and clipped."""
    return _clip(escape(reply.plain_text()), MAX_FALLBACK) or "Followup"


def parse_action_id(action_id: str) -> str:
    """The command behind one of our action ids: 'followup:snooze:2' -> 'snooze'."""
    return action_id.removeprefix(ACTION_PREFIX).split(":", 1)[0]


# --- Modals ----------------------------------------------------------------------------


def _element(field: FormField, timezone: str | None) -> Block:
    if field.kind == "date":
        element: Block = {"type": "datepicker", "action_id": ELEMENT}
        if field.initial:
            element["initial_date"] = field.initial
        return element
    if field.kind == "time":
        element = {"type": "timepicker", "action_id": ELEMENT}
        if field.initial:
            element["initial_time"] = field.initial
        if timezone:
            element["timezone"] = timezone
        return element
    if field.kind == "choice":
        options = [
            {"text": _plain(choice.label, 75), "value": choice.value}
            for choice in field.choices[:100]
        ]
        element = {"type": "static_select", "action_id": ELEMENT, "options": options}
        chosen = [o for o in options if o["value"] == field.initial]
        if chosen:
            element["initial_option"] = chosen[0]
        return element
    # plain_text_input: `max_length` 1 to 3,000, and `initial_value` within it
    # (https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element).
    # The core keeps every field within MAX_FORM_TEXT (3,000), so nothing is ever cut here:
    # a cut initial value would be saved back shortened.
    element = {"type": "plain_text_input", "action_id": ELEMENT, "max_length": field.limit}
    if field.kind == "long_text":
        element["multiline"] = True
    if field.initial:
        element["initial_value"] = field.initial
    return element


def form_view(form: Form, *, timezone: str | None, origin: Mapping[str, str]) -> Block:
    """A neutral form as a modal; `private_metadata` carries the command and its context."""
    metadata = json.dumps({"command": form.command, "context": form.context, **origin})
    return {
        "type": "modal",
        "callback_id": FORM_CALLBACK,
        "title": _plain(form.title, MAX_TITLE),
        "submit": _plain(_(form.submit), MAX_TITLE),  # the core's default "Save" is marked
        "close": _plain(_("Cancel"), MAX_TITLE),
        "private_metadata": metadata[:3000],
        "blocks": [
            {
                "type": "input",
                "block_id": field.key,
                "optional": not field.required,
                "label": _plain(field.label, MAX_LABEL),
                "element": _element(field, timezone),
            }
            for field in form.fields
        ],
    }


def result_view(title: str, reply: Reply) -> Block:
    """A modal that shows a reply (after a submission, or from App Home)."""
    blocks = [b for b in reply_blocks(reply) if b["type"] != "actions"] or _section(_("Done."))
    return {
        "type": "modal",
        "callback_id": RESULT_CALLBACK,
        "title": _plain(title, MAX_TITLE),
        "close": _plain(_("Close"), MAX_TITLE),
        "blocks": blocks[:MAX_BLOCKS],
    }


def submitted_options(view: Mapping[str, Any]) -> dict[str, str]:
    """Each input's value by block id (the form field key); empty inputs are ''."""
    options: dict[str, str] = {}
    values: Mapping[str, Mapping[str, Any]] = view.get("state", {}).get("values", {})
    for block_id, elements in values.items():
        state: Mapping[str, Any] = elements.get(ELEMENT) or next(iter(elements.values()), {})
        kind = state.get("type")
        if kind == "datepicker":
            value = state.get("selected_date")
        elif kind == "timepicker":
            value = state.get("selected_time")
        elif kind in ("static_select", "radio_buttons"):
            value = (state.get("selected_option") or {}).get("value")
        else:
            value = state.get("value")
        options[block_id] = value or ""
    return options


def view_errors(errors: Mapping[str, str], form_keys: list[str]) -> dict[str, str]:
    """Field errors by block id; an error on a field the modal lacks goes on the first input."""
    out: dict[str, str] = {}
    for key, message in errors.items():
        block_id = key if key in form_keys else ("when_date" if key == "when" else None)
        if block_id not in form_keys:
            block_id = form_keys[0] if form_keys else key
        out[block_id] = _clip(message, 150)
    return out


def home_view(pipeline: Reply, due: Reply) -> Block:
    """The App Home tab: the member's interviews and what is due, with buttons.

    Its own words are said in the language being spoken (the adapter speaks the pipeline's).
    """
    buttons = [
        Action("log", _("Log an interview"), "", style="primary"),
        Action("due", _("What's due"), ""),
        Action("settings", _("Settings"), ""),
        Action("help", _("Help"), ""),
    ]
    blocks: list[Block] = [
        {"type": "header", "text": _plain(_("Your interview pipeline"), 150)},
        {"type": "actions", "elements": action_elements(buttons, pipeline.language)},
        {"type": "divider"},
        *reply_blocks(pipeline),
        {"type": "divider"},
        *reply_blocks(due),
    ]
    return {"type": "home", "blocks": blocks[:100]}
