"""`/interview export`: everything about one member as JSON and CSV, and nothing of anyone else."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from cryptography.fernet import Fernet

from adapters.console.conversation import Conversation
from bot.app import Core, build_core
from bot.chat import Attachment, CommandRequest, MemberRef, Reply, Visibility
from bot.scheduling.clock import ManualClock
from bot.services.export import FOLLOW_UP_COLUMNS, INTERVIEW_COLUMNS
from bot.settings import Settings

LOG = (
    '/interview log company="Acme" role="Backend Engineer" when="tomorrow 3pm" stage=onsite '
    'with="Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel"'
)
NOTES = (
    '/interview notes #1 topics="system design; on-call" jane="the Kafka migration" '
    'promised="my portfolio" notes="=HYPERLINK(\\"http://evil\\")"'
)
BOB_LOG = '/interview log company="Globex" when="friday 10am" with="Sam Okafor <sam@globex.com>"'
BOB_SECRETS = ("Globex", "Sam Okafor", "sam@globex.com", "Bob's secret signature")


async def export(core: Core, clock: ManualClock, user: str = "ada") -> Reply:
    """Run `/interview export` as a console member and return the reply the adapter gets."""
    request = CommandRequest(
        member=MemberRef("console", "local", user),
        command="export",
        text="",
        received_at=clock.now(),
    )
    return await core.dispatcher.handle(request)


def files(reply: Reply) -> dict[str, Attachment]:
    """The reply's attachments by kind: json, interviews, follow-ups."""
    found: dict[str, Attachment] = {}
    for attachment in reply.attachments:
        if attachment.filename.endswith(".json"):
            found["json"] = attachment
        elif "interviews" in attachment.filename:
            found["interviews"] = attachment
        elif "follow-ups" in attachment.filename:
            found["follow_ups"] = attachment
    assert set(found) == {"json", "interviews", "follow_ups"}, reply.attachments
    return found


def data_of(reply: Reply) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(files(reply)["json"].content)
    return parsed


def csv_rows(attachment: Attachment) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(attachment.content.decode("utf-8-sig")))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def keys_everywhere(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for v in node.values() for k in keys_everywhere(v)}
    if isinstance(node, list):
        return {k for item in node for k in keys_everywhere(item)}
    return set()


async def test_export_holds_everything_the_member_stored(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await convo.say(LOG)
    await convo.say(NOTES)
    await convo.say('/interview settings timezone=Europe/Berlin signature="Ada Lovelace"')
    reply = await export(core, clock)
    assert reply.visibility is Visibility.DIRECT
    assert "1 interview(s)" in reply.plain_text()
    data = data_of(reply)
    assert data["format"] == "followup-export/1"
    assert data["member"]["signature"] == "Ada Lovelace"
    assert data["member"]["timezone"] == "Europe/Berlin"
    (interview,) = data["interviews"]
    assert interview["company"] == "Acme"
    assert interview["topics"] == "system design; on-call"
    assert interview["promised_by_me"] == "my portfolio"
    people = {p["name"]: p for p in interview["interviewers"]}
    assert people["Jane Doe"]["email"] == "jane@acme.com"
    assert people["Jane Doe"]["discussed"] == "the Kafka migration"
    kinds = {(f["kind"], f["interviewer"]) for f in interview["follow_ups"]}
    assert ("thank_you", "Jane Doe") in kinds
    assert ("thank_you", "Raj Patel") in kinds
    assert any(f["reminders"] for f in interview["follow_ups"])
    assert interview["starts_at"].endswith("+00:00")  # aware UTC, ISO 8601
    internal = {"id", "member_id", "lease_token", "lease_until", "dedupe_key", "message_ref"}
    assert keys_everywhere(data) & internal == set()


async def test_csvs_have_a_stable_column_set_and_one_row_per_item(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await convo.say(LOG)
    await convo.say(NOTES)
    await convo.say('/interview log company="Initech" when="monday 9am"')
    reply = await export(core, clock)
    data = data_of(reply)
    columns, rows = csv_rows(files(reply)["interviews"])
    assert columns == list(INTERVIEW_COLUMNS)
    assert [row["company"] for row in rows] == ["Acme", "Initech"]
    assert (
        "Jane Doe (Engineering Manager) <jane@acme.com>: the Kafka migration"
        in (rows[0]["interviewers"])
    )
    assert rows[0]["notes"] == '\'=HYPERLINK("http://evil")'  # a formula stays text
    assert data["interviews"][0]["notes"] == '=HYPERLINK("http://evil")'  # JSON is faithful
    columns, follow_ups = csv_rows(files(reply)["follow_ups"])
    assert columns == list(FOLLOW_UP_COLUMNS)
    assert len(follow_ups) == sum(len(i["follow_ups"]) for i in data["interviews"])
    assert {row["interview_number"] for row in follow_ups} == {"1", "2"}


async def test_export_never_contains_another_members_rows(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await convo.say(":as bob")
    await convo.say(BOB_LOG)
    await convo.say('/interview notes #1 notes="Bob\'s private notes"')
    await convo.say(f'/interview settings signature="{BOB_SECRETS[-1]}"')
    await convo.say(":as ada")
    await convo.say(LOG)
    reply = await export(core, clock, "ada")
    everything = b"\n".join(a.content for a in reply.attachments).decode("utf-8-sig")
    for secret in (*BOB_SECRETS, "Bob's private notes"):
        assert secret not in everything
    assert [i["company"] for i in data_of(reply)["interviews"]] == ["Acme"]


async def test_export_then_forget_then_export_shows_nothing_left(
    convo: Conversation, core: Core, clock: ManualClock
) -> None:
    await convo.say(LOG)
    await convo.say(NOTES)
    await convo.say('/interview settings signature="Ada Lovelace"')
    before = await export(core, clock)
    assert data_of(before)["interviews"]
    await convo.say("/interview forget confirm")
    after = await export(core, clock)
    data = data_of(after)
    assert data["interviews"] == []
    assert data["member"]["signature"] is None
    everything = b"\n".join(a.content for a in after.attachments).decode("utf-8-sig")
    for gone in ("Acme", "Jane Doe", "jane@acme.com", "Kafka", "portfolio", "Ada Lovelace"):
        assert gone not in everything
    assert len(csv_rows(files(after)["interviews"])[1]) == 0
    assert len(csv_rows(files(after)["follow_ups"])[1]) == 0
    assert "0 interview(s)" in after.plain_text()


@pytest.fixture
def keyed_core(database_url: str, clock: ManualClock) -> Iterator[Core]:
    """The core with encryption at rest on."""
    key = Fernet.generate_key().decode()
    settings = Settings(database_url=database_url, encryption_key=key, _env_file=None)  # type: ignore[call-arg]
    built = build_core(settings, clock)
    try:
        yield built
    finally:
        built.deps.db.dispose()


async def test_export_decrypts_what_is_encrypted_at_rest(
    keyed_core: Core, clock: ManualClock
) -> None:
    convo = Conversation(keyed_core, clock, user="ada")
    await convo.say(LOG)
    await convo.say(NOTES)
    (interview,) = data_of(await export(keyed_core, clock))["interviews"]
    assert interview["topics"] == "system design; on-call"
    assert {p["email"] for p in interview["interviewers"]} == {"jane@acme.com", None}
