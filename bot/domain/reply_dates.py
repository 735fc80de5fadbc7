"""The dates in an employer's reply: the times they offer, and the date that matters.

Patterns find the phrases that look like a date or a time ("Tuesday Dec 8 at 2pm ET",
"mardi 8 décembre à 14h", "am Dienstag um 14 Uhr"); the project's date parser reads each in
the member's zone and refuses what is not a date, and a refused phrase is simply dropped.
The words just before a phrase say what it is: "by Friday" is a deadline, "the week of
December 14" is no time offered, "through December 9" means back the day after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.text import unaccented
from bot.domain.timeparse import parse_when
from bot.domain.timewords import DateOrder
from bot.errors import UserError

MAX_PHRASES = 8  # a reply offers a few times; more phrases are a pasted calendar, not read
_CLOSE_OF_DAY = time(17, 0)  # "next week" for a decision is the end of next week's Friday
_FRIDAY = 4
_SEP = r"(?:,?\s+|,\s*)"

_CLOCK_EN = r"\d{1,2}(?::[0-5]\d)?\s*[ap]\.?m\.?|\d{1,2}:[0-5]\d(?:\s*[ap]\.?m\.?)?"
_ZONE_EN = r"(?:\s+(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST)\b)?"
_TIME_EN = (
    rf"(?:{_SEP}(?:at\s+|@\s*|from\s+)?(?:{_CLOCK_EN})(?:\s*[-–—]\s*(?:{_CLOCK_EN}))?{_ZONE_EN})"
)
_DAY_EN = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
_FULL_DAY_EN = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH_EN = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
_NTH = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE_EN = (
    rf"(?:{_MONTH_EN}\s+{_NTH}\b|{_NTH}\s+(?:of\s+)?{_MONTH_EN}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?"
    r"|the\s+\d{1,2}(?:st|nd|rd|th)\b)"
    r"(?:,?\s+\d{4})?"
)

_DAY_ES = r"(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)"
_MONTH_ES = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre"
    r"|diciembre)"
)
_TIME_ES = (
    r"(?:,?\s*a\s+las?\s+\d{1,2}(?::[0-5]\d)?(?:\s*h)?(?:\s*[-–]\s*\d{1,2}(?::[0-5]\d)?)?"
    r"|\s+\d{1,2}:[0-5]\d)"
)
_DAY_FR = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_MONTH_FR = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre"
    r"|d[ée]cembre)"
)
_TIME_FR = r"(?:\s*(?:à|a)\s*\d{1,2}\s*h\s*(?:[0-5]\d)?|\s*(?:à|a)\s*\d{1,2}:[0-5]\d)"
_DAY_DE = r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
_MONTH_DE = (
    r"(?:januar|februar|m[äa]rz|april|mai|juni|juli|august|september|oktober|november"
    r"|dezember|jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|nov|dez)\.?"
)
_TIME_DE = r"(?:,?\s*(?:um\s+)?\d{1,2}(?::[0-5]\d)?\s*uhr(?:\s*[0-5]\d)?)"
_DAY_PT = r"(?:(?:segunda|ter[cç]a|quarta|quinta|sexta)-feira|s[aá]bado|domingo)"
_SHORT_DAY_PT = r"(?:segunda|ter[cç]a|quarta|quinta|sexta)(?:-feira)?"
_MONTH_PT = (
    r"(?:janeiro|fevereiro|mar[cç]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro"
    r"|dezembro)"
)
_TIME_PT = r"(?:,?\s*(?:[àa]s?)\s+\d{1,2}(?:h(?:[0-5]\d)?|:[0-5]\d))"
# "14/12", "14.12.": a numeric day and month, as every language but English writes them; a
# dotted one ends with its dot or its year, so "1.5 hours" is no date.
_DAY_NUM = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
_NUMERIC = (
    rf"{_DAY_NUM}(?:/{_MONTH_NUM}(?:/(?:\d{{4}}|\d{{2}}))?(?![/\d])"
    rf"|\.{_MONTH_NUM}\.(?:\d{{4}}|\d{{2}})?(?!\d))"
)
# "back on 14/12" in an English reply: a first number over 12 can only be the day.
_DAY_FIRST = re.compile(r"\b(?:1[3-9]|2\d|3[01])/\d{1,2}\b")

_PHRASES: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        rf"(?<![\w/:.])(?:(?:{_DAY_EN}{_SEP})?{_DATE_EN}{_TIME_EN}?"
        rf"|{_DAY_EN}{_TIME_EN}|{_FULL_DAY_EN}{_TIME_EN}?"
        rf"|\btomorrow(?:\s+(?:morning|afternoon|evening))?{_TIME_EN}?"
        r"|\bend of (?:next|this|the) week\b)",
        re.IGNORECASE,
    ),
    "es": re.compile(
        rf"(?<![\w/:.])(?:(?:{_DAY_ES}{_SEP})?(?:(?:el\s+)?d[ií]a\s+)?\d{{1,2}}\s+de\s+{_MONTH_ES}"
        rf"(?:\s+de(?:l)?\s+\d{{4}})?{_TIME_ES}?|(?:{_DAY_ES}{_SEP})?{_NUMERIC}{_TIME_ES}?"
        rf"|{_DAY_ES}{_TIME_ES}?)",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        rf"(?<![\w/:.])(?:(?:{_DAY_FR}\s+)?\d{{1,2}}(?:er)?\s+{_MONTH_FR}(?:\s+\d{{4}})?{_TIME_FR}?"
        rf"|(?:{_DAY_FR}\s+)?{_NUMERIC}{_TIME_FR}?|{_DAY_FR}{_TIME_FR}?|\bdemain{_TIME_FR}?)",
        re.IGNORECASE,
    ),
    "de": re.compile(
        rf"(?<![\w/:.])(?:(?:(?:am\s+)?{_DAY_DE}{_SEP}(?:den\s+)?)?\d{{1,2}}\.\s*{_MONTH_DE}(?:\s*\d{{4}})?"
        rf"{_TIME_DE}?|(?:(?:am\s+)?{_DAY_DE}{_SEP}(?:den\s+)?)?{_NUMERIC}{_TIME_DE}?"
        rf"|(?:am\s+)?{_DAY_DE}{_TIME_DE}?|\bmorgen{_TIME_DE}?)",
        re.IGNORECASE,
    ),
    "pt": re.compile(
        rf"(?<![\w/:.])(?:(?:{_SHORT_DAY_PT}{_SEP})?(?:(?:o\s+)?dia\s+)?\d{{1,2}}\s+de\s+{_MONTH_PT}"
        rf"(?:\s+de\s+\d{{4}})?{_TIME_PT}?|(?:{_SHORT_DAY_PT}{_SEP})?{_NUMERIC}{_TIME_PT}?"
        rf"|{_DAY_PT}{_TIME_PT}?)",
        re.IGNORECASE,
    ),
}
# Words before a phrase, folded, that make it a deadline ("by Friday", "antes del viernes").
_DEADLINE = {
    "en": re.compile(r"\b(?:by|before|no later than|until|till|due)(?: the)?\s*$"),
    "es": re.compile(r"\b(?:antes del?|hasta el|para el|a mas tardar el)\s*$"),
    "fr": re.compile(r"\b(?:avant(?: le)?|d'ici(?: le)?|jusqu'au|au plus tard le)\s*$"),
    "de": re.compile(r"\b(?:bis(?: zum| spatestens)?|spatestens)\s*$"),
    "pt": re.compile(r"\b(?:ate(?: ao| o)?|antes de)\s*$"),
}
# Words before a phrase that make it the day someone is back ("back on", "de retour le").
_RETURN = {
    "en": re.compile(
        r"\b(?:back|return|returning|returns)(?: to work"
        r"| in the office)?(?: on)?\s*$"
    ),
    "es": re.compile(r"\b(?:volvere|vuelvo|regresare|regreso|de vuelta)(?: el)?\s*$"),
    "fr": re.compile(r"\b(?:de retour|retour|reviens|reviendrai)(?: le| au bureau le)?\s*$"),
    "de": re.compile(r"\b(?:ab|zuruck|wieder da am)(?: dem| am)?\s*$"),
    "pt": re.compile(r"\b(?:volto|regresso|retorno|de volta)(?: no| em| a)?(?: dia)?\s*$"),
}
# Around a phrase: it names the last day away, so the return is the day after.
_LAST_DAY_BEFORE = re.compile(r"\b(?:through|thru|einschliesslich)\s*$")
_LAST_DAY_AFTER = re.compile(r"^\s*(?:inclusive|inclus|inclusive?|incluido|incluso)\b")
# "the week of December 14": a week named, no time offered.
_WEEK_OF = re.compile(r"\b(?:week of|semaine du|woche vom|semana del?)\s*$")
_NEXT_WEEK = {
    "en": re.compile(r"\b(?:next|the coming|coming) week\b"),
    "es": re.compile(r"\b(?:la (?:proxima|siguiente) semana|la semana que viene)\b"),
    "fr": re.compile(r"\b(?:la semaine prochaine|semaine prochaine)\b"),
    "de": re.compile(r"\b(?:nachste[nr]? woche|kommende[nr]? woche)\b"),
    "pt": re.compile(r"\b(?:proxima semana|semana que vem)\b"),
}
_BEFORE = 30  # characters before a phrase that say what it is
# "Mon 12/7 – 2:00pm": a dash between a day and its time is a space to the parser.
_DATE_DASH = re.compile(
    r"(\d{1,2}/\d{1,2}|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\s+[–—-]\s+(?=\d)", re.IGNORECASE
)


@dataclass(frozen=True)
class Found:
    """A date read from the reply, and what the words around it make it."""

    starts_at: datetime
    ends_at: datetime | None
    deadline: bool  # "by ...", "antes del ...", "bis zum ..."
    last_day: bool  # "through ...", "... inclus": the day before a return
    returning: bool  # "back on ...", "de retour le ...": the day of a return
    week_only: bool  # "the week of ...": no time offered
    numbered: bool  # it has a day number or a clock time, not only a day's name

    @property
    def offered(self) -> bool:
        """A time an employer offers: a day with its number or a time, not a deadline.

        "Thanks for your time on Monday" names a day gone by; a bare day's name is only a
        slot when it comes with a date or a time ("Wed 10:00-11:00").
        """
        return self.numbered and not (self.deadline or self.week_only)


def dates_in(text: str, *, now: datetime, tz: ZoneInfo, language: str) -> list[Found]:
    """Every date phrase of `text` that the date parser reads, in the order written."""
    pattern = _PHRASES.get(language, _PHRASES["en"])
    text = _DATE_DASH.sub(r"\1 ", text)
    found: list[Found] = []
    seen: set[str] = set()
    for match in pattern.finditer(text):
        phrase = " ".join(match.group().split()).strip(" ,")
        if phrase.casefold() in seen or len(seen) >= MAX_PHRASES:
            continue
        seen.add(phrase.casefold())
        read = _read(phrase, now=now, tz=tz, language=language)
        if read is None:
            continue
        before = unaccented(text[max(0, match.start() - _BEFORE) : match.start()])
        after = unaccented(text[match.end() : match.end() + 12])
        found.append(
            Found(
                starts_at=read[0],
                ends_at=read[1],
                deadline=bool(_DEADLINE.get(language, _DEADLINE["en"]).search(before)),
                last_day=bool(_LAST_DAY_BEFORE.search(before) or _LAST_DAY_AFTER.match(after)),
                returning=bool(_RETURN.get(language, _RETURN["en"]).search(before)),
                week_only=bool(_WEEK_OF.search(before)),
                numbered=any(ch.isdigit() for ch in phrase),
            )
        )
    return found


def next_week_in(folded: str, *, now: datetime, tz: ZoneInfo, language: str) -> datetime | None:
    """A "next week" as a date: the end of next week's Friday, when the folded text says it."""
    if not _NEXT_WEEK.get(language, _NEXT_WEEK["en"]).search(folded):
        return None
    today = now.astimezone(tz).date()
    friday = today + timedelta(days=7 - today.weekday() + _FRIDAY)
    return datetime.combine(friday, _CLOSE_OF_DAY, tzinfo=tz).astimezone(UTC)


def _read(
    phrase: str, *, now: datetime, tz: ZoneInfo, language: str
) -> tuple[datetime, datetime | None] | None:
    """The parser's reading of one phrase, or None when it refuses it or it is long past.

    The parser refuses with a UserError; the others are its heuristics tripping on text no
    one writes, which is a refusal too, since no paste may make the reader raise.
    """
    order: DateOrder | None = "DMY" if _DAY_FIRST.search(phrase) else None
    try:
        parsed = parse_when(
            phrase, now=now, tz=tz, language=language, warn_past=False, date_order=order
        )
    except (UserError, ValueError, OverflowError):
        return None
    if parsed.at < now - timedelta(days=1):
        return None
    return parsed.at, parsed.ends_at
