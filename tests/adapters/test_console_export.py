"""`/interview export` in the console: the DM lists files saved under the export directory."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.scheduling.clock import ManualClock


async def test_export_saves_the_files_and_prints_their_paths(
    core: Core, clock: ManualClock, tmp_path: Path
) -> None:
    convo = Conversation(core, clock, user="ada lovelace/..", export_dir=tmp_path / "exports")
    await convo.say('/interview log company="Acme" when="tomorrow 3pm" with="Jane Doe"')
    shown = await convo.say("/interview export")
    assert shown.startswith("DM to ada lovelace/.. at ")
    assert "everything I store about you" in shown
    paths = [Path(p) for p in re.findall(r"^(\S+\.(?:json|csv))$", shown, re.MULTILINE)]
    assert len(paths) == 3
    folder = tmp_path / "exports" / "ada_lovelace"  # a name never escapes the directory
    assert {p.parent for p in paths} == {folder}
    data = json.loads(next(p for p in paths if p.suffix == ".json").read_bytes())
    assert [i["company"] for i in data["interviews"]] == ["Acme"]
    table = next(p for p in paths if "interviews" in p.name).read_text(encoding="utf-8-sig")
    assert [row["company"] for row in csv.DictReader(io.StringIO(table))] == ["Acme"]
