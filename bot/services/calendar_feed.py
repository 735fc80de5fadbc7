"""A member's private calendar feed: their interviews, and each follow-up they still owe.

The feed's address carries a secret token (`secrets.token_urlsafe`, 256 random bits). Only
its SHA-256 is stored, so the database never holds a working address: a member who lost
theirs asks for a new one, and the old one stops working at once. A token is found by its
hash through a unique index and confirmed with a constant-time comparison.

The feed is iCalendar (RFC 5545), built the same way from the same rows every time, so its
hash is an ETag a calendar app can revalidate with. Each event keeps its `UID` for good;
its `SEQUENCE`, `DTSTAMP` and `LAST-MODIFIED` move forward when it is revised, so apps
update the event rather than add a second one. Nothing the member wrote in their notes,
and no interviewer's email, goes into it: a calendar app keeps copies on its own servers.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vDuration
from sqlalchemy.orm import Session

from bot.domain.people import format_person
from bot.domain.policy import Kind, Status
from bot.domain.timeparse import format_local
from bot.errors import UserError
from bot.i18n import _, speaking
from bot.services.deps import Deps
from bot.services.drafts import DraftService, Target
from bot.services.followups import command_words, describe
from bot.services.interviews import STAGES
from bot.storage import repositories as repo
from bot.storage.models import FollowUp, Interview, Member

TOKEN_BYTES = 32  # 256 bits; `token_urlsafe` writes them as 43 url-safe characters
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
# How often calendar apps are asked to fetch again (and HTTP caches may keep a copy).
REFRESH = timedelta(minutes=15)
FOLLOW_UP_LENGTH = timedelta(minutes=15)  # a reminder-sized event at the due time
PRODUCT_ID = "-//Followup//Interview follow-ups//EN"
NAME = "Followup"
PATH = "/calendar/{token}.ics"


@dataclass(frozen=True)
class Feed:
    """One member's feed as it is now: the body, its ETag, and when it last changed."""

    body: bytes
    etag: str
    last_modified: datetime


def token_digest(token: str) -> str:
    """The SHA-256 of a token, in hex: what is stored, and what a request is looked up by."""
    return hashlib.sha256(token.encode()).hexdigest()


def well_formed(token: str) -> bool:
    """Whether `token` could be one of ours (anything else is answered without a lookup)."""
    return _TOKEN.fullmatch(token) is not None


class CalendarFeedService:
    """Gives members a feed address, replaces or ends it, and builds the feed behind it."""

    def __init__(self, deps: Deps, drafts: DraftService, public_url: str | None) -> None:
        self.deps = deps
        self.drafts = drafts
        self.public_url = public_url
        # UIDs name the host, as RFC 5545 suggests, so they are unique beyond this server.
        self._host = urlsplit(public_url).hostname if public_url else None

    def start(self, member: Member) -> str:
        """A new address for the member's feed; any address they had stops working now."""
        if self.public_url is None:
            raise UserError(
                _("The calendar feed isn't switched on for this Followup."),
                hint=_(
                    "It needs the web address Followup is reached at: whoever runs it sets "
                    "FOLLOWUP_PUBLIC_URL and serves it with `followup web`."
                ),
            )
        token = secrets.token_urlsafe(TOKEN_BYTES)
        member.calendar_token_hash = token_digest(token)
        return self.public_url + PATH.format(token=token)

    def stop(self, member: Member) -> bool:
        """End the member's feed (its address stops working); False if there was none."""
        was_on = member.calendar_token_hash is not None
        member.calendar_token_hash = None
        return was_on

    def feed(self, token: str) -> Feed | None:
        """The feed behind `token`, or None for a token that is malformed or nobody's."""
        if self._host is None or not well_formed(token):
            return None
        digest = token_digest(token)
        with self.deps.db.reading() as session:
            member = repo.member_by_calendar_digest(session, digest)
            if member is None or not hmac.compare_digest(member.calendar_token_hash or "", digest):
                return None
            with speaking(self.deps.language_of(member)):  # no command speaks for a feed
                return self._build(session, member, self._host)

    def _build(self, session: Session, member: Member, host: str) -> Feed:
        zone = self.deps.zone_of(member)
        events = []
        for interview in repo.interviews_of(session, member):
            events.append(_interview_event(interview, host))
            pending = sorted(
                (f for f in interview.follow_ups if f.state == "pending"),
                key=lambda f: (f.due_at, f.id),
            )
            for follow_up in pending:
                target = Target(Kind(follow_up.kind), follow_up.interviewer, follow_up.sequence)
                subject = self.drafts.subject(member, interview, target)
                events.append(_follow_up_event(follow_up, subject, zone, host))
        calendar = _calendar()
        for event in events:
            calendar.add_component(event)
        body = calendar.to_ical()
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        revised = (event.decoded("last-modified") for event in events)
        return Feed(body, etag, max(revised, default=member.created_at))


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", NAME)  # RFC 7986
    calendar.add("x-wr-calname", NAME)  # what Google Calendar and Outlook read
    about = _("Your interviews and the follow-ups still to send")
    calendar.add("description", about)
    calendar.add("x-wr-caldesc", about)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})  # RFC 7986
    calendar.add("x-published-ttl", vDuration(REFRESH))  # Outlook and Apple Calendar
    return calendar


def _interview_event(interview: Interview, host: str) -> Event:
    """The interview itself: when, with whom (no emails), and how to see it in the chat."""
    stage = _(STAGES[interview.stage]) if interview.stage in STAGES else interview.stage
    what = interview.role or stage
    lines = [
        _("{stage} (#{number} in Followup)").format(
            stage=f"{stage[:1].upper()}{stage[1:]}", number=interview.number
        )
    ]
    people = [format_person(p.name, p.title) for p in interview.interviewers]
    if people:
        lines.append(_("With: {people}").format(people=", ".join(people)))
    if interview.format:
        lines.append(_("Format: {format}").format(format=interview.format))
    lines.append(_("Details: {command}").format(command=f"/interview show #{interview.number}"))
    event = _event(f"interview-{interview.id}@{host}", interview, interview.updated_at)
    event.add(
        "summary", _("Interview: {what} at {company}").format(what=what, company=interview.company)
    )
    event.add("dtstart", interview.starts_at)
    event.add("dtend", interview.ends_at)
    event.add("description", "\n".join(lines))
    event.add("status", "CANCELLED" if interview.status == Status.CANCELLED else "CONFIRMED")
    return event


def _follow_up_event(follow_up: FollowUp, subject: str, zone: ZoneInfo, host: str) -> Event:
    """A follow-up at its due time: the draft's subject, and the commands that act on it."""
    interview = follow_up.interview
    words = command_words(interview.number, follow_up)
    lines = [_("Subject: {subject}").format(subject=subject)]
    if follow_up.deadline_at is not None:
        lines.append(
            _("Send it by {deadline}.").format(deadline=format_local(follow_up.deadline_at, zone))
        )
    lines += [
        _("See the draft: {command}").format(command=f"/interview draft {words}"),
        _("Once sent: {command}").format(command=f"/interview sent {words}"),
    ]
    event = _event(f"followup-{follow_up.id}@{host}", interview, _follow_up_revised(interview))
    where = f"{interview.company}, #{interview.number}"
    event.add(
        "summary", _("Send the {what} ({where})").format(what=describe(follow_up), where=where)
    )
    event.add("dtstart", follow_up.due_at)
    event.add("dtend", follow_up.due_at + FOLLOW_UP_LENGTH)
    event.add("description", "\n".join(lines))
    event.add("transp", "TRANSPARENT")  # a reminder, not time the member is busy
    return event


def _event(uid: str, interview: Interview, revised: datetime) -> Event:
    """An event's identity and revision.

    No column counts revisions, so `SEQUENCE` is the seconds from the interview's creation
    to this revision: it only grows, which is all a calendar app asks of it, and the feed
    stays the same bytes between changes. With no `METHOD`, `DTSTAMP` is the revision too.
    """
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", revised)
    event.add("last-modified", revised)
    event.add("created", interview.created_at)
    event.add("sequence", max(0, int((revised - interview.created_at).total_seconds())))
    return event


def _follow_up_revised(interview: Interview) -> datetime:
    """When a follow-up's event last changed: an edit, or the employer's news moving it.

    A due time moved by a change of settings (the thank-you delay, quiet hours) keeps its
    revision, since no row records when that happened: an app that goes by `SEQUENCE`
    alone shows the new time after the interview's next change.
    """
    contact = interview.last_contact_at
    return max(interview.updated_at, contact) if contact else interview.updated_at
