"""Drafts built from what happened in the interview, one per interviewer where it matters."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.chat import DraftBlock
from bot.domain.people import split_list
from bot.domain.policy import Kind
from bot.services.deps import Deps
from bot.services.followups import KIND_LABELS
from bot.storage.models import Interview, Interviewer, Member

DAYS_SAID_BY_WEEKDAY = 6


class DraftService:
    """Renders the member's drafts from their interview records."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def draft(
        self,
        member: Member,
        interview: Interview,
        kind: Kind,
        interviewer: Interviewer | None,
    ) -> DraftBlock:
        """One draft of `kind` for `interview`, addressed to `interviewer` when given."""
        renderer = self.deps.renderer
        template = kind.value if renderer.has(kind.value) else Kind.STATUS_CHECK.value
        rendered = renderer.render(template, self._context(member, interview, interviewer))
        who = f" to {interviewer.name}" if interviewer else ""
        title = f"Draft {KIND_LABELS[kind]}{who} (#{interview.number} {interview.company})"
        return DraftBlock(
            title=title,
            to=interviewer.email if interviewer else None,
            subject=rendered.subject,
            body=rendered.body,
        )

    def _context(
        self, member: Member, interview: Interview, interviewer: Interviewer | None
    ) -> dict[str, Any]:
        person = None
        if interviewer is not None:
            person = {
                "name": interviewer.name,
                "first_name": interviewer.name.split()[0],
                "title": interviewer.title,
                "discussed": interviewer.discussed,
            }
        return {
            "company": interview.company,
            "role": interview.role,
            "stage": interview.stage,
            "interviewer": person,
            "when_phrase": self._when_phrase(member, interview.starts_at),
            "topics": split_list(interview.topics or ""),
            "qualifications": interview.qualifications,
            "promised_by_me": interview.promised_by_me,
            "promised_by_them": interview.promised_by_them,
            "signature": member.signature or member.display_name or "",
        }

    def _when_phrase(self, member: Member, at: datetime) -> str:
        tz = self.deps.zone_of(member)
        day = at.astimezone(tz).date()
        today = self.deps.clock.now().astimezone(tz).date()
        days = (today - day).days
        if days == 0:
            return "today"
        if days == 1:
            return "yesterday"
        if 1 < days <= DAYS_SAID_BY_WEEKDAY:
            return f"on {day:%A}"
        return f"on {day.day} {day:%B}"
