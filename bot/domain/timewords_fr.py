"""Dates in French: "demain 10h", "vendredi 14h30", "après-demain matin", "lundi prochain".

Times are written "14h", "14h30" or "14 heures"; "dans 8 jours" and "dans quinze jours"
mean a week and two in speech, so they are asked about. Rules: bot/domain/timevocab.py.
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
    WEEKS_AS_DAYS,
    Vocabulary,
    and_between,
    between_times,
    calendar,
    clock,
    day_of_month,
    numbers,
    phrases,
    rules,
    with_part,
    words_of,
    zone_words,
)

_DAYS = dict(
    zip(
        ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        WEEKDAYS,
        strict=True,
    )
)
_SHORT_DAYS = dict(zip(("lun", "mar", "mer", "jeu", "ven", "sam", "dim"), WEEKDAYS, strict=True))
_MONTH_NAMES = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_MONTHS = {
    **dict(
        zip(
            ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout"),
            MONTHS,
            strict=False,
        )
    ),
    **dict(zip(("septembre", "octobre", "novembre", "decembre"), MONTHS[8:], strict=True)),
    **dict.fromkeys(("janv", "jan"), "january"),
    **dict.fromkeys(("fevr", "fev"), "february"),
    "avr": "april",
    "juil": "july",
    **dict.fromkeys(("sept", "sep"), "september"),
    "oct": "october",
    "nov": "november",
    "dec": "december",
}
_NUMBERS = {
    **dict.fromkeys(("un", "une"), 1),
    **{"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8},
    **{"neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20},
    "trente": 30,
}
_UNITS = {
    **dict.fromkeys(("minute", "minutes", "min", "mins", "mn"), "minutes"),
    **dict.fromkeys(("heure", "heures", "h"), "hours"),
    **dict.fromkeys(("jour", "jours"), "days"),
    **dict.fromkeys(("semaine", "semaines"), "weeks"),
    "mois": "months",
    **dict.fromkeys(("an", "ans", "annee", "annees"), "years"),
}
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_IN = r"(?:dans|d'ici)"
_PARTS = {
    "du matin": "am",
    "de l'apres-midi": "pm",
    "de l'apres midi": "pm",
    "de l'aprem": "pm",
    "du soir": "pm",
    "de la nuit": "night",
}
_PART = "|".join(_PARTS)
_AFTERNOON = ("apres-midi", "apres midi", "aprem")

_PHRASES = {
    **dict.fromkeys(("apres-demain", "apres demain", "apresdemain"), "the day after tomorrow"),
    **dict.fromkeys(("avant-hier", "avant hier"), "2 days ago"),
    **dict.fromkeys(("aujourd'hui", "aujourd hui", "aujourdhui", "auj"), "today"),
    "ce soir": "tonight",
    "ce matin": "this morning",
    **{f"{this} {part}": "this afternoon" for this in ("cet", "cette") for part in _AFTERNOON},
    **dict.fromkeys(
        ("matin", "le matin", "au matin", "matinee", "en matinee", "dans la matinee"), "morning"
    ),
    **{
        f"{lead}{part}": "afternoon" for lead in ("", "l'", "dans l'", "en ") for part in _AFTERNOON
    },
    **dict.fromkeys(("soir", "le soir", "soiree", "en soiree", "dans la soiree"), "evening"),
    "demain": "tomorrow",
    "maintenant": "now",
    "hier": "yesterday",
    "midi": "noon",
    "minuit": "midnight",
    **dict.fromkeys(
        (
            "fin de journee",
            "en fin de journee",
            "fin de la journee",
            "d'ici la fin de la journee",
            "d'ici ce soir",
        ),
        "eod",
    ),
    **dict.fromkeys(
        ("fin de la semaine prochaine", "la fin de la semaine prochaine"), "end of next week"
    ),
    **dict.fromkeys(
        ("fin de la semaine", "la fin de la semaine", "fin de cette semaine"), "end of week"
    ),
    **dict.fromkeys(("fin de semaine", "week-end", "weekend"), "weekend"),
    **dict.fromkeys(("fin du mois", "fin de mois", "la fin du mois"), "end of month"),
    **dict.fromkeys(("de la semaine prochaine", "de la semaine suivante"), "of next week"),
    **dict.fromkeys(
        ("la semaine prochaine", "semaine prochaine", "la semaine suivante"), "next week"
    ),
    "cette semaine": "this week",
    "le mois prochain": "next month",
}


def _part_of_day(match: re.Match[str]) -> str:
    """Read "3h de l'après-midi" as 15:00, "8h du soir" 20:00, "10h du matin" 10:00."""
    return with_part(int(match[1]), int(match[2]), _PARTS[match[3]])


def _plus(match: re.Match[str]) -> str:
    """Read minutes around the hour: "14h et demie", "midi et quart", "15h moins le quart"."""
    hour = {"midi": 12, "minuit": 0}.get(match["h"]) or int(match["h"])
    minute = int(match["m"] or 0)
    said = match["said"]
    change = {"et demie": 30, "et demi": 30, "et quart": 15}.get(said)
    if change is None:
        tail = said.split()[-1]
        change = -(15 if tail == "quart" else int(tail))
    return clock(hour, minute + change) if abs(change) < 60 else match[0]


_RULES = rules(
    (
        rf"\b{_IN} (?:8|huit|15|quinze) jours\b|\ben (?:huit|quinze)\b",
        WEEKS_AS_DAYS,
    ),
    (
        r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s\b",
        EVERY_WEEK,
    ),
    zone_words(
        "heure",
        {
            "londres": "london",
            "quebec": "montreal",
            **dict.fromkeys(("france", "francaise", "paris"), "paris"),
            "bruxelles": "brussels",
            "geneve": "zurich",
        },
    ),
    (r"\b1er\b|\bpremier(?= (?:" + "|".join(_MONTHS) + "))", "1"),
    (r"(?<=\d) sept\b", " september"),  # "5 sept" is the month, "à sept heures" seven
    numbers(_NUMBERS),
    (rf"\b{_IN} (?:1 )?(?:demi-heure|demi heure|1/2 heure)\b", "in 30 minutes"),
    (rf"\b{_IN} (\d+) heures? et demie\b", lambda m: f"in {int(m[1]) * 60 + 30} minutes"),
    (rf"\b{_IN} (\d+) ?h ?([0-5]\d)\b", lambda m: f"in {int(m[1]) * 60 + int(m[2])} minutes"),
    (rf"\b{_IN} (\d+(?:\.\d+)?) ?({_UNIT})\b", lambda m: f"in {m[1]} {_UNITS[m[2]]}"),
    (rf"\bil y a (\d+) ({_UNIT})\b", lambda m: f"{m[1]} {_UNITS[m[2]]} ago"),
    (r"\b(\d{1,2}) ?h ?([0-5]\d)\b", r"\1:\2"),
    (r"\b(\d{1,2}) ?(?:h|heures?)\b(?! ?\d)", r"\1:00"),
    (
        r"\b(?P<h>\d{1,2}|midi|minuit)(?::(?P<m>\d\d))? "
        r"(?P<said>et demie?|et quart|moins le quart|moins quart|moins \d{1,2})\b",
        _plus,
    ),
    (rf"\b(\d{{1,2}}):(\d\d) ({_PART})", _part_of_day),
    (rf"\bde ({TIME}) (?:a|jusqu'a) ({TIME})\b", r"\1-\2"),
    between_times("entre", "et"),
    phrases(_PHRASES),
    *calendar(_DAYS, _SHORT_DAYS, _MONTHS),
    (rf"\b({WEEKDAY}) (?:prochain|qui vient)\b", r"next \1"),
    (rf"\bprochain ({WEEKDAY})\b", r"next \1"),
    (rf"\b({WEEKDAY}) (?:dernier|passe)\b", r"last \1"),
    (rf"\bce ({WEEKDAY})\b", r"this \1"),
    (
        rf"\b(?P<day>{WEEKDAY}) (?P<number>\d{{1,2}})\b(?![:./-]|h|am|pm| (?:{MONTH}))",
        day_of_month,
    ),
    (rf"\ble (\d{{1,2}})\b(?![:./-]|h| (?:{MONTH}))", r"the \1th"),
    (r"\ba (?=\d|noon|midnight)", "at "),
    (
        r"\bdu \S+ au \S+|\bde \S+ a \S+",
        SPANS_DAYS,
    ),
    (r"^(?:jusqu'(?:a|au|a la)|pour|pour le|pour la|d'ici) ", "until "),
    (r"\b[ld]'|\b(?:le|la|les|du|de|des|au|aux|a|en|pour)\b", " "),
    AT_HOUR,
    and_between("et"),
)

VOCABULARY = Vocabulary(
    code="fr",
    rules=_RULES,
    unclear=frozenset(
        {
            *("semaine", "semaines", "mois", "an", "ans", "annee", "annees", "jour", "jours"),
            *("heure", "heures", "passee", "passe", "prochaine", "prochain", "suivante", "fin"),
            *("dans", "moment"),
            *("lundis", "mardis", "mercredis", "jeudis", "vendredis", "samedis", "dimanches"),
            *("ou", "chaque", "tous", "toutes", "avant", "apres", "entre", "sauf", "excepte"),
            *("peut", "peut-etre", "vers", "environ", "alentours", "tot", "tard", "bientot"),
            *("plus", "jamais", "pas", "ne", "ni", "quelque", "debut", "mi", "depuis"),
            *("jusqu", "partir", "confirmer", "definir", "nuit", "prochainement"),
            *("eventuellement", "probablement", "dernier", "derniere", "premier"),
            *("premiere", "prochains", "prochaines", "matins", "soirs", "hebdomadaire"),
            "quotidien",
        }
    ),
    known=words_of(_PHRASES, _NUMBERS, _UNITS, _PARTS, _MONTHS),
    day_words=("demain", *_DAYS, *(m for m in _MONTHS if len(m) >= 5)),
    before_name=frozenset({"avec", "et", "m", "mme", "dr"}),
    words={
        "today": "aujourd’hui",
        "tomorrow": "demain",
        "tonight": "ce soir",
        "yesterday": "hier",
        "at": "à",
        "noon": "midi",
        "midnight": "minuit",
        "morning": "matin",
        "afternoon": "après-midi",
        **dict(zip(WEEKDAYS, _DAYS, strict=True)),
        **dict(zip(MONTHS, _MONTH_NAMES, strict=True)),
    },
    next_day="{day} prochain",
    last_day="{day} dernier",
    in_count="dans {n} {unit}",
    units={
        "day": ("jour", "jours"),
        "week": ("semaine", "semaines"),
        "hour": ("heure", "heures"),
        "minute": ("minute", "minutes"),
    },
    end_of_next_week="fin de la semaine prochaine",
)
