"""The newest message of a pasted or forwarded email, without its history and signature.

A member pastes what their mail client shows: the employer's answer on top, then the
member's own earlier mail quoted under an attribution line ("On Mon ... wrote:") or an
Outlook header block, then perhaps a signature and a legal disclaimer. Only the answer is
the reply. A forwarded email is the other way round: the member's note (often empty) sits
above a "Forwarded message" header, and the employer's text is below it, with its From.
Everything here works line by line on text that was HTML once, so tags, entities and
non-breaking spaces are undone first.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bot.domain.text import unaccented

MAX_READ = 40_000
"""Characters of a paste that are read at all: Slack's longest message; Discord's is 4,000.
A reply is a few KB and the rest is history."""
MAX_BODY = 8_000
"""Characters of the newest message that are classified: some 1,300 words, more than any
reply holds, so that a pasted log or a thousand-line paste costs little to refuse."""

_BREAK_TAGS = re.compile(
    r"<\s*(?:br|/p|/div|/li|/tr|/h\d)\s*/?\s*>|<\s*(?:p|div|li|tr)\b[^>]*>", re.I
)
_TAG = re.compile(r"</?[a-zA-Z][^<>@\n]{0,200}>")
_IMAGE = re.compile(r"\[(?:image|cid|logo|inline image)[^\]\n]{0,200}\]", re.I)
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]{1,200})\]\((?:https?|mailto):[^)\s]{1,500}\)")
_BRACKETED_URL = re.compile(r"[ \t]*[<\[](?:https?://|mailto:)[^>\]\s]{1,500}[>\]]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")

# A forwarded message's banner, in the languages mail clients write it in.
_FORWARDED = re.compile(
    r"^\s*(?:-{2,}\s*)?(?:forwarded message|begin forwarded message|original message follows"
    r"|message transfere|mensaje reenviado|mensagem encaminhada|weitergeleitete nachricht"
    r"|mensaje original reenviado)\b.*$"
)
# Attribution lines ahead of quoted history: "On ... wrote:", "Le ... a écrit :", and so on.
# Matched on folded text (accents dropped), possibly two lines joined (clients wrap them).
_ATTRIBUTION = re.compile(
    r"^\s*(?:(?:on|le|am|el|em)\b.{4,300}\b(?:wrote|a ecrit|schrieb|escribio|escreveu)\b.{0,200}"
    r"|.{4,300}\b(?:wrote|a ecrit|escribio|escreveu))\s*:\s*$"
)
_ORIGINAL = re.compile(
    r"^\s*-{2,}\s*(?:original message|mensaje original|message d'origine|message original"
    r"|ursprungliche nachricht|urspr\w* nachricht|mensagem original)\s*-{2,}\s*$"
)
# Outlook's header block ("From: / Sent: / To: / Subject:") and its translations.
_HEADER_FROM = re.compile(r"^\s*\*?(?:from|de|von|da)\s*:\*?\s*(?P<value>.+)$")
_HEADER_OTHER = re.compile(
    r"^\s*\*?(?:sent|date|to|cc|subject|envoye|a|objet|gesendet|datum|an|betreff|enviado|fecha"
    r"|para|asunto|data|assunto)\s*:\*?\s*.*$"
)
_SUBJECT = re.compile(r"^\s*\*?(?:subject|objet|betreff|asunto|assunto)\s*:\*?\s*(?P<value>.*)$")
# Where the signature or the small print begins.
_SIGNATURE_RULE = re.compile(r"^\s*(?:--|__+|—)\s*$")
_DEVICE = re.compile(
    r"^\s*(?:sent from my|sent from (?:outlook|mail)|get outlook for|enviado desde mi"
    r"|envoye de mon|von meinem \w+ gesendet|enviado do meu)\b"
)
_DISCLAIMER = re.compile(
    r"^\s*(?:this (?:e-?mail|message|communication)\b.{0,80}\b(?:confidential|intended)"
    r"|confidential(?:ity)? notice|disclaimer\b|the information (?:in|contained in) this"
    r"|ce (?:message|courriel|mail)\b.{0,60}\bconfidenti|este (?:correo|mensaje|e-?mail)\b"
    r".{0,60}\bconfidencial|diese (?:e-?mail|nachricht)\b.{0,60}\bvertraulich"
    r"|esta mensagem\b.{0,60}\bconfidencial)"
)
# The line that ends a message and starts its signature ("Best regards,", "Mit
# freundlichen Grüßen"); matched on the whole line, folded, trailing punctuation dropped.
SIGN_OFFS = frozenset(
    {
        # English
        "best",
        "best regards",
        "kind regards",
        "kindest regards",
        "warm regards",
        "warmest regards",
        "regards",
        "many thanks",
        "thanks",
        "thank you",
        "thanks again",
        "thanks so much",
        "cheers",
        "sincerely",
        "yours sincerely",
        "sincerely yours",
        "yours faithfully",
        "warmly",
        "all the best",
        "best wishes",
        "with best wishes",
        "talk soon",
        "take care",
        "respectfully",
        "thanks for your patience",
        "looking forward to working together",
        "thanks again for all your time",
        "happy holidays",
        "good luck",
        # Spanish
        "un saludo",
        "saludos",
        "saludos cordiales",
        "un cordial saludo",
        "atentamente",
        "un abrazo",
        "gracias",
        "muchas gracias",
        # French
        "cordialement",
        "bien cordialement",
        "bien a vous",
        "bien a toi",
        "merci",
        "merci beaucoup",
        "a tres vite",
        "a bientot",
        "belle journee",
        "bonne journee",
        "salutations distinguees",
        "felicitations",
        # German
        "mit freundlichen grussen",
        "mit freundlichen gruessen",
        "freundliche grusse",
        "viele grusse",
        "beste grusse",
        "herzliche grusse",
        "liebe grusse",
        "schone grusse",
        "gruss",
        "danke",
        "vielen dank",
        # Portuguese
        "cumprimentos",
        "com os melhores cumprimentos",
        "melhores cumprimentos",
        "atenciosamente",
        "abracos",
        "abraco",
        "um abraco",
        "obrigado",
        "obrigada",
        "parabens",
    }
)
_TRAILING = re.compile(r"[\s,.!;:]+$")
_MAX_SIGNATURE_LINES = 12
_MAX_CLOSING_LINES = 4
_WRAPPED = 60  # a line this long that stops mid-sentence was wrapped by a mail client
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)]|option\b|[a-z]\))", re.IGNORECASE)
_MAX_CLOSING_WORDS = 5


@dataclass(frozen=True)
class Message:
    """The newest message of a paste: its text, where its signature starts, who sent it."""

    body: str  # the message without history, signature or small print
    signature: tuple[str, ...] = ()  # the lines from the sign-off on (name, title, contacts)
    from_header: str | None = None  # the value of a forwarded message's From:
    subject: str | None = None  # a forwarded message's Subject:
    forwarded: bool = False
    quoted: bool = False  # history or a header block was cut


def plain(text: str) -> str:
    """HTML leftovers undone, whitespace tidied, one kind of line end, at most MAX_READ."""
    text = text[:MAX_READ].replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text or "&" in text:
        text = _BREAK_TAGS.sub("\n", text)
        text = _TAG.sub("", text)
        text = html.unescape(text)
    text = _CONTROL.sub("", text)
    text = _IMAGE.sub("", text)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _BRACKETED_URL.sub("", text)
    return "\n".join(line.strip() for line in _SPACES.sub(" ", text).split("\n"))


def newest(text: str) -> Message:
    """The message a member means: the forwarded one, else the top one without its history."""
    lines = plain(text).split("\n")
    folded = [unaccented(line) for line in lines]
    start, from_header, subject = _forwarded(lines, folded)
    forwarded = start > 0
    end, quoted = _history_starts(folded, start)
    body, signature = _without_signature(lines[start:end], folded[start:end])
    return Message(
        body="\n".join(_unwrapped(body)).strip()[:MAX_BODY],
        signature=tuple(signature),
        from_header=from_header,
        subject=subject,
        forwarded=forwarded,
        quoted=quoted,
    )


def _unwrapped(lines: list[str]) -> list[str]:
    """Hard-wrapped lines joined back into their sentences.

    A phrase a mail client split at a line end still reads as one ("we have decided to" /
    "proceed with other candidates"); a list of times stays one a line.
    """
    joined: list[list[str]] = []
    for line in lines:
        previous = joined[-1][-1] if joined else ""
        if (
            line
            and len(previous) >= _WRAPPED
            and not previous.endswith((".", "!", "?", ":", ";"))
            and not _LIST_ITEM.match(line)
        ):
            joined[-1].append(line)
        else:
            joined.append([line])
    return [" ".join(parts) for parts in joined]


def _forwarded(lines: list[str], folded: list[str]) -> tuple[int, str | None, str | None]:
    """Where a forwarded message's text begins (0 if none), its From: and its Subject:."""
    for index, line in enumerate(folded):
        if not _FORWARDED.match(line):
            continue
        from_header = subject = None
        at = index + 1
        while at < len(lines) and (not lines[at] or _is_header(folded[at])):
            if found := _HEADER_FROM.match(folded[at]):
                from_header = lines[at][found.start("value") :].strip()
            elif found := _SUBJECT.match(folded[at]):
                subject = lines[at][found.start("value") :].strip()
            at += 1
            if from_header and at < len(lines) and not lines[at]:
                break
        return at, from_header, subject
    return 0, None, None


def _is_header(line: str) -> bool:
    return bool(_HEADER_FROM.match(line) or _HEADER_OTHER.match(line))


def _history_starts(folded: list[str], start: int) -> tuple[int, bool]:
    """The first line of quoted history below `start`, or the end when there is none."""
    for index in range(start, len(folded)):
        line = folded[index]
        if not line:
            continue
        if line.startswith(">") or _ORIGINAL.match(line):
            return index, True
        joined = line if line.endswith(":") else f"{line} {_next(folded, index)}"
        if len(joined) < 400 and _ATTRIBUTION.match(joined):
            return index, True
        if _HEADER_FROM.match(line) and _header_block(folded, index):
            return index, True
    return len(folded), False


def _next(folded: list[str], index: int) -> str:
    return folded[index + 1] if index + 1 < len(folded) else ""


def _header_block(folded: list[str], index: int) -> bool:
    """A From: line with another header within the next few lines: Outlook's quote block."""
    return any(_HEADER_OTHER.match(line) for line in folded[index + 1 : index + 5])


def _without_signature(lines: list[str], folded: list[str]) -> tuple[list[str], list[str]]:
    """The message and its signature: split at a sign-off near the end, a `--`, or small print."""
    end = len(lines)
    for index, line in enumerate(folded):
        if _SIGNATURE_RULE.match(line) or _DISCLAIMER.match(line) or _DEVICE.match(line):
            end = index
            break
    body, kept = lines[:end], []
    for line, low in zip(
        lines[end + 1 : end + _MAX_SIGNATURE_LINES], folded[end + 1 :], strict=False
    ):
        if _DISCLAIMER.match(low) or _DEVICE.match(low):
            break
        kept.append(line)
    for index in range(len(body) - 1, max(-1, len(body) - _MAX_SIGNATURE_LINES - 1), -1):
        if _TRAILING.sub("", folded[index]) in SIGN_OFFS and index > 0:
            return body[:index], [*body[index + 1 :], *kept]
    last = _last_paragraph(body)
    if last is not None:
        return body[:last], [*body[last:], *kept]
    return body, kept


def _last_paragraph(body: list[str]) -> int | None:
    """Where a closing block of a few short lines starts (a name, then a title, no sign-off)."""
    end = len(body)
    while end and not body[end - 1]:
        end -= 1
    blank = next((index for index in range(end - 1, -1, -1) if not body[index]), None)
    if blank is None:
        return None
    start = blank + 1
    block = body[start:end]
    first = block[0] if block else ""
    if not block or len(block) > _MAX_CLOSING_LINES or len(first.split()) > _MAX_CLOSING_WORDS:
        return None
    if first.endswith((".", "?", "!", ":", ",")) or not any(line for line in body[:start]):
        return None
    return start
