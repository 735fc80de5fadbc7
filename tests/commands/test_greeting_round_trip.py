"""A greeting name typed once survives the edit form, `show` and `export`."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import CommandRequest, Reply
from bot.domain.people import parse_people

WITH = "Nguyễn Thị Hương [Hương] (Senior Engineer) <huong@x.vn>; Robert Smith [Bob]"
LOG = f'/interview log company="Acme" when="yesterday 3pm" with="{WITH}"'
AT = datetime(2026, 11, 23, 14, tzinfo=UTC)


async def handle(
    core: Core, convo: Conversation, command: str, text: str = "", **options: str
) -> Reply:
    return await core.dispatcher.handle(
        CommandRequest(convo.member(), command, text, AT, options=options)
    )


async def test_the_edit_form_shows_the_greeting_and_saving_it_unchanged_keeps_it(
    core: Core, convo: Conversation
) -> None:
    await convo.say(LOG)
    form = (await handle(core, convo, "edit", "#1")).form
    assert form is not None
    initial = {f.key: f.initial for f in form.fields}
    assert initial["with"] == WITH
    assert [p.greet_as for p in parse_people(WITH)] == ["Hương", "Bob"]
    await handle(core, convo, "edit", "#1", **{k: v or "" for k, v in initial.items()})
    again = (await handle(core, convo, "edit", "#1")).form
    assert again is not None
    assert {f.key: f.initial for f in again.fields}["with"] == WITH


async def test_log_and_show_echo_the_greeting_so_the_member_sees_it_was_read(
    convo: Conversation,
) -> None:
    logged = await convo.say(LOG)
    assert "With: Nguyễn Thị Hương [Hương] (Senior Engineer), Robert Smith [Bob]." in logged
    await convo.say("/interview outcome #1 offer huong")
    shown = await convo.say("/interview show #1")
    assert "Robert Smith [Bob]" in shown
    assert "Contact person: Nguyễn Thị Hương" in shown


async def test_export_carries_greeting_names_and_the_contact_person(
    core: Core, convo: Conversation
) -> None:
    await convo.say(LOG)
    await convo.say("/interview outcome #1 offer Bob")
    reply = await handle(core, convo, "export")
    by_name = {a.filename.split("-")[1]: a.content for a in reply.attachments}
    data = json.loads(by_name["export"])
    (interview,) = data["interviews"]
    assert [p["greet_as"] for p in interview["interviewers"]] == ["Hương", "Bob"]
    assert interview["contact"] == "Robert Smith"
    (row,) = csv.DictReader(io.StringIO(by_name["interviews"].decode("utf-8-sig")))
    assert row["contact"] == "Robert Smith"
    assert row["interviewers"].splitlines() == [
        "Nguyễn Thị Hương [Hương] (Senior Engineer) <huong@x.vn>",
        "Robert Smith [Bob]",
    ]
