"""Reminder DMs on Slack: `conversations.open`, then `chat.postMessage` with the dedupe key.

Rate limits are retried by slack_sdk's rate-limit handler honouring Retry-After; when the
retries run out the outcome is "retry at Retry-After". Failures that will not heal
(member gone, account deactivated, token revoked, DMs closed) are undeliverable, with
Slack's error code as the reason; network trouble and 5xx are retried later.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.blocks import message_parts
from bot.chat import MemberRef, Reply
from bot.ports import Clock, Delivery, DeliveryStatus

log = logging.getLogger(__name__)

PLATFORM = "slack"
METADATA_EVENT = "followup_reminder"
PERMANENT = frozenset(
    {
        "user_not_found",
        "users_not_found",
        "account_inactive",
        "user_disabled",
        "token_revoked",
        "token_expired",
        "invalid_auth",
        "not_authed",
        "no_permission",
        "missing_scope",
        "messages_tab_disabled",
        "cannot_dm_bot",
        "user_is_bot",
        "restricted_action",
        "channel_not_found",
        "is_archived",
        "team_access_not_granted",
        "not_allowed_token_type",
        "app_uninstalled",
        "team_not_found",
        "ekm_access_denied",
        "not_in_channel",  # a channel post: the app was never invited there
    }
)
DEFAULT_RETRY_AFTER = 30
# Apps outside the Slack Marketplace get conversations.history once a minute per workspace,
# at most 15 messages a call (Slack's changelog, 2025-05-29): the re-send check lives in it.
# Marketplace apps keep Tier 3 (50 a minute): `Settings.slack_history_per_minute`.
HISTORY_LOOKBACK = 15  # the newest DMs searched for a dedupe key before a re-send

TokenLookup = Callable[[str], Awaitable[str | None]]


def error_code(error: SlackApiError) -> str:
    """Slack's error code, whatever the body was."""
    data = error.response.data
    return (
        str(data.get("error")) if isinstance(data, dict) else f"HTTP {error.response.status_code}"
    )


def make_client(
    base_url: str,
    token: str | None,
    *,
    rate_limit_retries: int = 2,
    retry_connection_errors: bool = True,
) -> AsyncWebClient:
    """A Web API client on `base_url` that retries 429s (and connection errors, if asked).

    A connection that drops after Slack has carried out `chat.postMessage` looks like any
    other connection error, and Slack has no idempotent send: a blind retry posts the DM
    twice (found by tests/drills). Reminder DMs therefore turn connection errors into a
    later attempt, which searches the DM history for the dedupe key before re-sending.
    """
    handlers: list[AsyncRetryHandler] = [
        AsyncRateLimitErrorRetryHandler(max_retry_count=rate_limit_retries)
    ]
    if retry_connection_errors:
        handlers.insert(0, AsyncConnectionErrorRetryHandler(max_retry_count=1))
    return AsyncWebClient(token=token, base_url=base_url, timeout=15, retry_handlers=handlers)


class SlackMessenger:
    """Sends DMs to Slack members with the bot token of their workspace."""

    platform = PLATFORM

    def __init__(
        self,
        base_url: str,
        token_for: TokenLookup,
        clock: Clock,
        *,
        rate_limit_retries: int = 2,
        history_per_minute: int = 1,
    ) -> None:
        self._base_url = base_url
        self._history_every = timedelta(minutes=1) / history_per_minute
        self._token_for = token_for
        self._clock = clock
        self._retries = rate_limit_retries
        self._clients: dict[str, AsyncWebClient] = {}
        self._history_clients: dict[str, AsyncWebClient] = {}
        self._history_next: dict[str, datetime] = {}  # token -> when history may be asked
        self._recent: OrderedDict[str, str] = OrderedDict()  # dedupe key -> message ref
        self._session: aiohttp.ClientSession | None = None

    def client(self, token: str) -> AsyncWebClient:
        """One client per bot token (each workspace has its own)."""
        found = self._clients.get(token)
        if found is None:
            found = make_client(
                self._base_url,
                token,
                rate_limit_retries=self._retries,
                retry_connection_errors=False,  # maybe posted: the next attempt checks
            )
            self._clients[token] = found
        if self._session is None:  # one pooled session, made inside the running loop
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15))
        found.session = self._session
        return found

    def history_client(self, token: str) -> AsyncWebClient:
        """A client for the re-send check that never sleeps on a 429 (that minute is long)."""
        found = self._history_clients.get(token)
        if found is None:
            found = make_client(
                self._base_url, token, rate_limit_retries=0, retry_connection_errors=False
            )
            self._history_clients[token] = found
        found.session = self.client(token).session
        return found

    async def send_dm(
        self, member: MemberRef, reply: Reply, *, dedupe_key: str, maybe_sent: bool = False
    ) -> Delivery:
        """Open the DM channel and post the reply; report what happened.

        When an earlier attempt may have gone out (`maybe_sent`), the DM's newest 15
        messages are searched for one carrying this dedupe key in its metadata first. Only
        such re-sends read history: Slack allows one call a minute per workspace, so a
        second re-send within the minute, or a 429, is "retry later", never "DMs closed".
        """
        if dedupe_key in self._recent:  # re-sent by this process after a lost record
            return Delivery.delivered(self._recent[dedupe_key])
        token = await self._token_for(member.workspace_id)
        if not token:
            return Delivery.undeliverable("app_uninstalled: no bot token for this workspace")
        client = self.client(token)
        try:
            opened = await client.conversations_open(users=member.user_id)
            channel = opened["channel"]["id"]
            if maybe_sent:
                checked = await self._already_sent(token, channel, dedupe_key)
                if isinstance(checked, Delivery):
                    return checked
                if checked is not None:
                    return Delivery.delivered(f"{channel}:{checked}")
            text, blocks = message_parts(reply)
            posted = await client.chat_postMessage(
                channel=channel,
                text=text,
                blocks=blocks,
                unfurl_links=False,
                unfurl_media=False,
                metadata={
                    "event_type": METADATA_EVENT,
                    "event_payload": {"dedupe_key": dedupe_key},
                },
            )
        except SlackApiError as error:
            return self._failure(error)
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            return Delivery.retry(f"network: {error.__class__.__name__}")
        ref = f"{channel}:{posted['ts']}"
        self._recent[dedupe_key] = ref
        while len(self._recent) > 10_000:
            self._recent.popitem(last=False)
        return Delivery.delivered(ref)

    async def post_to_channel(self, group_id: str, channel_id: str, reply: Reply) -> Delivery:
        """Post in a workspace channel with `chat.postMessage` (the app must be a member)."""
        token = await self._token_for(group_id)
        if not token:
            return Delivery.undeliverable("app_uninstalled: no bot token for this workspace")
        text, blocks = message_parts(reply)
        try:
            posted = await self.client(token).chat_postMessage(
                channel=channel_id,
                text=text,
                blocks=blocks,
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as error:
            return self._failure(error)
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            return Delivery.retry(f"network: {error.__class__.__name__}")
        return Delivery.delivered(f"{channel_id}:{posted['ts']}")

    def _failure(self, error: SlackApiError) -> Delivery:
        response = error.response
        data = response.data
        code = str(data.get("error") or "") if isinstance(data, dict) else ""
        if response.status_code == 429 or code == "ratelimited":
            after = response.headers.get("Retry-After") or response.headers.get("retry-after")
            try:
                seconds = int(after) if after is not None else DEFAULT_RETRY_AFTER
            except ValueError:
                seconds = DEFAULT_RETRY_AFTER
            return Delivery.retry(
                "ratelimited", retry_at=self._clock.now() + timedelta(seconds=seconds)
            )
        if code in PERMANENT:
            return Delivery.undeliverable(code)
        if response.status_code >= 500:
            return Delivery.retry(f"slack {response.status_code}: {code or 'server error'}")
        log.warning("chat.postMessage failed: %s", code)
        return Delivery.retry(code or f"slack {response.status_code}")

    async def close(self) -> None:
        """Close the pooled HTTP session."""
        self._clients.clear()
        self._history_clients.clear()
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()

    async def _already_sent(
        self, token: str, channel: str, dedupe_key: str
    ) -> str | Delivery | None:
        """The ts of a recent DM carrying `dedupe_key`; None if none; a Delivery to wait.

        Within a minute of this workspace's last check, or on a 429, the answer is a wait
        until the time Slack allows, which never counts toward giving up (5xx: a retry). A
        refusal that will not heal (an install from before `im:history` was asked for)
        sends without checking: a rare duplicate beats a lost reminder, and a closed DM
        then shows on the post itself.
        """
        now = self._clock.now()
        allowed = self._history_next.get(token)
        if allowed is not None and now < allowed:
            return Delivery.wait("re-send check waits for Slack's history limit", allowed)
        self._history_next[token] = now + self._history_every
        try:
            history = await self.history_client(token).conversations_history(
                channel=channel, limit=HISTORY_LOOKBACK, include_all_metadata=True
            )
        except SlackApiError as error:
            failure = self._failure(error)
            if failure.status is DeliveryStatus.RETRY:
                if failure.retry_at is not None:  # rate limited: wait out Retry-After
                    self._history_next[token] = failure.retry_at
                    return Delivery.wait(failure.reason or "ratelimited", failure.retry_at)
                return failure
            log.warning("re-send check skipped: %s", failure.reason)
            return None
        return _find_key(history.get("messages") or [], dedupe_key)


def _find_key(messages: list[dict[str, Any]], dedupe_key: str) -> str | None:
    """The ts of the message whose metadata carries `dedupe_key`, if any."""
    for message in messages:
        metadata = message.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == METADATA_EVENT and payload.get("dedupe_key") == dedupe_key:
            return str(message.get("ts"))
    return None
