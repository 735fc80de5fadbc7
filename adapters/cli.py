"""The `followup` command: read settings, build the core, start the adapters that are set."""

from __future__ import annotations

import asyncio
import logging
import sys
from datetime import datetime

import click

from adapters.console import run_console
from adapters.console.conversation import Conversation
from adapters.discord import (
    DiscordAdapter,
    application_id_from_token,
    invite_url,
    sync_commands,
)
from adapters.slack import SlackAdapter
from bot.app import build_core
from bot.scheduling.clock import ManualClock, OffsetClock, SystemClock
from bot.scheduling.trigger import DeliveryTrigger
from bot.settings import Settings
from bot.storage.db import Database
from bot.storage.migrate import upgrade


@click.group()
def main() -> None:
    """Followup: follow up after interviews, from Slack, Discord or this console."""


@main.command()
def run() -> None:
    """Start every adapter whose credentials are set; with none, the local console."""
    settings = Settings()
    _logging(settings)
    if settings.slack_enabled or settings.discord_enabled:
        asyncio.run(_platforms(settings))
    else:
        asyncio.run(_console(settings, user=settings.console_user, start=None))


@main.group("discord")
def discord_group() -> None:
    """Discord: register the slash commands, print the invite link."""


@discord_group.command("sync")
@click.option("--guild", type=int, default=None, help="Register in one server (instant).")
def discord_sync(guild: int | None) -> None:
    """Register /interview with Discord (a deliberate step: 200 creations a day)."""
    settings = Settings()
    if not settings.discord_token:
        raise click.UsageError("Set DISCORD_TOKEN first.")
    count = asyncio.run(sync_commands(settings, guild))
    where = f"in server {guild}" if guild else "globally (it can take up to an hour to appear)"
    click.echo(f"Registered /interview with {count} subcommands {where}.")


@discord_group.command("invite-url")
@click.option("--app-id", help="Application ID (default: read from DISCORD_TOKEN).")
def discord_invite_url(app_id: str | None) -> None:
    """Print the link that adds Followup to a server or to your own apps."""
    app_id = app_id or application_id_from_token(Settings().discord_token or "")
    if not app_id:
        raise click.UsageError("Give --app-id or set DISCORD_TOKEN.")
    click.echo(invite_url(app_id))


@main.command()
@click.option("--db", "db_url", help="Database URL (default: FOLLOWUP_DATABASE_URL).")
@click.option("--as", "user", help="Who you are (default: FOLLOWUP_CONSOLE_USER).")
@click.option(
    "--now",
    "start",
    help="Start a simulated clock at this ISO 8601 time; only :advance moves it.",
)
def console(db_url: str | None, user: str | None, start: str | None) -> None:
    """Chat with the bot in this terminal; reads a scenario from stdin when piped."""
    overrides = {"database_url": db_url} if db_url else {}
    settings = Settings(**overrides)  # type: ignore[arg-type]
    _logging(settings)
    at = None
    if start:
        try:
            at = datetime.fromisoformat(start)
        except ValueError:
            raise click.BadParameter(f"{start!r} is not ISO 8601", param_hint="--now") from None
        if at.tzinfo is None:
            raise click.BadParameter(
                "give an offset, like 2026-11-23T09:00:00-05:00", param_hint="--now"
            )
    asyncio.run(_console(settings, user=user or settings.console_user, start=at))


@main.command()
@click.option("--db", "db_url", help="Database URL (default: FOLLOWUP_DATABASE_URL).")
def migrate(db_url: str | None) -> None:
    """Upgrade the database to the newest schema."""
    settings = Settings(**({"database_url": db_url} if db_url else {}))  # type: ignore[arg-type]
    db = Database.from_url(settings.database_url)
    upgrade(db.engine)
    db.dispose()
    click.echo("Database is up to date.")


async def _console(settings: Settings, *, user: str, start: datetime | None) -> None:
    clock = ManualClock(start) if start else OffsetClock()
    core = build_core(settings, clock)
    conversation = Conversation(core, clock, user=user, write=lambda text: print(text, flush=True))
    trigger = DeliveryTrigger(core.delivery, settings.delivery_interval_seconds, clock)
    trigger.start()
    try:
        await run_console(conversation, sys.stdin)
    finally:
        await trigger.stop()
        core.deps.db.dispose()


async def _platforms(settings: Settings) -> None:
    """Every platform whose credentials are set, and delivery, on one event loop."""
    clock = SystemClock()
    core = build_core(settings, clock)
    adapters: list[SlackAdapter | DiscordAdapter] = []
    if settings.slack_enabled:
        adapters.append(SlackAdapter(core, settings))  # each registers its messenger
    if settings.discord_enabled:
        adapters.append(DiscordAdapter(core, settings))
    trigger = DeliveryTrigger(core.delivery, settings.delivery_interval_seconds, clock)
    trigger.start()
    try:
        await asyncio.gather(*(adapter.run() for adapter in adapters))
    finally:
        await trigger.stop()
        for adapter in adapters:
            await adapter.close()
        core.deps.db.dispose()


def _logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    for chatty in ("alembic", "apscheduler"):
        logging.getLogger(chatty).setLevel(logging.WARNING)


if __name__ == "__main__":
    main()
