"""Default locations (in the repository, whatever the working directory) and the DuckDB settings
every connection that writes a warehouse uses. Paths given on the command line are taken relative to
the working directory, as usual."""

from __future__ import annotations

import os
from pathlib import Path

# the repository: dbt project, profiles.yml and target/ (the package is installed editable from scripts/)
PROJECT_DIR = Path(__file__).resolve().parents[2]
DEFAULT_WAREHOUSE = PROJECT_DIR / "warehouse" / "mh.duckdb"
DEFAULT_EXPORT_DIR = PROJECT_DIR / "exports"
DEMO_LANDING = PROJECT_DIR / "warehouse" / "demo-landing"
DEFAULT_MEMORY_LIMIT = "2GB"


def warehouse_path(value: str | os.PathLike | None = None) -> Path:
    return Path(value or os.environ.get("WAREHOUSE") or DEFAULT_WAREHOUSE).resolve()


def export_dir(value: str | os.PathLike | None = None) -> Path:
    return Path(value or os.environ.get("EXPORT_DIR") or DEFAULT_EXPORT_DIR).resolve()


def spill_dir_for(database: Path) -> Path:
    """Where DuckDB spills what does not fit in memory: beside the database file (mh.duckdb.tmp/,
    DuckDB's own default, which profiles.yml relies on; the loader states it)."""
    return Path(str(database) + ".tmp")


def duckdb_config(database: Path) -> dict[str, str]:
    """Bounded memory: $MHW_MEMORY_LIMIT (default 2GB), spilling beside the database; no ordering
    kept between rows where none is asked for (profiles.yml sets the same for dbt)."""
    return {
        "memory_limit": os.environ.get("MHW_MEMORY_LIMIT") or DEFAULT_MEMORY_LIMIT,
        "temp_directory": str(spill_dir_for(database)),
        "preserve_insertion_order": "false",
    }
