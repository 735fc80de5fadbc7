"""One member's unreadable or broken rows never hold back anyone else's reminders."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta

import pytest
from click.testing import CliRunner
from cryptography.fernet import Fernet
from recording import RecordingMessenger
from sqlalchemy import select

from adapters.cli import main
from adapters.console.conversation import Conversation
from bot.app import Core, build_core
from bot.metrics import METRICS
from bot.scheduling.clock import ManualClock
from bot.settings import Settings
from bot.storage import repositories as repo
from bot.storage.crypto import rotate
from bot.storage.models import Member, Reminder

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()
OTHERS = [f"m{n}" for n in range(1, 6)]
SECRET = "salary band 150-170k"  # what the bad member wrote: never in a log line


def keyed_core(url: str, clock: ManualClock, *keys: str) -> Core:
    settings = Settings(
        database_url=url,
        encryption_key=",".join(keys),
        _env_file=None,  # type: ignore[call-arg]
    )
    return build_core(settings, clock)


@pytest.fixture
def cores(database_url: str, clock: ManualClock) -> Iterator[list[Core]]:
    opened: list[Core] = []
    yield opened
    for core in opened:
        core.deps.db.dispose()


async def log_interview(core: Core, clock: ManualClock, user: str) -> None:
    convo = Conversation(core, clock, user=user)
    await convo.say(
        f'/interview log company="Co{user}" when="tomorrow 3pm" with="Jane Doe <jane@co.example>"'
    )
    await convo.say(f'/interview notes #1 topics="{SECRET}" jane="the Kafka migration"')


def reminder_states(core: Core) -> dict[str, list[tuple[str, str | None]]]:
    """Each member's reminders that have left the schedule: state and last error."""
    with core.deps.db.reading() as session:
        rows = session.execute(
            select(Member.user_id, Reminder.state, Reminder.last_error)
            .join(Member, Member.id == Reminder.member_id)
            .where(Reminder.state != "scheduled")
            .order_by(Member.user_id)
        ).all()
    found: dict[str, list[tuple[str, str | None]]] = {}
    for user, state, error in rows:
        found.setdefault(user, []).append((state, error))
    return found


def set_aside_count(reason: str) -> float:
    return METRICS.sample("followup_reminders_set_aside_total", platform="console", reason=reason)


async def test_a_row_under_a_removed_key_is_set_aside_and_everyone_else_is_reminded(
    database_url: str,
    clock: ManualClock,
    cores: list[Core],
    caplog: pytest.LogCaptureFixture,
) -> None:
    old = keyed_core(database_url, clock, OLD_KEY)
    cores.append(old)
    await log_interview(old, clock, "bad")
    new = keyed_core(database_url, clock, NEW_KEY)  # restarted with only the new key
    cores.append(new)
    for user in OTHERS:
        await log_interview(new, clock, user)
    messenger = RecordingMessenger()
    new.delivery.messengers = {messenger.platform: messenger}
    before = set_aside_count("unreadable")
    clock.advance(timedelta(days=1, hours=3))

    caplog.set_level(logging.INFO)
    report = await new.delivery.deliver_due()

    assert sorted(ref.user_id for ref, _, _ in messenger.sent) == OTHERS
    assert (report.delivered, report.set_aside) == (5, 1)
    states = reminder_states(new)
    assert [state for state, _ in states["bad"]] == ["set_aside"]
    assert (states["bad"][0][1] or "").startswith("unreadable: ")
    assert "followup rotate-key" in (states["bad"][0][1] or "")
    assert all(state == "delivered" for user in OTHERS for state, _ in states[user])
    assert set_aside_count("unreadable") == before + 1
    with new.deps.db.reading() as session:
        (bad_id,) = session.scalars(
            select(Reminder.id).where(Reminder.state == repo.SET_ASIDE)
        ).all()
    lines = [record.getMessage() for record in caplog.records]
    assert any(f"reminder {bad_id} set aside" in line for line in lines)
    for line in lines:
        assert SECRET not in line
        assert "Cobad" not in line
        assert "Jane" not in line

    # Set aside, not retried every tick.
    clock.advance(timedelta(minutes=10))
    assert (await new.delivery.deliver_due()).claimed == 0


async def test_restoring_the_key_and_running_rotate_key_requeues_the_set_aside_reminder(
    database_url: str, clock: ManualClock, cores: list[Core]
) -> None:
    old = keyed_core(database_url, clock, OLD_KEY)
    cores.append(old)
    await log_interview(old, clock, "bad")
    new = keyed_core(database_url, clock, NEW_KEY)
    cores.append(new)
    messenger = RecordingMessenger()
    new.delivery.messengers = {messenger.platform: messenger}
    clock.advance(timedelta(days=1, hours=3))
    assert (await new.delivery.deliver_due()).set_aside == 1

    result = CliRunner().invoke(  # the old key put back, after the new one
        main,
        ["rotate-key", "--db", database_url],
        env={"FOLLOWUP_ENCRYPTION_KEY": f"{NEW_KEY},{OLD_KEY}"},
    )
    assert result.exit_code == 0, result.output
    assert "1 reminder(s) set aside as unreadable are back in the queue." in result.output
    both = keyed_core(database_url, clock, NEW_KEY, OLD_KEY)
    cores.append(both)
    both.delivery.messengers = {messenger.platform: messenger}
    report = await both.delivery.deliver_due()
    assert report.delivered == 1
    assert [ref.user_id for ref, _, _ in messenger.sent] == ["bad"]
    assert "the Kafka migration" in messenger.sent[0][1].plain_text()


async def test_a_member_whose_signature_is_unreadable_holds_back_nobody(
    database_url: str, clock: ManualClock, cores: list[Core]
) -> None:
    old = keyed_core(database_url, clock, OLD_KEY)
    cores.append(old)
    log = '/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"'
    bad = Conversation(old, clock, user="bad")
    await bad.say(log)  # nothing encrypted in the interview: only the signature is
    await bad.say('/interview settings signature="Ada | 555"')
    new = keyed_core(database_url, clock, NEW_KEY)
    cores.append(new)
    for user in OTHERS:
        await Conversation(new, clock, user=user).say(log)
    messenger = RecordingMessenger()
    new.delivery.messengers = {messenger.platform: messenger}
    clock.advance(timedelta(days=1, hours=3))
    report = await new.delivery.deliver_due()
    assert sorted(ref.user_id for ref, _, _ in messenger.sent) == OTHERS
    assert report.set_aside == 1
    assert [state for state, _ in reminder_states(new)["bad"]] == ["set_aside"]


async def test_a_reminder_that_cannot_be_composed_is_set_aside_and_the_rest_go_out(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    for user in ["bad", *OTHERS]:
        convo.user = user
        await convo.say('/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    with core.deps.db.transaction() as session:  # a kind this version does not know
        bad = session.scalars(
            select(Reminder).join(Member).where(Member.user_id == "bad").limit(1)
        ).one()
        bad.follow_up.kind = "carrier_pigeon"
    messenger = RecordingMessenger()
    core.delivery.messengers = {messenger.platform: messenger}
    before = set_aside_count("bad_data")
    clock.advance(timedelta(days=1, hours=3))
    report = await core.delivery.deliver_due()
    assert sorted(ref.user_id for ref, _, _ in messenger.sent) == OTHERS
    assert report.set_aside == 1
    (state, error) = reminder_states(core)["bad"][0]
    assert state == "set_aside"
    assert (error or "").startswith("bad_data: ")
    assert set_aside_count("bad_data") == before + 1


async def set_aside_then_restored(database_url: str, clock: ManualClock, cores: list[Core]) -> Core:
    """The bad member's thank-you set aside under a removed key; a core with both keys back."""
    old = keyed_core(database_url, clock, OLD_KEY)
    cores.append(old)
    await log_interview(old, clock, "bad")
    new = keyed_core(database_url, clock, NEW_KEY)
    cores.append(new)
    new.delivery.messengers = {"console": RecordingMessenger()}
    clock.advance(timedelta(days=1, hours=3))
    assert (await new.delivery.deliver_due()).set_aside == 1
    both = keyed_core(database_url, clock, NEW_KEY, OLD_KEY)
    cores.append(both)
    return both


async def test_a_set_aside_reminder_of_a_paused_interview_is_not_requeued(
    database_url: str, clock: ManualClock, cores: list[Core]
) -> None:
    both = await set_aside_then_restored(database_url, clock, cores)
    await Conversation(both, clock, user="bad").say("/interview pause #1")
    assert rotate(both.deps.db).requeued == 0
    assert {state for state, _ in reminder_states(both)["bad"]} == {"cancelled"}


async def test_a_set_aside_reminder_snoozed_comes_back_only_as_the_snooze(
    database_url: str, clock: ManualClock, cores: list[Core]
) -> None:
    """Snoozing cancels the set-aside prompt: re-queued later, it would go out beside it."""
    both = await set_aside_then_restored(database_url, clock, cores)
    said = await Conversation(both, clock, user="bad").say("/interview snooze #1 Jane for=2h")
    assert "Snoozed" in said
    assert rotate(both.deps.db).requeued == 0
    assert "set_aside" not in {state for state, _ in reminder_states(both)["bad"]}
