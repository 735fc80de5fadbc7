"""Die Sätze eines deutschen Entwurfs: German sentences framed to fit the note they carry.

German notes are typed as noun phrases mostly ("die Kafka-Migration", "Datenverträge",
"5 Jahre Python"), sometimes as a predicate without its subject ("hat mir ihr Monitoring
gezeigt", "meldet sich bis Freitag") or an infinitive ("die Folien schicken"). A noun phrase
after a preposition needs its case: "über" takes the accusative, so a note opening with
"der" (a masculine nominative) becomes "den", and one whose article we cannot settle ("ein",
"mein": masculine or neuter) goes after a colon, which any text fits. A bare singular gets
the apposition "das Thema ___", grammatical whatever its gender. Predicates are given "Sie"
as their subject, and put verb-last after "dass". The address is always "Sie".

Frames rotate with `variant` (the interviewer's place in a panel) so panelists' notes differ.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, time
from functools import lru_cache

from bot.domain.timevocab import MONTHS, WEEKDAYS
from bot.domain.timewords_de import VOCABULARY
from bot.drafting.notes import Note, Shape
from bot.drafting.sentences import _FRAME_WORD, pick, related

__all__ = ["related"]  # the English one compares word stems, whatever the language

INFORMATIONAL = "informational"
TECHNICAL = "technical"
SCREENS = ("recruiter_screen", "phone_screen")
STAGE_LABELS = {
    "recruiter_screen": "Erstgespräch",
    "phone_screen": "Telefoninterview",
    "technical": "technisches Interview",
    "onsite": "Vorstellungsgespräch",
    "panel": "Gespräch mit dem Team",
    "final": "abschließendes Gespräch",
    "informational": "Informationsgespräch",
}
DAYS_SAID_BY_WEEKDAY = 6
DAY_NAMES = tuple(VOCABULARY.words[d] for d in WEEKDAYS)
MONTH_NAMES = tuple(VOCABULARY.words[m] for m in MONTHS)


def day_phrase(day: date, days_ago: int) -> str:
    """'heute', 'gestern', 'am Dienstag' within the week, else 'am 3. November'."""
    if days_ago == 0:
        return "heute"
    if days_ago == 1:
        return "gestern"
    if 1 < days_ago <= DAYS_SAID_BY_WEEKDAY:
        return f"am {DAY_NAMES[day.weekday()]}"
    return f"am {day.day}. {MONTH_NAMES[day.month - 1]}"


def due_phrase(day: date, days_ahead: int, wall: time | None) -> str:
    """'bis Freitag um 12 Uhr', 'bis morgen', 'bis zum 4. Dezember': the 24-hour clock."""
    if days_ahead <= 0:
        said = "heute"
    elif days_ahead == 1:
        said = "morgen"
    elif days_ahead <= DAYS_SAID_BY_WEEKDAY:
        said = DAY_NAMES[day.weekday()]
    else:
        said = f"zum {day.day}. {MONTH_NAMES[day.month - 1]}"
    if wall is None:
        return f"bis {said}"
    minutes = f":{wall.minute:02d}" if wall.minute else ""
    return f"bis {said} um {wall.hour}{minutes} Uhr"


# --- reading a note -----------------------------------------------------------------------

_WORD = re.compile(r"[^\W_](?:[\w+#]|['’.\-/](?=[^\W_]))*[+#]*")
_TRAILING = re.compile(r"[\s.;:,!…]+$")
_LEADING = re.compile(r"^[\s\-–•*;:,.]+|^\d+[.)]\s+")
# Articles and determiners that already read as accusative after "über", "für", "anbei".
_ACCUSATIVE_READY = frozenset(
    {"die", "das", "den", "eine", "einen", "meine", "meinen", "unsere", "unseren", "ihre",
     "ihren", "diese", "diesen", "dieses", "alle", "beide", "zwei", "drei", "vier", "fünf"}
)  # fmt: skip
# Masculine or neuter alike ("ein Link", "ein Dokument"): the case cannot be settled.
_AMBIGUOUS = frozenset({"ein", "mein", "kein", "unser", "ihr", "sein", "dem", "einem", "des"})
_PRONOUNS = frozenset({"ich", "du", "er", "sie", "es", "wir", "ihr", "man"})
_WH = frozenset(
    {"wie", "was", "warum", "wann", "wo", "wer", "welche", "welcher", "welches", "wieso",
     "weshalb", "wohin", "woher", "womit", "worauf", "wieviel", "ob"}
)  # fmt: skip
_YEARS = re.compile(
    r"^(?:\d+\+?|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|mehrere|einige|"
    r"knapp|fast|über)\s+(?:\w+\s+)?(?:Jahre?n?|Monate?n?)\b",
    re.I,
)
# A note's predicate, its subject left out: the third person singular, said to "Sie".
_THIRD_PERSON = {
    "hat": "haben", "ist": "sind", "war": "waren", "wird": "werden", "will": "wollen",
    "kann": "können", "möchte": "möchten", "muss": "müssen", "soll": "sollen",
    "hatte": "hatten", "gibt": "geben", "nimmt": "nehmen", "sieht": "sehen", "lädt": "laden",
    "zeigt": "zeigen", "zeigte": "zeigten", "erklärt": "erklären", "erklärte": "erklärten",
    "schickt": "schicken", "meldet": "melden", "stellt": "stellen", "erzählt": "erzählen",
    "erzählte": "erzählten", "sendet": "senden", "macht": "machen", "plant": "planen",
    "bietet": "bieten", "leitet": "leiten", "führt": "führen", "baut": "bauen",
    "fragt": "fragen", "klärt": "klären", "schaut": "schauen", "prüft": "prüfen",
    "teilt": "teilen", "gab": "gaben", "stellte": "stellten", "sprach": "sprachen",
}  # fmt: skip
# "meldet sich ... zurück": the particle joins its verb again at the end of a "dass" clause.
_PARTICLES = frozenset({"zurück", "an", "auf", "vor", "mit", "zu", "ein", "durch", "nach",
                        "aus", "weiter", "vorbei", "bereit", "fest"})  # fmt: skip
_PARTICIPLE = re.compile(r"^(?:ge\w+(?:t|en)|\w+iert|\w+(?:ver|be|er|ent|über|um)\w*(?:t|en))$")
_INFINITIVE = re.compile(r"^[a-zäöüß]+(?:en|ern|eln)$")
_NOT_INFINITIVE = frozenset({"den", "einen", "meinen", "unseren", "ihren", "diesen", "allen",
                             "wen", "denen", "ihnen", "eigenen", "neuen", "guten", "ersten",
                             "offenen", "nächsten", "letzten", "morgen"})  # fmt: skip
_FEMININE = re.compile(r"(?:ung|heit|keit|ion|tät|schaft|ik|ur|enz|anz|ie|ei)$")
_DATE_WORDS = re.compile(
    r"\b(?:heute|morgen|übermorgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag|nächste[nr]? woche|diese[rn]? woche|ende (?:der|nächster) woche|"
    r"januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    r"\d{1,2}\.\d{1,2}\.?|\d{1,2}(?::\d{2})? uhr|mittag|feierabend)\b",
    re.I,
)
_DATE_LEAD = re.compile(r"\s+(?:bis|am|zum|bis zum|spätestens|ab)\s*$", re.I)
_TIMING_WORDS = re.compile(
    r"(?:entscheid|rückmeld|feedback|zeitplan|melde|bescheid|nächsten? schritt|antwort|"
    r"ergebnis|news|update)",
    re.I,
)
_LINK = re.compile(r"\b(?:link|url|website|repo|repository)", re.I)


def _clean(text: str) -> str:
    """One line, single spaces, a bullet and trailing .;:,! trimmed ('?' kept)."""
    flat = _LEADING.sub("", _TRAILING.sub("", " ".join(text.split())))
    flat = re.sub(r"\bw/(?=\s)", "mit", flat)
    return flat if _WORD.search(flat) else ""


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


@lru_cache(maxsize=4096)  # the same notes are read for every draft and reminder
def read_note(text: str, field: str | None = None) -> Note:
    """A German note read into its shape: noun phrase, predicate, infinitive, question, ..."""
    cleaned = _clean(text)
    words = _words(cleaned)
    if not words:
        return Note("", Shape.UNCLEAR, ())
    return Note(cleaned, _shape(cleaned, words, asked=field == "questions"), (cleaned,))


def _shape(text: str, words: list[str], *, asked: bool) -> Shape:
    first = words[0]
    if text.endswith("?") or (asked and first in _WH):
        return Shape.QUESTION
    if first in _WH:
        return Shape.CLAUSE  # "wie das Team Reviews macht": a topic no preposition takes
    if _YEARS.match(text):
        return Shape.YEARS
    if (first in _PRONOUNS and text[:1].islower()) or first == "ich":
        return Shape.CLAUSE
    if first in _THIRD_PERSON:
        return Shape.PREDICATE
    last, typed_last = words[-1], text.rsplit(maxsplit=1)[-1]
    if len(words) > 1 and _PARTICIPLE.match(last) and typed_last[:1].islower():
        return Shape.PREDICATE  # "die Migration auf Kafka geleitet": the member's own work
    if len(words) > 1 and _INFINITIVE.match(typed_last) and last not in _NOT_INFINITIVE:
        return Shape.TO_ACTION  # "die Folien schicken"
    if any(w in {"ist", "sind", "war", "hat", "haben", "wird", "dass", "weil"} for w in words):
        return Shape.CLAUSE
    if text[:1].isupper() or first in _ACCUSATIVE_READY or first in _AMBIGUOUS or first == "der":
        return Shape.NOUN_PHRASE
    return Shape.UNCLEAR


# --- the addressee ------------------------------------------------------------------------

_POSSESSIVE = re.compile(r"\b(?:sein|ihr)(e[mnrs]?|)\b")


@lru_cache(maxsize=4096)  # the same notes are read for every draft and reminder
def addressed(
    text: str, names: Sequence[str] = (), others: Sequence[str] = (), *, familiar: bool = False
) -> str:
    """The note said to its addressee: "sein Team", "Annas Team" -> "Ihr Team".

    Only where the note names nobody else of the panel: "ihr" may mean someone else's then.
    German drafts always say "Sie", so `familiar` changes nothing.
    """
    folded = text.casefold()
    if any(o.casefold() in folded for o in others if o):
        return text
    for name in sorted((n for n in names if n), key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}(?:s|’|')(?=\s)", "Ihr", text)
    return _POSSESSIVE.sub(lambda m: "Ihr" + m.group(1), text)


def _accusative(text: str) -> str | None:
    """The noun phrase as "über ___" takes it, or None where its case cannot be settled."""
    words = text.split()
    first = words[0].casefold()
    if first == "der":  # a masculine nominative: "der neue Ansatz" -> "den neuen Ansatz"
        rest = [w + "n" if w.endswith("e") and w.islower() else w for w in words[1:]]
        return " ".join(["den", *rest])
    if first in _ACCUSATIVE_READY:
        return text
    if first in _AMBIGUOUS or not text[:1].isupper():
        return None
    noun = re.split(r"[-\s]", words[-1])[-1]
    if len(words) == 1 and _FEMININE.search(noun):
        return f"die {text}"  # "Kafka-Migration" -> "die Kafka-Migration"
    if len(words) == 1 and re.search(r"(?:en|er|e|s)$", noun) and not noun.endswith("ment"):
        return text  # a plural or a mass noun: "Datenverträge", "Code-Reviews"
    return f"das Thema {text}"


def as_topic(note: Note) -> str | None:
    """The note as the object of "über ___" (accusative), or None if no case fits it."""
    if note.shape is not Shape.NOUN_PHRASE:
        return None
    return _accusative(note.text)


def join_items(items: Sequence[str]) -> str:
    """'A', 'A und B', 'A, B und C' (German sets no comma before "und")."""
    parts = [item for item in items if item]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " und " + parts[-1]


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _after_colon(note: Note) -> str:
    """A note to follow a colon: a whole sentence opens with a capital, as German writes it."""
    if note.shape is Shape.CLAUSE and note.text.split()[0].casefold() in _PRONOUNS:
        return _upper(note.text)
    said = _sie_clause(note)
    return said if said is not None else note.text


def _sie_clause(note: Note) -> str | None:
    """A predicate without its subject, given "Sie": "meldet sich" -> "Sie melden sich"."""
    if note.shape is not Shape.PREDICATE:
        return None
    first, _, rest = note.text.partition(" ")
    verb = _THIRD_PERSON.get(first.casefold())
    return f"Sie {verb} {rest}".strip() if verb else None


def _verb_last(clause: str) -> str:
    """A main clause "Sie melden sich zurück" as a "dass" clause: "Sie sich zurückmelden"."""
    subject, verb, *rest = clause.split()
    if rest and rest[-1].casefold() in _PARTICLES:
        return " ".join([subject, *rest[:-1], rest[-1] + verb])
    return " ".join([subject, *rest, verb])


# Words of 4+ letters every German sentence uses: a frame need not avoid them.
_FUNCTION_WORDS = frozenset(
    {"mich", "mir", "sehr", "gern", "ihnen", "ihre", "ihren", "ihrem", "ihr", "würde",
     "habe", "haben", "noch", "auch", "dass", "eine", "einen", "einer", "dies", "diese",
     "über", "mein", "meine", "meinen", "meiner", "sich", "nach", "unser", "unsere",
     "unseren", "unserem", "wenn", "weil", "oder", "aber", "schon", "immer"}
)  # fmt: skip


def words_in(*texts: str | None) -> frozenset[str]:
    """The content words of nearby sentences, which a frame should not say again."""
    found = (w.casefold() for t in texts if t for w in _FRAME_WORD.findall(t))
    return frozenset(w for w in found if w not in _FUNCTION_WORDS)


# --- the sentences ------------------------------------------------------------------------


def personal(note: Note, variant: int, stage: str) -> str:
    """What the member discussed with this person, in a frame that fits the note."""
    topic = as_topic(note)
    if topic is not None:
        if stage == TECHNICAL:
            frames: tuple[str, ...] = (
                f"Besonders gern habe ich mit Ihnen über {topic} diskutiert.",
                f"Die fachliche Diskussion über {topic} war für mich der spannendste Teil.",
                f"Es hat mir Spaß gemacht, mit Ihnen {topic} im Detail durchzugehen.",
                f"Unser Austausch über {topic} hat mir sehr gefallen.",
            )
        else:
            frames = (
                f"Besonders gefallen hat mir unser Austausch über {topic}.",
                f"Ihre Sicht auf {topic} ist mir in Erinnerung geblieben.",
                f"Gern denke ich an unser Gespräch über {topic} zurück.",
                f"Was Sie über {topic} erzählt haben, hat mein Interesse noch verstärkt.",
                f"Schön, dass wir Zeit hatten, über {topic} zu sprechen.",
            )
        return pick(frames, variant)
    said = _sie_clause(note)
    if said is not None:
        clause = _verb_last(said)
        return pick(
            (
                f"Besonders gefreut hat mich, dass {clause}.",
                f"Ich fand es sehr schön, dass {clause}.",
                f"Gern erinnere ich mich daran, dass {clause}.",
            ),
            variant,
        )
    return pick(
        (
            f"Besonders in Erinnerung geblieben ist mir: {_after_colon(note)}.",
            f"Ein Teil unseres Gesprächs geht mir noch nach: {_after_colon(note)}.",
        ),
        variant,
    )


def shared_topics(notes: Sequence[Note], stage: str, *, also: bool = False) -> str:
    """The panel's topics, the same sentence in each panelist's note."""
    topics = [as_topic(n) for n in notes]
    if all(t is not None for t in topics):
        listed = join_items([t for t in topics if t is not None])
        if also:
            return f"Außerdem haben wir über {listed} gesprochen."
        return f"Sehr interessant fand ich unseren Austausch über {listed}."
    said = "; ".join(_after_colon(n) for n in notes)
    if also:
        return f"Außerdem ging es um Folgendes: {said}."
    if len(notes) == 1:
        return f"Ein Thema ist mir besonders im Kopf geblieben: {said}."
    return f"Wir haben über vieles gesprochen: {said}."


def highlights(notes: Sequence[Note], variant: int) -> str | None:
    """The moments the member singled out, in one sentence when they are all topics."""
    topics = [as_topic(n) for n in notes]
    if notes and all(t is not None for t in topics):
        listed = join_items([t for t in topics if t is not None])
        return pick(
            (
                f"Besonders spannend fand ich {listed}.",
                f"Ein Höhepunkt war für mich die Diskussion über {listed}.",
            ),
            variant,
        )
    lines = [f"Ein Höhepunkt für mich: {_after_colon(n)}." for n in notes]
    return " ".join(lines) or None


def strength(notes: Sequence[Note], variant: int, stage: str, *, tied: bool) -> str | None:
    """What the member brings: their own work said in the perfect, anything else after a colon.

    `tied` means the sentence before named this person's topic, so "Genau dazu" may point
    back to it.
    """
    done = [n for n in notes if n.shape is Shape.PREDICATE and _sie_clause(n) is None]
    rest = [n for n in notes if n not in done]
    lines: list[str] = []
    if done:
        said = join_items([n.text for n in done])
        if stage == INFORMATIONAL:
            lines.append(
                f"Ich habe {said}, und Ihre Ratschläge zeigen mir, wie ich darauf aufbauen kann."
            )
        elif tied:
            lines.append(f"Genau dazu passt, dass ich {said} habe.")
        else:
            lines.append(
                pick(
                    (
                        f"Ich habe {said} und würde diese Erfahrung gern in Ihr Team einbringen.",
                        f"Da ich {said} habe, könnte ich von Anfang an etwas beitragen.",
                        f"Ich habe {said}; diese Erfahrung möchte ich gern bei Ihnen einsetzen.",
                    ),
                    variant,
                )
            )
    if rest:
        listed = "; ".join(_after_colon(n) for n in rest)
        if stage == INFORMATIONAL:
            lines.append(
                f"Ihre Ratschläge helfen mir, auf meinem Hintergrund aufzubauen: {listed}."
            )
        elif tied:
            lines.append(f"Genau dafür bringe ich passende Erfahrung mit: {listed}.")
        else:
            lines.append(
                pick(
                    (
                        f"Gern bringe ich meine Erfahrung ein: {listed}.",
                        f"Einbringen kann ich vor allem Folgendes: {listed}.",
                        f"Mit diesem Hintergrund möchte ich zum Team beitragen: {listed}.",
                        f"Was ich mitbringe: {listed}.",
                    ),
                    variant,
                )
            )
    return " ".join(lines) or None


_INTEREST_SCREEN = (
    "Die Stelle interessiert mich sehr, und ich würde mich freuen, den Prozess fortzusetzen.",
    "Über die Einladung zur nächsten Runde würde ich mich sehr freuen.",
    "Gern setze ich den Bewerbungsprozess fort.",
    "Gern würde ich den nächsten Schritt gehen.",
    "Das Telefonat hat mein Interesse an der Aufgabe noch verstärkt.",
    "Ich würde das Gespräch sehr gern in der nächsten Runde fortsetzen.",
)
_INTEREST = (
    "Nach unserem Kennenlernen würde ich noch lieber in Ihrem Team arbeiten.",
    "Das Gespräch hat mein Interesse an der Stelle bestätigt.",
    "Ich würde mich sehr freuen, Teil Ihres Teams zu werden.",
    "Ich bin von der Aufgabe jetzt noch mehr begeistert.",
    "Die Zusammenarbeit mit Ihnen stelle ich mir sehr bereichernd vor.",
    "Mein Interesse an der Position ist dadurch noch gewachsen.",
    "Ich gehe mit noch mehr Begeisterung für diese Aufgabe aus dem Gespräch.",
    "Gern würde ich mit meiner Arbeit zum Erfolg des Teams beitragen.",
    "Umso mehr freue ich mich auf die Möglichkeit, bei Ihnen einzusteigen.",
    "Die Aussicht, mit Ihnen zusammenzuarbeiten, motiviert mich sehr.",
)


def interest(variant: int, stage: str, avoid: frozenset[str] = frozenset(), panel: int = 1) -> str:
    """The member's interest restated; the company was named in the sentence before."""
    return pick(_INTEREST_SCREEN if stage in SCREENS else _INTEREST, variant, avoid, panel)


def correction(notes: Sequence[Note]) -> str:
    """A correction named as one."""
    said = "; ".join(_after_colon(n) for n in notes)
    return f"Eine meiner Antworten möchte ich noch korrigieren: {said}."


# Verbs a direct question opens with ("Gibt es Homeoffice?"): a capital alone cannot tell
# them from a noun ("Gehaltsband?").
_QUESTION_VERBS = frozenset(
    {"gibt", "ist", "sind", "hat", "haben", "wird", "werden", "kann", "können", "darf",
     "dürfen", "muss", "müssen", "soll", "sollen", "arbeitet", "arbeiten", "bietet", "bieten",
     "plant", "planen", "nutzt", "nutzen", "macht", "machen", "übernimmt", "zahlt", "wäre"}
)  # fmt: skip


def _question(note: Note) -> str:
    """One question, to follow "Könnten Sie mir noch ...": asked, whatever its shape."""
    text = note.text.removesuffix("?").strip()
    first = _words(text)[0]
    if first in _WH:
        return f"sagen, {text}?"
    if first in _QUESTION_VERBS:
        return f"sagen: {_upper(text)}?"
    if text[:1].isupper() or first in _ACCUSATIVE_READY or first == "der":
        about = _accusative(text)
        if about is None or about.startswith("das Thema "):
            return f"etwas zum Thema {_bare(text)} sagen?"
        return f"etwas über {about} sagen?"
    return f"etwas dazu sagen: {text}?"


def _bare(text: str) -> str:
    """A noun phrase without its article, for "zum Thema ___"."""
    first, _, rest = text.partition(" ")
    return rest if rest and first.casefold() in _ACCUSATIVE_READY | {"der"} else text


def questions(notes: Sequence[Note]) -> str | None:
    """The questions the member meant to ask: the first with "noch", the rest "außerdem"."""
    asked = [_question(n) for n in notes]
    if not asked:
        return None
    lines = [f"Könnten Sie mir noch {asked[0]}"]
    lines += [f"Und könnten Sie mir außerdem {q}" for q in asked[1:]]
    return " ".join(lines)


def has_date(text: str) -> bool:
    """Whether a promise names its own date, so ours would double it."""
    return _DATE_WORDS.search(text) is not None


def my_promise(note: Note, due: str | None) -> str:
    """What the member promised, and by when."""
    text = note.text
    when = "" if due is None or has_date(text) else due
    if note.shape is Shape.TO_ACTION:
        *head, verb = text.split()
        to_you = "" if re.search(r"\b(?:Ihnen|mir|euch)\b", text) else "Ihnen "
        middle = " ".join([*head, when]).strip()
        return f"Wie versprochen werde ich {to_you}{middle} {verb}.".replace("  ", " ")
    if (
        note.shape is Shape.NOUN_PHRASE
        and (item := _accusative(text))
        and not item.startswith("das Thema")
    ):
        return f"Wie versprochen schicke ich Ihnen {when + ' ' if when else ''}{item}."
    lead = f"Wie versprochen schicke ich Ihnen {when + ' ' if when else ''}noch Folgendes"
    return f"{lead}: {_after_colon(note)}."


def sendable(note: Note) -> str:
    """What to attach, as a noun phrase: "die Folien bis Freitag schicken" -> "die Folien"."""
    text = note.text
    if note.shape is Shape.TO_ACTION:
        text = " ".join(text.split()[:-1]) or text
    found = _DATE_WORDS.search(text)
    if found is not None:
        head = text[: found.start()]
        lead = _DATE_LEAD.search(head)
        if lead is not None and head[: lead.start()].strip():
            text = head[: lead.start()].strip()
    item = _accusative(text) if text[:1] else None
    return item if item is not None and not item.startswith("das Thema") else text


def attachment(item: str, when: str) -> str:
    """The sentence that hands the promised item over."""
    first = item.split(maxsplit=1)[0].casefold() if item else ""
    if first in _ACCUSATIVE_READY:
        if _LINK.search(item):
            return f"Wie {when} besprochen, schicke ich Ihnen hier {item}."
        return f"Wie {when} besprochen, finden Sie anbei {item}."
    return f"Wie {when} besprochen, schicke ich Ihnen hiermit Folgendes: {item}."


def about_timing(note: Note) -> bool:
    """Whether their promise is news to wait for (a decision, a date), not a favour."""
    return has_date(note.text) or _TIMING_WORDS.search(note.text) is not None


def their_promise(note: Note) -> str:
    """Thanks for one thing they offered or announced."""
    said = _sie_clause(note)
    if said is not None:
        return f"Danke auch, dass {_verb_last(said)}."
    if about_timing(note):
        return f"Danke auch für die Information zum weiteren Ablauf: {_after_colon(note)}."
    return f"Vielen Dank auch für Ihr Angebot: {_after_colon(note)}."


def their_promises(notes: Sequence[Note]) -> str | None:
    """Thanks for everything they offered, one sentence each."""
    return " ".join(their_promise(n) for n in notes) or None


def their_promise_reminder(note: Note) -> str:
    """A status check's gentle mention of the timing they gave."""
    said = _sie_clause(note)
    if said is not None:
        return f"Sie hatten erwähnt, dass {_verb_last(said)}."
    return f"Den weiteren Ablauf hatten Sie mir so skizziert: {_after_colon(note)}."
