"""Proofread a draft before a member sends it.

`proofread(subject, body, ctx)` returns `Finding`s ordered by severity ("error" must be fixed
before sending, "warning" should be, "info" is worth a thought), then by where they occur:
remarks about the whole draft or its timing first, then the subject, then the body.

The checks enforce career coaches' follow-up etiquette:
a thank-you within 24 hours that names the interviewer and something specific you discussed;
concise drafts; a polite, professional tone (no chat speak, emoji or stacked exclamation
marks); no typos or template leftovers; a first status check only after five business days
and at most two unanswered nudges.

Each check is a small function over a `_Draft`; the word and phrase lists are data near the
top of the module. The proofreader runs for every draft the bot renders, so it is built for
speed: the text is split into words once per call, each phrase pattern runs only when one of
its trigger words (or, for leftovers, its needle) is present, regexes are compiled once, the
spelling dictionary is loaded once and lazily, and spelling verdicts and suggestions are
cached per word.
"""

from __future__ import annotations

import operator
import re
import string
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from difflib import SequenceMatcher
from functools import cache, cached_property, lru_cache
from typing import NamedTuple

from spellchecker import SpellChecker

from bot.chat import Finding
from bot.domain.policy import business_days_later

__all__ = ["ERROR", "INFO", "WARNING", "ProofContext", "proofread", "words"]

ERROR = "error"
WARNING = "warning"
INFO = "info"
_RANK = {ERROR: 0, WARNING: 1, INFO: 2}

# Where a finding sits, for ordering: remarks on the whole draft, then subject, then body.
_WHOLE, _SUBJECT, _BODY = 0, 1, 2


@dataclass(frozen=True)
class ProofContext:
    """What the proofreader knows about a draft beyond its text.

    `kind` is the draft kind ("thank_you", "status_check", "promised_material",
    "rejection_reply", "keep_in_touch", "next_round_thanks", "offer_reply"), or None for text a
    member pasted. `known_terms` (names, company, role, the member's own words) are never
    flagged as misspelled; nor are the interviewer's name and the `specifics`. Datetimes must be
    timezone-aware.
    """

    kind: str | None = None
    interviewer_name: str | None = None
    specifics: tuple[str, ...] = ()
    known_terms: tuple[str, ...] = ()
    linkedin: bool = False
    others: tuple[str, ...] = ()
    interview_ended_at: datetime | None = None
    now: datetime | None = None
    last_message_at: datetime | None = None
    status_checks_sent: int = 0


def _wordset(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string, for readable word lists."""
    return frozenset(text.split())


# --------------------------------------------------------------------------------------------
# Data: limits and word lists

# Kinds thanking one interviewer: they must use their name and mention something specific.
_PERSONAL_KINDS = frozenset({"thank_you"})

_WORD_LIMITS = {
    "thank_you": 200,
    "next_round_thanks": 200,
    "promised_material": 200,
    "status_check": 150,
}
_DEFAULT_WORD_LIMIT = 200
# The field figure: drafts of 150 words or fewer. Above it, within the kind's limit, is only
# worth a thought.
_FIELD_WORD_TARGET = 150
_LINKEDIN_CHAR_LIMIT = 300
_KIND_NAMES = {
    "thank_you": "a thank-you note",
    "next_round_thanks": "a thank-you note",
    "promised_material": "a note sending promised material",
    "status_check": "a status check",
}

_THANK_YOU_WITHIN = timedelta(hours=24)
_STATUS_CHECK_WAIT_BUSINESS_DAYS = 5
_MAX_STATUS_CHECKS = 2
_NEAR_IDENTICAL = 0.9
# Panel notes are short; beyond this many words the comparison (quadratic on repetitive text)
# is skipped, and the length check has something to say anyway.
_NEAR_IDENTICAL_MAX_WORDS = 1000


class _Phrase(NamedTuple):
    """A word or phrase to flag, and what to write instead.

    `pattern` is a regex matched on word boundaries, case-insensitively unless
    `case_sensitive`. It is tried only when one of `triggers` (space-separated words) is a word
    of the text; without triggers, the pattern must be a plain `word|word` list.
    """

    pattern: str
    advice: str
    triggers: str = ""
    case_sensitive: bool = False


_ASK_INSTEAD = "say why you are writing, e.g. 'Could you share an update on the timeline?'"

# Casual words and chat speak.
_CASUAL = (
    _Phrase("hey", "open with 'Dear' or 'Hi' and their name"),
    _Phrase("gonna", "write 'going to'"),
    _Phrase("wanna", "write 'want to'"),
    _Phrase("gotta", "write 'have to'"),
    _Phrase("kinda|sorta", "write 'somewhat' or drop it"),
    _Phrase("thx|thnx|tnx", "write 'thank you'"),
    _Phrase("pls|plz", "write 'please'"),
    _Phrase(r"(?<!\()u(?!\))", "write 'you'", "u", case_sensitive=True),
    _Phrase("ur", "write 'your'", case_sensitive=True),
    _Phrase(
        r"(?<!\()i(?:['’](?:m|ve|d|ll))?(?!\))",
        "write 'I'",
        "i i'm i've i'd i'll i’m i’ve i’d i’ll",
        case_sensitive=True,
    ),
    _Phrase("lol|lmao|rofl|haha|hahaha|hehe|omg", "delete it"),
    _Phrase("btw", "write 'also' or drop it"),
    _Phrase("tbh|imo|imho", "state it plainly, or write 'I think'"),
    _Phrase("idk", "write 'I'm not sure'"),
    _Phrase("yeah|yep|yup", "write 'yes'"),
    _Phrase("nope", "write 'no'"),
    _Phrase("awesome", "write 'great', or say what you liked"),
    _Phrase(r"super\s+(?:excited|keen|happy|stoked|pumped)", "write 'delighted'", "super"),
    _Phrase("stoked|pumped", "write 'excited'"),
    _Phrase(r"no\s+worries", "write 'of course' or 'not at all'", "worries"),
    _Phrase(r"you\s+guys", "write 'you and the team'", "guys"),
    _Phrase("dude", "delete it"),
)
# Informal but common as a sign-off in British and Australian English: worth a thought only.
_INFORMAL_SIGNOFF = (_Phrase("cheers", "'Best regards' is safer with someone you have just met"),)
# Cliches that waste the reader's first line or read as pushy. Kept short: each is named by
# the field notes or by the etiquette guides' advice to state your purpose plainly.
_CLICHES = (
    _Phrase(r"just\s+(?:wanted\s+to\s+)?check(?:ing)?\s+in", _ASK_INSTEAD, "check checking"),
    _Phrase(r"touch(?:ing|ed)?\s+base", _ASK_INSTEAD, "base"),
    _Phrase(r"circl(?:e|ed|ing)\s+back", _ASK_INSTEAD, "back"),
    _Phrase(
        r"(?:as\s+)?per\s+my\s+(?:last|previous)\s+(?:e-?mail|message|note)",
        "it reads as a reproach, so restate the point in a sentence instead",
        "per",
    ),
    _Phrase(
        r"just\s+(?:wanted\s+to\s+)?follow(?:ing)?\s+up",
        "state the purpose directly, e.g. 'I'm writing to ask about next steps.'",
        "follow following",
    ),
    _Phrase(
        r"(?:i\s+)?hope\s+(?:this|my)\s+(?:(?:e-?mail|message|note|letter)\s+)?finds\s+you\s+well",
        "open with your thanks or your purpose instead",
        "finds",
    ),
)


class _Leftover(NamedTuple):
    """Template debris: `pattern` is tried only when one of `needles` occurs in the text."""

    pattern: str
    what: str
    needles: tuple[str, ...]


_LEFTOVERS = (
    _Leftover(
        r"\{\{[^\n{}]{0,80}\}\}|\{%[^\n{}]{0,80}%\}|\{\{|\}\}|\{%|%\}",
        "Template code",
        ("{{", "}}", "{%", "%}"),
    ),
    _Leftover(r"\[[^\[\]\n]{1,60}\](?!\()", "Placeholder", ("[",)),
    _Leftover(r"<[ \t]*[A-Za-z][\w \t.-]{0,40}>", "Placeholder", ("<",)),
    _Leftover(
        r"(?<![\w'’-])(?:TODO|FIXME|X{2,})(?![\w'’-])", "Note to self", ("TODO", "FIXME", "XX")
    ),
    _Leftover(r"(?<![\w'’-])None(?![\w'’-])", "Empty field", ("None",)),
    _Leftover(r"(?i:lorem\s+ipsum)", "Placeholder text", ("orem", "OREM")),
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

# Words the English dictionary lacks that job seekers write all the time.
_EXTRA_WORDS = _wordset(
    "analytics api apis async autoscaling backend backends blockchain bootcamp changelog "
    "chatbot codebase codebases cofounder cybersecurity dataset datasets dedupe "
    "deduplication devops ecommerce edtech failover fintech frontend frontends fullstack "
    "github gitlab golang hackathon hackathons healthtech idempotency kanban kubernetes "
    "linkedin microservice microservices middleware monorepo multithreading namespace "
    "offboarding offsite onboard onboarding onsite panellist panellists postgres refactor "
    "refactored refactoring repo repos reskilling roadmap roadmaps runbook runbooks runtime "
    "saas serverless sharding signup standups upskill upskilling webhook webhooks webinar "
    "webinars wifi wireframe wireframes workflow workflows"
)

# British spellings: accept the word when the American form is in the dictionary.
_BRITISH_SUFFIXES = (
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yse", "yze"),
    ("ouring", "oring"),
    ("oured", "ored"),
    ("ours", "ors"),
    ("our", "or"),
    ("tres", "ters"),
    ("tre", "ter"),
    ("ogue", "og"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ence", "ense"),
    ("mmes", "ms"),
    ("mme", "m"),
)
# A lone capitalised word on a short line is taken for a name (a signature) unless it looks
# like a misspelt one of these.
_SALUTATION_WORDS = _wordset(
    "dear hello hi greetings sincerely regards best thanks thank respectfully warmly "
    "cordially yours kind warm faithfully"
)
_TITLES = _wordset("mr mrs ms mx miss dr prof professor sir madam")
# A greeting addressed to one of these has no name in it.
_NOT_NAMES = _wordset(
    "sir madam hiring recruiting recruiter team there all everyone folks whom colleagues friends"
)
# Words too common to show that a recorded detail made it into the note.
_NOT_SIGNIFICANT = _wordset(
    "the and for with about our your their his her its that this those these from into "
    "onto over under how what why when where who which was were are you they them then "
    "than also very more most some any all not but can will would could should has have "
    "had been being role team company position job work interview discussion conversation "
    "talk talked discussed chat"
)
_ABBREVIATIONS = _wordset("etc vs approx incl dept no cf mr mrs ms dr prof st jr sr inc ltd co")
_REPEAT_OK = _wordset("had that")
_SPELLING_SUGGEST_MAX_LEN = 20

# Characters stripped from both ends of a whitespace-separated token to get its word.
_EDGE = string.punctuation + "‘’“”«»‹›…–—―•·¡¿"


# --------------------------------------------------------------------------------------------
# Compiled patterns


class _Rule(NamedTuple):
    regex: re.Pattern[str]
    advice: str
    triggers: frozenset[str]


def _compile_phrases(phrases: Iterable[_Phrase]) -> tuple[_Rule, ...]:
    rules = []
    for p in phrases:
        words_ = (p.triggers or p.pattern.replace("|", " ")).split()
        if not p.case_sensitive:
            words_ += [v for w in words_ for v in (w.capitalize(), w.upper())]
        regex = re.compile(
            rf"(?<![\w'’-])(?:{p.pattern})(?![\w'’]|-\w|\.\w)",
            0 if p.case_sensitive else re.IGNORECASE,
        )
        rules.append(_Rule(regex, p.advice, frozenset(words_)))
    return tuple(rules)


_CASUAL_RULES = _compile_phrases(_CASUAL)
_SIGNOFF_RULES = _compile_phrases(_INFORMAL_SIGNOFF)
_CLICHE_RULES = _compile_phrases(_CLICHES)
_CHAT_WORDS = frozenset().union(*(r.triggers for r in _CASUAL_RULES))
_LEFTOVER_RULES = tuple((re.compile(x.pattern), x) for x in _LEFTOVERS)
_LEFTOVER_NEEDLES = tuple({n for x in _LEFTOVERS for n in x.needles})

# A word for spelling: letters and digits, with inner apostrophes or hyphens.
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_HAS_ALNUM = re.compile(r"[^\W_]")
_LOWER_SENTENCE_START = re.compile(r"(?:[.!?][\"'’”)\]]*\s+|\n[ \t]*\n\s*)([a-zß-öø-ÿ]\S*)")
_LOWER_FIRST_WORD = re.compile(r"\s*([a-zß-öø-ÿ]\S*)")
_GREETING = re.compile(
    r"\s*(?:dear|hi|hello|hey|greetings|good\s+(?:morning|afternoon|evening))(?![\w'’-])"
    r"[ \t,]*([^\n,:;!]*)",
    re.IGNORECASE,
)
_NAME_ONLY_GREETING = re.compile(r"\s*[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,2},")


# --------------------------------------------------------------------------------------------
# Splitting text into words


class _Text:
    """One part of the draft (subject or body), split into words once."""

    __slots__ = ("cores", "count", "distinct", "raw", "section", "text")

    def __init__(self, section: int, text: str) -> None:
        self.section = section
        self.text = text
        self.raw = text.split()
        # Each token without its surrounding punctuation: 'Zoë,' -> 'Zoë', '(Acme)' -> 'Acme'.
        self.cores = [w.strip(_EDGE) for w in self.raw]
        self.distinct = set(self.cores)
        self.distinct.discard("")
        odd = [c for c in self.cores if not c.isalpha()]
        self.count = len(self.cores) - len(odd) + sum(1 for c in odd if _HAS_ALNUM.search(c))


def words(text: str) -> int:
    """Count words as a word processor does: whitespace-separated tokens with a letter or digit.

    The length check counts this way.
    """
    return _Text(_BODY, text).count


# --------------------------------------------------------------------------------------------
# Internals


class _Hit(NamedTuple):
    rank: int
    section: int
    offset: int
    finding: Finding


def _hit(level: str, section: int, offset: int, message: str, fix: str) -> _Hit:
    return _Hit(_RANK[level], section, offset, Finding(level=level, message=message, fix=fix))


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _fold(text: str) -> str:
    """Casefold and drop accents: 'Zoë' and 'ZOE' both become 'zoe'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"


def _quotes(items: Iterable[str], limit: int = 3) -> str:
    unique = list(dict.fromkeys(items))
    shown = ", ".join(_quote(i) for i in unique[:limit])
    return shown + (f" and {len(unique) - limit} more" if len(unique) > limit else "")


class _Draft:
    """The text under review and what is known about it, normalised once per call."""

    def __init__(self, subject: str, body: str, ctx: ProofContext) -> None:
        self.subject = _Text(_SUBJECT, _nfc(subject))
        self.body = _Text(_BODY, _nfc(body))
        self.ctx = ctx
        self.parts = (self.subject, self.body)

    @cached_property
    def body_words_lower(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.body.distinct)


_Check = Callable[[_Draft], Iterator[_Hit]]


# --------------------------------------------------------------------------------------------
# Personalisation


@lru_cache(maxsize=1024)
def _name_parts(name: str) -> tuple[str, ...]:
    parts = (p.strip(_EDGE) for p in _nfc(name).split())
    return tuple(p for p in parts if len(p) > 1 and p.casefold() not in _TITLES)


class _NameForms(NamedTuple):
    """How a name may appear in a note that addresses its owner.

    `loose` parts count in any case (casefolded). `strict` parts are also English words
    ('Will', 'Young'), so they count only capitalised or in capitals: 'I will' doesn't name
    Will. `folded` parts have their accents dropped, to spot 'Zoe' written for 'Zoë'.
    """

    loose: tuple[str, ...]
    strict: tuple[str, ...]
    folded: tuple[str, ...]


@lru_cache(maxsize=1024)
def _name_forms(parts: tuple[str, ...]) -> _NameForms:
    dictionary = _dictionary()
    words_ = [p for p in parts if p.lower() in dictionary]
    names = [p for p in parts if p.lower() not in dictionary]
    return _NameForms(
        loose=tuple(p.casefold() for p in names),
        strict=tuple(form for p in words_ for form in (p[:1].upper() + p[1:], p.upper())),
        folded=tuple(_fold(p) for p in names),
    )


def _names_someone(d: _Draft, forms: _NameForms) -> bool:
    if not d.body_words_lower.isdisjoint(forms.loose) or not d.body.distinct.isdisjoint(
        forms.strict
    ):
        return True
    text = d.body.text
    if forms.loose and _any_word_pattern(forms.loose).search(text.casefold()):
        return True
    return bool(forms.strict) and bool(_any_word_pattern(forms.strict).search(text))


@lru_cache(maxsize=1024)
def _any_word_pattern(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(a) for a in sorted(alternatives, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _check_interviewer_named(d: _Draft) -> Iterator[_Hit]:
    name = d.ctx.interviewer_name
    if d.ctx.kind not in _PERSONAL_KINDS or not name or not (parts := _name_parts(name)):
        return
    forms = _name_forms(parts)
    if _names_someone(d, forms):
        return
    first = parts[0]
    if forms.folded and _any_word_pattern(forms.folded).search(_fold(d.body.text)):
        yield _hit(
            WARNING,
            _WHOLE,
            0,
            f"{name}'s name is spelled differently in the note",
            f"Spell it as they do: '{first}'.",
        )
        return
    yield _hit(
        ERROR,
        _WHOLE,
        0,
        f"The note never addresses {name} by name",
        f"Open with their name, e.g. 'Dear {first},'.",
    )


@lru_cache(maxsize=1024)
def _specific_words(specifics: tuple[str, ...]) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """The significant words of the specifics, and a loose pattern for any of them.

    The pattern matches a whole specific, or any significant word as the start of a word
    ('migration' finds 'migrations'), on casefolded text with collapsed whitespace.
    """
    significant: set[str] = set()
    alternatives: list[str] = []
    for specific in specifics:
        folded = " ".join(_nfc(specific).casefold().split())
        if folded:
            alternatives.append(re.escape(folded))
        for word in _WORD.findall(folded):
            if len(word) >= 3 and word not in _NOT_SIGNIFICANT:
                significant.add(word)
                alternatives.append(rf"(?<!\w){re.escape(word)}")
    pattern = re.compile("|".join(alternatives)) if alternatives else None
    return frozenset(significant), pattern


def _check_specifics_mentioned(d: _Draft) -> Iterator[_Hit]:
    if d.ctx.kind not in _PERSONAL_KINDS or not d.ctx.specifics:
        return
    significant, pattern = _specific_words(d.ctx.specifics)
    if pattern is None or not significant.isdisjoint(d.body_words_lower):
        return
    if pattern.search(" ".join(d.body.text.casefold().split())):
        return
    yield _hit(
        WARNING,
        _WHOLE,
        0,
        "The note mentions nothing specific from the interview",
        f"Add a sentence about {_quote(d.ctx.specifics[0])}, so it cannot have been sent to "
        "anyone.",
    )


def _check_greeting(d: _Draft) -> Iterator[_Hit]:
    if d.ctx.kind is not None:
        return
    text = d.body.text
    if m := _GREETING.match(text):
        addressee = [w.strip(_EDGE) for w in m.group(1).split()]
        while addressee and addressee[0].casefold() in _TITLES:
            addressee.pop(0)
        if addressee and addressee[0][:1].isupper() and addressee[0].casefold() not in _NOT_NAMES:
            return
    elif _NAME_ONLY_GREETING.match(text):
        return
    yield _hit(
        WARNING,
        _BODY,
        0,
        "The message doesn't open with a greeting that uses their name",
        "Open with 'Dear <first name>,' or 'Hi <first name>,'.",
    )


# --------------------------------------------------------------------------------------------
# Length


def _check_length(d: _Draft) -> Iterator[_Hit]:
    if d.ctx.linkedin and (chars := len(d.body.text)) > _LINKEDIN_CHAR_LIMIT:
        yield _hit(
            ERROR,
            _WHOLE,
            0,
            f"{chars} characters; a LinkedIn message allows {_LINKEDIN_CHAR_LIMIT}",
            f"Cut at least {chars - _LINKEDIN_CHAR_LIMIT} characters: keep the thanks and "
            "one specific detail.",
        )
    count = d.body.count
    limit = _WORD_LIMITS.get(d.ctx.kind or "", _DEFAULT_WORD_LIMIT)
    what = _KIND_NAMES.get(d.ctx.kind or "", "this message")
    if count > limit:
        yield _hit(
            WARNING,
            _WHOLE,
            0,
            f"{count} words; the limit for {what} is {limit}",
            f"Cut about {count - limit} words: keep the thanks, one specific detail and the "
            "next step.",
        )
    elif count > _FIELD_WORD_TARGET:
        yield _hit(
            INFO,
            _WHOLE,
            0,
            f"{count} words; notes of {_FIELD_WORD_TARGET} words or fewer read best",
            f"Consider cutting about {count - _FIELD_WORD_TARGET} words.",
        )


# --------------------------------------------------------------------------------------------
# Tone


def _check_exclamations(d: _Draft) -> Iterator[_Hit]:
    in_subject = d.subject.text.count("!")
    total = in_subject + d.body.text.count("!")
    if total <= 1:
        return
    # Point at the second one: the first is allowed.
    if in_subject >= 2:
        text = d.subject.text
        section, offset = _SUBJECT, text.find("!", text.find("!") + 1)
    else:
        text = d.body.text
        first = text.find("!")
        section, offset = _BODY, first if in_subject else text.find("!", first + 1)
    yield _hit(
        WARNING,
        section,
        offset,
        f"{total} exclamation marks",
        "Keep at most one; end the other sentences with a full stop.",
    )


def _phrase_check(
    rules: tuple[_Rule, ...],
    level: str,
    message: Callable[[str], str],
    fix: Callable[[str, str], str],
) -> _Check:
    """A check that reports each distinct phrase matched by `rules`, once, where it first is."""
    triggers = frozenset().union(*(r.triggers for r in rules))

    def check(d: _Draft) -> Iterator[_Hit]:
        seen: set[str] = set()
        for part in d.parts:
            if triggers.isdisjoint(part.distinct):
                continue
            for rule in rules:
                if rule.triggers.isdisjoint(part.distinct):
                    continue
                for m in rule.regex.finditer(part.text):
                    said = " ".join(m.group().split())
                    if said.casefold() not in seen:
                        seen.add(said.casefold())
                        yield _hit(
                            level, part.section, m.start(), message(said), fix(said, rule.advice)
                        )

    return check


_check_casual = _phrase_check(
    _CASUAL_RULES,
    WARNING,
    lambda said: f"Casual wording: '{said}'",
    lambda said, advice: f"Instead of '{said}', {advice}.",
)
_check_signoff = _phrase_check(
    _SIGNOFF_RULES,
    INFO,
    lambda said: f"Informal sign-off: '{said}'",
    lambda said, advice: f"Instead of '{said}': {advice}.",
)
_check_cliches = _phrase_check(
    _CLICHE_RULES,
    WARNING,
    lambda said: f"Cliche: '{said}'",
    lambda said, advice: f"Cut '{said}': {advice}.",
)


def _check_emoji(d: _Draft) -> Iterator[_Hit]:
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
        yield _hit(
            WARNING,
            section,
            offset,
            f"Emoji in a professional email: {shown}",
            f"Remove {shown}; let the words carry the warmth.",
        )


# --------------------------------------------------------------------------------------------
# Spelling and mechanics


@cache
def _dictionary() -> dict[str, int]:
    """The English word frequencies, loaded on first use (it takes a fifth of a second)."""
    speller = SpellChecker(language="en", distance=1)
    speller.word_frequency.load_words(_EXTRA_WORDS)
    return speller.word_frequency.dictionary


@cache
def _letters() -> str:
    return "".join(sorted({c for w in _dictionary() for c in w if c.isalpha()}))


def _known(word: str) -> bool:
    """Whether one lowercase word (no hyphens) is English."""
    dictionary = _dictionary()
    word = word.replace("’", "'")
    if word in dictionary:
        return True
    if word.endswith("'s"):
        word = word[:-2]
    if word in dictionary:
        return True
    if not word.isascii() and _fold(word) in dictionary:
        return True
    return any(
        word.endswith(british) and word[: -len(british)] + american in dictionary
        for british, american in _BRITISH_SUFFIXES
    )


@lru_cache(maxsize=65536)
def _unknown_parts(core: str) -> tuple[str, ...]:
    """The pieces of a word (split on hyphens) that are not English, if any.

    Single letters, all-capital acronyms, anything with a digit, and URLs, email addresses
    and abbreviations (anything with '.', '/', '@', ':' or '_' inside) pass.
    """
    if core.isalpha():
        pieces: Iterable[str] = (core,)
    elif any(c.isdigit() or c in "./@:_\\" for c in core):
        return ()
    else:
        pieces = (p for w in _WORD.findall(core) for p in w.split("-"))
    return tuple(p for p in pieces if len(p) > 1 and not p.isupper() and not _known(p.lower()))


@lru_cache(maxsize=8192)
def _suggestion(word: str) -> str | None:
    """The most frequent English word one edit away, keeping an initial capital.

    One edit only: two edits take up to a second for a long word.
    """
    lower = word.lower().replace("’", "'")
    if len(lower) > _SPELLING_SUGGEST_MAX_LEN:
        return None
    dictionary = _dictionary()
    splits = [(lower[:i], lower[i:]) for i in range(len(lower) + 1)]
    letters = _letters()
    candidates = {a + b[1:] for a, b in splits if b}
    candidates |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    candidates |= {a + c + b[1:] for a, b in splits if b for c in letters}
    candidates |= {a + c + b for a, b in splits for c in letters}
    known = [c for c in candidates if len(c) > 1 and c in dictionary]
    if not known:
        return None
    best = max(known, key=lambda c: (dictionary[c], c))
    return best[:1].upper() + best[1:] if word[:1].isupper() else best


@lru_cache(maxsize=1024)
def _known_words(terms: tuple[str, ...]) -> frozenset[str]:
    """The member's own words, casefolded and accent-folded, split into words."""
    out: set[str] = set()
    for term in terms:
        for word in _WORD.findall(_nfc(term).replace("’", "'")):
            for piece in (word, *word.split("-")):
                out.add(piece.casefold())
                out.add(_fold(piece))
    return frozenset(out)


def _is_sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘([":
        i -= 1
    return i < 0 or text[i] in ".!?\n"


def _line_around(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin : end if end >= 0 else len(text)]


def _is_name_line(line: str) -> bool:
    """A signature-like line: one to four capitalised words and no sentence punctuation."""
    stripped = line.strip()
    tokens = stripped.rstrip(",").split()
    return (
        0 < len(tokens) <= 4
        and all(t[:1].isupper() for t in tokens)
        and stripped[-1:] not in ".!?:;"
    )


def _check_spelling(d: _Draft) -> Iterator[_Hit]:
    ctx = d.ctx
    known = _known_words((*ctx.known_terms, *ctx.specifics, ctx.interviewer_name or ""))
    reported: set[str] = set()
    for part in d.parts:
        bad: set[str] = set()
        for core in part.distinct:
            if pieces := _unknown_parts(core):
                bad.update(p for p in pieces if p.casefold() not in known and _fold(p) not in known)
        bad -= _CHAT_WORDS  # reported by the tone check
        if bad:
            yield from _spelling_hits(part, sorted(bad), reported)


def _spelling_hits(part: _Text, bad: list[str], reported: set[str]) -> Iterator[_Hit]:
    """Report each unknown word once, where it first occurs, unless it is likely a name."""
    text = part.text
    for piece in bad:
        key = piece.casefold()
        if key in reported:
            continue
        capitalised = piece[:1].isupper()
        for m in re.finditer(rf"(?<![\w'’]){re.escape(piece)}(?![\w'’]|-\w)", text):
            after_hyphen = m.start() > 0 and text[m.start() - 1] == "-"
            # A capital letter mid-sentence (or after a hyphen) most likely starts a name.
            if capitalised and (after_hyphen or not _is_sentence_start(text, m.start())):
                continue
            suggestion = _suggestion(piece)
            if (
                capitalised
                and _is_name_line(_line_around(text, m.start()))
                and (suggestion or "").lower() not in _SALUTATION_WORDS
            ):
                continue
            reported.add(key)
            fix = (
                f"Did you mean '{suggestion}'?"
                if suggestion
                else f"Check the spelling of '{piece}'."
            )
            yield _hit(WARNING, part.section, m.start(), f"Possible misspelling: '{piece}'", fix)
            break


def _check_repeated_words(d: _Draft) -> Iterator[_Hit]:
    """Report each doubled word ('the the') once, where it first occurs."""
    for part in d.parts:
        lower = [c.lower() for c in part.cores]
        if not any(map(operator.eq, lower, lower[1:])):
            continue
        raw, cores = part.raw, part.cores
        doubled: dict[str, tuple[str, str]] = {}
        for i in range(len(lower) - 1):
            word = cores[i]
            if (
                lower[i] == lower[i + 1]
                and lower[i] not in doubled
                and word.isalpha()
                and lower[i] not in _REPEAT_OK
                and raw[i].endswith(word)  # nothing between the two but white space
                and raw[i + 1].startswith(cores[i + 1])
            ):
                doubled[lower[i]] = (word, cores[i + 1])
        for first, second in doubled.values():
            pair = re.search(
                rf"(?<![\w'’-]){re.escape(first)}\s+{re.escape(second)}(?![\w'’-])", part.text
            )
            yield _hit(
                WARNING,
                part.section,
                pair.start() if pair else 0,
                f"Repeated word: '{first} {second}'",
                f"Delete the second '{second}'.",
            )


def _check_sentence_case(d: _Draft) -> Iterator[_Hit]:
    text = d.body.text
    starts: list[tuple[int, str]] = []
    if first := _LOWER_FIRST_WORD.match(text):
        starts.append((first.start(1), first.group(1)))
    for m in _LOWER_SENTENCE_START.finditer(text):
        before = text[max(0, m.start(1) - 40) : m.start(1)].rstrip().rsplit(None, 1)
        previous = before[-1] if before else ""
        if previous.endswith(("...", "…")) or "." in previous[:-1]:
            continue  # an ellipsis, or an abbreviation such as 'e.g.'
        if previous.rstrip(".").casefold() in _ABBREVIATIONS:
            continue
        starts.append((m.start(1), m.group(1)))
    starts = [
        (at, w.rstrip(_EDGE))
        for at, w in starts
        if not any(c.isupper() or c in "./@" for c in w.rstrip(_EDGE))  # iPhone, example.com
    ]
    if starts:
        count = len(starts)
        yield _hit(
            INFO,
            _BODY,
            starts[0][0],
            f"{count} sentence{'s start' if count > 1 else ' starts'} with a lowercase letter",
            f"Capitalise {_quotes(w for _, w in starts)}.",
        )


def _check_subject(d: _Draft) -> Iterator[_Hit]:
    if not d.ctx.linkedin and not d.subject.text.strip():
        yield _hit(
            ERROR,
            _SUBJECT,
            0,
            "The subject line is empty",
            "Add a short subject, e.g. 'Thank you for today's interview'.",
        )


def _check_leftovers(d: _Draft) -> Iterator[_Hit]:
    seen: set[str] = set()
    for part in d.parts:
        text = part.text
        if not any(map(text.__contains__, _LEFTOVER_NEEDLES)):
            continue
        for regex, leftover in _LEFTOVER_RULES:
            if not any(map(text.__contains__, leftover.needles)):
                continue
            for m in regex.finditer(text):
                said = m.group()
                if said in seen or _not_a_leftover(text, m):
                    continue
                seen.add(said)
                yield _hit(
                    ERROR,
                    part.section,
                    m.start(),
                    f"{leftover.what} left in the draft: {_quote(said)}",
                    f"Replace {_quote(said)} with the real text, or delete it.",
                )


def _not_a_leftover(text: str, m: re.Match[str]) -> bool:
    said = m.group()
    if said.startswith("["):
        return not any(c.isalpha() for c in said)  # '[1]' is a footnote
    if said == "None":
        # 'None of the above' at a sentence start is English, not an empty template field.
        after = text[m.end() : m.end() + 2]
        return _is_sentence_start(text, m.start()) and after[:1] == " " and after[1:].islower()
    return False


# --------------------------------------------------------------------------------------------
# Panel notes


def _check_near_identical(d: _Draft) -> Iterator[_Hit]:
    """Compare word sequences: as telling as characters for notes, and fifty times faster."""
    if not d.ctx.others or not d.body.distinct or d.body.count > _NEAR_IDENTICAL_MAX_WORDS:
        return
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(d.body.cores)
    best = 0.0
    for other in d.ctx.others:
        other_words = _Text(_BODY, _nfc(other))
        if other_words.count > _NEAR_IDENTICAL_MAX_WORDS:
            continue
        matcher.set_seq1(other_words.cores)
        if matcher.real_quick_ratio() < _NEAR_IDENTICAL or matcher.quick_ratio() < _NEAR_IDENTICAL:
            continue
        best = max(best, matcher.ratio())
    if best >= _NEAR_IDENTICAL:
        yield _hit(
            WARNING,
            _WHOLE,
            0,
            f"This note is {best:.0%} the same as another panelist's",
            "Each panelist should get a note that differs: mention what you discussed with "
            "this person.",
        )


# --------------------------------------------------------------------------------------------
# Timing


def _aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"ProofContext.{name} must be timezone-aware")
    return value


def _business_days_after(start: date, end: date) -> int:
    """Weekdays (Monday to Friday) after `start`, up to and including `end`."""
    days = (end - start).days
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    day = start + timedelta(days=weeks * 7)
    for _ in range(rest):
        day += timedelta(days=1)
        count += day.weekday() < 5
    return count


def _check_thank_you_timing(d: _Draft) -> Iterator[_Hit]:
    ctx = d.ctx
    if ctx.kind != "thank_you" or ctx.interview_ended_at is None or ctx.now is None:
        return
    late = _aware(ctx.now, "now") - _aware(ctx.interview_ended_at, "interview_ended_at")
    if late > _THANK_YOU_WITHIN:
        hours = late.total_seconds() / 3600
        when = f"{hours:.0f} hours" if hours < 72 else f"{late.days} days"
        yield _hit(
            WARNING,
            _WHOLE,
            0,
            f"It is {when} since the interview: later than 24 hours, but still worth sending.",
            "Send it today; a brief thanks without a long apology is still welcome.",
        )


def _check_status_check_timing(d: _Draft) -> Iterator[_Hit]:
    ctx = d.ctx
    if ctx.kind != "status_check":
        return
    if ctx.status_checks_sent >= _MAX_STATUS_CHECKS:
        yield _hit(
            ERROR,
            _WHOLE,
            0,
            f"{ctx.status_checks_sent} status checks already sent: a third nudge reads as "
            "pushy; stop here",
            "Don't send this one. A keep-in-touch note in a few weeks is fine; meanwhile put "
            "your energy into other applications.",
        )
    if ctx.last_message_at is None or ctx.now is None:
        return
    now = _aware(ctx.now, "now")
    last = _aware(ctx.last_message_at, "last_message_at").astimezone(now.tzinfo)
    waited = _business_days_after(last.date(), now.date())
    if waited < _STATUS_CHECK_WAIT_BUSINESS_DAYS:
        ready = business_days_later(last.date(), _STATUS_CHECK_WAIT_BUSINESS_DAYS)
        yield _hit(
            WARNING,
            _WHOLE,
            0,
            f"Only {waited} business day{'' if waited == 1 else 's'} since your last message; "
            f"wait at least {_STATUS_CHECK_WAIT_BUSINESS_DAYS}",
            f"Hold it until {ready:%A} {ready.day} {ready:%B}, unless a date they gave you "
            "passed a business day or two ago.",
        )


# --------------------------------------------------------------------------------------------

_CHECKS: tuple[_Check, ...] = (
    _check_thank_you_timing,
    _check_status_check_timing,
    _check_interviewer_named,
    _check_specifics_mentioned,
    _check_greeting,
    _check_length,
    _check_near_identical,
    _check_subject,
    _check_leftovers,
    _check_exclamations,
    _check_casual,
    _check_signoff,
    _check_cliches,
    _check_emoji,
    _check_spelling,
    _check_repeated_words,
    _check_sentence_case,
)

_NO_CONTEXT = ProofContext()


def proofread(subject: str, body: str, ctx: ProofContext = _NO_CONTEXT) -> list[Finding]:
    """Review a draft; return findings ordered by severity, then by where they occur.

    Raises ValueError if a datetime in `ctx` that a timing check needs is naive.
    """
    draft = _Draft(subject, body, ctx)
    hits = [hit for check in _CHECKS for hit in check(draft)]
    hits.sort(key=lambda h: (h.rank, h.section, h.offset))
    return [h.finding for h in hits]
