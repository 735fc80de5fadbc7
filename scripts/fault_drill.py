"""Fault drills at any scale: many workers, many reminders, a hostile Slack and Discord.

    .venv/bin/python scripts/fault_drill.py                       # CI size, once
    .venv/bin/python scripts/fault_drill.py --workers 6 --reminders 2000 --rounds 3
    .venv/bin/python scripts/fault_drill.py --fuzz 10             # the fuzz tests, x10

Each round starts worker processes on a private PostgreSQL cluster, SIGKILLs and replaces a
random worker every few seconds, restarts PostgreSQL once, and has the fake platforms answer
429, 500, slowly or not at all at the given rates (see tests/drills/fault_drill.py). It
prints what happened and exits 1 if any reminder was lost or delivered twice.
`--fuzz N` instead runs tests/fuzz with N times as many generated inputs.

Keep `--members` large enough that a member gets at most ~15 reminders per round: a Slack
re-send looks for its dedupe key in the newest 20 DMs only (the messenger's lookback), and
the drill delivers all of a member's reminders within a minute, which real members never get.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "drills")]

from fault_drill import DrillConfig, Faults, run_drill  # noqa: E402
from postgres import start_postgres  # noqa: E402


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    defaults, faults = DrillConfig(), Faults()
    parser.add_argument("--workers", type=int, default=defaults.workers)
    parser.add_argument("--reminders", type=int, default=defaults.reminders)
    parser.add_argument("--members", type=int, default=defaults.members)
    parser.add_argument("--rounds", type=int, default=1, help="drills to run, each seeded anew")
    parser.add_argument("--kill-every", type=float, nargs=2, default=defaults.kill_every)
    parser.add_argument("--lease", type=int, default=defaults.lease_seconds)
    parser.add_argument("--rate-limited", type=float, default=faults.rate_limited)
    parser.add_argument("--server-error", type=float, default=faults.server_error)
    parser.add_argument("--slow", type=float, default=faults.slow)
    parser.add_argument("--dropped", type=float, default=faults.dropped)
    parser.add_argument("--deadline", type=float, default=600.0, help="seconds per round")
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--fuzz", type=float, help="run tests/fuzz with N x the inputs instead")
    return parser.parse_args(argv)


def fuzz(scale: float) -> int:
    """Run the fuzz tests with FOLLOWUP_FUZZ_EXAMPLES=scale."""
    env = {**os.environ, "FOLLOWUP_FUZZ_EXAMPLES": str(scale)}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/fuzz"]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode  # noqa: S603


def main(argv: list[str]) -> int:
    """Run the drills (or the fuzz tests) and report."""
    args = parse(argv)
    if args.fuzz is not None:
        return fuzz(args.fuzz)
    server = start_postgres()
    if isinstance(server, str):
        print(f"PostgreSQL unavailable: {server}", file=sys.stderr)
        return 2
    if not server.restartable:
        print("the drill restarts PostgreSQL: unset FOLLOWUP_TEST_POSTGRES_URL", file=sys.stderr)
        return 2
    failed = 0
    try:
        for round_ in range(args.rounds):
            config = DrillConfig(
                workers=args.workers,
                reminders=args.reminders,
                members=args.members,
                kill_every=tuple(args.kill_every),
                lease_seconds=args.lease,
                faults=Faults(
                    rate_limited=args.rate_limited,
                    server_error=args.server_error,
                    slow=args.slow,
                    dropped=args.dropped,
                ),
                deadline=args.deadline,
                seed=args.seed + round_,
            )
            with tempfile.TemporaryDirectory(prefix="followup-drill-") as workdir:
                result = run_drill(server, config, Path(workdir))
            problems = result.problems()
            print(f"round {round_ + 1}: {result.summary()}", flush=True)
            for problem in problems[:20]:
                print(f"  {problem}")
                for line in result.story(problem.split()[1].strip(":")):
                    print(f"    {line}")
            if problems:
                failed += 1
                print(result.worker_errors[-4000:], file=sys.stderr)
    finally:
        server.stop()
    print(f"{args.rounds - failed} of {args.rounds} round(s) clean")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
