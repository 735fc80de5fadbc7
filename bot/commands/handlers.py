"""What each `/interview` subcommand does, in terms of the use cases."""

from __future__ import annotations

from datetime import datetime

from bot.chat import MAX_FIELD_VALUE, Action, Attachment, Fields, Reply, Section, Visibility
from bot.commands.admin import admin
from bot.commands.args import parse_ref
from bot.commands.forms import interview_form, notes_form
from bot.commands.registry import CommandSpec, Context, OptionSpec, Registry
from bot.commands.replies import CONFIRM, choices, confirmed, paste_form, split_paste, understood
from bot.commands.reply_pick import pick_form, picked
from bot.domain.people import format_person
from bot.domain.policy import (
    WAITING_STATUSES,
    Kind,
    Status,
    add_days_local,
    gone_quiet,
    send_time,
)
from bot.domain.replies import ReplyKind
from bot.domain.timeparse import ParsedTime, format_local, parse_duration, parse_when
from bot.drafting.proofread import ProofContext, proofread
from bot.errors import UserError
from bot.i18n import N_, _, labelled, ngettext, speaking
from bot.services.draft_context import EXTRA_KEYS
from bot.services.drafts import Target
from bot.services.export import export_member
from bot.services.followups import describe, parse_kind, select_follow_ups
from bot.services.group_defaults import resolve
from bot.services.interviews import DETAIL_FIELDS, STAGES, option_key, person_called
from bot.services.invites import Action as InviteAction
from bot.services.invites import from_invite, invite_file
from bot.services.member_settings import KEYS as SETTING_KEYS
from bot.storage.models import FollowUp, Interview, Interviewer
from bot.storage.repositories import InterviewLine

PRODUCT = "/interview"
MAX_REPLY_CHARS = 6000
"""The longest email `reply` reads: Discord's longest string option; 5 KB and more of a
pasted thread fits, and the newest message is at its top."""
# What each of the drafts service's extra values is for, by its key.
# What each setting is, for menus that list them (Discord's options); the key is syntax.
SETTING_OPTIONS = {
    "timezone": N_("Your time zone, like Europe/Berlin"),
    "quiet_hours": N_("No reminders between these hours, like 21:00-08:00"),
    "weekdays_only": N_("Reminders on weekdays only: yes or no"),
    "thank_you_delay": N_("How soon after an interview to remind you of the thank-you, like 2h"),
    "status_check_days": N_("Days of silence before a status check, like 5"),
    "name": N_("Your name, as your drafts sign it"),
    "signature": N_("The signature under your drafts"),
    "tone": N_("How drafts sound"),
    "templates": N_("builtin: our drafts; group: your group's templates"),
    "date_order": N_("How you write dates, like dd/mm or mm/dd"),
    "language": N_("The language you follow up in, like de or es"),
}
DRAFT_OPTIONS = {
    "news": N_("Your news, for a keep-in-touch note"),
    "until": N_("When you must answer, for an offer reply"),
}


def _number(ctx: Context, usage: str) -> int:
    if not ctx.args.positionals:
        raise UserError(
            _("Which interview?"),
            hint=_("Add its number, like: {command}").format(command=f"{PRODUCT} {usage}"),
        )
    return parse_ref(ctx.args.positionals[0])


def _when(ctx: Context, interview: Interview | InterviewLine) -> str:
    """When it is, start to end: "Thu 3 Dec 2026, 14:00-16:00 EST"."""
    return format_local(interview.starts_at, ctx.zone, until=interview.ends_at)


def _summary(ctx: Context, interview: Interview | InterviewLine) -> str:
    parts = [f"#{interview.number} {interview.company}"]
    if interview.role:
        parts.append(interview.role)
    parts += [_stage(interview.stage), _when(ctx, interview)]
    parts.append(_status(ctx, interview))
    return " · ".join(parts)


def _stage(stage: str) -> str:
    """A stage as the member reads it: its label, or the id itself when it has none."""
    label = STAGES.get(stage)
    return _(label) if label else stage


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
            return _("gone quiet (no more nudges; {command} if they write)").format(
                command=f"{PRODUCT} replied #{interview.number}"
            )
    shown = _(STATUS_LABELS.get(status, status.replace("_", " ")))
    if interview.paused:
        return _("{status} (paused)").format(status=shown)
    until = interview.paused_until
    if until is not None and until > ctx.core.deps.clock.now():
        return _("{status} (paused until {until})").format(
            status=shown, until=format_local(until, ctx.zone)
        )
    return shown


# Each status as the member reads it: its stored value with spaces, in English.
STATUS_LABELS: dict[str, str] = {
    Status.SCHEDULED: N_("scheduled"),
    Status.HELD: N_("held"),
    Status.WAITING: N_("waiting"),
    Status.NEXT_ROUND: N_("next round"),
    Status.OFFER: N_("offer"),
    Status.REJECTED: N_("rejected"),
    Status.WITHDRAWN: N_("withdrawn"),
    Status.CLOSED: N_("closed"),
    Status.CANCELLED: N_("cancelled"),
}


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
        _("{follow_up}: due by {due}").format(follow_up=describe(f), due=format_local(f.due_at, tz))
        for f in sorted(interview.follow_ups, key=lambda f: f.due_at)
        if f.state == "pending"
    ]


def help_(ctx: Context) -> Reply:
    """List every command, generated from the registry."""
    registry: Registry = ctx.core.registry
    lines = [labelled(f"{PRODUCT} {spec.usage}", _(spec.summary)) for spec in registry.shown]
    example = _("Example: {command}").format(
        command=f'{PRODUCT} log company="Acme" role="Backend Engineer" when="tomorrow 3pm" '
        'stage=onsite with="Jane Doe (Engineering Manager) <jane@acme.com>; Robert Smith [Bob]"'
    )
    return Reply.text(
        _("Followup helps you follow up after interviews."), "\n".join(lines), example
    )


def log(ctx: Context) -> Reply:
    """Log a new interview, or one from its calendar invite; with nothing typed, the form."""
    invite = invite_file(ctx.request.files)
    if invite is None and "invite" in ctx.args.options:
        raise UserError(
            _("I can't open a file by its name from here."),
            hint=_("Attach the invite's .ics file to the message instead."),
        )
    if invite is None and not ctx.args.positionals and not ctx.args.options:
        form = interview_form(None, ctx.zone)
        return Reply(
            blocks=[
                Section(
                    _("Log it in one line: {command}").format(
                        command=f'{PRODUCT} log company="Acme" when="tomorrow 3pm"'
                    )
                )
            ],
            form=form,
        )
    if ctx.args.positionals:
        word = ctx.args.positionals[0]
        raise UserError(
            _("I don't know what '{word}' means here.").format(word=word),
            hint=_('Give each detail as key="value", like {example}.').format(
                example='company="Acme" when="tomorrow 3pm"'
            ),
        )
    if invite is not None:
        return _from_invite(ctx, invite)
    outcome = ctx.core.interviews.log(ctx.session, ctx.member, ctx.args.options)
    return Reply.text(*_logged(ctx, outcome.interview, outcome.notes))


def _logged(
    ctx: Context, interview: Interview, notes: list[str], read: tuple[str, ...] = ()
) -> list[str]:
    """What `log` says: the interview, anything to confirm, its follow-ups, what comes next."""
    text = _("Logged {interview}.").format(interview=_summary(ctx, interview))
    people = _people(interview)
    if people:
        text += "\n" + _("With: {people}.").format(people=people)
    paragraphs = [text, *read, *notes]
    follow = _pending(ctx, interview)
    if follow:
        paragraphs.append(_listed(_("I'll remind you by DM:"), follow))
    paragraphs.append(
        _("After the interview, add what you discussed: {command}").format(
            command=f'{PRODUCT} notes #{interview.number} topics="..." promised="..."'
        )
    )
    return paragraphs


def _listed(head: str, items: list[str]) -> str:
    """A heading line with one bullet per item under it."""
    return head + "\n" + "\n".join(f"• {item}" for item in items)


def _from_invite(ctx: Context, invite: Attachment) -> Reply:
    """Log, move or cancel the interview of a calendar invite, and say what it read."""
    result = from_invite(ctx.core.interviews, ctx.session, ctx.member, invite, ctx.args.options)
    interview = result.interview
    name = f"#{interview.number} {interview.company}"
    if result.action is InviteAction.LOGGED:
        read = [_listed(_("From the invite:"), list(result.read))]
        if result.missing:
            read.append(_listed(_("Not in the invite:"), list(result.missing)))
        return Reply.text(*_logged(ctx, interview, result.notes, tuple(read)))
    if result.action is InviteAction.OLDER:
        return Reply.text(
            _(
                "That invite is an older version (sequence {sequence}) than the one "
                "{interview} was last updated from (sequence {last}), so I changed nothing."
            ).format(sequence=result.sequence, interview=name, last=interview.invite_sequence)
        )
    if result.action is InviteAction.UNCHANGED:
        return Reply.text(
            _("{interview} already matches that invite: {summary}.").format(
                interview=name, summary=_summary(ctx, interview)
            )
        )
    if result.action is InviteAction.CANCELLED:
        n = result.reminders_cancelled
        said = (
            ngettext(
                "The invite is cancelled, so I marked {interview} ({when}) cancelled and "
                "cancelled its {count} reminder.",
                "The invite is cancelled, so I marked {interview} ({when}) cancelled and "
                "cancelled its {count} reminders.",
                n,
            )
            if n
            else _("The invite is cancelled, so I marked {interview} ({when}) cancelled.")
        )
        return Reply.text(
            said.format(interview=name, when=_when(ctx, interview), count=n),
            _("If it is rescheduled, send me the new invite."),
        )
    moved = result.moved_from
    text = _("Updated {interview}.").format(interview=_summary(ctx, interview))
    if moved is not None and moved != (interview.starts_at, interview.ends_at):
        was = format_local(moved[0], ctx.zone, until=moved[1])
        text = _("Rescheduled {interview} from {was} to {when}.").format(
            interview=name, was=was, when=_when(ctx, interview)
        )
    follow = _pending(ctx, interview)
    tail = [_listed(_("I'll remind you by DM:"), follow)] if follow else []
    read = [line[0].upper() + line[1:] + "." for line in result.read]
    return Reply.text(text, *read, *result.notes, *tail)


def list_(ctx: Context) -> Reply:
    """List the member's interviews."""
    interviews = ctx.core.repo.interview_lines(ctx.session, ctx.member_id)
    if not interviews:
        return Reply.text(
            _("You haven't logged any interviews yet."),
            _("Start with: {command}").format(
                command=f'{PRODUCT} log company="Acme" when="tomorrow 3pm"'
            ),
        )
    return Reply.text(_("Your interviews:"), "\n".join(_summary(ctx, i) for i in interviews))


def show(ctx: Context) -> Reply:
    """Everything about one interview."""
    interview = ctx.core.interviews.get(ctx.session, ctx.known, _number(ctx, "show #3"))
    pairs: list[tuple[str, str]] = [
        (_("Company"), interview.company),
        (_("Role"), interview.role or "—"),
        (_("Stage"), _stage(interview.stage)),
        (_("When"), _when(ctx, interview)),
        (_("Status"), _status(ctx, interview)),
    ]
    if interview.location:
        where = f"{interview.format}: " if interview.format else ""
        pairs.append((_("Where"), where + interview.location))
    if interview.decision_expected_on:
        pairs.append((_("Decision expected"), f"{interview.decision_expected_on:%a %d %b %Y}"))
    if interview.contact is not None:
        pairs.append((_("Contact person"), interview.contact.name))
    for person in interview.interviewers:
        label = format_person(person.name, person.title, None, person.greet_as)
        detail = person.email or ""
        if person.discussed:
            discussed = _("discussed {topics}").format(topics=person.discussed)
            detail = (detail + " · " if detail else "") + discussed
        pairs.append((label, detail or "—"))
    for _key, (column, label, _limit) in DETAIL_FIELDS.items():
        value = getattr(interview, column)
        if value:
            pairs.append((_(label), value))
    blocks: list[Section | Fields] = [Section(f"#{interview.number} {interview.company}")]
    blocks.append(Fields(tuple((k, v) for k, v in pairs if len(v) <= MAX_FIELD_VALUE)))
    # A long note shown in a field would be cut (Discord at 1,024 characters): it gets a
    # paragraph of its own instead.
    blocks += [Section(f"{k}:\n{v}") for k, v in pairs if len(v) > MAX_FIELD_VALUE]
    pending = _pending(ctx, interview)
    if pending:
        blocks.append(Section(_listed(_("Follow-ups:"), pending)))
    return Reply(blocks=list(blocks))


def edit(ctx: Context) -> Reply:
    """Change details of an interview."""
    number = _number(ctx, 'edit #3 role="Staff Engineer"')
    if not ctx.args.options:
        interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
        return Reply(
            blocks=[
                Section(
                    _("Change any field, like: {command}").format(
                        command=f'{PRODUCT} edit #{number} role="Staff Engineer"'
                    )
                )
            ],
            form=interview_form(interview, ctx.zone),
        )
    outcome = ctx.core.interviews.edit(ctx.session, ctx.member, number, ctx.args.options)
    return Reply.text(
        _("Updated {interview}.").format(interview=_summary(ctx, outcome.interview)),
        *outcome.notes,
    )


def notes(ctx: Context) -> Reply:
    """Record the debrief: what was discussed, with whom, and who promised what."""
    number = _number(ctx, 'notes #3 topics="system design; on-call"')
    if not ctx.args.options:
        interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
        first = (option_key(interview.interviewers[0]) if interview.interviewers else None) or (
            "jane"
        )
        reply = Reply.text(
            _("What happened in {interview}? Add any of these:").format(interview=f"#{number}"),
            "\n".join(
                f"• {labelled(key, _(label))}" for key, (_c, label, _l) in DETAIL_FIELDS.items()
            ),
            _("and what each interviewer talked about, by first name: {option}").format(
                option=f'{first}="..."'
            ),
            _("Example: {command}").format(
                command=f'{PRODUCT} notes #{number} topics="system design; on-call" '
                f'promised="my portfolio" {first}="the Kafka migration"'
            ),
        )
        reply.form = notes_form(interview)
        return reply
    outcome = ctx.core.interviews.edit(ctx.session, ctx.member, number, ctx.args.options)
    return Reply.text(
        _("Saved your notes on {interview}. Drafts will use them: {command}").format(
            interview=f"#{number}", command=f"{PRODUCT} draft #{number}"
        ),
        *outcome.notes,
    )


def outcome(ctx: Context) -> Reply:
    """Record what the employer decided, and who told the member if they name them."""
    number = _number(ctx, "outcome #3 rejected")
    if len(ctx.args.positionals) < 2:
        raise UserError(
            _("What was the outcome?"),
            hint=_(
                "Like: {command} (or offer, rejected, withdrawn, no_reply), then who told "
                "you: offer Hana."
            ).format(command=f"{PRODUCT} outcome #{number} next_round"),
        )
    result = ctx.core.interviews.set_outcome(
        ctx.session, ctx.member, number, ctx.args.positionals[1:]
    )
    follow = _pending(ctx, result.interview)
    text = _("Recorded: {interview}.").format(interview=_summary(ctx, result.interview))
    contact = result.interview.contact
    if contact is not None and len(ctx.args.positionals) > 2:  # they named who told them
        text += " " + _("Notes about what happens next go to {name}.").format(name=contact.name)
    return Reply.text(text, *([_listed(_("Next:"), follow)] if follow else []))


def _finish(ctx: Context, how: str) -> Reply:
    number = _number(ctx, f"{how} #3 Jane")
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    done = ctx.core.follow_ups.finish(
        ctx.session, ctx.member, interview, list(ctx.args.positionals[1:]), how=how
    )
    said = (
        _("Marked sent: {follow_up} ({interview}).")
        if how == "sent"
        else _("Skipped: {follow_up} ({interview}).")
    )
    text = said.format(follow_up=describe(done), interview=f"#{number}")
    remaining = _pending(ctx, interview)
    tail = [_listed(_("Still to do:"), remaining)] if remaining else []
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
            _("Reminders for {interview} are paused, so there is nothing to snooze.").format(
                interview=f"#{number} {interview.company}"
            ),
            hint=_("To hear about it again: {command}").format(
                command=f"{PRODUCT} resume #{number}"
            ),
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
    text = _("Snoozed the {follow_up} ({interview}) until {until}.").format(
        follow_up=describe(chosen), interview=f"#{number}", until=format_local(until, tz)
    )
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
            _("{time} has already passed.").format(time=format_local(parsed.at, ctx.zone)),
            hint=_("Give a time ahead, or use {command}.").format(command=f"{PRODUCT} {instead}"),
        )
    return parsed


def _moved(ctx: Context, asked: datetime, at: datetime, paused_until: datetime | None) -> str:
    """Both times, when a pause, quiet hours or the weekend move a reminder off the one asked."""
    if at == asked:
        return ""
    when = format_local(at, ctx.zone)
    if paused_until and asked < paused_until <= at:
        return _("The reminder comes at {when}, when the pause ends.").format(when=when)
    return _("The reminder comes at {when}, after your quiet hours or the weekend.").format(
        when=when
    )


def replied(ctx: Context) -> Reply:
    """They wrote back: no status check until a new silence."""
    number = _number(ctx, "replied #3")
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    ctx.core.follow_ups.replied(ctx.session, ctx.member, interview)
    follow = _pending(ctx, interview)
    tail = [_listed(_("Next:"), follow)] if follow else []
    noted = _("Noted that {company} replied ({interview}).").format(
        company=interview.company, interview=f"#{number}"
    )
    return _settled(Reply.text(noted, *tail))


def reply(ctx: Context) -> Reply:
    """Read a reply the member pasted and offer what it seems to be, to confirm with a press.

    The text is read once, by the classifier, and is never stored, logged or said back:
    the answer names only what was understood.
    """
    typed, pasted = split_paste(ctx.request.text)
    if ctx.request.options is not None:  # the form: its text field holds the email
        pasted = ctx.request.options.get("text", "").strip()
        typed = typed or picked(ctx.request.options)  # or the form chose the interview too
    ask = _("Which interview is their reply about?")
    how = _("Add its number, then paste the email: {command}").format(
        command=f"{PRODUCT} reply #3 ..."
    )
    if not typed and not pasted:  # nothing named yet: a form asks for both
        lines = ctx.core.repo.interview_lines(ctx.session, ctx.member_id)
        form = pick_form(lines, f'{PRODUCT} log company="..." when="..."')
        return Reply(blocks=[Section(f"{ask} {how}")], form=form)
    if not typed:
        raise UserError(ask, hint=how)
    number = parse_ref(typed)
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    if not pasted:
        said = _("Paste their email after the command, like {command}, or in the form.")
        return Reply(
            blocks=[Section(said.format(command=f"{PRODUCT} reply #{number} ..."))],
            form=paste_form(number),
        )
    reading = ctx.core.replies.read(ctx.member, interview, pasted)
    return Reply(
        blocks=[Section(p) for p in understood(reading, interview.company, number, ctx.zone)],
        actions=choices(reading, number, ctx.zone),
    )


# The draft each confirmed kind offers next.
REPLY_DRAFTS = {
    ReplyKind.REJECTION: Kind.REJECTION_REPLY,
    ReplyKind.OFFER: Kind.OFFER_REPLY,
    ReplyKind.NEXT_ROUND: Kind.NEXT_ROUND_THANKS,
}


def reply_ok(ctx: Context) -> Reply:
    """Act on the reading the member pressed: record it, and re-plan what follows."""
    number, reading = confirmed(ctx.args, f"{PRODUCT} reply_ok #3 rejection")
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    done = ctx.core.replies.apply(ctx.session, ctx.member, interview, reading)
    ref = f"#{number}"
    kind = reading.kind
    said: list[str] = []
    if kind in REPLY_DRAFTS:
        said.append(_("Recorded: {interview}.").format(interview=_summary(ctx, interview)))
    elif kind is ReplyKind.OUT_OF_OFFICE:
        said.append(_("An auto-reply doesn't count as their reply."))
        if done.held_until is not None:
            said.append(
                ngettext(
                    "I moved {count} reminder to {when}, after they are back.",
                    "I moved {count} reminders to {when}, after they are back.",
                    done.held,
                ).format(count=done.held, when=format_local(done.held_until, ctx.zone))
            )
        else:
            said.append(_("No reminder was due before they are back."))
    elif kind is ReplyKind.MATERIAL:
        said.append(
            _("Noted what {company} asked for ({interview}): {items}, by {when}.").format(
                company=interview.company,
                interview=ref,
                items=interview.promised_by_me,
                when=format_local(interview.promised_due_at, ctx.zone)
                if interview.promised_due_at
                else "—",
            )
        )
    elif kind is ReplyKind.STILL_DECIDING:
        said.append(
            _("Noted that {company} is still deciding ({interview}).").format(
                company=interview.company, interview=ref
            )
        )
    else:
        said.append(
            _("Noted that {company} replied ({interview}).").format(
                company=interview.company, interview=ref
            )
        )
    if done.logged is not None:
        said.append(_("Logged {interview}.").format(interview=_summary(ctx, done.logged)))
    elif kind is ReplyKind.NEXT_ROUND:
        said.append(
            _("Once its time is set, log the next interview: {command}").format(
                command=f'{PRODUCT} log company="{interview.company}" when="..."'
            )
        )
    if done.contact is not None:
        contact = (
            _("I added {name} to {interview} as the contact person: no thank-you goes to them.")
            if done.added
            else _("Notes about what happens next go to {name}.")
        )
        said.append(contact.format(name=done.contact.name, interview=ref))
    actions: list[Action] = []
    if reading.stop:
        said.append(
            ngettext(
                "{company} asked not to be contacted again, so I ended every follow-up for "
                "{interview} and cancelled its {count} reminder. Nothing more will come about it.",
                "{company} asked not to be contacted again, so I ended every follow-up for "
                "{interview} and cancelled its {count} reminders. Nothing more will come about it.",
                done.ended,
            ).format(company=interview.company, interview=ref, count=done.ended)
        )
    elif kind in REPLY_DRAFTS:
        actions.append(
            Action("draft", _("Draft the reply"), f"{ref} {REPLY_DRAFTS[kind].value}", "primary")
        )
    follow = _pending(ctx, interview)
    tail = [_listed(_("Next:"), follow)] if follow else []
    reply = Reply.text(" ".join(said), *tail)
    reply.actions = actions
    return _settled(reply)


def pause(ctx: Context) -> Reply:
    """Stop reminders for one interview without losing its follow-ups: for good, or until=."""
    number = _number(ctx, "pause #3")
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    resume_hint = f"{PRODUCT} resume #{number}"
    if "until" not in ctx.args.options:
        ctx.core.follow_ups.pause(ctx.session, ctx.member, interview, paused=True)
        return Reply.text(
            _("Paused reminders for {interview}. Turn them back on with {command}.").format(
                interview=f"#{number} {interview.company}", command=resume_hint
            )
        )
    parsed = _time_ahead(ctx, interview, ctx.args.options["until"], f"pause #{number}")
    ctx.core.follow_ups.pause(ctx.session, ctx.member, interview, paused=True, until=parsed.at)
    wake = send_time(parsed.at, ctx.core.deps.cadence_of(ctx.known))
    said = _(
        "Paused reminders for {interview} until {until}; anything that comes due meanwhile "
        "is reminded once then. Sooner: {command}."
    ).format(
        interview=f"#{number} {interview.company}",
        until=format_local(parsed.at, ctx.zone),
        command=resume_hint,
    )
    parts = (said, *parsed.cautions, _moved(ctx, parsed.at, wake, None))
    return Reply.text(" ".join(part for part in parts if part))


def resume(ctx: Context) -> Reply:
    """Turn a paused interview's reminders back on."""
    number = _number(ctx, "resume #3")
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    ctx.core.follow_ups.pause(ctx.session, ctx.member, interview, paused=False)
    return Reply.text(
        _("Reminders for {interview} are back on.").format(
            interview=f"#{number} {interview.company}"
        )
    )


def due(ctx: Context) -> Reply:
    """What is coming up, in the member's time zone."""
    tz = ctx.zone
    agenda = ctx.core.follow_ups.agenda(ctx.session, ctx.known)
    if not agenda:
        return Reply.text(_("Nothing is due. Log an interview and I'll plan the follow-ups."))
    now = ctx.core.deps.clock.now()
    lines = []
    for f in agenda:
        line = (
            _("{interview}: {follow_up}, by {due} (overdue)")
            if f.due_at < now
            else _("{interview}: {follow_up}, by {due}")
        )
        shown = line.format(
            interview=f"#{f.interview.number} {f.interview.company}",
            follow_up=describe(f),
            due=format_local(f.due_at, tz),
        )
        lines.append(f"• {shown}")
    return Reply.text(_("Coming up:"), "\n".join(lines))


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
            people = [p for p in interview.interviewers if p.met is not False]
        sequence = 1 + sum(1 for f in interview.follow_ups if f.kind == kind and f.state == "done")
        targets = [Target(kind, person, sequence) for person in people]
    blocks = ctx.core.drafts.drafts(ctx.member, interview, targets, ctx.args.options)
    return Reply(blocks=list(blocks), visibility=Visibility.DIRECT)


def check(ctx: Context) -> Reply:
    """Proofread text the member wrote themselves, with the same checks as our drafts."""
    text = ctx.request.text.strip()
    if not text:
        raise UserError(
            _("Paste the note to check after the command."),
            hint=_("Like: {command}").format(command=f"{PRODUCT} check Hi Jane, thank you for ..."),
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
    subject, _newline, body = (
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
        return Reply.text(_("Looks good: no problems found."))
    lines = [finding.line for finding in findings]
    return Reply.text(
        _("{count} thing(s) to look at:").format(count=len(findings)), "\n".join(lines)
    )


def settings(ctx: Context) -> Reply:
    """Show or change the member's settings, in their language as it is now.

    `settings language=de` is confirmed in German: the change is the member saying which
    language they read.
    """
    changes = ctx.core.member_settings.update(ctx.member, ctx.args.options)
    with speaking(ctx.core.deps.language_of(ctx.member)):
        view = ctx.core.member_settings.describe(ctx.member)
        head = _("Saved. Your settings:") if changes else _("Your settings:")
        tail = _("Change one like: {command}").format(
            command=f'{PRODUCT} settings timezone=Europe/Berlin quiet_hours="21:00-08:00"'
        )
    return Reply(blocks=[Section(head), Fields(tuple(view)), Section(tail)])


def delete(ctx: Context) -> Reply:
    """Delete an interview, after the member confirms."""
    number = _number(ctx, "delete #3")
    interview = ctx.core.interviews.get(ctx.session, ctx.member, number)
    if [w.casefold() for w in ctx.args.positionals[1:]] != ["confirm"]:
        return Reply(
            blocks=[
                Section(
                    _(
                        "Delete {interview} and its reminders? This can't be undone. "
                        "To go ahead: {command}"
                    ).format(
                        interview=f"#{number} {interview.company}",
                        command=f"{PRODUCT} delete #{number} confirm",
                    )
                )
            ],
            actions=[
                Action(
                    "delete",
                    _("Delete {interview}").format(interview=f"#{number}"),
                    f"#{number} confirm",
                    "danger",
                )
            ],
        )
    ctx.core.interviews.delete(ctx.session, ctx.member, number)
    return _settled(
        Reply.text(
            _("Deleted {interview} and its reminders.").format(
                interview=f"#{number} {interview.company}"
            )
        )
    )


def forget(ctx: Context) -> Reply:
    """Delete everything stored about the member, after they confirm."""
    words = [w.casefold() for w in ctx.args.positionals]
    if words != ["confirm"]:
        count = len(ctx.core.repo.interviews_of(ctx.session, ctx.member))
        return Reply(
            blocks=[
                Section(
                    _(
                        "This deletes everything I store about you: {count} interview(s), their "
                        "interviewers, notes, follow-ups, reminders and your settings. It can't "
                        "be undone. To go ahead: {command}"
                    ).format(count=count, command=f"{PRODUCT} forget confirm")
                )
            ],
            actions=[Action("forget", _("Forget everything"), "confirm", "danger")],
        )
    ctx.session.delete(ctx.member)
    return _settled(
        Reply.text(
            _("Done: everything about you is deleted. If you use Followup again, it starts fresh.")
        )
    )


def export(ctx: Context) -> Reply:
    """Everything stored about the member, as files in a DM (never in a channel)."""
    done = export_member(ctx.session, ctx.member, ctx.core.deps.clock.now())
    return Reply(
        blocks=[
            Section(
                _(
                    "Here is everything I store about you: {interviews} interview(s) with "
                    "their interviewers and notes, {follow_ups} follow-up(s) and their "
                    "reminders, and your settings. The .json file has all of it; the .csv files "
                    "open in a spreadsheet. To delete it all: {command}"
                ).format(
                    interviews=done.interviews,
                    follow_ups=done.follow_ups,
                    command=f"{PRODUCT} forget",
                )
            )
        ],
        visibility=Visibility.DIRECT,
        attachments=done.attachments(),
    )


CALENDAR_HOW = N_(
    "Subscribe to it and your interviews, and each follow-up still to send at its due time, "
    "appear in your calendar and keep up as things change (apps fetch it every few hours). "
    "Google Calendar: Other calendars > + > From URL. Outlook: Add calendar > Subscribe "
    "from web. Apple Calendar: File > New Calendar Subscription."
)
CALENDAR_KEEP = N_(
    "Keep it to yourself: the address is the feed's only key. If it gets out: {reset} "
    "(a new address; this one stops working). To end it: {off}"
)


def calendar(ctx: Context) -> Reply:
    """The member's private calendar feed: a new address for it, or none."""
    word = " ".join(ctx.args.positionals).casefold()
    feeds = ctx.core.calendar
    if word == "off":
        if feeds.stop(ctx.member):
            return Reply.text(
                _(
                    "Your calendar feed is off: its address no longer works. Remove the "
                    "subscription in your calendar app to clear what it fetched last."
                )
            )
        return Reply.text(
            _("Your calendar feed was already off. To start one: {command}").format(
                command=f"{PRODUCT} calendar"
            )
        )
    reset, off = f"{PRODUCT} calendar reset", f"{PRODUCT} calendar off"
    if word not in ("", "reset"):
        raise UserError(
            _("I don't know '{word}' for calendar.").format(word=word),
            hint=_(
                "Use {command} (a feed for your calendar app), calendar reset "
                "(a new address) or calendar off (no feed)."
            ).format(command=f"{PRODUCT} calendar"),
        )
    was_on = ctx.member.calendar_token_hash is not None
    if was_on and not word:
        return Reply.text(
            _(
                "Your calendar feed is on. I keep only a fingerprint of its address, so I can't "
                "show it again: {reset} gives you a new one (the old address stops working at "
                "once), {off} ends it."
            ).format(reset=reset, off=off)
        )
    url = feeds.start(ctx.member)
    head = (
        _("Your new calendar address (the old one no longer works): {url}")
        if was_on
        else _("Your private calendar feed: {url}")
    )
    return Reply.text(
        head.format(url=url),
        _(CALENDAR_HOW),
        _(CALENDAR_KEEP).format(reset=reset, off=off),
        visibility=Visibility.DIRECT,
    )


def build_registry() -> Registry:
    """Every `/interview` subcommand, declared once."""
    ref = "#3"
    return Registry(
        [
            CommandSpec("help", N_("What Followup can do."), "help", help_, writes=False),
            CommandSpec(
                "log",
                N_("Log an interview; I plan the thank-you notes and follow-ups."),
                'log company="Acme" role="..." when="tomorrow 3pm" stage=onsite with="Jane Doe'
                ' (Manager) <jane@acme.com>; Raj Patel"',
                log,
                options=(
                    OptionSpec("company", N_("The company"), required=True),
                    OptionSpec("role", N_("The role you interviewed for")),
                    OptionSpec("when", N_("When it starts, like 'tomorrow 3pm'")),
                    OptionSpec("length", N_("How long, like 45m (default 1h)")),
                    OptionSpec("stage", N_("What kind of interview it is")),
                    OptionSpec("with", N_("Interviewers: Name [greet as] (Title) <email>; ...")),
                    OptionSpec("decision", N_("When they said they'd decide")),
                    OptionSpec("job", N_("Link to the job posting")),
                    OptionSpec(
                        "invite", N_("The calendar invite (.ics) to log it from"), kind="file"
                    ),
                ),
                open_options=True,  # every interview field (bot/services/interviews.py)
            ),
            CommandSpec("list", N_("Your interviews."), "list", list_, writes=False),
            CommandSpec(
                "show", N_("Everything about one interview."), f"show {ref}", show, writes=False
            ),
            CommandSpec(
                "edit",
                N_("Change an interview's details."),
                f'edit {ref} when="friday 10am"',
                edit,
                open_options=True,  # the interview's fields and its interviewers' names
            ),
            CommandSpec(
                "notes",
                N_(
                    "The debrief: topics, what each person discussed, promises (Name: ... for one)."
                ),
                f'notes {ref} topics="..." jane="what Jane talked about" promised="..."',
                notes,
                options=tuple(OptionSpec(k, label) for k, (_c, label, _l) in DETAIL_FIELDS.items()),
                open_options=True,  # and each interviewer's first name, like jane="..."
            ),
            CommandSpec(
                "outcome",
                N_(
                    "Their decision (next_round, offer, rejected, withdrawn, no_reply) and who "
                    "told you."
                ),
                f"outcome {ref} offer [interviewer]",
                outcome,
            ),
            CommandSpec(
                "draft",
                N_(
                    "Drafts for an interview: all you could send now (else the next due), one "
                    "kind or one person's."
                ),
                f"draft {ref} [kind] [interviewer]",
                draft,
                options=tuple(OptionSpec(key, DRAFT_OPTIONS[key]) for key in EXTRA_KEYS),
                writes=False,
            ),
            CommandSpec(
                "check",
                N_("Proofread a note you wrote yourself."),
                "check <your text>",
                check,
                raw=True,
                writes=False,
            ),
            CommandSpec(
                "sent", N_("Mark a follow-up sent."), f"sent {ref} [kind] [interviewer]", sent
            ),
            CommandSpec("skip", N_("Skip a follow-up."), f"skip {ref} [kind] [interviewer]", skip),
            CommandSpec(
                "snooze",
                N_('Remind me later: for=1h, for=tomorrow, for=3d or until="monday 9am".'),
                f"snooze {ref} [kind] [interviewer] for=1h",
                snooze,
                options=(
                    OptionSpec("for", N_("How long: 1h, 3d or tomorrow")),
                    OptionSpec("until", N_("Until when, like 'monday 9am'")),
                ),
            ),
            CommandSpec(
                "replied",
                N_("They replied: restart the status-check clock."),
                f"replied {ref}",
                replied,
            ),
            CommandSpec(
                "reply",
                N_(
                    "Paste their email: I say what it is (a rejection, an offer, a next round…) "
                    "and act once you confirm."
                ),
                f"reply {ref} <their email>",
                reply,
                raw=True,  # the email is read as it is: nothing in it is an option
                max_chars=MAX_REPLY_CHARS,
                too_long=N_("Paste only their newest message, without the quoted history."),
            ),
            CommandSpec(
                CONFIRM,
                N_("Confirm what their reply was (its buttons run this)."),
                f"{CONFIRM} {ref} rejection",
                reply_ok,
                options=(
                    OptionSpec("on", N_("The date they gave, like 2026-12-10")),
                    OptionSpec("at", N_("The time offered, like 2026-12-10T14:00Z")),
                    OptionSpec("length", N_("How long the next round is, like 45m")),
                    OptionSpec("ask", N_("What they ask for: refs, sample, salary, docs")),
                    OptionSpec("from", N_("Who wrote")),
                    OptionSpec("email", N_("Their email address")),
                    OptionSpec("title", N_("Their title")),
                ),
                hidden=True,
            ),
            CommandSpec(
                "pause",
                N_('Pause reminders for an interview, for good or until="monday".'),
                f"pause {ref} [until=monday]",
                pause,
                options=(OptionSpec("until", N_("Until when, like 'monday 9am'")),),
            ),
            CommandSpec(
                "resume", N_("Resume reminders for an interview."), f"resume {ref}", resume
            ),
            CommandSpec("due", N_("What's coming up."), "due", due, writes=False),
            CommandSpec(
                "settings",
                N_("Your time zone, quiet hours, signature and more."),
                "settings [timezone=Europe/Berlin] [quiet_hours=21:00-08:00]",
                settings,
                options=tuple(OptionSpec(key, SETTING_OPTIONS[key]) for key in SETTING_KEYS),
                open_options=True,  # the settings check their own keys (member_settings.py)
            ),
            CommandSpec("delete", N_("Delete an interview."), f"delete {ref}", delete),
            CommandSpec(
                "export",
                N_("Everything stored about you, as JSON and CSV files by DM."),
                "export",
                export,
                writes=False,
            ),
            CommandSpec("forget", N_("Delete everything stored about you."), "forget", forget),
            CommandSpec(
                "calendar",
                N_(
                    "Your interviews and follow-ups in your calendar app (reset: a new address; "
                    "off: none)."
                ),
                "calendar [reset|off]",
                calendar,
            ),
            CommandSpec(
                "admin",
                N_("Admins: your group's defaults, wins channel, retention and anonymous stats."),
                "admin [stats] [tone=formal] [wins=here] [retention=90d]",
                admin,
                raw=True,  # `admin template` takes a template's text verbatim
            ),
        ]
    )
