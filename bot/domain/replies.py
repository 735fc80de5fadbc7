"""What an employer's reply means: the member pastes it, Followup reads it and proposes.

The text is read here and nowhere else, and never kept: a `Reading` holds only what the
member is asked to confirm (a kind, dates, what they ask for, who wrote), never the email's
words, so it can travel in a button and be logged by its cues alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.reply_dates import Found, dates_in, next_week_in
from bot.domain.reply_lexicon import ENGLISH, Lexicon
from bot.domain.reply_lexicon_de import GERMAN
from bot.domain.reply_lexicon_es import SPANISH
from bot.domain.reply_lexicon_fr import FRENCH
from bot.domain.reply_lexicon_pt import PORTUGUESE
from bot.domain.reply_sender import sender_of
from bot.domain.reply_text import Message, newest
from bot.domain.text import unaccented

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
    Every cue that fires adds its weight to its kind; the confidence is the best kind's score
    against the runner-up's and a half point of doubt, so one clear phrase ("the position has
    been filled") with a polite thank-you is just sure, and two kinds at odds are not.
    No text makes it raise; only a naive `now` does (ValueError), as in the date parser.
    """
    if now.tzinfo is None:
        raise ValueError("classify needs an aware `now`")
    message = newest(text)
    folded = unaccented(message.body).translate(_APOSTROPHES)
    spoken = detect_language(folded, language)
    lexicon = LEXICONS[spoken]
    scores, cues = _score(folded, message, lexicon)
    # A stop in any language is a stop: a short one is too short to tell its language by.
    stop = any(other.stop.search(folded) for other in LEXICONS.values())
    if stop:
        cues.append("stop")
        for kind in _POSITIVE:
            scores[kind] = 0.0
        _add(scores, cues, ReplyKind.REJECTION, _STOP_MEANS_NO, "stop.means_no")
    ranked = sorted(scores, key=lambda kind: (-scores[kind], _TIE_ORDER.index(kind)))
    best = ranked[0]
    top, runner_up = scores[best], scores[ranked[1]]
    if top <= 0:
        best = ReplyKind.ACKNOWLEDGEMENT
        cues.append("nothing_recognised")
    confidence = top / (top + runner_up + _DOUBT) if top > 0 else 0.0
    others = tuple(kind for kind in ranked[1:] if scores[kind] > 0)[:_OTHERS]
    if confidence < SURE:
        others = _padded(best, others, stop=stop)
    materials = _materials(folded, lexicon) if best is ReplyKind.MATERIAL else ()
    until, slots = _dates(best, message, folded, now=now, tz=tz, language=spoken)
    name, email, title = sender_of(message)
    sender = Sender(name, email, title) if name or email else None
    return Reading(
        kind=best,
        confidence=round(confidence, 3),
        others=others,
        stop=stop,
        until=until,
        slots=slots,
        material=materials,
        sender=sender,
        language=spoken,
        cues=tuple(cues),
    )


LEXICONS: dict[str, Lexicon] = {
    "en": ENGLISH,
    "es": SPANISH,
    "fr": FRENCH,
    "de": GERMAN,
    "pt": PORTUGUESE,
}
_POSITIVE = (ReplyKind.OFFER, ReplyKind.NEXT_ROUND)
# On a tie the less hopeful reading wins: good news is never announced on a coin toss.
_TIE_ORDER = (
    ReplyKind.OUT_OF_OFFICE,
    ReplyKind.REJECTION,
    ReplyKind.STILL_DECIDING,
    ReplyKind.ACKNOWLEDGEMENT,
    ReplyKind.MATERIAL,
    ReplyKind.NEXT_ROUND,
    ReplyKind.OFFER,
)
# The buttons offered when nothing is sure, in the order replies most often are.
_FALLBACK = (
    ReplyKind.REJECTION,
    ReplyKind.NEXT_ROUND,
    ReplyKind.STILL_DECIDING,
    ReplyKind.ACKNOWLEDGEMENT,
)
_DOUBT = 0.5
# Mail clients write "we’re" with a curly apostrophe; the cues are written with a straight one.
_APOSTROPHES = str.maketrans("\u2018\u2019\u02bc", "'''")
_OTHERS = 3
_STRONG = 3.0  # a cue this heavy says the kind on its own
_STOP_MEANS_NO = 2.0
_NEGATED_GOOD_NEWS = 1.0
_MATERIAL_ASKED = 3.0
_MATERIAL_MENTIONED = 0.5
_MATERIAL_MORE = 0.5
_HINT_WORDS = 1.5  # how many matching words the interview's language is worth
_WORD = re.compile(r"[a-z']+")
_URL = re.compile(r"(?<!\S)\S*(?:://|@|www\.)\S*")  # from a word's start: linear
_SENTENCE_END = re.compile(r"[.!?\n]")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_NEGATION_REACH = 60  # characters before a cue, within its sentence, that can negate it
_MAX_WORDS = 400


def detect_language(folded: str, hint: str | None) -> str:
    """The language with the most of its common words in the text.

    The hint (the interview's language) counts as a word and a half: it settles a short or
    mixed reply, never a reply plainly written in another language.
    """
    counts = dict.fromkeys(LEXICONS, 0.0)
    for word in _WORD.findall(_URL.sub(" ", folded[:4000]))[:_MAX_WORDS]:
        for code, lexicon in LEXICONS.items():
            if word in lexicon.words:
                counts[code] += 1
    if hint in counts:
        counts[hint] += _HINT_WORDS
    best = max(counts, key=lambda code: counts[code])
    if counts[best] <= 0:
        return hint if hint in LEXICONS else "en"
    return best


def _score(
    folded: str, message: Message, lexicon: Lexicon
) -> tuple[dict[ReplyKind, float], list[str]]:
    """Each kind's total weight of the cues that fired, and the cues' names in order."""
    scores = dict.fromkeys(ReplyKind, 0.0)
    cues: list[str] = []
    subject = unaccented(message.subject or "")
    for cue in lexicon.cues:
        kind = ReplyKind(cue.kind)
        fired = negated = False
        for match in cue.pattern.finditer(folded):
            if cue.negatable and _negated(folded, match.start(), lexicon):
                negated = True
                continue
            fired = True
            break
        if not fired and kind is ReplyKind.OUT_OF_OFFICE and subject:
            fired = bool(cue.pattern.search(subject))
        if fired:
            _add(scores, cues, kind, cue.weight, cue.name)
        elif negated:
            _add(scores, cues, ReplyKind.REJECTION, _NEGATED_GOOD_NEWS, f"{cue.name}.negated")
    material = _material_score(folded, lexicon)
    if material:
        _add(scores, cues, ReplyKind.MATERIAL, material[0], material[1])
    strongest_no = max(
        (
            cue.weight
            for cue in lexicon.cues
            if cue.kind == ReplyKind.REJECTION and cue.name in cues
        ),
        default=0.0,
    )
    if strongest_no >= _STRONG:
        for kind in _POSITIVE:
            scores[kind] /= 2
        cues.append("rejection.outweighs_good_words")
    return scores, cues


def _add(
    scores: dict[ReplyKind, float], cues: list[str], kind: ReplyKind, weight: float, name: str
) -> None:
    scores[kind] += weight
    cues.append(name)


def _negated(folded: str, start: int, lexicon: Lexicon) -> bool:
    """A negator between the start of the cue's sentence and the cue ("cannot offer you")."""
    window = folded[max(0, start - _NEGATION_REACH) : start]
    ends = [found.end() for found in _SENTENCE_END.finditer(window)]
    return bool(lexicon.negators.search(window[ends[-1] if ends else 0 :]))


def _sentences(folded: str) -> list[str]:
    """The sentences with their closing mark: a question that names material asks for it."""
    return [found.group() for found in _SENTENCE.finditer(folded) if found.group().strip()]


def _material_score(folded: str, lexicon: Lexicon) -> tuple[float, str] | None:
    """How strongly the reply asks for material: a named thing in a sentence that asks."""
    asked, mentioned = _asked_for(folded, lexicon)
    if asked:
        return _MATERIAL_ASKED + _MATERIAL_MORE * (len(asked) - 1), "material.asked"
    if mentioned:
        return _MATERIAL_MENTIONED, "material.mentioned"
    return None


def _asked_for(folded: str, lexicon: Lexicon) -> tuple[list[str], list[str]]:
    asked: list[str] = []
    mentioned: list[str] = []
    for sentence in _sentences(folded):
        requesting = bool(lexicon.request.search(sentence))
        for value, pattern in lexicon.material:
            if pattern.search(sentence):
                (asked if requesting else mentioned).append(value)
    return list(dict.fromkeys(asked)), list(dict.fromkeys(mentioned))


def _materials(folded: str, lexicon: Lexicon) -> tuple[Material, ...]:
    asked, mentioned = _asked_for(folded, lexicon)
    return tuple(Material(value) for value in (asked or mentioned))


def _padded(best: ReplyKind, others: tuple[ReplyKind, ...], *, stop: bool) -> tuple[ReplyKind, ...]:
    """Enough choices for the member to pick from when the reading is not sure."""
    pool = [*others, *_FALLBACK]
    allowed = [
        kind
        for kind in dict.fromkeys(pool)
        if kind is not best and not (stop and kind in _POSITIVE)
    ]
    return tuple(allowed[:_OTHERS])


def _dates(
    kind: ReplyKind, message: Message, folded: str, *, now: datetime, tz: ZoneInfo, language: str
) -> tuple[datetime | None, tuple[Slot, ...]]:
    """The date that matters for `kind`, and the times offered for a next round."""
    if kind in (ReplyKind.REJECTION, ReplyKind.ACKNOWLEDGEMENT):
        return None, ()
    found = dates_in(message.body, now=now, tz=tz, language=language)
    if kind is ReplyKind.NEXT_ROUND:
        starts: dict[datetime, Slot] = {}
        for date in found:
            if date.offered and date.starts_at >= now:
                starts.setdefault(date.starts_at, Slot(date.starts_at, date.ends_at))
        return None, tuple(starts.values())
    until = _until(kind, found)
    if until is None:
        until = next_week_in(folded, now=now, tz=tz, language=language)
    return until, ()


def _until(kind: ReplyKind, found: list[Found]) -> datetime | None:
    """An offer's or a request's deadline; the latest date of a decision or a return.

    An auto-reply that says when its writer is back ("back on December 8") means that day,
    whatever other days it names ("away from December 1").
    """
    if kind in (ReplyKind.OFFER, ReplyKind.MATERIAL):
        return next((date.starts_at for date in found if date.deadline), None)
    if kind is ReplyKind.OUT_OF_OFFICE and any(date.returning for date in found):
        found = [date for date in found if date.returning]
    if not found:
        return None
    latest = max(found, key=lambda date: date.starts_at)
    if kind is ReplyKind.OUT_OF_OFFICE and latest.last_day:
        return latest.starts_at + timedelta(days=1)
    return latest.starts_at
