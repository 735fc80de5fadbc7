"""Use cases: everything a member can do, each in one transaction."""
