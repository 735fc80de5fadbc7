"""The proofreader's text sets, a language each, and how well its spelling check does on them.

`tests/fixtures/proofread/<lang>/words.txt` holds everyday words that must never be
flagged; `texts.txt` holds notes as a native speaker writes them (thank-yous, status checks,
replies), with typos planted as `{typo|right}`; `holdout.txt` holds more, written after the
suggester was tuned on the first set, so its score is the honest one. `measure` proofreads
every note with its typos in and scores the spelling findings: precision (how many flagged
words are typos), recall (how many typos are flagged) and how many got the right first
suggestion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.drafting.proofread import ProofContext, proofread

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "proofread"
LANGUAGES = ("es", "fr", "de", "pt")
_PLANTED = re.compile(r"\{([^|{}]+)\|([^{}]+)\}")
_FLAGGED = re.compile(r"Possible misspelling: '(.+)'$")
_SUGGESTED = re.compile(r"Did you mean '(.+)'\?$")


@dataclass(frozen=True)
class Note:
    """One note of a text set: the names the bot would know, and the text with its typos."""

    known: tuple[str, ...]
    marked: str

    @property
    def typed(self) -> str:
        """The note with its typos in."""
        return _PLANTED.sub(lambda m: m.group(1), self.marked)

    @property
    def clean(self) -> str:
        """The note as it should be."""
        return _PLANTED.sub(lambda m: m.group(2), self.marked)

    @property
    def typos(self) -> dict[str, str]:
        """Each planted typo and the word meant; in a hyphenated word, the piece."""
        out = {}
        for m in _PLANTED.finditer(self.marked):
            typo, right = m.group(1), m.group(2)
            for typed, meant in zip(typo.split("-"), right.split("-"), strict=True):
                if typed != meant:
                    out[typed] = meant
        return out

    def context(self, language: str) -> ProofContext:
        return ProofContext(language=language, known_terms=self.known)


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]


@cache
def notes(language: str, text_set: str = "texts") -> tuple[Note, ...]:
    """The notes of a language's text set, in file order."""
    out = []
    for block in "\n".join(_lines(FIXTURES / language / f"{text_set}.txt")).split("\n---\n"):
        lines = block.strip().splitlines()
        known: tuple[str, ...] = ()
        if lines[0].startswith("known:"):
            known = tuple(k.strip() for k in lines.pop(0).removeprefix("known:").split(";"))
        out.append(Note(known, "\n".join(lines)))
    return tuple(out)


@cache
def everyday_words(language: str) -> tuple[str, ...]:
    """A language's everyday words, as written."""
    return tuple(w for line in _lines(FIXTURES / language / "words.txt") for w in line.split())


def spelling(language: str, body: str, ctx: ProofContext) -> dict[str, str | None]:
    """Each word the proofreader flags as misspelt in `body`, and its first suggestion."""
    found: dict[str, str | None] = {}
    for finding in proofread("Subject", body, ctx):
        if flagged := _FLAGGED.match(finding.problem):
            suggested = _SUGGESTED.match(finding.fix)
            found[flagged.group(1)] = suggested.group(1) if suggested else None
    return found


@dataclass
class Score:
    """The spelling check on a text set: typos caught, missed, words flagged wrongly."""

    caught: int = 0
    right_first: int = 0
    missed: tuple[str, ...] = ()
    false_alarms: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        flagged = self.caught + len(self.false_alarms)
        return self.caught / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        planted = self.caught + len(self.missed)
        return self.caught / planted if planted else 1.0

    @property
    def first_suggestion(self) -> float:
        """The share of caught typos whose first suggestion is the word meant."""
        return self.right_first / self.caught if self.caught else 1.0


def measure(language: str, text_set: str = "texts") -> Score:
    """Proofread every note of a text set with its typos in, and score the spelling check."""
    score = Score()
    for note in notes(language, text_set):
        found = spelling(language, note.typed, note.context(language))
        for typo, right in note.typos.items():
            if typo in found:
                score.caught += 1
                score.right_first += found.pop(typo) == right
            else:
                score.missed += (typo,)
        score.false_alarms += tuple(found)
    return score
