"""Fuzz the command layer: thousands of generated command lines and form submissions.

The real core on SQLite answers every one. A reply must be a non-empty message, never the
apology a bug produces, and nothing may be logged at ERROR. Each example starts from an
empty database at the same time (`FreshStart`), so a failure replays and shrinks; the
lines of one example build on each other (often after a real `log`), the clock moves on
and due reminders are delivered, composing drafts from whatever the fuzzed commands stored.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from fuzz_strategies import (
    DISPLAY_NAMES,
    MEMBERS,
    ON_FIRST,
    PLATFORM_ZONES,
    VALID_LINES,
    as_text,
    command_args,
    command_line,
    examples,
    form_submission,
)
from fuzz_support import SEEDS, START, ErrorTrap, FreshStart
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from recording import RecordingMessenger

from bot.app import Core
from bot.chat import CommandRequest, MemberRef, Reply
from bot.commands.args import parse_args
from bot.commands.dispatch import OOPS
from bot.commands.registry import CommandSpec, Context, Registry
from bot.errors import UserError
from bot.scheduling.clock import ManualClock


def fuzz(base: int) -> settings:
    """Hypothesis settings for `base` examples (scaled), no deadline, no example files."""
    return settings(
        max_examples=examples(base),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def check_reply(reply: Reply, request: CommandRequest, trap: ErrorTrap) -> None:
    """A message the member can read; no bug behind it."""
    errors = trap.take()
    assert not errors, f"{as_text(request)} logged:\n" + "\n".join(errors)
    text = reply.plain_text()
    assert text.strip(), f"empty reply to {as_text(request)}"
    assert OOPS not in text, f"{as_text(request)} hit a bug"
    if reply.form is not None:
        assert reply.form.fields, f"an empty form for {as_text(request)}"


def deliver(core: Core, clock: ManualClock, hours: int) -> None:
    """Move time on and deliver what came due, composing drafts from fuzzed data."""
    clock.advance(timedelta(hours=hours))
    report = asyncio.run(core.delivery.deliver_due())
    assert (report.retried, report.failed) == (0, 0), report  # the messenger never fails


def test_the_oracle_catches_a_handler_bug(fuzz_core: Core, error_trap: ErrorTrap) -> None:
    """A bug is answered politely, so only the logged traceback gives it away: we look."""

    def broken(_ctx: Context) -> Reply:
        raise KeyError("a bug")

    request = CommandRequest(MemberRef("console", "local", "oracle"), "boom", "", START)
    registry = fuzz_core.registry
    fuzz_core.registry = Registry([CommandSpec("boom", "Fails.", "boom", broken)])
    try:
        reply = fuzz_core.dispatcher.handle_sync(request)
    finally:
        fuzz_core.registry = registry
    with pytest.raises(AssertionError, match="KeyError: 'a bug'"):
        check_reply(reply, request, error_trap)
    assert reply.plain_text() == OOPS


# A session: what one member types over a few days, half of it real commands (most about
# #1) and half anything at all, with the clock moving on now and then. Long enough
# for state to matter (log, pause, then snooze), short enough to shrink.
SAY = st.tuples(st.one_of(VALID_LINES, ON_FIRST, command_line()), DISPLAY_NAMES, PLATFORM_ZONES)
WAIT = st.integers(1, 24 * 9)
STEPS = st.lists(st.one_of(SAY, SAY, SAY, WAIT), min_size=6, max_size=32)


@fuzz(200)
@given(member=MEMBERS, seed=st.sampled_from(tuple(SEEDS)), steps=STEPS)
def test_every_command_line_gets_a_message_and_no_error(
    *,
    fuzz_core: Core,
    fuzz_clock: ManualClock,
    fresh: FreshStart,
    error_trap: ErrorTrap,
    member: tuple[str, str, str],
    seed: str,
    steps: list[tuple[tuple[str, str], str | None, str | None] | int],
) -> None:
    if "console" not in fuzz_core.delivery.messengers:
        fuzz_core.add_messenger(RecordingMessenger(platform="console"))
        fuzz_core.add_messenger(RecordingMessenger(platform="slack"))
        fuzz_core.add_messenger(RecordingMessenger(platform="discord"))
    ref = MemberRef(*member)
    fresh(ref, seed)
    for step in steps:
        if isinstance(step, int):
            deliver(fuzz_core, fuzz_clock, step)
            assert not error_trap.take()
            continue
        (command, text), display_name, zone = step
        request = CommandRequest(
            member=ref,
            command=command,
            text=text,
            received_at=fuzz_clock.now(),
            display_name=display_name,
            member_timezone=zone,
        )
        check_reply(fuzz_core.dispatcher.handle_sync(request), request, error_trap)


@fuzz(400)
@given(
    member=MEMBERS,
    submissions=st.lists(form_submission(), min_size=1, max_size=5),
    zone=PLATFORM_ZONES,
    seed=st.sampled_from(tuple(SEEDS)),
)
def test_every_form_submission_gets_a_message_and_no_error(
    *,
    fuzz_core: Core,
    fuzz_clock: ManualClock,
    fresh: FreshStart,
    error_trap: ErrorTrap,
    member: tuple[str, str, str],
    submissions: list[tuple[str, str, dict[str, str]]],
    zone: str | None,
    seed: str,
) -> None:
    ref = MemberRef(*member)
    fresh(ref, seed)
    for command, context, options in submissions:
        request = CommandRequest(
            member=ref,
            command=command,
            text=context,
            received_at=fuzz_clock.now(),
            member_timezone=zone,
            options=options,
        )
        reply = fuzz_core.dispatcher.handle_sync(request)
        check_reply(reply, request, error_trap)
        for key in reply.field_errors:  # an error a modal can show next to its field
            assert key in options or key in ("company", "when_date"), (key, as_text(request))


@fuzz(1000)
@given(
    raw=st.lists(st.text(max_size=120), max_size=40),
    typed=st.lists(command_args(), max_size=4),
)
def test_the_parser_either_parses_or_explains(raw: list[str], typed: list[str]) -> None:
    """The grammar alone, at tens of thousands of lines: a result or a UserError with a hint."""
    for text in [*raw, *typed]:
        try:
            parsed = parse_args(text)
        except UserError as error:
            assert error.message
            assert error.hint
            continue
        assert all(key == key.lower() and "-" not in key for key in parsed.options)
        assert all(value == value.strip() for value in parsed.options.values())
