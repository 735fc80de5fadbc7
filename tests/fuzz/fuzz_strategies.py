"""Hypothesis strategies for what members (and platforms) can send the bot.

Command lines mix what people really type (known subcommands, `key="value"` with straight
and typographic quotes, `#numbers`, dates, durations, zones) with garbage: unknown words,
unbalanced quotes, control characters, any Unicode, inputs at and beyond the size limit.
Form submissions are the `options` of each form in `bot/commands/forms.py`, with values
shaped like what a modal returns and values shaped like nothing at all.

`FOLLOWUP_FUZZ_EXAMPLES` scales every fuzz test (1 = the CI size, some 25,000 inputs in
half a minute on a quiet machine; `scripts/fault_drill.py --fuzz 10` runs ten times as many).
"""

from __future__ import annotations

import os
import string
from typing import Any

from fuzz_support import SEED_LOG
from hypothesis import strategies as st

from bot.commands.args import MAX_INPUT_CHARS
from bot.commands.handlers import build_registry
from bot.domain.policy import Kind
from bot.services.interviews import STAGES
from bot.services.member_settings import KEYS as SETTING_KEYS
from bot.services.member_settings import TONES

SCALE = max(float(os.environ.get("FOLLOWUP_FUZZ_EXAMPLES", "1") or 1), 0.01)


def examples(base: int) -> int:
    """`base` examples, scaled by FOLLOWUP_FUZZ_EXAMPLES."""
    return max(1, int(base * SCALE))


REGISTRY = build_registry()
COMMANDS = sorted({name for spec in REGISTRY.specs for name in (spec.name, *spec.aliases)})
FORM_COMMANDS = ("log", "edit", "notes")
KINDS = tuple(k.value for k in Kind)
OUTCOMES = ("next_round", "offer", "rejected", "withdrawn", "no_reply", "next round", "ghosted")
NAMES = ("Jane", "Raj", "jane", "Jane Doe", "Zoë", "Ōtani", "O'Brien", "李雷", "  ", "")
LOG_KEYS = ("company", "role", "when", "length", "stage", "with", "decision", "job")
NOTE_KEYS = (
    "topics",
    "highlights",
    "strengths",
    "questions",
    "clarify",
    "promised",
    "they_promised",
    "notes",
    "about",
    "promised_by",
)
OTHER_KEYS = ("for", "until", "news", *SETTING_KEYS, "jane", "raj", "zoë", "x", "Company")
KEYS = (*LOG_KEYS, *NOTE_KEYS, *OTHER_KEYS)

# Text a person could paste: letters and digits of any script, punctuation, emoji,
# combining marks, right-to-left text and the odd control or private-use character.
# Surrogates are left out: no platform delivers lone UTF-16 halves in its JSON.
ANY_TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)),
    max_size=40,
)
WORDY = st.text(alphabet=string.ascii_letters + string.digits + " -_.,'&/()<>@", max_size=30)

WHENS = st.one_of(
    st.sampled_from(
        (
            "tomorrow 3pm",
            "today 9am",
            "yesterday",
            "monday 9am",
            "next friday 10:30",
            "2026-12-01 15:00",
            "2026-02-30 10:00",
            "2026-03-08 02:30",
            "2026-11-01 01:30",
            "in 2 hours",
            "3pm",
            "25:99",
            "0000-01-01",
            "9999-12-31 23:59",
            "1 January 1970",
            "someday",
            "now",
            "-1",
            "1e309",
            "tomorrow at noon PST",
        )
    ),
    st.datetimes().map(lambda d: d.strftime("%Y-%m-%d %H:%M")),
    st.dates().map(str),
    ANY_TEXT,
)
DURATIONS = st.one_of(
    st.sampled_from(("1h", "3d", "tomorrow", "45m", "0m", "-5m", "1w", "90s", "1.5h", "h")),
    st.integers(-(10**12), 10**12).map(lambda n: f"{n}{'mhdw'[abs(n) % 4]}"),
    ANY_TEXT,
)
ZONES = st.one_of(
    st.sampled_from(
        (
            "Europe/Berlin",
            "America/New_York",
            "UTC",
            "Asia/Kolkata",
            "Pacific/Chatham",
            "America/Ciudad_Juarez",
            "Mars/Olympus",
            "../../etc/passwd",
            "EST5EDT",
            "",
            "Europe/Kyiv",
            "US/Pacific-New",
        )
    ),
    ANY_TEXT,
)
PEOPLE = st.one_of(
    st.sampled_from(
        (
            "Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel",
            "Jane <jane@acme>",
            "(Manager)",
            "<>",
            ";;;",
            "Zoë Ōtani <zoe@例え.jp>",
            "a; " * 60,
        )
    ),
    st.lists(
        st.tuples(ANY_TEXT, st.one_of(st.none(), ANY_TEXT), st.one_of(st.none(), ANY_TEXT)),
        max_size=6,
    ).map(
        lambda people: "; ".join(
            n + (f" ({t})" if t is not None else "") + (f" <{e}>" if e is not None else "")
            for n, t, e in people
        )
    ),
)


def _value_for(key: str) -> st.SearchStrategy[str]:
    """Values that make sense for `key` (most of the time), or anything at all."""
    specific: dict[str, st.SearchStrategy[str]] = {
        "when": WHENS,
        "until": WHENS,
        "decision": WHENS,
        "promised_by": WHENS,
        "for": DURATIONS,
        "length": DURATIONS,
        "thank_you_delay": DURATIONS,
        "stage": st.sampled_from((*STAGES, "onsite", "Onsite", "recruiter", "bogus")),
        "with": PEOPLE,
        "timezone": ZONES,
        "quiet_hours": st.sampled_from(("21:00-08:00", "08:00-08:00", "25:00-1:00", "x", "")),
        "weekdays_only": st.sampled_from(("yes", "no", "maybe", "")),
        "tone": st.sampled_from((*TONES, "pushy")),
        "status_check_days": st.one_of(st.integers(-5, 10**6).map(str), ANY_TEXT),
        "job": st.sampled_from(("https://acme.com/jobs/1", "javascript:alert(1)", "ftp://x", "")),
    }
    return st.one_of(specific.get(key, WORDY), ANY_TEXT, WORDY)


def _quoted(value: str, quotes: tuple[str, str]) -> str:
    opening, closing = quotes
    return opening + value.replace("\\", "\\\\").replace(closing, "\\" + closing) + closing


QUOTES = st.sampled_from((('"', '"'), ("\u201c", "\u201d"), ("'", "'"), ("\u2018", "\u2019")))


@st.composite
def option_token(draw: st.DrawFn) -> str:
    """`key=value`, quoted or bare, sometimes malformed."""
    key = draw(st.one_of(st.sampled_from(KEYS), st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,12}")))
    value = draw(_value_for(key.lower()))
    style = draw(st.sampled_from(("quoted", "bare", "unbalanced", "raw")))
    if style == "quoted":
        return f"{key}={_quoted(value, draw(QUOTES))}"
    if style == "bare":
        return f"{key}={''.join(value.split()) or 'x'}"
    if style == "unbalanced":
        return f'{key}="{value}'
    return f"{key}={value}"


REF = st.one_of(
    st.integers(1, 5).map(lambda n: f"#{n}"),
    st.integers(-3, 2**40).map(lambda n: f"#{n}"),
    st.integers(0, 20).map(str),
    st.sampled_from(("#", "##1", "#1.5", "#٣", "#１", "#0x1", "# 1")),
)
WORD = st.one_of(
    REF,
    st.sampled_from((*KINDS, *OUTCOMES, *NAMES, "confirm", "CONFIRM", "thank-you")),
    ANY_TEXT,
    option_token(),
)

HUGE = st.one_of(
    st.integers(MAX_INPUT_CHARS - 50, MAX_INPUT_CHARS + 50).map(lambda n: "x" * n),
    st.integers(1, 400).map(lambda n: 'topics="' + "word " * n + '"'),
    st.integers(1, 300).map(lambda n: "#1 " * n),
    st.just("with=" + '"' + "; ".join(f"Person {i}" for i in range(200)) + '"'),
)


@st.composite
def command_args(draw: st.DrawFn) -> str:
    """What follows the subcommand: words, options, and now and then something huge."""
    if draw(st.integers(0, 40)) == 0:
        return draw(HUGE)
    words = draw(st.lists(WORD, max_size=6))
    separator = draw(st.sampled_from((" ", " ", "  ", "\t", "\n", "\u00a0", "\u3000")))
    return separator.join(words)


VALID_LINES = st.sampled_from(
    (
        SEED_LOG,
        ("log", 'company="Zoë & Co" when="2026-12-01 15:00" with="Zoë Ōtani; 李雷"'),
        ("notes", '#1 topics="system design; on-call" jane="the Kafka migration" promised="x"'),
        ("draft", "#1"),
        ("draft", "#1 thank_you Jane"),
        ("outcome", "#1 rejected"),
        ("outcome", "#2 next_round"),
        ("sent", "#1 Jane"),
        ("snooze", "#1 Jane for=1h"),
        ("snooze", '#1 Raj until="monday 9am"'),
        ("skip", "#1 Raj"),
        ("pause", "#1"),
        ("resume", "#1"),
        ("replied", "#1"),
        ("edit", '#1 with="Jane Doe"'),
        ("draft", '#1 keep_in_touch news="a new role"'),
        ("list", ""),
        ("due", ""),
        ("show", "#1"),
        ("settings", 'timezone=Europe/Berlin quiet_hours="21:00-08:00"'),
    )
)


# Commands that act on one interview (their usage starts with a number, like `show #3`).
REF_COMMANDS = tuple(
    spec.name for spec in REGISTRY.specs if spec.usage.split(" ", 2)[1:2] == ["#3"]
)
# A real command about interview #1: which follow-up, and how long, as people write them.
ON_FIRST = st.tuples(
    st.sampled_from(REF_COMMANDS),
    st.tuples(
        st.sampled_from(("", "Jane", "Raj", "thank_you", "status_check")),
        st.sampled_from(("", "for=1h", "for=tomorrow", 'until="monday 9am"', "confirm")),
    ).map(lambda words: " ".join(["#1", *filter(None, words)])),
)


@st.composite
def command_line(draw: st.DrawFn) -> tuple[str, str]:
    """(subcommand, rest of the line): real, misspelt or made up, with any arguments."""
    if draw(st.integers(0, 4)) == 0:
        return draw(VALID_LINES)
    command = draw(
        st.one_of(
            st.sampled_from(COMMANDS),
            st.sampled_from(COMMANDS).map(str.upper),
            st.sampled_from(COMMANDS).map(lambda c: c[:-1] or c),
            ANY_TEXT,
        )
    )
    return command, draw(command_args())


# --- forms --------------------------------------------------------------------------

DATES = st.one_of(
    st.dates().map(str),
    st.sampled_from(("2026-02-30", "2026-13-01", "26-1-1", "", "tomorrow")),
    ANY_TEXT,
)
TIMES = st.one_of(
    st.times().map(lambda t: t.strftime("%H:%M")),
    st.sampled_from(("24:00", "9:5", "15:00:00", "3pm", "")),
    ANY_TEXT,
)
LONG = st.one_of(
    ANY_TEXT,
    st.integers(1900, 4200).map(lambda n: "é" * n),
    st.lists(st.tuples(st.sampled_from(NAMES), ANY_TEXT), max_size=5).map(
        lambda pairs: "\n".join(f"{n}: {d}" for n, d in pairs)
    ),
)
INTERVIEW_FORM = {
    "company": st.one_of(WORDY, ANY_TEXT, st.just(""), st.integers(190, 260).map("A".__mul__)),
    "role": st.one_of(WORDY, ANY_TEXT),
    "when_date": DATES,
    "when_time": TIMES,
    "stage": st.one_of(st.sampled_from(tuple(STAGES)), ANY_TEXT, st.just("")),
    "with": PEOPLE,
    "decision": DATES,
}
NOTES_FORM = {
    "topics": LONG,
    "about": LONG,
    "strengths": LONG,
    "promised": st.one_of(ANY_TEXT, st.integers(990, 1100).map("p".__mul__)),
    "they_promised": st.one_of(ANY_TEXT, WHENS),
    "questions": LONG,
    "clarify": LONG,
}
FORMS = {"log": INTERVIEW_FORM, "edit": INTERVIEW_FORM, "notes": NOTES_FORM}


@st.composite
def form_submission(draw: st.DrawFn) -> tuple[str, str, dict[str, str]]:
    """(command, context, options): a submitted log, edit or notes form."""
    command = draw(st.sampled_from(FORM_COMMANDS))
    context = "" if command == "log" else draw(st.one_of(REF, st.just("")))
    fields = FORMS[command]
    keys = draw(st.lists(st.sampled_from(sorted(fields)), unique=True))
    options = {key: draw(fields[key]) for key in keys}
    if draw(st.booleans()):  # a field the form never had, as a tampered payload would
        options[draw(st.sampled_from(KEYS))] = draw(ANY_TEXT)
    return command, context, options


MEMBERS = st.sampled_from(
    (
        ("console", "local", "ada"),
        ("console", "local", "grace"),
        ("slack", "T0FOLLOW", "U0ADA"),
        ("slack", "T0OTHER", "U0ADA"),
        ("discord", "discord", "700000000000000001"),
    )
)
DISPLAY_NAMES = st.one_of(st.none(), st.sampled_from(NAMES), ANY_TEXT)
PLATFORM_ZONES = st.one_of(st.none(), ZONES)


def as_text(value: Any) -> str:
    """Printable summary of a generated value for failure messages."""
    text = repr(value)
    return text if len(text) < 500 else text[:500] + "…"
