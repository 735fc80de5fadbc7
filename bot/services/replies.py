"""Act on an employer's reply once the member has confirmed what it is (issue #19).

`read` hands the pasted text to the classifier and keeps nothing of it. `apply` never sees
the text: only `Confirmed`, the reading the member pressed (its kind, a date, a slot, what
they ask for, who wrote), which a button carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from bot.domain.names import find
from bot.domain.policy import Kind, Status, add_days_local, business_days_later
from bot.domain.replies import Material, Reading, ReplyKind, Sender, classify
from bot.i18n import N_, _, speaking
from bot.services.deps import Deps
from bot.services.followups import FollowUpService
from bot.services.interviews import InterviewService
from bot.services.planning import replan
from bot.storage import repositories as repo
from bot.storage.models import Interview, Interviewer, Member
from bot.storage.repositories import WAITING

# What each kind of reply records as the interview's status.
OUTCOME_OF = {
    ReplyKind.REJECTION: Status.REJECTED,
    ReplyKind.OFFER: Status.OFFER,
    ReplyKind.NEXT_ROUND: Status.NEXT_ROUND,
}
# The stage that usually follows each one: the new interview a next round logs.
NEXT_STAGE = {
    "recruiter_screen": "phone_screen",
    "phone_screen": "technical",
    "technical": "onsite",
    "onsite": "final",
    "panel": "final",
    "final": "final",
    "informational": "phone_screen",
}
# What a request for material asks for, as the promised-material draft names it.
MATERIAL_LABELS = {
    Material.REFERENCES: N_("my references"),
    Material.WORK_SAMPLE: N_("a work sample"),
    Material.SALARY: N_("my salary expectations"),
    Material.DOCUMENTS: N_("the documents you asked for"),
}
NUDGES = frozenset({Kind.STATUS_CHECK, Kind.KEEP_IN_TOUCH})
MATERIAL_DUE = time(17, 0)  # a day given for material means by the end of that working day
MATERIAL_DAYS = 2  # no day given: within two business days, as a prompt answer would be
DEFAULT_LENGTH = timedelta(hours=1)


@dataclass(frozen=True)
class Confirmed:
    """The reading the member confirmed with one press: never the email's words."""

    kind: ReplyKind
    on: date | None = None  # the decision day, the return day, or when material is due
    at: datetime | None = None  # NEXT_ROUND: the slot chosen (aware UTC)
    length: timedelta | None = None  # NEXT_ROUND: how long the slot is
    material: tuple[Material, ...] = ()
    stop: bool = False  # they ask not to be contacted again
    sender: Sender | None = None


@dataclass
class Applied:
    """What confirming did, for the answer."""

    interview: Interview
    contact: Interviewer | None = None  # who wrote: an interviewer, or a contact just added
    added: bool = False  # the contact is new on the interview
    logged: Interview | None = None  # NEXT_ROUND: the next interview, logged at the slot
    held_until: datetime | None = None  # OUT_OF_OFFICE: when the nudges come now
    held: int = 0  # OUT_OF_OFFICE: how many nudges were moved
    ended: int = 0  # a stop request: reminders cancelled


class ReplyService:
    """Reads a pasted reply for the member to confirm, then acts on what they confirmed."""

    def __init__(
        self, deps: Deps, interviews: InterviewService, follow_ups: FollowUpService
    ) -> None:
        self.deps = deps
        self.interviews = interviews
        self.follow_ups = follow_ups

    def read(self, member: Member, interview: Interview, text: str) -> Reading:
        """What the email seems to be; the text goes no further than the classifier."""
        return classify(
            text,
            now=self.deps.clock.now(),
            tz=self.deps.zone_of(member),
            language=self.deps.language_of(member, interview),
        )

    def apply(
        self, session: Session, member: Member, interview: Interview, confirmed: Confirmed
    ) -> Applied:
        """Record the confirmed reply and re-plan the interview's follow-ups from it."""
        applied = Applied(interview)
        waiting = [r for f in interview.follow_ups for r in f.reminders if r.state in WAITING]
        if confirmed.sender is not None:
            applied.contact, applied.added = _contact(interview, confirmed.sender)
            if applied.contact is not None:
                interview.contact = applied.contact
                session.flush()
        kind = confirmed.kind
        if kind in OUTCOME_OF:
            self.interviews.record_outcome(member, interview, OUTCOME_OF[kind])
            if kind is ReplyKind.NEXT_ROUND and confirmed.at is not None:
                applied.logged = self._next_round(session, member, interview, confirmed)
        elif kind is ReplyKind.OUT_OF_OFFICE:
            self._away(session, member, interview, confirmed.on, applied)
        else:
            if kind is ReplyKind.STILL_DECIDING and confirmed.on is not None:
                interview.decision_expected_on = confirmed.on
            if kind is ReplyKind.MATERIAL:
                self._material(member, interview, confirmed)
            self.follow_ups.replied(session, member, interview)
        if confirmed.stop:  # what was waiting before the press ends, and all that came since
            self._stop(member, interview)
            applied.ended = sum(1 for r in waiting if r.state == "cancelled")
        return applied

    def _next_round(
        self, session: Session, member: Member, interview: Interview, confirmed: Confirmed
    ) -> Interview:
        """The next interview at the chosen slot, with the same company, role and people.

        Pressed twice, the same button finds the interview it logged the first time.
        """
        assert confirmed.at is not None  # noqa: S101  checked by the caller
        found = repo.interview_at(session, member, interview.company, confirmed.at)
        if found is not None:
            return found
        upcoming = confirmed.at > self.deps.clock.now()
        nxt = Interview(
            company=interview.company,
            role=interview.role,
            stage=NEXT_STAGE.get(interview.stage, interview.stage),
            language=interview.language,
            starts_at=confirmed.at,
            ends_at=confirmed.at + (confirmed.length or DEFAULT_LENGTH),
            status=(Status.SCHEDULED if upcoming else Status.HELD).value,
        )
        for person in interview.interviewers:
            copy = Interviewer(
                name=person.name,
                greet_as=person.greet_as,
                title=person.title,
                email=person.email,
                position=person.position,
                met=person.met,
            )
            nxt.interviewers.append(copy)
            if person is interview.contact:
                nxt.contact = copy
        return self.interviews.add(session, member, nxt)

    def _away(
        self,
        session: Session,
        member: Member,
        interview: Interview,
        back: date | None,
        applied: Applied,
    ) -> None:
        """An auto-reply: not a reply. Pending nudges wait for the morning after they return."""
        if back is None:
            return
        cadence = self.deps.cadence_of(member)
        wake = add_days_local(datetime.combine(back, time(12), cadence.tz), 1, cadence)
        nudges = [
            f
            for f in interview.follow_ups
            if f.state == "pending"
            and f.kind in NUDGES
            and any(r.state in WAITING and r.remind_at < wake for r in f.reminders)
        ]
        if nudges:
            applied.held_until = self.follow_ups.hold(session, member, interview, nudges, wake)
            applied.held = len(nudges)

    def _material(self, member: Member, interview: Interview, confirmed: Confirmed) -> None:
        """What they asked for becomes a promise of the member's, due when they said."""
        tz = self.deps.zone_of(member)
        with speaking(self.deps.language_of(member, interview)):  # the drafts' language
            asked = [_(MATERIAL_LABELS[m]) for m in confirmed.material]
        done = any(
            f.kind == Kind.PROMISED_MATERIAL
            and f.sequence == interview.promised_round
            and f.state in ("done", "skipped")
            for f in interview.follow_ups
        )
        if done:  # a new request after the last was sent: a new follow-up
            interview.promised_round = (interview.promised_round or 1) + 1
            interview.promised_by_me = None
        earlier = interview.promised_by_me  # a promise still to send grows instead
        items = [earlier] if earlier else []
        items += [a for a in asked if not earlier or a not in earlier]
        interview.promised_by_me = "; ".join(items) or _("the information you asked for")
        today = self.deps.clock.now().astimezone(tz).date()
        day = confirmed.on or business_days_later(today, MATERIAL_DAYS)
        interview.promised_due_at = datetime.combine(day, MATERIAL_DUE, tz)

    def _stop(self, member: Member, interview: Interview) -> None:
        """They asked not to be contacted again: every follow-up ends, and its reminders."""
        interview.no_contact = True
        replan(interview, self.deps.cadence_of(member), self.deps.clock.now())


def _contact(interview: Interview, sender: Sender) -> tuple[Interviewer | None, bool]:
    """The interviewer who wrote (by email, else by name), or a new contact; and if new."""
    email = (sender.email or "").casefold()
    by_email = [p for p in interview.interviewers if email and (p.email or "").casefold() == email]
    found = by_email or (find(interview.interviewers, sender.name) if sender.name else [])
    if len(found) == 1:
        person = found[0]
        person.email = person.email or sender.email
        person.title = person.title or sender.title
        return person, False
    if not sender.name or found:  # nobody to name, or several it could be
        return None, False
    person = Interviewer(
        name=sender.name,
        title=sender.title,
        email=sender.email,
        position=len(interview.interviewers),
        met=False,
    )
    interview.interviewers.append(person)
    return person, True
