"""The language of an adapter's own notices that answer no reply (a refused file, an error).

A reply says its language (`Reply.language`); a notice an adapter gives before or instead of
one speaks the member's language as the core would choose it (their setting, their group's,
their platform's), else the locale the platform sent with the request, else English.
"""

from __future__ import annotations

from bot.app import Core
from bot.chat import MemberRef
from bot.domain.languages import DEFAULT_LANGUAGE, language_of_locale
from bot.storage import repositories as repo


def member_language(core: Core, ref: MemberRef, locale: str | None = None) -> str:
    """The language to speak to `ref` in (a database read: call it off the event loop)."""
    with core.deps.db.reading() as session:
        member = repo.member_facts(session, ref)
    if member is not None:
        return core.deps.language_of(member)
    return language_of_locale(locale) or DEFAULT_LANGUAGE
