"""Exports to $EXPORT_DIR: every dbt model tagged `export` as CSV and Parquet.

Record-level models are never tagged `export` (a pytest checks this against the dbt manifest).
Domain exports (GeoJSON, map, plots) are modules here with a function
`write(con, out_dir) -> list[Path]` (found automatically; `con` is a read-only connection to the
warehouse; a module must skip quietly when its tables are absent).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import duckdb

from ..warehouse import connect, relations


def extras() -> list[Callable[[duckdb.DuckDBPyConnection, Path], list[Path]]]:
    import importlib
    import pkgutil

    return [
        importlib.import_module(f"{__name__}.{info.name}").write
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)
    ]


def exported_models(manifest_path: Path = Path("target/manifest.json")) -> list[str]:
    manifest = json.loads(manifest_path.read_text())
    return sorted(
        node["alias"] or node["name"]
        for node in manifest["nodes"].values()
        if node["resource_type"] in ("model", "seed") and "export" in node["tags"]
    )


def export(warehouse: Path, out: Path, log=print) -> list[Path]:
    from ..stage import replace_dir

    tmp = out.with_name(out.name + ".tmp")
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    written: list[Path] = []
    con = connect(warehouse)
    try:
        tables = relations(con)
        for name in exported_models():
            if name not in tables:
                continue  # its domain was skipped
            for fmt, ext in (("csv, header true", "csv"), ("parquet", "parquet")):
                path = tmp / f"{name}.{ext}"
                con.execute(f"copy (select * from {name}) to '{path}' ({'format ' + fmt})")
                written.append(out / path.name)
        for extra in extras():
            written += [out / p.relative_to(tmp) for p in extra(con, tmp)]
    finally:
        con.close()
    replace_dir(tmp, out)
    log(f"  exported {len(written)} files to {out}")
    return written
