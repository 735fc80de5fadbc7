"""Fuzz the command layer: thousands of generated command lines and form submissions.

The real core on SQLite answers every one. A reply must be a non-empty message, never the
apology a bug produces, and nothing may be logged at ERROR. Examples share one database,
so later commands meet the interviews, notes and settings earlier ones left behind; the
clock moves on and due reminders are delivered now and then, composing drafts from
whatever the fuzzed commands stored.
"""

from __future__ import annotations

import asyncio
import itertools
from datetime import timedelta

import pytest
from fuzz_strategies import (
    DISPLAY_NAMES,
    MEMBERS,
    PLATFORM_ZONES,
    as_text,
    command_args,
    command_line,
    examples,
    form_submission,
)
from fuzz_support import START, ErrorTrap
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


_examples = itertools.count()
FRESH_MEMBERS_EVERY = 100


def member_of(who: tuple[str, str, str]) -> MemberRef:
    """The member, renamed every hundred examples: state builds up, but not forever.

    A member with hundreds of fuzz-logged interviews makes every `settings` change re-plan
    all of them, which tells us nothing new and only slows the run down.
    """
    platform, workspace, user = who
    return MemberRef(platform, workspace, f"{user}-{next(_examples) // FRESH_MEMBERS_EVERY}")


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


@fuzz(600)
@given(
    member=MEMBERS,
    lines=st.lists(
        st.tuples(command_line(), DISPLAY_NAMES, PLATFORM_ZONES), min_size=1, max_size=8
    ),
    hours=st.one_of(st.just(0), st.integers(0, 24 * 9)),
)
def test_every_command_line_gets_a_message_and_no_error(
    *,
    fuzz_core: Core,
    fuzz_clock: ManualClock,
    error_trap: ErrorTrap,
    member: tuple[str, str, str],
    lines: list[tuple[tuple[str, str], str | None, str | None]],
    hours: int,
) -> None:
    if "console" not in fuzz_core.delivery.messengers:
        fuzz_core.add_messenger(RecordingMessenger(platform="console"))
        fuzz_core.add_messenger(RecordingMessenger(platform="slack"))
        fuzz_core.add_messenger(RecordingMessenger(platform="discord"))
    ref = member_of(member)
    for (command, text), display_name, zone in lines:
        request = CommandRequest(
            member=ref,
            command=command,
            text=text,
            received_at=fuzz_clock.now(),
            display_name=display_name,
            member_timezone=zone,
        )
        check_reply(fuzz_core.dispatcher.handle_sync(request), request, error_trap)
    if hours:
        deliver(fuzz_core, fuzz_clock, hours)
        assert not error_trap.take()


@fuzz(400)
@given(
    member=MEMBERS,
    submissions=st.lists(form_submission(), min_size=1, max_size=5),
    zone=PLATFORM_ZONES,
)
def test_every_form_submission_gets_a_message_and_no_error(
    *,
    fuzz_core: Core,
    fuzz_clock: ManualClock,
    error_trap: ErrorTrap,
    member: tuple[str, str, str],
    submissions: list[tuple[str, str, dict[str, str]]],
    zone: str | None,
) -> None:
    ref = member_of(member)
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
