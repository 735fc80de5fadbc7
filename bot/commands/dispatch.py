"""Turn a `CommandRequest` into a `Reply`: parse, run in one transaction, never crash.

Every command runs speaking the member's language (theirs, else their platform's), so its
replies, errors and forms are all in it, and the reply says which it is for the adapters.
"""

from __future__ import annotations

import asyncio
import difflib
import logging
from dataclasses import replace
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

from bot.chat import CommandRequest, Reply, Section
from bot.commands.args import ParsedArgs, clean_text, parse_args
from bot.commands.registry import Context
from bot.domain.languages import DEFAULT_LANGUAGE, language_of_locale, platform_locale
from bot.errors import UserError
from bot.i18n import N_, _, current_language, speaking
from bot.metrics import METRICS
from bot.storage import repositories as repo
from bot.storage.models import Member
from bot.storage.repositories import MemberFacts

if TYPE_CHECKING:
    from bot.app import Core

log = logging.getLogger(__name__)

# Read-only commands cheap enough to answer on the event loop (on SQLite): a few indexed
# queries, no drafting or proofreading.
INLINE = frozenset({"help", "list", "show", "due"})

OOPS = N_(
    "Something went wrong on my side, and nothing was changed. Please try again in a "
    "moment; if it keeps happening, let your group's admin know."
)


class Dispatcher:
    """Runs commands for every adapter the same way."""

    def __init__(self, core: Core) -> None:
        self.core = core

    async def handle(self, request: CommandRequest) -> Reply:
        """Answer a request without blocking the event loop on the database.

        On SQLite a cheap read (see `INLINE`) is answered right here: a read takes no lock
        there, and the hop to a thread cost more CPU than the read (bench/discord.py).
        """
        with METRICS.command_seconds.labels(request.member.platform).time():
            if self._inline and _name(request) in INLINE:
                reply = self._answer(request, reads_only=True)
                if reply is not None:
                    return reply
            return await asyncio.to_thread(self.handle_sync, request)

    @cached_property
    def _inline(self) -> bool:
        return self.core.deps.db.engine.dialect.name == "sqlite"

    def handle_sync(self, request: CommandRequest) -> Reply:
        """Answer a request; a user mistake or a bug becomes a friendly reply."""
        reply = self._answer(request, reads_only=False)
        if reply is None:  # only a reads-only answer can be None
            raise RuntimeError("a command that may write gave no reply")
        return reply

    def _answer(self, request: CommandRequest, *, reads_only: bool) -> Reply | None:
        """The reply; with `reads_only`, None when the request must write first."""
        request = cleaned(request)
        language = self._language(request)
        with speaking(language):
            try:
                answered = self._run(request, reads_only=reads_only)
            except UserError as error:
                reply = Reply.text(str(error))
                if error.field:
                    reply.field_errors[error.field] = str(error)
                answered = reply, language
            except Exception:
                spec = self.core.registry.get(_name(request))  # its name, never what was typed
                log.exception("command %r failed", spec.name if spec else "unknown")
                answered = Reply.text(_(OOPS)), language
        if answered is None:
            return None
        reply, reply.language = answered
        return reply

    def _language(self, request: CommandRequest) -> str:
        """The language to answer in: the member's, else their platform's, else English."""
        with self.core.deps.db.reading() as session:
            facts = repo.member_facts(session, request.member)
        if facts is not None:
            return self.core.deps.language_of(facts)
        return language_of_locale(platform_locale(request.locale)) or DEFAULT_LANGUAGE

    def _run(
        self, request: CommandRequest, *, reads_only: bool = False
    ) -> tuple[Reply, str] | None:
        """The reply and the language it speaks; None as for `_answer`."""
        name = _name(request)
        spec = self.core.registry.get(name)
        if spec is None:
            close = difflib.get_close_matches(name, self.core.registry.names(), n=1)
            everything = _("See everything I can do with /interview help.")
            hint = (
                _("Did you mean /interview {command}? {everything}").format(
                    command=close[0], everything=everything
                )
                if close
                else everything
            )
            raise UserError(
                _("I don't know the command '{command}'.").format(command=name), hint=hint
            )
        if spec.raw:
            args = ParsedArgs((), MappingProxyType({}))
        else:
            args = parse_args(request.text)
            spec.check_options(args.options)
        if request.options is not None:  # a submitted form: its fields are the options
            args = ParsedArgs(args.positionals, MappingProxyType(dict(request.options)))
        if spec.raw and len(request.text) > spec.max_chars:
            raise UserError(
                _("That's {count:,} characters; the limit is {limit:,}.").format(
                    count=len(request.text), limit=spec.max_chars
                ),
                hint=_(spec.too_long),
            )
        if not spec.writes:
            with self.core.deps.db.reading() as session:
                facts = repo.member_facts(session, request.member)
                if facts is not None and not _needs_write(facts, request):
                    reply = spec.handler(Context(request, args, facts, session, self.core))
                    return reply, current_language()
        if reads_only:
            return None
        with self.core.deps.db.transaction() as session:
            member = repo.ensure_member(session, request.member, request.received_at)
            if request.display_name and not member.display_name:
                member.display_name = request.display_name
            if request.member_timezone and member.platform_timezone != request.member_timezone:
                member.platform_timezone = request.member_timezone
            if _new_locale(member, request):  # the first guess at their language
                member.platform_locale = platform_locale(request.locale)
            if request.group_id:
                repo.join_group(session, member, request.group_id, request.received_at)
            reply = spec.handler(Context(request, args, member, session, self.core))
            # The handler may have changed their language (settings language=de): say the
            # rest in the new one, as the handler's own words already are.
            language = self.core.deps.language_of(member)
            if member.dm_status == "closed":  # tell once, then try DMs again
                with speaking(language):
                    notice = _dm_closed_notice(member.dm_status_reason)
                reply.blocks.insert(0, Section(notice))
                member.dm_status = "ok"
        return reply, language


def cleaned(request: CommandRequest) -> CommandRequest:
    """The request with control characters gone from everything the member typed.

    Every adapter and form passes through here, so text is the same on the way into
    either database whichever platform it came from (see `clean_text`).
    """
    options = request.options
    return replace(
        request,
        command=clean_text(request.command),
        text=clean_text(request.text),
        display_name=None if request.display_name is None else clean_text(request.display_name),
        options=None
        if options is None
        else MappingProxyType({clean_text(k): clean_text(v) for k, v in options.items()}),
    )


def _name(request: CommandRequest) -> str:
    return request.command.strip().casefold() or "help"


def _needs_write(member: MemberFacts, request: CommandRequest) -> bool:
    """Whether this request brings news about the member that must be saved first."""
    return (
        member.dm_status == "closed"
        or bool(request.display_name and not member.display_name)
        or bool(request.member_timezone and member.platform_timezone != request.member_timezone)
        or _new_locale(member, request)
        or bool(request.group_id and member.group.external_id != request.group_id)
    )


def _new_locale(member: Member | MemberFacts, request: CommandRequest) -> bool:
    """Whether the platform says the member's app is now in another language."""
    locale = platform_locale(request.locale)
    return bool(locale and member.platform_locale != locale)


def _dm_closed_notice(reason: str | None) -> str:
    if reason:
        return _(
            "I couldn't send you a reminder by DM ({reason}). Please allow direct messages "
            "from this app, then run /interview due to see what is waiting."
        ).format(reason=reason)
    return _(
        "I couldn't send you a reminder by DM. Please allow direct messages from "
        "this app, then run /interview due to see what is waiting."
    )
