"""Read the spelling dictionaries of the languages a deployment's members use, at start.

A hunspell dictionary takes seconds to read (German 11 s, Portuguese 14 s on one core;
`.venv/bin/python -m bench drafts` measures it) and hundreds of megabytes to hold, so a
process reads only the languages someone uses, in a background thread at start: the first
draft in German then does not keep its member, or Slack's three-second acknowledgement,
waiting. A language chosen later is read on its first draft.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import select, union

from bot.domain.languages import DEFAULT_LANGUAGE, LANGUAGES, language_of_locale
from bot.drafting.proofread.dictionaries import load
from bot.storage.db import Database
from bot.storage.models import Interview, Member, Workspace

log = logging.getLogger(__name__)


def languages_in_use(db: Database) -> list[str]:
    """Every draft language a member, group or interview has, English first."""
    with db.reading() as session:
        said = session.execute(
            union(
                select(Member.language),
                select(Member.platform_locale),
                select(Workspace.language),
                select(Interview.language),
            )
        ).scalars()
        found = {language_of_locale(code) for code in said if code}
    return [DEFAULT_LANGUAGE, *(code for code in LANGUAGES if code in found - {DEFAULT_LANGUAGE})]


def warm_up(db: Database) -> threading.Thread:
    """Start reading the dictionaries of the languages in use, off the event loop."""

    def read() -> None:
        try:
            for language in languages_in_use(db):
                load(language)
                log.info("spelling dictionaries ready", extra={"language": language})
        except Exception:  # a warm-up that fails only costs the first draft some seconds
            log.warning("spelling dictionaries not read ahead", exc_info=True)

    thread = threading.Thread(target=read, name="dictionaries", daemon=True)
    thread.start()
    return thread
