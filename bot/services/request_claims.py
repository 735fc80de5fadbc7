"""Claim a request once: replays and retries of one platform request run nothing twice.

Kept in the database, not in memory, because several web processes behind a load balancer
share the work and a retry may reach another one. Platform-neutral: the adapter says what
identifies a request (Slack: its event id or its signature) and how long to remember it.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from bot.services.deps import Deps
from bot.storage import repositories as repo

PRUNE_EVERY = timedelta(minutes=1)
"""How often one process deletes expired claims (a cheap indexed delete)."""


class RequestClaimService:
    """One insert per request; expired rows are pruned now and then."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps
        self._pruned_at: datetime | None = None  # this process's own pacing, nothing shared

    def claim_once(self, key: str, ttl: timedelta) -> bool:
        """True the first time `key` is claimed within `ttl`; false for every repeat."""
        now = self.deps.clock.now()
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
        with self.deps.db.transaction() as session:
            if self._pruned_at is None or now - self._pruned_at >= PRUNE_EVERY:
                repo.prune_request_claims(session, now)
                self._pruned_at = now
            return repo.claim_request(session, digest, now, now + ttl)
