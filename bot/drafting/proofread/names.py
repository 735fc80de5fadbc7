"""Names: the interviewer addressed by name, a greeting that uses one, and names misused.

A thank-you must name the person it thanks; pasted text should open with a named greeting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from bot.domain.names import ABBREVIATED_TITLES, TITLES
from bot.drafting.proofread.core import (
    BODY,
    EDGE,
    ERROR,
    WARNING,
    WHOLE,
    WORD,
    Check,
    Draft,
    Hit,
    any_word_pattern,
    fold,
    hit,
    is_sentence_start,
    nfc,
    quote,
    wordset,
)
from bot.drafting.proofread.dictionaries import english_words, known
from bot.drafting.proofread.specifics import PERSONAL_KINDS
from bot.i18n import N_, _


class _Greetings(NamedTuple):
    """How a language greets someone in writing.

    `words`: a regex of its greeting words. `titles`: casefolded, without a full stop, the
    words that may come before a name; `abbreviated` ones ('Dr', 'Sra') never stand alone.
    `nobody`: who a greeting may be to without a name ('team'). `thanks`: a regex of the
    thanks a title may follow. `dear` and `hi` greet by first name (formally, informally);
    `open_with` says how to open a pasted note. `formal`: a greeting without a name that
    addresses the reader all the same (French 'Madame,'). `before_title`: the greetings a
    lone title is looked for after, if not all of `words`.
    """

    words: str
    titles: frozenset[str]
    abbreviated: frozenset[str]
    nobody: frozenset[str]
    thanks: str
    dear: str
    hi: str
    open_with: str
    formal: frozenset[str] = frozenset()
    before_title: str = ""


_GREETINGS = {
    "en": _Greetings(
        words=r"dear|hi|hello|hey|greetings|good\s+(?:morning|afternoon|evening)",
        titles=TITLES,
        abbreviated=ABBREVIATED_TITLES,
        nobody=wordset(
            "sir madam hiring recruiting recruiter team there all everyone folks whom "
            "colleagues friends"
        ),
        thanks=r"thank[ \t]+you|thanks",
        dear="Dear {},",
        hi="Hi {},",
        open_with=N_("'Dear <first name>,' or 'Hi <first name>,'"),
        before_title=r"dear|hi|hello|hey|good[ \t]+(?:morning|afternoon|evening)",
    ),
    "es": _Greetings(
        words=r"estimad[oa]s?|querid[oa]s?|apreciad[oa]s?|hola|buen[oa]s\s+(?:días|tardes|noches)",
        titles=wordset("sr sra srta dr dra lic ing don doña señor señora señorita doctor doctora"),
        abbreviated=wordset("Sr Sra Srta Dr Dra Lic Ing"),
        nobody=wordset("equipo todos todas señores señoras compañeros"),
        thanks="gracias",
        dear="Hola, {}:",
        hi="Hola, {}:",
        open_with=N_("'Hola, <first name>:' or 'Estimado/a <first name>:'"),
    ),
    "fr": _Greetings(
        words=r"bonjour|bonsoir|cher|chère|chers|chères|madame|monsieur|salut",
        titles=wordset("m mme mlle dr pr madame monsieur mademoiselle docteur maître professeur"),
        abbreviated=wordset("M Mme Mlle Dr Pr"),
        nobody=wordset("équipe tous toutes mesdames messieurs collègues"),
        thanks="merci",
        dear="Bonjour {},",
        hi="Bonjour {},",
        open_with=N_("'Bonjour <first name>,' or 'Madame,' or 'Monsieur,'"),
        formal=wordset("madame monsieur"),
    ),
    "de": _Greetings(
        words=r"sehr\s+geehrte[rs]?|liebe[rs]?|hallo|hi|guten\s+(?:tag|morgen|abend)",
        titles=wordset("herr frau dr prof"),
        abbreviated=frozenset(
            ("Herr", "Frau", "Dr", "Prof", "Herr Dr", "Frau Dr", "Herr Prof", "Frau Prof")
        ),
        nobody=wordset("team zusammen alle damen herren kolleginnen kollegen"),
        thanks="danke|vielen[ \t]+dank",
        dear="Hallo {},",
        hi="Hallo {},",
        open_with=N_("'Hallo <first name>,' or 'Sehr geehrte Frau <family name>,'"),
    ),
    "pt": _Greetings(
        words=r"prezad[oa]s?|car[oa]s?|querid[oa]s?|exm[oa]s?\.?|olá|oi|bom\s+dia|boa\s+(?:tarde|noite)",
        titles=wordset("sr sra srta dr dra eng enga exmo exma prof profa senhor senhora doutor"),
        abbreviated=wordset("Sr Sra Srta Dr Dra Eng Prof Profa"),
        nobody=wordset("equipe equipa todos todas senhores senhoras colegas"),
        thanks="obrigad[oa]",
        dear="Olá, {},",
        hi="Olá, {},",
        open_with=N_("'Olá, <first name>,' or 'Prezado/a <first name>,'"),
    ),
}
_GREETING = {
    language: re.compile(rf"\s*(?:{g.words})(?![\w'’-])[ \t,]*([^\n,:;!]*)", re.IGNORECASE)
    for language, g in _GREETINGS.items()
}
_NAME_ONLY_GREETING = re.compile(r"\s*[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,2},")


@lru_cache(maxsize=1024)
def _name_parts(name: str, language: str = "en") -> tuple[str, ...]:
    """The words of a name that may address its owner: no titles, no initials."""
    titles = _GREETINGS[language].titles | TITLES
    parts = (p.strip(EDGE) for p in nfc(name).split())
    return tuple(p for p in parts if len(p) > 1 and p.casefold() not in titles)


class _NameForms(NamedTuple):
    """How a name may appear in a note that addresses its owner.

    `loose` parts count in any case (casefolded). `strict` parts are also words of the
    draft's language ('Will', 'Young', 'Rosa'), so they count only capitalised or in
    capitals: 'I will' doesn't name Will. `folded` parts have their accents dropped, to spot
    'Zoe' written for 'Zoë'.
    """

    loose: tuple[str, ...]
    strict: tuple[str, ...]
    folded: tuple[str, ...]


@lru_cache(maxsize=1024)
def _name_forms(parts: tuple[str, ...], language: str = "en") -> _NameForms:
    """Sort a name's parts by whether they are also words of `language`."""
    words_ = [p for p in parts if _is_word(language, p.lower())]
    names = [p for p in parts if not _is_word(language, p.lower())]
    return _NameForms(
        loose=tuple(p.casefold() for p in names),
        strict=tuple(form for p in words_ for form in (p[:1].upper() + p[1:], p.upper())),
        folded=tuple(fold(p) for p in names),
    )


def _is_word(language: str, lower: str) -> bool:
    """Whether a lowercase word is a word of `language` (English: in the word list)."""
    return lower in english_words() if language == "en" else known(language, lower)


def _names_someone(d: Draft, forms: _NameForms) -> bool:
    """Whether the body uses any of the forms."""
    if not d.body_words_lower.isdisjoint(forms.loose) or not d.body.distinct.isdisjoint(
        forms.strict
    ):
        return True
    text = d.body.text
    if forms.loose and any_word_pattern(forms.loose).search(text.casefold()):
        return True
    return bool(forms.strict) and bool(any_word_pattern(forms.strict).search(text))


def check_interviewer_named(d: Draft) -> Iterator[Hit]:
    """A thank-you that never names its reader reads as a form letter.

    The name they go by counts too: "Hi Kate," names Katherine Lee.
    """
    name = d.ctx.interviewer_name
    if d.ctx.kind not in PERSONAL_KINDS or not name:
        return
    language = d.language
    parts = _name_parts(name, language) + _name_parts(d.ctx.greeting_name or "", language)
    if not parts:
        return
    forms = _name_forms(parts, language)
    if _names_someone(d, forms) or _formally_addressed(d):
        return
    first = parts[0]
    if forms.folded and any_word_pattern(forms.folded).search(fold(d.body.text)):
        yield hit(
            WARNING,
            WHOLE,
            0,
            _("{name}'s name is spelled differently in the note").format(name=name),
            _("Spell it as they do: '{name}'.").format(name=first),
        )
        return
    yield hit(
        ERROR,
        WHOLE,
        0,
        _("The note never addresses {name} by name").format(name=name),
        _("Open with their name, e.g. '{greeting}'.").format(
            greeting=_GREETINGS[language].dear.format(first)
        ),
    )


def _formally_addressed(d: Draft) -> bool:
    """Whether the note opens with a form of address that needs no name ('Madame,')."""
    g = _GREETINGS[d.language]
    if not g.formal or not (m := _GREETING[d.language].match(d.body.text)):
        return False
    return _greeting_word(m) in g.formal and not m.group(1).strip()


def _greeting_word(m: re.Match[str]) -> str:
    """The greeting a `_GREETING` match opens with, casefolded: 'madame', 'sehr geehrte'."""
    return " ".join(m.group()[: m.start(1) - m.start()].strip(" \t\n,").casefold().split())


def _fold_in_place(text: str) -> str:
    """`fold`, one character for one, so offsets in the folded text are offsets in `text`.

    A character whose fold is longer ("ß" -> "ss") or empty stays as it is, lower-cased.
    """
    if text.isascii():
        return text.casefold()
    return "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = fold(char)
    if len(folded) == 1:
        return folded
    lower = char.lower()
    return lower if len(lower) == 1 else char


def check_greeting(d: Draft) -> Iterator[Hit]:
    """Pasted text should open with the reader's name (our drafts always do)."""
    if d.ctx.kind is not None:
        return
    text = d.body.text
    g = _GREETINGS[d.language]
    if m := _GREETING[d.language].match(text):
        addressee = [w.strip(EDGE) for w in m.group(1).split()]
        while addressee and addressee[0].casefold() in g.titles:
            addressee.pop(0)
        if addressee and addressee[0][:1].isupper() and addressee[0].casefold() not in g.nobody:
            return
        if _formally_addressed(d):
            return
    elif _NAME_ONLY_GREETING.match(text):
        return
    yield hit(
        WARNING,
        BODY,
        0,
        _("The message doesn't open with a greeting that uses their name"),
        _("Open with {greetings}.").format(greetings=_(g.open_with)),
    )


# --------------------------------------------------------------------------------------------
# Names misused: a title where the name should be, the wrong name form in the greeting, and
# the reader spoken of in the third person.


# 'Hi Dr.,', 'Dear Dr.,', 'Thank you, Dr.:': a greeting (or the start of a line, or a
# thank-you) then an abbreviated title with no name after it. Full words ('Professor',
# 'Sir') can stand alone as a form of address, so they pass.
def _title_alone(g: _Greetings) -> tuple[frozenset[str], re.Pattern[str]]:
    """A language's abbreviated titles (as written and in capitals), and where one stands alone.

    That is after a greeting, at the start of a line, or after the thanks, with no name.
    """
    words_ = g.abbreviated | {t.upper() for t in g.abbreviated}
    greetings = g.before_title or g.words.replace(r"\s", r"[ \t]")
    regex = re.compile(
        rf"^[ \t]*(?:(?i:{greetings})[ \t]+"
        rf"|(?i:{g.thanks})(?:[ \t]+(?i:again))?[ \t]*,[ \t]*)?"
        r"((?:" + "|".join(sorted(words_, key=lambda t: (-len(t), t))) + r")\.?)"
        r"(?=[ \t]*(?:[,:;!]|$))",
        re.MULTILINE,
    )
    return frozenset(words_), regex


_TITLE_ALONE = {language: _title_alone(g) for language, g in _GREETINGS.items()}


def check_title_as_name(d: Draft) -> Iterator[Hit]:
    """A title is not a name: 'Hi Dr.,' must never be sent."""
    ctx = d.ctx
    title_words, title_alone = _TITLE_ALONE[d.language]
    for part in d.parts:
        if title_words.isdisjoint(part.distinct):
            continue
        for m in title_alone.finditer(part.text):
            said = m.group().strip()
            title = m.group(1)
            family = _name_parts(ctx.interviewer_name or "", d.language)[-1:]
            yield hit(
                ERROR,
                part.section,
                m.start(1),
                _("A title used as a name: {text}").format(text=quote(said)),
                _title_fix(d, title, family[0] if family else None),
            )


def _title_fix(d: Draft, title: str, family: str | None) -> str:
    """Put the name after the title; in English, or greet them by first name."""
    ctx = d.ctx
    if d.language != "en":
        if family:
            return _("Put their family name after '{title}': '{named}'.").format(
                title=title, named=f"{title} {family}"
            )
        return _("Put their family name after '{title}'.").format(title=title)
    formal = f"'Dear {ctx.honorific} {family},'" if ctx.honorific and family else None
    informal = f"'Hi {ctx.greeting_name},'" if ctx.greeting_name else None
    if formal and informal:
        examples = _("{example} or {other_example}").format(example=formal, other_example=informal)
    else:
        examples = formal or informal or ""
    if examples:
        return _("Put their name after '{title}', or greet them by name: {examples}.").format(
            title=title, examples=examples
        )
    return _("Put their name after '{title}', or greet them by name, e.g. '{example}'.").format(
        title=title, example="Dear Dr. Kobayashi,"
    )


def _greeted(text: str, language: str = "en") -> tuple[int, list[str], bool] | None:
    """Where the greeting's name starts, its words, and whether a title comes first."""
    m = _GREETING[language].match(text)
    if m is None:
        return None
    titles = _GREETINGS[language].titles
    named = [w.strip(EDGE) for w in m.group(1).split()]
    # 'Madame Moreau,': the greeting is a title itself.
    titled = (bool(named) and named[0].casefold().rstrip(".") in titles) or _greeting_word(
        m
    ) in _GREETINGS[language].formal
    while named and named[0].casefold().rstrip(".") in titles:
        named.pop(0)
    return m.start(1), [w for w in named if w], titled


def check_greeting_name(d: Draft) -> Iterator[Hit]:
    """Greet someone by the name they go by: 'Hi Hương,' not 'Hi Nguyễn,', 'Hi Bob,'."""
    ctx = d.ctx
    if not ctx.greeting_name or not (greeted := _greeted(d.body.text, d.language)):
        return
    at, named, titled = greeted
    if titled or len(named) != 1:
        return  # 'Dear Dr. Kobayashi,' or a full name are formal, and fine
    said = fold(named[0])
    theirs = {fold(p) for p in _name_parts(ctx.interviewer_name or "", d.language)}
    theirs.update(f for f in ctx.addressee_forms if " " not in f)
    if said == fold(ctx.greeting_name) or said not in theirs:
        return
    greeting = _GREETINGS[d.language].hi.format(ctx.greeting_name)
    yield hit(
        WARNING,
        BODY,
        at,
        _("The greeting calls them '{said}'; they go by '{name}'").format(
            said=named[0], name=ctx.greeting_name
        ),
        (
            _("Write '{greeting}' or, formally, '{formal}'.").format(
                greeting=greeting, formal=f"Dear {ctx.honorific} {named[0]},"
            )
            if ctx.honorific and d.language == "en"
            else _("Write '{greeting}'.").format(greeting=greeting)
        ),
    )


# The reader as the subject of a third-person verb: 'as Kofi mentioned'.
_REPORTING_VERBS = wordset(
    "mentioned said told showed explained described shared asked suggested noted offered "
    "walked gave leads runs manages is was has had"
)
_THIRD_PERSON = {
    "he": "you",
    "she": "you",
    "him": "you",
    "his": "your",
    "her": "your",
    "hers": "yours",
    "himself": "yourself",
    "herself": "yourself",
    "he's": "you're",
    "she's": "you're",
    "he’s": "you’re",
    "she’s": "you’re",
}
_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")
# Someone a 'he' or 'she' may point back to, without a name.
_PERSON_NOUNS = wordset(
    "manager recruiter director lead founder cofounder colleague engineer designer "
    "interviewer panelist panellist ceo cto cfo coo vp head teammate mentor partner friend "
    "candidate boss supervisor analyst scientist developer member someone person man woman "
    "brother sister father mother wife husband son daughter"
)
_PRONOUN = re.compile(r"(?<![\w'’-])(?:" + "|".join(_THIRD_PERSON) + r")(?![\w'’-])", re.I)


def _addressee_forms(d: Draft, greeted: tuple[int, list[str], bool] | None) -> frozenset[str]:
    """Every folded form of the reader's name: given, greeted or typed by the member."""
    ctx = d.ctx
    forms = {fold(p) for p in _name_parts(ctx.interviewer_name or "")}
    forms.update(ctx.addressee_forms)
    if ctx.greeting_name:
        forms.add(fold(ctx.greeting_name))
    if not forms and greeted and ctx.kind is None:
        forms.update(fold(w) for w in greeted[1])  # pasted text: whoever the greeting names
    return frozenset(f for f in forms if f and fold(f) not in TITLES)


def check_addressee_in_third_person(d: Draft) -> Iterator[Hit]:
    """In a note to Kofi, 'Kofi's team' and 'as Kofi mentioned' are 'your team', 'as you ...'.

    English only, for now. After the greeting line, the reader's name followed by 's or by
    a reporting verb is always flagged. A he/she pronoun is flagged, once, only while nobody
    else could be meant: before any other capitalised name (a word capitalised mid-sentence
    that is not an English word) or lowercase person noun ('your manager') appears; it is a
    question then, not a verdict.
    """
    if d.language != "en":
        return
    text = d.body.text
    greeted = _greeted(text)
    forms = _addressee_forms(d, greeted)
    if not forms:
        return
    start = text.find("\n") + 1 if greeted or _NAME_ONLY_GREETING.match(text) else 0
    folded = _fold_in_place(text)
    for m in _reader_named(tuple(sorted(forms))).finditer(folded, start):
        name = text[m.start() : m.start() + len(m.group(1))]
        if m.group(2):  # 'Kofi's'
            owned = _NEXT_WORD.match(text, m.end())
            said = text[m.start() : m.end()] + (f" {owned.group(1)}" if owned else "")
            yield _third_person(
                m.start(), said, name, f"your {owned.group(1)}" if owned else "your"
            )
        else:  # 'Kofi mentioned'
            verb = m.group(3)
            yield _third_person(m.start(), f"{name} {verb}", name, f"you {verb}")
        return
    who = d.ctx.greeting_name or (greeted[1][0] if greeted and greeted[1] else None)
    parts = _name_parts(d.ctx.interviewer_name or "")
    yield from _pronoun_before_anyone_else(
        d, text, start, forms, who or (parts[0] if parts else _("them"))
    )


@lru_cache(maxsize=1024)
def _reader_named(forms: tuple[str, ...]) -> re.Pattern[str]:
    """The reader's name with 's, or before a reporting verb, in folded text."""
    names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    verbs = "|".join(sorted(_REPORTING_VERBS))
    return re.compile(rf"(?<![\w-])({names})(?:(['’]s)(?!\w)|\s+({verbs})(?![\w'’]))")


def _pronoun_before_anyone_else(
    d: Draft, text: str, start: int, forms: frozenset[str], who: str
) -> Iterator[Hit]:
    """The first he/she pronoun, if nobody but the reader has been mentioned before it."""
    if d.body_words_lower.isdisjoint(_THIRD_PERSON):
        return
    m = _PRONOUN.search(text, start)
    if m is None:
        return
    before = text[start : m.start()]
    for w in WORD.finditer(before):
        word = w.group()
        lower = word.casefold()
        if word.islower() and (lower in _PERSON_NOUNS or lower.removesuffix("s") in _PERSON_NOUNS):
            return  # 'your manager'; a capitalised 'Manager' is part of a role's title
        if (
            word[:1].isupper()
            and not is_sentence_start(before, w.start())
            and fold(word) not in forms
            and lower.removesuffix("'s") not in english_words()
        ):
            return  # another name: the pronoun may well be theirs
    said = m.group()
    yield hit(
        WARNING,
        BODY,
        m.start(),
        _("'{said}' in a note to {name}: is that {name}?").format(said=said, name=who),
        _("If you mean {name}, write '{instead}'; if someone else, name them first.").format(
            name=who, instead=_THIRD_PERSON[said.casefold()]
        ),
    )


def _third_person(at: int, said: str, name: str, instead: str) -> Hit:
    """The reader named in the third person."""
    return hit(
        WARNING,
        BODY,
        at,
        _("{text} speaks of {name} in the third person, in a note to them").format(
            text=quote(said), name=name
        ),
        _("Write '{instead}' instead.").format(instead=instead),
    )


CHECKS: tuple[Check, ...] = (
    check_interviewer_named,
    check_greeting,
    check_title_as_name,
    check_greeting_name,
    check_addressee_in_third_person,
)
