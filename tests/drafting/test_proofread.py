"""The proofreader: each check flags what it should and leaves good writing alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.chat import Finding
from bot.drafting.proofread import ProofContext, proofread, words

SUBJECT = "Thank you, Zoë: Platform Engineer interview at Acme"
BODY = """Dear Zoë,

Thank you for taking the time to speak with me this morning about the Platform Engineer role \
at Acme. I especially enjoyed our conversation about the Kafka migration and how your team \
kept consumers running while topics moved between clusters.

Our discussion reinforced my interest in the role. At my current company I led a similar move \
from RabbitMQ to Kafka, and I would be glad to bring that experience, and my habit of writing \
clear runbooks, to your on-call rotation from the start.

As promised, I have attached the short write-up on consumer lag alerts that I mentioned.

I look forward to hearing about the next steps.

Best regards,
Jordan Okafor"""
ENDED = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)  # a Wednesday
CONTEXT = ProofContext(
    kind="thank_you",
    interviewer_name="Zoë Ångström",
    specifics=("the Kafka migration",),
    known_terms=("Zoë Ångström", "Acme", "Platform Engineer", "Jordan Okafor"),
    interview_ended_at=ENDED,
    now=ENDED + timedelta(hours=3),
)
MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def check(body: str, subject: str = "Thank you", **context: Any) -> list[Finding]:
    return proofread(subject, body, ProofContext(**context))


def about(findings: list[Finding], fragment: str) -> list[Finding]:
    """The findings whose message mentions `fragment`."""
    return [f for f in findings if fragment in f.message]


def n_words(n: int) -> str:
    return "Dear Sam,\n\n" + " ".join(["word"] * (n - 2))


# --------------------------------------------------------------------------------------------
# The whole draft


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


# --------------------------------------------------------------------------------------------
# Personalisation

THANKS = {"kind": "thank_you", "interviewer_name": "Zoë Ångström"}


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Dear Sam,\n\nThank you for your time.", id="another-name"),
        pytest.param("Hello,\n\nThank you for your time.", id="no-name"),
        pytest.param("Dear Zoëlle,\n\nThank you.", id="name-only-as-part-of-a-word"),
    ],
)
def test_thank_you_without_the_interviewers_name_is_an_error(body: str) -> None:
    (finding,) = about(check(body, **THANKS), "never addresses")
    assert finding.level == "error"
    assert "'Dear Zoë,'" in finding.fix


def test_a_name_that_is_also_a_word_counts_only_as_a_name() -> None:
    context = {"kind": "thank_you", "interviewer_name": "Will Young"}
    (finding,) = about(
        check("Dear team,\n\nI will send a young colleague's notes.", **context), "never addresses"
    )
    assert finding.level == "error"
    assert about(check("Dear Will,\n\nThank you.", **context), "never addresses") == []
    assert about(check("DEAR MR YOUNG,\n\nThank you.", **context), "never addresses") == []


@pytest.mark.parametrize(
    ("body", "context"),
    [
        pytest.param("Dear Zoë,\n\nThank you.", THANKS, id="first-name"),
        pytest.param("Dear Ms Ångström,\n\nThank you.", THANKS, id="surname"),
        pytest.param("DEAR ZOË ÅNGSTRÖM,\n\nThank you.", THANKS, id="any-case"),
        pytest.param("Dear Zoe\u0308,\n\nThank you.", THANKS, id="decomposed-unicode"),
        pytest.param("Hi Zoë's team,\n\nThank you.", THANKS, id="possessive"),
        pytest.param(
            "Dear Sam,\n\nThank you.",
            {"kind": "thank_you", "interviewer_name": "Dr. Sam Okafor"},
            id="title-ignored",
        ),
        pytest.param(
            "Dear team,\n\nAny update?",
            {"kind": "status_check", "interviewer_name": "Zoë Ångström"},
            id="not-a-thank-you",
        ),
        pytest.param("Dear Acme team,\n\nThank you.", {"kind": "thank_you"}, id="nobody-named"),
    ],
)
def test_thank_you_using_the_interviewers_name_passes(body: str, context: dict[str, Any]) -> None:
    findings = check(body, **context)
    assert about(findings, "never addresses") == []
    assert about(findings, "spelled differently") == []


def test_name_without_its_accents_is_a_warning_not_an_error() -> None:
    findings = check("Dear Zoe,\n\nThank you.", **THANKS)
    assert about(findings, "never addresses") == []
    (finding,) = about(findings, "spelled differently")
    assert finding.level == "warning"
    assert "'Zoë'" in finding.fix


SPECIFIC = {"kind": "thank_you", "specifics": ("the Kafka migration",)}


@pytest.mark.parametrize(
    ("body", "context"),
    [
        pytest.param("Dear Sam,\n\nThank you for the interview.", SPECIFIC, id="nothing"),
        pytest.param(
            "Dear Sam,\n\nThank you for talking about the team and the role.",
            SPECIFIC,
            id="only-generic-words",
        ),
        pytest.param(
            "Dear Sam,\n\nThanks for the interview.",
            {"kind": "thank_you", "specifics": ("observability", "hiring plans")},
            id="none-of-several",
        ),
    ],
)
def test_thank_you_mentioning_nothing_recorded_is_a_warning(
    body: str, context: dict[str, Any]
) -> None:
    (finding,) = about(check(body, **context), "nothing specific")
    assert finding.level == "warning"


@pytest.mark.parametrize(
    ("body", "context"),
    [
        pytest.param("I enjoyed the Kafka migration talk.", SPECIFIC, id="verbatim"),
        pytest.param("I enjoyed THE KAFKA\nMIGRATION.", SPECIFIC, id="case-and-line-break"),
        pytest.param("How you run Kafka was fascinating.", SPECIFIC, id="one-significant-word"),
        pytest.param("Your migrations sound well run.", SPECIFIC, id="word-prefix"),
        pytest.param(
            "Your hiring plans were clear.",
            {"kind": "thank_you", "specifics": ("observability", "hiring plans")},
            id="second-of-several",
        ),
        pytest.param(
            "Thank you for the interview.",
            {"kind": "status_check", "specifics": ("the Kafka migration",)},
            id="not-a-thank-you",
        ),
        pytest.param("Thank you for the interview.", {"kind": "thank_you"}, id="none-recorded"),
    ],
)
def test_thank_you_mentioning_a_recorded_specific_passes(
    body: str, context: dict[str, Any]
) -> None:
    assert about(check(body, **context), "nothing specific") == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Thank you for your time yesterday.", id="no-greeting"),
        pytest.param("Hi there,\n\nThank you.", id="hi-there"),
        pytest.param("Dear Hiring Manager,\n\nThank you.", id="hiring-manager"),
        pytest.param("To whom it may concern,\n\nThank you.", id="whom-it-may-concern"),
        pytest.param("Hello,\n\nThank you.", id="hello-alone"),
    ],
)
def test_pasted_text_without_a_named_greeting_is_a_warning(body: str) -> None:
    (finding,) = about(check(body), "greeting")
    assert finding.level == "warning"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        pytest.param("Dear Dr. Okafor,\n\nThank you.", None, id="dear-title-name"),
        pytest.param("Hi Sam,\n\nThank you.", None, id="hi-name"),
        pytest.param("  Good morning Zoë!\n\nThank you.", None, id="good-morning"),
        pytest.param("Sam,\n\nThank you.", None, id="name-alone"),
        pytest.param("Thank you for your time.", "thank_you", id="drafted-not-pasted"),
    ],
)
def test_pasted_text_with_a_named_greeting_passes(body: str, kind: str | None) -> None:
    assert about(check(body, kind=kind), "greeting") == []


# --------------------------------------------------------------------------------------------
# Length


@pytest.mark.parametrize(
    ("kind", "count", "limit"),
    [
        pytest.param("thank_you", 201, 200, id="thank-you"),
        pytest.param("next_round_thanks", 230, 200, id="next-round-thanks"),
        pytest.param("promised_material", 201, 200, id="promised-material"),
        pytest.param("status_check", 151, 150, id="status-check"),
        pytest.param("keep_in_touch", 201, 200, id="other-kind"),
        pytest.param(None, 250, 200, id="pasted"),
    ],
)
def test_a_draft_over_its_word_limit_is_a_warning_that_says_count_and_limit(
    kind: str | None, count: int, limit: int
) -> None:
    (finding,) = about(check(n_words(count), kind=kind), "words")
    assert finding.level == "warning"
    assert f"{count} words" in finding.message
    assert str(limit) in finding.message


@pytest.mark.parametrize(
    ("kind", "count"),
    [
        pytest.param("thank_you", 200, id="thank-you-at-limit"),
        pytest.param("status_check", 150, id="status-check-at-limit"),
        pytest.param("offer_reply", 120, id="short"),
    ],
)
def test_a_draft_within_its_word_limit_gets_no_length_warning(kind: str, count: int) -> None:
    findings = about(check(n_words(count), kind=kind), "words")
    assert [f for f in findings if f.level != "info"] == []


def test_a_thank_you_over_150_words_gets_only_a_note_about_the_field_figure() -> None:
    (finding,) = about(check(n_words(170), kind="thank_you"), "words")
    assert finding.level == "info"
    assert "150" in finding.message


def test_a_linkedin_message_over_300_characters_is_an_error() -> None:
    body = "Hi Sam, " + "x" * 293
    assert len(body) == 301
    (finding,) = about(check(body, linkedin=True), "characters")
    assert finding.level == "error"
    assert "301 characters" in finding.message
    assert "300" in finding.message


def test_a_linkedin_message_of_300_characters_passes() -> None:
    assert about(check("Hi Sam, " + "x" * 292, linkedin=True), "characters") == []


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


# --------------------------------------------------------------------------------------------
# Tone


@pytest.mark.parametrize(
    ("subject", "body", "count"),
    [
        pytest.param("Thanks", "Dear Sam,\n\nThanks! Great chat!", 2, id="two-in-body"),
        pytest.param("Thanks!", "Dear Sam,\n\nGreat chat!", 2, id="subject-and-body"),
        pytest.param("Thanks", "Dear Sam,\n\nThank you!!!", 3, id="stacked"),
    ],
)
def test_more_than_one_exclamation_mark_is_a_warning(subject: str, body: str, count: int) -> None:
    (finding,) = about(check(body, subject=subject), "exclamation")
    assert finding.level == "warning"
    assert f"{count} exclamation marks" in finding.message


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Dear Sam,\n\nThank you for your time!", id="one"),
        pytest.param("Dear Sam,\n\nThank you for your time.", id="none"),
    ],
)
def test_at_most_one_exclamation_mark_passes(body: str) -> None:
    assert about(check(body), "exclamation") == []


@pytest.mark.parametrize(
    ("body", "said"),
    [
        pytest.param("Hey Sam, thanks.", "Hey", id="hey"),
        pytest.param("I'm gonna send it.", "gonna", id="gonna"),
        pytest.param("I wanna join.", "wanna", id="wanna"),
        pytest.param("Thx for the chat.", "Thx", id="thx"),
        pytest.param("Thank u for the chat.", "u", id="u"),
        pytest.param("I liked ur team.", "ur", id="ur"),
        pytest.param("It went well lol.", "lol", id="lol"),
        pytest.param("Btw, I sent it.", "Btw", id="btw"),
        pytest.param("The role sounds awesome.", "awesome", id="awesome"),
        pytest.param("I am super  excited.", "super excited", id="super-excited"),
        pytest.param("No worries about the delay.", "No worries", id="no-worries"),
        pytest.param("Thank you guys.", "you guys", id="you-guys"),
        pytest.param("Yesterday i met the team.", "i", id="lowercase-i"),
        pytest.param("Thanks, i'm keen.", "i'm", id="lowercase-i-contraction"),
    ],
)
def test_casual_words_and_chat_speak_are_warnings_quoting_them(body: str, said: str) -> None:
    (finding,) = about(check(body), "Casual")
    assert finding.level == "warning"
    assert f"'{said}'" in finding.message
    assert f"'{said}'" in finding.fix
    assert about(check(body), "misspelling") == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("They said the U.S. team would reply.", id="they-and-us"),
        pytest.param("I think, i.e. I believe, it went well.", id="ie"),
        pytest.param("See clause (u) and item (i) of the offer.", id="list-markers"),
        pytest.param("Your supervisor was excited about the heyday of Kafka.", id="substrings"),
        pytest.param("Thank you for your time; I am very glad we spoke.", id="plain"),
    ],
)
def test_professional_wording_has_no_casual_finding(body: str) -> None:
    assert about(check(body), "Casual") == []


def test_cheers_as_a_sign_off_is_only_worth_a_thought() -> None:
    findings = check("Dear Sam,\n\nThank you.\n\nCheers,\nJordan")
    (finding,) = about(findings, "sign-off")
    assert finding.level == "info"
    assert about(findings, "Casual") == []


@pytest.mark.parametrize(
    ("body", "said"),
    [
        pytest.param("I'm just checking in on my application.", "just checking in", id="check-in"),
        pytest.param("Touching base about the role.", "Touching base", id="touch-base"),
        pytest.param("Circling back on our chat.", "Circling back", id="circle-back"),
        pytest.param("As per my last email, I am free.", "As per my last email", id="per-my-last"),
        pytest.param(
            "I just wanted to follow up on Friday.", "just wanted to follow up", id="follow-up"
        ),
        pytest.param(
            "I hope this email finds you well.",
            "I hope this email finds you well",
            id="finds-you-well",
        ),
    ],
)
def test_cliches_are_warnings_quoting_them(body: str, said: str) -> None:
    (finding,) = about(check(body), "Cliche")
    assert finding.level == "warning"
    assert f"'{said}'" in finding.message
    assert f"'{said}'" in finding.fix


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("I'm writing to ask about the timeline.", id="purpose-stated"),
        pytest.param("I hope you are well.", id="hope-you-are-well"),
        pytest.param("I will check in at reception at nine.", id="literal-check-in"),
        pytest.param("I want to follow up on the open question.", id="follow-up-without-just"),
    ],
)
def test_plain_openers_have_no_cliche_finding(body: str) -> None:
    assert about(check(body), "Cliche") == []


@pytest.mark.parametrize(
    ("body", "emoji"),
    [
        pytest.param("Thank you 🙂", "🙂", id="smiley"),
        pytest.param("Great news 👍🏽", "👍🏽", id="skin-tone"),
        pytest.param("Loved it ❤️", "❤️", id="heart-with-selector"),
        pytest.param("Thanks :)", ":)", id="text-smiley"),
        pytest.param("See you soon ;-)", ";-)", id="text-wink"),
    ],
)
def test_emoji_are_warnings(body: str, emoji: str) -> None:
    (finding,) = about(check(body), "Emoji")
    assert finding.level == "warning"
    assert emoji in finding.message


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("We meet at 10:30 (room 4).", id="time-and-brackets"),
        pytest.param("My résumé is at https://acme.example/cv.", id="url-and-accents"),
        pytest.param("Next steps → interview — then offer…", id="arrows-and-dashes"),
    ],
)
def test_text_without_emoji_has_no_emoji_finding(body: str) -> None:
    assert about(check(body), "Emoji") == []


# --------------------------------------------------------------------------------------------
# Spelling and mechanics


@pytest.mark.parametrize(
    ("body", "word", "suggestion"),
    [
        pytest.param("I will recieve it.", "recieve", "receive", id="lowercase-typo"),
        pytest.param("Dear Sam,\n\nThnak you for today.", "Thnak", "Thank", id="sentence-start"),
        pytest.param("A well-knwon fact.", "knwon", "known", id="hyphenated-part"),
        pytest.param("Thank you.\n\nSincerly,\nJordan", "Sincerly", "Sincerely", id="sign-off"),
        pytest.param("We discussed teh plan.", "teh", "the", id="short-word"),
    ],
)
def test_misspelled_words_are_warnings_with_a_suggestion(
    body: str, word: str, suggestion: str
) -> None:
    (finding,) = about(check(body), "misspelling")
    assert finding.level == "warning"
    assert f"'{word}'" in finding.message
    assert f"'{suggestion}'" in finding.fix


def test_a_misspelling_is_reported_once_however_often_it_occurs() -> None:
    assert len(about(check("I recieve it. You recieve it. Recieve it."), "misspelling")) == 1


@pytest.mark.parametrize(
    ("body", "known"),
    [
        pytest.param("Thank you, Okafor.", (), id="capitalised-mid-sentence"),
        pytest.param("We moved from RabbitMQ to Kafka.", (), id="product-names"),
        pytest.param("Okafor here.", ("Jordan Okafor",), id="known-term"),
        pytest.param("I'm sure we're right; don't worry, it's fine.", (), id="contractions"),
        pytest.param("An on-call, well-known, follow-up plan.", (), id="hyphenated"),
        pytest.param("The colour of the organisation's programme centre.", (), id="british"),
        pytest.param("My résumé and CV.", (), id="accents-and-acronyms"),
        pytest.param("See https://acme.example/xqzt or mail jo.xqzt@acme.example.", (), id="urls"),
        pytest.param("We use AWS, B2B, 2FA and K8s.", (), id="acronyms-and-digits"),
        pytest.param("Acme's roadmap and onboarding.", (), id="possessive-and-job-words"),
        pytest.param("Thank you.\n\nBest regards,\nJordan Okafor", (), id="signature-name"),
        pytest.param("Thank you.\n\nBest,\nZoltán Xqzt\nStaff Engineer", (), id="signature"),
    ],
)
def test_correct_words_names_and_terms_are_not_flagged(body: str, known: tuple[str, ...]) -> None:
    assert about(check(body, known_terms=known), "misspelling") == []


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        pytest.param("Thank you for the the chat.", "the the", id="the-the"),
        pytest.param("The the team was kind.", "The the", id="different-case"),
        pytest.param("I am\nam keen.", "am am", id="across-a-line-break"),
    ],
)
def test_a_repeated_word_is_a_warning(body: str, pair: str) -> None:
    (finding,) = about(check(body), "Repeated")
    assert finding.level == "warning"
    assert f"'{pair}'" in finding.message


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("What he had had was enough.", id="had-had"),
        pytest.param("He said that that was fine.", id="that-that"),
        pytest.param("Thank you. You were kind.", id="across-sentences"),
        pytest.param("Thank you, you were kind.", id="across-a-comma"),
    ],
)
def test_legitimately_repeated_words_pass(body: str) -> None:
    assert about(check(body), "Repeated") == []


@pytest.mark.parametrize(
    ("body", "word"),
    [
        pytest.param("thank you for your time.", "thank", id="first-sentence"),
        pytest.param("Thank you. the team was kind.", "the", id="after-a-full-stop"),
        pytest.param("Dear Sam,\n\nthanks for the call.", "thanks", id="paragraph-start"),
    ],
)
def test_a_sentence_starting_lowercase_is_worth_a_thought(body: str, word: str) -> None:
    (finding,) = about(check(body), "lowercase")
    assert finding.level == "info"
    assert f"'{word}'" in finding.fix


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Thank you. The team was kind.", id="capitalised"),
        pytest.param("We use tools, e.g. the usual ones.", id="abbreviation"),
        pytest.param("I waited... and then it came.", id="ellipsis"),
        pytest.param("Thank you. iPhone apps are next.", id="brand"),
        pytest.param("Thank you for the call\nand the notes.", id="wrapped-line"),
    ],
)
def test_sentences_starting_with_a_capital_pass(body: str) -> None:
    assert about(check(body), "lowercase") == []


@pytest.mark.parametrize("subject", ["", "   "])
def test_an_empty_subject_is_an_error(subject: str) -> None:
    (finding,) = about(check("Dear Sam,", subject=subject), "subject")
    assert finding.level == "error"


@pytest.mark.parametrize(
    ("subject", "linkedin"),
    [pytest.param("Thank you", False, id="email"), pytest.param("", True, id="linkedin")],
)
def test_a_subject_or_a_linkedin_message_passes(subject: str, linkedin: bool) -> None:
    assert about(check("Dear Sam,", subject=subject, linkedin=linkedin), "subject") == []


# --------------------------------------------------------------------------------------------
# Template leftovers


@pytest.mark.parametrize(
    ("body", "said"),
    [
        pytest.param("Dear None,", "None", id="none-value"),
        pytest.param("The role at [company] is great.", "[company]", id="bracket-placeholder"),
        pytest.param("Dear [Interviewer Name],", "[Interviewer Name]", id="bracket-words"),
        pytest.param("About {{ role }} at Acme.", "{{ role }}", id="jinja-expression"),
        pytest.param("{% if x %}Hi", "{% if x %}", id="jinja-statement"),
        pytest.param("A stray }} here.", "}}", id="stray-braces"),
        pytest.param("TODO: add detail.", "TODO", id="todo"),
        pytest.param("We met on June XX.", "XX", id="xx"),
        pytest.param("Call me at XXX.", "XXX", id="xxx"),
        pytest.param("Dear <name>,", "<name>", id="angle-placeholder"),
        pytest.param("FIXME later.", "FIXME", id="fixme"),
        pytest.param("Lorem ipsum dolor.", "Lorem ipsum", id="lorem"),
    ],
)
def test_template_leftovers_are_errors_quoting_them(body: str, said: str) -> None:
    (finding,) = about(check(body), "left in the draft")
    assert finding.level == "error"
    assert f"'{said}'" in finding.message
    assert f"'{said}'" in finding.fix


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("None of my projects used Kafka.", id="none-as-english"),
        pytest.param("Nonetheless, thanks.", id="nonetheless"),
        pytest.param("As shown in [1], latency fell.", id="footnote"),
        pytest.param("See [my portfolio](https://acme.example).", id="markdown-link"),
        pytest.param("Reach me at <jordan@acme.example> or <https://acme.example>.", id="links"),
        pytest.param("Sizes XL and XS; to do: nothing.", id="look-alikes"),
    ],
)
def test_ordinary_text_has_no_leftover_finding(body: str) -> None:
    assert about(check(body), "left in the draft") == []


# --------------------------------------------------------------------------------------------
# Panel notes


def test_a_note_nearly_identical_to_another_panelists_is_a_warning() -> None:
    other = BODY.replace("Dear Zoë,", "Dear Sam,")
    (finding,) = about(proofread(SUBJECT, BODY, _with(others=(other,))), "panelist")
    assert finding.level == "warning"
    assert "differs" in finding.fix


@pytest.mark.parametrize(
    "others",
    [
        pytest.param((), id="no-others"),
        pytest.param(
            (
                "Dear Sam,\n\nThank you for walking me through the billing rewrite and the "
                "quarterly planning process. Your point about paying down tech debt first "
                "stuck with me.\n\nBest regards,\nJordan Okafor",
            ),
            id="a-different-note",
        ),
    ],
)
def test_notes_that_differ_from_the_other_panelists_pass(others: tuple[str, ...]) -> None:
    assert about(proofread(SUBJECT, BODY, _with(others=others)), "panelist") == []


def _with(**changes: Any) -> ProofContext:
    return ProofContext(**{**CONTEXT.__dict__, **changes})


# --------------------------------------------------------------------------------------------
# Timing


@pytest.mark.parametrize("hours", [25, 24 * 4])
def test_a_thank_you_later_than_24_hours_is_a_warning_still_worth_sending(hours: int) -> None:
    ctx = _with(now=ENDED + timedelta(hours=hours))
    (finding,) = about(proofread(SUBJECT, BODY, ctx), "later than 24 hours")
    assert finding.level == "warning"
    assert "still worth sending" in finding.message


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"now": ENDED + timedelta(hours=23)}, id="within-a-day"),
        pytest.param({"now": None}, id="no-clock"),
        pytest.param({"interview_ended_at": None}, id="no-interview-time"),
        pytest.param(
            {"kind": "status_check", "now": ENDED + timedelta(days=9)}, id="not-a-thank-you"
        ),
    ],
)
def test_a_timely_thank_you_or_missing_times_give_no_timing_warning(
    changes: dict[str, Any],
) -> None:
    assert about(proofread(SUBJECT, BODY, _with(**changes)), "24 hours") == []


@pytest.mark.parametrize(
    ("last", "now", "waited"),
    [
        pytest.param(MONDAY, MONDAY + timedelta(days=4), 4, id="monday-to-friday"),
        pytest.param(
            MONDAY + timedelta(days=4), MONDAY + timedelta(days=10), 4, id="weekend-not-counted"
        ),
        pytest.param(MONDAY, MONDAY + timedelta(hours=3), 0, id="same-day"),
    ],
)
def test_a_status_check_before_five_business_days_is_a_warning(
    last: datetime, now: datetime, waited: int
) -> None:
    findings = check(
        "Dear Sam,\n\nCould you share an update?",
        kind="status_check",
        last_message_at=last,
        now=now,
    )
    (finding,) = about(findings, "business day")
    assert finding.level == "warning"
    assert f"Only {waited} business day" in finding.message


@pytest.mark.parametrize(
    ("last", "now"),
    [
        pytest.param(MONDAY, MONDAY + timedelta(days=7), id="a-week-later"),
        pytest.param(MONDAY + timedelta(days=4), MONDAY + timedelta(days=11), id="over-a-weekend"),
        pytest.param(MONDAY, None, id="no-clock"),
    ],
)
def test_a_status_check_after_five_business_days_passes(
    last: datetime, now: datetime | None
) -> None:
    findings = check(
        "Dear Sam,\n\nCould you share an update?",
        kind="status_check",
        last_message_at=last,
        now=now,
    )
    assert about(findings, "business day") == []


def test_business_days_are_counted_in_the_time_zone_of_now() -> None:
    # Thursday 16:00 UTC is Friday 01:00 in Tokyo; by Tokyo's next Thursday only four business
    # days have passed there, though five have in UTC.
    tokyo = ZoneInfo("Asia/Tokyo")
    last = datetime(2026, 3, 5, 16, 0, tzinfo=UTC)
    now = datetime(2026, 3, 12, 10, 0, tzinfo=tokyo)
    findings = check("Dear Sam,", kind="status_check", last_message_at=last, now=now)
    (finding,) = about(findings, "business day")
    assert "Only 4 business days" in finding.message
    assert "Friday 13 March" in finding.fix


@pytest.mark.parametrize("sent", [2, 3])
def test_a_third_status_check_is_an_error(sent: int) -> None:
    findings = check("Dear Sam,", kind="status_check", status_checks_sent=sent)
    (finding,) = about(findings, "third nudge")
    assert finding.level == "error"
    assert "stop here" in finding.message


@pytest.mark.parametrize(
    ("kind", "sent"), [("status_check", 0), ("status_check", 1), ("keep_in_touch", 5)]
)
def test_a_first_or_second_status_check_passes(kind: str, sent: int) -> None:
    assert about(check("Dear Sam,", kind=kind, status_checks_sent=sent), "third nudge") == []


def test_naive_datetimes_are_refused() -> None:
    naive = datetime(2026, 3, 4, 15, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        proofread(SUBJECT, BODY, _with(interview_ended_at=naive))
