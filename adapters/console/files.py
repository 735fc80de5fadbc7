"""Where the console keeps its own files (history, log): beside the database they belong to."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

VAR = Path("var")


def beside_database(database_url: str, suffix: str) -> Path:
    """`var/followup.db` + `suffix` for a SQLite file; else a file under var/ named for the URL.

    Each database keeps its own history, so a scenario tried on a scratch database never
    shows up when recalling lines on the real one. Passwords never reach a file name.
    """
    try:
        url = make_url(database_url)
    except ArgumentError:
        return VAR / f"console{suffix}"
    backend, name = url.get_backend_name(), url.database
    if backend == "sqlite" and name and name != ":memory:" and not name.startswith("file:"):
        return Path(name + suffix)
    parts = (backend, url.host, str(url.port or ""), name)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", "-".join(p for p in parts if p)).strip("._-")
    return VAR / f"{stem or 'console'}{suffix}"
