"""Load a module of the test suite's data loaders by path, so a bench reads what tests read.

The tests are not a package a bench can import; loading the file keeps one reader of each
table or corpus, in one place.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

TESTS = Path(__file__).resolve().parent.parent / "tests"


def load(relative: str) -> ModuleType:
    """The module at tests/`relative` (e.g. "domain/phrasings.py"), loaded once."""
    name = Path(relative).stem
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, TESTS / relative)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module
