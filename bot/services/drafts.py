"""Drafts built from what happened in the interview, proofread before the member sees them."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.chat import DraftBlock
from bot.domain.languages import DEFAULT_LANGUAGE
from bot.domain.names import person_name
from bot.domain.policy import Kind
from bot.drafting.compose import compose_links
from bot.drafting.proofread import ProofContext, proofread
from bot.drafting.render import Draft, DraftRenderer
from bot.i18n import _
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
        self, deps: Deps, renderer_for: Callable[[Member, str], DraftRenderer] | None = None
    ) -> None:
        self.deps = deps
        # Which renderer a member's drafts in a language come from: their group's or ours.
        self._renderer_for = renderer_for or (
            lambda _member, language: deps.renderer.in_language(language)
        )

    def renderer_for(self, member: Member, language: str = DEFAULT_LANGUAGE) -> DraftRenderer:
        """The renderer the member's drafts in `language` come from (their group's, or ours)."""
        return self._renderer_for(member, language)

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
        targets = [
            _addressed(interview, each)
            for t in targets
            for each in _per_recipient(interview, _fitting(interview, t))
        ]
        rendered = []
        for target in targets:
            context = self._context(member, interview, target, extra or {})
            rendered.append((target, context, self._render(member, target, context)))
        blocks = []
        for target, context, draft in rendered:
            others = tuple(
                d.body for t, _, d in rendered if t.kind == target.kind and d is not draft
            )
            specifics = tuple(filter(None, [context["discussed"]])) or tuple(context["topics"])
            blocks.append(
                self._block(
                    member,
                    interview,
                    target,
                    draft,
                    others=others,
                    specifics=specifics,
                    language=context["language"],
                )
            )
        return blocks

    def subject(self, member: Member, interview: Interview, target: Target) -> str:
        """The subject `target`'s draft would have, written without the member's notes.

        For what leaves the chat (the calendar feed): a template may put a note in the
        subject (promised material names the item), and notes stay with the member.
        """
        target = _addressed(interview, _fitting(interview, target))
        context = draft_context.without_notes(self._context(member, interview, target, {}))
        return self._render(member, target, context).subject

    def _render(self, member: Member, target: Target, context: Mapping[str, Any]) -> Draft:
        renderer = self.renderer_for(member, context["language"])
        kind = target.kind.value if renderer.has(target.kind.value) else Kind.STATUS_CHECK.value
        return renderer.render(kind, context, signature_lines(member))

    def _block(
        self,
        member: Member,
        interview: Interview,
        target: Target,
        draft: Draft,
        *,
        others: tuple[str, ...],
        specifics: tuple[str, ...],
        language: str,
    ) -> DraftBlock:
        """The draft as the member sees it, with the proofreader's findings.

        `others`: the same kind's other drafts (panel notes); `specifics`: what this note
        should mention, from its context.
        """
        person = target.interviewer
        names = person_name(person.name, person.greet_as) if person else None
        check = ProofContext(
            kind=target.kind.value,
            interviewer_name=person.name if person else None,
            greeting_name=names.greet if names else None,
            honorific=names.honorific if names else None,
            addressee_forms=names.forms if names else (),
            specifics=specifics,
            known_terms=_known_terms(member, interview),
            member_terms=_member_terms(interview),
            others=others,
            interview_ended_at=interview.ends_at,
            now=self.deps.clock.now(),
            last_message_at=_last_message(interview),
            status_checks_sent=_sent_count(interview, Kind.STATUS_CHECK),
            sent=_already_sent(interview, target),
            stage=interview.stage,
            language=language,
        )
        findings = proofread(draft.subject, draft.body, check)
        if draft.linkedin:
            short = ProofContext(
                linkedin=True,
                known_terms=check.known_terms,
                member_terms=check.member_terms,
                language=language,
            )
            findings += proofread("LinkedIn", draft.linkedin, short, errors_only=True)
        to = person.email if person else None
        kind = _(KIND_LABELS[target.kind])
        where = f"#{interview.number} {interview.company}"
        if person:
            title = _("Draft {kind} to {name} ({where})").format(
                kind=kind, name=person.name, where=where
            )
        else:
            title = _("Draft {kind} ({where})").format(kind=kind, where=where)
        return DraftBlock(
            title=title,
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
            moment=Moment(
                self.deps.clock.now(),
                self.deps.zone_of(member),
                self.deps.language_of(member, interview),
            ),
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
    """
    if target.interviewer is not None:
        return target
    person = draft_context.lead_of(interview)
    return target if person is None else Target(target.kind, person, target.sequence)


def _per_recipient(interview: Interview, target: Target) -> list[Target]:
    """Promised material to each person a promise was made to ("Hana: the deck; Ana: ...")."""
    if target.kind is not Kind.PROMISED_MATERIAL or target.interviewer is not None:
        return [target]
    return [
        Target(target.kind, person, target.sequence)
        for person in draft_context.promised_to(interview)
    ]


def signature_lines(member: Member) -> list[str]:
    """The member's signature, one item per line ('|' or newlines separate them)."""
    if member.signature:
        return [line for line in _SIGNATURE_SPLIT.split(member.signature) if line]
    return [member.display_name] if member.display_name else []


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
