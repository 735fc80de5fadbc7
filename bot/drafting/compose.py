"""Hand a draft to the member's own mail client: compose links and an `.eml` draft.

The bot never sends mail. It offers links that open a pre-filled compose window (Gmail,
Outlook on the web, and a `mailto:` for whatever desktop or phone client the member uses)
and an `.eml` file that Outlook and Apple Mail open as an unsent draft.

What goes in is text a member typed, so it is made safe before it goes anywhere:

- The subject is one line. Each run of line breaks (CR, LF and the other characters
  `str.splitlines` breaks on) becomes a single space: "Thanks", CRLF, "Bcc: x@y" is the
  subject "Thanks Bcc: x@y", never a second header.
- The recipient is one address. Line breaks are removed, anything from the first ',' or ';'
  on is dropped (so "a@x.com, b@y.com" is just "a@x.com"; a display name with a comma in
  it, like "Doe, Jane <j@x.com>", is not supported), "Name <addr>" becomes "addr", and
  surrounding whitespace goes. Nothing left means no recipient.
- The body keeps its line breaks, normalised: CRLF, lone CR and LF all become one line
  break, written as LF in the web compose links and as CRLF (%0D%0A) in `mailto:` links,
  as RFC 6068 section 5 requires.
- Lone surrogates (not encodable text) become U+FFFD.

`clean_subject`, `clean_address` and `clean_body` apply these rules, so a caller (or a
test) can see exactly what each link will carry: a link decodes back to the cleaned text.

Every value is percent-encoded as UTF-8 as `urllib.parse.quote(safe="")` does: a space is %20, never
'+', and '+', '&', '=', '?', '#' and '%' are encoded, so no client can read them as syntax.
"""

from __future__ import annotations

import re
from email import errors as email_errors
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from typing import NamedTuple
from urllib.parse import quote

from bot.chat import ComposeLink
from bot.i18n import N_, _

GMAIL_LIMIT = 6000
"""Characters of URL Gmail's compose accepts reliably (it fails at around 6,000)."""

OUTLOOK_LIMIT = 16_000
"""Characters of URL we hand to Outlook on the web.

Microsoft documents no limit for the compose deeplink. It is served by IIS, where
HTTP.sys counts the request line *and* the request headers (cookies included) against one
budget; the documented HTTP.sys default for that budget is 16,384 bytes (MaxRequestBytes,
KB 820129), and a public measurement against outlook.live.com found the deployed ceiling
near 31,000 characters before a bare "400 Bad Request". Two things eat into that ceiling:
a signed-in member's authentication cookies, and, for a signed-out member, a redirect
that base64-encodes the whole URL into a `redirectTo` parameter (4/3 the length). 16,000
stays under the documented default on its own and, grown by 4/3, still fits the measured
ceiling with room for cookies. It is far above any draft we write (a 120-word draft makes
a URL of about 1,100 characters), so it only ever drops pasted walls of text.
"""

MAILTO_LIMIT = 2000
"""Characters of `mailto:` URL we trust every browser and mail client to pass on whole.

RFC 6068 sets no limit, but the URL travels browser -> operating system -> mail client and
each may cut it. The documented floor was Internet Explorer's 2,083-character URL limit
(KB 208427); Chrome has been reported to stop handing `mailto:` URLs to the client at
about 2,000 characters, where Firefox, Thunderbird and Outlook take more. 2,000 is the
lowest common figure, a little under both.
"""

GMAIL_LABEL = N_("Open in Gmail")
OUTLOOK_LABEL = N_("Open in Outlook")
MAILTO_LABEL = N_("Open in your mail app")

_GMAIL_BASE = "https://mail.google.com/mail/?view=cm&fs=1"
_OUTLOOK_BASE = "https://outlook.office.com/mail/deeplink/compose"

# The characters str.splitlines() treats as line boundaries.
_LINE_BREAK_CHARS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK_RUN = re.compile(f"[{_LINE_BREAK_CHARS}]+")
_LINE_BREAK_ANY = re.compile(f"[{_LINE_BREAK_CHARS}]")
_BODY_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ADDRESS_SEPARATOR = re.compile("[,;]")
_ANGLE_ADDRESS = re.compile(r"<([^<>]*)>")
# Each byte as `quote(safe="")` writes it: RFC 3986's unreserved characters as they are,
# every other byte (so every byte of a non-ASCII character's UTF-8) as %XX.
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_BYTE_AS_URL = tuple(chr(byte) if byte in _UNRESERVED else f"%{byte:02X}" for byte in range(256))


def clean_subject(subject: str) -> str:
    """The subject as one line: each run of line breaks becomes a single space."""
    return _LINE_BREAK_RUN.sub(" ", _text(subject)).strip()


def clean_address(to: str | None) -> str | None:
    """The first address in `to`, without line breaks or a display name; None if empty.

    Only one recipient ever goes into a draft: text after the first ',' or ';' is dropped
    so a member's text can never add recipients.
    """
    if to is None:
        return None
    first = _ADDRESS_SEPARATOR.split(_LINE_BREAK_ANY.sub("", _text(to)), maxsplit=1)[0]
    angle = _ANGLE_ADDRESS.search(first)
    address = (angle.group(1) if angle else first).strip()
    return address or None


def clean_body(body: str) -> str:
    """The body with every CRLF, lone CR and LF as LF; nothing else changes."""
    return _BODY_LINE_BREAK.sub("\n", _text(body))


def mailto_url(to: str | None, subject: str, body: str) -> str:
    """An RFC 6068 `mailto:` URL; body line breaks are %0D%0A, spaces %20."""
    return _mailto(_Encoded.of(to, subject, body))


def gmail_url(to: str | None, subject: str, body: str) -> str:
    """A URL that opens Gmail's full-screen compose window with the draft filled in."""
    return _gmail(_Encoded.of(to, subject, body))


def outlook_url(to: str | None, subject: str, body: str) -> str:
    """A URL that opens Outlook on the web's compose window with the draft filled in."""
    return _outlook(_Encoded.of(to, subject, body))


def compose_links(
    to: str | None, subject: str, body: str, *, max_url: int | None = None
) -> tuple[ComposeLink, ...]:
    """Links for Gmail, Outlook and the mail app, in that order, leaving out any too long.

    A link is kept only when its URL fits its client's limit and, when given, `max_url`,
    the chat platform's limit on a button's URL (Slack 3,000, Discord 512). The draft is
    cleaned and encoded once for all three.
    """
    encoded = _Encoded.of(to, subject, body)
    candidates = (
        (GMAIL_LABEL, _gmail(encoded), GMAIL_LIMIT),
        (OUTLOOK_LABEL, _outlook(encoded), OUTLOOK_LIMIT),
        (MAILTO_LABEL, _mailto(encoded), MAILTO_LIMIT),
    )
    return tuple(
        ComposeLink(_(label), url)
        for label, url, limit in candidates
        if len(url) <= limit and (max_url is None or len(url) <= max_url)
    )


def eml_draft(to: str | None, subject: str, body: str, *, sender: str | None = None) -> bytes:
    """An unsent RFC 5322 message (CRLF line endings) that mail apps open as a draft.

    `X-Unsent: 1` makes Outlook and Apple Mail open it ready to edit and send. To and From
    appear only when given and only when they are a valid single address; an address the
    email package cannot read is left out (the member types it in their client) rather
    than guessed at. A non-ASCII domain is written in IDNA (punycode) form.
    """
    message = EmailMessage(policy=policy.SMTP)
    sender_address = _header_address(clean_address(sender))
    if sender_address is not None:
        message["From"] = sender_address
    to_address = _header_address(clean_address(to))
    if to_address is not None:
        message["To"] = to_address
    message["Subject"] = clean_subject(subject)
    message["X-Unsent"] = "1"
    message.set_content(clean_body(body), subtype="plain", charset="utf-8")
    return message.as_bytes()


def _text(value: str) -> str:
    return _SURROGATE.sub("\ufffd", value)


def _encode(value: str) -> str:
    """`quote(value, safe="")`, twice as fast: a table look-up a byte, in one `join`.

    Every draft's body is encoded three times (Gmail, Outlook, mailto), and urllib's quote
    goes through a Python function per byte of a non-ASCII text.
    """
    return "".join(map(_BYTE_AS_URL.__getitem__, value.encode("utf-8")))


class _Encoded(NamedTuple):
    """A draft cleaned and percent-encoded once, for every link made of it."""

    address: str | None  # cleaned, not encoded: mailto's path keeps its '@'
    subject: str
    body: str  # line breaks as %0A

    @classmethod
    def of(cls, to: str | None, subject: str, body: str) -> _Encoded:
        return cls(clean_address(to), _encode(clean_subject(subject)), _encode(clean_body(body)))


def _gmail(draft: _Encoded) -> str:
    return f"{_GMAIL_BASE}&{_query(draft, 'su')}"


def _outlook(draft: _Encoded) -> str:
    return f"{_OUTLOOK_BASE}?{_query(draft, 'subject')}"


def _mailto(draft: _Encoded) -> str:
    path = quote(draft.address, safe="@") if draft.address else ""
    # Every '%' in the encoding starts an escape, so '%0A' is exactly an encoded LF.
    body_crlf = draft.body.replace("%0A", "%0D%0A")
    return f"mailto:{path}?subject={draft.subject}&body={body_crlf}"


def _query(draft: _Encoded, subject_key: str) -> str:
    to = f"to={_encode(draft.address)}&" if draft.address else ""
    return f"{to}{subject_key}={draft.subject}&body={draft.body}"


def _header_address(address: str | None) -> Address | None:
    if address is None:
        return None
    try:
        parsed = Address(addr_spec=address)
        if parsed.domain.isascii():
            return parsed
        return Address(username=parsed.username, domain=parsed.domain.encode("idna").decode())
    except (ValueError, IndexError, email_errors.MessageError):  # UnicodeError is a ValueError
        return None
