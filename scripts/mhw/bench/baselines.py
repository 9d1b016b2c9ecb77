"""Run a pandas baseline in its own process, for the benchmark (timed and memory-measured there).

    python -m mhw.bench.baselines lda MHSDS_RECORDS_FOLDER [--out RESULT.parquet]
    python -m mhw.bench.baselines data_map MHSDS_CSV_FOLDER WAREHOUSE [--out RESULT.parquet]

Prints one JSON line: the seconds spent reading the files and applying the rules (data_map: both in
one call, all counted as rules), and the rows read.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mhw.bench.baselines")
    parser.add_argument("baseline", choices=["lda", "data_map"], help="which pandas baseline to run")
    parser.add_argument("folder", help="the landing folder it reads")
    parser.add_argument("warehouse", nargs="?", help="data_map: the warehouse holding dim_ccg_code_crosswalk")
    parser.add_argument("--out", help="write the result here (Parquet) for the equality check")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.baseline == "lda":
        from .pandas_lda import lda_v1_monthly, read_tables

        tables = read_tables(Path(args.folder))
        read = time.perf_counter()
        result = lda_v1_monthly(tables)
        rows = sum(len(t) for t in tables.values())
    else:
        from ..warehouse import connect
        from .pandas_data_map import ccg_aggregation

        con = connect(args.warehouse)
        crosswalk = con.execute("select * from dim_ccg_code_crosswalk").df()
        con.close()
        read = started = time.perf_counter()  # the crosswalk read is not counted; reading is inside the call
        result = ccg_aggregation(sorted(Path(args.folder).glob("*.csv")), crosswalk)
        rows = None
    done = time.perf_counter()
    if args.out:
        result.to_parquet(args.out)
    print(json.dumps({"read_seconds": read - started, "rules_seconds": done - read, "rows_read": rows or 0}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
