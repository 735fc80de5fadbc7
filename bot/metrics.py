"""Prometheus metrics: what delivery and commands are doing, per process, without member data.

Prometheus scrapes a process, and prometheus-client's instruments are process-wide by
design, so `METRICS` is the one set of instruments in a process (the core's only module
state; it holds counts, never who or what). Labels are platforms, never members or
commands typed. The backlog gauge is read from the database at scrape time, so every
process reports the same figure; aggregate it across processes with `max`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector
from prometheus_client.registry import Collector

from bot.storage import repositories as repo
from bot.storage.db import Database

CONTENT_TYPE = CONTENT_TYPE_LATEST
# From "on time" to "a day late" (downtime, quiet hours of a retry, a long rate limit).
LATENESS_BUCKETS = (1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600, 4 * 3600, 24 * 3600)
COMMAND_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10)


class Metrics:
    """The instruments, on their own registry (tests can build a fresh one)."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry(auto_describe=True)
        r = self.registry
        self.delivered = Counter(
            "followup_reminders_delivered", "Reminders delivered as DMs", ["platform"], registry=r
        )
        self.failed = Counter(
            "followup_reminders_failed",
            "Reminders given up on (DMs closed, member gone, too many attempts)",
            ["platform"],
            registry=r,
        )
        self.retried = Counter(
            "followup_reminders_retried",
            "Delivery attempts that will be retried (rate limits, outages)",
            ["platform"],
            registry=r,
        )
        self.set_aside = Counter(
            "followup_reminders_set_aside",
            "Reminders parked unsent because their rows could not be read or composed "
            "(reason: unreadable, bad_data); `followup rotate-key` re-queues unreadable ones",
            ["platform", "reason"],
            registry=r,
        )
        self.released = Counter(
            "followup_reminders_released",
            "Claimed reminders handed back at shutdown for another worker",
            registry=r,
        )
        self.lateness = Histogram(
            "followup_delivery_lateness_seconds",
            "How long after its planned time a reminder was delivered",
            ["platform"],
            buckets=LATENESS_BUCKETS,
            registry=r,
        )
        self.command_seconds = Histogram(
            "followup_command_seconds",
            "Time to answer a command, per platform",
            ["platform"],
            buckets=COMMAND_BUCKETS,
            registry=r,
        )
        self.last_tick = Gauge(
            "followup_delivery_last_tick_timestamp_seconds",
            "Unix time of the last completed delivery tick in this process",
            registry=r,
        )
        self._backlog: BacklogCollector | None = None
        self._process_metrics = False

    def watch_backlog(self, db: Database, now: Callable[[], datetime]) -> None:
        """Report reminders due (and claimed) from `db` at each scrape (the latest `db` given)."""
        if self._backlog is None:
            self._backlog = BacklogCollector(db, now)
            self.registry.register(self._backlog)
        else:
            self._backlog.db, self._backlog.now = db, now

    def with_process_metrics(self) -> Metrics:
        """Add CPU, memory, open files and the Python version (idempotent)."""
        if not self._process_metrics:
            ProcessCollector(registry=self.registry)
            PlatformCollector(registry=self.registry)
            self._process_metrics = True
        return self

    def render(self) -> bytes:
        """The exposition text; may query the database, so call it off the event loop."""
        return generate_latest(self.registry)

    def sample(self, name: str, **labels: str) -> float:
        """One sample's current value (0 if never set), for tests and health."""
        return self.registry.get_sample_value(name, labels) or 0.0


class BacklogCollector(Collector):
    """Reminders waiting to go out now, counted in the database when scraped."""

    def __init__(self, db: Database, now: Callable[[], datetime]) -> None:
        self.db = db
        self.now = now

    def describe(self) -> Iterator[GaugeMetricFamily]:
        """No samples at registration: never query the database then."""
        return iter(())

    def collect(self) -> Iterator[GaugeMetricFamily]:
        """Due-and-waiting and claimed-right-now counts; nothing if the database is down."""
        gauge = GaugeMetricFamily(
            "followup_reminders_due",
            "Reminders due and not yet sent, by state (scheduled: waiting; claimed: sending)",
            labels=["state"],
        )
        try:
            with self.db.reading() as session:
                counts = repo.due_backlog(session, self.now())
        except Exception:  # health reports the database; metrics still serve without it
            return iter(())
        for state, count in sorted(counts.items()):
            gauge.add_metric([state], count)
        return iter([gauge])


METRICS = Metrics()
