"""Dates in German: "morgen 14 Uhr", "übermorgen", "Freitag um 15 Uhr", "am 4. Dezember".

"morgen" is tomorrow but "heute Morgen" this morning and "morgen früh" tomorrow morning;
"halb drei" is 2:30; "4.12." is a date and "14.30 Uhr" a time; "Feierabend" is the end of
the working day, 17:00 as "EOD" is. Rules: bot/domain/timevocab.py.
"""

from __future__ import annotations

import re

from bot.domain.timevocab import (
    AT_HOUR,
    EVERY_WEEK,
    MONTH,
    MONTHS,
    SPANS_DAYS,
    TIME,
    WEEKDAY,
    WEEKDAYS,
    Vocabulary,
    and_between,
    between_times,
    calendar,
    clock,
    day_of_month,
    minutes,
    numbers,
    phrases,
    refuse,
    rules,
    with_part,
    words_of,
)
from bot.i18n import N_

_DAYS = {
    **dict(
        zip(
            ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
            WEEKDAYS,
            strict=True,
        )
    ),
    "sonnabend": "saturday",
}
_SHORT_DAYS = dict(zip(("mo", "di", "mi", "do", "fr", "sa", "so"), WEEKDAYS, strict=True))
_MONTH_NAMES = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
_MONTHS = {
    **dict(
        zip(("januar", "februar", "marz", "april", "mai", "juni", "juli"), MONTHS, strict=False)
    ),
    **dict(
        zip(("august", "september", "oktober", "november", "dezember"), MONTHS[7:], strict=True)
    ),
    **dict.fromkeys(("jan", "janner"), "january"),
    **dict.fromkeys(("feb", "feber"), "february"),
    **dict.fromkeys(("maerz", "mrz"), "march"),
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    **dict.fromkeys(("sep", "sept"), "september"),
    "okt": "october",
    "nov": "november",
    "dez": "december",
}
_NUMBERS = {
    **dict.fromkeys(("ein", "eine", "einer", "einem", "einen", "eins"), 1),
    **{"zwei": 2, "drei": 3, "vier": 4, "funf": 5, "fuenf": 5, "sechs": 6, "sieben": 7},
    **{"acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwolf": 12, "zwoelf": 12},
    **{"funfzehn": 15, "fuenfzehn": 15, "zwanzig": 20, "dreissig": 30},
}
_UNITS = {
    **dict.fromkeys(("minute", "minuten", "min"), "minutes"),
    **dict.fromkeys(("stunde", "stunden", "std", "h"), "hours"),
    **dict.fromkeys(("tag", "tage", "tagen"), "days"),
    **dict.fromkeys(("woche", "wochen"), "weeks"),
    **dict.fromkeys(("monat", "monate", "monaten"), "months"),
    **dict.fromkeys(("jahr", "jahre", "jahren"), "years"),
}
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_PARTS = {
    **dict.fromkeys(("morgens", "fruh", "frueh", "vormittags"), "am"),
    **dict.fromkeys(("nachmittags", "abends", "mittags"), "pm"),
    "nachts": "night",
}
_PART = "|".join(_PARTS)
# The parts of a day, after a day word ("morgen früh", "Freitagabend", "am Nachmittag").
_DAY_PARTS = {
    **dict.fromkeys(("morgen", "fruh", "frueh", "vormittag"), "morning"),
    "mittag": "noon",
    "nachmittag": "afternoon",
    "abend": "evening",
}
_NEXT_WEEK = (
    "nachste woche",
    "nachster woche",
    "nachsten woche",
    "naechste woche",
    "naechster woche",
    "naechsten woche",
    "kommende woche",
    "kommender woche",
    "kommenden woche",
)

_PHRASES = {
    **dict.fromkeys(("ubermorgen", "uebermorgen"), "the day after tomorrow"),
    "vorgestern": "2 days ago",
    **dict.fromkeys(("heute abend", "heute am abend"), "tonight"),
    **dict.fromkeys(
        ("heute morgen", "heute fruh", "heute frueh", "heute vormittag"), "this morning"
    ),
    "heute nachmittag": "this afternoon",
    "heute mittag": "today noon",
    **{
        f"{day}{space}{part}": f"{english} {part_english}"
        for day, english in (("morgen", "tomorrow"), *_DAYS.items())
        for space in ("", " ", " am ")
        for part, part_english in _DAY_PARTS.items()
        if (day, space) != ("morgen", "")
    },
    "morgen in der fruh": "tomorrow morning",
    **dict.fromkeys(("am morgen", "am vormittag", "vormittags", "morgens", "vormittag"), "morning"),
    **dict.fromkeys(("am nachmittag", "nachmittags", "nachmittag"), "afternoon"),
    **dict.fromkeys(("am abend", "abends", "abend"), "evening"),
    **dict.fromkeys(("mittag", "mittags", "zu mittag", "am mittag"), "noon"),
    **dict.fromkeys(("mitternacht", "um mitternacht"), "midnight"),
    "morgen": "tomorrow",
    "heute": "today",
    **dict.fromkeys(("jetzt", "sofort"), "now"),
    "gestern": "yesterday",
    **{f"ende {week}": "end of next week" for week in _NEXT_WEEK},
    **dict.fromkeys(
        ("ende der nachsten woche", "ende der naechsten woche", "ende der kommenden woche"),
        "end of next week",
    ),
    **dict.fromkeys(("ende der woche", "ende dieser woche", "zum ende der woche"), "end of week"),
    **dict.fromkeys(("wochenende", "am wochenende"), "weekend"),
    **dict.fromkeys(
        ("ende des monats", "monatsende", "ende dieses monats", "zum monatsende"), "end of month"
    ),
    **dict.fromkeys(
        (
            *("tagesende", "ende des tages", "feierabend", "zum feierabend", "dienstschluss"),
            *("bis feierabend", "bis zum feierabend", "bis dienstschluss", "bis tagesende"),
            *("geschaftsschluss", "geschaeftsschluss", "ende des arbeitstages"),
        ),
        "eod",
    ),
    **dict.fromkeys((*_NEXT_WEEK, *(f"der {week}" for week in _NEXT_WEEK)), "next week"),
    **dict.fromkeys(("diese woche", "dieser woche"), "this week"),
    **dict.fromkeys(("nachsten monat", "naechsten monat", "kommenden monat"), "next month"),
    **dict.fromkeys(("mez", "mitteleuropaischer zeit"), "cet"),
    "mesz": "cest",
    **dict.fromkeys(("deutscher zeit", "deutsche zeit", "berliner zeit"), "berlin time"),
    **dict.fromkeys(("osterreichischer zeit", "wiener zeit"), "vienna time"),
    "schweizer zeit": "zurich time",
    "londoner zeit": "london time",
    "new yorker zeit": "new york time",
}


def _part_of_day(match: re.Match[str]) -> str:
    """Read "8 Uhr abends" as 20:00, "10 Uhr vormittags" 10:00, "3 Uhr nachmittags" 15:00."""
    return with_part(int(match["h"]), minutes(match, "m"), _PARTS[match["part"]])


def _half(match: re.Match[str]) -> str:
    """Read "halb drei" as 2:30: half way to three."""
    return clock(int(match[1]), -30)


def _quarter(match: re.Match[str]) -> str:
    """Read "Viertel nach drei" as 3:15, "Viertel vor drei" and "dreiviertel drei" 2:45."""
    return clock(int(match[2]), 15 if match[1] == "viertel nach" else -15)


def _minutes_around(match: re.Match[str]) -> str:
    """Read "zehn nach drei" as 3:10, "fünf vor zwölf" 11:55."""
    change = int(match[1]) * (1 if match[2] == "nach" else -1)
    return clock(int(match[3]), change) if int(match[1]) < 30 else match[0]


_RULES = rules(
    (
        r"\bin (?:8|acht) tagen\b",
        refuse(
            N_("'{words}' often means a week rather than a count of days."),
            N_("Write '{example}' or the date."),
            example="in 1 week",
        ),
    ),
    (
        r"\b(?:montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags|wochentags)\b",
        EVERY_WEEK,
    ),
    (
        r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?![\d.])",
        lambda m: "/".join(filter(None, m.groups())),
    ),
    numbers(_NUMBERS),
    (r"\bin (?:1 )?halbe[n]? stunde\b", "in 30 minutes"),
    (r"\bin (?:eineinhalb|anderthalb) stunden\b", "in 90 minutes"),
    (rf"\bin (\d+(?:\.\d+)?) ({_UNIT})\b", lambda m: f"in {m[1]} {_UNITS[m[2]]}"),
    (rf"\bvor (\d+) ({_UNIT})\b", lambda m: f"{m[1]} {_UNITS[m[2]]} ago"),
    (r"\b(\d{1,2})[.:]([0-5]\d) ?uhr\b", r"\1:\2"),
    (r"\b(\d{1,2}) ?uhr ([0-5]\d)\b", r"\1:\2"),
    (r"\b(\d{1,2}) ?uhr\b", r"\1:00"),
    (r"\bhalb (\d{1,2})\b(?![:.])", _half),
    (r"\b(viertel nach|viertel vor|dreiviertel) (\d{1,2})\b(?![:.])", _quarter),
    (r"\b(\d{1,2}) (nach|vor) (\d{1,2})\b(?![:.])", _minutes_around),
    (rf"\b(?P<h>\d{{1,2}})(?::(?P<m>\d\d))? (?P<part>{_PART})\b", _part_of_day),
    (rf"\b(?:von )?({TIME}) bis ({TIME})\b", r"\1-\2"),
    between_times("zwischen", "und"),
    phrases(_PHRASES),
    *calendar(_DAYS, _SHORT_DAYS, _MONTHS),
    (rf"\b(?:nachsten|nachster|nachste|naechsten|kommenden|kommender) ({WEEKDAY})\b", r"next \1"),
    (rf"\b(?:letzten|letzter|vergangenen|vorigen) ({WEEKDAY})\b", r"last \1"),
    (rf"\b(?:diesen|dieser|diese) ({WEEKDAY})\b", r"this \1"),
    (
        rf"\b(?P<day>{WEEKDAY}) (?:den )?(?P<number>\d{{1,2}})\.?(?![\d:/.-]|h|am|pm| (?:{MONTH}))",
        day_of_month,
    ),
    (rf"\b(?:am|den|zum) (\d{{1,2}})\.?(?![\d:/.-]|h| (?:{MONTH}))", r"the \1th"),
    (r"\bum (?=\d|noon|midnight)", "at "),
    (
        r"\b(?:vom|von) \S+ bis \S+",
        SPANS_DAYS,
    ),
    (r"^bis (?:zum |am )?", "until "),
    (r"^(?:fur|fuer) ", ""),
    (r"(?<!\d )\bam (?=[a-z\d])|\b(?:den|dem|der|die|das|des|zum|zur|im|fur|fuer)\b", " "),
    AT_HOUR,
    and_between("und"),
)

VOCABULARY = Vocabulary(
    code="de",
    rules=_RULES,
    unclear=frozenset(
        {
            *("woche", "wochen", "monaten", "jahr", "jahre", "jahren", "tag", "tage", "tagen"),
            *("stunde", "stunden", "letzte", "letzten", "letzter", "vergangene", "vergangenen"),
            *("vorige", "vorigen", "nachste", "nachsten", "nachster", "kommende", "kommenden"),
            *("naechste", "naechsten", "uhr", "weile"),
            *("montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags"),
            *("sonntags", "wochentags"),
            *("oder", "jeden", "jede", "jedes", "jeder", "alle", "jeweils", "vor", "nach"),
            *("bis", "zwischen", "ausser", "ausgenommen", "vielleicht", "eventuell", "evtl"),
            *("wahrscheinlich", "moglicherweise", "moeglicherweise", "gegen", "etwa"),
            *("ungefahr", "ungefaehr", "circa", "ca", "zirka", "fruh", "frueh", "fruher"),
            *("frueher", "spat", "spaet", "spater", "spaeter", "spatestens", "spaetestens"),
            *("fruhestens", "bald", "irgendwann", "nie", "nicht", "kein", "keine", "anfang"),
            *("mitte", "ende", "seit", "ab", "nacht", "nachts", "offen", "viertel", "halb"),
            *("taglich", "woechentlich", "wochentlich", "demnachst", "monat", "monate"),
        }
    ),
    known=words_of(_PHRASES, _NUMBERS, _UNITS, _PARTS, _DAY_PARTS, _MONTHS),
    day_words=("morgen", "ubermorgen", *_DAYS, *(m for m in _MONTHS if len(m) >= 5)),
    before_name=frozenset({"mit", "und", "herr", "frau", "dr"}),
    words={
        "today": "heute",
        "tomorrow": "morgen",
        "tonight": "heute Abend",
        "yesterday": "gestern",
        "at": "um",
        "noon": "Mittag",
        "midnight": "Mitternacht",
        "morning": "früh",
        "afternoon": "Nachmittag",
        **dict(
            zip(
                WEEKDAYS,
                ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
                strict=True,
            )
        ),
        **dict(zip(MONTHS, _MONTH_NAMES, strict=True)),
    },
    next_day="nächsten {day}",
    last_day="letzten {day}",
    in_count="in {n} {unit}",
    units={
        "day": ("Tag", "Tagen"),
        "week": ("Woche", "Wochen"),
        "hour": ("Stunde", "Stunden"),
        "minute": ("Minute", "Minuten"),
    },
    end_of_next_week="Ende nächster Woche",
)
