"""A broad corpus through the real adapter and discord.py: the strict fake refuses nothing.

Every command in help, every draft kind, six interviewers, 200-character company and role
names, unicode names, 60 interviews and every reminder button: each message, callback and
modal is checked against Discord's spec and documented limits (`fakes/discord_contract.py`).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fakes.discord_api import FakeDiscord, Recorded, say

from adapters.discord import DiscordAdapter
from bot.app import Core
from bot.commands.handlers import build_registry
from bot.domain.policy import Kind
from bot.scheduling.clock import ManualClock

LONG_COMPANY = ("Ünïcødé Förderverein für Künstliche Intelligenz ✨ " * 5)[:200]
LONG_ROLE = ("Senior Staff Principal Distinguished Engineer, Platform 🚀 " * 4)[:200]
INTERVIEWERS = ", ".join(
    [
        "Zoë Ångström-Łukasiewicz (VP of Engineering) <zoe@example.com>",
        "李小龙 <li@example.cn>",
        "Олександра Ковальчук (Recruiter) <olek@example.ua>",
        "José María Fernández de la Peña <jose.maria@example.es>",
        "Siobhán Ní Bhriain (Hiring Manager)",
        "محمد الأحمد <m@example.com>",
    ]
)
BODIES = ("/messages", "/callback", "/webhooks/")
STRING_SELECT = 3


def presses(message: dict[str, Any]) -> list[tuple[str, list[str] | None]]:
    """Each button's custom id, and each choice of each string select, on a message."""
    found: list[tuple[str, list[str] | None]] = []
    for row in message.get("components") or []:
        for item in row.get("components") or []:
            if item.get("type") == STRING_SELECT:
                found += [(item["custom_id"], [o["value"]]) for o in item.get("options") or []]
            elif "custom_id" in item:
                found.append((item["custom_id"], None))
    return found


def refused(fake: FakeDiscord) -> list[tuple[str, str, int]]:
    """Requests the fake answered with a 4xx: what Discord would have refused."""
    return [(r.method, r.path, r.status) for r in fake.requests if 400 <= r.status < 500]


def carrying_bodies(fake: FakeDiscord) -> list[Recorded]:
    """Messages, callbacks and follow-ups sent: each must have been validated."""
    return [
        r
        for r in fake.requests
        if r.method in {"POST", "PATCH"} and r.body is not None and any(p in r.path for p in BODIES)
    ]


async def test_every_payload_of_a_broad_corpus_passes_discords_contract(
    adapter: DiscordAdapter, fake: FakeDiscord, core: Core, clock: ManualClock
) -> None:
    await say(fake, "settings", timezone="Europe/Berlin")
    await say(
        fake,
        "log",
        company=LONG_COMPANY,
        role=LONG_ROLE,
        when="2026-11-24 15:00",
        stage="onsite",
        **{"with": INTERVIEWERS},
    )
    for number in range(2, 61):
        await say(fake, "log", company=f"Company {number} ÄÖÜ", when="2026-11-24 10:00")
    for spec in build_registry().specs:  # every command in help, bare
        await say(fake, spec.name)
    for name in ("list", "due", "help"):
        await say(fake, name)
    for command in ("show", "edit", "notes", "outcome", "replied", "pause", "resume"):
        await say(fake, command, interview="#1")
    for kind in Kind:
        await say(fake, "draft", interview="#1", kind=kind.value)

    clock.advance(timedelta(hours=27))
    await core.delivery.deliver_due()
    reminders = fake.dm_messages()
    for message in reminders:  # every reminder button and every menu choice
        for cid, values in presses(message):
            press = fake.click(message, cid, values=values)
            await fake.interact(press)
            await fake.callback(press["id"])

    assert refused(fake) == []
    assert reminders
    unchecked = [(r.method, r.path) for r in carrying_bodies(fake) if not r.validated]
    assert unchecked == []
