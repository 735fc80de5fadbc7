"""Group settings for admins: defaults members follow, refusals, anonymous stats, retention."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import CommandRequest, MemberRef
from bot.domain.policy import Cadence, InterviewFacts, Kind, Status, plan
from bot.scheduling.clock import ManualClock
from bot.storage.models import FollowUp, Interview, Member, Reminder, Workspace

LOG = '/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"'


def first_reminders(core: Core, user: str) -> list[object]:
    """When each scheduled 'first' thank-you reminder of one member goes out."""
    with core.deps.db.transaction() as session:
        return list(
            session.scalars(
                select(Reminder.remind_at)
                .join(Member, Member.id == Reminder.member_id)
                .where(
                    Member.user_id == user,
                    Reminder.state == "scheduled",
                    Reminder.purpose == "first",
                )
            )
        )


def group_tone(core: Core, external_id: str = "local") -> str | None:
    """The group's tone default, None when unset (or when the group was never stored)."""
    with core.deps.db.transaction() as session:
        return session.scalar(select(Workspace.tone).where(Workspace.external_id == external_id))


async def say_elsewhere(core: Core, clock: ManualClock, user: str, text: str, **kw: object) -> str:
    """A command from a member of another group ('other') on the same deployment."""
    command, _, rest = text.removeprefix("/interview ").partition(" ")
    request = CommandRequest(
        member=MemberRef("console", "other", user),
        command=command,
        text=rest,
        received_at=clock.now(),
        group_id=kw.get("group_id", "other"),  # type: ignore[arg-type]
        is_admin=bool(kw.get("is_admin", False)),
    )
    return (await core.dispatcher.handle(request)).plain_text()


async def test_admin_sees_the_defaults_and_changes_them(convo: Conversation) -> None:
    shown = await convo.say("/interview admin")
    assert "Your group's settings:" in shown
    assert "Quiet hours: 21:00-08:00 (default)" in shown
    assert "Wins channel: off" in shown
    saved = await convo.say(
        '/interview admin quiet_hours="22:00-07:00" tone=formal status_check_limit=1 '
        "retention=90d timezone=Europe/Berlin"
    )
    assert "Saved." in saved
    assert "Quiet hours: 22:00-07:00\n" in saved
    assert "Tone: formal" in saved
    assert "Status checks at most: 1" in saved
    assert "Delete closed interviews after: 90 days" in saved
    assert "Time zone: Europe/Berlin" in saved
    back = await convo.say("/interview admin tone=default retention=off")
    assert "Tone: warm (default)" in back
    assert "Delete closed interviews after: off" in back


async def test_a_bad_value_saves_nothing(convo: Conversation, core: Core) -> None:
    reply = await convo.say("/interview admin tone=formal status_check_limit=5")
    assert "isn't 1 or 2" in reply
    assert group_tone(core) is None
    unknown = await convo.say("/interview admin signature=hi")
    assert "I don't know the group setting 'signature'" in unknown
    assert "retention" in unknown  # the hint lists what exists


async def test_a_member_who_is_not_an_admin_is_refused(convo: Conversation, core: Core) -> None:
    convo.is_admin = False
    for line in ("/interview admin", "/interview admin tone=formal", "/interview admin stats"):
        reply = await convo.say(line)
        assert "Only this group's admins" in reply
        assert "Manage Server" in reply
    assert group_tone(core) is None


async def test_an_admin_command_in_a_dm_says_where_to_run_it(
    core: Core, clock: ManualClock
) -> None:
    reply = await say_elsewhere(
        core, clock, "zed", "/interview admin", group_id=None, is_admin=True
    )
    assert "direct message" in reply
    assert "Run /interview admin in a channel" in reply


async def test_admins_change_only_their_own_group(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await convo.say("/interview admin tone=formal")
    reply = await say_elsewhere(core, clock, "zed", "/interview admin", is_admin=True)
    assert "Tone: warm (default)" in reply  # the other group sees its own settings
    await say_elsewhere(core, clock, "zed", "/interview admin tone=concise", is_admin=True)
    assert group_tone(core) == "formal"
    assert group_tone(core, "other") == "concise"


async def test_a_group_default_moves_reminders_of_members_who_did_not_choose(
    convo: Conversation, core: Core
) -> None:
    await convo.say(LOG)  # ada follows the group
    convo.user = "bob"
    await convo.say("/interview settings thank_you_delay=2h")
    await convo.say(LOG)
    ada_before, bob_before = first_reminders(core, "ada"), first_reminders(core, "bob")
    convo.user = "ada"
    await convo.say("/interview admin thank_you_delay=3h")
    ada_after, bob_after = first_reminders(core, "ada"), first_reminders(core, "bob")
    assert ada_after == [ada_before[0] + timedelta(hours=2)]  # type: ignore[operator]
    assert bob_after == bob_before  # bob chose his own delay
    settings = await convo.say("/interview settings")
    assert "Thank-you reminder: 180 min after the interview (group default)" in settings
    convo.user = "bob"
    assert "Thank-you reminder: 120 min after the interview\n" in await convo.say(
        "/interview settings"
    )


async def test_default_puts_a_member_back_on_the_group_value(convo: Conversation) -> None:
    await convo.say("/interview admin tone=formal")
    assert "Tone: formal (group default)" in await convo.say("/interview settings")
    mine = await convo.say("/interview settings tone=concise")
    assert "Tone: concise\n" in mine
    back = await convo.say("/interview settings tone=default")
    assert "Tone: formal (group default)" in back


async def test_the_group_tone_reaches_the_drafts(convo: Conversation, core: Core) -> None:
    await convo.say("/interview admin tone=formal")
    await convo.say(LOG)
    with core.deps.db.transaction() as session:
        member = session.scalars(select(Member).where(Member.user_id == "ada")).one()
        assert core.deps.tone_of(member) == "formal"
        assert core.deps.cadence_of(member).status_check_limit == 2


def test_the_status_check_limit_reaches_the_policy(clock: ManualClock) -> None:
    from zoneinfo import ZoneInfo

    ends = clock.now() - timedelta(days=10)
    facts = InterviewFacts(ends_at=ends, status=Status.WAITING, interviewer_keys=())
    one_sent = {(Kind.STATUS_CHECK, None, 1): ends + timedelta(days=7)}
    tz = ZoneInfo("America/New_York")
    default = plan(facts, one_sent, Cadence(tz=tz))
    limited = plan(facts, one_sent, Cadence(tz=tz, status_check_limit=1))
    assert [p.sequence for p in default if p.kind is Kind.STATUS_CHECK] == [2]
    assert [p for p in limited if p.kind is Kind.STATUS_CHECK] == []


async def test_a_group_limit_cancels_the_second_nudge(convo: Conversation, core: Core) -> None:
    await convo.say(LOG)
    await convo.say(":advance 9d")
    await convo.say("/interview sent #1 status_check")
    await convo.say("/interview admin status_check_limit=1")
    with core.deps.db.transaction() as session:
        pending = session.scalars(
            select(FollowUp.sequence).where(
                FollowUp.kind == "status_check", FollowUp.state == "pending"
            )
        ).all()
    assert pending == []
    assert "gone quiet" in await convo.say("/interview list")
    await convo.say("/interview admin status_check_limit=2")  # raised again: one more nudge
    with core.deps.db.transaction() as session:
        revived = session.scalars(
            select(FollowUp.sequence).where(
                FollowUp.kind == "status_check", FollowUp.state == "pending"
            )
        ).all()
    assert revived == [2]


# --- stats ------------------------------------------------------------------------------


async def log_as(convo: Conversation, names: list[str], company: str = "Secretco") -> None:
    for name in names:
        convo.user = name
        await convo.say(f'/interview log company="{company}" when="yesterday 3pm" with="Jo Doe"')
    convo.user = "ada"
    await convo.say(":advance 1m")  # the period ends now: what was logged is in it


async def test_stats_hide_counts_with_four_contributors(convo: Conversation) -> None:
    await log_as(convo, ["m1", "m2", "m3", "m4"])
    reply = await convo.say("/interview admin stats")
    assert "Fewer than 5 members" in reply
    assert "Interviews logged" not in reply
    assert "Secretco" not in reply


async def test_stats_show_anonymous_counts_with_five_contributors(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await log_as(convo, ["m1", "m2", "m3", "m4", "m5"])
    convo.user = "m1"
    await convo.say("/interview sent #1 Jo")  # within 24 hours of yesterday's interview
    convo.user = "m2"
    await convo.say("/interview outcome #1 offer")
    await say_elsewhere(core, clock, "zed", LOG)  # another group's activity never counts
    convo.user = "ada"
    await convo.say(":advance 1m")
    reply = await convo.say("/interview admin stats")
    assert "Interviews logged: 5" in reply
    assert "Thank-you notes sent within 24 hours: 1" in reply
    assert "Offers: 1" in reply
    assert "Members contributing: 5" in reply
    for private in ("Secretco", "Jo Doe", "m1", "m2", "Acme"):
        assert private not in reply


async def test_a_late_thank_you_does_not_count_as_on_time(convo: Conversation) -> None:
    await log_as(convo, ["m1", "m2", "m3", "m4", "m5"])
    await convo.say(":advance 2d")
    convo.user = "m1"
    await convo.say("/interview sent #1 Jo")
    convo.user = "ada"
    await convo.say(":advance 1m")
    reply = await convo.say("/interview admin stats")
    assert "Interviews logged: 5" in reply
    assert "Thank-you notes sent within 24 hours: 0" in reply


# --- retention --------------------------------------------------------------------------


def interview_companies(core: Core) -> list[str]:
    with core.deps.db.transaction() as session:
        return sorted(session.scalars(select(Interview.company)))


async def test_retention_deletes_only_old_closed_interviews_of_that_group(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    from bot.scheduling.group_jobs import GroupJobs

    await convo.say('/interview log company="OldRejected" when="yesterday 3pm" with="Jo Doe"')
    await convo.say("/interview outcome #1 rejected")
    await convo.say('/interview log company="StillOpen" when="yesterday 3pm"')
    await say_elsewhere(core, clock, "zed", '/interview log company="OtherGroup" when="yesterday"')
    await say_elsewhere(core, clock, "zed", "/interview outcome #1 rejected")
    await convo.say(":advance 100d")
    await convo.say('/interview log company="NewWithdrawn" when="yesterday 3pm"')
    await convo.say("/interview outcome #3 withdrawn")
    await convo.say("/interview admin retention=90d")
    jobs = GroupJobs(core.groups, core.delivery.messengers)
    assert jobs.purge() == 1
    assert interview_companies(core) == ["NewWithdrawn", "OtherGroup", "StillOpen"]
    with core.deps.db.transaction() as session:
        orphans = session.scalars(
            select(FollowUp.id).where(FollowUp.interview_id.not_in(select(Interview.id)))
        ).all()
        assert orphans == []
    assert jobs.purge() == 0
    assert "#2 StillOpen" in await convo.say("/interview list")
