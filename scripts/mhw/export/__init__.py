"""Exports to $EXPORT_DIR: every dbt model tagged `export` as CSV and Parquet (rounded, sorted:
`export_query`), all of them again as sheets of one workbook, and a README.md describing every file
(`_catalog`).

Record-level models are never tagged `export` (a pytest checks this against the dbt manifest).
Domain exports (GeoJSON, map, plots) are modules here with a function
`write(con, out_dir) -> list[Path]` (found automatically; `con` is a read-only connection to the
warehouse; a module must skip quietly when its tables are absent).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb

from ..warehouse import PROJECT_DIR, connect, relations


def extras() -> list[Callable[[duckdb.DuckDBPyConnection, Path], list[Path]]]:
    """The `write` function of every module of this package (modules named `_...` are helpers)."""
    import importlib
    import pkgutil

    return [
        importlib.import_module(f"{__name__}.{info.name}").write
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)
        if not info.name.startswith("_")
    ]


def built_from_demo(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the warehouse was loaded from the synthetic demo (its README's checksum is in
    load_manifest_published): plots then say that their data are synthetic."""
    from ..demo import README_SHA256

    schemas = [r[0] for r in con.execute(
        "select table_schema from information_schema.tables where table_name = 'load_manifest_published'"
    ).fetchall()]
    query = 'select count(*) from "{}".load_manifest_published where sha256 = ?'
    return any(con.execute(query.format(schema), [README_SHA256]).fetchone()[0] for schema in schemas)


SIGNIFICANT_DIGITS = 6


def _manifest(manifest_path: Path | None = None) -> dict:
    manifest_path = manifest_path or PROJECT_DIR / "target" / "manifest.json"
    if not manifest_path.exists():
        raise FileNotFoundError(f"{manifest_path} is missing: run `make build` (or `dbt parse`) in {PROJECT_DIR} first")
    return json.loads(manifest_path.read_text())


def _exported_nodes(manifest: dict) -> dict[str, dict]:
    return {
        node["alias"] or node["name"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] in ("model", "seed") and "export" in node["tags"]
    }


def exported_models(manifest_path: Path | None = None) -> list[str]:
    """Models and seeds tagged `export`, from the dbt manifest of this project (any working directory)."""
    return sorted(_exported_nodes(_manifest(manifest_path)))


def export_query(con: duckdb.DuckDBPyConnection, name: str, node: dict | None = None) -> str:
    """The rows of one exported relation as published: floating-point columns rounded (to the column's
    `meta: decimals`, else to SIGNIFICANT_DIGITS significant digits: no `6.359999999999999`), rows
    sorted by every column in order, text that holds numbers (`imd_decile`: 1, 2, ..., 10, All) as
    numbers."""
    columns = con.execute(f'select * from "{name}" limit 0').description
    specs = (node or {}).get("columns", {})
    select, order = [], []
    for column, kind, *_ in columns:
        quoted = f'"{column}"'
        kind = str(kind).upper()
        decimals = ((specs.get(column) or {}).get("meta") or {}).get("decimals")
        if kind in ("DOUBLE", "FLOAT", "REAL"):
            if decimals is not None:
                select.append(f"round({quoted}, {int(decimals)}) as {quoted}")
            else:
                digits = SIGNIFICANT_DIGITS - 1
                select.append(
                    f"case when {quoted} is null or isnan({quoted}) or isinf({quoted}) or {quoted} = 0 then {quoted} "
                    f"else round({quoted}, ({digits} - floor(log10(abs({quoted}))))::integer) end as {quoted}"
                )
        else:
            select.append(quoted)
        if kind == "VARCHAR":
            order += [f"try_cast({quoted} as double) nulls last", quoted]
        elif not kind.startswith(("STRUCT", "MAP", "LIST")) and not kind.endswith("[]"):
            order.append(quoted)
    return f'select {", ".join(select)} from "{name}"' + (f" order by {', '.join(order)}" if order else "")


def export(warehouse: Path, out: Path, log=print) -> list[Path]:
    from ..stage import replace_dir
    from . import _catalog

    tmp = out.with_name(out.name + ".tmp")
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    written: list[Path] = []
    nodes = _exported_nodes(_manifest())
    con = connect(warehouse)
    try:
        tables = relations(con)
        described: list[_catalog.Table] = []
        queries: dict[str, str] = {}
        for name in sorted(nodes):
            if name not in tables:
                continue  # its domain was skipped
            queries[name] = export_query(con, name, nodes[name])
            for fmt, ext in (("csv, header true", "csv"), ("parquet", "parquet")):
                path = tmp / f"{name}.{ext}"
                con.execute(f"copy ({queries[name]}) to '{path}' ({'format ' + fmt})")
                written.append(out / path.name)
            described.append(_catalog.describe(con, name, nodes[name]))
        other_files: dict[str, str] = {}
        for extra in extras():
            paths = extra(con, tmp)
            what = (sys.modules[extra.__module__].__doc__ or "").strip().split("\n\n")[0]
            other_files.update({p.name: what for p in paths})
            written += [out / p.relative_to(tmp) for p in paths]
        periods = {}
        if "dim_indicators" in tables:
            periods = _catalog.profile_periods(con)
        (tmp / "README.md").write_text(_catalog.readme(described, other_files, periods), encoding="utf-8")
        written.append(out / "README.md")
        if described:
            _catalog.workbook(con, tmp / _catalog.WORKBOOK, described, queries)
            written.append(out / _catalog.WORKBOOK)
    finally:
        con.close()
    replace_dir(tmp, out)
    log(f"  exported {len(written)} files to {out}")
    return written
