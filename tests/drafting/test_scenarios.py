"""Every draft kind, rendered from varied scenario files, checked for the properties that matter.

The assertions are properties, not exact text: each interviewer named in their own note and
no other's, every recorded specific used, promises present, within the word limits, and no
proofreading finding of level error.
"""

from __future__ import annotations

import re
import tomllib
from datetime import timedelta
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import DraftBlock
from bot.domain.policy import Kind
from bot.drafting.proofread import words
from bot.scheduling.clock import ManualClock
from bot.services.drafts import Target
from bot.storage import repositories as repo

SCENARIOS = sorted((Path(__file__).parents[1] / "fixtures" / "scenarios").glob("*.toml"))
LIMITS = {Kind.THANK_YOU: 200, Kind.STATUS_CHECK: 150}
OTHER_KINDS = [k for k in Kind if k is not Kind.THANK_YOU]


async def render_all(
    convo: Conversation, core: Core, clock: ManualClock, path: Path
) -> tuple[list[DraftBlock], list[DraftBlock], dict[str, str | None], str | None]:
    scenario = tomllib.loads(path.read_text(encoding="utf-8"))
    await convo.say(f"/interview settings timezone={scenario['timezone']}")
    await convo.say('/interview settings signature="Ada Lovelace | +1 555 0100 | ada.dev"')
    logged = await convo.say(f"/interview log {scenario['log']}")
    assert "Logged #1" in logged, logged
    if scenario["notes"]:
        noted = await convo.say(f"/interview notes #1 {scenario['notes']}")
        assert "Saved your notes" in noted, noted
    clock.advance(timedelta(days=1, hours=10))
    with core.deps.db.transaction() as session:
        member = repo.find_member(session, convo.member())
        assert member is not None
        interview = repo.interview_by_number(session, member, 1)
        assert interview is not None
        people = list(interview.interviewers) or [None]
        thanks = core.drafts.drafts(member, interview, [Target(Kind.THANK_YOU, p) for p in people])
        first = interview.interviewers[0] if interview.interviewers else None
        others = core.drafts.drafts(
            member,
            interview,
            [Target(k, first, 1) for k in OTHER_KINDS] + [Target(Kind.STATUS_CHECK, first, 2)],
            {"news": "I shipped an open-source scheduling library"},
        )
        discussed = {p.name: p.discussed for p in interview.interviewers}
        return thanks, others, discussed, interview.promised_by_me


def first_name(name: str) -> str:
    return name.split(maxsplit=1)[0]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
async def test_every_draft_kind_reads_as_a_careful_candidate_would_write_it(
    convo: Conversation, core: Core, clock: ManualClock, path: Path
) -> None:
    thanks, others, discussed, promised = await render_all(convo, core, clock, path)
    names = list(discussed)
    for draft in thanks:
        person = next((n for n in names if f" to {n} " in f"{draft.title} "), None)
        if names:
            assert person is not None, draft.title
            greeting = draft.body.splitlines()[0]
            assert re.search(rf"\b{re.escape(first_name(person))}\b", greeting)
            for other in names:
                if other != person:
                    assert other not in draft.body, (person, other)
                    assert first_name(other) not in greeting, (person, other)
            if discussed[person]:
                assert discussed[person] in draft.body
        if promised and draft is thanks[0]:  # an unattributed promise goes to the lead only
            assert promised in draft.body
        assert words(draft.body) <= LIMITS[Kind.THANK_YOU]
        assert "Ada Lovelace\n+1 555 0100\nada.dev" in draft.body
    for a, b in ((a, b) for i, a in enumerate(thanks) for b in thanks[i + 1 :]):
        assert SequenceMatcher(None, a.body, b.body, autojunk=False).ratio() < 0.9
    for draft in [*thanks, *others]:
        errors = [f for f in draft.findings if f.level == "error"]
        assert errors == [], (draft.title, errors, draft.body)
        assert draft.subject
        assert "None" not in draft.body
        assert "{{" not in draft.body
        if draft.linkedin is not None:
            assert len(draft.linkedin) <= 300
    if "stage=informational" in path.read_text(encoding="utf-8"):
        # No application to ask about: a status check asked for is a keep-in-touch note.
        assert not [d for d in others if "status check" in d.title]
        return
    (first_check,) = [d for d in others if "status check" in d.title][:1]
    assert words(first_check.body) <= LIMITS[Kind.STATUS_CHECK]
    checks = [d for d in others if "status check" in d.title]
    assert len(checks) == 2
    assert checks[0].body != checks[1].body


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_tone_changes_wording_not_facts(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    path = next(p for p in SCENARIOS if p.stem == "onsite_two_interviewers")
    warm, _, _, _ = await render_all(convo, core, clock, path)
    await convo.say("/interview settings tone=formal")
    with core.deps.db.transaction() as session:
        member = repo.find_member(session, convo.member())
        assert member is not None
        interview = repo.interview_by_number(session, member, 1)
        assert interview is not None
        formal = core.drafts.drafts(
            member, interview, [Target(Kind.THANK_YOU, p) for p in interview.interviewers]
        )
    assert warm[0].body.startswith("Hi Jane,")
    assert formal[0].body.startswith("Dear Jane Doe,")
    for fact in ("the Kafka migration", "my portfolio", "Acme"):
        assert fact in warm[0].body
        assert fact in formal[0].body
