"""Shared pieces of the benchmarks: what one measurement is, and how a command is timed."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class BenchConfig:
    """Where benchmark data lives (never committed) and how often each measurement is repeated."""

    work_dir: Path  # generated England-scale inputs, staged files, scratch warehouses
    repeats: int = 3  # the median of at least 3 runs is reported
    scales: tuple[float, ...] = (0.25, 0.5, 1.0)  # fractions of England scale for the scaling curve


@dataclass
class Measurement:
    """One measured thing: every run's wall time, the peak resident memory, and the input size."""

    benchmark: str  # e.g. "LDA MHA v1, 12 months"
    variant: str  # e.g. "dbt on DuckDB", "pandas baseline", "dbt on Spark", "bare count(*) scan"
    scale: float  # fraction of England scale (1.0 = England)
    seconds: list[float] = field(default_factory=list)
    peak_rss_mb: float | None = None
    input_rows: int | None = None
    input_mb: float | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def rows_per_second(self) -> float | None:
        return self.input_rows / self.median if self.input_rows and self.seconds else None


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


def repeat(cmd: list[str], m: Measurement, repeats: int, **kwargs) -> Measurement:
    """Run `cmd` `repeats` times into `m` (seconds per run, the highest peak memory)."""
    for i in range(repeats):
        seconds, rss, _ = run_timed(cmd, **kwargs)
        m.seconds.append(seconds)
        m.peak_rss_mb = max(m.peak_rss_mb or 0.0, rss)
        print(
            f"    {m.benchmark} / {m.variant} @ {m.scale}x run {i + 1}: {seconds:.2f} s, {rss:,.0f} MB",
            file=sys.stderr,
            flush=True,
        )
    return m
