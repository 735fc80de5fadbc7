"""A small week of a shared deployment (bench/load.py's simulation): every reminder once."""

from __future__ import annotations

from bench.load import END, PLATFORM, plan_week, simulate


def test_week_plan_is_reproducible_and_in_time_order() -> None:
    """The same seed plans the same week; each member types their commands in order."""
    first, again = plan_week(5, 10, seed=3), plan_week(5, 10, seed=3)
    assert first == again
    assert [a.at for a in first] == sorted(a.at for a in first)
    assert {a.member.workspace_id for a in first} == {f"T{w:04d}" for w in range(5)}
    assert all(a.member.platform == PLATFORM for a in first)
    assert {a.command for a in first} >= {"log", "sent", "outcome"}


async def test_small_week_delivers_every_due_reminder_once(database_url: str) -> None:
    """5 workspaces x 10 members, two delivery workers: nothing duplicated, nothing lost."""
    report = await simulate(database_url, workspaces=5, members=10, latency=0.0)

    assert report.misunderstood == []
    assert report.commands == sum(1 for a in plan_week(5, 10) if a.at <= END)
    assert report.due > 50  # thank-yous, last calls and status checks came due
    assert report.delivered == report.due
    assert report.cancelled > 0  # marked sent or rejected: those reminders stopped
    assert report.duplicated == 0
    assert report.lost == 0
    assert 0 < report.dms <= report.delivered  # a digest covers several reminders
