"""Tone: casual words and chat speak, informal sign-offs, cliches, exclamation marks, emoji."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.drafting.proofread.core import (
    BODY,
    INFO,
    SUBJECT,
    WARNING,
    Check,
    Draft,
    Hit,
    Phrase,
    compile_phrases,
    hit,
    phrase_check,
)

_ASK_INSTEAD = "say why you are writing, e.g. 'Could you share an update on the timeline?'"

# Casual words and chat speak.
_CASUAL = (
    Phrase("hey", "open with 'Dear' or 'Hi' and their name"),
    Phrase("gonna", "write 'going to'"),
    Phrase("wanna", "write 'want to'"),
    Phrase("gotta", "write 'have to'"),
    Phrase("kinda|sorta", "write 'somewhat' or drop it"),
    Phrase("thx|thnx|tnx", "write 'thank you'"),
    Phrase("pls|plz", "write 'please'"),
    Phrase(r"(?<!\()u(?!\))", "write 'you'", "u", case_sensitive=True),
    Phrase("ur", "write 'your'", case_sensitive=True),
    Phrase(
        r"(?<!\()i(?:['’](?:m|ve|d|ll))?(?!\))",
        "write 'I'",
        "i i'm i've i'd i'll i’m i’ve i’d i’ll",
        case_sensitive=True,
    ),
    Phrase("lol|lmao|rofl|haha|hahaha|hehe|omg", "delete it"),
    Phrase("btw", "write 'also' or drop it"),
    Phrase("tbh|imo|imho", "state it plainly, or write 'I think'"),
    Phrase("idk", "write 'I'm not sure'"),
    Phrase("yeah|yep|yup", "write 'yes'"),
    Phrase("nope", "write 'no'"),
    Phrase("awesome", "write 'great', or say what you liked"),
    Phrase(r"super\s+(?:excited|keen|happy|stoked|pumped)", "write 'delighted'", "super"),
    Phrase("stoked|pumped", "write 'excited'"),
    Phrase(r"no\s+worries", "write 'of course' or 'not at all'", "worries"),
    Phrase(r"you\s+guys", "write 'you and the team'", "guys"),
    Phrase("dude", "delete it"),
)
# Informal but common as a sign-off in British and Australian English: worth a thought only.
_INFORMAL_SIGNOFF = (Phrase("cheers", "'Best regards' is safer with someone you have just met"),)
# Cliches that waste the reader's first line or read as pushy. Kept short: each is named by
# the field notes or by the etiquette guides' advice to state your purpose plainly.
_CLICHES = (
    Phrase(r"just\s+(?:wanted\s+to\s+)?check(?:ing)?\s+in", _ASK_INSTEAD, "check checking"),
    Phrase(r"touch(?:ing|ed)?\s+base", _ASK_INSTEAD, "base"),
    Phrase(r"circl(?:e|ed|ing)\s+back", _ASK_INSTEAD, "back"),
    Phrase(
        r"(?:as\s+)?per\s+my\s+(?:last|previous)\s+(?:e-?mail|message|note)",
        "it reads as a reproach, so restate the point in a sentence instead",
        "per",
    ),
    Phrase(
        r"just\s+(?:wanted\s+to\s+)?follow(?:ing)?\s+up",
        "state the purpose directly, e.g. 'I'm writing to ask about next steps.'",
        "follow following",
    ),
    Phrase(
        r"(?:i\s+)?hope\s+(?:this|my)\s+(?:(?:e-?mail|message|note|letter)\s+)?finds\s+you\s+well",
        "open with your thanks or your purpose instead",
        "finds",
    ),
)


_EMOJI = re.compile(
    "["
    "\U0001f000-\U0001faff"  # pictographs, emoticons, transport, symbols and extended-A
    "\u2600-\u27bf"  # miscellaneous symbols and dingbats
    "\u2b00-\u2bff"  # arrows and stars used as emoji
    "\u231a\u231b\u23e9-\u23f3\u23f8-\u23fa"  # watch, hourglass, media controls
    "\ufe0f\u200d"  # emoji presentation selector, zero-width joiner
    "]+"
)
# Text emoticons; a match counts only at the start of a word (checked in code: a lookbehind
# here would make the regex try every position).
_EMOTICON = re.compile(
    r"[:;=<^](?:(?<=[:;=])[-^']?[)(\]\[DPpO3/\\|*]|(?<=<)3|(?<=\^)_?\^)(?![\w)])"
)


_CASUAL_RULES = compile_phrases(_CASUAL)
_SIGNOFF_RULES = compile_phrases(_INFORMAL_SIGNOFF)
_CLICHE_RULES = compile_phrases(_CLICHES)
# Chat words this module reports, so the spelling check doesn't.
CHAT_WORDS: frozenset[str] = frozenset().union(*(r.triggers for r in _CASUAL_RULES))


def check_exclamations(d: Draft) -> Iterator[Hit]:
    """One exclamation mark is warmth; more reads as gushing."""
    in_subject = d.subject.text.count("!")
    total = in_subject + d.body.text.count("!")
    if total <= 1:
        return
    # Point at the second one: the first is allowed.
    if in_subject >= 2:
        text = d.subject.text
        section, offset = SUBJECT, text.find("!", text.find("!") + 1)
    else:
        text = d.body.text
        first = text.find("!")
        section, offset = BODY, first if in_subject else text.find("!", first + 1)
    yield hit(
        WARNING,
        section,
        offset,
        f"{total} exclamation marks",
        "Keep at most one; end the other sentences with a full stop.",
    )


check_casual = phrase_check(
    _CASUAL_RULES,
    WARNING,
    lambda said: f"Casual wording: '{said}'",
    lambda said, advice: f"Instead of '{said}', {advice}.",
)
check_signoff = phrase_check(
    _SIGNOFF_RULES,
    INFO,
    lambda said: f"Informal sign-off: '{said}'",
    lambda said, advice: f"Instead of '{said}': {advice}.",
)
check_cliches = phrase_check(
    _CLICHE_RULES,
    WARNING,
    lambda said: f"Cliche: '{said}'",
    lambda said, advice: f"Cut '{said}': {advice}.",
)


def check_emoji(d: Draft) -> Iterator[Hit]:
    """Emoji and text emoticons have no place in a professional email."""
    found: list[tuple[int, int, str]] = []
    for part in d.parts:
        text = part.text
        if not text.isascii():
            found += [(part.section, m.start(), m.group()) for m in _EMOJI.finditer(text)]
        found += [
            (part.section, m.start(), m.group())
            for m in _EMOTICON.finditer(text)
            if m.start() == 0 or text[m.start() - 1].isspace()
        ]
    if found:
        found.sort()
        section, offset, _ = found[0]
        shown = " ".join(dict.fromkeys(e for _, _, e in found))
        yield hit(
            WARNING,
            section,
            offset,
            f"Emoji in a professional email: {shown}",
            f"Remove {shown}; let the words carry the warmth.",
        )


CHECKS: tuple[Check, ...] = (
    check_exclamations,
    check_casual,
    check_signoff,
    check_cliches,
    check_emoji,
)
