"""Spanish drafts hold to what the English corpus asks (test_debrief_corpus.py), in Spanish.

The debriefs in tests/fixtures/debriefs/es/ are typed in Spanish as a member would; each is
played through the bot (corpus.py's machinery, the file's name under "es/") and its drafts
are read here as a Spanish-speaking coach would: every fact in the note it belongs to, the
greeting and closing of the tone, usted in formal and tú otherwise, no English frame left.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.policy import Kind
from bot.drafting import sentences_es as es
from tests.drafting.corpus import (
    DEBRIEFS,
    MEMBER_NAME,
    Debrief,
    Fact,
    Person,
    Rendered,
    fold,
    kind_of,
    load,
    render,
    sentences,
    tokens,
)

NAMES = sorted(f"es/{p.stem}" for p in (DEBRIEFS / "es").glob("*.toml"))
LIMITS = {Kind.THANK_YOU: 200, Kind.STATUS_CHECK: 150}
LINKEDIN_LIMIT = 300
CLOSINGS = {"formal": "Atentamente,", "warm": "Un cordial saludo,", "concise": "Un saludo,"}
# Honorifics that say the addressee's gender, as the formal greeting writes them.
GENDERED = {"Sra.": "Estimada", "Srta.": "Estimada", "Dra.": "Estimada", "Sr.": "Estimado"}
# The English a Spanish draft must never carry: frames, greetings, closings.
ENGLISH = re.compile(
    r"\b(?:Thank you|Thanks|Dear|Hi|Hello|Best|Sincerely|Warm regards|I am|I would|"
    r"As promised|Looking forward)\b"
)
TU_FORMS = re.compile(
    r"\b(?:tú|te|ti|tu|tus|contigo|estés|podrías|dímelo|necesitas|tienes|dudes|"
    r"me dedicaste|me contaste|me hablaste)\b",
    re.IGNORECASE,
)
USTED_FORMS = re.compile(
    r"\b(?:usted|le|su|sus|esté|podría|dígamelo|necesita|tiene|dude|me dedicó)\b", re.I
)
STOPWORDS = frozenset(
    {
        "a", "al", "ante", "con", "de", "del", "desde", "el", "en", "entre", "hacia", "hasta",
        "la", "las", "lo", "los", "para", "por", "sin", "sobre", "un", "una", "unos", "unas",
        "y", "e", "o", "u", "ni", "que", "como", "si", "no", "mi", "mis", "tu", "tus", "su",
        "sus", "yo", "me", "te", "se", "nos", "le", "les", "es", "son", "era", "fue", "ser",
        "está", "están", "tiene", "tienen", "tenía", "hay", "muy", "más", "también", "ya",
        "pero", "porque", "dije", "dijo", "comentó", "él", "ella", "tú", "ti", "contigo"
    }
)  # fmt: skip


def played(name: str) -> Rendered:
    """The debrief's drafts, or a failure naming the step the bot refused."""
    rendered = render(name)
    if rendered.refused:
        pytest.fail(f"the bot refused a step of {name}:\n{rendered.refused}")
    return rendered


def stem(word: str) -> str:
    """A crude Spanish stem: plural and gender endings dropped ("migraciones" ~ "migración").

    A tú draft says a note's "habló" as "hablaste": both stem to "habl".
    """
    word = fold(word)
    for ending in ("ciones", "cion", "aste", "iste", "es", "os", "as", "s", "o", "a", "e"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def content_stems(text: str) -> list[str]:
    """The words of a note that carry its meaning, accent and case folded, stemmed."""
    return [stem(w) for w in tokens(text) if w not in STOPWORDS]


def missing(fact: str, text: str) -> list[str]:
    have = {stem(w) for w in tokens(text)}
    return [w for w in content_stems(fact) if w not in have]


def core_sentences(body: str) -> list[str]:
    """The sentences between the greeting line and the closing."""
    lines = body.splitlines()[1:]
    cut = next((i for i, ln in enumerate(lines) if ln.strip() in CLOSINGS.values()), len(lines))
    return sentences("\n".join(lines[:cut]))


def belongs_to(fact: Fact, debrief: Debrief) -> Person | None:
    """Whose thank-you the fact must be in: its owner, else the lead (topics: everyone's)."""
    if fact.owner is not None:
        return fact.owner
    return None if fact.field == "topics" else debrief.lead


def tone_of(debrief: Debrief) -> str:
    return debrief.tone or "warm"


def greeting(person: Person, tone: str) -> str:
    """The greeting a Spanish coach writes for this person in this tone."""
    if tone != "formal":
        return f"Hola, {person.greet}:"
    opener = GENDERED.get(person.formal.split()[0])
    return f"{opener} {person.formal}:" if opener else f"Buenos días, {person.formal}:"


@pytest.mark.parametrize("name", NAMES)
def test_the_bot_accepts_every_step_of_the_spanish_debrief(name: str) -> None:
    rendered = played(name)
    assert rendered.drafts, name
    assert "language=es" in rendered.debrief.log


@pytest.mark.parametrize("name", NAMES)
def test_every_recorded_fact_is_in_the_note_it_belongs_to(name: str) -> None:
    """Each fact is in a thank-you to its owner (the lead's, when unattributed), or, for
    the panel's topics and what the debrief's other drafts carry, in some draft."""
    rendered = played(name)
    debrief = rendered.debrief
    for fact in debrief.facts:
        owner = belongs_to(fact, debrief)
        texts = [b.body for p, b in rendered.thank_yous() if owner is None or p == owner]
        texts = texts or [b.body for b in rendered.drafts]
        best = min((missing(fact.text, t) for t in texts), key=len)
        assert best == [], (fact.text, best, texts)


@pytest.mark.parametrize("name", NAMES)
def test_an_item_that_belongs_to_one_interviewer_appears_only_in_their_note(name: str) -> None:
    rendered = played(name)
    for fact in rendered.debrief.facts:
        if fact.owner is None or len(content_stems(fact.text)) < 2:
            continue
        for person, block in rendered.thank_yous():
            if person != fact.owner:
                assert missing(fact.text, block.body), (fact.text, block.title, block.body)


@pytest.mark.parametrize("name", NAMES)
def test_each_draft_greets_its_person_by_the_right_form_for_the_tone(name: str) -> None:
    rendered = played(name)
    debrief = rendered.debrief
    for block in rendered.drafts:
        person = debrief.addressee(block)
        assert person is not None, block.title
        first = block.body.splitlines()[0]
        assert first == greeting(person, tone_of(debrief)), (block.title, first)
        assert CLOSINGS[tone_of(debrief)] in block.body.splitlines(), block.body


@pytest.mark.parametrize("name", NAMES)
def test_formal_says_usted_and_warm_says_tu_never_both(name: str) -> None:
    """A sentence may speak to nobody ("Quedo a la espera ..."), but none says tú in formal."""
    rendered = played(name)
    formal = tone_of(rendered.debrief) == "formal"
    texts = [t for b in rendered.drafts for t in (b.subject, b.body, b.linkedin or "")]
    for text in texts:
        if formal:
            assert not TU_FORMS.search(text), (TU_FORMS.search(text), text)
        else:
            assert "usted" not in text.casefold(), text
    if formal:
        assert any(USTED_FORMS.search(t) for t in texts), texts


@pytest.mark.parametrize("name", NAMES)
def test_no_english_frame_word_leaks_into_a_spanish_draft(name: str) -> None:
    rendered = played(name)
    for block in rendered.drafts:
        for text in (block.subject, block.body, block.linkedin or ""):
            assert not ENGLISH.search(text), (block.title, ENGLISH.search(text), text)


@pytest.mark.parametrize("name", [n for n in NAMES if len(load(n).people) > 1])
def test_panel_notes_share_at_most_one_sentence(name: str) -> None:
    rendered = played(name)
    notes = [(p, set(core_sentences(b.body))) for p, b in rendered.thank_yous()]
    shared = [
        (a, b, x & y) for (a, x), (b, y) in combinations(notes, 2) if a != b and len(x & y) > 1
    ]
    assert shared == []


@pytest.mark.parametrize("name", NAMES)
def test_every_sentence_ends_as_a_sentence_and_questions_open_with_a_mark(name: str) -> None:
    rendered = played(name)
    for block in rendered.drafts:
        for sentence in core_sentences(block.body):
            assert re.search(r"\w", sentence), (block.title, sentence)
            assert sentence.endswith((".", "?", "!")), (block.title, sentence)
            if sentence.endswith("?"):
                assert "¿" in sentence, (block.title, sentence)


@pytest.mark.parametrize("name", NAMES)
def test_drafts_stay_within_their_length_limits(name: str) -> None:
    rendered = played(name)
    for block in rendered.drafts:
        kind = kind_of(block)
        if kind in LIMITS:
            assert len(block.body.split()) <= LIMITS[kind], block.title
        if block.linkedin is not None:
            assert len(block.linkedin) <= LINKEDIN_LIMIT, (block.title, len(block.linkedin))


@pytest.mark.parametrize("name", NAMES)
def test_linkedin_thank_you_names_role_and_company(name: str) -> None:
    rendered = played(name)
    debrief = rendered.debrief
    role = debrief.options.get("role")
    for _person, block in rendered.thank_yous():
        assert block.linkedin, block.title
        assert fold(debrief.options["company"]) in fold(block.linkedin), block.linkedin
        if role and debrief.stage != "informational":
            assert fold(role) in fold(block.linkedin), block.linkedin


@pytest.mark.parametrize("name", NAMES)
def test_no_proofreader_finding_is_an_error(name: str) -> None:
    rendered = played(name)
    for block in rendered.drafts:
        errors = [f for f in block.findings if f.level == "error"]
        assert errors == [], (block.title, errors, block.body)


@pytest.mark.parametrize("name", NAMES)
def test_no_word_three_times_in_three_sentences(name: str) -> None:
    rendered = played(name)
    own = set(tokens(MEMBER_NAME))
    for block in rendered.drafts:
        found = [
            [w for w in content_stems(s) if len(w) >= 4 and w not in own]
            for s in core_sentences(block.body)
        ]
        for start in range(max(1, len(found) - 2)):
            counts = Counter(w for s in found[start : start + 3] for w in s)
            assert not [w for w, n in counts.items() if n >= 3], (block.title, block.body)


def kinds(rendered: Rendered) -> set[Kind | None]:
    return {kind_of(b) for b in rendered.drafts}


def test_the_spanish_corpus_covers_what_the_issue_asks() -> None:
    debriefs = [load(n) for n in NAMES]
    shown = [played(n) for n in NAMES]
    assert len(debriefs) >= 6
    assert {d.stage for d in debriefs} >= {
        "phone_screen", "technical", "panel", "final", "informational"
    }  # fmt: skip
    assert {d.outcome for d in debriefs} >= {"offer", "rejected"}
    assert {tone_of(d) for d in debriefs} >= {"formal", "warm"}
    assert any(len(d.people) == 3 and any(f.owner for f in d.facts) for d in debriefs)
    fields = {f.field for d in debriefs for f in d.facts}
    assert fields >= {"promised", "they_promised", "questions", "clarify"}
    people = [p for d in debriefs for p in d.people]
    assert any(p.formal.split()[0] in GENDERED for p in people)
    assert any(p.formal == p.name for p in people)  # no honorific
    assert set().union(*map(kinds, shown)) >= {
        Kind.THANK_YOU, Kind.STATUS_CHECK, Kind.REJECTION_REPLY, Kind.OFFER_REPLY,
        Kind.PROMISED_MATERIAL,
    }  # fmt: skip


def test_a_formal_greeting_never_guesses_a_gender_from_a_title_that_has_none() -> None:
    """A "Dr." typed before a name says nothing of gender in Spanish: the full name, neutral."""
    from bot.drafting.render import DraftRenderer
    from bot.services.draft_context import interviewer_variables
    from bot.storage.models import Interviewer
    from tests.drafting.sample_context import CONTEXT

    renderer = DraftRenderer().in_language("es")
    person = interviewer_variables(Interviewer(name="Dr. Ana López"))
    context = {**CONTEXT, "language": "es", "tone": "formal", "interviewer": person}
    body = renderer.render("thank_you", context).body
    assert body.splitlines()[0] == "Buenos días, Ana López:"
    women = interviewer_variables(Interviewer(name="Sra. Ana López"))
    body = renderer.render("thank_you", {**context, "interviewer": women}).body
    assert body.splitlines()[0] == "Estimada Sra. López:"
    warm = renderer.render("thank_you", {**context, "tone": "warm"}).body
    assert warm.splitlines()[0] == "Hola, Ana:"


# --- the phrasebook's sentences, for any note typed in Spanish ---------------------------

WORDS = (
    "la migración a Kafka", "cuatro años de SQL", "enviar el portafolio", "lideré el equipo",
    "cómo escalan el servicio", "si hay teletrabajo", "el plan de guardias", "mis proyectos",
    "presentarme a la directora", "nos darán respuesta el viernes", "experiencia en React",
    "¿qué stack usan?", "unos dos años de Python", "el equipo usa Airflow", "diseño",
)  # fmt: skip
NOTE = st.one_of(
    st.sampled_from(WORDS),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" y ".join),
    st.text(alphabet="abcdeéilmnoóprstuñ ¿?,.", min_size=1, max_size=30),
)


def said(note_text: str, variant: int) -> list[str]:
    """Every sentence the phrasebook writes from one note."""
    note = es.read_note(note_text)
    asked = es.read_note(note_text, "questions")
    out = [
        es.personal(note, variant, "onsite"),
        es.personal(note, variant, "technical"),
        es.shared_topics([note], "panel", also=variant % 2 == 0),
        es.correction([note]),
        es.my_promise(note, "antes del viernes"),
        es.attachment(es.sendable(note), "ayer"),
        es.their_promise_reminder(note),
        es.interest(variant, "onsite"),
    ]
    out += [
        x
        for x in (
            es.highlights([note], variant),
            es.strength([note], variant, "onsite", tied=variant % 2 == 1),
            es.questions([asked]),
            es.their_promises([note]),
        )
        if x is not None
    ]
    return out if not note.empty else []


@given(NOTE, st.integers(min_value=0, max_value=12))
def test_the_phrasebooks_sentences_are_never_empty_nor_english(text: str, variant: int) -> None:
    for sentence in said(text, variant):
        assert re.search(r"\w{2,}", sentence), (text, sentence)
        assert sentence.endswith((".", "?")), (text, sentence)
        assert not ENGLISH.search(sentence), (text, sentence)
        assert not TU_FORMS.search(sentence.replace(text, "")), (text, sentence)
        assert "  " not in sentence, (text, sentence)


@given(NOTE)
def test_a_question_is_always_opened_and_closed_the_spanish_way(text: str) -> None:
    note = es.read_note(text, "questions")
    if note.empty:
        return
    asked = es.questions([note])
    assert asked is not None
    assert asked.endswith("?"), asked
    assert "¿" in asked, asked
    assert asked.count("¿") == asked.count("?"), asked


@pytest.mark.parametrize(
    ("note", "shape"),
    [
        ("la migración a Kafka", "noun_phrase"),
        ("cuatro años de SQL", "years"),
        ("enviar el portafolio", "to_action"),
        ("lideré la migración", "clause"),
        ("me enseñó su tablero", "clause"),
        ("el equipo usa Airflow", "clause"),
        ("¿qué stack usan?", "question"),
        ("el lugar de trabajo", "noun_phrase"),
    ],
)
def test_a_note_is_read_into_its_shape(note: str, shape: str) -> None:
    assert es.read_note(note).shape == shape


def test_de_contracts_with_el_and_y_becomes_e_before_an_i_sound() -> None:
    assert es.shared_topics([es.read_note("el plan de guardias")], "onsite") == (
        "Disfruté hablando del plan de guardias."
    )
    assert es.join_items(["SQL", "informes"]) == "SQL e informes"
    assert es.join_items(["A", "B", "C"]) == "A, B y C"


def test_a_strength_is_the_members_own_and_years_stay_plural() -> None:
    line = es.strength([es.read_note("cuatro años de SQL")], 0, "onsite", tied=False)
    assert line == "Creo que podría aportar desde el primer día gracias a mis cuatro años de SQL."
    action = es.strength([es.read_note("liderar equipos remotos")], 1, "onsite", tied=False)
    assert (
        action
        == "Me encantaría poner mi experiencia liderando equipos remotos al servicio del equipo."
    )


def test_their_promise_is_thanked_and_recalled_by_its_shape() -> None:
    offer = es.read_note("presentarme a la directora de producto")
    assert es.their_promises([offer]) == (
        "Agradezco mucho el ofrecimiento de presentarme a la directora de producto."
    )
    news = es.read_note("los próximos pasos antes del viernes")
    assert es.about_timing(news)
    assert es.their_promise_reminder(news) == (
        "Cuando hablamos, se mencionaron los próximos pasos antes del viernes."
    )


def test_what_is_attached_leaves_the_date_behind() -> None:
    assert es.sendable(es.read_note("enviar el portafolio antes del viernes")) == "el portafolio"
    assert es.attachment("el enlace a mi repositorio", "ayer") == (
        "Tal como quedamos ayer, comparto el enlace a mi repositorio."
    )


# --- notes about the addressee, said to them in tú --------------------------------------

MARTA = ("Marta Gil", "Marta")


@pytest.mark.parametrize(
    ("note", "to_you"),
    [
        ("le interesó mi experiencia con Kafka", "te interesó mi experiencia con Kafka"),
        ("me habló de su equipo", "me hablaste de tu equipo"),
        ("Marta me contó que su equipo migra a Kafka", "me contaste que tu equipo migra a Kafka"),
        ("ella me enseñó sus tableros de Grafana", "me enseñaste tus tableros de Grafana"),
        ("me recomendó un libro y me pidió mi CV", "me recomendaste un libro y me pediste mi CV"),
        ("nos explicó cómo escalan el servicio", "nos explicaste cómo escalan el servicio"),
        ("me dijo que ella es la CTO", "me dijiste que eres la CTO"),
        ("Marta lidera el equipo de datos", "tú lideras el equipo de datos"),
        ("le pregunté por el teletrabajo", "te pregunté por el teletrabajo"),
        ("se lo envié ayer por correo", "te lo envié ayer por correo"),
        ("a ella le gustó mi portafolio", "a ti te gustó mi portafolio"),
        ("me gustó su enfoque del onboarding", "me gustó tu enfoque del onboarding"),
        ("el equipo de Marta usa Airflow", "tu equipo usa Airflow"),
        ("hablé con Marta sobre el roadmap", "hablé contigo sobre el roadmap"),
        ("ella me enviará el detalle del proceso", "me enviarás el detalle del proceso"),
        # the migration's risks are not hers: "sus" stays where no person's thing follows
        ("me explicó la migración y sus riesgos", "me explicaste la migración y sus riesgos"),
    ],
)
def test_a_note_about_the_addressee_is_said_to_them_in_tu(note: str, to_you: str) -> None:
    assert es.addressed(note, MARTA, familiar=True) == to_you
    assert es.read_note(to_you).shape == "clause"


@pytest.mark.parametrize(
    "note",
    [
        "le interesó mi experiencia con Kafka",
        "me habló de su equipo",
        "Marta me contó que su equipo migra a Kafka",
    ],
)
def test_usted_keeps_the_third_person_which_already_speaks_to_them(note: str) -> None:
    assert es.addressed(note, MARTA) == note
    assert es.addressed(note, MARTA, familiar=False) == note


@pytest.mark.parametrize(
    "note",
    [
        "me contó que Luis lidera el equipo",  # Luis is on the panel too: 'su' may be his
        "ella y él me explicaron el proceso",  # both pronouns: whose is which?
        "lideré la migración a Kafka",  # the member's own, first person
        "la migración a Kafka",
        "cómo escalan el servicio",
    ],
)
def test_tu_leaves_what_is_not_the_addressees_as_typed(note: str) -> None:
    assert es.addressed(note, MARTA, ("Luis Pardo", "Luis"), familiar=True) == note


def test_a_tu_draft_says_the_notes_to_its_addressee_and_an_usted_draft_as_typed() -> None:
    """The same third-person notes, in a warm and a formal thank-you to Marta Gil."""
    (tu,) = [
        b.body for _p, b in played("es/presencial_cercana_notas_en_tercera_persona").thank_yous()
    ]
    (usted,) = [
        b.body for _p, b in played("es/presencial_formal_notas_en_tercera_persona").thank_yous()
    ]
    for said in ("te interesó", "me hablaste de tu equipo", "me contaste que tu equipo"):
        assert said in tu, tu
    for typed in ("le interesó", "me habló de su equipo", "me contó que su equipo"):
        assert typed not in tu, tu
        assert typed in usted, usted
    assert not TU_FORMS.search(usted), usted
