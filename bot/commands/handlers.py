"""What each `/interview` subcommand does, in terms of the use cases."""

from __future__ import annotations

from datetime import datetime

from bot.chat import MAX_FIELD_VALUE, Action, Attachment, Fields, Reply, Section, Visibility
from bot.commands.admin import admin
from bot.commands.args import parse_ref
from bot.commands.forms import interview_form, notes_form
from bot.commands.registry import CommandSpec, Context, OptionSpec, Registry
from bot.domain.people import format_person
from bot.domain.policy import (
    WAITING_STATUSES,
    Kind,
    Status,
    add_days_local,
    gone_quiet,
    send_time,
)
from bot.domain.timeparse import ParsedTime, format_local, parse_duration, parse_when
from bot.drafting.proofread import ProofContext, proofread
from bot.errors import UserError
from bot.services.draft_context import EXTRA_KEYS
from bot.services.drafts import Target
from bot.services.export import export_member
from bot.services.followups import describe, parse_kind, select_follow_ups
from bot.services.group_defaults import resolve
from bot.services.interviews import DETAIL_FIELDS, STAGES, option_key, person_called
from bot.services.invites import Action as InviteAction
from bot.services.invites import from_invite, invite_file
from bot.storage.models import FollowUp, Interview, Interviewer
from bot.storage.repositories import InterviewLine

PRODUCT = "/interview"
# What each of the drafts service's extra values is for, by its key.
DRAFT_OPTIONS = {
    "news": "Your news, for a keep-in-touch note",
    "until": "When you must answer, for an offer reply",
}


def _number(ctx: Context, usage: str) -> int:
    if not ctx.args.positionals:
        raise UserError("Which interview?", hint=f"Add its number, like: {PRODUCT} {usage}")
    return parse_ref(ctx.args.positionals[0])


def _when(ctx: Context, interview: Interview | InterviewLine) -> str:
    """When it is, start to end: "Thu 3 Dec 2026, 14:00-16:00 EST"."""
    return format_local(interview.starts_at, ctx.zone, until=interview.ends_at)


def _summary(ctx: Context, interview: Interview | InterviewLine) -> str:
    parts = [f"#{interview.number} {interview.company}"]
    if interview.role:
        parts.append(interview.role)
    parts += [STAGES.get(interview.stage, interview.stage), _when(ctx, interview)]
    parts.append(_status(ctx, interview))
    return " · ".join(parts)


def _status(ctx: Context, interview: Interview | InterviewLine) -> str:
    """The status as the member thinks of it: a scheduled interview in the past was held."""
    status = interview.status
    if status == Status.SCHEDULED and interview.ends_at <= ctx.core.deps.clock.now():
        status = Status.HELD
    if status in WAITING_STATUSES:
        finished = {
            (Kind(f.kind), f.interviewer_id, f.sequence): f.done_at
            for f in interview.follow_ups
            if f.state == "done" and f.done_at
        }
        limit = resolve(ctx.known).int_("status_check_limit")  # the group's alone
        if gone_quiet(finished, interview.last_contact_at, limit):
            return (
                f"gone quiet (no more nudges; {PRODUCT} replied #{interview.number} if they write)"
            )
    if interview.paused:
        return status.replace("_", " ") + " (paused)"
    until = interview.paused_until
    if until is not None and until > ctx.core.deps.clock.now():
        return status.replace("_", " ") + f" (paused until {format_local(until, ctx.zone)})"
    return status.replace("_", " ")


def _settled(reply: Reply) -> Reply:
    """Mark a reply as the end of what its buttons were for (see `Reply.settled`)."""
    reply.settled = True
    return reply


def _people(interview: Interview) -> str:
    return ", ".join(
        format_person(p.name, p.title, None, p.greet_as) for p in interview.interviewers
    )


def _pending(ctx: Context, interview: Interview) -> list[str]:
    tz = ctx.zone
    return [
        f"{describe(f)}: due by {format_local(f.due_at, tz)}"
        for f in sorted(interview.follow_ups, key=lambda f: f.due_at)
        if f.state == "pending"
    ]


def help_(ctx: Context) -> Reply:
    """List every command, generated from the registry."""
    registry: Registry = ctx.core.registry
    lines = [f"{PRODUCT} {spec.usage}: {spec.summary}" for spec in registry.specs]
    example = (
        f'Example: {PRODUCT} log company="Acme" role="Backend Engineer" when="tomorrow 3pm" '
        'stage=onsite with="Jane Doe (Engineering Manager) <jane@acme.com>; Robert Smith [Bob]"'
    )
    return Reply.text("Followup helps you follow up after interviews.", "\n".join(lines), example)


def log(ctx: Context) -> Reply:
    """Log a new interview, or one from its calendar invite; with nothing typed, the form."""
    invite = invite_file(ctx.request.files)
    if invite is None and "invite" in ctx.args.options:
        raise UserError(
            "I can't open a file by its name from here.",
            hint="Attach the invite's .ics file to the message instead.",
        )
    if invite is None and not ctx.args.positionals and not ctx.args.options:
        form = interview_form(None, ctx.zone)
        return Reply(
            blocks=[
                Section(f'Log it in one line: {PRODUCT} log company="Acme" when="tomorrow 3pm"')
            ],
            form=form,
        )
    if ctx.args.positionals:
        word = ctx.args.positionals[0]
        raise UserError(
            f"I don't know what '{word}' means here.",
            hint='Give each detail as key="value", like company="Acme" when="tomorrow 3pm".',
        )
    if invite is not None:
        return _from_invite(ctx, invite)
    outcome = ctx.core.interviews.log(ctx.session, ctx.member, ctx.args.options)
    return Reply.text(*_logged(ctx, outcome.interview, outcome.notes))


def _logged(
    ctx: Context, interview: Interview, notes: list[str], read: tuple[str, ...] = ()
) -> list[str]:
    """What `log` says: the interview, anything to confirm, its follow-ups, what comes next."""
    text = f"Logged {_summary(ctx, interview)}."
    people = _people(interview)
    if people:
        text += f"\nWith: {people}."
    paragraphs = [text, *read, *notes]
    follow = _pending(ctx, interview)
    if follow:
        paragraphs.append("I'll remind you by DM:\n" + "\n".join(f"• {f}" for f in follow))
    paragraphs.append(
        f"After the interview, add what you discussed: "
        f'{PRODUCT} notes #{interview.number} topics="..." promised="..."'
    )
    return paragraphs


def _from_invite(ctx: Context, invite: Attachment) -> Reply:
    """Log, move or cancel the interview of a calendar invite, and say what it read."""
    result = from_invite(ctx.core.interviews, ctx.session, ctx.member, invite, ctx.args.options)
    interview = result.interview
    name = f"#{interview.number} {interview.company}"
    if result.action is InviteAction.LOGGED:
        read = ["From the invite:\n" + "\n".join(f"• {line}" for line in result.read)]
        if result.missing:
            read.append("Not in the invite:\n" + "\n".join(f"• {m}" for m in result.missing))
        return Reply.text(*_logged(ctx, interview, result.notes, tuple(read)))
    if result.action is InviteAction.OLDER:
        return Reply.text(
            f"That invite is an older version (sequence {result.sequence}) than the one "
            f"{name} was last updated from (sequence {interview.invite_sequence}), so I "
            "changed nothing."
        )
    if result.action is InviteAction.UNCHANGED:
        return Reply.text(f"{name} already matches that invite: {_summary(ctx, interview)}.")
    if result.action is InviteAction.CANCELLED:
        n = result.reminders_cancelled
        stopped = f" and cancelled its {n} reminder{'s' if n != 1 else ''}" if n else ""
        return Reply.text(
            f"The invite is cancelled, so I marked {name} ({_when(ctx, interview)}) "
            f"cancelled{stopped}.",
            "If it is rescheduled, send me the new invite.",
        )
    moved = result.moved_from
    text = f"Updated {_summary(ctx, interview)}."
    if moved is not None and moved != (interview.starts_at, interview.ends_at):
        was = format_local(moved[0], ctx.zone, until=moved[1])
        text = f"Rescheduled {name} from {was} to {_when(ctx, interview)}."
    follow = _pending(ctx, interview)
    tail = ["I'll remind you by DM:\n" + "\n".join(f"• {f}" for f in follow)] if follow else []
    read = [line[0].upper() + line[1:] + "." for line in result.read]
    return Reply.text(text, *read, *result.notes, *tail)


def list_(ctx: Context) -> Reply:
    """List the member's interviews."""
    interviews = ctx.core.repo.interview_lines(ctx.session, ctx.member_id)
    if not interviews:
        return Reply.text(
            "You haven't logged any interviews yet.",
            f'Start with: {PRODUCT} log company="Acme" when="tomorrow 3pm"',
        )
    return Reply.text("Your interviews:", "\n".join(_summary(ctx, i) for i in interviews))


def show(ctx: Context) -> Reply:
    """Everything about one interview."""
    interview = ctx.core.interviews.get(ctx.session, ctx.known, _number(ctx, "show #3"))
    pairs: list[tuple[str, str]] = [
        ("Company", interview.company),
        ("Role", interview.role or "—"),
        ("Stage", STAGES.get(interview.stage, interview.stage)),
        ("When", _when(ctx, interview)),
        ("Status", _status(ctx, interview)),
    ]
    if interview.location:
        where = f"{interview.format}: " if interview.format else ""
        pairs.append(("Where", where + interview.location))
    if interview.decision_expected_on:
        pairs.append(("Decision expected", f"{interview.decision_expected_on:%a %d %b %Y}"))
    if interview.contact is not None:
        pairs.append(("Contact person", interview.contact.name))
    for person in interview.interviewers:
        label = format_person(person.name, person.title, None, person.greet_as)
        detail = person.email or ""
        if person.discussed:
            detail = (detail + " · " if detail else "") + f"discussed {person.discussed}"
        pairs.append((label, detail or "—"))
    for _key, (column, label, _limit) in DETAIL_FIELDS.items():
        value = getattr(interview, column)
        if value:
            pairs.append((label, value))
    blocks: list[Section | Fields] = [Section(f"#{interview.number} {interview.company}")]
    blocks.append(Fields(tuple((k, v) for k, v in pairs if len(v) <= MAX_FIELD_VALUE)))
    # A long note shown in a field would be cut (Discord at 1,024 characters): it gets a
    # paragraph of its own instead.
    blocks += [Section(f"{k}:\n{v}") for k, v in pairs if len(v) > MAX_FIELD_VALUE]
    pending = _pending(ctx, interview)
    if pending:
        blocks.append(Section("Follow-ups:\n" + "\n".join(f"• {p}" for p in pending)))
    return Reply(blocks=list(blocks))


def edit(ctx: Context) -> Reply:
    """Change details of an interview."""
    number = _number(ctx, 'edit #3 role="Staff Engineer"')
    if not ctx.args.options:
        interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
        return Reply(
            blocks=[
                Section(f'Change any field, like: {PRODUCT} edit #{number} role="Staff Engineer"')
            ],
            form=interview_form(interview, ctx.zone),
        )
    outcome = ctx.core.interviews.edit(ctx.session, ctx.member, number, ctx.args.options)
    return Reply.text(f"Updated {_summary(ctx, outcome.interview)}.", *outcome.notes)


def notes(ctx: Context) -> Reply:
    """Record the debrief: what was discussed, with whom, and who promised what."""
    number = _number(ctx, 'notes #3 topics="system design; on-call"')
    if not ctx.args.options:
        interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
        first = (option_key(interview.interviewers[0]) if interview.interviewers else None) or (
            "jane"
        )
        reply = Reply.text(
            f"What happened in #{number}? Add any of these:",
            "\n".join(f"• {key}: {label}" for key, (_c, label, _l) in DETAIL_FIELDS.items()),
            f'and what each interviewer talked about, by first name: {first}="..."',
            f'Example: {PRODUCT} notes #{number} topics="system design; on-call" '
            f'promised="my portfolio" {first}="the Kafka migration"',
        )
        reply.form = notes_form(interview)
        return reply
    outcome = ctx.core.interviews.edit(ctx.session, ctx.member, number, ctx.args.options)
    return Reply.text(
        f"Saved your notes on #{number}. Drafts will use them: {PRODUCT} draft #{number}",
        *outcome.notes,
    )


def outcome(ctx: Context) -> Reply:
    """Record what the employer decided, and who told the member if they name them."""
    number = _number(ctx, "outcome #3 rejected")
    if len(ctx.args.positionals) < 2:
        raise UserError(
            "What was the outcome?",
            hint=f"Like: {PRODUCT} outcome #{number} next_round (or offer, rejected, "
            "withdrawn, no_reply), then who told you: offer Hana.",
        )
    result = ctx.core.interviews.set_outcome(
        ctx.session, ctx.member, number, ctx.args.positionals[1:]
    )
    follow = _pending(ctx, result.interview)
    text = f"Recorded: {_summary(ctx, result.interview)}."
    contact = result.interview.contact
    if contact is not None and len(ctx.args.positionals) > 2:  # they named who told them
        text += f" Notes about what happens next go to {contact.name}."
    return Reply.text(text, *(["Next:\n" + "\n".join(f"• {f}" for f in follow)] if follow else []))


def _finish(ctx: Context, how: str) -> Reply:
    number = _number(ctx, f"{how} #3 Jane")
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    done = ctx.core.follow_ups.finish(
        ctx.session, ctx.member, interview, list(ctx.args.positionals[1:]), how=how
    )
    verb = "Marked sent" if how == "sent" else "Skipped"
    text = f"{verb}: {describe(done)} (#{number})."
    remaining = _pending(ctx, interview)
    tail = ["Still to do:\n" + "\n".join(f"• {r}" for r in remaining)] if remaining else []
    return _settled(Reply.text(text, *tail))


def sent(ctx: Context) -> Reply:
    """Mark a follow-up as sent: its reminders stop."""
    return _finish(ctx, "sent")


def skip(ctx: Context) -> Reply:
    """Decide not to send a follow-up: its reminders stop."""
    return _finish(ctx, "skip")


def snooze(ctx: Context) -> Reply:
    """Quiet a follow-up's reminders for a while: an hour, until tomorrow, or a time typed in."""
    number = _number(ctx, "snooze #3 Jane for=1h")
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    if interview.paused:  # nothing would remind them, so there is nothing to put off
        raise UserError(
            f"Reminders for #{number} {interview.company} are paused, so there is nothing "
            "to snooze.",
            hint=f"To hear about it again: {PRODUCT} resume #{number}",
        )
    now = ctx.core.deps.clock.now()
    tz = ctx.zone
    cautions: tuple[str, ...] = ()
    if "until" in ctx.args.options:
        parsed = _time_ahead(ctx, interview, ctx.args.options["until"], f"snooze #{number} for=1h")
        until, cautions = parsed.at, parsed.cautions
    elif ctx.args.options.get("for", "").strip().casefold() == "tomorrow":
        until = add_days_local(now, 1, ctx.core.deps.cadence_of(ctx.known))
    else:
        until = now + parse_duration(ctx.args.options.get("for", "1h"))
    chosen = ctx.core.follow_ups.snooze(
        ctx.session, ctx.member, interview, list(ctx.args.positionals[1:]), until
    )
    at = next(r.remind_at for r in chosen.reminders if r.state == "scheduled")
    text = f"Snoozed the {describe(chosen)} (#{number}) until {format_local(until, tz)}."
    said = (text, *cautions, _moved(ctx, until, at, interview.paused_until))
    return _settled(Reply.text(" ".join(part for part in said if part)))


def _time_ahead(ctx: Context, interview: Interview, text: str, instead: str) -> ParsedTime:
    """A time typed for `until=`, read the member's way and in the interview's language.

    One already past is refused.
    """
    now = ctx.core.deps.clock.now()
    deps = ctx.core.deps
    parsed = parse_when(
        text,
        now=now,
        tz=ctx.zone,
        date_order=deps.date_order_of(ctx.known, interview),
        language=deps.language_of(ctx.known, interview),
    )
    if parsed.at <= now:
        raise UserError(
            f"{format_local(parsed.at, ctx.zone)} has already passed.",
            hint=f"Give a time ahead, or use {PRODUCT} {instead}.",
        )
    return parsed


def _moved(ctx: Context, asked: datetime, at: datetime, paused_until: datetime | None) -> str:
    """Both times, when a pause, quiet hours or the weekend move a reminder off the one asked."""
    if at == asked:
        return ""
    why = "when the pause ends" if paused_until and asked < paused_until <= at else None
    when = format_local(at, ctx.zone)
    return f"The reminder comes at {when}, {why or 'after your quiet hours or the weekend'}."


def replied(ctx: Context) -> Reply:
    """They wrote back: no status check until a new silence."""
    number = _number(ctx, "replied #3")
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    ctx.core.follow_ups.replied(ctx.session, ctx.member, interview)
    follow = _pending(ctx, interview)
    tail = ["Next:\n" + "\n".join(f"• {f}" for f in follow)] if follow else []
    return _settled(Reply.text(f"Noted that {interview.company} replied (#{number}).", *tail))


def pause(ctx: Context) -> Reply:
    """Stop reminders for one interview without losing its follow-ups: for good, or until=."""
    number = _number(ctx, "pause #3")
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    resume_hint = f"{PRODUCT} resume #{number}"
    if "until" not in ctx.args.options:
        ctx.core.follow_ups.pause(ctx.session, ctx.member, interview, paused=True)
        return Reply.text(
            f"Paused reminders for #{number} {interview.company}. "
            f"Turn them back on with {resume_hint}."
        )
    parsed = _time_ahead(ctx, interview, ctx.args.options["until"], f"pause #{number}")
    ctx.core.follow_ups.pause(ctx.session, ctx.member, interview, paused=True, until=parsed.at)
    wake = send_time(parsed.at, ctx.core.deps.cadence_of(ctx.known))
    said = (
        f"Paused reminders for #{number} {interview.company} until "
        f"{format_local(parsed.at, ctx.zone)}; anything that comes due meanwhile is "
        f"reminded once then. Sooner: {resume_hint}."
    )
    parts = (said, *parsed.cautions, _moved(ctx, parsed.at, wake, None))
    return Reply.text(" ".join(part for part in parts if part))


def resume(ctx: Context) -> Reply:
    """Turn a paused interview's reminders back on."""
    number = _number(ctx, "resume #3")
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    ctx.core.follow_ups.pause(ctx.session, ctx.member, interview, paused=False)
    return Reply.text(f"Reminders for #{number} {interview.company} are back on.")


def due(ctx: Context) -> Reply:
    """What is coming up, in the member's time zone."""
    tz = ctx.zone
    agenda = ctx.core.follow_ups.agenda(ctx.session, ctx.known)
    if not agenda:
        return Reply.text("Nothing is due. Log an interview and I'll plan the follow-ups.")
    now = ctx.core.deps.clock.now()
    lines = []
    for f in agenda:
        late = " (overdue)" if f.due_at < now else ""
        lines.append(
            f"• #{f.interview.number} {f.interview.company}: {describe(f)}, "
            f"by {format_local(f.due_at, tz)}{late}"
        )
    return Reply.text("Coming up:", "\n".join(lines))


# Notes that may go as soon as the interview is over, whenever their reminders come.
_AT_ONCE = frozenset({Kind.THANK_YOU, Kind.PROMISED_MATERIAL})


def _applies_now(pending: list[FollowUp], now: datetime) -> list[FollowUp]:
    """The drafts `draft #N` shows: every one a member could send today, thank-you notes first.

    Thank-you notes and promised material always apply; anything else once it has come due,
    so a status check for next week stays out of the day's drafts. With none of those, the
    next one due: the member always gets a draft.
    """
    ready = [f for f in pending if f.kind in _AT_ONCE or f.due_at <= now]
    if not ready:
        ready = [min(pending, key=lambda f: (f.due_at, f.id or 0))]
    return sorted(ready, key=lambda f: (f.kind != Kind.THANK_YOU, f.due_at, f.id or 0))


def draft(ctx: Context) -> Reply:
    """Show the drafts for an interview: all that apply now, or one kind or one person's.

    A note about the whole process (an offer reply, a status check) goes to one person:
    `draft #3 offer Hana` addresses it to Hana, whoever the contact person is.
    """
    number = _number(ctx, "draft #3 thank_you Jane")
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    words = list(ctx.args.positionals[1:])
    kind = parse_kind(words[0]) if words else None
    addressee: Interviewer | None = None
    if kind is not None and kind is not Kind.THANK_YOU and len(words) > 1:
        addressee = person_called(interview, " ".join(words[1:]), f"draft #{number} {words[0]} ")
        words = words[:1]
    done_too = frozenset({"pending", "done"})
    chosen = select_follow_ups(interview, words, states=done_too, verb="draft")
    pending = [f for f in chosen if f.state == "pending"]
    if pending and not words:
        pending = _applies_now(pending, ctx.core.deps.clock.now())
    elif not pending and chosen and not words:  # nothing pending: the latest kind sent
        pending = [f for f in chosen if f.kind == chosen[0].kind]
    elif not pending:
        pending = chosen
    if pending:
        targets = [Target(Kind(f.kind), addressee or f.interviewer, f.sequence) for f in pending]
    else:
        kind = kind or Kind.THANK_YOU
        people: list[Interviewer | None] = [addressee]
        if kind is Kind.THANK_YOU and interview.interviewers:
            people = list(interview.interviewers)
        sequence = 1 + sum(1 for f in interview.follow_ups if f.kind == kind and f.state == "done")
        targets = [Target(kind, person, sequence) for person in people]
    blocks = ctx.core.drafts.drafts(ctx.member, interview, targets, ctx.args.options)
    return Reply(blocks=list(blocks), visibility=Visibility.DIRECT)


def check(ctx: Context) -> Reply:
    """Proofread text the member wrote themselves, with the same checks as our drafts."""
    text = ctx.request.text.strip()
    if not text:
        raise UserError(
            "Paste the note to check after the command.",
            hint=f"Like: {PRODUCT} check Hi Jane, thank you for ...",
        )
    terms = [
        term
        for interview in ctx.core.repo.interviews_of(ctx.session, ctx.member)
        for term in (
            interview.company,
            interview.role or "",
            *(p.name for p in interview.interviewers),
        )
    ]
    subject, _, body = (
        text.partition("\n") if text.lower().startswith("subject:") else ("", "", text)
    )
    findings = proofread(
        subject.removeprefix("Subject:").strip() or "-",  # none pasted: no subject checks
        body.strip(),
        ProofContext(
            known_terms=tuple(t for t in terms if t),
            language=ctx.core.deps.language_of(ctx.member),  # their note, in their language
        ),
    )
    if not findings:
        return Reply.text("Looks good: no problems found.")
    lines = [f"[{f.level}] {f.text}" for f in findings]
    return Reply.text(f"{len(findings)} thing(s) to look at:", "\n".join(lines))


def settings(ctx: Context) -> Reply:
    """Show or change the member's settings."""
    changes = ctx.core.member_settings.update(ctx.member, ctx.args.options)
    view = ctx.core.member_settings.describe(ctx.member)
    head = "Saved. Your settings:" if changes else "Your settings:"
    tail = f'Change one like: {PRODUCT} settings timezone=Europe/Berlin quiet_hours="21:00-08:00"'
    return Reply(blocks=[Section(head), Fields(tuple(view)), Section(tail)])


def delete(ctx: Context) -> Reply:
    """Delete an interview, after the member confirms."""
    number = _number(ctx, "delete #3")
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    if [w.casefold() for w in ctx.args.positionals[1:]] != ["confirm"]:
        return Reply(
            blocks=[
                Section(
                    f"Delete #{number} {interview.company} and its reminders? This can't be "
                    f"undone. To go ahead: {PRODUCT} delete #{number} confirm"
                )
            ],
            actions=[Action("delete", f"Delete #{number}", f"#{number} confirm", "danger")],
        )
    ctx.core.interviews.delete(ctx.session, ctx.member, number)
    return _settled(Reply.text(f"Deleted #{number} {interview.company} and its reminders."))


def forget(ctx: Context) -> Reply:
    """Delete everything stored about the member, after they confirm."""
    words = [w.casefold() for w in ctx.args.positionals]
    if words != ["confirm"]:
        count = len(ctx.core.repo.interviews_of(ctx.session, ctx.member))
        return Reply(
            blocks=[
                Section(
                    f"This deletes everything I store about you: {count} interview(s), their "
                    "interviewers, notes, follow-ups, reminders and your settings. It can't be "
                    f"undone. To go ahead: {PRODUCT} forget confirm"
                )
            ],
            actions=[Action("forget", "Forget everything", "confirm", "danger")],
        )
    ctx.session.delete(ctx.member)
    return _settled(
        Reply.text(
            "Done: everything about you is deleted. If you use Followup again, it starts fresh."
        )
    )


def export(ctx: Context) -> Reply:
    """Everything stored about the member, as files in a DM (never in a channel)."""
    done = export_member(ctx.session, ctx.member, ctx.core.deps.clock.now())
    return Reply(
        blocks=[
            Section(
                f"Here is everything I store about you: {done.interviews} interview(s) with "
                f"their interviewers and notes, {done.follow_ups} follow-up(s) and their "
                "reminders, and your settings. The .json file has all of it; the .csv files "
                f"open in a spreadsheet. To delete it all: {PRODUCT} forget"
            )
        ],
        visibility=Visibility.DIRECT,
        attachments=done.attachments(),
    )


CALENDAR_HOW = (
    "Subscribe to it and your interviews, and each follow-up still to send at its due time, "
    "appear in your calendar and keep up as things change (apps fetch it every few hours). "
    "Google Calendar: Other calendars > + > From URL. Outlook: Add calendar > Subscribe "
    "from web. Apple Calendar: File > New Calendar Subscription."
)
CALENDAR_KEEP = (
    f"Keep it to yourself: the address is the feed's only key. If it gets out: {PRODUCT} "
    f"calendar reset (a new address; this one stops working). To end it: {PRODUCT} calendar off"
)


def calendar(ctx: Context) -> Reply:
    """The member's private calendar feed: a new address for it, or none."""
    word = " ".join(ctx.args.positionals).casefold()
    feeds = ctx.core.calendar
    if word == "off":
        if feeds.stop(ctx.member):
            return Reply.text(
                "Your calendar feed is off: its address no longer works. Remove the "
                "subscription in your calendar app to clear what it fetched last."
            )
        return Reply.text(f"Your calendar feed was already off. To start one: {PRODUCT} calendar")
    if word not in ("", "reset"):
        raise UserError(
            f"I don't know '{word}' for calendar.",
            hint=f"Use {PRODUCT} calendar (a feed for your calendar app), calendar reset "
            "(a new address) or calendar off (no feed).",
        )
    was_on = ctx.member.calendar_token_hash is not None
    if was_on and not word:
        return Reply.text(
            "Your calendar feed is on. I keep only a fingerprint of its address, so I can't "
            f"show it again: {PRODUCT} calendar reset gives you a new one (the old address "
            f"stops working at once), {PRODUCT} calendar off ends it."
        )
    url = feeds.start(ctx.member)
    head = (
        "Your new calendar address (the old one no longer works):"
        if was_on
        else ("Your private calendar feed:")
    )
    return Reply.text(f"{head} {url}", CALENDAR_HOW, CALENDAR_KEEP, visibility=Visibility.DIRECT)


def build_registry() -> Registry:
    """Every `/interview` subcommand, declared once."""
    ref = "#3"
    return Registry(
        [
            CommandSpec("help", "What Followup can do.", "help", help_, writes=False),
            CommandSpec(
                "log",
                "Log an interview; I plan the thank-you notes and follow-ups.",
                'log company="Acme" role="..." when="tomorrow 3pm" stage=onsite with="Jane Doe'
                ' (Manager) <jane@acme.com>; Raj Patel"',
                log,
                options=(
                    OptionSpec("company", "The company", required=True),
                    OptionSpec("role", "The role you interviewed for"),
                    OptionSpec("when", "When it starts, like 'tomorrow 3pm'"),
                    OptionSpec("length", "How long, like 45m (default 1h)"),
                    OptionSpec("stage", "One of: " + ", ".join(STAGES)),
                    OptionSpec("with", "Interviewers: Name [greet as] (Title) <email>; ..."),
                    OptionSpec("decision", "When they said they'd decide"),
                    OptionSpec("job", "Link to the job posting"),
                    OptionSpec("invite", "The calendar invite (.ics) to log it from", kind="file"),
                ),
                open_options=True,  # every interview field (bot/services/interviews.py)
            ),
            CommandSpec("list", "Your interviews.", "list", list_, writes=False),
            CommandSpec(
                "show", "Everything about one interview.", f"show {ref}", show, writes=False
            ),
            CommandSpec(
                "edit",
                "Change an interview's details.",
                f'edit {ref} when="friday 10am"',
                edit,
                open_options=True,  # the interview's fields and its interviewers' names
            ),
            CommandSpec(
                "notes",
                "The debrief: topics, what each person discussed, promises (Name: ... for one).",
                f'notes {ref} topics="..." jane="what Jane talked about" promised="..."',
                notes,
                options=tuple(OptionSpec(k, label) for k, (_c, label, _l) in DETAIL_FIELDS.items()),
                open_options=True,  # and each interviewer's first name, like jane="..."
            ),
            CommandSpec(
                "outcome",
                "Their decision (next_round, offer, rejected, withdrawn, no_reply) and who told "
                "you.",
                f"outcome {ref} offer [interviewer]",
                outcome,
            ),
            CommandSpec(
                "draft",
                "Drafts for an interview: every one you could send now (else the next one due), or "
                "one kind, or one person's.",
                f"draft {ref} [kind] [interviewer]",
                draft,
                options=tuple(OptionSpec(key, DRAFT_OPTIONS[key]) for key in EXTRA_KEYS),
                writes=False,
            ),
            CommandSpec(
                "check",
                "Proofread a note you wrote yourself.",
                "check <your text>",
                check,
                raw=True,
                writes=False,
            ),
            CommandSpec("sent", "Mark a follow-up sent.", f"sent {ref} [kind] [interviewer]", sent),
            CommandSpec("skip", "Skip a follow-up.", f"skip {ref} [kind] [interviewer]", skip),
            CommandSpec(
                "snooze",
                'Remind me later: for=1h, for=tomorrow, for=3d or until="monday 9am".',
                f"snooze {ref} [kind] [interviewer] for=1h",
                snooze,
                options=(
                    OptionSpec("for", "How long: 1h, 3d or tomorrow"),
                    OptionSpec("until", "Until when, like 'monday 9am'"),
                ),
            ),
            CommandSpec(
                "replied",
                "They replied: restart the status-check clock.",
                f"replied {ref}",
                replied,
            ),
            CommandSpec(
                "pause",
                'Pause reminders for an interview, for good or until="monday".',
                f"pause {ref} [until=monday]",
                pause,
                options=(OptionSpec("until", "Until when, like 'monday 9am'"),),
            ),
            CommandSpec("resume", "Resume reminders for an interview.", f"resume {ref}", resume),
            CommandSpec("due", "What's coming up.", "due", due, writes=False),
            CommandSpec(
                "settings",
                "Your time zone, quiet hours, signature and more.",
                "settings [timezone=Europe/Berlin] [quiet_hours=21:00-08:00]",
                settings,
                open_options=True,  # the settings' own list (bot/services/member_settings.py)
            ),
            CommandSpec("delete", "Delete an interview.", f"delete {ref}", delete),
            CommandSpec(
                "export",
                "Everything stored about you, as JSON and CSV files by DM.",
                "export",
                export,
                writes=False,
            ),
            CommandSpec("forget", "Delete everything stored about you.", "forget", forget),
            CommandSpec(
                "calendar",
                "Your interviews and follow-ups in your calendar app (reset: a new address; "
                "off: none).",
                "calendar [reset|off]",
                calendar,
            ),
            CommandSpec(
                "admin",
                "Admins: your group's defaults, wins channel, retention and anonymous stats.",
                "admin [stats] [tone=formal] [wins=here] [retention=90d]",
                admin,
                raw=True,  # `admin template` takes a template's text verbatim
            ),
        ]
    )
