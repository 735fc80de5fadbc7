"""Only the newest message counts: quoted history, header blocks, signatures and small print
are cut, a forwarded message is read instead of the note above it, HTML pastes are undone,
and nothing a member can paste makes the reader raise."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain.replies import SURE, ReplyKind, classify
from bot.domain.reply_text import MAX_READ, newest, plain

NOW = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
TZ = ZoneInfo("America/New_York")
ANSWER = "Thanks, received. I'll pass it on to the team."
# The member's own earlier mail, under each way a client quotes it; every one holds words
# that would read as an offer and a next round if they were not cut.
OLD = "We are pleased to offer you the role. Could you send your availability for a final round?"
HISTORIES = {
    "gmail": f"On Mon, Nov 30, 2026 at 3:04 PM Jane Doe <jane@x.com> wrote:\n> {OLD}",
    "gmail, wrapped": f"On Mon, Nov 30, 2026 at 3:04 PM Jane Doe <\njane@x.com> wrote:\n\n{OLD}",
    "apple mail": f"> On Nov 30, 2026, at 15:04, Jane Doe <jane@x.com> wrote:\n>\n> {OLD}",
    "french": f"Le lun. 30 nov. 2026 à 15:04, Jane Doe <jane@x.com> a écrit :\n> {OLD}",
    "german": f"Am Mo., 30. Nov. 2026 um 15:04 Uhr schrieb Jane Doe <jane@x.com>:\n> {OLD}",
    "spanish": f"El lun., 30 nov. 2026 a las 15:04, Jane Doe (<jane@x.com>) escribió:\n> {OLD}",
    "portuguese": f"Em seg., 30 de nov. de 2026 às 15:04, Jane Doe <jane@x.com> escreveu:\n{OLD}",
    "original message": f"-----Original Message-----\nFrom: Jane Doe\nSent: Monday\n\n{OLD}",
    "outlook": f"From: Jane Doe <jane@x.com>\nSent: Monday, November 30, 2026 3:04 PM\n"
    f"To: Recruiting\nSubject: RE: Role\n\n{OLD}",
    "outlook, french": f"De : Jane Doe <jane@x.com>\nEnvoyé : lundi 30 novembre 2026 15:04\n"
    f"À : Recrutement\nObjet : Poste\n\n{OLD}",
    "outlook, german": f"Von: Jane Doe <jane@x.com>\nGesendet: Montag, 30. November 2026\n"
    f"An: Personal\nBetreff: Stelle\n\n{OLD}",
    "outlook, spanish": f"De: Jane Doe <jane@x.com>\nEnviado: lunes, 30 de noviembre de 2026\n"
    f"Para: RR. HH.\nAsunto: Puesto\n\n{OLD}",
    "quoted lines": f"> {OLD}\n> Best,\n> Jane",
}
ENDINGS = {
    "dashes": f"--\nJane Doe\n{OLD}",
    "disclaimer": f"This email and any attachments are confidential and intended solely for the "
    f"addressee.\n{OLD}",
    "phone": f"Sent from my iPhone\n\n{OLD}",
}


@pytest.mark.parametrize("history", HISTORIES.values(), ids=HISTORIES.keys())
def test_quoted_history_is_not_the_reply(history: str) -> None:
    text = f"{ANSWER}\n\nBest,\nSam\n\n{history}"
    message = newest(text)
    assert message.body == ANSWER
    assert message.quoted
    assert classify(text, now=NOW, tz=TZ).kind is ReplyKind.ACKNOWLEDGEMENT


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_signatures_and_small_print_are_not_the_reply(ending: str) -> None:
    assert newest(f"{ANSWER}\n{ending}").body == ANSWER


def test_a_forwarded_reply_is_read_with_its_own_sender_not_the_members_note() -> None:
    text = (
        "Good news below!\n\n"
        "---------- Forwarded message ---------\n"
        "From: Jane Roe <jane.roe@acme.com>\n"
        "Date: Wed, Dec 2, 2026 at 11:18 AM\n"
        "Subject: Next steps\n"
        "To: <sam@example.com>\n\n"
        "Hi Sam, we would like to invite you to a final round. Does Tuesday Dec 8 at 2pm ET "
        "work?\n\nJane Roe\nHead of Talent\n\n"
        f"On Tue, Dec 1, 2026 at 9:00 AM Sam <sam@example.com> wrote:\n> {OLD}"
    )
    message = newest(text)
    assert message.forwarded
    assert message.subject == "Next steps"
    assert "Good news" not in message.body
    reading = classify(text, now=NOW, tz=TZ)
    assert reading.kind is ReplyKind.NEXT_ROUND
    assert len(reading.slots) == 1
    assert reading.sender is not None
    assert (reading.sender.name, reading.sender.email, reading.sender.title) == (
        "Jane Roe",
        "jane.roe@acme.com",
        "Head of Talent",
    )


def test_html_leftovers_are_undone_but_an_address_in_angle_brackets_stays() -> None:
    pasted = (
        "Hi&nbsp;Sam,<br><div>The position\u00a0has been filled.</div>[image: logo]"
        " Acme <https://acme.example.com> Jane <jane@acme.com>"
    )
    assert [line for line in plain(pasted).split("\n") if line] == [
        "Hi Sam,",
        "The position has been filled.",
        "Acme Jane <jane@acme.com>",
    ]


def test_a_hard_wrapped_phrase_is_read_across_its_line_break() -> None:
    text = (
        "Thank you for your interest. We have reviewed your application and we have decided to\n"
        "go in a different direction for this hire. We wish you all the best.\n"
    )
    assert newest(text).body.count("\n") == 0
    reading = classify(text, now=NOW, tz=TZ)
    assert reading.kind is ReplyKind.REJECTION
    assert "rejection.other_direction" in reading.cues


def test_times_listed_one_a_line_stay_on_their_lines() -> None:
    text = (
        "We would like to invite you to a final round. Would any of these times work for you\n"
        "- Tuesday Dec 8 at 2pm ET\n- Wednesday Dec 9 at 10am ET\n"
    )
    assert len(newest(text).body.split("\n")) == 3
    assert len(classify(text, now=NOW, tz=TZ).slots) == 2


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Unfortunately we cannot offer you the position.", ReplyKind.REJECTION),
        ("We are not yet in a position to decide.", ReplyKind.STILL_DECIDING),
        ("We'd love to invite you to a final round with the team.", ReplyKind.NEXT_ROUND),
        ("We will not be progressing your application to the next stage.", ReplyKind.REJECTION),
        ("In the end we extended an offer to the other candidate.", ReplyKind.REJECTION),
        ("We're delighted to offer you the role!", ReplyKind.OFFER),
    ],
)
def test_negations_and_hedges_turn_good_words_around(text: str, kind: ReplyKind) -> None:
    assert classify(text, now=NOW, tz=TZ).kind is kind


def test_a_stop_request_is_never_good_news_even_beside_good_words() -> None:
    reading = classify(
        "We'd love to invite you to a final round. Please do not contact me again.",
        now=NOW,
        tz=TZ,
    )
    assert reading.stop
    assert reading.kind not in (ReplyKind.OFFER, ReplyKind.NEXT_ROUND)
    assert not set(reading.others) & {ReplyKind.OFFER, ReplyKind.NEXT_ROUND}


def test_next_week_is_the_end_of_next_weeks_friday_in_the_members_zone() -> None:
    reading = classify("We are still interviewing and hope to decide next week.", now=NOW, tz=TZ)
    assert reading.kind is ReplyKind.STILL_DECIDING
    assert reading.until is not None
    assert reading.until.astimezone(TZ).strftime("%a %Y-%m-%d %H:%M") == "Fri 2026-12-11 17:00"


def test_away_through_a_day_means_back_the_day_after() -> None:
    reading = classify("Automatic reply: I am on leave through December 9.", now=NOW, tz=TZ)
    assert reading.kind is ReplyKind.OUT_OF_OFFICE
    assert reading.until is not None
    assert reading.until.astimezone(TZ).date().isoformat() == "2026-12-10"


def test_a_deadline_is_not_a_time_offered() -> None:
    reading = classify(
        "We'd like to invite you to a panel interview on Wednesday, December 9 at 10:00 AM. "
        "Please confirm by Monday, December 7.",
        now=NOW,
        tz=TZ,
    )
    assert [slot.starts_at.astimezone(TZ).day for slot in reading.slots] == [9]


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n ", "> only quoted\n> text", f"On Mon, Nov 30, 2026 Jane <j@x.com> wrote:\n{OLD}"],
    ids=["empty", "blank", "only quoted lines", "only history"],
)
def test_nothing_to_read_is_a_reading_with_no_confidence(text: str) -> None:
    reading = classify(text, now=NOW, tz=TZ)
    assert reading.confidence == 0
    assert not reading.sure
    assert len(reading.others) >= 2


def test_a_huge_paste_is_read_to_its_limit_and_no_further() -> None:
    tail = "We are pleased to offer you the role. " * 10_000
    reading = classify("x" * MAX_READ + tail, now=NOW, tz=TZ)
    assert reading.kind is not ReplyKind.OFFER


@pytest.mark.parametrize(
    "text",
    [
        "\n" * MAX_READ,
        "<" * MAX_READ,
        "&#" * MAX_READ,
        ("x" * 70 + "\n") * 600,
        "From: a\n" * 5000,
        "Best,\n" * 5000,
        "On " + "a" * MAX_READ + " wrote:",
        "Tuesday Dec 8 at 2pm ET, Wednesday Dec 9 at 10am ET. " * 800,
    ],
    ids=[
        "newlines",
        "brackets",
        "entities",
        "wrapped",
        "headers",
        "sign-offs",
        "attribution",
        "dates",
    ],
)
def test_a_pathological_paste_is_read_in_one_pass(text: str) -> None:
    """Each of these once cost time growing with the square of its length."""
    reading = classify(text, now=NOW, tz=TZ)
    assert 0 <= reading.confidence <= 1


@settings(derandomize=True, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(
        st.text(max_size=3000),
        st.binary(max_size=3000).map(lambda raw: raw.decode("latin-1")),
        st.lists(
            st.sampled_from(
                [
                    OLD,
                    ANSWER,
                    "> ",
                    "--\n",
                    "<br>",
                    "&nbsp;",
                    "From: a <b@c.de>\nSent: x\n",
                    "---------- Forwarded message ---------\n",
                    "Tuesday Dec 8 at 2pm ET",
                    "bis zum 10. Dezember",
                    "\x00",
                    "\u202e",
                    "\n",
                    "Best,\n",
                    "[image: x]",
                ]
            ),
            max_size=30,
        ).map("".join),
    ),
    hint=st.sampled_from([None, "en", "es", "fr", "de", "pt", "xx"]),
)
def test_any_paste_is_read_without_raising(text: str, hint: str | None) -> None:
    reading = classify(text, now=NOW, tz=TZ, language=hint)
    assert 0 <= reading.confidence <= 1
    assert isinstance(reading.kind, ReplyKind)
    assert reading.language in ("en", "es", "fr", "de", "pt")
    assert reading.sure == (reading.confidence >= SURE)
    if reading.stop:
        assert reading.kind not in (ReplyKind.OFFER, ReplyKind.NEXT_ROUND)
