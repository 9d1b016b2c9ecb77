"""Loaders: recognition by header, ignored files, drift, BOM/CRLF, headerless ODS files, ZIPs."""

from __future__ import annotations

import hashlib
import zipfile

import pytest

from conftest import landing_sql
from mhw.landing import LandingFile, SchemaDriftError, recognise
from mhw.stage import stage


def write(path, text, encoding="utf-8", newline="\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text.replace("\n", newline))
    return path


def staged(out, source_id):
    return landing_sql(out, f"select * from landing.{source_id} order by _source_row")


def recognised(path, topic="reference"):
    parts, reason = recognise(LandingFile(path, f"{topic}/{path.name}", topic))
    return sorted({p.source.id for p in parts}), reason


def test_recognised_by_header_not_by_name(landing):
    path = write(
        landing / "reference" / "whatever_name.csv", "CCG21CD,CCG21CDH,CCG21NM\nE38000006,02P,NHS Barnsley CCG\n"
    )
    assert recognised(path) == (["ons_ccg_codes"], "")


def test_most_specific_signature_wins(landing):
    path = write(
        landing / "reference" / "lookup.csv",
        "FID,LSOA11CD,LSOA11NM,CCG21CD,CCG21CDH,CCG21NM,LAD21CD,LAD21NM\n"
        "1,E01007420,Barnsley 016C,E38000006,02P,NHS Barnsley CCG,E08000016,Barnsley\n",
    )
    assert recognised(path)[0] == ["ons_lsoa_ccg_lad"]


def test_unrecognised_file_is_ignored_with_reason(landing, tmp_path):
    write(landing / "reference" / "notes.csv", "colour,shape\nred,round\n")
    write(landing / "reference" / "readme.txt", "hello\n")
    result = stage(landing, tmp_path / "out", log=lambda *_: None)
    by_path = {row["path"]: row for row in result.manifest}
    assert by_path["reference/notes.csv"]["status"] == "ignored"
    assert "colour, shape" in by_path["reference/notes.csv"]["detail"]
    assert by_path["reference/readme.txt"]["status"] == "ignored"
    assert ".txt" in by_path["reference/readme.txt"]["detail"]


def test_schema_drift_names_file_and_missing_column(landing):
    path = write(
        landing / "reference" / "ref_ccg21.csv", "CCG21CD,CCG21CDH,CCG21NAME\nE38000006,02P,NHS Barnsley CCG\n"
    )
    with pytest.raises(SchemaDriftError) as err:
        recognise(LandingFile(path, "reference/ref_ccg21.csv", "reference"))
    message = str(err.value)
    assert "reference/ref_ccg21.csv" in message
    assert "ccg_name" in message and "CCG(?P<vintage>\\d\\d)NM" in message


def test_bom_and_crlf(landing, tmp_path):
    write(
        landing / "reference" / "ref_ccg20.csv",
        "CCG20CD,CCG20CDH,CCG20NM\nE38000004,07L,NHS Barking CCG\n",
        encoding="utf-8-sig",
        newline="\r\n",
    )
    assert (landing / "reference" / "ref_ccg20.csv").read_bytes().startswith(b"\xef\xbb\xbfCCG20CD")
    stage(landing, tmp_path / "out", log=lambda *_: None)
    rows = staged(tmp_path / "out", "ons_ccg_codes")
    assert rows == [("E38000004", "07L", "NHS Barking CCG", "2020", "reference/ref_ccg20.csv", 2)]


def test_codes_keep_leading_zeros_and_empty_is_null(landing, tmp_path):
    write(landing / "reference" / "succ.csv", '"001","016","","19960401","0"\r\n"00C","16C","","20200401",""\r\n')
    stage(landing, tmp_path / "out", log=lambda *_: None)
    rows = staged(tmp_path / "out", "ods_succ")
    assert rows[0][:5] == ("001", "016", None, "19960401", "0")
    assert rows[1][4] is None


def test_headerless_ods_files_told_apart_by_content(demo_landing):
    assert recognised(demo_landing / "reference" / "eccg.csv")[0] == ["ods_eccg"]
    assert recognised(demo_landing / "reference" / "etr.csv")[0] == ["ods_etr"]
    assert recognised(demo_landing / "reference" / "succ.csv")[0] == ["ods_succ"]


def test_workbook_layouts_hierarchical_and_flat(demo_landing, tmp_path):
    parts, _ = recognise(
        LandingFile(demo_landing / "population" / "pop_2018.xlsx", "population/pop_2018.xlsx", "population")
    )
    assert sorted(p.sheet for p in parts) == ["Mid-2018 Females", "Mid-2018 Males", "Mid-2018 Persons"]
    assert all(p.header_row == 6 for p in parts)  # row 7 of the sheet, as published
    out = tmp_path / "out"
    stage(demo_landing, out, log=lambda *_: None)
    years = landing_sql(out, "select distinct year from landing.ons_ccg_population_sya order by 1")
    assert [r[0] for r in years] == ["2018", "2019", "2020"]
    ages = landing_sql(out, "select count(distinct age) from landing.ons_ccg_population_sya")
    assert ages[0][0] == 91  # 0..89 and 90+


def test_zip_members_are_staged_and_escapes_refused(landing, tmp_path):
    archive = landing / "reference" / "codes.zip"
    archive.parent.mkdir(parents=True)
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("inner/ref_ccg21.csv", "CCG21CD,CCG21CDH,CCG21NM\nE38000006,02P,NHS Barnsley CCG\n")
        zf.writestr("../../escaped.csv", "CCG21CD,CCG21CDH,CCG21NM\nE38000007,99E,NHS Basildon CCG\n")
        zf.writestr("/abs.csv", "x\n")
    result = stage(landing, tmp_path / "out", log=lambda *_: None)
    statuses = {row["path"]: row["status"] for row in result.manifest}
    assert statuses["reference/codes.zip"] == "extracted"
    assert statuses["reference/codes.zip!inner/ref_ccg21.csv"] == "staged"
    assert statuses["reference/codes.zip!../../escaped.csv"] == "refused"
    assert statuses["reference/codes.zip!/abs.csv"] == "refused"
    assert not list(tmp_path.rglob("escaped.csv")) and not (tmp_path.parent / "escaped.csv").exists()
    assert [r[0] for r in staged(tmp_path / "out", "ons_ccg_codes")] == ["E38000006"]


def test_absent_topic_is_skipped_with_notice_and_sources_staged_empty(landing, tmp_path):
    write(landing / "reference" / "ref_ccg21.csv", "CCG21CD,CCG21CDH,CCG21NM\nE38000006,02P,NHS Barnsley CCG\n")
    lines = []
    result = stage(landing, tmp_path / "out", log=lines.append)
    assert "population" in result.absent_topics and "reference" in result.present_topics
    assert any("topic population/ is absent" in line for line in lines)
    assert any("no file for ods_succ" in line for line in lines)
    assert staged(tmp_path / "out", "ods_succ") == []  # present, empty, with its columns


def test_manifest_records_every_file_with_checksum(demo_landing, tmp_path):
    result = stage(demo_landing, tmp_path / "out", log=lambda *_: None)
    files = sorted(p for p in demo_landing.rglob("*") if p.is_file())
    assert len(result.manifest) == len(files)
    for row in result.manifest:
        path = demo_landing / row["path"]
        assert row["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert row["size_bytes"] == path.stat().st_size
    manifest = landing_sql(tmp_path / "out", "select status, count(*) from landing.manifest group by 1 order by 1")
    assert manifest == [("ignored", 1), ("staged", len(files) - 1)]  # only the demo README is ignored


def test_ragged_csv_error_names_file_and_line(landing, tmp_path):
    write(
        landing / "reference" / "ref_ccg21.csv",
        "CCG21CD,CCG21CDH,CCG21NM\nE38000006,02P,NHS Barnsley CCG\nE38000007,99E,NHS B,extra,fields\n",
    )
    from mhw.landing import LoadError

    with pytest.raises(LoadError) as err:
        stage(landing, tmp_path / "out", log=lambda *_: None)
    assert "reference/ref_ccg21.csv" in str(err.value) and "Line" in str(err.value)
