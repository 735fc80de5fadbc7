"""`Reply.settled`: only a button's job done retires the buttons, never a mistake."""

from __future__ import annotations

import pytest

from bot.app import Core
from bot.chat import CommandRequest, MemberRef, Reply
from bot.scheduling.clock import ManualClock

ME = MemberRef("console", "local", "ada")
LOG = 'company="Acme" when="tomorrow 3pm" with="Jane Doe; Raj Patel"'


def _say(core: Core, clock: ManualClock, command: str, text: str = "") -> Reply:
    return core.dispatcher.handle_sync(CommandRequest(ME, command, text, clock.now()))


@pytest.mark.parametrize(
    ("command", "text"),
    [
        ("sent", '#1 thank_you "Jane Doe"'),
        ("skip", '#1 thank_you "Raj Patel"'),
        ("snooze", '#1 thank_you "Jane Doe" for=1h'),
        ("replied", "#1"),
        ("delete", "#1 confirm"),
        ("forget", "confirm"),
    ],
)
def test_a_done_job_settles(core: Core, clock: ManualClock, command: str, text: str) -> None:
    _say(core, clock, "log", LOG)
    reply = _say(core, clock, command, text)
    assert reply.settled, reply.plain_text()


@pytest.mark.parametrize(
    ("command", "text"),
    [
        ("sent", "#7 thank_you"),  # no such interview
        ("snooze", '#1 thank_you "Jane Doe" for=soon'),  # not a duration
        ("delete", "#1"),  # asks for confirmation first
        ("forget", ""),  # likewise
        ("list", ""),
        ("pause", "#1"),  # the reminder's buttons still apply after a pause
    ],
)
def test_a_mistake_or_a_question_leaves_the_buttons(
    core: Core, clock: ManualClock, command: str, text: str
) -> None:
    _say(core, clock, "log", LOG)
    reply = _say(core, clock, command, text)
    assert not reply.settled, reply.plain_text()
