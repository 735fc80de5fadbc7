"""What a template is given: the interview's facts for one addressee, read and framed.

Who gets what (the design in issue #14): a note the member attributed to someone ("Kofi: I
meant four years") goes only in that person's draft; unattributed corrections, questions,
promises and highlights go to the lead (the contact person, else the first listed);
unattributed topics are the panel's, said once in each panelist's note that has no topic
of its own, never handed out one per panelist. What the member wrote about the addressee in
the third person reads in the second ("his team" -> "your team").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain import attribution
from bot.domain.attribution import owner_items, split_attributed
from bot.domain.languages import DEFAULT_LANGUAGE
from bot.domain.names import PersonName, academic_of, gender_of, person_name
from bot.domain.policy import Kind, Status
from bot.drafting.notes import QUESTIONS_FIELD, Note
from bot.drafting.phrasebook import phrasebook
from bot.storage.models import Interview, Interviewer

DEFAULT_PROMISE_TIME = time(17, 0)
"""A promise made "by Friday" is due at five; the draft then says no time."""
EXTRA_KEYS = ("news", "until")
OPEN_STATUSES = frozenset({Status.SCHEDULED, Status.HELD, Status.WAITING, Status.NEXT_ROUND})


@dataclass(frozen=True)
class Moment:
    """When the draft is written, and how to say dates to this member in the draft's language."""

    now: datetime
    tz: ZoneInfo
    language: str = DEFAULT_LANGUAGE

    def day_phrase(self, at: datetime) -> str:
        """A day behind us ('yesterday', 'on Tuesday'), in the draft's language."""
        day = at.astimezone(self.tz).date()
        days_ago = (self.now.astimezone(self.tz).date() - day).days
        return phrasebook(self.language).day_phrase(day, days_ago)

    def due_phrase(self, at: datetime) -> str:
        """A promise's date ahead ('by Friday at noon'), in the draft's language."""
        local = at.astimezone(self.tz)
        days_ahead = (local.date() - self.now.astimezone(self.tz).date()).days
        wall = local.time().replace(tzinfo=None)
        said = None if wall == DEFAULT_PROMISE_TIME else wall
        return phrasebook(self.language).due_phrase(local.date(), days_ahead, said)

    def passed(self, day: date | None) -> bool:
        """Whether a date the employer gave is already behind us."""
        return day is not None and day < self.now.astimezone(self.tz).date()


def lead_of(interview: Interview) -> Interviewer | None:
    """Who notes about the whole process go to: the contact person, else the first met."""
    return attribution.lead(interview.interviewers, interview.contact)


def promised_to(interview: Interview) -> list[Interviewer | None]:
    """Everyone a promise was made to, in order: owners of `Name:` items, else the lead.

    The material goes to each of them, each with only their own items.
    """
    lead = lead_of(interview)
    owners: list[Interviewer | None] = []
    for who, _ in split_attributed(interview.promised_by_me, interview.interviewers):
        person = who or lead
        if not any(person is o for o in owners):
            owners.append(person)
    return owners or [lead]


def name_forms(name: PersonName) -> tuple[str, ...]:
    """Ways the member may have written the addressee's name in a note about them."""
    forms = [name.full, name.greet, name.formal]
    if name.given:
        forms.append(name.given)
    if name.given and name.family:
        forms.append(f"{name.given} {name.family}")
    return tuple(dict.fromkeys(f for f in forms if f))


def build(
    interview: Interview,
    person: Interviewer | None,
    kind: Kind,
    sequence: int,
    *,
    moment: Moment,
    tone: str,
    member_name: str,
    extra: Mapping[str, str],
) -> dict[str, Any]:
    """The variables a template gets (group templates are checked against these names).

    The sentences are written in `moment.language`, the draft's language.
    """
    book = phrasebook(moment.language)
    people = list(interview.interviewers)
    lead = lead_of(interview)
    names = person_name(person.name, person.greet_as) if person else None
    forms = name_forms(names) if names else ()
    others = tuple(
        form
        for p in people
        if p is not person
        for form in name_forms(person_name(p.name, p.greet_as))
    )

    familiar = tone != "formal"  # every tone but formal says "tú" where a language has it

    def read(text: str, field: str | None = None) -> Note:
        said = book.addressed(text, forms, others, familiar=familiar) if forms else text
        return book.read_note(said, field)

    def mine(text: str | None, field: str | None = None) -> list[Note]:
        notes = (read(item, field) for item in owner_items(text, people, person, lead))
        return [n for n in notes if not n.empty]

    stage = interview.stage
    variant = person.position if person else 0
    status = next((s for s in Status if s.value == interview.status), Status.HELD)
    open_ = status in OPEN_STATUSES
    discussed = read(person.discussed) if person and person.discussed else None
    topics = split_attributed(interview.topics, people)
    my_topics = [read(t) for who, t in topics if person is not None and who is person]
    # With one interviewer, "her path into data" in the topics is plainly about them.
    whose = read if len(people) == 1 else book.read_note
    shared = [n for who, t in topics if who is None and not (n := whose(t)).empty]
    personal_notes = [n for n in ([discussed] if discussed else []) + my_topics if not n.empty]
    highlights = mine(interview.highlights)
    corrections = mine(interview.clarification)
    questions = mine(interview.open_questions, QUESTIONS_FIELD)
    promises = mine(interview.promised_by_me)
    theirs = mine(interview.promised_by_them)
    strengths = [read(s) for s in _strengths_for(interview, person) if not book.read_note(s).empty]
    promised_sent = any(
        f.kind == Kind.PROMISED_MATERIAL and f.state == "done" for f in interview.follow_ups
    )
    due = moment.due_phrase(interview.promised_due_at) if interview.promised_due_at else None
    replied = status is Status.WAITING and interview.last_contact_at is not None
    personal_line = " ".join(
        book.personal(n, variant + i, stage) for i, n in enumerate(personal_notes)
    )
    topics_line = book.shared_topics(shared, stage, also=bool(personal_notes)) if shared else None
    topic = next((t for n in personal_notes if (t := book.as_topic(n))), None)
    # "That is where ..." points back only to the topic said just before, and only when the
    # member's own words link the two.
    tied = (
        topic is not None
        and not shared
        and not highlights
        and not theirs
        and any(book.related(n.text, topic) for n in strengths)
    )
    strength_line = book.strength(strengths, variant, stage, tied=tied) if strengths else None
    question_line = book.questions(questions)
    item = book.join_items([book.sendable(n) for n in promises]) or None
    when = moment.day_phrase(interview.starts_at)
    nearby = book.words_in(personal_line, topics_line, strength_line, question_line)
    return {
        "company": interview.company,
        "role": interview.role,
        "stage": stage,
        "stage_label": book.STAGE_LABELS.get(stage, book.STAGE_LABELS["onsite"]),
        "status": status.value,
        "process_open": open_,
        "interviewer": interviewer_variables(person) if person else None,
        "variant": variant,
        "when_phrase": when,
        "replied_phrase": moment.day_phrase(interview.last_contact_at)
        if replied and interview.last_contact_at
        else None,
        # The member's notes, as this addressee's draft may use them.
        "discussed": "; ".join(n.text for n in personal_notes) or None,
        "discussed_topic": topic,
        "topics": [n.text for n in shared] + [n.text for n in my_topics],
        "highlight": "; ".join(n.text for n in highlights) or None,
        "qualifications": "; ".join(n.text for n in strengths) or None,
        "clarification": "; ".join(n.text for n in corrections) or None,
        "open_question_answer": "; ".join(n.text for n in questions) or None,
        "promised_by_me": "; ".join(n.text for n in promises) or None,
        "promised_due": due,
        "promised_by_them": "; ".join(n.text for n in theirs) or None,
        # Sentences framed to fit each note (bot/drafting/book.py).
        "personal_line": personal_line or None,
        "topics_line": topics_line,
        "highlight_line": book.highlights(highlights, variant),
        "strength_line": strength_line,
        "interest_line": book.interest(variant, stage, nearby, len(people))
        if open_ and stage != "informational"
        else None,
        "correction_line": book.correction(corrections) if corrections else None,
        "question_line": question_line,
        "my_promise_line": None
        if promised_sent
        else _join(book.my_promise(n, due) for n in promises),
        "promised_item": item,
        "attachment_line": book.attachment(item, when) if item else None,
        "attachment_topic": topic if book.related(item, topic) else None,
        "their_promise_line": book.their_promises(theirs),
        "their_promise_reminder": None
        if replied or moment.passed(interview.decision_expected_on)
        else _join(book.their_promise_reminder(n) for n in theirs if book.about_timing(n)),
        "member_name": member_name,
        "language": moment.language,
        "tone": tone,
        "sequence": sequence,
        "kind": kind.value,
        **{key: extra.get(key) for key in EXTRA_KEYS},
    }


# The variables that hold what the member wrote, or sentences made from it: what a subject
# shown outside the chat (the calendar feed) is rendered without.
NOTE_VARIABLES = (
    "discussed",
    "discussed_topic",
    "topics",
    "highlight",
    "qualifications",
    "clarification",
    "open_question_answer",
    "promised_by_me",
    "promised_by_them",
    "personal_line",
    "topics_line",
    "highlight_line",
    "strength_line",
    "interest_line",
    "correction_line",
    "question_line",
    "my_promise_line",
    "promised_item",
    "attachment_line",
    "attachment_topic",
    "their_promise_line",
    "their_promise_reminder",
)


def without_notes(context: Mapping[str, Any]) -> dict[str, Any]:
    """`context` as if the member had written no notes: templates render it as they would then."""
    blank: dict[str, list[str] | None] = {
        name: [] if name == "topics" else None for name in NOTE_VARIABLES
    }
    return {**context, **blank}


def interviewer_variables(person: Interviewer) -> dict[str, str | None]:
    """How a template sees the person a draft is to: their name forms, title, honorific."""
    names = person_name(person.name, person.greet_as)
    return {
        "name": person.name,
        "first_name": names.greet,  # kept for group templates written before `greet`
        "greet": names.greet,
        "formal": names.formal,
        "title": person.title,
        # For languages whose greeting agrees with the person ("Sehr geehrte Frau").
        "honorific": names.honorific,
        "gender": gender_of(names.honorific),
        "academic": academic_of(names.honorific),
        "given": names.given,
        "family": names.family,
    }


def _strengths_for(interview: Interview, person: Interviewer | None) -> list[str]:
    """The member's strengths for one note: theirs, and a share of the unattributed ones.

    A panel hears different strengths, not the same list four times: unattributed ones are
    dealt out by position (a panelist left without one gets one again), so each is said to
    someone and no note carries the whole list.
    """
    people = list(interview.interviewers)
    items = split_attributed(interview.qualifications, people)
    own = [s for who, s in items if who is not None and who is person]
    loose = [s for who, s in items if who is None]
    if person is None or len(people) <= 1 or not loose:
        return own + loose
    place = next((i for i, p in enumerate(people) if p is person), 0)
    dealt = [s for i, s in enumerate(loose) if i % len(people) == place]
    return own + (dealt or [loose[place % len(loose)]])


def _join(lines: Iterable[str]) -> str | None:
    text = " ".join(lines)
    return text or None
