"""The neutral chat model: what every adapter translates to and from.

Nothing here knows Slack or Discord. A handler receives a `CommandRequest` and returns a
`Reply`; each adapter renders a `Reply` in its platform's native way (Block Kit, Discord
embeds and views, plain console text).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.i18n import N_, _, labelled


class Visibility(StrEnum):
    """Who sees a reply: only the member in the channel, or the member in a DM."""

    EPHEMERAL = "ephemeral"
    DIRECT = "direct"


@dataclass(frozen=True)
class MemberRef:
    """Who: one person on one platform identity.

    Slack users are per workspace (team id, user id). Discord user ids are global, so
    Discord adapters pass a fixed workspace id and a member has one profile everywhere.
    """

    platform: str
    workspace_id: str
    user_id: str


@dataclass(frozen=True)
class CommandRequest:
    """What a member typed, already split into the subcommand and the rest of the line."""

    member: MemberRef
    command: str
    text: str
    received_at: datetime
    display_name: str | None = None
    member_timezone: str | None = None
    locale: str | None = None
    options: Mapping[str, str] | None = None  # a submitted form's values, by field key
    # The career group the command was typed in: a Slack team id or a Discord server id;
    # None in a DM with the bot (a Discord DM belongs to no server) and in the console.
    group_id: str | None = None
    # The platform says this person administers `group_id` (Slack admin or owner; Discord
    # Manage Server). Adapters set it from the platform, never from anything the user typed.
    is_admin: bool = False
    # Where it was typed (a Slack channel or Discord channel id; the console's one channel):
    # what `admin wins=here` means. None where there is no channel to post in.
    channel_id: str | None = None
    # Whether the app may post in `channel_id`, as the platform said when asked (Slack asks
    # for admin commands); None when nobody asked or the platform could not tell.
    can_post_here: bool | None = None
    # Files the member sent with the command (a calendar invite): already downloaded by the
    # adapter, within its size cap. The core never reads a path or a URL itself.
    files: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class Section:
    """A paragraph of text."""

    text: str


class ChannelMention(str):
    """`<#id>`, a channel the core names from an id it checked (the wins channel).

    Text like any other string, but marked: adapters that escape what members typed (Slack's
    `<` and `>`) render this one as the channel link, since no member wrote it.
    """

    __slots__ = ()

    @classmethod
    def of(cls, channel_id: str) -> ChannelMention:
        """The mention of `channel_id`."""
        return cls(f"<#{channel_id}>")


MAX_FIELD_VALUE = 1024
"""The longest value a `Fields` pair shows whole everywhere (a Discord embed field holds
1,024 characters, a Slack section field 2,000); longer text belongs in a `Section`."""


@dataclass(frozen=True)
class Fields:
    """Label and value pairs, shown as a compact table."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Finding:
    """One proofreading remark on a draft: how serious, what is wrong, how to fix it.

    The problem and the fix are separate, so every surface shows them the same way
    (`text`) and a reader sees at once which part says what to do.
    """

    level: str
    problem: str  # what is wrong; no closing full stop, a question keeps its "?"
    fix: str  # what to do, as a sentence ("Open with their name, e.g. 'Dear Jane,'.")

    @property
    def text(self) -> str:
        """'<problem>. Fix: <what to do>.', as drafts, `check` and every platform show it."""
        if self.problem.endswith("?"):
            return _("{problem} Fix: {fix}").format(problem=self.problem, fix=self.fix)
        return _("{problem}. Fix: {fix}").format(problem=self.problem, fix=self.fix)

    @property
    def line(self) -> str:
        """'[warning] <text>': the finding on a line of its own, its level in words."""
        level = LEVEL_LABELS.get(self.level)
        return f"[{_(level) if level else self.level}] {self.text}"


# How serious a finding is, as a member reads it (bot/drafting/proofread/core.py's levels).
LEVEL_LABELS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


@dataclass(frozen=True)
class ComposeLink:
    """A link that opens the draft in an email client."""

    label: str
    url: str


@dataclass(frozen=True)
class DraftBlock:
    """A draft email ready to copy or open in a mail client."""

    title: str
    to: str | None
    subject: str
    body: str
    findings: tuple[Finding, ...] = ()
    links: tuple[ComposeLink, ...] = ()
    linkedin: str | None = None


Block = Section | Fields | DraftBlock


@dataclass(frozen=True)
class Action:
    """A button. `action_id` is stable across restarts; `value` names what it acts on."""

    action_id: str
    label: str
    value: str
    style: str | None = None


MAX_FORM_TEXT = 3000
"""The most text one form input holds on every platform, typed or prefilled.

Slack's plain_text_input takes `max_length` and `initial_value` of at most 3,000 characters
(https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element);
Discord's text input 4,000. A longer limit would let one platform save what another cuts.
"""


@dataclass(frozen=True)
class Choice:
    """One option of a choice input: the value the command reads, the label a member reads.

    The core writes the label in the member's language; adapters show it as is and never
    make one from the value (`phone_screen` is syntax, "Telefoninterview" is words).
    """

    value: str
    label: str


@dataclass(frozen=True)
class FormField:
    """One input of a form; adapters render it as a modal input or a prompt.

    `initial` never exceeds the limit: a form that cut it would save the rest away when
    submitted unchanged, so building such a field is an error, not a silent clip.
    """

    key: str
    label: str
    kind: str = "text"  # text, long_text, date, time, choice
    required: bool = False
    max_length: int | None = None
    initial: str | None = None
    choices: tuple[Choice, ...] = ()

    def __post_init__(self) -> None:
        limit = self.limit
        if self.max_length is not None and self.max_length > MAX_FORM_TEXT:
            raise ValueError(f"form field {self.key}: max_length above {MAX_FORM_TEXT}")
        if self.initial is not None and len(self.initial) > limit:
            raise ValueError(f"form field {self.key}: initial value longer than {limit}")

    @property
    def limit(self) -> int:
        """The most characters this input takes."""
        return self.max_length or MAX_FORM_TEXT


@dataclass(frozen=True)
class Form:
    """A neutral modal: which command it submits to and what it asks for.

    On submit, an adapter sends a `CommandRequest` for `command` with `text` set to
    `context` (like "#3") and `options` holding each field's value by key.
    """

    command: str
    title: str
    fields: tuple[FormField, ...]
    context: str = ""
    submit: str = N_("Save")  # its builder passes it through _(), in the member's language
    # Its one long text field is pasted, not typed (an email): a console without modals
    # gathers it from the lines that follow.
    paste: bool = False


@dataclass(frozen=True)
class Attachment:
    """A file that goes with a reply (an export); adapters upload it, the console saves it."""

    filename: str
    content: bytes
    media_type: str = "application/octet-stream"


@dataclass
class Reply:
    """What the bot says back. Nothing is public unless the member asks for it."""

    blocks: list[Block] = field(default_factory=list)
    visibility: Visibility = Visibility.EPHEMERAL
    actions: list[Action] = field(default_factory=list)
    form: Form | None = None
    field_errors: dict[str, str] = field(default_factory=dict)  # form field key -> problem
    attachments: list[Attachment] = field(default_factory=list)  # only with Visibility.DIRECT
    # Done with what the buttons it answers were for (sent, skipped, snoozed, replied,
    # deleted): adapters retire the buttons on the message that was pressed. Never on an error.
    settled: bool = False
    # The language its words are in (bot/i18n.py): the core sets it to the member's; adapters
    # render their own words around it (buttons, titles, limits' notices) in it too.
    language: str = "en"

    @classmethod
    def text(cls, *paragraphs: str, visibility: Visibility = Visibility.EPHEMERAL) -> Reply:
        """A reply made of plain paragraphs."""
        return cls(blocks=[Section(p) for p in paragraphs if p], visibility=visibility)

    def plain_text(self) -> str:
        """The whole reply as plain text: the console shows this, and tests read it."""
        parts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Section):
                parts.append(block.text)
            elif isinstance(block, Fields):
                rows = (labelled(label, value, self.language) for label, value in block.pairs)
                parts.append("\n".join(rows))
            else:
                parts.append(_draft_text(block, self.language))
        if self.actions:
            buttons = (
                labelled(a.label, f"/interview {a.action_id} {a.value}", self.language)
                for a in self.actions
            )
            parts.append("\n".join(f"[{button}]" for button in buttons))
        return "\n\n".join(parts)


def _draft_text(draft: DraftBlock, language: str) -> str:
    lines = [f"--- {draft.title} ---"]
    if draft.to:
        lines.append(_("To: {address}").format(address=draft.to))
    lines += [_("Subject: {subject}").format(subject=draft.subject), "", draft.body, "---"]
    if draft.linkedin:
        lines += [_("LinkedIn message: {message}").format(message=draft.linkedin)]
    lines += [finding.line for finding in draft.findings]
    lines += [labelled(link.label, link.url, language) for link in draft.links]
    return "\n".join(lines)
