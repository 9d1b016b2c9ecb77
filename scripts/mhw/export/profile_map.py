"""CCG mental-health profile exports: the profile as JSON (like the data map's data.json), a GeoJSON
of the CCG21 boundaries with the profile indicators as properties, and `map.html`.

`map.html` is one self-contained page (inline SVG and script, no network): two synchronised maps,
each with its own indicator and period, a scatter plot of the two across areas (Spearman's rho and
n), a time series of the hovered or selected area against England, zoom, pan and a search box, and
a switch between the 2021 CCGs, the July 2022 Sub-ICB locations and the ICBs. It reads only the
published mart `profile_area_indicators_published` (values, rates per 100,000, region and England
rows, all computed in SQL), `dim_indicators` and the boundary marts; the page itself only draws.

Its state is in the URL hash, e.g.
`map.html#geo=icb&a=oaps_dashboard_inappropriate_bed_days_quarter&b=population_all_ages&area=E54000008`
(`pa` / `pb`: period of each map as `<start>_<end>`; `ra=1` / `rb=1`: map the rate per 100,000).
The old form `#indicator=<id or profile column>&hover=<code>` still works.
"""

from __future__ import annotations

import html
import json
import math
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

from ..warehouse import relations

PROFILE = "fct_ccg_mental_health_profile"
PUBLISHED = "profile_area_indicators_published"
LEVELS = {
    "ccg21": "CCGs (April 2021)",
    "sub_icb": "Sub-ICB locations (July 2022)",
    "icb": "ICBs (July 2022)",
}
ATTRIBUTION = (
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
    "Contains OS data \u00a9 Crown copyright and database right. Indicator data: NHS England, "
    "NHS Digital, ONS and CQC under the Open Government Licence v3.0 unless stated."
)


def _clean(value):
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def profile_records(con) -> list[dict]:
    cursor = con.execute(f"select * from {PROFILE} order by ccg21_ons_code")
    names = [d[0] for d in cursor.description]
    return [{n: _clean(v) for n, v in zip(names, row)} for row in cursor.fetchall()]


# ---------------------------------------------------------------------------------------------
# reading the warehouse


def source_names(source_ids) -> dict[str, dict]:
    """Human name, publisher and licence of each source id (from the source registry)."""
    from ..sources import REGISTRY

    out = {}
    for source_id in source_ids:
        source = REGISTRY.get(source_id)
        if source is None:
            out[source_id] = {"name": source_id, "publisher": "", "licence": ""}
        else:
            name = source.title.split(":")[0].strip()
            out[source_id] = {"name": name, "publisher": source.publisher, "licence": source.licence}
    return out


def indicator_meta(con) -> list[dict]:
    rows = con.execute(
        "select indicator_id, indicator_name, unit, source, polarity, profile_column "
        "from dim_indicators order by indicator_id"
    ).fetchall()
    return [
        {"id": i, "name": n, "unit": u or "", "source": s or "", "polarity": p or "neutral", "column": c}
        for i, n, u, s, p, c in rows
    ]


def published_rows(con) -> list[tuple]:
    """(level, area, indicator, start, end, value, suppressed, rate) of the published mart."""
    return con.execute(
        f"select geography_level, area_code, indicator_id, period_start, period_end, value, is_suppressed, "
        f"rate_per_100k from {PUBLISHED} "
        "order by indicator_id, geography_level, period_start, period_end, area_code"
    ).fetchall()


def area_regions(con) -> dict[str, dict[str, tuple[str, str | None]]]:
    """Per level and area: (name, NHS England region code), from the published mart."""
    out: dict[str, dict] = defaultdict(dict)
    rows = con.execute(
        f"select distinct geography_level, area_code, area_name, region_code from {PUBLISHED}"
    ).fetchall()
    for level, code, name, region in rows:
        out[level][code] = (name, region)
    return out


def boundaries(con) -> dict[str, list[tuple[str, str, str, dict, str | None]]]:
    """Per map level: (ONS code, ODS code, name, geometry, group) with group = the ICB of a Sub-ICB."""
    tables = relations(con)
    out: dict[str, list] = {}
    if "dim_ccg_boundaries" in tables:
        rows = con.execute(
            "select ccg21_ons_code, ccg21_ods_code, ccg21_name, geometry_geojson from dim_ccg_boundaries "
            "order by ccg21_ons_code"
        ).fetchall()
        out["ccg21"] = [(a, b, c, json.loads(g), None) for a, b, c, g in rows if g]
    if {"dim_sub_icb_boundaries", "dim_icbs"} <= tables:
        rows = con.execute(
            "select sub_icb_ons_code, sub_icb_ods_code, sub_icb_name, geometry_geojson, icb_ons_code "
            "from dim_sub_icb_boundaries order by sub_icb_ons_code"
        ).fetchall()
        out["sub_icb"] = [(a, b, c, json.loads(g), i) for a, b, c, g, i in rows if g]
        icbs = con.execute("select icb_ons_code, icb_ods_code, icb_name from dim_icbs order by 1").fetchall()
        out["icb"] = icb_areas(out["sub_icb"], icbs)
    return out


def icb_areas(sub_icb, icbs) -> list[tuple[str, str, str, dict, None]]:
    """ICB geometries as the MultiPolygon of their Sub-ICB locations' polygons (not dissolved)."""
    polygons: dict[str, list] = defaultdict(list)
    for *_, geometry, icb in sub_icb:
        if geometry["type"] == "Polygon":
            polygons[icb].append(geometry["coordinates"])
        elif geometry["type"] == "MultiPolygon":
            polygons[icb].extend(geometry["coordinates"])
    return [
        (ons, ods, name, {"type": "MultiPolygon", "coordinates": polygons[ons]}, None)
        for ons, ods, name in icbs
        if polygons.get(ons)
    ]


# ---------------------------------------------------------------------------------------------
# geometry to SVG


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


class Projection:
    """Equirectangular with cos(mid-latitude), fitted to `width` (one for all levels: zoom carries over)."""

    def __init__(self, geometries, width: float = 1000.0):
        points = [p for geometry in geometries for ring in _rings(geometry) for p in ring]
        if not points:
            points = [[0.0, 0.0], [1.0, 1.0]]
        self.lon_min = min(p[0] for p in points)
        lon_max = max(p[0] for p in points)
        lat_min = min(p[1] for p in points)
        self.lat_max = max(p[1] for p in points)
        self.k = math.cos(math.radians((lat_min + self.lat_max) / 2))
        self.scale = width / max((lon_max - self.lon_min) * self.k, 1e-9)
        self.width = width
        self.height = max((self.lat_max - lat_min) * self.scale, 1.0)

    def ring(self, ring) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for x, y, *_ in ring:
            point = (round((x - self.lon_min) * self.k * self.scale, 1), round((self.lat_max - y) * self.scale, 1))
            if not out or point != out[-1]:
                out.append(point)
        return out


def _path(rings: list[list[tuple[float, float]]]) -> str:
    return " ".join("M" + " L".join(f"{x:g} {y:g}" for x, y in ring) + "Z" for ring in rings if len(ring) > 2)


def outline(rings: list[list[tuple[float, float]]]) -> str:
    """Outer edges of touching polygons: the edges that no neighbouring ring shares, as an SVG path."""
    count: dict[tuple, int] = defaultdict(int)
    closed = [ring + [ring[0]] if ring[0] != ring[-1] else ring for ring in rings]
    for ring in closed:
        for a, b in pairwise(ring):
            count[(a, b) if a <= b else (b, a)] += 1
    parts = []
    for ring in closed:
        drawing = False
        for a, b in pairwise(ring):
            if count[(a, b) if a <= b else (b, a)] == 1:
                parts.append(f" L{b[0]:g} {b[1]:g}" if drawing else f"M{a[0]:g} {a[1]:g} L{b[0]:g} {b[1]:g}")
                drawing = True
            else:
                drawing = False
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# the page's data


def document(
    areas_by_level: dict, indicators: list[dict], rows, sources: dict[str, dict], regions_of: dict | None = None
) -> dict:
    """Everything the page draws, as one JSON-able dict (no value is computed here: rows are the
    published mart's, grouped by indicator, level and period)."""
    levels = {level: areas for level, areas in areas_by_level.items() if areas and level in LEVELS}
    projection = Projection([a[3] for areas in levels.values() for a in areas])
    page_levels = {}
    for level, areas in levels.items():
        entries, all_rings = [], []
        for ons, ods, name, geometry, _group in areas:
            rings = [projection.ring(r) for r in _rings(geometry)]
            all_rings += rings
            region = (regions_of or {}).get(level, {}).get(ons, (None, None))[1]
            entries.append({"c": ons, "o": ods or "", "n": name or ons, "r": region, "d": _path(rings)})
        page_levels[level] = {"label": LEVELS[level], "areas": entries}
        if level == "icb":
            # ICB polygons are their Sub-ICB locations': draw the ICB borders only
            page_levels[level]["outline"] = outline(all_rings)
    # data[indicator][level] = {periods: [[start, end], ...] in time order, cells: [{code: [v, s, rate]}, ...]}
    cells: dict[str, dict[str, dict[tuple, dict]]] = defaultdict(lambda: defaultdict(dict))
    for level, area, indicator_id, start, end, value, suppressed, rate in rows:
        period = (_clean(start), _clean(end))
        cells[indicator_id][level].setdefault(period, {})[area] = [_clean(value), bool(suppressed), _clean(rate)]
    series = {
        indicator_id: {
            level: {"periods": [list(p) for p in sorted(by_period)], "cells": [by_period[p] for p in sorted(by_period)]}
            for level, by_period in by_level.items()
        }
        for indicator_id, by_level in cells.items()
    }
    page_indicators = []
    for meta in indicators:
        data = series.get(meta["id"], {})
        page_indicators.append({**meta, "source": sources.get(meta["source"], {"name": meta["source"]}), "data": data})
    return {
        "width": round(projection.width),
        "height": round(projection.height),
        "levels": page_levels,
        "indicators": page_indicators,
        "regions": {code: name for code, (name, _) in (regions_of or {}).get("region", {}).items()},
        "attribution": ATTRIBUTION,
    }


def write_geojson(path: Path, areas, records: list[dict], suppressed: dict[str, list[str]]) -> None:
    by_code = {r["ccg21_ons_code"]: r for r in records}
    features = []
    for ons, ods, name, geometry, _group in areas:
        properties = dict(by_code.get(ons, {"ccg21_ons_code": ons, "ccg21_ods_code": ods, "ccg21_name": name}))
        properties["suppressed_indicators"] = suppressed.get(ons, [])
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    document_ = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(document_, separators=(",", ":")), encoding="utf-8")


def suppressed_profile_indicators(con) -> dict[str, list[str]]:
    """Per CCG21: the profile columns whose latest value is suppressed (fct_ccg_mental_health_profile holds null)."""
    rows = con.execute(
        f"""
        with latest as (
            select indicator_id, max(period_end) as period_end from {PUBLISHED}
            where geography_level = 'ccg21' group by indicator_id
        )
        select published.area_code, indicators.profile_column
        from {PUBLISHED} as published
        inner join latest on published.indicator_id = latest.indicator_id and published.period_end = latest.period_end
        inner join dim_indicators as indicators on published.indicator_id = indicators.indicator_id
        where published.geography_level = 'ccg21' and published.is_suppressed and indicators.profile_column is not null
        order by 1, 2
        """
    ).fetchall()
    out: dict[str, list[str]] = defaultdict(list)
    for code, column in rows:
        out[code].append(column)
    return out


def write(con, out_dir: Path) -> list[Path]:
    tables = relations(con)
    if not {PROFILE, "dim_indicators", PUBLISHED} <= tables:
        return []
    out_dir = Path(out_dir)
    records = profile_records(con)
    written = []
    path = out_dir / f"{PROFILE}.json"
    path.write_text(json.dumps({r["ccg21_ons_code"]: r for r in records}, indent=1), encoding="utf-8")
    written.append(path)
    areas = boundaries(con)
    if areas.get("ccg21"):
        path = out_dir / "ccg21_profile.geojson"
        write_geojson(path, areas["ccg21"], records, suppressed_profile_indicators(con))
        written.append(path)
    if areas:
        indicators = indicator_meta(con)
        sources = source_names({i["source"] for i in indicators})
        data = document(areas, indicators, published_rows(con), sources, area_regions(con))
        path = out_dir / "map.html"
        path.write_text(map_html(data), encoding="utf-8")
        written.append(path)
    return written


def map_html(data: dict) -> str:
    payload = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
    return PAGE.replace("__DATA__", payload).replace("__ATTRIBUTION__", html.escape(data["attribution"]))


PAGE = (Path(__file__).with_name("profile_map.html")).read_text(encoding="utf-8")
