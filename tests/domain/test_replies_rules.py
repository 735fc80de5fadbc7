"""The general phrasings each kind is read by, with examples that must and must not fire.

These sentences are not in the corpus: they check that a rule reads the phrasing (its
inflections, word order and negation) rather than one email's words.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.replies import Material, ReplyKind, classify

NOW = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
TZ = ZoneInfo("America/New_York")


def kind_of(text: str) -> ReplyKind:
    return classify(text, now=NOW, tz=TZ).kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a curly apostrophe reads as a straight one
        ("We won\u2019t be moving your application forward.", ReplyKind.REJECTION),
        ("Sadly we\u2019re not able to take your application further.", ReplyKind.REJECTION),
        ("The manager decided not to progress your application.", ReplyKind.REJECTION),
        ("In the end we settled on an internal candidate.", ReplyKind.REJECTION),
        ("The opening was withdrawn and we won't be hiring this quarter.", ReplyKind.REJECTION),
        # a hold pauses; a hold that closes the applications ends them
        ("The search is on hold until the new year; you're still in it.", ReplyKind.STILL_DECIDING),
        (
            "The role is on hold and we are closing all applications for it.",
            ReplyKind.REJECTION,
        ),
        ("No updates to share just yet, but the panel meets on Friday.", ReplyKind.STILL_DECIDING),
        ("You'll hear back from us by next Tuesday at the latest.", ReplyKind.STILL_DECIDING),
        ("Can you grab a slot on my calendar for next week?", ReplyKind.NEXT_ROUND),
        ("Would Friday morning work for you?", ReplyKind.NEXT_ROUND),
        ("Good news: you got the role! Paperwork to follow.", ReplyKind.OFFER),
        ("We'd love for you to come aboard in January.", ReplyKind.OFFER),
        ("No hemos decidido seguir adelante con tu candidatura.", ReplyKind.REJECTION),
        ("¿Qué hora te encaja mejor el martes?", ReplyKind.NEXT_ROUND),
        ("Nous pensons vous donner une réponse lundi.", ReplyKind.STILL_DECIDING),
        ("Wir sind noch mitten im Bewerbungsprozess.", ReplyKind.STILL_DECIDING),
    ],
)
def test_a_general_phrasing_is_read_as_its_kind(text: str, kind: ReplyKind) -> None:
    assert kind_of(text) is kind


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for your time after the final round; we chose another applicant.",
        "Following our second interview, we've decided to go with another candidate.",
    ],
)
def test_a_round_that_was_is_not_an_invitation_to_one(text: str) -> None:
    assert kind_of(text) is ReplyKind.REJECTION


def test_an_agency_asks_salary_without_saying_salary() -> None:
    reading = classify("What are you currently earning? Let me know.", now=NOW, tz=TZ)
    assert reading.kind is ReplyKind.MATERIAL
    assert reading.material == (Material.SALARY,)


def test_a_stop_in_portuguese_is_seen_with_any_form_of_parar() -> None:
    reading = classify("Pare de me mandar e-mails, por favor.", now=NOW, tz=TZ)
    assert reading.stop
    assert reading.kind is ReplyKind.REJECTION


@pytest.mark.parametrize(
    "text",
    [
        "Please quit calling me about this role.",
        "Kindly stop reaching out to us.",
        "Can you stop chasing me? We're done here.",
    ],
)
def test_a_stop_is_any_verb_of_contact_after_stop(text: str) -> None:
    reading = classify(text, now=NOW, tz=TZ)
    assert reading.stop
    assert reading.kind is ReplyKind.REJECTION


@pytest.mark.parametrize(
    "text",
    [
        "We stopped sending offers this year.",
        "I'll stop chasing them for us and wait for their answer.",
    ],
)
def test_stopping_something_else_is_no_stop(text: str) -> None:
    assert not classify(text, now=NOW, tz=TZ).stop


@pytest.mark.parametrize(
    ("text", "language", "material"),
    [
        ("Who are two previous supervisors we could call?", "en", Material.REFERENCES),
        (
            "Is there someone who could vouch for you? Please send a name.",
            "en",
            Material.REFERENCES,
        ),
        ("Quel est votre salaire actuel ?", "fr", Material.SALARY),
        (
            "Pouvez-vous me donner le contact de deux anciens responsables ?",
            "fr",
            Material.REFERENCES,
        ),
        ("¿Cuál es tu sueldo actual?", "es", Material.SALARY),
        ("Bitte nennen Sie uns zwei ehemalige Vorgesetzte.", "de", Material.REFERENCES),
        ("Wie hoch ist Ihr aktuelles Gehalt?", "de", Material.SALARY),
        ("Qual é a sua remuneração atual?", "pt", Material.SALARY),
    ],
)
def test_a_request_names_its_material_in_more_ways(
    text: str, language: str, material: Material
) -> None:
    reading = classify(text, now=NOW, tz=TZ, language=language)
    assert reading.kind is ReplyKind.MATERIAL
    assert reading.material == (material,)


@pytest.mark.parametrize(
    "text",
    [
        "Die Rückmeldung des Teams steht noch aus.",
        "Wir haben diese Woche noch zwei Gespräche mit anderen Bewerbern.",
        "Wir melden uns, sobald wir mehr wissen.",
    ],
)
def test_a_german_decision_pending_is_still_deciding(text: str) -> None:
    assert classify(text, now=NOW, tz=TZ, language="de").kind is ReplyKind.STILL_DECIDING


@pytest.mark.parametrize(
    ("text", "language", "tz", "back"),
    [
        ("Out of office, back on 21/12.", "en", "Europe/London", 21),
        ("Abwesenheitsnotiz: ab dem 21.12.2026 wieder im Büro.", "de", "Europe/Berlin", 21),
        ("Réponse automatique : de retour le 21/12.", "fr", "Europe/Paris", 21),
        ("Resposta automática: volto no dia 21/12.", "pt", "America/Sao_Paulo", 21),
    ],
)
def test_a_numeric_return_date_is_read_day_first(
    text: str, language: str, tz: str, back: int
) -> None:
    zone = ZoneInfo(tz)
    reading = classify(text, now=NOW, tz=zone, language=language)
    assert reading.kind is ReplyKind.OUT_OF_OFFICE
    assert reading.until is not None
    assert (reading.until.astimezone(zone).month, reading.until.astimezone(zone).day) == (12, back)


def test_a_decimal_is_no_date() -> None:
    reading = classify(
        "Wir laden Sie zu einem 1.5 Stunden langen zweiten Gespräch ein.",
        now=NOW,
        tz=ZoneInfo("Europe/Berlin"),
        language="de",
    )
    assert reading.slots == ()
