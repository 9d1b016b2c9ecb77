"""The pandas baseline of the data map's MHSDS CCG aggregation (mhw.bench.pandas_data_map) gives the
residence-based rows of int_mhsds__ccg_indicators exactly: on the demo, and on hand-made months with
predecessor codes, a `*` among merged codes, a Provisional month replaced by Performance, and rows
the warehouse leaves out. One warehouse is built for the module: reference/, population/ (the
geography models' unit tests need stg_ons__lsoa_population) and mhsds/ of the demo, plus the
hand-made CSVs (periods of 2019, which the demo does not publish)."""

from __future__ import annotations

import codecs
import math
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO
from mhw.bench.pandas_data_map import OUTPUT_COLUMNS, ccg_aggregation
from mhw.warehouse import connect

HEADER = (
    "REPORTING_PERIOD_START,REPORTING_PERIOD_END,STATUS,BREAKDOWN,PRIMARY_LEVEL,PRIMARY_LEVEL_DESCRIPTION,"
    "SECONDARY_LEVEL,SECONDARY_LEVEL_DESCRIPTION,MEASURE_ID,MEASURE_NAME,MEASURE_VALUE"
)
CCG = "CCG - GP Practice or Residence"
MHS01 = "People in contact with secondary mental health services at the end of the reporting period"
MHS07 = "People with an open hospital spell at the end of the reporting period"
KEYS = ["ccg21_ons_code", "indicator_id", "period_start", "period_end"]


def _rows(start: str, end: str, status: str, cells: list[tuple]) -> list[str]:
    """cells: (breakdown, code, secondary level, measure id, measure name, value)."""
    return [
        f'{start},{end},{status},{b},{code},"NAME",{sec},{sec},{mid},"{name}",{value}'
        for b, code, sec, mid, name, value in cells
    ]


# May 2019 (CCG vintage 2019), published Provisional and then Performance
MAY_PROVISIONAL = [
    (CCG, "81A", "NONE", "MHS01", MHS01, "100"),
    (CCG, "81B", "NONE", "MHS01", MHS01, "100"),
    (CCG, "81C", "NONE", "MHS01", MHS01, "100"),
    (CCG, "80B", "NONE", "MHS01", MHS01, "99"),  # only in the Provisional file: must disappear
    (CCG, "84A", "NONE", "MHS01", MHS01, "1"),
]
MAY_PERFORMANCE = [
    ("England", "England", "NONE", "MHS01", MHS01, "5000"),
    (CCG, "81A", "NONE", "MHS01", MHS01, "11"),  # 81A + 81B + 81C merged into 80C (E38000903)
    (CCG, "81B", "NONE", "MHS01", MHS01, "*"),  # one `*` contributor: the CCG21 value is suppressed
    (CCG, "81C", "NONE", "MHS01", MHS01, "21"),
    (CCG, "84A", "NONE", "MHS01", MHS01, "6"),  # 84A + 84B + 84C merged into W8Q2T (E38000912)
    (CCG, "84B", "NONE", "MHS01", MHS01, "7"),
    (CCG, "84C", "NONE", "MHS01", MHS01, "8"),
    (CCG, "85A", "NONE", "MHS01", MHS01, '"1,005"'),  # code last seen in 2017: nearest earlier vintage
    (CCG, " 80a ", "NONE", "MHS01", MHS01, "12"),  # untrimmed, lower case
    (CCG, "E38000901", "NONE", "MHS01", MHS01, "3"),  # the same CCG in ONS form: summed with 80A
    (CCG, "999", "NONE", "MHS01", MHS01, "40"),  # placeholder: unmatched
    (CCG, "99Z", "NONE", "MHS01", MHS01, "40"),  # unknown code: unmatched
    (CCG, "84A", "F", "MHS01", MHS01, "1000"),  # has a secondary level: left out
    ("CCG - GP Practice or Residence; Age Group", "84A", "18-64", "MHS01", MHS01, "1000"),
    (CCG, "84A", "NONE", "MHS01", "Proportion of people in contact", "50"),  # not additive
    ("Provider", "RX1", "NONE", "MHS01", MHS01, "70"),  # provider attributed: out of scope
    (CCG, "84A", "NONE", "MHS07", MHS07, ""),  # no number, not suppressed: ignored in the sum
    (CCG, "84B", "NONE", "MHS07", MHS07, "4"),
    (CCG, "81A", "NONE", "MHS07", MHS07, ""),  # no contributor has a number: value null
]
# June 2019: only a Provisional publication, which therefore stays
JUNE_PROVISIONAL = [(CCG, "80B", "NONE", "MHS01", MHS01, "7")]
# July 2019: a Final file with no CCG rows still replaces the Performance one (the latest status is
# that of the period, over all its rows), so July has no CCG21 value at all
JULY_PERFORMANCE = [(CCG, "80B", "NONE", "MHS01", MHS01, "8")]
JULY_FINAL = [("England", "England", "NONE", "MHS01", MHS01, "5000")]


def _write(path: Path, lines: list[str]) -> None:
    path.write_bytes(codecs.BOM_UTF8 + "\r\n".join([HEADER, *lines, ""]).encode())


def _hand_made(folder: Path) -> None:
    may, june = ("01/05/2019", "31/05/2019"), ("01/06/2019", "30/06/2019")
    _write(folder / "Hand MHSDS Data_052019_Prov.csv", _rows(*may, "Provisional", MAY_PROVISIONAL))
    _write(folder / "Hand MHSDS Data_052019_Perf.csv", _rows(*may, "Performance", MAY_PERFORMANCE))
    _write(folder / "Hand MHSDS Data_062019_Prov.csv", _rows(*june, "Provisional", JUNE_PROVISIONAL))
    july = ("01/07/2019", "31/07/2019")
    _write(folder / "Hand MHSDS Data_072019_Perf.csv", _rows(*july, "Performance", JULY_PERFORMANCE))
    _write(folder / "Hand MHSDS Data_072019_Final.csv", _rows(*july, "Final", JULY_FINAL))


@pytest.fixture(scope="module")
def warehouse(demo_landing, tmp_path_factory) -> tuple[Path, Path]:
    """(landing zone, warehouse file): the demo's reference/, population/, mhsds/ + hand-made CSVs."""
    import os

    from mhw.build import build

    root = tmp_path_factory.mktemp("pandas_data_map")
    landing = root / "landing"
    for topic in ("reference", "population", "mhsds"):
        shutil.copytree(demo_landing / topic, landing / topic)
    _hand_made(landing / "mhsds")
    here = os.getcwd()
    os.chdir(REPO)
    try:
        build(landing, root / "mh.duckdb", root / "exports", docs=False, log=lambda *_: None)
    finally:
        os.chdir(here)
    return landing, root / "mh.duckdb"


def _query(path: Path, sql: str) -> pd.DataFrame:
    with connect(path) as con:
        return con.execute(sql).df()


def _crosswalk(path: Path) -> pd.DataFrame:
    return _query(path, "select * from dim_ccg_code_crosswalk")


def _dbt_residence(path: Path) -> pd.DataFrame:
    return _query(
        path,
        "select ccg21_ons_code, indicator_id, period_start, period_end, value, is_suppressed "
        "from int_mhsds__ccg_indicators where not ends_with(indicator_id, '_by_provider')",
    )


def _normalised(df: pd.DataFrame) -> pd.DataFrame:
    out = df[[*KEYS, "value", "is_suppressed"]].copy()
    for column in ("period_start", "period_end"):
        out[column] = pd.to_datetime(out[column]).dt.strftime("%Y-%m-%d")
    out["value"] = out["value"].astype("float64")
    out["is_suppressed"] = out["is_suppressed"].astype(bool)
    return out.sort_values(KEYS).reset_index(drop=True)


def assert_same(pandas_rows: pd.DataFrame, dbt_rows: pd.DataFrame) -> None:
    """Same rows in any order: keys equal, floats within 1e-9, nulls equal only to nulls."""
    ours, theirs = _normalised(pandas_rows), _normalised(dbt_rows)
    assert ours[KEYS].duplicated().sum() == 0
    assert ours[KEYS].astype(str).values.tolist() == theirs[KEYS].astype(str).values.tolist()
    assert ours["is_suppressed"].tolist() == theirs["is_suppressed"].tolist()
    for key, a, b in zip(ours[KEYS].values.tolist(), ours["value"], theirs["value"]):
        if math.isnan(a) or math.isnan(b):
            assert math.isnan(a) and math.isnan(b), (key, a, b)
        else:
            assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9), (key, a, b)


def test_equals_dbt_on_demo_and_hand_made_months(warehouse):
    landing, wh = warehouse
    started = time.perf_counter()
    result = ccg_aggregation(sorted((landing / "mhsds").glob("*.csv")), _crosswalk(wh))
    seconds = time.perf_counter() - started
    expected = _dbt_residence(wh)
    assert len(expected) > 100 and expected["is_suppressed"].any() and not expected["value"].isna().all()
    assert list(result.columns) == OUTPUT_COLUMNS
    assert_same(result, expected)
    print(f"ccg_aggregation on {len(result)} rows: {seconds:.3f} s")


def test_equals_dbt_on_the_demo_files_alone(warehouse, demo_landing):
    """Only the demo's own CSVs (the hand-made ones add 2019 periods only)."""
    _, wh = warehouse
    result = ccg_aggregation(sorted((demo_landing / "mhsds").glob("*.csv")), _crosswalk(wh))
    expected = _dbt_residence(wh)
    expected = expected[pd.to_datetime(expected["period_start"]).dt.year != 2019]
    assert {"2020-11-01", "2020-12-01", "2022-08-01"} == set(_normalised(result)["period_start"])
    assert_same(result, expected)


def test_hand_made_cases(warehouse):
    landing, wh = warehouse
    paths = sorted((landing / "mhsds").glob("Hand *.csv"))
    result = _normalised(ccg_aggregation(paths, _crosswalk(wh)))
    got = {(r.ccg21_ons_code, r.indicator_id, r.period_start): (r.value, r.is_suppressed) for r in result.itertuples()}
    may, june = "2019-05-01", "2019-06-01"
    suppressed = got.pop(("E38000903", "mhsds_mhs01", may))  # 81A + `*` + 81C: suppressed, value null
    assert math.isnan(suppressed[0]) and suppressed[1]
    no_number = got.pop(("E38000903", "mhsds_mhs07", may))  # no contributor has a number, none is `*`
    assert math.isnan(no_number[0]) and not no_number[1]
    assert got == {
        ("E38000912", "mhsds_mhs01", may): (21.0, False),  # Performance 6 + 7 + 8, not Provisional's 1
        ("E38000910", "mhsds_mhs01", may): (1005.0, False),  # "1,005" from 85A (vintage 2017)
        ("E38000901", "mhsds_mhs01", may): (15.0, False),  # " 80a " 12 + E38000901 3
        ("E38000912", "mhsds_mhs07", may): (4.0, False),  # '' ignored, 4 counted
        ("E38000902", "mhsds_mhs01", june): (7.0, False),  # Provisional only: kept
    }  # and nothing for July
    # the same as dbt (80B's Provisional May value is gone there too)
    expected = _dbt_residence(wh)
    in_2019 = pd.to_datetime(expected["period_start"]).dt.year == 2019
    assert_same(ccg_aggregation(paths, _crosswalk(wh)), expected[in_2019])


def test_skips_files_that_are_not_the_main_csv(warehouse):
    landing, wh = warehouse
    other = sorted(p for p in (landing / "mhsds").glob("*.csv") if "Restrictive" in p.name or "restraint" in p.name)
    assert other
    result = ccg_aggregation(other, _crosswalk(wh))
    assert result.empty and list(result.columns) == OUTPUT_COLUMNS


def test_vintage_rule_of_map_to_ccg21_on_a_hand_made_crosswalk(tmp_path):
    """No build: the macro's period_column rule on codes the demo crosswalk cannot show (a gap
    between vintages, an April boundary, a 2023 date clamped to 2022, a weighted split)."""

    def xw(code, vintage, ccg21, weight=1.0):
        return {"source_code": code, "source_code_type": "ods", "source_vintage": vintage, "ccg21_ons_code": ccg21,
                "ccg21_ods_code": None, "weight": weight, "method": "test"}  # fmt: skip

    crosswalk = pd.DataFrame(
        [
            xw("GAP", 2015, "E38000001"),  # vintage 2019 wanted: nearest earlier (2015), not the closer later
            xw("GAP", 2020, "E38000002"),
            xw("LATE", 2021, "E38000003"),  # only later vintages: the nearest later one
            xw("LATE", 2022, "E38000004"),
            xw("APR", 2018, "E38000005"),  # March 2019 is vintage 2018, April 2019 vintage 2019
            xw("APR", 2019, "E38000006"),
            xw("SPL", 2022, "E38000007", 0.25),  # a split: every share of the chosen vintage
            xw("SPL", 2022, "E38000008", 0.75),
            xw("SPL", 2021, "E38000009"),
        ]
    )
    march = [(CCG, "APR", "NONE", "MHS01", MHS01, "10")]
    april = [(CCG, c, "NONE", "MHS01", MHS01, v) for c, v in (("GAP", "1"), ("LATE", "2"), ("APR", "3"))]
    later = [(CCG, "SPL", "NONE", "MHS01", MHS01, "40"), (CCG, "SPL", "NONE", "MHS07", MHS07, "*")]
    _write(tmp_path / "a.csv", _rows("01/03/2019", "31/03/2019", "Final", march))
    _write(tmp_path / "b.csv", _rows("01/04/2019", "30/04/2019", "Final", april))
    _write(tmp_path / "c.csv", _rows("01/01/2023", "31/01/2023", "Final", later))
    result = _normalised(ccg_aggregation(sorted(tmp_path.glob("*.csv")), crosswalk))
    got = {(r.ccg21_ons_code, r.indicator_id, r.period_start): (r.value, r.is_suppressed) for r in result.itertuples()}
    split_suppressed = [got.pop((c, "mhsds_mhs07", "2023-01-01")) for c in ("E38000007", "E38000008")]
    assert all(math.isnan(v) and s for v, s in split_suppressed)
    assert got == {
        ("E38000005", "mhsds_mhs01", "2019-03-01"): (10.0, False),
        ("E38000001", "mhsds_mhs01", "2019-04-01"): (1.0, False),
        ("E38000003", "mhsds_mhs01", "2019-04-01"): (2.0, False),
        ("E38000006", "mhsds_mhs01", "2019-04-01"): (3.0, False),
        ("E38000007", "mhsds_mhs01", "2023-01-01"): (10.0, False),
        ("E38000008", "mhsds_mhs01", "2023-01-01"): (30.0, False),
    }
