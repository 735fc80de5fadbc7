"""Every entry point refuses a missing or contradictory setting in one line, with exit status 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from ops_helpers import environment, start

from adapters.cli import main

# (command, environment, what the one line must say)
CASES = [
    pytest.param(
        "run",
        {"SLACK_BOT_TOKEN": "xoxb-only-a-bot-token"},
        ["SLACK_SIGNING_SECRET is not set", "SLACK_APP_TOKEN", "api.slack.com/apps"],
        id="run-bot-token-alone",
    ),
    pytest.param(
        "web",
        {"SLACK_BOT_TOKEN": "xoxb-only-a-bot-token"},
        ["SLACK_SIGNING_SECRET is not set"],
        id="web-bot-token-alone",
    ),
    pytest.param(
        "web",
        {},
        ["`followup web` serves Slack", "SLACK_BOT_TOKEN", "FOLLOWUP_PUBLIC_URL"],
        id="web-no-slack",
    ),
    pytest.param(
        "web",
        {"FOLLOWUP_PUBLIC_URL": "http://followup.example.com"},
        ["FOLLOWUP_PUBLIC_URL: must start with https://"],
        id="web-feeds-over-plain-http",
    ),
    pytest.param(
        "web",
        {"FOLLOWUP_PUBLIC_URL": "followup.example.com"},
        ["FOLLOWUP_PUBLIC_URL: not a web address", "https://followup.example.com"],
        id="web-feeds-without-a-scheme",
    ),
    pytest.param("worker", {}, ["`followup worker` delivers", "DISCORD_TOKEN"], id="worker-none"),
    pytest.param("discord", {}, ["DISCORD_TOKEN is not set", "Reset Token"], id="discord-none"),
    pytest.param("discord sync", {}, ["DISCORD_TOKEN is not set"], id="sync-no-token"),
    pytest.param(
        "discord invite-url", {}, ["DISCORD_TOKEN is not set", "--app-id"], id="invite-no-token"
    ),
    pytest.param(
        "discord invite-url",
        {"DISCORD_TOKEN": "not-a-discord-token"},
        ["DISCORD_TOKEN is not a bot token", "--app-id"],
        id="invite-malformed-token",
    ),
    pytest.param(
        "run",
        {"SLACK_APP_TOKEN": "xapp-1-A0-alone"},
        ["SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not"],
        id="run-app-token-alone",
    ),
    pytest.param(
        "web",
        {"SLACK_CLIENT_ID": "1111.2222", "SLACK_SIGNING_SECRET": "signing-secret"},
        ["SLACK_CLIENT_ID is set but SLACK_CLIENT_SECRET is not"],
        id="web-client-id-alone",
    ),
    pytest.param(
        "worker",
        {
            "SLACK_BOT_TOKEN": "xoxb-one-workspace",
            "SLACK_CLIENT_ID": "1111.2222",
            "SLACK_CLIENT_SECRET": "client-secret",
        },
        ["are both set: unset one of them"],
        id="worker-both-slack-modes",
    ),
    pytest.param(
        "run",
        {"SLACK_BOT_TOKEN": "xapp-1-swapped", "SLACK_APP_TOKEN": "xoxb-swapped"},
        ["SLACK_BOT_TOKEN should start with xoxb-", "SLACK_APP_TOKEN should start with xapp-"],
        id="run-swapped-slack-tokens",
    ),
    pytest.param(
        "discord",
        {"DISCORD_TOKEN": "test-token", "FOLLOWUP_DISCORD_SHARD_IDS": "[0, 1]"},
        ["FOLLOWUP_DISCORD_SHARD_IDS is set but FOLLOWUP_DISCORD_SHARDS is not"],
        id="discord-shard-ids-alone",
    ),
    pytest.param(
        "run",
        {
            "DISCORD_TOKEN": "test-token",
            "FOLLOWUP_DISCORD_SHARDS": "2",
            "FOLLOWUP_DISCORD_SHARD_IDS": "[1, 2]",
        },
        ["FOLLOWUP_DISCORD_SHARD_IDS lists 2", "0 to 1"],
        id="run-shard-id-out-of-range",
    ),
    pytest.param(
        "console",
        {"FOLLOWUP_DEFAULT_TIMEZONE": "Mars/Olympus_Mons"},
        ["FOLLOWUP_DEFAULT_TIMEZONE: not an IANA time zone", "Europe/Berlin"],
        id="console-unknown-zone",
    ),
    pytest.param(
        "worker",
        {"DISCORD_TOKEN": "test-token", "FOLLOWUP_LOG_LEVEL": "chatty"},
        ["FOLLOWUP_LOG_LEVEL: not a logging level"],
        id="worker-unknown-log-level",
    ),
    pytest.param(
        "migrate",
        {"FOLLOWUP_DATABASE_URL": "mysql://followup:pa55word@db/followup"},
        ["FOLLOWUP_DATABASE_URL: not a SQLite or PostgreSQL URL"],
        id="migrate-unsupported-database",
    ),
]


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No platform or FOLLOWUP_* settings but the test's, and no .env file to read."""
    for name in list(os.environ):
        if name.startswith(("FOLLOWUP_", "SLACK_", "DISCORD_")) or name == "PORT":
            monkeypatch.delenv(name)
    monkeypatch.setenv("FOLLOWUP_DATABASE_URL", f"sqlite:///{tmp_path}/followup.db")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("command", "env", "says"), CASES)
def test_a_missing_or_contradictory_setting_is_one_line_and_exit_status_2(
    command: str, env: dict[str, str], says: list[str], clean_env: Path
) -> None:
    result = CliRunner().invoke(main, command.split(), env=env, input="")
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # a message, not an exception escaping
    (line,) = result.output.strip().splitlines()
    assert line.startswith("Error: ")
    for fragment in says:
        assert fragment in line
    assert "pa55word" not in line  # a setting's value is never echoed
    assert not (clean_env / "followup.db").exists()  # refused before anything started


async def test_run_with_only_a_bot_token_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    """The first thing a new operator tries: exactly one line on stderr, status 2."""
    env = environment(f"sqlite:///{tmp_path}/followup.db", SLACK_BOT_TOKEN="xoxb-1-2-abc")
    process = await start("run", env, tmp_path)
    code = await process.wait()
    assert code == 2
    (line,) = process.lines
    assert line.startswith("Error: SLACK_SIGNING_SECRET is not set")
    assert "SLACK_APP_TOKEN" in line
