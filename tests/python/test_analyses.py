"""`mhw analyses` checks each analysis's output against the columns its YAML documents (analyses/):
a wrong column, a wrong order or no rows is reported; and every analysis file is documented."""

from __future__ import annotations

import duckdb
import yaml

from conftest import REPO
from mhw.analyses import Analysis, check


def test_shape_check_catches_columns_order_and_empty_output():
    con = duckdb.connect()
    con.execute("create table t as select 1 as a, 'x' as b")
    assert check(con, Analysis("ok", "select a, b from t", ["a", "b"], [])) == (1, None)
    assert "columns ['b', 'a']" in check(con, Analysis("order", "select b, a from t", ["a", "b"], []))[1]
    assert check(con, Analysis("empty", "select a, b from t where false", ["a", "b"], [])) == (0, "no rows")
    assert "no columns documented" in check(con, Analysis("undocumented", "select a from t", [], []))[1]


def test_every_analysis_is_documented_with_its_columns():
    spec = yaml.safe_load((REPO / "analyses" / "_analyses.yml").read_text())
    documented = {a["name"]: a for a in spec["analyses"]}
    files = {p.stem for p in (REPO / "analyses").glob("*.sql")}
    assert files == set(documented)
    assert len(files) >= 6
    assert all(a.get("description") and a.get("columns") for a in documented.values())
