"""`mhw build`: demo (or SOURCE_DIR) -> load -> dbt build -> statistics -> move into place ->
docs -> exports.

The warehouse is built in a temporary file beside $WAREHOUSE and moved over it only when every
step before succeeded; the staged Parquet folder likewise. Killing a build leaves the previous
warehouse untouched (the next build removes the leftovers).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .paths import DEMO_LANDING, stage_dir_for


class BuildError(Exception):
    pass


def dbt_command(args: list[str], env: dict[str, str], log=print) -> None:
    dbt = Path(sys.executable).with_name("dbt")
    command = [str(dbt) if dbt.exists() else "dbt", *args]
    log("  $ " + " ".join(command))
    full_env = {**os.environ, "DBT_PROFILES_DIR": os.environ.get("DBT_PROFILES_DIR", "."), **env}
    result = subprocess.run(command, env=full_env)
    if result.returncode != 0:
        raise BuildError(f"dbt {args[0]} failed (exit code {result.returncode})")


def _remove(path: Path) -> None:
    for p in (path, Path(str(path) + ".wal")):
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()


def build(
    source_dir: Path | None, warehouse: Path, export_dir: Path, *, scale: float = 1.0, docs: bool = True, log=print
) -> dict[str, float]:
    from . import stats
    from .demo import generate
    from .export import export
    from .stage import replace_dir, stage

    timings: dict[str, float] = {}
    started = time.monotonic()
    warehouse = Path(warehouse)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    if source_dir is None:
        log(f"==> Generating the synthetic demo landing zone (scale {scale})")
        landing = generate(DEMO_LANDING, scale=scale, log=log)
        timings["demo"] = time.monotonic() - started
    else:
        landing = Path(source_dir)
    stage_final = stage_dir_for(warehouse)
    stage_tmp = stage_final.with_name(stage_final.name + ".building")
    # Same file name in a side folder: DuckDB names the database after the file, so views and
    # the docs catalog stay valid after the move.
    building = warehouse.parent / ".building" / warehouse.name
    building.parent.mkdir(exist_ok=True)
    _remove(stage_tmp)
    _remove(building)
    t = time.monotonic()
    log(f"==> Loading {landing}")
    result = stage(landing, stage_tmp, log=log)
    timings["load"] = time.monotonic() - t
    env = {"WAREHOUSE": str(building), "MHW_STAGE_DIR": str(stage_tmp)}
    args = ["build"]
    if result.absent_topics:
        # every model carries the tags of the topics it needs; marts that gather several domains
        # (macro union_existing) are untagged and build from whatever is there
        args += ["--exclude", *[f"tag:{topic}" for topic in result.absent_topics]]
    t = time.monotonic()
    log(f"==> dbt build into {building}")
    try:
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
    os.replace(building, warehouse)
    replace_dir(stage_tmp, stage_final)
    log(f"==> Warehouse ready: {warehouse}")
    t = time.monotonic()
    log(f"==> Exports to {export_dir}")
    export(warehouse, Path(export_dir), log=log)
    timings["export"] = time.monotonic() - t
    timings["total"] = time.monotonic() - started
    log("Timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    return timings
