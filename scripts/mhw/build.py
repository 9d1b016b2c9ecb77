"""`mhw build`: demo (or SOURCE_DIR) -> load -> dbt build -> statistics -> move into place ->
docs -> exports.

The warehouse is built in a file of the same name in `.building/` beside $WAREHOUSE and moved over
it only when every step before succeeded. The load writes the landing relations into that same
file (views over the landing files by absolute path, small tables), so a delivered warehouse reads
nothing but itself and the landing zone, from any working directory; killing a build leaves the
previous warehouse and what it reads untouched (the next build removes the leftovers). A lock file
beside the warehouse stops a second build into it while one runs.

Incremental months: when the previous warehouse was built by the same code from the same landing
topics, the build starts from a copy of it, and the per-month models (record-level MHSDS by
UniqMonthID, the monthly MHSDS CSVs by reporting period) process only the months whose files are
new, changed or gone (`landing.months_to_process`, written by the load); `--full-refresh` starts
from an empty file.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from .paths import DEMO_LANDING, PROJECT_DIR, duckdb_config, spill_dir_for


class BuildError(Exception):
    pass


def dbt_command(args: list[str], env: dict[str, str], log=print) -> None:
    dbt = Path(sys.executable).with_name("dbt")
    command = [str(dbt) if dbt.exists() else "dbt", *args]
    log("  $ " + " ".join(command))
    # dbt runs in the repository (dbt_project.yml, profiles.yml, target/), whatever the working directory
    full_env = {**os.environ, "DBT_PROFILES_DIR": os.environ.get("DBT_PROFILES_DIR", str(PROJECT_DIR)), **env}
    result = subprocess.run(command, env=full_env, cwd=PROJECT_DIR)
    if result.returncode != 0:
        raise BuildError(f"dbt {args[0]} failed (exit code {result.returncode})")


def _remove(path: Path) -> None:
    for p in (path, Path(str(path) + ".wal"), spill_dir_for(path)):
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()


@contextmanager
def build_lock(warehouse: Path):
    """Exclusive lock on `.<name>.lock` beside the warehouse, released when the process ends
    (even when killed): a second build into the same warehouse fails at once with a clear message."""
    path = warehouse.parent / f".{warehouse.name}.lock"
    with open(path, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise BuildError(
                f"another build into {warehouse} is running ({holder}); wait for it to finish or build into "
                "another WAREHOUSE"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()


def state_key(landing: Path) -> str:
    """What an incremental build must share with the previous one: the code (dbt project, seeds,
    macros, the loader) and the landing topics present. Anything else differs -> a full build."""
    import hashlib

    from .landing import list_files

    digest = hashlib.sha256()
    code = [PROJECT_DIR / "dbt_project.yml", PROJECT_DIR / "profiles.yml"]
    for folder, pattern in (("models", "*"), ("macros", "*"), ("seeds", "*"), ("scripts/mhw", "*.py")):
        code += sorted(p for p in (PROJECT_DIR / folder).rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)
    for path in code:
        digest.update(path.relative_to(PROJECT_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(("topics " + ",".join(list_files(landing)[1])).encode())
    return digest.hexdigest()


def start_from_previous(warehouse: Path, building: Path, key: str, full_refresh: bool, log=print) -> bool:
    """Copy the previous warehouse to `building` when an incremental build can start from it (same
    state key); say why not otherwise. The previous file is only read."""
    import duckdb

    if full_refresh:
        log("==> Full build (--full-refresh): every month is processed")
        return False
    if not warehouse.exists():
        return False
    if Path(str(warehouse) + ".wal").exists():
        log(f"==> Full build: {warehouse} has an unsaved write-ahead log")
        return False
    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            previous = con.execute("select state_key from landing.build_state").fetchone()[0]
    except duckdb.Error:
        log(f"==> Full build: {warehouse} has no build state (built by an older version, or open elsewhere)")
        return False
    if previous != key:
        log("==> Full build: the code or the landing topics changed since the previous build")
        return False
    shutil.copyfile(warehouse, building)
    log(f"==> Incremental build: starting from {warehouse} (months already built and unchanged are kept; "
        "--full-refresh rebuilds every month)")
    return True


def record_state(building: Path, key: str) -> None:
    import duckdb

    with duckdb.connect(str(building), config=duckdb_config(building)) as con:
        con.execute(
            "create or replace table landing.build_state as select ? as state_key, current_timestamp as built_at",
            [key],
        )


def unit_tests_needing(manifest: dict, excluded_tags: set[str]) -> list[str]:
    """Unit tests whose model or one of whose given inputs is a model excluded by tag (an absent
    landing topic): dbt reads the columns of every input relation of a unit test, so those are
    excluded too (their `given` inputs are not in `depends_on`, hence read here)."""
    excluded = {node["name"] for node in manifest["nodes"].values() if excluded_tags & set(node.get("tags", []))}
    names = []
    for test in manifest.get("unit_tests", {}).values():
        inputs = {
            m.group(1) for g in test.get("given", []) for m in [re.match(r"ref\(['\"](\w+)['\"]", g["input"])] if m
        }
        if excluded & inputs and test["model"] not in excluded:  # (a test of an excluded model goes with it)
            names.append(f"unit_test:{test['name']}")
    return sorted(names)


def _demo_landing(generate, scale: float, log) -> Path:
    """The demo landing zone, written again only when its scale or the generator's code (or the
    registry it takes its columns from) changed: the generator is deterministic, and a warehouse
    reads these files where they lie (a rewrite, or a build killed while rewriting, must not change
    what an existing warehouse reads)."""
    import hashlib

    package = Path(__file__).parent
    code = hashlib.sha256()
    for path in sorted([*(package / "demo").glob("*.py"), *(package / "sources").glob("*.py")]):
        code.update(path.read_bytes())
    key = f"scale {scale}, generator {code.hexdigest()}"
    stamp = DEMO_LANDING / ".generated"
    if stamp.is_file() and stamp.read_text() == key:
        log(f"==> Demo landing zone {DEMO_LANDING} is up to date (scale {scale})")
        return DEMO_LANDING
    log(f"==> Generating the synthetic demo landing zone (scale {scale})")
    landing = generate(DEMO_LANDING, scale=scale, log=log)
    stamp.write_text(key)  # a hidden file: not part of the landing zone
    return landing


def build(
    source_dir: Path | None,
    warehouse: Path,
    export_dir: Path,
    *,
    scale: float = 1.0,
    docs: bool = True,
    full_refresh: bool = False,
    log=print,
) -> dict[str, float]:
    # absolute from here on: dbt runs in the repository, not in the working directory
    warehouse = Path(warehouse).resolve()
    export_dir = Path(export_dir).resolve()
    source_dir = None if source_dir is None else Path(source_dir).resolve()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(warehouse):
        return _build(source_dir, warehouse, export_dir, scale=scale, docs=docs, full_refresh=full_refresh, log=log)


def _build(
    source_dir: Path | None, warehouse: Path, export_dir: Path, *, scale: float, docs: bool, full_refresh: bool, log
) -> dict:
    from . import stats
    from .demo import generate
    from .export import export
    from .stage import stage

    timings: dict[str, float] = {}
    started = time.monotonic()
    if source_dir is None:
        landing = _demo_landing(generate, scale, log)
        timings["demo"] = time.monotonic() - started
    else:
        landing = Path(source_dir)
    # Same file name in a side folder: DuckDB names the database after the file, so views and
    # the docs catalog stay valid after the move.
    building = warehouse.parent / ".building" / warehouse.name
    building.parent.mkdir(exist_ok=True)
    _remove(building)
    env = {"WAREHOUSE": str(building)}
    try:
        t = time.monotonic()
        key = state_key(landing)
        start_from_previous(warehouse, building, key, full_refresh, log)
        log(f"==> Loading {landing}")
        result = stage(landing, building, log=log)
        record_state(building, key)
        timings["load"] = time.monotonic() - t
        args = ["build"]
        if result.absent_topics:
            # every model carries the tags of the topics it needs; marts that gather several domains
            # (macro union_existing) are untagged and build from whatever is there
            tags = {f"tag:{topic}" for topic in result.absent_topics}
            dbt_command(["parse", "--quiet"], env, log)
            manifest = json.loads((PROJECT_DIR / "target" / "manifest.json").read_text())
            args += ["--exclude", *sorted(tags), *unit_tests_needing(manifest, set(result.absent_topics))]
        t = time.monotonic()
        log(f"==> dbt build into {building}")
        dbt_command(args, env, log)
        timings["dbt"] = time.monotonic() - t
        t = time.monotonic()
        for step in stats.steps():
            if all(topic in result.present_topics for topic in step.topics):
                log(f"==> Statistics: {step.name}")
                step.run(building)
            else:
                log(f"==> Statistics: {step.name} skipped (needs {', '.join(step.topics)})")
        timings["python"] = time.monotonic() - t
        if docs:
            t = time.monotonic()
            log("==> dbt docs generate --static")
            dbt_command(["docs", "generate", "--static"], env, log)
            timings["docs"] = time.monotonic() - t
    except BaseException:
        _remove(building)
        log(f"Build failed: the previous warehouse {warehouse} is untouched.")
        raise
    Path(str(warehouse) + ".wal").unlink(missing_ok=True)  # the old file's log must not replay onto the new
    shutil.rmtree(spill_dir_for(building), ignore_errors=True)
    os.replace(building, warehouse)
    log(f"==> Warehouse ready: {warehouse}")
    t = time.monotonic()
    log(f"==> Exports to {export_dir}")
    export(warehouse, Path(export_dir), log=log)
    timings["export"] = time.monotonic() - t
    timings["total"] = time.monotonic() - started
    log("Timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    return timings
