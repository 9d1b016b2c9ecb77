"""Compare every mart and every exported model built on Spark with the DuckDB build of the same demo,
row for row (order-insensitive; numbers equal within 1e-9). Runs in .venv-spark: `python -m mhw.spark_compare`.

Compared: every model under models/marts/ and every model tagged `export` (ephemeral models excepted).
Models tagged `python` (dbt Python models and everything built from them) are not built on Spark
(dbt-spark runs Python models only on Databricks): they are listed, not compared. Exit code 0 only when
every other such model exists on both engines with the same columns and the same rows.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

TOLERANCE = 1e-9


@dataclass(frozen=True)
class Target:
    schema: str
    name: str
    python: bool  # tagged `python`: built on DuckDB only


def models_to_compare(manifest: dict) -> list[Target]:
    """The marts and exported models of a dbt manifest, sorted by name."""
    found = []
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model" or node["config"].get("materialized") == "ephemeral":
            continue
        tags = set(node["config"].get("tags") or []) | set(node.get("tags") or [])
        if not (node["original_file_path"].startswith("models/marts/") or "export" in tags):
            continue
        found.append(Target(node["schema"], node["alias"] or node["name"], "python" in tags))
    return sorted(found, key=lambda t: t.name)


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
    # floats rounded well above the tolerance so that equal-within-tolerance values sort alike
    return tuple((0, "") if v is None else (1, f"{v:.6e}") if isinstance(v, float) else (2, str(v)) for v in row)


def same_rows(left: list[tuple], right: list[tuple], columns: list[str] | None = None) -> str | None:
    """None when both row lists hold the same rows in any order (floats within TOLERANCE), else the first
    difference, described (rows counted in the sorted order; columns named when `columns` is given)."""
    if len(left) != len(right):
        return f"{len(left)} rows on DuckDB, {len(right)} on Spark"
    a = sorted((tuple(_normal(v) for v in row) for row in left), key=_key)
    b = sorted((tuple(_normal(v) for v in row) for row in right), key=_key)
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        for j, (u, v) in enumerate(zip(x, y, strict=True)):
            if isinstance(u, float) and isinstance(v, float):
                same = math.isclose(u, v, rel_tol=TOLERANCE, abs_tol=TOLERANCE)
            else:
                same = u == v
            if not same:
                column = f"column {j}" + (f" ({columns[j]})" if columns else "")
                return f"row {i}, {column}: {u!r} (DuckDB) != {v!r} (Spark); DuckDB row {x}, Spark row {y}"
    return None


def same_columns(duck: list[str], spark: list[str]) -> str | None:
    only_duck = sorted({c.lower() for c in duck} - {c.lower() for c in spark})
    only_spark = sorted({c.lower() for c in spark} - {c.lower() for c in duck})
    if not (only_duck or only_spark):
        return None
    return f"columns only on DuckDB {only_duck}, only on Spark {only_spark}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duckdb", required=True, help="DuckDB warehouse of the same demo")
    parser.add_argument(
        "--manifest", default="target/spark/manifest.json", help="the Spark run's dbt manifest (models to compare)"
    )
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    from .warehouse import connect, relations

    targets = models_to_compare(json.loads(Path(args.manifest).read_text()))
    spark_dir = os.environ.get("MHW_SPARK_DIR", "warehouse/spark")
    spark = (
        SparkSession.builder.enableHiveSupport()
        .config("spark.sql.warehouse.dir", f"{spark_dir}/spark-warehouse")
        .config("spark.hadoop.javax.jdo.option.ConnectionURL", f"jdbc:derby:;databaseName={spark_dir}/metastore_db")
        .config("spark.driver.extraJavaOptions", "-Dlog4j2.configurationFile=log4j2-spark.properties")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    con = connect(args.duckdb)
    duck_tables = relations(con)
    failures: list[str] = []
    compared = equal = excluded = 0
    width = max((len(t.name) for t in targets), default=10)
    print(f"  {'model':<{width}}  {'DuckDB rows':>11}  {'Spark rows':>10}  result")
    started = time.perf_counter()
    for t in targets:
        on_spark = spark.catalog.tableExists(f"{t.schema}.{t.name}")
        on_duck = t.name in duck_tables
        if t.python:
            excluded += 1
            if on_spark:
                failures.append(f"{t.name}: tagged python (excluded on Spark) but a Spark table exists")
            print(f"  {t.name:<{width}}  {'':>11}  {'':>10}  not compared: tag python, DuckDB only")
            continue
        problem = None
        duck_rows: list[tuple] | None = None
        spark_rows: list[tuple] | None = None
        if not on_spark or not on_duck:
            problem = "missing on " + " and ".join(e for e, ok in (("DuckDB", on_duck), ("Spark", on_spark)) if not ok)
        else:
            duck_columns = [c[0] for c in con.execute(f'select * from {t.schema}."{t.name}" limit 0').description]
            table = spark.table(f"{t.schema}.{t.name}")
            problem = same_columns(duck_columns, table.columns)
            if problem is None:
                spark_rows = [tuple(r) for r in table.select(*duck_columns).collect()]
                duck_rows = con.execute(f'select * from {t.schema}."{t.name}"').fetchall()
                problem = same_rows(duck_rows, spark_rows, duck_columns)
            compared += 1
        result = "equal" if problem is None else f"DIFFERENT: {problem}"
        counts = ("-" if rows is None else str(len(rows)) for rows in (duck_rows, spark_rows))
        print(f"  {t.name:<{width}}  {next(counts):>11}  {next(counts):>10}  {result}")
        if problem:
            failures.append(f"{t.name}: {problem}")
        elif on_spark and on_duck:
            equal += 1
    spark.stop()
    print(
        f"{compared} models compared (marts and exports), {equal} equal, {len(failures)} failures;"
        f" {excluded} excluded on Spark (tag python);"
        f" {time.perf_counter() - started:.0f} s"
    )
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failures or compared == 0 else 0


if __name__ == "__main__":
    raise SystemExit(main())
