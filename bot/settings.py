"""Typed settings, read once in the composition root and passed down."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything configurable, from `FOLLOWUP_*` environment variables or `.env`."""

    model_config = SettingsConfigDict(env_prefix="FOLLOWUP_", env_file=".env", extra="ignore")

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
