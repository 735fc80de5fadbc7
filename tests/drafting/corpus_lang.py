"""The debrief corpus of one draft language: `tests/fixtures/debriefs/<language>/*.toml`.

corpus.py plays a debrief by name relative to `tests/fixtures/debriefs/`, so "fr/panel"
plays the French one with the same machinery; this module only lists a language's
debriefs and reads the one key they add: `greeting_formal` under `[[people]]`, the formal
greeting a coach would write to that person in that language ("Madame,", "Monsieur,"),
which depends on gender and so cannot be derived from the name forms corpus.py knows.
"""

from __future__ import annotations

import tomllib

from tests.drafting.corpus import DEBRIEFS


def names(language: str) -> list[str]:
    """Every debrief of `language`, as corpus.py's `load` and `render` take them ('fr/x')."""
    return sorted(f"{language}/{p.stem}" for p in (DEBRIEFS / language).glob("*.toml"))


def formal_greetings(name: str) -> dict[str, str]:
    """Each person's formal greeting line, for the people whose file gives one."""
    data = tomllib.loads((DEBRIEFS / f"{name}.toml").read_text(encoding="utf-8"))
    return {p["name"]: p["greeting_formal"] for p in data["people"] if "greeting_formal" in p}
