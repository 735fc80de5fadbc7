"""Who the member meets, from an invite: its attendees, or the itinerary in its description.

The member's own address is unknown, so the member is recognised instead; the rule, in
order, and the first that tells wins:

1. rooms, resources and groups (CUTYPE) are nobody to thank, and neither are scheduling
   services (Greenhouse, GoodTime, Calendly, Zoom...) nor no-reply addresses;
2. the attendee whose name is the member's display name is the member;
3. else, with one attendee besides the organizer, that attendee is the member (the invite
   was sent to them: Calendly, Zoom, a recruiter's one-to-one);
4. else, when the company's domain is known, everyone outside it (the member, and anyone
   the member brought along) is left out;
5. else the one attendee who has not answered yet (PARTSTAT=NEEDS-ACTION) is the member.

If none tells, everyone stays and the reply says so. Greenhouse and GoodTime list the
interviewers only in the description ("10:00 - 10:45  Jane Doe, Engineering Manager"):
when it has such an itinerary, its people are the interviewers, with the attendees' emails.
Everyone left out is named in the reply, so `edit ... with=` can put anyone back.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.domain.invites import Address, InviteEvent
from bot.domain.names import identity, matches, person_name
from bot.domain.people import MAX_PEOPLE, PersonSpec, format_person, parse_people
from bot.domain.text import clean
from bot.errors import UserError
from bot.i18n import _

# Scheduling services and calendar systems: their addresses are nobody's, their domain no
# company's. A subdomain counts (us02web.zoom.us, resource.calendar.google.com).
SERVICE_DOMAINS = (
    "greenhouse.io",
    "goodtime.io",
    "calendly.com",
    "zoom.us",
    "zoom.com",
    "google.com",
    "lever.co",
    "ashbyhq.com",
    "modernloop.io",
    "prelude.co",
    "gem.com",
    "myworkday.com",
    "icims.com",
    "smartrecruiters.com",
    "workablemail.com",
)
# Personal mail: a person, but their domain says nothing about the company.
FREE_MAIL = (
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "ymail.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "pm.me",
    "gmx.com",
    "gmx.de",
    "gmx.net",
    "web.de",
    "mail.com",
    "fastmail.com",
    "hey.com",
    "yandex.com",
    "zoho.com",
    "qq.com",
    "163.com",
)
NOT_PEOPLE = frozenset({"ROOM", "RESOURCE", "GROUP"})
# A line of an itinerary is short; a longer one is prose (and would cost the patterns dear).
MAX_LINE = 300
_NO_REPLY = re.compile(
    r"^(?:no-?reply|do-?not-?reply|donotreply|notifications?|calendar|scheduling|invites?"
    r"|mailer-daemon)\b",
    re.IGNORECASE,
)

_CLOCK = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?"
# "10:00 - 10:45  Jane Doe, Engineering Manager", "10am–11am EST: Raj Patel (Staff Engineer)"
_ITINERARY = re.compile(
    rf"^\s*[-•*·]?\s*{_CLOCK}\s*(?:-|–|—|to)\s*{_CLOCK}\s*(?-i:\(?[A-Z]{{2,5}}\)?(?=[\s:|,–—-]))?"
    r"\s*[:|,–—-]?\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# "Interviewers:" or "You'll meet with:" heading a list, or one inline: "Interviewer: Jane".
_HEADING = re.compile(
    r"^\s*(?:interviewers?|interview panel|panel(?:ists)?|you(?:'ll| will) (?:be )?meet(?:ing)?"
    r"(?: with)?|meeting with|your interviewers? (?:is|are|will be))\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_WITH = re.compile(r"\s+with\s+", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-•*·]|\d{1,2}[.)])\s+(?P<rest>\S.*)$")
_EMAIL = re.compile(r"<?\b([^@\s<>()|,;]+@[^@\s<>()|,;]+\.[^@\s<>().|,;]+)\b>?")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
# Itinerary lines that are no one: breaks, tours, the candidate's own slots.
_NOT_A_NAME = frozenset(
    {
        "lunch",
        "break",
        "wrap",
        "wrap-up",
        "welcome",
        "tour",
        "debrief",
        "intro",
        "introduction",
        "introductions",
        "closing",
        "check-in",
        "buffer",
        "travel",
        "arrival",
        "candidate",
        "team",
        "office",
        "presentation",
        "interview",
        "session",
        "q&a",
        "coffee",
        "tbd",
        "tba",
    }
)


Listed = tuple[str, str | None, str | None]  # a person an itinerary names: name, title, email


# Words that name a session, not a person: "Coding: Raj Patel", "Hiring manager: Jane Doe".
_SESSIONS = frozenset(
    {
        "coding",
        "design",
        "system",
        "technical",
        "behavioral",
        "behavioural",
        "portfolio",
        "review",
        "exercise",
        "chat",
        "screen",
        "whiteboard",
        "architecture",
        "pairing",
        "programming",
        "culture",
        "values",
        "case",
        "hiring",
        "manager",
        "interview",
        "session",
        "round",
    }
)


@dataclass(frozen=True)
class People:
    """The interviewers found, where they came from, and who was left out and why."""

    found: tuple[PersonSpec, ...]
    source: str  # "the attendees", "the description", or "" when nobody was found
    left_out: tuple[str, ...]  # "Ada Lovelace <ada@gmail.com> (you, I think)"
    unsure: bool  # no rule told which attendee is the member


def company_domain(event: InviteEvent, member_name: str | None) -> str | None:
    """The company's mail domain: the organizer's, else the one most attendees share."""
    organizer = event.organizer
    if organizer and _is_company(_domain(organizer.email)):
        return _domain(organizer.email)
    domains = Counter(
        _domain(a.email)
        for a in individuals(event)
        if not a.organizer and _is_company(_domain(a.email)) and not _is_member(a, member_name)
    )
    top = domains.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def people_of(event: InviteEvent, member_name: str | None, domain: str | None) -> People:
    """The interviewers of `event`, the member left out (see the module's rule)."""
    listed = [p for p in itinerary(event.description) if not _named(p[0], member_name)]
    if listed:
        emails = {identity(a.name): a.email for a in _everyone(event) if a.name and a.email}
        specs = [
            (name, title, email or emails.get(identity(name))) for name, title, email in listed
        ]
        return _valid(specs, _("the description"), [], unsure=False)
    left_out: list[str] = []
    candidates: list[Address] = []
    for person in _everyone(event):
        why = _nobody(person)
        if why:
            left_out.append(_("{person} ({why})").format(person=_shown(person), why=why))
        else:
            candidates.append(person)
    member, rule_left_out, unsure = _find_member(candidates, member_name, domain)
    left_out += rule_left_out
    kept = [p for p in candidates if p not in member]
    specs = []
    for person in kept:
        name = _name_of(person)
        if name is None:
            left_out.append(_("{person} (no name in the invite)").format(person=_shown(person)))
        else:
            specs.append((name, None, person.email))
    return _valid(specs, _("the attendees"), left_out, unsure=unsure)


def itinerary(description: str) -> list[Listed]:
    """(name, title, email) of each person an itinerary or interviewer list names."""
    found: list[Listed] = []
    listing = False
    for line in description.splitlines():
        if not line.strip():
            listing = False
            continue
        if len(line) > MAX_LINE:
            continue
        if match := _ITINERARY.match(line):
            found += _people_in(match.group("rest"))
        elif heading := _HEADING.match(line):
            rest = heading.group("rest").strip()
            listing = not rest
            found += _people_in(rest, several=True) if rest else []
        elif listing:
            bullet = _BULLET.match(line)
            found += _people_in(bullet.group("rest") if bullet else line)
    return _once(found)


def _people_in(text: str, *, several: bool = False) -> list[Listed]:
    """The people one itinerary entry names: `Jane Doe, Manager`, `Design with Raj (SRE)`."""
    email_match = _EMAIL.search(text)
    email = email_match.group(1).casefold() if email_match else None
    text = clean(_EMAIL.sub(" ", text).replace("|", " | ")).strip(" |,;:-–—")
    if _WITH.search(text):  # "System Design with Raj Patel (Staff Engineer)"
        text = _WITH.split(text)[-1]
    elif ":" in text:  # "Coding: Raj Patel, Staff Engineer", or "Jane Doe: Manager"
        head, _colon, tail = text.partition(":")
        session = any(w.casefold() in _SESSIONS for w in head.split())
        text = f"{head}, {tail}" if _looks_like_name(head) and not session else tail
    names = [clean(part) for part in re.split(r"\s+(?:&|and|\+)\s+", text)]
    if several and "," in text and all(map(_looks_like_name, text.split(","))):
        names = [clean(part) for part in text.split(",")]
    if len(names) > 1 and all(_looks_like_name(_split_title(n)[0]) for n in names):
        return [(n, t, None) for n, t in map(_split_title, names)]
    name, title = _split_title(text)
    return [(name, title, email)] if _looks_like_name(name) else []


def _split_title(text: str) -> tuple[str, str | None]:
    """`Jane Doe (Manager)`, `Jane Doe, Manager`, `Jane Doe - Manager`, `Jane Doe | Manager`."""
    if "(" in text and text.rstrip().endswith(")"):
        start = text.index("(")
        return clean(text[:start]), clean(text[start + 1 : text.rindex(")")]) or None
    for separator in (",", " | ", " - ", " – ", " — "):
        if separator in text:
            name, _separator, title = text.partition(separator)
            return clean(name), clean(title.strip(" |-–—")) or None
    return clean(text), None


def _looks_like_name(text: str) -> bool:
    """One to four words, each a word of letters, none a break or a session ("Lunch")."""
    words = text.split()
    if not 1 <= len(words) <= 4 or any(not _NAME_WORD.fullmatch(w) for w in words):
        return False
    if any(w.casefold().strip(".") in _NOT_A_NAME for w in words):
        return False
    return all(not w[0].isalpha() or not w[0].islower() for w in words)


def _everyone(event: InviteEvent) -> list[Address]:
    """The organizer, then each attendee, once each (Google lists the organizer twice)."""
    seen: set[str] = set()
    people: list[Address] = []
    for person in (*([event.organizer] if event.organizer else []), *event.attendees):
        key = person.email or identity(person.name or "")
        if key and key in seen:
            continue
        seen.add(key)
        people.append(person)
    return people


def _nobody(person: Address) -> str | None:
    """Why this address is nobody to follow up with, if it isn't."""
    if person.kind in NOT_PEOPLE:
        return {"ROOM": _("a room"), "RESOURCE": _("a resource"), "GROUP": _("a group")}[
            person.kind
        ]
    email = person.email or ""
    if _is_service(_domain(email)) or _NO_REPLY.match(email.partition("@")[0]):
        return _("a scheduling service")
    return None


def _find_member(
    candidates: Sequence[Address], member_name: str | None, domain: str | None
) -> tuple[list[Address], list[str], bool]:
    """Who among `candidates` is the member (rules 2-5), what to say, and whether unsure."""
    named = [p for p in candidates if not p.organizer and _is_member(p, member_name)]
    if len(named) == 1:
        return named, [_("{person} (you)").format(person=_shown(named[0]))], False
    others = [p for p in candidates if not p.organizer]
    if len(others) == 1:
        return others, [_("{person} (you, I think)").format(person=_shown(others[0]))], False
    if domain is not None:
        outside = [p for p in candidates if _domain(p.email) != domain]
        if outside and len(outside) < len(candidates):
            said = _("{person} (not at {domain}: you, I think)")
            return outside, [said.format(person=_shown(p), domain=domain) for p in outside], False
    waiting = [p for p in others if p.partstat == "NEEDS-ACTION"]
    if len(waiting) == 1:
        return waiting, [_("{person} (you, I think)").format(person=_shown(waiting[0]))], False
    return [], [], len(others) > 1


def _is_member(person: Address, member_name: str | None) -> bool:
    return bool(person.name) and _named(person.name or "", member_name)


def _named(name: str, member_name: str | None) -> bool:
    """Whether `name` is the member's: "Ada Lovelace" is the member called "ada"."""
    if not member_name:
        return False
    return matches(person_name(name), member_name) or identity(name) == identity(member_name)


def _name_of(person: Address) -> str | None:
    """A person's name from their CN ("Doe, Jane" is Jane Doe), else from `jane.doe@`."""
    if person.name and "@" not in person.name:
        name = re.sub(r"\s*[(\[].*?[)\]]\s*", " ", person.name)  # "Jane Doe (Acme)"
        family, comma, given = name.partition(",")
        if comma and len(family.split()) <= 2 and 1 <= len(given.split()) <= 2:
            name = f"{given} {family}"
        return clean(re.sub(r"[;<>\[\]()\"]", " ", name)) or None
    local = (person.email or "").partition("@")[0]
    words = re.split(r"[._-]+", local)
    if 2 <= len(words) <= 3 and all(w.isalpha() for w in words):
        return " ".join(w.capitalize() for w in words)
    return None


def _valid(
    specs: Iterable[Listed],
    source: str,
    left_out: list[str],
    *,
    unsure: bool,
) -> People:
    """Each person as `parse_people` reads them, once each, at most `MAX_PEOPLE` of them."""
    found: list[PersonSpec] = []
    for name, title, email in specs:
        spec = _as_typed(name, title, email)
        if spec is None:
            left_out.append(_("{person} (not a name I could greet)").format(person=name))
        elif any(identity(f.name) == identity(spec.name) for f in found):
            continue
        elif len(found) >= MAX_PEOPLE:
            left_out.append(
                _("{person} (more than {limit} people)").format(person=spec.name, limit=MAX_PEOPLE)
            )
        else:
            found.append(spec)
    return People(tuple(found), source if found else "", tuple(left_out), unsure)


def _as_typed(name: str, title: str | None, email: str | None) -> PersonSpec | None:
    """The person as `with=` would read them (the same checks), else without the title."""
    name = clean(re.sub(r"[;<>\[\]()\"“”„,]", " ", name))
    title = clean(re.sub(r"[;<>\[\]]", " ", title or "")) or None
    if title and title.count("(") != title.count(")"):
        title = clean(title.replace("(", " ").replace(")", " ")) or None
    for attempt in (title, None):
        try:
            people = parse_people(format_person(name, attempt, email))
        except UserError:
            continue
        if len(people) == 1:
            return people[0]
    return None


def _once(found: list[Listed]) -> list[Listed]:
    seen: set[str] = set()
    kept = []
    for entry in found:
        if identity(entry[0]) not in seen:
            seen.add(identity(entry[0]))
            kept.append(entry)
    return kept


def individuals(event: InviteEvent) -> list[Address]:
    """The organizer and attendees who are people, not rooms or scheduling services."""
    return [p for p in _everyone(event) if _nobody(p) is None]


def _shown(person: Address) -> str:
    """How a person left out is named in the reply: `Ada Lovelace <ada@example.com>`."""
    if person.name and "@" not in person.name:
        return format_person(person.name, None, person.email)
    return person.email or person.name or "someone"


def _domain(email: str | None) -> str:
    return (email or "").rpartition("@")[2]


def _is_service(domain: str) -> bool:
    return _within(domain, SERVICE_DOMAINS)


def _is_company(domain: str) -> bool:
    return bool(domain) and not _within(domain, SERVICE_DOMAINS) and not _within(domain, FREE_MAIL)


def _within(domain: str, domains: Sequence[str]) -> bool:
    return any(domain == d or domain.endswith("." + d) for d in domains)
