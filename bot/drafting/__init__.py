"""Drafts: Jinja2 templates rendered from what happened in the interview."""
