"""Small text helpers shared by the parsers."""

from __future__ import annotations

import unicodedata


def clean(text: str) -> str:
    """Trim and collapse whitespace runs so stray spaces never become part of a name."""
    return " ".join(text.split())


def snippet(text: str, limit: int = 30) -> str:
    """Shorten echoed input so an error reply stays one readable line."""
    flat = clean(text)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def unaccented(text: str) -> str:
    """Casefolded, accents dropped: 'Zoë' and 'ZOE' both become 'zoe' (ASCII stays cheap)."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
