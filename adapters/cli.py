"""The `followup` command: read settings, build the core, start the adapters that are set."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Coroutine
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import click
from pydantic import ValidationError
from sqlalchemy.engine import make_url

from adapters.calendar_feed import calendar_routes
from adapters.console import run_console
from adapters.console.conversation import Conversation
from adapters.console.files import beside_database
from adapters.console.zone import (
    ZoneError,
    console_zone,
    machine_zone,
    parse_now,
    process_locale,
)
from adapters.discord import (
    DiscordAdapter,
    application_id_from_token,
    invite_url,
    sync_commands,
)
from adapters.ops import (
    DeliveryLock,
    DeliveryLocked,
    Health,
    OpsServer,
    freeze_startup_heap,
    routes,
    schema_is_behind,
    stop_signals,
)
from adapters.reconnect import Link, Refused
from adapters.slack import SlackAdapter
from bot.app import build_core
from bot.i18n import speaking
from bot.logs import configure, configure_for_chat, secrets_of
from bot.metrics import METRICS
from bot.scheduling.clock import ManualClock, OffsetClock, SystemClock
from bot.scheduling.group_jobs import GroupJobs
from bot.scheduling.trigger import DeliveryTrigger
from bot.services.warm_up import warm_up
from bot.settings import NO_DISCORD, Process, Settings, explain, startup_problems
from bot.storage.crypto import rotate
from bot.storage.db import Database
from bot.storage.migrate import upgrade
from bot.storage.types import EncryptionError

log = logging.getLogger("followup")


class SettingsError(click.ClickException):
    """A setting is missing, wrong or refused by the platform: one line, and exit status 2."""

    exit_code = 2


def _settings(process: Process | None = None, db_url: str | None = None) -> Settings:
    """The settings, checked for what `process` needs; else one line naming the fix, exit 2."""
    try:
        settings = Settings(**({"database_url": db_url} if db_url else {}))  # type: ignore[arg-type]
    except ValidationError as error:
        raise SettingsError(explain(error)) from None
    problems = startup_problems(settings, process) if process else []
    if problems:
        raise SettingsError(" ".join(problems))
    return settings


@click.group()
def main() -> None:
    """Followup: follow up after interviews, from Slack, Discord or this console."""


@main.command()
def run() -> None:
    """Start every adapter whose credentials are set, and delivery; with none, the console."""
    settings = _settings("run")
    if settings.slack_enabled or settings.discord_enabled:
        _logging(settings)
        _serve(_platforms(settings))
    else:
        _chat(settings, user=settings.console_user, now=None, echo=settings.console_echo)


@main.command()
def web() -> None:
    """Serve Slack (events, interactivity, OAuth) and calendar feeds, /healthz, /metrics on $PORT.

    Each part that is set up: Slack with its credentials, the feeds with FOLLOWUP_PUBLIC_URL.
    """
    settings = _settings("web")
    _logging(settings)
    _serve(
        _process(
            settings,
            slack=settings.slack_enabled,
            gateway=False,
            deliver=False,
            feeds=settings.public_url is not None,
        )
    )


@main.command()
def worker() -> None:
    """Deliver due reminders to Slack and Discord (many workers on PostgreSQL)."""
    settings = _settings("worker")
    _logging(settings)
    _serve(_process(settings, slack=False, gateway=False, deliver=True))


@main.group("discord", invoke_without_command=True)
@click.pass_context
def discord_group(context: click.Context) -> None:
    """Discord: alone, run the gateway client (the shards set); or set up the commands."""
    if context.invoked_subcommand is not None:
        return
    settings = _settings("discord")
    _logging(settings)
    _serve(_process(settings, slack=False, gateway=True, deliver=False))


@discord_group.command("sync")
@click.option("--guild", type=int, default=None, help="Register in one server (instant).")
def discord_sync(guild: int | None) -> None:
    """Register /interview with Discord (a deliberate step: 200 creations a day)."""
    settings = _settings("discord")
    try:
        count = asyncio.run(sync_commands(settings, guild))
    except Refused as refused:
        raise SettingsError(str(refused)) from None
    except ConnectionError as error:
        raise click.ClickException(f"{error}: nothing was registered. Try again.") from None
    where = f"in server {guild}" if guild else "globally (it can take up to an hour to appear)"
    click.echo(f"Registered /interview with {count} subcommands {where}.")


@discord_group.command("invite-url")
@click.option("--app-id", help="Application ID (default: read from DISCORD_TOKEN).")
def discord_invite_url(app_id: str | None) -> None:
    """Print the two install links: to a server, and to your own Discord account."""
    if not app_id:
        token = _settings().discord_token
        if not token:
            raise SettingsError(f"{NO_DISCORD} Or give --app-id.")
        app_id = application_id_from_token(token)
        if not app_id:
            raise SettingsError(INVITE_NEEDS_APP_ID)
    click.echo(SERVER_INSTALL)
    click.echo(invite_url(app_id))
    click.echo(USER_INSTALL)
    click.echo(invite_url(app_id, user=True))


@main.command()
@click.option("--db", "db_url", help="Database URL (default: FOLLOWUP_DATABASE_URL).")
@click.option("--as", "user", help="Who you are (default: FOLLOWUP_CONSOLE_USER).")
@click.option(
    "--now",
    "start",
    help=(
        "Start a simulated clock at this ISO 8601 time (with an offset, or a zone like "
        "[America/New_York] after it); only :advance moves it. Its zone is the console's."
    ),
)
@click.option(
    "--echo/--no-echo",
    default=None,
    help="Piped input: print each line as `NAME> line` before its answer "
    "(default: FOLLOWUP_CONSOLE_ECHO, on).",
)
def console(db_url: str | None, user: str | None, start: str | None, echo: bool | None) -> None:
    """Chat with the bot in this terminal; reads a scenario from stdin when piped."""
    settings = _settings(db_url=db_url)
    try:
        now = parse_now(start) if start else None
    except ZoneError as error:
        raise click.BadParameter(str(error), param_hint="--now") from None
    _chat(
        settings,
        user=user or settings.console_user,
        now=now,
        echo=settings.console_echo if echo is None else echo,
    )


@main.command()
@click.option("--db", "db_url", help="Database URL (default: FOLLOWUP_DATABASE_URL).")
def migrate(db_url: str | None) -> None:
    """Upgrade the database to the newest schema."""
    settings = _settings(db_url=db_url)
    db = Database.from_url(settings.database_url)
    upgrade(db.engine)
    db.dispose()
    click.echo("Database is up to date.")


@main.command("rotate-key")
@click.option("--db", "db_url", help="Database URL (default: FOLLOWUP_DATABASE_URL).")
@click.option("--batch-size", default=500, show_default=True, help="Rows per transaction.")
@click.option("--decrypt", is_flag=True, help="Write everything back as plaintext instead.")
def rotate_key(db_url: str | None, batch_size: int, decrypt: bool) -> None:
    """Re-encrypt notes and contacts with the newest FOLLOWUP_ENCRYPTION_KEY (the first one)."""
    settings = _settings(db_url=db_url)
    if not settings.encryption_keys:
        raise SettingsError(
            "Set FOLLOWUP_ENCRYPTION_KEY first: the new key, then the old ones, comma-separated."
        )
    db = Database.from_url(settings.database_url, encryption_keys=settings.encryption_keys)
    try:
        upgrade(db.engine)  # ciphertext needs the widened columns of migration 0005
        done = rotate(db, batch_size=batch_size, decrypt=decrypt)
    except EncryptionError as error:
        raise click.ClickException(str(error)) from None
    finally:
        db.dispose()
    how = "decrypted" if decrypt else "encrypted with the newest key"
    for label, count in sorted(done.rewritten.items()):
        click.echo(f"{label}: {count} value(s) {how}")
    click.echo(f"Done: {done.total} value(s) {how}, {done.unchanged} already were.")
    if done.requeued:
        click.echo(f"{done.requeued} reminder(s) set aside as unreadable are back in the queue.")


def _chat(
    settings: Settings, *, user: str, now: tuple[datetime, ZoneInfo | None] | None, echo: bool
) -> None:
    """Run the console to its end, logging to a file beside its database.

    Ctrl-C at the prompt quits like Ctrl-D (exit 0: `make run` stays quiet); a SIGINT
    anywhere else, while a line is answered or input is piped, ends it at once with 130.
    History stays in memory when notes are encrypted: the file would keep them in clear.
    """
    log_file = beside_database(settings.database_url, ".log")
    configure_for_chat(settings.log_level, secrets_of(settings), log_file)
    history = (
        None if settings.encryption_keys else beside_database(settings.database_url, ".history")
    )
    try:
        asyncio.run(
            _console(settings, user=user, now=now, echo=echo, history=history, log_file=log_file)
        )
    except KeyboardInterrupt:
        raise click.exceptions.Exit(INTERRUPTED) from None


async def _console(
    settings: Settings,
    *,
    user: str,
    now: tuple[datetime, ZoneInfo | None] | None,
    echo: bool,
    history: Path | None,
    log_file: Path,
) -> None:
    """The console, its default zone the machine's or that of `--now` (`now`), said first."""
    configured = (
        settings.default_timezone if "default_timezone" in settings.model_fields_set else None
    )
    try:
        zone = console_zone(now, configured, machine_zone())
    except ZoneError as error:
        raise click.ClickException(str(error)) from None
    settings = settings.model_copy(update={"default_timezone": zone.zone.key})
    clock = ManualClock(now[0]) if now else OffsetClock()
    core = build_core(settings, clock)
    warm_up(core.deps.db)
    conversation = Conversation(
        core, clock, user=user, write=lambda text: print(text, flush=True), locale=process_locale()
    )
    with speaking(conversation.refresh_language()):  # theirs if known, else the machine's
        print(zone.said, flush=True)
    trigger = DeliveryTrigger(core.delivery, settings.delivery_interval_seconds, clock)
    trigger.start()
    group_jobs = GroupJobs(core.groups, core.delivery.messengers)
    group_jobs.start()
    try:
        await run_console(conversation, sys.stdin, history=history, log_file=log_file, echo=echo)
    finally:
        await group_jobs.stop()
        await trigger.stop()
        core.deps.db.dispose()


async def _platforms(settings: Settings) -> None:
    """Every platform whose credentials are set, and delivery, on one event loop (`run`)."""
    await _process(
        settings,
        slack=settings.slack_enabled,
        gateway=settings.discord_enabled,
        deliver=True,
        feeds=settings.public_url is not None,
        migrate=True,
    )


async def _process(
    settings: Settings,
    *,
    slack: bool,
    gateway: bool,
    deliver: bool,
    feeds: bool = False,
    migrate: bool = False,
) -> None:
    """One production process: serve Slack, run the Discord gateway, deliver, or all three.

    With `feeds`, it serves the calendar feeds on $PORT too. It runs until SIGTERM or
    SIGINT (or cancellation), then shuts down in order: delivery stops claiming and its
    in-flight DMs get the grace period (what is claimed but unsent goes back to the queue),
    then the platforms stop taking requests and finish the work they acknowledged, then the
    database connections close.
    """
    lock = DeliveryLock.for_url(settings.database_url) if deliver else None
    async with stop_signals() as stop:
        if lock is not None:
            lock.acquire()
        try:
            await _run_until(
                stop,
                settings,
                slack=slack,
                gateway=gateway,
                deliver=deliver,
                feeds=feeds,
                migrate=migrate,
            )
        finally:
            if lock is not None:
                lock.release()


async def _run_until(
    stop: asyncio.Event,
    settings: Settings,
    *,
    slack: bool,
    gateway: bool,
    deliver: bool,
    feeds: bool,
    migrate: bool,
) -> None:
    clock = SystemClock()
    sqlite = make_url(settings.database_url).get_backend_name() == "sqlite"
    core = build_core(settings, clock, migrate=migrate or sqlite)
    if not (migrate or sqlite) and await asyncio.to_thread(schema_is_behind, core.deps.db.engine):
        core.deps.db.dispose()
        raise SchemaNotCurrent(SCHEMA_NOT_CURRENT)
    warm_up(core.deps.db)
    slack_adapter = (
        SlackAdapter(core, settings) if settings.slack_enabled and (slack or deliver) else None
    )
    discord_adapter = (
        DiscordAdapter(core, settings)
        if settings.discord_enabled and (gateway or deliver)
        else None
    )
    trigger = None
    group_jobs = None  # weekly wins posts and retention purges ride with delivery
    if deliver:
        trigger = DeliveryTrigger(core.delivery, settings.delivery_interval_seconds, clock)
        group_jobs = GroupJobs(core.groups, core.delivery.messengers)
    links: list[Link | None] = [slack_adapter.link if slack and slack_adapter else None]
    links.append(discord_adapter.link if discord_adapter else None)
    health = Health(core, trigger, [link for link in links if link is not None])
    ops: OpsServer | None = None
    feed_routes = calendar_routes(core) if feeds else []
    if slack and slack_adapter is not None and not settings.slack_app_token:
        slack_adapter.extra_routes = [*routes(health), *feed_routes]  # beside Slack on $PORT
    elif slack or feeds:  # Socket Mode, or no Slack: $PORT is free for health and feeds
        ops = OpsServer(health, settings.port, extra=feed_routes)
    elif settings.metrics_port:
        ops = OpsServer(health, settings.metrics_port)
    METRICS.with_process_metrics().watch_backlog(core.deps.db, clock.now)
    runs: list[asyncio.Task[None]] = []
    try:
        if ops is not None:
            await ops.start()
        if slack and slack_adapter is not None:
            runs.append(asyncio.create_task(slack_adapter.run()))
        if discord_adapter is not None:  # a worker sends DMs over REST only
            discord_run = discord_adapter.run() if gateway else discord_adapter.run_rest()
            runs.append(asyncio.create_task(discord_run))
        if trigger is not None:
            trigger.start()
        if group_jobs is not None:
            group_jobs.start()
        freeze_startup_heap()
        log.info(
            "started",
            extra={"slack": slack, "discord": gateway, "delivery": deliver, "calendar": feeds},
        )
        stopped = asyncio.create_task(stop.wait())
        try:
            await asyncio.wait([*runs, stopped], return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
    finally:
        if group_jobs is not None:
            await group_jobs.stop()
        if trigger is not None:
            await trigger.stop(settings.shutdown_grace_seconds)
        for task in runs:
            task.cancel()
        failures = [
            result
            for result in await asyncio.gather(*runs, return_exceptions=True)
            if isinstance(result, Exception)
        ]
        for adapter in (slack_adapter, discord_adapter):
            if adapter is not None:
                await adapter.close()
        if ops is not None:
            await ops.stop()
        core.deps.db.dispose()
        log.info("stopped")
    if failures:
        raise failures[0]


def _serve(process: Coroutine[Any, Any, None]) -> None:
    """Run a process to its end; refusals to start become a message, not a traceback."""
    try:
        asyncio.run(process)
    except Refused as refused:
        raise SettingsError(str(refused)) from None
    except (DeliveryLocked, SchemaNotCurrent) as error:
        raise click.ClickException(str(error)) from None


INTERRUPTED = 130  # 128 + SIGINT, as shells report a command ended by Ctrl-C


class SchemaNotCurrent(Exception):
    """The database is not at this version's schema and this process must not migrate it."""


INVITE_NEEDS_APP_ID = (
    "DISCORD_TOKEN is not a bot token (its first part is not a bot id in base64): copy it "
    "again (Bot > Reset Token on your application at "
    "https://discord.com/developers/applications), or give --app-id."
)
SERVER_INSTALL = (
    "Add Followup to a server (needs Manage Server there; its members get /interview, "
    "and reminders by DM):"
)
USER_INSTALL = (
    "Add Followup to your own account (/interview in any server or DM; reminders by DM "
    "still need a server you share with Followup):"
)
SCHEMA_NOT_CURRENT = (
    "The database lacks migrations this version needs. Run `followup migrate` first (the "
    "Procfile's release step does it on each deploy); on PostgreSQL only `migrate` and "
    "`run` change the schema, so that several processes never migrate at once."
)


def _logging(settings: Settings) -> None:
    """JSON lines on stderr, with every credential in the settings redacted."""
    configure(settings.log_level, secrets_of(settings))


if __name__ == "__main__":
    main()
