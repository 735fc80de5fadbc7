"""Dates in Spanish: "mañana 15:00", "el viernes a las 3", "pasado mañana por la tarde".

"Mañana" is tomorrow and "la mañana" the morning, so the parts of the day are read first;
"tarde" alone is the afternoon or "late", and is refused. Rules: bot/domain/timevocab.py.
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
    minutes,
    numbers,
    phrases,
    rules,
    with_part,
    words_of,
    zone_words,
)

_DAYS = dict(
    zip(
        ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"),
        WEEKDAYS,
        strict=True,
    )
)
_SHORT_DAYS = dict(zip(("lun", "mar", "mie", "jue", "vie", "sab", "dom"), WEEKDAYS, strict=True))
_MONTH_NAMES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
_MONTHS = {
    **dict(zip(_MONTH_NAMES, MONTHS, strict=True)),
    **dict(zip(("ene", "feb", "mar", "abr"), MONTHS, strict=False)),
    **dict(zip(("jun", "jul", "ago", "sep", "oct", "nov", "dic"), MONTHS[5:], strict=True)),
    **dict.fromkeys(("setiembre", "sept", "set"), "september"),
}
_NUMBERS = {
    **dict.fromkeys(("un", "una", "uno"), 1),
    **{"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8},
    **{"nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20},
    **{"veinticinco": 25, "treinta": 30},
}
_UNITS = {
    **dict.fromkeys(("minuto", "minutos", "min", "mins"), "minutes"),
    **dict.fromkeys(("hora", "horas", "hr", "hrs", "h"), "hours"),
    **dict.fromkeys(("dia", "dias"), "days"),
    **dict.fromkeys(("semana", "semanas"), "weeks"),
    **dict.fromkeys(("mes", "meses"), "months"),
    **dict.fromkeys(("ano", "anos"), "years"),
}
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_PARTS = {"manana": "am", "madrugada": "am", "tarde": "pm", "noche": "night"}
_IN = r"(?:en|dentro de)"
_PARTS_OF_DAY = (("manana", "morning"), ("tarde", "afternoon"), ("noche", "night"))

_PHRASES = {
    "pasado manana": "the day after tomorrow",
    **dict.fromkeys(("anteayer", "antier", "antes de ayer"), "2 days ago"),
    "esta noche": "tonight",
    "esta tarde": "this afternoon",
    "esta manana": "this morning",
    **{
        f"{lead} {part}": english
        for lead in ("por la", "en la", "a la", "de la")
        for part, english in _PARTS_OF_DAY
    },
    "la manana": "morning",
    "la noche": "night",
    "manana": "tomorrow",
    "hoy": "today",
    "ahora": "now",
    "ayer": "yesterday",
    **dict.fromkeys(("mediodia", "el mediodia", "al mediodia"), "noon"),
    **dict.fromkeys(("medianoche", "la medianoche", "a medianoche"), "midnight"),
    **dict.fromkeys(
        (
            "fin de la semana que viene",
            "final de la semana que viene",
            "fin de la proxima semana",
            "final de la proxima semana",
        ),
        "end of next week",
    ),
    **dict.fromkeys(
        ("fin de la semana", "final de la semana", "fin de esta semana", "final de esta semana"),
        "end of week",
    ),
    "fin de semana": "weekend",
    **dict.fromkeys(("fin de mes", "fin del mes", "final de mes", "final del mes"), "end of month"),
    **dict.fromkeys(
        ("fin del dia", "final del dia", "fin de la jornada", "final de la jornada"), "eod"
    ),
    **dict.fromkeys(
        ("de la semana que viene", "de la proxima semana", "de la semana proxima"),
        "of next week",
    ),
    **dict.fromkeys(
        ("la semana que viene", "la proxima semana", "la semana proxima", "semana que viene"),
        "next week",
    ),
    "esta semana": "this week",
    **dict.fromkeys(("el mes que viene", "el proximo mes", "el mes proximo"), "next month"),
}


def _part_of_day(match: re.Match[str]) -> str:
    """Read "3 de la tarde" as 15:00, "10 de la mañana" 10:00, "11 de la noche" 23:00."""
    return with_part(int(match["h"]), minutes(match, "m"), _PARTS[match["part"]])


def _past(match: re.Match[str]) -> str:
    """Read minutes past the hour: "las 3 y media", "las 3 y cuarto", "las 3 y 10"."""
    extra = {"media": 30, "cuarto": 15}.get(match["m"]) or int(match["m"])
    return clock(int(match["h"]), extra) if extra < 60 else match[0]


def _to(match: re.Match[str]) -> str:
    """Read "las 3 menos cuarto" as 2:45, "las 3 menos 10" 2:50."""
    before = 15 if match["m"] == "cuarto" else int(match["m"])
    return clock(int(match["h"]), -before) if before < 60 else match[0]


_RULES = rules(
    (
        rf"\b{_IN} (?:8|ocho|15|quince) dias\b",
        WEEKS_AS_DAYS,
    ),
    (
        r"\blos (?:lunes|martes|miercoles|jueves|viernes|sabados|domingos)\b",
        EVERY_WEEK,
    ),
    zone_words(
        "hora",
        {
            "nueva york": "new york",
            "londres": "london",
            **dict.fromkeys(("ciudad de mexico", "cdmx", "mexico", "centro"), "mexico city"),
            **dict.fromkeys(("peninsular", "espana", "espanola"), "madrid"),
            **dict.fromkeys(("canarias", "canaria"), "canary"),
        },
    ),
    numbers(_NUMBERS),
    (rf"\b{_IN} (?:1 )?media hora\b", "in 30 minutes"),
    (rf"\b{_IN} (\d+) horas? y media\b", lambda m: f"in {int(m[1]) * 60 + 30} minutes"),
    (rf"\b{_IN} (\d+(?:\.\d+)?) ({_UNIT})\b", lambda m: f"in {m[1]} {_UNITS[m[2]]}"),
    (
        r"\b(?P<h>\d{1,2})(?::(?P<m>\d\d))? de la (?P<part>manana|madrugada|tarde|noche)\b",
        _part_of_day,
    ),
    (r"\b12 del dia\b", "noon"),  # Mexico: "a las 12 del día"
    (r"\b(?P<h>\d{1,2}) y (?P<m>media|cuarto)\b", _past),
    (r"\blas? (?P<h>\d{1,2}) y (?P<m>\d{1,2})\b(?![:.])", lambda m: f"las {_past(m)}"),
    (r"\b(?P<h>\d{1,2}) menos (?P<m>cuarto|\d{1,2})\b(?![:.])", _to),
    (r"\b(\d{1,2})(?::(\d\d))? ?(?:h|hs|hrs|horas?)\b", lambda m: f"{m[1]}:{m[2] or '00'}"),
    (rf"\b(?:de|desde) (?:las? )?({TIME}) (?:a|hasta) (?:las? )?({TIME})\b", r"\1-\2"),
    between_times("entre", "y", "las?"),
    phrases(_PHRASES),
    *calendar(_DAYS, _SHORT_DAYS, _MONTHS),
    (rf"\bhace (\d+) ({_UNIT})\b", lambda m: f"{m[1]} {_UNITS[m[2]]} ago"),
    (rf"\b(?:el )?(?:proximo|siguiente) ({WEEKDAY})\b", r"next \1"),
    (rf"\b({WEEKDAY}) (?:que viene|proximo|siguiente)\b", r"next \1"),
    (rf"\b({WEEKDAY}) (?:pasado|anterior)\b", r"last \1"),
    (rf"\beste ({WEEKDAY})\b", r"this \1"),
    (
        rf"\b(?P<day>{WEEKDAY}) (?P<number>\d{{1,2}})\b(?![:./-]|h|am|pm| (?:{MONTH}))",
        day_of_month,
    ),
    (rf"\b(?:el )?dia (\d{{1,2}})\b(?! (?:{MONTH}))", r"the \1th"),
    (rf"\bel (\d{{1,2}})\b(?![:./-]|h| (?:{MONTH}))", r"the \1th"),
    (r"\ba las?\b", "at"),
    (
        r"\b(?:del?|desde) \S+ (?:al?|hasta) \S+",
        SPANS_DAYS,
    ),
    (r"^(?:hasta|para) ", "until "),
    (r"\b(?:el|la|las|lo|los|de|del|al|a|en|por|para)\b", " "),
    AT_HOUR,
    and_between("y"),
)

VOCABULARY = Vocabulary(
    code="es",
    rules=_RULES,
    unclear=frozenset(
        {
            *("semana", "semanas", "mes", "meses", "ano", "anos", "dia", "dias", "hora", "horas"),
            *("pasada", "pasado", "proxima", "proximo", "siguiente", "fin", "final", "dentro"),
            *("rato", "estos", "estas"),
            *("o", "u", "cada", "todos", "todas", "antes", "despues", "desde", "entre"),
            *("excepto", "salvo", "menos", "quizas", "quiza", "talvez", "tal", "igual"),
            *("pronto", "temprano", "tarde", "tardes", "mas", "luego", "alrededor", "sobre"),
            *("hacia", "eso", "aprox", "aproximadamente", "cualquier", "algun", "alguna"),
            *("ni", "no", "nunca", "pendiente", "confirmar", "definir", "finales"),
            *("principios", "mediados", "comienzos", "hasta", "madrugada", "primer"),
            *("primera", "ultimo", "ultima", "proximos", "proximas", "sabados", "domingos"),
            *("mananas", "noches", "siempre", "semanal", "diario", "quincena"),
        }
    ),
    known=words_of(_PHRASES, _NUMBERS, _UNITS, _PARTS, _MONTHS),
    day_words=("manana", "pasado", *_DAYS, *(m for m in _MONTH_NAMES if len(m) >= 5)),
    before_name=frozenset({"con", "y", "sr", "sra", "dr", "dra"}),
    words={
        "today": "hoy",
        "tomorrow": "mañana",
        "tonight": "esta noche",
        "yesterday": "ayer",
        "at": "a las",
        "noon": "mediodía",
        "midnight": "medianoche",
        "morning": "por la mañana",
        "afternoon": "por la tarde",
        **dict(
            zip(
                WEEKDAYS,
                ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
                strict=True,
            )
        ),
        **dict(zip(MONTHS, _MONTH_NAMES, strict=True)),
    },
    next_day="el próximo {day}",
    last_day="el {day} pasado",
    in_count="en {n} {unit}",
    units={
        "day": ("día", "días"),
        "week": ("semana", "semanas"),
        "hour": ("hora", "horas"),
        "minute": ("minuto", "minutos"),
    },
    end_of_next_week="el final de la semana que viene",
)
