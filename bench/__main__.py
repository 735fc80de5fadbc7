"""Run the benchmarks and print one table: `python -m bench [MODULE ...] [--quick]`.

Every module in `bench/` (but this one and private ones) is a benchmark module: it has
either `BENCHMARKS`, a sequence of functions taking `quick: bool`, or one such function
`run`. Each function returns rows `(figure, value, baseline, ratio, target, ok)`;
`baseline` and `ratio` may be None when a figure has none, and `ok` is None for a figure
shown for information only. A benchmark that raises shows as a failed row. The exit status
is 1 when any figure misses its target.
"""

from __future__ import annotations

import argparse
import importlib
import math
import pkgutil
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from typing import Any

import bench

Row = tuple[str, float, float | None, float | None, str, bool | None]
HEADERS = ("figure", "value", "baseline", "ratio", "target", "result")


def available() -> list[str]:
    """Names of the benchmark modules, in alphabetical order."""
    return sorted(
        info.name for info in pkgutil.iter_modules(bench.__path__) if not info.name.startswith("_")
    )


def benchmarks_of(name: str) -> list[Callable[[bool], list[Any]]]:
    """The benchmark functions of module `bench.NAME`."""
    module = importlib.import_module(f"bench.{name}")
    if hasattr(module, "BENCHMARKS"):
        return list(module.BENCHMARKS)
    return [module.run]


def run(names: Sequence[str], *, quick: bool) -> list[tuple[str, Row]]:
    """Run every benchmark of the named modules; each row comes with its module's name."""
    rows: list[tuple[str, Row]] = []
    for name in names:
        for benchmark in benchmarks_of(name):
            label = f"{name}.{benchmark.__name__}"
            print(f"running {label} ...", file=sys.stderr, flush=True)
            started = time.perf_counter()
            try:
                for row in benchmark(quick):
                    rows.append((name, tuple(row)))  # type: ignore[arg-type]
            except Exception as exc:  # one broken benchmark must not hide the others
                traceback.print_exc()
                rows.append(
                    (
                        name,
                        (
                            f"{benchmark.__name__} raised {exc!r}",
                            math.nan,
                            None,
                            None,
                            "runs",
                            False,
                        ),
                    )
                )
            elapsed = time.perf_counter() - started
            print(f"  done in {elapsed:.1f} s", file=sys.stderr, flush=True)
    return rows


def number(value: float | None) -> str:
    """A figure with three significant digits, or a dash."""
    if value is None or math.isnan(value):
        return "-"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def table(rows: list[tuple[str, Row]]) -> str:
    """The results as an aligned text table."""
    lines = [HEADERS]
    for module, (figure, value, baseline, ratio, target, ok) in rows:
        result = "info" if ok is None else ("pass" if ok else "FAIL")
        lines.append(
            (f"{module}: {figure}", number(value), number(baseline), number(ratio), target, result)
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADERS))]
    out = []
    for index, line in enumerate(lines):
        cells = [
            cell.ljust(width) if column in (0, 4, 5) else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
        if index == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments, run, print the table; exit 1 if a target was missed."""
    names = available()
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "modules", nargs="*", metavar="MODULE", help=f"one of {', '.join(names)} (default: all)"
    )
    parser.add_argument("--quick", action="store_true", help="shorter runs, smaller data")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.modules) - set(names))
    if unknown:
        parser.error(f"no benchmark module {', '.join(unknown)}; there are {', '.join(names)}")
    rows = run(args.modules or names, quick=args.quick)
    print(table(rows))
    return 1 if any(row[5] is False for _, row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
