"""`with=`: the name to greet someone by, in brackets or quotes, and its friendly errors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.names import greets_someone, person_name
from bot.domain.people import PersonSpec, parse_people
from bot.errors import UserError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Robert Smith [Bob]", PersonSpec("Robert Smith", None, None, "Bob")),
        ('Robert "Bob" Smith', PersonSpec("Robert Smith", None, None, "Bob")),
        ("Robert \u201cBob\u201d Smith", PersonSpec("Robert Smith", None, None, "Bob")),
        (
            "Nguyễn Thị Hương [Hương] (Senior Engineer) <huong@x.vn>",
            PersonSpec("Nguyễn Thị Hương", "Senior Engineer", "huong@x.vn", "Hương"),
        ),
        ("Robert Smith [ Bob ], CTO", PersonSpec("Robert Smith", "CTO", None, "Bob")),
        ("Jane Doe, Lead [Infra]", PersonSpec("Jane Doe", "Lead [Infra]", None)),
        ("Jane Doe (Lead [Infra])", PersonSpec("Jane Doe", "Lead [Infra]", None)),
        (
            "Dr. Hana Kobayashi [Dr. Kobayashi]",
            PersonSpec("Dr. Hana Kobayashi", None, None, "Dr. Kobayashi"),
        ),
        ("Hana Kobayashi, PhD", PersonSpec("Hana Kobayashi", "PhD", None)),
        ("J. [Jay]", PersonSpec("J.", None, None, "Jay")),
        ("A B", PersonSpec("A B", None, None)),
    ],
)
def test_a_greeting_name_is_read_and_removed_from_the_name(text: str, expected: PersonSpec) -> None:
    assert parse_people(text) == [expected]


def test_several_people_each_keep_their_own_greeting() -> None:
    text = "Nguyễn Thị Hương [Hương] (Senior Engineer) <huong@x.vn>; Robert Smith [Bob]; Raj"
    assert [p.greet_as for p in parse_people(text)] == ["Hương", "Bob", None]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Robert Smith []", "empty"),
        ("Robert Smith [  ]", "empty"),
        ('Robert "" Smith', "empty"),
        ("Robert Smith [Bob", "without its partner"),
        ("Robert Smith Bob]", "without its partner"),
        ("Robert [Rob] Smith [Bob]", "more than one"),
        ('Robert "Rob" Smith [Bob]', "two names"),
        ("Hana Kobayashi [Dr.]", "isn't a name"),
        ("Jane Doe [J.]", "isn't a name"),
        ("Jane Doe [" + "x" * 101 + "]", "limit is 100"),
        ("Dr.", "is a title"),
        ("Dr. Dr.", "is a title"),
        ("J. PhD", "no name I could greet"),
        ("Prof (Head of Research)", "is a title"),
    ],
)
def test_a_greeting_typed_wrong_gets_a_friendly_error(text: str, says: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_people(text)
    assert says in caught.value.message
    assert caught.value.hint


NAME_PARTS = st.sampled_from(
    ["Dr.", "Dr", "Prof", "Ms", "Mr.", "J.", "Hana", "Nguyễn", "Thị", "Hương", "李雷", "O'Neil",
     "Jean-Luc", "van", "PhD", "Jr.", ",", "[", "]", "[Bob]", '"Bob"', "\u201cBo\u201d", "(", ")",
     "<a@b.co>", " ", ";", "[]", "x" * 60]
)  # fmt: skip


@given(st.lists(NAME_PARTS, max_size=8).map(" ".join))
def test_any_with_text_is_read_or_refused_politely_and_greets_by_a_real_name(text: str) -> None:
    """Nothing typed into with= crashes, and no accepted person is greeted by a title alone."""
    try:
        specs = parse_people(text)
    except UserError as error:
        assert error.message
        return
    for spec in specs:
        assert greets_someone(person_name(spec.name, spec.greet_as).greet)
