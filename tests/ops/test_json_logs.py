"""Logs are one JSON event a line and never carry a credential or a member's notes."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from datetime import timedelta

import pytest
from recording import RecordingMessenger
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.logs import (
    PAYLOAD_LOGGERS,
    QUIET_LOGGERS,
    REDACTED,
    JsonFormatter,
    Redactor,
    configure,
    secrets_of,
)
from bot.ports import Delivery
from bot.scheduling.clock import ManualClock
from bot.settings import Settings

SLACK_TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx"
APP_TOKEN = "xapp-1-A0FOLLOW-123456-abcdef0123456789"
DISCORD_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB"
FERNET_KEY = "q2nUS1Mmki5Jw6yLqkcm4ZkEqRm5ooR8YvVdA1Zbq5w="
DB_PASSWORD = "s3cr3t-pa55"
NOTE = "the Kafka migration that failed twice"


def lines(stream: io.StringIO) -> list[dict[str, object]]:
    """Every line written, parsed as JSON (fails on a line that is not)."""
    return [json.loads(line) for line in stream.getvalue().splitlines()]


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """The root logger configured as in production, writing to a buffer."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    stream = io.StringIO()
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        database_url=f"postgresql+psycopg://followup:{DB_PASSWORD}@db.internal/followup",
        slack_bot_token=SLACK_TOKEN,
        slack_app_token=APP_TOKEN,
        discord_token=DISCORD_TOKEN,
        encryption_key=FERNET_KEY,
    )
    configure("DEBUG", secrets_of(settings), stream)
    try:
        yield stream
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        logging.captureWarnings(False)
        for name in (*PAYLOAD_LOGGERS, *QUIET_LOGGERS):
            logging.getLogger(name).setLevel(logging.NOTSET)


def test_a_log_line_is_one_json_event_with_extras(captured: io.StringIO) -> None:
    logging.getLogger("followup.test").info(
        "delivery tick\nsecond line", extra={"claimed": 3, "platform": "slack"}
    )
    (event,) = lines(captured)
    assert event["message"] == "delivery tick\nsecond line"
    assert event["level"] == "info"
    assert event["logger"] == "followup.test"
    assert event["claimed"] == 3
    assert event["platform"] == "slack"
    assert str(event["time"]).endswith("+00:00")


def test_tokens_keys_and_passwords_are_redacted(captured: io.StringIO) -> None:
    log = logging.getLogger("followup.test")
    log.warning("slack said no to %s", SLACK_TOKEN)
    log.warning("socket mode with %s", APP_TOKEN)
    log.error("discord login failed for %r", DISCORD_TOKEN)
    log.error("key %s did not decrypt", FERNET_KEY)
    log.info("connecting to postgresql+psycopg://followup:%s@db/followup", DB_PASSWORD)
    log.info("shaped like a token: xoxp-999-888-zzz and Bearer abc.def.ghi")
    written = captured.getvalue()
    for secret in (SLACK_TOKEN, APP_TOKEN, DISCORD_TOKEN, FERNET_KEY, DB_PASSWORD, "xoxp-9"):
        assert secret not in written
    assert "abc.def.ghi" not in written
    assert written.count(REDACTED) >= 7
    assert all(event["level"] in ("info", "warning", "error") for event in lines(captured))


def test_a_database_error_does_not_log_the_values_a_member_typed(captured: io.StringIO) -> None:
    engine = create_engine("sqlite://")
    try:
        with engine.connect() as connection:
            connection.execute(text("INSERT INTO missing (notes) VALUES (:n)"), {"n": NOTE})
    except OperationalError:
        logging.getLogger("followup.test").exception("command 'notes' failed")
    finally:
        engine.dispose()
    (event,) = lines(captured)
    assert "no such table: missing" in str(event["exception"])
    assert "[parameters: redacted]" in str(event["exception"])
    assert NOTE not in captured.getvalue()


def test_a_secret_is_redacted_even_where_json_escapes_surround_it() -> None:
    formatter = JsonFormatter(Redactor(['pa"ss\\word']))
    record = logging.LogRecord("x", logging.INFO, __file__, 1, 'quote pa"ss\\word', None, None)
    assert "word" not in formatter.format(record)


async def test_delivery_and_command_logs_never_carry_notes(
    core: Core, clock: ManualClock, captured: io.StringIO
) -> None:
    convo = Conversation(core, clock, user="ada")
    await convo.say("/interview settings quiet_hours=none weekdays_only=no")
    await convo.say('/interview log company="Acme" when="today 10am" with="Jane Doe"')
    await convo.say(f'/interview notes #1 topics="{NOTE}" jane="{NOTE}" promised="{NOTE}"')

    def crash() -> Delivery:
        raise RuntimeError("platform exploded")

    messenger = RecordingMessenger(
        script=[crash, lambda: Delivery.undeliverable("DMs closed"), crash, crash]
    )
    core.delivery.messengers = {"console": messenger}
    for _ in range(4):
        clock.advance(timedelta(hours=8))
        await core.delivery.deliver_due()
    await convo.say("/interview show #1")

    events = lines(captured)  # every line is JSON
    assert any(e["message"] == "messenger console raised" for e in events)
    assert messenger.attempts >= 2
    assert NOTE not in captured.getvalue()
    assert "Kafka" not in captured.getvalue()
