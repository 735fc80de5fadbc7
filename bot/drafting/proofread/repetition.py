"""Repetition: a doubled word, and a panelist's note nearly the same as another's."""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

from bot.drafting.proofread.core import (
    BODY,
    WARNING,
    WHOLE,
    WORD,
    Check,
    Draft,
    Hit,
    Text,
    hit,
    nfc,
    wordset,
)
from bot.i18n import _

# Words a sentence may rightly write twice in a row: 'had had', 'nous nous sommes vus',
# 'die Firma, die die Stelle ausschreibt', 'que que' never.
_REPEAT_OK = {
    "en": wordset("had that"),
    "es": wordset(""),
    "fr": wordset("nous vous"),
    "de": wordset("die der das den dem sie"),
    "pt": wordset(""),
}
_NEAR_IDENTICAL = 0.9
# Panel notes are short; beyond this many words the comparison (quadratic on repetitive text)
# is skipped, and the length check has something to say anyway.
_NEAR_IDENTICAL_MAX_WORDS = 1000


def check_repeated_words(d: Draft) -> Iterator[Hit]:
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
                and lower[i] not in _REPEAT_OK[d.language]
                and raw[i].endswith(word)  # nothing between the two but white space
                and raw[i + 1].startswith(cores[i + 1])
            ):
                doubled[lower[i]] = (word, cores[i + 1])
        for first, second in doubled.values():
            pair = re.search(
                rf"(?<![\w'’-]){re.escape(first)}\s+{re.escape(second)}(?![\w'’-])", part.text
            )
            yield hit(
                WARNING,
                part.section,
                pair.start() if pair else 0,
                _("Repeated word: '{words}'").format(words=f"{first} {second}"),
                _("Delete the second '{word}'.").format(word=second),
            )


def check_near_identical(d: Draft) -> Iterator[Hit]:
    """Compare word sequences: as telling as characters for notes, and fifty times faster."""
    if not d.ctx.others or not d.body.distinct or d.body.count > _NEAR_IDENTICAL_MAX_WORDS:
        return
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(d.body.cores)
    best = 0.0
    for other in d.ctx.others:
        other_words = Text(BODY, nfc(other))
        if other_words.count > _NEAR_IDENTICAL_MAX_WORDS:
            continue
        matcher.set_seq1(other_words.cores)
        if matcher.real_quick_ratio() < _NEAR_IDENTICAL or matcher.quick_ratio() < _NEAR_IDENTICAL:
            continue
        best = max(best, matcher.ratio())
    if best >= _NEAR_IDENTICAL:
        yield hit(
            WARNING,
            WHOLE,
            0,
            _("This note is {share} the same as another panelist's").format(share=f"{best:.0%}"),
            _(
                "Each panelist should get a note that differs: mention what you discussed with "
                "this person."
            ),
        )


# --------------------------------------------------------------------------------------------
# A content word three times in three consecutive sentences ('conversation ... conversation
# ... conversation'): a pronoun or a synonym serves. Function words (each language's own),
# words under four letters, the thanks itself, names (capitalised mid-sentence anywhere in
# the note, except in German, where every noun is; or one of the known terms: people,
# company, role) are exempt.

_FUNCTION_WORDS = {
    "en": wordset(
        "about above after again also been before being below between both could does doing "
        "down during each even every from have having here into just like more most much must "
        "only other over same should some such than that their theirs them then there these "
        "they this those through thank thanks under until very were what when where which "
        "while whom will with within would your yours ours myself yourself really look "
        "looking forward hope"
    ),
    "es": wordset(
        "para como pero porque cuando donde desde hasta sobre entre durante también además "
        "este esta estos estas ese esa eso esos esas aquel muy más menos todo toda todos todas "
        "otro otra otros otras mismo misma algo nada ella ellos ellas usted ustedes nosotros "
        "vosotros nuestro nuestra vuestro vuestra suyo suya mucho mucha muchos muchas poco "
        "tengo tiene tienen tenemos hemos habéis había estoy está están estamos será sería "
        "puedo puede pueden podría quiero quería gracias saludo saludos espero"
    ),
    "fr": wordset(
        "pour avec dans sans sous chez vers entre depuis pendant avant après comme mais donc "
        "aussi très plus moins tout toute tous toutes cette ceux celle celui votre vous nous "
        "notre nos vos leur leurs elle elles même autre autres bien encore déjà toujours "
        "suis sommes êtes sont était serai serais serait avoir avais avait aurai aurais "
        "j'ai j'avais c'est n'est qu'il qu'elle d'un d'une l'on merci remercie espère"
    ),
    "de": wordset(
        "nicht sehr auch noch schon immer mehr aber oder denn wenn dass weil ob als wie "
        "über unter nach vor bei mit seit während durch gegen ohne für eine einen einem "
        "einer eines dies diese dieser dieses diesen jede jeder jedes alle allem allen "
        "mich mir dich dir sich uns euch ihnen ihr ihre ihrer ihrem ihren sein seine "
        "unser unsere habe hast hat haben hatte hatten bin bist sind seid war waren "
        "werde wird werden würde würden kann können könnte möchte dank danke vielen freue"
    ),
    "pt": wordset(
        "para como mas porque quando onde desde até sobre entre durante também além este "
        "esta estes estas esse essa isso esses essas aquele aquela muito muita muitos muitas "
        "mais menos todo toda todos todas outro outra outros outras mesmo mesma você vocês "
        "nós eles elas nosso nossa seu sua seus suas tenho tem temos têm estou está estão "
        "estamos será seria posso pode podem poderia quero queria obrigado obrigada espero"
    ),
}
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'’”)\]]*\s+|\n+")
_WINDOW = 3


@lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    """Fold plurals and possessives so 'conversations' counts as 'conversation'."""
    word = word.removesuffix("'s").removesuffix("’s")
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def check_word_three_times(d: Draft) -> Iterator[Hit]:
    """Report each word once, where its third use in a three-sentence window is."""
    text = d.body.text
    function_words = _FUNCTION_WORDS[d.language]
    stems: Counter[str] = Counter()
    for word, n in Counter(d.body.cores).items():  # each distinct word folded once
        if len(word) >= 4 and (folded := word.casefold()) not in function_words:
            stems[_stem(folded)] += n
    often = {s for s, n in stems.items() if n >= _WINDOW}
    if not often:
        return  # no word is used three times at all: the usual case, decided cheaply
    proper = {
        _stem(w.casefold())
        for w in WORD.findall(" ".join(d.ctx.known_terms + d.ctx.addressee_forms))
    }
    sentences: list[tuple[int, list[str]]] = []
    at = 0
    for piece in _SENTENCE_BREAK.split(text):
        start = text.find(piece, at) if piece else at
        at = start + len(piece)
        found = []
        for m in WORD.finditer(piece):
            word = m.group()
            stem = _stem(word.casefold())
            if stem not in often:
                continue
            if word[:1].isupper() and m.start() > 0 and d.language != "de":
                proper.add(stem)  # capitalised mid-sentence: a name
            found.append(stem)
        sentences.append((start, found))
    reported: set[str] = set()
    for i in range(len(sentences) - _WINDOW + 1):
        window = sentences[i : i + _WINDOW]
        counts = Counter(stem for _at, found in window for stem in found)
        for stem, count in counts.items():
            if count >= _WINDOW and stem not in reported and stem not in proper:
                reported.add(stem)
                yield hit(
                    WARNING,
                    BODY,
                    window[-1][0],
                    _("'{word}' {count} times in {window} sentences").format(
                        word=stem, count=count, window=_WINDOW
                    ),
                    _(
                        "Use a pronoun or a synonym for one '{word}', or merge two sentences."
                    ).format(word=stem),
                )


CHECKS: tuple[Check, ...] = (check_repeated_words, check_word_three_times, check_near_identical)
