"""Socket Mode that waits out a Slack it cannot reach, and stops on an app token Slack refuses.

slack_sdk's aiohttp client retries a failed connection every few seconds forever, with a
traceback each time, whatever the cause: a refused app token too. This subclass sends every
connection, the first and each reconnection (Slack closing the socket, a stale session),
through `Link.attempt`: a fresh WebSocket URL a try, one log line a failure, waits doubling
to the cap, and `Refused` for an app token Slack rejects. The SDK's session monitor and
message receiver run as before on each new session.
"""

from __future__ import annotations

import asyncio
import time

import aiohttp
from slack_bolt.adapter.socket_mode.async_internals import (
    run_async_bolt_app,
    send_async_response,
)
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.web.async_client import AsyncWebClient

from adapters.reconnect import Link, Refused

PING_INTERVAL = 10.0  # seconds, as Bolt's AsyncSocketModeHandler has it
# apps.connections.open errors that mean the app token itself is wrong
# (https://docs.slack.dev/reference/methods/apps.connections.open/#errors).
REFUSED_TOKEN_ERRORS = frozenset(
    {
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "not_allowed_token_type",
    }
)
UNREACHABLE: tuple[type[Exception], ...] = (OSError, TimeoutError, aiohttp.ClientError)
SOCKET_REFUSED = (
    "Slack refused SLACK_APP_TOKEN ({error}): create an App-Level Token with the "
    "connections:write scope (Basic Information > App-Level Tokens on your app's page at "
    "https://api.slack.com/apps) and set it."
)


class ReconnectingSocketModeClient(SocketModeClient):
    """Bolt's app over Socket Mode; each (re)connection tried through the `link`.

    `refused` holds the `Refused` of a reconnection (made in the SDK's own tasks) for the
    adapter to raise; the first connection's comes out of `connect` itself.
    """

    def __init__(
        self, app: AsyncApp, app_token: str, web_client: AsyncWebClient, link: Link
    ) -> None:
        super().__init__(
            app_token, logger=app.logger, web_client=web_client, ping_interval=PING_INTERVAL
        )
        self.app = app
        self.link = link
        self.refused: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.socket_mode_request_listeners.append(self._dispatch)  # type: ignore[arg-type]

    async def connect(self) -> None:
        """Connect, trying again while Slack cannot be reached; `Refused` for a bad token."""
        await self.link.attempt(self._connect_once, UNREACHABLE)

    async def connect_to_new_endpoint(self, force: bool = False) -> None:
        """Reconnect through `connect`, one task at a time (the SDK's asks for a URL outside it)."""
        if self.connect_operation_lock.locked():
            return  # another task is reconnecting already
        async with self.connect_operation_lock:
            if force or not await self.is_connected():
                try:
                    await self.connect()
                except Refused as refused:
                    if not self.refused.done():
                        self.refused.set_exception(refused)  # for the adapter to raise

    async def _connect_once(self) -> None:
        """One try: close the old session, open a fresh URL, connect, restart the SDK's tasks."""
        self.link.down()
        self.auto_reconnect_enabled = False  # the old session's tasks must not reconnect too
        old = self.current_session
        if old is not None and not old.closed:
            await old.close()
        if self.aiohttp_client_session.closed:
            self.aiohttp_client_session = aiohttp.ClientSession()
        try:
            opened = await self.web_client.apps_connections_open(app_token=self.app_token)
        except SlackApiError as error:
            code = str(error.response.get("error"))
            if code in REFUSED_TOKEN_ERRORS:
                raise Refused(SOCKET_REFUSED.format(error=code)) from None
            raise ConnectionError(f"apps.connections.open answered {code}") from None
        self.wss_uri = str(opened["url"])
        session = await self.aiohttp_client_session.ws_connect(
            self.wss_uri,
            autoping=False,
            heartbeat=self.ping_interval,
            proxy=self.proxy,
            ssl=self.web_client.ssl if self.web_client.ssl is not None else True,
        )
        self.current_session = session
        self.stale = False
        self.last_ping_pong_time = None  # an outage's last pong must not make this one stale
        await session.ping(f"sdk-ping-pong:{time.time()}".encode())
        # No await from here on: this may run in the monitor task it replaces.
        for task in (self.current_session_monitor, self.message_receiver):
            if task is not None:
                task.cancel()
        self.current_session_monitor = asyncio.ensure_future(self.monitor_current_session())
        self.message_receiver = asyncio.ensure_future(self.receive_messages())
        self.auto_reconnect_enabled = self.default_auto_reconnect_enabled
        self.link.up()

    async def _dispatch(self, client: SocketModeClient, request: SocketModeRequest) -> None:
        """Hand a Socket Mode request to Bolt and send its answer (as Bolt's handler does)."""
        start = time.time()
        response = await run_async_bolt_app(self.app, request)
        await send_async_response(client, request, response, start)
