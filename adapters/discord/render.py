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
from bot.i18n import N_, _, speaking

COLOUR = discord.Colour(0x2B6CB0)
# developers/components/reference.mdx: an action row holds up to 5 buttons or one select,
# and a message up to 5 rows; 10 buttons (2 rows) and 2 menus leave room to spare.
ROW_WIDTH = 5
MAX_BUTTONS, MAX_MENUS = 10, 2
# developers/resources/message.mdx, Create Message: "Up to 10 rich embeds (up to 6000
# characters)"; content "up to 2000 characters".
MAX_EMBEDS = 10
MAX_CONTENT = 2000
# developers/resources/message.mdx, Embed Limits: the per-field limits below, and "the
# combined sum of characters in all title, description, field.name, field.value,
# footer.text, and author.name fields across all embeds attached to a message must not
# exceed 6000" (discord.py's `len(embed)` counts exactly those).
MAX_TOTAL = 6000
# Kept free in every message for the `ref <dedupe key>` a DM's first embed carries in its
# footer (messenger.py), so the mark a re-send looks for is never squeezed out.
MARK_ROOM = 40
MAX_DESCRIPTION = 4096
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_FIELDS = 25
MAX_TITLE = 256
MAX_FILES = 10  # files[n] per message: discord.py refuses an 11th before sending
MAX_MODAL_ITEMS = 5
MAX_LABEL = 45
MAX_SELECT_OPTIONS = 25
MAX_SELECT_TEXT = 100  # components/reference.mdx, Select Option: label and value
MAX_TEXT_INPUT = 4000
# Compose links go in the draft's text as masked links, never as link buttons: a button's
# URL must be http, https or discord and at most 512 characters
# (developers/components/reference.mdx, Button), so `mailto:` is refused with a 400 and a
# real draft's Gmail or Outlook URL (about 1,100 characters) does not fit. Markdown links
# only open web URLs, so the mail-app path is the draft's `.eml` attachment.
WEB_SCHEMES = ("https://", "http://")
FENCE = "```"
LEFT_OUT = N_("… and {count} more not shown.")
SHORTENED = N_("*Shortened to fit Discord: {filename} has the whole text.*")
EML_NOTE = N_("{filename} opens as a draft in your mail app.")
WHEN_LABEL = N_("Date and start time")
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
    """Keyword arguments for `send`/`send_message`: one message of a rendered `Reply`."""

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

    def fits(self, embeds: list[discord.Embed], files: list[discord.File]) -> bool:
        """Whether these embeds and files can join this message within Discord's limits."""
        together = [*self.embeds, *embeds]
        return (
            len(together) <= MAX_EMBEDS
            and sum(len(e) for e in together) <= MAX_TOTAL - MARK_ROOM
            and len(self.files) + len(files) <= MAX_FILES
        )


def render_messages(reply: Reply, owner_id: str) -> list[Rendered]:
    """The whole reply as one message, or several when it exceeds one message's limits.

    The first message holds the reply's text, its files and its buttons: it is the one a
    reminder's nonce and message reference name, and the one a pressed button edits. The
    drafts follow, each embed with its `.eml`, as many to a message as the 6,000-character
    total allows, so a panel of six never makes Discord refuse the lot. Our own words
    (notes, headings, what was left out) are said in the reply's language.
    """
    with speaking(reply.language):
        return _messages(reply, owner_id)


def _messages(reply: Reply, owner_id: str) -> list[Rendered]:
    pieces: list[tuple[list[discord.Embed], list[discord.File]]] = [
        ([embed], []) for embed in _text_embeds(reply)
    ]
    pieces += [([], [_file(a.filename, a.content)]) for a in reply.attachments]
    drafts = [block for block in reply.blocks if isinstance(block, DraftBlock)]
    for index, draft in enumerate(drafts, start=1):
        filename = f"draft-{index}.eml"
        data = eml_draft(draft.to, draft.subject, draft.body)
        pieces.append(([draft_embed(draft, filename)], [_file(filename, data)]))
    messages = [Rendered()]
    for embeds, files in pieces:
        current = messages[-1]
        if (current.embeds or current.files) and not current.fits(embeds, files):
            messages.append(Rendered())
        messages[-1].embeds += embeds
        messages[-1].files += files
    messages[0].view = action_view(reply.actions, owner_id)
    return messages


def _file(filename: str, data: bytes) -> discord.File:
    return discord.File(io.BytesIO(data), filename=filename)


def _text_embeds(reply: Reply) -> list[discord.Embed]:
    """Sections as one description, then fields, starting another embed when one is full."""
    paragraphs = [esc(block.text) for block in reply.blocks if isinstance(block, Section)]
    embed = discord.Embed(colour=COLOUR)
    text = "\n\n".join(paragraphs)
    if len(text) > MAX_DESCRIPTION:
        longest = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
        others = len(text) - len(paragraphs[longest])
        if others < MAX_DESCRIPTION // 2:  # a list among short paragraphs: cut only the list
            paragraphs[longest] = fit_lines(paragraphs[longest], MAX_DESCRIPTION - others)
        text = fit_lines("\n\n".join(paragraphs), MAX_DESCRIPTION)
    if text:
        embed.description = text
    embeds = [embed]
    for block in reply.blocks:
        if not isinstance(block, Fields):
            continue
        for label, value in block.pairs:
            name = _clip(esc(label), MAX_FIELD_NAME) or "-"
            text = _clip(esc(value), MAX_FIELD_VALUE) or "-"
            full = len(embed) + len(name) + len(text) > MAX_TOTAL - MARK_ROOM
            if len(embed.fields) >= MAX_FIELDS or full:
                embed = discord.Embed(colour=COLOUR)
                embeds.append(embed)
            embed.add_field(name=name, value=text, inline=len(value) < 40)
    return [e for e in embeds if e.description or e.fields]


def fit_lines(text: str, limit: int) -> str:
    """`text` cut at a line break to fit `limit`, saying how many lines were left out.

    A long `/interview list` is one line per interview, so the member learns how many more
    they have rather than meeting a bare ellipsis.
    """
    if len(text) <= limit:
        return text
    lines = text.split("\n")
    room = limit - len(_(LEFT_OUT).format(count=len(lines))) - 1
    kept: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) > room:
            break
        kept.append(line)
        used += len(line) + 1
    if not kept:  # one line longer than the limit: cut inside it
        kept = [_clip(lines[0], room)]
    count = sum(1 for line in lines[len(kept) :] if line.strip())
    if count == 0:
        return "\n".join(kept)
    return "\n".join([*kept, _(LEFT_OUT).format(count=count)])


def settled_note(reply: Reply) -> str:
    """What a pressed message says above itself once its buttons are retired."""
    return _clip("✓ " + esc(reply.plain_text()), MAX_CONTENT)


def draft_embed(draft: DraftBlock, filename: str) -> discord.Embed:
    """A draft: headers, the body in a copyable code block, web compose links, findings.

    The embed fits a message on its own. A body too long for it is cut, and the embed says
    that `filename` (the `.eml` sent with it) holds the whole text; each web compose link
    comes when there is room after the body.
    """
    embed = discord.Embed(title=_clip(esc(draft.title), MAX_TITLE), colour=COLOUR)
    if draft.findings:
        lines = [f"• {esc(f.text)}" for f in draft.findings]
        embed.add_field(name=_("Before you send"), value=_clip("\n".join(lines), MAX_FIELD_VALUE))
    if draft.linkedin:
        text = draft.linkedin.replace(FENCE, "`\u200b``")
        embed.add_field(
            name=_("Short version (LinkedIn)"),
            value=_clip(f"{FENCE}\n{text}\n{FENCE}", MAX_FIELD_VALUE),
            inline=False,
        )
    embed.set_footer(text=_(EML_NOTE).format(filename=filename))
    head = []
    if draft.to:
        head.append(_clip(_("**To:** {address}").format(address=esc(draft.to)), MAX_FIELD_VALUE))
    subject = _("**Subject:** {subject}").format(subject=esc(draft.subject))
    head.append(_clip(subject, MAX_FIELD_VALUE))
    room = min(MAX_DESCRIPTION, MAX_TOTAL - MARK_ROOM - len(embed))
    body = draft.body.replace(FENCE, "`\u200b``")
    frame = sum(len(h) + 1 for h in head) + 2 * len(FENCE) + 2
    tail: list[str] = []
    if frame + len(body) > room:
        note = _(SHORTENED).format(filename=filename)
        body = _clip(body, room - frame - len(note) - 1)
        tail.append(note)
    text = "\n".join([*head, f"{FENCE}\n{body}\n{FENCE}", *tail])
    links: list[str] = []
    for link in draft.links:  # in the core's order (Gmail first), each while it fits
        markdown = f"[{link.label}]({link.url})"
        line = " · ".join([*links, markdown])
        if link.url.startswith(WEB_SCHEMES) and len(text) + 1 + len(line) <= room:
            links.append(markdown)
    embed.description = "\n".join([text, " · ".join(links)]) if links else text
    return embed


def action_view(actions: list[Action], owner_id: str) -> discord.ui.View | None:
    """Buttons first, then menus (one command's several actions)."""
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
                _(WHEN_LABEL),
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
    left = tuple(f for _key, f in inputs[MAX_MODAL_ITEMS:])
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
                        label=_clip(choice.label, MAX_SELECT_TEXT),
                        value=choice.value[:MAX_SELECT_TEXT],
                        default=choice.value == form_field.initial,
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
    command, _sep, context = custom_id[len(FORM_PREFIX) :].partition(":")
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
            day, _sep, at = value.strip().partition(" ")
            options[WHEN_KEYS[0]], options[WHEN_KEYS[1]] = day.strip(), at.strip()
        else:
            options[key] = value
    return options


def field_error_text(errors: dict[str, str], labels: dict[str, str]) -> str:
    """Errors named by the field's label, each with how to fix it."""
    lines = [_("Nothing was saved. Please fix:")]
    for key, problem in errors.items():
        label = labels.get(key) or f"{key}="  # not on the form: the option, as typed
        lines.append(f"• **{esc(label)}**: {esc(problem)}")
    lines.append(_("Run the command again to reopen the form."))
    return "\n".join(lines)


def form_labels(form: Form) -> dict[str, str]:
    """Field key -> label, for naming fields in error messages."""
    labels = {f.key: f.label for f in form.fields}
    if all(k in labels for k in WHEN_KEYS):
        labels[WHEN_KEYS[0]] = labels[WHEN_KEYS[1]] = _(WHEN_LABEL)
    return labels


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
