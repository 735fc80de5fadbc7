"""Log, edit, debrief, close and delete interviews: the member's own records."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.chat import MAX_FORM_TEXT
from bot.domain.attribution import lead, named_prefix
from bot.domain.languages import language_label, parse_language
from bot.domain.names import find, fold, identity, person_name
from bot.domain.people import PersonSpec, parse_people, split_list
from bot.domain.policy import Status
from bot.domain.timeparse import ParsedTime, format_local, parse_duration, parse_when, short_date
from bot.domain.timewords import DateOrder
from bot.errors import UserError
from bot.i18n import N_, _, ngettext
from bot.services.deps import Deps
from bot.services.planning import replan
from bot.storage import repositories as repo
from bot.storage.models import Interview, Interviewer, Member
from bot.storage.repositories import MemberFacts

STAGES = {
    "recruiter_screen": N_("recruiter screen"),
    "phone_screen": N_("phone screen"),
    "technical": N_("technical interview"),
    "onsite": N_("onsite interview"),
    "panel": N_("panel interview"),
    "final": N_("final round"),
    "informational": N_("informational interview"),
}
STAGE_ALIASES = {
    "recruiter": "recruiter_screen",
    "screen": "phone_screen",
    "phone": "phone_screen",
    "tech": "technical",
    "coding": "technical",
    "on_site": "onsite",
    "final_round": "final",
    "info": "informational",
}
OUTCOMES = {
    "next_round": Status.NEXT_ROUND,
    "next": Status.NEXT_ROUND,
    "offer": Status.OFFER,
    "rejected": Status.REJECTED,
    "rejection": Status.REJECTED,
    "withdrawn": Status.WITHDRAWN,
    "withdraw": Status.WITHDRAWN,
    "no_reply": Status.CLOSED,
    "closed": Status.CLOSED,
}
DEFAULT_LENGTH = timedelta(hours=1)
NEAR = timedelta(days=183)

# Debrief fields: option name -> (column, label, max length).
DETAIL_FIELDS: dict[str, tuple[str, str, int]] = {
    "topics": ("topics", N_("Topics discussed"), 2000),
    "highlights": ("highlights", N_("Highlights"), 2000),
    "strengths": ("qualifications", N_("Qualifications to reinforce"), 2000),
    "questions": ("open_questions", N_("Open questions"), 2000),
    "clarify": ("clarification", N_("Something to clarify"), 2000),
    "promised": ("promised_by_me", N_("You promised"), 1000),
    "they_promised": ("promised_by_them", N_("They promised"), 1000),
    "notes": ("notes", N_("Notes"), MAX_FORM_TEXT),
}
# Debrief fields whose items may start `Name:` to belong to one interviewer (attribution.py).
ATTRIBUTABLE = tuple(key for key in DETAIL_FIELDS if key != "notes")
CORE_FIELDS = {
    "company": 200,
    "role": 200,
    "when": 100,
    "length": 20,
    "stage": 40,
    "format": 32,  # interview.format
    "location": 2000,
    "with": 2000,
    "decision": 100,
    "job": 2000,
    "about": MAX_FORM_TEXT,
    "promised_by": 100,
    "when_date": 20,
    "when_time": 20,
    "language": 40,
}
DISCUSSED_MAX = 1000
# What an option key may hold (bot/commands/args.py): a name beyond it goes in about=.
_NOT_KEY = re.compile(r"[^a-z0-9_]")


@dataclass
class Outcome:
    """What a change did, for the reply: the interview and anything to confirm back."""

    interview: Interview
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class InviteTimes:
    """When a calendar invite says the interview is, and which invite (UID, SEQUENCE)."""

    starts_at: datetime
    ends_at: datetime | None  # None: the invite gives no end, so the usual length
    uid: str | None
    sequence: int


class InterviewService:
    """The member's interviews. Every method scopes to the member who asks."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def log(
        self,
        session: Session,
        member: Member,
        options: Mapping[str, str],
        *,
        invite: InviteTimes | None = None,
        understood: Mapping[str, str] | None = None,
    ) -> Outcome:
        """Record a new interview and plan its follow-ups.

        From an invite, its times and what it `understood` (company=, with=...) come first
        and the options typed beside it override them.
        """
        _check_known(options, allow_people=False)
        options = {**(understood or {}), **options}
        company = options.get("company", "").strip()
        if not company:
            raise UserError(
                _("Which company was the interview with?"),
                hint=_(
                    'Add company="...", like: /interview log company="Acme" when="tomorrow 3pm"'
                ),
                field="company",
            )
        now = self.deps.clock.now()
        interview = Interview(company=company, status=Status.SCHEDULED.value, stage="phone_screen")
        if invite is not None:
            interview.starts_at = invite.starts_at
            if invite.ends_at is not None:  # else `_apply` gives it the usual length
                interview.ends_at = invite.ends_at
            interview.invite_uid, interview.invite_sequence = invite.uid, invite.sequence
        outcome = Outcome(interview)
        self._apply(member, interview, options, outcome, now, creating=True)
        self.add(session, member, interview)
        return outcome

    def add(self, session: Session, member: Member, interview: Interview) -> Interview:
        """Store a new interview as the member's next number and plan its follow-ups."""
        now = self.deps.clock.now()
        interview.member_id = member.id
        interview.number = member.next_number
        interview.created_at = interview.updated_at = now
        member.next_number += 1
        session.add(interview)
        session.flush()
        replan(interview, self.deps.cadence_of(member), now)
        return interview

    def edit(
        self, session: Session, member: Member, number: int, options: Mapping[str, str]
    ) -> Outcome:
        """Change any field of an interview, including the debrief and per-person details."""
        interview = self.get(session, member, number)
        _check_known(options, allow_people=True, interview=interview)
        if not options:
            raise UserError(
                _("Nothing to change on #{number}.").format(number=number),
                hint=_(
                    'Add what to change, like: /interview edit #{number} role="Staff Engineer"'
                ).format(number=number),
            )
        now = self.deps.clock.now()
        outcome = Outcome(interview)
        self._apply(member, interview, options, outcome, now, creating=False)
        interview.updated_at = now
        session.flush()
        replan(interview, self.deps.cadence_of(member), now)
        return outcome

    def reschedule(
        self,
        session: Session,
        member: Member,
        interview: Interview,
        invite: InviteTimes,
        options: Mapping[str, str],
    ) -> Outcome:
        """Move an interview to a newer copy of its invite's times, then apply `options`.

        One that was cancelled, or counted as held at its old time, is scheduled again; an
        invite without an end keeps the interview's length.
        """
        _check_known(options, allow_people=True, interview=interview)
        now = self.deps.clock.now()
        interview.ends_at = invite_end(invite, interview)
        interview.starts_at = invite.starts_at
        interview.invite_sequence = invite.sequence
        outcome = Outcome(interview)
        self._apply(member, interview, options, outcome, now, creating=False)
        if interview.status in (Status.SCHEDULED, Status.HELD, Status.CANCELLED):
            held = interview.ends_at <= now
            interview.status = (Status.HELD if held else Status.SCHEDULED).value
        interview.updated_at = now
        session.flush()
        replan(interview, self.deps.cadence_of(member), now)
        return outcome

    def cancel(self, member: Member, interview: Interview, sequence: int) -> Outcome:
        """Mark an interview cancelled (its invite was): its follow-ups and reminders stop."""
        now = self.deps.clock.now()
        interview.status = Status.CANCELLED.value
        interview.invite_sequence = max(sequence, interview.invite_sequence or 0)
        interview.updated_at = now
        replan(interview, self.deps.cadence_of(member), now)
        return Outcome(interview)

    def set_outcome(
        self, session: Session, member: Member, number: int, words: Sequence[str]
    ) -> Outcome:
        """Record what the employer decided, and who told the member if they name them.

        `offer Hana` makes Hana the contact person: notes about the whole process go to her.
        """
        interview = self.get(session, member, number)
        status, rest = _read_outcome(words)
        if rest:
            interview.contact = person_called(interview, " ".join(rest), f"outcome #{number} ")
        self.record_outcome(member, interview, status)
        return Outcome(interview)

    def record_outcome(self, member: Member, interview: Interview, status: Status) -> None:
        """They told the member `status` just now: what follows is planned from it."""
        now = self.deps.clock.now()
        interview.status = status.value
        interview.last_contact_at = now
        interview.updated_at = now
        replan(interview, self.deps.cadence_of(member), now)

    def delete(self, session: Session, member: Member, number: int) -> Interview:
        """Delete an interview with everything hanging off it."""
        interview = self.get(session, member, number)
        session.delete(interview)
        return interview

    def get(self, session: Session, member: Member | MemberFacts, number: int) -> Interview:
        """One of the member's interviews, or a friendly error naming the number."""
        interview = repo.interview_by_number(session, member, number)
        if interview is None:
            raise UserError(
                _("You have no interview #{number}.").format(number=number),
                hint=_("See your interviews and their numbers with /interview list."),
            )
        return interview

    def _apply(
        self,
        member: Member,
        interview: Interview,
        options: Mapping[str, str],
        outcome: Outcome,
        now: datetime,
        *,
        creating: bool,
    ) -> None:
        when_field = "when_date" if "when_date" in options else "when"
        options = _with_form_time(options)
        for key, value in options.items():
            with blame(key):
                _check_length(key, value)
        if "language" in options:  # first: this interview's dates are read in it
            with blame("language"):
                outcome.notes.append(self._set_language(member, interview, options["language"]))
        tz = self.deps.zone_of(member)
        order = self.deps.date_order_of(member, interview)
        language = self.deps.language_of(member, interview)
        if "company" in options:
            if not options["company"].strip():
                raise UserError(
                    _("The company can't be empty."),
                    hint=_('Write company="Acme".'),
                    field="company",
                )
            interview.company = options["company"].strip()
        if "role" in options:
            interview.role = options["role"].strip() or None
        if options.get("stage", "").strip():  # an emptied choice keeps the stage
            with blame("stage"):
                interview.stage = parse_stage(options["stage"])
        if "format" in options:
            interview.format = options["format"].strip() or None
        if "location" in options:
            interview.location = options["location"].strip() or None
        if "job" in options:
            interview.job_url = options["job"].strip() or None
        with blame("length"):
            if options.get("length", "").strip():
                length = parse_duration(options["length"])
            elif interview.starts_at is not None and interview.ends_at is not None:
                length = interview.ends_at - interview.starts_at  # an edit, or an invite's
            else:
                length = DEFAULT_LENGTH
        if options.get("when", "").strip():
            with blame(when_field):
                parsed = _interview_time(options["when"], now, tz, order, language)
            outcome.notes += parsed.notes
            interview.starts_at = parsed.at
            if parsed.ends_at is not None and not options.get("length", "").strip():
                length = parsed.ends_at - parsed.at  # "thursday 2-3pm": the range is its length
        elif interview.starts_at is None:
            interview.starts_at = now - length
            outcome.notes.append(
                _('No time given, so I logged it as just finished. Change it with when="...".')
            )
        interview.ends_at = interview.starts_at + length
        if creating and interview.ends_at <= now:
            interview.status = Status.HELD.value
        if "promised_by" in options:
            text = options["promised_by"].strip()
            interview.promised_due_at = None
            if text:
                with blame("promised_by"):
                    due = parse_when(
                        text,
                        now=now,
                        tz=tz,
                        default_time=time(17, 0),
                        date_order=order,
                        language=language,
                    )
                interview.promised_due_at = due.at
                # Say what was understood, with the parser's own notes (a past date, say).
                said = _("You promised it by {when}.").format(when=format_local(due.at, tz))
                outcome.notes += [said, *due.cautions]
        if "decision" in options:
            text = options["decision"].strip()
            interview.decision_expected_on = None
            if text:
                with blame("decision"):
                    decided = parse_when(text, now=now, tz=tz, date_order=order, language=language)
                day = decided.at.astimezone(tz).date()
                interview.decision_expected_on = day
                said = _("Their decision is expected on {day}.").format(day=short_date(day))
                outcome.notes += [said, *decided.cautions]
        for key, (column, _label, _limit) in DETAIL_FIELDS.items():
            if key in options:
                setattr(interview, column, options[key].strip() or None)
        if "with" in options:
            with blame("with"):
                _set_people(interview, parse_people(options["with"]))
        for key, value in options.items():
            person = _person_for_key(interview, key)
            if person is not None:
                with blame(key):
                    person.discussed = _discussed(value)
        if "about" in options:
            with blame("about"):
                _set_about(interview, options["about"])
        retyped = "with" in options  # new people may make an old `Name:` mean someone else
        outcome.notes += _attribution(
            interview, [k for k in ATTRIBUTABLE if retyped or k in options]
        )

    def _set_language(self, member: Member, interview: Interview, text: str) -> str:
        """Set the interview's own language (`language=fr`), or the member's (`default`)."""
        chosen = text.strip()
        interview.language = (
            None if not chosen or chosen.casefold() == "default" else parse_language(chosen)
        )
        label = language_label(self.deps.language_of(member, interview))
        if interview.language:
            return _("Dates for this interview are read in {language}.").format(language=label)
        return _("Dates for this interview are read in {language}, as yours.").format(
            language=label
        )


def invite_end(invite: InviteTimes, interview: Interview) -> datetime:
    """Where an interview moved to `invite` ends: the invite's end, else after its length."""
    if invite.ends_at is not None:
        return invite.ends_at
    return invite.starts_at + (interview.ends_at - interview.starts_at)


@contextmanager
def blame(field: str) -> Iterator[None]:
    """Tag a `UserError` raised inside with the form field it is about."""
    try:
        yield
    except UserError as error:
        error.field = error.field or field
        raise


def _with_form_time(options: Mapping[str, str]) -> Mapping[str, str]:
    """A modal's date and time pickers (when_date, when_time) as one `when`."""
    if "when_date" not in options and "when_time" not in options:
        return options
    merged = {k: v for k, v in options.items() if k not in ("when_date", "when_time")}
    day, at = options.get("when_date", "").strip(), options.get("when_time", "").strip()
    if day:
        merged["when"] = f"{day} {at or '09:00'}"
    elif at:
        raise UserError(
            _("Pick a date as well as a time."), hint=_("Choose the day."), field="when_date"
        )
    return merged


def _set_about(interview: Interview, text: str) -> None:
    """Read `Name: what you discussed` lines into each interviewer's notes."""
    for item in split_list(text):
        name, sep, detail = item.partition(":")
        found = _person_named(interview, name) if sep else None
        if found is None:
            raise UserError(
                _("I couldn't match '{item}' to an interviewer.").format(item=item),
                hint=_('Write about="Name: what you discussed; Other Name: ...".'),
            )
        found.discussed = _discussed(detail)


def _read_outcome(words: Sequence[str]) -> tuple[Status, Sequence[str]]:
    """The outcome at the start of `words` (one or two words: `next round`) and the rest."""
    for length in (2, 1):
        status = OUTCOMES.get(_slug(" ".join(words[:length]))) if len(words) >= length else None
        if status is not None:
            return status, words[length:]
    raise UserError(
        _("I don't know the outcome '{outcome}'.").format(outcome=" ".join(words[:1])),
        hint=_("Use one of: {outcomes}.").format(
            outcomes="next_round, offer, rejected, withdrawn, no_reply"
        ),
    )


def person_called(interview: Interview, name: str, usage: str) -> Interviewer:
    """The one interviewer `name` means, or an error listing who is on the interview.

    `usage` is the command so far ("outcome #3 offer "), for the example in the hint.
    """
    found = find(interview.interviewers, name)
    if len(found) == 1:
        return found[0]
    if found:
        raise ambiguous(name, found, usage)
    people = ", ".join(p.name for p in interview.interviewers)
    raise UserError(
        _("No one called '{name}' is on #{number}.").format(name=name, number=interview.number),
        hint=_("Interviewers on #{number}: {people}.").format(
            number=interview.number, people=people
        )
        if people
        else _('Add them first: /interview edit #{number} with="Jane Doe"').format(
            number=interview.number
        ),
    )


def ambiguous(name: str, found: Sequence[Interviewer], usage: str) -> UserError:
    """The error for a name that fits several interviewers: it names them all."""
    names = _(" and ").join(p.name for p in found)
    return UserError(
        _("'{name}' could mean {names}.").format(name=name, names=names),
        hint=_("Use the full name, like: {command}").format(
            command=f"/interview {usage}{found[0].name}"
        ),
    )


def _interview_time(
    text: str, now: datetime, tz: ZoneInfo, order: DateOrder, language: str
) -> ParsedTime:
    """When an interview starts: the nearer reading of a date typed without a year.

    Members log interviews both before and after them, so '11/20 2pm' typed on 21 November
    means yesterday, not next year; within half a year either way, the nearer date wins.
    """
    ahead = parse_when(text, now=now, tz=tz, date_order=order, language=language, warn_past=False)
    if ahead.at - now <= NEAR:
        return ahead
    behind = parse_when(text, now=now, tz=tz, prefer="past", date_order=order, language=language)
    return behind if now - behind.at <= NEAR else ahead


def parse_stage(text: str) -> str:
    """A stage name or alias to its stored value."""
    slug = _slug(text)
    stage = slug if slug in STAGES else STAGE_ALIASES.get(slug)
    if stage is None:
        raise UserError(
            _("I don't know the stage '{stage}'.").format(stage=text),
            hint=_("Use one of: {stages}.").format(stages=", ".join(STAGES)),
        )
    return stage


def _set_people(interview: Interview, people: list[PersonSpec]) -> None:
    """Replace the interviewer list, keeping what we knew about people named again."""
    known = {identity(p.name): p for p in interview.interviewers}
    kept: list[Interviewer] = []
    for position, spec in enumerate(people):
        person = known.pop(identity(spec.name), None) or Interviewer()
        person.name = spec.name  # "Tomas Ruiz" retyped "Dr. Tomás Ruiz" is the same person
        person.position = position
        person.title = spec.title or person.title
        person.email = spec.email or person.email
        person.greet_as = spec.greet_as or person.greet_as
        kept.append(person)
    # A person dropped from the list takes their follow-ups along. Let the ORM delete them
    # now: left to the database's ON DELETE CASCADE, the re-plan that follows would update
    # rows already gone (StaleDataError; found by tests/fuzz). Likewise the contact person:
    # the ORM, not ON DELETE SET NULL, forgets them, so the session never holds a stale key.
    dropped = [p for p in interview.interviewers if not any(p is k for k in kept)]
    interview.follow_ups[:] = [
        f for f in interview.follow_ups if not any(f.interviewer is p for p in dropped)
    ]
    if any(interview.contact is p for p in dropped):
        interview.contact = None
    interview.interviewers[:] = kept


def _discussed(text: str) -> str | None:
    text = text.strip()
    if len(text) > DISCUSSED_MAX:
        raise UserError(
            _(
                "What you discussed with one person is {length} characters; the limit is {limit}."
            ).format(length=len(text), limit=DISCUSSED_MAX),
            hint=_("Keep the one or two details that matter; nothing was saved."),
        )
    return text or None


def _person_named(interview: Interview, name: str, field: str = "about") -> Interviewer | None:
    """The interviewer called `name` (any name form, title and accents optional).

    `field` is where the member typed `name:` ("about", "clarify"), for the error's example.
    """
    return _person_for_key(interview, name, strict=False, field=field)


def _person_for_key(
    interview: Interview, key: str, *, strict: bool = True, field: str = "about"
) -> Interviewer | None:
    """The interviewer an option like `jane=`, `raj_patel=` or `hana=` is about, if any."""
    if strict and (key in CORE_FIELDS or key in DETAIL_FIELDS):
        return None
    found = find(interview.interviewers, key)
    if len(found) > 1:
        names = _(" and ").join(p.name for p in found)
        example = option_key(found[0], full=True) if strict else None  # else `field="Name: "`
        raise UserError(
            _("'{name}' could mean {names}.").format(name=key, names=names),
            hint=_('Use the full name with underscores, like {example}="..."').format(
                example=example
            )
            if example
            else _('Use the full name, like {field}="{name}: ...".').format(
                field=field, name=found[0].name
            ),
        )
    return found[0] if found else None


def _attribution(interview: Interview, keys: Sequence[str]) -> list[str]:
    """Refuse a `Name:` prefix that fits several people; say how many items each one got.

    The counts let a member see a prefix that matched nobody ("Hanna:" for Hana): it stays
    text for the lead, so it shows under "no name".
    """
    counts: dict[str, int] = {}
    unnamed = 0
    for key in keys:
        for item in split_list(getattr(interview, DETAIL_FIELDS[key][0]) or ""):
            prefix, _rest = named_prefix(item)
            with blame(key):
                person = _person_named(interview, prefix, key) if prefix else None
            if person is None:
                unnamed += 1
            else:
                counts[person.name] = counts.get(person.name, 0) + 1
    if len(interview.interviewers) < 2 or not (counts or unnamed):
        return []
    parts = [
        ngettext("for {name}: {count} item", "for {name}: {count} items", n).format(
            name=name, count=n
        )
        for name, n in counts.items()
    ]
    if unnamed:
        first = lead(interview.interviewers, interview.contact)
        parts.append(
            ngettext(
                "with no name: {count} item (for {lead}; topics for everyone)",
                "with no name: {count} items (for {lead}; topics for everyone)",
                unnamed,
            ).format(count=unnamed, lead=first.name if first else _("the lead"))
        )
    return [_("Notes {parts}.").format(parts="; ".join(parts))]


def option_key(person: Interviewer, *, full: bool = False) -> str | None:
    """The option a member types for one person's notes: `hana=` (or `hana_kobayashi=`).

    None when their name has no letters an option can hold (李雷): about= serves them.
    """
    name = person_name(person.name, person.greet_as)
    if not full:
        text = name.greet
    elif name.honorific is None:
        text = name.formal  # the full name
    else:
        text = " ".join(filter(None, (name.given, name.family)))
    key = _NOT_KEY.sub("", _slug(text))
    return key if key and find([person], key) == [person] else None


def _check_known(
    options: Mapping[str, str], *, allow_people: bool, interview: Interview | None = None
) -> None:
    for key in options:
        if key in CORE_FIELDS or key in DETAIL_FIELDS:
            continue
        if allow_people and interview is not None and _person_for_key(interview, key):
            continue
        fields = ", ".join([*CORE_FIELDS, *DETAIL_FIELDS])
        people = ""
        if allow_people and interview is not None and interview.interviewers:
            first = option_key(interview.interviewers[0])
            example = (
                f'{first}="..."' if first else f'about="{interview.interviewers[0].name}: ..."'
            )
            people = " " + _(
                "To note what one interviewer discussed, use their name: {example}."
            ).format(example=example)
        raise UserError(
            _("I don't know the field '{field}'.").format(field=key),
            hint=_("Fields: {fields}.").format(fields=fields) + people,
        )


def _check_length(key: str, value: str) -> None:
    limit = CORE_FIELDS.get(key) or DETAIL_FIELDS.get(key, ("", "", DISCUSSED_MAX))[2]
    if len(value) > limit:
        over = len(value) - limit
        raise UserError(
            _("'{field}' is {length} characters; the limit is {limit}.").format(
                field=key, length=len(value), limit=limit
            ),
            hint=ngettext(
                "Shorten it by {count} character and send it again; nothing was saved.",
                "Shorten it by {count} characters and send it again; nothing was saved.",
                over,
            ).format(count=over),
        )


def _slug(text: str) -> str:
    """Lower case, underscores, accents dropped: 'Zoë Ångström' and 'zoe_angstrom' match."""
    return fold(text).replace(" ", "_")
