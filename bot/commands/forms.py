"""Forms for logging, editing and debriefing: one neutral description, rendered per platform."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.chat import Form, FormField
from bot.services.interviews import STAGES
from bot.storage.models import Interview


def interview_form(interview: Interview | None, tz: ZoneInfo) -> Form:
    """The log form, or the edit form filled in with what `interview` already says."""
    local = interview.starts_at.astimezone(tz) if interview else None
    people = "; ".join(
        p.name + (f" ({p.title})" if p.title else "") + (f" <{p.email}>" if p.email else "")
        for p in (interview.interviewers if interview else [])
    )
    fields = (
        FormField(
            "company", "Company", required=True, max_length=200, initial=_v(interview, "company")
        ),
        FormField("role", "Role", max_length=200, initial=_v(interview, "role")),
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
            "Interviewers (Name (Title) <email>; ...)",
            kind="long_text",
            max_length=2000,
            initial=people or None,
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


def notes_form(interview: Interview) -> Form:
    """The debrief: what was discussed, with whom, and who promised what."""
    about = "\n".join(f"{p.name}: {p.discussed or ''}" for p in interview.interviewers)
    fields = (
        FormField(
            "topics",
            "Topics discussed (one per line)",
            kind="long_text",
            max_length=2000,
            initial=_v(interview, "topics"),
        ),
        FormField(
            "about",
            "What each interviewer talked about (Name: ...)",
            kind="long_text",
            max_length=4000,
            initial=about or None,
        ),
        FormField(
            "strengths",
            "Qualifications to reinforce",
            kind="long_text",
            max_length=2000,
            initial=_v(interview, "qualifications"),
        ),
        FormField(
            "promised",
            "What you promised to send",
            max_length=1000,
            initial=_v(interview, "promised_by_me"),
        ),
        FormField(
            "they_promised",
            "What they promised (e.g. a decision by Friday)",
            max_length=1000,
            initial=_v(interview, "promised_by_them"),
        ),
        FormField(
            "questions",
            "Open questions",
            kind="long_text",
            max_length=2000,
            initial=_v(interview, "open_questions"),
        ),
        FormField(
            "clarify",
            "An answer you want to clarify",
            kind="long_text",
            max_length=2000,
            initial=_v(interview, "clarification"),
        ),
    )
    return Form("notes", f"Notes on #{interview.number}", fields, context=f"#{interview.number}")


def _v(interview: Interview | None, column: str) -> str | None:
    value = getattr(interview, column) if interview is not None else None
    return str(value) if value else None
