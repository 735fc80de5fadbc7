"""The weekly wins post: anonymous, opt-in, at most once a week, never with under five."""

from __future__ import annotations

import asyncio

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.scheduling.group_jobs import GroupJobs


async def five_members_log(convo: Conversation, count: int = 5) -> None:
    for n in range(1, count + 1):
        convo.user = f"m{n}"
        await convo.say('/interview log company="Secretco" when="yesterday 3pm" with="Jo Doe"')
    convo.user = "ada"


def posts(convo: Conversation) -> list[str]:
    return [line for line in convo.transcript if line.startswith("Post to #")]


async def test_the_wins_post_goes_out_once_a_week(convo: Conversation, core: Core) -> None:
    await five_members_log(convo)
    await convo.say("/interview admin wins=here")
    jobs = GroupJobs(core.groups, core.delivery.messengers)
    assert await jobs.post_wins() == 0  # just enabled: the first post is next week
    await convo.say(":advance 7d")
    assert await jobs.post_wins() == 1
    assert await jobs.post_wins() == 0  # already posted this week
    (post,) = posts(convo)
    assert post.startswith("Post to #wins")
    assert "Interviews logged: 5" in post
    assert "anonymous" in post
    for private in ("Secretco", "Jo Doe", "m1", "ada"):
        assert private not in post


async def test_two_processes_post_the_week_once(convo: Conversation, core: Core) -> None:
    await five_members_log(convo)
    await convo.say("/interview admin wins=here")
    await convo.say(":advance 7d")
    first = GroupJobs(core.groups, core.delivery.messengers)
    second = GroupJobs(core.groups, core.delivery.messengers)
    results = await asyncio.gather(first.post_wins(), second.post_wins())
    assert sorted(results) == [0, 1]
    assert len(posts(convo)) == 1


async def test_nothing_is_posted_with_four_contributors(convo: Conversation, core: Core) -> None:
    await five_members_log(convo, count=4)
    await convo.say("/interview admin wins=here")
    await convo.say(":advance 7d")
    jobs = GroupJobs(core.groups, core.delivery.messengers)
    assert await jobs.post_wins() == 0
    assert posts(convo) == []


async def test_turning_the_wins_channel_off_stops_the_post(convo: Conversation, core: Core) -> None:
    await five_members_log(convo)
    await convo.say("/interview admin wins=here")
    reply = await convo.say("/interview admin wins=off")
    assert "Wins channel: off" in reply
    await convo.say(":advance 7d")
    assert await GroupJobs(core.groups, core.delivery.messengers).post_wins() == 0
    assert posts(convo) == []


async def test_the_jobs_start_and_stop_cleanly(convo: Conversation, core: Core) -> None:
    jobs = GroupJobs(core.groups, core.delivery.messengers, interval=60)
    jobs.start()
    await asyncio.sleep(0.05)
    await jobs.stop()
    await asyncio.sleep(0)  # APScheduler shuts down on the loop's next turn
    assert not jobs.scheduler.running
