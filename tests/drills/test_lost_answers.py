"""The drill's findings, pinned small: a DM whose answer was lost is still posted once."""

from __future__ import annotations

from datetime import UTC, datetime

from aiohttp import web
from fakes.slack_api import Answer, FakeSlack

from adapters.slack.messenger import SlackMessenger
from bot.chat import MemberRef, Reply, Section, Visibility
from bot.ports import DeliveryStatus
from bot.scheduling.clock import ManualClock

ADA = MemberRef("slack", "T0FOLLOW", "U0ADA")
REPLY = Reply([Section("Time to send your thank-you (#1).")], Visibility.DIRECT)


async def token_for(_team: str) -> str:
    return "xoxb-drill"


async def test_slack_dm_posted_but_connection_dropped_is_not_posted_again() -> None:
    """Slack did the work, the answer never came: the retry finds the DM by its key."""
    fake = await FakeSlack().start()
    dropped: list[str] = []

    async def drop_first_post(
        request: web.Request, method: str, answer: Answer
    ) -> web.StreamResponse:
        response = await answer()
        if method == "chat.postMessage" and not dropped and request.transport is not None:
            dropped.append(method)
            request.transport.abort()
        return response

    fake.chaos = drop_first_post
    messenger = SlackMessenger(fake.api_url, token_for, ManualClock(datetime.now(UTC)))
    try:
        first = await messenger.send_dm(ADA, REPLY, dedupe_key="rem-1")
        # The core records a retry; its next attempt says the DM may have gone out.
        second = await messenger.send_dm(ADA, REPLY, dedupe_key="rem-1", maybe_sent=True)
    finally:
        await messenger.close()
        await fake.stop()

    assert dropped == ["chat.postMessage"]
    assert first.status is DeliveryStatus.RETRY
    assert second.status is DeliveryStatus.DELIVERED
    assert len(fake.of("chat.postMessage")) == 1  # no blind re-post by slack_sdk
    assert len(fake.of("conversations.history")) == 1
    ((channel, messages),) = fake.history.items()
    assert [m["metadata"]["event_payload"]["dedupe_key"] for m in messages] == ["rem-1"]
    assert second.message_ref == f"{channel}:{messages[0]['ts']}"
