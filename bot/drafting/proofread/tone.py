"""Tone: casual words and chat speak, informal sign-offs, cliches, exclamation marks, emoji.

Each language has its own casual words, sign-offs and cliches (the advice names the words to
write instead, in that language); exclamation marks and emoji read the same in all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

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
from bot.i18n import _

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


_ES_PURPOSE = "say why you are writing, e.g. 'Le escribo para preguntarle por los próximos pasos.'"
_FR_PURPOSE = (
    "say why you are writing, e.g. 'Je me permets de vous demander où en est le processus.'"
)
_DE_PURPOSE = (
    "say why you are writing, e.g. 'Ich möchte mich nach dem Stand des Verfahrens erkundigen.'"
)
_PT_PURPOSE = "say why you are writing, e.g. 'Escrevo para saber como está o processo.'"
_REPROACH = "it reads as a reproach, so restate the point in a sentence instead"
_THANKS_FIRST = "open with your thanks or your purpose instead"


class _Tone(NamedTuple):
    """A language's casual words (warnings), informal sign-offs (worth a thought), cliches."""

    casual: tuple[Phrase, ...]
    signoffs: tuple[Phrase, ...]
    cliches: tuple[Phrase, ...]


_TONE = {
    "en": _Tone(_CASUAL, _INFORMAL_SIGNOFF, _CLICHES),
    "es": _Tone(
        casual=(
            Phrase("holi|holis", "open with 'Hola' or 'Estimado/a' and their name"),
            Phrase("q|k", "write 'que'", case_sensitive=True),
            Phrase("xq|pq|porq", "write 'porque' or 'por qué'"),
            Phrase("porfa|xfa|plis", "write 'por favor'"),
            Phrase("tb|tmb|tbn", "write 'también'"),
            Phrase("dsp|dps", "write 'después'"),
            Phrase("msj", "write 'mensaje'"),
            Phrase("finde", "write 'fin de semana'"),
            Phrase("ok|okey|oki", "write 'de acuerdo'"),
            Phrase("guay|chévere|padrísimo", "write 'estupendo', or say what you liked"),
            Phrase(r"me\s+mola|mola", "write 'me gusta'", "mola"),
            Phrase("jaja|jajaja|jajajaja|jeje|jejeje", "delete it"),
        ),
        signoffs=(
            Phrase(r"besos|besitos|un\s+beso", "'Un saludo' is safer", "besos besitos beso"),
        ),
        cliches=(
            Phrase(
                r"(?:solo|sólo)\s+(?:quería|quiero)\s+hacer\s+(?:un\s+)?seguimiento",
                _ES_PURPOSE,
                "seguimiento",
            ),
            Phrase(
                r"espero\s+que\s+(?:este\s+(?:correo|mensaje|e-?mail)\s+)?(?:le|te|os|les)\s+"
                r"encuentre\s+bien",
                _THANKS_FIRST,
                "encuentre",
            ),
            Phrase(
                r"como\s+(?:le|te)\s+(?:dije|comenté|indiqué)\s+en\s+mi\s+(?:último|anterior)\s+"
                r"(?:correo|mensaje|e-?mail)",
                _REPROACH,
                "último anterior",
            ),
            Phrase(
                r"sin\s+otro\s+particular",
                "it is a dated formula: end with 'Un cordial saludo,'",
                "particular",
            ),
        ),
    ),
    "fr": _Tone(
        casual=(
            Phrase("salut|coucou|hello", "open with 'Bonjour' and their name"),
            Phrase("stp|svp", "write 's'il vous plaît'"),
            Phrase("bcp", "write 'beaucoup'"),
            Phrase("pr", "write 'pour'", case_sensitive=True),
            Phrase("qd", "write 'quand'"),
            Phrase("tkt", "write 'ne vous inquiétez pas'"),
            Phrase("ouais|ouaip", "write 'oui'"),
            Phrase("ok|okay", "write 'd'accord'"),
            Phrase("super|cool|génial|top", "write 'très' or 'excellent', or say what you liked"),
            Phrase("boulot|taf", "write 'travail'"),
            Phrase("bosser", "write 'travailler'"),
            Phrase("mdr|ptdr|lol|haha|hihi", "delete it"),
        ),
        signoffs=(Phrase("bises|bisous", "'Bien cordialement' is safer"),),
        cliches=(
            Phrase(
                r"je\s+voulais\s+(?:juste|simplement)\s+(?:faire\s+(?:un\s+)?suivi|faire\s+le\s+point|"
                r"prendre\s+des\s+nouvelles)",
                _FR_PURPOSE,
                "suivi point nouvelles",
            ),
            Phrase(
                r"j['’]espère\s+que\s+(?:ce\s+(?:message|mail|courriel|e-?mail)\s+)?vous\s+trouve(?:ra)?\s+"
                r"(?:bien|en\s+bonne\s+santé)",
                _THANKS_FIRST,
                "trouve trouvera",
            ),
            Phrase(
                r"(?:suite|comme\s+indiqué)\s+(?:à|dans)\s+mon\s+(?:dernier|précédent)\s+"
                r"(?:message|mail|courriel|e-?mail)",
                _REPROACH,
                "dernier précédent",
            ),
        ),
    ),
    "de": _Tone(
        casual=(
            Phrase("hey|hi|moin|servus", "open with 'Hallo' or 'Guten Tag' and their name"),
            Phrase(
                "lg|vg|mfg",
                "write the greeting out: 'Viele Grüße', 'Mit freundlichen Grüßen'",
                "lg vg mfg MfG",
            ),
            Phrase("ne|nen", "write 'eine' or 'einen'", case_sensitive=True),
            Phrase("cool|krass|geil|mega|super", "write 'sehr gut', or say what you liked"),
            Phrase("haha|hehe|lol|xd", "delete it"),
            Phrase("jup|jep", "write 'ja'"),
            Phrase("ok|okay|okey", "write 'in Ordnung'"),
        ),
        signoffs=(
            Phrase(
                r"ciao|tschüss|tschüs|bis\s+dann",
                "'Viele Grüße' is safer",
                "ciao tschüss tschüs dann",
            ),
        ),
        cliches=(
            Phrase(
                r"(?:nur\s+)?(?:mal\s+)?kurz\s+nach(?:haken|fragen)",
                _DE_PURPOSE,
                "nachhaken nachfragen",
            ),
            Phrase(
                r"ich\s+hoffe,?\s+(?:diese\s+(?:e-?mail|mail|nachricht)\s+)?(?:erreicht|findet)\s+sie\s+"
                r"(?:gut|wohlauf)",
                _THANKS_FIRST,
                "erreicht findet",
            ),
            Phrase(
                r"wie\s+(?:bereits\s+)?in\s+meiner\s+(?:letzten|vorherigen)\s+(?:e-?mail|mail|nachricht)",
                _REPROACH,
                "letzten vorherigen",
            ),
        ),
    ),
    "pt": _Tone(
        casual=(
            Phrase("oi|eai", "open with 'Olá' or 'Prezado/a' and their name"),
            Phrase("vc|vcs", "write 'você' or 'vocês'"),
            Phrase("tb|tbm", "write 'também'"),
            Phrase("pq", "write 'porque' or 'por que'"),
            Phrase("pra|pro", "write 'para' or 'para o'", case_sensitive=True),
            Phrase("blz", "write 'tudo bem', or drop it"),
            Phrase("valeu|vlw", "write 'obrigado' or 'obrigada'"),
            Phrase("né", "drop it"),
            Phrase("ok|okay", "write 'de acordo' or 'combinado'"),
            Phrase("kkk|kkkk|kkkkk|rsrs|haha", "delete it"),
        ),
        signoffs=(
            Phrase(
                r"beijos|bjs|bjos|beijinhos", "'Um abraço' is safer", "beijos bjs bjos beijinhos"
            ),
        ),
        cliches=(
            Phrase(
                r"(?:só|apenas)\s+(?:queria|gostaria\s+de)\s+(?:dar\s+|fazer\s+)?(?:um\s+)?"
                r"(?:follow[-\s]?up|acompanhamento)",
                _PT_PURPOSE,
                "follow-up follow acompanhamento",
            ),
            Phrase(
                r"espero\s+que\s+(?:este\s+(?:e-?mail|email|mensagem)\s+)?(?:o|a|te|lhe)\s+encontre\s+bem",
                _THANKS_FIRST,
                "encontre",
            ),
            Phrase(
                r"conforme\s+(?:mencionei|disse|escrevi)\s+(?:no|na)\s+(?:meu\s+|minha\s+)?"
                r"(?:último|última|anterior)",
                _REPROACH,
                "mencionei disse escrevi",
            ),
        ),
    ),
}


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


class _ToneChecks(NamedTuple):
    casual: Check
    signoff: Check
    cliches: Check
    chat_words: frozenset[str]


def _tone_checks(tone: _Tone) -> _ToneChecks:
    """A language's phrase checks, compiled once at import."""
    casual = compile_phrases(tone.casual)
    return _ToneChecks(
        casual=phrase_check(
            casual,
            WARNING,
            lambda said: _("Casual wording: '{words}'").format(words=said),
            lambda said, advice: _("Instead of '{words}', {advice}.").format(
                words=said, advice=_(advice)
            ),
        ),
        signoff=phrase_check(
            compile_phrases(tone.signoffs),
            INFO,
            lambda said: _("Informal sign-off: '{words}'").format(words=said),
            lambda said, advice: _("Instead of '{words}': {advice}.").format(
                words=said, advice=_(advice)
            ),
        ),
        cliches=phrase_check(
            compile_phrases(tone.cliches),
            WARNING,
            lambda said: _("Cliche: '{words}'").format(words=said),
            lambda said, advice: _("Cut '{words}': {advice}.").format(words=said, advice=_(advice)),
        ),
        chat_words=frozenset().union(*(r.triggers for r in casual)),
    )


_CHECKS_BY_LANGUAGE = {language: _tone_checks(tone) for language, tone in _TONE.items()}


def chat_words(language: str) -> frozenset[str]:
    """The chat words this module reports in `language`, so the spelling check doesn't."""
    return _CHECKS_BY_LANGUAGE[language].chat_words


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
        _("{count} exclamation marks").format(count=total),
        _("Keep at most one; end the other sentences with a full stop."),
    )


def check_casual(d: Draft) -> Iterator[Hit]:
    """Chat speak and casual words read as careless in a professional note."""
    return _CHECKS_BY_LANGUAGE[d.language].casual(d)


def check_signoff(d: Draft) -> Iterator[Hit]:
    """A sign-off for friends is only worth a thought: some readers won't mind."""
    return _CHECKS_BY_LANGUAGE[d.language].signoff(d)


def check_cliches(d: Draft) -> Iterator[Hit]:
    """Phrases that waste the reader's first line or read as pushy."""
    return _CHECKS_BY_LANGUAGE[d.language].cliches(d)


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
        section, offset, _emoji = found[0]
        shown = " ".join(dict.fromkeys(e for _section, _offset, e in found))
        yield hit(
            WARNING,
            section,
            offset,
            _("Emoji in a professional email: {emoji}").format(emoji=shown),
            _("Remove {emoji}; let the words carry the warmth.").format(emoji=shown),
        )


CHECKS: tuple[Check, ...] = (
    check_exclamations,
    check_casual,
    check_signoff,
    check_cliches,
    check_emoji,
)
