"""Boundaries as GeoJSON (WGS84) with codes and names as properties: `ccg21_boundaries.geojson`,
`sub_icb_boundaries.geojson` (July 2022 Sub-ICB locations) and `icb_boundaries.geojson` (each ICB
the MultiPolygon of its Sub-ICB locations' polygons, not dissolved)."""

from __future__ import annotations

import json
from pathlib import Path

from ..warehouse import relations


def _write(path: Path, features: list[dict]) -> Path:
    document = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")
    return path


def write(con, out_dir: Path) -> list[Path]:
    from .profile_map import icb_areas

    tables = relations(con)
    written = []
    if "dim_ccg_boundaries" in tables:
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
        written.append(_write(out_dir / "ccg21_boundaries.geojson", features))
    if {"dim_sub_icb_boundaries", "dim_icbs"} <= tables:
        rows = con.execute(
            "select sub_icb_ons_code, sub_icb_ods_code, sub_icb_name, geometry_geojson, icb_ons_code "
            "from dim_sub_icb_boundaries order by sub_icb_ons_code"
        ).fetchall()
        sub_icb = [(ons, ods, name, json.loads(geometry), icb) for ons, ods, name, geometry, icb in rows]
        features = [
            {
                "type": "Feature",
                "properties": {
                    "sub_icb_ons_code": ons,
                    "sub_icb_ods_code": ods,
                    "sub_icb_name": name,
                    "icb_ons_code": icb,
                },
                "geometry": geometry,
            }
            for ons, ods, name, geometry, icb in sub_icb
        ]
        written.append(_write(out_dir / "sub_icb_boundaries.geojson", features))
        icbs = con.execute("select icb_ons_code, icb_ods_code, icb_name from dim_icbs order by icb_ons_code").fetchall()
        features = [
            {
                "type": "Feature",
                "properties": {"icb_ons_code": ons, "icb_ods_code": ods, "icb_name": name},
                "geometry": geometry,
            }
            for ons, ods, name, geometry, _ in icb_areas(sub_icb, icbs)
        ]
        written.append(_write(out_dir / "icb_boundaries.geojson", features))
    return written
