"""The language of adapters' own words: notices that answer no reply, and menu names.

A reply says its language (`Reply.language`); a notice an adapter gives before or instead of
one speaks the member's language as the core would choose it (their setting, their group's,
their platform's), else the locale the platform sent with the request, else English.
Menus that adapters build from a reply's actions are named here, once for every platform.
"""

from __future__ import annotations

from bot.app import Core
from bot.chat import MemberRef
from bot.domain.languages import DEFAULT_LANGUAGE, language_of_locale
from bot.i18n import N_, _
from bot.storage import repositories as repo

# What a menu of one command's several actions is called (Discord's select placeholder,
# Slack's overflow items), by the command it runs: a command's name is syntax, not words.
MENU_NAMES = {"snooze": N_("Snooze"), "sent": N_("Mark sent"), "reply_ok": N_("Their reply is")}
MENU_NAME = N_("Choose")


def member_language(core: Core, ref: MemberRef, locale: str | None = None) -> str:
    """The language to speak to `ref` in (a database read: call it off the event loop)."""
    with core.deps.db.reading() as session:
        member = repo.member_facts(session, ref)
    if member is not None:
        return core.deps.language_of(member)
    return language_of_locale(locale) or DEFAULT_LANGUAGE


def menu_name(command: str) -> str:
    """The words that head a menu of `command`'s actions, in the language being spoken."""
    return _(MENU_NAMES.get(command, MENU_NAME))
