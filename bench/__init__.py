"""Benchmarks, run with `python -m bench [MODULE ...] [--quick]`; never by the test suite."""
