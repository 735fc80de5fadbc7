"""The sentences of a draft in Brazilian Portuguese, framed to fit the notes members type.

Members type notes as fragments: "a migração para Kafka", "4 anos de SQL", "enviar o
portfólio", "liderei a migração", "se o time faz pair programming". Each slot reads the
note's shape and picks a frame that fits it; a frame that takes the note after "sobre",
"com" or a colon is grammatical for any noun phrase and needs no contraction (de + o = do
would need the note's gender, which a fragment does not say). Everything is said without
a second-person pronoun ("a sua equipe", "quando me mostrou"): the same sentence then suits
"você" and "o senhor / a senhora", and the templates name the pronoun where the tone wants
it. Nothing here agrees with the member's gender, which we do not know: "Agradeço" rather
than "Obrigado/Obrigada", "tenho ainda mais vontade" rather than "estou animado/animada".

Each slot's frames rotate with `variant` (the interviewer's place in a panel) so
panelists' notes differ, and avoid the words of neighbouring sentences.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, time
from functools import lru_cache, partial

from bot.drafting.notes import QUESTIONS_FIELD, Note, Shape
from bot.drafting.sentences import pick

STAGE_LABELS = {
    "recruiter_screen": "conversa com o recrutamento",
    "phone_screen": "entrevista por telefone",
    "technical": "entrevista técnica",
    "onsite": "entrevista",
    "panel": "entrevista com o painel",
    "final": "entrevista final",
    "informational": "conversa informativa",
}
INFORMATIONAL = "informational"
TECHNICAL = "technical"
SCREENS = ("recruiter_screen", "phone_screen")
DAYS_SAID_BY_WEEKDAY = 6
WEEKDAYS = ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
            "sábado", "domingo")  # fmt: skip
MONTHS = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
          "setembro", "outubro", "novembro", "dezembro")  # fmt: skip


def _weekday_on(day: date) -> str:
    """'na terça-feira', 'no sábado': the weekdays are feminine, the weekend masculine."""
    name = WEEKDAYS[day.weekday()]
    return f"{'na' if name.endswith('feira') else 'no'} {name}"


def _date(day: date) -> str:
    """'3 de novembro'; the first of the month is '1º', as Brazilians write it."""
    return f"{'1º' if day.day == 1 else day.day} de {MONTHS[day.month - 1]}"


def day_phrase(day: date, days_ago: int) -> str:
    """'hoje', 'ontem', 'na terça-feira' within the week, else 'em 3 de novembro'."""
    if days_ago == 0:
        return "hoje"
    if days_ago == 1:
        return "ontem"
    if 1 < days_ago <= DAYS_SAID_BY_WEEKDAY:
        return _weekday_on(day)
    return f"em {_date(day)}"


def due_phrase(day: date, days_ahead: int, wall: time | None) -> str:
    """'até sexta-feira ao meio-dia', 'até amanhã às 9h', 'até 4 de dezembro' (24-hour clock)."""
    if days_ahead <= 0:
        said = "hoje"
    elif days_ahead == 1:
        said = "amanhã"
    elif days_ahead <= DAYS_SAID_BY_WEEKDAY:
        said = WEEKDAYS[day.weekday()]
    else:
        said = _date(day)
    if wall is None:
        return "ainda hoje" if days_ahead <= 0 else f"até {said}"
    if wall == time(12, 0):
        return f"até {said} ao meio-dia"
    if wall == time(0, 0):
        return f"até {said} à meia-noite"
    minutes = f"{wall.minute:02d}" if wall.minute else ""
    return f"até {said} {'à' if wall.hour == 1 else 'às'} {wall.hour}h{minutes}"


# --- reading a note -----------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PRONOUN_START = frozenset({"eu", "ele", "ela", "eles", "elas", "nós", "me", "nos", "se", "lhe"})
_FIRST_PERSON = re.compile(r"^(?:eu|meu|minha|meus|minhas|nós|nosso|nossa)\b", re.I)
_CLITIC = frozenset({"me", "nos", "lhe", "lhes", "te"})
# Nouns that end like an infinitive, and words ending in -ou/-eu/-ei/-iu that are no verbs.
_NOT_VERBS = frozenset(
    {
        "lugar", "mar", "par", "bar", "radar", "colher", "mulher", "prazer", "jantar", "olhar",
        "poder", "dever", "ser", "ter", "cluster", "líder", "lider", "user", "museu", "céu",
        "chapéu", "troféu", "lei", "rei", "show", "meu", "seu", "teu", "europeu", "ateliê",
        "nível", "hangar", "altar", "pilar", "júnior", "sênior", "senior", "junior", "setor",
        "valor", "melhor", "maior", "menor", "pior", "fator", "ator", "autor", "editor",
        "gestor", "diretor", "tutor", "vetor", "motor", "sensor", "cursor", "servidor",
        "interior", "exterior", "anterior", "posterior", "superior", "inferior", "amor",
        "cor", "dor", "flor", "favor", "humor", "rumor", "terror", "erro", "primeiro",
        "terceiro", "dinheiro",
    }
)  # fmt: skip
_INFINITIVE = re.compile(r"^[a-zà-ú]{2,}(?:ar|er|ir|or)$")
_FINITE = re.compile(r"^[a-zà-ú]{2,}(?:ei|ou|eu|iu|amos|emos|imos|aram|eram|iram)$")
_FINITE_WORDS = frozenset(
    {
        "fiz", "tive", "sou", "estou", "vou", "vai", "vão", "irá", "tenho", "tem", "fui",
        "foi", "disse", "está", "estava", "era", "pode", "quer", "quis", "fez", "deu", "sei",
        "acho", "trabalho", "trabalhei", "lidero", "gerencio",
    }
)  # fmt: skip
# Verbs in the present that follow a noun phrase ("a sua equipe usa Kafka"): the note is a
# clause with its own subject, not a topic for "sobre".
_PRESENT_WORDS = frozenset(
    {
        "é", "são", "usa", "usam", "tem", "têm", "faz", "fazem", "está", "estão", "sai", "saem",
        "trabalha", "trabalham", "precisa", "precisam", "quer", "querem", "pode", "podem",
        "deve", "devem", "vai", "vão", "roda", "rodam", "começa", "começam", "cresce", "crescem",
    }
)  # fmt: skip
_YEARS = re.compile(
    r"^(?:\d+\+?|mais de \d+|quase \d+|cerca de \d+|um|uma|dois|duas|três|quatro|cinco|seis|"
    r"sete|oito|nove|dez|vários|alguns|muitos)\s+(?:anos?|meses|mês)\b",
    re.I,
)
_ASKING = re.compile(
    r"^(?:se|como|quando|qual|quais|quanto|quantos|quantas|quem|onde|por que|o que|"
    r"existe|há|tem)\b",
    re.I,
)
_ASKING_WORDS = frozenset({"como", "quando", "qual", "quais", "quanto", "quantos", "quantas",
                           "quem", "onde", "por", "existe", "há"})  # fmt: skip
_DETERMINERS = frozenset(
    {
        "o", "a", "os", "as", "um", "uma", "uns", "umas", "este", "esta", "esse", "essa",
        "aquele", "aquela", "meu", "minha", "meus", "minhas", "seu", "sua", "seus", "suas",
        "nosso", "nossa", "nossos", "nossas", "todo", "toda", "todos", "todas", "outro",
        "outra", "vários", "várias", "alguns", "algumas",
    }
)  # fmt: skip


def _fold(text: str) -> str:
    """Lower case without accents: 'Migração' and 'migracao' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _clean(text: str) -> str:
    """Single spaces, no trailing full stop or comma; a question keeps its mark."""
    text = " ".join(text.split()).strip()
    text = text.rstrip(".;:,!").strip()
    return text if _WORD.search(text) else ""


def _first_word(text: str) -> str:
    match = _WORD.match(text)
    return match.group(0).casefold() if match else ""


def _is_infinitive(word: str) -> bool:
    return bool(_INFINITIVE.match(word)) and word not in _NOT_VERBS and not set(word) & set("kwy")


def _is_finite(word: str) -> bool:
    return word in _FINITE_WORDS or (bool(_FINITE.match(word)) and word not in _NOT_VERBS)


@lru_cache(maxsize=4096)  # the same notes are read for every draft and reminder
def read_note(text: str, field: str | None = None) -> Note:
    """One note read into the shape that decides its frames."""
    clean = _clean(text)
    words = clean.split()
    first = _first_word(clean)
    second = _first_word(" ".join(words[1:])) if len(words) > 1 else ""
    if not clean:
        shape = Shape.UNCLEAR
    elif clean.endswith("?") or (field == QUESTIONS_FIELD and _ASKING.match(clean)):
        shape = Shape.QUESTION
    elif _YEARS.match(clean):
        shape = Shape.YEARS
    elif (first in _CLITIC and _is_infinitive(second)) or _is_infinitive(first):
        shape = Shape.TO_ACTION
    elif (
        first in _PRONOUN_START
        or _is_finite(first)
        or (first in _CLITIC and second)
        or any(w.casefold() in _PRESENT_WORDS or _is_finite(w.casefold()) for w in words[1:])
    ):
        shape = Shape.CLAUSE
    else:
        shape = Shape.NOUN_PHRASE
    return Note(clean, shape, (clean,) if clean else ())


def first_person(note: Note) -> bool:
    """Whether the member speaks of themself: 'liderei a migração', 'meu portfólio'."""
    first = _first_word(note.text)
    return bool(_FIRST_PERSON.match(note.text)) or (
        first.endswith("ei") and _is_finite(first) and first not in _NOT_VERBS
    )


def lower_first(text: str) -> str:
    """Lower a capital that only opens a sentence ('A migração'), never 'Kafka' or 'SQL'."""
    word = _first_word(text)
    if (
        word in _DETERMINERS | _PRONOUN_START | _ASKING_WORDS
        or _is_infinitive(word)
        or _is_finite(word)
    ):
        return text[:1].lower() + text[1:]
    return text


def upper_first(text: str) -> str:
    """Capitalise a sentence's first letter unless the word is styled ('iOS', 'eBay')."""
    match = _WORD.match(text)
    if match is None or match.group(0)[1:] != match.group(0)[1:].lower():
        return text
    return text[:1].upper() + text[1:]


# --- speaking to the addressee ------------------------------------------------------------

_POSSESSIVE = {"o": "seu", "a": "sua", "os": "seus", "as": "suas"}


@lru_cache(maxsize=4096)  # the same notes are read for every draft and reminder
def addressed(
    text: str, names: Sequence[str] = (), others: Sequence[str] = (), *, familiar: bool = False
) -> str:
    """The note as said to its addressee, without a pronoun that would fix the tone.

    "a equipe dela" and "o projeto da Ana" become "a sua equipe", "o seu projeto"; "ela me
    mostrou" and "Ana contou" lose their subject ("me mostrou"), which in a letter reads as
    the addressee. Other people's names (`others`) stay as they are. "você" and "o senhor"
    both take the third person, so `familiar` changes nothing.
    """
    forms = sorted({n for n in names if n} - {o for o in others if o}, key=len, reverse=True)
    owner = (
        r"(?:dele|dela" + "".join(f"|d[oa] {re.escape(n)}|de {re.escape(n)}" for n in forms) + r")"
    )
    possessed = re.compile(rf"\b([oa]s?) ([^\W\d_][\w-]*) {owner}(?!\w)", re.I)
    out = possessed.sub(
        lambda m: f"{m.group(1)} {_POSSESSIVE[m.group(1).casefold()]} {m.group(2)}", text
    )
    subjects = "|".join(["ele", "ela", *(re.escape(n) for n in forms)])
    start = re.compile(rf"^(?:o |a )?(?:{subjects})\s+(?=[a-zà-ú])", re.I)
    dropped = start.sub("", out)
    return dropped if dropped != out and _WORD.match(dropped) else out


def as_topic(note: Note) -> str | None:
    """The note as what 'sobre ___' talks about: a noun phrase, else None."""
    if note.shape in (Shape.NOUN_PHRASE, Shape.LIST):
        return lower_first(note.text)
    return None


def join_items(items: Sequence[str]) -> str:
    """'A, B e C', as Portuguese lists (no comma before 'e')."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " e " + items[-1]


_RELATED_STOP = frozenset(
    {"sobre", "para", "com", "como", "que", "equipe", "time", "trabalho", "sua", "seu",
     "minha", "meu", "mais", "muito", "quando", "onde", "isso", "esse", "essa"}
)  # fmt: skip
_FRAME_WORD = re.compile(r"[^\W\d_]{4,}")


def related(a: str | None, b: str | None) -> bool:
    """Whether two notes share a content word (first five letters, accents folded)."""
    if not a or not b:
        return False
    stems = {_fold(w)[:5] for w in _FRAME_WORD.findall(a)} - _RELATED_STOP
    return not stems.isdisjoint({_fold(w)[:5] for w in _FRAME_WORD.findall(b)})


def words_in(*texts: str | None) -> frozenset[str]:
    """The longer words of nearby sentences, which a frame should not say again."""
    return frozenset(_fold(w) for t in texts if t for w in _FRAME_WORD.findall(t))


_pick = partial(pick, words=words_in)


def _join_lines(*lines: str | None) -> str | None:
    return " ".join(line for line in lines if line) or None


# --- the sentences ------------------------------------------------------------------------


def personal(note: Note, variant: int, stage: str) -> str:
    """What the member talked about with this person, in a frame that fits the note."""
    topic = as_topic(note)
    if topic is not None:
        frames = (
            (
                f"Gostei muito da nossa discussão sobre {topic}.",
                f"Conversar com calma sobre {topic} foi a melhor parte da sessão.",
                f"Foi um prazer explorar a fundo {topic}.",
                f"A troca sobre {topic} foi especialmente produtiva.",
            )
            if stage == TECHNICAL
            else (
                f"Gostei especialmente de falar sobre {topic}.",
                f"Fiquei pensando no que conversamos sobre {topic}.",
                f"Foi ótimo ouvir mais sobre {topic}.",
                f"Saber mais sobre {topic} tornou a vaga ainda mais atraente.",
                f"Fiquei feliz por termos tido tempo de falar sobre {topic}.",
            )
        )
        return _pick(frames, variant)
    if note.shape is Shape.CLAUSE and not first_person(note):
        return _pick(
            (
                f"Gostei muito de saber que {lower_first(note.text)}.",
                f"Foi muito bom ouvir que {lower_first(note.text)}.",
            ),
            variant,
        )
    return f"Um ponto da nossa conversa ficou comigo: {note.text}."


def shared_topics(notes: Sequence[Note], stage: str, *, also: bool = False) -> str:
    """The panel's topics, the same sentence in each panelist's note."""
    topics = [as_topic(n) for n in notes]
    if all(t is not None for t in topics):
        listed = join_items([t for t in topics if t is not None])
        return f"Também falamos sobre {listed}." if also else f"Gostei de discutir {listed}."
    lead = "Também falamos sobre outros pontos" if also else "Cobrimos muitos assuntos"
    return f"{lead}: " + "; ".join(n.text for n in notes) + "."


def highlights(notes: Sequence[Note], variant: int) -> str | None:
    """What the member enjoyed most, in one sentence when they are all topics."""
    topics = [as_topic(n) for n in notes]
    if len(notes) > 1 and all(t is not None for t in topics):
        return f"Os pontos altos, para mim, foram {join_items([t for t in topics if t])}."
    return _join_lines(*(_highlight(n, variant + i) for i, n in enumerate(notes)))


def _highlight(note: Note, variant: int) -> str:
    topic = as_topic(note)
    if topic is not None and _FIRST_PERSON.match(topic):  # the member's own work
        return f"Gostei muito de apresentar {topic}."
    if topic is not None:
        return _pick(
            (f"Um ponto alto para mim foi {topic}.", f"Para mim, um dos destaques foi {topic}."),
            variant,
        )
    return f"Um dos destaques para mim: {note.text}."


_OWN_ARTICLE = {"meu": "o", "minha": "a", "meus": "os", "minhas": "as"}


def _what_i_bring(note: Note) -> str | None:
    """The qualification as the member's noun phrase ('os meus 4 anos de SQL'), or None."""
    if note.empty or note.shape in (Shape.CLAUSE, Shape.QUESTION, Shape.UNCLEAR):
        return None
    text = lower_first(note.text)
    owned = _OWN_ARTICLE.get(_first_word(text))
    if owned is not None:
        return f"{owned} {text}"  # "meu curso" -> "o meu curso"
    if _FIRST_PERSON.match(text):
        return text
    if note.shape is Shape.YEARS:
        return f"os meus {text}" if text[:1].isdigit() else f"a experiência de {text}"
    if note.shape is Shape.TO_ACTION:
        return f"a minha experiência em {text}"
    return f"a minha experiência com {text}"


def strength(notes: Sequence[Note], variant: int, stage: str, *, tied: bool) -> str | None:
    """What the member brings; `tied` when it may point back to the topic just said."""
    read = [(n, _what_i_bring(n)) for n in notes]
    brought = [b for _, b in read if b is not None]
    loose = [n for n, b in read if b is None]
    line: str | None = None
    if brought:
        bring = join_items(brought)
        if stage == INFORMATIONAL:
            line = f"Os seus conselhos me deram ideias claras para aproveitar {bring}."
        else:
            frames = (
                (
                    f"É exatamente aí que eu poderia contribuir com {bring}.",
                    f"É nesse tipo de desafio que eu gostaria de aplicar {bring}.",
                    f"Acredito que é aí que {bring} faria diferença.",
                    f"Nesse ponto, eu poderia colocar {bring} a serviço do time.",
                )
                if tied
                else (
                    f"Acredito que poderia contribuir desde o início com {bring}.",
                    f"Seria um prazer trazer {bring} para a equipe.",
                    f"Tenho confiança de que poderia ajudar a equipe com {bring}.",
                    f"Espero poder colocar {bring} a serviço do time.",
                )
            )
            line = _pick(frames, variant)
    return _join_lines(line, *(_bring_colon(n, stage) for n in loose))


def _bring_colon(note: Note, stage: str) -> str:
    """A strength no noun phrase carries: the member's own clause, or after a colon."""
    if note.shape is Shape.CLAUSE and first_person(note):
        said = upper_first(note.text)
        if stage == INFORMATIONAL:
            return f"{said}, e os seus conselhos me ajudam a ir além."
        return f"{said}, e gostaria de trazer essa experiência para a equipe."
    if stage == INFORMATIONAL:
        return f"Os seus conselhos me ajudam a aproveitar a minha trajetória: {note.text}."
    return f"O que eu traria para a equipe: {note.text}."


_INTEREST_SCREEN = (
    "Tenho muito interesse na vaga e adoraria seguir para as próximas etapas.",
    "Seria ótimo avançar para a próxima fase.",
    "Gostaria muito de continuar no processo.",
    "Adoraria ter a oportunidade de dar o próximo passo.",
    "A conversa aumentou ainda mais o meu interesse pela oportunidade.",
    "Espero continuar essa conversa na próxima etapa.",
)
_INTEREST = (
    "Depois da conversa, o meu interesse em fazer parte da equipe só aumentou.",
    "A conversa confirmou o meu interesse pela vaga.",
    "Seria uma alegria fazer parte da sua equipe.",
    "Saí da conversa com ainda mais vontade de fazer parte do time.",
    "Adoraria ter a oportunidade de trabalhar com a equipe.",
    "Conhecer melhor o trabalho da equipe reforçou a minha vontade de participar.",
    "O meu entusiasmo pela oportunidade só cresceu.",
    "Seria um prazer contribuir com o time.",
    "Tenho ainda mais vontade de fazer parte desse projeto.",
    "A ideia de trabalhar com esse time me anima muito.",
)


def interest(variant: int, stage: str, avoid: frozenset[str] = frozenset(), panel: int = 1) -> str:
    """The member's interest restated (the company is named in the sentence before)."""
    return _pick(_INTEREST_SCREEN if stage in SCREENS else _INTEREST, variant, avoid, panel)


def correction(notes: Sequence[Note]) -> str:
    """A correction named as one: 'Gostaria de corrigir uma das minhas respostas: ...'."""
    said = "; ".join(n.text for n in notes)
    return f"Gostaria de corrigir uma das minhas respostas: {lower_first(said)}."


def as_question(note: Note) -> str:
    """The note asked as one question ending in '?'."""
    text = note.text.rstrip("?").strip()
    if note.text.endswith("?") or (_ASKING.match(text) and not text.casefold().startswith("se ")):
        return f"{upper_first(text)}?"
    if text.casefold().startswith("se "):
        return f"Poderia me dizer {text}?"
    return f"Poderia me contar mais sobre {lower_first(text)}?"


def questions(notes: Sequence[Note]) -> str | None:
    """The questions the member meant to ask, asked as questions under one lead-in."""
    asked = [as_question(n) for n in notes]
    if not asked:
        return None
    first, rest = asked[0], asked[1:]
    if first.startswith("Poderia "):
        lines = ["Poderia também " + first.removeprefix("Poderia ")]
    else:
        lines = [f"Também gostaria de perguntar: {lower_first(first)}"]
    lines += [
        f"E {q[:1].lower() + q[1:] if q.startswith('Poderia ') else lower_first(q)}" for q in rest
    ]
    return " ".join(lines)


_DATE_WORDS = re.compile(
    r"\b(?:hoje|amanhã|amanha|segunda|terça|terca|quarta|quinta|sexta|sábado|sabado|domingo|"
    r"semana que vem|próxima semana|proxima semana|esta semana|fim do dia|final do dia|"
    r"fim da semana|meio-dia|meio dia|janeiro|fevereiro|março|marco|abril|maio|junho|julho|"
    r"agosto|setembro|outubro|novembro|dezembro|\d{1,2}h\d{0,2}|\d{1,2}[:/]\d{1,2})\b",
    re.I,
)
_DATE_LEAD = re.compile(r"\s+(?:até|ate|na|no|em|antes d[eoa]|hoje|amanhã|amanha)\b", re.I)
_TIMING_WORDS = re.compile(
    r"\b(?:decis|retorno|prazo|resposta|próximos passos|proximos passos|feedback|novidade|"
    r"resultado|notícia|noticia|avisar|dar um retorno)",
    re.I,
)


def has_date(text: str) -> bool:
    """Whether a note names its own date or time, so ours would double it."""
    return _DATE_WORDS.search(text) is not None


def _infinitive_phrase(note: Note) -> str | None:
    """'enviar o portfólio' as typed, or None for a note that opens with no infinitive."""
    return lower_first(note.text) if note.shape is Shape.TO_ACTION else None


def my_promise(note: Note, due: str | None) -> str:
    """What the member promised, and by when."""
    when = "" if due is None or has_date(note.text) else f" {due}"
    action = _infinitive_phrase(note)
    if action is not None:
        return f"Conforme combinado, vou {action}{when}."
    if note.shape is Shape.CLAUSE:
        return f"Conforme combinado, {lower_first(note.text)}{when}."
    return f"Conforme combinado, vou enviar {lower_first(note.text)}{when}."


def sendable(note: Note) -> str:
    """The promised thing as a noun phrase: 'enviar o portfólio até sexta' -> 'o portfólio'."""
    text = note.text
    if note.shape is Shape.TO_ACTION:
        words = text.split()
        while words and words[0].casefold() in _CLITIC:
            words = words[1:]
        text = " ".join(words[1:]) or text
    for lead in _DATE_LEAD.finditer(text):
        found = _DATE_WORDS.search(text, lead.start())
        if found is not None and len(text[lead.start() : found.start()].split()) <= 2:
            text = text[: lead.start()].strip()
            break
    return lower_first(text) or note.text


_LINK = re.compile(r"\b(?:link|url|site|repositório|repositorio|repo)\b", re.I)


def attachment(item: str, when: str) -> str:
    """The sentence that hands over the promised item, promised `when`."""
    if _first_word(item) not in _DETERMINERS:
        return f"Conforme combinado {when}, envio o material prometido: {item}."
    if _LINK.search(item):
        return f"Conforme combinado {when}, envio {item}."
    return f"Conforme combinado {when}, envio em anexo {item}."


def about_timing(note: Note) -> bool:
    """Whether what they promised is news to wait for (a decision, a date), not a favour."""
    return has_date(note.text) or _TIMING_WORDS.search(note.text) is not None


_OFFER_LEAD = re.compile(r"^(?:vai|vão|iria|pode|podia|poderia|ficou de|se ofereceu para)\s+", re.I)


def _what_they_promised(note: Note) -> tuple[str, str]:
    """(kind, phrase): 'news' (a clause), 'offer' (an infinitive), 'expect' (a noun phrase)."""
    text = lower_first(note.text)
    if _OFFER_LEAD.match(text) and about_timing(note):
        return "news", text  # "vai dar retorno até sexta": they will, said to them
    if _OFFER_LEAD.match(text):
        return "offer", _OFFER_LEAD.sub("", text)
    if note.shape is Shape.TO_ACTION:
        return "offer", text
    if note.shape is Shape.CLAUSE:
        return "news", text
    if note.shape is Shape.NOUN_PHRASE:
        return "expect", text
    return "other", note.text


_THANKS = {
    "news": "Agradeço por me avisar que {}.",
    "offer": "Agradeço por se oferecer para {}.",
    "expect": "Agradeço por me adiantar o que esperar: {}.",
    "other": "Agradeço também por isto: {}.",
}
_RECALLED = {
    "news": "Quando conversamos, mencionou que {}.",
    "offer": "Quando conversamos, se ofereceu para {}.",
    "expect": "Quando conversamos, mencionou esta previsão: {}.",
    "other": "Quando conversamos, mencionou o seguinte: {}.",
}


def their_promises(notes: Sequence[Note]) -> str | None:
    """Thanks for what they offered, in one sentence: 'Agradeço por X e por Y.'."""
    said = [_what_they_promised(n) for n in notes]
    if not said:
        return None
    if len(said) > 1 and all(kind in ("news", "offer") for kind, _ in said):
        parts = [
            _THANKS[kind].format(p).removeprefix("Agradeço ").removesuffix(".") for kind, p in said
        ]
        return f"Agradeço {join_items(parts)}."
    return " ".join(_THANKS[kind].format(p) for kind, p in said)


def their_promise_reminder(note: Note) -> str:
    """What they promised, recalled gently in a status check."""
    kind, phrase = _what_they_promised(note)
    return _RECALLED[kind].format(phrase)
