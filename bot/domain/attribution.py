"""Who a note belongs to: `Hana: whether the role includes on-call` is Hana's alone.

Members type notes for the whole interview (`questions=`, `clarify=`, `promised=`, ...);
an item that starts with an interviewer's name and a colon belongs to that person, and the
rest go to the lead (see `lead`). The text is stored as typed and read at draft time, so
renaming someone or changing the contact person re-reads every note.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.names import P, find
from bot.domain.people import split_list

# A "Name:" prefix longer than this is a sentence with a colon in it, not a name.
MAX_PREFIX = 80


def split_attributed(text: str | None, people: Sequence[P]) -> list[tuple[P | None, str]]:
    """Each item of `text` with the one person its `Name:` prefix names (prefix removed).

    A prefix that names nobody, or more than one person, is just text ("Note: ...").
    """
    result: list[tuple[P | None, str]] = []
    for item in split_list(text or ""):
        prefix, rest = named_prefix(item)
        found = find(people, prefix) if prefix else []
        if len(found) == 1:
            if rest:
                result.append((found[0], rest))
        else:
            result.append((None, item))
    return result


def named_prefix(item: str) -> tuple[str | None, str]:
    """The `Name` an item starts with (`Name: rest`) and the rest, or (None, item).

    Only a short prefix can be a name; whether it names anyone is the caller's question.
    """
    prefix, colon, rest = item.partition(":")
    if colon and prefix.strip() and len(prefix) <= MAX_PREFIX:
        return prefix.strip(), rest.strip()
    return None, item


def lead(people: Sequence[P], contact: P | None) -> P | None:
    """Whom notes about the whole process go to: the contact person, else the first listed."""
    if contact is not None and any(p is contact for p in people):
        return contact
    return people[0] if people else None


def owner_items(
    text: str | None, people: Sequence[P], person: P | None, lead: P | None
) -> list[str]:
    """The items of `text` for `person`'s note: theirs, and the unattributed ones if they lead."""
    return [
        item
        for owner, item in split_attributed(text, people)
        if (owner is not None and owner is person) or (owner is None and person is lead)
    ]
