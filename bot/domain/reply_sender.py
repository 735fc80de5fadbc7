"""Who wrote the reply: a forwarded message's From:, or the name under the sign-off.

"Best," then "Jane Doe" and "Senior Recruiter | Acme" name Jane Doe, a Senior Recruiter. A signature
often repeats a first name in full below a `--` ("Laura" then "Laura Chen"): the fuller one
wins. A team ("The Recruiting Team") is nobody in particular, so it names no one.
"""

from __future__ import annotations

import re

from bot.domain.reply_text import EMAIL, Message
from bot.domain.text import clean, unaccented

MAX_NAME = 60
MAX_TITLE = 80
_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][\w'’-]*\.?|[A-Z]\.|(?:de|da|das|do|dos|del|van|von|der|le|la|du|bin|al)$)"
)
_HONORIFIC = re.compile(r"^(?:dr|prof|mr|mrs|ms|mx|sr|sra|dra|mme|m|herr|frau)\.?$", re.IGNORECASE)
# Words that make a line a department, a company or a sign-off rather than a person.
_NOT_A_PERSON = frozenset(
    {
        "team",
        "recruiting",
        "recruitment",
        "talent",
        "hr",
        "human",
        "resources",
        "department",
        "departamento",
        "people",
        "hiring",
        "acquisition",
        "services",
        "ops",
        "office",
        "personalabteilung",
        "recursos",
        "humanos",
        "rh",
        "recrutamento",
        "equipe",
        "equipa",
        "the",
        "graduate",
        "university",
        "onboarding",
        "engineering",
        "bank",
        "ltd",
        "llc",
        "inc",
        "corp",
        "gmbh",
        "sa",
        "group",
        "grupo",
        "institute",
        "trust",
        "school",
        "center",
        "centre",
    }
)
_FROM = re.compile(r"^\s*\"?(?P<name>[^\"<\[]*?)\"?\s*[<\[](?:mailto:)?(?P<email>[^>\]\s]+)[>\]]")


def sender_of(message: Message) -> tuple[str | None, str | None, str | None]:
    """(name, email, title) of whoever wrote `message`, each None where the text is silent."""
    name = email = title = None
    if message.from_header:
        name, email = _from_header(message.from_header)
    signed, signed_title = _signed(message.signature)
    if name is None or (signed and signed.split()[0] == name.split()[0]):
        if name is None or (signed and len(signed) > len(name)):
            name = signed
        title = signed_title
    if email is None:
        email = next(
            (found.group() for line in message.signature if (found := EMAIL.search(line))), None
        )
    return name, email, title


def _from_header(value: str) -> tuple[str | None, str | None]:
    if found := _FROM.match(value):
        name = clean(found.group("name")).strip("\"' ")
        email = found.group("email") if EMAIL.fullmatch(found.group("email")) else None
        return (name if _is_person(name) else None), email
    bare = EMAIL.search(value)
    return None, bare.group() if bare else None


def _signed(lines: tuple[str, ...]) -> tuple[str | None, str | None]:
    """The name under the sign-off (its fullest spelling) and the line after it.

    Only the signature's first line can name the writer; a later line counts when it spells
    that name out ("Laura", then "Laura Chen" under `--`). A department on the first line
    ("Human Resources") means the lines below are the company's, not a person's.
    """
    filled = [(index, clean(line.split("|")[0])) for index, line in enumerate(lines) if line]
    if not filled or not _is_person(filled[0][1]):
        return None, None
    index, name = filled[0]
    first = name.split()[0]
    for later, spelled in filled[1:]:
        if _is_person(spelled) and spelled.split()[0] == first and len(spelled) > len(name):
            index, name = later, spelled
    return name, _title(lines, index)


def _title(lines: tuple[str, ...], index: int) -> str | None:
    """A job title: the rest of the name's line after "|", else the next line, if it is one."""
    parts = [clean(part) for part in lines[index].split("|")]
    candidates = [*parts[1:2], *(lines[index + 1 : index + 2])]
    for candidate in candidates:
        title = clean(candidate.split("|")[0])
        if (
            title
            and len(title) <= MAX_TITLE
            and not EMAIL.search(title)
            and not any(ch.isdigit() for ch in title)
            and "://" not in title
            and "www." not in title
        ):
            return title
    return None


def _is_person(text: str) -> bool:
    """One to four capitalised words (an honorific or particle allowed), no team words."""
    words = text.split()
    if not words or len(words) > 5 or len(text) > MAX_NAME or any(ch.isdigit() for ch in text):
        return False
    if "@" in text or ":" in text:
        return False
    named = [word for word in words if not _HONORIFIC.match(word)]
    if not named or not all(_NAME_WORD.match(word) for word in named):
        return False
    return not any(unaccented(word.strip(".,")) in _NOT_A_PERSON for word in named)
