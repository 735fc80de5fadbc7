"""Dates in Portuguese: "amanhã às 15h", "sexta-feira 10h", "depois de amanhã de manhã".

"Amanhã" is tomorrow and "de manhã" the morning; "tarde" alone is the afternoon or "late",
and is refused; "daqui a 15 dias" often means two weeks, and is asked about. Brazil and
Portugal write the same dates. Rules: bot/domain/timevocab.py.
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

_DAY_STEMS = ("segunda", "terca", "quarta", "quinta", "sexta")
_DAYS = {
    **{
        f"{stem}{feira}": english
        for stem, english in zip(_DAY_STEMS, WEEKDAYS, strict=False)
        for feira in ("", "-feira", " feira")
    },
    **{
        f"{number}a{feira}": english
        for number, english in zip("23456", WEEKDAYS, strict=False)
        for feira in ("-feira", " feira")
    },
    "sabado": "saturday",
    "domingo": "sunday",
}
_SHORT_DAYS = dict(zip(("seg", "ter", "qua", "qui", "sex", "sab", "dom"), WEEKDAYS, strict=True))
_MONTH_NAMES = (
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
)
_MONTHS = {
    **dict(zip(("janeiro", "fevereiro", "marco", "abril", "maio", "junho"), MONTHS, strict=False)),
    **dict(
        zip(
            ("julho", "agosto", "setembro", "outubro", "novembro", "dezembro"),
            MONTHS[6:],
            strict=True,
        )
    ),
    **dict(zip(("jan", "fev", "mar", "abr", "mai", "jun"), MONTHS, strict=False)),
    **dict(zip(("jul", "ago", "set", "out", "nov", "dez"), MONTHS[6:], strict=True)),
}
_NUMBERS = {
    **dict.fromkeys(("um", "uma"), 1),
    **dict.fromkeys(("dois", "duas"), 2),
    **{"tres": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9},
    **{"dez": 10, "onze": 11, "doze": 12, "quinze": 15, "vinte": 20, "trinta": 30},
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
_IN = r"(?:em|daqui a|daqui|dentro de)"
_PARTS = {"manha": "am", "madrugada": "am", "tarde": "pm", "noite": "night"}
_PARTS_OF_DAY = (("manha", "morning"), ("tarde", "afternoon"), ("noite", "night"))

_PHRASES = {
    **dict.fromkeys(("depois de amanha", "depois d'amanha"), "the day after tomorrow"),
    **dict.fromkeys(("anteontem", "antes de ontem"), "2 days ago"),
    **{
        f"{lead} {part}": english
        for lead in ("hoje a", "hoje de", "esta", "essa", "nesta", "nessa", "hoje pela")
        for part, english in (("noite", "tonight"), ("tarde", "this afternoon"))
    },
    **dict.fromkeys(
        ("hoje de manha", "hoje pela manha", "esta manha", "essa manha", "nesta manha"),
        "this morning",
    ),
    **{
        f"{lead} {part}": english
        for lead in ("de", "pela", "na", "a", "durante a", "no periodo da")
        for part, english in _PARTS_OF_DAY
    },
    "amanha": "tomorrow",
    "hoje": "today",
    "agora": "now",
    "ontem": "yesterday",
    **dict.fromkeys(("meio-dia", "meio dia", "meiodia", "ao meio-dia", "ao meio dia"), "noon"),
    **dict.fromkeys(("meia-noite", "meia noite", "a meia-noite", "a meia noite"), "midnight"),
    **dict.fromkeys(
        ("fim do dia", "final do dia", "fim do expediente", "final do expediente"), "eod"
    ),
    **dict.fromkeys(
        (
            "fim da semana que vem",
            "final da semana que vem",
            "fim da proxima semana",
            "final da proxima semana",
        ),
        "end of next week",
    ),
    **dict.fromkeys(
        ("fim da semana", "final da semana", "fim desta semana", "final desta semana"),
        "end of week",
    ),
    **dict.fromkeys(("fim de semana", "final de semana"), "weekend"),
    **dict.fromkeys(("fim do mes", "final do mes"), "end of month"),
    **dict.fromkeys(("da semana que vem", "da proxima semana"), "of next week"),
    **dict.fromkeys(
        (
            *("semana que vem", "proxima semana", "a semana que vem", "na semana que vem"),
            *("na proxima semana", "semana seguinte"),
        ),
        "next week",
    ),
    **dict.fromkeys(("esta semana", "nesta semana", "essa semana"), "this week"),
    **dict.fromkeys(("mes que vem", "proximo mes", "o mes que vem"), "next month"),
}


def _part_of_day(match: re.Match[str]) -> str:
    """Read "3 da tarde" as 15:00, "10 da manhã" 10:00, "9 da noite" 21:00."""
    return with_part(int(match["h"]), minutes(match, "m"), _PARTS[match["part"]])


def _past(match: re.Match[str]) -> str:
    """Read "3 e meia" as 3:30, "3 e quinze" 3:15, "às 3 e 10" 3:10, "meio-dia e meia"."""
    hour = 12 if match["h"].startswith("meio") else int(match["h"])
    extra = {"meia": 30, "1 quarto": 15}.get(match["m"]) or int(match["m"])
    return clock(hour, extra) if extra < 60 else match[0]


def _to(match: re.Match[str]) -> str:
    """Read "quinze para as três" as 2:45; "três menos um quarto" too (Portugal)."""
    before = 15 if match["m"] in ("quarto", "1 quarto") else int(match["m"])
    return clock(int(match["h"]), -before) if before < 30 else match[0]


_RULES = rules(
    (
        rf"\b{_IN} (?:8|oito|15|quinze) dias\b",
        WEEKS_AS_DAYS,
    ),
    (
        r"\b(?:segundas|tercas|quartas|quintas|sextas)(?:-feiras)?\b|\b(?:sabados|domingos)\b",
        EVERY_WEEK,
    ),
    zone_words(
        "horario|hora",
        {
            **dict.fromkeys(("brasilia", "brasil"), "sao paulo"),
            **dict.fromkeys(("lisboa", "portugal"), "lisbon"),
            **dict.fromkeys(("acores", "dos acores"), "azores"),
            **dict.fromkeys(("nova york", "nova iorque"), "new york"),
            "londres": "london",
        },
    ),
    (r"(?<=\d) dez\b", " dezembro"),  # "5 dez" is December, "às dez" ten
    numbers(_NUMBERS),
    (rf"\b{_IN} (?:1 )?meia hora\b", "in 30 minutes"),
    (rf"\b{_IN} (\d+) horas? e meia\b", lambda m: f"in {int(m[1]) * 60 + 30} minutes"),
    (rf"\b{_IN} (\d+(?:\.\d+)?) ({_UNIT})\b", lambda m: f"in {m[1]} {_UNITS[m[2]]}"),
    (
        rf"\bha (\d+) ({_UNIT})\b|\b(\d+) ({_UNIT}) atras\b",
        lambda m: f"{m[1] or m[3]} {_UNITS[m[2] or m[4]]} ago",
    ),
    (r"\b(\d{1,2}) ?h ?([0-5]\d)\b", r"\1:\2"),
    (r"\b(\d{1,2}) ?(?:h|hs|hrs|horas?)\b(?! ?\d)", r"\1:00"),
    (
        r"\b(?P<h>\d{1,2}|meio-dia|meio dia)(?::00)? e (?P<m>meia|1 quarto|15)\b(?![:.])",
        _past,
    ),
    (r"\bas (?P<h>\d{1,2}) e (?P<m>\d{1,2})\b(?![:.])", lambda m: f"as {_past(m)}"),
    (r"\b(?P<m>\d{1,2}) para as (?P<h>\d{1,2})\b(?![:.])", _to),
    (r"\b(?P<h>\d{1,2}) menos (?P<m>1 quarto|quarto|\d{1,2})\b(?![:.])", _to),
    (
        r"\b(?P<h>\d{1,2})(?::(?P<m>\d\d))? da (?P<part>manha|madrugada|tarde|noite)\b",
        _part_of_day,
    ),
    (rf"\b(?:das|de|da|desde as|desde) ({TIME}) (?:as|a|ate as|ate) ({TIME})\b", r"\1-\2"),
    between_times("entre", "e", "as?"),
    phrases(_PHRASES),
    *calendar(_DAYS, _SHORT_DAYS, _MONTHS),
    (rf"\b(?:a |na |no )?(?:proxima|proximo) ({WEEKDAY})\b", r"next \1"),
    (rf"\b({WEEKDAY}) (?:que vem|proxima|proximo)\b", r"next \1"),
    (rf"\b({WEEKDAY}) (?:passada|passado|anterior)\b", r"last \1"),
    (rf"\b(?:esta|nesta|essa|nessa|este|neste|esse|nesse) ({WEEKDAY})\b", r"this \1"),
    (
        rf"\b(?P<day>{WEEKDAY}) (?:dia )?(?P<number>\d{{1,2}})\b(?![:./-]|h|am|pm| (?:{MONTH}))",
        day_of_month,
    ),
    (rf"\b(?:o |no )?dia (\d{{1,2}})\b(?![:./-]|h| (?:{MONTH}))", r"the \1th"),
    (rf"\b(?:o |no )?dia (?=\d{{1,2}}(?:[/.-]\d| (?:{MONTH})))", ""),  # "dia 3/12", "dia 3 de maio"
    (r"\b(?:as|a|ao) (?=\d|noon|midnight)", "at "),
    (
        r"\b(?:de|do|da|desde) \S+ (?:a|ao|ate|as) \S+",
        SPANS_DAYS,
    ),
    (r"^(?:ate|para) ", "until "),
    (r"\b(?:o|os|a|as|no|na|nos|nas|do|da|dos|das|de|em|ao|aos|pelo|pela|para)\b", " "),
    AT_HOUR,
    and_between("e"),
)

VOCABULARY = Vocabulary(
    code="pt",
    rules=_RULES,
    unclear=frozenset(
        {
            *("semana", "semanas", "mes", "meses", "ano", "anos", "dia", "dias", "hora", "horas"),
            *("passada", "passado", "proxima", "proximo", "seguinte", "daqui", "dentro"),
            *("pouco", "instante"),
            *("segundas", "tercas", "quartas", "quintas", "sextas", "sabados", "domingos"),
            *("ou", "cada", "todo", "toda", "todos", "todas", "antes", "depois", "entre"),
            *("exceto", "salvo", "menos", "talvez", "quica", "provavelmente", "possivelmente"),
            *("cedo", "tarde", "logo", "breve", "mais", "nunca", "nao", "nem", "la", "pelas"),
            *("volta", "cerca", "aproximadamente", "tipo", "inicio", "comeco", "meados"),
            *("fim", "final", "ate", "desde", "partir", "combinar", "definir", "confirmar"),
            *("madrugada", "manhas", "tardes", "noites", "semanal", "diario", "diariamente"),
            *("quinzena", "primeira", "primeiro", "ultima", "ultimo", "proximos", "proximas"),
        }
    ),
    known=words_of(_PHRASES, _NUMBERS, _UNITS, _PARTS, _MONTHS),
    day_words=(
        *("amanha", *_DAY_STEMS, "sabado", "domingo"),
        *(m for m in _MONTHS if len(m) >= 5),
    ),
    before_name=frozenset({"com", "e", "sr", "sra", "dr", "dra"}),
    words={
        "today": "hoje",
        "tomorrow": "amanhã",
        "tonight": "hoje à noite",
        "yesterday": "ontem",
        "at": "às",
        "noon": "meio-dia",
        "midnight": "meia-noite",
        "morning": "de manhã",
        "afternoon": "à tarde",
        **dict(
            zip(
                WEEKDAYS,
                ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo"),
                strict=True,
            )
        ),
        **dict(zip(MONTHS, _MONTH_NAMES, strict=True)),
    },
    next_day="próximo {day}",
    next_day_feminine="próxima {day}",
    feminine_days=frozenset(WEEKDAYS[:5]),
    last_day="{day} passado",
    last_day_feminine="{day} passada",
    in_count="em {n} {unit}",
    units={
        "day": ("dia", "dias"),
        "week": ("semana", "semanas"),
        "hour": ("hora", "horas"),
        "minute": ("minuto", "minutos"),
    },
    end_of_next_week="fim da semana que vem",
)
