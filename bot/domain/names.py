"""A person's name forms: whom "Hi" greets, whom "Dear" addresses, what a member types.

Names are stored as typed ("Dr. Hana Kobayashi", "Nguyễn Thị Hương"); everything here is
read from that text, so nothing about a name has to be stored twice. We never guess
Mr. or Ms.: a formal greeting without a typed honorific uses the full name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, TypeVar

from bot.domain.text import unaccented

# Honorifics as members type them (folded, full stop dropped) -> how we write them.
HONORIFICS = {
    "dr": "Dr.",
    "doctor": "Dr.",
    "prof": "Prof.",
    "professor": "Prof.",
    "mr": "Mr.",
    "mrs": "Mrs.",
    "ms": "Ms.",
    "mx": "Mx.",
    "miss": "Miss",
    "sir": "Sir",
    "dame": "Dame",
    "lord": "Lord",
    "lady": "Lady",
    "madam": "Madam",
    "rev": "Rev.",
    "reverend": "Rev.",
    "fr": "Fr.",
    "sr": "Sr.",  # also the Spanish and Portuguese "señor", "senhor"
    # The other draft languages' (bot/drafting/sentences_<lang>.py reads gender from them).
    "senor": "Sr.",
    "senhor": "Sr.",
    "sra": "Sra.",
    "senora": "Sra.",
    "senhora": "Sra.",
    "srta": "Srta.",
    "dra": "Dra.",
    "frau": "Frau",
    "herr": "Herr",
    "mme": "Mme",
    "madame": "Mme",
    "mlle": "Mlle",
    "monsieur": "M.",
}
# What a greeting may read of the honorific in a language with gendered greetings ("Sehr
# geehrte Frau", "Estimado Sr."): never guessed from the name, only read from what was typed.
FEMININE = frozenset(
    {"Ms.", "Mrs.", "Miss", "Dame", "Lady", "Madam", "Sra.", "Srta.", "Dra.", "Frau", "Mme", "Mlle"}
)
MASCULINE = frozenset({"Mr.", "Sir", "Lord", "Sr.", "Herr", "M."})
ACADEMIC = {"Dr.": "Dr.", "Dra.": "Dr.", "Prof.": "Prof."}
# Honorifics of a knighthood take the given name: "Dear Sir Ian," never "Dear Sir McKellen,".
# Every other one takes the family name ("Dear Dr. Kobayashi,", "Dear Lady Smith,").
BY_GIVEN_NAME = frozenset({"Sir", "Dame"})
# Every title a member may type before a name, folded and without its full stop ("dr", "sir"):
# the one list the proofreader also reads, so a title is never taken for a name anywhere.
TITLES = frozenset(HONORIFICS)
# The titles we write abbreviated ("Dr", "Rev"): alone after "Hi" they are a mistake, where
# a full word ("Professor", "Sir") may stand as a form of address.
ABBREVIATED_TITLES = frozenset(t.removesuffix(".") for t in HONORIFICS.values() if t[-1] == ".")
# Post-nominal letters that may trail a name: never a family name.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "esq", "cpa"})
# Lower-case particles that belong to the family name ("Ludwig van Beethoven").
PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "la"})
# Vietnamese names are written family name first. The common family names, and the middle
# names that mark a name as Vietnamese on their own.
VIETNAMESE_FAMILIES = frozenset(
    {
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui",
        "do", "ho", "ngo", "duong", "ly", "truong", "dinh", "trinh", "lam", "luong", "mai",
        "cao", "ha", "ta", "quach", "doan", "luu", "chau", "thai", "kieu", "tong",
    }
)  # fmt: skip
VIETNAMESE_MIDDLES = frozenset({"thi", "van"})
# Family names too short or too common elsewhere to mark a two-word name as Vietnamese
# unless Vietnamese letters say so ("Le Roy", "Ho Chan", "Mai Lee").
AMBIGUOUS_FAMILIES = frozenset({"le", "do", "ho", "ly", "ha", "ta", "mai", "lam", "cao", "thai"})
# Letters only Vietnamese uses among the Latin scripts.
_VIETNAMESE_LETTERS = frozenset("ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
# Letters NFKD does not take apart: folded by hand so "Đặng" is found as "dang".
_UNSPLIT = str.maketrans({"đ": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i", "’": "'"})
# German umlauts as typed on a keyboard without them: "Mueller" for Müller.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_INITIAL = re.compile(r"(?:\w\.)+|\w", re.UNICODE)
_SPACES = re.compile(r"[\s_-]+")


@dataclass(frozen=True)
class PersonName:
    """Every form of one person's name that a draft or a lookup needs."""

    full: str  # as stored, honorific included ("Dr. Hana Kobayashi")
    honorific: str | None  # "Dr.", "Prof.", "Ms.", "Mr.", "Mx." (or "Prof. Dr."): full stops
    given: str | None  # "Hana"; "Hương" for Nguyễn Thị Hương
    family: str | None  # "Kobayashi"; "Nguyễn"
    greet: str  # what "Hi ___," uses: never an honorific alone, an initial alone or empty
    formal: str  # what "Dear ___," uses: "Dr. Kobayashi", else the full name without honorific
    forms: tuple[str, ...]  # every folded form a member may type to mean them


class Named(Protocol):
    """Anything with a stored name and an optional greeting name (an `Interviewer`)."""

    @property
    def name(self) -> str:
        """The name as typed."""

    @property
    def greet_as(self) -> str | None:
        """The name to greet them by, when the member gave one."""


P = TypeVar("P", bound=Named)


def fold(text: str) -> str:
    """Casefold, drop accents, read '-' and '_' as spaces, single spaces: for comparing names."""
    return _SPACES.sub(" ", unaccented(text.casefold().translate(_UNSPLIT))).strip()


def _spellings(text: str) -> tuple[str, ...]:
    """`text` folded, and folded again with umlauts written out: "Müller" is also "mueller".

    A name's forms hold both and a typed name is tried both ways, so "mueller" finds Müller
    and "Müller" finds a Mueller.
    """
    plain = fold(text)
    spelled = fold(unicodedata.normalize("NFC", text.casefold()).translate(_UMLAUTS))
    return (plain,) if spelled == plain else (plain, spelled)


def honorific_of(word: str) -> str | None:
    """'Dr', 'dr.' or 'Professor' as the honorific we write ('Dr.', 'Prof.'), else None."""
    return HONORIFICS.get(fold(word).removesuffix("."))


def gender_of(honorific: str | None) -> str | None:
    """'f' or 'm' when the typed honorific says so ("Frau Dr.", "Sra."), else None."""
    for word in (honorific or "").split():
        if word in FEMININE:
            return "f"
        if word in MASCULINE:
            return "m"
    return None


def academic_of(honorific: str | None) -> str | None:
    """The academic title in an honorific ("Frau Dr." -> "Dr.", "Dra." -> "Dr."), if any."""
    return next((ACADEMIC[w] for w in (honorific or "").split() if w in ACADEMIC), None)


def _monsieur(words: list[str]) -> str | None:
    """French "M." before a given and a family name ("M. Thomas Girard"), not an initial.

    "M. Girard" alone stays an initial and a surname, as an English reader would take it.
    """
    return "M." if words[0] == "M." and len(words) >= 3 else None


def greets_someone(text: str) -> bool:
    """Whether "Hi `text`," greets a person: not empty, nor one title, initial or suffix alone."""
    words = text.split()
    return len(words) > 1 or (len(words) == 1 and not _no_name(words[0]))


def is_initial(word: str) -> bool:
    """'J', 'J.' or 'J.R.': a letter standing for a name, never a name to greet by."""
    return bool(_INITIAL.fullmatch(word))


@lru_cache(maxsize=4096)
def person_name(name: str, greet_as: str | None = None) -> PersonName:
    """Read a stored name (and the member's greeting name, if any) into its forms."""
    full = " ".join(name.split())
    words = [w for w in (w.strip(",") for w in full.split(" ")) if w]
    titles: list[str] = []
    while len(words) > 1 and (title := honorific_of(words[0]) or _monsieur(words)):
        titles.append(title)  # "Prof. Dr. Anna Weber" is addressed with both
        words = words[1:]
    honorific = " ".join(titles) or None
    while len(words) > 1 and fold(words[-1]).strip(".") in SUFFIXES:
        words = words[:-1]  # "Hana Kobayashi, PhD": letters after a name are no part of it
    bare = " ".join(words)
    given, family = _given_and_family(words, has_honorific=honorific is not None)
    greet_as = " ".join(greet_as.split()) if greet_as else None
    if greet_as and not greets_someone(greet_as):
        greet_as = None  # "[Dr.]" or "[J.]" greets nobody; the derived name does
    by_given = bool(titles) and titles[-1] in BY_GIVEN_NAME and given is not None
    if honorific and (family or by_given):
        formal = f"{honorific} {given if by_given else family}"
    else:
        formal = bare or full
    if greet_as:
        greet = greet_as
    elif given:
        greet = given
    elif honorific and family:
        greet = formal  # "Dr. Kobayashi": the only polite way to greet them
    else:
        greet = bare or full
    typed = {bare, given, family, greet_as, greet, formal}
    every = (full, *sorted(t for t in typed if t))
    forms = tuple(dict.fromkeys(f for t in every for f in _spellings(t) if f))
    return PersonName(full, honorific, given, family, greet, formal, forms)


def matches(person: PersonName, typed: str) -> bool:
    """Whether `typed` ("tomas", "Dr. Kobayashi", "hana_kobayashi") means this person."""
    ours = {g for f in person.forms for g in (f, _without_honorific(f))}
    return any(w in ours for w in map(_without_honorific, _spellings(typed)) if w)


def find(people: Sequence[P], typed: str) -> list[P]:
    """The people `typed` means; a full name typed exactly wins over shared given names."""
    found = [p for p in people if matches(person_name(p.name, p.greet_as), typed)]
    if len(found) > 1:
        exact = [p for p in found if identity(p.name) == identity(typed)]
        return exact or found
    return found


def identity(name: str) -> str:
    """One key per person in a list: 'Dr. Tomás Ruiz' and 'tomas ruiz' are the same person."""
    return _without_honorific(fold(name))


def _without_honorific(folded: str) -> str:
    head, _, rest = folded.partition(" ")
    return _without_honorific(rest) if rest and honorific_of(head) else folded


def _given_and_family(words: list[str], *, has_honorific: bool) -> tuple[str | None, str | None]:
    """Given and family name from the words after any honorific and post-nominals."""
    if not words:
        return None, None
    if len(words) == 1:
        word = words[0]
        if has_honorific:
            return None, word  # "Dr. Kobayashi"
        if _no_name(word) or not _spaced_script(word):
            return None, None  # "J." or "李雷": greet by the whole name
        return word, None
    if _family_first(words):
        return _name_or_none(words[-1]), words[0]
    family_start = len(words) - 1
    while family_start > 1 and words[family_start - 1] in PARTICLES:
        family_start -= 1
    given = next((w for w in words[:family_start] if not _no_name(w)), None)
    return given, " ".join(words[family_start:])


def _name_or_none(word: str) -> str | None:
    return None if _no_name(word) else word


def _no_name(word: str) -> bool:
    """An initial, a title or letters after a name: never a name to greet by on its own."""
    return is_initial(word) or honorific_of(word) is not None or fold(word).strip(".,") in SUFFIXES


def _family_first(words: list[str]) -> bool:
    """Whether a name is Vietnamese, written family name first ("Nguyễn Thị Hương")."""
    first = fold(words[0])
    if first not in VIETNAMESE_FAMILIES:
        return False
    if len(words) >= 3 or fold(words[1]) in VIETNAMESE_MIDDLES:
        return True
    if fold(words[1]) in VIETNAMESE_FAMILIES:
        return False  # "Vu Nguyen": a family name last is the given-first order of English
    vietnamese = any(c in _VIETNAMESE_LETTERS for c in words[0] + words[1])
    return vietnamese or first not in AMBIGUOUS_FAMILIES


def _spaced_script(word: str) -> bool:
    """False for scripts written without spaces between names (Chinese, Japanese, Thai)."""
    return not any(
        unicodedata.name(c, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "THAI", "HANGUL"))
        for c in word
    )
