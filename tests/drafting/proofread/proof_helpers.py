"""What the proofreader's tests share: a realistic thank-you, its context, and shorthands."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.chat import Finding
from bot.drafting.proofread import ProofContext, proofread

SUBJECT = "Thank you, Zoë: Platform Engineer interview at Acme"
BODY = """Dear Zoë,

Thank you for taking the time to speak with me this morning about the Platform Engineer role \
at Acme. I especially enjoyed our conversation about the Kafka migration and how your team \
kept consumers running while topics moved between clusters.

Our discussion reinforced my interest in the role. At my current company I led a similar move \
from RabbitMQ to Kafka, and I would be glad to bring that experience, and my habit of writing \
clear runbooks, to your on-call rotation from the start.

As promised, I have attached the short write-up on consumer lag alerts that I mentioned.

I look forward to hearing about the next steps.

Best regards,
Jordan Okafor"""
ENDED = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)  # a Wednesday
CONTEXT = ProofContext(
    kind="thank_you",
    interviewer_name="Zoë Ångström",
    specifics=("the Kafka migration",),
    known_terms=("Zoë Ångström", "Acme", "Platform Engineer", "Jordan Okafor"),
    interview_ended_at=ENDED,
    now=ENDED + timedelta(hours=3),
)
MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def check(body: str, subject: str = "Thank you", **context: Any) -> list[Finding]:
    return proofread(subject, body, ProofContext(**context))


def about(findings: list[Finding], fragment: str) -> list[Finding]:
    """The findings whose problem mentions `fragment`."""
    return [f for f in findings if fragment in f.problem]


def n_words(n: int) -> str:
    return "Dear Sam,\n\n" + " ".join(["word"] * (n - 2))


def with_context(**changes: Any) -> ProofContext:
    """CONTEXT with some fields changed."""
    return ProofContext(**{**CONTEXT.__dict__, **changes})
