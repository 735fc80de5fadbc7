"""The outbox worker: claim due reminders, send them as DMs, record what happened.

Claiming and composing happen in one short transaction; sending happens outside any
transaction; each outcome is recorded only while our lease token still holds, so a worker
whose lease expired can never overwrite the work of the worker that took over.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.chat import Action, MemberRef, Reply, Section, Visibility
from bot.domain.policy import Kind
from bot.domain.timeparse import format_local
from bot.ports import Delivery, DeliveryStatus, Messenger
from bot.services.deps import Deps
from bot.services.drafts import DraftService
from bot.services.followups import describe
from bot.services.interviews import STAGES
from bot.storage import repositories as repo
from bot.storage.models import FollowUp, Member, Reminder

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 12
FIRST_BACKOFF = timedelta(seconds=30)
MAX_BACKOFF = timedelta(hours=1)


@dataclass(frozen=True)
class Outgoing:
    """A claimed reminder, composed and ready to send."""

    claim: repo.Claim
    member: MemberRef
    reply: Reply
    dedupe_key: str


@dataclass(frozen=True)
class TickReport:
    """What one delivery tick did, for logs and tests."""

    claimed: int = 0
    delivered: int = 0
    retried: int = 0
    failed: int = 0


class DeliveryService:
    """Delivers due reminders through the member's platform messenger."""

    def __init__(
        self,
        deps: Deps,
        drafts: DraftService,
        messengers: Mapping[str, Messenger],
        *,
        lease: timedelta = timedelta(minutes=5),
        batch_size: int = 100,
        concurrency: int = 8,
    ) -> None:
        self.deps = deps
        self.drafts = drafts
        self.messengers = dict(messengers)
        self.lease = lease
        self.batch_size = batch_size
        self._limit = asyncio.Semaphore(concurrency)

    async def deliver_due(self) -> TickReport:
        """Deliver every reminder that is due now; safe to run in many processes at once."""
        if not self.messengers:
            return TickReport()
        total = TickReport()
        while True:
            claimed, outgoing = await asyncio.to_thread(self._claim_and_compose)
            if not claimed:
                return total
            results = await asyncio.gather(*(self._send(item) for item in outgoing))
            report = await asyncio.to_thread(self._record, results)
            total = TickReport(
                total.claimed + claimed,
                total.delivered + report.delivered,
                total.retried + report.retried,
                total.failed + report.failed,
            )
            if claimed < self.batch_size:
                return total

    def _claim_and_compose(self) -> tuple[int, list[Outgoing]]:
        now = self.deps.clock.now()
        with self.deps.db.transaction() as session:
            claims = repo.claim_due(
                session,
                now,
                lease=self.lease,
                limit=self.batch_size,
                platforms=list(self.messengers),
            )
            latest: dict[int, tuple[repo.Claim, Reminder]] = {}
            for claim in claims:
                reminder = repo.claimed_reminder(session, claim)
                if reminder is None:
                    continue
                if reminder.follow_up.state != "pending":
                    reminder.state = "cancelled"
                    continue
                earlier = latest.get(reminder.follow_up_id)
                if earlier is not None:  # two prompts for one follow-up: send the later
                    older, newer = sorted((earlier[1], reminder), key=lambda r: r.remind_at)
                    older.state = "cancelled"
                    older.last_error = "superseded by a later reminder"
                    if newer is earlier[1]:
                        continue
                latest[reminder.follow_up_id] = (claim, reminder)
            outgoing: list[Outgoing] = []
            for claim, reminder in latest.values():
                member = session.get_one(Member, reminder.member_id)
                outgoing.append(
                    Outgoing(
                        claim,
                        repo.member_ref(session, member),
                        self._compose(member, reminder),
                        reminder.dedupe_key,
                    )
                )
            return len(claims), outgoing

    def _compose(self, member: Member, reminder: Reminder) -> Reply:
        follow_up = reminder.follow_up
        interview = follow_up.interview
        tz = self.deps.zone_of(member)
        what = describe(follow_up)
        stage = STAGES.get(interview.stage, interview.stage)
        ref = f"your {stage} at {interview.company} (#{interview.number})"
        lead = _LEADS.get((follow_up.kind, reminder.purpose), _LEADS[("", "")])
        text = lead.format(what=what, ref=ref)
        if follow_up.deadline_at is not None:
            text += f" Send it by {format_local(follow_up.deadline_at, tz)}."
        draft = self.drafts.draft(member, interview, Kind(follow_up.kind), follow_up.interviewer)
        words = _command_words(interview.number, follow_up)
        return Reply(
            blocks=[Section(text), draft],
            visibility=Visibility.DIRECT,
            actions=[
                Action("sent", "Mark sent", words, style="primary"),
                Action("skip", "Skip", words),
            ],
        )

    async def _send(self, item: Outgoing) -> tuple[Outgoing, Delivery]:
        messenger = self.messengers[item.member.platform]
        async with self._limit:
            try:
                delivery = await messenger.send_dm(
                    item.member, item.reply, dedupe_key=item.dedupe_key
                )
            except Exception as exc:  # a messenger bug must not stop the loop
                log.exception("messenger %s raised", item.member.platform)
                delivery = Delivery.retry(f"unexpected error: {exc.__class__.__name__}")
        return item, delivery

    def _record(self, results: list[tuple[Outgoing, Delivery]]) -> TickReport:
        now = self.deps.clock.now()
        delivered = retried = failed = 0
        with self.deps.db.transaction() as session:
            for item, delivery in results:
                reminder = repo.claimed_reminder(session, item.claim)
                if reminder is None:
                    log.warning("lease lost before recording reminder %s", item.claim.reminder_id)
                    continue
                reminder.lease_until = None
                reminder.lease_token = None
                if delivery.status is DeliveryStatus.DELIVERED:
                    reminder.state = "delivered"
                    reminder.delivered_at = now
                    reminder.message_ref = delivery.message_ref
                    delivered += 1
                elif delivery.status is DeliveryStatus.RETRY and reminder.attempts < MAX_ATTEMPTS:
                    reminder.state = "scheduled"
                    reminder.attempt_at = _next_attempt(now, reminder.attempts, delivery.retry_at)
                    reminder.last_error = (delivery.reason or "")[:500]
                    retried += 1
                else:
                    reminder.state = "failed"
                    reminder.last_error = (delivery.reason or "gave up")[:500]
                    member = session.get_one(Member, reminder.member_id)
                    if delivery.status is DeliveryStatus.UNDELIVERABLE:
                        member.dm_status = "closed"
                        member.dm_status_reason = reminder.last_error[:200]
                        member.dm_status_at = now
                    log.warning("reminder %s failed: %s", reminder.id, reminder.last_error)
                    failed += 1
        return TickReport(0, delivered, retried, failed)


_LEADS = {
    (Kind.THANK_YOU.value, "first"): "Time to send your {what} for {ref}.",
    (Kind.THANK_YOU.value, "last_call"): "Last call: your {what} for {ref} is still unsent.",
    (Kind.STATUS_CHECK.value, "due"): "No news yet from {ref}. A short, polite {what} is due.",
    (Kind.REJECTION_REPLY.value, "due"): (
        "Sorry about {ref}. A gracious reply keeps the door open and can ask for feedback."
    ),
    ("", ""): "A {what} is due for {ref}.",
}


def _command_words(number: int, follow_up: FollowUp) -> str:
    """What a member would type after `/interview sent` to mean this follow-up."""
    words = f"#{number} {follow_up.kind}"
    if follow_up.interviewer is not None:
        name = follow_up.interviewer.name.replace('"', "")
        words += f' "{name}"'
    return words


def _next_attempt(now: datetime, attempts: int, retry_at: datetime | None) -> datetime:
    """Exponential backoff from 30 s to an hour, or the platform's Retry-After if later."""
    backoff: timedelta = min(FIRST_BACKOFF * 2 ** max(attempts - 1, 0), MAX_BACKOFF)
    return max(now + backoff, retry_at or now)
