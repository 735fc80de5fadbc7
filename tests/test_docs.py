"""The README and docs/ stand on their own in a clone, and their examples copy as written."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from adapters.console.conversation import Conversation

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = sorted((ROOT / "docs").glob("*.md"))
# Built, not written out, so this file does not mention what it looks for.
OUTSIDE = "/".join(("..", "shared"))
LINK = re.compile(r"\]\(([^)\s]+)\)")
CODE = re.compile(r"`([^`\n]+)`")
CELL_BREAK = re.compile(r"(?<!\\)\|")


def tracked_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False, text=True
    )
    if listed.returncode != 0:
        pytest.skip(f"not a git checkout: {listed.stderr.strip()}")
    return [ROOT / name for name in listed.stdout.split("\0") if name]


def test_no_tracked_file_points_outside_the_repository() -> None:
    files = tracked_files()
    assert len(files) > 100
    mentions = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):  # binary, or deleted but not staged
            continue
        if OUTSIDE in text:
            mentions.append(str(path.relative_to(ROOT)))
    assert mentions == []


@pytest.mark.parametrize(
    "page", [ROOT / "README.md", *DOCS], ids=lambda p: str(p.relative_to(ROOT))
)
def test_every_local_link_leads_to_a_file_in_the_repository(page: Path) -> None:
    targets = [t for t in LINK.findall(page.read_text(encoding="utf-8")) if "://" not in t]
    missing = [t for t in targets if not (page.parent / t.split("#")[0]).resolve().exists()]
    outside = [t for t in targets if ROOT not in (page.parent / t).resolve().parents]
    assert (missing, outside) == ([], [])


def test_the_readme_links_the_etiquette_and_the_design() -> None:
    assert {"docs/follow-up-etiquette.md", "docs/design.md"} <= set(LINK.findall(README))


def test_no_readme_example_holds_an_escaped_pipe() -> None:
    """`\\|` in a table cell shows as `|` but copies from the raw file with its backslash."""
    assert [code for code in CODE.findall(README) if "\\" in code and "|" in code] == []
    assert "\\|" not in README


def test_every_readme_table_row_has_its_headers_columns() -> None:
    """A pipe inside a cell's example would split the row; none may, escaped or not."""
    lines = README.splitlines()
    rows = 0
    for previous, line in zip(["", *lines], lines, strict=False):
        if not line.startswith("|"):
            continue
        if not previous.startswith("|"):  # a table's header
            columns = len(CELL_BREAK.findall(line))
        assert len(CELL_BREAK.findall(line)) == columns, line
        rows += 1
    assert rows > 30


def example(prefix: str) -> str:
    """The one inline-code example in the README that starts with `prefix`."""
    (found,) = {code for code in CODE.findall(README) if code.startswith(prefix)}
    return found


async def test_the_settings_example_saves_the_signature_as_written(convo: Conversation) -> None:
    typed = example("settings timezone=")
    assert 'signature="Ada Lovelace, ada.dev"' in typed
    reply = await convo.say(f"/interview {typed}")
    # The example sets language=es too, so the reply is in Spanish ("Firma: ...").
    assert "Firma: Ada Lovelace, ada.dev" in reply.splitlines()


async def test_a_signature_of_two_lines_signs_off_on_two_lines(convo: Conversation) -> None:
    await convo.say("/interview " + example("settings signature="))
    await convo.say('/interview log company="Acme" when="yesterday 3pm" with="Jane Doe"')
    draft = await convo.say("/interview draft #1 thank_you")
    lines = draft.splitlines()
    assert lines[lines.index("Ada Lovelace") + 1] == "ada.dev"


def test_the_quick_subset_names_only_tests_that_exist() -> None:
    """`make test-quick` names folders and files: a rename must not quietly drop them."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    block = re.search(r"^QUICK :=((?:.*\\\n)*.*)$", makefile, re.MULTILINE)
    assert block is not None
    paths = [word.split("=")[-1] for word in block.group(1).replace("\\\n", " ").split()]
    assert len(paths) >= 8
    assert [p for p in paths if not (ROOT / p).exists()] == []
