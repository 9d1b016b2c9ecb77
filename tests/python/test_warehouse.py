"""The delivered warehouse's layout: relations in the schemas staging / intermediate / marts / audit
(named exactly so, nothing left in `main`), the descriptions of the YAML persisted into DuckDB, and
`mhw.warehouse.connect` finding a model by its bare name from any working directory."""

from __future__ import annotations

import json
import os
import subprocess

import duckdb
import pytest

from conftest import REPO
from mhw.build import build
from mhw.warehouse import SCHEMAS, connect


@pytest.fixture(scope="module")
def reference_build(demo_landing, tmp_path_factory):
    """The geography domain alone (reference/ and population/ of the demo): small and quick."""
    import shutil

    root = tmp_path_factory.mktemp("schemas")
    for topic in ("reference", "population"):
        shutil.copytree(demo_landing / topic, root / "landing" / topic)
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        build(root / "landing", root / "wh" / "mh.duckdb", root / "exports", docs=False, log=lambda *_: None)
    finally:
        os.chdir(cwd)
    return root / "wh" / "mh.duckdb"


def _schema_of(con) -> dict[str, str]:
    return dict(con.execute("select table_name, table_schema from information_schema.tables").fetchall())


def test_relations_sit_in_their_layer_schema(reference_build):
    with duckdb.connect(str(reference_build), read_only=True) as con:
        schema_of = _schema_of(con)
    # nothing outside the four schemas and `landing` (what the load read: mhw.stage), no `main`
    assert set(schema_of.values()) <= {*SCHEMAS, "landing"}
    for name, schema in schema_of.items():
        if name.startswith("stg_"):
            assert schema == "staging", name
        elif name.startswith("int_"):
            assert schema == "intermediate", name
        elif name in ("load_manifest", "audit_unmatched_codes", "audit_mapping_reconciliation", "source_coverage"):
            assert schema == "audit", name
        elif name.startswith(("fct_", "dim_")):
            assert schema == "marts", name
    assert schema_of["dim_ccg_code_crosswalk"] == "marts"
    assert schema_of["audit_unmatched_codes"] == "audit"
    assert schema_of["load_manifest"] == "audit"


def test_descriptions_are_persisted(reference_build):
    manifest = json.loads((REPO / "target" / "manifest.json").read_text())
    documented = {
        node["name"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["name"] in {"dim_ccg_code_crosswalk", "audit_unmatched_codes"}
    }
    with duckdb.connect(str(reference_build), read_only=True) as con:
        for name, node in documented.items():
            comment = con.execute("select comment from duckdb_tables() where table_name = ?", [name]).fetchone()[0]
            assert comment and comment.strip() == node["description"].strip()
            assert len(node["columns"]) >= 4
            columns = dict(
                con.execute("select column_name, comment from duckdb_columns() where table_name = ?", [name]).fetchall()
            )
            for column, spec in node["columns"].items():
                assert (columns[column] or "").strip() == spec["description"].strip(), f"{name}.{column}"


def test_connect_finds_models_by_name_from_another_directory(reference_build, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with connect(reference_build) as con:
        assert con.execute("select count(*) from dim_ccg_code_crosswalk").fetchone()[0] > 0
        assert con.execute("select count(*) from load_manifest").fetchone()[0] > 0
        with pytest.raises(duckdb.CatalogException):
            con.execute("select count(*) from main.dim_ccg_code_crosswalk")


def test_mhw_export_from_another_directory(reference_build, tmp_path):
    mhw = REPO / ".venv" / "bin" / "mhw"
    if not mhw.exists():
        pytest.skip("no .venv/bin/mhw in this clone (make install)")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "WAREHOUSE", "EXPORT_DIR")}
    result = subprocess.run(
        [str(mhw), "export", "--warehouse", str(reference_build), "--export-dir", "out"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    assert (out / "dim_ccgs.csv").exists() and (out / "dim_ccg_code_crosswalk.csv").exists()
    # the data dictionary, the README and the workbook come with every export
    header = (out / "dim_indicators.csv").read_text().splitlines()[0].split(",")
    assert {"indicator_id", "name", "unit", "source", "publisher", "period_type", "polarity"} <= set(header)
    readme = (out / "README.md").read_text()
    assert "| `dim_ccgs.csv` |" in readme and "### dim_indicators" in readme and "Crown copyright" in readme
    from openpyxl import load_workbook

    sheets = load_workbook(out / "mh_warehouse_published.xlsx", read_only=True).sheetnames
    assert sheets[0] == "Notes" and {"dim_ccgs", "dim_indicators"} <= set(sheets)
