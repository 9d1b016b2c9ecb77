"""The exports stand alone: rounding and ordering of every exported table (`export_query`), the
README and the workbook written from the tables' descriptions (mhw.export._catalog)."""

from __future__ import annotations

import duckdb
import pytest
from openpyxl import load_workbook

from mhw.export import _catalog, export_query


@pytest.fixture
def con():
    con = duckdb.connect()
    con.execute("create table t (imd_decile varchar, rate double, p_value double, rounded double)")
    con.execute(
        "insert into t values ('10', 6.359999999999999, 1.234567891e-7, 2.5), ('2', 1.0, 0.0, 2.5),"
        " ('All', null, 12345678.9, 3.0), ('1', 2.0, -0.000123456789, 2.5)"
    )
    yield con
    con.close()


def test_export_rounds_floats_and_sorts_numbers_held_as_text(con):
    node = {"columns": {"rounded": {"meta": {"decimals": 0}}}}
    rows = con.execute(export_query(con, "t", node)).fetchall()
    assert [r[0] for r in rows] == ["1", "2", "10", "All"]  # not 1, 10, 2
    by_decile = {r[0]: r for r in rows}
    assert by_decile["10"][1] == 6.36
    assert by_decile["2"][2] == 0.0
    assert by_decile["1"][2] == pytest.approx(-0.000123457, abs=1e-15)
    assert by_decile["All"][2] == 12345700.0  # 6 significant digits
    assert by_decile["10"][2] == pytest.approx(1.23457e-07, rel=1e-12)  # small values keep their digits
    assert by_decile["1"][3] == 3.0 and by_decile["All"][3] == 3.0  # meta decimals 0: 2.5 -> 3
    assert by_decile["All"][1] is None


def _table(con) -> _catalog.Table:
    node = {
        "description": "Grain: one IMD decile (text). Recovery by decile.",
        "columns": {"imd_decile": {"description": "IMD decile, 1 = most deprived."}},
    }
    return _catalog.describe(con, "t", node)


def test_readme_lists_every_table_with_grain_columns_suppression_and_licence(con):
    text = _catalog.readme([_table(con)], {"map.html": "The map page."}, {})
    assert "| `t.csv` | one IMD decile (text). | 4 | - |" in text
    assert "| `imd_decile` | VARCHAR | IMD decile, 1 = most deprived. |" in text
    assert "| `rate` | DOUBLE |  |" in text  # undocumented columns are listed too
    assert "suppressed under 5" in text and "nearest 5" in text
    assert "Open Government Licence v3.0" in text and "Contains OS data © Crown copyright" in text
    assert "| `map.html` | The map page. |" in text


def test_period_columns_give_their_range():
    con = duckdb.connect()
    con.execute(
        "create table p as select (date '2021-04-01' + to_months(m))::date as period_start, 1 as value, m as n_year"
        " from range(3) as r(m)"
    )
    table = _catalog.describe(con, "p", {})
    assert table.periods == ["`period_start` 2021-04-01 to 2021-06-01", "`n_year` 0 to 2"]


def test_workbook_has_notes_then_one_sheet_per_table(con, tmp_path):
    table = _table(con)
    path = _catalog.workbook(con, tmp_path / "w.xlsx", [table], {"t": export_query(con, "t")})
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["Notes", "t"]
    notes = [r[0] for r in book["Notes"].iter_rows(values_only=True) if r]
    assert any(str(n).startswith("Licence: ") for n in notes)
    rows = list(book["t"].iter_rows(values_only=True))
    assert rows[0] == ("imd_decile", "rate", "p_value", "rounded")
    assert len(rows) == 5 and rows[1][0] == "1"


def test_sheet_names_are_unique_and_short():
    names = ["cmh_cohort_group_sequence_frequencies", "cmh_cohort_group_sequence_frequencies_published", "x"]
    sheets = _catalog.sheet_names(names)
    assert len(set(sheets.values())) == 3
    assert all(len(s) <= 31 for s in sheets.values())
