"""Compose links and .eml drafts: exact round trips, length limits, no header injection."""

from __future__ import annotations

from collections.abc import Callable
from email import message_from_bytes, policy
from email.message import EmailMessage
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.chat import ComposeLink
from bot.drafting.compose import (
    GMAIL_LABEL,
    GMAIL_LIMIT,
    MAILTO_LABEL,
    MAILTO_LIMIT,
    OUTLOOK_LABEL,
    OUTLOOK_LIMIT,
    clean_address,
    clean_body,
    clean_subject,
    compose_links,
    eml_draft,
    gmail_url,
    mailto_url,
    outlook_url,
)

UrlBuilder = Callable[[str | None, str, str], str]
BUILDERS: dict[str, UrlBuilder] = {
    "gmail": gmail_url,
    "outlook": outlook_url,
    "mailto": mailto_url,
}

TO = "sam.lee@example.com"
SUBJECT = "Thank you for today's interview"

# A normal follow-up: 120 words, the length the bot writes.
DRAFT_120_WORDS = """Hi Sam,

Thank you for taking the time to talk with me today about the Data Analyst role. I enjoyed
hearing how your team moved its weekly reporting from spreadsheets to a shared dashboard,
and the story about the quarter-end crunch made the work feel very real.

Our conversation confirmed how much I would like to help with the next stage, especially
the customer retention analysis you mentioned. My experience cleaning messy sales data and
explaining results to non-technical managers seems like a close fit for that project.

If it would help, I am happy to share the sample report we discussed or answer any other
questions. I look forward to hearing about the next steps.

Best regards,
Ana Ruiz"""

TWO_LINE_NOTE = "Hi Sam,\nThanks again for today. Ana"


def decode(url: str) -> dict[str, str | None]:
    """Read a compose URL back into to, subject and body with the standard library."""
    parts = urlsplit(url)
    assert parts.fragment == ""
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert all(len(values) == 1 for values in query.values()), query
    fields = {key: values[0] for key, values in query.items()}
    if parts.scheme == "mailto":
        return {
            "to": unquote(parts.path, errors="strict") or None,
            "subject": fields["subject"],
            "body": fields["body"],
        }
    return {
        "to": fields.get("to"),
        "subject": fields["su"] if "su" in fields else fields["subject"],
        "body": fields["body"],
    }


def expected_body(kind: str, body: str) -> str:
    """Mailto carries CRLF line breaks (RFC 6068); the web compose links carry LF."""
    cleaned = clean_body(body)
    return cleaned.replace("\n", "\r\n") if kind == "mailto" else cleaned


def parse_eml(raw: bytes) -> EmailMessage:
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


# --- round trips -------------------------------------------------------------------------

TRICKY_TEXT = [
    pytest.param("Zoë", id="latin-diacritic"),
    pytest.param("李雷 and 韩梅梅", id="cjk"),
    pytest.param("Thanks 🎉🙏🏽 again", id="emoji"),
    pytest.param("R&D = fun? #1 at 100% + more", id="url-syntax-characters"),
    pytest.param("a=b&c=d&body=evil&to=evil@x.com", id="looks-like-parameters"),
    pytest.param("100%20 %0D%0A %zz %", id="looks-percent-encoded"),
    pytest.param("one + one", id="plus-sign"),
    pytest.param("  spaced   out  ", id="runs-of-spaces"),
    pytest.param("tab\there", id="tab"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("kind", BUILDERS)
@pytest.mark.parametrize("text", TRICKY_TEXT)
def test_url_decodes_back_to_the_exact_subject_and_body(kind: str, text: str) -> None:
    url = BUILDERS[kind](TO, f"Re: {text}", f"Hi Zoë,\n\n{text}\nAna")

    fields = decode(url)

    assert fields["to"] == TO
    assert fields["subject"] == clean_subject(f"Re: {text}")
    assert fields["body"] == expected_body(kind, f"Hi Zoë,\n\n{text}\nAna")


@pytest.mark.parametrize("kind", BUILDERS)
@pytest.mark.parametrize(
    ("body", "lines"),
    [
        pytest.param("one\ntwo", ["one", "two"], id="lf"),
        pytest.param("one\r\ntwo", ["one", "two"], id="crlf"),
        pytest.param("one\rtwo", ["one", "two"], id="lone-cr"),
        pytest.param("one\n\n\ntwo\n", ["one", "", "", "two", ""], id="blank-lines-kept"),
    ],
)
def test_body_line_breaks_survive_as_line_breaks(kind: str, body: str, lines: list[str]) -> None:
    separator = "\r\n" if kind == "mailto" else "\n"

    assert decode(BUILDERS[kind](TO, SUBJECT, body))["body"] == separator.join(lines)


def test_mailto_encodes_body_line_breaks_as_percent_0d_0a() -> None:
    assert "body=one%0D%0Atwo" in mailto_url(None, "s", "one\ntwo")


@pytest.mark.parametrize("kind", BUILDERS)
def test_url_encodes_spaces_as_percent_20_never_plus(kind: str) -> None:
    url = BUILDERS[kind](TO, "a b", "c d + e")

    assert " " not in url
    assert "+" not in url
    assert "a%20b" in url
    assert "c%20d%20%2B%20e" in url


@pytest.mark.parametrize("kind", BUILDERS)
def test_url_is_plain_ascii(kind: str) -> None:
    assert BUILDERS[kind]("zoë@example.com", "李雷 🎉", "Zoë\n李雷").isascii()


@pytest.mark.parametrize(
    ("kind", "prefix"),
    [
        ("gmail", "https://mail.google.com/mail/?view=cm&fs=1&to=sam.lee%40example.com&su="),
        ("outlook", "https://outlook.office.com/mail/deeplink/compose?to=sam.lee%40example.com&"),
        ("mailto", "mailto:sam.lee@example.com?subject="),
    ],
)
def test_url_opens_the_clients_compose_window(kind: str, prefix: str) -> None:
    assert BUILDERS[kind](TO, SUBJECT, "Hi").startswith(prefix)


# --- recipients --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("to", "url"),
    [
        pytest.param(None, "mailto:?subject=s&body=b", id="no-recipient"),
        pytest.param("", "mailto:?subject=s&body=b", id="empty-recipient"),
        pytest.param("jane@example.com", "mailto:jane@example.com?subject=s&body=b", id="plain"),
        pytest.param(
            "jane+jobs@example.com", "mailto:jane%2Bjobs@example.com?subject=s&body=b", id="plus"
        ),
        pytest.param("zoë@example.com", "mailto:zo%C3%AB@example.com?subject=s&body=b", id="utf8"),
        pytest.param("a?b#c@example.com", "mailto:a%3Fb%23c@example.com?subject=s&body=b", id="?#"),
    ],
)
def test_mailto_address_is_percent_encoded_where_needed(to: str | None, url: str) -> None:
    assert mailto_url(to, "s", "b") == url


@pytest.mark.parametrize("kind", ["gmail", "outlook"])
def test_web_link_without_recipient_has_no_to_parameter(kind: str) -> None:
    query = parse_qs(urlsplit(BUILDERS[kind](None, SUBJECT, "Hi")).query)

    assert "to" not in query


@pytest.mark.parametrize(
    ("to", "kept"),
    [
        pytest.param("a@x.com, b@y.com", "a@x.com", id="comma-list"),
        pytest.param("a@x.com;b@y.com", "a@x.com", id="semicolon-list"),
        pytest.param("  a@x.com  ", "a@x.com", id="surrounding-space"),
        pytest.param("Jane Doe <a@x.com>", "a@x.com", id="display-name"),
        pytest.param("a@x.com\r\nBcc: evil@x.com", "a@x.comBcc: evil@x.com", id="crlf-removed"),
        pytest.param("a@x.com\nCc: evil@x.com, b@y.com", "a@x.comCc: evil@x.com", id="lf-and-list"),
        pytest.param(", a@x.com", None, id="nothing-before-the-comma"),
        pytest.param("\r\n", None, id="only-line-breaks"),
        pytest.param(None, None, id="none"),
    ],
)
def test_only_the_first_address_is_kept_without_line_breaks(to: str | None, kept: str) -> None:
    assert clean_address(to) == kept
    for kind, build in BUILDERS.items():
        assert decode(build(to, SUBJECT, "Hi"))["to"] == kept, kind


@pytest.mark.parametrize(
    ("subject", "cleaned"),
    [
        ("Thanks\r\nBcc: evil@x.com", "Thanks Bcc: evil@x.com"),
        ("Thanks\n\n\nagain", "Thanks again"),
        ("Thanks\u2028again", "Thanks again"),
        ("  Thanks  \n", "Thanks"),
        ("Thanks,  Sam", "Thanks,  Sam"),
    ],
)
def test_subject_is_one_line_with_each_line_break_run_as_one_space(
    subject: str, cleaned: str
) -> None:
    assert clean_subject(subject) == cleaned
    for build in BUILDERS.values():
        assert decode(build(TO, subject, "Hi"))["subject"] == cleaned


# --- which links fit ---------------------------------------------------------------------


def labels(links: tuple[ComposeLink, ...]) -> list[str]:
    return [link.label for link in links]


def test_links_come_in_order_gmail_outlook_mail_app() -> None:
    links = compose_links(TO, SUBJECT, DRAFT_120_WORDS)

    assert labels(links) == [GMAIL_LABEL, OUTLOOK_LABEL, MAILTO_LABEL]
    assert [link.url for link in links] == [
        gmail_url(TO, SUBJECT, DRAFT_120_WORDS),
        outlook_url(TO, SUBJECT, DRAFT_120_WORDS),
        mailto_url(TO, SUBJECT, DRAFT_120_WORDS),
    ]


def test_draft_used_in_length_tables_is_a_normal_120_word_draft() -> None:
    assert len(DRAFT_120_WORDS.split()) == 120


LONG_BODY = "word " * 1300  # ~6,500 characters: too long for Gmail, fine for Outlook
SLACK_SIZED_BODY = "x" * 2500  # URLs of about 2,600 characters


@pytest.mark.parametrize(
    ("body", "max_url", "expected"),
    [
        pytest.param(
            DRAFT_120_WORDS, None, [GMAIL_LABEL, OUTLOOK_LABEL, MAILTO_LABEL], id="normal-draft"
        ),
        pytest.param(LONG_BODY, None, [OUTLOOK_LABEL], id="long-body-drops-gmail-keeps-outlook"),
        pytest.param("x" * 20_000, None, [], id="wall-of-text-drops-all"),
        pytest.param(DRAFT_120_WORDS, 512, [], id="discord-drops-all-for-normal-draft"),
        pytest.param(
            TWO_LINE_NOTE, 512, [GMAIL_LABEL, OUTLOOK_LABEL, MAILTO_LABEL], id="discord-2-lines"
        ),
        pytest.param(
            DRAFT_120_WORDS, 3000, [GMAIL_LABEL, OUTLOOK_LABEL, MAILTO_LABEL], id="slack-normal"
        ),
        pytest.param(
            SLACK_SIZED_BODY, 3000, [GMAIL_LABEL, OUTLOOK_LABEL], id="slack-keeps-web-drops-mailto"
        ),
        pytest.param(LONG_BODY, 3000, [], id="slack-drops-long-body"),
    ],
)
def test_links_are_kept_only_when_the_url_fits_client_and_platform(
    body: str, max_url: int | None, expected: list[str]
) -> None:
    links = compose_links(TO, SUBJECT, body, max_url=max_url)

    assert labels(links) == expected
    for link in links:
        assert max_url is None or len(link.url) <= max_url


def test_length_tables_straddle_the_limits_they_test() -> None:
    """Guard the table above: each body really is on the side of each limit it claims."""
    assert len(gmail_url(TO, SUBJECT, LONG_BODY)) > GMAIL_LIMIT
    assert len(outlook_url(TO, SUBJECT, LONG_BODY)) <= OUTLOOK_LIMIT
    assert len(outlook_url(TO, SUBJECT, "x" * 20_000)) > OUTLOOK_LIMIT
    assert len(mailto_url(TO, SUBJECT, SLACK_SIZED_BODY)) > MAILTO_LIMIT
    assert len(gmail_url(TO, SUBJECT, SLACK_SIZED_BODY)) <= 3000
    assert len(mailto_url(TO, SUBJECT, DRAFT_120_WORDS)) <= MAILTO_LIMIT
    assert min(len(build(TO, SUBJECT, DRAFT_120_WORDS)) for build in BUILDERS.values()) > 512
    assert max(len(build(TO, SUBJECT, TWO_LINE_NOTE)) for build in BUILDERS.values()) <= 512


def test_url_exactly_at_the_platform_limit_is_kept() -> None:
    url = gmail_url(TO, SUBJECT, TWO_LINE_NOTE)

    assert GMAIL_LABEL in labels(compose_links(TO, SUBJECT, TWO_LINE_NOTE, max_url=len(url)))
    assert GMAIL_LABEL not in labels(
        compose_links(TO, SUBJECT, TWO_LINE_NOTE, max_url=len(url) - 1)
    )


# --- .eml drafts -------------------------------------------------------------------------


def test_eml_parses_back_as_an_unsent_draft() -> None:
    raw = eml_draft(TO, "Merci, Zoë 李雷 🎉", DRAFT_120_WORDS, sender="ana@example.com")

    message = parse_eml(raw)

    assert message["X-Unsent"] == "1"
    assert message["To"] == TO
    assert message["From"] == "ana@example.com"
    assert message["Subject"] == "Merci, Zoë 李雷 🎉"
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert message.get_content().replace("\r\n", "\n") == DRAFT_120_WORDS + "\n"


def test_eml_encodes_a_non_ascii_subject_as_an_encoded_word() -> None:
    raw = eml_draft(TO, "Merci, Zoë 李雷 🎉", "Hi")

    subject_line = next(line for line in raw.split(b"\r\n") if line.startswith(b"Subject:"))
    assert subject_line.isascii()
    assert b"=?utf-8?" in subject_line


@pytest.mark.parametrize("body", ["Hi Zoë,\n\n李雷 🎉\nAna", "one\r\ntwo\rthree", "a" * 2000])
def test_eml_uses_crlf_line_endings_only(body: str) -> None:
    raw = eml_draft(TO, "Zoë", body, sender="ana@example.com")

    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert raw.count(b"\r") == raw.count(b"\r\n")


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Hi Zoë,\n\n李雷 🎉 & = ? # % +\nAna", id="unicode"),
        pytest.param("line\n" * 3, id="trailing-newline"),
        pytest.param("From the start\n.\n..\nFrom here", id="mbox-and-smtp-sensitive-lines"),
        pytest.param(" ".join(["word"] * 400), id="one-very-long-line"),
    ],
)
def test_eml_body_comes_back_intact(body: str) -> None:
    content = parse_eml(eml_draft(TO, SUBJECT, body)).get_content().replace("\r\n", "\n")

    assert content.rstrip("\n") == body.rstrip("\n")


def test_eml_has_no_to_when_none_is_given() -> None:
    message = parse_eml(eml_draft(None, SUBJECT, "Hi"))

    assert "To" not in message
    assert "From" not in message


@pytest.mark.parametrize(
    ("to", "subject", "sender"),
    [
        pytest.param(TO, "Thanks\r\nBcc: evil@x.com", None, id="subject-crlf"),
        pytest.param(TO, "Thanks\nBcc: evil@x.com", None, id="subject-lf"),
        pytest.param(TO, "Thanks\rBcc: evil@x.com", None, id="subject-cr"),
        pytest.param(TO, "Thanks\r\n\r\nBcc: evil@x.com", None, id="subject-blank-line"),
        pytest.param(f"{TO}\r\nBcc: evil@x.com", SUBJECT, None, id="to-crlf"),
        pytest.param(f"{TO}, evil@x.com", SUBJECT, None, id="to-list"),
        pytest.param(f"{TO}; evil@x.com", SUBJECT, None, id="to-semicolon-list"),
        pytest.param(TO, SUBJECT, "ana@example.com\r\nBcc: evil@x.com", id="sender-crlf"),
    ],
)
def test_eml_member_text_adds_no_header_or_recipient(
    to: str, subject: str, sender: str | None
) -> None:
    message = parse_eml(eml_draft(to, subject, "Hi", sender=sender))

    assert "Bcc" not in message
    assert "Cc" not in message
    assert "evil@x.com" not in str(message.get("To", ""))
    assert message.get_all("To", []) in ([], [TO])
    assert set(message.keys()) <= {
        "From",
        "To",
        "Subject",
        "X-Unsent",
        "Content-Type",
        "Content-Transfer-Encoding",
        "MIME-Version",
    }


def test_eml_subject_with_bcc_line_stays_in_the_subject() -> None:
    message = parse_eml(eml_draft(TO, "Thanks\r\nBcc: evil@x.com", "Hi"))

    assert message["Subject"] == "Thanks Bcc: evil@x.com"


@pytest.mark.parametrize(
    ("to", "header"),
    [
        pytest.param("Jane Doe <jane@example.com>", "jane@example.com", id="display-name-dropped"),
        pytest.param("jane@münchen.de", "jane@xn--mnchen-3ya.de", id="idn-domain-as-punycode"),
        pytest.param("not an address", None, id="unreadable-left-out"),
        pytest.param('"<', None, id="parser-breaking-left-out"),
        pytest.param("zoë@example.com", None, id="non-ascii-local-part-left-out"),
    ],
)
def test_eml_to_is_one_valid_address_or_left_out(to: str, header: str | None) -> None:
    message = parse_eml(eml_draft(to, SUBJECT, "Hi"))

    assert message.get("To") == header


# --- properties --------------------------------------------------------------------------

# Any text at all, lone surrogates included (they become U+FFFD).
ANY_TEXT = st.text(st.characters(exclude_categories=()))


@given(to=st.none() | ANY_TEXT, subject=ANY_TEXT, body=ANY_TEXT)
def test_every_url_decodes_back_to_the_cleaned_input(
    to: str | None, subject: str, body: str
) -> None:
    for kind, build in BUILDERS.items():
        url = build(to, subject, body)

        assert url.isascii()
        assert decode(url) == {
            "to": clean_address(to),
            "subject": clean_subject(subject),
            "body": expected_body(kind, body),
        }


@given(to=st.none() | ANY_TEXT, subject=ANY_TEXT, body=ANY_TEXT, max_url=st.none() | st.integers())
def test_compose_links_never_raise_and_respect_max_url(
    to: str | None, subject: str, body: str, max_url: int | None
) -> None:
    for link in compose_links(to, subject, body, max_url=max_url):
        assert max_url is None or len(link.url) <= max_url


@given(to=st.none() | ANY_TEXT, subject=ANY_TEXT, body=ANY_TEXT, sender=st.none() | ANY_TEXT)
def test_eml_never_raises_and_never_grows_headers(
    to: str | None, subject: str, body: str, sender: str | None
) -> None:
    raw = eml_draft(to, subject, body, sender=sender)
    message = parse_eml(raw)

    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert message["X-Unsent"] == "1"
    assert set(message.keys()) <= {
        "From",
        "To",
        "Subject",
        "X-Unsent",
        "Content-Type",
        "Content-Transfer-Encoding",
        "MIME-Version",
    }
    assert len(message.get_all("To", [])) <= 1


@given(address=st.emails())
def test_a_valid_address_reaches_every_link_and_the_eml_unchanged(address: str) -> None:
    for build in BUILDERS.values():
        assert decode(build(address, SUBJECT, "Hi"))["to"] == address
    assert parse_eml(eml_draft(address, SUBJECT, "Hi"))["To"] == address


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",))))
def test_a_body_is_percent_encoded_exactly_as_urllib_quote_encodes_it(body: str) -> None:
    query = urlsplit(gmail_url(None, "Thanks", body)).query
    encoded = query.rsplit("&body=", 1)[1]
    assert encoded == quote(clean_body(body), safe="")
