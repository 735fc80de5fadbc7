"""The proofreader as a whole: ordering, fixes for every finding, and no crash on any text."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from proof_helpers import BODY, CONTEXT, ENDED, SUBJECT, about, check, with_context

from bot.chat import Finding
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
    assert [f.problem for f in findings[:2]] == [
        "The subject line is empty",
        "Placeholder left in the draft: '[company]'",
    ]
    warnings = [f.problem for f in findings if f.level == "warning"]
    assert warnings.index("Casual wording: 'awesome'") < warnings.index(
        "Possible misspelling: 'recieve'"
    )
    assert warnings.index("Possible misspelling: 'recieve'") < warnings.index(
        "Casual wording: 'gonna'"
    )


def reads_problem_then_fix(f: Finding) -> bool:
    """'<problem>. Fix: <what to do>.': the problem without a full stop, the fix a sentence."""
    return (
        bool(f.problem.strip())
        and not f.problem.endswith(".")
        and f.fix.endswith((".", "?"))
        and f.text == f"{f.problem}{'' if f.problem.endswith('?') else '.'} Fix: {f.fix}"
    )


def test_every_finding_says_what_is_wrong_and_how_to_fix_it() -> None:
    messy = "hey zoe!! just checking in about [role] lol 🙂 the the recieve None"
    findings = check(messy, subject="", kind="thank_you", interviewer_name="Zoë Ångström")
    assert len(findings) > 8
    for f in findings:
        assert f.level in ("error", "warning", "info")
        assert f.fix != f.problem
        assert reads_problem_then_fix(f), f


def test_a_finding_reads_as_the_problem_then_the_fix() -> None:
    findings = check("Thanks for today.", kind="thank_you", interviewer_name="Jane Doe")
    (named,) = about(findings, "never addresses")
    assert named.text == (
        "The note never addresses Jane Doe by name. Fix: Open with their name, e.g. 'Dear Jane,'."
    )
    question = Finding("warning", "'she' in a note to Kofi: is that Kofi?", "Write 'you'.")
    assert question.text == "'she' in a note to Kofi: is that Kofi? Fix: Write 'you'."


MESSY = (
    "Dear Dr.,\n\nhey Zoe, as Zoë mentioned, I know he said [role] lol 🙂!! Awesome!! the "
    "the recieve None. i have experience with to build things,, Thx. I hope this email finds "
    "you well and that I can apply for the position. Cheers"
)


@pytest.mark.parametrize(
    "ctx",
    [
        pytest.param(ProofContext(), id="pasted"),
        pytest.param(
            with_context(now=ENDED + timedelta(days=3), stage="informational"), id="late-chat"
        ),
        pytest.param(
            with_context(kind="status_check", status_checks_sent=2, last_message_at=ENDED),
            id="third-nudge",
        ),
        pytest.param(
            with_context(kind="status_check", last_message_at=ENDED - timedelta(days=1)),
            id="early-nudge",
        ),
        pytest.param(ProofContext(linkedin=True), id="linkedin"),
        pytest.param(
            with_context(interviewer_name="Hana Kobayashi", others=(MESSY + " word" * 220,)),
            id="panel-unnamed",
        ),
    ],
)
def test_findings_of_every_family_read_as_the_problem_then_the_fix(ctx: ProofContext) -> None:
    findings = proofread("", MESSY + " word" * 220, ctx)
    assert len(findings) > 10
    assert [f for f in findings if not reads_problem_then_fix(f)] == []


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
        assert reads_problem_then_fix(finding), finding


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
    assert all(reads_problem_then_fix(f) for f in proofread(body[:40], body, ctx))


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
