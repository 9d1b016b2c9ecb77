"""Shared pieces of the benchmarks: where their data lives, and how a command is timed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class BenchConfig:
    """Where benchmark data lives (never committed) and how often each measurement is repeated."""

    work_dir: Path  # generated England-scale inputs, staged files, scratch warehouses
    repeats: int = 3  # the median of at least 3 runs is reported
    scales: tuple[float, ...] = (0.25, 0.5, 1.0)  # fractions of England scale for the scaling curve


def run_timed(cmd: list[str], *, env: dict | None = None, cwd: Path | None = None) -> tuple[float, float, str]:
    """Run a command; return (wall seconds, peak resident MB of it and its children, stdout).

    Peak memory comes from the kernel's rusage of the waited-for child (ru_maxrss covers its
    waited-for descendants too), so no external `time` binary is needed.
    """
    print("  $ " + " ".join(str(c) for c in cmd), file=sys.stderr, flush=True)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(c) for c in cmd],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed (exit {proc.returncode}):\n{out[-4000:]}")
    return seconds, usage.ru_maxrss / 1024, out
