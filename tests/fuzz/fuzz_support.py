"""What the fuzz tests share besides fixtures: the start time and the ERROR-log oracle."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

# Monday 23 November 2026, 09:00 in New York, as in tests/conftest.py.
START = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


class ErrorTrap(logging.Handler):
    """Keeps every record at ERROR or above, with its traceback, until taken."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[str]:
        """Formatted records since the last call (and forget them)."""
        found = [_describe(r) for r in self.records]
        self.records.clear()
        return found


def _describe(record: logging.LogRecord) -> str:
    text = f"{record.name}: {record.getMessage()}"
    if record.exc_info:
        text += "\n" + logging.Formatter().formatException(record.exc_info)
    return text
