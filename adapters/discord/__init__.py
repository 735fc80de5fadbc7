"""The Discord app: `/interview` slash commands, modals, DMs with persistent buttons.

`DiscordAdapter(core, settings)` connects with discord.py (sharded when
`FOLLOWUP_DISCORD_SHARDS` is set), turns each interaction into a `CommandRequest` for the
core's dispatcher, and answers ephemerally within Discord's 3 seconds (deferring when the
core is slow). A calendar invite attached to `/interview log` or sent to the bot's DM is
downloaded and logged. Its `messenger` delivers reminders by DM. While Discord cannot be
reached it keeps trying with a capped backoff (`adapters.reconnect`), and its `link` tells
`/healthz`.
Command registration is a separate, deliberate step: `sync_commands` registers `/interview`
and the message command 'Read employer's reply'; `invite_url` gives the links that install
the app.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import zoneinfo
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import Any
from urllib.parse import urlencode

import aiohttp
import discord
import yarl

from adapters.discord.buttons import CommandButton, CommandSelect
from adapters.discord.commands import (
    GROUP,
    INSTALL_GUILD,
    INSTALL_USER,
    REF_OPTION,
    TIMEZONE_OPTION,
    attached,
    command_payload,
    command_text,
    invoked,
)
from adapters.discord.invites import fetch_invites
from adapters.discord.library_logs import quiet_discord_logs
from adapters.discord.messenger import DiscordMessenger, member_ref
from adapters.discord.render import (
    FormModal,
    action_view,
    esc,
    field_error_text,
    form_labels,
    parse_form_id,
    render_messages,
    settled_note,
    submitted_values,
)
from adapters.discord.reply_menu import is_menu, menu_payload, message_text
from adapters.invite_files import typed_beside
from adapters.message_text import with_message
from adapters.reconnect import Link, Refused, summary
from adapters.speech import member_language
from bot.app import Core
from bot.chat import Attachment, CommandRequest, MemberRef, Reply, Section, Visibility
from bot.commands.dispatch import OOPS
from bot.commands.handlers import build_registry
from bot.commands.reply_pick import TEXT as REPLY_TEXT
from bot.i18n import N_, _, speaking
from bot.settings import Settings
from bot.storage import repositories as repo

__all__ = [
    "DiscordAdapter",
    "DiscordMessenger",
    "application_id_from_token",
    "apply_endpoints",
    "invite_url",
    "sync_commands",
]

log = logging.getLogger(__name__)

DEFER_AFTER = 2.0  # seconds: Discord wants a first response within 3
IDENTIFY_DELAY = 5.0  # seconds between shard IDENTIFYs (Discord's identify rate limit)
MAX_CHOICES = 25
TIME_COMMANDS = frozenset({"log", "edit", "snooze", "due", "list", "show"})
TIMEZONE_PROMPT = N_(
    "Discord doesn't tell me your time zone, so I'm showing times in {zone}. Set yours with "
    "/interview settings timezone:Europe/Berlin (start typing your city)."
)
SENT_BY_DM = N_("I sent that to you by DM.")
COULD_NOT_DM = N_("I couldn't DM you ({reason}), so here it is.")
# Discord sends events without a guild (DMs, presses of the buttons on reminder DMs) to
# shard 0 only (events/gateway.mdx, Sharding): some process must run it.
NO_SHARD_ZERO = (
    "FOLLOWUP_DISCORD_SHARD_IDS=%s leaves out shard 0: Discord sends DM events, including "
    "presses of reminder buttons, to shard 0 only. Run shard 0 in another process, or "
    "those presses go unanswered."
)
LOGIN_REFUSED = (
    "Discord refused DISCORD_TOKEN ({why}): copy the bot's token again (Bot > Reset Token on "
    "your application at https://discord.com/developers/applications)."
)
# Gateway close codes that no reconnection can cure (events/gateway.mdx, Gateway Close
# Event Codes; discord.py reconnects on none of them either).
REFUSED_CLOSES = {
    4004: LOGIN_REFUSED.format(why="gateway close 4004, authentication failed"),
    4010: "Discord closed the gateway: invalid shard (4010). Check FOLLOWUP_DISCORD_SHARD_IDS.",
    4011: (
        "Discord closed the gateway: this bot is in too many servers for one connection "
        "(4011, sharding required). Set FOLLOWUP_DISCORD_SHARDS."
    ),
    4012: "Discord closed the gateway: invalid API version (4012). Upgrade discord.py.",
    4013: "Discord closed the gateway: invalid intents (4013).",
    4014: (
        "Discord closed the gateway: disallowed intents (4014). Enable them on the Bot page "
        "of your application, or ask for fewer."
    ),
}
# Intents for a client that never opens a gateway session: they go unused, but without
# `guilds` discord.py warns of "state related issues" for a state it never keeps.
REST_ONLY = discord.Intents(guilds=True)
# Whatever a login or a gateway session ends with while Discord is unreachable or restarting.
UNREACHABLE: tuple[type[Exception], ...] = (
    OSError,
    TimeoutError,
    aiohttp.ClientError,
    discord.HTTPException,
    discord.GatewayNotFound,
    discord.ConnectionClosed,
)


def apply_endpoints(settings: Settings) -> None:
    """Point discord.py at the configured REST and gateway URLs (tests, proxies)."""
    if settings.discord_api_url:
        discord.http.Route.BASE = settings.discord_api_url.rstrip("/")
    if settings.discord_gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


class DiscordAdapter:
    """Serves one Discord application (all of it, or the shards this process runs)."""

    def __init__(
        self,
        core: Core,
        settings: Settings,
        *,
        guild_ready_timeout: float = 2.0,
        defer_after: float = DEFER_AFTER,
        identify_delay: float = IDENTIFY_DELAY,
    ) -> None:
        self.core = core
        self.settings = settings
        self.guild_ready_timeout = guild_ready_timeout
        self.defer_after = defer_after
        self.identify_delay = identify_delay
        self.messenger = DiscordMessenger(core.deps.clock)
        self.link = Link("Discord", settings.reconnect_max_seconds)
        self.client: discord.Client | None = None
        self._labels: dict[str, dict[str, str]] = {}  # modal custom id -> field labels
        self._zone_checked: set[str] = set()  # members asked for (or known to have) a zone
        core.add_messenger(self.messenger)
        quiet_discord_logs()

    # --- lifecycle ------------------------------------------------------------------

    def build_client(self) -> discord.Client:
        """A discord.py client wired to this adapter (not yet connected)."""
        apply_endpoints(self.settings)
        trace = aiohttp.TraceConfig()
        trace.on_request_end.append(self._count_rate_limits)
        options: dict[str, Any] = {
            "intents": discord.Intents.default(),
            "allowed_mentions": discord.AllowedMentions.none(),
            "guild_ready_timeout": self.guild_ready_timeout,
            "max_ratelimit_timeout": 30.0,
            "http_trace": trace,
            "chunk_guilds_at_startup": False,
        }
        client: discord.Client
        if self.settings.discord_shards:
            if self.settings.discord_shard_ids:
                options["shard_ids"] = list(self.settings.discord_shard_ids)
                if 0 not in self.settings.discord_shard_ids:
                    log.warning(NO_SHARD_ZERO, self.settings.discord_shard_ids)
            client = discord.AutoShardedClient(shard_count=self.settings.discord_shards, **options)
        else:
            client = discord.Client(**options)
        client.followup = self  # type: ignore[attr-defined]  # buttons find the adapter here
        client.add_dynamic_items(CommandButton, CommandSelect)

        async def on_interaction(interaction: discord.Interaction) -> None:
            await self.on_interaction(interaction)

        async def on_message(message: discord.Message) -> None:
            await self.on_message(client, message)

        async def on_connect() -> None:  # READY: the session is up
            self.link.up()

        async def on_resumed() -> None:
            self.link.up()

        async def on_disconnect() -> None:
            self.link.down()

        for listener in (on_interaction, on_message, on_connect, on_resumed, on_disconnect):
            client.event(listener)
        if self.identify_delay != IDENTIFY_DELAY:
            delay = self.identify_delay

            async def before_identify_hook(shard_id: int | None, *, initial: bool = False) -> None:
                if not initial:
                    await asyncio.sleep(delay)

            client.before_identify_hook = before_identify_hook  # type: ignore[method-assign]
        return client

    async def start(self) -> discord.Client:
        """Log in and connect in the background; return once the client is ready."""
        client = self.build_client()
        self.client = client
        self.messenger.attach(client)
        token = self.settings.discord_token or ""
        await client.login(token)
        self._task = asyncio.create_task(client.connect(reconnect=True))
        await client.wait_until_ready()
        return client

    async def run_rest(self) -> None:
        """Log in over REST only, so a delivery worker can send DMs without a gateway session.

        A gateway session of its own would also receive the interactions meant for the
        `discord` process (and take an identify); a DM needs only REST. Tries again while
        Discord is unreachable, then holds the login until cancelled.
        """
        try:
            await self.link.attempt(self._rest_login, UNREACHABLE)
            await asyncio.Event().wait()
        finally:
            await self.close()

    async def _rest_login(self) -> None:
        apply_endpoints(self.settings)
        client = _RestOnlyClient(intents=REST_ONLY, allowed_mentions=discord.AllowedMentions.none())
        try:
            await _login(client, self.settings.discord_token or "")
        except BaseException:
            await client.close()
            raise
        self.client = client
        self.messenger.attach(client)
        self.link.up()

    async def run(self) -> None:
        """Connect and serve until cancelled; whenever a session ends, connect again.

        Every try is a fresh client through `Link.attempt`, not discord.py's own reconnect
        loop: that one logs a traceback a try, waits up to 17 minutes, and fails outright
        (AttributeError) when the very first connection cannot be made.
        """
        try:
            while True:
                await self.link.attempt(self._session, UNREACHABLE)
        finally:
            await self.close()

    async def _session(self) -> None:
        """One login and gateway session, from its start to its end (which is a failure)."""
        client = self.build_client()
        self.client = client
        self.messenger.attach(client)
        try:
            await _login(client, self.settings.discord_token or "")
            await client.connect(reconnect=False)
        except discord.ConnectionClosed as closed:
            refused = REFUSED_CLOSES.get(closed.code or 0)
            if refused is not None:
                raise Refused(refused) from None
            raise
        except discord.PrivilegedIntentsRequired:
            raise Refused(REFUSED_CLOSES[4014]) from None
        finally:
            await client.close()
        raise ConnectionError("Discord closed the session")

    async def close(self) -> None:
        """Disconnect; reminders for Discord wait (retry) until a client is back."""
        client, self.client = self.client, None
        self.messenger.attach(None)
        if client is not None and not client.is_closed():
            await client.close()
        task = getattr(self, "_task", None)
        if task is not None:
            await asyncio.gather(task, return_exceptions=True)

    async def _count_rate_limits(
        self, session: Any, context: Any, params: aiohttp.TraceRequestEndParams
    ) -> None:
        if params.response.status == 429:
            self.messenger.rate_limited += 1

    # --- interactions ---------------------------------------------------------------

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """Route slash commands, autocomplete and modal submissions (buttons route themselves)."""
        data: dict[str, Any] = dict(interaction.data or {})
        try:
            if interaction.type is discord.InteractionType.application_command:
                if data.get("name") == GROUP:
                    command, values, _focused = invoked(data)
                    text = command_text(values)
                    await self.run_action(interaction, command, text, attachments=attached(data))
                elif is_menu(data):
                    await self._read_reply(interaction, message_text(data))
            elif interaction.type is discord.InteractionType.autocomplete:
                await self._autocomplete(interaction, data)
            elif interaction.type is discord.InteractionType.modal_submit:
                await self._submit(interaction, data)
        except Exception:
            log.exception("Discord interaction %s failed", interaction.id)
            if interaction.type is not discord.InteractionType.autocomplete:
                language = await asyncio.to_thread(
                    member_language,
                    self.core,
                    member_ref(interaction.user.id),
                    str(interaction.locale),
                )
                with speaking(language), contextlib.suppress(discord.HTTPException):
                    await self._send(interaction, False, content=_(OOPS))

    async def run_action(
        self,
        interaction: discord.Interaction,
        command: str,
        text: str,
        *,
        attachments: Sequence[Mapping[str, Any]] = (),
    ) -> None:
        """Run `/interview command text` as the interacting user and answer ephemerally.

        With `attachments` (an invite option), the files are downloaded first, inside the
        same 3 s: a slow CDN defers the answer like a slow core does.
        """
        if attachments:
            work = self._with_invites(
                attachments,
                lambda files: self._request(interaction, command, text, files=files),
                interaction.client.http,
            )
        else:
            work = self._handle(self._request(interaction, command, text))
        reply, deferred = await self._dispatch(interaction, work)
        with speaking(reply.language):
            await self._reply(interaction, reply, deferred)

    async def _read_reply(self, interaction: discord.Interaction, text: str) -> None:
        """'Read employer's reply' on a message: the reply form with the message's text.

        The text goes into the modal and nowhere else. With no interview logged (no form),
        or a core too slow for a modal (deferred), the member reads what to do instead.
        """
        work = self._handle(self._request(interaction, "reply", ""))
        reply, deferred = await self._dispatch(interaction, work)
        with speaking(reply.language):
            if reply.form is not None:
                reply.form = with_message(reply.form, REPLY_TEXT, text)
            await self._reply(interaction, reply, deferred)

    async def _reply(self, interaction: discord.Interaction, reply: Reply, deferred: bool) -> None:
        """Answer with a form, the pressed message settled, or the reply itself."""
        if reply.form is not None and not deferred and not reply.field_errors:
            modal = FormModal(reply.form)
            self._labels[modal.custom_id] = form_labels(reply.form)
            modal.stop()  # submissions are handled from the raw interaction: restart-safe
            await interaction.response.send_modal(modal)
            return
        if reply.settled and not deferred and interaction.message is not None:
            # The buttons did their job: the message says what was done and loses them, for
            # the buttons of what comes next if the reply offers any ("Draft the reply").
            note = settled_note(replace(reply, actions=[]))
            view = action_view(reply.actions, str(interaction.user.id)) if reply.actions else None
            await interaction.response.edit_message(content=note, view=view)
            return
        await self._answer(interaction, reply, deferred)

    async def _submit(self, interaction: discord.Interaction, data: dict[str, Any]) -> None:
        custom_id = str(data.get("custom_id", ""))
        parsed = parse_form_id(custom_id)
        if parsed is None:
            return
        command, context = parsed
        options = submitted_values(list(data.get("components") or []))
        request = self._request(interaction, command, context, options=options)
        reply, deferred = await self._dispatch(interaction, self._handle(request))
        with speaking(reply.language):
            if reply.field_errors:
                text = field_error_text(reply.field_errors, self._labels.get(custom_id, {}))
                await self._send(interaction, deferred, content=text)
                return
            if reply.form is not None:  # a submission never opens another form
                reply.form = None
            left_out = plan_form_left_out(self._labels.get(custom_id), options)
            if left_out:
                reply.blocks.append(Section(left_out))
            await self._answer(interaction, reply, deferred)

    def _request(
        self,
        interaction: discord.Interaction,
        command: str,
        text: str,
        *,
        options: dict[str, str] | None = None,
        files: tuple[Attachment, ...] = (),
    ) -> CommandRequest:
        user = interaction.user
        guild_id = str(interaction.guild_id) if interaction.guild_id else None
        permissions = interaction.permissions  # resolved by Discord: none outside a server
        return CommandRequest(
            member=member_ref(user.id),
            command=command,
            text=text,
            received_at=self.core.deps.clock.now(),
            display_name=user.global_name or user.name,
            locale=str(interaction.locale),
            options=options,
            group_id=guild_id,
            is_admin=bool(guild_id and (permissions.manage_guild or permissions.administrator)),
            channel_id=str(interaction.channel_id) if interaction.channel_id else None,
            files=files,
        )

    async def on_message(self, client: discord.Client, message: discord.Message) -> None:
        """A calendar invite sent to the bot's DM: log it and answer in the DM.

        No message content intent is needed: "Content in DMs with the app", attachments
        and text included, reaches apps without it (developers/events/gateway.mdx, Message
        Content Intent); options typed with the file (`event=2`) go with it. Messages in
        servers, the bot's own and ones without files need nothing.
        """
        in_dm = isinstance(message.channel, discord.DMChannel)  # a server's has a guild_id
        if not in_dm or message.author.bot or not message.attachments:
            return
        author = message.author
        member = member_ref(author.id)
        try:
            reply = await self._with_invites(
                [attachment.to_dict() for attachment in message.attachments],
                lambda files: CommandRequest(
                    member=member,
                    command="log",
                    text=typed_beside(message.content),
                    received_at=self.core.deps.clock.now(),
                    display_name=author.global_name or author.name,
                    channel_id=str(message.channel.id),
                    files=files,
                ),
                client.http,
            )
        except Exception:
            log.exception("Discord DM %s failed", message.id)
            language = await asyncio.to_thread(member_language, self.core, member)
            with speaking(language):
                reply = Reply.text(_(OOPS))
            reply.language = language
        delivery = await self.messenger.send_dm(member, reply, dedupe_key=f"m{message.id}")
        if delivery.status != "delivered":
            log.warning("Discord answer to a DM'd invite not delivered: %s", delivery.reason)

    async def _with_invites(
        self,
        attachments: Sequence[Mapping[str, Any]],
        request: Callable[[tuple[Attachment, ...]], CommandRequest],
        http: discord.http.HTTPClient,
    ) -> Reply:
        """`request` with the invites among `attachments`, or only why none could be read."""
        fetched = await fetch_invites(http, attachments)
        if not fetched.files:  # nothing to run: the request only says who asked, and how
            asked = request(())
            language = await asyncio.to_thread(
                member_language, self.core, asked.member, asked.locale
            )
            return fetched.answer(language=language)
        return fetched.answer(await self._handle(request(tuple(fetched.files))))

    async def _dispatch(
        self, interaction: discord.Interaction, work: Awaitable[Reply]
    ) -> tuple[Reply, bool]:
        """The reply `work` comes to; deferred (thinking, ephemeral) if it takes too long."""
        task = asyncio.ensure_future(work)
        done, _pending = await asyncio.wait({task}, timeout=self.defer_after)
        deferred = False
        if not done:
            await interaction.response.defer(ephemeral=True, thinking=True)
            deferred = True
        return await task, deferred

    async def _handle(self, request: CommandRequest) -> Reply:
        reply = await self.core.dispatcher.handle(request)
        user_id = request.member.user_id
        if request.command in TIME_COMMANDS and user_id not in self._zone_checked:
            zone = await asyncio.to_thread(self._unset_zone, request.member)
            self._zone_checked.add(user_id)  # asked once, or they already have a zone
            if zone is not None:
                with speaking(reply.language):
                    reply.blocks.append(Section(_(TIMEZONE_PROMPT).format(zone=zone)))
        return reply

    def _unset_zone(self, ref: MemberRef) -> str | None:
        """The zone in use if the member never set one (Discord gives none), else None."""
        with self.core.deps.db.reading() as session:
            member = repo.member_facts(session, ref)
            if member is None or member.timezone or member.platform_timezone:
                return None
            return self.core.deps.zone_of(member).key

    async def _answer(self, interaction: discord.Interaction, reply: Reply, deferred: bool) -> None:
        user_id = str(interaction.user.id)
        if reply.visibility is Visibility.DIRECT:
            if not deferred and not interaction.response.is_done():
                # Opening the DM, sending it and waiting out a 429 can take longer than the
                # 3 s Discord gives the first response: acknowledge first, then follow up.
                await interaction.response.defer(ephemeral=True, thinking=True)
                deferred = True
            delivery = await self.messenger.send_dm(
                member_ref(user_id), reply, dedupe_key=f"i{interaction.id}"
            )
            if delivery.status == "delivered":
                await self._send(interaction, deferred, content=_(SENT_BY_DM))
                return
            # A reason the messenger words for members (DMs closed) is said in their language.
            reason = delivery.reason or ""
            note = _(COULD_NOT_DM).format(reason=_(reason) if reason else reason)
            reply.blocks.insert(0, Section(note))
        for rendered in render_messages(reply, user_id):  # the first answers, the rest follow
            await self._send(interaction, deferred, **rendered.kwargs())

    async def _send(self, interaction: discord.Interaction, deferred: bool, **kwargs: Any) -> None:
        if deferred or interaction.response.is_done():
            await interaction.followup.send(ephemeral=True, **kwargs)
        else:
            await interaction.response.send_message(ephemeral=True, **kwargs)

    async def _autocomplete(self, interaction: discord.Interaction, data: dict[str, Any]) -> None:
        _command, values, focused = invoked(data)
        typed = values.get(focused or "", "").strip().casefold()
        choices: list[discord.app_commands.Choice[str]] = []
        if focused == REF_OPTION:
            found = await asyncio.to_thread(self._interviews, member_ref(interaction.user.id))
            choices = [
                discord.app_commands.Choice(name=label[:100], value=value)
                for label, value in found
                if typed.lstrip("#") in label.casefold()
            ]
        elif focused == TIMEZONE_OPTION:
            choices = [
                discord.app_commands.Choice(name=zone, value=zone)
                for zone in _zones()
                if typed.replace(" ", "_") in zone.casefold()
            ]
        await interaction.response.autocomplete(choices[:MAX_CHOICES])

    def _interviews(self, ref: MemberRef) -> list[tuple[str, str]]:
        with self.core.deps.db.reading() as session:
            member = repo.member_facts(session, ref)
            if member is None:
                return []
            interviews = repo.interview_lines(session, member.id)
            return [
                (f"#{i.number} {i.company}" + (f" · {i.role}" if i.role else ""), f"#{i.number}")
                for i in reversed(interviews)  # the most recent first
            ]


async def _login(client: discord.Client, token: str) -> None:
    """Log `client` in; a token Discord refuses (401) is `Refused`, never retried."""
    try:
        await client.login(token)
    except discord.LoginFailure:
        raise Refused(LOGIN_REFUSED.format(why="401 Unauthorized")) from None


class _RestOnlyClient(discord.Client):
    """Logged in over REST and never connected: ready as soon as it has logged in."""

    async def wait_until_ready(self) -> None:
        """Nothing to wait for: sending a DM needs no gateway."""


def plan_form_left_out(labels: dict[str, str] | None, submitted: dict[str, str]) -> str | None:
    """A note naming the form's fields the modal had no room for, if any."""
    if not labels:
        return None
    missing = [key for key in labels if key not in submitted]
    if not missing:
        return None
    names = ", ".join(f"{esc(k)} ({labels[k]})" for k in missing)
    return _(
        'The form had no room for: {fields}. Add them with /interview edit, like key="...".'
    ).format(fields=names)


@cache
def _zones() -> list[str]:
    return sorted(z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith("Etc"))


async def sync_commands(settings: Settings, guild_id: int | None) -> int:
    """Register `/interview` globally (or in one guild, instantly); return its subcommands.

    A refused token is `Refused`; no connection to Discord is a `ConnectionError`.
    """
    quiet_discord_logs()
    try:
        return await _sync(settings, guild_id)
    except (OSError, TimeoutError, aiohttp.ClientError) as error:
        raise ConnectionError(f"Discord unreachable ({summary(error)})") from None


async def _sync(settings: Settings, guild_id: int | None) -> int:
    apply_endpoints(settings)
    client = discord.Client(intents=REST_ONLY)
    async with client:
        await _login(client, settings.discord_token or "")
        application_id = client.application_id
        if application_id is None:
            raise RuntimeError("Discord did not say which application this token belongs to")
        specs = build_registry().specs
        if guild_id is None:
            payload = [command_payload(specs), menu_payload()]
            answered = await client.http.bulk_upsert_global_commands(application_id, payload)
        else:
            payload = [command_payload(specs, guild=True), menu_payload(guild=True)]
            answered = await client.http.bulk_upsert_guild_commands(
                application_id, guild_id, payload
            )
    total = 0
    for command in answered:
        subcommands: Any = command.get("options") or []
        total += len(subcommands)
    return total


def application_id_from_token(token: str) -> str | None:
    """The application id behind a bot token, or None if the token cannot be read.

    A token's first part is the bot's user id in base64; a bot's user id is its app's id.
    """
    head = token.strip().split(".", 1)[0]
    try:
        decoded = base64.b64decode(head + "=" * (-len(head) % 4), validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    return decoded if decoded.isdigit() else None


def invite_url(application_id: str, *, user: bool = False) -> str:
    """The link that adds the app to a server, or (`user=True`) to a member's own account.

    `integration_type` picks the installation context: 0 a server, 1 the user
    (developers/topics/oauth2.mdx, Authorization URL Example; the values in
    developers/resources/application.mdx, Application Integration Types). A server install
    adds the bot user (scope `bot`) that DMs reminders; a user install takes only
    `applications.commands`, since a bot joins servers, not accounts.
    """
    scope = "applications.commands" if user else "applications.commands bot"
    integration_type = INSTALL_USER if user else INSTALL_GUILD
    query = urlencode(
        {"client_id": application_id, "scope": scope, "integration_type": integration_type}
    )
    return f"https://discord.com/oauth2/authorize?{query}"
