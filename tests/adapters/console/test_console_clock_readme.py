"""The README's console walkthrough, pasted as written, shows the DMs the README promises.

The block is read from README.md itself, so a change to either the text or the bot that
breaks the walkthrough fails here. The README promises, in the member's local time: two
thank-you prompts tomorrow at 17:00; the portfolio reminder and two last calls the day
after at 12:00; and after the second advance the status check a week after the interview
at 09:00, or the Monday after at 08:00 when that day is a weekend. It must hold whatever
the day and time the walkthrough is tried.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from adapters.console.conversation import Conversation
from adapters.console.zone import console_zone, parse_now
from bot.app import build_core
from bot.scheduling.clock import ManualClock
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[3]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DM = re.compile(r"^DM to (\S+) at (\S+)\n(.*)$", re.MULTILINE)


def walkthrough() -> str:
    """The first fenced block under "Trying it in the console"."""
    section = README.split("## Trying it in the console", 1)[1]
    return section.split("\n```\n", 1)[1].split("\n```", 1)[0] + "\n"


def readme_now() -> str:
    """The `--now` of the README's piped example."""
    match = re.search(r"followup console --now (\S+) < scenario\.txt", README)
    assert match, "the README's piped example is gone"
    return match[1]


def promised(start: datetime) -> list[tuple[datetime, str]]:
    """The README's promise for a walkthrough begun at `start`: (local time, first line)."""
    zone = start.tzinfo
    day = start.date()

    def at(on: date, hour: int) -> datetime:
        return datetime.combine(on, time(hour), tzinfo=zone)

    tomorrow, after = day + timedelta(days=1), day + timedelta(days=2)
    week_on = tomorrow + timedelta(days=7)
    status = at(week_on, 9)
    if week_on.weekday() >= 5:
        status = at(week_on + timedelta(days=7 - week_on.weekday()), 8)
    thanks = "Time to send your thank-you to {} for your onsite interview at Acme (#1)."
    last = "Last call: your thank-you to {} for your onsite interview at Acme (#1) is still"
    return [
        (at(tomorrow, 17), thanks.format("Jane Doe")),
        (at(tomorrow, 17), thanks.format("Raj Patel")),
        (at(after, 12), "Time to send what you promised for your onsite interview at Acme"),
        (at(after, 12), last.format("Jane Doe")),
        (at(after, 12), last.format("Raj Patel")),
        (status, "No news yet from your onsite interview at Acme (#1)."),
    ]


def assert_shows_promised_dms(output: str, start: datetime) -> None:
    shown = sorted((datetime.fromisoformat(at), line) for _, at, line in DM.findall(output))
    expected = sorted(promised(start))
    assert [at for at, _ in shown] == [at for at, _ in expected]
    for (at, line), (_, beginning) in zip(shown, expected, strict=True):
        assert line.startswith(beginning), (at, line)
    assert all(at.utcoffset() == at.astimezone(start.tzinfo).utcoffset() for at, _ in shown)


@pytest.mark.parametrize(
    "now",
    [
        pytest.param(readme_now(), id="readme-now"),
        pytest.param("2026-11-27T23:30[Europe/Berlin]", id="friday-night"),
        pytest.param("2026-11-29T07:00[Asia/Tokyo]", id="sunday-morning"),
        pytest.param("2027-03-10T00:15[America/New_York]", id="dst-in-the-week"),
    ],
)
async def test_the_walkthrough_shows_the_dms_it_promises_whenever_it_is_tried(
    database_url: str, now: str
) -> None:
    zone = console_zone(parse_now(now), None, None).zone  # as `followup console --now`
    start = parse_now(now)[0].astimezone(zone)
    settings = Settings(  # type: ignore[call-arg]
        database_url=database_url, default_timezone=zone.key, _env_file=None
    )
    clock = ManualClock(start)
    core = build_core(settings, clock)
    convo = Conversation(core, clock, user="you")
    try:
        output = [await convo.say(line) for line in walkthrough().splitlines()]
    finally:
        core.deps.db.dispose()
    assert_shows_promised_dms("\n".join(output), start)
    said = dict(zip(walkthrough().splitlines(), output, strict=True))
    assert said["/interview sent #1 Jane"].startswith("Marked sent: thank-you to Jane Doe (#1).")
    assert said["/interview sent #1 Raj"].startswith("Marked sent: thank-you to Raj Patel (#1).")
    assert "/interview log" in output[-1]  # the help answers


def test_the_walkthrough_piped_into_the_real_console_as_the_readme_says(tmp_path: Path) -> None:
    scenario = tmp_path / "scenario.txt"
    scenario.write_text(walkthrough(), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_")}
    with scenario.open(encoding="utf-8") as stdin:
        result = subprocess.run(
            [sys.executable, "-m", "adapters.cli", "console", "--now", readme_now()],
            stdin=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=tmp_path,  # a fresh directory: its own var/followup.db, no .env
            env={**env, "TZ": "Etc/UTC", "PYTHONPATH": str(ROOT)},
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Times are in UTC-05:00, from --now.\n")
    start = datetime.fromisoformat(readme_now())
    assert_shows_promised_dms(result.stdout, start)
    assert "Traceback" not in result.stderr
