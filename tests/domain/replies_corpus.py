"""The labelled replies of tests/fixtures/replies/, read once for the tests and the bench."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "replies"
NOW = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)  # a Thursday
ZONES = {
    "en": ZoneInfo("America/New_York"),
    "es": ZoneInfo("Europe/Madrid"),
    "fr": ZoneInfo("Europe/Paris"),
    "de": ZoneInfo("Europe/Berlin"),
    "pt": ZoneInfo("America/Sao_Paulo"),
}
# Which round of writing a file belongs to: the corpus, then sets each written after a round
# of rules and read once before the rules changed for it.
SETS = {
    "": "corpus",
    "later": "later",
    "blind": "blind",
    "fresh": "fresh",
    "round5": "round5",
    "round6": "round6",
    "round7": "round7",
}


@dataclass(frozen=True)
class Email:
    """One labelled reply."""

    id: str
    kind: str
    language: str
    text: str
    written: str  # a value of SETS
    stop: bool = False
    until: date | None = None
    slots: int | None = None
    material: tuple[str, ...] | None = None
    sender: dict[str, str] = field(default_factory=dict)

    @property
    def tz(self) -> ZoneInfo:
        return ZONES[self.language]


def emails() -> list[Email]:
    """Every labelled reply, corpus first; the file's name is the kind."""
    found: list[Email] = []
    for path in sorted(FOLDER.rglob("*.yaml")):
        written = SETS[path.parent.relative_to(FOLDER).as_posix().strip(".")]
        entries: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in entries:
            material = entry.get("material")
            found.append(
                Email(
                    id=entry["id"],
                    kind=path.stem,
                    language=entry["language"],
                    text=entry["text"],
                    written=written,
                    stop=entry.get("stop", False),
                    until=entry.get("until"),
                    slots=entry.get("slots"),
                    material=tuple(material) if material is not None else None,
                    sender=entry.get("sender", {}),
                )
            )
    return found
