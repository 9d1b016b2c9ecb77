"""`mhw analyses`: compile the example analyses (`analyses/*.sql`, dbt analyses) and run each on a
built warehouse, checking its output's shape: the columns its YAML lists, in that order, and at
least one row; and the example query in each model's description (```sql) must run. An analysis
whose models are absent (their landing topic was skipped) is reported and skipped. Exit code 0 only
when every analysis that could run has the expected shape and every example query runs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .warehouse import PROJECT_DIR, connect, relations


@dataclass(frozen=True)
class Analysis:
    name: str
    sql: str
    columns: list[str]  # documented in analyses/_analyses.yml, in order
    needs: list[str]  # the models and seeds it reads


def compile_analyses(warehouse: Path, target_path: Path) -> Path:
    """`dbt compile` of the analyses against `warehouse`; returns the manifest path."""
    dbt = Path(sys.executable).with_name("dbt")
    env = {**os.environ, "WAREHOUSE": str(Path(warehouse).resolve()), "DBT_PROFILES_DIR": str(PROJECT_DIR)}
    command = [str(dbt) if dbt.exists() else "dbt", "compile", "--quiet", "--select", "resource_type:analysis"]
    command += ["--target-path", str(target_path)]
    subprocess.run(command, cwd=PROJECT_DIR, env=env, check=True)
    return target_path / "manifest.json"


def load(manifest_path: Path) -> list[Analysis]:
    manifest = json.loads(Path(manifest_path).read_text())
    found = []
    for node in manifest["nodes"].values():
        if node["resource_type"] != "analysis":
            continue
        needs = [manifest["nodes"][n]["name"] for n in node["depends_on"]["nodes"] if n in manifest["nodes"]]
        found.append(Analysis(node["name"], node.get("compiled_code") or "", list(node["columns"]), needs))
    return sorted(found, key=lambda a: a.name)


def doc_examples(manifest_path: Path) -> list[Analysis]:
    """The example queries (```sql blocks) in the models' descriptions: each must run."""
    manifest = json.loads(Path(manifest_path).read_text())
    found = []
    for node in manifest["nodes"].values():
        if node["resource_type"] == "model":
            for sql in re.findall(r"```sql\n(.*?)```", node.get("description") or "", re.S):
                found.append(Analysis(f"example query of {node['name']}", sql, [], [node["alias"] or node["name"]]))
    return sorted(found, key=lambda a: a.name)


def check(con, analysis: Analysis) -> tuple[int, str | None]:
    """(rows, problem): problem is None when the output has the documented columns and a row."""
    cursor = con.execute(analysis.sql)
    columns = [d[0] for d in cursor.description]
    rows = len(cursor.fetchall())
    if not analysis.columns:
        return rows, "no columns documented in analyses/_analyses.yml"
    if columns != analysis.columns:
        return rows, f"columns {columns}, documented {analysis.columns}"
    if rows == 0:
        return rows, "no rows"
    return rows, None


def run(warehouse: Path, target_path: Path | None = None, log=print) -> int:
    target_path = target_path or PROJECT_DIR / "target" / "analyses"
    manifest = compile_analyses(warehouse, target_path)
    analyses = load(manifest)
    failures = 0
    with connect(warehouse) as con:
        present = relations(con)
        for analysis in analyses:
            missing = [n for n in analysis.needs if n not in present]
            if missing:
                log(f"  {analysis.name}: skipped ({', '.join(missing)} not built)")
                continue
            rows, problem = check(con, analysis)
            failures += problem is not None
            log(f"  {analysis.name}: {rows} rows, " + (f"WRONG SHAPE: {problem}" if problem else "shape as documented"))
        examples = doc_examples(manifest)
        broken = 0
        for example in examples:
            if not set(example.needs) <= present:
                continue
            try:
                con.execute(example.sql).fetchall()
            except duckdb.Error as exc:
                broken += 1
                log(f"  {example.name}: FAILS: {exc}")
    log(f"{len(analyses)} analyses, {failures} with the wrong shape; {len(examples)} example queries, {broken} failing")
    return 1 if failures or broken or not analyses else 0
