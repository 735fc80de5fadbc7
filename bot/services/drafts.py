"""Drafts built from what happened in the interview, proofread before the member sees them."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.chat import DraftBlock
from bot.domain.attribution import split_attributed
from bot.domain.names import person_name
from bot.domain.policy import Kind
from bot.drafting.compose import compose_links
from bot.drafting.proofread import ProofContext, proofread
from bot.drafting.render import Draft, DraftRenderer, trim_end
from bot.services import draft_context
from bot.services.deps import Deps
from bot.services.draft_context import Moment
from bot.services.followups import KIND_LABELS
from bot.services.interviews import DETAIL_FIELDS
from bot.storage.models import Interview, Interviewer, Member

_SIGNATURE_SPLIT = re.compile(r"\s*(?:\n|\|)\s*")


@dataclass(frozen=True)
class Target:
    """One draft to write: what kind, to whom, and (for nudges) which one in the series."""

    kind: Kind
    interviewer: Interviewer | None
    sequence: int = 1


class DraftService:
    """Renders the member's drafts from their interview records."""

    def __init__(
        self, deps: Deps, renderer_for: Callable[[Member], DraftRenderer] | None = None
    ) -> None:
        self.deps = deps
        # Which renderer a member's drafts come from: their group's templates or ours.
        self._renderer_for = renderer_for or (lambda _member: deps.renderer)

    def renderer_for(self, member: Member) -> DraftRenderer:
        """The renderer the member's drafts come from (their group's templates, or ours)."""
        return self._renderer_for(member)

    def context(
        self, member: Member, interview: Interview, target: Target, extra: Mapping[str, str]
    ) -> dict[str, Any]:
        """The variables a template gets; group templates are checked against these names."""
        return self._context(member, interview, _addressed(interview, target), extra)

    def drafts(
        self,
        member: Member,
        interview: Interview,
        targets: Sequence[Target],
        extra: Mapping[str, str] | None = None,
    ) -> list[DraftBlock]:
        """Render each target and proofread it, comparing panelists' notes with each other."""
        targets = [_addressed(interview, _fitting(interview, t)) for t in targets]
        rendered = [(t, self._render(member, interview, t, extra or {})) for t in targets]
        blocks = []
        for target, draft in rendered:
            others = tuple(d.body for t, d in rendered if t.kind == target.kind and d is not draft)
            blocks.append(self._block(member, interview, target, draft, others))
        return blocks

    def _render(
        self, member: Member, interview: Interview, target: Target, extra: Mapping[str, str]
    ) -> Draft:
        renderer = self.renderer_for(member)
        kind = target.kind.value if renderer.has(target.kind.value) else Kind.STATUS_CHECK.value
        context = self._context(member, interview, target, extra)
        return renderer.render(kind, context, signature_lines(member))

    def _block(
        self,
        member: Member,
        interview: Interview,
        target: Target,
        draft: Draft,
        others: tuple[str, ...],
    ) -> DraftBlock:
        person = target.interviewer
        names = person_name(person.name, person.greet_as) if person else None
        check = ProofContext(
            kind=target.kind.value,
            interviewer_name=person.name if person else None,
            greeting_name=names.greet if names else None,
            honorific=names.honorific if names else None,
            addressee_forms=names.forms if names else (),
            specifics=_specifics(interview, person),
            known_terms=_known_terms(member, interview),
            member_terms=_member_terms(interview),
            others=others,
            interview_ended_at=interview.ends_at,
            now=self.deps.clock.now(),
            last_message_at=_last_message(interview),
            status_checks_sent=_sent_count(interview, Kind.STATUS_CHECK),
            sent=_already_sent(interview, target),
            stage=interview.stage,
        )
        findings = proofread(draft.subject, draft.body, check)
        if draft.linkedin:
            short = ProofContext(
                linkedin=True, known_terms=check.known_terms, member_terms=check.member_terms
            )
            findings += [
                f for f in proofread("LinkedIn", draft.linkedin, short) if f.level == "error"
            ]
        who = f" to {person.name}" if person else ""
        to = person.email if person else None
        where = f"#{interview.number} {interview.company}"
        return DraftBlock(
            title=f"Draft {KIND_LABELS[target.kind]}{who} ({where})",
            to=to,
            subject=draft.subject,
            body=draft.body,
            findings=tuple(findings),
            links=compose_links(to, draft.subject, draft.body),
            linkedin=draft.linkedin,
        )

    def _context(
        self, member: Member, interview: Interview, target: Target, extra: Mapping[str, str]
    ) -> dict[str, Any]:
        signature = signature_lines(member)
        return draft_context.build(
            interview,
            target.interviewer,
            target.kind,
            target.sequence,
            moment=Moment(self.deps.clock.now(), self.deps.zone_of(member)),
            tone=self.deps.tone_of(member),
            member_name=signature[0] if signature else "",
            extra=extra,
        )


def _fitting(interview: Interview, target: Target) -> Target:
    """After an informational chat there is no application to ask about: stay in touch."""
    if target.kind is Kind.STATUS_CHECK and interview.stage == "informational":
        return Target(Kind.KEEP_IN_TOUCH, target.interviewer, target.sequence)
    return target


def _addressed(interview: Interview, target: Target) -> Target:
    """Address a note about the whole process to one person, by name.

    Only a thank-you is per interviewer; the rest go to the person the member chose
    (`draft #3 offer Hana`), else the contact person, else the first person met: a named
    person reads better than 'hiring team' (the guidance: address each interviewer by name).
    Promised material goes to the one person the promises were made to, when they say so.
    """
    if target.interviewer is not None:
        return target
    person = draft_context.lead_of(interview)
    if target.kind is Kind.PROMISED_MATERIAL:
        person = draft_context.promised_to(interview) or person
    return target if person is None else Target(target.kind, person, target.sequence)


def signature_lines(member: Member) -> list[str]:
    """The member's signature, one item per line ('|' or newlines separate them)."""
    if member.signature:
        return [line for line in _SIGNATURE_SPLIT.split(member.signature) if line]
    return [member.display_name] if member.display_name else []


def _words(text: str | None) -> str | None:
    """A member's note ready to sit inside one of our sentences."""
    return trim_end(text) or None if text else None


def _specifics(interview: Interview, person: Interviewer | None) -> tuple[str, ...]:
    """What this person's note should mention: their own notes, else the panel's topics."""
    topics = split_attributed(interview.topics, interview.interviewers)
    own = [t for who, t in topics if person is not None and who is person]
    if person is not None and person.discussed:
        own.insert(0, person.discussed)
    return tuple(own or [t for who, t in topics if who is None])


def _known_terms(member: Member, interview: Interview) -> tuple[str, ...]:
    """Names, company, role and titles: never flagged as misspelled."""
    terms = [interview.company, interview.role or "", *signature_lines(member)]
    for person in interview.interviewers:
        terms += [person.name, person.title or ""]
    return tuple(t for t in terms if t)


def _member_terms(interview: Interview) -> tuple[str, ...]:
    """Everything the member wrote: spell-checked, but for what looks like names or jargon."""
    notes = [person.discussed or "" for person in interview.interviewers]
    notes += [getattr(interview, column) or "" for column, _label, _limit in DETAIL_FIELDS.values()]
    return tuple(t for t in notes if t)


def _already_sent(interview: Interview, target: Target) -> bool:
    """Whether the member marked this very note sent: then when to send it is moot."""
    person = target.interviewer
    for f in interview.follow_ups:
        if f.kind != target.kind or f.state != "done":
            continue
        if target.kind is Kind.THANK_YOU:
            if person is not None and f.interviewer_id == person.id:
                return True
        elif f.sequence == target.sequence:
            return True
    return False


def _last_message(interview: Interview) -> datetime | None:
    sent = [f.done_at for f in interview.follow_ups if f.state == "done" and f.done_at]
    return max(sent) if sent else None


def _sent_count(interview: Interview, kind: Kind) -> int:
    return sum(1 for f in interview.follow_ups if f.kind == kind and f.state == "done")
