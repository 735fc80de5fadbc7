"""What an invite's words say: the company, the role and the stage, the video link or place.

Titles come in a few shapes: "Interview: Backend Engineer at Acme", "Acme <> Jane (Phone
screen)", "Onsite - Acme", "Phone screen with Acme", "[Acme] Technical interview". The
title is cut at its separators and each part is read as a stage, a person, a role or the
company; the organizer's mail domain settles which part is the company, or names it when
the title does not. The description's "Company:" and "Role:" lines come last.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.domain.invite_people import People, company_domain, individuals, people_of
from bot.domain.invites import InviteEvent
from bot.domain.names import identity, matches, person_name
from bot.domain.text import clean
from bot.i18n import _

MAX_NAME = 200  # interview.company and interview.role, as CORE_FIELDS has them
MAX_TITLE = 300  # a summary longer than this is prose: only its start is read as a title
MAX_LOCATION = 2000

# Stages by the words that name them, most specific first: "Technical phone screen" is a
# technical interview, "Final round onsite" the final round. Values are interviews.STAGES keys.
STAGE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (stage, re.compile(rf"\b(?:{words})\b", re.IGNORECASE))
    for stage, words in (
        ("final", r"final(?: round| interview)?"),
        ("panel", r"panel"),
        ("onsite", r"on-?site|on site|super ?day"),
        (
            "technical",
            r"technical|tech screen|tech interview|coding|live coding|pair programming|pairing"
            r"|system design|code review",
        ),
        ("informational", r"informational|coffee chat|info chat"),
        (
            "recruiter_screen",
            r"recruiter|recruiting|talent|intro(?:ductory)? call|hr (?:screen|call)",
        ),
        ("phone_screen", r"phone|screen|screening"),
    )
)
# Words around a company or a role in a title that are neither.
_FILLER = frozenset(
    {
        "interview",
        "interviews",
        "call",
        "chat",
        "meeting",
        "screen",
        "screening",
        "round",
        "session",
        "conversation",
        "discussion",
        "virtual",
        "video",
        "zoom",
        "phone",
        "onsite",
        "on-site",
        "technical",
        "tech",
        "final",
        "panel",
        "recruiter",
        "recruiting",
        "intro",
        "introductory",
        "informational",
        "coffee",
        "first",
        "second",
        "third",
        "with",
        "for",
        "and",
        "between",
        "the",
        "a",
        "an",
        "your",
        "our",
        "confirmation",
        "confirmed",
        "scheduled",
        "invitation",
        "invite",
        "hr",
        "coding",
        "system",
        "design",
        "pair",
        "programming",
        "live",
        "behavioral",
        "culture",
        "fit",
        "minute",
        "minutes",
        "min",
        "hour",
        "15",
        "30",
        "45",
        "60",
        "super",
        "day",
    }
)
# A part of a title that names a job rather than a company.
_ROLE_WORD = re.compile(
    r"\b(?:engineer(?:ing)?|developer|designer|manager|analyst|scientist|architect|lead"
    r"|director|intern(?:ship)?|consultant|specialist|administrator|sre|devops|swe|sde"
    r"|product|programmer|researcher|writer|editor|accountant|associate|coordinator"
    r"|representative|officer|technician|head of|vp|staff|senior|principal|junior)\b",
    re.IGNORECASE,
)
_PREFIX = re.compile(
    r"^\s*(?:(?:updated|new|canceled|cancelled)\s+)?(?:invitation|invite|event)\s*:\s*"
    r"|^\s*(?:updated|canceled|cancelled|accepted|declined|tentative|fwd?|re|reminder)\s*:\s*",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s+(?:<>|<->|<=>|\||-|–|—|/|x|×|~)\s+|\s*[|:]\s+|\s*[|]\s*")
_BRACKETED = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
_AT = re.compile(r"^(?P<role>.+?)\s+(?:at|@)\s+(?P<company>.+)$", re.IGNORECASE)
_WITH = re.compile(r"\bwith\s+(?P<rest>.+)$", re.IGNORECASE)
_FOR = re.compile(r"\bfor\s+(?:the\s+)?(?P<rest>.+?)(?:\s+(?:role|position))?$", re.IGNORECASE)
_LABELLED = {
    "company": re.compile(
        r"^\s*(?:company|organi[sz]ation|employer|client)\s*:\s*(?P<v>\S.*)$", re.I | re.M
    ),
    "role": re.compile(
        r"^\s*(?:role|position|job(?: title)?|opening|job opening)\s*:\s*(?P<v>\S.*)$", re.I | re.M
    ),
}
_SENTENCE_COMPANY = re.compile(
    r"\binterview(?:ing)?\s+(?:with|at)\s+(?P<v>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"
)
_URL = re.compile(r"https?://[^\s<>\"'()\[\]{}|\\^`]+", re.IGNORECASE)
# Video-call hosts (and their subdomains) by the name members know them by.
VIDEO_HOSTS = {
    "zoom.us": "Zoom",
    "zoom.com": "Zoom",
    "meet.google.com": "Google Meet",
    "teams.microsoft.com": "Microsoft Teams",
    "teams.live.com": "Microsoft Teams",
    "webex.com": "Webex",
    "whereby.com": "Whereby",
    "chime.aws": "Amazon Chime",
    "bluejeans.com": "BlueJeans",
    "meet.jit.si": "Jitsi",
    "gotomeeting.com": "GoTo Meeting",
    "around.co": "Around",
}
_PHONE = re.compile(r"^(?:tel:)?\+?[\d\s().-]{7,25}$")
# A location that says the meeting is online rather than where it is ("Microsoft Teams Meeting").
_ONLINE = re.compile(
    r"\b(?:teams|zoom|meet|webex|video|virtual|online|remote|whereby|chime|jitsi)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Found:
    """A value read from the invite, and where: shown to the member beside it."""

    value: str
    source: str  # "the title", "the organizer's email", "the description"


@dataclass(frozen=True)
class Reading:
    """Everything the invite says about the interview, and what it does not."""

    company: Found | None
    role: Found | None
    stage: Found | None
    people: People
    format: str | None  # "video", "phone", "in person"
    location: str | None  # the video link, the phone number or the address
    service: str | None  # "Zoom", for the reply


def understand(event: InviteEvent, member_name: str | None) -> Reading:
    """Read the company, role, stage, interviewers and place out of `event`."""
    domain = company_domain(event, member_name)
    people = people_of(event, member_name, domain)
    names = [p.name for p in people.found] + [a.name for a in individuals(event) if a.name]
    if member_name:
        names.append(member_name)
    title = _title(event.summary[:MAX_TITLE])
    parts = _parts(title)
    company, role = _from_title(parts, names, _label(domain) if domain else None)
    if company is None and domain is not None:
        spelled = _spelled(_label(domain), (event.summary, event.description))
        company = Found(spelled, _("the organizer's email"))
    company = company or _labelled(event.description, "company", names)
    role = role or _labelled(event.description, "role", names)
    format_, location, service = _place(event)
    return Reading(
        company=company,
        role=role,
        stage=_stage(title, _("the title")) or _stage(event.description, _("the description")),
        people=people,
        format=format_,
        location=location,
        service=service,
    )


def _title(summary: str) -> str:
    """The summary without what mail clients put before it ("Updated invitation: ")."""
    title = summary
    while (cut := _PREFIX.sub("", title, count=1)) != title:
        title = cut
    return clean(title)


def _parts(title: str) -> list[str]:
    """A title's parts: between its separators, and each bracketed aside on its own."""
    asides = [clean(a) for a in _BRACKETED.findall(title)]
    main = _BRACKETED.sub(" | ", title)
    return [p for p in (clean(p) for p in _SEPARATORS.split(main)) if p] + [a for a in asides if a]


def _from_title(
    parts: Sequence[str], names: Sequence[str], label: str | None
) -> tuple[Found | None, Found | None]:
    """The company and the role a title's parts name."""
    companies: list[str] = []
    roles: list[str] = []
    for part in parts:
        if at := _AT.match(part):  # "Backend Engineer at Acme"
            roles.append(_unfilled(at.group("role")))
            companies.append(_unfilled(at.group("company")))
            continue
        if (with_ := _WITH.search(part)) and not _is_people(with_.group("rest"), names):
            rest = with_.group("rest")
            if for_ := _FOR.search(rest):  # "Interview with Acme for Backend Engineer"
                roles.append(_unfilled(for_.group("rest")))
                rest = rest[: for_.start()]
            companies.append(_unfilled(rest))
            continue
        if (for_ := _FOR.search(part)) and _ROLE_WORD.search(for_.group("rest")):
            roles.append(_unfilled(for_.group("rest")))
            continue
        rest = _unfilled(part)
        if not rest or _is_people(rest, names):
            continue
        (roles if _ROLE_WORD.search(rest) else companies).append(rest)
    companies = [c for c in companies if c and len(c) <= MAX_NAME and not _is_people(c, names)]
    roles = [r for r in roles if r and len(r) <= MAX_NAME]
    if label is not None:
        companies.sort(key=lambda c: not _squashed(c).startswith(_squashed(label)))
    company = Found(companies[0], _("the title")) if companies else None
    return company, Found(roles[0], _("the title")) if roles else None


def _unfilled(text: str) -> str:
    """A part without the stage and meeting words around it: "Acme Interview" is Acme."""
    words = clean(text).strip(" -–—:|,").split()
    while words and words[0].casefold().strip(".,:") in _FILLER:
        words = words[1:]
    while words and words[-1].casefold().strip(".,:") in _FILLER:
        words = words[:-1]
    return " ".join(words).strip(" -–—:|,")


def _is_people(text: str, names: Iterable[str]) -> bool:
    """Whether `text` only names people ("Jane Doe", "Jane and Ada"): no company there."""
    chunks = [c for c in re.split(r"\s+(?:and|&|\+)\s+|,\s*", _unfilled(text)) if c]
    known = [person_name(n) for n in names if n]
    return bool(chunks) and all(
        any(matches(k, chunk) or identity(k.full) == identity(chunk) for k in known)
        for chunk in chunks
    )


def _stage(text: str, source: str) -> Found | None:
    for stage, pattern in STAGE_WORDS:
        if pattern.search(text):
            return Found(stage, source)
    return None


def _labelled(description: str, key: str, names: Sequence[str]) -> Found | None:
    """A "Company: Acme" or "Role: SRE" line, else "your interview with Acme"."""
    match = _LABELLED[key].search(description)
    value = clean(match.group("v")) if match else ""
    if not value and key == "company" and (sentence := _SENTENCE_COMPANY.search(description)):
        value = clean(sentence.group("v"))
        value = "" if _is_people(value, names) else value
    return Found(value, _("the description")) if value and len(value) <= MAX_NAME else None


def _label(domain: str) -> str:
    """The name part of a domain: acme.com is acme, acme.co.uk too, mail.acme.io acme."""
    labels = domain.split(".")
    short_suffix = len(labels) >= 3 and labels[-2] in {"co", "com", "org", "net", "ac"}
    return labels[-3] if short_suffix and len(labels[-1]) == 2 else labels[-2]


def _spelled(label: str, texts: Iterable[str]) -> str:
    """The company as the invite spells it ("AcmeCorp"), else the label capitalised."""
    pattern = re.compile(rf"\b{re.escape(label)}\b", re.IGNORECASE)
    for text in texts:
        if found := pattern.search(text):
            return found.group(0)
    return " ".join(w.capitalize() for w in label.replace("_", "-").split("-"))


def _squashed(text: str) -> str:
    return re.sub(r"\W", "", text).casefold()


def _place(event: InviteEvent) -> tuple[str | None, str | None, str | None]:
    """(format, location, video service): the call's link, else the phone or the place.

    The location and the conference properties speak first, then the description, whose
    links a scheduler adds to everything ("Join with Google Meet" under an address).
    """
    explicit = _video_link((event.location, *event.conference))
    if explicit:
        return "video", *explicit
    location = event.location
    if _PHONE.fullmatch(location):
        return "phone", location.removeprefix("tel:"), None
    if location and not _URL.match(location) and not _ONLINE.search(location):
        return "in person", location[:MAX_LOCATION], None
    described = _video_link((event.description,))
    if described:
        return "video", *described
    if _URL.fullmatch(location) and len(location) <= MAX_LOCATION:
        return "video", location, None
    return None, None, None


def _video_link(texts: Iterable[str]) -> tuple[str, str] | None:
    """The first video-call link in `texts`, and its service's name."""
    for text in texts:
        for found in _URL.findall(text):
            url = found.rstrip(".,;:!?")
            service = _video_service(url)
            if service and len(url) <= MAX_LOCATION:
                return url, service
    return None


def _video_service(url: str) -> str | None:
    try:
        host = (urlsplit(url).hostname or "").casefold()
    except ValueError:
        return None
    for known, name in VIDEO_HOSTS.items():
        if host == known or host.endswith("." + known):
            return name
    return None
