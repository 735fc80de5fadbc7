"""Grammar and mechanics: sentence case, note-shaped gaps in a frame, doubled punctuation."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import cast

from bot.drafting.proofread.core import (
    BODY,
    EDGE,
    INFO,
    WARNING,
    Check,
    Draft,
    Hit,
    hit,
    quote,
    quotes,
    wordset,
)
from bot.i18n import N_, _, ngettext

# Abbreviations a lowercase word may follow, per language.
_ABBREVIATIONS = {
    "en": wordset("etc vs approx incl dept no cf mr mrs ms dr prof st jr sr inc ltd co"),
    "es": wordset("etc sr sra srta dr dra ud uds ej pág núm aprox tel av"),
    "fr": wordset("etc m mme mlle dr pr ex cf env tél av"),
    "de": wordset("z b d h u a bzw ca evtl ggf usw vgl nr dr prof inkl zzgl tel str"),
    "pt": wordset("etc sr sra srta dr dra ex exa exmo exma eng tel av"),
}
# Each alternative starts with a literal ('.', '!', '?' or a line break) so the regex engine
# skips from mark to mark: this runs on every draft.
_CLOSERS = r"[\"'’”»)\]]*\s+"
_LOWER_SENTENCE_START = re.compile(
    rf"(?:\.{_CLOSERS}|!{_CLOSERS}|\?{_CLOSERS}|\n[ \t]*\n\s*)[¿¡«\"“]?[ \t]*([a-zß-öø-ÿ]\S*)"
)
_LOWER_FIRST_WORD = re.compile(r"\s*[¿¡«\"“]?[ \t]*([a-zß-öø-ÿ]\S*)")
# A German letter goes on in lowercase after its greeting's comma: 'Hallo Julia,' then
# 'vielen Dank ...'.
_GREETING_COMMA = re.compile(r",[ \t]*\n[ \t]*\n\s*$")


def check_sentence_case(d: Draft) -> Iterator[Hit]:
    """A sentence starting in lowercase looks careless (abbreviations and brands aside).

    Capitals inside a sentence are never questioned: German writes every noun with one.
    """
    text = d.body.text
    abbreviations = _ABBREVIATIONS[d.language]
    starts: list[tuple[int, str]] = []
    if first := _LOWER_FIRST_WORD.match(text):
        starts.append((first.start(1), first.group(1)))
    for m in _LOWER_SENTENCE_START.finditer(text):
        before = text[max(0, m.start(1) - 40) : m.start(1)].rstrip().rsplit(None, 1)
        previous = before[-1] if before else ""
        if previous.endswith(("...", "…")) or "." in previous[:-1]:
            continue  # an ellipsis, or an abbreviation such as 'e.g.'
        if previous.rstrip(".").casefold() in abbreviations:
            continue
        if d.language == "de" and _GREETING_COMMA.search(text, 0, m.start(1)):
            continue
        starts.append((m.start(1), m.group(1)))
    starts = [
        (at, w.rstrip(EDGE))
        for at, w in starts
        if not any(c.isupper() or c in "./@" for c in w.rstrip(EDGE))  # iPhone, example.com
    ]
    if starts:
        count = len(starts)
        yield hit(
            INFO,
            BODY,
            starts[0][0],
            ngettext(
                "{count} sentence starts with a lowercase letter",
                "{count} sentences start with a lowercase letter",
                count,
            ).format(count=count),
            _("Capitalise {words}.").format(words=quotes(w for _at, w in starts)),
        )


# --------------------------------------------------------------------------------------------
# A note pasted into a frame that doesn't fit it: "my experience with shipped two titles",
# "you mentioned to set up a call". Word classes come from lemminflect's lexicon.

_SUBJECT_PRONOUNS = wordset("i he she we they")
_NUMBERS = wordset("one two three four five six seven eight nine ten twelve fifteen twenty")
# What follows a verb and not an adjective: 'led the migration', 'shipped two titles',
# 'set up a call'. ('distributed systems' has none, so it passes.)
_VERB_OBJECTS = wordset(
    "the a an my our their his her its your this these those two three four five six seven "
    "eight nine ten several many multiple some over more up out down off"
)
_NOT_VERBS = wordset(
    "me us him her them you everyone someone anyone the a an my our your his their its this"
)
# No lookbehind in front: a pattern that starts with its literal is searched for fast.
_EXPERIENCE = re.compile(
    r"experience\s+(?:with|in)\s+([\w'’+-]+)(?:\s+([\w'’+-]+))?", re.IGNORECASE
)
_MENTIONED_TO = re.compile(r"mentioned\s+to\s+([a-z][\w'’-]*)(?:\s+([\w'’+-]+))?", re.IGNORECASE)
_YEARS = re.compile(r"(?:years?|yrs?)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lemmas() -> Callable[[str], dict[str, tuple[str, ...]]]:
    """Lemma lookup from lemminflect, loaded on first use (its lexicon takes 0.25 s)."""
    from lemminflect import getAllLemmas  # noqa: PLC0415 - only drafts with these frames pay

    return cast("Callable[[str], dict[str, tuple[str, ...]]]", getAllLemmas)


@lru_cache(maxsize=8192)
def _is_verb(word: str) -> bool:
    """Whether a lowercase word is a verb form other than a gerund ('led', 'set', 'ship')."""
    return not word.endswith("ing") and "VERB" in _lemmas()(word)


@lru_cache(maxsize=8192)
def _is_base_verb(word: str) -> bool:
    """Whether a lowercase word is a verb's base form ('set', 'share'), as after 'to'."""
    return word in _lemmas()(word).get("VERB", ())


def _experience_with(first: str, second: str) -> str | None:
    """What shape of note follows 'experience with', if it is one no noun-frame takes."""
    if first in _SUBJECT_PRONOUNS:
        return N_("a clause")
    if first == "to":
        return N_("an action")
    if (first.rstrip("+").isdigit() or first in _NUMBERS) and _YEARS.match(second):
        return N_("a number of years")
    if second in _VERB_OBJECTS and _is_verb(first):
        return N_("a verb")
    return None


def check_frames(d: Draft) -> Iterator[Hit]:
    """'Experience with' and 'mentioned to' need a noun after them; a note may not be one.

    English only: these are frames of our English drafts.
    """
    if d.language != "en":
        return
    lower = d.words_lower
    if "experience" in lower and not lower.isdisjoint(("with", "in")):
        for part in d.parts:
            for m in _EXPERIENCE.finditer(part.text):
                if _inside_a_word(part.text, m.start()):
                    continue
                first, second = m.group(1).casefold(), (m.group(2) or "").casefold()
                if shape := _experience_with(first, second):
                    said = " ".join(m.group().split())
                    yield hit(
                        WARNING,
                        part.section,
                        m.start(),
                        _("'experience with' followed by {shape}: {text}").format(
                            shape=_(shape), text=quote(said)
                        ),
                        _(_EXPERIENCE_FIXES[shape]),
                    )
    if "mentioned" in lower and "to" in lower:
        for part in d.parts:
            for m in _MENTIONED_TO.finditer(part.text):
                if _inside_a_word(part.text, m.start()):
                    continue
                verb, after = m.group(1), (m.group(2) or "").casefold()
                if verb.casefold() in _NOT_VERBS or not _is_base_verb(verb.casefold()):
                    continue
                if "NOUN" in _lemmas()(verb.casefold()) and after not in _VERB_OBJECTS - {"that"}:
                    continue  # 'mentioned to staff': a noun
                said = " ".join(m.group().split())
                yield hit(
                    WARNING,
                    part.section,
                    m.start(),
                    _("'mentioned to' followed by a verb: {text}").format(text=quote(said)),
                    _(
                        "Say who does it: 'you mentioned you would {verb} ...', or 'you "
                        "suggested I {verb} ...'."
                    ).format(verb=verb),
                )


def _inside_a_word(text: str, at: int) -> bool:
    return at > 0 and (text[at - 1].isalnum() or text[at - 1] in "'’-_")


_EXPERIENCE_FIXES = {
    "a clause": N_("Write it as its own sentence, or 'what you told me about ...'."),
    "an action": N_("Name the thing instead, or write 'I would be glad to ...'."),
    "a number of years": N_("Write 'my four years of ...' without 'experience with'."),
    "a verb": N_(
        "Use the -ing form ('my experience shipping two titles') or 'having shipped ...'."
    ),
}


# --------------------------------------------------------------------------------------------
# Doubled punctuation: 'Solstice Outdoor Co..' (a name ending in a full stop, then ours), ',,',
# ';;', '??', '?.' and a full stop set apart ('. .'). Not an ellipsis ('...', '. . .'), not
# '?!' or '!?' (the exclamation check counts those), not 'Inc.,' (an abbreviation, then a
# comma), not 'std::vector'. Every alternative starts with a literal mark, so the regex engine
# skips ahead to the next mark instead of trying each alternative at every character.
_DOUBLED = re.compile(
    r"\.\.+|,,|;;|\?\?|::(?=\s|$)|,[.;:]|;[.,:]|:[.,;](?!\w)|\?\.(?!\.)|!\.(?!\.)"
    r"|\.[ \t]+\.(?![ \t]*\.)|,[ \t]+,"
)


def check_doubled_punctuation(d: Draft) -> Iterator[Hit]:
    """Two marks where one belongs, usually where a note or name meets a frame's own mark."""
    seen: set[str] = set()
    for part in d.parts:
        text = part.text
        for m in _DOUBLED.finditer(text):
            if m.group().startswith("...") or (m.start() and text[m.start() - 1] == "."):
                continue  # an ellipsis
            if m.group().startswith(".") and text[max(0, m.start() - 2) : m.start()] == ". ":
                continue  # the end of a spaced ellipsis '. . .'
            word_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            token = text[word_start : m.end()]
            if "/" in token or "@" in token:
                continue  # a URL or an address
            if token in seen:
                continue
            seen.add(token)
            marks = m.group().replace(" ", "").replace("\t", "")
            keep = marks[0] if marks[0] in ".?!" else marks[-1]
            fixed = text[word_start : m.start()] + keep
            yield hit(
                WARNING,
                part.section,
                m.start(),
                _("Doubled punctuation: {text}").format(text=quote(token)),
                _("Keep one mark: {text}.").format(text=quote(fixed)),
            )


CHECKS: tuple[Check, ...] = (check_sentence_case, check_frames, check_doubled_punctuation)
