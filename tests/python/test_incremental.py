"""Incremental months (issue 13, item 4): record-level MHSDS arriving one month at a time. A build
after adding a month's files processes only that month in the per-month LDA models; replaced or
changed files (sha256) are reprocessed, removed months are removed; every result equals a full
build of the same landing zone."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import REPO

MONTHS = (1459, 1460, 1461, 1462)  # the demo's four reporting months
PER_MONTH_MODELS = (
    "int_lda_mha__cohort",
    "int_lda_mha__spells",
    "int_lda_mha__chosen_episodes",
    "int_lda_mha__concurrent_orders",
    "int_lda_mha__spell_measures",
)


@pytest.fixture(scope="module")
def monthly_files(tmp_path_factory) -> Path:
    """The demo's record-level MHSDS as one file per table and month (`MHS401MHActPeriod_1460.csv`),
    as a new month arrives in a trusted research environment."""
    from mhw.demo import generate

    demo = generate(tmp_path_factory.mktemp("demo-inc") / "landing", log=lambda *_: None)
    out = tmp_path_factory.mktemp("monthly-files")
    con = duckdb.connect()
    for path in sorted((demo / "mhsds_records").iterdir()):
        if path.suffix == ".csv":
            reader = f"read_csv('{path}', all_varchar=true, header=true)"
            options = "(header true)"
        else:
            reader = f"read_parquet('{path}')"
            options = "(format parquet)"
        for month in MONTHS:
            target = out / str(month) / f"{path.stem}_{month}{path.suffix}"
            target.parent.mkdir(exist_ok=True)
            con.execute(f"copy (select * from {reader} where UniqMonthID = '{month}') to '{target}' {options}")
    return out


def landing_with(root: Path, monthly_files: Path, months) -> Path:
    """A landing zone (mhsds_records/ only) holding the files of the given months."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "mhsds_records").mkdir(parents=True)
    for month in months:
        for path in (monthly_files / str(month)).iterdir():
            shutil.copy(path, root / "mhsds_records" / path.name)
    return root


def run_build(landing: Path, warehouse: Path, full_refresh: bool = False) -> list[str]:
    from mhw.build import build

    messages: list[str] = []
    build(landing, warehouse, warehouse.parent / "exports", docs=False, full_refresh=full_refresh, log=messages.append)
    return messages


def tables(warehouse: Path, like: str) -> list[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select table_schema || '.' || table_name from information_schema.tables "
            "where table_schema in ('intermediate', 'marts') and table_name like ? "
            "and table_type = 'BASE TABLE' order by 1",
            [like],
        ).fetchall()
    return [r[0] for r in rows]


def assert_same_as_full_build(incremental: Path, full: Path, like: str = "%lda%", per_month=PER_MONTH_MODELS) -> None:
    """Every table of the domain in the incremental warehouse has the rows of the full build, no
    more, no less (the views select from these)."""
    relations = tables(full, like)
    assert relations == tables(incremental, like)
    assert {f"intermediate.{m}" for m in per_month} <= set(relations)
    con = duckdb.connect()
    con.execute(f"attach '{incremental}' as inc (read_only)")
    con.execute(f"attach '{full}' as ful (read_only)")
    for relation in relations:
        n = con.execute(f"select count(*) from ful.{relation}").fetchone()[0]
        extra, missing = (
            con.execute(f"select count(*) from (from {a}.{relation} except all from {b}.{relation})").fetchone()[0]
            for a, b in (("inc", "ful"), ("ful", "inc"))
        )
        assert (extra, missing) == (0, 0), f"{relation}: {extra} rows only incremental, {missing} only full (of {n})"
    con.close()


def compiled(model: str, area: str = "lda_mha") -> str:
    """The SQL dbt ran for a model in the last build."""
    folder = REPO / "target" / "compiled" / "mh_warehouse" / "models" / "intermediate" / area
    return (folder / f"{model}.sql").read_text()


def months_in_spells(warehouse: Path) -> list[int]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        query = "select distinct uniq_month_id from intermediate.int_lda_mha__spells order by 1"
        return [r[0] for r in con.execute(query).fetchall()]


def test_adding_a_month_processes_only_that_month_and_equals_a_full_build(monthly_files, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    landing = landing_with(tmp_path / "landing", monthly_files, MONTHS[:3])
    warehouse = tmp_path / "inc" / "mh.duckdb"
    first = run_build(landing, warehouse)
    assert any("to process: 1459, 1460, 1461" in m for m in first)
    assert months_in_spells(warehouse) == list(MONTHS[:3])

    landing_with(landing, monthly_files, MONTHS)  # the fourth month's files arrive
    second = run_build(landing, warehouse)
    assert any(m.startswith("==> Incremental build") for m in second)
    assert any("mhsds_records: 4 months (uniq_month_id); to process: 1462" in m for m in second)
    # the per-month models read only the new month's files
    for model in PER_MONTH_MODELS[:2]:
        sql = compiled(model)
        assert "_1462.csv" in sql and "uniq_month_id in (1462)" in sql
        assert not any(f"_{m}.csv" in sql for m in MONTHS[:3]), model
    assert months_in_spells(warehouse) == list(MONTHS)

    full = tmp_path / "full" / "mh.duckdb"
    messages = run_build(landing, full, full_refresh=True)
    assert any("to process: 1459, 1460, 1461, 1462" in m for m in messages)
    assert_same_as_full_build(warehouse, full)


def test_changed_and_removed_files_are_reprocessed_and_equal_a_full_build(monthly_files, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    landing = landing_with(tmp_path / "landing", monthly_files, MONTHS)
    warehouse = tmp_path / "inc" / "mh.duckdb"
    run_build(landing, warehouse)
    # nothing new: no month processed, the result unchanged
    again = run_build(landing, warehouse)
    assert any("to process: none" in m for m in again)
    assert months_in_spells(warehouse) == list(MONTHS)

    # month 1460's MHA periods replaced by a corrected file (half its rows); month 1459 withdrawn
    episodes = landing / "mhsds_records" / "MHS401MHActPeriod_1460.csv"
    lines = episodes.read_text().splitlines(keepends=True)
    episodes.write_text("".join(lines[:1] + lines[1::2]))
    for path in (landing / "mhsds_records").glob("*_1459.*"):
        path.unlink()
    changed = run_build(landing, warehouse)
    assert any("mhsds_records: 3 months (uniq_month_id); to process: 1460" in m for m in changed)
    assert any("(removed from the warehouse): 1459" in m for m in changed)
    assert months_in_spells(warehouse) == [1460, 1461, 1462]

    full = tmp_path / "full" / "mh.duckdb"
    run_build(landing, full, full_refresh=True)
    assert_same_as_full_build(warehouse, full)


def test_a_build_of_other_code_or_topics_starts_from_an_empty_warehouse(tmp_path):
    """The previous warehouse is the starting point only when its state key (code and landing topics)
    is the same; --full-refresh never starts from it."""
    from mhw.build import start_from_previous

    previous = tmp_path / "mh.duckdb"
    with duckdb.connect(str(previous)) as con:
        con.execute("create schema landing")
        con.execute("create table landing.build_state as select 'key A' as state_key")
    building = tmp_path / "building" / "mh.duckdb"
    building.parent.mkdir()
    said: list[str] = []
    assert not start_from_previous(previous, building, "key B", False, said.append)
    assert not building.exists() and "the code or the landing topics changed" in said[-1]
    assert not start_from_previous(previous, building, "key A", True, said.append)
    assert not building.exists() and "--full-refresh" in said[-1]
    assert start_from_previous(previous, building, "key A", False, said.append)
    assert building.exists() and said[-1].startswith("==> Incremental build")


def test_state_key_follows_the_topics_present(tmp_path):
    from mhw.build import state_key

    (tmp_path / "mhsds_records").mkdir()
    only_records = state_key(tmp_path)
    (tmp_path / "reference").mkdir()
    assert state_key(tmp_path) != only_records


def test_monthly_csvs_are_harmonised_by_reporting_period(demo_landing, tmp_path, monkeypatch):
    """The published monthly CSVs: a new file processes only its reporting period, and a later
    status of a period (Performance after Provisional) replaces it, as in a full build; removing it
    brings the earlier status back."""
    monkeypatch.chdir(tmp_path)
    files = {p.name: p for p in (demo_landing / "mhsds").iterdir()}
    landing = tmp_path / "landing"
    (landing / "mhsds").mkdir(parents=True)

    def arrive(*names):
        for name in names:
            shutil.copy(files[name], landing / "mhsds" / name)

    arrive("MHSDS Data_112020_Perf.csv", "MHSDS Data_122020_Prov.csv")
    warehouse = tmp_path / "inc" / "mh.duckdb"
    first = run_build(landing, warehouse)
    assert any("mhsds: 2 months (reporting_period_start); to process: 2020-11-01, 2020-12-01" in m for m in first)

    arrive("MHSDS Data_122020_Perf.csv", "MHSDS Data_082022_Prov.csv")
    second = run_build(landing, warehouse)
    assert any("mhsds: 3 months (reporting_period_start); to process: 2020-12-01, 2022-08-01" in m for m in second)
    sql = compiled("int_mhsds__area_cells", "mhsds")
    assert "122020_Prov" in sql and "122020_Perf" in sql and "082022_Prov" in sql and "112020" not in sql
    with duckdb.connect(str(warehouse), read_only=True) as con:
        statuses = con.execute(
            "select distinct reporting_period_start, source_file from intermediate.int_mhsds__area_cells order by 1"
        ).fetchall()
    assert [(str(d), f) for d, f in statuses] == [
        ("2020-11-01", "mhsds/MHSDS Data_112020_Perf.csv"),
        ("2020-12-01", "mhsds/MHSDS Data_122020_Perf.csv"),
        ("2022-08-01", "mhsds/MHSDS Data_082022_Prov.csv"),
    ]
    full = tmp_path / "full" / "mh.duckdb"
    run_build(landing, full, full_refresh=True)
    assert_same_as_full_build(warehouse, full, "%mhsds%", ["int_mhsds__area_cells"])

    (landing / "mhsds" / "MHSDS Data_122020_Perf.csv").unlink()  # withdrawn: Provisional is the latest again
    third = run_build(landing, warehouse)
    assert any("to process: 2020-12-01" in m for m in third)
    run_build(landing, full, full_refresh=True)
    assert_same_as_full_build(warehouse, full, "%mhsds%", ["int_mhsds__area_cells"])
