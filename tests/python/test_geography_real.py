"""The geography built from the real ODS and ONS files (skipped when ../shared/data is absent)."""

from __future__ import annotations

import csv
import json

import pytest

from conftest import SHARED_DATA, requires_shared_data
from mhw.warehouse import connect


@pytest.fixture(scope="module")
def real_warehouse(real_build):
    return real_build  # one real build per session (conftest), shared with the other real-data tests


def _query(warehouse, sql):
    con = connect(warehouse / "mh.duckdb")
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@requires_shared_data()
def test_every_ccg_code_of_2019_to_2021_resolves(real_warehouse):
    for vintage, name in ((2020, "ref_ccg20.csv"), (2021, "ref_ccg21.csv")):
        with open(SHARED_DATA / "reference" / name, encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
        yy = str(vintage)[2:]
        for form, column in (("ods", f"CCG{yy}CDH"), ("ons", f"CCG{yy}CD")):
            codes = sorted({r[column] for r in rows})
            found = _query(
                real_warehouse,
                f"""
                select source_code, round(sum(weight), 9) from dim_ccg_code_crosswalk
                where source_vintage = {vintage} and source_code_type = '{form}' group by 1""",
            )
            assert dict(found).keys() >= set(codes), f"{vintage} {form}: unmapped {set(codes) - dict(found).keys()}"
            assert all(w == 1 for code, w in found if code in codes)
    with open(
        SHARED_DATA / "reference" / "Clinical_Commissioning_Groups_(April_2019)_Names_and_Codes_in_England.json",
        encoding="utf-8",
    ) as fh:
        codes19 = {f["properties"]["CCG19CDH"] for f in json.load(fh)["features"]}
    found = {
        r[0]
        for r in _query(
            real_warehouse,
            "select distinct source_code from dim_ccg_code_crosswalk "
            "where source_vintage = 2019 and source_code_type = 'ods'",
        )
    }
    assert len(codes19) == 191 and codes19 <= found


@requires_shared_data()
def test_dim_ccgs_matches_ref_ccg21(real_warehouse):
    with open(SHARED_DATA / "reference" / "ref_ccg21.csv", encoding="utf-8-sig") as fh:
        expected = {(r["CCG21CD"], r["CCG21CDH"]) for r in csv.DictReader(fh)}
    got = set(_query(real_warehouse, "select ccg21_ons_code, ccg21_ods_code from dim_ccgs"))
    assert len(got) == 106 and got == expected
    missing = _query(
        real_warehouse, "select count(*) from dim_ccgs where region_ons_code is null or population is null"
    )
    assert missing == [(0,)]


@requires_shared_data()
def test_glossop_moves_with_its_population(real_warehouse):
    # Sub-ICB 15M (Derby and Derbyshire, July 2022) gained Glossop from CCG21 01Y (Tameside and Glossop)
    rows = dict(
        _query(
            real_warehouse,
            "select ccg21_ods_code, weight from dim_ccg_code_crosswalk "
            "where source_code = 'E38000261' and source_vintage = 2022",
        )
    )
    assert set(rows) == {"15M", "01Y"} and 0.9 < rows["15M"] < 1 and 0 < rows["01Y"] < 0.1
    boundaries = json.loads((real_warehouse / "exports" / "ccg21_boundaries.geojson").read_text())
    assert len(boundaries["features"]) == 106
    lon, lat = (
        boundaries["features"][0]["geometry"]["coordinates"][0][0][:2]
        if boundaries["features"][0]["geometry"]["type"] == "Polygon"
        else boundaries["features"][0]["geometry"]["coordinates"][0][0][0][:2]
    )
    assert -7 < lon < 2 and 49 < lat < 56  # WGS84 over England
