"""`Name: ...` items belong to that interviewer; the rest go to the lead."""

from __future__ import annotations

from bot.domain.attribution import lead, owner_items, split_attributed
from bot.storage.models import Interviewer


def panel() -> tuple[Interviewer, Interviewer, Interviewer]:
    return (
        Interviewer(name="Dr. Hana Kobayashi"),
        Interviewer(name="Tomás Ruiz"),
        Interviewer(name="Nguyễn Thị Hương", greet_as="Hương"),
    )


def test_items_with_a_name_prefix_belong_to_that_person_in_order() -> None:
    hana, tomas, huong = panel()
    text = "Tomas: the on-call rota; whether they hire remote\nDr. Kobayashi: the ML roadmap"
    assert split_attributed(text, [hana, tomas, huong]) == [
        (tomas, "the on-call rota"),
        (None, "whether they hire remote"),
        (hana, "the ML roadmap"),
    ]


def test_given_greeting_and_accentless_names_all_attribute() -> None:
    hana, tomas, huong = panel()
    text = "Hana: one; huong: two; TOMÁS: three; Hương: four"
    owners = [owner for owner, _ in split_attributed(text, [hana, tomas, huong])]
    assert owners == [hana, huong, tomas, huong]


def test_a_prefix_that_names_nobody_is_just_text() -> None:
    hana, tomas, huong = panel()
    text = "Note: the deck is 20 slides; 10:30 call with the team"
    assert split_attributed(text, [hana, tomas, huong]) == [
        (None, "Note: the deck is 20 slides"),
        (None, "10:30 call with the team"),
    ]


def test_a_prefix_naming_two_people_is_left_unattributed() -> None:
    doe, roe = Interviewer(name="Jane Doe"), Interviewer(name="Jane Roe")
    assert split_attributed("Jane: the budget", [doe, roe]) == [(None, "Jane: the budget")]


def test_nothing_typed_gives_nothing() -> None:
    assert split_attributed(None, list(panel())) == []
    assert split_attributed("Hana:  ; ", list(panel())) == []


def test_the_lead_is_the_contact_person_else_the_first_listed() -> None:
    hana, tomas, huong = panel()
    people = [hana, tomas, huong]
    assert lead(people, None) is hana
    assert lead(people, tomas) is tomas
    assert lead(people, Interviewer(name="Someone Else")) is hana
    assert lead([], None) is None


def test_owner_items_give_the_lead_the_unattributed_and_each_person_their_own() -> None:
    hana, tomas, huong = panel()
    people = [hana, tomas, huong]
    text = "Tomas: the rota; the deck by Friday; Hương: the design doc"
    assert owner_items(text, people, tomas, tomas) == ["the rota", "the deck by Friday"]
    assert owner_items(text, people, hana, tomas) == []
    assert owner_items(text, people, huong, tomas) == ["the design doc"]
    assert owner_items(text, people, hana, hana) == ["the deck by Friday"]


def test_a_note_with_nobody_to_address_keeps_the_unattributed_items() -> None:
    assert owner_items("the deck; Jane: x", [], None, None) == ["the deck", "Jane: x"]
