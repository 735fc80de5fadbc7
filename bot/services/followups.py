"""What the member owes: mark follow-ups sent or skipped, and list what is due."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.names import find, person_name
from bot.domain.policy import Kind, Status, send_time
from bot.errors import UserError
from bot.i18n import N_, _
from bot.services.deps import Deps
from bot.services.interviews import ambiguous
from bot.services.planning import SNOOZE, add_reminder, replan
from bot.storage import repositories as repo
from bot.storage.models import FollowUp, Interview, Member
from bot.storage.repositories import WAITING, MemberFacts

KIND_LABELS = {
    Kind.THANK_YOU: N_("thank-you"),
    Kind.PROMISED_MATERIAL: N_("promised material"),
    Kind.STATUS_CHECK: N_("status check"),
    Kind.REJECTION_REPLY: N_("reply to the rejection"),
    Kind.KEEP_IN_TOUCH: N_("keep-in-touch note"),
    Kind.NEXT_ROUND_THANKS: N_("thanks for the next round"),
    Kind.OFFER_REPLY: N_("reply to the offer"),
}
KIND_ALIASES = {
    "thanks": Kind.THANK_YOU,
    "thankyou": Kind.THANK_YOU,
    "thank": Kind.THANK_YOU,
    "status": Kind.STATUS_CHECK,
    "check": Kind.STATUS_CHECK,
    "promised": Kind.PROMISED_MATERIAL,
    "rejection": Kind.REJECTION_REPLY,
    "keep": Kind.KEEP_IN_TOUCH,
    "next_round": Kind.NEXT_ROUND_THANKS,
    "offer": Kind.OFFER_REPLY,
}


def parse_kind(word: str) -> Kind | None:
    """A follow-up kind from what a member typed, or None when it is not one."""
    slug = word.strip().casefold().replace("-", "_")
    if slug in Kind._value2member_map_:
        return Kind(slug)
    return KIND_ALIASES.get(slug)


def describe(follow_up: FollowUp) -> str:
    """'thank-you to Jane Doe' or 'status check': how a follow-up is named to the member."""
    label = _(KIND_LABELS[Kind(follow_up.kind)])
    if follow_up.kind == Kind.STATUS_CHECK and follow_up.sequence > 1:
        label = _("follow-up {kind}").format(kind=label)
    if follow_up.interviewer is not None:
        return _("{what} to {name}").format(what=label, name=follow_up.interviewer.name)
    return label


def command_words(number: int, follow_up: FollowUp) -> str:
    """What a member would type after `/interview sent` to mean this follow-up."""
    words = f"#{number} {follow_up.kind}"
    if follow_up.interviewer is not None:
        name = follow_up.interviewer.name.replace('"', "")
        words += f' "{name}"'
    return words


def select_follow_ups(
    interview: Interview,
    words: list[str],
    *,
    states: frozenset[str] = frozenset({"pending"}),
    verb: str = "sent",
) -> list[FollowUp]:
    """Follow-ups of `interview` matching an optional kind and interviewer name in `words`.

    `verb` is the command asking ("sent", "draft"), for the example in an error's hint.
    """
    kind = parse_kind(words[0]) if words else None
    name = " ".join(words[1:] if kind else words).strip()
    chosen = [f for f in interview.follow_ups if f.state in states]
    if kind:
        chosen = [f for f in chosen if f.kind == kind]
    if name:
        found = find(interview.interviewers, name)
        if len(found) > 1:
            raise ambiguous(name, found, f"{verb} #{interview.number} ")
        chosen = [f for f in chosen if f.interviewer is not None and f.interviewer in found]
        if not chosen:
            people = ", ".join(p.name for p in interview.interviewers) or _("nobody yet")
            raise UserError(
                _("No follow-up for '{name}' on #{number}.").format(
                    name=name.casefold(), number=interview.number
                ),
                hint=_("Interviewers on #{number}: {people}.").format(
                    number=interview.number, people=people
                ),
            )
    return sorted(chosen, key=lambda f: (f.due_at, f.id or 0))


def _example_words(follow_up: FollowUp) -> str:
    if follow_up.interviewer is not None:
        return person_name(follow_up.interviewer.name, follow_up.interviewer.greet_as).greet
    return follow_up.kind


class FollowUpService:
    """Marking follow-ups done, and the member's agenda."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def finish(
        self,
        session: Session,
        member: Member,
        interview: Interview,
        words: list[str],
        *,
        how: str,
    ) -> FollowUp:
        """Mark the matching pending follow-up done (`how`='sent') or skipped."""
        chosen = self._one(interview, words, verb=how)
        now = self.deps.clock.now()
        chosen.state = "done" if how == "sent" else "skipped"
        chosen.done_at = now
        chosen.done_how = how
        for reminder in chosen.reminders:
            if reminder.state in WAITING:
                reminder.state = "cancelled"
        session.flush()
        replan(interview, self.deps.cadence_of(member), now)
        return chosen

    def snooze(
        self,
        session: Session,
        member: Member,
        interview: Interview,
        words: list[str],
        until: datetime,
    ) -> FollowUp:
        """Quiet a follow-up's reminders until `until`, then remind once more."""
        chosen = self._one(interview, words, verb="snooze")
        self.hold(session, member, interview, [chosen], until)
        return chosen

    def hold(
        self,
        session: Session,
        member: Member,
        interview: Interview,
        follow_ups: list[FollowUp],
        until: datetime,
    ) -> datetime:
        """No reminder of `follow_ups` before `until` (in sending hours), then one; when."""
        at = send_time(until, self.deps.cadence_of(member))
        for chosen in follow_ups:
            chosen.snoozed_until = at
            for reminder in chosen.reminders:
                if reminder.state in WAITING:
                    reminder.state = "cancelled"
            add_reminder(chosen, member.id, SNOOZE, at)
        session.flush()
        replan(interview, self.deps.cadence_of(member), self.deps.clock.now())
        return at

    def replied(self, session: Session, member: Member, interview: Interview) -> None:
        """They wrote back: the status-check clock starts again from now."""
        now = self.deps.clock.now()
        interview.last_contact_at = now
        if interview.status in (Status.SCHEDULED, Status.HELD):
            interview.status = Status.WAITING.value
        session.flush()
        replan(interview, self.deps.cadence_of(member), now)

    def pause(
        self,
        session: Session,
        member: Member,
        interview: Interview,
        *,
        paused: bool,
        until: datetime | None = None,
    ) -> None:
        """Stop (or restart) every reminder for one interview; the follow-ups are kept.

        With `until`, the pause ends on its own: what came due meanwhile is reminded once then.
        """
        interview.paused = paused and until is None
        interview.paused_until = until if paused else None
        session.flush()
        replan(interview, self.deps.cadence_of(member), self.deps.clock.now())

    def _one(self, interview: Interview, words: list[str], *, verb: str) -> FollowUp:
        matches = select_follow_ups(interview, words, verb=verb)
        if not matches:
            raise UserError(
                _("Nothing is waiting to be sent for #{number}.").format(number=interview.number),
                hint=_("See what is due with /interview due."),
            )
        if len(matches) > 1:
            example = _example_words(matches[0])
            raise UserError(
                _("#{number} has {count} of those pending: {which}.").format(
                    number=interview.number,
                    count=len(matches),
                    which="; ".join(describe(f) for f in matches),
                ),
                hint=_("Say which, like: {command}").format(
                    command=f"/interview {verb} #{interview.number} {example}"
                ),
            )
        return matches[0]

    def agenda(self, session: Session, member: Member | MemberFacts) -> list[FollowUp]:
        """Everything pending for the member, soonest first."""
        return repo.pending_follow_ups(session, member)
