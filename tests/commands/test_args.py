"""Command-argument parsing: the grammar members type in every chat platform."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.commands.args import (
    MAX_INPUT_CHARS,
    ParsedArgs,
    clean_text,
    parse_args,
    parse_ref,
)
from bot.domain.people import MAX_PEOPLE, PersonSpec, parse_people, split_list
from bot.errors import UserError

QUOTE_HINT = 'Put quotes around values with spaces, like company="Acme Corp".'

# Typographic quotes spelled as escapes so the tables stay readable and lint-clean.
LDQ, RDQ, LOW_DQ = "\u201c", "\u201d", "\u201e"
LSQ, RSQ = "\u2018", "\u2019"


# --- clean_text: what is left of what a member typed ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ac\x00me", "Acme"),
        ("\x1b[1;31mred\x1b[0m text", "red text"),  # a whole CSI sequence, not just ESC
        ("\x9b2Jcleared", "cleared"),  # the one-byte C1 CSI
        ("\x1b]0;a title\x07after", "after"),  # OSC ended by BEL
        ("\x1b]8;;https://x.test\x1b\\link", "link"),  # OSC ended by ST
        ("lone \x1b escape", "lone  escape"),
        ("\x1b]no terminator", "]no terminator"),  # never swallows the rest of the text
        ("bell\x07 del\x7f nel\x85 c1\x9f", "bell del nel c1"),
        ("a\tb\nc", "a\tb\nc"),  # tab and newline are what members mean
        ("windows\r\nline\rend", "windows\nline\nend"),
        ("Zoë 李雷 🎉 \u200d", "Zoë 李雷 🎉 \u200d"),  # everything else is left alone
    ],
)
def test_clean_text_drops_control_characters_but_tab_and_newline(text: str, expected: str) -> None:
    assert clean_text(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_text_leaves_no_control_character_and_is_idempotent(text: str) -> None:
    cleaned = clean_text(text)
    assert not [ch for ch in cleaned if ch not in "\t\n" and (ch < " " or "\x7f" <= ch <= "\x9f")]
    assert clean_text(cleaned) == cleaned


# --- parse_args: what it accepts ---


def test_parse_args_reads_the_full_log_command_into_options() -> None:
    """The canonical /interview log example must come out exactly as typed."""
    parsed = parse_args(
        'company="Acme" role="Backend Engineer" when="tomorrow 3pm" stage=onsite '
        'with="Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel"'
    )
    assert parsed.positionals == ()
    assert dict(parsed.options) == {
        "company": "Acme",
        "role": "Backend Engineer",
        "when": "tomorrow 3pm",
        "stage": "onsite",
        "with": "Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel",
    }


@pytest.mark.parametrize(
    ("text", "positionals", "options"),
    [
        ("", (), {}),
        ("   \t\n ", (), {}),
        ("#3", ("#3",), {}),
        ("#3 thank_you Jane", ("#3", "thank_you", "Jane"), {}),
        (
            '#3 topics="system design; on-call" promised="send my portfolio by Friday"',
            ("#3",),
            {
                "topics": "system design; on-call",
                "promised": "send my portfolio by Friday",
            },
        ),
        ("a k=v b", ("a", "b"), {"k": "v"}),
        ('"Jane Doe" #3', ("Jane Doe", "#3"), {}),
        ("'Jane Doe'", ("Jane Doe",), {}),
        ("a\tb\nc", ("a", "b", "c"), {}),
        ("a\u00a0b", ("a", "b"), {}),
        ("timezone=Europe/Berlin", (), {"timezone": "Europe/Berlin"}),
        ('url="https://x.io/?a=1&b=2"', (), {"url": "https://x.io/?a=1&b=2"}),
        ("eq==x", (), {"eq": "=x"}),
        ("3=4 =x #3=y", ("3=4", "=x", "#3=y"), {}),
        ("café=1 Ärger-Frei=2", (), {"café": "1", "ärger_frei": "2"}),
    ],
)
def test_parse_args_splits_positionals_and_options(
    text: str, positionals: tuple[str, ...], options: dict[str, str]
) -> None:
    """Bare words stay in order; only identifier= tokens become options."""
    parsed = parse_args(text)
    assert parsed.positionals == positionals
    assert dict(parsed.options) == options


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("Company=Acme", "company", "Acme"),
        ("FOLLOW-UP=friday", "follow_up", "friday"),
        ("_x-y-z=1", "_x_y_z", "1"),
    ],
)
def test_parse_args_normalizes_keys_to_lower_snake_case(text: str, key: str, expected: str) -> None:
    """Handlers look options up by one spelling, whatever case or dashes were typed."""
    assert dict(parse_args(text).options) == {key: expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"company={LDQ}Acme Corp{RDQ}", "Acme Corp"),
        (f"company={RDQ}Acme Corp{RDQ}", "Acme Corp"),
        (f"company={LOW_DQ}Acme Corp{LDQ}", "Acme Corp"),
        (f"company={LSQ}Acme Corp{RSQ}", "Acme Corp"),
        (f"company={RSQ}Acme Corp{RSQ}", "Acme Corp"),
        (f'company={LDQ}Acme Corp"', "Acme Corp"),
        (f"company={LSQ}don{RSQ}t worry{RSQ}", f"don{RSQ}t worry"),
    ],
)
def test_parse_args_treats_smart_quotes_like_straight_quotes(text: str, expected: str) -> None:
    """Phones autocorrect quotes; the value must still be read as one quoted string."""
    assert parse_args(text).options["company"] == expected


def test_parse_args_reads_a_smart_quoted_positional_as_one_word() -> None:
    """A phone-typed quoted name is a single positional, quotes removed."""
    assert parse_args(f"#3 thank_you {LDQ}Jane Doe{RDQ}").positionals == (
        "#3",
        "thank_you",
        "Jane Doe",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("company=O'Reilly", "O'Reilly"),
        ("company=O\u2019Reilly", "O\u2019Reilly"),
        ("company=don't", "don't"),
        ("company='don't worry'", "don't worry"),
        ('company="don\'t worry"', "don't worry"),
        ('company=it\'s"quoted"', 'it\'s"quoted"'),
    ],
)
def test_parse_args_keeps_apostrophes_inside_words(text: str, expected: str) -> None:
    """Only a quote at the start of a value opens a string; mid-word ones are text."""
    assert parse_args(text).options["company"] == expected


def test_parse_args_keeps_apostrophes_in_positionals() -> None:
    """Names like O'Brien typed bare must not open a quoted string."""
    assert parse_args("#3 thank_you O'Brien").positionals == (
        "#3",
        "thank_you",
        "O'Brien",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r'note="say \"hi\" now"', 'say "hi" now'),
        (r"note='it\'s fine'", "it's fine"),
        (r'note="ends with quote\""', 'ends with quote"'),
        (r'note="back\\slash"', "back\\slash"),
        (r'note="C:\\temp\\"', "C:\\temp\\"),
        (r'note="a\nb"', "a\\nb"),
        ('note="he said "no""', 'he said "no"'),
        ('note="two\nlines"', "two\nlines"),
    ],
)
def test_parse_args_honours_backslash_escapes_inside_quotes(text: str, expected: str) -> None:
    """Escaped quotes and backslashes are literal; other backslashes are left alone."""
    assert parse_args(text).options["note"] == expected


@pytest.mark.parametrize(
    "text",
    ["stage=", 'stage=""', "stage=''", f"stage={LDQ}{RDQ}", 'stage="   "', "stage= "],
)
def test_parse_args_keeps_empty_values_as_empty_strings(text: str) -> None:
    """`key=` means "clear this field", so it must survive as "" rather than vanish."""
    parsed = parse_args(text)
    assert dict(parsed.options) == {"stage": ""}
    assert parsed.positionals == ()


def test_parse_args_strips_whitespace_around_quoted_values() -> None:
    """Stray spaces inside quotes are never meaningful in a field value."""
    assert parse_args('company="  Acme  " " Jane "') == ParsedArgs(
        positionals=("Jane",), options={"company": "Acme"}
    )


def test_parse_args_returns_read_only_options() -> None:
    """One handler must not be able to change the options another handler sees."""
    options = parse_args("a=1").options
    with pytest.raises(TypeError):
        options["a"] = "2"  # type: ignore[index]


# --- parse_args: what it refuses ---


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("company=Acme company=Globex", "company"),
        ('company="Acme" Company=""', "company"),
        ("follow-up=a follow_up=b", "follow_up"),
        ("#3 stage= x stage=onsite", "stage"),
    ],
)
def test_parse_args_rejects_a_repeated_key_and_names_it(text: str, key: str) -> None:
    """Silently keeping one of two values would lose what the member meant."""
    with pytest.raises(UserError) as caught:
        parse_args(text)
    assert caught.value.message == f"You gave {key}= more than once."


@pytest.mark.parametrize(
    ("text", "near"),
    [
        ('company="Acme', 'company="Acme'),
        ('company="Acme Corp role=x', 'company="Acme Corp role=x'),
        ('#3 "Jane', '"Jane'),
        ("note='hi", "note='hi"),
        (f"company={LDQ}Acme", f"company={LDQ}Acme"),
        ('"', '"'),
        ("company='Acme\"", "company='Acme\""),
        ('company="Acme"Corp', 'company="Acme"Corp'),
        (r'note="escaped at end\"', r'note="escaped at end\"'),
    ],
)
def test_parse_args_rejects_an_unmatched_quote_and_shows_where(text: str, near: str) -> None:
    """An unclosed quote would swallow the rest of the command, so refuse it."""
    with pytest.raises(UserError) as caught:
        parse_args(text)
    assert caught.value.message == f"There's an unmatched quote near `{near}`."
    assert caught.value.hint == QUOTE_HINT


def test_parse_args_shortens_the_snippet_of_a_long_unmatched_quote() -> None:
    """The error reply stays one line even when the rest of the command is long."""
    with pytest.raises(UserError) as caught:
        parse_args('note="' + "x" * 200)
    assert caught.value.message == ("There's an unmatched quote near `note=\"" + "x" * 23 + "…`.")


def test_parse_args_accepts_input_at_the_length_limit() -> None:
    """Exactly the limit is allowed; only longer input is refused."""
    text = "note=" + "x" * (MAX_INPUT_CHARS - 5)
    assert len(parse_args(text).options["note"]) == MAX_INPUT_CHARS - 5


@pytest.mark.parametrize("length", [MAX_INPUT_CHARS + 1, 100_000])
def test_parse_args_rejects_input_over_the_length_limit(length: int) -> None:
    """Oversized pastes are refused up front and the reply says what the limit is."""
    with pytest.raises(UserError) as caught:
        parse_args("x" * length)
    assert caught.value.message == (
        f"That's {length:,} characters; the limit is {MAX_INPUT_CHARS:,}."
    )


# --- parse_ref ---


@pytest.mark.parametrize(
    ("token", "expected"),
    [("#3", 3), ("3", 3), (" #12 ", 12), ("#007", 7), ("#2147483647", 2_147_483_647)],
)
def test_parse_ref_reads_interview_numbers_with_or_without_hash(token: str, expected: int) -> None:
    """Members copy "#3" from /interview list but often type just "3"."""
    assert parse_ref(token) == expected


@pytest.mark.parametrize(
    "token",
    [
        "#x",
        "",
        "#",
        "##3",
        "3a",
        "#3.5",
        "-3",
        "#0",
        "#2147483648",
        "#" + "9" * 5000,
        "\u0663",  # Arabic-Indic three: int() accepts it, the bot should not
        "\u00b3",  # superscript three
        "# 3",
    ],
)
def test_parse_ref_rejects_anything_but_a_positive_number(token: str) -> None:
    """Guessing at a malformed number could act on the wrong interview."""
    with pytest.raises(UserError) as caught:
        parse_ref(token)
    assert caught.value.hint == "Use the number from /interview list, like #3."


def test_parse_ref_error_echoes_the_token() -> None:
    """The reply shows what was typed so the member can spot the typo."""
    with pytest.raises(UserError) as caught:
        parse_ref("#x")
    assert caught.value.message == "'#x' isn't an interview number."


# --- split_list ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("system design; on-call", ["system design", "on-call"]),
        ("a;b;;c;", ["a", "b", "c"]),
        ("first\nsecond\r\nthird", ["first", "second", "third"]),
        ("mixed; lines\n and ; semis", ["mixed", "lines", "and", "semis"]),
        ("  lonely  ", ["lonely"]),
        ("commas, stay, together", ["commas, stay, together"]),
        ("", []),
        (" ; \n ;", []),
        ("Zoë; 李雷", ["Zoë", "李雷"]),
    ],
)
def test_split_list_splits_on_semicolons_and_newlines(text: str, expected: list[str]) -> None:
    """Lists come from one line with ';' or a multi-line paste; blanks are noise."""
    assert split_list(text) == expected


# --- parse_people ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Raj Patel", [PersonSpec("Raj Patel", None, None)]),
        (
            "Jane Doe (Engineering Manager) <jane@acme.com>",
            [PersonSpec("Jane Doe", "Engineering Manager", "jane@acme.com")],
        ),
        (
            "Jane Doe <jane@acme.com> (Engineering Manager)",
            [PersonSpec("Jane Doe", "Engineering Manager", "jane@acme.com")],
        ),
        ("Jane Doe <jane@acme.com>", [PersonSpec("Jane Doe", None, "jane@acme.com")]),
        ("Jane Doe (Recruiter)", [PersonSpec("Jane Doe", "Recruiter", None)]),
        ("Jane Doe, Recruiter", [PersonSpec("Jane Doe", "Recruiter", None)]),
        (
            "Jane Doe, VP, Engineering",
            [PersonSpec("Jane Doe", "VP, Engineering", None)],
        ),
        (
            "Jane Doe, Recruiter <jane@acme.com>",
            [PersonSpec("Jane Doe", "Recruiter", "jane@acme.com")],
        ),
        (
            "Jane Doe, Staff Engineer (Payments)",
            [PersonSpec("Jane Doe", "Staff Engineer (Payments)", None)],
        ),
        (
            "Jane Doe (Manager (Payments))",
            [PersonSpec("Jane Doe", "Manager (Payments)", None)],
        ),
        ("Jane Doe ()", [PersonSpec("Jane Doe", None, None)]),
        ("Jane Doe,", [PersonSpec("Jane Doe", None, None)]),
        (
            "  Jane   Doe  (  Engineering   Manager )  <  jane@acme.com  > ",
            [PersonSpec("Jane Doe", "Engineering Manager", "jane@acme.com")],
        ),
        (
            "Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel",
            [
                PersonSpec("Jane Doe", "Engineering Manager", "jane@acme.com"),
                PersonSpec("Raj Patel", None, None),
            ],
        ),
        (
            "Jane Doe\nRaj Patel (CTO)\n",
            [PersonSpec("Jane Doe", None, None), PersonSpec("Raj Patel", "CTO", None)],
        ),
        (
            "Sales and Marketing Lead Ann Lee; Tom and Jerry",
            [
                PersonSpec("Sales and Marketing Lead Ann Lee", None, None),
                PersonSpec("Tom and Jerry", None, None),
            ],
        ),
        ("", []),
        (" ; ", []),
    ],
)
def test_parse_people_reads_names_titles_and_emails(text: str, expected: list[PersonSpec]) -> None:
    """Titles and emails are optional, in either order; ' and ' never splits people."""
    assert parse_people(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zoë Ångström", PersonSpec("Zoë Ångström", None, None)),
        ("李雷 (工程经理)", PersonSpec("李雷", "工程经理", None)),
        (
            "José Núñez <jose@ejemplo.es>",
            PersonSpec("José Núñez", None, "jose@ejemplo.es"),
        ),
        ("Zoë <zoë@bücher.de>", PersonSpec("Zoë", None, "zoë@bücher.de")),
        ("O'Brien-Smith", PersonSpec("O'Brien-Smith", None, None)),
        ("Amélie\u0301", PersonSpec("Amélie\u0301", None, None)),
    ],
)
def test_parse_people_keeps_unicode_names_exactly(text: str, expected: PersonSpec) -> None:
    """Names are the member's to spell; no normalizing, transliterating or re-casing."""
    assert parse_people(text) == [expected]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Jane <jane>", "'jane' isn't a valid email address."),
        ("Jane <jane@acme>", "'jane@acme' isn't a valid email address."),
        ("Jane <@acme.com>", "'@acme.com' isn't a valid email address."),
        ("Jane <jane@acme.>", "'jane@acme.' isn't a valid email address."),
        (
            "Jane <jane doe@acme.com>",
            "'jane doe@acme.com' isn't a valid email address.",
        ),
        ("Jane <a@b@c.com>", "'a@b@c.com' isn't a valid email address."),
        ("Jane <>", "'' isn't a valid email address."),
        ("Ok Person; Raj, CTO <raj@>", "'raj@' isn't a valid email address."),
    ],
)
def test_parse_people_rejects_an_invalid_email_and_names_it(text: str, message: str) -> None:
    """A follow-up sent to a malformed address would silently go nowhere."""
    with pytest.raises(UserError) as caught:
        parse_people(text)
    assert caught.value.message == message


@pytest.mark.parametrize(
    "text",
    ["(Recruiter)", "<jane@acme.com>", "(Recruiter) <jane@acme.com>", ", Recruiter"],
)
def test_parse_people_rejects_a_person_without_a_name(text: str) -> None:
    """Every follow-up is addressed to someone, so the name is required."""
    with pytest.raises(UserError) as caught:
        parse_people(text)
    assert "needs a name" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "Jane <jane@acme.com",
        "Jane (Recruiter",
        "Jane (Recruiter) Doe",
        "Jane <a@b.co> <c@d.co>",
        "Jane (A) (B)",
        "Jane) Doe",
        "Jane > Doe",
        "Jane, Recruiter <a@b.co> <c@d.co>",
        "Jane, Recruiter >a@b.co<",
    ],
)
def test_parse_people_rejects_malformed_entries(text: str) -> None:
    """Half-closed brackets or doubled parts are typos, not names to store."""
    with pytest.raises(UserError) as caught:
        parse_people(text)
    assert "Jane" in caught.value.message


def test_parse_people_asks_for_brackets_around_a_bare_email() -> None:
    """An email typed without <> would otherwise end up inside the name."""
    with pytest.raises(UserError) as caught:
        parse_people("Jane Doe jane@acme.com")
    assert caught.value.hint == ("Put the email in angle brackets, like Jane Doe <jane@acme.com>.")


def test_parse_people_accepts_the_maximum_number_of_people() -> None:
    """Exactly the limit is fine; panels can be large."""
    text = "; ".join(f"Person {i}" for i in range(MAX_PEOPLE))
    assert len(parse_people(text)) == MAX_PEOPLE


def test_parse_people_rejects_more_than_the_maximum() -> None:
    """A longer list is almost certainly a paste gone wrong."""
    text = "\n".join(f"Person {i}" for i in range(MAX_PEOPLE + 1))
    with pytest.raises(UserError) as caught:
        parse_people(text)
    assert caught.value.message == (
        f"That's {MAX_PEOPLE + 1} people; the limit is {MAX_PEOPLE} per interview."
    )


def test_parse_people_reads_the_with_option_from_parse_args() -> None:
    """The two parsers compose: a quoted with= value becomes a list of people."""
    options = parse_args(f"with={LDQ}Jane Doe (EM) <jane@acme.com>; Zoë Ångström, CTO{RDQ}").options
    assert parse_people(options["with"]) == [
        PersonSpec("Jane Doe", "EM", "jane@acme.com"),
        PersonSpec("Zoë Ångström", "CTO", None),
    ]


# --- properties ---

# Characters that stress the grammar, mixed with arbitrary text.
_TRICKY = st.sampled_from([*"\"'\\=;#<>(),@ \t\n", LDQ, RDQ, LOW_DQ, LSQ, RSQ, "\u00a0", "a", "k"])
_COMMAND_TEXT = st.one_of(
    st.text(),
    st.text(_TRICKY, max_size=60),
    st.lists(st.one_of(_TRICKY, st.text(max_size=5)), max_size=40).map("".join),
)


def _parses_or_refuses_politely(func: Callable[[str], object], text: str) -> None:
    """Call a parser and let only UserError escape; anything else fails the test."""
    try:
        func(text)
    except UserError as error:
        assert error.message
        assert error.hint


@settings(max_examples=400, deadline=None)
@given(_COMMAND_TEXT)
def test_parsers_never_raise_anything_but_user_error(text: str) -> None:
    """Whatever a member types, the bot replies instead of crashing."""
    for func in (parse_args, parse_people, parse_ref, split_list):
        _parses_or_refuses_politely(func, text)


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=MAX_INPUT_CHARS + 1, max_value=3 * MAX_INPUT_CHARS))
def test_parse_args_never_accepts_oversized_input(length: int) -> None:
    """The length limit holds for every size above it, not just the boundary."""
    with pytest.raises(UserError):
        parse_args("k=" + "v" * (length - 2))


def _quote(value: str) -> str:
    """Write a value the way a careful member would: quoted, with escapes."""
    escaped = "".join(
        "\\" + ch if ch == "\\" or ch in "\"'\u201c\u201d\u201e\u2018\u2019\u201a" else ch
        for ch in value
    )
    return f'"{escaped}"'


_KEYS = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_KEYS, st.text(max_size=30), max_size=6))
def test_parse_args_round_trips_quoted_escaped_values(options: dict[str, str]) -> None:
    """Any value, once quoted and escaped, comes back exactly (apart from trimming)."""
    text = " ".join(f"{key}={_quote(value)}" for key, value in options.items())
    parsed = parse_args(text)
    assert parsed.positionals == ()
    assert dict(parsed.options) == {key: value.strip() for key, value in options.items()}
