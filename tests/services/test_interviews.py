"""Changes to an interview re-plan its follow-ups and reminders in the same transaction."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.scheduling.clock import ManualClock
from bot.storage.models import FollowUp, Interview, Reminder

LOG = (
    '/interview log company="Acme" role="Backend Engineer" when="tomorrow 3pm" '
    'with="Jane Doe <jane@acme.com>; Raj Patel"'
)


def rows(core: Core) -> list[tuple[str, str | None, str, str]]:
    """(kind, interviewer, follow-up state, reminder state) for every reminder."""
    with core.deps.db.transaction() as session:
        result = session.execute(
            select(FollowUp.kind, FollowUp.interviewer_id, FollowUp.state, Reminder.state)
            .join(Reminder)
            .order_by(FollowUp.id, Reminder.id)
        )
        return [(k, str(i) if i else None, f, r) for k, i, f, r in result]


def scheduled(core: Core) -> list[tuple[str, object]]:
    with core.deps.db.transaction() as session:
        result = session.execute(
            select(FollowUp.kind, Reminder.remind_at)
            .join(Reminder)
            .where(Reminder.state == "scheduled")
            .order_by(Reminder.remind_at)
        )
        return [(kind, at) for kind, at in result]


async def test_logging_plans_a_thank_you_per_interviewer_and_a_status_check(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)
    kinds = sorted(k for k, *_ in rows(core))
    assert kinds.count("thank_you") == 4  # first and last call, for each of two people
    assert kinds.count("status_check") == 1


async def test_moving_the_interview_moves_its_reminders(convo: Conversation, core: Core) -> None:
    await convo.say(LOG)
    before = scheduled(core)
    reply = await convo.say('/interview edit #1 when="in 3 days 3pm"')
    assert "Updated #1 Acme" in reply
    after = scheduled(core)
    assert len(after) == len(before)
    assert all(b[1] < a[1] for b, a in zip(before, after, strict=True))  # type: ignore[operator]


async def test_changing_time_zone_replans_reminders_to_the_new_local_morning(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)
    (utc_check,) = [at for kind, at in scheduled(core) if kind == "status_check"]
    await convo.say("/interview settings timezone=Asia/Tokyo")
    (tokyo_check,) = [at for kind, at in scheduled(core) if kind == "status_check"]
    assert utc_check != tokyo_check
    assert tokyo_check.astimezone(ZoneInfo("Asia/Tokyo")).hour == 9


async def test_rejection_cancels_pending_follow_ups_and_plans_a_gracious_reply(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await convo.say(LOG)
    clock.advance(timedelta(days=3))
    reply = await convo.say("/interview outcome #1 rejected")
    assert "reply to the rejection" in reply
    states = rows(core)
    assert {f for k, _, f, _ in states if k in ("thank_you", "status_check")} == {"cancelled"}
    assert {r for k, _, _, r in states if k in ("thank_you", "status_check")} == {"cancelled"}
    assert any(k == "rejection_reply" and r == "scheduled" for k, _, _, r in states)


async def test_offer_leaves_nothing_but_the_offer_reply(convo: Conversation, core: Core) -> None:
    await convo.say(LOG)
    await convo.say("/interview outcome #1 offer")
    pending = {k for k, _, f, _ in rows(core) if f == "pending"}
    assert pending == {"offer_reply"}


async def test_delete_needs_confirmation_then_removes_everything(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)
    assert "can't be undone" in await convo.say("/interview delete #1")
    assert rows(core)
    assert "Deleted #1 Acme" in await convo.say("/interview delete #1 confirm")
    assert rows(core) == []
    with core.deps.db.transaction() as session:
        assert session.scalars(select(Interview)).all() == []


async def test_numbers_are_per_member_and_never_reused(convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say('/interview log company="Beta" when="tomorrow 5pm"')
    await convo.say("/interview delete #2 confirm")
    assert "Logged #3 Gamma" in await convo.say('/interview log company="Gamma"')
    await convo.say(":as bob")
    assert "Logged #1 Delta" in await convo.say('/interview log company="Delta"')


async def test_sent_then_draft_still_shows_the_sent_note(convo: Conversation) -> None:
    await convo.say(LOG)
    await convo.say('/interview notes #1 jane="the Kafka migration"')
    await convo.say("/interview sent #1 Jane")
    draft = await convo.say("/interview draft #1 thank_you Jane")
    assert "Hi Jane," in draft
    assert "the Kafka migration" in draft
