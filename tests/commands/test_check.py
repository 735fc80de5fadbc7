"""`/interview check` proofreads a note the member wrote, with the same checks as our drafts."""

from __future__ import annotations

from adapters.console.conversation import Conversation


async def test_pasted_note_with_cliche_and_exclamations_gets_findings(
    convo: Conversation,
) -> None:
    reply = await convo.say("/interview check Hey Jane, just checking in on my application!! Thx")
    assert "just checking in" in reply
    assert "exclamation" in reply
    assert "went wrong" not in reply


async def test_names_from_the_members_interviews_are_not_spelling_mistakes(
    convo: Conversation,
) -> None:
    await convo.say('/interview log company="Xylotrex" with="Siobhan Quirke"')
    reply = await convo.say(
        "/interview check Dear Siobhan, thank you for speaking with me about the role at "
        "Xylotrex. I enjoyed our conversation about the data platform and I remain very "
        "interested in the position. Best regards, Ada"
    )
    assert "Looks good: no problems found." in reply


async def test_a_misspelling_gets_a_suggestion(convo: Conversation) -> None:
    reply = await convo.say("/interview check Dear Jane, I enjoyed our conversaton.")
    assert "Possible misspelling: 'conversaton'" in reply
    assert "'conversation'" in reply


async def test_each_finding_says_the_problem_then_the_fix(convo: Conversation) -> None:
    reply = await convo.say("/interview check Dear Jane, I enjoyed our conversaton!!")
    assert reply.splitlines()[2:] == [
        "[warning] Possible misspelling: 'conversaton'. Fix: Did you mean 'conversation'?",
        "[warning] 2 exclamation marks. Fix: Keep at most one; end the other sentences with a "
        "full stop.",
    ]


async def test_a_quote_in_pasted_text_is_not_a_syntax_error(convo: Conversation) -> None:
    reply = await convo.say('/interview check Dear Jane, I said "yes" to the offer.')
    assert "unmatched quote" not in reply


async def test_empty_check_explains_what_to_paste(convo: Conversation) -> None:
    assert "Paste the note to check" in await convo.say("/interview check")


async def test_a_note_is_checked_in_the_members_language(convo: Conversation) -> None:
    await convo.say("/interview settings language=es")
    clean = await convo.say(
        "/interview check Hola Ana, muchas gracias por la entrevista de ayer. "
        "Me encantó conocer al equipo. Saludos cordiales, Lucía"
    )
    # "gracias" and "Saludos" are Spanish words; the bot answers in Spanish too.
    assert "no he encontrado problemas" in clean, clean
    typo = await convo.say(
        "/interview check Hola Ana, muchas gracias por la entrevissta de ayer. Saludos, Lucía"
    )
    assert "entrevissta" in typo
    assert "¿Querías decir 'entrevista'?" in typo  # the fix, in Spanish
