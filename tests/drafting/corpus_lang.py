"""The debrief corpus of one draft language: `tests/fixtures/debriefs/<language>/*.toml`.

Each file is read and played exactly as corpus.py plays the English ones (`load` and
`render` take the name with its folder, "pt/final_offer_warm"); only the listing differs,
since corpus.py lists the top folder alone.
"""

from __future__ import annotations

from tests.drafting.corpus import DEBRIEFS


def names(language: str) -> list[str]:
    """Every debrief of `language`, as "<language>/<file name>" for corpus.load and render."""
    return sorted(f"{language}/{p.stem}" for p in (DEBRIEFS / language).glob("*.toml"))
