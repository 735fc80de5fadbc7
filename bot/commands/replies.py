"""`reply #3 <their email>`: say what the email seems to be, and offer it back as buttons.

A button's value is the confirmed reading in a few words (`#3 material on=2026-12-10
ask=refs`), run as `reply_ok` when pressed: the email never goes in it, and nothing is kept
between the reading and the press. The value must fit the tightest platform: a Discord
custom id holds 100 characters and the adapter spends up to 33 of them on
`fu:reply_ok:<20-digit user id>:` (adapters/discord/buttons.py), so a value gets
`VALUE_BUDGET`. Slack's button value holds 2,000. Who wrote goes in only as far as it fits:
their title first, then their email, then the whole sender are left out rather than cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from bot.chat import MAX_FORM_TEXT, Action, Form, FormField
from bot.commands.args import ParsedArgs, parse_ref
from bot.domain.people import format_person
from bot.domain.replies import Material, Reading, ReplyKind, Sender, Slot
from bot.domain.timeparse import format_local, parse_duration, short_date
from bot.errors import UserError
from bot.i18n import N_, _
from bot.services.replies import MATERIAL_LABELS, Confirmed

CONFIRM = "reply_ok"
VALUE_BUDGET = 100 - len(f"fu:{CONFIRM}:") - 20 - 1
"""The longest value a confirm button may carry: what a Discord custom id leaves."""
MAX_SLOTS = 4  # slot buttons for a next round; more would crowd out the other readings
MAX_KINDS = 4  # readings offered when unsure, the likeliest first

# A button value's words for what material they ask for: short, to leave room.
MATERIAL_CODES = {
    Material.REFERENCES: "refs",
    Material.WORK_SAMPLE: "sample",
    Material.SALARY: "salary",
    Material.DOCUMENTS: "docs",
}
_BY_CODE = {code: material for material, code in MATERIAL_CODES.items()}
# Kinds whose date is worth carrying: a decision day, a return day, a due day.
DATED = frozenset({ReplyKind.STILL_DECIDING, ReplyKind.OUT_OF_OFFICE, ReplyKind.MATERIAL})

KIND_LABELS = {
    ReplyKind.REJECTION: N_("Rejection"),
    ReplyKind.OFFER: N_("Offer"),
    ReplyKind.NEXT_ROUND: N_("Next round"),
    ReplyKind.MATERIAL: N_("Request for material"),
    ReplyKind.STILL_DECIDING: N_("Still deciding"),
    ReplyKind.OUT_OF_OFFICE: N_("Out of office"),
    ReplyKind.ACKNOWLEDGEMENT: N_("Acknowledgement"),
}
LOOKS_LIKE = {
    ReplyKind.REJECTION: N_("This looks like a rejection from {company} ({interview})."),
    ReplyKind.OFFER: N_("This looks like an offer from {company} ({interview})."),
    ReplyKind.NEXT_ROUND: N_(
        "This looks like an invitation to a next round with {company} ({interview})."
    ),
    ReplyKind.MATERIAL: N_("This looks like {company} asking for something ({interview})."),
    ReplyKind.STILL_DECIDING: N_("This looks like {company} is still deciding ({interview})."),
    ReplyKind.OUT_OF_OFFICE: N_(
        "This looks like an out-of-office auto-reply from {company} ({interview})."
    ),
    ReplyKind.ACKNOWLEDGEMENT: N_(
        "This looks like {company} acknowledging your message, with nothing decided yet "
        "({interview})."
    ),
}
# The whole email in quotes, of one family ("...", “...”, „...“, '...'), as args.py reads them.
_QUOTED = re.compile(
    r'\A\s*(?:["\u201c\u201d\u201e](.*)["\u201c\u201d]|[\'\u2018\u201a](.*)[\'\u2019\u2018])\s*\Z',
    re.S,
)
_HEAD = re.compile(r"\A\s*(\S+)\s*(.*)\Z", re.S)


def split_paste(text: str) -> tuple[str, str]:
    """The interview number and the pasted email after it, quotes around it optional.

    Nothing in the email is parsed: `key=value`, quotes and newlines are its own words.
    """
    found = _HEAD.match(text)
    if found is None:
        return "", ""
    rest = found.group(2)
    quoted = _QUOTED.match(rest)
    inside = next((g for g in quoted.groups() if g is not None), rest) if quoted else rest
    return found.group(1), inside.strip()


def paste_form(number: int) -> Form:
    """A large text field for the email, for `reply #3` with nothing after it."""
    return Form(
        "reply",
        _("Their reply ({interview})").format(interview=f"#{number}"),
        (
            FormField(
                "text", _("Their email"), kind="long_text", required=True, max_length=MAX_FORM_TEXT
            ),
        ),
        context=f"#{number}",
        submit=_("Read it"),
        paste=True,
    )


def understood(reading: Reading, company: str, number: int, tz: ZoneInfo) -> list[str]:
    """What was read, in a few lines: the kind, its date, the times, what they ask, who."""
    ref = f"#{number}"
    if reading.sure:
        head = _(LOOKS_LIKE[reading.kind]).format(company=company, interview=ref)
    else:
        head = _("I can't tell for sure what {company} wrote about {interview}. Which is it?")
        head = head.format(company=company, interview=ref)
    lines = [head]
    if reading.until is not None:
        lines.append(_("The date I read: {day}.").format(day=short_date(_day(reading.until, tz))))
    if reading.slots:
        times = "; ".join(format_local(s.starts_at, tz, until=s.ends_at) for s in reading.slots)
        lines.append(_("Times offered: {times}.").format(times=times))
    if reading.material:
        asked = "; ".join(_(MATERIAL_LABELS[m]) for m in reading.material)
        lines.append(_("They ask for: {items}.").format(items=asked))
    if reading.sender is not None and (reading.sender.name or reading.sender.email):
        sender = reading.sender
        who = format_person(sender.name or sender.email or "", sender.title, sender.email)
        if not sender.name:
            who = sender.email or ""
        lines.append(_("From: {person}.").format(person=who))
    if reading.stop:
        lines.append(
            _(
                "They ask not to be contacted again: confirming ends every follow-up for "
                "{interview}."
            ).format(interview=ref)
        )
    return [" ".join(lines)]


def choices(reading: Reading, number: int, tz: ZoneInfo) -> list[Action]:
    """One press each: the reading (or, unsure, the likeliest ones), then "None of these"."""
    kinds = [reading.kind] if reading.sure else [reading.kind, *reading.others][:MAX_KINDS]
    actions: list[Action] = []
    for kind in dict.fromkeys(kinds):
        label = _(KIND_LABELS[kind])
        if reading.sure:
            label = _("Yes: {kind}").format(kind=label)
        slots: Sequence[Slot | None] = (
            reading.slots[:MAX_SLOTS] if kind is ReplyKind.NEXT_ROUND and reading.slots else [None]
        )
        for slot in slots:
            shown = label
            if slot is not None:
                when = format_local(slot.starts_at, tz)
                shown = f"{_(KIND_LABELS[kind])}: {when}"
            value = confirm_value(number, kind, reading, tz, slot=slot)
            style = "primary" if reading.sure else None
            actions.append(Action(CONFIRM, shown, value, style))
    actions.append(Action("replied", _("None of these"), f"#{number}"))
    return actions


def confirm_value(
    number: int, kind: ReplyKind, reading: Reading, tz: ZoneInfo, *, slot: Slot | None = None
) -> str:
    """The confirm button's value: what `reply_ok` needs, never more than `VALUE_BUDGET`."""
    words = [f"#{number}", kind.value]
    if reading.stop:
        words.append("stop")  # never dropped: it ends every follow-up
    if kind in DATED and reading.until is not None:
        words.append(f"on={_day(reading.until, tz).isoformat()}")
    if slot is not None:
        words.append(f"at={slot.starts_at.astimezone(UTC):%Y-%m-%dT%H:%MZ}")
    optional: list[list[str]] = []
    if slot is not None and slot.ends_at is not None:
        minutes = int((slot.ends_at - slot.starts_at).total_seconds() // 60)
        if 0 < minutes <= 24 * 60:
            optional.append([f"length={minutes}m"])
    if kind is ReplyKind.MATERIAL and reading.material:
        optional.append(["ask=" + ",".join(MATERIAL_CODES[m] for m in reading.material)])
    if reading.sender is not None:
        optional.append(_sender_words(reading.sender, budget=VALUE_BUDGET))
    for extra in optional:
        for end in range(len(extra), 0, -1):  # a sender loses its title, then its email
            if len(" ".join([*words, *extra[:end]])) <= VALUE_BUDGET:
                words += extra[:end]
                break
    return " ".join(words)  # what must go in (number, kind, stop, date) is 48 at most


def _sender_words(sender: Sender, *, budget: int) -> list[str]:
    """`from="Name"`, `email=`, `title="..."`: most useful first, each quoted if spaced."""
    words = []
    if sender.name:
        words.append(f"from={_quoted(sender.name)}")
    if sender.email and " " not in sender.email:
        words.append(f"email={sender.email}")
    if sender.title and sender.name:
        words.append(f"title={_quoted(sender.title)}")
    return [w for w in words if len(w) < budget]


def _quoted(text: str) -> str:
    clean = text.replace('"', "").replace("\\", "").strip()
    return f'"{clean}"' if " " in clean or not clean else clean


def confirmed(args: ParsedArgs, number_usage: str) -> tuple[int, Confirmed]:
    """The reading a pressed (or typed) `reply_ok` carries, checked word by word."""
    words = list(args.positionals)
    if len(words) < 2:
        raise UserError(
            _("Which interview, and what kind of reply?"),
            hint=_("Like: {command}").format(command=number_usage),
        )
    number = parse_ref(words[0])
    try:
        kind = ReplyKind(words[1].casefold())
    except ValueError:
        raise UserError(
            _("I don't know the kind of reply '{kind}'.").format(kind=words[1]),
            hint=_("Use one of: {kinds}.").format(kinds=", ".join(ReplyKind)),
        ) from None
    opts = args.options
    sender = None
    if opts.get("from") or opts.get("email"):
        sender = Sender(opts.get("from") or None, opts.get("email") or None, opts.get("title"))
    return number, Confirmed(
        kind=kind,
        on=_date(opts.get("on")),
        at=_time(opts.get("at")),
        length=parse_duration(opts["length"]) if opts.get("length") else None,
        material=tuple(_BY_CODE[c] for c in (opts.get("ask") or "").split(",") if c in _BY_CODE),
        stop="stop" in (w.casefold() for w in words[2:]),
        sender=sender,
    )


def _day(at: datetime, tz: ZoneInfo) -> date:
    return at.astimezone(tz).date()


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(
            _("'{typed}' isn't a date like 2026-12-10.").format(typed=text[:20])
        ) from None


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        at = None
    if at is None or at.tzinfo is None:
        raise UserError(_("'{typed}' isn't a time like 2026-12-10T14:00Z.").format(typed=text[:20]))
    return at.astimezone(UTC)
