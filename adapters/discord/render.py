"""Replies as Discord embeds, buttons, files and modals; member text escaped for markdown."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import discord

from adapters.discord.buttons import CommandButton, CommandSelect, fits
from bot.chat import Action, DraftBlock, Fields, Form, FormField, Reply, Section
from bot.drafting.compose import eml_draft

COLOUR = discord.Colour(0x2B6CB0)
ROW_WIDTH, MAX_ROWS = 5, 5
MAX_BUTTONS, MAX_MENUS = 10, 2
MAX_LINK_URL = 512  # Discord's limit on a link button's URL
MAX_EMBEDS = 10
MAX_CONTENT = 2000
MAX_FILES = 10
MAX_DESCRIPTION = 4096
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_FIELDS = 25
MAX_TITLE = 256
MAX_MODAL_ITEMS = 5
MAX_LABEL = 45
MAX_SELECT_OPTIONS = 25
MAX_TEXT_INPUT = 4000
FORM_PREFIX = "fm:"
WHEN_KEYS = ("when_date", "when_time")
PLACEHOLDERS = {"date": "2026-12-01", "time": "15:00"}
STYLES = {
    "primary": discord.ButtonStyle.primary,
    "danger": discord.ButtonStyle.danger,
    None: discord.ButtonStyle.secondary,
}


@lru_cache(maxsize=512)
def esc(text: str) -> str:
    """Member-supplied text made inert for Discord markdown (mentions are off client-wide).

    Cached: the same texts (help, a member's list) come back often, and discord.py's
    escaping regex was a tenth of an interaction's CPU (bench/discord.py).
    """
    return discord.utils.escape_markdown(text)


@dataclass
class Rendered:
    """Keyword arguments for `send`/`send_message`, built once from a `Reply`."""

    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None
    files: list[discord.File] = field(default_factory=list)

    def kwargs(self) -> dict[str, Any]:
        """Only what is present: discord.py treats a passed `None` view as 'remove'."""
        out: dict[str, Any] = {"embeds": self.embeds}
        if self.view is not None:
            out["view"] = self.view
        if self.files:
            out["files"] = self.files
        return out


def render(reply: Reply, owner_id: str, *, with_files: bool = True) -> Rendered:
    """The whole reply: text and fields in one embed, each draft in its own."""
    out = Rendered()
    main = discord.Embed(colour=COLOUR)
    paragraphs: list[str] = []
    drafts: list[DraftBlock] = []
    for block in reply.blocks:
        if isinstance(block, Section):
            paragraphs.append(esc(block.text))
        elif isinstance(block, Fields):
            for label, value in block.pairs:
                if len(main.fields) < MAX_FIELDS:
                    main.add_field(
                        name=_clip(esc(label), MAX_FIELD_NAME) or "-",
                        value=_clip(esc(value), MAX_FIELD_VALUE) or "-",
                        inline=len(value) < 40,
                    )
        else:
            drafts.append(block)
    if paragraphs:
        main.description = _clip("\n\n".join(paragraphs), MAX_DESCRIPTION)
    if main.description or main.fields:
        out.embeds.append(main)
    links: list[discord.ui.Button[Any]] = []
    for index, draft in enumerate(drafts):
        if len(out.embeds) >= MAX_EMBEDS:
            break
        out.embeds.append(draft_embed(draft))
        if with_files:
            data = eml_draft(draft.to, draft.subject, draft.body)
            out.files.append(discord.File(io.BytesIO(data), filename=f"draft-{index + 1}.eml"))
        for link in draft.links:
            if len(link.url) <= MAX_LINK_URL and len(links) < 5:
                label = link.label if len(drafts) == 1 else f"{link.label} ({index + 1})"
                links.append(discord.ui.Button(label=label[:80], url=link.url))
    if with_files:  # an export's files; Discord takes up to 10 per message
        out.files += [
            discord.File(io.BytesIO(a.content), filename=a.filename) for a in reply.attachments
        ][: MAX_FILES - len(out.files)]
    out.view = action_view(reply.actions, owner_id, links)
    return out


def settled_note(reply: Reply) -> str:
    """What a pressed message says above itself once its buttons are retired."""
    return _clip("✓ " + esc(reply.plain_text()), MAX_CONTENT)


def draft_embed(draft: DraftBlock) -> discord.Embed:
    """A draft: headers, the body in a copyable code block, findings and the short variant."""
    head = []
    if draft.to:
        head.append(f"**To:** {esc(draft.to)}")
    head.append(f"**Subject:** {esc(draft.subject)}")
    fence = "```"
    room = MAX_DESCRIPTION - sum(len(h) + 1 for h in head) - 2 * len(fence) - 4
    body = _clip(draft.body.replace("```", "`\u200b``"), room)
    embed = discord.Embed(
        title=_clip(draft.title, MAX_TITLE),
        description="\n".join([*head, f"{fence}\n{body}\n{fence}"]),
        colour=COLOUR,
    )
    if draft.findings:
        lines = [f"• {esc(f.message)} {esc(f.fix)}" for f in draft.findings]
        embed.add_field(name="Before you send", value=_clip("\n".join(lines), MAX_FIELD_VALUE))
    if draft.linkedin:
        text = draft.linkedin.replace("```", "`\u200b``")
        embed.add_field(
            name="Short version (LinkedIn)",
            value=_clip(f"```\n{text}\n```", MAX_FIELD_VALUE),
            inline=False,
        )
    embed.set_footer(text="The .eml attachment opens as a draft in your mail app.")
    return embed


def action_view(
    actions: list[Action], owner_id: str, links: list[discord.ui.Button[Any]] | None = None
) -> discord.ui.View | None:
    """Buttons first, then menus (one command's several actions), then link buttons."""
    view = discord.ui.View(timeout=None)
    groups: dict[str, list[Action]] = {}
    for action in actions:
        groups.setdefault(action.action_id, []).append(action)
    buttons: list[discord.ui.Item[Any]] = []
    menus: list[discord.ui.Item[Any]] = []
    for action_id, group in groups.items():
        select = CommandSelect.build(action_id, owner_id, group) if len(group) > 1 else None
        if select is not None and len(menus) < MAX_MENUS:
            menus.append(select)
            continue
        for action in group:
            if fits(action, owner_id) and len(buttons) < MAX_BUTTONS:
                style = STYLES.get(action.style, discord.ButtonStyle.secondary)
                buttons.append(
                    CommandButton.build(
                        action.action_id, owner_id, action.value, action.label, style
                    )
                )
    for index, item in enumerate(buttons):
        item.row = index // ROW_WIDTH
        view.add_item(item)
    first_menu_row = -(-len(buttons) // ROW_WIDTH)
    for index, item in enumerate(menus):
        item.row = first_menu_row + index
        view.add_item(item)
    link_row = first_menu_row + len(menus)
    for link in (links or [])[: ROW_WIDTH if link_row < MAX_ROWS else 0]:
        link.row = link_row
        view.add_item(link)
    if not view.children:
        return None
    view.stop()  # dynamic items dispatch by custom id: nothing to keep in memory per message
    return view


# --- forms --------------------------------------------------------------------------


@dataclass(frozen=True)
class ModalPlan:
    """How a neutral form fits a Discord modal (at most five inputs)."""

    inputs: tuple[tuple[str, FormField], ...]  # custom id, field
    left_out: tuple[FormField, ...]


def plan_form(form: Form) -> ModalPlan:
    """Date and time side by side become one input; what does not fit is left out."""
    inputs: list[tuple[str, FormField]] = []
    fields = list(form.fields)
    i = 0
    while i < len(fields):
        current = fields[i]
        following = fields[i + 1] if i + 1 < len(fields) else None
        if (current.key, following.key if following else None) == WHEN_KEYS and following:
            initial = " ".join(v for v in (current.initial, following.initial) if v) or None
            merged = FormField(
                "+".join(WHEN_KEYS),
                "Date and start time",
                kind="datetime",
                required=current.required,
                max_length=40,
                initial=initial,
            )
            inputs.append((merged.key, merged))
            i += 2
            continue
        inputs.append((current.key, current))
        i += 1
    kept = inputs[:MAX_MODAL_ITEMS]
    left = tuple(f for _, f in inputs[MAX_MODAL_ITEMS:])
    return ModalPlan(tuple(kept), left)


class FormModal(discord.ui.Modal):
    """A modal built from a `Form`; its submission is handled from the raw interaction."""

    def __init__(self, form: Form) -> None:
        custom_id = f"{FORM_PREFIX}{form.command}:{form.context}"[:100]
        super().__init__(title=_clip(form.title, MAX_LABEL), custom_id=custom_id, timeout=None)
        plan = plan_form(form)
        for key, form_field in plan.inputs:
            component: discord.ui.Item[Any]
            if form_field.kind == "choice" and form_field.choices:
                options = [
                    discord.SelectOption(
                        label=choice.replace("_", " ")[:100],
                        value=choice[:100],
                        default=choice == form_field.initial,
                    )
                    for choice in form_field.choices[:MAX_SELECT_OPTIONS]
                ]
                component = discord.ui.Select(
                    custom_id=key,
                    options=options,
                    min_values=1 if form_field.required else 0,
                    required=form_field.required,
                )
            else:
                component = discord.ui.TextInput(
                    custom_id=key,
                    style=discord.TextStyle.paragraph
                    if form_field.kind == "long_text"
                    else discord.TextStyle.short,
                    required=form_field.required,
                    default=(form_field.initial or "")[:MAX_TEXT_INPUT] or None,
                    max_length=min(form_field.max_length or MAX_TEXT_INPUT, MAX_TEXT_INPUT),
                    placeholder=_placeholder(form_field),
                )
            self.add_item(
                discord.ui.Label(text=_clip(form_field.label, MAX_LABEL), component=component)
            )


def _placeholder(form_field: FormField) -> str | None:
    if form_field.kind == "datetime":
        return f"{PLACEHOLDERS['date']} {PLACEHOLDERS['time']}"
    return PLACEHOLDERS.get(form_field.kind)


def parse_form_id(custom_id: str) -> tuple[str, str] | None:
    """(command, context) from a modal's custom id, or None if it is not one of ours."""
    if not custom_id.startswith(FORM_PREFIX):
        return None
    command, _, context = custom_id[len(FORM_PREFIX) :].partition(":")
    return command, context


def submitted_values(components: list[dict[str, Any]]) -> dict[str, str]:
    """Each input's value by custom id, from a MODAL_SUBMIT payload (labels or rows)."""
    values: dict[str, str] = {}
    for component in components:
        if component.get("type") == 1:
            values.update(submitted_values(component.get("components") or []))
        elif component.get("type") == 18:
            values.update(submitted_values([component.get("component") or {}]))
        elif "custom_id" in component:
            if "values" in component:
                values[component["custom_id"]] = ",".join(component.get("values") or [])
            else:
                values[component["custom_id"]] = str(component.get("value") or "")
    options: dict[str, str] = {}
    for key, value in values.items():
        if key == "+".join(WHEN_KEYS):
            day, _, at = value.strip().partition(" ")
            options[WHEN_KEYS[0]], options[WHEN_KEYS[1]] = day.strip(), at.strip()
        else:
            options[key] = value
    return options


def field_error_text(errors: dict[str, str], labels: dict[str, str]) -> str:
    """Errors named by the field's label, each with how to fix it."""
    lines = ["Nothing was saved. Please fix:"]
    for key, problem in errors.items():
        label = labels.get(key) or key.replace("_", " ").capitalize()
        lines.append(f"• **{esc(label)}**: {esc(problem)}")
    lines.append("Run the command again to reopen the form.")
    return "\n".join(lines)


def form_labels(form: Form) -> dict[str, str]:
    """Field key -> label, for naming fields in error messages."""
    labels = {f.key: f.label for f in form.fields}
    if all(k in labels for k in WHEN_KEYS):
        labels[WHEN_KEYS[0]] = labels[WHEN_KEYS[1]] = "Date and start time"
    return labels


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
