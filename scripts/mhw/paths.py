"""Default locations (relative to the repository root, where make and dbt run)."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_WAREHOUSE = Path("warehouse/mh.duckdb")
DEFAULT_EXPORT_DIR = Path("exports")
DEMO_LANDING = Path("warehouse/demo-landing")


def warehouse_path(value: str | os.PathLike | None = None) -> Path:
    return Path(value or os.environ.get("WAREHOUSE") or DEFAULT_WAREHOUSE)


def export_dir(value: str | os.PathLike | None = None) -> Path:
    return Path(value or os.environ.get("EXPORT_DIR") or DEFAULT_EXPORT_DIR)


def stage_dir_for(warehouse: Path) -> Path:
    """Staged Parquet of the last load: beside the warehouse (mh.duckdb -> mh.staged/).
    dbt's sources compute the same default (see models/staging/*/_*__sources.yml)."""
    return warehouse.with_name(warehouse.name.replace(".duckdb", "") + ".staged")
