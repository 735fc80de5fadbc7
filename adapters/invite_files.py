"""Which files members send are calendar invites, and what to tell them when one can't be read.

The core never opens a URL: each chat adapter downloads a member's invite itself and passes
its bytes in `CommandRequest.files`. Before downloading, the adapter asks here whether a file
is a calendar invite (by its name or media type) and within the core's size cap, so a photo or
a whole calendar export is answered without being fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeGuard

from bot.chat import Attachment, Reply, Section
from bot.commands.args import parse_args
from bot.domain.invites import MAX_INVITE_BYTES, looks_like_invite
from bot.domain.languages import DEFAULT_LANGUAGE
from bot.errors import UserError
from bot.i18n import N_, _, speaking

NOT_AN_INVITE = N_(
    "That file isn't a calendar invite, so I logged nothing from it. Send the invite's .ics "
    "file (the invite.ics attached to the invitation email, or the event exported from your "
    "calendar), or type the details with /interview log."
)
UNREADABLE = N_("I couldn't download that file. Please send it again in a moment.")
TOO_BIG = N_(
    "That invite is {size}, more than the {cap} one interview's invite needs, so I didn't "
    "open it. Send the invite.ics from the invitation email rather than a whole calendar "
    "export."
)


def is_invite(name: object, media_type: object) -> bool:
    """Whether a file's name or media type says it is a calendar invite (as the core reads)."""
    return looks_like_invite(
        name if isinstance(name, str) else "",
        media_type if isinstance(media_type, str) else None,
    )


def too_big(size: object) -> TypeGuard[int]:
    """Whether a file's stated size is over the core's cap (then it is never downloaded)."""
    return isinstance(size, int) and size > MAX_INVITE_BYTES


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
    """What an adapter got of a member's files: the invites, and what stopped the others.

    Each problem is kept as its English message and values, and said only in `answer`: the
    member's language is known once the core has replied (or the adapter has asked).
    """

    files: list[Attachment] = field(default_factory=list)
    problems: list[tuple[str, tuple[tuple[str, str], ...]]] = field(default_factory=list)

    def add(self, name: str, content: bytes, media_type: object) -> None:
        """A downloaded invite (its size checked again: a platform's figure may be stale)."""
        if too_big(len(content)):
            self.refuse_too_big(len(content))
            return
        kind = media_type if isinstance(media_type, str) and media_type else "text/calendar"
        self.files.append(Attachment(name, content, kind))

    def refuse(self, problem: str, **values: str) -> None:
        """Note why one file was not passed on (`problem` an N_() message; each said once)."""
        noted = (problem, tuple(values.items()))
        if noted not in self.problems:
            self.problems.append(noted)

    def refuse_too_big(self, size: int) -> None:
        """Note a file over the core's cap, with its size and the cap."""
        self.refuse(TOO_BIG, size=_kilobytes(size), cap=_kilobytes(MAX_INVITE_BYTES))

    def answer(self, reply: Reply | None = None, language: str = DEFAULT_LANGUAGE) -> Reply:
        """The core's `reply` to the invites, led by what stopped the other files.

        The problems are said in the reply's language, or in `language` when there is none.
        """
        with speaking(reply.language if reply is not None else language):
            said = [_(problem).format(**dict(values)) for problem, values in self.problems]
        if reply is None:
            answer = Reply.text(*said)
            answer.language = language
            return answer
        reply.blocks[:0] = [Section(text) for text in said]
        return reply
