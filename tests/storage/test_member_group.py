"""A member's career group: their workspace, or for Discord the server they last used."""

from __future__ import annotations

from bot.app import Core
from bot.chat import CommandRequest, MemberRef
from bot.scheduling.clock import ManualClock
from bot.storage import repositories as repo

DISCORD_ME = MemberRef("discord", "discord", "111")
SLACK_ME = MemberRef("slack", "T1", "U1")


def _command(core: Core, clock: ManualClock, who: MemberRef, group: str | None) -> None:
    request = CommandRequest(who, "list", "", clock.now(), group_id=group)
    core.dispatcher.handle_sync(request)


def _group(core: Core, who: MemberRef) -> tuple[str, str]:
    with core.deps.db.reading() as session:
        member = repo.find_member(session, who)
        assert member is not None
        group = repo.group_of(member)
        return group.platform, group.external_id


def test_a_discord_member_belongs_to_the_server_they_last_used(
    core: Core, clock: ManualClock
) -> None:
    _command(core, clock, DISCORD_ME, "G1")
    assert _group(core, DISCORD_ME) == ("discord", "G1")
    _command(core, clock, DISCORD_ME, None)  # a DM with the bot changes nothing
    assert _group(core, DISCORD_ME) == ("discord", "G1")
    _command(core, clock, DISCORD_ME, "G2")
    assert _group(core, DISCORD_ME) == ("discord", "G2")


def test_a_slack_member_belongs_to_their_workspace(core: Core, clock: ManualClock) -> None:
    _command(core, clock, SLACK_ME, "T1")
    assert _group(core, SLACK_ME) == ("slack", "T1")
    with core.deps.db.reading() as session:
        member = repo.find_member(session, SLACK_ME)
        assert member is not None
        assert member.group_id is None  # the workspace itself, not a second row
