"""LDA MHA domain: Parquet input in the stager, the record-level MHSDS sources and demo data, and a
landing zone with only mhsds_records/ building the LDA models (other domains skipped)."""

from __future__ import annotations

import csv

import duckdb
import pytest

from conftest import REPO
from mhw.demo import mhsds_records as demo
from mhw.demo.world import build_world
from mhw.landing import LandingFile, SchemaDriftError, recognise
from mhw.sources.mhsds_records import TABLES, snake, source_id
from mhw.stage import stage
from mhw.warehouse import connect


def read_rows(path):
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def staged(out, sid):
    with duckdb.connect(str(out), read_only=True) as con:
        return con.sql(f"select * from landing.{sid} order by _source_row").df()


def test_parquet_is_recognised_and_staged_as_text(landing, tmp_path):
    folder = landing / "mhsds_records"
    folder.mkdir()
    path = folder / "any_name.parquet"
    duckdb.sql(
        "select 1459 as UniqMonthID, 'P1' as Person_ID, '04' as DisabCode, date '2021-10-02' as Extra, 7 as n "
        "union all select 1460, 'P2', null, null, 8"
    ).write_parquet(str(path))
    parts, reason = recognise(LandingFile(path, "mhsds_records/any_name.parquet", "mhsds_records"))
    assert [p.source.id for p in parts] == ["nhsd_mhs007_disability_type"], reason
    stage(landing, tmp_path / "out", log=lambda *_: None)
    frame = staged(tmp_path / "out", "nhsd_mhs007_disability_type")
    assert frame["uniq_month_id"].tolist() == ["1459", "1460"]  # every column as text
    assert frame["disab_code"].tolist()[0] == "04" and frame["disab_code"].isna().tolist()[1]
    assert frame["_source_row"].tolist() == [1, 2]
    assert frame["_source_file"].tolist() == ["mhsds_records/any_name.parquet"] * 2
    assert "extra" not in frame.columns  # extra columns are ignored


def test_parquet_missing_a_required_column_names_file_and_column(landing):
    folder = landing / "mhsds_records"
    folder.mkdir()
    path = folder / "MHS501HospProvSpell.parquet"
    duckdb.sql(
        "select 'S1' as UniqHospProvSpellID, 'R1' as UniqServReqID, 'P1' as Person_ID, 1459 as UniqMonthID, "
        "'RX1' as OrgIDProv, '2021-10-01' as StartDateHospProvSpell"
    ).write_parquet(str(path))
    with pytest.raises(SchemaDriftError, match=r"MHS501HospProvSpell.parquet.*DischDateHospProvSpell"):
        recognise(LandingFile(path, "mhsds_records/MHS501HospProvSpell.parquet", "mhsds_records"))


def test_broken_parquet_error_names_the_file(landing):
    folder = landing / "mhsds_records"
    folder.mkdir()
    path = folder / "MHS001MPI.parquet"
    path.write_bytes(b"not parquet at all")
    with pytest.raises(Exception, match="MHS001MPI.parquet"):
        recognise(LandingFile(path, "mhsds_records/MHS001MPI.parquet", "mhsds_records"))


def test_snake_case_names():
    assert snake("UniqMonthID") == "uniq_month_id"
    assert snake("Person_ID") == "person_id"
    assert snake("OrgIDCCGRes") == "org_id_ccg_res"
    assert snake("MHS401UniqID") == "mhs401_uniq_id"
    assert source_id("MHS401MHActPeriod") == "nhsd_mhs401_mh_act_period"


def test_demo_writes_every_table_with_the_interface_columns(demo_landing):
    folder = demo_landing / "mhsds_records"
    for table, (_grain, columns) in TABLES.items():
        csv_path, parquet_path = folder / f"{table}.csv", folder / f"{table}.parquet"
        assert csv_path.exists() or parquet_path.exists(), table
        if csv_path.exists():
            with open(csv_path, newline="") as fh:
                header = next(csv.reader(fh))
        else:
            header = [r[0] for r in duckdb.sql(f"describe select * from read_parquet('{parquet_path}')").fetchall()]
        assert header[: len(columns)] == list(columns), table


def test_demo_dates_iso_codes_with_leading_zeros(demo_landing):
    rows = read_rows(demo_landing / "mhsds_records" / "MHS401MHActPeriod.csv")
    assert {"02", "03", "09"} <= {r["NHSDLegalStatus"] for r in rows}
    starts = {r["StartDateMHActLegalStatusClass"] for r in rows}
    assert all(len(s) == 10 and s[4] == "-" for s in starts)


def test_demo_commissioners_include_predecessor_and_unmatched(demo_landing):
    rows = read_rows(demo_landing / "mhsds_records" / "MHS101Referral.csv")
    codes = {r["OrgIDComm"] for r in rows}
    ccg21 = {c.ods for c in build_world().ccg21()}
    assert demo.PREDECESSOR_CODE in codes and demo.UNMATCHED_CODE in codes
    assert len(codes & ccg21) >= 5
    assert {r["OrgIDProv"] for r in rows} == set(demo.PROVIDERS)


def test_demo_size_grows_with_scale(tmp_path):
    world = build_world()
    demo.write(world, tmp_path / "small", 1)
    demo.write(world, tmp_path / "large", 3)

    def lines(root):
        return len(read_rows(root / "mhsds_records" / "MHS001MPI.csv"))

    assert lines(tmp_path / "large") > 2.2 * lines(tmp_path / "small")


def test_only_mhsds_records_builds_lda_models(copy_demo, tmp_path, monkeypatch):
    """A landing zone with only mhsds_records/ builds the LDA models; other domains are skipped."""
    from mhw.build import build

    monkeypatch.chdir(REPO)
    landing = copy_demo("mhsds_records")
    warehouse = tmp_path / "wh" / "mh.duckdb"
    messages: list[str] = []
    build(landing, warehouse, tmp_path / "exports", docs=False, log=messages.append)
    con = connect(warehouse)
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    assert {"fct_lda_mha_spells_v1", "fct_lda_mha_spells_v2", "fct_lda_mha_monthly", "lda_mha_published"} <= tables
    assert not any(t.startswith("stg_ons__") for t in tables)  # reference domain skipped
    assert any("topic reference/ is absent" in m for m in messages)
    geographies = {r[0] for r in con.execute("select distinct geography from fct_lda_mha_monthly").fetchall()}
    assert geographies == {"National", "Provider"}  # CCG21 needs the geography (reference/)
    con.close()
    published = (tmp_path / "exports" / "lda_mha_published.csv").read_text().splitlines()
    assert len(published) > 1
    assert not (tmp_path / "exports" / "fct_lda_mha_spells_v1.csv").exists()  # record level: never exported
