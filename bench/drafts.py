"""Drafts with proofreading per second, beside a bare Jinja2 render of the same template.

Target: at least 1,000 drafts per second on one core. The ratio says how many bare renders
one full draft (render, proofread, compose links) costs, measured in the same run.

Each of Spanish, French, German and Portuguese has its row: a whole draft of an interview
logged in that language, with notes typed in it (its own templates and phrasebook, its own
proofreader and dictionaries), beside a bare render of that language's template in the same
run. Reading a language's dictionaries is shown for information: a process does it once,
at start for the languages its members use (bot/services/warm_up.py).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from adapters.console.conversation import Conversation
from bot.app import Core, build_core
from bot.domain.policy import Kind
from bot.drafting.proofread.dictionaries import load
from bot.scheduling.clock import ManualClock
from bot.services.drafts import Target
from bot.settings import Settings
from bot.storage import repositories as repo
from bot.storage.models import Member

TARGET_PER_SECOND = 1000
FRESH_PER_SECOND = 500
"""Notes never seen before are read once per interview (the first draft); every reminder
and re-draft after that reads them from the caches, which the first row measures."""
# An interview in each language, with the notes a member would type in it.
IN_LANGUAGES = {
    "es": '/interview log company="Acme" role="Ingeniera de datos" when="ayer 15:00" '
    'stage=onsite language=es with="Sra. Lucía Ruiz (Directora de Ingeniería) <lucia@acme.com>"',
    "fr": '/interview log company="Acme" role="Ingénieur de données" when="hier 15h" '
    'stage=onsite language=fr with="Mme Claire Dubois (Responsable technique) <claire@acme.com>"',
    "de": '/interview log company="Acme" role="Dateningenieur" when="gestern 15 Uhr" '
    'stage=onsite language=de with="Frau Anna Weiß (Teamleiterin) <anna@acme.com>"',
    "pt": '/interview log company="Acme" role="Engenheira de dados" when="ontem 15h" '
    'stage=onsite language=pt with="Sra. Ana Costa (Gerente de Engenharia) <ana@acme.com>"',
}
NOTES = {
    "es": 'topics="la migración a Kafka; las guardias" promised="mi portafolio" '
    'strengths="tres años con Kafka en producción"',
    "fr": 'topics="la migration vers Kafka; les astreintes" promised="mon portfolio" '
    'strengths="trois ans de Kafka en production"',
    "de": 'topics="die Migration auf Kafka; die Rufbereitschaft" promised="mein Portfolio" '
    'strengths="drei Jahre Kafka im Produktivbetrieb"',
    "pt": 'topics="a migração para o Kafka; os plantões" promised="meu portfólio" '
    'strengths="três anos de Kafka em produção"',
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
            for number, language in enumerate(IN_LANGUAGES, start=2):
                await convo.say(IN_LANGUAGES[language])
                await convo.say(f"/interview notes #{number} {NOTES[language]}")

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
            in_languages = [
                _language_rows(core, session, member, number, language, seconds=seconds)
                for number, language in enumerate(IN_LANGUAGES, start=2)
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


def _language_rows(
    core: Core, session: Session, member: Member, number: int, language: str, *, seconds: float
) -> list[tuple[str, float, float | None, float | None, str, bool | None]]:
    """Whole drafts of interview `number`, logged in `language`, beside its bare template."""
    started = time.perf_counter()
    load(language)
    loaded = time.perf_counter() - started
    interview = repo.interview_by_number(session, member, number)
    assert interview is not None
    assert interview.language == language
    target = Target(Kind.THANK_YOU, interview.interviewers[0])
    template = core.deps.renderer.in_language(language)._env.get_template("thank_you.txt.j2")
    context = core.drafts._context(member, interview, target, {})
    assert context["language"] == language
    full = _rate(lambda: core.drafts.drafts(member, interview, [target]), seconds)
    bare = _rate(lambda: template.render(context), seconds)
    return [
        (
            f"drafts with proofreading per second, {language}",
            full,
            bare,
            bare / full,
            f">= {TARGET_PER_SECOND}/s",
            full >= TARGET_PER_SECOND,
        ),
        (f"dictionary read seconds, {language}", loaded, None, None, "once, at start", None),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
