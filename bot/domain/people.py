"""Interviewers as members type them: `Jane Doe (Manager) <jane@acme.com>; Raj Patel`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.names import greets_someone, honorific_of, matches, person_name
from bot.domain.text import clean, snippet
from bot.errors import UserError
from bot.i18n import N_, _

MAX_PEOPLE = 10
MAX_GREETING = 100  # interviewer.greet_as

_EMAIL = re.compile(r"[^@\s<>()]+@[^@\s<>()]+\.[^@\s<>().]+")

_PEOPLE_HINT = N_("Write each person like Jane Doe (Manager) <jane@acme.com>, separated by ';'.")
_GREETING_HINT = N_(
    "Put the name to greet them by in brackets after their name: Robert Smith [Bob]."
)
# A nickname in quotes inside a name, `Robert "Bob" Smith`, straight or typographic.
_QUOTED = re.compile('["\u201c\u201d\u201e]([^"\u201c\u201d\u201e]*)["\u201c\u201d\u201e]')


@dataclass(frozen=True)
class PersonSpec:
    """One interviewer as typed, before it is matched to anyone already stored."""

    name: str
    title: str | None
    email: str | None
    greet_as: str | None = None  # `Robert Smith [Bob]` or `Robert "Bob" Smith`


def format_person(
    name: str, title: str | None = None, email: str | None = None, greet_as: str | None = None
) -> str:
    """One person as `parse_people` reads them back: ``Name [Greeting] (Title) <email>``."""
    return (
        name
        + (f" [{greet_as}]" if greet_as else "")
        + (f" ({title})" if title else "")
        + (f" <{email}>" if email else "")
    )


def split_list(text: str) -> list[str]:
    """Split a list typed on one line with ';' or over several lines, dropping blanks.

    Commas are not separators because topics and promises often contain them.
    """
    return [item.strip() for line in text.splitlines() for item in line.split(";") if item.strip()]


def parse_people(text: str) -> list[PersonSpec]:
    """Read interviewers separated by ';' or newlines.

    Each is ``Name (Title) <email>`` with title and email optional and in either order,
    or ``Name, Title`` and ``Name, Title <email>``; ``Name [Greeting]`` or
    ``First "Nickname" Last`` gives the name to greet them by. " and " is not a separator
    because names and titles can contain it. Names are kept exactly as typed apart from
    whitespace (and the greeting), so "Zoë Ångström" and "李雷" survive untouched.
    """
    entries = split_list(text)
    if len(entries) > MAX_PEOPLE:
        raise UserError(
            _("That's {count} people; the limit is {limit} per interview.").format(
                count=len(entries), limit=MAX_PEOPLE
            ),
            hint=_("List just the people you'll follow up with."),
        )
    people = [_parse_person(entry) for entry in entries]
    _refuse_twice_listed(people)
    return people


def _refuse_twice_listed(people: list[PersonSpec]) -> None:
    """One person listed twice ("Tom Baker; Dr. Tom Baker") would get two thank-you notes.

    Two entries are one person when each one's name is a form of the other's: the lookup
    rules of names.py, so "Jane; Jane Doe" stay two people.
    """
    for k, spec in enumerate(people):
        name = person_name(spec.name)
        for earlier in people[:k]:
            if matches(name, earlier.name) and matches(person_name(earlier.name), spec.name):
                fuller = max(earlier.name, spec.name, key=len)
                raise UserError(
                    _("'{person}' and '{other_person}' are the same person listed twice.").format(
                        person=snippet(earlier.name), other_person=snippet(spec.name)
                    ),
                    hint=_("List each person once, with any title, like {person}.").format(
                        person=snippet(fuller)
                    ),
                )


def _parse_person(entry: str) -> PersonSpec:
    """Read one ``Name [Greeting] (Title) <email>`` or ``Name, Title <email>`` entry."""
    entry, greet_as = _take_greeting(entry)
    cut = min((k for k in (entry.find("("), entry.find("<")) if k >= 0), default=len(entry))
    head, tail = entry[:cut], entry[cut:]
    if "," in head:
        raw_name, _comma, after = head.partition(",")
        raw_title, email = _take_email(after + tail, entry)
        title = clean(raw_title) or None
    else:
        raw_name = head
        title, email = _read_segments(tail, entry)
    name = clean(raw_name)
    if not name:
        raise UserError(
            _("'{entry}' needs a name before the title or email.").format(entry=snippet(entry)),
            hint=_(_PEOPLE_HINT),
        )
    if "@" in name:
        raise UserError(
            _("I can't tell the name from the email in '{entry}'.").format(entry=snippet(entry)),
            hint=_("Put the email in angle brackets, like Jane Doe <jane@acme.com>."),
        )
    if any(ch in name for ch in "()<>"):
        raise UserError(
            _("I couldn't read '{entry}' as a person.").format(entry=snippet(entry)),
            hint=_(_PEOPLE_HINT),
        )
    if all(honorific_of(word) for word in name.split()):
        raise UserError(
            _("'{name}' is a title. Who is it?").format(name=snippet(name)),
            hint=_("Add their name after it, like Dr. Hana Kobayashi."),
        )
    if not greets_someone(person_name(name, greet_as).greet):
        raise UserError(
            _("'{name}' has no name I could greet them by.").format(name=snippet(name)),
            hint=_("Write their name, like Jane Doe, or how to greet them: J. [Jay]."),
        )
    if email is not None and not _EMAIL.fullmatch(email):
        raise UserError(
            _("'{email}' isn't a valid email address.").format(email=snippet(email)),
            hint=_("Write it like jane@acme.com, inside <angle brackets>."),
        )
    return PersonSpec(name=name, title=title, email=email, greet_as=greet_as)


def _take_greeting(entry: str) -> tuple[str, str | None]:
    """Remove the greeting name (`[Bob]` or `"Bob"`) from the name part of an entry."""
    cut = min((k for k in map(entry.find, "(<,") if k >= 0), default=len(entry))
    head, tail = entry[:cut], entry[cut:]
    found: list[str] = []
    if "[" in head or "]" in head:
        start, end = head.find("["), head.find("]")
        if start < 0 or end < start:
            raise UserError(
                _("'{entry}' has a [ or ] without its partner.").format(entry=snippet(entry)),
                hint=_(_GREETING_HINT),
            )
        found.append(head[start + 1 : end])
        head = head[:start] + " " + head[end + 1 :]
        if "[" in head or "]" in head:
            raise UserError(
                _("'{entry}' has more than one [greeting].").format(entry=snippet(entry)),
                hint=_(_GREETING_HINT),
            )
    if quoted := _QUOTED.search(head):
        found.append(quoted.group(1))
        head = head[: quoted.start()] + " " + head[quoted.end() :]
    if not found:
        return entry, None
    if len(found) > 1:
        raise UserError(
            _("'{entry}' gives two names to greet them by.").format(entry=snippet(entry)),
            hint=_("Keep one of them."),
        )
    greeting = clean(found[0])
    if not greeting:
        raise UserError(
            _("The brackets in '{entry}' are empty: whom should I greet?").format(
                entry=snippet(entry)
            ),
            hint=_(_GREETING_HINT),
        )
    if not greets_someone(greeting):
        raise UserError(
            _("'{greeting}' alone isn't a name to greet them by.").format(
                greeting=snippet(greeting)
            ),
            hint=_(_GREETING_HINT),
        )
    if len(greeting) > MAX_GREETING:
        raise UserError(
            _("The greeting name is {count} characters; the limit is {limit}.").format(
                count=len(greeting), limit=MAX_GREETING
            ),
            hint=_("Use the name you would write after Hi."),
        )
    return head + tail, greeting


def _take_email(text: str, entry: str) -> tuple[str, str | None]:
    """Remove at most one ``<email>`` from free text; return the rest and the email."""
    opens, closes = text.count("<"), text.count(">")
    if opens == 0 and closes == 0:
        return text, None
    start, end = text.find("<"), text.find(">")
    if opens != 1 or closes != 1 or end < start:
        raise UserError(
            _("I couldn't find one <email> in '{entry}'.").format(entry=snippet(entry)),
            hint=_(_PEOPLE_HINT),
        )
    return text[:start] + " " + text[end + 1 :], text[start + 1 : end].strip()


def _read_segments(tail: str, entry: str) -> tuple[str | None, str | None]:
    """Read the ``(title)`` and ``<email>`` parts after a name, in either order."""
    title: str | None = None
    email: str | None = None
    seen_title = False
    i, n = 0, len(tail)
    while True:
        while i < n and tail[i].isspace():
            i += 1
        if i >= n:
            return title, email
        if tail[i] == "<" and email is None and (end := tail.find(">", i)) > 0:
            email = tail[i + 1 : end].strip()
            i = end + 1
        elif tail[i] == "(" and not seen_title and (end := _closing_paren(tail, i)) > 0:
            title = clean(tail[i + 1 : end]) or None
            seen_title = True
            i = end + 1
        else:
            raise UserError(
                _("I couldn't read '{entry}' as a person.").format(entry=snippet(entry)),
                hint=_(_PEOPLE_HINT),
            )


def _closing_paren(text: str, start: int) -> int:
    """Index of the ')' matching the '(' at ``start``, or -1; titles may nest parens."""
    depth = 0
    for k in range(start, len(text)):
        if text[k] == "(":
            depth += 1
        elif text[k] == ")":
            depth -= 1
            if depth == 0:
                return k
    return -1
