"""Tone: casual words and chat speak, informal sign-offs, cliches, exclamation marks, emoji.

Each language has its own casual words, sign-offs and cliches; the advice is said in the
member's language and names the words to write instead in the draft's. Exclamation marks and
emoji read the same in all.
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
from bot.i18n import N_, _

# The advice is in the member's language (marked here, said through `_()` where shown); the
# words it quotes are in the draft's, so they stay as written in every translation.
_ASK_INSTEAD = N_("say why you are writing, e.g. 'Could you share an update on the timeline?'")
_REPROACH = N_("it reads as a reproach, so restate the point in a sentence instead")
_THANKS_FIRST = N_("open with your thanks or your purpose instead")

# Casual words and chat speak.
_CASUAL = (
    Phrase("hey", N_("open with 'Dear' or 'Hi' and their name")),
    Phrase("gonna", N_("write 'going to'")),
    Phrase("wanna", N_("write 'want to'")),
    Phrase("gotta", N_("write 'have to'")),
    Phrase("kinda|sorta", N_("write 'somewhat' or drop it")),
    Phrase("thx|thnx|tnx", N_("write 'thank you'")),
    Phrase("pls|plz", N_("write 'please'")),
    Phrase(r"(?<!\()u(?!\))", N_("write 'you'"), "u", case_sensitive=True),
    Phrase("ur", N_("write 'your'"), case_sensitive=True),
    Phrase(
        r"(?<!\()i(?:['’](?:m|ve|d|ll))?(?!\))",
        N_("write 'I'"),
        "i i'm i've i'd i'll i’m i’ve i’d i’ll",
        case_sensitive=True,
    ),
    Phrase("lol|lmao|rofl|haha|hahaha|hehe|omg", N_("delete it")),
    Phrase("btw", N_("write 'also' or drop it")),
    Phrase("tbh|imo|imho", N_("state it plainly, or write 'I think'")),
    Phrase("idk", N_("write 'I'm not sure'")),
    Phrase("yeah|yep|yup", N_("write 'yes'")),
    Phrase("nope", N_("write 'no'")),
    Phrase("awesome", N_("write 'great', or say what you liked")),
    Phrase(r"super\s+(?:excited|keen|happy|stoked|pumped)", N_("write 'delighted'"), "super"),
    Phrase("stoked|pumped", N_("write 'excited'")),
    Phrase(r"no\s+worries", N_("write 'of course' or 'not at all'"), "worries"),
    Phrase(r"you\s+guys", N_("write 'you and the team'"), "guys"),
    Phrase("dude", N_("delete it")),
)
# Informal but common as a sign-off in British and Australian English: worth a thought only.
_INFORMAL_SIGNOFF = (
    Phrase("cheers", N_("'Best regards' is safer with someone you have just met")),
)
# Cliches that waste the reader's first line or read as pushy. Kept short: each is named by
# the field notes or by the etiquette guides' advice to state your purpose plainly.
_CLICHES = (
    Phrase(r"just\s+(?:wanted\s+to\s+)?check(?:ing)?\s+in", _ASK_INSTEAD, "check checking"),
    Phrase(r"touch(?:ing|ed)?\s+base", _ASK_INSTEAD, "base"),
    Phrase(r"circl(?:e|ed|ing)\s+back", _ASK_INSTEAD, "back"),
    Phrase(
        r"(?:as\s+)?per\s+my\s+(?:last|previous)\s+(?:e-?mail|message|note)",
        _REPROACH,
        "per",
    ),
    Phrase(
        r"just\s+(?:wanted\s+to\s+)?follow(?:ing)?\s+up",
        N_("state the purpose directly, e.g. 'I'm writing to ask about next steps.'"),
        "follow following",
    ),
    Phrase(
        r"(?:i\s+)?hope\s+(?:this|my)\s+(?:(?:e-?mail|message|note|letter)\s+)?finds\s+you\s+well",
        _THANKS_FIRST,
        "finds",
    ),
)


_ES_PURPOSE = N_(
    "say why you are writing, e.g. 'Le escribo para preguntarle por los próximos pasos.'"
)
_FR_PURPOSE = N_(
    "say why you are writing, e.g. 'Je me permets de vous demander où en est le processus.'"
)
_DE_PURPOSE = N_(
    "say why you are writing, e.g. 'Ich möchte mich nach dem Stand des Verfahrens erkundigen.'"
)
_PT_PURPOSE = N_("say why you are writing, e.g. 'Escrevo para saber como está o processo.'")


class _Tone(NamedTuple):
    """A language's casual words (warnings), informal sign-offs (worth a thought), cliches."""

    casual: tuple[Phrase, ...]
    signoffs: tuple[Phrase, ...]
    cliches: tuple[Phrase, ...]


_TONE = {
    "en": _Tone(_CASUAL, _INFORMAL_SIGNOFF, _CLICHES),
    "es": _Tone(
        casual=(
            Phrase("holi|holis", N_("open with 'Hola' or 'Estimado/a' and their name")),
            Phrase("q|k", N_("write 'que'"), case_sensitive=True),
            Phrase("xq|pq|porq", N_("write 'porque' or 'por qué'")),
            Phrase("porfa|xfa|plis", N_("write 'por favor'")),
            Phrase("tb|tmb|tbn", N_("write 'también'")),
            Phrase("dsp|dps", N_("write 'después'")),
            Phrase("msj", N_("write 'mensaje'")),
            Phrase("finde", N_("write 'fin de semana'")),
            Phrase("ok|okey|oki", N_("write 'de acuerdo'")),
            Phrase("guay|chévere|padrísimo", N_("write 'estupendo', or say what you liked")),
            Phrase(r"me\s+mola|mola", N_("write 'me gusta'"), "mola"),
            Phrase("jaja|jajaja|jajajaja|jeje|jejeje", N_("delete it")),
        ),
        signoffs=(
            Phrase(r"besos|besitos|un\s+beso", N_("'Un saludo' is safer"), "besos besitos beso"),
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
                N_("it is a dated formula: end with 'Un cordial saludo,'"),
                "particular",
            ),
        ),
    ),
    "fr": _Tone(
        casual=(
            Phrase("salut|coucou|hello", N_("open with 'Bonjour' and their name")),
            Phrase("stp|svp", N_("write 's'il vous plaît'")),
            Phrase("bcp", N_("write 'beaucoup'")),
            Phrase("pr", N_("write 'pour'"), case_sensitive=True),
            Phrase("qd", N_("write 'quand'")),
            Phrase("tkt", N_("write 'ne vous inquiétez pas'")),
            Phrase("ouais|ouaip", N_("write 'oui'")),
            Phrase("ok|okay", N_("write 'd'accord'")),
            Phrase(
                "super|cool|génial|top", N_("write 'très' or 'excellent', or say what you liked")
            ),
            Phrase("boulot|taf", N_("write 'travail'")),
            Phrase("bosser", N_("write 'travailler'")),
            Phrase("mdr|ptdr|lol|haha|hihi", N_("delete it")),
        ),
        signoffs=(Phrase("bises|bisous", N_("'Bien cordialement' is safer")),),
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
            Phrase("hey|hi|moin|servus", N_("open with 'Hallo' or 'Guten Tag' and their name")),
            Phrase(
                "lg|vg|mfg",
                N_("write the greeting out: 'Viele Grüße', 'Mit freundlichen Grüßen'"),
                "lg vg mfg MfG",
            ),
            Phrase("ne|nen", N_("write 'eine' or 'einen'"), case_sensitive=True),
            Phrase("cool|krass|geil|mega|super", N_("write 'sehr gut', or say what you liked")),
            Phrase("haha|hehe|lol|xd", N_("delete it")),
            Phrase("jup|jep", N_("write 'ja'")),
            Phrase("ok|okay|okey", N_("write 'in Ordnung'")),
        ),
        signoffs=(
            Phrase(
                r"ciao|tschüss|tschüs|bis\s+dann",
                N_("'Viele Grüße' is safer"),
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
            Phrase("oi|eai", N_("open with 'Olá' or 'Prezado/a' and their name")),
            Phrase("vc|vcs", N_("write 'você' or 'vocês'")),
            Phrase("tb|tbm", N_("write 'também'")),
            Phrase("pq", N_("write 'porque' or 'por que'")),
            Phrase("pra|pro", N_("write 'para' or 'para o'"), case_sensitive=True),
            Phrase("blz", N_("write 'tudo bem', or drop it")),
            Phrase("valeu|vlw", N_("write 'obrigado' or 'obrigada'")),
            Phrase("né", N_("drop it")),
            Phrase("ok|okay", N_("write 'de acordo' or 'combinado'")),
            Phrase("kkk|kkkk|kkkkk|rsrs|haha", N_("delete it")),
        ),
        signoffs=(
            Phrase(
                r"beijos|bjs|bjos|beijinhos",
                N_("'Um abraço' is safer"),
                "beijos bjs bjos beijinhos",
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
