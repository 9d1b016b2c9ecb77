"""Published numbers with markers, end to end (landing CSV -> fct_ccg_indicators): the issue's case
of `£297,439`, `#DIV/0!` and `-` in OAP costs and counts of CCGs that merged into one CCG21. A
marker is never summed as if absent: the CCG21 value is null and flagged is_not_computable."""

from __future__ import annotations

import csv

import duckdb
import pytest

from conftest import REPO
from mhw.build import build

NOV_2020 = "oaps-open-data-nov-2020.csv"
COST = "Total Cost For Inappropriate OAPs in Period"
STARTED = "Inappropriate OAPs started in period"
# (question, 2020 CCG code) -> the cell published for November 2020 (monthly grouping)
PLANTED = {
    (COST, "82A"): "£297,439",  # 82A + 82B -> D9X1Y in 2021
    (COST, "82B"): "#DIV/0!",
    (COST, "84A"): "£297,439",  # 84A + 84B + 84C -> W8Q2T in 2021
    (COST, "84B"): "1,234",
    (COST, "84C"): "339,967",
    (STARTED, "84A"): "-",
}


@pytest.fixture(scope="module")
def warehouse(copy_demo, tmp_path_factory):
    # population too: with the topic absent the build fails today (wt-load, issue 13 item 6)
    landing = copy_demo("reference", "population", "oaps")
    path = landing / "oaps" / NOV_2020
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    question, code, grouping, value = (header.index(c) for c in ("Question", "Breakdown1Code", "Grouping", "value"))
    planted = 0
    for row in rows[1:]:
        key = (row[question], row[code])
        if row[grouping] == "Month" and key in PLANTED:
            row[value] = PLANTED[key]
            planted += 1
    assert planted == len(PLANTED)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    out = tmp_path_factory.mktemp("published_numbers")
    import os

    here = os.getcwd()
    os.chdir(REPO)
    try:
        build(landing, out / "mh.duckdb", out / "exports", docs=False, log=lambda *_: None)
    finally:
        os.chdir(here)
    return out / "mh.duckdb"


@pytest.fixture(scope="module")
def copy_demo(demo_landing, tmp_path_factory):
    import shutil

    def make(*topics):
        root = tmp_path_factory.mktemp("landing")
        for topic in topics:
            shutil.copytree(demo_landing / topic, root / topic)
        return root

    return make


def indicator(warehouse, ccg21_ods_code, indicator_id):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        fct, dim = (
            con.execute(
                "select table_schema || '.' || table_name from information_schema.tables where table_name = ?", [name]
            ).fetchone()[0]
            for name in ("fct_ccg_indicators", "dim_ccgs")
        )
        return con.execute(
            f"select value, is_suppressed, is_not_computable from {fct} as f "
            f"join {dim} as c on f.ccg21_ons_code = c.ccg21_ons_code "
            "where c.ccg21_ods_code = ? and f.indicator_id = ? and f.period_start = date '2020-11-01'",
            [ccg21_ods_code, indicator_id],
        ).fetchall()


def test_currency_and_thousands_separators_are_summed(warehouse):
    assert indicator(warehouse, "W8Q2T", "oaps_inappropriate_cost_month") == [(297439 + 1234 + 339967, False, False)]


def test_div0_in_one_predecessor_makes_the_ccg21_cost_not_computable(warehouse):
    # before: 297,439 was lost too (null) and the sum was the other code's alone, is_suppressed false
    assert indicator(warehouse, "D9X1Y", "oaps_inappropriate_cost_month") == [(None, False, True)]


def test_dash_count_makes_the_ccg21_count_not_computable(warehouse):
    [(value, _is_suppressed, is_not_computable)] = indicator(warehouse, "W8Q2T", "oaps_inappropriate_started_month")
    assert value is None and is_not_computable  # (a sibling code may also be `*`: both flags then)
