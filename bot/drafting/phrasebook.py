"""Each draft language's own way of turning notes into sentences, and of saying dates.

A draft in Spanish is not an English draft translated: its sentences are framed the way a
Spanish speaker frames them, its dates said their way, its stages named their way. Each
language is one module with the functions below (English: `bot/drafting/sentences.py`),
and its templates live in `templates/<code>/` (English: `templates/`). `draft_context`
asks for the phrasebook of the draft's language and never names a language itself.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping, Sequence
from datetime import date, time
from typing import Protocol, cast

from bot.drafting.notes import Note

MODULES: dict[str, str] = {
    "en": "bot.drafting.sentences",
    "es": "bot.drafting.sentences_es",
    "fr": "bot.drafting.sentences_fr",
    "de": "bot.drafting.sentences_de",
    "pt": "bot.drafting.sentences_pt",
}


class Phrasebook(Protocol):
    """What `draft_context.build` needs of a language: every function is pure."""

    STAGE_LABELS: Mapping[str, str]
    """How each stage is named in a sentence ("phone screen", "entrevista telefónica")."""

    def day_phrase(self, day: date, days_ago: int) -> str:
        """A day behind us as a sentence says it: 'yesterday', 'on Tuesday', 'on November 3'."""
        ...

    def due_phrase(self, day: date, days_ahead: int, wall: time | None) -> str:
        """A promise's date ahead: 'by Friday at noon'; `wall` None when no time was given."""
        ...

    def read_note(self, text: str, field: str | None = None) -> Note:
        """One note read into its shape (what frames it fits)."""
        ...

    def addressed(
        self,
        text: str,
        names: Sequence[str] = (),
        others: Sequence[str] = (),
        *,
        familiar: bool = False,
    ) -> str:
        """The note as said to its addressee: the third person about them becomes 'you'.

        `familiar`: the draft says "tú" rather than "usted", which takes the third person
        itself; only a language whose drafts change address with the tone reads it.
        """
        ...

    def as_topic(self, note: Note) -> str | None:
        """The note as the topic of 'our conversation about ___', or None if it is not one."""
        ...

    def join_items(self, items: Sequence[str]) -> str:
        """Items listed as the language lists them: 'A, B and C'."""
        ...

    def related(self, a: str | None, b: str | None) -> bool:
        """Whether two notes share a content word (so one sentence may point to the other)."""
        ...

    def words_in(self, *texts: str | None) -> frozenset[str]:
        """The content words of sentences already written, for frames to avoid repeating."""
        ...

    def personal(self, note: Note, variant: int, stage: str) -> str:
        """A sentence on what the member and the addressee talked about, from one note."""
        ...

    def shared_topics(self, notes: Sequence[Note], stage: str, *, also: bool = False) -> str:
        """The panel's topics in one sentence; `also` when a personal sentence came first."""
        ...

    def highlights(self, notes: Sequence[Note], variant: int) -> str | None:
        """What the member enjoyed most, said once."""
        ...

    def strength(
        self, notes: Sequence[Note], variant: int, stage: str, *, tied: bool
    ) -> str | None:
        """What the member brings; `tied` when it may point back to the topic just said."""
        ...

    def interest(
        self, variant: int, stage: str, avoid: frozenset[str] = frozenset(), panel: int = 1
    ) -> str:
        """The member's interest in the role restated, avoiding the words in `avoid`."""
        ...

    def correction(self, notes: Sequence[Note]) -> str:
        """Something the member said in the interview, put right."""
        ...

    def questions(self, notes: Sequence[Note]) -> str | None:
        """The questions the member meant to ask, asked."""
        ...

    def my_promise(self, note: Note, due: str | None) -> str:
        """What the member promised, and by when (`due_phrase`)."""
        ...

    def sendable(self, note: Note) -> str:
        """A promised item as a noun phrase ("the deck"), for "attached is ___"."""
        ...

    def attachment(self, item: str, when: str) -> str:
        """The sentence that hands over the promised `item`, promised `when` (`day_phrase`)."""
        ...

    def about_timing(self, note: Note) -> bool:
        """Whether the employer's promise is about the decision's timing."""
        ...

    def their_promises(self, notes: Sequence[Note]) -> str | None:
        """Thanks for what the employer offered to do."""
        ...

    def their_promise_reminder(self, note: Note) -> str:
        """A status check's gentle mention of the timing they gave."""
        ...


@functools.cache
def phrasebook(language: str) -> Phrasebook:
    """The phrasebook for a draft language (loaded once)."""
    return cast(Phrasebook, importlib.import_module(MODULES[language]))
