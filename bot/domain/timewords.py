"""What members type for a time, rewritten into what dateparser reads well.

People write "tmrw at 3", "half past two", "EOD friday", "2pm Pacific" and "thursday 2-3pm
(video call)"; dateparser refuses or misreads each. `prepare` turns such text into plain
phrases ("tomorrow 15:00"), refuses dates that do not exist, and keeps what it decided (a
zone named, a fixed time of day, a range's end) for `timeparse` to place and say back. The
words for days, months and date orders live here too, for everything that shows a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Literal, get_args
from zoneinfo import ZoneInfo

from bot.domain import timewords_de, timewords_es, timewords_fr, timewords_pt
from bot.domain.timevocab import Vocabulary, fix_words, one_day_hint, to_english
from bot.domain.zonewords import countries, zone_in_text
from bot.errors import UserError
from bot.i18n import N_, _

DateOrder = Literal["MDY", "DMY", "YMD"]
DATE_ORDERS: tuple[DateOrder, ...] = get_args(DateOrder)
# The examples in a refusal are placeholders: they are written in the member's date language.
WHEN_HINT = N_("Try '{example}', '{other_example}' or '{third_example}'.")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Also what a member types (date_order=day-first), so shown through `_()`, kept English here.
ORDER_WORDS: dict[DateOrder, str] = {
    "MDY": N_("month first"),
    "DMY": N_("day first"),
    "YMD": N_("year first"),
}

# dateparser drops a time it cannot read ("tomorrow 25:00" reads as plain "tomorrow"), so a
# date-only reading of text that looks like it holds a time is refused rather than trusted.
TIME_LIKE = re.compile(
    r"\d:\d|\d\s*[ap]\.?m\b|(?:\bat|@)\s*\d|\b(?:noon|midnight)\b"
    r"|\b(?:today|tonight|tomorrow|yesterday)\b\D*\d",
    re.IGNORECASE,
)

_WEEKDAY_WORDS = tuple(day.lower() for day in DAY_NAMES)
_MONTH_WORDS = tuple(month.lower() for month in MONTH_NAMES)

# Typos of these are corrected; shorter words, or two letters off in five ("match" is not
# "march"), are too easily another word.
_DAY_WORDS = ("today", "tomorrow", "tonight", "yesterday", *_WEEKDAY_WORDS, *_MONTH_WORDS)
_SHORTHAND = {
    "nxt": "next",
    "wk": "week",
    "wks": "weeks",
    "midday": "noon",
    "lunchtime": "noon",
    "arvo": "afternoon",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tmw": "tomorrow",
    "tmrow": "tomorrow",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "tdy": "today",
    "tues": "tuesday",
    "weds": "wednesday",
    "thur": "thursday",
    "thurs": "thursday",
}
_BEFORE_A_NAME = frozenset({"with", "w/", "and", "&", "mr", "ms", "dr"})
# Words a fuzzy match would turn into day words, though they are words of their own.
_NOT_TYPOS = frozenset(
    {"night", "nights", "monthly", "sundae", *(f"{day.lower()}s" for day in DAY_NAMES)}
)
_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ],
        start=1,
    )
}
_HOUR = r"\d{1,2}|" + "|".join(_NUMBER_WORDS)
_SHORT_DAY = r"mon|tue|tues|wed|thu|thur|fri|sat|sun"
_MONTH_START = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_NOT_AN_HOUR_AFTER = (
    r"(?![\d:./-]|\s*(?:[ap]\.?m\b|h\b|hrs?\b|hours?\b|mins?\b|minutes?\b|days?\b|weeks?\b"
    rf"|st\b|nd\b|rd\b|th\b|{_MONTH_START}))"
)

# "at 3", "tues 10", "tomorrow 3:30": an hour, with no am/pm.
_BARE_HOUR_AFTER_WORD = re.compile(
    rf"(?:\bat|@|\b(?:today|tomorrow|tonight|{'|'.join(_WEEKDAY_WORDS)}|{_SHORT_DAY}))\s*"
    rf"(?P<hour>\d{{1,2}})(?::[0-5]\d)?{_NOT_AN_HOUR_AFTER}"
)
_BARE_CLOCK = re.compile(r"(?<![\d:./-])(?P<hour>\d{1,2}):[0-5]\d(?![\d:]|\s*[ap]\.?m\b)")
# "half past two", "quarter to 3", "ten past two", "20 past 10", "five to three".
_TIME_WORDS = re.compile(
    r"\b(?P<part>half|quarter|five|ten|twenty|twenty[- ]five|\d{1,2})\s+(?P<way>past|after|to)\s+"
    rf"(?P<hour>{_HOUR})\b"
)
_MINUTE_WORDS = {"half": 30, "quarter": 15, "five": 5, "ten": 10, "twenty": 20}
# "at ten", "@ two": an hour in words, after the word that says a time follows.
_HOUR_WORD_AT = re.compile(
    rf"(\bat|@)\s+({'|'.join(_NUMBER_WORDS)})\b(?!\s+(?:days?|weeks?|hours?))"
)
_NOON_WORDS = re.compile(r"\btwelve noon\b|\b12 noon\b")
# "11/20/26": a two-digit year is this century's, never 2126.
_TWO_DIGIT_YEAR = re.compile(r"(?<![\d/.-])(\d{1,2}[/.-]\d{1,2})([/.-])(\d{2})(?![\d/.:-])")
# "14.30-15.30": a range of dotted times.
_DOTTED_RANGE = re.compile(r"(?<![\d.])(\d{1,2})\.([0-5]\d)\s*[-–]\s*(\d{1,2})\.([0-5]\d)(?![\d.])")
_HALF_HOUR = re.compile(rf"\bhalf\s+({_HOUR})\b")  # British "half 2" is 2:30
_SPOKEN_MINUTES = {"o'clock": 0, "oclock": 0, "fifteen": 15, "thirty": 30, "forty-five": 45}
# "ten thirty", "two fifteen", "ten o'clock": an hour word and its minutes in words.
_SPOKEN_TIME = re.compile(
    rf"\b(?P<hour>{'|'.join(_NUMBER_WORDS)})\s+(?P<minutes>o'?clock|fifteen|thirty|forty[- ]five)\b"
    r"|\b(?P<digits>\d{1,2})\s*(?P<oclock>o'?clock)\b"
)
# "9a", "3p", "10:30a": am or pm by its first letter.
_SHORT_MERIDIEM = re.compile(r"(?<![\w:.])(\d{1,2}(?::[0-5]\d)?)([ap])\b(?!\.?m)")
# "3.12." as Germans write 3 December: the trailing dot is part of the date.
_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?![\d.])")
# "14.30", "10.15", "3.12": a time or a date, told apart by `_dotted`.
_DOTTED = re.compile(r"(?<![\d./:-])(\d{1,2})\.(\d{1,2})(?![\d./:-])")
_NAMES_A_DAY = re.compile(
    rf"\b(?:{'|'.join(_DAY_WORDS)}|{_SHORT_DAY}|{_MONTH_START}\w*)\b"
    r"|(?<![\d:])\d{1,2}/\d{1,2}(?![\d:])|\b\d{4}-\d{1,2}"
)
_AT_BEFORE = re.compile(r"(?:\bat|@)\s*$")
# "next week" alone names no day: which one the member means is theirs to say.
_VAGUE_WEEK = re.compile(r"\b(?:next|this|coming)\s+week\b")
_AMOUNT = r"\d+|an?|" + "|".join(_NUMBER_WORDS)
# "15h", "10h30": the French and Brazilian way to write a time, unless "in" makes it a wait.
_H_TIME = re.compile(r"(?<![\w:.])(?<!\bin )([01]?\d|2[0-3])h([0-5]\d)?(?![\w:])")
# "1430" after a day word: a 24-hour time without its colon (never a year: 1900-2099).
_FOUR_DIGIT_TIME = re.compile(
    rf"\b(?:today|tomorrow|tonight|{'|'.join(_WEEKDAY_WORDS)}|{_SHORT_DAY})(?:\s+at)?\s+"
    r"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)(?![\d:./-])"
    r"|(?<![\d:./-])(?P<hour2>[01]\d|2[0-3])(?P<minute2>[0-5]\d)\s+"
    rf"(?=(?:today|tomorrow|tonight|{'|'.join(_WEEKDAY_WORDS)}|{_SHORT_DAY})\b)"
)
# A weekday beside a date that names its own ("thursday nov 6"): the two must agree.
_A_WEEKDAY = re.compile(rf"\b(?:{'|'.join(_WEEKDAY_WORDS)}|{_SHORT_DAY}|thurs)\b")
_EXPLICIT_DATE = re.compile(
    rf"\b(?:{_MONTH_START})[a-z]*\.?\s+\d|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_START})"
    r"|\d{1,4}[/-]\d{1,2}"
)
# "two weeks from friday", "3 days from tomorrow": counted from a day the text names.
_FROM_DAY = re.compile(
    rf"\b(?P<amount>{_AMOUNT})\s+(?P<unit>days?|weeks?)\s+(?:from|after|on)\s+(?:this\s+)?"
    rf"(?P<day>tomorrow|{'|'.join(_WEEKDAY_WORDS)}|{_SHORT_DAY})\b"
)
# "a week today", "tomorrow week", "this time tomorrow": counts that keep now's clock.
_SAME_CLOCK = {
    re.compile(r"\ba week (?:today|from today)\b"): "in 7 days",
    re.compile(r"\b(?:a week tomorrow|tomorrow week)\b"): "in 8 days",
    re.compile(r"\b(?:this|same) time tomorrow\b|\btomorrow (?:at )?(?:this|the same) time\b"): (
        "in 1 day"
    ),
    re.compile(r"\b(?:this|same) time next week\b"): "in 7 days",
}
# "in 1h30", "in 1.5 hours", "in an hour and a half", "in half an hour": a wait in minutes.
_PART_HOURS = re.compile(
    rf"\bin\s+(?:(?P<half>half an? hour)|(?P<h>\d+)h(?P<m>[0-5]\d)|(?P<n>\d+(?:\.\d+)?|{_AMOUNT})"
    r"(?P<and_half> and a half)?\s*(?P<unit>hours?|hrs?|days?)(?P<tail> and a half)?)\b"
)
# "monday next week", "next week thursday", "thursday of next week".
_DAY_NEXT_WEEK = re.compile(
    rf"\b(?:(?P<a>{'|'.join(_WEEKDAY_WORDS)})\s+(?:of\s+)?next\s+week"
    rf"|next\s+week\s+(?:on\s+)?(?P<b>{'|'.join(_WEEKDAY_WORDS)}))\b"
)
_MONTH_END = re.compile(r"\b(?:end of (?:the |this )?month|eom)\b")
_DAYS_AHEAD = re.compile(rf"\bin\s+(?:{_AMOUNT})\s+(?:days?|weeks?|fortnights?)\b")
_FROM_NOW = re.compile(
    rf"\b((?:{_AMOUNT})\s+(?:days?|weeks?|fortnights?|hours?|minutes?|months?|years?))\s+"
    r"from\s+(?:now|today)\b"
)
_BY = re.compile(r"^(?:by|until|till|til)\s+")  # "until friday" is friday, for a snooze
_DOT_CLOCK = re.compile(r"(?<![\d.])(\d{1,2})\.([0-5]\d)(?=\s*[ap]\.?m\b)")  # "11.30am"
_NEXT_WEEK_END = re.compile(r"\bend of next week\b")
_WEEK_END = re.compile(r"\bend of (?:the |this )?week\b|\beow\b")
_END_OF_DAY = re.compile(
    r"\b(?:eod|cob|eob|end of (?:the )?(?:business )?day|end of business"
    r"|close of (?:business|play))\b"
)
_MIDNIGHT = re.compile(r"\b(?:at\s+)?midnight\b")
_THE_NTH = re.compile(r"\bthe (\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\b)")
_MERIDIEM = r"(?:(?P<{}>[ap])\.?m\.?)?"
_RANGE = re.compile(
    r"(?<![\d/.:-])(?P<a>\d{1,2})(?::(?P<am>[0-5]\d))?\s*"
    + _MERIDIEM.format("ap")
    + r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b)\s*"
    + r"(?P<b>\d{1,2})(?::(?P<bm>[0-5]\d))?\s*"
    + _MERIDIEM.format("bp")
    + r"(?![\d/.-])"
)
_ISO_DATE = re.compile(r"(?<![\d/.-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d/.-])")
_SHORT_DATE = re.compile(
    r"(?<![\d/.:-])(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?(?![\d/.:-]|\s*[ap]\.?m)"
)
# Words that leave the moment unclear wherever they stand, even where dateparser reads past
# them: "this past friday" is not next Friday, "mondays" not one Monday.
_UNCLEAR = frozenset(
    {
        *("past", "previous", "gone", "following", "weekly", "daily", "fortnightly"),
        *("before", "or", "not", "except", "unless", "between", "either", "every", "each"),
        *("sometime", "someday", "whenever", "late", "early", "mid", "maybe", "perhaps"),
        *("possibly", "probably", "tbd", "tbc", "earliest", "latest", "around"),
        *(f"{day}s" for day in _WEEKDAY_WORDS),
    }
)
# Words that must not be left out with the words around a time ("friday (or monday) 3pm"):
# the unclear ones, and those that only change what the words beside them mean.
_CHANGES_MEANING = _UNCLEAR | {
    "after",
    "but",
    "instead",
    "until",
    "sometimes",
    "no",
    "never",
    "soon",
}
_DAY_AFTER = re.compile(r"\bday after\b")
_DAY_SPAN = re.compile(r"\d(?:st|nd|rd|th)\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)\b")
_PARENTHESES = re.compile(r"\([^)]*\)")
# Date words that say nothing alone: "with the hiring manager" holds no second date.
_FILLER = frozenset({"the", "a", "an", "at", "on", "in", "of", "from", "this", "next", "last"})
_DATE_WORD = re.compile(
    r"[\d@][\w:./-]*|"
    + "|".join(
        (
            *_DAY_WORDS,
            *_SHORT_DAY.split("|"),
            *_MONTH_START.split("|"),
            *_NUMBER_WORDS,
            "next this last in at on ago from now the of a an noon morning afternoon evening",
            r"night am pm a\.m\. p\.m\. days? weeks? hours? minutes? mins? months? years?",
        )
    ).replace(" ", "|")
)


# The languages read besides English, each rewritten into it.
VOCABULARIES: dict[str, Vocabulary] = {
    module.VOCABULARY.code: module.VOCABULARY
    for module in (timewords_es, timewords_fr, timewords_de, timewords_pt)
}
_MONTH_FIRST = frozenset({"US", "PH", "FM", "MH", "PW", "GU", "AS", "MP", "PR", "VI", "CA"})
_YEAR_FIRST = frozenset({"CN", "JP", "KR", "KP", "TW", "HU", "LT", "MN", "IR"})


@dataclass(frozen=True)
class Prepared:
    """Typed text rewritten into what dateparser reads well, with what the rewriting decided."""

    text: str
    zone: ZoneInfo | None = None  # a zone the text named ("2pm Pacific")
    abbreviation: str | None = None  # the zone as written, when an abbreviation ("EST")
    fixed: tuple[time, timedelta] | None = None  # "EOD": 17:00; "midnight": 00:00 a day on
    ends: time | None = None  # the end of a range, on the start's day
    notes: tuple[str, ...] = ()


def date_order_of(tz: ZoneInfo, language: str = "en") -> DateOrder:
    """How people in the zone's country write "3/12", or in the member's language.

    Month first in the US, year first in East Asia, day first elsewhere; zones of no
    country (UTC) keep month first, as before there was a choice. Spanish, French, German
    and Portuguese write the day first wherever they are spoken (Montréal too).
    """
    if language in VOCABULARIES:
        return "DMY"
    country = countries().get(tz.key)
    if country is None or country in _MONTH_FIRST:
        return "MDY"
    return "YMD" if country in _YEAR_FIRST else "DMY"


def prepare(
    text: str, now: datetime, tz: ZoneInfo, order: DateOrder, language: str = "en"
) -> Prepared:
    """Rewrite what dateparser misreads or refuses into what it reads well.

    Typos, hours without am/pm, times in words, "the 15th", end of day, zone words and
    ranges; each step is small and deliberate, and dateparser does the reading. Another
    language is first rewritten into English words (bot/domain/timevocab.py).
    """
    vocabulary = VOCABULARIES.get(language)
    lowered = text.casefold().replace("·", " ")
    if vocabulary is None:
        lowered = fix_words(
            lowered.replace(",", " "),
            day_words=_DAY_WORDS,
            not_typos=_NOT_TYPOS,
            before_name=_BEFORE_A_NAME,
            shorthand=_SHORTHAND,
        )
    else:
        lowered = to_english(lowered, vocabulary)
    lowered = " ".join(lowered.split())
    if _DAY_SPAN.search(lowered):
        raise UserError(
            _("'{words}' spans several days, and I need one.").format(words=text),
            hint=one_day_hint(),
        )
    lowered = _PART_HOURS.sub(_minutes_ahead, lowered)  # before "1.5" can be a date
    lowered = _DOTTED_DATE.sub(r"\1.\2", _SHORT_MERIDIEM.sub(r"\1\2m", lowered))
    lowered = _DOT_CLOCK.sub(r"\1:\2", lowered)
    lowered = _DOTTED_RANGE.sub(r"\1:\2-\3:\4", lowered)
    lowered = _dot_times(lowered, order)
    lowered = _H_TIME.sub(lambda m: f"{m[1]}:{m[2] or '00'}", lowered)
    lowered = _FOUR_DIGIT_TIME.sub(_four_digit_time, lowered)
    lowered = _TWO_DIGIT_YEAR.sub(r"\1\g<2>20\3", lowered)
    _refuse_impossible(lowered, order)
    zone, abbreviation, lowered = zone_in_text(lowered, tz)
    local_now = now.astimezone(zone or tz).replace(tzinfo=None)
    lowered, fixed = _day_ends(lowered, local_now)
    lowered = _DAY_NEXT_WEEK.sub(partial(_day_next_week, today=local_now.date()), lowered)
    for pattern, count in _SAME_CLOCK.items():
        lowered = pattern.sub(count, lowered)
    if _VAGUE_WEEK.search(lowered):
        raise UserError(
            _("Which day that week?"),
            hint=_(WHEN_HINT).format(
                example="next monday 10am",
                other_example="end of next week",
                third_example="in 7 days",
            ),
        )
    lowered = _FROM_NOW.sub(r"in \1", lowered)
    lowered = _FROM_DAY.sub(partial(_counted_from_day, today=local_now.date()), lowered)
    lowered = _NOON_WORDS.sub("noon", lowered)
    lowered = _SPOKEN_TIME.sub(_spoken_time, lowered)
    lowered = _TIME_WORDS.sub(_time_in_digits, lowered)
    lowered = _HOUR_WORD_AT.sub(lambda m: f"{m[1]} {_NUMBER_WORDS[m[2]]}", lowered)
    lowered = _HALF_HOUR.sub(lambda m: f"{_hour_number(m[1])}:30", lowered)
    part = _part_of_day(lowered)
    lowered, ends = _range(lowered, part)
    lowered = _day_of_month(lowered, local_now)
    meridiem = partial(_with_meridiem, part=part)
    lowered = _BARE_CLOCK.sub(meridiem, lowered)
    lowered = _BARE_HOUR_AFTER_WORD.sub(meridiem, lowered)
    _refuse_unclear(lowered)
    return Prepared(
        text=" ".join(lowered.split()) or "today",
        zone=zone,
        abbreviation=abbreviation,
        fixed=fixed,
        ends=ends,
    )


def _refuse_unclear(text: str) -> None:
    """Refuse what leaves the moment open: "after 3pm friday", "tomorrow today"."""
    words = [word.strip("().,?!") for word in _PARENTHESES.sub(" ", text).split()]
    found = [w for w in words if w in _UNCLEAR or (w == "after" and not _DAY_AFTER.search(text))]
    days = {w for w in words if w in ("today", "tomorrow", "yesterday", "tonight")}
    if len(days - {"tonight"}) > 1 or days >= {"tomorrow", "tonight"}:
        found.append(" and ".join(sorted(days)))
    unclear = found[:1]
    if not unclear:
        return
    past = {"past", "previous", "gone"}.intersection(words)
    raise UserError(
        _("'{words}' leaves it unclear which moment you mean.").format(words=unclear[0]),
        hint=_("Give one day and time, like '{example}'.").format(example="last friday 2pm")
        if past
        else one_day_hint(),
    )


def when_hint() -> str:
    """How to write a date and time, in the bot's language, its examples in English words."""
    return _(WHEN_HINT).format(
        example="tomorrow 3pm", other_example="next friday 10:00", third_example="2026-12-01 15:00"
    )


def check_weekday(text: str, day: date) -> None:
    """Refuse "Thursday, Nov 6" when 6 November is a Friday: which one was meant is unclear."""
    if not _EXPLICIT_DATE.search(text):
        return
    typed = {_weekday_index(m[0]) for m in _A_WEEKDAY.finditer(text)}
    if len(typed) != 1 or day.weekday() in typed:
        return
    (index,) = typed
    without = " ".join(_A_WEEKDAY.sub(" ", text).split())
    raise UserError(
        _("{day} {month} is a {weekday}, not a {typed_weekday}.").format(
            day=day.day,
            month=MONTH_NAMES[day.month - 1],
            weekday=DAY_NAMES[day.weekday()],
            typed_weekday=DAY_NAMES[index],
        ),
        hint=_(
            "For the date, write '{date}'; for the day, name it alone, like '{example}'."
        ).format(date=without, example=f"{DAY_NAMES[index].lower()} 10am"),
    )


def _weekday_index(word: str) -> int:
    return next(i for i, day in enumerate(_WEEKDAY_WORDS) if day.startswith(word[:3]))


def keeps_clock(prepared: Prepared) -> bool:
    """Whether "in 3 days" keeps now's clock time: a count of days with no time of its own."""
    return _DAYS_AHEAD.search(prepared.text) is not None and not TIME_LIKE.search(prepared.text)


def without_extra_words(text: str) -> str:
    """Only the words dates are made of, or "" when leaving the rest out could mislead.

    "zoom call friday 11am with the hiring manager (Teams)" -> "friday 11am". Refused: date
    words in two places ("tomorrow with Jane at 3pm"), a time without its day after other
    words ("someday 3pm"), and any "or", "not", "late"... anywhere, brackets included.
    """
    if any(word.strip("()") in _CHANGES_MEANING for word in text.split()):
        return ""
    runs: list[list[str]] = [[]]
    for word in _PARENTHESES.sub(" ", text).split():
        if _DATE_WORD.fullmatch(word):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    telling = [run for run in runs if any(word not in _FILLER for word in run)]
    if len(telling) != 1:
        return ""
    found = " ".join(telling[0])
    # Words before a bare time may be what names its day ("someday 3pm"): only a run that
    # names its own day may follow other words.
    led = not _PARENTHESES.sub(" ", text).strip().startswith(telling[0][0])
    return "" if led and not _NAMES_A_DAY.search(found) else found


def _refuse_impossible(text: str, order: DateOrder) -> None:
    """Refuse a numeric date that does not exist rather than let dateparser swap its parts.

    "2026-13-01" is not 13 January; the swap is suggested when it is a date.
    """
    for match in _ISO_DATE.finditer(text):
        year, month, day = (int(part) for part in match.groups())
        _check_date(match[0], year, month, day, f"{year}-{day:02d}-{month:02d}")
    if order == "YMD":
        return  # "12/3" has no year to come first: dateparser reads it month first
    for match in _SHORT_DATE.finditer(text):
        first, second = int(match[1]), int(match[2])
        month, day = (first, second) if order == "MDY" else (second, first)
        written = match[3] or "00"  # without a year, 2000: a leap year keeps 29 February
        year = int(written) if len(written) == 4 else 2000 + int(written)
        _check_date(match[0], year, month, day, None)


def _check_date(written: str, year: int, month: int, day: int, swapped: str | None) -> None:
    try:
        date(year, month, day)
    except ValueError:
        pass
    else:
        return
    hint = when_hint()
    if swapped is not None:
        try:
            date.fromisoformat(swapped)
            hint = _("Did you mean '{date}'? Dates go year-month-day.").format(date=swapped)
        except ValueError:
            pass
    raise UserError(_("'{typed}' is not a date on the calendar.").format(typed=written), hint=hint)


def _day_ends(text: str, local_now: datetime) -> tuple[str, tuple[time, timedelta] | None]:
    """End of day is 17:00, "midnight" the end of the day it names, a week's end its Friday.

    Weeks start on Monday, so "end of next week" typed on a Sunday is five days ahead.
    """
    text = _BY.sub("", text)
    if _NEXT_WEEK_END.search(text):
        friday = local_now.date() + timedelta(days=11 - local_now.weekday())
        return _NEXT_WEEK_END.sub(friday.isoformat(), text), (time(17, 0), timedelta(0))
    if _WEEK_END.search(text):
        ahead = (4 - local_now.weekday()) % 7  # this week's Friday; at the weekend, the next
        if ahead == 0 and local_now.time() >= time(17, 0):
            ahead = 7
        friday = local_now.date() + timedelta(days=ahead)
        return _WEEK_END.sub(friday.isoformat(), text), (time(17, 0), timedelta(0))
    if _MONTH_END.search(text):
        last = _last_day_of_month(local_now.date())
        if last == local_now.date() and local_now.time() >= time(17, 0):
            last = _last_day_of_month(last + timedelta(days=1))
        return _MONTH_END.sub(last.isoformat(), text), (time(17, 0), timedelta(0))
    if _END_OF_DAY.search(text):
        return _END_OF_DAY.sub(" ", text), (time(17, 0), timedelta(0))
    if _MIDNIGHT.search(text):
        return _MIDNIGHT.sub(" ", text), (time(0, 0), timedelta(days=1))
    return text, None


def _last_day_of_month(day: date) -> date:
    first_of_next = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first_of_next - timedelta(days=1)


def _dot_times(text: str, order: DateOrder) -> str:
    """A dotted pair as a time when the day is named elsewhere, or when it is no date.

    "tomorrow 14.30" and "14.30" are half past two; "3.12" alone is a date, written with a
    slash so the member's date order reads it (dateparser reads "3.12" as 03:12).
    """

    def either(match: re.Match[str]) -> str:
        first, second = int(match[1]), int(match[2])
        month, day = (second, first) if order == "DMY" else (first, second)
        a_date = 1 <= month <= 12 and 1 <= day <= 31
        rest = text[: match.start()] + text[match.end() :]
        a_time = len(match[2]) == 2 and first < 24 and second < 60
        after_at = _AT_BEFORE.search(text[: match.start()]) is not None
        if a_time and (_NAMES_A_DAY.search(rest) or not a_date or after_at):
            return f"{match[1]}:{match[2]}"
        return f"{match[1]}/{match[2]}"

    return _DOTTED.sub(either, text)


def _four_digit_time(match: re.Match[str]) -> str:
    """Wed 1430 is Wednesday 14:30; "2026" after a day word is a year, never 20:26."""
    hour, minute = match["hour"] or match["hour2"], match["minute"] or match["minute2"]
    if hour in ("19", "20"):
        return match[0]
    return match[0].replace(hour + minute, f"{hour}:{minute}", 1)


def _counted_from_day(match: re.Match[str], *, today: date) -> str:
    """Two weeks from friday: the next Friday, then the weeks, as a date.

    Said on a Friday, "from friday" could be today or a week on: asked about.
    """
    word = match["day"]
    if word == "tomorrow":
        start = today + timedelta(days=1)
    else:
        ahead = (_weekday_index(word) - today.weekday()) % 7
        if ahead == 0:
            raise UserError(
                _("Today is {weekday}: from today, or from next week's?").format(
                    weekday=DAY_NAMES[today.weekday()]
                ),
                hint=_("Count from today, like '{example}'.").format(
                    example=f"in {match['amount']} {match['unit']}"
                ),
            )
        start = today + timedelta(days=ahead)
    days = _amount(match["amount"]) * (7 if match["unit"].startswith("week") else 1)
    return (start + timedelta(days=days)).isoformat()


def _day_next_week(match: re.Match[str], *, today: date) -> str:
    """Monday next week: that weekday in the week after this one (weeks start on Monday)."""
    index = _weekday_index(match["a"] or match["b"])
    return (today + timedelta(days=7 - today.weekday() + index)).isoformat()


def _minutes_ahead(match: re.Match[str]) -> str:
    """A wait with a fraction in it, as whole minutes: "in 1.5 hours" is "in 90 minutes"."""
    if match["half"]:
        return "in 30 minutes"
    if match["h"]:
        return f"in {int(match['h']) * 60 + int(match['m'])} minutes"
    number = match["n"]
    amount = float(number) if number[0].isdigit() else float(_amount(number))
    if match["and_half"] or match["tail"]:
        amount += 0.5
    if match["unit"].startswith("d"):
        return f"in {round(amount * 24 * 60)} minutes" if amount % 1 else match[0]
    return f"in {round(amount * 60)} minutes"


def _spoken_time(match: re.Match[str]) -> str:
    """Ten thirty is 10:30, 3 o'clock 3:00; the hour gets am/pm later, like any bare hour."""
    if match["digits"]:
        return f"{match['digits']}:00"
    minutes = _SPOKEN_MINUTES[match["minutes"].replace(" ", "-")]
    return f"{_NUMBER_WORDS[match['hour']]}:{minutes:02d}"


def _amount(word: str) -> int:
    return 1 if word in ("a", "an") else _hour_number(word)


def _hour_number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _time_in_digits(match: re.Match[str]) -> str:
    """Half past two is 2:30, quarter to 3 is 2:45, twenty past ten 10:20.

    "10 to 3" in digits is left alone: it is a range as often as ten to three.
    """
    part = match["part"].replace(" ", "-")
    if part.isdigit() and match["way"] == "to":
        return match[0]
    minutes = int(part) if part.isdigit() else _MINUTE_WORDS.get(part, 25)
    hour = _hour_number(match["hour"])
    if minutes >= 60:
        return match[0]
    if match["way"] == "to":
        hour, minutes = (hour - 2) % 12 + 1, 60 - minutes
    return f"{hour}:{minutes:02d}"


def _range(text: str, part: str | None) -> tuple[str, time | None]:
    """A range's start in the text ("2-3pm" -> "14:00") and its end (15:00).

    The start takes the end's am/pm unless that would put it after the end ("11-12pm"
    starts at 11:00); a bare "5-7" is 17:00-19:00. A range past midnight, or longer than
    twelve hours (or four for "10 to 3", which may be ten to three), is asked about.
    """
    match = _RANGE.search(text)
    if match is None:
        return text, None
    end = _clock(match["b"], match["bm"], match["bp"] or part)
    start = _clock(match["a"], match["am"], match["ap"] or match["bp"] or part)
    if start is None or end is None:
        return text, None
    if not match["ap"] and match["bp"] and start > end:
        start = _clock(match["a"], match["am"], "am")
        if start is None:
            return text, None
    bare = not (match["ap"] or match["bp"] or match["am"] or match["bm"])
    if bare and end < start and end.hour + 12 < 24:
        end = end.replace(hour=end.hour + 12)  # "5-7": both in the afternoon
    hours = (end.hour * 60 + end.minute - start.hour * 60 - start.minute) / 60
    longest = 4 if bare and "to" in match[0].split() else 12
    if not 0 < hours <= longest:
        raise UserError(
            _("Is '{typed}' a time from {start} to {end}?").format(
                typed=match[0].strip(), start=f"{start:%H:%M}", end=f"{end:%H:%M}"
            ),
            hint=_(
                "Give the start alone, like '{example}', or the range with am or pm, "
                "like '{other_example}'."
            ).format(example=f"{start:%H:%M}", other_example="2pm-3pm"),
        )
    return f"{text[: match.start()]} {start:%H:%M} {text[match.end() :]}", end


def _clock(hour_text: str, minute_text: str | None, meridiem: str | None) -> time | None:
    hour, minute = int(hour_text), int(minute_text or 0)
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    elif not (hour_text.startswith("0") or hour > 12):
        hour = _interview_hour(hour)
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _interview_hour(hour: int) -> int:
    """The hour people mean by a bare 1-12 for a meeting: 1-6 afternoon, 7-11 morning."""
    return hour + 12 if 1 <= hour <= 6 else hour


def _day_of_month(text: str, local_now: datetime) -> str:
    """A day of the month with no month ("the 15th"): the next such day."""
    match = _THE_NTH.search(text)
    if match is None:
        return text
    wanted = int(match[1])
    year, month = local_now.year, local_now.month
    for _attempt in range(3):  # a 31st may skip a month
        try:
            day = date(year, month, wanted)
        except ValueError:
            day = None
        if day is not None and day >= local_now.date():
            return f"{text[: match.start()]} {day.isoformat()} {text[match.end() :]}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return text


def _part_of_day(text: str) -> str | None:
    """The am or pm the text gives by the part of the day ("in the morning", "tonight")."""
    words = set(text.split())
    if words & {"tonight", "evening", "night"}:
        return "pm"
    if "morning" in words:
        return "am"
    return None


def _with_meridiem(match: re.Match[str], *, part: str | None) -> str:
    """An hour with no am/pm gets the one people mean: "at 3" is 3pm.

    "In the morning" or "tonight" says which, but "tonight at 12" or "tonight at 1" may be
    after midnight: asked about.
    """
    hour = int(match["hour"])
    if match["hour"].startswith("0") or not 1 <= hour <= 12:
        return match[0]
    if part == "pm" and (hour == 12 or hour < 5):
        raise UserError(
            _("Is '{typed}' in the evening, or after midnight?").format(typed=match[0].strip()),
            hint=_("Write it with am or pm, like '{example}'.").format(
                example=f"tomorrow {hour}am"
            ),
        )
    suffix = part or ("pm" if _interview_hour(hour) >= 12 else "am")
    return f"{match[0]}{suffix}"
