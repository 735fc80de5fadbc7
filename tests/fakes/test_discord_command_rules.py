"""The fake refuses the application commands Discord refuses, and sends message commands as it.

Pages cited are in github.com/discord/discord-api-docs, `developers/`; the rules live in
`discord_command_rules.py`.
"""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from fakes.discord_api import BOT_ID, GUILD, OTHER, USER, FakeDiscord, Unregistered
from fakes.discord_command_rules import MAX_OF_TYPE, MESSAGE_COMMAND
from fakes.test_discord_fake_rules import call, form_error

GLOBAL = f"/applications/{BOT_ID}/commands"
MENU = {"name": "Read employer's reply", "type": MESSAGE_COMMAND}
SLASH = {"name": "interview", "description": "Interviews", "type": 1}


async def test_a_message_command_may_have_capitals_and_spaces_and_reads_back_no_description(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """application-commands.mdx, Application Command Naming and Message Commands."""
    localized = {**MENU, "name_localizations": {"fr": "Lire la réponse de l'employeur"}}
    status, answered, _ = await call(http, fake, "PUT", GLOBAL, [SLASH, localized])
    assert status == 200
    assert answered[1]["description"] == ""
    assert fake.requests[-1].validated


@pytest.mark.parametrize(
    ("command", "at", "code"),
    [
        ({**MENU, "description": "Reads it"}, "description", "CONTEXT_MENU_DESCRIPTION_INVALID"),
        ({**MENU, "options": []}, "options", "CONTEXT_MENU_OPTIONS_INVALID"),
        ({**SLASH, "name": "Interview"}, "name", "INVALID_NAME"),
        ({**SLASH, "name": "read reply"}, "name", "INVALID_NAME"),
        ({**MENU, "type": None}, "name", "INVALID_NAME"),  # no type is CHAT_INPUT
        ({**SLASH, "name_localizations": {"de": "Vorstellungs Gespräch"}}, "name_localizations",
         "INVALID_NAME"),
    ],
)  # fmt: skip
async def test_a_command_against_its_types_rules_is_a_50035_naming_the_field(
    fake: FakeDiscord, http: aiohttp.ClientSession, command: dict[str, Any], at: str, code: str
) -> None:
    """application-commands.mdx, Application Command Structure: context menus take no
    description or options; CHAT_INPUT names are lower case, without spaces."""
    status, body, _ = await call(http, fake, "PUT", GLOBAL, [command])
    assert status == 400
    assert form_error(body, "0", at)["code"] == f"APPLICATION_COMMAND_{code}"


async def test_a_name_twice_in_one_type_is_refused_but_once_per_type_is_not(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """application-commands.mdx, Registering a Command: unique per type and scope."""
    status, _, _ = await call(http, fake, "PUT", GLOBAL, [MENU, {**MENU, "type": 2}])
    assert status == 200
    status, body, _ = await call(http, fake, "PUT", GLOBAL, [MENU, MENU])
    assert status == 400
    assert form_error(body)["code"] == "APPLICATION_COMMANDS_DUPLICATE_NAME"


async def test_more_message_commands_than_an_app_may_have_is_30032(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """application-commands.mdx, Registering a Command: 15 global MESSAGE commands."""
    most = MAX_OF_TYPE[MESSAGE_COMMAND]
    menus = [{**MENU, "name": f"Menu {n}"} for n in range(most)]
    status, _, _ = await call(http, fake, "PUT", GLOBAL, menus)
    assert status == 200
    status, body, _ = await call(http, fake, "PUT", GLOBAL, [*menus, {**MENU, "name": "One more"}])
    assert (status, body["code"]) == (400, 30032)


async def test_a_message_command_arrives_with_the_message_resolved_once_registered(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    """application-commands.mdx, Message Commands (Example Interaction)."""
    with pytest.raises(Unregistered):
        fake.message_command(MENU["name"], "Thanks for your time.")
    await call(http, fake, "PUT", f"/applications/{BOT_ID}/guilds/{GUILD}/commands", [MENU])
    payload = fake.message_command(MENU["name"], "Thanks for your time.")
    data = payload["data"]
    assert (payload["type"], data["type"], data["name"]) == (2, MESSAGE_COMMAND, MENU["name"])
    assert data["id"] == fake.commands[GUILD][0]["id"]
    message = data["resolved"]["messages"][data["target_id"]]
    assert (message["content"], message["author"]["id"]) == ("Thanks for your time.", OTHER)
    assert payload["member"]["user"]["id"] == USER
