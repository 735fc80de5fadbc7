"""What an employer's reply means: the member pastes it, Followup reads it and proposes.

The text is read here and nowhere else, and never kept: a `Reading` holds only what the
member is asked to confirm (a kind, dates, what they ask for, who wrote), never the email's
words, so it can travel in a button and be logged by its cues alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

SURE = 0.75
"""Confidence at or above which the reply proposes one reading; below it, the member picks."""


class ReplyKind(StrEnum):
    """What the employer's email is, as the member will be asked to confirm it."""

    REJECTION = "rejection"
    OFFER = "offer"
    NEXT_ROUND = "next_round"  # an invitation to another round, or a request for availability
    MATERIAL = "material"  # references, a work sample, salary expectations, documents
    STILL_DECIDING = "still_deciding"  # no decision yet, often with a new date
    OUT_OF_OFFICE = "out_of_office"  # an auto-reply: not a reply at all
    ACKNOWLEDGEMENT = "acknowledgement"  # "thanks, received", nothing decided


class Material(StrEnum):
    """What a request for material asks for."""

    REFERENCES = "references"
    WORK_SAMPLE = "work_sample"
    SALARY = "salary_expectations"
    DOCUMENTS = "documents"  # transcripts, ID, right-to-work papers, a signed form


@dataclass(frozen=True)
class Sender:
    """Who wrote, as the email's signature or headers say (any part may be missing)."""

    name: str | None = None
    email: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Slot:
    """A time the employer offers for the next round (aware, UTC)."""

    starts_at: datetime
    ends_at: datetime | None = None


@dataclass(frozen=True)
class Reading:
    """One reading of a reply, with how sure it is and what else it might be."""

    kind: ReplyKind
    confidence: float  # 0..1
    others: tuple[ReplyKind, ...] = ()  # the next likeliest kinds, best first
    stop: bool = False  # they ask not to be contacted again
    until: datetime | None = None  # decision date, return date, or when material is due
    slots: tuple[Slot, ...] = ()  # NEXT_ROUND: the times offered
    material: tuple[Material, ...] = ()  # MATERIAL: what they ask for
    sender: Sender | None = None
    language: str = "en"  # the language the email is written in
    cues: tuple[str, ...] = ()  # names of the rules that decided: safe to log, no member text

    @property
    def sure(self) -> bool:
        """Sure enough to propose this one reading rather than ask which it is."""
        return self.confidence >= SURE


def classify(text: str, *, now: datetime, tz: ZoneInfo, language: str | None = None) -> Reading:
    """Read a pasted or forwarded reply; `language` is a hint (the interview's), not a rule.

    Quoted history and signatures are the member's own earlier mail, not the reply: only the
    newest message counts. Dates are read with the date parser in the member's zone `tz`.
    """
    raise NotImplementedError("the classifier lands with issue #19")
