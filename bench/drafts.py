"""Drafts with proofreading per second, beside a bare Jinja2 render of the same template.

Target: at least 1,000 drafts per second on one core. The ratio says how many bare renders
one full draft (render, proofread, compose links) costs, measured in the same run.

Drafts in Spanish, French, German and Portuguese have no templates yet, so their rows render
the English template and proofread a note of that language's text set
(tests/fixtures/proofread/), beside the same render and proofreading of the English draft:
the ratio is what the language costs over English. Loading a language's dictionaries is
shown for information: it happens once, on first use.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from adapters.console.conversation import Conversation
from bot.app import build_core
from bot.domain.policy import Kind
from bot.drafting.proofread import ProofContext, proofread
from bot.drafting.proofread.dictionaries import load
from bot.scheduling.clock import ManualClock
from bot.services.drafts import Target
from bot.settings import Settings
from bot.storage import repositories as repo
from tests.drafting.proofread.proof_corpus import LANGUAGES, notes

TARGET_PER_SECOND = 1000
FRESH_PER_SECOND = 500
"""Notes never seen before are read once per interview (the first draft); every reminder
and re-draft after that reads them from the caches, which the first row measures."""
SUBJECTS = {
    "es": "Gracias por la entrevista de hoy",
    "fr": "Merci pour l'entretien d'aujourd'hui",
    "de": "Vielen Dank für das heutige Gespräch",
    "pt": "Obrigado pela entrevista de hoje",
}
SETUP = [
    "/interview settings timezone=America/New_York",
    '/interview settings signature="Ada Lovelace | +1 555 0100 | ada.dev"',
    '/interview log company="Acme" role="Backend Engineer" when="tomorrow 3pm" stage=onsite '
    'with="Jane Doe (Engineering Manager) <jane@acme.com>; Raj Patel (Staff Engineer)"',
    '/interview notes #1 topics="system design; on-call" jane="the Kafka migration" '
    'raj="their testing culture" promised="my portfolio" strengths="running Kafka in production"',
]


def _rate(work: object, seconds: float) -> float:
    """Calls per second of `work` over about `seconds` of wall time (after a warm-up)."""
    call = work  # type: ignore[assignment]
    for _ in range(20):
        call()  # type: ignore[operator]
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for _ in range(50):
            call()  # type: ignore[operator]
        count += 50
    return count / elapsed


def run(quick: bool = False) -> list[tuple[str, float, float, float, str, bool]]:
    """Measure and return rows: (name, value, baseline, ratio, target, ok).

    The second row changes every note before each draft, so the note reader's caches
    never answer: the cost of a member's first draft, not of a repeated one.
    """
    seconds = 1.0 if quick else 4.0
    with tempfile.TemporaryDirectory() as folder:
        clock = ManualClock(datetime(2026, 11, 23, 14, tzinfo=UTC))
        settings = Settings(database_url=f"sqlite:///{Path(folder)}/bench.db", _env_file=None)  # type: ignore[call-arg]
        core = build_core(settings, clock)
        convo = Conversation(core, clock, user="ada")

        async def setup() -> None:
            for line in SETUP:
                await convo.say(line)

        asyncio.run(setup())
        clock.advance(timedelta(days=1, hours=3))
        with core.deps.db.transaction() as session:
            member = repo.find_member(session, convo.member())
            assert member is not None
            interview = repo.interview_by_number(session, member, 1)
            assert interview is not None
            person = interview.interviewers[0]
            target = Target(Kind.THANK_YOU, person)
            template = core.deps.renderer._env.get_template("thank_you.txt.j2")
            context = core.drafts._context(member, interview, target, {})
            full = _rate(lambda: core.drafts.drafts(member, interview, [target]), seconds)
            bare = _rate(lambda: template.render(context), seconds)
            counter = iter(range(10**9))

            def fresh() -> None:
                """Every note new, so nothing comes from the readers' caches."""
                n = next(counter)
                person.discussed = f"the Kafka migration, phase {n}"
                interview.topics = f"system design at {n} requests; on-call"
                interview.qualifications = f"running Kafka in production for {n} months"
                core.drafts.drafts(member, interview, [target])

            new = _rate(fresh, seconds)
            english = _rate(lambda: _render_and_proofread(template, context), seconds)
            in_languages = [
                _language_rows(language, template, context, english, seconds)
                for language in LANGUAGES
            ]
        core.deps.db.dispose()
    return [
        (
            "drafts with proofreading per second",
            full,
            bare,
            bare / full,
            f">= {TARGET_PER_SECOND}/s",
            full >= TARGET_PER_SECOND,
        ),
        (
            "drafts with proofreading per second, every note new",
            new,
            bare,
            bare / new,
            f">= {FRESH_PER_SECOND}/s",
            new >= FRESH_PER_SECOND,
        ),
        *(row for rows in in_languages for row in rows),
    ]


def _render_and_proofread(template: Any, context: dict[str, Any]) -> None:
    """The English template rendered, and its draft proofread as a thank-you."""
    subject, _, body = template.render(context).partition("\n")
    proofread(
        subject.removeprefix("Subject: "),
        body,
        ProofContext(kind="thank_you", interviewer_name="Jane Doe"),
    )


def _language_rows(
    language: str, template: Any, context: dict[str, Any], english: float, seconds: float
) -> list[tuple[str, float, float | None, float | None, str, bool | None]]:
    """A draft's work in `language`: the English render, then proofreading a note in it."""
    started = time.perf_counter()
    load(language)
    loaded = time.perf_counter() - started
    note = notes(language)[0]
    check = ProofContext(
        kind="thank_you",
        language=language,
        interviewer_name=note.known[0],
        known_terms=note.known,
        specifics=(note.clean.split()[20],),
    )
    body, subject = note.clean, SUBJECTS[language]
    rate = _rate(lambda: (template.render(context), proofread(subject, body, check)), seconds)
    return [
        (
            f"render and proofread per second, {language} (baseline: English)",
            rate,
            english,
            english / rate,
            f">= {TARGET_PER_SECOND}/s",
            rate >= TARGET_PER_SECOND,
        ),
        (f"dictionary load seconds, {language}", loaded, None, None, "once, on first use", None),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
