"""Hostile landing files outside the record-level reader: symbolic links out of the landing zone,
ZIP bombs (ratio and total-size limits), and a double quote in a header that becomes SQL."""

from __future__ import annotations

import os
import zipfile

import pytest

from conftest import landing_sql
from mhw.landing import LoadError, list_files
from mhw.stage import stage

CODES = "CCG21CD,CCG21CDH,CCG21NM\nE38000006,02P,NHS Barnsley CCG\n"


def quiet(*_):
    pass


def test_symlink_to_a_file_outside_the_landing_zone_stops_the_load_unread(landing, tmp_path):
    secret = tmp_path / "outside" / "secret.csv"
    secret.parent.mkdir()
    secret.write_text("CCG21CD,CCG21CDH,CCG21NM\nE38000099,99X,a line that must never be read\n")
    (landing / "reference").mkdir()
    (landing / "reference" / "ref_ccg21.csv").write_text(CODES)
    os.symlink(secret, landing / "reference" / "codes.csv")
    out = tmp_path / "out.duckdb"
    with pytest.raises(LoadError, match=r"reference/codes.csv: a symbolic link to .*secret.csv, outside the landing"):
        stage(landing, out, log=quiet)
    assert not list(out.rglob("*.parquet"))


def test_symlinked_folder_outside_the_landing_zone_stops_the_load(landing, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "ref_ccg21.csv").write_text(CODES)
    os.symlink(outside, landing / "reference")
    with pytest.raises(LoadError, match="outside the landing zone"):
        list_files(landing)


def test_symlink_inside_the_landing_zone_is_read(landing, tmp_path):
    (landing / "reference").mkdir()
    (landing / "archive").mkdir()
    (landing / "archive" / "codes.csv").write_text(CODES)
    os.symlink(landing / "archive" / "codes.csv", landing / "reference" / "ref_ccg21.csv")
    result = stage(landing, tmp_path / "out.duckdb", log=quiet)
    assert result.rows_by_source["ons_ccg_codes"] == 1


def _bomb(path, member_bytes):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("ok.csv", CODES)
        zf.writestr("inner/bomb.csv", b"0" * member_bytes)


def test_zip_member_with_a_huge_ratio_is_refused_by_name(landing, tmp_path):
    (landing / "reference").mkdir()
    archive = landing / "reference" / "codes.zip"
    _bomb(archive, 190 * 1024**2)  # 190 MB of zeros deflate to about 190 KB
    assert archive.stat().st_size < 400_000
    out = tmp_path / "out.duckdb"
    with pytest.raises(LoadError, match=r"codes.zip!inner/bomb.csv: refused: .* would expand to 199,229,440"):
        stage(landing, out, log=quiet)
    assert not [p for p in out.rglob("*") if p.is_file()]  # nothing extracted, not even ok.csv


def test_zip_total_size_limit(tmp_path):
    from mhw.landing import safe_extract

    archive = tmp_path / "codes.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as zf:
        for i in range(3):
            zf.writestr(f"part{i}.csv", os.urandom(4000))
    with pytest.raises(LoadError, match=r"codes.zip!part2.csv: refused: .* more than 10,000 bytes"):
        safe_extract(archive, tmp_path / "x", max_total=10_000)
    members, refused = safe_extract(archive, tmp_path / "y", max_total=12_000)
    assert len(members) == 3 and refused == []


def test_double_quote_in_a_header_is_quoted_in_the_generated_sql(landing, tmp_path):
    # the data map's wide restraint sheet: two header rows, the headings become melted labels
    (landing / "mhsds").mkdir()
    (landing / "mhsds" / "restraint_wide.csv").write_text(
        'Provider code,Provider name,"Physical ""hold"" restraint",\n'
        ",,BAME,Non-BAME\n"
        "RXX,A Trust,1.5,#DIV/0!\n"
    )
    out = tmp_path / "out.duckdb"
    stage(landing, out, log=quiet)
    rows = landing_sql(
        out, "select heading, rate_per_1000_bed_days from landing.nhsd_restraint_ethnicity_wide order by heading"
    )
    assert rows == [('Physical "hold" restraint | BAME', "1.5"), ('Physical "hold" restraint | Non-BAME', "#DIV/0!")]
