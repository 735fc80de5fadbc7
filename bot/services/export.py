"""`/interview export`: everything stored about one member, as JSON and as CSV files.

The JSON is complete (every column of every row the member owns, read through their own
`Member` row, so nothing of another member can appear); the CSVs are the spreadsheet view
with a stable column set. Internal bookkeeping that says nothing about the member (row
ids, delivery leases, dedupe keys, platform message references) is left out.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.chat import Attachment
from bot.domain.people import format_person
from bot.storage import repositories as repo
from bot.storage.models import Base, FollowUp, Interview, Interviewer, Member, Reminder

FORMAT = "followup-export/1"
# Columns that are bookkeeping, not information about the member.
INTERNAL = frozenset({"id", "next_number", "position", "lease_until", "lease_token", "dedupe_key"})
INTERNAL_BY_TABLE = {"reminder": frozenset({"message_ref"})}

INTERVIEW_COLUMNS = (
    "number",
    "company",
    "role",
    "stage",
    "status",
    "paused",
    "paused_until",
    "starts_at",
    "ends_at",
    "format",
    "decision_expected_on",
    "last_contact_at",
    "job_url",
    "interviewers",
    "contact",
    "topics",
    "highlights",
    "qualifications",
    "open_questions",
    "clarification",
    "promised_by_me",
    "promised_due_at",
    "promised_by_them",
    "notes",
    "created_at",
    "updated_at",
)
FOLLOW_UP_COLUMNS = (
    "interview_number",
    "company",
    "kind",
    "interviewer",
    "sequence",
    "state",
    "due_at",
    "deadline_at",
    "snoozed_until",
    "done_at",
    "done_how",
    "next_reminder_at",
)
# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class MemberExport:
    """What `/interview export` sends: the data, and the counts the reply mentions."""

    data: dict[str, Any]
    interviews: int
    follow_ups: int
    exported_at: datetime

    def attachments(self) -> list[Attachment]:
        """The JSON (complete) and two CSVs (interviews, follow-ups), named by date."""
        day = f"{self.exported_at:%Y-%m-%d}"
        interviews: list[dict[str, Any]] = self.data["interviews"]
        return [
            Attachment(f"followup-export-{day}.json", to_json(self.data), "application/json"),
            Attachment(
                f"followup-interviews-{day}.csv",
                to_csv(INTERVIEW_COLUMNS, (_interview_row(i) for i in interviews)),
                "text/csv",
            ),
            Attachment(
                f"followup-follow-ups-{day}.csv",
                to_csv(FOLLOW_UP_COLUMNS, _follow_up_rows(interviews)),
                "text/csv",
            ),
        ]


def export_member(session: Session, member: Member, now: datetime) -> MemberExport:
    """Everything stored about `member`, reached only through their own rows."""
    interviews = repo.interviews_of(session, member)
    workspace = member.workspace
    data: dict[str, Any] = {
        "format": FORMAT,
        "exported_at": _value(now),
        "member": {
            "platform": workspace.platform,
            "workspace": workspace.external_id,
            **_columns(member),
        },
        "interviews": [_interview(interview) for interview in interviews],
    }
    count = sum(len(i.follow_ups) for i in interviews)
    return MemberExport(data, len(interviews), count, now)


def to_json(data: Mapping[str, Any]) -> bytes:
    """Readable UTF-8 JSON."""
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()


def to_csv(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> bytes:
    """UTF-8 CSV with a byte-order mark, so spreadsheets read accents; formulas defused."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(row.get(key)) for key in columns})
    return out.getvalue().encode("utf-8-sig")


def _interview(interview: Interview) -> dict[str, Any]:
    contact: Interviewer | None = interview.contact
    return {
        **_columns(interview),
        "contact": contact.name if contact is not None else None,
        "interviewers": [_columns(person) for person in interview.interviewers],
        "follow_ups": [
            _follow_up(f) for f in sorted(interview.follow_ups, key=lambda f: (f.due_at, f.id))
        ],
    }


def _follow_up(follow_up: FollowUp) -> dict[str, Any]:
    person: Interviewer | None = follow_up.interviewer
    reminders: list[Reminder] = sorted(follow_up.reminders, key=lambda r: (r.remind_at, r.id))
    return {
        **_columns(follow_up),
        "interviewer": person.name if person is not None else None,
        "reminders": [_columns(reminder) for reminder in reminders],
    }


def _columns(row: Base) -> dict[str, Any]:
    """Every column of `row` except keys and bookkeeping, so new columns are exported too."""
    skip = INTERNAL | INTERNAL_BY_TABLE.get(str(row.__tablename__), frozenset())
    return {
        column.key: _value(getattr(row, column.key))
        for column in row.__table__.columns
        if column.key not in skip and not column.foreign_keys
    }


def _value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _interview_row(interview: Mapping[str, Any]) -> dict[str, Any]:
    return {**interview, "interviewers": "\n".join(map(_person, interview["interviewers"]))}


def _person(person: Mapping[str, Any]) -> str:
    text = format_person(person["name"], person["title"], person["email"], person["greet_as"])
    if person.get("discussed"):
        text += f": {person['discussed']}"
    return text


def _follow_up_rows(interviews: Iterable[Mapping[str, Any]]) -> Iterable[dict[str, Any]]:
    for interview in interviews:
        for follow_up in interview["follow_ups"]:
            waiting = [r["remind_at"] for r in follow_up["reminders"] if r["state"] == "scheduled"]
            yield {
                **follow_up,
                "interview_number": interview["number"],
                "company": interview["company"],
                "next_reminder_at": min(waiting) if waiting else None,
            }


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
