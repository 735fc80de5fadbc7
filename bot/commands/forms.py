"""Forms for logging, editing and debriefing: one neutral description, rendered per platform.

Each input's limit is the one the service enforces, and never more than `MAX_FORM_TEXT`, so
what one platform's form accepts every platform can show again. Stored text longer than its
input (a debrief written before the limits met, several interviewers' notes together) is
never prefilled cut short: saving that form unchanged would delete the rest, so the form is
refused with the command that changes the text instead.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.chat import Form, FormField
from bot.domain.people import format_person
from bot.errors import UserError
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
            "Company",
            required=True,
            max_length=CORE_FIELDS["company"],
            initial=_fit(
                _v(interview, "company"), "company", "The company", f'{edit} company="..."'
            ),
        ),
        FormField(
            "role",
            "Role",
            max_length=CORE_FIELDS["role"],
            initial=_fit(_v(interview, "role"), "role", "The role", f'{edit} role="..."'),
        ),
        FormField("when_date", "Date", kind="date", initial=f"{local:%Y-%m-%d}" if local else None),
        FormField(
            "when_time", "Start time", kind="time", initial=f"{local:%H:%M}" if local else None
        ),
        FormField(
            "stage",
            "Stage",
            kind="choice",
            choices=tuple(STAGES),
            initial=interview.stage if interview else "phone_screen",
        ),
        FormField(
            "with",
            "Interviewers: Name [Bob] (Title) <email>; ...",
            kind="long_text",
            max_length=CORE_FIELDS["with"],
            initial=_fit(people or None, "with", "The interviewers", f'{edit} with="..."'),
        ),
        FormField(
            "decision",
            "When they said they'd decide",
            kind="date",
            initial=f"{interview.decision_expected_on:%Y-%m-%d}"
            if interview and interview.decision_expected_on
            else None,
        ),
    )
    if interview is None:
        return Form("log", "Log an interview", fields, submit="Log")
    return Form("edit", f"Edit #{interview.number}", fields, context=f"#{interview.number}")


# The debrief's inputs: option key, label, single or multi-line.
NOTES_INPUTS = (
    ("topics", "Topics discussed (one per line)", "long_text"),
    ("strengths", "Qualifications to reinforce", "long_text"),
    ("promised", "What you promised to send", "text"),
    ("they_promised", "What they promised (e.g. a decision by Friday)", "text"),
    ("questions", "Open questions", "long_text"),
    ("clarify", "An answer you want to clarify", "long_text"),
)


def notes_form(interview: Interview) -> Form:
    """The debrief: what was discussed, with whom, and who promised what."""
    number = interview.number
    about = "\n".join(f"{p.name}: {p.discussed or ''}" for p in interview.interviewers)
    first = option_key(interview.interviewers[0]) if interview.interviewers else None
    by_name = f'{COMMAND} notes #{number} {first or "jane"}="..." (one interviewer at a time)'
    fields = [
        FormField(
            key,
            label,
            kind=kind,
            max_length=DETAIL_FIELDS[key][2],
            initial=_fit(
                _v(interview, DETAIL_FIELDS[key][0]),
                key,
                f"Your '{key}' note",
                f'{COMMAND} notes #{number} {key}="..."',
            ),
        )
        for key, label, kind in NOTES_INPUTS
    ]
    fields.insert(
        1,
        FormField(
            "about",
            "What each interviewer talked about (Name: ...)",
            kind="long_text",
            max_length=CORE_FIELDS["about"],
            initial=_fit(about or None, "about", "What your interviewers talked about", by_name),
        ),
    )
    return Form("notes", f"Notes on #{number}", tuple(fields), context=f"#{number}")


def _fit(value: str | None, key: str, what: str, route: str) -> str | None:
    """`value` to prefill the input for `key`, or a refusal when the input cannot hold it."""
    limit = CORE_FIELDS.get(key) or DETAIL_FIELDS[key][2]
    if value is None or len(value) <= limit:
        return value
    raise UserError(
        f"{what} is {len(value):,} characters, more than the {limit:,} a form can hold, so "
        "I won't open the form: saving it would cut off the rest.",
        hint=f"Change it with the command instead: {route}",
    )


def _v(interview: Interview | None, column: str) -> str | None:
    value = getattr(interview, column) if interview is not None else None
    return str(value) if value else None
