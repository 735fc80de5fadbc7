"""Dates typed in Spanish, French, German or Portuguese, read as the English they mean.

dateparser reads these languages itself, but misreads what members type most: "Freitag um
15 Uhr" is 15 December to it, "amanhã às 15h" fifteen hours after this time tomorrow,
"après demain 10:00" tomorrow, and "mañana a las 10" loses its hour. So each language is a
small vocabulary rewritten into the English phrases `timewords` already reads, and every
rule that keeps a reading from being silently wrong (bare hours, ranges, unclear words,
weekday checks, daylight saving) applies to every language alike. Words that make a moment
unclear are refused in the member's own words ("'o' leaves it unclear..."), and the
suggestions in refusals and notes are written back in the member's language.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from bot.domain.text import unaccented
from bot.errors import UserError
from bot.i18n import N_, _

Replacement = str | Callable[[re.Match[str]], str]
Rule = tuple[re.Pattern[str], Replacement]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    *("january", "february", "march", "april", "may", "june", "july"),
    *("august", "september", "october", "november", "december"),
)
WEEKDAY = "|".join(WEEKDAYS)
MONTH = "|".join(MONTHS)
# A time once rewritten: "15:00", "3", "3pm", "15h30", "9:30am".
TIME = r"\d{1,2}(?::[0-5]\d|h(?:[0-5]\d)?)?(?:am|pm)?"
# "a las 15" is "at 15:00": English reads "at 15" as no time at all.
AT_HOUR = (r"\bat (1[3-9]|2[0-3])\b(?![:.\dh])", r"at \1:00")
_DECIMAL = re.compile(r"(?<=\d),(?=\d)")
_SPACES = re.compile(r"\s+")
# "tomorrow 3pm" -> "mañana 15:00": the languages write suggestions on a 24-hour clock.
_MERIDIEM_TIME = re.compile(r"\b(\d{1,2})(?::([0-5]\d))?\s*(am|pm)\b")
_IN_COUNT = re.compile(r"\bin (\d+) (day|week|hour|minute)s?\b")
_NEXT_OR_LAST = re.compile(rf"\b(next|last) ({WEEKDAY})\b")
_WORD = re.compile(r"[a-z]+")
_QUOTED = re.compile(r"(?<!\w)'([^']+)'(?!\w)")


@dataclass(frozen=True)
class Vocabulary:
    """One language's date words, how they become English, and how suggestions are written.

    Rules run in order on the text lowercased without accents ("manana" is "mañana", so
    typing without accents works); what is left of the language afterwards is either a
    word that leaves the moment unclear (refused), filler (dropped), or not a date word.
    """

    code: str
    rules: tuple[Rule, ...]
    unclear: frozenset[str]  # words that leave the moment open, refused wherever they stand
    day_words: tuple[str, ...]  # spellings a typo is corrected to ("viernse" -> "viernes")
    known: frozenset[str]  # words of the language's own, never a typo ("morgens", "manha")
    before_name: frozenset[str]  # "con", "avec": what follows is a name, not a typo
    words: Mapping[str, str]  # English word -> the language's, for suggestions
    next_day: str  # "el próximo {day}"
    last_day: str  # "el {day} pasado"
    in_count: str  # "en {n} {unit}"
    units: Mapping[str, tuple[str, str]]  # "day" -> ("día", "días")
    end_of_next_week: str
    feminine_days: frozenset[str] = frozenset()  # "próxima sexta", "próximo sábado"
    next_day_feminine: str = ""
    last_day_feminine: str = ""


def words_of(*collections: Iterable[str]) -> frozenset[str]:
    """Every word in these phrases: what a typo must never be corrected away from."""
    return frozenset(
        word for phrases in collections for phrase in phrases for word in _WORD.findall(phrase)
    )


def rules(*pairs: tuple[str, Replacement]) -> tuple[Rule, ...]:
    """Rules from (pattern, replacement) pairs, compiled once."""
    return tuple((re.compile(pattern), replacement) for pattern, replacement in pairs)


def phrases(mapping: Mapping[str, str]) -> tuple[str, Replacement]:
    """One rule turning each whole word or phrase into its English, longest first."""
    return _alternation(mapping) + r"(?![\w-])", lambda m: f" {mapping[m[0]]} "


def between_times(lead: str, and_word: str, article: str = "") -> tuple[str, Replacement]:
    """Read "entre 14h et 15h", "zwischen 10 und 11 Uhr" as the range 14:00-15:00.

    A bare 24-hour end ("entre las 16 y las 17") gets its minutes, so "16-17" is no date.
    """
    the = rf"(?:{article} )?" if article else ""

    def hours(match: re.Match[str]) -> str:
        return "-".join(
            f"{end}:00" if end.isdigit() and int(end) > 12 else end for end in match.groups()
        )

    return rf"\b{lead} {the}({TIME}) {and_word} {the}({TIME})\b", hours


def and_between(*words: str) -> tuple[str, Replacement]:
    """Refuse "y", "et", "und" between two days or times: "viernes y sábado" is two."""
    day = "today|tomorrow|yesterday|tonight|" + WEEKDAY
    return (
        rf"(?:\d\S*|\b(?:{day}))\s+\b({'|'.join(words)})\s+(?=\d|(?:{day})\b)",
        refuse_word,
    )


def refuse_word(match: re.Match[str]) -> str:
    """A replacement that refuses the word it matched."""
    raise unclear(match[1])


def unclear(word: str) -> UserError:
    """The refusal of a word that leaves the moment open, as English words are refused."""
    return UserError(
        _("'{words}' leaves it unclear which moment you mean.").format(words=word),
        hint=one_day_hint(),
    )


def one_day_hint() -> str:
    """How to write one day and time, in the bot's language; the examples in English words.

    The examples are placeholders, so `localized_error` writes them in the member's date
    language whatever language the sentence around them is in.
    """
    return _("Give one day and time, like '{example}' or '{other_example}'.").format(
        example="friday 2pm", other_example="tomorrow 10:00"
    )


def _alternation(mapping: Mapping[str, object]) -> str:
    keys = sorted(mapping, key=len, reverse=True)
    return r"(?<![\w-])(?:" + "|".join(re.escape(key) for key in keys) + ")"


def numbers(mapping: Mapping[str, int]) -> tuple[str, Replacement]:
    """One rule writing number words as digits: "a las tres" is "a las 3"."""
    return phrases({word: str(number) for word, number in mapping.items()})


def calendar(
    days: Mapping[str, str], short_days: Mapping[str, str], months: Mapping[str, str]
) -> tuple[tuple[str, Replacement], ...]:
    """Weekdays, and months beside a number: "5 de diciembre", "Dezember 2026", "vie 4".

    Short weekdays ("mar", "sam") are other words too ("sea", "Sam"), so they count only
    before a number; a month only beside one, so "Marco" is a name and "mar" in
    "mar 10:00" Tuesday.
    """
    month = "|".join(sorted(months, key=len, reverse=True))
    return (
        (
            rf"\b(\d{{1,2}})(?:\.|er|o)? (?:de )?({month})\b\.?",
            lambda m: f"{m[1]} {months[m[2]]}",
        ),
        (_alternation(short_days) + r"\.?(?= ?\d)", lambda m: short_days[m[0].rstrip(".")]),
        phrases(days),
        (rf"\b({month})\b\.? (?=\d)", lambda m: f"{months[m[1]]} "),
    )


def zone_words(lead: str, places: Mapping[str, str]) -> tuple[str, Replacement]:
    """A place's clock named at the end: "hora de Madrid", "heure de Paris", "hora peninsular".

    A place is named after "de" ("hora de Lima"), or alone when it is one of `places`.
    """
    own = "|".join(sorted(map(re.escape, places), key=len, reverse=True))
    return (
        rf"\b(?:{lead}) (?:(?:de|del|du|do|da|de la) (?P<place>[a-z][a-z' ]*)|(?P<own>{own}))$",
        lambda m: f"{places.get(m['place'] or m['own'], m['place'] or m['own'])} time",
    )


def refuse(message: str, hint: str, **examples: str) -> Callable[[re.Match[str]], str]:
    """A rule's replacement that refuses the text; `{words}` in either is what matched.

    `message` and `hint` are marked `N_()` and said in the bot's language when refused;
    `examples` fill the hint's suggestions, in English words for `localized_error`.
    """

    def raising(match: re.Match[str]) -> str:
        raise UserError(
            _(message).format(words=match[0]), hint=_(hint).format(words=match[0], **examples)
        )

    return raising


def clock(hour: int, minute: int = 0) -> str:
    """An hour and minute as "H:MM", the hour taken round the clock ("0:45" for -1:45)."""
    total = (hour * 60 + minute) % (24 * 60)
    return f"{total // 60}:{total % 60:02d}"


def minutes(match: re.Match[str], group: str) -> int:
    """The minutes in `group`, 0 when the time had none ("3 de la tarde")."""
    return int(match[group]) if match[group] else 0


# Refusals every language shares; each module only says which of its words call them.
EVERY_WEEK = refuse(
    N_("'{words}' is every week, and I need one day."),
    N_("Give one day, like '{example}'."),
    example="friday 2pm",
)
SPANS_DAYS = refuse(
    N_("'{words}' spans several days, and I need one."),
    N_("Give one day and time, like '{example}' or '{other_example}'."),
    example="friday 2pm",
    other_example="tomorrow 10:00",
)
WEEKS_AS_DAYS = refuse(
    N_("'{words}' often means a week or two rather than a count of days."),
    N_("Write '{example}', '{other_example}' or the date."),
    example="in 1 week",
    other_example="in 2 weeks",
)


def with_part(hour: int, minute: int, part: str) -> str:
    """A time said with its part of the day ("3 de la tarde", "8 Uhr abends"), as "HH:MM".

    Written with two digits, so the reader takes it as said and never as a bare hour.
    "Night" is the evening from 6 to 11; 1 to 5 at night may be either side of midnight,
    and 12 noon or midnight, so those are asked about.
    """
    if not 0 <= hour <= 12 or minute >= 60:
        return f"{hour}:{minute:02d}"  # not a 12-hour clock: left for the reader to refuse
    if part == "am" and hour != 12:
        return f"{hour:02d}:{minute:02d}"
    if part == "pm" and hour != 0:
        return f"{hour % 12 + 12:02d}:{minute:02d}"
    if part == "night" and 6 <= hour <= 11:
        return f"{hour + 12}:{minute:02d}"
    if hour in (0, 12):
        raise UserError(
            _("Is {time} noon or midnight?").format(time=f"{hour}:{minute:02d}"),
            hint=_("Write '{noon}' for noon or '{midnight}' for midnight.").format(
                noon="tomorrow 12:00", midnight="tomorrow midnight"
            ),
        )
    raise UserError(
        _("Is {time} at night before or after midnight?").format(time=f"{hour}:{minute:02d}"),
        hint=_("Write it on a 24-hour clock, like '{example}'.").format(
            example=f"tomorrow {hour:02d}:{minute:02d}"
        ),
    )


def day_of_month(match: re.Match[str]) -> str:
    """A weekday with a number is a date there ("viernes 4", "vendredi 4"), not an hour."""
    return f"{match['day']} the {match['number']}th"


def to_english(text: str, vocabulary: Vocabulary) -> str:
    """`text` (casefolded) in the English words `timewords` reads; refuses what is unclear."""
    text = unaccented(text).replace("’", "'")
    text = _SPACES.sub(" ", _DECIMAL.sub(".", text).replace(",", " ")).strip()
    text = fix_words(
        text,
        day_words=vocabulary.day_words,
        not_typos=vocabulary.known | vocabulary.unclear,
        before_name=vocabulary.before_name,
    )
    for pattern, replacement in vocabulary.rules:
        text = _SPACES.sub(" ", pattern.sub(replacement, text)).strip()
    for word in _WORD.findall(text):
        if word in vocabulary.unclear:
            raise unclear(word)
    return text


def fix_words(
    text: str,
    *,
    day_words: tuple[str, ...],
    not_typos: frozenset[str],
    before_name: frozenset[str],
    shorthand: Mapping[str, str] | None = None,
) -> str:
    """Shorthand and typos of day words ("tmrw", "thrusday") to the words themselves.

    A name is not a typo: nothing after "with" or "and" is corrected ("call with Frida").
    """
    words: list[str] = []
    for word in text.split():
        fixed = (shorthand or {}).get(word)
        named = bool(words) and words[-1] in before_name
        if fixed is None and not named and word.isalpha() and len(word) >= 5:
            fixed = _typo(word, day_words, not_typos)
        words.append(fixed or word)
    return " ".join(words)


def _typo(word: str, day_words: tuple[str, ...], not_typos: frozenset[str]) -> str | None:
    """The day word `word` misspells: two letters swapped, or one off in a long word."""
    if word in day_words or word in not_typos:
        return None
    for i in range(len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swapped in day_words:
            return swapped
    close = difflib.get_close_matches(word, day_words, n=1, cutoff=0.85)
    return close[0] if close else None


def localize(phrase: str, vocabulary: Vocabulary) -> str:
    """An English suggestion ("next friday 10am") as the member's language writes it."""
    text = _MERIDIEM_TIME.sub(_on_24_hours, phrase)
    text = text.replace("end of next week", vocabulary.end_of_next_week)
    text = _IN_COUNT.sub(lambda m: _count(m, vocabulary), text)
    text = _NEXT_OR_LAST.sub(lambda m: _next_or_last(m, vocabulary), text)
    return _WORD.sub(lambda m: vocabulary.words.get(m[0], m[0]), text)


def localize_quotes(sentence: str, vocabulary: Vocabulary, typed: str) -> str:
    """Each quoted suggestion in `sentence` in the member's language; their own words stay."""

    def one(match: re.Match[str]) -> str:
        quoted = match[1]
        own = _as_typed(quoted, typed)
        if own is None and quoted.casefold() in typed.casefold():
            return match[0]
        return f"'{own or localize(quoted, vocabulary)}'"

    return _QUOTED.sub(one, sentence)


def _as_typed(quoted: str, typed: str) -> str | None:
    """The member's own words that `quoted` is, accents and all ("despues" -> "después")."""
    words = typed.split()
    count = len(quoted.split())
    for start in range(len(words) - count + 1):
        said = " ".join(words[start : start + count])
        if unaccented(said.strip(",.")).replace("’", "'") == quoted:
            return said.strip(",.")
    return None


def localized_error(error: UserError, vocabulary: Vocabulary, typed: str) -> UserError:
    """The same refusal, its suggestions written in the member's language."""
    hint = None if error.hint is None else localize_quotes(error.hint, vocabulary, typed)
    return UserError(
        localize_quotes(error.message, vocabulary, typed), hint=hint, field=error.field
    )


def _on_24_hours(match: re.Match[str]) -> str:
    hour = int(match[1]) % 12 + (12 if match[3] == "pm" else 0)
    return f"{hour:02d}:{match[2] or '00'}"


def _count(match: re.Match[str], vocabulary: Vocabulary) -> str:
    one, many = vocabulary.units[match[2]]
    return vocabulary.in_count.format(n=match[1], unit=one if match[1] == "1" else many)


def _next_or_last(match: re.Match[str], vocabulary: Vocabulary) -> str:
    day = match[2]
    native = vocabulary.words[day]
    feminine = day in vocabulary.feminine_days
    if match[1] == "last":
        said = vocabulary.last_day_feminine if feminine else vocabulary.last_day
    else:
        said = vocabulary.next_day_feminine if feminine else vocabulary.next_day
    return said.format(day=native)
