"""`reply` with no interview named: a form that asks which interview, beside the email.

A Slack message shortcut or a Discord message command hands over an employer's email but
not the interview it answers, and `/interview reply` typed alone names neither. The form
offers the member's interviews, open ones first and the newest first among them; the email
field is the one `paste_form` has, which an adapter may prefill with the message's text.
Each choice's value is the interview's number (`#3`), its label what a member recognises it
by ("#3 Acme · Data Engineer").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.chat import MAX_FORM_TEXT, Choice, Form, FormField
from bot.domain.policy import Status
from bot.errors import UserError
from bot.i18n import _
from bot.storage.repositories import InterviewLine

PICK = "interview"
TEXT = "text"  # the email, under the key `paste_form` uses
MAX_CHOICES = 25  # a Discord select menu holds 25 options (Slack's, 100)
MAX_CHOICE = 75  # Slack's option text (Discord's label holds 100)
ENDED = frozenset({Status.REJECTED, Status.WITHDRAWN, Status.CLOSED})


def pick_form(lines: Sequence[InterviewLine], command: str) -> Form:
    """The interview to choose and the email to paste; preselected when only one is open.

    `command` is how to name one instead (`/interview log ...`), for a member with none.
    """
    if not lines:
        raise UserError(
            _("You haven't logged an interview yet, so there's none their reply could be about."),
            hint=_("Log it first: {command}").format(command=command),
        )
    ordered = sorted(lines, key=lambda i: (i.status in ENDED, -i.starts_at.timestamp()))
    choices = tuple(_choice(line) for line in ordered[:MAX_CHOICES])
    open_ones = [line for line in ordered if line.status not in ENDED]
    initial = f"#{open_ones[0].number}" if len(open_ones) == 1 else None
    return Form(
        "reply",
        _("Their reply"),
        (
            FormField(
                PICK,
                _("Which interview?"),
                kind="choice",
                required=True,
                choices=choices,
                initial=initial,
            ),
            FormField(
                TEXT, _("Their email"), kind="long_text", required=True, max_length=MAX_FORM_TEXT
            ),
        ),
        submit=_("Read it"),
    )


def picked(options: Mapping[str, str] | None) -> str:
    """The interview number (`#3`) chosen in the form, or "" when none was."""
    return (options or {}).get(PICK, "").strip()


def _choice(line: InterviewLine) -> Choice:
    label = f"#{line.number} {line.company}" + (f" · {line.role}" if line.role else "")
    clipped = label if len(label) <= MAX_CHOICE else label[: MAX_CHOICE - 1] + "…"
    return Choice(f"#{line.number}", clipped)
