"""Commands declared once, as data: the help text and every platform's menus come from here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.chat import CommandRequest, Reply
from bot.commands.args import MAX_INPUT_CHARS, ParsedArgs
from bot.errors import UserError
from bot.i18n import N_, _
from bot.storage import repositories as repo
from bot.storage.models import Member
from bot.storage.repositories import MemberFacts

if TYPE_CHECKING:
    from bot.app import Core


@dataclass(frozen=True)
class OptionSpec:
    """One `key=value` a command takes, or (kind "file") a file sent with the command.

    A file option never reaches the core as text: adapters download the file the member
    attached (Discord: an attachment option) and pass it in `CommandRequest.files`.
    """

    name: str
    description: str
    required: bool = False
    kind: str = "text"  # text, file


@dataclass
class Context:
    """What a handler gets: the request, its parsed arguments, the member and the core.

    A read-only command starts from the member's facts (`known`, one column query); the
    `Member` entity is loaded only if its handler asks for `member`. Most reads never do,
    and loading it was most of a light command's cost (bench/discord.py).
    """

    request: CommandRequest
    args: ParsedArgs
    known: Member | MemberFacts
    session: Session
    core: Core

    @cached_property
    def member(self) -> Member:
        """The member's entity, for handlers that change them or walk their relationships."""
        if isinstance(self.known, Member):
            return self.known
        member = repo.find_member(self.session, self.request.member)
        if member is None:  # their facts were read in this very transaction
            raise RuntimeError("a member's facts were read but the member is gone")
        return member

    @property
    def member_id(self) -> int:
        """The member's id, without loading the entity."""
        return self.known.id

    @property
    def zone(self) -> ZoneInfo:
        """The member's time zone (as it is now: a handler may just have changed it)."""
        return self.core.deps.zone_of(self.known)


Handler = Callable[[Context], Reply]


@dataclass(frozen=True)
class CommandSpec:
    """A subcommand of `/interview`: its name, what it does, how to write it, its handler."""

    name: str
    summary: str
    usage: str
    handler: Handler
    options: tuple[OptionSpec, ...] = ()
    aliases: tuple[str, ...] = ()
    example: str | None = None
    raw: bool = False  # takes free text (a pasted note), not key=value options
    writes: bool = True  # False: answers from a read-only transaction (no write lock)
    # Its service checks the keys itself, because they depend on what is stored (an
    # interviewer's first name in `notes`) or come from its own list (settings, fields).
    open_options: bool = False
    # Only pressed as a button (or typed from one): kept out of help and the Discord tree,
    # whose 25 subcommands are counted.
    hidden: bool = False
    max_chars: int = MAX_INPUT_CHARS  # the longest raw text it takes (a pasted email: more)
    too_long: str = N_("Check a shorter note; a good follow-up is under 200 words.")

    def check_options(self, given: Iterable[str]) -> None:
        """Refuse a `key=` this command does not take: dropping it would do the wrong thing.

        `resume #1 until=friday` would resume now, `sent #3 when=yesterday` record now.
        """
        if not self.open_options:
            refuse_unknown(self.name, given, [option.name for option in self.options])


def refuse_unknown(command: str, given: Iterable[str], known: Iterable[str]) -> None:
    """A `UserError` naming the first of `given` not in `known`, and listing `known`."""
    names = list(known)
    unknown = next((key for key in given if key not in names), None)
    if unknown is None:
        return
    hint = (
        _("Known options: {options}.").format(options=", ".join(f"{name}=" for name in names))
        if names
        else _("`{command}` takes no options.").format(command=command)
    )
    raise UserError(
        _("I don't know the option `{option}` for `{command}`.").format(
            option=unknown, command=command
        ),
        hint=hint,
    )


class Registry:
    """The set of commands, looked up by name or alias."""

    def __init__(self, specs: Iterable[CommandSpec]) -> None:
        self._specs = list(specs)
        self._by_name: dict[str, CommandSpec] = {}
        for spec in self._specs:
            for name in (spec.name, *spec.aliases):
                if name in self._by_name:
                    raise ValueError(f"command {name!r} declared twice")
                self._by_name[name] = spec

    @property
    def specs(self) -> list[CommandSpec]:
        """Commands in the order they were declared."""
        return list(self._specs)

    def get(self, name: str) -> CommandSpec | None:
        """The command called `name` (or one of its aliases)."""
        return self._by_name.get(name.casefold())

    def names(self) -> list[str]:
        """Primary names, for suggestions."""
        return [spec.name for spec in self._specs if not spec.hidden]

    @property
    def shown(self) -> list[CommandSpec]:
        """The commands a member is told about (help, menus), in declared order."""
        return [spec for spec in self._specs if not spec.hidden]
