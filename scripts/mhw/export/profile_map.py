"""CCG mental-health profile exports: the profile as JSON (like the data map's data.json), a
GeoJSON of the CCG21 boundaries with the profile indicators as properties, and `map.html`, one
self-contained page (inline SVG and script, no network) with a choropleth of any profile
indicator, a legend, hover tooltips, and suppressed / missing areas drawn distinctly.

The page reads its state from the URL hash, e.g. `map.html#indicator=population_all_ages&hover=E38000901`,
so it can be linked to (and tested in a headless browser) in a given state.
"""

from __future__ import annotations

import html
import json
import math
from pathlib import Path

PROFILE = "fct_ccg_mental_health_profile"


def _tables(con) -> set[str]:
    return {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}


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


def indicator_layers(con) -> list[dict]:
    """Profile indicators with the latest period's value and suppression flag per CCG21."""
    meta = con.execute(
        "select indicator_id, profile_column, indicator_name, unit, source, period_description "
        "from dim_indicators where profile_column is not null order by profile_column"
    ).fetchall()
    facts = con.execute(
        """
        with latest_period as (
            select indicator_id, max(period_end) as period_end from fct_ccg_indicators group by indicator_id
        )
        select f.indicator_id, f.ccg21_ons_code, f.value, f.is_suppressed, f.period_start, f.period_end
        from fct_ccg_indicators as f
        inner join latest_period as l on f.indicator_id = l.indicator_id and f.period_end = l.period_end
        order by f.indicator_id, f.ccg21_ons_code
        """
    ).fetchall()
    by_id: dict[str, dict] = {}
    for indicator_id, column, name, unit, source, period in meta:
        by_id[indicator_id] = {
            "id": column,
            "indicator_id": indicator_id,
            "name": name,
            "unit": unit,
            "source": source,
            "period_description": period,
            "period": None,
            "values": {},
        }
    for indicator_id, code, value, suppressed, start, end in facts:
        layer = by_id.get(indicator_id)
        if layer is None:
            continue
        layer["period"] = f"{start.isoformat()} to {end.isoformat()}"
        layer["values"][code] = {"v": _clean(value), "s": bool(suppressed)}
    return list(by_id.values())


def boundaries(con) -> list[tuple[str, str, str, dict]]:
    if "dim_ccg_boundaries" not in _tables(con):
        return []
    rows = con.execute(
        "select ccg21_ons_code, ccg21_ods_code, ccg21_name, geometry_geojson from dim_ccg_boundaries "
        "order by ccg21_ons_code"
    ).fetchall()
    return [(ons, ods, name, json.loads(geometry)) for ons, ods, name, geometry in rows if geometry]


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def svg_paths(areas, width: float = 640.0) -> tuple[list[tuple[str, str, str]], float, float]:
    """(code, name, SVG path) per area, projected equirectangularly with cos(mid-latitude)."""
    points = [p for *_, geometry in areas for ring in _rings(geometry) for p in ring]
    if not points:
        return [], width, width
    lon_min, lon_max = min(p[0] for p in points), max(p[0] for p in points)
    lat_min, lat_max = min(p[1] for p in points), max(p[1] for p in points)
    k = math.cos(math.radians((lat_min + lat_max) / 2))
    scale = width / max((lon_max - lon_min) * k, 1e-9)
    height = max((lat_max - lat_min) * scale, 1.0)
    out = []
    for ons, _ods, name, geometry in areas:
        parts = []
        for ring in _rings(geometry):
            xy = [f"{(x - lon_min) * k * scale:.1f} {(lat_max - y) * scale:.1f}" for x, y, *_ in ring]
            parts.append("M" + " L".join(xy) + " Z")
        out.append((ons, name, " ".join(parts)))
    return out, width, height


def write_geojson(path: Path, areas, records: list[dict], layers: list[dict]) -> None:
    by_code = {r["ccg21_ons_code"]: r for r in records}
    features = []
    for ons, ods, name, geometry in areas:
        properties = dict(by_code.get(ons, {"ccg21_ons_code": ons, "ccg21_ods_code": ods, "ccg21_name": name}))
        properties["suppressed_indicators"] = [
            layer["id"] for layer in layers if layer["values"].get(ons, {}).get("s")
        ]
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    document = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")


def write(con, out_dir: Path) -> list[Path]:
    tables = _tables(con)
    if not {PROFILE, "dim_indicators", "fct_ccg_indicators"} <= tables:
        return []
    out_dir = Path(out_dir)
    records = profile_records(con)
    written = []
    path = out_dir / f"{PROFILE}.json"
    path.write_text(json.dumps({r["ccg21_ons_code"]: r for r in records}, indent=1), encoding="utf-8")
    written.append(path)
    layers = indicator_layers(con)
    areas = boundaries(con)
    if areas:
        path = out_dir / "ccg21_profile.geojson"
        write_geojson(path, areas, records, layers)
        written.append(path)
        path = out_dir / "map.html"
        path.write_text(map_html(areas, layers), encoding="utf-8")
        written.append(path)
    return written


def map_html(areas, layers: list[dict]) -> str:
    paths, width, height = svg_paths(areas)
    svg = "\n".join(
        f'<path class="area" data-code="{html.escape(code)}" data-name="{html.escape(name)}" d="{d}"/>'
        for code, name, d in paths
    )
    data = json.dumps({"layers": layers}, separators=(",", ":")).replace("</", "<\\/")
    return (
        PAGE.replace("__WIDTH__", f"{width:.0f}")
        .replace("__HEIGHT__", f"{height:.0f}")
        .replace("__PATHS__", svg)
        .replace("__DATA__", data)
    )


PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CCG mental-health profile</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; color: #222; }
#layout { display: flex; gap: 16px; align-items: flex-start; }
svg { width: 640px; max-width: 70vw; height: auto; background: #f8f8f8; }
.area { stroke: #fff; stroke-width: 0.8; }
.area:hover, .area.hovered { stroke: #000; stroke-width: 2; }
.area.missing { fill: #e0e0e0; stroke: #999; stroke-dasharray: 3 2; }
.area.suppressed { fill: url(#hatch); }
#legend { min-width: 220px; }
#legend .row { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
#legend .swatch { width: 18px; height: 12px; border: 1px solid #999; display: inline-block; }
#legend .swatch.suppressed { background: repeating-linear-gradient(45deg, #fff, #fff 2px, #888 2px, #888 4px); }
#legend .swatch.missing { background: #e0e0e0; border-style: dashed; }
#tooltip { position: absolute; background: #fff; border: 1px solid #333; padding: 4px 8px;
  pointer-events: none; box-shadow: 1px 1px 4px rgba(0,0,0,.3); }
</style>
</head>
<body>
<h1>CCG mental-health profile</h1>
<p>Not an official statistic. Values for 2021 CCGs, built by mh-warehouse from public data.</p>
<label for="indicator">Indicator</label>
<select id="indicator"></select>
<div id="layout">
<svg id="map" viewBox="0 0 __WIDTH__ __HEIGHT__" role="img" aria-label="Choropleth map of CCGs">
<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
<rect width="6" height="6" fill="#fff"/><rect width="2" height="6" fill="#888"/></pattern></defs>
__PATHS__
</svg>
<div id="legend" aria-live="polite"></div>
</div>
<div id="tooltip" role="tooltip" hidden></div>
<script>
const DATA = __DATA__;
const COLOURS = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
const select = document.getElementById("indicator");
const legend = document.getElementById("legend");
const tooltip = document.getElementById("tooltip");
const areas = Array.from(document.querySelectorAll(".area"));
let current = null;
function fmt(v) {
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString("en-GB") : (Math.round(v * 10) / 10).toLocaleString("en-GB");
}
function breaks(values) {
  // quantile classes (robust to skewed counts); equal neighbours merge, so fewer classes can result
  const sorted = values.slice().sort((a, b) => a - b);
  const edges = [];
  for (let i = 0; i <= COLOURS.length; i++) {
    const edge = sorted[Math.round(i * (sorted.length - 1) / COLOURS.length)];
    if (!edges.length || edge > edges[edges.length - 1]) edges.push(edge);
  }
  if (edges.length === 1) return [[edges[0], edges[0]]];
  return edges.slice(1).map((hi, i) => [edges[i], hi]);
}
function colour(i, bins) {
  return COLOURS[Math.round(i * (COLOURS.length - 1) / Math.max(bins.length - 1, 1)) + (bins.length === 1 ? 2 : 0)];
}
function classOf(v, bins) {
  for (let i = 0; i < bins.length; i++) { if (v <= bins[i][1]) return i; }
  return bins.length - 1;
}
function cellText(layer, code) {
  const cell = layer.values[code];
  if (!cell) return "no data";
  if (cell.s) return "suppressed (small numbers)";
  if (cell.v === null) return "no data";
  return fmt(cell.v) + " " + layer.unit;
}
function render(id) {
  current = DATA.layers.find(l => l.id === id) || DATA.layers[0];
  if (!current) { legend.textContent = "No indicators"; return; }
  select.value = current.id;
  const values = Object.values(current.values).filter(c => !c.s && c.v !== null).map(c => c.v);
  const bins = values.length ? breaks(values) : [];
  for (const path of areas) {
    const cell = current.values[path.dataset.code];
    path.classList.remove("missing", "suppressed");
    path.removeAttribute("fill");
    if (cell && cell.s) path.classList.add("suppressed");
    else if (!cell || cell.v === null || !bins.length) path.classList.add("missing");
    else path.setAttribute("fill", colour(classOf(cell.v, bins), bins));
  }
  let rows = "<h2 id='legend-title'></h2><p id='legend-meta'></p>";
  rows += bins.map((b, i) => "<div class='row'><span class='swatch' style='background:" + colour(i, bins) +
    "'></span><span class='range'>" + fmt(b[0]) + (b[1] > b[0] ? " to " + fmt(b[1]) : "") + "</span></div>").join("");
  rows += "<div class='row'><span class='swatch suppressed'></span>Suppressed (small numbers)</div>";
  rows += "<div class='row'><span class='swatch missing'></span>No data</div>";
  legend.innerHTML = rows;
  document.getElementById("legend-title").textContent = current.name;
  document.getElementById("legend-meta").textContent =
    "Unit: " + current.unit + ". Period: " + (current.period || "none") + ". Source: " + current.source + ".";
}
function show(path, x, y) {
  areas.forEach(a => a.classList.remove("hovered"));
  path.classList.add("hovered");
  tooltip.hidden = false;
  tooltip.innerHTML = "<strong></strong><br><span class='code'></span><br><span class='value'></span>";
  tooltip.querySelector("strong").textContent = path.dataset.name;
  tooltip.querySelector(".code").textContent = path.dataset.code;
  const text = current ? current.name + ": " + cellText(current, path.dataset.code) : "";
  tooltip.querySelector(".value").textContent = text;
  tooltip.style.left = (x + 12) + "px";
  tooltip.style.top = (y + 12) + "px";
}
function hide() { tooltip.hidden = true; areas.forEach(a => a.classList.remove("hovered")); }
function state() {
  const params = new URLSearchParams(location.hash.slice(1));
  return { indicator: params.get("indicator"), hover: params.get("hover") };
}
function apply() {
  const s = state();
  render(s.indicator);
  const path = s.hover && areas.find(a => a.dataset.code === s.hover);
  if (path) {
    const box = path.getBoundingClientRect();
    show(path, box.left + window.scrollX + box.width / 2, box.top + window.scrollY + box.height / 2);
  } else hide();
}
for (const layer of DATA.layers) {
  const option = document.createElement("option");
  option.value = layer.id;
  option.textContent = layer.name;
  select.appendChild(option);
}
select.addEventListener("change", () => {
  const s = state();
  const hover = s.hover ? "&hover=" + encodeURIComponent(s.hover) : "";
  location.hash = "indicator=" + encodeURIComponent(select.value) + hover;
});
for (const path of areas) {
  path.addEventListener("mousemove", e => show(path, e.pageX, e.pageY));
  path.addEventListener("mouseleave", hide);
}
window.addEventListener("hashchange", apply);
apply();
</script>
</body>
</html>
"""
