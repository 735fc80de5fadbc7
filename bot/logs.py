"""Structured logs: one JSON object a line, with secrets scrubbed before they are written.

Log aggregators (Heroku, Loki, CloudWatch) read one event a line; JSON keeps a traceback or
a multi-line message inside its event. Two promises hold for every line, ours or a
library's: no credential (Slack and Discord tokens, signing and client secrets, the
encryption key, database passwords) and no text a member wrote. Our own log calls name ids,
never notes; libraries that dump request payloads at DEBUG are kept at INFO or above, and
SQLAlchemy's echo of bound parameters is cut from tracebacks, since parameters carry notes.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from pydantic import BaseModel, SecretStr
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.settings import split_keys

REDACTED = "[redacted]"
MIN_SECRET = 6  # shorter values would scrub ordinary words

# Credentials recognisable by shape, whatever variable they came from: (pattern, replacement).
_PATTERNS = (
    (re.compile(r"\bxox[abposre]-[A-Za-z0-9-]+"), REDACTED),  # Slack bot, user, refresh tokens
    (re.compile(r"\bxapp-[A-Za-z0-9-]+"), REDACTED),  # Slack app-level token
    (  # Discord bot token: user id, timestamp, HMAC, in url-safe base64
        re.compile(r"\b[MNO][A-Za-z0-9_-]{23,}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,}"),
        REDACTED,
    ),
    (re.compile(r"(://[^/:@\s]+):[^@/\s]+@"), rf"\1:{REDACTED}@"),  # password in a URL
    (re.compile(r"(?i)(\bbearer )[A-Za-z0-9._~+/=-]+"), rf"\1{REDACTED}"),  # auth headers
    (re.compile(r"([?&](?:code|state)=)[^&\s\"']+"), rf"\1{REDACTED}"),  # OAuth in access logs
    (re.compile(r"(/calendar/)[^/\s\"']+(\.ics)"), rf"\1{REDACTED}\2"),  # a feed's address
)
# SQLAlchemy appends "[parameters: (...)]" to errors: the values members typed, as reprs
# on one line (a newline inside a value is written as an escape).
_SQL_PARAMETERS = re.compile(r"\[parameters: [^\n]*")
# Libraries that log whole request or event payloads (message text, notes) at DEBUG.
PAYLOAD_LOGGERS = ("slack_sdk", "slack_bolt", "discord", "aiohttp", "websockets")
# Chatty at INFO; SQLAlchemy's INFO is the SQL echo, with every bound parameter.
QUIET_LOGGERS = ("alembic", "apscheduler", "sqlalchemy")
_SECRET_NAME = re.compile(r"token|secret|key|password", re.IGNORECASE)
_STANDARD = frozenset(
    logging.LogRecord("", 0, "", 0, "", None, None).__dict__.keys() | {"message", "asctime"}
)


class Redactor:
    """Scrubs known secret values and anything shaped like a credential from a string."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        values = {s for s in secrets if s and len(s) >= MIN_SECRET}
        self._secrets = sorted(values, key=len, reverse=True)  # longest first: no partials

    def __call__(self, text: str) -> str:
        """`text` with every secret replaced by a marker."""
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return _SQL_PARAMETERS.sub("[parameters: redacted]", text)


def secrets_of(settings: BaseModel) -> list[str]:
    """Every credential in `settings`: secret fields (each key of a list) and the DB password."""
    found: list[str] = []
    for name, field in settings:
        value = field.get_secret_value() if isinstance(field, SecretStr) else field
        if not isinstance(field, SecretStr) and not _SECRET_NAME.search(name):
            continue
        if isinstance(value, str) and value:
            found += [value, *split_keys(value)]
    url = getattr(settings, "database_url", None)
    if isinstance(url, str):
        with contextlib.suppress(ArgumentError):
            found.append(make_url(url).password or "")
    return [s for s in found if s]


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, extras, exception; redacted."""

    def __init__(self, redact: Redactor | None = None) -> None:
        super().__init__()
        self.redact = redact or Redactor()

    def format(self, record: logging.LogRecord) -> str:
        """Render `record` as a single line of JSON."""
        event: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                event[key] = value if isinstance(value, int | float | bool) else str(value)
        if record.exc_info:
            event["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            event["exception"] = record.exc_text
        if record.stack_info:
            event["stack"] = self.formatStack(record.stack_info)
        # Redact values before encoding, so JSON escapes never split a secret.
        clean = {k: self.redact(v) if isinstance(v, str) else v for k, v in event.items()}
        return json.dumps(clean, ensure_ascii=False)


def configure(level: str, secrets: Iterable[str | None] = (), stream: TextIO | None = None) -> None:
    """Send every log record to `stream` (stderr) as redacted JSON lines, at `level`."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter(Redactor(secrets)))
    _install(level, handler)


def configure_for_chat(level: str, secrets: Iterable[str | None], path: Path) -> None:
    """Log to `path` as redacted JSON lines, at `level`; warnings also briefly on stderr.

    In a chat the terminal is the member's: a line of JSON between two answers is noise,
    and the whole record, traceback included, is in the file it points to.
    """
    redact = Redactor(secrets)
    path.parent.mkdir(parents=True, exist_ok=True)
    file = logging.FileHandler(path, encoding="utf-8")
    file.setFormatter(JsonFormatter(redact))
    terminal = _Stderr(logging.WARNING)
    terminal.setFormatter(BriefFormatter(redact, path))
    _install(level, file, terminal)


class BriefFormatter(logging.Formatter):
    """`warning: message`, redacted, saying where the details are when there are more."""

    def __init__(self, redact: Redactor, details: Path) -> None:
        super().__init__()
        self.redact = redact
        self.details = details

    def format(self, record: logging.LogRecord) -> str:
        """Render `record` as one short line for a person."""
        more = f" (details in {self.details})" if record.exc_info or record.exc_text else ""
        return f"{record.levelname.lower()}: {self.redact(record.getMessage())}{more}"


class _Stderr(logging.Handler):
    """Writes to `sys.stderr` as it is at each record: a prompt may wrap it meanwhile."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
            sys.stderr.flush()
        except Exception:
            self.handleError(record)


def _install(level: str, *handlers: logging.Handler) -> None:
    """Make `handlers` the root's only ones, at `level`; noisy libraries kept quieter."""
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level.upper())
    floor = max(root.level, logging.INFO)
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(floor)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(root.level, logging.WARNING))
    logging.captureWarnings(True)
