"""Re-planning a whole group: one member's unreadable rows never stop the others'."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import func, select

from adapters.console.conversation import Conversation
from bot.app import Core, build_core
from bot.scheduling.clock import ManualClock
from bot.settings import Settings
from bot.storage.models import Member, Reminder

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()
OTHERS = ["m1", "m2", "m3"]
LOG = '/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"'


def keyed_core(url: str, clock: ManualClock, key: str) -> Core:
    settings = Settings(database_url=url, encryption_key=key, _env_file=None)  # type: ignore[call-arg]
    return build_core(settings, clock)


@pytest.fixture
def cores(database_url: str, clock: ManualClock) -> Iterator[tuple[Core, Core]]:
    """A core with the old key and one restarted with only the new key, on one database."""
    old = keyed_core(database_url, clock, OLD_KEY)
    new = keyed_core(database_url, clock, NEW_KEY)
    yield old, new
    old.deps.db.dispose()
    new.deps.db.dispose()


async def members_log(cores: tuple[Core, Core], clock: ManualClock) -> Conversation:
    """'bad' writes notes, a promise and a signature under the old key; the others, the new."""
    old, new = cores
    bad = Conversation(old, clock, user="bad")
    await bad.say(LOG)
    await bad.say('/interview notes #1 topics="private" promised="my portfolio"')
    await bad.say('/interview settings signature="Bad | 555"')
    convo = Conversation(new, clock, user="m1")
    for user in OTHERS:
        convo.user = user
        await convo.say(LOG)
    return convo


def scheduled(core: Core) -> dict[str, int]:
    with core.deps.db.reading() as session:
        rows = session.execute(
            select(Member.user_id, func.count(Reminder.id))
            .join(Member, Member.id == Reminder.member_id)
            .where(Reminder.state == "scheduled")
            .group_by(Member.user_id)
        ).all()
    return {str(user): int(count) for user, count in rows}


async def test_reinstalling_replans_everyone_whose_rows_can_be_read(
    cores: tuple[Core, Core], clock: ManualClock
) -> None:
    await members_log(cores, clock)
    _, new = cores
    before = scheduled(new)
    new.groups.set_active("console", "local", active=False)
    assert scheduled(new) == {}

    assert new.groups.set_active("console", "local", active=True) == len(OTHERS)

    after = scheduled(new)
    assert "bad" not in after  # left as it was, logged by id
    assert {user: after.get(user) for user in OTHERS} == {u: before[u] for u in OTHERS}


async def test_an_admin_default_change_replans_everyone_whose_rows_can_be_read(
    cores: tuple[Core, Core], clock: ManualClock
) -> None:
    convo = await members_log(cores, clock)
    _, new = cores
    with new.deps.db.reading() as session:
        first = session.scalar(
            select(func.min(Reminder.remind_at))
            .join(Member)
            .where(Member.user_id == "m1", Reminder.state == "scheduled")
        )
    reply = await convo.say("/interview admin thank_you_delay=3h")
    assert "Something went wrong" not in reply
    with new.deps.db.reading() as session:
        moved = session.scalar(
            select(func.min(Reminder.remind_at))
            .join(Member)
            .where(Member.user_id == "m1", Reminder.state == "scheduled")
        )
    assert first is not None
    assert moved is not None
    assert moved > first
