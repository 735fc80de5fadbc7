"""`/interview export` on Slack: files_upload_v2 through slack_sdk into the member's DM."""

from __future__ import annotations

import csv
import io
import json

from slack_harness import Harness

LOG = 'log company="Acme" when="tomorrow 3pm" with="Jane Doe <jane@acme.com>"'
DM = "D0ADA"  # the fake opens D + the user id without its U


async def test_export_uploads_json_and_csv_to_the_dm(slack: Harness) -> None:
    await slack.say(LOG)
    answer = await slack.say("export")
    assert "sent that to you by DM" in answer
    (posted,) = slack.fake.of("chat.postMessage")
    assert posted.body["channel"] == DM
    assert "everything I store about you" in posted.body["text"]
    asked = slack.fake.of("files.getUploadURLExternal")
    assert len(asked) == 3
    (completed,) = slack.fake.of("files.completeUploadExternal")
    assert completed.body["channel_id"] == DM
    files = slack.fake.files_in(DM)
    assert len(files) == 3
    assert sorted(int(c.body["length"]) for c in asked) == sorted(map(len, files.values()))
    data = json.loads(next(v for k, v in files.items() if k.endswith(".json")))
    (interview,) = data["interviews"]
    assert interview["company"] == "Acme"
    assert interview["interviewers"][0]["email"] == "jane@acme.com"
    assert data["member"]["user_id"] == "U0ADA"
    table = next(v for k, v in files.items() if "interviews" in k).decode("utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(table))
    assert row["company"] == "Acme"
    assert "Jane Doe <jane@acme.com>" in row["interviewers"]


async def test_another_members_export_goes_to_their_own_dm_only(slack: Harness) -> None:
    await slack.say(LOG)
    await slack.say("export", user="U0BOB")
    files = slack.fake.files_in("D0BOB")
    data = json.loads(next(v for k, v in files.items() if k.endswith(".json")))
    assert data["interviews"] == []
    assert slack.fake.files_in(DM) == {}
    assert b"Acme" not in b"".join(files.values())


async def test_a_failed_upload_is_told_in_the_dm(slack: Harness) -> None:
    slack.fake.fail("files.completeUploadExternal", "internal_error")
    await slack.say("export")
    notes = [c.body.get("text") for c in slack.fake.of("chat.postMessage")]
    assert any("couldn't attach the files" in str(n) for n in notes)


async def test_with_dms_closed_the_member_is_told_where_the_files_went(slack: Harness) -> None:
    slack.fake.fail("conversations.open", "cannot_dm_bot")
    answer = await slack.say("export")
    assert "couldn't DM you the files" in answer
    assert slack.fake.of("files.getUploadURLExternal") == []
