"""Benchmarks (`make bench`): not features of the warehouse, measurements of it.

Each benchmark module `scripts/mhw/bench/<name>.py` exposes `run(cfg: BenchConfig) -> list[Measurement]`.
The harness (`python -m mhw.bench`) runs them and writes bench/results.md and a PNG chart.
"""
