"""Coordinate reference systems of GeoJSON input: detect, and reproject British National Grid
(EPSG:27700) to WGS84 longitude/latitude (EPSG:4326)."""

from __future__ import annotations

import re
from functools import lru_cache

WGS84 = "EPSG:4326"
BNG = "EPSG:27700"


def _first_position(coords):
    while isinstance(coords, list) and coords and isinstance(coords[0], list):
        coords = coords[0]
    return coords


def crs_of(document: dict) -> str:
    """EPSG code of a GeoJSON document: its `crs` member, else guessed from the coordinates."""
    name = ((document.get("crs") or {}).get("properties") or {}).get("name", "")
    m = re.search(r"EPSG:{1,2}(\d+)", name)
    if m:
        return f"EPSG:{m.group(1)}"
    if "CRS84" in name:
        return WGS84
    for feature in document.get("features", []):
        geometry = feature.get("geometry") or {}
        first = _first_position(geometry.get("coordinates"))
        if first:
            return BNG if abs(first[0]) > 180 or abs(first[1]) > 90 else WGS84
    return WGS84


@lru_cache(maxsize=4)
def _transformer(source: str, target: str):
    from pyproj import Transformer

    return Transformer.from_crs(source, target, always_xy=True)


def _map_coords(coords, fn):
    if coords and isinstance(coords[0], (int, float)):
        return fn(coords)
    return [_map_coords(c, fn) for c in coords]


def transform(geometry: dict, source: str, target: str) -> dict:
    if source == target or not geometry:
        return geometry
    transformer = _transformer(source, target)

    def point(xy):
        x, y = transformer.transform(xy[0], xy[1])
        return [round(x, 6), round(y, 6)] if target == WGS84 else [round(x, 2), round(y, 2)]

    if geometry["type"] == "GeometryCollection":
        return {**geometry, "geometries": [transform(g, source, target) for g in geometry["geometries"]]}
    return {**geometry, "coordinates": _map_coords(geometry["coordinates"], point)}


def to_wgs84(geometry: dict, crs: str) -> dict:
    return transform(geometry, crs, WGS84)
