"""Sub-ICB and ICB outputs and the map page on the real landing zone (skipped when ../shared/data is
absent; the browser part also needs chromium, see test_profile_map.py). Screenshots of the real map
go to test-artifacts/real_map_*.png."""

from __future__ import annotations

import json

import pytest

from conftest import requires_shared_data
from mhw.warehouse import connect
from test_profile_map import drive, needs_chromium


@pytest.fixture(scope="module")
def real(real_build):
    return real_build  # one real build per session (conftest)


def _query(real, sql):
    con = connect(real / "mh.duckdb")
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@requires_shared_data()
def test_sub_icb_locations_and_icbs(real):
    assert _query(real, "select count(*), count(distinct icb_ods_code), count(distinct region_code) from dim_icbs") == [
        (42, 42, 7)
    ]
    assert _query(
        real,
        "select count(*), count(icb_ods_code), count(region_code), count(*) filter (where has_new_ons_code) "
        "from dim_sub_icb_locations",
    ) == [(106, 106, 106, 6)]
    # Surrey Heartlands and Sussex changed E54 code in 2024: their ODS codes are found by name
    moved = "select icb_name, icb_ods_code from dim_icbs where icb_ons_code in ('E54000052', 'E54000053')"
    assert dict(_query(real, moved)) == {
        "NHS Surrey Heartlands Integrated Care Board": "QXU",
        "NHS Sussex Integrated Care Board": "QNX",
    }


@requires_shared_data()
def test_ccg21_split_in_july_2022_is_weighted(real):
    # CCG21 01Y (Tameside and Glossop): Glossop went to Derby and Derbyshire (15M, E38000261)
    rows = dict(
        _query(
            real,
            "select target_ons_code, weight from dim_sub_icb_icb_crosswalk "
            "where source_level = 'ccg21' and source_code = '01Y' and target_level = 'sub_icb'",
        )
    )
    assert set(rows) == {"E38000263", "E38000261"} and 0.8 < rows["E38000263"] < 0.95
    assert abs(sum(rows.values()) - 1) < 1e-9


@requires_shared_data()
def test_mhsds_icb_breakdown_lands_in_fct_icb_indicators(real):
    # the 4-week-wait file publishes MRS measures by "ICB of GP Practice or Residence" only
    rows = _query(
        real,
        "select count(distinct icb_ons_code), min(method), max(method) from fct_icb_indicators "
        "where indicator_id = 'mhsds_mrs04'",
    )
    assert rows == [(42, "published", "published")]
    england = _query(
        real,
        "select value, method from fct_area_indicators "
        "where geography_level = 'england' and indicator_id = 'mhsds_mrs04'",
    )
    assert len(england) == 1 and england[0][1] == "published" and england[0][0] > 0


@requires_shared_data()
def test_boundaries_exported_for_every_level(real):
    for name, count in (("ccg21_boundaries", 106), ("sub_icb_boundaries", 106), ("icb_boundaries", 42)):
        features = json.loads((real / "exports" / f"{name}.geojson").read_text())["features"]
        assert len(features) == count, name


@requires_shared_data()
@needs_chromium
def test_real_map_opens_on_data_compares_and_shows_42_icbs(real, tmp_path):
    page = (real / "exports" / "map.html").read_text(encoding="utf-8")
    out = drive(page, tmp_path, "", """
      const box = document.getElementById("search");
      box.value = "kernow"; fire(box, "change");
      out.search = snap();
    """, shot="real_map_ccg21.png")
    start = out["start"]
    assert start["message"] == "" and start["state"]["a"] and start["state"]["b"]
    assert start["pathsA"] == 106 and start["filledA"] > 80
    assert "n = " in start["rho"] and "Spearman's rho = " in start["rho"]
    assert "Period: none" not in start["legendA"]
    assert out["search"]["state"]["area"] == "E38000089"  # NHS Kernow CCG (Cornwall), zoomed to
    assert float(out["search"]["state"]["view"].split()[2]) < float(start["state"]["view"].split()[2]) * 0.6

    icb = drive(page, tmp_path, "geo=icb&a=mhsds_mrs04&b=population_all_ages", """
      mouse(document.querySelectorAll("#scatter circle")[0], "mouseover");
      out.hover = snap();
    """, shot="real_map_icb.png")
    start = icb["start"]
    assert start["pathsA"] == 42 and start["filledA"] == 42 and start["message"] == ""
    assert "(n = 42 areas)" in start["rho"]
    assert icb["hover"]["tooltip"] and len(icb["hover"]["hoveredPaths"]) == 2
