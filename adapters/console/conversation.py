"""Drive the bot like a member typing: shared by `followup console` and the test harness."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from adapters.console.messenger import PLATFORM, ConsoleMessenger, dm_text
from adapters.speech import member_language
from bot.app import Core
from bot.chat import Attachment, CommandRequest, Form, MemberRef, Reply, Visibility
from bot.domain.invites import MAX_INVITE_BYTES
from bot.domain.languages import DEFAULT_LANGUAGE
from bot.domain.timeparse import parse_duration
from bot.errors import UserError
from bot.i18n import N_, _, speaking
from bot.scheduling.clock import ManualClock, OffsetClock
from bot.storage import repositories as repo

WORKSPACE = "local"
CHANNEL = "wins"  # the console's one channel: where `wins=here` posts go
DIRECTIVES = N_(":as NAME, :advance DURATION (like 25h or 3d), :now, :help")
NOT_UTF8 = N_(
    "That line has bytes that aren't UTF-8 text, so I ignored it and stored nothing. Set "
    "your terminal (or the file you piped in) to UTF-8 and type it again."
)
PASTE_HOW = N_(
    "Paste it now, over as many lines as it takes; then a line with only a full stop (.) "
    "to finish. Pasted after the command on one line, it works as well."
)
EXPORT_DIR = Path("var/exports")
# `/interview log invite=path/to/invite.ics`: the console attaches the file, as a chat would.
_INVITE = re.compile(r"""(?:^|(?<=\s))invite=(?:"([^"]*)"|'([^']*)'|(\S+))""", re.IGNORECASE)


def save_attachments(directory: Path, user: str, attachments: Iterable[Attachment]) -> list[Path]:
    """Write a DM's files under `directory/<user>/` (the console has no file viewer)."""
    folder = directory / (re.sub(r"[^A-Za-z0-9._-]+", "_", user).strip("._") or "member")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for attachment in attachments:
        path = folder / (Path(attachment.filename).name or "file")
        path.write_bytes(attachment.content)
        paths.append(path)
    return paths


class Conversation:
    """One console session: who is typing, the simulated clock, and what was printed.

    The console's own notices are said in the typing member's language (`language`, read
    again at each line: a member may have just changed it); replies in their own. `locale`
    is the machine's (`zone.process_locale`), sent with each command as a platform's
    locale is: the first guess at a new member's language.
    """

    def __init__(
        self,
        core: Core,
        clock: ManualClock | OffsetClock,
        *,
        user: str = "you",
        write: Callable[[str], None] | None = None,
        export_dir: Path = EXPORT_DIR,
        locale: str | None = None,
    ) -> None:
        self.core = core
        self.locale = locale
        self.clock = clock
        self.user = user
        self.is_admin = True  # tests turn it off to see what a member sees
        self.export_dir = export_dir  # where files sent by DM (exports) are saved
        self.transcript: list[str] = []
        self.language = DEFAULT_LANGUAGE
        self._write = write
        self._paste: tuple[Form, list[str]] | None = None  # the form, the lines so far
        core.add_messenger(ConsoleMessenger(self._emit, clock, self._zone_of))

    @property
    def pasting(self) -> bool:
        """Whether the lines that come are a paste (an email) for the form just shown."""
        return self._paste is not None

    async def say(self, line: str) -> str:
        """Handle one line (a command or a directive) and return everything it printed.

        After a form for pasted text (`reply #3` alone), lines are gathered as they are,
        blank ones too, until one holding only a full stop, then submitted as the form.
        """
        start = len(self.transcript)
        text = line.strip()
        with speaking(self.refresh_language()):
            if self._paste is not None:
                await self._gather(line.rstrip("\r\n"))
            elif not text or text.startswith("#"):
                pass
            elif not _is_text(text):
                self._emit(_(NOT_UTF8))
            elif text.startswith(":"):
                await self._directive(text)
            else:
                await self._command(text)
        return "\n".join(self.transcript[start:])

    def refresh_language(self) -> str:
        """The typing member's language, read now and kept for notices said between lines."""
        self.language = member_language(self.core, self.member(), self.locale)
        return self.language

    async def deliver(self) -> None:
        """Deliver whatever reminders are due now."""
        await self.core.delivery.deliver_due()

    async def advance(self, delta: timedelta) -> None:
        """Move the clock on by `delta`, stopping wherever a reminder falls due on the way.

        Each stop delivers what is due at that moment, as a running deployment would, so a
        DM is stamped with its own time and quiet hours hold it as they would in production.
        Asking for the next due time at every stop finds reminders planned by the one
        before (a retry, a reminder held for the morning): one stop per reminder, not one
        per minute. A stop that leaves its own moment still due (nothing could be sent)
        ends the stepping rather than spinning.
        """
        end = self.clock.now() + delta
        moment = None
        while (due := await self.core.delivery.next_due()) is not None and due <= end:
            if moment is not None and due <= moment:
                break
            moment = max(due, self.clock.now())
            self.clock.set(moment)
            await self.deliver()
        self.clock.set(end)

    def member(self, name: str | None = None) -> MemberRef:
        """The console identity of `name` (default: whoever is typing)."""
        return MemberRef(PLATFORM, WORKSPACE, name or self.user)

    async def _command(self, text: str) -> None:
        words = text.split(maxsplit=1)
        head = words[0].casefold()
        if head not in ("/interview", "interview"):
            self._emit(_("Commands start with /interview. Try /interview help."))
            return
        rest = words[1] if len(words) > 1 else ""
        # A paste of several lines comes as one: its command ends at any space or newline.
        command, args = (*rest.strip().split(maxsplit=1), "", "")[:2]
        files: tuple[Attachment, ...] = ()
        if command.casefold() == "log" and _INVITE.search(args):
            taken = _take_invite(args)
            if isinstance(taken, str):
                self._emit(taken)
                return
            args, files = taken
        await self._send(command, args, files=files)

    async def _send(
        self,
        command: str,
        args: str,
        *,
        files: tuple[Attachment, ...] = (),
        options: dict[str, str] | None = None,
    ) -> None:
        request = CommandRequest(
            member=self.member(),
            command=command,
            text=args,
            received_at=self.clock.now(),
            display_name=self.user,
            group_id=WORKSPACE,  # the local group
            is_admin=self.is_admin,  # their own machine: they administer it
            channel_id=CHANNEL,
            files=files,
            options=options,
            locale=self.locale,
        )
        reply = await self.core.dispatcher.handle(request)
        self._show(reply)
        form = reply.form
        if form is not None and form.paste and len(form.fields) == 1:
            self._paste = (form, [])
            self._emit(_(PASTE_HOW))

    async def _gather(self, line: str) -> None:
        """One line of a paste; a full stop alone submits the form with all of them."""
        if self._paste is None:
            return
        form, lines = self._paste
        if line.strip() != ".":
            if _is_text(line):
                lines.append(line)
            else:
                self._emit(_(NOT_UTF8))
            return
        self._paste = None
        await self._send(form.command, form.context, options={form.fields[0].key: "\n".join(lines)})

    def _show(self, reply: Reply) -> None:
        with speaking(reply.language):
            if reply.visibility is Visibility.DIRECT:
                zone = self._zone_of(self.member())
                text = dm_text(self.user, self.clock.now().astimezone(zone), reply)
                if reply.attachments:
                    paths = save_attachments(self.export_dir, self.user, reply.attachments)
                    files = "\n".join(str(path) for path in paths)
                    text += "\n\n" + _("Files:\n{paths}").format(paths=files)
                self._emit(text)
            else:
                self._emit(reply.plain_text())

    async def _directive(self, text: str) -> None:
        try:
            name, *args = shlex.split(text)
        except ValueError:
            self._emit(
                _("I couldn't read that directive. Directives: {directives}").format(
                    directives=_(DIRECTIVES)
                )
            )
            return
        name = name.casefold()
        if name == ":as" and args:
            self.user = " ".join(args)
            self._emit(_("You are now {name}.").format(name=self.user))
        elif name == ":advance" and args:
            try:
                delta: timedelta = parse_duration("".join(args))
            except UserError as error:
                self._emit(f"{error.message} {error.hint or ''}".strip())
                return
            await self.advance(delta)
            self._emit(_("Time is now {time}.").format(time=self._now_text()))
        elif name == ":now":
            self._emit(self._now_text())
        else:
            self._emit(_("Directives: {directives}").format(directives=_(DIRECTIVES)))

    def _now_text(self) -> str:
        return (
            self.clock.now().astimezone(self._zone_of(self.member())).isoformat(timespec="seconds")
        )

    def _zone_of(self, ref: MemberRef) -> ZoneInfo:
        """The member's zone from their columns: a signature that won't decrypt can't stop it."""
        with self.core.deps.db.reading() as session:
            member = repo.member_facts(session, ref)
            return self.core.deps.zone_of(member) if member else self.core.deps.default_tz

    def _emit(self, text: str) -> None:
        self.transcript.append(text)
        if self._write is not None:
            self._write(text)


def _take_invite(args: str) -> tuple[str, tuple[Attachment, ...]] | str:
    """The command text without `invite=PATH`, and the file it names; else what went wrong.

    A relative path is read from the folder the console was started in, like a shell's.
    """
    found = list(_INVITE.finditer(args))
    if len(found) > 1:
        return _("Give one invite=path at a time: I read one invite per command.")
    match = found[0]
    typed = next(group for group in match.groups() if group is not None)
    path = Path(typed).expanduser()
    shown = (
        f"'{typed}'"
        if path.is_absolute()
        else _("'{path}' (in {folder})").format(path=typed, folder=Path.cwd())
    )
    try:
        size = path.stat().st_size
        if path.is_dir():
            return _("{file} is a folder. Give the path of the invite's .ics file.").format(
                file=shown
            )
        if size > MAX_INVITE_BYTES:
            return _(
                "{file} is {size} KiB; an invite may be at most {cap} KiB. Export just that "
                "one event's .ics."
            ).format(file=shown, size=f"{size / 1024:,.0f}", cap=MAX_INVITE_BYTES // 1024)
        content = path.read_bytes()
    except FileNotFoundError:
        return _("I couldn't find the file {file}. Check the path and type it again.").format(
            file=shown
        )
    except OSError as error:
        return _("I couldn't read {file}: {error}. Check the file and try again.").format(
            file=shown, error=error.strerror or error
        )
    media = "text/calendar" if path.suffix.casefold() == ".ics" else "application/octet-stream"
    rest = (args[: match.start()] + " " + args[match.end() :]).strip()
    return rest, (Attachment(path.name, content, media),)


def _is_text(line: str) -> bool:
    """False for lone surrogates: undecodable input bytes (surrogateescape), never stored."""
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
