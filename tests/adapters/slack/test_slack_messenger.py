"""The Slack messenger against the fake: DMs with metadata, 429s retried, failures mapped."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from fakes.slack_api import FakeSlack

from adapters.slack.messenger import SlackMessenger
from bot.chat import Action, MemberRef, Reply, Section, Visibility
from bot.ports import DeliveryStatus
from bot.scheduling.clock import ManualClock

ADA = MemberRef("slack", "T0FOLLOW", "U0ADA")
REPLY = Reply(
    blocks=[Section("Time to send your thank-you for <!channel> & Co (#1).")],
    visibility=Visibility.DIRECT,
    actions=[
        Action("sent", "Mark sent", '#1 thank_you "Jane Doe"', style="primary"),
        Action("snooze", "In an hour", '#1 thank_you "Jane Doe" for=1h'),
        Action("snooze", "Tomorrow morning", '#1 thank_you "Jane Doe" for=tomorrow'),
        Action("skip", "Skip", '#1 thank_you "Jane Doe"'),
    ],
)


TOKEN = "xoxb-t"


OPEN: list[SlackMessenger] = []


def messenger(fake: FakeSlack, clock: ManualClock, token: str | None = TOKEN) -> SlackMessenger:
    async def token_for(_team: str) -> str | None:
        return token

    made = SlackMessenger(fake.api_url, token_for, clock)
    OPEN.append(made)
    return made


@pytest.fixture(autouse=True)
async def close_messengers() -> AsyncIterator[None]:
    yield
    while OPEN:
        await OPEN.pop().close()


async def test_dm_opens_the_conversation_and_carries_the_dedupe_key(
    fake: FakeSlack, clock: ManualClock
) -> None:
    delivery = await messenger(fake, clock).send_dm(ADA, REPLY, dedupe_key="r-1-first")
    assert delivery.status is DeliveryStatus.DELIVERED
    assert [c.method for c in fake.calls] == ["conversations.open", "chat.postMessage"]
    assert fake.calls[0].body["users"] == "U0ADA"
    posted = fake.calls[1]
    assert posted.token == TOKEN
    assert delivery.message_ref == f"{posted.body['channel']}:1764000000.000001"
    assert posted.json("metadata") == {
        "event_type": "followup_reminder",
        "event_payload": {"dedupe_key": "r-1-first"},
    }
    elements = [e for b in posted.json("blocks") if b["type"] == "actions" for e in b["elements"]]
    assert [e["action_id"] for e in elements] == [
        "followup:sent",
        "followup:snooze",
        "followup:skip",
    ]
    snooze = elements[1]
    assert snooze["type"] == "overflow"
    assert [o["value"] for o in snooze["options"]] == [
        '#1 thank_you "Jane Doe" for=1h',
        '#1 thank_you "Jane Doe" for=tomorrow',
    ]
    assert "<!channel>" not in fake.raw()


async def test_rate_limit_is_retried_after_retry_after(fake: FakeSlack, clock: ManualClock) -> None:
    fake.rate_limit("chat.postMessage", retry_after=1)
    started = time.monotonic()
    delivery = await messenger(fake, clock).send_dm(ADA, REPLY, dedupe_key="k")
    assert delivery.status is DeliveryStatus.DELIVERED
    assert time.monotonic() - started >= 0.9  # slack_sdk slept for Retry-After
    assert len(fake.of("chat.postMessage")) == 2


async def test_rate_limit_that_outlasts_the_retries_is_a_retry_at_retry_after(
    fake: FakeSlack, clock: ManualClock
) -> None:
    fake.rate_limit("chat.postMessage", retry_after=0, times=3)
    fake.script["chat.postMessage"][-1].retry_after = 120
    delivery = await messenger(fake, clock).send_dm(ADA, REPLY, dedupe_key="k")
    assert delivery.status is DeliveryStatus.RETRY
    assert delivery.retry_at is not None
    assert (delivery.retry_at - clock.now()).total_seconds() == 120


@pytest.mark.parametrize(
    ("method", "error"),
    [
        ("conversations.open", "user_not_found"),
        ("conversations.open", "account_inactive"),
        ("chat.postMessage", "token_revoked"),
        ("chat.postMessage", "messages_tab_disabled"),
    ],
)
async def test_permanent_errors_are_undeliverable_with_the_reason(
    fake: FakeSlack, clock: ManualClock, method: str, error: str
) -> None:
    fake.fail(method, error)
    delivery = await messenger(fake, clock).send_dm(ADA, REPLY, dedupe_key="k")
    assert delivery.status is DeliveryStatus.UNDELIVERABLE
    assert delivery.reason == error


async def test_server_errors_are_retried_later(fake: FakeSlack, clock: ManualClock) -> None:
    fake.fail("chat.postMessage", "internal_error", status=503)
    delivery = await messenger(fake, clock).send_dm(ADA, REPLY, dedupe_key="k")
    assert delivery.status is DeliveryStatus.RETRY


async def test_network_errors_are_retried_later(clock: ManualClock) -> None:
    async def token_for(_team: str) -> str | None:
        return TOKEN

    closed = SlackMessenger("http://127.0.0.1:9/api/", token_for, clock)
    OPEN.append(closed)
    delivery = await closed.send_dm(ADA, REPLY, dedupe_key="k")
    assert delivery.status is DeliveryStatus.RETRY
    assert delivery.reason is not None
    assert delivery.reason.startswith("network")


async def test_no_token_for_the_workspace_is_undeliverable(
    fake: FakeSlack, clock: ManualClock
) -> None:
    delivery = await messenger(fake, clock, token=None).send_dm(ADA, REPLY, dedupe_key="k")
    assert delivery.status is DeliveryStatus.UNDELIVERABLE
    assert fake.calls == []


async def test_a_repeated_key_in_one_process_is_not_sent_twice(
    fake: FakeSlack, clock: ManualClock
) -> None:
    sender = messenger(fake, clock)
    first = await sender.send_dm(ADA, REPLY, dedupe_key="same")
    again = await sender.send_dm(ADA, REPLY, dedupe_key="same")
    assert again == first
    assert len(fake.of("chat.postMessage")) == 1


async def test_a_resend_after_a_crash_finds_the_dm_by_its_metadata(
    fake: FakeSlack, clock: ManualClock
) -> None:
    """A new process re-sends a reminder whose first attempt was never recorded."""
    first = await messenger(fake, clock).send_dm(ADA, REPLY, dedupe_key="r-9-crash")
    again = await messenger(fake, clock).send_dm(
        ADA, REPLY, dedupe_key="r-9-crash", maybe_sent=True
    )
    assert again.status is DeliveryStatus.DELIVERED
    assert again.message_ref == first.message_ref
    assert [c.method for c in fake.calls].count("chat.postMessage") == 1
    assert "conversations.history" in [c.method for c in fake.calls]


async def test_a_first_attempt_does_not_read_history(fake: FakeSlack, clock: ManualClock) -> None:
    await messenger(fake, clock).send_dm(ADA, REPLY, dedupe_key="r-10-new")
    assert "conversations.history" not in [c.method for c in fake.calls]


async def test_the_resend_check_asks_for_at_most_15_messages_of_the_dm(
    fake: FakeSlack, clock: ManualClock
) -> None:
    """Apps outside the Marketplace get 15 messages a call; asking for more is refused."""
    await messenger(fake, clock).send_dm(ADA, REPLY, dedupe_key="r-11", maybe_sent=True)
    (history,) = fake.of("conversations.history")
    assert int(history.body["limit"]) <= 15


async def test_a_second_resend_within_the_minute_waits_instead_of_asking_history(
    fake: FakeSlack, clock: ManualClock
) -> None:
    """One history call a minute per workspace: the next re-send is a retry, not a DM."""
    sender = messenger(fake, clock)
    await sender.send_dm(ADA, REPLY, dedupe_key="r-12-a", maybe_sent=True)
    later = await sender.send_dm(ADA, REPLY, dedupe_key="r-12-b", maybe_sent=True)
    assert later.status is DeliveryStatus.RETRY
    assert later.retry_at == clock.now() + timedelta(minutes=1)
    assert len(fake.of("conversations.history")) == 1
    assert len(fake.of("chat.postMessage")) == 1
    clock.advance(timedelta(minutes=1))
    fake.advance(60)
    after = await sender.send_dm(ADA, REPLY, dedupe_key="r-12-b", maybe_sent=True)
    assert after.status is DeliveryStatus.DELIVERED


async def test_a_rate_limited_resend_check_is_retried_at_retry_after_never_dms_closed(
    fake: FakeSlack, clock: ManualClock
) -> None:
    """Another process took this minute's history call: Slack's 429 means wait."""
    fake.rate_limit("conversations.history", retry_after=45)
    delivery = await messenger(fake, clock).send_dm(ADA, REPLY, dedupe_key="r-13", maybe_sent=True)
    assert delivery.status is DeliveryStatus.RETRY
    assert delivery.retry_at == clock.now() + timedelta(seconds=45)
    assert fake.of("chat.postMessage") == []
    assert len(fake.of("conversations.history")) == 1  # slept on by nobody: no retry storm


@pytest.mark.slack_refuses
async def test_an_install_without_im_history_still_gets_its_reminder(
    fake: FakeSlack, clock: ManualClock
) -> None:
    """A workspace installed before im:history was asked for: send rather than lose it."""
    fake.granted = fake.granted - {"im:history"}
    delivery = await messenger(fake, clock).send_dm(ADA, REPLY, dedupe_key="r-14", maybe_sent=True)
    assert delivery.status is DeliveryStatus.DELIVERED
    assert len(fake.of("chat.postMessage")) == 1
