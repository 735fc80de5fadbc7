"""Which files members send are calendar invites, and what to tell them when one can't be read.

The core never opens a URL: each chat adapter downloads a member's invite itself and passes
its bytes in `CommandRequest.files`. Before downloading, the adapter asks here whether a file
is a calendar invite (by its name or media type) and within the core's size cap, so a photo or
a whole calendar export is answered without being fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.chat import Attachment, Reply, Section
from bot.commands.args import parse_args
from bot.domain.invites import MAX_INVITE_BYTES, looks_like_invite
from bot.errors import UserError

NOT_AN_INVITE = (
    "That file isn't a calendar invite, so I logged nothing from it. Send the invite's .ics "
    "file (the invite.ics attached to the invitation email, or the event exported from your "
    "calendar), or type the details with /interview log."
)
UNREADABLE = "I couldn't download that file. Please send it again in a moment."


def is_invite(name: object, media_type: object) -> bool:
    """Whether a file's name or media type says it is a calendar invite (as the core reads)."""
    return looks_like_invite(
        name if isinstance(name, str) else "",
        media_type if isinstance(media_type, str) else None,
    )


def too_big(size: object) -> str | None:
    """What to say about a file over the core's cap, or None when it may be downloaded."""
    if not isinstance(size, int) or size <= MAX_INVITE_BYTES:
        return None
    return (
        f"That invite is {_kilobytes(size)}, more than the {_kilobytes(MAX_INVITE_BYTES)} one "
        "interview's invite needs, so I didn't open it. Send the invite.ics from the "
        "invitation email rather than a whole calendar export."
    )


def typed_beside(text: str) -> str:
    """The command line in a message sent with an invite (`event=2 role="SRE"`), or "".

    A message without any `key=value` is a comment on the file ("here's Tuesday's"), not
    a command; one that does not parse goes on as it is, for the core to say what is wrong.
    """
    try:
        parsed = parse_args(text)
    except UserError:
        return text
    return text.strip() if parsed.options else ""


def _kilobytes(size: int) -> str:
    return f"{-(-size // 1024):,} KiB"


@dataclass
class Fetched:
    """What an adapter got of a member's files: the invites, and what stopped the others."""

    files: list[Attachment] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, name: str, content: bytes, media_type: object) -> None:
        """A downloaded invite (its size checked again: a platform's figure may be stale)."""
        problem = too_big(len(content))
        if problem is not None:
            self.refuse(problem)
            return
        kind = media_type if isinstance(media_type, str) and media_type else "text/calendar"
        self.files.append(Attachment(name, content, kind))

    def refuse(self, problem: str) -> None:
        """Note why one file was not passed on (each reason said once)."""
        if problem not in self.problems:
            self.problems.append(problem)

    def answer(self, reply: Reply | None = None) -> Reply:
        """The core's `reply` to the invites, led by what stopped the other files."""
        if reply is None:
            return Reply.text(*self.problems)
        reply.blocks[:0] = [Section(problem) for problem in self.problems]
        return reply
