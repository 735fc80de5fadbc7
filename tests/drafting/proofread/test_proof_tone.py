"""Tone: exclamation marks, casual words, sign-offs, cliches and emoji, in the member's language."""

from __future__ import annotations

import pytest
from proof_helpers import about, check

from bot.drafting.proofread import stage, tone
from bot.i18n import catalogue, speaking


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
    assert f"{count} exclamation marks" in finding.problem


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
    assert f"'{said}'" in finding.problem
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
    assert f"'{said}'" in finding.problem
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
    assert emoji in finding.problem


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


# --- advice in the member's language, about words of the draft's -------------------------


def test_a_german_speaking_member_gets_german_advice_on_an_english_casual_word() -> None:
    with speaking("de"):
        (finding,) = about(check("Dear Sam,\n\nI'm gonna send it today."), "Lockere Wortwahl")
    assert finding.problem == "Lockere Wortwahl: 'gonna'"
    assert finding.fix == "Statt 'gonna': schreib 'going to'."


@pytest.mark.parametrize(
    ("body", "problem", "fix"),
    [
        pytest.param(
            "Gracias xq me ayudaste.",
            "Formulation familière\u00a0: 'xq'",
            "Au lieu de 'xq', écrivez 'porque' ou 'por qué'.",
            id="casual",
        ),
        pytest.param(
            "Solo quería hacer un seguimiento.",
            "Cliché\u00a0: 'Solo quería hacer un seguimiento'",
            "Supprimez 'Solo quería hacer un seguimiento'\u00a0: "
            "indiquez l'objet de votre message, "
            "par ex. 'Le escribo para preguntarle por los próximos pasos.'.",
            id="cliche",
        ),
    ],
)
def test_a_french_speaking_member_gets_french_advice_keeping_the_spanish_words(
    body: str, problem: str, fix: str
) -> None:
    with speaking("fr"):
        findings = check(body, language="es")
    (finding,) = [f for f in findings if f.problem == problem]
    assert finding.fix == fix


# Each family's advice, read from its tables: advice not marked N_() is never extracted, so
# test_translations.py cannot see it is missing.
_ADVICE = {
    "tone": {p.advice for t in tone._TONE.values() for table in t for p in table},
    "stage": {p.advice for table in stage._PHRASES.values() for p in table},
}


@pytest.mark.parametrize("speaks", ["es", "fr", "de", "pt"])
@pytest.mark.parametrize("family", _ADVICE)
def test_every_piece_of_phrase_advice_is_translated(family: str, speaks: str) -> None:
    untranslated = sorted(a for a in _ADVICE[family] if catalogue(speaks).gettext(a) == a)
    assert not untranslated, untranslated
