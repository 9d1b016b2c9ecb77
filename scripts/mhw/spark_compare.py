"""Compare every mart built on Spark with the DuckDB build of the same demo, row for row
(order-insensitive; numbers equal within 1e-9). Runs in .venv-spark: `python -m mhw.spark_compare`.

Exit code 0 only when every mart built on both engines has the same rows. Models that exist only on
DuckDB (dbt Python models, tagged `python`, which dbt-spark cannot run locally) are listed, not compared.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

TOLERANCE = 1e-9


def marts(manifest_path: Path) -> list[tuple[str, str]]:
    manifest = json.loads(manifest_path.read_text())
    found = []
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model" or not node["original_file_path"].startswith("models/marts/"):
            continue
        if node["config"].get("materialized") == "ephemeral":
            continue
        found.append((node["schema"], node["alias"] or node["name"]))
    return sorted(found)


def _normal(value):
    """A value both engines agree on: numbers as floats, timestamps and dates as ISO text."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) or type(value).__name__ == "Decimal":
        return float(value)
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text.replace("+00:00", "")
    return str(value)


def _key(row):
    return tuple((0, "") if v is None else (1, f"{v:.6e}") if isinstance(v, float) else (2, str(v)) for v in row)


def same_rows(left: list[tuple], right: list[tuple]) -> str | None:
    if len(left) != len(right):
        return f"{len(left)} rows on DuckDB, {len(right)} on Spark"
    a = sorted((tuple(_normal(v) for v in row) for row in left), key=_key)
    b = sorted((tuple(_normal(v) for v in row) for row in right), key=_key)
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        for j, (u, v) in enumerate(zip(x, y, strict=True)):
            if isinstance(u, float) and isinstance(v, float):
                if not math.isclose(u, v, rel_tol=TOLERANCE, abs_tol=TOLERANCE):
                    return f"row {i}, column {j}: {u!r} (DuckDB) != {v!r} (Spark)"
            elif u != v:
                return f"row {i}, column {j}: {u!r} (DuckDB) != {v!r} (Spark)"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duckdb", required=True, help="DuckDB warehouse of the same demo")
    parser.add_argument("--manifest", default="target/spark/manifest.json")
    args = parser.parse_args(argv)

    import duckdb
    from pyspark.sql import SparkSession

    spark_dir = os.environ.get("MHW_SPARK_DIR", "warehouse/spark")
    spark = (
        SparkSession.builder.enableHiveSupport()
        .config("spark.sql.warehouse.dir", f"{spark_dir}/spark-warehouse")
        .config("spark.hadoop.javax.jdo.option.ConnectionURL", f"jdbc:derby:;databaseName={spark_dir}/metastore_db")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    con = duckdb.connect(args.duckdb, read_only=True)
    duck_tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    failures, compared, only_duckdb = [], 0, []
    for schema, name in marts(Path(args.manifest)):
        if not spark.catalog.tableExists(f"{schema}.{name}"):
            if name in duck_tables:
                only_duckdb.append(name)
            continue
        if name not in duck_tables:
            failures.append(f"{name}: built on Spark but not on DuckDB")
            continue
        columns = [c[0] for c in con.execute(f"select * from main.{name} limit 0").description]
        spark_rows = [tuple(r) for r in spark.table(f"{schema}.{name}").select(*columns).collect()]
        duck_rows = con.execute(f"select * from main.{name}").fetchall()
        problem = same_rows(duck_rows, spark_rows)
        compared += 1
        status = "same" if problem is None else f"DIFFERENT: {problem}"
        print(f"  {name}: {len(duck_rows)} rows, {status}")
        if problem:
            failures.append(f"{name}: {problem}")
    for name in only_duckdb:
        print(f"  {name}: not built on Spark (excluded there), not compared")
    print(f"{compared} marts compared, {len(failures)} different")
    spark.stop()
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failures or compared == 0 else 0


if __name__ == "__main__":
    raise SystemExit(main())
