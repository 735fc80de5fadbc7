"""Key rotation: rewrite every encrypted column under the newest key, in batches.

`followup rotate-key` runs this after a new key is put first in FOLLOWUP_ENCRYPTION_KEY. It
also encrypts rows written before any key was configured, and with `decrypt=True` writes
everything back as plaintext (before switching encryption off). Each batch is one short
transaction holding its rows locked, so the bot can keep running while it works. Once every
value has been read, reminders that delivery set aside as unreadable go back in the queue.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import MetaData, Table, Text, column, select, table, update

from bot.storage.db import Database
from bot.storage.models import Base
from bot.storage.repositories import requeue_set_aside
from bot.storage.types import Cipher, EncryptedText, EncryptionError, from_stored, to_stored


@dataclass
class Rotation:
    """What a rotation did: values rewritten per `table.column`, and values left as they were."""

    rewritten: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    requeued: int = 0  # reminders set aside as unreadable, now back in the queue

    @property
    def total(self) -> int:
        """Values rewritten in all columns."""
        return sum(self.rewritten.values())


def encrypted_columns(metadata: MetaData = Base.metadata) -> Iterator[tuple[Table, list[str]]]:
    """Each table with `EncryptedText` columns, and the names of those columns."""
    for name in sorted(metadata.tables):
        found = metadata.tables[name]
        names = [c.name for c in found.columns if isinstance(c.type, EncryptedText)]
        if names:
            yield found, names


def rotate(db: Database, *, batch_size: int = 500, decrypt: bool = False) -> Rotation:
    """Re-encrypt every encrypted value with the newest key (or decrypt all with `decrypt`).

    Values already under the newest key are left alone, so running it twice is harmless.
    Raises `EncryptionError` when no key is configured or a value cannot be decrypted.
    """
    if db.cipher is None:
        raise EncryptionError("Set FOLLOWUP_ENCRYPTION_KEY first (newest key first).")
    cipher = db.cipher
    result = Rotation()
    for source, names in encrypted_columns():
        _rotate_table(
            db, source, names, cipher=cipher, batch_size=batch_size, decrypt=decrypt, result=result
        )
    with db.transaction() as session:  # every value read with these keys: they can go out
        result.requeued = requeue_set_aside(session)
    return result


def _rotate_table(
    db: Database,
    source: Table,
    names: list[str],
    *,
    cipher: Cipher,
    batch_size: int,
    decrypt: bool,
    result: Rotation,
) -> None:
    # A plain-text view of the table: values come and go exactly as stored.
    raw = table(source.name, column("id"), *(column(name, Text()) for name in names))
    key = raw.c.id
    last = 0
    while True:
        with db.transaction() as session:
            rows = session.execute(
                select(key, *(raw.c[name] for name in names))
                .where(key > last)
                .order_by(key)
                .limit(batch_size)
                .with_for_update()  # PostgreSQL: the bot cannot change these rows meanwhile
            ).all()
            for row in rows:
                changes: dict[str, str] = {}
                for name, stored in zip(names, row[1:], strict=True):
                    new = _rewrite(stored, cipher, decrypt=decrypt)
                    if new is None:
                        result.unchanged += stored is not None
                        continue
                    changes[name] = new
                    label = f"{source.name}.{name}"
                    result.rewritten[label] = result.rewritten.get(label, 0) + 1
                if changes:
                    session.execute(update(raw).where(key == row[0]).values(**changes))
        if len(rows) < batch_size:
            return
        last = rows[-1][0]


def _rewrite(stored: str | None, cipher: Cipher, *, decrypt: bool) -> str | None:
    """The new stored form of a value, or None when it needs no change."""
    if stored is None:
        return None
    if decrypt:
        plain = to_stored(from_stored(stored, cipher), None)
        return None if plain == stored else plain
    if cipher.is_current(stored):
        return None
    return cipher.encrypt(from_stored(stored, cipher))
