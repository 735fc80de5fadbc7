"""The French phrasebook: notes typed in French, framed as a French speaker writes them.

Members type French notes as fragments: "la migration vers Kafka", "5 ans de SQL",
"envoyer les maquettes", "elle a monté l'équipe data", "si l'équipe fait du pair
programming". Each is read for its shape and placed in a frame that stays grammatical for
it: a noun phrase with its article follows a preposition, with the contractions French makes
("parler du modèle", "réfléchir aux contrats"); a bare noun takes "en" ("mon expérience en
modélisation"); anything else follows a colon. Frames never say an adjective about the
writer ("ravi", "heureux", "cela m'a marqué"), whose gender we do not know, and always
say "vous".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, time
from functools import lru_cache

from bot.drafting.notes import Note, Shape, upper_first
from bot.drafting.sentences import pick, words_in

__all__ = ["words_in"]  # language-agnostic: the longer words of nearby sentences

TECHNICAL = "technical"
INFORMATIONAL = "informational"
STAGE_LABELS = {
    "recruiter_screen": "premier échange",
    "phone_screen": "entretien téléphonique",
    "technical": "entretien technique",
    "onsite": "entretien",
    "panel": "entretien en panel",
    "final": "entretien final",
    "informational": "échange informel",
}
DAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTH_NAMES = (
    *("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août"),
    *("septembre", "octobre", "novembre", "décembre"),
)
DAYS_SAID_BY_WEEKDAY = 6


def _date(day: date) -> str:
    """'le 1er décembre', 'le 3 novembre': French writes the first of the month as '1er'."""
    return f"le {'1er' if day.day == 1 else day.day} {MONTH_NAMES[day.month - 1]}"


def day_phrase(day: date, days_ago: int) -> str:
    """'aujourd'hui', 'hier', 'mardi' within the week, else 'le 3 novembre' (adverbial)."""
    if days_ago <= 0:
        return "aujourd'hui"
    if days_ago == 1:
        return "hier"
    if days_ago <= DAYS_SAID_BY_WEEKDAY:
        return DAY_NAMES[day.weekday()]
    return _date(day)


def _clock(wall: time) -> str:
    """'midi', 'minuit', '14 h', '9 h 30': the 24-hour clock as French prose writes it."""
    if wall == time(12, 0):
        return "midi"
    if wall == time(0, 0):
        return "minuit"
    return f"{wall.hour} h {wall.minute:02d}" if wall.minute else f"{wall.hour} h"


def due_phrase(day: date, days_ahead: int, wall: time | None) -> str:
    """'d'ici vendredi midi', 'd'ici demain', 'd'ici le 4 décembre à 10 h', 'd'ici ce soir'.

    A date already behind us (a note drafted late) is named by its date, not as "today".
    """
    if days_ahead == 0:
        return "d'ici ce soir" if wall is None else f"d'ici {_clock(wall)}"
    if days_ahead < 0:  # a date already passed is named, never "ce soir"
        said = _date(day)
    elif days_ahead == 1:
        said = "demain"
    elif days_ahead <= DAYS_SAID_BY_WEEKDAY:
        said = DAY_NAMES[day.weekday()]
    else:
        said = _date(day)
    if wall is None:
        return f"d'ici {said}"
    if wall in (time(12, 0), time(0, 0)):
        return f"d'ici {said} {_clock(wall)}"
    return f"d'ici {said} à {_clock(wall)}"


# --- reading a note ---------------------------------------------------------------------

_APOSTROPHE = "['’]"
_DETERMINED = re.compile(
    r"^(?:(?:le|la|les|un|une|des|du|au|aux|mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|"
    r"votre|vos|leur|leurs|ce|cet|cette|ces|quelques|plusieurs|chaque|tout|toute|tous|"
    r"toutes|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+\S*)\s|[ldLD]['’])",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^(?:mon|ma|mes|notre|nos)\s", re.IGNORECASE)
_SUBJECT = re.compile(
    r"^(?:je|j['’]|il|elle|ils|elles|on|nous|vous|c['’]est|ça|cela|l['’]équipe\s+(?:a|est|va))\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"^(?:je|j['’])", re.IGNORECASE)
_YEARS = re.compile(
    r"^(?:\d+\+?|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|"
    r"quelques|plusieurs)\s+(?:ans|années|an|mois)\b",
    re.IGNORECASE,
)
_WH = re.compile(
    r"^(?:est-ce|combien|comment|pourquoi|quand|quel|quelle|quels|quelles|qui|où|"
    r"qu['’]est-ce|si\s|s['’]il|s['’]ils|y\s+a-t-il|l['’]équipe\s+\w+-t?-?elle)",
    re.IGNORECASE,
)
_ASK = re.compile(r"^(?:demander|vérifier|savoir|confirmer|clarifier)\s+", re.IGNORECASE)
# An infinitive opening the note ("envoyer le deck", "me présenter à ..."): an action.
_INFINITIVE = re.compile(
    r"^(?:(?:me|m['’]|vous|lui|leur|les|le|la|l['’]|en|y)\s*)?"
    r"(?:[a-zàâçéèêëîïôûù-]{2,}(?:er|ir|re|oir))(?=\s|$)",
    re.IGNORECASE,
)
# A past participle opening the note ("migré 40 services", "dirigé une équipe"): done.
_PARTICIPLE = re.compile(r"^[a-zàâçéèêëîïôûù-]{2,}(?:é|ée|és|ées|i|is|it|u|us)\s", re.IGNORECASE)
_NOUNS_LIKE_VERBS = frozenset(
    {"dossier", "cahier", "manager", "poster", "meetup", "cluster", "leader", "premier",
     "dernier", "avenir", "loisir", "pouvoir", "savoir", "devoir", "espoir", "soir",
     "centre", "titre", "filtre", "lettre", "offre", "ordre", "cadre", "livre", "membre",
     "nombre", "chiffre", "entre", "notre", "votre", "autre", "être", "taux"}
)  # fmt: skip
_TRAILING = re.compile(r"[\s.;:,!…]+$")


def _clean(text: str) -> str:
    """One line, single spaces, no trailing full stop or comma (a '?' is kept)."""
    return _TRAILING.sub("", " ".join(text.split()))


@lru_cache(maxsize=4096)  # the same notes are read for every draft and reminder
def read_note(text: str, field: str | None = None) -> Note:
    """The note cleaned and read into its shape."""
    cleaned = _clean(text)
    if not re.search(r"[^\W_]", cleaned):
        return Note("", Shape.UNCLEAR, ("",))
    return Note(cleaned, _shape(cleaned, asked=field == "questions"), (cleaned,))


def _shape(text: str, *, asked: bool) -> Shape:
    first = text.split(maxsplit=1)[0].casefold()
    if text.endswith("?") or _WH.match(text) or (asked and _ASK.match(text)):
        return Shape.QUESTION
    if asked:
        return Shape.QUESTION
    if _YEARS.match(text):
        return Shape.YEARS
    if _SUBJECT.match(text):
        return Shape.CLAUSE
    if _DETERMINED.match(text):
        return Shape.NOUN_PHRASE
    if _INFINITIVE.match(text) and first not in _NOUNS_LIKE_VERBS:
        return Shape.TO_ACTION
    if _PARTICIPLE.match(text + " "):
        return Shape.PREDICATE
    return Shape.NOUN_PHRASE


def as_topic(note: Note) -> str | None:
    """A noun phrase that a preposition can take: 'la migration', 'Kafka', 'mon portfolio'.

    A bare common noun ('migration Kafka') needs an article we cannot choose (its gender),
    so it is no topic and its frame is a colon one.
    """
    if note.shape is not Shape.NOUN_PHRASE:
        return None
    text = note.text
    if _DETERMINED.match(text) or text[:1].isupper() or text[:1].isdigit():
        return _lower_first(text)
    return None


def _lower_first(text: str) -> str:
    """'La migration' -> 'la migration'; 'Kafka', 'SQL' and 'Claire' stay."""
    if _DETERMINED.match(text) and text[:1].isupper():
        return text[0].lower() + text[1:]
    return text


def join_items(items: Sequence[str]) -> str:
    """'A', 'A et B', 'A, B et C': French lists take no comma before 'et'."""
    parts = [item for item in items if item]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " et " + parts[-1]


def _vowel(text: str) -> bool:
    return bool(re.match(r"[aeiouyàâéèêëîïôûùh]", text, re.IGNORECASE))


def _de(text: str) -> str:
    """'de' before a noun phrase: 'du modèle', 'des contrats', 'de la migration', 'd'Airflow'."""
    low = text.casefold()
    if low.startswith("le "):
        return "du " + text[3:]
    if low.startswith("les "):
        return "des " + text[4:]
    if low.startswith(("un ", "une ", "des ", "du ")) and not low.startswith("une "):
        return "de " + text
    return ("d'" if _vowel(text) else "de ") + text


def _a(text: str) -> str:
    """'à' before a noun phrase: 'au modèle', 'aux contrats', 'à la migration'."""
    low = text.casefold()
    if low.startswith("le "):
        return "au " + text[3:]
    if low.startswith("les "):
        return "aux " + text[4:]
    return "à " + text


def _que(clause: str) -> str:
    """'que' elided before a vowel: 'qu'il', 'qu'ils', 'qu'à', 'que vous'."""
    return ("qu'" if re.match(r"[aeiouyàâéèêîôû]", clause, re.I) else "que ") + clause


def _infinitive_de(action: str) -> str:
    """'de' before an infinitive: 'd'envoyer', 'de me présenter'."""
    return ("d'" if _vowel(action) else "de ") + action


# --- speaking to the addressee ------------------------------------------------------------

_VOUS_FORMS = {
    "a": "avez", "est": "êtes", "va": "allez", "fait": "faites", "dit": "dites",
    "peut": "pouvez", "doit": "devez", "veut": "voulez", "sait": "savez", "prend": "prenez",
    "met": "mettez", "vient": "venez", "revient": "revenez", "tient": "tenez",
    "voit": "voyez", "connaît": "connaissez", "connait": "connaissez", "écrit": "écrivez",
    "lit": "lisez", "part": "partez", "sort": "sortez", "suit": "suivez",
}  # fmt: skip
_CLITICS = r"(?:(?:ne|me|nous|lui|leur|le|la|les|y|en)\s+|[nmlN]['’])*"
_THIRD = re.compile(rf"\b(?:(qu['’])|\b)(il|elle)\s+({_CLITICS})([\wàâçéèêëîïôûù-]+)", re.I)
_POSSESSIVES = {"son": "votre", "sa": "votre", "ses": "vos"}
# "son" is "his", "her" or "its": mid-note it is the person's only before what a person has
# ("me présenter à son responsable"), never "la migration et ses difficultés".
_PERSONAL_NOUNS = frozenset(
    {"équipe", "équipes", "responsable", "manager", "n+1", "chef", "directeur", "directrice",
     "parcours", "carrière", "expérience", "rôle", "poste", "travail", "conseils", "conseil",
     "collègues", "passage", "avis", "retour", "réseau", "service", "département"}
)  # fmt: skip
_POSSESSED = re.compile(r"\b(son|sa|ses)\s+([\w+-]+)", re.I)
# Words after "il" or "elle" that look like a verb ending in -e but are not one.
_NOT_VERBS = frozenset({"une", "comme", "entre", "notre", "votre", "cette", "même", "quelque"})


def _vous_form(verb: str) -> str | None:
    """The 'vous' form of a verb in the third person singular, or None when unsure."""
    low = verb.casefold()
    if low in _NOT_VERBS:
        return None
    if low in _VOUS_FORMS:
        return _VOUS_FORMS[low]
    if low.endswith(("oie", "uie", "aie")):
        return verb[:-2] + "yez"
    if low.endswith("e") and len(low) > 2:
        stem = verb[:-1]
        return re.sub(r"è(?=[^aeiouéèê]+$)", "é", stem) + "ez"
    if low.endswith("it") and len(low) > 3:
        return verb[:-1] + "ssez"
    return None


@lru_cache(maxsize=4096)  # the same notes are read for every draft and reminder
def addressed(
    text: str, names: Sequence[str] = (), others: Sequence[str] = (), *, familiar: bool = False
) -> str:
    """The note said to its addressee: 'elle a monté son équipe' -> 'vous avez monté votre équipe'.

    French drafts always say "vous", so `familiar` changes nothing. A note naming someone
    else is left as typed: 'il' and 'son' may be theirs. 'son' becomes
    'votre' at the start of a note or before what a person has (`_PERSONAL_NOUNS`).
    """
    typed = text
    folded = text.casefold()
    if any(o and re.search(rf"\b{re.escape(o.casefold())}\b", folded) for o in others):
        return text
    for name in sorted((n for n in names if n), key=len, reverse=True):
        pattern = rf"^{re.escape(name)}\s+({_CLITICS})([\wàâçéèêëîïôûù-]+)"
        match = re.match(pattern, text, re.I)
        if match and (verb := _vous_form(match.group(2))):
            text = f"vous {match.group(1)}{verb}{text[match.end() :]}"
        # "l'équipe de Claire" -> "votre équipe"
        text = re.sub(rf"\b(?:le|la)\s+([\w-]+)\s+de\s+{re.escape(name)}\b", r"votre \1", text)
        text = re.sub(rf"\bl['’]([\w-]+)\s+de\s+{re.escape(name)}\b", r"votre \1", text)
        text = re.sub(rf"\bles\s+([\w-]+)\s+de\s+{re.escape(name)}\b", r"vos \1", text)

    def third(match: re.Match[str]) -> str:
        verb = _vous_form(match.group(4))
        if verb is None:
            return match.group(0)
        lead = "que " if match.group(1) else ""
        return f"{lead}vous {match.group(3)}{verb}"

    before = text
    text = _THIRD.sub(third, text)
    # "elle m'a montré ses dashboards": once she is "vous", so are her things.
    spoken = text != before or (text.startswith("vous ") and not typed.startswith("vous "))
    text = re.sub(r"\b(?:je|j['’]|on)\s*lui\b", lambda m: m.group(0)[:-3] + "vous", text)
    text = re.sub(r"\bj['’]vous\b", "je vous", text)

    def possessive(match: re.Match[str]) -> str:
        if match.start() and not spoken and match.group(2).casefold() not in _PERSONAL_NOUNS:
            return match.group(0)
        return f"{_POSSESSIVES[match.group(1).casefold()]} {match.group(2)}"

    return _POSSESSED.sub(possessive, text)


# --- the sentences ------------------------------------------------------------------------

_RELATED_STOP = frozenset(
    {"avec", "pour", "dans", "votre", "notre", "leur", "leurs", "cette", "équipe", "entre",
     "sans", "sous", "chez", "vers", "plus", "très", "tout", "toute", "tous", "travail"}
)  # fmt: skip
_FRAME_WORD = re.compile(r"[^\W\d_]{4,}")


def related(a: str | None, b: str | None) -> bool:
    """Whether two notes share a content word (first five letters: 'migrer', 'migration')."""
    if not a or not b:
        return False
    stems = {w.casefold()[:5] for w in _FRAME_WORD.findall(a)} - _RELATED_STOP
    return not stems.isdisjoint({w.casefold()[:5] for w in _FRAME_WORD.findall(b)})


def _colon(note: Note) -> str:
    """The note as typed, to follow a colon: grammatical whatever its shape."""
    return _lower_first(note.text)


def personal(note: Note, variant: int, stage: str) -> str:
    """What the member discussed with this person, in a frame that fits the note."""
    topic = as_topic(note)
    if topic is not None:
        frames: tuple[str, ...]
        if stage == TECHNICAL:
            frames = (
                f"J'ai particulièrement apprécié notre discussion technique sur {topic}.",
                f"Réfléchir avec vous {_a(topic)} a été le meilleur moment de la séance.",
                f"J'ai aimé entrer avec vous dans le détail {_de(topic)}.",
                f"Notre échange sur {topic} a été un vrai plaisir.",
            )
        else:
            frames = (
                f"J'ai particulièrement apprécié notre discussion sur {topic}.",
                f"Ce que vous m'avez expliqué sur {topic} a retenu toute mon attention.",
                f"Je repense encore à ce que vous m'avez confié sur {topic}.",
                f"Vos explications sur {topic} m'ont donné encore plus envie de vous rejoindre.",
                f"J'ai apprécié que nous ayons eu le temps de parler {_de(topic)}.",
            )
            if stage == INFORMATIONAL:
                frames = tuple(f for f in frames if "rejoindre" not in f)
        return pick(frames, variant)
    if note.shape is Shape.CLAUSE and not _FIRST_PERSON.match(note.text):
        clause = _lower_first(note.text)
        return pick(
            (
                f"J'ai été sensible au fait {_que(clause)}.",
                f"J'ai retenu en particulier {_que(clause)}.",
                f"J'ai noté avec intérêt {_que(clause)}.",
            ),
            variant,
        )
    return f"Un moment de notre échange me reste en tête : {_colon(note)}."


def shared_topics(notes: Sequence[Note], stage: str, *, also: bool = False) -> str:
    """The panel's topics in one sentence, the same in each panelist's note."""
    topics = [as_topic(n) for n in notes]
    if all(t is not None for t in topics):
        listed = join_items([t for t in topics if t is not None])
        if also:
            return f"Nous avons également abordé {listed}."
        return f"J'ai aimé échanger avec vous sur {listed}."
    lead = "Nous avons également abordé" if also else "Nous avons abordé de nombreux sujets"
    return f"{lead} : " + " ; ".join(_colon(n) for n in notes) + "."


def highlights(notes: Sequence[Note], variant: int) -> str | None:
    """The moments the member singled out, in one sentence when they are all topics."""
    topics = [as_topic(n) for n in notes]
    if len(notes) > 1 and all(t is not None for t in topics):
        return f"Mes moments forts : {join_items([t for t in topics if t is not None])}."
    lines = [_highlight(n, variant + i) for i, n in enumerate(notes)]
    return " ".join(lines) or None


def _highlight(note: Note, variant: int) -> str:
    topic = as_topic(note)
    if topic is not None and _POSSESSIVE.match(topic):  # the member's own work, shown
        return f"J'ai pris plaisir à vous présenter {topic}."
    if topic is not None:
        return pick(
            (
                f"Le moment fort de cette rencontre a été {topic}.",
                f"{upper_first(topic)} a été pour moi un moment fort.",
            ),
            variant,
        )
    return f"Un moment fort pour moi : {_colon(note)}."


_NUMBER_START = re.compile(r"^(?:\d|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\b", re.I)


def _what_i_bring(note: Note) -> str | None:
    """The qualification as a noun phrase of the member's ('mon expérience du SQL')."""
    text = note.text
    if note.empty:
        return None
    if note.shape is Shape.YEARS:
        if _NUMBER_START.match(text):
            return "mes " + _lower_first(text)
        return None
    if note.shape is not Shape.NOUN_PHRASE:
        return None
    if _POSSESSIVE.match(text):
        return _lower_first(text)
    if _DETERMINED.match(text):
        return "mon expérience " + _de(_lower_first(text))
    return f"mon expérience en {text}"


def strength(notes: Sequence[Note], variant: int, stage: str, *, tied: bool) -> str | None:
    """What the member brings, in one sentence; `tied` points back to the topic just said."""
    read = [(n, _what_i_bring(n)) for n in notes]
    brought = [b for _, b in read if b is not None]
    loose = [n for n, b in read if b is None and not n.empty]
    lines: list[str] = []
    if brought:
        bring = join_items(brought)
        if stage == INFORMATIONAL:
            lines.append(f"Vos conseils m'aident à voir comment valoriser {bring}.")
        elif tied:
            lines.append(
                pick(
                    (
                        f"C'est précisément là que je pourrais mettre à profit {bring}.",
                        f"C'est exactement le type de sujet où je m'appuierais sur {bring}.",
                        f"C'est là que j'aimerais apporter {bring}.",
                    ),
                    variant,
                )
            )
        else:
            lines.append(
                pick(
                    (
                        f"J'aimerais mettre {bring} au service de votre équipe.",
                        f"Je pourrais m'appuyer sur {bring} pour contribuer dès mon arrivée.",
                        f"Je compte bien mettre à profit {bring} chez vous.",
                        f"J'espère pouvoir mettre {bring} au service de vos projets.",
                    ),
                    variant,
                )
            )
    for note in loose:
        if note.shape is Shape.CLAUSE and _FIRST_PERSON.match(note.text):
            said = upper_first(note.text)
            if stage == INFORMATIONAL:
                lines.append(f"{said}, et vos conseils m'aident à voir comment le valoriser.")
            else:
                lines.append(
                    f"{said}, une expérience que j'aimerais mettre au service de l'équipe."
                )
        elif stage == INFORMATIONAL:
            lines.append(f"Vos conseils m'aident à valoriser mon parcours : {_colon(note)}.")
        else:
            lines.append(f"Ce que j'apporterais à l'équipe : {_colon(note)}.")
    return " ".join(lines) or None


_INTEREST_SCREEN = (
    "Le poste m'intéresse vivement et j'aimerais beaucoup poursuivre le processus.",
    "J'aimerais beaucoup passer à l'étape suivante.",
    "Je souhaite vivement poursuivre nos échanges.",
    "Cela me ferait très plaisir de continuer le processus avec vous.",
    "Notre appel a renforcé mon intérêt pour cette opportunité.",
    "J'espère pouvoir poursuivre la discussion lors d'un prochain entretien.",
)
_INTEREST = (
    "Notre rencontre a renforcé mon envie de rejoindre l'équipe.",
    "Notre échange a confirmé mon intérêt pour le poste.",
    "Rejoindre votre équipe me plairait beaucoup.",
    "Cette rencontre m'a donné encore plus envie de travailler avec vous.",
    "Travailler à vos côtés serait une très belle opportunité.",
    "J'en retire une envie encore plus forte de vous rejoindre.",
    "Je mesure encore mieux tout l'intérêt de ce poste.",
    "Contribuer aux projets de l'équipe me motive beaucoup.",
    "L'idée de rejoindre l'équipe m'enthousiasme d'autant plus.",
    "La perspective de travailler ensemble me réjouit.",
)


def interest(variant: int, stage: str, avoid: frozenset[str] = frozenset(), panel: int = 1) -> str:
    """The member's interest restated, avoiding the words of the sentences around it."""
    screen = stage in ("recruiter_screen", "phone_screen")
    return pick(_INTEREST_SCREEN if screen else _INTEREST, variant, avoid, panel)


def correction(notes: Sequence[Note]) -> str:
    """A correction named as one, all its parts after one colon."""
    said = " ; ".join(_colon(n) for n in notes)
    return f"Je souhaite par ailleurs corriger l'une de mes réponses : {said}."


def _question(note: Note) -> str:
    """The note as one question ending in '?': 'Pourriez-vous me dire si ... ?'."""
    text = _ASK.sub("", note.text).rstrip("? ")
    if re.match(r"(?:si\s|s['’]il)", text, re.I):
        return f"Pourriez-vous me dire {text} ?"
    if _WH.match(text) or note.text.endswith("?"):
        return f"{upper_first(text)} ?"
    topic = as_topic(read_note(text))
    if topic is not None:
        return f"Pourriez-vous m'en dire plus sur {topic} ?"
    return f"Pourriez-vous m'éclairer sur ce point : {_lower_first(text)} ?"


def questions(notes: Sequence[Note]) -> str | None:
    """The questions the member meant to ask, asked, under one lead-in."""
    asked = [_question(n) for n in notes]
    if not asked:
        return None
    first, rest = asked[0], asked[1:]
    if first.startswith("Pourriez-vous "):
        lines = ["Pourriez-vous aussi " + first.removeprefix("Pourriez-vous ")]
    else:
        lines = [f"J'aurais aussi une question : {_lower_question(first)}"]
    lines += [f"Et {_lower_question(q)}" for q in rest]
    return " ".join(lines)


def _lower_question(question: str) -> str:
    word = question.split(" ", 1)[0]
    if word[1:] == word[1:].lower():
        return question[0].lower() + question[1:]
    return question


_DATE_WORDS = re.compile(
    r"\b(?:aujourd['’]hui|ce soir|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|midi|minuit|semaine|fin du mois|janvier|février|mars|avril|mai|juin|"
    r"juillet|août|septembre|octobre|novembre|décembre|\d{1,2}\s?h(?:\d{2})?|"
    r"\d{1,2}[/.:]\d{1,2})\b",
    re.IGNORECASE,
)
_DATE_LEAD = re.compile(
    r"\s+(?:d['’]ici|avant|pour|le|la|ce|cette|en|dès|demain|aujourd['’]hui|lundi|mardi|"
    r"mercredi|jeudi|vendredi)\b",
    re.I,
)
_SEND_VERB = re.compile(
    r"^(?:(?:vous|lui|leur)\s+)?(?:envoyer|transmettre|partager|faire\s+parvenir|"
    r"faire\s+suivre|préparer|rédiger|finaliser|fournir|communiquer|renvoyer)\s+"
    r"(?:(?:vous|lui|leur)\s+)?",
    re.I,
)


def has_date(text: str) -> bool:
    """Whether a promise names its own date or time, so ours would double it."""
    return _DATE_WORDS.search(text) is not None


def my_promise(note: Note, due: str | None) -> str:
    """What the member promised, with its date: 'Comme convenu, je vous enverrai ...'."""
    text = note.text
    when = "" if due is None or has_date(text) else f" {due}"
    if note.shape is Shape.TO_ACTION:
        action = _lower_first(text)
        if _SEND_VERB.match(action):
            return f"Comme convenu, je vous enverrai {_SEND_VERB.sub('', action)}{when}."
        return f"Comme convenu, je vais {action}{when}."
    if note.shape is Shape.CLAUSE:
        return f"Comme convenu : {_lower_first(text)}{when}."
    if as_topic(note) is not None:
        return f"Comme convenu, je vous enverrai {_lower_first(text)}{when}."
    return f"Comme convenu, je vous enverrai{when} ce que je vous ai promis : {text}."


def sendable(note: Note) -> str:
    """What to attach, as a noun phrase: 'envoyer les maquettes vendredi' -> 'les maquettes'."""
    text = (
        _SEND_VERB.sub("", _lower_first(note.text)) if note.shape is Shape.TO_ACTION else note.text
    )
    for lead in _DATE_LEAD.finditer(text):
        found = _DATE_WORDS.search(text, lead.start())
        if found is not None and len(text[lead.start() : found.start()].split()) <= 2:
            text = text[: lead.start()].strip()
            break
    return _lower_first(text) or note.text


_LINK = re.compile(r"\b(?:lien|url|site|dépôt|repo|github|gitlab)\b", re.I)


def attachment(item: str, when: str) -> str:
    """The sentence that hands over the promised item: 'vous trouverez ci-joint ...'."""
    if _LINK.search(item):
        return f"Comme promis {when}, voici {item}."
    if _DETERMINED.match(item):
        return f"Comme promis {when}, vous trouverez ci-joint {item}."
    return f"Comme promis {when}, vous trouverez ci-joint ce que je vous avais annoncé : {item}."


_TIMING_WORDS = re.compile(
    r"\b(?:retour|réponse|décision|nouvelles|calendrier|délai|suite|revenir|recontacter|"
    r"rappeler|feedback|prochaines? étapes?)",
    re.IGNORECASE,
)


def about_timing(note: Note) -> bool:
    """Whether what they promised is news to wait for (a decision, a date), not a favour."""
    return has_date(note.text) or _TIMING_WORDS.search(note.text) is not None


def _their_promise(note: Note) -> tuple[str, str]:
    """(thanks, reminder) for one thing the employer said they would do."""
    text = _lower_first(note.text)
    if note.shape is Shape.TO_ACTION:
        if about_timing(note):
            return (
                f"Merci de m'avoir exposé la suite : vous prévoyez {_infinitive_de(text)}.",
                f"Lors de notre échange, vous aviez prévu {_infinitive_de(text)}.",
            )
        return (
            f"Merci d'avoir proposé {_infinitive_de(text)}.",
            f"Lors de notre échange, vous aviez proposé {_infinitive_de(text)}.",
        )
    if note.shape is Shape.CLAUSE and not _FIRST_PERSON.match(text):
        return (
            f"Merci de m'avoir indiqué {_que(text)}.",
            f"Lors de notre échange, vous m'aviez indiqué {_que(text)}.",
        )
    if about_timing(note):
        return (
            f"Merci pour ces précisions sur la suite : {text}.",
            f"Lors de notre échange, vous m'aviez parlé de la suite : {text}.",
        )
    return (
        f"Merci également pour votre proposition : {text}.",
        f"Lors de notre échange, vous m'aviez fait cette proposition : {text}.",
    )


def their_promises(notes: Sequence[Note]) -> str | None:
    """Thanks for everything they offered: 'Merci d'avoir proposé X, et de Y.' in one."""
    lines = [_their_promise(n)[0].removesuffix(".") for n in notes]
    if not lines:
        return None
    joinable = [line.removeprefix("Merci ") for line in lines if re.match(r"Merci d", line)]
    if len(lines) > 1 and len(joinable) == len(lines):
        return "Merci " + ", et ".join(joinable) + "."
    return " ".join(f"{line}." for line in lines)


def their_promise_reminder(note: Note) -> str:
    """A status check's gentle mention of what they said about timing."""
    return _their_promise(note)[1]
