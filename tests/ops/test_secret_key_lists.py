"""Every key of FOLLOWUP_ENCRYPTION_KEY is redacted, however the list is separated."""

from __future__ import annotations

import pytest

from bot.logs import REDACTED, Redactor, secrets_of
from bot.settings import Settings

NEWER = "q2nUS1Mmki5Jw6yLqkcm4ZkEqRm5ooR8YvVdA1Zbq5w="
OLDER = "Zm9sbG93dXAtdGVzdC1rZXktbnVtYmVyLXR3by0xMjM="


@pytest.mark.parametrize("separator", [",", ", ", " ", "\n"])
def test_each_key_of_a_key_list_is_redacted(separator: str) -> None:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, encryption_key=f"{NEWER}{separator}{OLDER}"
    )
    assert settings.encryption_keys == (NEWER, OLDER)
    redact = Redactor(secrets_of(settings))
    assert redact(f"old key {OLDER} did not decrypt") == f"old key {REDACTED} did not decrypt"
    assert redact(f"new key {NEWER}") == f"new key {REDACTED}"
