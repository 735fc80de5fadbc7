"""One title list: what names.py reads as a title, the proofreader never takes for a name."""

from __future__ import annotations

import pytest

from bot.chat import Finding
from bot.drafting.proofread import ProofContext, proofread

REV_IAN = ProofContext(
    kind="thank_you",
    interviewer_name="Rev. Ian McKellen",
    greeting_name="Ian",
    honorific="Rev.",
    known_terms=("Ian McKellen",),
)


def titles_alone(body: str) -> list[Finding]:
    found = proofread("Thank you", body, REV_IAN)
    return [f for f in found if "title used as a name" in f.problem.casefold()]


@pytest.mark.parametrize("title", ["Rev.", "Fr.", "Sr", "REV."])
def test_an_abbreviated_title_from_names_alone_in_a_greeting_is_an_error(title: str) -> None:
    (finding,) = titles_alone(f"Hi {title},\n\nThank you for your time today.")
    assert finding.level == "error"


@pytest.mark.parametrize("greeting", ["Dear Rev. McKellen,", "Dear Sir,", "Hi Ian,"])
def test_a_title_with_a_name_or_a_full_word_passes(greeting: str) -> None:
    assert titles_alone(f"{greeting}\n\nThank you for your time today.") == []
