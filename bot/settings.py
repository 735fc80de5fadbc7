"""Typed settings, read once in the composition root and passed down."""

from __future__ import annotations

import binascii
import logging
import re
import zoneinfo
from typing import Literal
from urllib.parse import urlsplit

from cryptography.fernet import Fernet
from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

NEW_KEY_COMMAND = (
    "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
)
DATABASE_EXAMPLES = "sqlite:///var/followup.db or postgresql+psycopg://user:password@host/db"
PUBLIC_URL_EXAMPLE = "https://followup.example.com"
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def _env(*names: str) -> AliasChoices:
    """Accept the platform's conventional name (SLACK_BOT_TOKEN) and our prefixed one."""
    return AliasChoices(*names)


class Settings(BaseSettings):
    """Everything configurable, from `FOLLOWUP_*` (and platform) variables or `.env`."""

    model_config = SettingsConfigDict(
        env_prefix="FOLLOWUP_",
        env_file=".env",
        env_ignore_empty=True,
        extra="ignore",
        populate_by_name=True,
        hide_input_in_errors=True,  # a bad setting's error must not print keys or tokens
    )

    database_url: str = Field(
        "sqlite:///var/followup.db", description="SQLAlchemy URL of the database"
    )
    default_timezone: str = Field("UTC", description="Zone for members who set none")
    delivery_interval_seconds: float = Field(5.0, gt=0, description="Delivery tick period")
    delivery_batch_size: int = Field(100, gt=0, description="Reminders claimed per tick")
    delivery_concurrency: int = Field(8, gt=0, description="DMs in flight at once")
    lease_seconds: int = Field(300, gt=0, description="How long a claim is held")
    console_user: str = Field("you", description="Who you are in the local console")
    console_echo: bool = Field(
        True, description="Piped console input: print each line as `NAME> line` before its answer"
    )
    shutdown_grace_seconds: float = Field(
        20.0, ge=0, description="Seconds in-flight DMs get to finish after SIGTERM"
    )
    metrics_port: int | None = Field(
        None, gt=0, description="Port for /healthz and /metrics in worker and discord processes"
    )
    log_level: str = Field("INFO", description="Python logging level")
    reconnect_max_seconds: float = Field(
        60.0, gt=0, description="Longest wait between tries to reach Slack or Discord"
    )
    encryption_key: SecretStr | None = Field(
        None, description="Fernet keys, comma-separated, newest first; notes encrypted at rest"
    )
    public_url: str | None = Field(
        None, description="Where `followup web` is reached (https://...): calendar feeds' base"
    )

    @field_validator("database_url")
    @classmethod
    def _database(cls, value: str) -> str:
        """Refuse a URL SQLAlchemy cannot read, or a database this project does not support."""
        try:
            backend = make_url(value).get_backend_name()
        except ArgumentError:
            backend = None
        if backend not in ("sqlite", "postgresql"):
            raise ValueError(f"not a SQLite or PostgreSQL URL, like {DATABASE_EXAMPLES}")
        return value

    @field_validator("default_timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        """Refuse a zone that does not exist before the first reminder is scheduled in it."""
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                "not an IANA time zone, like UTC, Europe/Berlin or America/New_York"
            ) from None
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        """Refuse a level `logging` does not know (it would fail once logging starts)."""
        if value.upper() not in logging.getLevelNamesMapping():
            raise ValueError("not a logging level: DEBUG, INFO, WARNING or ERROR")
        return value

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        """Refuse an address a calendar app could not fetch, or one that sends tokens in clear.

        A feed's address is its only key: over plain HTTP anyone on the way could read it,
        so only a loopback host (trying it out on one machine) may go without TLS.
        """
        if value is None:
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValueError(f"not a web address, like {PUBLIC_URL_EXAMPLE}")
        if parts.query or parts.fragment:
            raise ValueError(f"takes no ?query or #fragment, like {PUBLIC_URL_EXAMPLE}")
        if parts.scheme == "http" and parts.hostname not in LOOPBACK_HOSTS:
            raise ValueError(
                "must start with https:// (a feed's address is its password), unless the host "
                "is localhost"
            )
        return value.strip().rstrip("/")

    @field_validator("encryption_key")
    @classmethod
    def _fernet_keys(cls, value: SecretStr | None) -> SecretStr | None:
        """Refuse a malformed key at start-up, not at the first note written."""
        if value is None:
            return None
        keys = split_keys(value.get_secret_value())
        if not keys:
            raise ValueError(f"FOLLOWUP_ENCRYPTION_KEY is empty. Generate one: {NEW_KEY_COMMAND}")
        for position, key in enumerate(keys, start=1):
            try:
                Fernet(key)
            except (ValueError, binascii.Error):
                raise ValueError(
                    f"FOLLOWUP_ENCRYPTION_KEY: key {position} of {len(keys)} is not a Fernet "
                    "key (44 characters of url-safe base64). Keys are comma-separated, newest "
                    f"first. Generate one: {NEW_KEY_COMMAND}"
                ) from None
        return value

    @property
    def encryption_keys(self) -> tuple[str, ...]:
        """The Fernet keys, newest first (empty: notes are stored as plaintext)."""
        if self.encryption_key is None:
            return ()
        return tuple(split_keys(self.encryption_key.get_secret_value()))

    # Slack
    slack_bot_token: str | None = Field(
        None, validation_alias=_env("SLACK_BOT_TOKEN", "FOLLOWUP_SLACK_BOT_TOKEN")
    )
    slack_app_token: str | None = Field(
        None, validation_alias=_env("SLACK_APP_TOKEN", "FOLLOWUP_SLACK_APP_TOKEN")
    )
    slack_signing_secret: str | None = Field(
        None, validation_alias=_env("SLACK_SIGNING_SECRET", "FOLLOWUP_SLACK_SIGNING_SECRET")
    )
    slack_client_id: str | None = Field(
        None, validation_alias=_env("SLACK_CLIENT_ID", "FOLLOWUP_SLACK_CLIENT_ID")
    )
    slack_client_secret: str | None = Field(
        None, validation_alias=_env("SLACK_CLIENT_SECRET", "FOLLOWUP_SLACK_CLIENT_SECRET")
    )
    slack_api_url: str = Field(
        "https://slack.com/api/", description="Slack Web API base URL (tests, proxies)"
    )
    slack_history_per_minute: int = Field(
        1,
        gt=0,
        le=100,
        description=(
            "conversations.history calls a minute Slack allows this app, per workspace: 1 "
            "outside the Marketplace (apps since 2025-05-29), 50 for Marketplace apps (Tier 3)"
        ),
    )
    port: int = Field(3000, validation_alias=_env("PORT", "FOLLOWUP_PORT"))

    # Discord
    discord_token: str | None = Field(
        None, validation_alias=_env("DISCORD_TOKEN", "FOLLOWUP_DISCORD_TOKEN")
    )
    discord_api_url: str | None = Field(
        None, description="Discord REST base URL override (tests, proxies)"
    )
    discord_gateway_url: str | None = Field(
        None, description="Discord gateway URL override (tests)"
    )
    discord_shards: int | None = Field(None, gt=0, description="Total shards; None = one")
    discord_shard_ids: list[int] | None = Field(
        None, description="Shards this process runs (JSON list); None = all"
    )

    @property
    def slack_enabled(self) -> bool:
        """Whether Slack credentials are set (one workspace or an OAuth app)."""
        return bool(self.slack_bot_token or (self.slack_client_id and self.slack_client_secret))

    @property
    def discord_enabled(self) -> bool:
        """Whether a Discord bot token is set."""
        return bool(self.discord_token)


Process = Literal["run", "web", "worker", "discord"]
"""The long-running commands, each needing its own platform settings."""

SLACK_APPS = "your app's page at https://api.slack.com/apps"
SET_BOT_TOKEN = (
    "set SLACK_BOT_TOKEN (the Bot User OAuth Token, xoxb-..., under OAuth & Permissions on "
    f"{SLACK_APPS}) for one workspace, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (Basic "
    "Information) to install to many"
)
NO_SLACK = (
    "`followup web` serves Slack and the calendar feeds: set SLACK_BOT_TOKEN and "
    "SLACK_SIGNING_SECRET (one workspace), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and "
    "SLACK_SIGNING_SECRET (many), or FOLLOWUP_PUBLIC_URL (the address it is reached at, "
    f"like {PUBLIC_URL_EXAMPLE}) to serve the calendar feeds alone."
)
NO_PLATFORM = (
    "`followup worker` delivers reminders to Slack and Discord: set SLACK_BOT_TOKEN (or "
    "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET) or DISCORD_TOKEN. The console delivers its own."
)
NO_DISCORD = (
    "DISCORD_TOKEN is not set: set it to your bot's token (Bot > Reset Token on your "
    "application at https://discord.com/developers/applications)."
)
NO_SIGNING_SECRET = (
    "SLACK_SIGNING_SECRET is not set: Slack over HTTP needs it (Basic Information > App "
    f"Credentials on {SLACK_APPS}); or, for one workspace, set SLACK_APP_TOKEN (an App-Level "
    "Token, xapp-..., with connections:write, under Basic Information) to use Socket Mode."
)
BOTH_SLACK_MODES = (
    "SLACK_BOT_TOKEN (one workspace) and SLACK_CLIENT_ID with SLACK_CLIENT_SECRET (installs to "
    "many) are both set: unset one of them."
)
# What a Slack token of each kind starts with (https://docs.slack.dev/authentication/tokens).
TOKEN_PREFIXES = {
    "SLACK_BOT_TOKEN": ("xoxb-", "the Bot User OAuth Token, under OAuth & Permissions"),
    "SLACK_APP_TOKEN": ("xapp-", "an App-Level Token, under Basic Information"),
}


def startup_problems(settings: Settings, process: Process) -> list[str]:
    """What keeps `process` from starting: one sentence each, naming the variable and the fix.

    The one place that says which settings each command needs; every command checks here
    before it starts, so a missing or contradictory setting is one line, never a traceback
    (or a process that quietly serves less than was configured).
    """
    problems = [] if process == "discord" else _slack_problems(settings)
    if settings.discord_enabled and process in ("run", "discord"):
        problems += _shard_problems(settings)
    if problems:
        return problems
    if process == "discord" and not settings.discord_enabled:
        problems.append(NO_DISCORD)
    elif process == "web" and not (settings.slack_enabled or settings.public_url):
        problems.append(NO_SLACK)
    elif process == "worker" and not (settings.slack_enabled or settings.discord_enabled):
        problems.append(NO_PLATFORM)
    elif (
        process in ("run", "web")
        and settings.slack_enabled
        and not (settings.slack_app_token or settings.slack_signing_secret)
    ):
        problems.append(NO_SIGNING_SECRET)
    return problems


def _shard_problems(settings: Settings) -> list[str]:
    """Shard ids that name no shard of the total (discord.py would fail at the gateway)."""
    ids, total = settings.discord_shard_ids, settings.discord_shards
    if not ids:
        return []
    if total is None:
        return [
            "FOLLOWUP_DISCORD_SHARD_IDS is set but FOLLOWUP_DISCORD_SHARDS is not: set the "
            "total number of shards too (like FOLLOWUP_DISCORD_SHARDS=4), or unset the ids."
        ]
    outside = sorted({i for i in ids if not 0 <= i < total})
    if outside:
        listed = ", ".join(map(str, outside))
        return [
            f"FOLLOWUP_DISCORD_SHARD_IDS lists {listed}, but FOLLOWUP_DISCORD_SHARDS={total} "
            f"numbers the shards 0 to {total - 1}."
        ]
    return []


def _slack_problems(settings: Settings) -> list[str]:
    """Slack settings that contradict each other, are half set, or hold the wrong token."""
    problems = []
    one, many = settings.slack_bot_token, (settings.slack_client_id, settings.slack_client_secret)
    if one and any(many):
        problems.append(BOTH_SLACK_MODES)
    elif any(many) and not all(many):
        have, lack = (
            ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET")
            if settings.slack_client_id
            else ("SLACK_CLIENT_SECRET", "SLACK_CLIENT_ID")
        )
        problems.append(
            f"{have} is set but {lack} is not: set both (Basic Information > App Credentials "
            f"on {SLACK_APPS}) to install to many workspaces, or neither."
        )
    elif not settings.slack_enabled:
        stray = [
            name
            for name, value in (
                ("SLACK_APP_TOKEN", settings.slack_app_token),
                ("SLACK_SIGNING_SECRET", settings.slack_signing_secret),
            )
            if value
        ]
        if stray:
            are = "is" if len(stray) == 1 else "are"
            problems.append(
                f"{' and '.join(stray)} {are} set but SLACK_BOT_TOKEN is not: {SET_BOT_TOKEN}."
            )
    for name, value in (
        ("SLACK_BOT_TOKEN", settings.slack_bot_token),
        ("SLACK_APP_TOKEN", settings.slack_app_token),
    ):
        prefix, where = TOKEN_PREFIXES[name]
        if value and not value.startswith(prefix):
            problems.append(f"{name} should start with {prefix}: it takes {where} on {SLACK_APPS}.")
    return problems


def split_keys(text: str) -> list[str]:
    """Comma- (or whitespace-) separated keys, in order."""
    return [key for key in re.split(r"[\s,]+", text) if key]


def explain(error: ValidationError) -> str:
    """One line saying which settings are wrong and how to fix them, never their values."""
    problems = []
    for item in error.errors(include_input=False, include_url=False):
        message = item["msg"].removeprefix("Value error, ")
        name = str(item["loc"][0]) if item["loc"] else ""
        variable = name if name.isupper() else f"FOLLOWUP_{name.upper()}"
        problems.append(message if message.startswith(variable) else f"{variable}: {message}")
    return "Invalid settings: " + "; ".join(problems)
