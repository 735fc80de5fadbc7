"""Commands declared once, as data: the help text and every platform's menus come from here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from bot.chat import CommandRequest, Reply
from bot.commands.args import ParsedArgs
from bot.storage.models import Member

if TYPE_CHECKING:
    from bot.app import Core


@dataclass(frozen=True)
class OptionSpec:
    """One `key=value` a command takes."""

    name: str
    description: str
    required: bool = False


@dataclass(frozen=True)
class Context:
    """What a handler gets: the request, its parsed arguments, the member and the core."""

    request: CommandRequest
    args: ParsedArgs
    member: Member
    session: Session
    core: Core


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
        return [spec.name for spec in self._specs]
