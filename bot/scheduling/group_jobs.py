"""Weekly wins posts and retention purges for career groups, on a plain interval.

Like delivery, the database is the schedule: a group's `wins_posted_at` says whether this
week's post went out, and a process takes the post with a conditional UPDATE, so several
processes running these jobs post at most once per group per week. The purge deletes only
what a group's admins asked to delete, and logs counts, never what was deleted. Each group
is its own unit of work: one group's failure is logged by id and the others go on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.i18n import _, speaking
from bot.ports import Delivery, DeliveryStatus, Messenger
from bot.scheduling.every import every
from bot.services.group_defaults import group_values
from bot.services.group_stats import GroupStats, group_stats, stats_reply
from bot.services.groups import GroupService
from bot.storage import repositories as repo
from bot.storage.models import Workspace

log = logging.getLogger(__name__)

WEEK = timedelta(days=7)
POST_AT = time(9, 0)  # Monday morning in the group's time zone
PURGE_BATCH = 500  # interviews per group per run: bounded transactions
DEFAULT_INTERVAL = 900.0  # seconds: a post lands within a quarter hour of Monday 09:00


@dataclass(frozen=True)
class WinsPost:
    """A claimed weekly post, and what to restore if it cannot be sent now."""

    platform: str
    group_external_id: str
    channel_id: str
    stats: GroupStats
    group_id: int
    claimed_at: datetime
    previous: datetime | None
    language: str  # the group's: a channel post speaks no one member's


def _failed(job: str, group_id: int, error: Exception) -> None:
    """Log one group's failure by id and type: its message may quote what was stored."""
    log.error("%s for group %s failed: %s", job, group_id, error.__class__.__name__)


def week_start(group: Workspace, now: datetime, default_tz: ZoneInfo) -> datetime:
    """The latest Monday 09:00 (group time) at or before `now`, as aware UTC."""
    zone = default_tz
    if group.timezone:
        try:
            zone = ZoneInfo(group.timezone)
        except (ValueError, KeyError):
            zone = default_tz
    local = now.astimezone(zone)
    monday = local.date() - timedelta(days=local.weekday())
    due = datetime.combine(monday, POST_AT, tzinfo=zone).astimezone(UTC)
    return due if due <= now else due - WEEK


class GroupJobs:
    """Runs `post_wins()` and `purge()` at start-up and every `interval` seconds."""

    def __init__(
        self,
        groups: GroupService,
        messengers: Mapping[str, Messenger],
        interval: float = DEFAULT_INTERVAL,
    ) -> None:
        self.groups = groups
        self.deps = groups.deps
        self.messengers = messengers  # the delivery service's: filled in as adapters start
        self.interval = interval
        self._busy = asyncio.Lock()
        self._stopping = False
        self.scheduler = every(self.interval, self.tick, "group_jobs")

    def start(self) -> None:
        """Start on the running event loop, with a first run right away."""
        self.scheduler.start()

    async def stop(self) -> None:
        """Stop, letting a run in progress finish."""
        self._stopping = True
        async with self._busy:
            if self.scheduler.running:
                self.scheduler.shutdown(wait=False)

    async def tick(self) -> None:
        """One pass of both jobs, each on its own; an error is logged, the next pass retries."""
        async with self._busy:
            if self._stopping:
                return
            try:
                await self.post_wins()
            except Exception:
                log.exception("wins posts failed")
            try:
                await asyncio.to_thread(self.purge)
            except Exception:
                log.exception("retention purge failed")

    async def post_wins(self) -> int:
        """Post this week's counts for every group due one; returns how many were posted."""
        posts = await asyncio.to_thread(self._claim_posts)
        posted = 0
        for post in posts:
            if not post.stats.shareable:
                log.info("wins post for group %s skipped: too few contributors", post.group_id)
                continue
            messenger = self.messengers[post.platform]
            with speaking(post.language):
                heading = _(
                    "This week's wins, from {start} to {end} (anonymous: no names, no companies)"
                ).format(start=f"{post.stats.since:%d %b}", end=f"{post.stats.until:%d %b}")
                reply = stats_reply(post.stats, heading)
            reply.language = post.language
            try:
                delivery = await messenger.post_to_channel(
                    post.group_external_id, post.channel_id, reply
                )
            except Exception as error:  # a messenger bug: this group retries, others go on
                _failed("wins post", post.group_id, error)
                delivery = Delivery.retry(f"unexpected error: {error.__class__.__name__}")
            if delivery.status is DeliveryStatus.DELIVERED:
                posted += 1
            elif delivery.status is DeliveryStatus.RETRY:  # try again on a later run
                await asyncio.to_thread(self._release, post)
                log.info("wins post for group %s will retry: %s", post.group_id, delivery.reason)
            else:
                log.warning("wins post for group %s failed: %s", post.group_id, delivery.reason)
        return posted

    def _claim_posts(self) -> list[WinsPost]:
        """Take every post due now on a platform this process can reach."""
        now = self.deps.clock.now()
        with self.deps.db.transaction() as session:
            due = [
                (group.id, group.platform, group.external_id, group.wins_posted_at, start)
                for group in repo.groups_with_wins_channel(session)
                if group.platform in self.messengers
                for start in [week_start(group, now, self.deps.default_tz)]
                if group.wins_posted_at is None or group.wins_posted_at < start
            ]
        posts: list[WinsPost] = []
        for group_id, platform, external_id, previous, start in due:
            try:
                with self.deps.db.transaction() as session:
                    if not repo.claim_wins_post(session, group_id, start, now):
                        continue  # another process took it
                    group = repo.find_group(session, platform, external_id)
                    if group is None or group.wins_channel is None:
                        continue
                    stats = group_stats(session, group, start - WEEK, start)
                    language = group_values(group).str_("language")
            except Exception as error:  # rolled back: this group's post is tried next run
                _failed("wins post", group_id, error)
                continue
            posts.append(
                WinsPost(
                    platform,
                    external_id,
                    group.wins_channel,
                    stats,
                    group_id,
                    now,
                    previous,
                    language,
                )
            )
        return posts

    def _release(self, post: WinsPost) -> None:
        with self.deps.db.transaction() as session:
            repo.release_wins_post(session, post.group_id, post.claimed_at, post.previous)

    def purge(self) -> int:
        """Delete closed interviews past each group's retention; log the count only."""
        with self.deps.db.reading() as session:
            targets = [
                (g.id, g.platform, g.external_id) for g in repo.groups_with_retention(session)
            ]
        total = 0
        for group_id, platform, external_id in targets:
            try:
                with self.deps.db.transaction() as session:
                    group = repo.find_group(session, platform, external_id)
                    if group is not None:
                        total += self.groups.purge(session, group, limit=PURGE_BATCH)
            except Exception as error:  # rolled back: this group is purged on a later run
                _failed("retention purge", group_id, error)
        if total:
            log.info("retention: deleted %d closed interviews", total)
        return total
