"""Parsing and handling of the `/interview` commands members type in any chat platform."""
