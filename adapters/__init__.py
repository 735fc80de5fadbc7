"""Platform adapters: they translate events in and replies out, and nothing more."""
