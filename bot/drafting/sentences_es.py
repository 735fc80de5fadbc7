"""The sentences of a Spanish draft, framed the way a Spanish speaker frames them.

Members type notes in Spanish as fragments: "la migración a Kafka", "cuatro años de SQL",
"enviar el portafolio", "lideré la migración", "cómo es el onboarding". Each is read for
its shape and put in a frame that is grammatical for it, falling back to a colon frame that
takes any text. Frames that take a noun phrase do so after "sobre" or after "de", which
contracts with "el" ("del"); none of them makes a word agree with the note.

The sentences never address the reader: the template decides between "usted" (formal)
and "tú" (warm, concise), and a sentence here is read in both. Nor do they say anything
of the writer that Spanish marks for gender ("encantado", "interesada"): we do not know it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, time
from functools import lru_cache

from bot.drafting.notes import Note, Shape, upper_first
from bot.drafting.sentences import pick, words_in

__all__ = ["words_in"]  # the language-neutral helper, shared with English

INFORMATIONAL = "informational"
TECHNICAL = "technical"
SCREENS = ("recruiter_screen", "phone_screen")
STAGE_LABELS = {
    "recruiter_screen": "llamada con selección",
    "phone_screen": "entrevista telefónica",
    "technical": "entrevista técnica",
    "onsite": "entrevista",
    "panel": "entrevista con el panel",
    "final": "entrevista final",
    "informational": "entrevista informativa",
}
DAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
)  # fmt: skip
DAYS_SAID_BY_WEEKDAY = 6


def day_phrase(day: date, days_ago: int) -> str:
    """'hoy', 'ayer', 'el martes' within the week, else 'el 3 de noviembre'."""
    if days_ago == 0:
        return "hoy"
    if days_ago == 1:
        return "ayer"
    if 1 < days_ago <= DAYS_SAID_BY_WEEKDAY:
        return f"el {DAYS[day.weekday()]}"
    return f"el {day.day} de {MONTHS[day.month - 1]}"


def due_phrase(day: date, days_ahead: int, wall: time | None) -> str:
    """'antes del viernes al mediodía', 'mañana a las 15:00', 'antes del 4 de diciembre'."""
    if days_ahead <= 0:
        said = "hoy mismo" if wall is None else "hoy"
    elif days_ahead == 1:
        said = "mañana"
    elif days_ahead <= DAYS_SAID_BY_WEEKDAY:
        said = f"antes del {DAYS[day.weekday()]}"
    else:
        said = f"antes del {day.day} de {MONTHS[day.month - 1]}"
    if wall is None:
        return said
    if wall == time(12, 0):
        return f"{said} al mediodía"
    article = "la" if wall.hour == 1 else "las"  # "a la 1:00", "a las 15:00"
    return f"{said} a {article} {wall.hour}:{wall.minute:02d}"


# --- reading a note -----------------------------------------------------------------------

_TRAILING = re.compile(r"[\s.;:,!¡…]+$")
_LEADING = re.compile(r"^[\s¡…\-–—•*]+")
_WORD = re.compile(r"[^\W\d_][\w'’+#.\-]*[\w+#]|[^\W\d_]")
# A topic typed "sobre X" or "re: X": the frame says its own preposition.
_TOPIC_LEAD = re.compile(r"^(?:sobre|acerca de|respecto a|re:?)\s+", re.IGNORECASE)
_WH = (
    "qué|cómo|cuándo|cuánto|cuánta|cuántos|cuántas|cuál|cuáles|dónde|quién|quiénes|por qué|"
    "que|como|cuando|cuanto|cuanta|cuantos|cuantas|cual|cuales|donde|quien|quienes|por que"
)
_WH_START = re.compile(rf"^(?:{_WH})\b", re.IGNORECASE)
_IF_START = re.compile(r"^si\s+", re.IGNORECASE)
_YEARS = re.compile(
    r"^(?:(?:mis|unos|unas|casi|más de|mas de)\s+)?"
    r"(?:\d+\+?|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|"
    r"veinte|varios|muchos)\s+(?:años?|meses?)\b",
    re.IGNORECASE,
)
# A clause typed with its own subject or object pronoun: "me enseñó su tablero", "a ti te
# gustó".
_CLAUSE_START = re.compile(
    r"^(?:yo|tú|él|ella|ellos|ellas|nosotros|nosotras|me|te|nos|le|les|se|hay|ya|"
    r"a\s+(?:mí|ti|él|ella))\s",
    re.IGNORECASE,
)
# Finite verbs a note's clause is built on, and first-person pasts ("lideré", "reduje").
_FINITE = frozenset(
    {
        "es", "son", "era", "eran", "fue", "fueron", "está", "están", "estaba", "estaban",
        "tiene", "tienen", "tenía", "tenían", "hay", "había", "va", "van", "usa", "usan",
        "hace", "hacen", "trabaja", "trabajan", "busca", "buscan", "quiere", "quieren", "puede",
        "pueden", "será", "serán", "sería", "habrá", "dijo", "dijeron", "comentó", "contó",
        "mencionó", "explicó", "mostró", "enseñó", "reduje", "hice", "hicimos", "conduje",
        "construí", "escribí", "conseguí", "dirigí", "lideré", "diseñé", "migré", "automaticé",
        "implementé", "gestioné", "creé", "lancé", "desarrollé", "mejoré", "coordiné"
    }
)  # fmt: skip
_FIRST_PERSON_PAST = re.compile(r"^\w{3,}(?:é|í)$")
_INFINITIVE = re.compile(r"^\w{2,}(?:ar|er|ir|ír)(?:me|te|le|les|lo|la|los|las|nos|se)?$")
# Words ending like an infinitive that are nouns or adjectives a note may open with.
_NOT_INFINITIVE = frozenset(
    {
        "lugar", "hogar", "mar", "par", "bar", "altar", "collar", "militar", "familiar",
        "popular", "solar", "similar", "regular", "particular", "titular", "escolar", "celular",
        "nuclear", "calendar", "poder", "mujer", "taller", "líder", "lider", "cáncer", "máster",
        "master", "póster", "poster", "router", "docker", "server", "developer", "manager",
        "tester", "parser", "buffer", "layer", "power", "computer", "container", "designer",
        "player", "partner", "speaker", "writer", "leader", "elixir"
    }
)  # fmt: skip
_ARTICLE_START = re.compile(
    r"^(?:el|la|los|las|un|una|unos|unas|mi|mis|su|sus|tu|tus|nuestro|nuestra|nuestros|"
    r"nuestras|este|esta|estos|estas|ese|esa|esos|esas)\b",
    re.IGNORECASE,
)
_PLURAL_ARTICLE = re.compile(r"^(?:los|las|unos|unas|mis|sus|tus|nuestros|nuestras)\b", re.I)


def _clean(text: str) -> str:
    """The note without bullets, trailing stops and doubled spaces; '?' is kept."""
    text = " ".join(text.split())
    text = _LEADING.sub("", text)
    question = text.endswith("?")
    text = _TRAILING.sub("", text.rstrip("?")).strip()
    return f"{text}?" if question and text else text


@lru_cache(maxsize=4096)  # the same notes are read for every draft and reminder
def read_note(text: str, field: str | None = None) -> Note:
    """One Spanish note read into its shape."""
    cleaned = _clean(text)
    words = tuple(w.casefold() for w in _WORD.findall(cleaned))
    if not words:
        return Note("", Shape.UNCLEAR, ())
    cleaned = _TOPIC_LEAD.sub("", cleaned)
    return Note(cleaned, _shape(cleaned, words, asked=field == "questions"), ())


def _shape(text: str, words: tuple[str, ...], *, asked: bool) -> Shape:
    if text.endswith("?") or text.startswith("¿"):
        return Shape.QUESTION
    if asked and (_WH_START.match(text) or _IF_START.match(text)):
        return Shape.QUESTION
    if _WH_START.match(text):
        return Shape.NOUN_PHRASE  # "cómo migraron a Kafka": a topic, said after "sobre"
    if _YEARS.match(text):
        return Shape.YEARS
    first = words[0]
    if _ARTICLE_START.match(text):
        return Shape.CLAUSE if any(w in _FINITE for w in words[1:]) else Shape.NOUN_PHRASE
    if _CLAUSE_START.match(text) or first in _FINITE or _FIRST_PERSON_PAST.match(first):
        return Shape.CLAUSE
    if _INFINITIVE.match(first) and first not in _NOT_INFINITIVE:
        return Shape.TO_ACTION
    if any(w in _FINITE for w in words):
        return Shape.CLAUSE
    return Shape.NOUN_PHRASE


# --- speaking to the addressee ------------------------------------------------------------

# Third person singular -> tú where the ending rule below would be wrong.
_TU_IRREGULAR = {
    "es": "eres", "ha": "has", "dijo": "dijiste", "hizo": "hiciste", "tuvo": "tuviste",
    "puso": "pusiste", "propuso": "propusiste", "quiso": "quisiste", "vino": "viniste",
    "fue": "fuiste", "estuvo": "estuviste", "pudo": "pudiste", "supo": "supiste",
    "trajo": "trajiste", "dio": "diste", "vio": "viste", "pidió": "pediste",
    "sugirió": "sugeriste", "siguió": "seguiste", "consiguió": "conseguiste",
    "repitió": "repetiste", "prefirió": "preferiste", "advirtió": "advertiste",
    "sintió": "sentiste", "midió": "mediste", "eligió": "elegiste", "corrigió": "corregiste",
    "invirtió": "invertiste", "leyó": "leíste", "creyó": "creíste", "oyó": "oíste",
    "incluyó": "incluiste", "construyó": "construiste", "contribuyó": "contribuiste",
}  # fmt: skip
# Verbs whose subject is the thing, not the person ("me gustó su enfoque": the approach
# pleased me), by stem: after "me" they keep their form, after "le" only "le" changes.
_THING_IS_SUBJECT = re.compile(
    r"^(?:gust|encant|interes|sorprend|impresion|parec|qued|llam|preocup|alegr|motiv|cost|"
    r"cuest|falt|result|pas|ocurr|convenc|entusiasm|emocion|inspir|sirv|serv|fascin|agrad|"
    r"molest|import|apasion|toc|suen|son|permit|ayud)",
    re.IGNORECASE,
)
# A first-person verb after "le" ("le pregunté", "le envío"): "le" is the addressee.
_MY_VERB = re.compile(r"^\w{2,}(?:é|í|o)$|^(?:dije|hice|di|puse|traje|mandé)$", re.IGNORECASE)
_VERB = r"[a-záéíóúñü]+"
_CLITIC = r"(?:me|nos|lo|la|los|las)"
# What a person has: "su equipo" there is the addressee's, "la migración y sus riesgos" not.
_PERSONAL_NOUNS = frozenset(
    {
        "equipo", "equipos", "carrera", "trayectoria", "experiencia", "rol", "puesto", "cargo",
        "trabajo", "proyecto", "proyectos", "jefe", "jefa", "responsable", "manager", "consejo",
        "consejos", "opinión", "perspectiva", "recorrido", "área", "departamento", "compañeros",
        "compañeras", "colegas", "paso", "tiempo", "enfoque", "visión", "historia", "camino",
        "charla", "presentación", "ejemplo", "ejemplos", "pregunta", "preguntas", "interés",
        "estilo", "papel", "formación", "idea", "ideas", "propuesta", "recomendación",
        "recomendaciones", "ayuda", "tablero", "tableros", "día", "libro", "oficina", "empresa"
    }
)  # fmt: skip


def _tu_form(verb: str) -> str | None:
    """The tú form of a verb in the third person singular ('habló' -> 'hablaste'), or None."""
    low = verb.casefold()
    if low.endswith(("aste", "iste")):
        return None  # already said to them ("me contaste")
    if low in _TU_IRREGULAR:
        return _TU_IRREGULAR[low]
    if len(low) > 3 and low.endswith("ió"):
        return verb[:-2] + "iste"
    if len(low) > 2 and low.endswith("ó"):
        return verb[:-1] + "aste"
    if len(low) > 1 and low.endswith(("a", "e", "á")) and low not in _NOT_VERBS:
        return verb + "s"  # "lidera" -> "lideras", "enviará" -> "enviarás"
    return None


# Words after "él" or "ella" that end like a verb but are not one.
_NOT_VERBS = frozenset(
    {
        "de", "que", "la", "una", "este", "esta", "ese", "esa", "se", "me", "te", "siempre",
        "nunca", "ahora", "antes", "luego", "bastante", "apenas", "ya", "casi", "mientras",
        "sobre", "entre", "desde", "hasta", "como", "donde", "cuando", "pronto", "entonces"
    }
)  # fmt: skip
# Where a clause about the addressee may start: the note's start, or after "que", "y", ...
_CLAUSE = r"(?:^|(?<=\bque\s)|(?<=\by\s)|(?<=,\s)|(?<=\bpero\s)|(?<=\bporque\s))"


@lru_cache(maxsize=4096)  # the same notes are read for every draft and reminder
def addressed(
    text: str, names: Sequence[str] = (), others: Sequence[str] = (), *, familiar: bool = False
) -> str:
    """The note as said to its addressee: as typed for "usted", in the second person for "tú".

    "usted" takes the third person, so "me habló de su equipo" already speaks to them. A
    draft that says "tú" (`familiar`) turns it: "me hablaste de tu equipo", "le interesó"
    -> "te interesó", "Ana me contó" -> "me contaste", "con ella" -> "contigo". A note that
    names someone else, or says both "él" and "ella", is left as typed: the third person
    may be theirs. "su" becomes "tu" before what a person has (`_PERSONAL_NOUNS`) or at the
    start of the note, never "la migración y sus riesgos".
    """
    if not familiar:
        return text
    folded = text.casefold()
    if any(o and re.search(rf"\b{re.escape(o.casefold())}\b", folded) for o in others):
        return text
    if re.search(r"\bél\b", folded) and re.search(r"\bella\b", folded):
        return text
    forms = [re.escape(n) for n in sorted((n for n in names if n), key=len, reverse=True)]
    who = "|".join(["él", "ella", *forms])
    person = rf"(?:(?:el|la)\s+)?(?:{who})"
    out = re.sub(rf"\ba\s+{person}\s+le\b", "a ti te", text, flags=re.I)
    out = re.sub(rf"\b(?:el|la|los|las)\s+([\w-]+)\s+de\s+{person}\b", _yours, out, flags=re.I)
    out = re.sub(rf"\b(del|al)\s+([\w-]+)\s+de\s+{person}\b", _yours_contracted, out, flags=re.I)

    def subject(m: re.Match[str]) -> str:
        verb = _tu_form(m[2])
        if verb is None:
            return m[0]
        if m[1]:
            return f"{m[1]}{verb}"
        return f"tú {verb}" if m.start() == 0 else verb  # "me dijiste que eres CTO"

    out = re.sub(rf"{_CLAUSE}{person}\s+({_CLITIC}\s+)?({_VERB})\b", subject, out, flags=re.I)

    def spoken_to_me(m: re.Match[str]) -> str:
        verb = None if _THING_IS_SUBJECT.match(m[2]) else _tu_form(m[2])
        return f"{m[1]} {verb}" if verb else m[0]

    out = re.sub(
        rf"{_CLAUSE}(me|nos)\s+({_VERB})\b",
        spoken_to_me,
        out,
        flags=re.I,
    )

    def to_them(m: re.Match[str]) -> str:
        if _THING_IS_SUBJECT.match(m[2]) or _MY_VERB.match(m[2]):
            return f"{'T' if m[1][0] == 'L' else 't'}e {m[2]}"
        return m[0]

    out = re.sub(rf"\b(le)\s+({_VERB})\b", to_them, out, flags=re.I)
    out = re.sub(
        rf"\bse\s+(lo|la|los|las)\s+({_VERB})\b",
        lambda m: f"te {m[1]} {m[2]}" if _MY_VERB.match(m[2]) else m[0],
        out,
        flags=re.I,
    )
    out = re.sub(rf"\bcon\s+{person}\b", "contigo", out, flags=re.I)
    out = re.sub(r"\b(a|para|por|sobre|de|sin)\s+(?:él|ella)\b", r"\1 ti", out, flags=re.I)
    return re.sub(r"\b(su|sus)\s+([\w-]+)", _your_things, out, flags=re.I)


def _yours(m: re.Match[str]) -> str:
    """'los proyectos de Ana' -> 'tus proyectos'."""
    plural = m[0].casefold().startswith(("los", "las"))
    return f"{'tus' if plural else 'tu'} {m[1]}"


def _yours_contracted(m: re.Match[str]) -> str:
    """'del equipo de Ana' -> 'de tu equipo'."""
    return f"{'de' if m[1].casefold() == 'del' else 'a'} tu {m[2]}"


def _your_things(m: re.Match[str]) -> str:
    """'su equipo' -> 'tu equipo', at the note's start or before what a person has."""
    if m.start() and m[2].casefold() not in _PERSONAL_NOUNS:
        return m[0]
    mine = "tus" if m[1].casefold() == "sus" else "tu"
    return (mine.capitalize() if m[1][0].isupper() else mine) + f" {m[2]}"


def as_topic(note: Note) -> str | None:
    """The note after "sobre" or "de": a noun phrase, or a wh-clause ("cómo escalan")."""
    if note.shape is not Shape.NOUN_PHRASE or note.empty:
        return None
    return lower_first(note.text)


def join_items(items: Sequence[str]) -> str:
    """'A, B y C'; "e" before a word that sounds "i" ("SQL e informes")."""
    parts = [item for item in items if item]
    if len(parts) <= 1:
        return "".join(parts)
    last = parts[-1]
    conjunction = "e" if re.match(r"^(?:i|hi)(?![aeiouáéíóú])", last, re.IGNORECASE) else "y"
    return ", ".join(parts[:-1]) + f" {conjunction} " + last


def lower_first(text: str) -> str:
    """Lower a capital that only starts the note ("La migración"), never "SQL" or "Kafka".

    A capital is lowered only on a word Spanish writes lower-case: an article, a
    possessive, a preposition or an infinitive. Names of things keep theirs.
    """
    match = _WORD.match(text)
    if match is None:
        return text
    word = match.group(0)
    if not word[:1].isupper() or word[1:] != word[1:].lower():
        return text
    low = word.casefold()
    common = (
        _ARTICLE_START.match(low) is not None
        or _WH_START.match(low) is not None
        or low in _FINITE
        or low in _COMMON_OPENERS
        or (_INFINITIVE.match(low) is not None and low not in _NOT_INFINITIVE)
    )
    return text[0].lower() + text[1:] if common else text


_COMMON_OPENERS = frozenset(
    {
        "de", "del", "al", "a", "en", "con", "sin", "para", "por", "sobre", "entre", "desde",
        "hasta", "yo", "él", "ella", "ellos", "ellas", "me", "nos", "le", "les", "se", "lo",
        "si", "que", "también", "muy", "más", "menos", "mucho", "mucha", "muchos", "muchas",
        "poco", "varios", "varias", "algunos", "algunas", "todo", "toda", "todos", "todas",
        "otro", "otra", "otros", "otras", "cada"
    }
)  # fmt: skip
_STOP = frozenset(
    {
        "para", "como", "pero", "sobre", "entre", "desde", "hasta", "este", "esta", "estos",
        "estas", "todo", "toda", "todos", "todas", "equipo", "trabajo", "cuando", "donde",
        "porque", "tiene", "tienen", "nuestra", "nuestro"
    }
)  # fmt: skip


def related(a: str | None, b: str | None) -> bool:
    """Whether two notes share a content word (by its first five letters)."""
    if not a or not b:
        return False
    stems = {w[:5] for w in words_in(a)} - {w[:5] for w in _STOP}
    return not stems.isdisjoint({w[:5] for w in words_in(b)})


def _de(phrase: str) -> str:
    """'de' before a phrase, contracted with "el": "del equipo", "de la migración"."""
    if re.match(r"^el\s", phrase):
        return "del " + phrase[3:]
    return f"de {phrase}"


def _sentence(text: str) -> str:
    """The note as a sentence of its own after a colon: as typed, its first letter lowered."""
    return lower_first(text)


def _first_person(note: Note) -> bool:
    first = note.text.split()[0].casefold() if note.text else ""
    return first == "yo" or bool(_FIRST_PERSON_PAST.match(first))


# --- the sentences ------------------------------------------------------------------------


def personal(note: Note, variant: int, stage: str) -> str:
    """What the member talked about with this person, in a frame that fits the note."""
    topic = as_topic(note)
    if topic is not None:
        frames: tuple[str, ...]
        if stage == TECHNICAL:
            frames = (
                f"Disfruté especialmente de la conversación técnica sobre {topic}.",
                f"Lo mejor de la sesión fue analizar a fondo {topic}.",
                f"Me gustó mucho entrar en el detalle {_de(topic)}.",
                f"Fue un placer debatir sobre {topic}.",
            )
        else:
            frames = (
                f"Disfruté especialmente de nuestra conversación sobre {topic}.",
                f"Me quedo con lo que hablamos sobre {topic}.",
                f"Sigo dándole vueltas a lo que comentamos sobre {topic}.",
                f"Fue un placer conversar sobre {topic}.",
                f"Me alegró que tuviéramos tiempo de hablar sobre {topic}.",
            )
        return pick(frames, variant)
    return pick(
        (
            f"Me quedo con un momento de la conversación: {_sentence(note.text)}.",
            f"Hubo algo de la conversación que valoré mucho: {_sentence(note.text)}.",
        ),
        variant,
    )


def shared_topics(notes: Sequence[Note], stage: str, *, also: bool = False) -> str:
    """The panel's topics, the same sentence in every panelist's note."""
    topics = [as_topic(n) for n in notes]
    if all(t is not None for t in topics):
        # "de la arquitectura y de los contratos": Spanish repeats the preposition per item.
        listed = join_items([_de(t) for t in topics if t is not None])
        return f"También hablamos {listed}." if also else f"Disfruté hablando {listed}."
    lead = "También repasamos otros temas" if also else "Repasamos muchos temas"
    return f"{lead}: " + "; ".join(_sentence(n.text) for n in notes) + "."


def highlights(notes: Sequence[Note], variant: int) -> str | None:
    """What the member enjoyed most, in one sentence when the notes are all topics."""
    topics = [as_topic(n) for n in notes]
    if len(notes) > 1 and all(t is not None for t in topics):
        return f"Lo que más disfruté fue {join_items([t for t in topics if t is not None])}."
    lines = [_highlight(n, variant + i) for i, n in enumerate(notes)]
    return " ".join(lines) or None


def _highlight(note: Note, variant: int) -> str:
    topic = as_topic(note)
    if topic is not None and re.match(r"^mis?\b", topic, re.IGNORECASE):
        return f"Disfruté mucho presentando {topic}."  # the member's own work, shown
    if topic is not None:
        return pick(
            (f"Lo que más disfruté fue {topic}.", f"Para mí, lo mejor fue {topic}."), variant
        )
    return f"Para mí, lo mejor fue esto: {_sentence(note.text)}."


def strength(notes: Sequence[Note], variant: int, stage: str, *, tied: bool) -> str | None:
    """What the member brings, in one sentence; `tied` points back to the topic just said."""
    read = [(n, _what_i_bring(n)) for n in notes]
    brought = [b for _, b in read if b is not None]
    loose = [n for n, b in read if b is None]
    line: str | None = None
    if brought:
        bring = join_items(brought)
        if stage == INFORMATIONAL:
            line = f"La conversación me da ideas claras para seguir desarrollando {bring}."
        elif tied:
            line = pick(
                (
                    f"Precisamente ahí es donde más podría aportar gracias a {bring}.",
                    f"Es el tipo de trabajo en el que sacaría partido {_de(bring)}.",
                    f"Ahí es donde creo que podría aportar más, gracias a {bring}.",
                ),
                variant,
            )
        else:
            line = pick(
                (
                    f"Creo que podría aportar desde el primer día gracias a {bring}.",
                    f"Me encantaría poner {bring} al servicio del equipo.",
                    f"Confío en aportar mucho al equipo con {bring}.",
                    f"Espero poder aprovechar {bring} en este puesto.",
                ),
                variant,
            )
    rest = [_bring_colon(n, stage) for n in loose]
    return " ".join(x for x in (line, *rest) if x) or None


def _bring_colon(note: Note, stage: str) -> str:
    """A strength no noun phrase carries: a clause of the member's own ("lideré ...")."""
    if note.shape is Shape.CLAUSE and _first_person(note):
        said = upper_first(note.text)
        if stage == INFORMATIONAL:
            return f"{said}; la conversación me da ideas claras para seguir por ese camino."
        return f"{said}, y me encantaría aportar esa experiencia al equipo."
    if stage == INFORMATIONAL:
        said = _sentence(note.text)
        return f"La conversación me da ideas claras para seguir desarrollando mi perfil: {said}."
    return f"Lo que podría aportar al equipo: {_sentence(note.text)}."


_GERUND_IRREGULAR = {
    "ir": "yendo", "leer": "leyendo", "decir": "diciendo", "pedir": "pidiendo",
    "seguir": "siguiendo", "conseguir": "consiguiendo", "servir": "sirviendo",
    "medir": "midiendo", "repetir": "repitiendo", "elegir": "eligiendo",
    "corregir": "corrigiendo", "dirigir": "dirigiendo", "venir": "viniendo",
    "dormir": "durmiendo", "morir": "muriendo", "poder": "pudiendo",
}  # fmt: skip


def _gerund(verb: str) -> str | None:
    """'liderar' -> 'liderando', 'construir' -> 'construyendo'; None if it cannot."""
    low = verb.casefold()
    if low in _GERUND_IRREGULAR:
        return _GERUND_IRREGULAR[low]
    if re.search(r"[aeiou]ir$", low) or re.search(r"[aeo]er$", low):
        return low[:-2] + "yendo"  # construir, leer, traer
    if low.endswith("ar"):
        return low[:-2] + "ando"
    if low.endswith(("er", "ir")):
        return low[:-2] + "iendo"
    return None


def _what_i_bring(note: Note) -> str | None:
    """The strength as the member's noun phrase: "mis cuatro años de SQL"."""
    if note.empty:
        return None
    text = lower_first(note.text)
    if note.shape is Shape.YEARS:
        if re.match(r"^mis\b", text):
            return text
        if re.match(r"^(?:unos|unas|casi|más de|mas de)\b", text):
            return f"mis {text}" if text.startswith(("unos", "unas")) else f"más {_de(text)}"
        return f"mis {text}"
    if note.shape is Shape.TO_ACTION:
        verb, _, rest = text.partition(" ")
        gerund = _gerund(verb)
        return f"mi experiencia {gerund} {rest}".strip() if gerund else None
    if note.shape is not Shape.NOUN_PHRASE or _WH_START.match(text):
        return None
    if re.match(r"^(?:mi|mis)\b", text):
        return text
    if re.match(r"^experiencia\b", text, re.IGNORECASE):
        return f"mi {text}"
    return f"mi experiencia con {text}"


_INTEREST_SCREEN = (
    "Tengo mucho interés en el puesto y me encantaría avanzar en el proceso.",
    "Me encantaría pasar a la siguiente fase.",
    "Me haría mucha ilusión seguir adelante en el proceso.",
    "Sería un placer dar el siguiente paso.",
    "La llamada me dejó con aún más ganas de esta oportunidad.",
    "Ojalá podamos continuar la conversación en la próxima ronda.",
)
_INTEREST = (
    "Después de la entrevista, tengo aún más ganas de formar parte del equipo.",
    "La conversación confirmó mi interés por el puesto.",
    "Me encantaría incorporarme al equipo.",
    "Salí con todavía más ilusión por esta oportunidad.",
    "Sería un placer colaborar con el equipo.",
    "Conocer al equipo me ha dado aún más ganas de dar el paso.",
    "Me voy con más entusiasmo que nunca por la oportunidad.",
    "Me encantaría contribuir a lo que están construyendo.",
    "Tengo muchas ganas de sumarme al proyecto.",
    "Me ilusiona mucho la posibilidad de trabajar en este equipo.",
)


def interest(variant: int, stage: str, avoid: frozenset[str] = frozenset(), panel: int = 1) -> str:
    """The member's interest restated (the company is named in the sentence before)."""
    return pick(_INTEREST_SCREEN if stage in SCREENS else _INTEREST, variant, avoid, panel)


def correction(notes: Sequence[Note]) -> str:
    """A correction to an answer, called one."""
    said = "; ".join(_sentence(n.text) for n in notes)
    return f"Quisiera corregir una de mis respuestas: {said}."


def as_question(note: Note) -> str:
    """The note as one Spanish question, opened with "¿" and closed with "?"."""
    text = " ".join(re.sub(r"[¿?]", " ", note.text).split())  # marks set once, around it
    text = _IF_START.sub("", text)
    if _WH_START.match(text) or note.shape is Shape.QUESTION:
        return f"¿{lower_first(text)}?"
    return f"¿Sería posible saber más sobre {lower_first(text)}?"


def questions(notes: Sequence[Note]) -> str | None:
    """The questions the member meant to ask, asked, under one lead-in."""
    asked = [as_question(n) for n in notes]
    if not asked:
        return None
    if len(asked) == 1:
        return f"Me quedó una pregunta pendiente: {asked[0]}"
    return "Me quedaron algunas preguntas pendientes: " + " ".join(
        [asked[0], *(_upper_after_mark(q) for q in asked[1:])]
    )


def _upper_after_mark(question: str) -> str:
    """'¿cómo ...?' opening a sentence of its own: '¿Cómo ...?'."""
    return "¿" + upper_first(question[1:])


_DATE_WORDS = re.compile(
    r"\b(?:hoy|mañana|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|"
    r"semana|mediodía|mediodia|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    r"octubre|noviembre|diciembre|\d{1,2}[:/.]\d{1,2}|\d{1,2}\s?h)\b",
    re.IGNORECASE,
)
_DATE_LEAD = re.compile(r"\s+(?:antes de|antes del|para el|para|el|esta|este|la próxima)\b", re.I)
_LINK = re.compile(r"\b(?:enlace|link|url|web|repo|repositorio)\b", re.IGNORECASE)
_SEND_VERBS = re.compile(
    r"^(?:enviar|mandar|compartir|pasar|preparar|escribir|redactar|hacer llegar)(?:les|le|te)?\s+",
    re.IGNORECASE,
)
_TIMING_WORDS = re.compile(
    r"\b(?:decisi[oó]n|respuesta|noticias|novedades|resultado|feedback|plazos?|"
    r"pr[oó]ximos pasos|siguiente fase|calendario)\b",
    re.IGNORECASE,
)


def has_date(text: str) -> bool:
    """Whether a promise names its own date, so ours would say it twice."""
    return _DATE_WORDS.search(text) is not None


def my_promise(note: Note, due: str | None) -> str:
    """What the member promised, and by when."""
    text = lower_first(note.text)
    when = "" if due is None or has_date(text) else f" {due}"
    if note.shape is Shape.TO_ACTION:
        return f"Tal como quedamos, me encargo de {text}{when}."
    if note.shape is Shape.NOUN_PHRASE:
        return f"Tal como quedamos, enviaré {text}{when}."
    return f"Tal como quedamos: {text}{when}."


def sendable(note: Note) -> str:
    """What to attach: "enviar el portafolio antes del viernes" -> "el portafolio"."""
    text = _SEND_VERBS.sub("", lower_first(note.text)) or note.text
    for lead in _DATE_LEAD.finditer(text):
        found = _DATE_WORDS.search(text, lead.start())
        if found is not None and len(text[lead.start() : found.start()].split()) <= 2:
            text = text[: lead.start()].strip()
            break
    return text


def attachment(item: str, when: str) -> str:
    """The sentence that hands over what was promised `when`."""
    if _LINK.search(item):
        return f"Tal como quedamos {when}, comparto {item}."
    return f"Tal como quedamos {when}, adjunto {item}."


def about_timing(note: Note) -> bool:
    """Whether their promise is news to wait for (a decision, a date), not a favour."""
    return has_date(note.text) or _TIMING_WORDS.search(note.text) is not None


def their_promise(note: Note) -> str:
    """Thanks for what they offered, framed by the note's shape."""
    text = lower_first(note.text)
    if note.shape is Shape.TO_ACTION:
        return f"Agradezco mucho el ofrecimiento {_de(text)}."
    if note.shape is Shape.NOUN_PHRASE and about_timing(note):
        return f"Gracias también por adelantarme los plazos: {text}."
    if note.shape is Shape.NOUN_PHRASE:
        return f"Gracias también por {text}."
    return f"Gracias también por el aviso: {text}."


def their_promises(notes: Sequence[Note]) -> str | None:
    """Thanks for everything they offered, each in its own frame."""
    return " ".join(their_promise(n) for n in notes) or None


def their_promise_reminder(note: Note) -> str:
    """What they said of the timing, recalled in a status check as agreed between us."""
    text = lower_first(note.text)
    if note.shape is Shape.CLAUSE:
        return f"Cuando hablamos, quedamos en que {text}."
    if note.shape is Shape.NOUN_PHRASE:
        verb = "mencionaron" if _PLURAL_ARTICLE.match(text) else "mencionó"
        return f"Cuando hablamos, se {verb} {text}."
    return f"Cuando hablamos, quedó pendiente lo siguiente: {text}."
