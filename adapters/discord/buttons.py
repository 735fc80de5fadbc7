"""Persistent buttons and selects: the command, its owner and its value live in the custom id.

A button is the command a member could type: `Action("sent", "Mark sent", '#1 thank_you
"Jane Doe"')` becomes custom id `fu:sent:<owner id>:#1 thank_you "Jane Doe"`. Because the
id carries everything, a click works after a restart (`Client.add_dynamic_items`), and only
the owner can use it: the command runs as the clicking user, so it could only ever touch
their own interviews, and a stranger's click is answered with a polite refusal.
"""

from __future__ import annotations

import re
import shlex
from typing import Any, Protocol

import discord

from adapters.speech import menu_name
from bot.chat import Action
from bot.domain.languages import language_of_locale
from bot.i18n import N_, _, speaking

MAX_CUSTOM_ID = 100
BUTTON_PREFIX = "fu"
SELECT_PREFIX = "fs"
TEMPLATE = re.compile(r"fu:(?P<command>[a-z_]{1,20}):(?P<owner>[0-9]{1,20}):(?P<value>.*)", re.S)
SELECT_TEMPLATE = re.compile(
    r"fs:(?P<command>[a-z_]{1,20}):(?P<owner>[0-9]{1,20}):(?P<value>.*)", re.S
)
NOT_YOURS = N_("This button belongs to someone else's reminder; your own are in your DMs.")


class ActionRunner(Protocol):
    """What a click is handed to: the adapter runs the command as the clicking user."""

    async def run_action(self, interaction: discord.Interaction, command: str, text: str) -> None:
        """Run `command text` for `interaction.user` and answer the interaction."""
        ...


def custom_id(prefix: str, command: str, owner_id: str, value: str) -> str | None:
    """The custom id for this action, shortened if needed; None if it cannot fit."""
    for candidate in (value, compact(value)):
        cid = f"{prefix}:{command}:{owner_id}:{candidate}"
        if len(cid) <= MAX_CUSTOM_ID:
            return cid
    return None


def compact(value: str) -> str:
    """The same command with each quoted interviewer name cut to its first name.

    The core matches an interviewer by full name or by first name, so `"Jane Doe"` and
    `Jane` select the same follow-up.
    """
    try:
        words = shlex.split(value, posix=True)
    except ValueError:
        return value
    out = []
    for word in words:
        if "=" in word or word.startswith("#") or " " not in word:
            out.append(_requote(word))
        else:
            out.append(_requote(word.split()[0]))
    return " ".join(out)


def _requote(word: str) -> str:
    if "=" in word:
        key, _sep, val = word.partition("=")
        return f'{key}="{val}"' if " " in val else word
    return f'"{word}"' if " " in word else word


def fits(action: Action, owner_id: str) -> bool:
    """Whether a button for `action` fits Discord's 100-character custom id."""
    return custom_id(BUTTON_PREFIX, action.action_id, owner_id, action.value) is not None


async def _refuse_strangers(interaction: discord.Interaction, owner: str) -> bool:
    if str(interaction.user.id) == owner:
        return True
    with speaking(language_of_locale(str(interaction.locale))):  # the stranger's Discord's
        await interaction.response.send_message(_(NOT_YOURS), ephemeral=True)
    return False


async def _run(interaction: discord.Interaction, command: str, text: str) -> None:
    runner: ActionRunner | None = getattr(interaction.client, "followup", None)
    if runner is not None:
        await runner.run_action(interaction, command, text)


class CommandButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=TEMPLATE):
    """A button that runs `/interview <command> <value>` for its owner."""

    def __init__(
        self, command: str, owner: str, value: str, button: discord.ui.Button[Any]
    ) -> None:
        super().__init__(button)
        self.command, self.owner, self.value = command, owner, value

    @classmethod
    def build(
        cls, command: str, owner: str, value: str, label: str, style: discord.ButtonStyle
    ) -> CommandButton:
        """A new button; the caller checked that it `fits`."""
        cid = custom_id(BUTTON_PREFIX, command, owner, value)
        if cid is None:
            raise ValueError("action too long for a custom id")
        match = TEMPLATE.fullmatch(cid)
        assert match is not None  # noqa: S101  built from the template above
        button: discord.ui.Button[Any] = discord.ui.Button(
            label=label[:80], style=style, custom_id=cid
        )
        return cls(command, owner, match["value"], button)

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction,
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> CommandButton:
        """Rebuild the button from a click, even one sent before a restart."""
        assert isinstance(item, discord.ui.Button)  # noqa: S101
        return cls(match["command"], match["owner"], match["value"], item)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Only the member the reminder was for."""
        return await _refuse_strangers(interaction, self.owner)

    async def callback(self, interaction: discord.Interaction) -> None:
        """Run the command as the member who clicked."""
        await _run(interaction, self.command, self.value)


class CommandSelect(discord.ui.DynamicItem[discord.ui.Select[Any]], template=SELECT_TEMPLATE):
    """Several actions of one command (snooze for an hour, a day, 3 days) as one menu."""

    def __init__(
        self, command: str, owner: str, prefix: str, select: discord.ui.Select[Any]
    ) -> None:
        super().__init__(select)
        self.command, self.owner, self.prefix = command, owner, prefix

    @classmethod
    def build(cls, command: str, owner: str, actions: list[Action]) -> CommandSelect | None:
        """A menu when the actions share leading words; None when they don't fit one."""
        values = [a.value for a in actions]
        common = _common_words(values)
        if not common:
            return None
        cid = custom_id(SELECT_PREFIX, command, owner, common)
        if cid is None:
            return None
        rests = [v[len(common) :].strip() for v in values]
        if any(not r or len(r) > 100 for r in rests):
            return None
        match = SELECT_TEMPLATE.fullmatch(cid)
        assert match is not None  # noqa: S101
        select: discord.ui.Select[Any] = discord.ui.Select(
            custom_id=cid,
            placeholder=_("{menu}…").format(menu=menu_name(command)),
            options=[
                discord.SelectOption(label=a.label[:100], value=rest)
                for a, rest in zip(actions, rests, strict=True)
            ],
        )
        return cls(command, owner, match["value"], select)

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction,
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> CommandSelect:
        """Rebuild the menu from a choice, even one sent before a restart."""
        assert isinstance(item, discord.ui.Select)  # noqa: S101
        return cls(match["command"], match["owner"], match["value"], item)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Only the member the reminder was for."""
        return await _refuse_strangers(interaction, self.owner)

    async def callback(self, interaction: discord.Interaction) -> None:
        """Run the command with the chosen option appended."""
        chosen = self.item.values[0] if self.item.values else ""
        await _run(interaction, self.command, f"{self.prefix} {chosen}".strip())


def _common_words(values: list[str]) -> str:
    """The longest run of whole leading words shared by every value."""
    first = values[0].split(" ")
    common: list[str] = []
    for index, word in enumerate(first):
        prefix = " ".join([*common, word])
        if all(v == prefix or v.startswith(prefix + " ") for v in values):
            common.append(word)
        else:
            break
        if index == len(first) - 1:
            break
    return " ".join(common)
