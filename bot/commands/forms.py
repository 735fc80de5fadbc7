"""Forms for logging, editing and debriefing: one neutral description, rendered per platform.

Each input's limit is the one the service enforces, and never more than `MAX_FORM_TEXT`, so
what one platform's form accepts every platform can show again. Stored text longer than its
input (a debrief written before the limits met, several interviewers' notes together) is
never prefilled cut short: saving that form unchanged would delete the rest, so the form is
refused with the command that changes the text instead.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.chat import Choice, Form, FormField
from bot.domain.people import format_person
from bot.errors import UserError
from bot.i18n import N_, _
from bot.services.interviews import CORE_FIELDS, DETAIL_FIELDS, STAGES, option_key
from bot.storage.models import Interview

COMMAND = "/interview"


def interview_form(interview: Interview | None, tz: ZoneInfo) -> Form:
    """The log form, or the edit form filled in with what `interview` already says."""
    local = interview.starts_at.astimezone(tz) if interview else None
    people = "; ".join(
        format_person(p.name, p.title, p.email, p.greet_as)
        for p in (interview.interviewers if interview else [])
    )
    edit = f"{COMMAND} edit #{interview.number}" if interview else ""
    fields = (
        FormField(
            "company",
            _("Company"),
            required=True,
            max_length=CORE_FIELDS["company"],
            initial=_fit(
                _v(interview, "company"), "company", _("The company"), f'{edit} company="..."'
            ),
        ),
        FormField(
            "role",
            _("Role"),
            max_length=CORE_FIELDS["role"],
            initial=_fit(_v(interview, "role"), "role", _("The role"), f'{edit} role="..."'),
        ),
        FormField(
            "when_date", _("Date"), kind="date", initial=f"{local:%Y-%m-%d}" if local else None
        ),
        FormField(
            "when_time", _("Start time"), kind="time", initial=f"{local:%H:%M}" if local else None
        ),
        FormField(
            "stage",
            _("Stage"),
            kind="choice",
            choices=tuple(
                Choice(stage, _sentence_case(_(label))) for stage, label in STAGES.items()
            ),
            initial=interview.stage if interview else "phone_screen",
        ),
        FormField(
            "with",
            _("Interviewers: Name [Bob] (Title) <email>; ..."),
            kind="long_text",
            max_length=CORE_FIELDS["with"],
            initial=_fit(people or None, "with", _("The interviewers"), f'{edit} with="..."'),
        ),
        FormField(
            "decision",
            _("When they said they'd decide"),
            kind="date",
            initial=f"{interview.decision_expected_on:%Y-%m-%d}"
            if interview and interview.decision_expected_on
            else None,
        ),
    )
    if interview is None:
        return Form("log", _("Log an interview"), fields, submit=_("Log"))
    return Form(
        "edit",
        _("Edit {interview}").format(interview=f"#{interview.number}"),
        fields,
        context=f"#{interview.number}",
        submit=_("Save"),
    )


# The debrief's inputs: option key, label, single or multi-line.
NOTES_INPUTS = (
    ("topics", N_("Topics discussed (one per line)"), "long_text"),
    ("strengths", N_("Qualifications to reinforce"), "long_text"),
    ("promised", N_("What you promised to send"), "text"),
    ("they_promised", N_("What they promised (e.g. a decision by Friday)"), "text"),
    ("questions", N_("Open questions"), "long_text"),
    ("clarify", N_("An answer you want to clarify"), "long_text"),
)


def notes_form(interview: Interview) -> Form:
    """The debrief: what was discussed, with whom, and who promised what."""
    number = interview.number
    about = "\n".join(f"{p.name}: {p.discussed or ''}" for p in interview.interviewers)
    first = option_key(interview.interviewers[0]) if interview.interviewers else None
    by_name = _("{command} (one interviewer at a time)").format(
        command=f'{COMMAND} notes #{number} {first or "jane"}="..."'
    )
    fields = [
        FormField(
            key,
            _(label),
            kind=kind,
            max_length=DETAIL_FIELDS[key][2],
            initial=_fit(
                _v(interview, DETAIL_FIELDS[key][0]),
                key,
                _("Your '{key}' note").format(key=key),
                f'{COMMAND} notes #{number} {key}="..."',
            ),
        )
        for key, label, kind in NOTES_INPUTS
    ]
    fields.insert(
        1,
        FormField(
            "about",
            _("What each interviewer talked about (Name: ...)"),
            kind="long_text",
            max_length=CORE_FIELDS["about"],
            initial=_fit(about or None, "about", _("What your interviewers talked about"), by_name),
        ),
    )
    return Form(
        "notes",
        _("Notes on {interview}").format(interview=f"#{number}"),
        tuple(fields),
        context=f"#{number}",
        submit=_("Save"),
    )


def _fit(value: str | None, key: str, what: str, route: str) -> str | None:
    """`value` to prefill the input for `key`, or a refusal when the input cannot hold it."""
    limit = CORE_FIELDS.get(key) or DETAIL_FIELDS[key][2]
    if value is None or len(value) <= limit:
        return value
    raise UserError(
        _(
            "{what} is {count:,} characters, more than the {limit:,} a form can hold, so "
            "I won't open the form: saving it would cut off the rest."
        ).format(what=what, count=len(value), limit=limit),
        hint=_("Change it with the command instead: {command}").format(command=route),
    )


def _v(interview: Interview | None, column: str) -> str | None:
    value = getattr(interview, column) if interview is not None else None
    return str(value) if value else None


def _sentence_case(label: str) -> str:
    """A label as a menu item starts: its first letter a capital, the rest as written."""
    return label[:1].upper() + label[1:]
