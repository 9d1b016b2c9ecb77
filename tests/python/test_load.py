"""The load layer: landing files read in place, exact row accounting, duplicates, the build lock,
and a delivered warehouse that works from anywhere (issue 13)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import REPO, landing_sql
from mhw.build import BuildError, build, build_lock
from mhw.landing import LoadError
from mhw.stage import stage

ADMISSIONS = "person_id,admission_date,discharge_date\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def admissions(n, first=0):
    return "".join(f"P{i:06d},2011-03-26,2011-05-09\n" for i in range(first, first + n))


def load(landing, tmp_path, log=None):
    lines = []
    result = stage(landing, tmp_path / "wh" / "mh.duckdb", log=lines.append if log is None else log)
    return result, lines


def test_delimited_and_parquet_files_are_read_where_they_lie(landing, tmp_path):
    csv = write(landing / "cmh_cohort" / "admissions.csv", ADMISSIONS + admissions(3))
    frame = duckdb.sql(
        "select 'P1' as Person_ID, '1459' as UniqMonthID, '01' as DisabCode union all select 'P2', '1459', '02'"
    )
    (landing / "mhsds_records").mkdir()
    parquet = landing / "mhsds_records" / "MHS007DisabilityType.parquet"
    frame.write_parquet(str(parquet))
    result, _ = load(landing, tmp_path)
    database = tmp_path / "wh" / "mh.duckdb"
    views = dict(landing_sql(database, "select view_name, sql from duckdb_views() where schema_name = 'landing'"))
    assert str(csv.resolve()) in views["cohort_admissions"]  # the landing file itself, by absolute path
    assert str(parquet.resolve()) in views["nhsd_mhs007_disability_type"]
    assert sorted(p.name for p in (tmp_path / "wh").iterdir()) == ["mh.duckdb"]  # no copy beside it
    assert landing_sql(database, "select person_id, _source_row from landing.cohort_admissions order by 2") == [
        ("P000000", 2),
        ("P000001", 3),
        ("P000002", 4),
    ]
    assert landing_sql(database, "select count(*) from landing.nhsd_mhs007_disability_type") == [(2,)]
    assert result.rows_by_source["cohort_admissions"] == 3


def test_unterminated_quote_stops_the_load_naming_file_and_line(landing, tmp_path):
    rows = admissions(660).splitlines(keepends=True)
    rows[299] = 'P000299,"2011-03-26,2011-05-09\n'  # line 301 of the file (the header is line 1)
    write(landing / "cmh_cohort" / "admissions.csv", ADMISSIONS + "".join(rows))
    with pytest.raises(LoadError, match=r"cmh_cohort/admissions\.csv: a quote opened on line 301 is never closed"):
        load(landing, tmp_path)


@pytest.mark.parametrize("bad", ["P000009,2011-03-26", "P000009,2011-03-26,2011-05-09,extra"])
def test_a_row_with_fewer_or_more_fields_than_the_header_names_file_and_line(landing, tmp_path, bad):
    rows = admissions(20).splitlines(keepends=True)
    rows[9] = bad + "\n"  # line 11
    write(landing / "cmh_cohort" / "admissions.csv", ADMISSIONS + "".join(rows))
    with pytest.raises(LoadError) as err:
        load(landing, tmp_path)
    message = str(err.value)
    assert "cmh_cohort/admissions.csv" in message and "Line: 11" in message


def test_truncated_last_line_of_a_record_level_file_is_an_error(landing, tmp_path):
    write(landing / "cmh_cohort" / "admissions.csv", ADMISSIONS + admissions(5) + "P000005,2011-03-26,2011-05")
    with pytest.raises(LoadError, match=r"admissions\.csv: the last line \(line 7\) has no line end"):
        load(landing, tmp_path)


def test_published_file_without_a_final_line_end_is_counted_whole(landing, tmp_path):
    write(landing / "reference" / "ref_ccg21.csv", "CCG21CD,CCG21CDH,CCG21NM\nE38000006,02P,A\nE38000007,99E,B")
    result, _ = load(landing, tmp_path)
    assert result.manifest[0]["rows"] == 2
    assert landing_sql(tmp_path / "wh" / "mh.duckdb", "select count(*) from landing.ons_ccg_codes") == [(2,)]


def test_manifest_rows_are_records_not_lines(landing, tmp_path):
    # a quoted field with a line break and a doubled quote: 3 records on 5 lines
    write(
        landing / "reference" / "ref_ccg21.csv",
        'CCG21CD,CCG21CDH,CCG21NM\nE38000006,02P,"NHS ""A""\nCCG"\n\nE38000007,99E,B\nE38000008,99F,"C,D"\n',
    )
    result, _ = load(landing, tmp_path)
    assert result.manifest[0]["rows"] == 3
    rows = landing_sql(tmp_path / "wh" / "mh.duckdb", "select rows from landing.manifest")
    assert rows == [(3,)]


def test_reader_returning_fewer_rows_than_counted_stops_the_load(landing, tmp_path, monkeypatch):
    import mhw.stage

    reader = mhw.stage._csv_reader
    # a reader that silently stops early (as DuckDB's single-threaded reader does at a stray quote)
    monkeypatch.setattr(mhw.stage, "_csv_reader", lambda path, part: f"(select * from {reader(path, part)} limit 300)")
    write(landing / "cmh_cohort" / "admissions.csv", ADMISSIONS + admissions(660))
    with pytest.raises(LoadError) as err:
        load(landing, tmp_path)
    assert str(err.value) == (
        "cmh_cohort/admissions.csv: the reader returned 300 of 660 rows; the first row not read starts on line 302"
    )


def test_duplicate_files_are_loaded_once_and_reported(landing, tmp_path):
    text = ADMISSIONS + admissions(660)
    write(landing / "cmh_cohort" / "admissions.csv", text)
    write(landing / "cmh_cohort" / "admissions_copy.csv", text)
    write(landing / "cmh_cohort" / "admissions_other.csv", ADMISSIONS + admissions(1, first=900))
    result, lines = load(landing, tmp_path)
    by_path = {row["path"]: row for row in result.manifest}
    assert by_path["cmh_cohort/admissions_copy.csv"]["status"] == "duplicate"
    assert "cmh_cohort/admissions.csv" in by_path["cmh_cohort/admissions_copy.csv"]["detail"]
    assert by_path["cmh_cohort/admissions_other.csv"]["status"] == "staged"
    assert any("admissions_copy.csv: duplicate of cmh_cohort/admissions.csv" in line for line in lines)
    assert result.rows_by_source["cohort_admissions"] == 661
    database = tmp_path / "wh" / "mh.duckdb"
    assert landing_sql(database, "select count(*) from landing.cohort_admissions") == [(661,)]
    statuses = landing_sql(database, "select status, count(*) from landing.manifest group by 1 order by 1")
    assert statuses == [("duplicate", 1), ("staged", 2)]


def test_a_second_build_into_the_same_warehouse_is_refused(copy_demo, tmp_path):
    warehouse = tmp_path / "wh" / "mh.duckdb"
    warehouse.parent.mkdir()
    with build_lock(warehouse), pytest.raises(BuildError, match=r"another build into .*mh\.duckdb is running \(pid"):
        build(copy_demo("reference"), warehouse, tmp_path / "exports", docs=False, log=lambda *_: None)
    assert not warehouse.exists()


def _query_every_relation(database):
    with duckdb.connect(str(database), read_only=True) as con:
        relations = con.execute(
            "select schema_name, table_name from duckdb_tables() where not internal union all "
            "select schema_name, view_name from duckdb_views() where not internal"
        ).fetchall()
        counts = {f"{s}.{t}": con.execute(f'select count(*) from "{s}"."{t}"').fetchone()[0] for s, t in relations}
        texts = [r[0] for r in con.execute("select sql from duckdb_views() where not internal").fetchall()]
    return counts, texts


def test_delivered_warehouse_works_from_anywhere(copy_demo, tmp_path, monkeypatch):
    """Built from outside the repository with relative paths (dbt runs in the repository). Population
    is absent: its models and the unit tests that need them are excluded (the unit tests of
    int_geography__lsoa_people take stg_ons__lsoa_population as an input)."""
    landing = copy_demo("reference", "mhsds_records")
    monkeypatch.chdir(tmp_path)
    lines = []
    build(landing, Path("wh/mh.duckdb"), Path("exports"), docs=False, log=lines.append)
    warehouse = tmp_path / "wh" / "mh.duckdb"
    assert warehouse.exists() and (tmp_path / "exports").is_dir()
    assert any("unit_test:lsoa_people_latest_population_estimate" in line for line in lines)
    copy = tmp_path / "elsewhere" / "mh.duckdb"
    copy.parent.mkdir()
    shutil.copyfile(warehouse, copy)
    monkeypatch.chdir(tmp_path / "elsewhere")
    counts, texts = _query_every_relation(warehouse)
    assert counts["landing.nhsd_mhs001_mpi"] > 0 and any(k.startswith("staging.stg_nhsd__") for k in counts)
    assert _query_every_relation(copy)[0] == counts
    assert not [t for t in texts if ".building" in t or str(REPO) in t]  # no temporary or repository path
    # a build that fails (here: on bad input) leaves the delivered warehouse and what it reads as they were
    (landing / "mhsds_records" / "MHS000Header_2.csv").write_text(
        "UniqSubmissionID,OrgIDProvider,UniqMonthID,ReportingPeriodStartDate,ReportingPeriodEndDate\n"
        '1,"RX1,1459,2021-10-01,2021-10-31\n'
    )
    monkeypatch.chdir(REPO)
    with pytest.raises(LoadError, match="MHS000Header_2.csv"):
        build(landing, warehouse, tmp_path / "exports", docs=False, log=lambda *_: None)
    monkeypatch.chdir(tmp_path)
    assert _query_every_relation(warehouse)[0] == counts
    assert not os.path.exists(tmp_path / "wh" / ".building" / "mh.duckdb")


def test_record_level_dates_in_uk_order_are_accepted(landing, tmp_path):
    write(landing / "cmh_cohort" / "admissions.csv", ADMISSIONS + "P1,26/03/2011,09/05/2011\nP2,2011-03-26,\n")
    result, _ = load(landing, tmp_path)
    assert result.rows_by_source["cohort_admissions"] == 2


@pytest.mark.parametrize("bad", ["05/31/2011", "40672", "2011-02-30", "26 March 2011"])
def test_a_record_level_date_in_any_other_form_stops_the_load(landing, tmp_path, bad):
    """US order, an Excel serial, an impossible date, words: never read as null."""
    rows = [f"P{i},2011-03-26,2011-05-09\n" for i in range(10)]
    rows[6] = f"P6,2011-03-26,{bad}\n"  # line 8
    write(landing / "cmh_cohort" / "admissions.csv", ADMISSIONS + "".join(rows))
    with pytest.raises(LoadError) as err:
        load(landing, tmp_path)
    assert str(err.value).startswith(
        f"cmh_cohort/admissions.csv: column discharge_date (headed like `discharge_date`): '{bad}' on line 8 "
        "is not a date"
    )


def test_a_date_in_a_record_level_parquet_file_is_checked_too(landing, tmp_path):
    (landing / "mhsds_records").mkdir()
    duckdb.sql(
        "select 'P1' as Person_ID, '1459' as UniqMonthID, 'X' as TreatFuncCodeMH, '2021-10-01' as EndDateAssCareProf "
        "union all select 'P2', '1459', 'X', '44470'"
    ).write_parquet(str(landing / "mhsds_records" / "MHS503AssignedCareProf.parquet"))
    with pytest.raises(LoadError, match=r"column end_date_ass_care_prof .*'44470' on line 2 is not a date"):
        load(landing, tmp_path)


def test_demo_landing_zone_is_written_again_only_when_it_would_differ(tmp_path, monkeypatch):
    """A warehouse reads the demo files where they lie: an unchanged demo is not rewritten."""
    import mhw.build

    monkeypatch.setattr(mhw.build, "DEMO_LANDING", tmp_path / "demo-landing")
    calls = []

    def generate(out, scale, log):
        calls.append(scale)
        shutil.rmtree(out, ignore_errors=True)
        write(out / "reference" / "x.csv", f"scale,{scale}\n")
        return out

    for scale in (1.0, 1.0, 0.5, 0.5):
        assert mhw.build._demo_landing(generate, scale, log=lambda *_: None) == tmp_path / "demo-landing"
    assert calls == [1.0, 0.5]
