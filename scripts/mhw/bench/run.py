"""`make bench` (`python -m mhw.bench`): every measurement of issues 8 and 13 in one run on the same data.

1. inputs: the demo's reference data plus England-scale record-level MHSDS (12 months) at each
   scale of the scaling curve, and 120 monthly MHSDS CSVs (`mhw demo --england`), under bench/data/;
2. LDA MHA v1 for 12 months: the bare `count(*)` scan of the landing CSVs; the pipeline (load:
   recognise, count and verify every file, read in place; then `dbt build` of
   `+fct_lda_mha_monthly`, models and seeds) on DuckDB; the pandas baseline (end to end from the
   CSVs, and its rules alone on DataFrames in memory); the same dbt models on local Spark; their
   results checked equal;
3. ingest and CCG21 harmonisation of the 120 monthly CSVs (`+int_mhsds__ccg_indicators`) against a
   bare `count(*)` over the same files, and the pandas data-map baseline;
4. incremental months at the smallest scale: the 12 months split into one file per table and month;
   node time of building one month into an empty warehouse, and of adding the 12th month to a
   warehouse of the first 11 (`mhw load --incremental`, then dbt build); the result checked equal
   to the full 12-month build;
5. `mhw build` of the demo from a warm .venv, split into its load, dbt and Python steps;
6. the scaling curve of the DuckDB pipeline at 0.25x, 0.5x and 1x England.

Each figure is the median of `--repeats` runs (at least 3) in a fresh process; peak memory is the
kernel's maximum resident set of that process and its children. dbt's fixed start-up is reported
separately: the pipeline time counted against the targets is the load step plus the sum of the
dbt nodes' execution times (target/run_results.json). Writes bench/results.md and bench/results.png.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from .common import BenchConfig, run_timed
from .report import INCREMENTAL, LOW_MEMORY_LIMIT, LOW_MEMORY_VARIANT

REPO = Path(__file__).resolve().parents[3]
PY = sys.executable
DBT = str(Path(PY).with_name("dbt"))
SPARK_DBT = str(REPO / ".venv-spark" / "bin" / "dbt")
LDA_MODELS = "+fct_lda_mha_monthly"
MONTHLY_MODELS = "+int_mhsds__ccg_indicators"
REFERENCE_TOPICS = ("reference", "population")  # what the CCG21 crosswalk needs


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# inputs
# ---------------------------------------------------------------------------------------------
def prepare(cfg: BenchConfig) -> dict:
    """Demo reference topics and the England-scale landing zones (generated once, then reused)."""
    data = cfg.work_dir
    demo = data / "demo-landing"
    info: dict = {"generate_seconds": {}}
    if not (demo / "README.md").exists():
        from ..demo import generate

        generate(demo, log=log)
    from ..demo.england import write_england

    # one landing zone per scale with the record-level tables, one with the monthly CSVs
    wanted = [(data / f"england-{scale}", scale, True) for scale in cfg.scales] + [(data / "monthly", 1.0, False)]
    for landing, scale, records in wanted:
        marker = landing / ".complete"
        if not marker.exists():
            shutil.rmtree(landing, ignore_errors=True)
            for topic in REFERENCE_TOPICS:
                shutil.copytree(demo / topic, landing / topic)
            t = time.monotonic()
            write_england(landing, scale, records=records, monthly=not records, log=log)
            info["generate_seconds"][landing.name] = time.monotonic() - t
            marker.write_text("complete\n")
    return info


def folder_size(folder: Path, pattern: str = "*") -> tuple[int, float]:
    """(files, MB) of the files matching pattern in folder."""
    files = sorted(folder.glob(pattern))
    return len(files), sum(f.stat().st_size for f in files) / 1e6


# ---------------------------------------------------------------------------------------------
# the measured commands
# ---------------------------------------------------------------------------------------------
def bare_scan(csvs: list[Path]) -> list[str]:
    """A bare DuckDB `select count(*) from read_csv(...)` over each file (the practical limit)."""
    paths = json.dumps([str(p) for p in csvs])
    code = (
        "import duckdb, json, sys\n"
        "con = duckdb.connect(config={'threads': 2})\n"
        f"paths = json.loads({paths!r})\n"
        "rows = sum(con.execute('select count(*) from read_csv(?)', [p]).fetchone()[0] for p in paths)\n"
        "print(json.dumps({'rows': rows}))\n"
    )
    return [PY, "-c", code]


def run_nodes_seconds(target_path: Path) -> tuple[float, float]:
    """From run_results.json: the sum of every dbt node's execution time, and of the rule nodes
    alone (intermediate and mart models: no seeds, no staging models)."""
    results = json.loads((target_path / "run_results.json").read_text())["results"]
    failed = [r["unique_id"] for r in results if r["status"] not in ("success", "pass")]
    if failed:
        raise RuntimeError(f"dbt nodes failed: {failed}")
    rules = [r for r in results if r["unique_id"].startswith("model.") and ".stg_" not in r["unique_id"]]
    return sum(r["execution_time"] for r in results), sum(r["execution_time"] for r in rules)


class Pipeline:
    """Load a landing zone (`mhw load`: a fresh warehouse whose schema landing reads the landing
    files in place), then `dbt build` (models and seeds) of a selection into that warehouse.
    Spark (`loaded`): the DuckDB run's warehouse, whose landing relations are written once as
    Parquet for Spark's readers (not timed: the DuckDB load is counted instead)."""

    def __init__(
        self,
        work: Path,
        landing: Path,
        select: str,
        target: str = "duckdb",
        loaded: Path | None = None,
        incremental: bool = False,
        memory_limit: str | None = None,
    ):
        self.work, self.landing, self.select, self.target = work, landing, select, target
        self.loaded, self.incremental = loaded, incremental
        # MHW_MEMORY_LIMIT of the load and dbt (None: the default, 2GB)
        self.env = {"MHW_MEMORY_LIMIT": memory_limit} if memory_limit else {}
        self.stage_dir = work / "landing-parquet"
        self.warehouse = work / "mh.duckdb"
        self.target_path = work / f"target-{target}"

    def load(self) -> tuple[float, float]:
        if self.loaded:
            if not self.stage_dir.exists():
                subprocess.run(
                    [PY, "-m", "mhw", "landing-parquet", "--warehouse", str(self.loaded), "--out", str(self.stage_dir)],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
            return 0.0, 0.0
        command = [PY, "-m", "mhw", "load", str(self.landing), "--warehouse", str(self.warehouse)]
        seconds, rss, _ = run_timed(command + (["--incremental"] if self.incremental else []), env=self.env)
        return seconds, rss

    def dbt(self) -> tuple[float, float, float, float]:
        """(wall seconds, peak MB, sum of node seconds, sum of rule-node seconds)."""
        env = {"WAREHOUSE": str(self.warehouse), "DBT_PROFILES_DIR": str(REPO), **self.env}
        command = [DBT, "build"]
        if self.target == "spark":
            spark_dir = self.work / "spark"
            shutil.rmtree(spark_dir, ignore_errors=True)
            env["MHW_SPARK_DIR"] = str(spark_dir)
            env["MHW_STAGE_DIR"] = str(self.stage_dir)
            command = [SPARK_DBT, "build", "--target", "spark"]
        command += ["--resource-type", "model", "--resource-type", "seed", "-s", self.select]
        command += ["--target-path", str(self.target_path), "--no-partial-parse", "--quiet"]
        seconds, rss, _ = run_timed(command, env=env, cwd=REPO)
        nodes, rules = run_nodes_seconds(self.target_path)
        return seconds, rss, nodes, rules


def measure_pipeline(
    pipeline: Pipeline, name: str, variant: str, scale: float, repeats: int, before_each=None, **info
) -> dict:
    """Median over runs of: load, dbt wall, dbt nodes; counted = load + nodes; dbt start-up = wall - nodes.
    before_each: called (not timed) before every run."""
    runs = []
    for i in range(repeats):
        if before_each:
            before_each()
        load_s, load_rss = pipeline.load()
        dbt_s, dbt_rss, nodes_s, rules_s = pipeline.dbt()
        runs.append((load_s, dbt_s, nodes_s, max(load_rss, dbt_rss), rules_s))
        log(
            f"    {name} / {variant} @ {scale}x run {i + 1}: "
            f"load {load_s:.2f} s, dbt {dbt_s:.2f} s (nodes {nodes_s:.2f} s)"
        )
    load_s = statistics.median(r[0] for r in runs)
    nodes_s = statistics.median(r[2] for r in runs)
    dbt_s = statistics.median(r[1] for r in runs)
    return {
        "rules_seconds": statistics.median(r[4] for r in runs),
        "benchmark": name,
        "variant": variant,
        "scale": scale,
        "load_seconds": load_s,
        "nodes_seconds": nodes_s,
        "dbt_wall_seconds": dbt_s,
        # nodes run two at a time (threads: 2), so on Spark their sum can exceed the command's wall time
        "dbt_startup_seconds": max(0.0, dbt_s - nodes_s),
        "counted_seconds": load_s + nodes_s,
        "runs_counted": [r[0] + r[2] for r in runs],
        "peak_rss_mb": max(r[3] for r in runs),
        **info,
    }


def measure_command(cmd: list[str], name: str, variant: str, scale: float, repeats: int, **info) -> dict:
    """Median wall time of a command (and the JSON it prints, from the last run)."""
    seconds_by_run: list[float] = []
    peak = 0.0
    printed: list[dict] = []
    for i in range(repeats):
        seconds, rss, out = run_timed(cmd, cwd=REPO)
        seconds_by_run.append(seconds)
        peak = max(peak, rss)
        printed.append(json.loads(out.strip().splitlines()[-1]) if out.strip() else {})
        log(f"    {name} / {variant} @ {scale}x run {i + 1}: {seconds:.2f} s, {rss:,.0f} MB")
    # what the command printed: numbers as medians over the runs
    inner = {k: statistics.median(p[k] for p in printed) for k in printed[-1]}
    return {
        "benchmark": name,
        "variant": variant,
        "scale": scale,
        "counted_seconds": statistics.median(seconds_by_run),
        "runs_counted": seconds_by_run,
        "peak_rss_mb": peak,
        **inner,
        **info,
    }


# ---------------------------------------------------------------------------------------------
# results checked equal
# ---------------------------------------------------------------------------------------------
def duckdb_lda(warehouse: Path) -> pd.DataFrame:
    from ..warehouse import connect

    con = connect(warehouse)
    frame = con.execute(
        "select uniq_month_id, geography, org_code, mha_group, lda43_open_at_start, lda27_admissions, "
        "lda28_discharges, lda44_admitted_and_discharged, lda45_open_at_end from fct_lda_mha_monthly"
    ).df()
    con.close()
    return frame


def spark_lda(spark_dir: Path) -> pd.DataFrame:
    """fct_lda_mha_monthly as Spark wrote it (Parquet files of the table in the Spark warehouse)."""
    import duckdb

    files = sorted((spark_dir / "spark-warehouse").rglob("fct_lda_mha_monthly/*.parquet"))
    if not files:
        raise RuntimeError(f"no Spark output for fct_lda_mha_monthly under {spark_dir}")
    return duckdb.sql(
        "select uniq_month_id, geography, org_code, mha_group, lda43_open_at_start, lda27_admissions, "
        "lda28_discharges, lda44_admitted_and_discharged, lda45_open_at_end from read_parquet(?)",
        params=[[str(f) for f in files]],
    ).df()


def same_rows(a, b, keys=("uniq_month_id", "geography", "org_code", "mha_group")) -> str:
    """'equal (N rows)' or the first difference: same columns, same rows in any order, numbers
    equal within 1e-9, dates compared as dates, nulls only equal to nulls."""
    keys = list(keys)

    def tidy(frame):
        frame = frame.copy()
        for c in frame.columns:
            if c.startswith("lda") or c == "uniq_month_id":
                frame[c] = frame[c].astype("int64")
            elif c.startswith("period_"):
                frame[c] = pd.to_datetime(frame[c]).dt.date
            elif c == "value":
                frame[c] = frame[c].astype("float64")
            elif c == "is_suppressed":
                frame[c] = frame[c].astype(bool)
        return frame.sort_values(keys).reset_index(drop=True)

    a = tidy(a)
    if sorted(a.columns) != sorted(b.columns):
        return f"DIFFERENT: columns {sorted(a.columns)} vs {sorted(b.columns)}"
    b = tidy(b[list(a.columns)])
    try:
        pd.testing.assert_frame_equal(a, b, check_dtype=False, rtol=0, atol=1e-9)
    except AssertionError as exc:
        return "DIFFERENT: " + str(exc).splitlines()[0][:200]
    return f"equal ({len(a):,} rows)"


# ---------------------------------------------------------------------------------------------
# the benchmarks
# ---------------------------------------------------------------------------------------------
def bench_lda(cfg: BenchConfig, spark: bool) -> list[dict]:
    out = []
    checks = {}
    for scale in cfg.scales:
        landing = cfg.work_dir / f"england-{scale}"
        csvs = sorted((landing / "mhsds_records").glob("*.csv"))
        n_files, mb = folder_size(landing / "mhsds_records", "*.csv")
        sizes = {"input_files": n_files, "input_mb": mb}
        log(f"==> LDA MHA v1 at {scale}x England ({n_files} CSVs, {mb:,.0f} MB)")
        scan = measure_command(bare_scan(csvs), "LDA MHA v1", "bare count(*) scan", scale, cfg.repeats, **sizes)
        work = cfg.work_dir / f"run-lda-{scale}"
        work.mkdir(exist_ok=True)
        duck = measure_pipeline(
            Pipeline(work, landing, LDA_MODELS),
            "LDA MHA v1",
            "dbt on DuckDB",
            scale,
            cfg.repeats,
            input_rows=scan.get("rows"),
            **sizes,
        )
        out += [scan, duck]
        if scale != 1.0:
            continue
        reference = duckdb_lda(work / "mh.duckdb")
        result = work / "pandas_lda.parquet"
        pandas = measure_command(
            [PY, "-m", "mhw.bench.baselines", "lda", str(landing / "mhsds_records"), "--out", str(result)],
            "LDA MHA v1",
            "pandas baseline",
            scale,
            cfg.repeats,
            **sizes,
        )
        out.append(pandas)
        national_provider = reference[reference["geography"].isin(["National", "Provider"])]
        checks["pandas baseline vs dbt on DuckDB (National, Provider)"] = same_rows(
            pd.read_parquet(result), national_provider
        )
        if spark:
            spark_work = cfg.work_dir / "run-lda-spark"
            spark_work.mkdir(exist_ok=True)
            # Spark reads the DuckDB run's landing relations as Parquet: its load step counted once more
            pipe = Pipeline(spark_work, landing, LDA_MODELS, target="spark", loaded=work / "mh.duckdb")
            sp = measure_pipeline(pipe, "LDA MHA v1", "dbt on Spark", scale, cfg.repeats, **sizes)
            sp["load_seconds"] = duck["load_seconds"]
            sp["counted_seconds"] += duck["load_seconds"]
            out.append(sp)
            checks["dbt on Spark vs dbt on DuckDB (all geographies)"] = same_rows(
                spark_lda(spark_work / "spark"), reference
            )
    return out, checks


def split_by_month(england: Path, out: Path) -> list[int]:
    """The 12-month record-level CSVs as one file per table and month (`MHS001MPI_1459_0.csv` in
    out/1459/), as months arrive in a trusted research environment; written once."""
    import duckdb

    if not (out / ".complete").exists():
        shutil.rmtree(out, ignore_errors=True)
        con = duckdb.connect(config={"threads": 2, "memory_limit": "4GB", "preserve_insertion_order": "false"})
        for path in sorted((england / "mhsds_records").glob("*.csv")):
            parts = out / ".parts" / path.stem
            parts.parent.mkdir(parents=True, exist_ok=True)
            con.execute(
                f"copy (select * from read_csv('{path}', all_varchar=true, header=true)) to '{parts}' "
                "(format csv, header true, partition_by (UniqMonthID), write_partition_columns true)"
            )
            for i, part in enumerate(sorted(parts.glob("UniqMonthID=*/*.csv"))):
                month = part.parent.name.split("=", 1)[1]
                (out / month).mkdir(parents=True, exist_ok=True)
                part.rename(out / month / f"{path.stem}_{month}_{i}.csv")
        con.close()
        shutil.rmtree(out / ".parts")
        (out / ".complete").write_text("complete\n")
    return sorted(int(p.name) for p in out.iterdir() if p.is_dir() and p.name.isdigit())


def bench_incremental(cfg: BenchConfig) -> tuple[list[dict], dict]:
    """Node time of a month added to a built warehouse (11 months, then the 12th: `mhw load
    --incremental` + dbt build) against building one month into an empty warehouse."""
    scale = min(cfg.scales)
    england = cfg.work_dir / f"england-{scale}"
    by_month = cfg.work_dir / f"england-{scale}-by-month"
    log(f"==> LDA MHA v1, incremental months at {scale}x England")
    months = split_by_month(england, by_month)

    def landing(name: str, chosen: list[int]) -> Path:
        root = cfg.work_dir / name
        shutil.rmtree(root, ignore_errors=True)
        for topic in REFERENCE_TOPICS:
            shutil.copytree(england / topic, root / topic)
        (root / "mhsds_records").mkdir()
        for month in chosen:
            for path in (by_month / str(month)).iterdir():
                os.link(path, root / "mhsds_records" / path.name)  # the same file (and sha256), no copy
        return root

    one = measure_pipeline(
        Pipeline(cfg.work_dir / "run-inc-one", landing("inc-one-month", months[:1]), LDA_MODELS),
        INCREMENTAL,
        "one month, empty warehouse",
        scale,
        cfg.repeats,
    )
    work = cfg.work_dir / "run-inc-added"
    root = cfg.work_dir / "inc-added-month"

    def base_build() -> None:
        """The warehouse of the first 11 months (built fresh before every run, not timed)."""
        base = Pipeline(work, landing(root.name, months[:-1]), LDA_MODELS)
        base.load()
        base.dbt()
        for path in (by_month / str(months[-1])).iterdir():
            os.link(path, root / "mhsds_records" / path.name)

    for folder in (cfg.work_dir / "run-inc-one", work):
        folder.mkdir(exist_ok=True)
    added = measure_pipeline(
        Pipeline(work, root, LDA_MODELS, incremental=True),
        INCREMENTAL,
        "a month added to a built warehouse",
        scale,
        cfg.repeats,
        before_each=base_build,
        months_before=len(months) - 1,
    )
    checks = {}
    full = cfg.work_dir / f"run-lda-{scale}" / "mh.duckdb"
    if full.exists():
        checks[f"11 months + 1 added (incremental) vs a full build of 12 months at {scale}x"] = same_rows(
            duckdb_lda(work / "mh.duckdb"), duckdb_lda(full)
        )
    return [one, added], checks


def bench_monthly(cfg: BenchConfig) -> tuple[list[dict], dict]:
    landing = cfg.work_dir / "monthly"
    csvs = sorted((landing / "mhsds").glob("*.csv"))
    n_files, mb = folder_size(landing / "mhsds", "*.csv")
    sizes = {"input_files": n_files, "input_mb": mb}
    log(f"==> Monthly MHSDS CSVs: ingest and CCG21 harmonisation ({n_files} files, {mb:,.0f} MB)")
    scan = measure_command(bare_scan(csvs), "120 monthly MHSDS CSVs", "bare count(*) scan", 1.0, cfg.repeats, **sizes)
    work = cfg.work_dir / "run-monthly"
    work.mkdir(exist_ok=True)
    duck = measure_pipeline(
        Pipeline(work, landing, MONTHLY_MODELS),
        "120 monthly MHSDS CSVs",
        "pipeline (load + dbt on DuckDB)",
        1.0,
        cfg.repeats,
        input_rows=scan["rows"],
        **sizes,
    )
    # the peak with DuckDB's default limit (2GB) is that limit plus the dbt process itself: the same
    # pipeline with a lower limit shows what the peak and the time become
    low = measure_pipeline(
        Pipeline(work, landing, MONTHLY_MODELS, memory_limit=LOW_MEMORY_LIMIT),
        "120 monthly MHSDS CSVs",
        LOW_MEMORY_VARIANT,
        1.0,
        cfg.repeats,
        input_rows=scan["rows"],
        **sizes,
    )
    result = work / "pandas_data_map.parquet"
    pandas = measure_command(
        [
            PY,
            "-m",
            "mhw.bench.baselines",
            "data_map",
            str(landing / "mhsds"),
            str(work / "mh.duckdb"),
            "--out",
            str(result),
        ],
        "120 monthly MHSDS CSVs",
        "pandas data-map baseline",
        1.0,
        cfg.repeats,
        **sizes,
    )
    from ..warehouse import connect

    con = connect(work / "mh.duckdb")
    reference = con.execute(
        "select ccg21_ons_code, indicator_id, period_start, period_end, value, is_suppressed "
        "from int_mhsds__ccg_indicators where indicator_id not like '%_by_provider'"
    ).df()
    con.close()
    checks = {
        "pandas data-map baseline vs int_mhsds__ccg_indicators (residence)": same_rows(
            pd.read_parquet(result), reference, keys=("ccg21_ons_code", "indicator_id", "period_start")
        )
    }
    return [scan, duck, low, pandas], checks


def bench_demo_build(cfg: BenchConfig) -> list[dict]:
    log("==> mhw build of the demo (warm .venv)")
    work = cfg.work_dir / "run-demo-build"
    runs = []
    peak = 0.0
    for i in range(cfg.repeats):
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        seconds, rss, out = run_timed(
            [PY, "-m", "mhw", "build", "--warehouse", str(work / "mh.duckdb"), "--export-dir", str(work / "exports")],
            cwd=REPO,
        )
        line = next(x for x in out.splitlines() if x.startswith("Timings: "))
        steps = {k: float(v.split()[0]) for k, v in (p.strip().split(" ", 1) for p in line[9:].split(","))}
        runs.append({"wall": seconds, **steps})
        peak = max(peak, rss)
        log(f"    demo build run {i + 1}: {seconds:.1f} s ({line[9:]})")
    keys = runs[0].keys()
    med = {k: statistics.median(r[k] for r in runs) for k in keys}
    return [
        {
            "benchmark": "mhw build (demo)",
            "variant": "warm .venv",
            "scale": 0.0,
            "counted_seconds": med["wall"],
            "runs_counted": [r["wall"] for r in runs],
            "peak_rss_mb": peak,
            **{f"step_{k}": v for k, v in med.items() if k != "wall"},
        }
    ]


# ---------------------------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------------------------
def versions() -> dict:
    import duckdb
    import pandas

    found = {"python": platform.python_version(), "duckdb": duckdb.__version__, "pandas": pandas.__version__}
    try:
        from importlib.metadata import version

        found["dbt-core"] = version("dbt-core")
        found["dbt-duckdb"] = version("dbt-duckdb")
    except Exception:  # pragma: no cover - the bench runs from .venv
        pass
    spark_py = REPO / ".venv-spark" / "bin" / "python"
    if spark_py.exists():
        out = subprocess.run(
            [
                str(spark_py),
                "-c",
                "import pyspark, importlib.metadata as m; print(pyspark.__version__, m.version('dbt-spark'))",
            ],
            capture_output=True,
            text=True,
        ).stdout.split()
        if len(out) == 2:
            found["pyspark"], found["dbt-spark"] = out
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    found["java"] = java[0] if java else "not found"
    return found


def machine() -> dict:
    cpu = "unknown"
    with open("/proc/cpuinfo") as fh:
        cpu = next((x.split(":", 1)[1].strip() for x in fh if x.startswith("model name")), cpu)
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(mem, 1), "os": platform.platform()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mhw.bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--work-dir", default=str(REPO / "bench" / "data"), help="where the England-scale inputs are generated"
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs per measurement (the median is kept)")
    parser.add_argument("--scales", default="0.25,0.5,1.0", help="fractions of England for the scaling curve")
    parser.add_argument(
        "--only", default="lda,incremental,monthly,demo", help="comma list of: lda, incremental, monthly, demo"
    )
    parser.add_argument("--no-spark", action="store_true", help="skip the Spark measurements")
    parser.add_argument(
        "--results", default=str(REPO / "bench" / "results.md"), help="the results table to write"
    )
    args = parser.parse_args(argv)
    if args.repeats < 3:
        log("note: fewer than 3 runs: the figures are not medians of 3 and must not be committed")
    cfg = BenchConfig(Path(args.work_dir), args.repeats, tuple(float(s) for s in args.scales.split(",")))
    cfg.work_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    info = prepare(cfg)
    only = set(args.only.split(","))
    results, checks = [], {}
    if "lda" in only:
        spark = not args.no_spark and Path(SPARK_DBT).exists()
        if not spark:
            log("note: dbt on Spark skipped (.venv-spark missing: `make .venv-spark/.installed`, or --no-spark)")
        r, c = bench_lda(cfg, spark)
        results += r
        checks.update(c)
    if "incremental" in only:
        r, c = bench_incremental(cfg)
        results += r
        checks.update(c)
    if "monthly" in only:
        r, c = bench_monthly(cfg)
        results += r
        checks.update(c)
    if "demo" in only:
        results += bench_demo_build(cfg)
    from .report import write_report

    raw = Path(args.results).with_suffix(".json")
    if only != {"lda", "incremental", "monthly", "demo"} and raw.exists():
        # a partial run replaces its own benchmarks in the last full run's results
        previous = json.loads(raw.read_text())
        ran = {r["benchmark"] for r in results}
        results = [r for r in previous["results"] if r["benchmark"] not in ran] + results
        checks = {**{k: v for k, v in previous["checks"].items() if k not in checks}, **checks}
        log(f"note: {raw} updated for {', '.join(sorted(ran))}; the other figures are from its previous run")
    payload = {
        "machine": machine(),
        "versions": versions(),
        "repeats": cfg.repeats,
        "results": results,
        "checks": checks,
        "generate_seconds": info["generate_seconds"],
        "bench_seconds": time.monotonic() - started,
    }
    raw.write_text(json.dumps(payload, indent=1, default=str))
    write_report(payload, Path(args.results))
    log(f"==> wrote {args.results} and {Path(args.results).with_suffix('.png')}")
    return 1 if any(v.startswith("DIFFERENT") for v in checks.values()) else 0
