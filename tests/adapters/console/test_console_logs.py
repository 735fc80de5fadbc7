"""The console's logs: every record in a file beside the database, warnings also on stderr."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.console.files import beside_database
from bot.logs import PAYLOAD_LOGGERS, QUIET_LOGGERS, REDACTED, configure_for_chat

TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The root logger set up as `followup console` does, restored afterwards."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    path = tmp_path / "c.db.log"
    configure_for_chat("INFO", [TOKEN], path)
    try:
        yield path
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        logging.captureWarnings(False)
        for name in (*PAYLOAD_LOGGERS, *QUIET_LOGGERS):
            logging.getLogger(name).setLevel(logging.NOTSET)


def events(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_info_goes_to_the_file_only(log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    logging.getLogger("bot.test").info("delivery tick", extra={"claimed": 2})
    assert capsys.readouterr().err == ""
    (event,) = events(log_file)
    assert (event["message"], event["claimed"]) == ("delivery tick", 2)


def test_a_warning_is_also_one_short_redacted_line_on_stderr(
    log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logging.getLogger("bot.test").warning("reminder %s set aside with %s", 7, TOKEN)
    assert capsys.readouterr().err == f"warning: reminder 7 set aside with {REDACTED}\n"
    assert [e["message"] for e in events(log_file)] == [f"reminder 7 set aside with {REDACTED}"]


def test_a_traceback_stays_in_the_file_and_the_terminal_says_where(
    log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("bot.test").exception("console line failed")
    assert capsys.readouterr().err == f"error: console line failed (details in {log_file})\n"
    (event,) = events(log_file)
    assert "ValueError: boom" in str(event["exception"])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///var/followup.db", Path("var/followup.db.history")),
        ("sqlite:////srv/bot/c.db", Path("/srv/bot/c.db.history")),
        ("sqlite://", Path("var/sqlite.history")),
        (
            "postgresql+psycopg://followup:s3cret@db.internal:5432/followup",
            Path("var/postgresql-db.internal-5432-followup.history"),
        ),
        ("not a url", Path("var/console.history")),
    ],
)
def test_each_database_has_its_own_history_file(url: str, expected: Path) -> None:
    assert beside_database(url, ".history") == expected
