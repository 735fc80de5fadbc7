"""`/interview export` on Discord: the JSON and CSV files arrive by DM through discord.py."""

from __future__ import annotations

import csv
import io
import json

from fakes.discord_api import EPHEMERAL, USER, FakeDiscord, say, text_of

from adapters.discord import DiscordAdapter


async def test_export_files_arrive_by_dm_and_parse(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await say(fake, "log", company="Acme", when="2026-11-24 15:00", stage="onsite")
    answer = await say(fake, "export")
    assert answer["data"]["flags"] & EPHEMERAL
    assert "sent that to you by DM" in text_of(answer)
    (post,) = fake.sent("POST", f"/channels/{fake.dm_channels[USER]}/messages")
    assert "everything I store about you" in text_of(post.body)
    names = sorted(post.files)
    assert [n.rsplit("-", 3)[0] for n in names] == [
        "followup-export",
        "followup-follow-ups",
        "followup-interviews",
    ]
    data = json.loads(next(v for k, v in post.files.items() if k.endswith(".json")))
    assert [i["company"] for i in data["interviews"]] == ["Acme"]
    assert data["member"]["user_id"] == USER
    interviews = next(v for k, v in post.files.items() if "interviews" in k)
    rows = list(csv.DictReader(io.StringIO(interviews.decode("utf-8-sig"))))
    assert [(r["number"], r["company"], r["stage"]) for r in rows] == [("1", "Acme", "onsite")]


async def test_with_dms_closed_the_files_come_in_the_ephemeral_answer(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    await say(fake, "log", company="Acme", when="2026-11-24 15:00")
    fake.closed_dms.add(USER)
    payload = fake.slash("export")
    await fake.interact(payload)
    answer = await fake.followup(payload)  # a DM reply is deferred first: this is its answer
    assert answer.body["flags"] & EPHEMERAL
    assert "couldn't DM you" in text_of(answer.body)
    data = json.loads(next(v for k, v in answer.files.items() if k.endswith(".json")))
    assert [i["company"] for i in data["interviews"]] == ["Acme"]
