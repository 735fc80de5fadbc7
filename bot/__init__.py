"""Followup's core: use cases, rules and storage, with no knowledge of any chat platform."""
