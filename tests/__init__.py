"""The test suite: a package, so `tests.…` means this folder whatever else is installed."""
