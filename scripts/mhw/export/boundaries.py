"""ccg21_boundaries.geojson: CCG21 boundaries (WGS84) with codes and names as properties."""

from __future__ import annotations

import json
from pathlib import Path


def write(con, out_dir: Path) -> list[Path]:
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    if "dim_ccg_boundaries" not in tables:
        return []
    rows = con.execute(
        "select ccg21_ons_code, ccg21_ods_code, ccg21_name, geometry_geojson from dim_ccg_boundaries "
        "order by ccg21_ons_code"
    ).fetchall()
    features = [
        {
            "type": "Feature",
            "properties": {"ccg21_ons_code": ons, "ccg21_ods_code": ods, "ccg21_name": name},
            "geometry": json.loads(geometry),
        }
        for ons, ods, name, geometry in rows
    ]
    path = out_dir / "ccg21_boundaries.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")))
    return [path]
