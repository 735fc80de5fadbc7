"""The neutral reply as plain text: what the console shows, in the reply's language."""

from __future__ import annotations

import pytest

from bot.chat import Action, ComposeLink, DraftBlock, Fields, Reply
from bot.i18n import speaking


def _reply(language: str) -> Reply:
    draft = DraftBlock(
        "Merci",
        "jane@acme.com",
        "Merci",
        "Bonjour Jane,",
        links=(ComposeLink("Gmail", "https://g"),),
    )
    return Reply(
        blocks=[Fields((("Langue", "français"),)), draft],
        actions=[Action("sent", "Envoyé", "#1")],
        language=language,
    )


@pytest.mark.parametrize(
    ("language", "colon"),
    [("fr", "\u00a0:"), ("en", ":"), ("es", ":"), ("de", ":"), ("pt", ":")],
)
def test_labels_meet_their_values_with_the_colon_of_the_replys_language(
    language: str, colon: str
) -> None:
    """French sets a no-break space before ':' in field rows, buttons and compose links."""
    text = _reply(language).plain_text()
    assert f"Langue{colon} français" in text.splitlines()
    assert f"[Envoyé{colon} /interview sent #1]" in text.splitlines()
    assert f"Gmail{colon} https://g" in text.splitlines()


def test_the_colon_follows_the_reply_not_the_language_being_spoken() -> None:
    with speaking("en"):
        assert "Langue\u00a0: français" in _reply("fr").plain_text()
    with speaking("fr"):
        assert "Langue: français" in _reply("en").plain_text()
