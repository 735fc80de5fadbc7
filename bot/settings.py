"""Typed settings, read once in the composition root and passed down."""

from __future__ import annotations

import binascii
import re

from cryptography.fernet import Fernet
from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

NEW_KEY_COMMAND = (
    "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
)


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
    encryption_key: SecretStr | None = Field(
        None, description="Fernet keys, comma-separated, newest first; notes encrypted at rest"
    )

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
