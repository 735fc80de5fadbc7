"""Pure domain rules and parsing: no I/O, no platform, no storage."""
