"""The debrief corpus: scenario files played through the console, their drafts collected.

Each `tests/fixtures/debriefs/*.toml` is one member's interview as they would type it: the
`/interview log` options, how far the clock moves before the debrief (`advance`, default
3h), the `/interview notes` options, what they did afterwards (`steps`: `sent`, `replied`,
`outcome #1 offer Hana`, `edit`, `:advance 8d`), and which drafts they ask for besides
`draft #1` (`[[draft]]`: a command, whom it must address, patterns present and absent).
`[[people]]` says how a coach would name each interviewer. `render(name)` plays it through
the real core (the console `Conversation`, as tests/drafting/test_scenarios.py does) on a
throwaway SQLite database and returns every draft shown, plus the facts the member
recorded, read from the notes with a small oracle of our own so the tests can say where
each fact belongs.
`test_debrief_corpus.py` asserts properties over these; `print_corpus.py` prints them.
"""

from __future__ import annotations

import asyncio
import functools
import re
import tempfile
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import lemminflect

from adapters.console.conversation import Conversation
from bot.app import build_core
from bot.chat import DraftBlock, Reply
from bot.commands.args import parse_args
from bot.domain.people import split_list
from bot.domain.policy import Kind
from bot.scheduling.clock import ManualClock
from bot.services.followups import KIND_LABELS
from bot.services.interviews import parse_stage
from bot.settings import Settings
from bot.storage import repositories as repo

DEBRIEFS = Path(__file__).parents[1] / "fixtures" / "debriefs"
# Monday 23 November 2026, 09:00 in New York (tests/conftest.py's START): weekdays in the
# expected date phrases ("by Friday at noon") are counted from here.
START = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
SIGNATURE = "Ada Lovelace | +1 555 0100 | ada.dev"
MEMBER_NAME = "Ada Lovelace"
DEFAULT_ADVANCE = "3h"
# What the bot says when a command worked; anything else means it refused the step.
ACCEPTED = {
    "settings": "Saved.",
    "log": "Logged #1",
    "notes": "Saved your notes",
    "edit": "Updated",
    "outcome": "Recorded:",
    "sent": "Marked sent",
    "skip": "Skipped",
    "replied": "Noted that",
    "snooze": "Snoozed",
}
# Notes whose items a `Name:` prefix can hand to one interviewer (the shared design, 3, and
# strengths: "Bob: led the migration" is the strength Bob's note ties to his topic).
ATTRIBUTABLE = (
    *("clarify", "questions", "promised", "they_promised", "highlights", "topics", "strengths"),
)
ENDED = frozenset({"offer", "rejected", "withdrawn"})
HONORIFIC = re.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms|Mx|Sir)\.?\s+", re.IGNORECASE)
_LABEL_KIND = {label: kind for kind, label in KIND_LABELS.items()}
_TITLE = re.compile(r"^Draft (?P<what>.+) \(#\d+ .+\)$")
# Words that carry no fact of their own: a fact is "present" when its other words are.
_STOPWORDS = """a an the and or but nor of to in on at by for from with about into over up out as
    i me my mine we us our you your he him his she her hers they them their it its this that
    these those is are was were be been being am do does did done will would can could
    should may might must shall have has had not no so if whether how what when where who
    why which than then also just very really some any all more most
    said say says sure unsure wondering curious
    talked talking discussed chatted spoke"""
# "said they'd send the take-home" is thanked as "thank you for offering to send ...", and
# "not sure about the salary" asked as "could you tell me about the salary?": the reporting
# verb or the hedge frames the fact, it is not part of it; so does "talked about X", which a
# draft calls "our conversation about X".
STOPWORDS = frozenset(_STOPWORDS.split())
# "she's", "they'd", "I'll": a pronoun's contraction is a pronoun ("she's" becomes "you've").
_PRONOUNS = frozenset(["i", "you", "he", "she", "it", "we", "they", "there", "that", "who", "what"])
# Shorthand a member types that a draft spells out (the issue: no shorthand in a draft), so a
# fact typed "9 yrs w/ the mgr" is present when the draft says "9 years with the manager".
SHORTHAND = {
    r"\bw/(?=\s|$)": "with ",
    r"\bb/c\b": "because",
    r"\bthru\b": "through",
    r"\babt\b": "about",
    r"\byrs?\b": "years",
    r"\bmgrs?\b": "manager",
    r"&": " and ",
}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ABBREVIATION = re.compile(r"\b(?:Dr|Prof|Mr|Mrs|Ms|Mx|Co|Inc|Ltd|St|vs|etc|e\.g|i\.e)\.$")


def fold(text: str) -> str:
    """Casefolded, accents dropped (đ too), '-' and '_' as spaces: how names are compared."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("đ", "d"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[-_]", " ", text).split())


def tokens(text: str) -> list[str]:
    """The words of `text`, folded."""
    return [fold(w) for w in _WORD.findall(text)]


def spelled_out(text: str) -> str:
    """`text` with the members' shorthand written out ('yrs' -> 'years', 'w/' -> 'with')."""
    for pattern, full in SHORTHAND.items():
        text = re.sub(pattern, full, text, flags=re.IGNORECASE)
    return text


def _is_frame_word(word: str) -> bool:
    head = re.split(r"['’]", word, maxsplit=1)[0]
    return word in STOPWORDS or (head != word and head in _PRONOUNS)


def content_words(text: str) -> list[str]:
    """The words of a note that carry its meaning (the fact, not the frame)."""
    return [w for w in tokens(spelled_out(text)) if not _is_frame_word(w)]


@functools.cache
def lemmas(word: str) -> frozenset[str]:
    """The word and its dictionary forms ('led' -> 'lead'), guessed when not in the lexicon."""
    found = lemminflect.getAllLemmas(word) or {
        **lemminflect.getAllLemmasOOV(word, "VERB"),
        **lemminflect.getAllLemmasOOV(word, "NOUN"),
    }
    return frozenset({word, *(lemma for forms in found.values() for lemma in forms)})


def _stem(word: str) -> str:
    """Enough of a word to survive 'intro' -> 'introduce', where lemmas do not reach."""
    return word if len(word) <= 4 else word[: max(4, len(word) - 3)]


def _present(word: str, have: Iterable[str]) -> bool:
    """Whether `have` holds `word` in some inflection: a shared lemma, or the same stem."""
    mine = lemmas(word)
    return any(t.startswith(_stem(word)) or mine & lemmas(t) for t in have)


def missing_words(fact: str, text: str) -> list[str]:
    """The fact's meaningful words that `text` does not contain, in any inflection.

    Shorthand is spelled out on both sides: whether a draft may keep it is FORBIDDEN's call.
    """
    have = set(tokens(spelled_out(text)))
    return [w for w in content_words(fact) if not _present(w, have)]


def sentences(text: str) -> list[str]:
    """Sentences of a draft: lines and paragraphs end them, and so does .!? before a space,
    except after a title or company abbreviation ('Dr.', 'Co.')."""
    out: list[str] = []
    for line in text.splitlines():
        start = 0
        for match in re.finditer(r"[.!?]+(?=\s)", line):
            if match.group() == "." and _ABBREVIATION.search(line[: match.end()]):
                continue
            out.append(line[start : match.end()].strip())
            start = match.end()
        out.append(line[start:].strip())
    return [s for s in out if s]


@dataclass(frozen=True)
class Person:
    """One interviewer and the name forms a coach would use for them."""

    name: str  # as typed, minus any [greeting] or "nickname"
    greet: str  # what "Hi ___," uses
    formal: str  # what "Dear ___," uses
    also: tuple[str, ...] = ()  # other forms the member types for them

    @property
    def forms(self) -> frozenset[str]:
        """Every form that means this person, folded: full, honorific dropped, greet, formal."""
        names = (self.name, HONORIFIC.sub("", self.name), self.greet, self.formal, *self.also)
        return frozenset(fold(n) for n in names)

    def named_in(self, text: str) -> int:
        """How many words of this person's name `text` contains (0 when not all of them)."""
        want, have = tokens(HONORIFIC.sub("", self.name)), set(tokens(text))
        return len(want) if want and set(want) <= have else 0


@dataclass(frozen=True)
class Fact:
    """One thing the member recorded, where it came from and whose note it belongs in."""

    field: str  # the notes option ("clarify", "topics", or "discussed" for per-person keys)
    text: str  # as typed, without any `Name:` prefix
    owner: Person | None  # None: the member did not attribute it


@dataclass(frozen=True)
class Wanted:
    """One `/interview draft` command and what its drafts must (not) say."""

    command: str
    to: str | None = None  # who its non-thank-you drafts address (default: the lead)
    present: tuple[str, ...] = ()  # regexes some draft of this command must match
    absent: tuple[str, ...] = ()  # regexes none may match


@dataclass(frozen=True)
class Debrief:
    """One scenario file, read."""

    name: str
    covers: str  # the file's opening comment
    timezone: str
    tone: str | None
    log: str
    notes: str
    steps: tuple[str, ...]
    advance: str
    drafts: tuple[Wanted, ...]
    people: tuple[Person, ...]
    lead: Person | None  # who unattributed notes and process notes go to
    promised_date: str | None  # how the draft should name the date of the member's promise
    third_person_ok: bool  # the notes speak of someone besides the addressee as he/she

    @property
    def options(self) -> dict[str, str]:
        """The log's options (company, role, stage, ...), parsed as the bot parses them."""
        return dict(parse_args(self.log).options)

    @property
    def stage(self) -> str:
        """The interview's stage as the bot stores it ('info' -> 'informational'), with the
        bot's own alias table; phone_screen when not given, as the bot does."""
        return parse_stage(self.options.get("stage", "phone_screen"))

    @property
    def outcome(self) -> str | None:
        """The last outcome the member recorded, if any."""
        found = [s.split()[3] for s in self.steps if s.startswith("/interview outcome ")]
        return found[-1] if found else None

    @property
    def thank_you_sent(self) -> bool:
        """Whether the member marked a thank-you (or any follow-up) sent."""
        return any(s.startswith("/interview sent ") for s in self.steps)

    def person(self, typed: str) -> Person:
        """The interviewer `typed` means (the harness's own lookup, by any listed form)."""
        found = [p for p in self.people if fold(typed) in p.forms]
        if len(found) != 1:
            raise ValueError(f"{self.name}: '{typed}' names {len(found)} interviewers")
        return found[0]

    def addressee(self, block: DraftBlock) -> Person | None:
        """Who a draft is to, read from its title ('Draft thank-you to NAME (#1 Acme)')."""
        who = _title_parts(block.title)[1]
        if not who:
            return None
        best = max(self.people, key=lambda p: p.named_in(who), default=None)
        return best if best is not None and best.named_in(who) else None

    @functools.cached_property
    def facts(self) -> tuple[Fact, ...]:
        """Everything recorded in the notes, each with its owner (the design's 3 and 5)."""
        options = parse_args(self.notes).options if self.notes else {}
        found: list[Fact] = []
        for key, value in options.items():
            if key in ATTRIBUTABLE:
                for item in split_list(value):
                    owner, text = self._attributed(item)
                    found.append(Fact(key, text, owner))
            elif key == "about":
                for item in split_list(value):
                    owner, text = self._attributed(item)
                    found.append(Fact("discussed", text, owner))
            elif key not in ("promised_by", "notes"):
                found.append(Fact("discussed", value, self.person(key.replace("_", " "))))
        return tuple(found)

    def _attributed(self, item: str) -> tuple[Person | None, str]:
        name, colon, rest = item.partition(":")
        if colon:
            owners = [p for p in self.people if fold(name) in p.forms]
            if len(owners) == 1:
                return owners[0], rest.strip()
        return None, item


@dataclass(frozen=True)
class Shown:
    """What one draft command showed."""

    wanted: Wanted
    blocks: tuple[DraftBlock, ...]


@dataclass(frozen=True)
class Pending:
    """A follow-up still pending when the drafts were asked for."""

    kind: Kind
    due_at: datetime  # when it comes due: the snooze's end when the member snoozed it


@dataclass(frozen=True)
class Rendered:
    """A debrief played through the bot: its drafts, or the step the bot refused."""

    debrief: Debrief
    shown: tuple[Shown, ...] = ()
    pending: tuple[Pending, ...] = ()  # follow-ups pending when the drafts were asked for
    now: datetime = START  # the clock when the drafts were asked for
    refused: str | None = None  # "step -> reply" when a step did not go through
    transcript: tuple[str, ...] = field(default=(), repr=False)

    @property
    def drafts(self) -> list[DraftBlock]:
        """Every draft shown, in order."""
        return [b for s in self.shown for b in s.blocks]

    def thank_yous(self) -> list[tuple[Person | None, DraftBlock]]:
        """Each thank-you shown with its addressee."""
        return [(self.debrief.addressee(b), b) for b in self.drafts if kind_of(b) is Kind.THANK_YOU]


def kind_of(block: DraftBlock) -> Kind | None:
    """A draft's kind, read from its title."""
    label = _title_parts(block.title)[0]
    return _LABEL_KIND.get(label) if label else None


def _title_parts(title: str) -> tuple[str | None, str | None]:
    """(kind label, addressee) from 'Draft reply to the offer to Dr. Hana Kobayashi (#1 X)'.

    Labels can contain " to " themselves, so the longest label that opens the title wins.
    """
    match = _TITLE.match(title)
    if match is None:
        return None, None
    what = match.group("what")
    for label in sorted(_LABEL_KIND, key=len, reverse=True):
        if what == label:
            return label, None
        if what.startswith(f"{label} to "):
            return label, what.removeprefix(f"{label} to ")
    return None, None


def names() -> list[str]:
    """Every debrief in the corpus, by file name."""
    return sorted(p.stem for p in DEBRIEFS.glob("*.toml"))


@functools.cache
def load(name: str) -> Debrief:
    """Read one debrief file."""
    path = DEBRIEFS / f"{name}.toml"
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    covers = " ".join(
        line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#")
    )
    people = tuple(
        Person(p["name"], p["greet"], p["formal"], tuple(p.get("also", ()))) for p in data["people"]
    )
    wanted = [Wanted("draft #1")] + [
        Wanted(d["command"], d.get("to"), tuple(d.get("present", ())), tuple(d.get("absent", ())))
        for d in data.get("draft", [])
    ]
    debrief = Debrief(
        name=name,
        covers=covers,
        timezone=data["timezone"],
        tone=data.get("tone"),
        log=data["log"],
        notes=data.get("notes", ""),
        steps=tuple(
            f"/interview {s}" if not s.startswith(":") else s for s in data.get("steps", [])
        ),
        advance=data.get("advance", DEFAULT_ADVANCE),
        drafts=tuple(wanted),
        people=people,
        lead=None,
        promised_date=data.get("promised_date"),
        third_person_ok=data.get("third_person_ok", False),
    )
    contact = [
        " ".join(s.split()[4:])
        for s in debrief.steps
        if s.startswith("/interview outcome ") and len(s.split()) > 4  # outcome #1 offer Hana
    ]
    lead_name = contact[-1] if contact else data.get("lead")
    lead = debrief.person(lead_name) if lead_name else (people[0] if people else None)
    return replace(debrief, lead=lead)


class _Recording(Conversation):
    """The console conversation, keeping each reply's blocks (drafts are blocks, not text)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.replies: list[Reply] = []

    def _show(self, reply: Reply) -> None:
        self.replies.append(reply)
        super()._show(reply)


@functools.cache
def render(name: str) -> Rendered:
    """Play debrief `name` through a fresh core and collect its drafts (once per process)."""
    debrief = load(name)
    with tempfile.TemporaryDirectory() as folder:
        clock = ManualClock(START)
        settings = Settings(database_url=f"sqlite:///{folder}/corpus.db", _env_file=None)  # type: ignore[call-arg]
        core = build_core(settings, clock)
        try:
            return asyncio.run(_play(debrief, _Recording(core, clock, user="ada")))
        finally:
            core.deps.db.dispose()


async def _play(debrief: Debrief, convo: _Recording) -> Rendered:
    setup = [
        f"/interview settings timezone={debrief.timezone}",
        f'/interview settings signature="{SIGNATURE}"',
        *([f"/interview settings tone={debrief.tone}"] if debrief.tone else []),
        f"/interview log {debrief.log}",
        f":advance {debrief.advance}",  # the interview is over: the debrief comes after it
        *([f"/interview notes #1 {debrief.notes}"] if debrief.notes else []),
        *debrief.steps,
    ]
    for line in setup:
        said = await convo.say(line)
        command = line.split()[1] if line.startswith("/interview") else None
        if command is not None and ACCEPTED[command] not in said:
            return Rendered(
                debrief, refused=f"{line}\n-> {said}", transcript=tuple(convo.transcript)
            )
    with convo.core.deps.db.reading() as session:
        member = repo.find_member(session, convo.member())
        interview = repo.interview_by_number(session, member, 1) if member else None
        assert interview is not None, "the interview the debrief logged is gone"
        pending = tuple(
            Pending(Kind(f.kind), f.snoozed_until or f.due_at)
            for f in interview.follow_ups
            if f.state == "pending"
        )
    now = convo.clock.now()
    shown = []
    for wanted in debrief.drafts:
        before = len(convo.replies)
        said = await convo.say(f"/interview {wanted.command}")
        blocks = tuple(
            b for r in convo.replies[before:] for b in r.blocks if isinstance(b, DraftBlock)
        )
        if not blocks:
            return Rendered(
                debrief, refused=f"{wanted.command}\n-> {said}", transcript=tuple(convo.transcript)
            )
        shown.append(Shown(wanted, blocks))
    return Rendered(debrief, tuple(shown), pending, now, transcript=tuple(convo.transcript))
