"""Settings: every line of .env.example is accepted, and empty values mean 'not set'."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.fernet import Fernet
from pydantic import ValidationError

from adapters.cli import main
from bot.settings import Settings, explain

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


@pytest.mark.parametrize("key", [Fernet.generate_key().decode()[:-2], "ünïcode-key"])
def test_a_malformed_encryption_key_is_one_line_saying_how_to_make_one(
    key: str, tmp_path: Path
) -> None:
    """No traceback and no key in the output: what is wrong and the command that fixes it."""
    result = CliRunner().invoke(
        main,
        ["migrate", "--db", f"sqlite:///{tmp_path}/x.db"],
        env={"FOLLOWUP_ENCRYPTION_KEY": f"{Fernet.generate_key().decode()},{key}"},
    )
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)  # a message, not a ValidationError
    (line,) = result.output.strip().splitlines()
    assert "FOLLOWUP_ENCRYPTION_KEY: key 2 of 2 is not a Fernet key" in line
    assert "Fernet.generate_key()" in line
    assert key not in line
    assert not (tmp_path / "x.db").exists()


def test_every_invalid_setting_is_named_by_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_DELIVERY_INTERVAL_SECONDS", "soon")
    monkeypatch.setenv("PORT", "http")
    with pytest.raises(ValidationError) as raised:
        Settings(_env_file=None)  # type: ignore[call-arg]
    text = explain(raised.value)
    assert "FOLLOWUP_DELIVERY_INTERVAL_SECONDS: Input should be a valid number" in text
    assert "PORT: Input should be a valid integer" in text
    assert "soon" not in text
    assert "\n" not in text


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://followup.example.com/", "https://followup.example.com"),
        (" https://example.com/followup ", "https://example.com/followup"),
        ("http://localhost:3000", "http://localhost:3000"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
    ],
)
def test_the_public_url_is_kept_without_its_last_slash(given: str, kept: str) -> None:
    settings = Settings(public_url=given, _env_file=None)  # type: ignore[call-arg]
    assert settings.public_url == kept


@pytest.mark.parametrize(
    "given", ["ftp://example.com", "https://", "https://example.com/?a=1", "http://10.0.0.5"]
)
def test_a_public_url_a_calendar_app_should_not_use_is_refused(given: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Settings(public_url=given, _env_file=None)  # type: ignore[call-arg]
    assert explain(raised.value).startswith("Invalid settings: FOLLOWUP_PUBLIC_URL: ")
