"""Persistence: SQLAlchemy models, the engine, and repositories (the only SQL in the core)."""
