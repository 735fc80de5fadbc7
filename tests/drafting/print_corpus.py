"""Print every draft of the corpus for a human read: `python -m tests.drafting.print_corpus`.

Give debrief names (file names without .toml) to print only those. Each draft shows its
title, recipient, subject, body, LinkedIn variant and the proofreader's findings, the way a
coach would read them before the member sends anything.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from tests.drafting.corpus import Rendered, names, render


def show(rendered: Rendered) -> str:
    """One debrief's drafts as plain text."""
    debrief = rendered.debrief
    lines = [f"=== {debrief.name} ===", debrief.covers, ""]
    if rendered.refused:
        lines += ["The bot refused a step, so there are no drafts:", rendered.refused, ""]
    for shown in rendered.shown:
        lines.append(f"> /interview {shown.wanted.command}")
        for block in shown.blocks:
            lines += [f"--- {block.title} ---"]
            lines += [f"To: {block.to}"] if block.to else []
            lines += [f"Subject: {block.subject}", "", block.body, ""]
            if block.linkedin:
                lines += [f"LinkedIn ({len(block.linkedin)} chars): {block.linkedin}", ""]
            lines += [f"[{f.level}] {f.text}" for f in block.findings]
            lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the named debriefs (all of them when none are named); 2 for an unknown name."""
    wanted = list(sys.argv[1:] if argv is None else argv)
    known = names()
    unknown = [n for n in wanted if n not in known]
    if unknown:
        print(f"No debrief called {', '.join(unknown)}. Known: {', '.join(known)}", file=sys.stderr)
        return 2
    for name in wanted or known:
        print(show(render(name)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
