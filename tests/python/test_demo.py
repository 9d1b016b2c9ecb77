"""The synthetic demo: deterministic, marked synthetic, and with the planted geography history."""

from __future__ import annotations

import hashlib

from mhw.demo import generate
from mhw.demo.world import build_world


def digest(root):
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_same_seed_gives_identical_files(demo_landing, tmp_path):
    again = generate(tmp_path / "again", log=lambda *_: None)
    assert digest(again) == digest(demo_landing)


def test_other_seed_gives_other_populations(demo_landing, tmp_path):
    other = generate(tmp_path / "other", seed=1, log=lambda *_: None)
    a, b = digest(demo_landing), digest(other)
    assert a.keys() == b.keys()
    assert a["population/lsoa_population_mid2020.csv"] != b["population/lsoa_population_mid2020.csv"]


def test_marked_synthetic(demo_landing):
    assert "NOT REAL DATA" in (demo_landing / "README.md").read_text()


def test_world_history():
    world = build_world()
    assert len(world.ccg21()) == 12
    assert len(world.alive(2019)) == 18 and len(world.alive(2020)) == 15 and len(world.alive(2021)) == 12
    merged_into = {}
    for c in world.ccgs.values():
        if c.successor:
            merged_into.setdefault((c.successor, c.closed[:4]), []).append(c.ods)
    mergers = {k: v for k, v in merged_into.items() if len(v) >= 2}
    assert len(mergers) >= 3  # 2018, 2020 (two) and 2021 mergers
    # a chain of two steps ends at a 2021 CCG
    assert world.ccgs["83A"].successor == "82A" and world.ccgs["82A"].successor == "D9X1Y"
    # the predecessors' LSOAs are exactly their successor's
    for c in world.ccg21():
        parts = [p for p in world.ccgs.values() if p.successor == c.ods]
        if parts:
            assert sorted(x for p in parts for x in p.lsoas) == sorted(c.lsoas)
    # every LSOA in exactly one CCG21
    codes = [x for c in world.ccg21() for x in c.lsoas]
    assert len(codes) == len(set(codes)) == len(world.lsoas)
    # the ONS code change without an ODS change
    hilltop = world.ccgs["80E"]
    assert hilltop.ons_by_vintage[2019] != hilltop.ons_by_vintage[2020]


def test_published_quirks_present(demo_landing):
    ref = demo_landing / "reference"
    lookup = next(ref.glob("Lower_Layer_Super_Output_Area*.csv"))
    assert lookup.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM, as published
    assert b"\r\n" in (ref / "eccg.csv").read_bytes()  # CRLF, no header
    assert (ref / "eccg.csv").read_text().startswith('"')
    sicbl = (demo_landing / "boundaries" / "SICBL.geojson").read_text()
    assert "EPSG:27700" in sicbl
