"""The whole loop on Discord: log through the modal, the reminder DM, mark sent from its button."""

from __future__ import annotations

from datetime import timedelta

from fakes.discord_api import UPDATE_MESSAGE, FakeDiscord, custom_ids, say, text_of

from adapters.discord import DiscordAdapter
from bot.app import Core
from bot.scheduling.clock import ManualClock

MODAL = 9


async def test_modal_log_reminder_dm_and_mark_sent_stops_the_next_reminder(
    adapter: DiscordAdapter, fake: FakeDiscord, core: Core, clock: ManualClock
) -> None:
    assert (await say(fake, "log"))["type"] == MODAL
    submit = fake.submit(
        "fm:log:",
        {
            "company": "Acme",
            "role": "Backend Engineer",
            "when_date+when_time": "2026-11-24 15:00",
            "stage": ["onsite"],
            "with": "Jane Doe (Engineering Manager) <jane@acme.com>",
        },
    )
    await fake.interact(submit)
    assert "Logged #1 Acme" in text_of((await fake.callback(submit["id"])).body)

    clock.advance(timedelta(hours=27))  # 17:00 UTC on the interview day
    report = await core.delivery.deliver_due()
    assert report.delivered == 1
    (dm,) = fake.dm_messages()
    assert "Hi Jane," in text_of(dm)
    (post,) = fake.sent("POST", "/messages")
    assert post.body["nonce"]
    assert post.body["enforce_nonce"] is True
    assert any(name.endswith(".eml") for name in post.files)
    eml = next(data for name, data in post.files.items() if name.endswith(".eml"))
    assert b"To: jane@acme.com" in eml
    assert b"X-Unsent: 1" in eml
    mark_sent = next(i for i in custom_ids(dm) if i.startswith("fu:sent:"))

    press = fake.click(dm, mark_sent)
    await fake.interact(press)
    answer = (await fake.callback(press["id"])).body
    # The reminder itself says what was done, and its buttons are gone.
    assert answer["type"] == UPDATE_MESSAGE
    assert answer["data"]["components"] == []
    assert answer["data"]["content"].startswith("✓ Marked sent: thank-you to Jane Doe (#1)")

    clock.advance(timedelta(hours=19))  # when the last call would have come
    await core.delivery.deliver_due()
    clock.advance(timedelta(days=2))
    await core.delivery.deliver_due()
    assert len(fake.dm_messages()) == 1
