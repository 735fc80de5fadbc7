"""One draft context with every variable the templates know, for renderer and sandbox tests.

The names follow `bot/services/draft_context.py`; `test_sample_context_has_every_variable`
in test_render.py keeps the two in step.
"""

from __future__ import annotations

from typing import Any

CONTEXT: dict[str, Any] = {
    "company": "Acme",
    "role": "Backend Engineer",
    "stage": "onsite",
    "stage_label": "interview",
    "status": "held",
    "process_open": True,
    "kind": "thank_you",
    "interviewer": {
        "name": "Jane Doe",
        "first_name": "Jane",
        "greet": "Jane",
        "formal": "Jane Doe",
        "title": None,
        "honorific": None,
        "gender": None,
        "academic": None,
        "given": "Jane",
        "family": "Doe",
    },
    "discussed": "the Kafka migration",
    "discussed_topic": "the Kafka migration",
    "variant": 0,
    "highlight": None,
    "when_phrase": "today",
    "replied_phrase": None,
    "topics": ["system design", "on-call"],
    "qualifications": None,
    "clarification": None,
    "open_question_answer": None,
    "promised_by_me": None,
    "promised_due": None,
    "promised_item": None,
    "attachment_line": None,
    "attachment_topic": None,
    "promised_by_them": None,
    "personal_line": "I especially enjoyed our conversation about the Kafka migration.",
    "topics_line": None,
    "highlight_line": None,
    "strength_line": None,
    "interest_line": "I would be glad to join your team.",
    "correction_line": None,
    "question_line": None,
    "my_promise_line": None,
    "their_promise_line": None,
    "their_promise_reminder": None,
    "member_name": "Ada",
    "tone": "warm",
    "language": "en",
    "sequence": 1,
    "news": None,
    "until": None,
}
