"""The proofreader as a whole: ordering, fixes for every finding, and no crash on any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from proof_helpers import BODY, CONTEXT, SUBJECT, check

from bot.drafting.proofread import ProofContext, proofread, words


def test_a_clean_realistic_thank_you_has_no_error_and_no_warning() -> None:
    assert 100 <= words(BODY) <= 130
    findings = proofread(SUBJECT, BODY, CONTEXT)
    assert [f for f in findings if f.level in ("error", "warning")] == []


def test_findings_come_ordered_by_severity_then_position() -> None:
    body = "Dear Sam,\n\nthanks, it was awesome. I recieve emails gonna [company]. Thanks!!"
    findings = check(body, subject="")
    levels = [f.level for f in findings]
    assert levels == sorted(levels, key=["error", "warning", "info"].index)
    assert [f.message for f in findings[:2]] == [
        "The subject line is empty",
        "Placeholder left in the draft: '[company]'",
    ]
    warnings = [f.message for f in findings if f.level == "warning"]
    assert warnings.index("Casual wording: 'awesome'") < warnings.index(
        "Possible misspelling: 'recieve'"
    )
    assert warnings.index("Possible misspelling: 'recieve'") < warnings.index(
        "Casual wording: 'gonna'"
    )


def test_every_finding_says_what_is_wrong_and_how_to_fix_it() -> None:
    messy = "hey zoe!! just checking in about [role] lol 🙂 the the recieve None"
    findings = check(messy, subject="", kind="thank_you", interviewer_name="Zoë Ångström")
    assert len(findings) > 8
    for f in findings:
        assert f.level in ("error", "warning", "info")
        assert f.message
        assert f.fix
        assert f.fix != f.message


CONTEXTS = st.builds(
    ProofContext,
    kind=st.sampled_from([None, "thank_you", "status_check", "keep_in_touch", "offer_reply"]),
    interviewer_name=st.none() | st.text(max_size=30),
    specifics=st.lists(st.text(max_size=30), max_size=3).map(tuple),
    known_terms=st.lists(st.text(max_size=30), max_size=3).map(tuple),
    others=st.lists(st.text(max_size=300), max_size=2).map(tuple),
    linkedin=st.booleans(),
)


@settings(deadline=None, max_examples=150)
@given(subject=st.text(max_size=80), body=st.text(max_size=600), ctx=CONTEXTS)
def test_proofread_never_raises_on_arbitrary_text(
    subject: str, body: str, ctx: ProofContext
) -> None:
    for finding in proofread(subject, body, ctx):
        assert finding.level in ("error", "warning", "info")
        assert finding.message
        assert finding.fix


@settings(deadline=None, max_examples=50)
@given(
    body=st.lists(
        st.sampled_from(["the", "The", "None", "[x]", "!", "i", "u", "🙂", ":)", "e.g.", "\n"])
        | st.text(alphabet="abcxyz.'’-", min_size=1, max_size=12),
        max_size=60,
    ).map(" ".join),
    ctx=CONTEXTS,
)
def test_proofread_never_raises_on_text_full_of_what_it_looks_for(
    body: str, ctx: ProofContext
) -> None:
    assert all(f.fix for f in proofread(body[:40], body, ctx))


@pytest.mark.parametrize(
    ("text", "count"),
    [
        pytest.param("", 0, id="empty"),
        pytest.param("Hello, world!", 2, id="punctuation"),
        pytest.param("an on-call rotation", 3, id="hyphenated"),
        pytest.param("I'm glad — truly", 3, id="dash-not-counted"),
        pytest.param("at 3 pm\n\n\nthanks 🙂", 4, id="numbers-count-emoji-do-not"),
        pytest.param("Zoë  Ångström", 2, id="unicode"),
    ],
)
def test_words_counts_tokens_with_a_letter_or_digit(text: str, count: int) -> None:
    assert words(text) == count
