"""Reading an employer's reply: a 5 KB pasted email classified, beside a bare scan of it.

Target (issue #19): under 10 ms per email on one core. Each email is built from corpus
pieces (tests/fixtures/replies/): a newest message on top, then other replies quoted under
attribution lines until the paste is over 5 KB, as a long thread looks when pasted. The
baseline, measured in the same run, is the least any reader does: fold the whole paste to
lower case and split it into words; the ratio says how many such scans one reading costs.
The next round's row is the dear one: each time offered goes through the date parser,
whose cost per phrase is shown for information.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial
from types import ModuleType

from bench._tests_loader import load
from bot.domain.replies import ReplyKind, classify
from bot.domain.timeparse import parse_when

TARGET_MS = 10.0
SIZE = 5 * 1024
# The newest message of each bench email, and what it must be read as.
ON_TOP = {
    "next_round-en-01": (ReplyKind.NEXT_ROUND, "three times offered"),
    "rejection-en-04": (ReplyKind.REJECTION, "no date"),
    "still_deciding-es-01": (ReplyKind.STILL_DECIDING, "one date, in Spanish"),
}


def _corpus() -> ModuleType:
    """The tests' corpus loader: the data are read one way, in one place."""
    return load("domain/replies_corpus.py")


def thread(top: str, others: list[str]) -> str:
    """`top`, then earlier mails quoted one under another until the paste passes SIZE."""
    parts = [top.rstrip(), ""]
    for number, text in enumerate(others):
        if len("\n".join(parts).encode()) >= SIZE:
            break
        day = 30 - number % 28
        parts.append(
            f"On Mon, Nov {day}, 2026 at 9:{number % 60:02d} AM Sam Lee <sam@example.com> wrote:"
        )
        parts.extend(f"> {line}" for line in text.splitlines())
        parts.append("")
    return "\n".join(parts)


def _scan(text: str) -> list[str]:
    """The baseline: every character looked at once, as any reader must."""
    return text.casefold().split()


def _median_ms(work: Callable[[], object], seconds: float) -> float:
    """The median time of one call of `work` in milliseconds, after a warm-up."""
    for _ in range(5):
        work()
    times: list[float] = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(times) < 20:
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def run(
    quick: bool = False,
) -> list[tuple[str, float, float | None, float | None, str, bool | None]]:
    """Rows: (figure, value, baseline, ratio, target, ok)."""
    seconds = 0.5 if quick else 2.0
    corpus = _corpus()
    emails = {email.id: email for email in corpus.emails()}
    rows: list[tuple[str, float, float | None, float | None, str, bool | None]] = []
    for email_id, (kind, what) in ON_TOP.items():
        email = emails[email_id]
        others = [e.text for e in emails.values() if e.id != email_id and e.language == "en"]
        text = thread(email.text, others)
        assert len(text.encode()) >= SIZE
        reading = classify(text, now=corpus.NOW, tz=email.tz)
        assert reading.kind is kind, (email_id, reading.kind)
        ours = _median_ms(partial(classify, text, now=corpus.NOW, tz=email.tz), seconds)
        bare = _median_ms(partial(_scan, text), seconds)
        rows.append(
            (
                f"ms to read a {len(text.encode()) / 1024:.1f} KB reply, {email_id} ({what})",
                ours,
                bare,
                ours / bare,
                f"< {TARGET_MS:g} ms",
                ours < TARGET_MS,
            )
        )
    tz = emails["next_round-en-01"].tz
    one = _median_ms(lambda: parse_when("Tuesday Dec 8 at 2pm ET", now=corpus.NOW, tz=tz), seconds)
    rows.append(("ms for the date parser to read one time offered", one, None, None, "info", None))
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
