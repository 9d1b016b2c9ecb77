"""Opening a built warehouse: every reader (exports, statistics, checks, tests) goes through `connect`.

Relations live in the schemas `marts`, `audit`, `intermediate` and `staging` (dbt_project.yml). A
connection from here searches them in that order, so a query names a model without its schema
(`select * from fct_ccg_indicators`), as in the DuckDB shell after `set search_path = ...`.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from .paths import PROJECT_DIR  # noqa: F401  (re-exported: readers find target/ through it)

SCHEMAS = ("marts", "audit", "intermediate", "staging")


def connect(path: str | os.PathLike, *, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse file at `path` (read-only unless asked) whose search path holds
    the warehouse's schemas."""
    con = duckdb.connect(str(Path(path)), read_only=read_only)
    # a warehouse of a selection of models (the benchmarks) may lack a schema: search those it has
    present = {r[0] for r in con.execute("select schema_name from information_schema.schemata").fetchall()}
    if any(s in present for s in SCHEMAS):
        con.execute(f"set search_path = '{','.join(s for s in SCHEMAS if s in present)}'")
    return con


def relations(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Names of the tables and views in the warehouse's schemas (model names are unique across them)."""
    schemas = ", ".join(f"'{s}'" for s in SCHEMAS)
    rows = con.execute(f"select table_name from information_schema.tables where table_schema in ({schemas})").fetchall()
    return {r[0] for r in rows}
