"""Spelling dictionaries of the languages in use are read ahead, at start (issue #18)."""

from __future__ import annotations

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.drafting.proofread import dictionaries
from bot.services.warm_up import languages_in_use, warm_up


async def test_only_english_is_read_ahead_while_nobody_uses_another_language(
    core: Core, convo: Conversation
) -> None:
    await convo.say('/interview log company="Acme"')
    assert languages_in_use(core.deps.db) == ["en"]


async def test_every_language_a_member_group_or_interview_uses_is_read_ahead(
    core: Core, convo: Conversation
) -> None:
    await convo.say("/interview settings language=es")
    await convo.say('/interview log company="Acme" language=fr')
    assert languages_in_use(core.deps.db) == ["en", "es", "fr"]


async def test_the_warm_up_reads_the_dictionaries_off_the_event_loop(
    core: Core, convo: Conversation
) -> None:
    await convo.say("/interview settings language=es")
    thread = warm_up(core.deps.db)
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert dictionaries.known("es", "agradecimiento")
    assert not dictionaries.known("es", "agradecimeinto")
