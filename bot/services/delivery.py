"""The outbox worker: claim due reminders, send them as DMs, record what happened.

Claiming and composing happen in one short transaction; sending happens outside any
transaction; each outcome is recorded only while our lease token still holds, so a worker
whose lease expired can never overwrite the work of the worker that took over.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import traceback
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.chat import Action, MemberRef, Reply, Section, Visibility
from bot.domain.policy import Cadence, Kind, in_quiet_hours, send_time
from bot.domain.timeparse import format_local
from bot.i18n import N_, _, ngettext, speaking
from bot.metrics import METRICS, Metrics
from bot.ports import Delivery, DeliveryStatus, Messenger
from bot.services.deps import Deps
from bot.services.drafts import DraftService, Target
from bot.services.followups import command_words, describe
from bot.services.interviews import STAGES
from bot.storage import repositories as repo
from bot.storage.models import FollowUp, Interview, Member, Reminder

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 12
# Later than this a reminder is overdue (delivery was down or behind): several that piled
# up go as one digest, and quiet hours hold them. Up to it, one goes as it would have.
OVERDUE = timedelta(minutes=15)
AHEAD = 2  # batches being sent at once by one worker
LEASE_USABLE = 0.8  # of a lease, the part in which a send may still start
FIRST_BACKOFF = timedelta(seconds=30)
MAX_BACKOFF = timedelta(hours=1)


@dataclass(frozen=True)
class Outgoing:
    """A claimed reminder, composed and ready to send."""

    claims: tuple[repo.Claim, ...]
    member: MemberRef
    reply: Reply
    dedupe_key: str
    send_by: datetime  # after this our lease is (nearly) over: another worker may send it
    maybe_sent: bool = False  # an earlier attempt's outcome was never recorded


@dataclass(frozen=True)
class Group:
    """One member's claimed reminders, loaded and detached, ready to compose."""

    member: Member
    items: list[tuple[repo.Claim, Reminder]]
    now: datetime


@dataclass(frozen=True)
class TickReport:
    """What one delivery tick did, for logs and tests."""

    claimed: int = 0
    delivered: int = 0
    retried: int = 0
    failed: int = 0
    set_aside: int = 0  # could not be read or composed: parked for an operator
    held: int = 0  # overdue in the member's quiet hours: back in the queue till they end


@dataclass(frozen=True)
class Aside:
    """A claimed reminder that cannot be sent: its rows cannot be read or composed."""

    claim: repo.Claim
    reason: str  # `repo.UNREADABLE` or `repo.BAD_DATA`


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
        metrics: Metrics = METRICS,
    ) -> None:
        self.deps = deps
        self.drafts = drafts
        self.messengers = dict(messengers)
        self.lease = lease
        self.batch_size = batch_size
        self.metrics = metrics
        self._limit = asyncio.Semaphore(concurrency)
        self._draining = False  # shutting down: claim nothing more, start no more sends
        self._held: dict[int, repo.Claim] = {}  # claimed, composed, not yet recorded

    async def deliver_due(self) -> TickReport:
        """Deliver every reminder that is due now; safe to run in many processes at once.

        The stages overlap: while batches are being sent (at most `AHEAD` at once, so one
        worker never hoards claims), the next is claimed in a thread and composed on the
        event loop one DM at a time, yielding between DMs (a drafting thread would hold the
        GIL and delay every send's wake-up by up to Python's 5 ms switch interval), and
        each batch records its outcomes as soon as its sends finish.
        """
        if not self.messengers:
            return TickReport()
        claimed_total = set_aside = held = 0
        batches: list[asyncio.Future[TickReport]] = []
        while not self._draining:
            claimed, groups, unreadable, waiting = await asyncio.to_thread(self._claim)
            aside: list[Aside] = []
            outgoing = [item async for item in self._compose_all(groups, aside)]
            claimed_total += claimed
            set_aside += unreadable
            held += waiting
            if outgoing or aside:
                batches.append(asyncio.ensure_future(self._send_and_record(outgoing, aside)))
            if claimed < self.batch_size:
                break
            in_flight = [b for b in batches if not b.done()]
            if len(in_flight) >= AHEAD:
                await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
        reports = await asyncio.gather(*batches)
        return TickReport(
            claimed_total,
            sum(r.delivered for r in reports),
            sum(r.retried for r in reports),
            sum(r.failed for r in reports),
            set_aside + sum(r.set_aside for r in reports),
            held,
        )

    async def _send_and_record(self, outgoing: list[Outgoing], aside: list[Aside]) -> TickReport:
        results = await asyncio.gather(*(self._send(item) for item in outgoing))
        return await asyncio.to_thread(self._record, results, aside)

    def drain(self) -> None:
        """Start shutting down: sends in flight finish, claimed ones not yet sent go back.

        `release_held` hands back the claims of sends that never finished.
        """
        self._draining = True

    async def release_held(self) -> int:
        """Hand back every claim still held (its send was cut off), due at once.

        Attempts are kept: such a DM may have gone out, so the next worker sends it with
        `maybe_sent` and the platform's dedupe check. Returns how many were released.
        """
        claims, self._held = list(self._held.values()), {}
        if not claims:
            return 0

        def release() -> int:
            now = self.deps.clock.now()
            with self.deps.db.transaction() as session:
                held = repo.claimed_reminders(session, claims)
                for reminder in held:
                    _release(reminder, now, sent=None)
                return len(held)

        count = await asyncio.to_thread(release)
        self.metrics.released.inc(count)
        return count

    async def next_due(self) -> datetime | None:
        """When the next reminder falls due, so the trigger can wake up right then."""
        if not self.messengers:
            return None

        def query() -> datetime | None:
            with self.deps.db.transaction() as session:
                return repo.next_attempt_at(session, list(self.messengers))

        return await asyncio.to_thread(query)

    def _claim(self) -> tuple[int, list[Group], int, int]:
        """Claim due reminders and load what composing them needs; runs in a thread.

        Returns how many were claimed, the loaded groups, how many were set aside because
        their rows could not be read (one bad row never holds back the others), and how
        many were held back for the end of their member's quiet hours.
        """
        now = self.deps.clock.now()
        with self.deps.db.transaction() as session:
            claims = repo.claim_due(
                session,
                now,
                lease=self.lease,
                limit=self.batch_size,
                platforms=list(self.messengers),
            )
            reminders, failed = repo.readable(
                session, lambda chunk: repo.claimed_reminders(session, list(chunk)), claims
            )
            aside = [Aside(claim, repo.reason_of(error)) for claim, error in failed]
            latest: dict[int, tuple[repo.Claim, Reminder]] = {}
            token_of = {claim.reminder_id: claim for claim in claims}
            for reminder in reminders:
                if reminder.follow_up.state != "pending":
                    reminder.state = "cancelled"
                    continue
                earlier = latest.get(reminder.follow_up_id)
                if earlier is not None:  # two prompts for one follow-up: send the later
                    earlier[1].state = "cancelled"
                    earlier[1].last_error = "superseded by a later reminder"
                latest[reminder.follow_up_id] = (token_of[reminder.id], reminder)
            by_member = _by_member(latest.values())
            found, failed_members = repo.readable(
                session,
                lambda ids: list(repo.members_by_id(session, ids).values()),
                list(by_member),
            )
            members = {member.id: member for member in found}
            for member_id, error in failed_members:
                aside += [Aside(claim, repo.reason_of(error)) for claim, _ in by_member[member_id]]
            cadences: dict[int, Cadence] = {}
            for member in found:  # read group templates here, off the event loop
                try:
                    self.drafts.renderer_for(member)
                    cadences[member.id] = self.deps.cadence_of(member)
                except Exception as error:
                    del members[member.id]
                    why = repo.reason_of(error)
                    aside += [Aside(claim, why) for claim, _ in by_member[member.id]]
            held = 0
            for member_id, cadence in cadences.items():
                items, late = _held_for_quiet_hours(by_member[member_id], cadence, now)
                by_member[member_id] = items
                held += len(late)
            groups = [
                Group(members[member_id], items, now)
                for member_id, items in by_member.items()
                if member_id in members and items
            ]
            self._held.update((claim.reminder_id, claim) for g in groups for claim, _ in g.items)
            return len(claims), groups, self._set_aside(session, aside, "loading"), held

    def _set_aside(self, session: Session, aside: list[Aside], stage: str) -> int:
        """Park reminders that cannot be sent, logging ids only and counting them."""
        count = 0
        for reason in sorted({item.reason for item in aside}):
            claims = [item.claim for item in aside if item.reason == reason]
            for reminder_id, platform in repo.set_aside(session, claims, reason):
                log.warning(
                    "reminder %s set aside while %s: %s",
                    reminder_id,
                    stage,
                    reason,
                    extra={"reminder_id": reminder_id, "reason": reason},
                )
                self.metrics.set_aside.labels(platform, reason).inc()
                count += 1
        return count

    async def _compose_all(
        self, groups: list[Group], aside: list[Aside]
    ) -> AsyncIterator[Outgoing]:
        """Compose each DM (a digest where several piled up), yielding to sends between.

        A reminder that cannot be composed joins `aside`; the others go on.
        """
        for group in groups:
            member, items = group.member, group.items
            send_by = group.now + self.lease * LEASE_USABLE
            ref = repo.member_ref(member)
            fresh = [(c, r) for c, r in items if r.attempts == 1]
            alone = items
            if len(fresh) > 1 and group.now - fresh[0][1].remind_at > OVERDUE:
                # Only first attempts join a digest: a retried reminder may already have
                # reached the member under its own key, and must keep that key.
                alone = [(c, r) for c, r in items if r.attempts > 1]
                reminders = [r for _, r in fresh]
                held = tuple(c for c, _ in fresh)
                try:
                    digest = self._digest(member, reminders)
                except Exception as error:
                    _composing_failed(error, reminders)
                    aside += [Aside(claim, repo.BAD_DATA) for claim in held]
                else:
                    yield Outgoing(held, ref, digest, _digest_key(reminders), send_by)
            for claim, reminder in alone:
                try:
                    reply = self._compose(member, reminder)
                except Exception as error:
                    _composing_failed(error, [reminder])
                    aside.append(Aside(claim, repo.BAD_DATA))
                    continue
                yield Outgoing(
                    (claim,), ref, reply, reminder.dedupe_key, send_by, reminder.attempts > 1
                )
                await asyncio.sleep(0)

    def _spoken(self, member: Member, compose: Callable[[], Reply]) -> Reply:
        """A DM composed in the member's language: no command is speaking it for them."""
        language = self.deps.language_of(member)
        with speaking(language):
            reply = compose()
        reply.language = language
        return reply

    def _compose(self, member: Member, reminder: Reminder) -> Reply:
        return self._spoken(member, lambda: self._reminder(member, reminder))

    def _reminder(self, member: Member, reminder: Reminder) -> Reply:
        follow_up = reminder.follow_up
        interview = follow_up.interview
        tz = self.deps.zone_of(member)
        text = _late(follow_up, tz, self.deps.clock.now())
        if text is None:
            lead = _LEADS.get((follow_up.kind, reminder.purpose), _LEADS[("", "")])
            text = _(lead).format(what=describe(follow_up), ref=_ref(interview))
            if follow_up.deadline_at is not None:
                by = _("Send it by {deadline}.").format(
                    deadline=format_local(follow_up.deadline_at, tz)
                )
                text = f"{text} {by}"
        target = Target(Kind(follow_up.kind), follow_up.interviewer, follow_up.sequence)
        (draft,) = self.drafts.drafts(member, interview, [target])
        words = command_words(interview.number, follow_up)
        actions = [
            Action("sent", _("Mark sent"), words, style="primary"),
            Action("snooze", _("In an hour"), f"{words} for=1h"),
            Action("snooze", _("Tomorrow morning"), f"{words} for=tomorrow"),
            Action("snooze", _("In 3 days"), f"{words} for=3d"),
            Action("skip", _("Skip"), words),
        ]
        if follow_up.kind == Kind.STATUS_CHECK:
            actions.append(Action("replied", _("They replied"), f"#{interview.number}"))
        return Reply(blocks=[Section(text), draft], visibility=Visibility.DIRECT, actions=actions)

    def _digest(self, member: Member, reminders: list[Reminder]) -> Reply:
        """Several reminders that piled up (after downtime) as one calm message.

        Each follow-up is listed with the commands that show its draft and mark it sent,
        which work everywhere, and gets a button marking it sent where the platform has
        room for one (each adapter keeps to its platform's limits).
        """
        return self._spoken(member, lambda: self._digest_of(member, reminders))

    def _digest_of(self, member: Member, reminders: list[Reminder]) -> Reply:
        tz = self.deps.zone_of(member)
        now = self.deps.clock.now()
        items = []
        actions = []
        for reminder in reminders:
            follow_up = reminder.follow_up
            interview = follow_up.interview
            words = command_words(interview.number, follow_up)
            line = _late(follow_up, tz, now)
            if line is None:
                by = follow_up.deadline_at
                what, ref = describe(follow_up), _ref(interview)
                if by is None:
                    line = _("Your {what} for {ref}.").format(what=what, ref=ref)
                else:
                    line = _("Your {what} for {ref}, by {deadline}.").format(
                        what=what, ref=ref, deadline=format_local(by, tz)
                    )
            items.append(f"• {line}\n  /interview draft {words}")
            label = f"{describe(follow_up)} (#{interview.number})"
            actions.append(Action("sent", label, words, style="primary"))
        return Reply(
            blocks=[
                Section(
                    ngettext(
                        "{count} follow-up came due while I was away:",
                        "{count} follow-ups came due while I was away:",
                        len(reminders),
                    ).format(count=len(reminders))
                ),
                Section("\n".join(items)),
                Section(
                    _(
                        "Mark one sent with its button or /interview sent, or put it off with "
                        "/interview snooze and the same words (for=tomorrow)."
                    )
                ),
            ],
            visibility=Visibility.DIRECT,
            actions=actions,
        )

    async def _send(self, item: Outgoing) -> tuple[Outgoing, Delivery | None]:
        """Send one DM; None if shutdown began before its turn (it was never sent)."""
        messenger = self.messengers[item.member.platform]
        async with self._limit:
            if self._draining:
                return item, None
            if self.deps.clock.now() >= item.send_by:
                # Queued behind slow sends (rate limits) until the lease nearly ran out:
                # another worker may claim it now, so sending could make a duplicate.
                log.warning("lease nearly over; handing back %d reminder(s)", len(item.claims))
                return item, None
            try:
                delivery = await messenger.send_dm(
                    item.member, item.reply, dedupe_key=item.dedupe_key, maybe_sent=item.maybe_sent
                )
            except Exception as exc:  # a messenger bug must not stop the loop
                log.exception("messenger %s raised", item.member.platform)
                delivery = Delivery.retry(f"unexpected error: {exc.__class__.__name__}")
        return item, delivery

    def _record(
        self, results: list[tuple[Outgoing, Delivery | None]], aside: list[Aside]
    ) -> TickReport:
        now = self.deps.clock.now()
        counts = dict.fromkeys(DeliveryStatus, 0)
        outcome = {claim.reminder_id: d for item, d in results for claim in item.claims}
        platform = {c.reminder_id: item.member.platform for item, _ in results for c in item.claims}
        claims = [claim for item, _ in results for claim in item.claims]
        with self.deps.db.transaction() as session:
            set_aside = self._set_aside(session, aside, "composing")
            held = repo.claimed_reminders(session, claims)
            for lost in set(outcome) - {r.id for r in held}:
                log.warning("lease lost before recording reminder %s", lost)
            for reminder in held:
                delivery = outcome[reminder.id]
                if delivery is None:  # never sent: back to the queue as if never claimed
                    _release(reminder, now, sent=False)
                    self.metrics.released.inc()
                    continue
                status = _apply(session, reminder, delivery, now)
                counts[status] += 1
                self._count(status, platform[reminder.id], reminder, now)
        for claim in [*claims, *(item.claim for item in aside)]:
            self._held.pop(claim.reminder_id, None)
        return TickReport(
            0,
            counts[DeliveryStatus.DELIVERED],
            counts[DeliveryStatus.RETRY],
            counts[DeliveryStatus.UNDELIVERABLE],
            set_aside,
        )

    def _count(
        self, status: DeliveryStatus, platform: str, reminder: Reminder, now: datetime
    ) -> None:
        if status is DeliveryStatus.DELIVERED:
            self.metrics.delivered.labels(platform).inc()
            late = (now - reminder.remind_at).total_seconds()
            self.metrics.lateness.labels(platform).observe(max(late, 0.0))
        elif status is DeliveryStatus.RETRY:
            self.metrics.retried.labels(platform).inc()
        else:
            self.metrics.failed.labels(platform).inc()


_LEADS = {
    (Kind.THANK_YOU.value, "first"): N_("Time to send your {what} for {ref}."),
    (Kind.THANK_YOU.value, "last_call"): N_("Last call: your {what} for {ref} is still unsent."),
    (Kind.STATUS_CHECK.value, "due"): N_("No news yet from {ref}. A short, polite {what} is due."),
    (Kind.PROMISED_MATERIAL.value, "due"): N_("Time to send what you promised for {ref}."),
    (Kind.NEXT_ROUND_THANKS.value, "due"): N_(
        "Congratulations on the next round at {ref}. Send a short thanks, and log the next "
        "interview with /interview log when it is set."
    ),
    (
        Kind.OFFER_REPLY.value,
        "due",
    ): N_("Congratulations on the offer for {ref}. A gracious reply is due."),
    (Kind.REJECTION_REPLY.value, "due"): N_(
        "Sorry about {ref}. A gracious reply keeps the door open and can ask for feedback."
    ),
    ("", ""): N_("A {what} is due for {ref}."),
}


_LATE = {
    Kind.THANK_YOU.value: N_(
        "The 24 hours for your {what} for {ref} passed at {deadline}; a short note now still helps."
    ),
    Kind.PROMISED_MATERIAL.value: N_(
        "The date for what you promised for {ref} passed at {deadline}; sending it now, "
        "with thanks for their patience, still helps."
    ),
    "": N_("Your {what} for {ref} was due by {deadline}; sending it now still helps."),
}


def _late(follow_up: FollowUp, tz: ZoneInfo, now: datetime) -> str | None:
    """What a reminder says once its follow-up's deadline has passed; None before.

    A last call held back by downtime or quiet hours must not call itself a last call
    after the deadline: it says the time passed, and that sending now still helps.
    """
    deadline = follow_up.deadline_at
    if deadline is None or now <= deadline:
        return None
    text = _LATE.get(follow_up.kind, _LATE[""])
    return _(text).format(
        what=describe(follow_up),
        ref=_ref(follow_up.interview),
        deadline=format_local(deadline, tz),
    )


def _held_for_quiet_hours(
    items: list[tuple[repo.Claim, Reminder]], cadence: Cadence, now: datetime
) -> tuple[list[tuple[repo.Claim, Reminder]], list[Reminder]]:
    """Hand back the overdue reminders that would arrive in the member's quiet hours.

    The policy never plans a reminder inside quiet hours; one claimed there is overdue
    (the deployment was down, or delivery was behind). It waits for the end of quiet
    hours, when it and whatever else piled up go out together as a digest. Weekends do
    not hold it: it was due on a day the member chose. One not yet `OVERDUE` still goes,
    so a tick that falls just after quiet hours begin does not delay it overnight.
    Returns the reminders to send now, and those held back.
    """
    local = now.astimezone(cadence.tz).time()
    if not in_quiet_hours(local, cadence):
        return items, []
    wake = send_time(now, replace(cadence, weekdays_only=False))
    send = [(c, r) for c, r in items if now - r.remind_at <= OVERDUE]
    late = [r for c, r in items if now - r.remind_at > OVERDUE]
    for reminder in late:
        _release(reminder, now, sent=False)  # not an attempt: it was never sent
        reminder.attempt_at = wake
    return send, late


def _apply(
    session: Session, reminder: Reminder, delivery: Delivery, now: datetime
) -> DeliveryStatus:
    """Record one outcome on a reminder we still hold; return how it counts."""
    reminder.lease_until = None
    reminder.lease_token = None
    if delivery.status is DeliveryStatus.DELIVERED:
        reminder.state = "delivered"
        reminder.delivered_at = now
        reminder.message_ref = delivery.message_ref
        return DeliveryStatus.DELIVERED
    if delivery.status is DeliveryStatus.RETRY and not delivery.attempted:
        reminder.attempts = max(reminder.attempts - 1, 0)  # the claim counted one
    if delivery.status is DeliveryStatus.RETRY and reminder.attempts < MAX_ATTEMPTS:
        reminder.state = "scheduled"
        reminder.attempt_at = _next_attempt(now, reminder.attempts, delivery.retry_at)
        reminder.last_error = (delivery.reason or "")[:500]
        return DeliveryStatus.RETRY
    reminder.state = "failed"
    reminder.last_error = (delivery.reason or "gave up")[:500]
    if delivery.status is DeliveryStatus.UNDELIVERABLE:
        member = session.get_one(Member, reminder.member_id)
        member.dm_status = "closed"
        member.dm_status_reason = reminder.last_error[:200]
        member.dm_status_at = now
    log.warning("reminder %s failed: %s", reminder.id, reminder.last_error)
    return DeliveryStatus.UNDELIVERABLE


def _composing_failed(error: Exception, reminders: list[Reminder]) -> None:
    """Log a composing failure by ids, type and place: its message may quote a member."""
    frame = traceback.extract_tb(error.__traceback__)[-1:]
    where = f"{frame[0].filename}:{frame[0].lineno}" if frame else "?"
    log.error(
        "composing reminder(s) %s failed: %s at %s",
        ",".join(str(r.id) for r in reminders),
        type(error).__name__,
        where,
    )


def _release(reminder: Reminder, now: datetime, *, sent: bool | None) -> None:
    """Hand a claimed reminder back so any worker takes it at once.

    `sent=False`: it never left, so the claim's attempt is undone; `None`: unknown, so the
    attempt stands and the next send checks for an earlier copy (`maybe_sent`).
    """
    reminder.state = "scheduled"
    reminder.lease_until = None
    reminder.lease_token = None
    reminder.attempt_at = min(reminder.attempt_at, now)
    if sent is False:
        reminder.attempts = max(reminder.attempts - 1, 0)


def _by_member(
    items: Iterable[tuple[repo.Claim, Reminder]],
) -> dict[int, list[tuple[repo.Claim, Reminder]]]:
    grouped: dict[int, list[tuple[repo.Claim, Reminder]]] = {}
    for claim, reminder in sorted(items, key=lambda item: item[1].remind_at):
        grouped.setdefault(reminder.member_id, []).append((claim, reminder))
    return grouped


def _digest_key(reminders: list[Reminder]) -> str:
    """A dedupe key for exactly this set of reminders (20 characters, as nonces allow)."""
    keys = ",".join(sorted(r.dedupe_key for r in reminders))
    return hashlib.sha256(keys.encode()).hexdigest()[:20]


def _ref(interview: Interview) -> str:
    stage = _(STAGES[interview.stage]) if interview.stage in STAGES else interview.stage
    return _("your {stage} at {company} (#{number})").format(
        stage=stage, company=interview.company, number=interview.number
    )


def _next_attempt(now: datetime, attempts: int, retry_at: datetime | None) -> datetime:
    """Exponential backoff from 30 s to an hour, or the platform's Retry-After if later."""
    backoff: timedelta = min(FIRST_BACKOFF * 2 ** max(attempts - 1, 0), MAX_BACKOFF)
    return max(now + backoff, retry_at or now)
