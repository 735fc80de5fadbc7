"""Name forms: greetings never an honorific or an initial alone, lookups by any typed form."""

from __future__ import annotations

import pytest

from bot.domain.names import TITLES, find, fold, matches, person_name
from bot.storage.models import Interviewer

# (stored name, greeting name given, (honorific, given, family, greet, formal))
CASES = [
    ("Jane Doe", None, (None, "Jane", "Doe", "Jane", "Jane Doe")),
    ("Dr. Hana Kobayashi", None, ("Dr.", "Hana", "Kobayashi", "Hana", "Dr. Kobayashi")),
    ("Dr Hana Kobayashi", None, ("Dr.", "Hana", "Kobayashi", "Hana", "Dr. Kobayashi")),
    ("Prof. Ana Lima", None, ("Prof.", "Ana", "Lima", "Ana", "Prof. Lima")),
    ("Ms Jo Park", None, ("Ms.", "Jo", "Park", "Jo", "Ms. Park")),
    ("Mr. Kofi Mensah", None, ("Mr.", "Kofi", "Mensah", "Kofi", "Mr. Mensah")),
    ("Kofi", None, (None, "Kofi", None, "Kofi", "Kofi")),
    ("Nguyễn Thị Hương", None, (None, "Hương", "Nguyễn", "Hương", "Nguyễn Thị Hương")),
    ("Nguyen Van An", None, (None, "An", "Nguyen", "An", "Nguyen Van An")),
    ("Trần Minh Khoa", None, (None, "Khoa", "Trần", "Khoa", "Trần Minh Khoa")),
    ("Anh Nguyen", None, (None, "Anh", "Nguyen", "Anh", "Anh Nguyen")),
    ("Jean-Luc Picard", None, (None, "Jean-Luc", "Picard", "Jean-Luc", "Jean-Luc Picard")),
    ("Mary-Kate O'Neil", None, (None, "Mary-Kate", "O'Neil", "Mary-Kate", "Mary-Kate O'Neil")),
    ("Zoë Ångström", None, (None, "Zoë", "Ångström", "Zoë", "Zoë Ångström")),
    ("李雷", None, (None, None, None, "李雷", "李雷")),
    ("Tomás Ruiz", None, (None, "Tomás", "Ruiz", "Tomás", "Tomás Ruiz")),
    ("Robert Smith", "Bob", (None, "Robert", "Smith", "Bob", "Robert Smith")),
    ("Hana Kobayashi, PhD", None, (None, "Hana", "Kobayashi", "Hana", "Hana Kobayashi")),
    ("Dr. Kobayashi", None, ("Dr.", None, "Kobayashi", "Dr. Kobayashi", "Dr. Kobayashi")),
    ("J. Smith", None, (None, None, "Smith", "J. Smith", "J. Smith")),
    ("J. Robert Smith", None, (None, "Robert", "Smith", "Robert", "J. Robert Smith")),
    ("Jean de la Fontaine", None, (None, "Jean", "de la Fontaine", "Jean", "Jean de la Fontaine")),
    ("Dr. Hana Kobayashi", "Dr.", ("Dr.", "Hana", "Kobayashi", "Hana", "Dr. Kobayashi")),
    ("Prof. Dr. Anna Weber", None, ("Prof. Dr.", "Anna", "Weber", "Anna", "Prof. Dr. Weber")),
    # Two words ending in a Vietnamese family name: given name first, as written in English.
    ("Vu Nguyen", None, (None, "Vu", "Nguyen", "Vu", "Vu Nguyen")),
    ("Dang Nguyen", None, (None, "Dang", "Nguyen", "Dang", "Dang Nguyen")),
    ("Trần Văn Minh", None, (None, "Minh", "Trần", "Minh", "Trần Văn Minh")),
    # Knighthoods take the given name formally; every other title the family name.
    ("Sir Ian McKellen", None, ("Sir", "Ian", "McKellen", "Ian", "Sir Ian")),
    ("Dame Judi Dench", None, ("Dame", "Judi", "Dench", "Judi", "Dame Judi")),
    ("Lord Alan Sugar", None, ("Lord", "Alan", "Sugar", "Alan", "Lord Sugar")),
    ("Lady Ada Lovelace", None, ("Lady", "Ada", "Lovelace", "Ada", "Lady Lovelace")),
    ("Madam Li Na", None, ("Madam", "Li", "Na", "Li", "Madam Na")),
    ("Rev. Jane Smith", None, ("Rev.", "Jane", "Smith", "Jane", "Rev. Smith")),
    ("Fr John Doe", None, ("Fr.", "John", "Doe", "John", "Fr. Doe")),
    ("Sr. Mary Lee", None, ("Sr.", "Mary", "Lee", "Mary", "Sr. Lee")),
    ("John Smith Sr.", None, (None, "John", "Smith", "John", "John Smith")),
]


@pytest.mark.parametrize(("name", "greet_as", "expected"), CASES)
def test_person_name_reads_every_form(
    name: str, greet_as: str | None, expected: tuple[str | None, ...]
) -> None:
    person = person_name(name, greet_as)
    assert (person.honorific, person.given, person.family, person.greet, person.formal) == (
        expected
    )
    assert person.full == name


@pytest.mark.parametrize(("name", "greet_as"), [(c[0], c[1]) for c in CASES])
def test_no_greeting_is_an_honorific_or_an_initial_alone_or_empty(
    name: str, greet_as: str | None
) -> None:
    greet = person_name(name, greet_as).greet
    assert greet.strip()
    assert greet.rstrip(".").casefold() not in TITLES
    assert len(greet.rstrip(".")) != 1


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Zoë Ångström", "zoe angstrom"),
        ("  Jean-Luc__Picard ", "jean luc picard"),
        ("Đặng Văn Lâm", "dang van lam"),
        ("TOMÁS", "tomas"),
    ],
)
def test_fold_drops_case_accents_and_separators(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("name", "greet_as", "typed"),
    [
        ("Tomás Ruiz", None, "Tomas"),
        ("Tomás Ruiz", None, "tomás"),
        ("Tomás Ruiz", None, "tomas_ruiz"),
        ("Dr. Hana Kobayashi", None, "hana"),
        ("Dr. Hana Kobayashi", None, "dr kobayashi"),
        ("Dr. Hana Kobayashi", None, "Dr. Kobayashi"),
        ("Dr. Hana Kobayashi", None, "Kobayashi"),
        ("Dr. Hana Kobayashi", None, "Hana Kobayashi"),
        ("Dr. Hana Kobayashi", None, "Dr. Hana Kobayashi"),
        ("Dr. Hana Kobayashi", None, "Dr. Hana"),
        ("Prof. Dr. Anna Weber", None, "dr weber"),
        ("Nguyễn Thị Hương", "Hương", "huong"),
        ("Nguyễn Thị Hương", None, "huong"),
        ("Nguyễn Thị Hương", None, "Nguyen Thi Huong"),
        ("Robert Smith", "Bob", "bob"),
        ("Jean-Luc Picard", None, "jean-luc"),
        ("李雷", None, "李雷"),
        ("Jürgen Müller", None, "juergen"),
        ("Jürgen Müller", None, "Mueller"),
        ("Jürgen Müller", None, "jurgen_muller"),
        ("Juergen Mueller", None, "Jürgen"),
        ("Juergen Mueller", None, "müller"),
        ("Zoë Köhler", None, "koehler"),
        ("Anna Straße", None, "strasse"),
        ("Anna Strasse", None, "Straße"),
        ("Sir Ian McKellen", None, "ian"),
        ("Sir Ian McKellen", None, "McKellen"),
    ],
)
def test_a_person_is_found_by_any_form_a_member_types(
    name: str, greet_as: str | None, typed: str
) -> None:
    assert matches(person_name(name, greet_as), typed)


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("Dr. Hana Kobayashi", "dr"),
        ("Dr. Hana Kobayashi", "Han"),
        ("Tomás Ruiz", ""),
        ("Jo Park", "Jo Parker"),
        ("Sir Ian McKellen", "sir"),
        ("Juergen Mueller", "Jurgen"),
    ],
)
def test_a_title_or_a_part_of_a_name_finds_nobody(name: str, typed: str) -> None:
    assert not matches(person_name(name), typed)


def test_a_full_name_typed_exactly_wins_over_a_shared_given_name() -> None:
    jane, jane_doe = Interviewer(name="Jane"), Interviewer(name="Jane Doe")
    assert find([jane, jane_doe], "jane") == [jane]
    assert find([jane, jane_doe], "Jane Doe") == [jane_doe]


def test_a_shared_given_name_finds_both_people() -> None:
    doe, roe = Interviewer(name="Jane Doe"), Interviewer(name="Jane Roe")
    assert find([doe, roe], "Jane") == [doe, roe]
