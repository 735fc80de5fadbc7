"""Claiming a request once: the record that stops replays and retries across processes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.app import Core, build_core
from bot.scheduling.clock import ManualClock
from bot.storage.models import RequestClaim

TTL = timedelta(minutes=10)


def test_a_key_is_claimed_once_until_it_expires(core: Core, clock: ManualClock) -> None:
    claims = core.request_claims
    assert claims.claim_once("slack:v0=abc", TTL)
    assert not claims.claim_once("slack:v0=abc", TTL)
    assert claims.claim_once("slack:v0=other", TTL)
    clock.advance(TTL + timedelta(seconds=1))
    assert claims.claim_once("slack:v0=abc", TTL)


def test_a_second_process_sees_the_first_ones_claim(core: Core, clock: ManualClock) -> None:
    """Web processes behind a load balancer share nothing but the database."""
    other = build_core(core.settings, clock, migrate=False)
    try:
        assert core.request_claims.claim_once("slack:Ev1", TTL)
        assert not other.request_claims.claim_once("slack:Ev1", TTL)
    finally:
        other.deps.db.dispose()


def test_expired_claims_are_pruned(core: Core, clock: ManualClock) -> None:
    for number in range(5):
        core.request_claims.claim_once(f"slack:old{number}", TTL)
    clock.advance(TTL + timedelta(minutes=1))
    core.request_claims.claim_once("slack:new", TTL)
    with core.deps.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(RequestClaim)) == 1
