"""`followup run` with a Discord token connects and delivers; `followup discord invite-url`."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from click.testing import CliRunner
from fakes.discord_api import FakeDiscord

from adapters.cli import _platforms, main
from bot.settings import Settings


async def test_run_connects_to_discord_and_stops_cleanly(fake: FakeDiscord, tmp_path: Path) -> None:
    settings = Settings(  # type: ignore[call-arg]
        database_url=f"sqlite:///{tmp_path}/run.db",
        _env_file=None,
        discord_token="test-token",
        discord_api_url=fake.base_url,
        discord_gateway_url=fake.gateway_url,
    )
    task = asyncio.create_task(_platforms(settings))
    try:
        await fake.wait_connected()
        assert fake.sent("GET", "/users/@me")
        assert not task.done()
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    assert (tmp_path / "run.db").exists()


def test_invite_url_prints_a_server_install_and_a_user_install_each_named() -> None:
    result = CliRunner().invoke(main, ["discord", "invite-url", "--app-id", "900000000000000001"])
    assert result.exit_code == 0, result.output
    server_label, server, user_label, user = result.output.strip().splitlines()
    assert server_label.startswith("Add Followup to a server")
    assert parse_qs(urlsplit(server).query)["integration_type"] == ["0"]
    assert user_label.startswith("Add Followup to your own account")
    assert "need a server you share" in user_label  # DMs need a mutual server (50278)
    assert parse_qs(urlsplit(user).query)["integration_type"] == ["1"]
