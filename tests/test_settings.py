"""Settings: every line of .env.example is accepted, and empty values mean 'not set'."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[1] / ".env.example"


def test_env_example_loads_with_platforms_off(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SLACK_BOT_TOKEN", "SLACK_CLIENT_ID", "DISCORD_TOKEN", "FOLLOWUP_DISCORD_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=EXAMPLE)  # type: ignore[call-arg]
    assert settings.database_url == "sqlite:///var/followup.db"
    assert not settings.slack_enabled
    assert not settings.discord_enabled
    assert settings.discord_shards is None


def test_every_setting_is_documented_in_env_example() -> None:
    documented = EXAMPLE.read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        names = [f"FOLLOWUP_{name.upper()}"]
        if alias is not None:
            names += [str(choice) for choice in getattr(alias, "choices", [alias])]
        assert any(f"{n}=" in documented for n in names), name


def test_platform_names_enable_adapters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("DISCORD_TOKEN", "discord-test")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.slack_enabled
    assert settings.discord_enabled
