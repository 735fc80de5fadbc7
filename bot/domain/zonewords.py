"""Time zones named in what members type: "2pm ET", "9am London time", "3pm IST".

A zone word is a place, so its clock follows daylight saving as the member's does; an
abbreviation that means different places ("IST", "CST", "PST") is read the member's way:
their own zone when it uses that abbreviation, else their country's, else the common one.
A zone that is named but not known is refused rather than dropped, since dropping it would
read the time on the member's own clock.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, available_timezones

from bot.errors import UserError
from bot.i18n import _

# In the database but meaningless for a member: the server's zone, and a placeholder.
_NOT_FOR_MEMBERS = frozenset({"localtime", "factory"})

_ABBREVIATIONS = {
    **dict.fromkeys(("et", "est", "edt", "eastern"), "America/New_York"),
    **dict.fromkeys(("ct", "cst", "cdt", "central"), "America/Chicago"),
    **dict.fromkeys(("mt", "mst", "mdt", "mountain"), "America/Denver"),
    **dict.fromkeys(("pt", "pst", "pdt", "pacific"), "America/Los_Angeles"),
    **dict.fromkeys(("utc", "gmt", "z"), "UTC"),
    **dict.fromkeys(("cet", "cest"), "Europe/Paris"),
    **dict.fromkeys(("eet", "eest"), "Europe/Athens"),
    **dict.fromkeys(("aest", "aedt"), "Australia/Sydney"),
    "bst": "Europe/London",
    "ist": "Asia/Kolkata",
    "jst": "Asia/Tokyo",
    "kst": "Asia/Seoul",
    "sgt": "Asia/Singapore",
    "hkt": "Asia/Hong_Kong",
    "ast": "America/Halifax",
    "hst": "Pacific/Honolulu",
    "nzst": "Pacific/Auckland",
    "nzdt": "Pacific/Auckland",
}
# The North American families: "MT" for a member in Phoenix is Phoenix's clock.
_FAMILIES = {
    **dict.fromkeys(("et", "est", "edt", "eastern"), "E"),
    **dict.fromkeys(("ct", "cst", "cdt", "central"), "C"),
    **dict.fromkeys(("mt", "mst", "mdt", "mountain"), "M"),
    **dict.fromkeys(("pt", "pst", "pdt", "pacific"), "P"),
}
_NORTH_AMERICA = frozenset({"US", "CA", "MX"})
# Where an abbreviation names another zone in the member's own country.
_BY_COUNTRY = {
    "ist": {"IL": "Asia/Jerusalem", "IE": "Europe/Dublin"},
    "cst": {"CN": "Asia/Shanghai", "TW": "Asia/Taipei", "CU": "America/Havana"},
    "pst": {"PH": "Asia/Manila"},
    "bst": {"BD": "Asia/Dhaka"},
    "ast": dict.fromkeys(("SA", "KW", "IQ", "QA", "BH", "YE"), "Asia/Riyadh"),
}
_STANDARD = frozenset({"est", "cst", "mst", "pst", "aest", "nzst"})
_DAYLIGHT = frozenset({"edt", "cdt", "mdt", "pdt", "bst", "cest", "eest", "aedt", "nzdt"})
# Zones by the names people give them, beyond tzdata's cities.
_PLACES = {
    **dict.fromkeys(
        (
            "eastern time",
            "eastern standard time",
            "eastern daylight time",
            "east coast",
            "east coast time",
            "new york city",
            "nyc",
            "boston",
            "washington",
            "dc",
            "atlanta",
        ),
        "America/New_York",
    ),
    **dict.fromkeys(
        ("central time", "central standard time", "austin", "dallas", "houston"),
        "America/Chicago",
    ),
    **dict.fromkeys(("mountain time", "mountain standard time"), "America/Denver"),
    **dict.fromkeys(
        (
            "pacific time",
            "pacific standard time",
            "west coast",
            "west coast time",
            "sf",
            "san francisco",
            "bay area",
            "silicon valley",
            "seattle",
            "san diego",
            "portland",
        ),
        "America/Los_Angeles",
    ),
    **dict.fromkeys(
        ("central european time", "central european summer time", "munich", "frankfurt"),
        "Europe/Paris",
    ),
    **dict.fromkeys(("eastern european time",), "Europe/Athens"),
    **dict.fromkeys(("western european time",), "Europe/Lisbon"),
    **dict.fromkeys(("central africa time",), "Africa/Maputo"),
    **dict.fromkeys(
        (
            "india standard time",
            "bangalore",
            "bengaluru",
            "mumbai",
            "delhi",
            "new delhi",
            "hyderabad",
            "chennai",
            "pune",
        ),
        "Asia/Kolkata",
    ),
    **dict.fromkeys(
        ("australian eastern time", "australian eastern standard time"), "Australia/Sydney"
    ),
    **dict.fromkeys(
        ("uk", "united kingdom", "britain", "england", "scotland", "british summer time"),
        "Europe/London",
    ),
    **dict.fromkeys(("beijing",), "Asia/Shanghai"),
    **dict.fromkeys(("tel aviv",), "Asia/Jerusalem"),
    **dict.fromkeys(("montreal",), "America/Toronto"),
}
# The end of a time ("2", "2pm", "2 pm", "14:00", "noon"): a zone may follow it, but not its
# minutes, nor the "am" of "9 am".
_TIME_END = re.compile(r"(?:\d(?! [ap]\.?m\b)|(?<![a-z])[ap]\.?m\.?|\bnoon)(?![a-z0-9:])")
# What a member calls their own clock.
_OWN_CLOCK = frozenset({"local", "my", "my local", "our", "your"})
_OFFSET = re.compile(
    r"\b(?:utc|gmt)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>[0-5]\d))?\b"
)
_IANA = re.compile(r"\b[a-z]+(?:/[a-z_+-]+){1,2}\b")
_SLASH_BEFORE_TIME = re.compile(r"(?<=[a-z])/(?=\d)")  # "2pm ET/11am PT": two times
_LAST_WORD = re.compile(r"(?<!\S)\(?(?P<word>[a-z]+)\)?$")


def zone_in_text(text: str, tz: ZoneInfo) -> tuple[ZoneInfo | None, str | None, str]:
    """A zone named in the text, the abbreviation as typed (if one), and the text without it.

    Found after the time ("2pm ET", "3pm London time", "9am Europe/London") or ending the
    text ("2pm tomorrow EST"). An offset ("2pm UTC+5:30") is left in the text as "+05:30",
    which the reader understands. Two different zones, or a "... time" that names no zone
    known, are refused.
    """
    text = _SLASH_BEFORE_TIME.sub(" / ", _OFFSET.sub(_offset, text))
    found: list[tuple[str, str | None, int, int]] = []  # zone key, abbreviation, span
    for match in _IANA.finditer(text):
        key = zones_by_lowercase().get(match[0])
        if key is not None:
            found.append((key, None, match.start(), match.end()))
    if not found:
        found += _after_times(text, tz)
    if not found and (last := _LAST_WORD.search(text)) and last["word"] in _ABBREVIATIONS:
        word = last["word"]
        found.append((_abbreviation_zone(word, tz), word, last.start(), last.end()))
    if not found:
        return None, None, text
    if len({key for key, *_ in found}) > 1:
        raise UserError(
            _("That names two time zones, and I need one."),
            hint=_("Give the time in one zone, like '{example}'.").format(example="2pm ET"),
        )
    key, abbreviation, start, end = found[0]
    rest = " ".join((text[:start] + " " + text[end:]).split())
    shown = abbreviation if abbreviation in _STANDARD | _DAYLIGHT else None
    return ZoneInfo(key), shown, rest


def _after_times(text: str, tz: ZoneInfo) -> list[tuple[str, str | None, int, int]]:
    """Zones named right after each time in the text, longest name first."""
    found = []
    for match in _TIME_END.finditer(text):
        words = text[match.end() :].lstrip(" (").split()
        start = text.index(words[0], match.end()) if words else match.end()
        for count in range(min(len(words), 4), 0, -1):
            phrase = " ".join(w.strip("().,") for w in words[:count])
            zone = _named_zone(phrase, tz, bare_city=count == len(words))
            if zone is not None:
                end = start + len(" ".join(words[:count]))
                abbreviation = phrase if phrase in _ABBREVIATIONS else None
                found.append((zone, abbreviation, start, end))
                break
            if count == 1 or words[count - 1].strip("().,") != "time":
                continue
            if words[0] in ("in", "on", "at", "with"):
                continue  # "2pm in the morning time"? not a zone, not ours to refuse
            raise UserError(
                _("I don't know the time zone '{typed}'.").format(
                    typed=" ".join(words[: count - 1])
                ),
                hint=_(
                    "Name a city with its own zone, like '{example}', or give the time on "
                    "your own clock, like '{other_example}'."
                ).format(example="2pm Los Angeles time", other_example="2pm"),
            )
    return found


def _named_zone(phrase: str, tz: ZoneInfo, *, bare_city: bool) -> str | None:
    """The zone a phrase names: an abbreviation, a place, a city or a one-zone country.

    A city without "time" counts only at the end of the text: "3pm Sofia" may be a person.
    """
    if phrase in _ABBREVIATIONS:
        return _abbreviation_zone(phrase, tz)
    place = phrase.removesuffix(" time")
    if place == phrase and not bare_city:
        return _PLACES.get(phrase)
    if place in _ABBREVIATIONS:
        return _abbreviation_zone(place, tz)
    if place in _OWN_CLOCK:
        return tz.key
    named = _PLACES.get(phrase) or _PLACES.get(place)
    return named or _cities().get(place) or _country_zone(place)


def _abbreviation_zone(word: str, tz: ZoneInfo) -> str:
    """An abbreviation's zone: the member's own when they use it, else their country's."""
    own = _names_in_use(tz)
    family = _FAMILIES.get(word) if countries().get(tz.key) in _NORTH_AMERICA else None
    if word.upper() in own or (family and own and own <= {f"{family}ST", f"{family}DT"}):
        return tz.key
    local = _BY_COUNTRY.get(word, {})
    return local.get(countries().get(tz.key, ""), _ABBREVIATIONS[word])


def _names_in_use(tz: ZoneInfo) -> frozenset[str]:
    """The zone's abbreviations this year, winter and summer ("EST", "EDT")."""
    year = datetime.now(UTC).year
    return frozenset(
        name
        for month in (1, 7)
        if (name := datetime(year, month, 1, tzinfo=tz).tzname()) and name[0].isalpha()
    )


def _offset(match: re.Match[str]) -> str:
    minutes = match["minutes"] or "00"
    return f"{match['sign']}{int(match['hours']):02d}:{minutes}"


def season_note(abbreviation: str, at: datetime, zone: ZoneInfo) -> list[str]:
    """Confirm a winter abbreviation typed for a summer date, or the other way round.

    The time is read as the place's clock, which is what people mean by "2pm EST" in July.
    """
    local = at.astimezone(zone)
    if len(_names_in_use(zone)) < 2:
        return []  # a zone without summer time ("BST" in Dhaka) has no season to confirm
    summer = bool(local.dst())
    if (abbreviation in _STANDARD and summer) or (abbreviation in _DAYLIGHT and not summer):
        return [
            _("{abbreviation} is not in use then; I read it as {zone} time, {clock}.").format(
                abbreviation=abbreviation.upper(),
                zone=zone.key,
                clock=f"{local:%H:%M} {local.tzname()}",
            )
        ]
    return []


@cache
def _cities() -> dict[str, str]:
    """A zone's last part, as people write it ("new york"), to the zone (first by name)."""
    cities: dict[str, str] = {}
    for key in sorted(zones_by_lowercase().values()):
        cities.setdefault(key.rsplit("/", 1)[-1].replace("_", " ").casefold(), key)
    return cities


def _country_zone(place: str) -> str | None:
    """A country with one clock ("India", "Germany"); several clocks ("Australia"): None."""
    zones = _zones_by_country().get(_country_names().get(place, ""), [])
    year = datetime.now(UTC).year
    clocks = {
        tuple(datetime(year, month, 1, tzinfo=ZoneInfo(key)).utcoffset() for month in (1, 7))
        for key in zones
    }
    return zones[0] if len(clocks) == 1 else None


@cache
def _country_names() -> dict[str, str]:
    """Country name, lowercased, to ISO code, from tzdata's iso3166.tab."""
    rows = _table("iso3166.tab")
    return {row[1].split(" (")[0].casefold(): row[0] for row in rows if len(row) >= 2}


@cache
def _zones_by_country() -> dict[str, list[str]]:
    zones: dict[str, list[str]] = defaultdict(list)
    for code, key in countries().items():
        zones[key].append(code)
    return dict(zones)


@cache
def countries() -> dict[str, str]:
    """Zone name to ISO country code, from tzdata's zone.tab."""
    return {row[2]: row[0] for row in _table("zone.tab") if len(row) >= 3}


def _table(name: str) -> list[list[str]]:
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", name).read_text()
    except (ModuleNotFoundError, OSError):
        return []
    return [line.split("\t") for line in text.splitlines() if not line.startswith("#")]


@cache
def zones_by_lowercase() -> dict[str, str]:
    """Every zone a member may choose, by its lowercased name."""
    return {
        key.lower(): key for key in available_timezones() if key.lower() not in _NOT_FOR_MEMBERS
    }
