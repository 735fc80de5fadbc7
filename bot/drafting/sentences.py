"""The sentences a draft is made of, each framed to fit the shape of the note it carries.

A member's notes come in every shape: "the Kafka migration", "he showed me their custom
ECS", "to set up a call next week", "four years of SQL", "shipped two Unity titles". A
fixed frame ("our conversation about ___") is grammatical for some of them only, so each
slot here reads the note (`bot/drafting/notes.py`) and picks a frame that fits it, falling
back to a colon frame, which is grammatical for any text. Notes about the addressee are
already in the second person when they arrive (`notes.addressed`).

Each slot's frames rotate with `variant` (the interviewer's place in a panel) so panelists'
notes differ; the frames of neighbouring slots avoid each other's key words so no word
repeats from one sentence to the next.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, time

from bot.domain.timewords import DAY_NAMES, MONTH_NAMES
from bot.drafting.notes import (
    Note,
    Shape,
    addressed,
    as_gerund,
    as_question,
    as_that_clause,
    as_topic,
    first_person,
    join_items,
    lower_first,
    offered,
    read_note,
    reported,
    upper_first,
)

__all__ = ["addressed", "as_topic", "join_items", "read_note"]  # the phrasebook's, re-exported

INFORMATIONAL = "informational"
TECHNICAL = "technical"
STAGE_LABELS = {
    "recruiter_screen": "recruiter call",
    "phone_screen": "phone screen",
    "technical": "technical interview",
    "onsite": "interview",
    "panel": "panel interview",
    "final": "final interview",
    "informational": "informational interview",
}
DAYS_SAID_BY_WEEKDAY = 6


def day_phrase(day: date, days_ago: int) -> str:
    """'today', 'yesterday', 'on Tuesday' within the week, else 'on November 3'."""
    if days_ago == 0:
        return "today"
    if days_ago == 1:
        return "yesterday"
    if 1 < days_ago <= DAYS_SAID_BY_WEEKDAY:
        return f"on {DAY_NAMES[day.weekday()]}"
    return f"on {MONTH_NAMES[day.month - 1]} {day.day}"


def due_phrase(day: date, days_ahead: int, wall: time | None) -> str:
    """'by Friday at noon', 'by tomorrow', 'by December 4': a promise's date ahead."""
    if days_ahead <= 0:
        said = "today"
    elif days_ahead == 1:
        said = "tomorrow"
    elif days_ahead <= DAYS_SAID_BY_WEEKDAY:
        said = DAY_NAMES[day.weekday()]
    else:
        said = f"{MONTH_NAMES[day.month - 1]} {day.day}"
    if wall is None:
        return f"by {said}"
    if wall == time(12, 0):
        return f"by {said} at noon"
    hour = wall.hour % 12 or 12
    minutes = f":{wall.minute:02d}" if wall.minute else ""
    return f"by {said} at {hour}{minutes} {'a.m.' if wall.hour < 12 else 'p.m.'}"


# A date or time already inside a promise ("the deck by Friday noon"): named as typed.
_DATE_WORDS = re.compile(
    r"\b(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|next week|this week|end of (?:the )?(?:day|week|month)|"
    r"eod|eow|noon|midnight|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"\d{1,2}[:/.]\d{1,2}|\d{1,2}\s?(?:am|pm))\b",
    re.IGNORECASE,
)
# "by Friday noon" or "on Monday" at the end of a promise: the date, not the thing promised.
_DATE_LEAD = re.compile(
    r"\s+(?:by|on|before|until|next|this|end of|at|today|tonight|tomorrow)\b", re.IGNORECASE
)
_TIMING_WORDS = re.compile(
    r"\b(?:decision|decide|timeline|update|feedback|next steps?|hear|back to me|news|outcome)",
    re.IGNORECASE,
)
_YEARS_BARE = re.compile(
    r"^(\S+\s+(?:years?|months?))\s+"
    r"(?!of\b|in\b|at\b|with\b|as\b|on\b|doing\b|building\b|experience\b)(\w)",
    re.I,
)
_RELATED_STOP = frozenset(
    {
        "that", "this", "with", "from", "about", "your", "their", "team", "work", "what",
        "when", "where", "which", "there", "have",
    }
)  # fmt: skip
_YOUR_START = re.compile(r"^your\b", re.I)
# "my screen-reader checklist", "the dashboard I built": something the member showed.
_OWN_WORK = re.compile(r"^my\b|\bI (?:built|made|wrote|designed|shipped|led|created)\b")
_WILL = re.compile(r"^(?:will|would|'ll)\b", re.I)
_PROMISER = re.compile(r"^(?:he|she|they|you)\s+(?=(?:will|would|can|could)\b)", re.I)
_LINK = re.compile(r"\b(?:link|url|website|repo|repository)\b", re.I)
_POSSESSIVE_START = re.compile(r"^(?:my|our)\b", re.I)


_FRAME_WORD = re.compile(r"[^\W\d_]{4,}")


def related(a: str | None, b: str | None) -> bool:
    """Whether two notes share a content word, so a sentence may link them.

    Words are compared by their first five letters ("migrate", "migration"): a link between
    two facts is drawn only where the member's own words draw it, never invented.
    """
    if not a or not b:
        return False
    stems = {w.casefold()[:5] for w in _FRAME_WORD.findall(a)} - _RELATED_STOP
    return not stems.isdisjoint({w.casefold()[:5] for w in _FRAME_WORD.findall(b)})


def words_in(*texts: str | None) -> frozenset[str]:
    """The longer words of nearby sentences, which a frame should not say again."""
    return frozenset(w.casefold() for t in texts if t for w in _FRAME_WORD.findall(t))


def pick(
    frames: Sequence[str],
    variant: int,
    avoid: frozenset[str] = frozenset(),
    stride: int = 1,
    words: Callable[[str], frozenset[str]] = words_in,
) -> str:
    """The variant's frame, or the next one that repeats no word from `avoid`.

    Panelists hold variants 0 to n-1, so stepping by `stride` = n skips over the frames
    the others hold: avoiding a word never makes two panelists' notes share a sentence.
    `words` is how a language tells words apart (Portuguese folds its accents).
    """
    count = len(frames)
    for step in range(count):
        frame = frames[(variant + step * max(stride, 1)) % count]
        if not avoid or words(frame).isdisjoint(avoid):
            return frame
    return frames[variant % count]


def has_date(text: str) -> bool:
    """Whether a promise names its own date or time, so ours would double it."""
    return _DATE_WORDS.search(text) is not None


def personal(note: Note, variant: int, stage: str) -> str:
    """What the member discussed with this person, in a frame that fits the note."""
    topic = as_topic(note)
    if topic is not None:
        frames: tuple[str, ...]
        # Frames that fit a thing, an action or a question alike: "working through" fits a
        # problem but not "designing for low vision", so the technical ones talk instead.
        if stage == TECHNICAL:
            frames = (
                f"I especially enjoyed our technical discussion about {topic}.",
                f"Talking through {topic} with you was the best part of the session.",
                f"I enjoyed digging into the details of {topic} with you.",
                f"Our exchange about {topic} was a real pleasure.",
            )
        else:
            frames = (
                f"I especially enjoyed our conversation about {topic}.",
                f"Your perspective on {topic} stayed with me.",
                f"I keep coming back to what you shared about {topic}.",
                f"Hearing about {topic} made the work even more appealing.",
                f"I was glad we had time to talk about {topic}.",
            )
            if _YOUR_START.match(topic):  # not "Your perspective on your plan"
                frames = tuple(f for f in frames if not f.startswith("Your perspective"))
        return pick(frames, variant)
    clause = None if first_person(note) else as_that_clause(note)
    if clause is not None:
        return pick(
            (
                f"I especially appreciated that {clause}.",
                f"It meant a lot that {clause}.",
                f"I was glad that {clause}.",
                f"I valued that {clause}.",
            ),
            variant,
        )
    return f"One part of our conversation stays with me: {_colon(note)}."


def shared_topics(notes: Sequence[Note], stage: str, *, also: bool = False) -> str:
    """Topics the member did not attribute: the same sentence in each panelist's note.

    `also` when a personal sentence comes first, so this one reads as more of the same.
    """
    topics = [as_topic(n) for n in notes]
    if all(t is not None for t in topics):
        listed = join_items([t for t in topics if t is not None])
        if also:
            return f"We also covered {listed}."
        return f"I enjoyed discussing {listed}."
    lead = "We also covered" if also else "We covered a lot of ground"
    return f"{lead}: " + "; ".join(_colon(n) for n in notes) + "."


def highlights(notes: Sequence[Note], variant: int) -> str | None:
    """The moments the member singled out, in one sentence when they are all topics."""
    topics = [as_topic(n) for n in notes]
    if len(notes) > 1 and all(t is not None for t in topics):
        return f"Highlights for me were {join_items([t for t in topics if t is not None])}."
    return _join_lines(*(highlight(n, variant + i) for i, n in enumerate(notes)))


def highlight(note: Note, variant: int) -> str:
    """A moment the member singled out as the best part of the interview."""
    topic = as_topic(note)
    if topic is not None and _OWN_WORK.search(topic):  # the member's own work, not a boast
        return f"I enjoyed walking you through {topic}."
    if topic is not None:
        return pick(
            (f"A highlight for me was {topic}.", f"{upper_first(topic)} was a highlight for me."),
            variant,
        )
    clause = None if first_person(note) else as_that_clause(note)
    if clause is not None:
        return f"It was a real highlight that {clause}."
    return f"A highlight for me: {_colon(note)}."


def strength(notes: Sequence[Note], variant: int, stage: str, *, tied: bool) -> str | None:
    """The member's qualifications for this note, in one sentence.

    `tied` means the sentence before named this person's topic, so "That is where ..."
    links the strength to it without repeating the topic's words.
    """
    read = [(n, _what_i_bring(n)) for n in notes]
    brought = [b for _, b in read if b is not None]
    loose = [n for n, b in read if b is None]
    line: str | None = None
    if stage == INFORMATIONAL:
        if brought:
            line = f"Your advice gives me clear ideas for building on {join_items(brought)}."
        return _join_lines(line, *(_bring_colon(n, stage) for n in loose))
    if brought:
        bring = join_items(brought)
        frames = (
            (
                f"That is exactly where {bring} would help.",
                f"That is where {bring} would let me contribute from the start.",
                f"It is the kind of work where {bring} would count.",
                f"That is where I believe {bring} would help most.",
            )
            if tied
            else (
                f"I believe {bring} would let me contribute from the start.",
                f"I would be glad to bring {bring} to the team.",
                f"I am confident {bring} would help the team.",
                f"I hope to put {bring} to work for you.",
            )
        )
        line = pick(frames, variant)
    return _join_lines(line, *(_bring_colon(n, stage) for n in loose))


def _bring_colon(note: Note, stage: str) -> str:
    """A strength no noun phrase carries: a clause of its own ("I led the migration")."""
    if note.shape is Shape.CLAUSE and first_person(note):
        said = upper_first(note.text)
        if stage == INFORMATIONAL:
            return f"{said}, and your advice gives me clear ideas for building on it."
        return f"{said}, and I would be glad to bring that experience to the team."
    if stage == INFORMATIONAL:
        return f"Your advice gives me clear ideas for building on my background: {_colon(note)}."
    return f"What I would bring to the team: {_colon(note)}."


def _join_lines(*lines: str | None) -> str | None:
    text = " ".join(line for line in lines if line)
    return text or None


_NUMBER_START = re.compile(
    r"^(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"several|many)\b",
    re.IGNORECASE,
)


def _what_i_bring(note: Note) -> str | None:
    """The qualification as a noun phrase of the member's ("my four years of SQL").

    None for a note no noun phrase can carry (a clause of its own, unclear text).
    """
    if note.empty:
        return None
    if note.shape is Shape.YEARS:
        text = lower_first(note.text)
        if _POSSESSIVE_START.match(text):
            return text
        if _NUMBER_START.match(text):
            return "my " + _YEARS_BARE.sub(r"\1 of \2", text)  # "5+ years Python": "of"
        return f"what I learned in {text}"  # "about 3 years", "the last 3 years", "a few years"
    if note.shape is Shape.CLAUSE:
        # "cut pager alerts by 60%" reads as a clause ("cut" is a noun too); as an action
        # it is the member's experience: "my experience cutting pager alerts by 60%".
        action = None if first_person(note) else as_gerund(read_note(f"to {note.text}"))
        return f"my experience {action}" if action else None
    gerund = as_gerund(note)
    if gerund is not None:
        return f"my experience {gerund}"
    topic = as_topic(note)
    if topic is None:
        return None
    if _POSSESSIVE_START.match(topic):
        return topic
    return f"my experience with {topic}"


_INTEREST_SCREEN = (
    "I am very interested in the role and would welcome the chance to move forward.",
    "I would be glad to continue to the next stage.",
    "I am keen to keep going in the process.",
    "I would welcome the chance to take the next step.",
    "Our call made me even keener on the opportunity.",
    "I hope to continue the conversation in the next round.",
)
_INTEREST = (
    "I am even more interested in joining the team after meeting you.",
    "Our conversation confirmed my interest in the role.",
    "I would be glad to join your team.",
    "I left even more excited about the opportunity.",
    "I would welcome the chance to work with you.",
    "Meeting you made me even keener on the role.",
    "I came away more enthusiastic than ever about the opportunity.",
    "I would be delighted to contribute to the team.",
    "I am all the more eager to join.",
    "I am excited by the prospect of working together.",
)


def interest(variant: int, stage: str, avoid: frozenset[str] = frozenset(), panel: int = 1) -> str:
    """A restated interest in the role, for notes while the process is still open.

    The company is named in the sentence before, so these never name it again.
    """
    screen = stage in ("recruiter_screen", "phone_screen")
    return pick(_INTEREST_SCREEN if screen else _INTEREST, variant, avoid, panel)


def correction(notes: Sequence[Note]) -> str:
    """A correction to an answer, named as one: its parts ("I said eight; it was five") in one."""
    said = "; ".join(_colon(n) for n in notes)
    return f"I would like to correct one of my answers: {lower_first(said)}."


def questions(notes: Sequence[Note]) -> str | None:
    """The questions the member meant to ask, asked as questions, under one lead-in.

    `as_question` always gives one sentence ending in "?"; the first takes "I also wanted to
    ask:", the rest follow with "And", so no "also" is said twice.
    """
    asked = [as_question(n) for n in notes]
    if not asked:
        return None
    first, rest = asked[0], asked[1:]
    if first.startswith("Could you "):
        lines = ["Could you also " + first.removeprefix("Could you ")]
    else:
        lines = [f"I also wanted to ask: {lower_first(first)}"]
    lines += [f"And {lower_first(q)}" for q in rest]
    return " ".join(lines)


def my_promise(note: Note, due: str | None) -> str:
    """What the member promised to send, with its date when one is known."""
    text = note.text
    when = "" if due is None or has_date(text) else f" {due}"
    action = offered(note)  # "will send the deck", "follow up with references": a verb phrase
    if action is not None and action.startswith("to "):
        return f"As promised, I will {_comma_closed(action.removeprefix('to '))}{when}."
    if note.shape is Shape.CLAUSE:
        return f"As promised, {lower_first(text)}{when}."
    return f"As promised, I will send {_comma_closed(_with_article(lower_first(text)))}{when}."


_PARTICLES = frozenset({"up", "out", "over", "together", "across", "along", "back"})
_DETERMINED = re.compile(
    r"^(?:the|a|an|my|our|your|their|this|that|these|those|some|\d+|one|two|three|four|five)\b",
    re.IGNORECASE,
)


def sendable(note: Note) -> str:
    """What to attach, as a noun phrase: "write up the design doc by Friday" -> "the design doc"."""
    text = note.text
    action = offered(note)
    if action is not None and action.startswith("to "):
        words = action.removeprefix("to ").split()
        words = words[1:]  # the verb: send, share, write ...
        while words and words[0].casefold() in _PARTICLES | {"you"}:
            words = words[1:]
        text = " ".join(words) or text
    for lead in _DATE_LEAD.finditer(text):  # "by" or "on" leading straight into a date
        date = _DATE_WORDS.search(text, lead.start())
        if date is not None and len(text[lead.start() : date.start()].split()) <= 2:
            text = text[: lead.start()].strip()
            break
    return _with_article(lower_first(text) or note.text)


def _with_article(text: str) -> str:
    """'GitHub link to my side project' -> 'the GitHub link ...'; 'my deck' stays as it is."""
    return text if _DETERMINED.match(text) or text.endswith("s") else f"the {text}"


def attachment(item: str, when: str) -> str:
    """'please find the deck attached', or 'here is the link to ...' for a link."""
    if _LINK.search(item):
        return f"As promised {when}, here is {item}."
    return f"As promised {when}, please find {_comma_closed(item)} attached."


def _comma_closed(text: str) -> str:
    """A phrase with an aside after a comma gets the closing comma: "X, rewritten in Rust,"."""
    return f"{text}," if "," in text else text


def about_timing(note: Note) -> bool:
    """Whether what they promised is news to wait for (a decision, a date), not a favour."""
    return has_date(note.text) or _TIMING_WORDS.search(note.text) is not None


def _what_they_promised(note: Note) -> tuple[str, str]:
    """What they promised, as (kind, phrase), for thanks and for a status check alike.

    Kinds: "news" (a clause), "offer" ("to introduce me to ..."), "expect" (a noun phrase
    like "a decision by Friday") or "other".
    """
    said = reported(note)
    if said is not None:
        return "news", said.text
    if (bare := _PROMISER.sub("", note.text)) != note.text:  # "she will intro me to the VP"
        note = read_note(bare)
    if _WILL.match(note.text) and about_timing(note):  # "will get back to me by Friday"
        return "news", f"you {lower_first(note.text)}"
    offer = offered(note)
    if offer is not None:
        return "offer", offer
    clause = as_that_clause(note)
    if clause is not None:
        return "news", clause
    topic = as_topic(note)
    if topic is not None:
        return "expect", topic
    return "other", _colon(note)


_THANKS = {
    "news": "Thank you for letting me know that {}.",
    "offer": "Thank you for offering {}.",
    "expect": "Thank you for letting me know to expect {}.",
    "other": "Thank you also for this: {}.",
}
_RECALLED = {
    "news": "When we spoke, you mentioned that {}.",
    "offer": "When we spoke, you offered {}.",
    "expect": "When we spoke, you mentioned {}.",
    "other": "When we spoke, you mentioned this: {}.",
}


def their_promise(note: Note) -> str:
    """Thanks for what the interviewer offered ("thank you for offering to introduce me")."""
    kind, phrase = _what_they_promised(note)
    return _THANKS[kind].format(phrase)


def their_promises(notes: Sequence[Note]) -> str | None:
    """Thanks for everything they offered, in one sentence: "Thank you for X, and for Y."."""
    lines = [their_promise(n).removesuffix(".") for n in notes]
    if not lines:
        return None
    if len(lines) > 1 and all(line.startswith("Thank you for ") for line in lines):
        parts = [line.removeprefix("Thank you ") for line in lines]  # "for offering ..."
        listed = ", ".join(parts[:-1]) + ("," if len(parts) > 2 else "") + " and " + parts[-1]
        return f"Thank you {listed}."
    return " ".join(f"{line}." for line in lines)


def their_promise_reminder(note: Note) -> str:
    """What they promised, recalled in a status check as something they said."""
    kind, phrase = _what_they_promised(note)
    return _RECALLED[kind].format(phrase)


def _colon(note: Note) -> str:
    """The note as typed, to follow a colon: grammatical whatever its shape.

    A note that ends in "?" keeps it; the renderer drops the full stop a frame adds after it.
    """
    return note.text
