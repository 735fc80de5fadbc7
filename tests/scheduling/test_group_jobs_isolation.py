"""The weekly group jobs: one group's failure never stops the others' post or purge."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from adapters.console.conversation import Conversation
from adapters.console.messenger import ConsoleMessenger
from bot.app import Core
from bot.chat import CommandRequest, MemberRef, Reply
from bot.ports import Delivery
from bot.scheduling.clock import ManualClock
from bot.scheduling.group_jobs import GroupJobs
from bot.storage.models import Interview, Workspace

LOG = '/interview log company="Secretco" when="yesterday 3pm" with="Jo Doe"'


class BrokenChannel:
    """The console's messenger, except that posting to one channel raises (an adapter bug)."""

    platform = "console"

    def __init__(self, inner: ConsoleMessenger, broken: str) -> None:
        self.inner = inner
        self.broken = broken

    async def send_dm(
        self, member: MemberRef, reply: Reply, *, dedupe_key: str, maybe_sent: bool = False
    ) -> Delivery:
        return await self.inner.send_dm(member, reply, dedupe_key=dedupe_key, maybe_sent=maybe_sent)

    async def post_to_channel(self, group_id: str, channel_id: str, reply: Reply) -> Delivery:
        if channel_id == self.broken:
            raise RuntimeError("bug in an adapter")
        return await self.inner.post_to_channel(group_id, channel_id, reply)


async def say_in(core: Core, clock: ManualClock, group: str, user: str, line: str) -> str:
    """A member of another group (console platform, its own workspace) types a command."""
    command, _, text = line.removeprefix("/interview ").partition(" ")
    request = CommandRequest(
        member=MemberRef("console", group, user),
        command=command,
        text=text,
        received_at=clock.now(),
        group_id=group,
        is_admin=True,
        channel_id="C0OTHERWINS",
    )
    return (await core.dispatcher.handle(request)).plain_text()


def posts(convo: Conversation) -> list[str]:
    return [line.split("\n")[0] for line in convo.transcript if line.startswith("Post to #")]


async def test_a_group_whose_post_raises_does_not_stop_the_next_groups_post(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    for n in range(5):
        convo.user = f"m{n}"
        await convo.say(LOG)
        await say_in(core, clock, "other", f"o{n}", LOG)
    await convo.say("/interview admin wins=here")  # the local group: first in line
    await say_in(core, clock, "other", "o0", "/interview admin wins=here")
    await convo.say(":advance 7d")
    console = core.delivery.messengers["console"]
    assert isinstance(console, ConsoleMessenger)
    jobs = GroupJobs(core.groups, {"console": BrokenChannel(console, broken="wins")})

    assert await jobs.post_wins() == 1
    assert [line.split(" at ")[0] for line in posts(convo)] == ["Post to #C0OTHERWINS"]

    fixed = GroupJobs(core.groups, {"console": console})  # the failed post was handed back
    assert await fixed.post_wins() == 1
    assert [line.split(" at ")[0] for line in posts(convo)][1:] == ["Post to #wins"]


async def test_a_group_with_a_broken_retention_setting_does_not_stop_the_others_purge(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await convo.say(LOG)
    await convo.say("/interview outcome #1 rejected")
    await say_in(core, clock, "other", "o1", LOG)
    await say_in(core, clock, "other", "o1", "/interview outcome #1 rejected")
    await convo.say("/interview admin retention=30d")
    await say_in(core, clock, "other", "o1", "/interview admin retention=30d")
    with core.deps.db.transaction() as session:  # stored out of range, before the check
        session.execute(
            update(Workspace).where(Workspace.external_id == "local").values(retention_days=10**9)
        )
    clock.advance(timedelta(days=40))
    jobs = GroupJobs(core.groups, core.delivery.messengers)

    await jobs.tick()  # the purge runs after the wins post, whatever became of it

    with core.deps.db.reading() as session:
        left = session.query(Interview.member_id).count()
    assert left == 1  # the other group's closed interview went, the local one stayed
    assert "Your interviews" in await convo.say("/interview list")
