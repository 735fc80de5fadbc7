"""Read-only commands read columns (`member_facts`, `interview_lines`), not entities.

They must say exactly what the entities say: the same zone, timing and tone once group
defaults and the member's own choices are resolved, the same interviews in the same order
with the same follow-ups, and nothing of another member's.
"""

from __future__ import annotations

import pytest

from bot.app import Core
from bot.chat import CommandRequest, MemberRef
from bot.scheduling.clock import ManualClock
from bot.services.group_defaults import resolve
from bot.storage import repositories as repo
from bot.storage.models import Interview
from bot.storage.repositories import InterviewLine

DISCORD_ME = MemberRef("discord", "discord", "111")
SLACK_ME = MemberRef("slack", "T1", "U1")
SOMEONE_ELSE = MemberRef("discord", "discord", "222")
LOG = 'company="{}" when="2026-11-24 15:00" with="Jane Doe <jane@acme.example>; Raj Patel"'


def _say(
    core: Core, clock: ManualClock, who: MemberRef, text: str, group: str | None, **extra: bool
) -> str:
    command, _, rest = text.partition(" ")
    request = CommandRequest(who, command, rest, clock.now(), group_id=group, **extra)
    reply = core.dispatcher.handle_sync(request)
    return " ".join(getattr(block, "text", "") for block in reply.blocks)


def _assert_facts_resolve_like_the_entity(core: Core, who: MemberRef) -> None:
    with core.deps.db.reading() as session:
        member = repo.find_member(session, who)
        facts = repo.member_facts(session, who)
        assert member is not None
        assert facts is not None
        assert facts.id == member.id
        assert facts.group.external_id == repo.group_of(member).external_id
        assert core.deps.zone_of(facts) == core.deps.zone_of(member)
        assert core.deps.cadence_of(facts) == core.deps.cadence_of(member)
        assert core.deps.tone_of(facts) == core.deps.tone_of(member)
        assert resolve(facts) == resolve(member)  # values and where each came from


@pytest.mark.parametrize(
    "own",
    ["", "quiet_hours=22:00-07:00 tone=formal", "timezone=Europe/Berlin status_check_days=10"],
)
def test_a_discord_members_facts_resolve_like_the_entity(
    core: Core, clock: ManualClock, own: str
) -> None:
    admin = "admin timezone=Asia/Tokyo quiet_hours=20:00-09:00 status_check_limit=1 tone=concise"
    _say(core, clock, DISCORD_ME, admin, "G1", is_admin=True)
    if own:
        _say(core, clock, DISCORD_ME, f"settings {own}", "G1")
    _assert_facts_resolve_like_the_entity(core, DISCORD_ME)
    _say(core, clock, DISCORD_ME, "list", "G2")  # another server, with no defaults
    _assert_facts_resolve_like_the_entity(core, DISCORD_ME)
    with core.deps.db.reading() as session:
        facts = repo.member_facts(session, DISCORD_ME)
        assert facts is not None
        assert facts.group.external_id == "G2"


def test_a_slack_members_group_is_their_workspace(core: Core, clock: ManualClock) -> None:
    _say(core, clock, SLACK_ME, "admin status_check_days=12 tone=formal", "T1", is_admin=True)
    _assert_facts_resolve_like_the_entity(core, SLACK_ME)
    with core.deps.db.reading() as session:
        facts = repo.member_facts(session, SLACK_ME)
        assert facts is not None
        assert facts.group is facts.workspace
        assert facts.group.status_check_days == 12


def test_nobody_has_facts_before_their_first_command(core: Core) -> None:
    with core.deps.db.reading() as session:
        assert repo.member_facts(session, DISCORD_ME) is None


def _key(interview: Interview | InterviewLine) -> tuple[object, ...]:
    """What a list shows of an interview, from an entity or a line alike."""
    follow_ups = sorted(
        (f.kind, f.interviewer_id, f.sequence, f.state, f.due_at, f.done_at)
        for f in interview.follow_ups
    )
    return (
        interview.number,
        interview.company,
        interview.role,
        interview.stage,
        interview.starts_at,
        interview.ends_at,
        interview.status,
        interview.paused,
        interview.last_contact_at,
        tuple(follow_ups),
    )


def test_interview_lines_match_the_entities_and_only_the_owners(
    core: Core, clock: ManualClock
) -> None:
    for company in ("Initech", "Acme", "Globex"):
        _say(core, clock, DISCORD_ME, "log " + LOG.format(company), None)
    _say(core, clock, DISCORD_ME, 'edit #2 when="2026-11-20 10:00" role="Backend"', None)
    _say(core, clock, DISCORD_ME, "outcome #3 rejected", None)
    _say(core, clock, DISCORD_ME, "pause #1", None)
    _say(core, clock, SOMEONE_ELSE, "log " + LOG.format("Hooli"), None)
    with core.deps.db.reading() as session:
        member = repo.find_member(session, DISCORD_ME)
        assert member is not None
        lines = repo.interview_lines(session, member.id)
        expected = [_key(i) for i in repo.interviews_of(session, member)]
    assert [_key(line) for line in lines] == expected
    assert [line.number for line in lines] == [2, 1, 3]  # soonest first, then by number
    assert all(line.follow_ups for line in lines)
    assert "Hooli" not in {line.company for line in lines}


def test_a_read_whose_handler_walks_the_entity_still_gets_it(
    core: Core, clock: ManualClock
) -> None:
    _say(core, clock, DISCORD_ME, "log " + LOG.format("Acme"), None)
    assert "#1 Acme" in _say(core, clock, DISCORD_ME, "list", None)
    shown = core.dispatcher.handle_sync(
        CommandRequest(DISCORD_ME, "show", "#1", clock.now())
    )  # a read whose handler walks the entity's relationships
    assert "Jane Doe" in str(shown.blocks)
