"""Spanish drafts: the conventions of Spanish, over the corpus and the phrasebook.

The properties every language's corpus holds to (each fact in its note, limits, no English
frame, ...) are asked of tests/fixtures/debriefs/es/ in test_drafts_languages.py. Here, what
a Spanish-speaking coach reads for besides: the greeting of the tone, usted in formal and tú
otherwise, questions opened with '¿', and the phrasebook's sentences for any note.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.policy import Kind
from bot.drafting import sentences_es as es
from tests.drafting.corpus import Person, Rendered, kind_of, load
from tests.drafting.drafts_lang import SPANISH, played, tone_of

NAMES = SPANISH.names
ENGLISH = SPANISH.english
# Honorifics that say the addressee's gender, as the formal greeting writes them.
GENDERED = {"Sra.": "Estimada", "Srta.": "Estimada", "Dra.": "Estimada", "Sr.": "Estimado"}
TU_FORMS = re.compile(
    r"\b(?:tú|te|ti|tu|tus|contigo|estés|podrías|dímelo|necesitas|tienes|dudes|"
    r"me dedicaste|me contaste|me hablaste)\b",
    re.IGNORECASE,
)
USTED_FORMS = re.compile(
    r"\b(?:usted|le|su|sus|esté|podría|dígamelo|necesita|tiene|dude|me dedicó)\b", re.I
)


def greeting(person: Person, tone: str) -> str:
    """The greeting a Spanish coach writes for this person in this tone."""
    if tone != "formal":
        return f"Hola, {person.greet}:"
    opener = GENDERED.get(person.formal.split()[0])
    return f"{opener} {person.formal}:" if opener else f"Buenos días, {person.formal}:"


@pytest.mark.parametrize("name", NAMES)
def test_each_draft_greets_its_person_by_the_right_form_for_the_tone(name: str) -> None:
    """(Each closes as its tone wants: test_drafts_languages.py.)"""
    rendered = played(name)
    debrief = rendered.debrief
    for block in rendered.drafts:
        person = debrief.addressee(block)
        assert person is not None, block.title
        first = block.body.splitlines()[0]
        assert first == greeting(person, tone_of(debrief)), (block.title, first)


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
def test_a_question_in_a_draft_opens_with_its_mark(name: str) -> None:
    """Spanish opens what '?' closes: every question sentence holds a '¿'."""
    rendered = played(name)
    for block in rendered.drafts:
        for sentence in SPANISH.core_sentences(block.body):
            if sentence.endswith("?"):
                assert "¿" in sentence, (block.title, sentence)


def kinds(rendered: Rendered) -> set[Kind | None]:
    return {kind_of(b) for b in rendered.drafts}


def test_the_spanish_corpus_covers_what_the_issue_asks() -> None:
    """Beyond every corpus's stages, outcomes and tones: a panel with attributed notes, the
    fields, gendered and bare names, and every kind of draft."""
    debriefs = [load(n) for n in NAMES]
    shown = [played(n) for n in NAMES]
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
