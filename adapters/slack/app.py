"""The Slack app: `/interview`, modals, DM buttons, App Home and installs, on slack-bolt.

Every listener only translates: a Slack payload becomes a `CommandRequest` for the core's
dispatcher, and the `Reply` goes back as Block Kit. Nothing is kept in memory that a
restart would lose (buttons carry the whole command in their value; modals carry theirs in
`private_metadata`); the only cache is members' Slack time zones.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import time
from collections.abc import Coroutine, Mapping
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any, TypeGuard

import aiohttp
from aiohttp import web
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_bolt.authorization.async_authorize import AsyncInstallationStoreAuthorize
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.invite_files import typed_beside
from adapters.message_text import with_message
from adapters.reconnect import Link
from adapters.slack.blocks import (
    ACTION_PREFIX,
    FORM_CALLBACK,
    fallback_text,
    form_view,
    home_view,
    message_parts,
    parse_action_id,
    reply_blocks,
    result_view,
    settled_message,
    submitted_options,
    view_errors,
)
from adapters.slack.invites import fetch_invites, might_be_invite, typed_text
from adapters.slack.messenger import PLATFORM, SlackMessenger, error_code, make_client
from adapters.slack.request_guard import REQUEST_KEY, RequestGuard, bolt_logger
from adapters.slack.socket_mode import ReconnectingSocketModeClient
from adapters.slack.stores import InstallationStore, StateStore
from adapters.speech import member_language
from bot.app import Core
from bot.chat import (
    Attachment,
    CommandRequest,
    Form,
    MemberRef,
    Reply,
    Section,
    Visibility,
)
from bot.commands.reply_pick import TEXT as REPLY_TEXT
from bot.i18n import N_, _, speaking
from bot.settings import Settings
from bot.storage import repositories as repo

log = logging.getLogger(__name__)

COMMAND = "/interview"
# The message shortcuts' callback ids (slack-app-manifest.yml declares them).
LOG_SHORTCUT = "followup_log_from_message"
REPLY_SHORTCUT = "followup_reply_from_message"
_SLACK_ID = re.compile(r"[A-Z0-9]{1,32}")
EVENTS_PATH = "/slack/events"
# The manifest's bot scopes (slack-app-manifest.yml, kept equal by a test).
BOT_SCOPES = (
    "commands",
    "chat:write",
    "im:write",
    "im:history",
    "channels:read",
    "groups:read",
    "users:read",
    "files:write",
    "files:read",
)
TZ_TTL_SECONDS = 6 * 3600
ADMIN_TTL_SECONDS = 300
# Remembered past Slack's five-minute signature window and its last retry, which comes
# about five minutes after the first delivery (https://docs.slack.dev/apis/events-api/#retries).
CLAIM_TTL = timedelta(hours=1)
WORK_CONCURRENCY = 8
# Commands run one at a time after their acks: ORM work in a thread holds the GIL, and each
# extra one in flight slows the event loop that acknowledges the next request (measured in
# bench/slack.py). SQLite takes one writer at a time anyway.
DISPATCH_CONCURRENCY = 1
SENT_BY_DM = N_("I've sent that to you by DM.")
FILES_FAILED = N_("I couldn't attach the files to this message. Please try again in a moment.")
NO_DM_FOR_FILES = N_(
    "I couldn't DM you the files. Allow direct messages from Followup, then try again."
)


@dataclass(frozen=True)
class Profile:
    """What `users.info` says of a member that the core uses: their zone and locale."""

    tz: str | None = None
    locale: str | None = None


class SlackAdapter:
    """Slack for one workspace (bot token) or many (OAuth install), over HTTP or Socket Mode."""

    def __init__(self, core: Core, settings: Settings) -> None:
        self.core = core
        self.settings = settings
        self.multi_workspace = bool(
            settings.slack_client_id
            and settings.slack_client_secret
            and not settings.slack_bot_token
        )
        self.client: AsyncWebClient = make_client(settings.slack_api_url, settings.slack_bot_token)
        self.installations: InstallationStore | None = None
        self.authorize: AsyncInstallationStoreAuthorize | None = None
        # users.info per member: (tz, locale, when asked).
        self._profiles: dict[tuple[str, str], tuple[Profile, float]] = {}
        self._admins: dict[tuple[str, str], tuple[bool, float]] = {}  # (team, user) -> flag
        # The work after an ack runs a few at a time, so acks never queue behind it.
        self._work = asyncio.Semaphore(WORK_CONCURRENCY)
        self._dispatching = asyncio.Semaphore(DISPATCH_CONCURRENCY)
        self._session: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        secret = settings.slack_signing_secret or ""
        if self.multi_workspace:
            client_id = settings.slack_client_id or ""
            self.installations = InstallationStore(
                client_id, core.deps.db, on_install=self._activate
            )
            self.authorize = AsyncInstallationStoreAuthorize(
                logger=log,
                installation_store=self.installations,
                client_id=client_id,
                client_secret=settings.slack_client_secret,
                cache_enabled=True,
                client=self.client,
            )
            self.bolt = AsyncApp(
                signing_secret=secret,
                client=self.client,
                installation_store=self.installations,
                authorize=self.authorize,  # type: ignore[arg-type]  # an AsyncAuthorize is accepted
                oauth_settings=AsyncOAuthSettings(
                    client_id=client_id,
                    client_secret=settings.slack_client_secret,
                    scopes=list(BOT_SCOPES),
                    installation_store=self.installations,
                    state_store=StateStore(core.deps.db.engine),
                ),
                request_verification_enabled=False,  # HTTP: RequestGuard verifies the raw bytes
                process_before_response=True,
                logger=bolt_logger(),
            )
        else:
            self.bolt = AsyncApp(
                signing_secret=secret,
                client=self.client,
                request_verification_enabled=False,  # HTTP: RequestGuard verifies the raw bytes
                process_before_response=True,
                logger=bolt_logger(),
            )
        self.messenger = SlackMessenger(
            settings.slack_api_url,
            self._token_for,
            core.deps.clock,
            history_per_minute=settings.slack_history_per_minute,
        )
        core.add_messenger(self.messenger)
        # Socket Mode is a connection this process keeps: its state is reported by /healthz.
        self.link = (
            Link("Slack", settings.reconnect_max_seconds) if settings.slack_app_token else None
        )
        self._socket: ReconnectingSocketModeClient | None = None
        self._runner: web.AppRunner | None = None
        self.extra_routes: list[web.RouteDef] = []  # served beside Slack (health, metrics)
        self._register()

    # --- wiring ---------------------------------------------------------------------

    def _register(self) -> None:
        app = self.bolt
        app.command(COMMAND)(self._on_command)
        app.view(FORM_CALLBACK)(self._on_submit)
        app.action(re.compile(f"^{re.escape(ACTION_PREFIX)}"))(self._on_action)
        # Link buttons ("Open in Gmail") send block_actions too, with an action_id Slack
        # makes up; unanswered, Bolt replies 404 and the member sees an error. The link has
        # already opened: acknowledge it, and any other press, with nothing to do.
        app.action(re.compile(".*"))(_acknowledge)
        app.shortcut(LOG_SHORTCUT)(self._on_message_shortcut)
        app.shortcut(REPLY_SHORTCUT)(self._on_reply_shortcut)
        app.event("app_home_opened")(self._on_home)
        app.event("message")(self._on_message)
        app.event("app_uninstalled")(self._on_uninstalled)
        app.event("tokens_revoked")(self._on_tokens_revoked)

    def web_app(self) -> web.Application:
        """The aiohttp app: `/slack/events` (+ `/slack/install`, `/slack/oauth_redirect`).

        HTTP only (Socket Mode has no signatures): the guard verifies each request on its
        raw bytes and drops replays and retries before Bolt parses it.
        """
        application = self.bolt.web_app(path=EVENTS_PATH, port=self.settings.port)
        guard = RequestGuard(
            self.settings.slack_signing_secret or "",
            self.bolt.async_dispatch,
            path=EVENTS_PATH,
        )
        application.middlewares.append(guard.middleware)
        if not self.extra_routes:  # the process's own routes bring a fuller /healthz
            application.router.add_get("/healthz", _healthz)
        application.add_routes(self.extra_routes)
        return application

    async def _first(self) -> bool:
        """Whether this HTTP request is the first of its copies (shared via the database).

        Replays and Slack's retries are acknowledged like the first and then run nothing.
        Socket Mode requests carry no key: Slack hands each to one connection.
        """
        key = REQUEST_KEY.get()
        if key is None:
            return True
        first = await asyncio.to_thread(self.core.request_claims.claim_once, key, CLAIM_TTL)
        if not first:
            log.info("Slack request ignored: a replay or retry of one already handled")
        return first

    async def run(self) -> None:
        """Serve until cancelled: Socket Mode with an app token, otherwise HTTP on $PORT.

        Socket Mode keeps trying while Slack is unreachable; an app token Slack refuses
        raises `Refused`, now or at a later reconnection.
        """
        try:
            if self.settings.slack_app_token and self.link is not None:
                # Its own Web API client: apps.connections.open takes the app token, and a
                # connection error is the backoff's to retry, not a second retry handler's.
                opener = make_client(
                    self.settings.slack_api_url, None, retry_connection_errors=False
                )
                self._socket = ReconnectingSocketModeClient(
                    self.bolt, self.settings.slack_app_token, opener, self.link
                )
                await self._socket.connect()
                await self._socket.refused  # until cancelled, or a reconnection is refused
            else:
                if not self.settings.slack_signing_secret:
                    raise RuntimeError("Slack HTTP mode needs SLACK_SIGNING_SECRET")
                self._runner = web.AppRunner(self.web_app())
                await self._runner.setup()
                await web.TCPSite(self._runner, port=self.settings.port).start()
                log.info("Slack: listening on port %s at %s", self.settings.port, EVENTS_PATH)
                await asyncio.Event().wait()
        finally:
            await self.close()

    async def close(self) -> None:
        """Stop serving (idempotent)."""
        if self._socket is not None:
            socket, self._socket = self._socket, None
            await socket.close()  # type: ignore[no-untyped-call]
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()
        await self.drain()
        for task in list(self._tasks):
            task.cancel()
        await self.messenger.close()
        if self._session is not None:
            session, self._session = self._session, None
            self.client.session = None
            await session.close()

    def _later(self, work: Coroutine[Any, Any, None]) -> None:
        """Run `work` after the response has gone back to Slack, a few at a time, once.

        The request is claimed here, not before the ack, so the ack waits on no database
        write (`_on_submit` claims inside its ack: a form is answered there).
        """

        async def bounded() -> None:
            async with self._work:
                try:
                    if not await self._first():
                        work.close()
                        return
                    await work
                except Exception:
                    log.exception("Slack work after the ack failed")

        task = asyncio.get_running_loop().create_task(bounded())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait for the work after acks to finish (tests, shutdown)."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)

    def _http(self) -> aiohttp.ClientSession:
        """One pooled HTTP session for Web API calls and response URLs (made in the loop)."""
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15))
            self.client.session = self._session
        return self._session

    async def _respond(self, url: str, payload: Mapping[str, Any]) -> None:
        """Answer on a response URL (ephemeral in the channel or DM it came from)."""
        try:
            async with self._http().post(url, json=payload) as response:
                if response.status >= 400:
                    log.warning("response_url answered %s", response.status)
        except (aiohttp.ClientError, TimeoutError) as error:
            log.warning("response_url failed: %s", error.__class__.__name__)

    # --- listeners ------------------------------------------------------------------

    async def _on_command(
        self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        self._later(self._command(body, client))

    async def _command(self, body: dict[str, Any], client: AsyncWebClient) -> None:
        self._http()
        member = _member(body.get("team_id"), body.get("user_id"))
        if member is None:
            log.warning("Slack command without a usable team or user ignored")
            return
        sub, _sep, rest = str(body.get("text") or "").strip().partition(" ")
        reply = await self._dispatch(
            client,
            member,
            sub,
            rest.strip(),
            display_name=body.get("user_name"),
            channel_id=body.get("channel_id") or None,
        )
        origin = {"channel": str(body.get("channel_id") or "")}
        await self._answer(
            client,
            member,
            reply,
            response_url=body.get("response_url"),
            trigger_id=body.get("trigger_id"),
            origin=origin,
        )

    async def _on_submit(
        self, ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], client: AsyncWebClient
    ) -> None:
        """Run the command inside the ack window so errors can show on their fields."""
        if not await self._first():
            await ack()
            return
        member = _member(_team_of(body), _user_of(body))
        meta = _metadata(view.get("private_metadata"))
        if member is None or meta is None:
            log.warning("Slack form submission without a usable team, user or form ignored")
            await ack()
            return
        request = await self._request(
            client,
            member,
            str(meta.get("command", "")),
            str(meta.get("context", "")),
            profile=self._cached_profile(member),
            options=submitted_options(view),
        )
        reply = await self.core.dispatcher.handle(request)
        if reply.field_errors:
            keys = [block.get("block_id", "") for block in view.get("blocks", [])]
            await ack(response_action="errors", errors=view_errors(reply.field_errors, keys))
            return
        title = str(view.get("title", {}).get("text") or "Followup")
        # A modal's result shows no buttons: a reply that asks for a press (what their
        # email seems to be, to confirm) goes to the DM, where its buttons work.
        asks = bool(reply.actions) and reply.visibility is not Visibility.DIRECT
        with speaking(reply.language):
            shown = (
                replace(reply, blocks=[*reply.blocks, Section(_(SENT_BY_DM))]) if asks else reply
            )
            await ack(response_action="update", view=result_view(title, shown))
        if reply.visibility is Visibility.DIRECT or asks:
            await self._dm(client, member, reply)

    async def _on_action(
        self, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient
    ) -> None:
        """A button from a DM, a reply or App Home: run its command as the clicking member."""
        await ack()
        self._later(self._action(body, action, client))

    async def _action(
        self, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient
    ) -> None:
        command = parse_action_id(str(action.get("action_id", "")))
        value = action.get("value")
        if value is None:
            chosen = action.get("selected_option")
            value = chosen.get("value", "") if isinstance(chosen, dict) else ""
        member = _member(_team_of(body), _user_of(body))
        if member is None:
            log.warning("Slack button press without a usable team or user ignored")
            return
        reply = await self._dispatch(client, member, command, str(value))
        in_home = (body.get("view") or {}).get("type") == "home"
        from_message = (body.get("container") or {}).get("type") == "message"
        response_url = body.get("response_url")
        if reply.settled and from_message and response_url:  # the buttons did their job
            with speaking(reply.language):
                settled = settled_message(body.get("message") or {}, reply)
            await self._respond(response_url, settled)
            return
        await self._answer(
            client,
            member,
            reply,
            response_url=response_url,
            trigger_id=body.get("trigger_id"),
            origin={},
        )
        if in_home:
            await self._publish_home(client, member)

    async def _on_message_shortcut(
        self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        """'Log this interview' on a message: its invite, or the log form with it as notes."""
        await ack()
        self._later(self._shortcut(body, client))

    async def _shortcut(self, body: dict[str, Any], client: AsyncWebClient) -> None:
        """A message carrying an invite logs it; any other opens the form with its text."""
        member = _member(_team_of(body), _user_of(body))
        if member is None:
            log.warning("Slack shortcut without a usable team or user ignored")
            return
        message = body.get("message")
        message = message if isinstance(message, dict) else {}
        invites = [entry for entry in _files_of(message) if might_be_invite(entry)]
        if invites:  # the message's text is someone's message, not a command
            reply = await self._log_invites(client, member, invites)
            await self._answer_shortcut(client, member, reply, body)
            return
        reply = await self._dispatch(client, member, "log", "")
        if reply.form is None:
            return
        with speaking(reply.language):
            form = with_message(reply.form, "notes", str(message.get("text") or ""))
            origin = {"channel": str((body.get("channel") or {}).get("id") or "")}
            await self._open_form(client, member, form, str(body.get("trigger_id")), origin)

    async def _answer_shortcut(
        self, client: AsyncWebClient, member: MemberRef, reply: Reply, body: dict[str, Any]
    ) -> None:
        """A shortcut's answer, where it was used: no form follows it, nothing to thread."""
        await self._answer(
            client,
            member,
            reply,
            response_url=body.get("response_url"),
            trigger_id=None,
            origin={},
        )

    async def _on_reply_shortcut(
        self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        """'Read employer's reply' on a message: the reply form, with the message's text."""
        await ack()
        self._later(self._reply_shortcut(body, client))

    async def _reply_shortcut(self, body: dict[str, Any], client: AsyncWebClient) -> None:
        """Ask which interview the email answers, the email already in its field.

        The text is the message's as the member reads it (links unwrapped, `&gt;` quote
        marks back to `>`, which tell the reader where the quoted history starts); it
        goes into the modal and nowhere else. With no interview logged, the member is told so
        where they used the shortcut.
        """
        member = _member(_team_of(body), _user_of(body))
        if member is None:
            log.warning("Slack shortcut without a usable team or user ignored")
            return
        reply = await self._dispatch(client, member, "reply", "")
        if reply.form is None:
            await self._answer_shortcut(client, member, reply, body)
            return
        message = body.get("message")
        text = typed_text(message.get("text") if isinstance(message, dict) else None)
        with speaking(reply.language):
            form = with_message(reply.form, REPLY_TEXT, text)
            origin = {"channel": str((body.get("channel") or {}).get("id") or "")}
            await self._open_form(client, member, form, str(body.get("trigger_id")), origin)

    async def _on_home(
        self, event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        if event.get("tab", "home") != "home":
            return
        member = _member(body.get("team_id"), event.get("user"))
        if member is None:
            log.warning("Slack App Home event without a usable team or user ignored")
            return
        self._later(self._publish_home(client, member))

    async def _on_message(
        self, event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        """A file shared in the app's DM is an invite to log; other messages need nothing.

        Subscribed as `message.im`: only DMs with the app. Options typed with the file
        (`event=2`) go with it. Bolt drops the app's own messages (its DMs, its uploads)
        before they get here.
        """
        files = _files_of(event)
        shared = event.get("channel_type") == "im" and event.get("subtype") == "file_share"
        if not shared or not files or event.get("bot_id"):
            return
        member = _member(body.get("team_id"), event.get("user"))
        if member is None:
            log.warning("Slack file share without a usable team or member ignored")
            return
        text = typed_beside(typed_text(event.get("text")))
        self._later(self._log_shared(client, member, files, text))

    async def _log_shared(
        self, client: AsyncWebClient, member: MemberRef, files: list[dict[str, Any]], text: str
    ) -> None:
        await self._dm(client, member, await self._log_invites(client, member, files, text))

    async def _log_invites(
        self,
        client: AsyncWebClient,
        member: MemberRef,
        files: list[dict[str, Any]],
        text: str = "",
    ) -> Reply:
        """`log text` with the invites among `files`, downloaded; or only why none could be."""
        fetched = await fetch_invites(client, self._http(), files)
        if not fetched.files:
            locale = self._cached_profile(member).locale
            language = await asyncio.to_thread(member_language, self.core, member, locale)
            return fetched.answer(language=language)
        reply = await self._dispatch(client, member, "log", text, files=tuple(fetched.files))
        return fetched.answer(reply)

    async def _on_uninstalled(self, body: dict[str, Any]) -> None:
        self._later(self._deactivate(body))

    async def _on_tokens_revoked(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        tokens = event.get("tokens")
        if isinstance(tokens, dict) and tokens.get("bot"):
            self._later(self._deactivate(body))

    # --- helpers --------------------------------------------------------------------

    async def _dispatch(
        self,
        client: AsyncWebClient,
        member: MemberRef,
        command: str,
        text: str,
        *,
        display_name: str | None = None,
        channel_id: str | None = None,
        files: tuple[Attachment, ...] = (),
    ) -> Reply:
        profile = await self._profile(client, member)
        request = await self._request(
            client,
            member,
            command,
            text,
            profile=profile,
            display_name=display_name,
            channel_id=channel_id,
            files=files,
        )
        async with self._dispatching:
            return await self.core.dispatcher.handle(request)

    async def _request(
        self,
        client: AsyncWebClient,
        member: MemberRef,
        command: str,
        text: str,
        *,
        profile: Profile,
        display_name: str | None = None,
        options: dict[str, str] | None = None,
        channel_id: str | None = None,
        files: tuple[Attachment, ...] = (),
    ) -> CommandRequest:
        """The request for a command, a button or a form: one place sets group and admin."""
        is_admin = command.strip().casefold() == "admin" and await self._is_admin(client, member)
        can_post = await self._can_post(client, channel_id) if is_admin and channel_id else None
        return CommandRequest(
            member=member,
            command=command,
            text=text,
            received_at=self.core.deps.clock.now(),
            display_name=display_name,
            member_timezone=profile.tz,
            locale=profile.locale,
            options=options,
            group_id=member.workspace_id,  # a Slack member's group is their workspace
            is_admin=is_admin,
            channel_id=channel_id,
            can_post_here=can_post,
            files=files,
        )

    async def _answer(
        self,
        client: AsyncWebClient,
        member: MemberRef,
        reply: Reply,
        *,
        response_url: str | None,
        trigger_id: str | None,
        origin: Mapping[str, str],
    ) -> None:
        """Show a reply where the member is: a modal, a DM, or an ephemeral message.

        The adapter's own words (titles, buttons, notices) are said in the reply's language.
        """
        with speaking(reply.language):
            await self._show(
                client,
                member,
                reply,
                response_url=response_url,
                trigger_id=trigger_id,
                origin=origin,
            )

    async def _show(
        self,
        client: AsyncWebClient,
        member: MemberRef,
        reply: Reply,
        *,
        response_url: str | None,
        trigger_id: str | None,
        origin: Mapping[str, str],
    ) -> None:
        if (
            reply.form is not None
            and trigger_id
            and await self._open_form(client, member, reply.form, trigger_id, origin)
        ):
            return
        if reply.visibility is Visibility.DIRECT and await self._dm(client, member, reply):
            reply = Reply.text(_(SENT_BY_DM))
        elif reply.attachments:  # the DM failed: files cannot go on a response URL
            reply.blocks.insert(0, Section(_(NO_DM_FOR_FILES)))
        if response_url:
            await self._respond(
                response_url,
                {
                    "text": fallback_text(reply),
                    "blocks": reply_blocks(reply),
                    "response_type": "ephemeral",
                    "replace_original": False,
                },
            )
        elif trigger_id:
            try:
                await client.views_open(trigger_id=trigger_id, view=result_view("Followup", reply))
            except SlackApiError as error:
                log.warning("views.open failed: %s", error_code(error))
                await self._dm(client, member, reply)
        else:
            await self._dm(client, member, reply)

    async def _open_form(
        self,
        client: AsyncWebClient,
        member: MemberRef,
        form: Form,
        trigger_id: str,
        origin: Mapping[str, str],
    ) -> bool:
        zone = await asyncio.to_thread(self._zone_name, member)
        view = form_view(form, timezone=zone, origin=origin)
        try:
            await client.views_open(trigger_id=trigger_id, view=view)
        except SlackApiError as error:
            log.warning("views.open failed: %s", error_code(error))
            return False
        return True

    async def _dm(self, client: AsyncWebClient, member: MemberRef, reply: Reply) -> bool:
        text, blocks = message_parts(reply)
        try:
            opened = await client.conversations_open(users=member.user_id)
            channel = str(opened["channel"]["id"])
            await client.chat_postMessage(
                channel=channel, text=text, blocks=blocks, unfurl_links=False
            )
        except SlackApiError as error:
            log.warning("DM to %s failed: %s", member.user_id, error_code(error))
            return False
        if reply.attachments:
            with speaking(reply.language):
                await self._upload(client, channel, reply.attachments)
        return True

    async def _upload(
        self, client: AsyncWebClient, channel: str, attachments: list[Attachment]
    ) -> None:
        """Attach files to the DM (files.getUploadURLExternal, upload, completeUploadExternal)."""
        uploads = [{"content": a.content, "filename": a.filename} for a in attachments]
        try:
            await client.files_upload_v2(
                channel=channel, file_uploads=uploads, request_file_info=False
            )
        except (SlackApiError, SlackRequestError) as error:
            code = error_code(error) if isinstance(error, SlackApiError) else "upload failed"
            log.warning("file upload to %s failed: %s", channel, code)
            with contextlib.suppress(SlackApiError):
                await client.chat_postMessage(channel=channel, text=_(FILES_FAILED))

    async def _publish_home(self, client: AsyncWebClient, member: MemberRef) -> None:
        pipeline = await self._dispatch(client, member, "list", "")
        due = await self._dispatch(client, member, "due", "")
        with speaking(pipeline.language):
            view = home_view(pipeline, due)
        try:
            await client.views_publish(user_id=member.user_id, view=view)
        except SlackApiError as error:
            log.warning("views.publish failed: %s", error_code(error))

    async def _profile(self, client: AsyncWebClient, member: MemberRef) -> Profile:
        """The member's IANA zone and locale from `users.info`, cached for a few hours.

        Slack gives the locale ("es-ES") only when asked with `include_locale`; it is the
        first guess at the language the member's dates are read in.
        """
        key = (member.workspace_id, member.user_id)
        cached = self._profiles.get(key)
        if cached is not None and time.monotonic() - cached[1] < TZ_TTL_SECONDS:
            return cached[0]
        profile = Profile()
        try:
            info = await client.users_info(user=member.user_id, include_locale=True)
            user = info.get("user") or {}
            profile = Profile(tz=user.get("tz"), locale=user.get("locale"))
        except SlackApiError as error:
            log.info("users.info failed: %s", error_code(error))
        self._profiles[key] = (profile, time.monotonic())
        return profile

    async def _is_admin(self, client: AsyncWebClient, member: MemberRef) -> bool:
        """Whether Slack says the member is a workspace admin or owner (cached briefly).

        Asked only for admin commands; a few minutes of cache keeps a demoted admin's
        access short while sparing `users.info` on every settings change.
        """
        key = (member.workspace_id, member.user_id)
        cached = self._admins.get(key)
        if cached is not None and time.monotonic() - cached[1] < ADMIN_TTL_SECONDS:
            return cached[0]
        try:
            info = await client.users_info(user=member.user_id)
        except SlackApiError as error:
            log.info("users.info failed: %s", error_code(error))
            return False  # not cached: the next attempt asks again
        user = info.get("user") or {}
        is_admin = bool(user.get("is_admin") or user.get("is_owner"))
        is_admin = is_admin and str(user.get("team_id") or member.workspace_id) == (
            member.workspace_id
        )
        self._admins[key] = (is_admin, time.monotonic())
        return is_admin

    async def _can_post(self, client: AsyncWebClient, channel_id: str) -> bool | None:
        """Whether the app is in a channel, so `chat.postMessage` can reach it (wins=here).

        Without chat:write.public Slack answers not_in_channel elsewhere; a private
        channel the app is not in is channel_not_found. DMs need no check. None: unknown
        (an install from before channels:read and groups:read were asked for).
        """
        if channel_id.startswith("D"):
            return None
        try:
            info = await client.conversations_info(channel=channel_id)
        except SlackApiError as error:
            code = error_code(error)
            log.info("conversations.info failed: %s", code)
            return False if code == "channel_not_found" else None
        return bool((info.get("channel") or {}).get("is_member"))

    def _cached_profile(self, member: MemberRef) -> Profile:
        cached = self._profiles.get((member.workspace_id, member.user_id))
        return cached[0] if cached else Profile()

    def _zone_name(self, member: MemberRef) -> str:
        """The zone the core reads this member's times in (their setting wins)."""
        with self.core.deps.db.transaction() as session:
            found = repo.find_member(session, member)
            zone = self.core.deps.zone_of(found) if found else self.core.deps.default_tz
            return zone.key

    async def _token_for(self, team_id: str) -> str | None:
        if self.installations is None:
            return self.settings.slack_bot_token
        bot = await self.installations.async_find_bot(enterprise_id=None, team_id=team_id)
        return bot.bot_token if bot is not None else None

    async def _activate(self, team_id: str) -> None:
        replanned = await asyncio.to_thread(
            self.core.groups.set_active, PLATFORM, team_id, active=True
        )
        if replanned:
            log.info("Slack workspace %s back; %s interviews re-planned", team_id, replanned)

    async def _deactivate(self, body: Mapping[str, Any]) -> None:
        team_id = body.get("team_id")
        enterprise_id = body.get("enterprise_id")
        if not _is_id(team_id) or not (enterprise_id is None or _is_id(enterprise_id)):
            log.warning("Slack uninstall without a usable team ignored")
            return
        if self.installations is not None:
            await self.installations.async_delete_all(enterprise_id=enterprise_id, team_id=team_id)
        if self.authorize is not None:
            self.authorize.authorize_result_cache.clear()
        cancelled = await asyncio.to_thread(
            self.core.groups.set_active, PLATFORM, team_id, active=False
        )
        log.info("Slack workspace %s deactivated; %s reminders cancelled", team_id, cancelled)


def _is_id(value: object) -> TypeGuard[str]:
    """Whether `value` looks like a Slack id (`T0123`, `U0ABC`, `E42`): anything else is odd."""
    return isinstance(value, str) and _SLACK_ID.fullmatch(value) is not None


def _member(team: object, user: object) -> MemberRef | None:
    """The member behind a request, or None when its team or user is missing or odd."""
    return MemberRef(PLATFORM, team, user) if _is_id(team) and _is_id(user) else None


def _team_of(body: Mapping[str, Any]) -> str | None:
    """An interaction's team: `team.id`, else the user's `team_id` (org-wide installs)."""
    team, user = body.get("team"), body.get("user")
    found = team.get("id") if isinstance(team, dict) else None
    if found is None and isinstance(user, dict):
        found = user.get("team_id")
    return found if _is_id(found) else None


def _user_of(body: Mapping[str, Any]) -> str | None:
    """An interaction's user: `user.id`."""
    user = body.get("user")
    found = user.get("id") if isinstance(user, dict) else None
    return found if _is_id(found) else None


def _files_of(message: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The file objects a message or event carries (each at least an id)."""
    files = message.get("files")
    if not isinstance(files, list):
        return []
    return [entry for entry in files if isinstance(entry, dict) and _is_file_id(entry.get("id"))]


def _is_file_id(value: object) -> bool:
    return isinstance(value, str) and value.startswith("F") and _is_id(value)


def _metadata(text: object) -> dict[str, Any] | None:
    """A modal's `private_metadata` (ours, JSON), or None when it is not what we wrote."""
    try:
        meta = json.loads(text) if isinstance(text, str) and text else {}
    except ValueError:
        return None
    return meta if isinstance(meta, dict) else None


async def _acknowledge(ack: AsyncAck) -> None:
    """Answer a press that needs nothing from us (a URL button) within Slack's 3 s."""
    await ack()


async def _healthz(_request: web.Request) -> web.Response:
    return web.Response(text="ok")
