"""A fork server for the crash and fault-drill workers: import once, fork a worker per line.

Importing the bot takes seconds on a busy machine; a test that kills and restarts workers
dozens of times forks them instead. The server prints `ready`, then for each `fork` line on
stdin forks a child that runs `child()` and exits (0 if it returned); killed children are
reaped by the kernel. Workers import it as `tests.forking` (they run with the repository
root on PYTHONPATH).
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Callable


def serve_forks(child: Callable[[], None]) -> None:
    """Fork a child running `child()` for each `fork` line on stdin, until stdin closes."""
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps killed children
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "fork" or os.fork() != 0:
            continue
        code = 1
        try:  # the child never returns into the parent's loop
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            child()
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
