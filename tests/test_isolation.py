"""Isolation: as another member, another workspace or another platform, nothing leaks or changes.

One database holds two Slack workspaces and a Discord member. The victim logs interviews
with private notes; every attacker then runs every command against the victim's numbers and
replays the victim's reminder buttons, untouched and tampered. Each attempt must get a clear
reply, show nothing of the victim's, and leave every row of the victim's exactly as it was.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from recording import RecordingMessenger
from sqlalchemy import select

from bot.app import Core
from bot.chat import Action, CommandRequest, MemberRef, Reply
from bot.commands.dispatch import OOPS
from bot.scheduling.clock import ManualClock
from bot.storage import repositories as repo
from bot.storage.models import (
    Base,
    FollowUp,
    GroupTemplate,
    Interview,
    Interviewer,
    Member,
    Reminder,
    Workspace,
)

VICTIM = MemberRef("slack", "T1", "UVICTIM")
ATTACKERS = {
    "same workspace": MemberRef("slack", "T1", "UBOB"),
    "other workspace": MemberRef("slack", "T2", "UCAROL"),
    "discord": MemberRef("discord", "discord", "4242"),
}
SECRETS = ("Vandelay", "moonshot", "hank@vandelay.example", "Hank Scorpio")
# What an attacker might type after any command: the victim's numbers, with every shape of
# argument the commands take.
TAILS = (
    "#2",
    "2",
    "#2 thank_you",
    "#2 thank_you Hank",
    "#2 status_check",
    "#2 rejected",
    "#2 for=1h",
    '#2 company="Evil Corp" role="Mole"',
    'topics="stolen" promised="nothing"',
    "#2 yes",
    "yes",
    "#02",
    "#-2",
    "#2; #3",
)


# Everything an admin can try: show, set, stats, wins, retention, templates.
ADMIN_TAILS = (
    "",
    "tone=formal",
    'quiet_hours="22:00-07:00" thank_you_delay=2h status_check_days=10 retention=30d',
    "wins=<#C999>",
    "stats",
    "template thank_you",
    "template thank_you revert",
    # A template that passes every check (its sample drafts greet each reader), so it saves.
    'template thank_you {% import "_common.j2" as c %}\nSubject: Thanks\n\n'
    "{{ c.greeting(interviewer, company, tone) }} Hello from {{ company }}",
)


def _say(
    core: Core,
    who: MemberRef,
    command: str,
    text: str = "",
    *,
    group: str | None = "",
    admin: bool = False,
) -> Reply:
    request = CommandRequest(
        who,
        command,
        text,
        core.deps.clock.now(),
        group_id=who.workspace_id if group == "" else group,
        is_admin=admin,
    )
    return core.dispatcher.handle_sync(request)


def _row(obj: Base) -> dict[str, Any]:
    return {column.key: getattr(obj, column.key) for column in obj.__mapper__.column_attrs}


def _snapshot(core: Core, who: MemberRef) -> dict[str, Any]:
    """Every row that belongs to `who`, as plain values."""
    with core.deps.db.reading() as session:
        member = repo.find_member(session, who)
        assert member is not None
        interviews = session.scalars(select(Interview).where(Interview.member_id == member.id))
        ids = [i.id for i in interviews]
        rows: dict[str, Any] = {"member": _row(member)}
        for model, column in (
            (Interview, Interview.id),
            (Interviewer, Interviewer.interview_id),
            (FollowUp, FollowUp.interview_id),
        ):
            found = session.scalars(select(model).where(column.in_(ids)))
            rows[model.__tablename__] = sorted((_row(r) for r in found), key=lambda r: r["id"])
        reminders = session.scalars(select(Reminder).where(Reminder.member_id == member.id))
        rows["reminder"] = sorted((_row(r) for r in reminders), key=lambda r: r["id"])
        return rows


@pytest.fixture
async def world(core: Core, clock: ManualClock) -> tuple[Core, list[Action]]:
    """The victim with two interviews and their reminder buttons; attackers with one each."""
    messenger = RecordingMessenger(platform="slack")
    core.add_messenger(messenger)
    _say(
        core,
        VICTIM,
        "log",
        'company="Initech" when="today 12:30pm" with="Peter Gibbons"',
    )
    reply = _say(
        core,
        VICTIM,
        "log",
        'company="Vandelay" role="Project moonshot lead" when="today 1pm" '
        'with="Hank Scorpio <hank@vandelay.example>"',
    )
    assert "#2" in reply.plain_text()
    _say(core, VICTIM, "notes", '#2 topics="the moonshot budget" promised="moonshot deck"')
    for attacker in ATTACKERS.values():
        _say(core, attacker, "log", 'company="Own Co" when="today 9am" with="Pat"')
    for _ in range(2):  # each thank-you on time, so each arrives with its own buttons
        clock.advance(timedelta(minutes=32))
        await core.delivery.deliver_due()
    actions = [a for who, sent, _ in messenger.sent if who == VICTIM for a in sent.actions]
    assert actions, "the victim's reminders should carry buttons"
    return core, actions


def _assert_refused(reply: Reply, typed: str) -> None:
    text = reply.plain_text()
    assert text.strip(), "every attempt gets a reply"
    assert OOPS not in text, text
    for secret in SECRETS:
        if secret.casefold() not in typed.casefold():  # echoing what they typed is no leak
            assert secret.casefold() not in text.casefold(), text


@pytest.mark.parametrize("attacker", list(ATTACKERS), ids=list(ATTACKERS))
async def test_no_command_reaches_another_members_interview(
    world: tuple[Core, list[Action]], attacker: str
) -> None:
    core, _ = world
    before = _snapshot(core, VICTIM)
    for spec in core.registry.specs:
        for tail in TAILS:
            _assert_refused(_say(core, ATTACKERS[attacker], spec.name, tail), tail)
            if spec.name == "forget":  # a real forget wipes the attacker; start them again
                _say(core, ATTACKERS[attacker], "log", 'company="Own Co" when="today 9am"')
        assert _snapshot(core, VICTIM) == before, (
            f"/interview {spec.name} changed the victim's data"
        )


@pytest.mark.parametrize("attacker", list(ATTACKERS), ids=list(ATTACKERS))
async def test_replayed_and_tampered_buttons_act_only_for_whoever_presses(
    world: tuple[Core, list[Action]], attacker: str
) -> None:
    core, actions = world
    before = _snapshot(core, VICTIM)
    for action in actions:
        for value in (action.value, action.value.replace("#2", "#1"), action.value + " Hank"):
            _assert_refused(_say(core, ATTACKERS[attacker], action.action_id, value), value)
    assert _snapshot(core, VICTIM) == before


async def test_the_victim_still_sees_everything(world: tuple[Core, list[Action]]) -> None:
    core, _ = world
    text = _say(core, VICTIM, "show", "#2").plain_text()
    assert "Vandelay" in text
    assert "moonshot" in text


async def test_workspaces_are_separate_rows_even_for_the_same_user_id(core: Core) -> None:
    twin = MemberRef("slack", "T2", VICTIM.user_id)  # same user id, another team
    _say(core, VICTIM, "log", 'company="Vandelay" when="today 10am"')
    assert "Vandelay" not in _say(core, twin, "list").plain_text()
    with core.deps.db.reading() as session:
        members = session.scalars(select(Member).where(Member.user_id == VICTIM.user_id)).all()
        assert len({m.workspace_id for m in members}) == 2


def _group_snapshot(core: Core, platform: str, external_id: str) -> dict[str, Any]:
    """A group's settings row and its templates."""
    with core.deps.db.reading() as session:
        group = session.scalars(
            select(Workspace).where(
                Workspace.platform == platform, Workspace.external_id == external_id
            )
        ).one()
        templates = session.scalars(
            select(GroupTemplate).where(GroupTemplate.workspace_id == group.id)
        )
        return {"group": _row(group), "templates": sorted(_row(t)["kind"] for t in templates)}


async def test_admin_commands_from_a_member_or_a_dm_are_refused(
    world: tuple[Core, list[Action]],
) -> None:
    core, _ = world
    member = ATTACKERS["same workspace"]
    before = _group_snapshot(core, "slack", "T1")
    for tail in ADMIN_TAILS:
        refused = _say(core, member, "admin", tail, admin=False).plain_text()
        assert "Only this group's admins" in refused, refused
        in_dm = _say(core, member, "admin", tail, group=None, admin=True).plain_text()
        assert "this is a direct message" in in_dm, in_dm
    assert _group_snapshot(core, "slack", "T1") == before


async def test_another_groups_admin_changes_only_their_own_group(
    world: tuple[Core, list[Action]],
) -> None:
    core, _ = world
    other_admin = ATTACKERS["other workspace"]
    before = _group_snapshot(core, "slack", "T1")
    victim_before = _snapshot(core, VICTIM)
    for tail in ADMIN_TAILS:
        reply = _say(core, other_admin, "admin", tail, admin=True)
        _assert_refused(reply, tail)
    theirs = _group_snapshot(core, "slack", "T2")
    assert theirs["group"]["tone"] == "formal"  # took effect there
    assert theirs["templates"] == ["thank_you"]  # and so did their template
    assert _group_snapshot(core, "slack", "T1") == before
    assert _snapshot(core, VICTIM) == victim_before


async def test_two_discord_servers_keep_their_settings_apart(
    world: tuple[Core, list[Action]],
) -> None:
    """One Discord identity everywhere, but each server's admin shapes only that server."""
    core, _ = world
    member, admin = ATTACKERS["discord"], MemberRef("discord", "discord", "777")
    _say(core, member, "list", group="G1")  # G1 exists, with a member in it
    before = _group_snapshot(core, "discord", "G1")
    for tail in ADMIN_TAILS:
        _assert_refused(_say(core, admin, "admin", tail, group="G2", admin=True), tail)
        refused = _say(core, member, "admin", tail, group="G1").plain_text()
        assert "Only this group's admins" in refused, refused
    assert _group_snapshot(core, "discord", "G2")["group"]["tone"] == "formal"
    assert _group_snapshot(core, "discord", "G1") == before
