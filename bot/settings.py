"""Typed settings, read once in the composition root and passed down."""

from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    log_level: str = Field("INFO", description="Python logging level")

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
