"""The one rule: the core never imports a platform, not even lazily."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "bot"
PLATFORMS = ("adapters", "slack_bolt", "slack_sdk", "discord")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_imports_no_platform(path: Path) -> None:
    offenders = [m for m in imported_modules(path) if m.split(".")[0] in PLATFORMS]
    assert offenders == []


def test_the_check_sees_the_core() -> None:
    assert len(list(CORE.rglob("*.py"))) > 10
