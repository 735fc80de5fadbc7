"""Column types that keep times honest on every engine and members' notes private at rest."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import DateTime, Engine, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

log = logging.getLogger(__name__)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime in, an aware UTC datetime out.

    SQLite silently drops offsets, so values are converted to UTC before writing and UTC is
    re-attached on reading. Naive values are refused: they are always a bug here.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        """Store as UTC; refuse naive datetimes."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused; use aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Return aware UTC whatever the engine gave back."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


# --- Encryption at rest -------------------------------------------------------------------

ENCRYPTED = "enc:v1:"  # a Fernet token follows
ESCAPED = "enc:v0:"  # plaintext follows (stored with no key, but it looked like our prefix)
_CIPHER_ATTRIBUTE = "followup_cipher"


class EncryptionError(RuntimeError):
    """A stored value cannot be read: the key that wrote it is not configured."""


class Cipher:
    """Fernet keys, newest first: encrypts with the newest, decrypts with any (MultiFernet).

    Values carry the `enc:v1:` prefix so rows written before a key was configured still read
    as plaintext, and so rotation can tell what is encrypted without guessing.
    """

    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise ValueError("a cipher needs at least one key")
        self._newest = Fernet(keys[0])
        self._all = MultiFernet([Fernet(key) for key in keys])

    def encrypt(self, plaintext: str) -> str:
        """The stored form of `plaintext`, under the newest key."""
        return ENCRYPTED + self._all.encrypt(plaintext.encode()).decode("ascii")

    def decrypt(self, stored: str) -> str:
        """The plaintext of a value `encrypt` produced, with whichever key wrote it."""
        try:
            return self._all.decrypt(stored.removeprefix(ENCRYPTED).encode("ascii")).decode()
        except (InvalidToken, UnicodeError) as error:
            log.error("a stored value could not be decrypted with FOLLOWUP_ENCRYPTION_KEY")
            raise EncryptionError(
                "A stored value could not be decrypted with FOLLOWUP_ENCRYPTION_KEY: the key "
                "is wrong, or the key that wrote it was removed. Put the old key back after "
                "the new one (newest first) and run `followup rotate-key`."
            ) from error

    def is_current(self, stored: str) -> bool:
        """Whether `stored` is already encrypted under the newest key (rotation skips it)."""
        if not stored.startswith(ENCRYPTED):
            return False
        try:
            self._newest.decrypt(stored.removeprefix(ENCRYPTED).encode("ascii"))
        except (InvalidToken, UnicodeError):
            return False
        return True


def use_cipher(engine: Engine, cipher: Cipher | None) -> None:
    """Give `engine` the cipher its `EncryptedText` columns use (None: store plaintext).

    The cipher lives on the engine's dialect, the one object a column type sees, so there
    is no process-wide key and two engines can use different keys.
    """
    setattr(engine.dialect, _CIPHER_ATTRIBUTE, cipher)


def cipher_of(dialect: Dialect) -> Cipher | None:
    """The cipher `use_cipher` gave this dialect's engine, if any."""
    cipher: Cipher | None = getattr(dialect, _CIPHER_ATTRIBUTE, None)
    return cipher


def to_stored(value: str, cipher: Cipher | None) -> str:
    """What goes into the column: ciphertext with a key, else the text (escaped if needed)."""
    if cipher is not None:
        return cipher.encrypt(value)
    return ESCAPED + value if value.startswith((ENCRYPTED, ESCAPED)) else value


def from_stored(value: str, cipher: Cipher | None) -> str:
    """The text behind a stored value; plaintext rows from before the key read as they are."""
    if value.startswith(ESCAPED):
        return value.removeprefix(ESCAPED)
    if not value.startswith(ENCRYPTED):
        return value
    if cipher is None:
        log.error("an encrypted value was read but FOLLOWUP_ENCRYPTION_KEY is not set")
        raise EncryptionError(
            "This database holds encrypted values but FOLLOWUP_ENCRYPTION_KEY is not set. "
            "Set it to the key (or keys, newest first) the data was written with."
        )
    return cipher.decrypt(value)


class EncryptedText(TypeDecorator[str]):
    """Member-written text, encrypted at rest when the engine has a cipher.

    With no key configured, values are stored as they are. A key that cannot decrypt a
    value raises `EncryptionError`: ciphertext is never handed out as if it were notes.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> Any:
        """Encrypt on the way in."""
        return None if value is None else to_stored(value, cipher_of(dialect))

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        """Decrypt on the way out."""
        return None if value is None else from_stored(str(value), cipher_of(dialect))
