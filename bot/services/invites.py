"""Log an interview from its calendar invite, or bring it up to date with a newer copy.

The same invite again (its UID, a SEQUENCE as high as the one stored) moves the interview
it logged and re-plans its reminders; a cancelled copy cancels it; an older copy changes
nothing. What the invite says comes first, what the member typed beside it wins.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session

from bot.chat import Attachment
from bot.domain.invite_words import Reading, understand
from bot.domain.invites import InviteEvent, check_near, looks_like_invite, read_invite
from bot.domain.names import identity
from bot.domain.people import PersonSpec, format_person, parse_people
from bot.domain.policy import Status
from bot.errors import UserError
from bot.i18n import N_, _, ngettext
from bot.services.interviews import (
    CORE_FIELDS,
    DEFAULT_LENGTH,
    STAGES,
    InterviewService,
    InviteTimes,
    invite_end,
)
from bot.storage import repositories as repo
from bot.storage.models import Interview, Member
from bot.storage.repositories import WAITING

# Options about the file, not the interview: `event=2` picks one of several events, and
# `invite=` is the console's name for the file it attached.
FILE_OPTIONS = ("invite", "event")


class Action(StrEnum):
    """What an invite did to the member's interviews."""

    LOGGED = "logged"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    UNCHANGED = "unchanged"
    OLDER = "older"


@dataclass(frozen=True)
class _Read:
    """One invite as read: the event, what its words say, and its times for the interview."""

    event: InviteEvent
    reading: Reading
    times: InviteTimes


@dataclass
class InviteOutcome:
    """What an invite did, and what to tell the member about how it was read."""

    action: Action
    interview: Interview
    read: list[str] = field(default_factory=list)  # "company: Acme (from the title)"
    missing: list[str] = field(default_factory=list)  # what it did not say, and how to add it
    notes: list[str] = field(default_factory=list)
    moved_from: tuple[datetime, datetime] | None = None
    reminders_cancelled: int = 0
    sequence: int = 0  # the invite's


def invite_file(files: Sequence[Attachment]) -> Attachment | None:
    """The calendar file among `files`; an error for files that are not one, or several."""
    if not files:
        return None
    invites = [f for f in files if looks_like_invite(f.filename, f.media_type, f.content)]
    if not invites:
        raise UserError(
            _("That file isn't a calendar invite, so I logged nothing."),
            hint=_(
                "Send the invite's .ics file (the invite.ics attached to the invitation "
                "email, or the event exported from your calendar)."
            ),
        )
    if len(invites) > 1:
        raise UserError(
            _("You sent {count} calendar files; I read one invite at a time.").format(
                count=len(invites)
            ),
            hint=_("Send each invite on its own."),
        )
    return invites[0]


def from_invite(
    interviews: InterviewService,
    session: Session,
    member: Member,
    file: Attachment,
    typed: Mapping[str, str],
) -> InviteOutcome:
    """Log, reschedule or cancel the interview `file` is the invite of."""
    options = {k: v for k, v in typed.items() if k not in FILE_OPTIONS}
    deps = interviews.deps
    tz, now = deps.zone_of(member), deps.clock.now()
    event = read_invite(file.content, tz=tz, choice=_choice(typed.get("event")))
    if not options.get("when", "").strip():
        check_near(event.starts_at, now, tz)
    read = _Read(
        event,
        understand(event, member.display_name),
        InviteTimes(event.starts_at, event.ends_at, event.uid, event.sequence),
    )
    existing = repo.interview_by_invite(session, member, event.uid) if event.uid else None
    if existing is None:
        if event.cancelled:
            raise UserError(
                _(
                    "That invite cancels an interview you haven't logged from it, so there is "
                    "nothing to cancel."
                ),
                hint=_("See the interviews you have with /interview list."),
            )
        return _log(interviews, session, member, read, typed=options)
    if event.sequence < (existing.invite_sequence or 0):
        return InviteOutcome(Action.OLDER, existing, sequence=event.sequence)
    if event.cancelled:
        return _cancel(interviews, member, existing, event.sequence)
    return _reschedule(interviews, session, member, existing, read, typed=options)


def understood_options(reading: Reading) -> dict[str, str]:
    """What the invite says, as the options a member would have typed."""
    options = {
        key: found.value
        for key, found in (("company", reading.company), ("role", reading.role))
        if found is not None
    }
    if reading.stage is not None:
        options["stage"] = reading.stage.value
    if reading.format:
        options["format"] = reading.format
    if reading.location:
        options["location"] = reading.location
    if reading.people.found:
        options["with"] = _people_text(reading.people.found)
    return options


def _log(
    interviews: InterviewService,
    session: Session,
    member: Member,
    read: _Read,
    *,
    typed: Mapping[str, str],
) -> InviteOutcome:
    event, reading, times = read.event, read.reading, read.times
    understood = understood_options(reading)
    if not (typed.get("company") or understood.get("company", "")).strip():
        raise UserError(
            _("I couldn't tell the company from that invite, so I logged nothing."),
            hint=_('Send it again with the company typed beside it, like company="Acme".'),
            field="company",
        )
    outcome = interviews.log(session, member, typed, invite=times, understood=understood)
    interview = outcome.interview
    result = InviteOutcome(Action.LOGGED, interview, sequence=event.sequence)
    result.read, result.missing = _read_lines(reading, typed, interview)
    if "when" not in typed:
        result.notes += event.notes
    if times.ends_at is None and not {"when", "length"} & typed.keys():
        minutes = DEFAULT_LENGTH // timedelta(minutes=1)
        result.missing.append(
            ngettext(
                "its end, so it lasts {count} minute: change it with {command}",
                "its end, so it lasts {count} minutes: change it with {command}",
                minutes,
            ).format(count=minutes, command=f"/interview edit #{interview.number} length=45m")
        )
    result.notes += outcome.notes
    return result


def _reschedule(
    interviews: InterviewService,
    session: Session,
    member: Member,
    interview: Interview,
    read: _Read,
    *,
    typed: Mapping[str, str],
) -> InviteOutcome:
    reading, times = read.reading, read.times
    options = dict(typed)
    newcomers = [p for p in reading.people.found if not _listed(interview, p)]
    if newcomers and "with" not in options:
        kept = [PersonSpec(p.name, p.title, p.email, p.greet_as) for p in interview.interviewers]
        options["with"] = _people_text([*kept, *newcomers])
    if reading.location and reading.location != interview.location:
        options.setdefault("location", reading.location)
        options.setdefault("format", reading.format or "")
    before = (interview.starts_at, interview.ends_at)
    same = before == (times.starts_at, invite_end(times, interview)) and not options
    if same and interview.status != Status.CANCELLED:
        interview.invite_sequence = times.sequence
        return InviteOutcome(Action.UNCHANGED, interview, sequence=times.sequence)
    outcome = interviews.reschedule(session, member, interview, times, options)
    result = InviteOutcome(
        Action.RESCHEDULED, interview, moved_from=before, sequence=times.sequence
    )
    if newcomers and "with" not in typed:
        result.read.append(
            _("added to the interviewers: {names}").format(
                names=", ".join(p.name for p in newcomers)
            )
        )
    result.notes = outcome.notes
    return result


def _cancel(
    interviews: InterviewService, member: Member, interview: Interview, sequence: int
) -> InviteOutcome:
    if interview.status == Status.CANCELLED:
        interview.invite_sequence = max(sequence, interview.invite_sequence or 0)
        return InviteOutcome(Action.UNCHANGED, interview, sequence=sequence)
    waiting = sum(1 for f in interview.follow_ups for r in f.reminders if r.state in WAITING)
    interviews.cancel(member, interview, sequence)
    return InviteOutcome(
        Action.CANCELLED, interview, reminders_cancelled=waiting, sequence=sequence
    )


def _read_lines(
    reading: Reading, typed: Mapping[str, str], interview: Interview
) -> tuple[list[str], list[str]]:
    """What the reply says was read (and from where), and what the invite did not say."""
    edit = f"/interview edit #{interview.number}"
    read: list[str] = []
    missing: list[str] = []
    for key, label, found in (
        ("company", N_("company"), reading.company),
        ("role", N_("role"), reading.role),
        ("stage", N_("stage"), reading.stage),
    ):
        value = _shown(key, getattr(interview, key))
        if key in typed:
            read.append(_("{label}: {value} (as you typed it)").format(label=_(label), value=value))
        elif found is not None:
            read.append(
                _("{label}: {value} (from {source})").format(
                    label=_(label), value=value, source=found.source
                )
            )
        elif key == "role":
            missing.append(_('the role: add it with {command} role="..."').format(command=edit))
        elif key == "stage":
            missing.append(
                _("the stage, so I put {stage}: change it with {command} stage=onsite").format(
                    stage=value, command=edit
                )
            )
    people = reading.people
    if "with" in typed:
        read.append(_("interviewers: as you typed them"))
    elif people.found:
        names = ", ".join(p.name for p in people.found)
        read.append(
            _("interviewers: {names} (from {source})").format(names=names, source=people.source)
        )
    else:
        missing.append(
            _('the interviewers: add them with {command} with="Jane Doe <jane@acme.com>"').format(
                command=edit
            )
        )
    if people.left_out and "with" not in typed:
        read.append(_("left out: {people}").format(people="; ".join(people.left_out)))
    if people.unsure and "with" not in typed:
        missing.append(
            _(
                "which attendee is you, so everyone is listed: drop yourself with {command} "
                'with="..."'
            ).format(command=edit)
        )
    where = _where(reading)
    if where and "location" not in typed:
        read.append(_("where: {place}").format(place=where))
    return read, missing


def _shown(key: str, value: str | None) -> str:
    if key == "stage" and value in STAGES:
        return _(STAGES[value])
    return value or ""


def _where(reading: Reading) -> str | None:
    if reading.location is None:
        return None
    if reading.service:
        return f"{reading.service}, {reading.location}"
    return f"{reading.format}, {reading.location}" if reading.format else reading.location


def _people_text(people: Sequence[PersonSpec]) -> str:
    """People as `with=` takes them: as many as its limit holds, each one it accepts.

    An invite's list never makes `log` refuse a `with=` the member did not type.
    """
    text = ""
    for person in people:
        entry = format_person(person.name, person.title, person.email, person.greet_as)
        longer = f"{text}; {entry}" if text else entry
        if len(longer) > CORE_FIELDS["with"]:
            break
        try:
            parse_people(longer)
        except UserError:
            continue
        text = longer
    return text


def _listed(interview: Interview, person: PersonSpec) -> bool:
    """Whether `person` is already one of the interview's people (by name or email)."""
    return any(
        identity(p.name) == identity(person.name) or (person.email and p.email == person.email)
        for p in interview.interviewers
    )


def _choice(text: str | None) -> int | None:
    if text is None:
        return None
    if not text.strip().isdigit() or len(text.strip()) > 4:
        raise UserError(
            _("event= takes the event's number, not '{text}'.").format(text=text[:20]),
            hint=_("Like event=2, from the list of the file's events."),
        )
    return int(text)
