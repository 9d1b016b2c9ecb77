"""The Spark comparison (mhw.spark_compare) and the `python` tag that keeps dbt Python models off Spark."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from conftest import REPO
from mhw.spark_compare import models_to_compare, same_columns, same_rows


def _node(name, path, tags=(), materialized="table", language="sql"):
    return {
        "resource_type": "model",
        "name": name,
        "alias": name,
        "schema": "mh",
        "original_file_path": path,
        "language": language,
        "tags": list(tags),
        "config": {"materialized": materialized, "tags": list(tags)},
    }


def test_compares_every_mart_and_every_export_but_not_ephemeral_or_internal_models():
    nodes = [
        _node("fct_a", "models/marts/x/fct_a.sql"),
        _node("exported_int", "models/intermediate/x/exported_int.sql", tags=["export"]),
        _node("int_b", "models/intermediate/x/int_b.sql"),
        _node("eph", "models/marts/x/eph.sql", materialized="ephemeral"),
        _node("py_mart", "models/marts/x/py_mart.py", tags=["python"], language="python"),
        {"resource_type": "seed", "name": "s", "original_file_path": "models/marts/s.csv", "config": {}},
    ]
    manifest = {"nodes": {f"n{i}": n for i, n in enumerate(nodes)}}
    found = {t.name: t.python for t in models_to_compare(manifest)}
    assert found == {"exported_int": False, "fct_a": False, "py_mart": True}


def test_same_rows_ignores_order_and_engine_types():
    duck = [(1, "a", dt.date(2020, 1, 1), None), (2, "b", dt.date(2020, 2, 1), 0.1 + 0.2)]
    spark = [(Decimal("2"), "b", dt.date(2020, 2, 1), 0.3), (1.0, "a", dt.date(2020, 1, 1), float("nan"))]
    assert same_rows(duck, spark) is None


@pytest.mark.parametrize(
    ("duck", "spark", "message"),
    [
        ([(1, "a")], [(1, "a"), (1, "a")], "1 rows on DuckDB, 2 on Spark"),
        ([(1, "a")], [(1, "A")], "'a' (DuckDB) != 'A' (Spark)"),
        ([(1.0, "a")], [(1.0 + 1e-6, "a")], "column 0"),
        ([(None, "a")], [(0, "a")], "column 0"),
        ([("1", "a")], [(1, "a")], "column 0"),  # text on one engine, a number on the other
        ([(dt.date(2020, 1, 1),)], [(dt.date(2020, 1, 2),)], "column 0"),
    ],
)
def test_same_rows_reports_a_difference(duck, spark, message):
    problem = same_rows(duck, spark)
    assert problem is not None and message in problem


def test_floats_within_the_tolerance_are_equal():
    assert same_rows([(1 / 3,)], [(1 / 3 + 1e-12,)]) is None


def test_same_columns_ignores_case_and_order_but_not_names():
    assert same_columns(["a", "B"], ["b", "a"]) is None
    assert "only on Spark ['c']" in same_columns(["a"], ["a", "c"])


def test_python_models_and_everything_built_from_them_carry_the_python_tag(tmp_path):
    """`make test-spark` excludes tag:python; an untagged Python model or child would break the Spark run."""
    from dbt.cli.main import dbtRunner

    result = dbtRunner().invoke(
        ["parse", "--project-dir", str(REPO), "--profiles-dir", str(REPO), "--target-path", str(tmp_path), "--quiet"]
    )
    assert result.success, result.exception
    nodes = json.loads((tmp_path / "manifest.json").read_text())["nodes"]
    tagged = {uid for uid, n in nodes.items() if "python" in n["config"].get("tags", [])}
    python_models = {uid for uid, n in nodes.items() if n["resource_type"] == "model" and n["language"] == "python"}
    assert python_models, "the project has dbt Python models"
    assert python_models <= tagged, f"Python models without tag python: {sorted(python_models - tagged)}"
    untagged_children = sorted(
        uid
        for uid, n in nodes.items()
        if n["resource_type"] == "model"
        and uid not in tagged
        and any(parent in tagged for parent in n["depends_on"]["nodes"])
    )
    assert not untagged_children, f"models built from a python-tagged model without the tag: {untagged_children}"
