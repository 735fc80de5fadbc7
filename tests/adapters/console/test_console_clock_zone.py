"""The console reads times in the machine's zone, or that of `--now`, and says which."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from adapters.console.zone import ZoneError, console_zone, parse_now, process_locale
from bot.i18n import speaking

ROOT = Path(__file__).resolve().parents[3]


def test_without_now_the_console_is_on_the_machines_zone() -> None:
    chosen = console_zone(None, None, "America/New_York")
    assert chosen.zone == ZoneInfo("America/New_York")
    assert chosen.said == "Times are in America/New_York, your machine's zone."


def test_a_zone_set_explicitly_wins_over_the_machines() -> None:
    chosen = console_zone(None, "Europe/Berlin", "America/New_York")
    assert chosen.zone == ZoneInfo("Europe/Berlin")
    assert chosen.said == "Times are in Europe/Berlin, from FOLLOWUP_DEFAULT_TIMEZONE."


def test_an_unknown_machine_zone_falls_back_to_utc_and_says_so() -> None:
    assert console_zone(None, None, None).said == (
        "Times are in UTC (your machine's zone is unknown)."
    )


def test_now_with_an_offset_the_machine_lacks_gives_that_offset() -> None:
    chosen = console_zone(parse_now("2026-11-23T09:00:00-05:00"), None, "Europe/Berlin")
    assert chosen.said == "Times are in UTC-05:00, from --now."
    noon = datetime(2026, 11, 23, 17, tzinfo=chosen.zone)
    assert noon.isoformat() == "2026-11-23T17:00:00-05:00"


def test_now_whose_offset_is_the_machines_keeps_the_machines_zone_and_its_dst() -> None:
    chosen = console_zone(parse_now("2026-11-23T09:00:00-05:00"), None, "America/New_York")
    assert chosen.zone == ZoneInfo("America/New_York")
    assert chosen.said == (
        "Times are in America/New_York, your machine's zone (the offset of --now)."
    )


def test_now_can_name_its_zone_in_brackets() -> None:
    now = parse_now("2027-03-12T09:00[America/New_York]")
    assert now == (datetime(2027, 3, 12, 9, tzinfo=ZoneInfo("America/New_York")), now[1])
    chosen = console_zone(now, "Europe/Berlin", "Asia/Tokyo")
    assert chosen.said == "Times are in America/New_York, from --now."


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("yesterday", "is not ISO 8601"),
        ("2026-11-23T09:00:00", "give an offset"),
        ("2026-11-23T09:00[Mars/Olympus]", "'Mars/Olympus' is not a time zone"),
        ("2026-11-23T09:00-04:00[America/New_York]", "is not a time in America/New_York"),
    ],
)
def test_a_now_that_cannot_be_read_says_how_to_write_it(text: str, says: str) -> None:
    with pytest.raises(ZoneError, match=says):
        parse_now(text)


def test_a_half_hour_offset_asks_for_the_zone_by_name() -> None:
    with pytest.raises(ZoneError, match=r"\+05:30.*Asia/Kolkata"):
        console_zone(parse_now("2026-11-23T09:00:00+05:30"), None, "UTC")


def test_a_misspelt_zone_setting_is_named_not_ignored() -> None:
    with pytest.raises(ZoneError, match="FOLLOWUP_DEFAULT_TIMEZONE=Europe/Berlinn"):
        console_zone(None, "Europe/Berlinn", "UTC")


def console(
    tmp_path: Path, scenario: str, *args: str, tz: str, lang: str = "C.UTF-8"
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "FOLLOWUP_DEFAULT_TIMEZONE"}
    env["LANG"] = lang
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "adapters.cli",
            "console",
            "--db",
            f"sqlite:///{tmp_path}/c.db",
            *args,
        ],
        input=scenario,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**env, "TZ": tz, "PYTHONPATH": str(ROOT)},
        cwd=tmp_path,  # no .env from the checkout
    )


def test_the_console_reads_tomorrow_3pm_on_the_machines_clock(tmp_path: Path) -> None:
    result = console(
        tmp_path,
        '/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"\n',
        tz="Asia/Tokyo",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Times are in Asia/Tokyo, your machine's zone.\n")
    assert "15:00-16:00 JST" in result.stdout


def test_a_bad_now_is_one_line_and_no_traceback(tmp_path: Path) -> None:
    result = console(tmp_path, "", "--now", "2026-11-23T09:00[Mars/Olympus]", tz="UTC")
    assert result.returncode == 2
    assert "'Mars/Olympus' is not a time zone" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_zone_sentence_is_said_in_the_language_being_spoken() -> None:
    chosen = console_zone(None, None, "America/New_York")
    with speaking("de"):
        assert chosen.said == "Zeitangaben in America/New_York, der Zeitzone deines Rechners."
    with speaking("fr"):
        assert console_zone(None, None, None).said == (
            "Heures indiquées en UTC (le fuseau horaire de votre machine est inconnu)."
        )


@pytest.mark.parametrize(
    ("environ", "locale"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de-DE"),
        ({"LANG": "pt_BR.UTF-8@latin"}, "pt-BR"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}, "fr-FR"),
        ({"LANGUAGE": "es_ES:en", "LC_ALL": "de_DE.UTF-8"}, "es-ES"),  # gettext's order
        ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, None),  # the first set one decides
        ({"LANG": "C.UTF-8"}, None),
        ({}, None),
    ],
)
def test_the_machines_locale_is_read_as_gettext_reads_it(
    environ: dict[str, str], locale: str | None
) -> None:
    assert process_locale(environ) == locale


def test_the_first_line_speaks_the_machines_language_until_the_member_picks_one(
    tmp_path: Path,
) -> None:
    """`LANG=de_DE.UTF-8` is the first guess, as a Slack or Discord locale is; a choice wins."""
    first = console(
        tmp_path, "/interview settings language=fr\n", tz="Asia/Tokyo", lang="de_DE.UTF-8"
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Zeitangaben in Asia/Tokyo, der Zeitzone deines Rechners.\n")
    again = console(tmp_path, "", tz="Asia/Tokyo", lang="de_DE.UTF-8")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(
        "Heures indiquées en Asia/Tokyo, le fuseau horaire de votre machine.\n"
    )
