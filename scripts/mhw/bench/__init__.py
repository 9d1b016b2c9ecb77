"""Benchmarks (`make bench`): not features of the warehouse, measurements of it.

`python -m mhw.bench` (module `run`) generates the England-scale inputs, times the pipeline, the
pandas baselines (`pandas_lda`, `pandas_data_map`, run in their own process by `baselines`) and
Spark, and writes bench/results.md and a PNG chart (`report`).
"""
