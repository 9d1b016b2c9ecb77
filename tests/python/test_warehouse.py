"""The delivered warehouse's layout: relations in the schemas staging / intermediate / marts / audit
(named exactly so, nothing left in `main`), the descriptions of the YAML persisted into DuckDB, and
`mhw.warehouse.connect` finding a model by its bare name from any working directory."""

from __future__ import annotations

import json
import os

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
