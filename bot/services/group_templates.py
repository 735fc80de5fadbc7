"""A career group's own draft templates: checked, saved, previewed, reverted, and used.

An admin replaces any draft kind with their group's house style. Nothing is saved until it
passes the static checks (`bot.drafting.template_check`), renders, in the same sandbox
members' drafts use, against sample interviews of several shapes, and none of those sample
drafts has a proofreading error (a placeholder left in, nobody named); the reply shows the
sample drafts with the proofreader's other remarks. Members of the group then get it, unless
they chose the built-in templates (`/interview settings templates=builtin`).

Drafts stay fast: each process keeps a small cache of renderers per group, keyed by the
group and a digest of its templates, and looks for changes at most every few seconds (at
once after a change made in this process).
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property

from sqlalchemy import event
from sqlalchemy.orm import Session, object_session

from bot.chat import MAX_FORM_TEXT, CommandRequest, DraftBlock, Form, FormField, Reply, Section
from bot.domain.languages import DEFAULT_LANGUAGE, parse_language
from bot.domain.policy import Kind
from bot.drafting.proofread import ERROR
from bot.drafting.render import DraftRenderer, group_environment
from bot.drafting.sandbox import GroupSandbox, Limits, TemplateRefused
from bot.drafting.template_check import MAX_SOURCE, Problem, check_template
from bot.errors import UserError
from bot.i18n import N_, _, labelled, ngettext
from bot.services.deps import Deps
from bot.services.drafts import DraftService, Target
from bot.services.followups import KIND_LABELS, parse_kind
from bot.services.sample_notes import SAMPLE_NOTES
from bot.storage import repositories as repo
from bot.storage.models import Interview, Interviewer, Member, Workspace

log = logging.getLogger(__name__)

CACHE_SIZE = 64
"""Groups whose renderers a process keeps ready."""

RECHECK_SECONDS = 5.0
"""How long a process trusts what it read of a group's templates (other processes' edits)."""

COMMAND = "/interview admin template"
MAX_TYPED = 4000  # what a command line can hold (bot/commands/args.py)
MAX_PROBLEMS = 8
PREVIEW = N_("Preview: {sample}")  # a sample draft's title
OWN, BUILT_IN = N_("your group's own"), N_("built-in")  # whose template a kind uses
_LANGUAGE = re.compile(r"language=(\S+)\s*", re.IGNORECASE)
_HEAD = re.compile(r"\s*(\S+)(?:\s+(\S+))?[ \t]*\r?\n?(.*)\Z", re.DOTALL)


@dataclass(frozen=True)
class Sample:
    """A made-up interview a template is test-rendered against before it is saved."""

    label: str
    member: Member
    interview: Interview
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Checked:
    """A template that passed every check, with the sample drafts it produced."""

    kind: Kind
    source: str
    previews: list[DraftBlock]

    @property
    def findings(self) -> int:
        """How many proofreading findings the sample drafts have."""
        return sum(len(block.findings) for block in self.previews)


class GroupTemplateService:
    """Everything about group templates; admin checks are the caller's (`admin` command)."""

    def __init__(self, deps: Deps, *, limits: Limits | None = None) -> None:
        self.deps = deps
        self.limits = limits  # the sandbox's budget per render; None: the defaults
        self.kinds = tuple(kind for kind in Kind if deps.renderer.has(kind.value))
        self._lock = threading.Lock()
        self._renderers: OrderedDict[tuple[int, str, str], DraftRenderer] = OrderedDict()
        self._read: dict[tuple[int, str], tuple[float, str, dict[str, str]]] = {}

    # --- members' drafts -----------------------------------------------------------------

    def renderer_for(self, member: Member, language: str = DEFAULT_LANGUAGE) -> DraftRenderer:
        """The renderer for a member's drafts: their group's templates, unless they chose ours.

        Reads only column values of `member`, so it also works for the detached members
        that delivery composes reminders for. A group's templates are English; a draft in
        another language comes from ours in that language, never from another language's.
        """
        ours = self.deps.renderer.in_language(language)
        if member.builtin_templates:
            return ours
        group_id = member.group_id or member.workspace_id
        digest, sources = self._sources(group_id, object_session(member), language)
        if not sources:
            return ours
        key = (group_id, language, digest)
        with self._lock:
            renderer = self._renderers.get(key)
            if renderer is not None:
                self._renderers.move_to_end(key)
                return renderer
        overrides = {f"{kind}.txt.j2": source for kind, source in sources.items()}
        renderer = ours.with_overrides(overrides, fallback=True, limits=self.limits)
        with self._lock:
            self._renderers[key] = renderer
            while len(self._renderers) > CACHE_SIZE:
                self._renderers.popitem(last=False)
        return renderer

    def _sources(
        self, group_id: int, session: Session | None, language: str
    ) -> tuple[str, dict[str, str]]:
        now = time.monotonic()
        with self._lock:
            known = self._read.get((group_id, language))
        if known is not None and now - known[0] < RECHECK_SECONDS:
            return known[1], known[2]
        if session is not None:
            rows = repo.group_templates(session, group_id, language)
            sources = {row.kind: row.source for row in rows}
        else:
            with self.deps.db.reading() as reader:
                rows = repo.group_templates(reader, group_id, language)
                sources = {row.kind: row.source for row in rows}
        digest = hashlib.sha256(repr(sorted(sources.items())).encode()).hexdigest()
        with self._lock:
            self._read[(group_id, language)] = (now, digest, sources)
            if len(self._read) > CACHE_SIZE * 4:
                self._read.pop(next(iter(self._read)))
        return digest, sources

    def _forget(self, group_id: int) -> None:
        with self._lock:
            for key in [key for key in self._read if key[0] == group_id]:
                del self._read[key]

    def _forget_after_commit(self, session: Session, group_id: int) -> None:
        """Drop what this process read, now and once the change is visible to readers."""
        self._forget(group_id)
        event.listen(session, "after_commit", lambda _s: self._forget(group_id), once=True)

    # --- admins --------------------------------------------------------------------------

    def current(
        self, session: Session, group: Workspace, kind: Kind, language: str = DEFAULT_LANGUAGE
    ) -> tuple[str, bool]:
        """The source members of `group` get for `kind` in `language`, and whether it's theirs."""
        own = repo.group_template(session, group, kind.value, language)
        if own is not None:
            return own.source, True
        return builtin_source(self.deps.renderer.in_language(language), kind), False

    def check(self, kind: Kind, source: str, language: str = DEFAULT_LANGUAGE) -> Checked:
        """Validate `source` for `kind` and test-render it; a `UserError` lists what to fix."""
        source = source.replace("\r\n", "\n").strip("\n")
        previews: list[DraftBlock] = []
        problems = check_template(
            source,
            variables=self.variables,
            lists=self._lists,
            mappings=self._mappings,
            env=self._env,
        )
        if not problems:
            previews, problems = self._try(kind, source, language)
        if not problems:
            problems = _errors_in(previews)
        if problems:
            shown = problems[:MAX_PROBLEMS]
            more = len(problems) - len(shown)
            lines = [f"• {p}" for p in shown]
            if more:
                lines.append("• " + _("...and {count} more").format(count=more))
            listing = "\n".join(lines)
            raise UserError(
                _("I couldn't save that {kind} template:\n{problems}\n").format(
                    kind=_(KIND_LABELS[kind]), problems=listing
                ),
                hint=_(
                    "Nothing was saved. Fix it and send it again; {command} shows the built-in "
                    "one to start from."
                ).format(command=f"{COMMAND} {kind.value}"),
                field="template",
            )
        return Checked(kind, source, previews)

    def save(
        self,
        session: Session,
        group: Workspace,
        kind: Kind,
        source: str,
        *,
        by: str,
        language: str = DEFAULT_LANGUAGE,
    ) -> Checked:
        """Check, then store the group's template for `kind` in `language`: in use at once."""
        checked = self.check(kind, source, language)
        now = self.deps.clock.now()
        repo.save_group_template(
            session, group, kind.value, checked.source, language=language, by=by, now=now
        )
        self._forget_after_commit(session, group.id)
        return checked

    def preview(
        self, session: Session, group: Workspace, kind: Kind, language: str = DEFAULT_LANGUAGE
    ) -> list[DraftBlock]:
        """Sample drafts from the template the group's members get for `kind` now."""
        source, own = self.current(session, group, kind, language)
        if not own:
            return self._drafts(self.deps.renderer.in_language(language), kind, language)
        previews, problems = self._try(kind, source, language)
        if problems:  # saved by an older, laxer version of the checks
            raise UserError(
                _("Your group's {kind} template no longer renders: {problem}").format(
                    kind=_(KIND_LABELS[kind]), problem=problems[0]
                ),
                hint=_("Members get the built-in one meanwhile. Fix it, or {command}.").format(
                    command=f"{COMMAND} {kind.value} revert"
                ),
            )
        return previews

    def revert(
        self, session: Session, group: Workspace, kind: Kind, language: str = DEFAULT_LANGUAGE
    ) -> bool:
        """Back to the built-in template for `kind` in `language`; whether the group had one."""
        removed = repo.delete_group_template(session, group, kind.value, language)
        if removed:
            self._forget_after_commit(session, group.id)
        return removed

    def own_kinds(self, session: Session, group: Workspace) -> dict[str, list[str]]:
        """The kinds the group has replaced, each with the languages it replaced them in."""
        own: dict[str, list[str]] = {}
        for row in repo.group_templates(session, group.id):
            own.setdefault(row.kind, []).append(row.language)
        return own

    # --- test renders --------------------------------------------------------------------

    def _try(
        self, kind: Kind, source: str, language: str = DEFAULT_LANGUAGE
    ) -> tuple[list[DraftBlock], list[Problem]]:
        renderer = self.deps.renderer.in_language(language).with_overrides(
            {f"{kind.value}.txt.j2": source}, limits=self.limits
        )
        try:
            return self._drafts(renderer, kind, language), []
        except _SampleFailed as failed:
            return [], [failed.problem]

    def _drafts(
        self, renderer: DraftRenderer, kind: Kind, language: str = DEFAULT_LANGUAGE
    ) -> list[DraftBlock]:
        service = DraftService(self.deps, lambda _member, _language: renderer)
        previews = []
        for index, english in enumerate(self.samples()):
            sample = _in_language(english, index, language)
            people: Sequence[Interviewer | None] = sample.interview.interviewers or [None]
            if kind is not Kind.THANK_YOU:
                people = people[:1]
            targets = [Target(kind, person) for person in people]
            try:
                blocks = service.drafts(sample.member, sample.interview, targets, sample.extra)
            except Exception as error:  # a group's template can fail in any way: show how
                raise _SampleFailed(_render_problem(error, _(sample.label))) from None
            previews += [
                DraftBlock(
                    title=_(PREVIEW).format(sample=_(sample.label)),
                    to=block.to,
                    subject=block.subject,
                    body=block.body,
                    findings=block.findings,
                )
                for block in blocks
            ]
        return previews

    def samples(self) -> list[Sample]:
        """Interviews of several shapes: stages, one or two interviewers or none, notes or not."""
        now = self.deps.clock.now()
        return [
            _sample(
                N_("phone screen, one interviewer, no notes"),
                now,
                tone="warm",
                company="Acme",
                role="Backend Engineer",
                stage="phone_screen",
                people=[("Jane Doe", "Engineering Manager", None)],
            ),
            _sample(
                N_("onsite, two interviewers, full notes"),
                now,
                tone="formal",
                company="Globex",
                role="Data Engineer",
                stage="onsite",
                people=[
                    ("Raj Patel", "Staff Engineer", "the Kafka migration"),
                    ("Mei Chen", "Product Manager", "the on-call rotation"),
                ],
                notes={
                    "topics": "system design; testing culture",
                    "qualifications": "streaming pipelines",
                    "clarification": "on caching, I would add a time-to-live",
                    "open_questions": "the team's roadmap",
                    "promised_by_me": "my portfolio",
                    "promised_by_them": "a decision by Friday",
                },
                extra={"news": "I finished my cloud certification", "until": "Friday"},
            ),
            _sample(
                N_("final round, nobody named, topics only"),
                now,
                tone="concise",
                company="Initech",
                role=None,
                stage="final",
                people=[],
                notes={"topics": "team culture"},
            ),
            _sample(
                N_("technical interview, one interviewer, notes"),
                now,
                tone="warm",
                company="Umbrella",
                role="Platform Engineer",
                stage="technical",
                people=[("Ana Silva", None, "the rate limiter exercise")],
                notes={"promised_by_me": "the code sample"},
            ),
        ]

    # Derived once from the code that builds contexts, so the checks never drift from it.

    @cached_property
    def _contexts(self) -> list[dict[str, object]]:
        service = DraftService(self.deps)
        return [
            service.context(s.member, s.interview, Target(kind, None), s.extra)
            for s in self.samples()
            for kind in self.kinds
        ]

    @cached_property
    def variables(self) -> frozenset[str]:
        """The names a template may use: the keys of the contexts drafts are rendered with."""
        return frozenset(key for context in self._contexts for key in context)

    @cached_property
    def _lists(self) -> frozenset[str]:
        return frozenset(
            key
            for context in self._contexts
            for key, value in context.items()
            if isinstance(value, list | tuple)
        )

    @cached_property
    def _mappings(self) -> frozenset[str]:
        return frozenset(
            key
            for context in self._contexts
            for key, value in context.items()
            if isinstance(value, dict)
        )

    @cached_property
    def _env(self) -> GroupSandbox:
        return group_environment()


class _SampleFailed(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _errors_in(previews: Sequence[DraftBlock]) -> list[Problem]:
    """The proofreader's errors in the sample drafts: what a member must fix before sending.

    A template that gives every member's draft the same error is refused; warnings and
    remarks are shown with the saved template, since our own drafts can earn them too.
    """
    before, _sample_label, after = _(PREVIEW).partition("{sample}")
    said = dict.fromkeys(
        _("With the sample interview '{sample}': {finding}").format(
            sample=block.title.removeprefix(before).removesuffix(after), finding=finding.text
        )
        for block in previews
        for finding in block.findings
        if finding.level == ERROR
    )
    return [Problem(text) for text in said]


def _in_language(sample: Sample, index: int, language: str) -> Sample:
    """The sample interview logged in `language`, with its notes typed in it."""
    notes = SAMPLE_NOTES.get(language, {}).get(index)
    if notes is None:
        return sample
    sample.interview.language = language
    for person, said in zip(
        sample.interview.interviewers, notes.get("discussed", []), strict=False
    ):
        person.discussed = said
    for column, text in notes.get("columns", {}).items():
        setattr(sample.interview, column, text)
    extra = notes.get("extra", sample.extra)
    return Sample(sample.label, sample.member, sample.interview, dict(extra))


def builtin_source(renderer: DraftRenderer, kind: Kind) -> str:
    """Our own template for `kind`, as an admin would start editing it."""
    return renderer.source(f"{kind.value}.txt.j2")


def _render_problem(error: Exception, sample: str) -> Problem:
    line = _template_line(error)
    if isinstance(error, TemplateRefused):
        what = _("it was stopped: {reason}").format(reason=error)
    elif isinstance(error, RecursionError):
        what = _("it calls itself without end")
    else:
        what = str(error) or type(error).__name__
        if "has no attribute" in what and "None" in what:
            what = _("{error} (guard it with {{% if ... %}}: not every interview has it)").format(
                error=what
            )
    return Problem(
        _("With the sample interview '{sample}', {problem}.").format(sample=sample, problem=what),
        line,
    )


def _template_line(error: BaseException) -> int | None:
    """The template line Jinja put in the traceback, if it did."""
    line = getattr(error, "lineno", None)
    if isinstance(line, int):
        return line
    tb = error.__traceback__
    found = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".txt.j2") or name == "<template>":
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def _sample(
    label: str,
    now: datetime,
    *,
    tone: str,
    company: str,
    role: str | None,
    stage: str,
    people: list[tuple[str, str | None, str | None]],
    notes: dict[str, str] | None = None,
    extra: dict[str, str] | None = None,
) -> Sample:
    """A transient member and interview (never added to a session, never stored)."""
    workspace = Workspace(platform="sample", external_id="sample", timezone="America/New_York")
    member = Member(
        workspace=workspace,
        user_id="sample",
        display_name="Ada Lovelace",
        timezone="America/New_York",
        tone=tone,
        builtin_templates=False,
    )
    ended = now - timedelta(hours=3)
    interview = Interview(
        number=1,
        company=company,
        role=role,
        stage=stage,
        starts_at=ended - timedelta(hours=1),
        ends_at=ended,
        status="held",
        interviewers=[
            Interviewer(position=i, name=name, title=title, discussed=discussed)
            for i, (name, title, discussed) in enumerate(people)
        ],
        follow_ups=[],
        **(notes or {}),
    )
    return Sample(label, member, interview, dict(extra or {}))


# --- the admin verb: `/interview admin template KIND [preview|revert|<source>]` ---------------


def template_command(
    service: GroupTemplateService, session: Session, group: Workspace, request: CommandRequest
) -> Reply:
    """Show, set (typed after the kind, or in the form), preview or revert a group template.

    Reads the raw text, not parsed options: a template is full of quotes, braces and `=`.
    """
    match = _HEAD.match(request.text)
    kind_word = match.group(2) if match else None
    rest = (match.group(3) if match else "").strip()
    if not kind_word:
        return _overview(service, session, group)
    kind = parse_kind(kind_word)
    if kind is None or kind not in service.kinds:
        raise UserError(
            _("I don't know the draft kind '{kind}'.").format(kind=kind_word),
            hint=_("Kinds: {kinds}.").format(kinds=", ".join(k.value for k in service.kinds)),
        )
    label = _(KIND_LABELS[kind])
    options = request.options or {}
    language, rest = _language_in(rest)
    if "template" in options:
        rest = options["template"]
    elif rest.casefold() == "preview":
        return Reply(
            blocks=[
                Section(
                    _("Your group's {kind} drafts, with sample interviews:").format(kind=label)
                ),
                *service.preview(session, group, kind, language),
            ]
        )
    elif rest.casefold() == "revert":
        if service.revert(session, group, kind, language):
            return Reply.text(
                _("Done: your group's members get the built-in {kind} again.").format(kind=label)
            )
        return Reply.text(
            _("Your group already uses the built-in {kind} template.").format(kind=label)
        )
    if not rest:
        return _show(service, session, group, kind, language)
    checked = service.save(session, group, kind, rest, by=request.member.user_id, language=language)
    proofread = (
        ngettext(
            "The proofreader has {count} remark(s) on the sample drafts below, none an "
            "error: worth a look before members see them.",
            "The proofreader has {count} remark(s) on the sample drafts below, none an "
            "error: worth a look before members see them.",
            checked.findings,
        ).format(count=checked.findings)
        if checked.findings
        else _("The proofreader found nothing to remark on in the sample drafts below.")
    )
    return Reply(
        blocks=[
            Section(
                _(
                    "Saved your group's {kind} template: members' drafts use it from now on "
                    "(members who chose templates=builtin keep ours). Back to ours with one "
                    "command: {command}"
                ).format(kind=label, command=f"{COMMAND} {kind.value} revert")
            ),
            Section(proofread),
            *checked.previews,
        ]
    )


def _language_in(rest: str) -> tuple[str, str]:
    """A leading `language=de` (which language's template), and the rest of the text."""
    found = _LANGUAGE.match(rest)
    if found is None:
        return DEFAULT_LANGUAGE, rest
    return parse_language(found.group(1)), rest[found.end() :]


def _overview(service: GroupTemplateService, session: Session, group: Workspace) -> Reply:
    own = service.own_kinds(session, group)
    lines = [
        "• "
        + labelled(kind.value, _(OWN) if kind.value in own else _(BUILT_IN))
        + (f" ({', '.join(own[kind.value])})" if kind.value in own else "")
        for kind in service.kinds
    ]
    return Reply.text(
        _("Your group's draft templates:"),
        "\n".join(lines),
        _(
            "See one (and edit it in a form) with {command} thank_you; replace it by typing the "
            "template after the kind; {command} thank_you preview shows sample drafts; "
            "{command} thank_you revert goes back to ours."
        ).format(command=COMMAND),
    )


def _show(
    service: GroupTemplateService, session: Session, group: Workspace, kind: Kind, language: str
) -> Reply:
    source, own = service.current(session, group, kind, language)
    label = _(KIND_LABELS[kind])
    whose = (
        _("Your group's own {kind} template (Jinja2; the first line is the subject):")
        if own
        else _("The built-in {kind} template (Jinja2; the first line is the subject):")
    )
    return Reply(
        blocks=[
            Section(whose.format(kind=label)),
            Section(f"```\n{source}\n```"),
            Section(
                _(
                    "Replace it by typing your version after {command}, or in the form. "
                    "Variables: {variables}. Limit: {typed} characters typed, {form} in the form."
                ).format(
                    command=f"{COMMAND} {kind.value}",
                    variables=", ".join(sorted(service.variables)),
                    typed=f"{min(MAX_SOURCE, MAX_TYPED):,}",
                    form=f"{MAX_FORM_TEXT:,}",
                )
            ),
        ],
        form=Form(
            command="admin",
            title=_("Group template"),
            fields=(
                FormField(
                    "template",
                    _("Your {kind} template (first line: Subject: ...)").format(kind=label)
                    if len(source) <= MAX_FORM_TEXT
                    else _(
                        "A new {kind} template (the current one is too long to show here)"
                    ).format(kind=label),
                    kind="long_text",
                    required=True,
                    max_length=MAX_FORM_TEXT,
                    initial=source if len(source) <= MAX_FORM_TEXT else None,
                ),
            ),
            context=f"template {kind.value}"
            + (f" language={language}" if language != DEFAULT_LANGUAGE else ""),
        ),
    )
