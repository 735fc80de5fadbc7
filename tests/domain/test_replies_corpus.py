"""Every labelled reply read as its label says: kinds per class, stops, dates, senders.

Run with `pytest -s` to see the per-class table. The corpus was written before the rules;
each later set (`later` to `round7`) after a round of them (their first readings are in
docs/replies.md), so the table shows them apart.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from bot.domain.replies import Reading, ReplyKind, classify
from tests.domain.replies_corpus import NOW, SETS, Email, emails

EMAILS = emails()
TARGET = 0.95
GOOD_NEWS = {ReplyKind.OFFER, ReplyKind.NEXT_ROUND}


@cache
def reading(email_id: str) -> Reading:
    email = next(e for e in EMAILS if e.id == email_id)
    return classify(email.text, now=NOW, tz=email.tz)


def ids(emails: list[Email]) -> list[str]:
    return [email.id for email in emails]


def test_the_corpus_is_large_and_in_every_language() -> None:
    languages = Counter(email.language for email in EMAILS if email.written == "corpus")
    assert sum(languages.values()) >= 150
    assert languages["en"] >= 100
    assert min(languages[code] for code in ("es", "fr", "de", "pt")) >= 10
    assert {email.kind for email in EMAILS} == {kind.value for kind in ReplyKind}
    assert len(set(ids(EMAILS))) == len(EMAILS)


def test_accuracy_per_class_and_overall_is_at_least_95_percent() -> None:
    right: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()
    for email in EMAILS:
        for written in (email.written, "all"):
            seen[(written, email.kind)] += 1
            right[(written, email.kind)] += reading(email.id).kind == email.kind
    sets = [*SETS.values(), "all"]
    print("\nreplies read right, per class (" + " / ".join(sets) + ")")
    for kind in sorted({email.kind for email in EMAILS}):
        cells = [f"{right[(s, kind)]:>3}/{seen[(s, kind)]:<3}" for s in sets]
        print(f"  {kind:<16} " + "  ".join(cells))
    totals = {
        s: sum(right[(s, k)] for k in ReplyKind) / sum(seen[(s, k)] for k in ReplyKind)
        for s in sets
    }
    print("  overall          " + "  ".join(f"{totals[s]:>7.1%}" for s in sets))
    assert totals["all"] >= TARGET
    assert totals["corpus"] >= TARGET


def test_no_rejection_or_stop_request_is_read_as_good_news() -> None:
    wrong = [
        email.id
        for email in EMAILS
        if (email.kind == "rejection" or email.stop) and reading(email.id).kind in GOOD_NEWS
    ]
    assert wrong == []


@pytest.mark.parametrize("email", EMAILS, ids=ids(EMAILS))
def test_a_stop_request_is_seen_and_nothing_else_is(email: Email) -> None:
    assert reading(email.id).stop is email.stop


@pytest.mark.parametrize(
    "email", [e for e in EMAILS if e.until], ids=ids([e for e in EMAILS if e.until])
)
def test_the_date_that_matters_is_read(email: Email) -> None:
    until = reading(email.id).until
    assert until is not None
    assert until.astimezone(email.tz).date() == email.until


SLOTTED = [e for e in EMAILS if e.slots is not None]


@pytest.mark.parametrize("email", SLOTTED, ids=ids(SLOTTED))
def test_every_time_offered_for_the_next_round_is_read(email: Email) -> None:
    slots = reading(email.id).slots
    assert len(slots) == email.slots
    assert all(slot.starts_at > NOW for slot in slots)
    assert all(slot.ends_at is None or slot.ends_at > slot.starts_at for slot in slots)


ASKING = [e for e in EMAILS if e.material is not None]


@pytest.mark.parametrize("email", ASKING, ids=ids(ASKING))
def test_what_a_request_for_material_asks_for_is_read(email: Email) -> None:
    assert tuple(m.value for m in reading(email.id).material) == email.material


SIGNED = [e for e in EMAILS if e.sender]


@pytest.mark.parametrize("email", SIGNED, ids=ids(SIGNED))
def test_the_sender_is_read_from_the_headers_or_the_signature(email: Email) -> None:
    sender = reading(email.id).sender
    assert sender is not None
    assert {key: getattr(sender, key) for key in email.sender} == email.sender


def test_the_language_is_told_from_the_text_alone() -> None:
    wrong = [email.id for email in EMAILS if reading(email.id).language != email.language]
    assert len(wrong) <= len(EMAILS) * (1 - TARGET), wrong


def test_a_sure_reading_is_almost_always_right_and_most_readings_are_sure() -> None:
    """The confidence is worth its name: the buttons appear when the reading is unsure."""
    sure = [email for email in EMAILS if reading(email.id).sure]
    right = [email for email in sure if reading(email.id).kind == email.kind]
    print(f"\nsure readings: {len(sure)}/{len(EMAILS)}, right when sure: {len(right)}/{len(sure)}")
    assert len(right) / len(sure) >= 0.98
    assert len(sure) / len(EMAILS) >= 0.7


def test_cues_are_rule_names_never_the_emails_words() -> None:
    names = {cue for email in EMAILS for cue in reading(email.id).cues}
    assert all(cue.replace("_", "").replace(".", "").isalpha() for cue in names)
    assert all(cue.islower() for cue in names)


def test_curly_apostrophes_read_as_straight_ones() -> None:
    """Mail clients turn "we're" into "we’re": the reading must not change with them."""
    changed = [
        email.id
        for email in EMAILS
        if "'" in email.text
        and classify(email.text.replace("'", "\u2019"), now=NOW, tz=email.tz).kind
        is not reading(email.id).kind
    ]
    assert changed == []
