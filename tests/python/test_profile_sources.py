"""Profile sources: the file-name capture of the stager and the OAP / MHSDS layouts."""

from __future__ import annotations

from conftest import landing_sql
from mhw.landing import LandingFile, filename_values, recognise
from mhw.sources import REGISTRY
from mhw.stage import stage


def write(path, text, bom=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8-sig" if bom else "utf-8")
    return path


def staged(out, source_id, columns):
    return landing_sql(out, f"select {columns} from landing.{source_id} order by _source_file, _source_row")


def test_filename_groups_become_columns_and_do_not_decide_recognition(landing, tmp_path):
    early = (
        "Question,Breakdown1,Breakdown1Code,Breakdown2,Breakdown2Code,value\nOAPs active at period end,Ccg,80A,,,*\n"
    )
    write(landing / "oaps" / "oaps-open-data-oct-2016.csv", early)
    # recognised by header even if the name says nothing (other content: an equal file is a duplicate)
    write(landing / "oaps" / "renamed.csv", early.replace("80A", "81A"))
    stage(landing, tmp_path / "out", log=lambda *_: None)
    rows = staged(tmp_path / "out", "nhsd_oaps_open_data", "_source_file, file_month_name, file_year, value")
    assert rows == [
        ("oaps/oaps-open-data-oct-2016.csv", "oct", "2016", "*"),
        ("oaps/renamed.csv", None, None, "*"),
    ]


def test_filename_regex_is_case_insensitive_and_reads_zip_member_names():
    source = REGISTRY["nhsd_oaps_open_data"]
    assert filename_values(source, "oaps/OAPs-Open-Data-February-2017.CSV") == {
        "file_month_name": "Feb",
        "file_year": "2017",
    }
    assert filename_values(source, "oaps/archive.zip!inner/oaps-open-data-nov-2016.csv")["file_month_name"] == "nov"
    assert filename_values(source, "oaps/no-month-here.csv") == {}


def test_oap_layouts_all_recognised_with_optional_columns(landing):
    headers = {
        "a.csv": "Question,Breakdown1,Breakdown1Code,Breakdown2,Breakdown2Code,value",
        "b.csv": "Question,Breakdown1,Breakdown1Code,Breakdown1Description,Breakdown2,Breakdown2Code,"
        "Breakdown2Description,value",
        "c.csv": "PublicationDate,PublicationPeriod,Grouping,Question,Breakdown1,Breakdown1Code,Breakdown1Description,"
        "Breakdown2,Breakdown2Code,Breakdown2Description,value",
    }
    for name, header in headers.items():
        path = write(landing / "oaps" / name, header + "\n" + ",".join(["x"] * header.count(",")) + ",1\n", bom=True)
        parts, reason = recognise(LandingFile(path, f"oaps/{name}", "oaps"))
        assert [p.source.id for p in parts] == ["nhsd_oaps_open_data"], reason


def test_dashboard_extract_melted_with_indicator_from_name(landing, tmp_path):
    write(
        landing / "oaps" / "nhsmh-dashboard-q4-21-22-v3.2_CR(iii_b)_FINAL_CALC.csv",
        "Region Code,STP Code,Org code,Org name,Org Type,Q4 2020/21,Q1 2021/22\n"
        "EN,EN,ENGLAND,ENGLAND,National,#N/A,42\n",
    )
    stage(landing, tmp_path / "out", log=lambda *_: None)
    rows = staged(tmp_path / "out", "nhse_dashboard_oaps", "dashboard_code, dashboard_edition, quarter_label, value")
    assert rows == [("CR(iii_b)", "q4-21-22", "Q4 2020/21", "#N/A"), ("CR(iii_b)", "q4-21-22", "Q1 2021/22", "42")]


def test_demo_writes_every_oap_layout_and_mhsds_statuses(demo_landing):
    oaps = sorted(p.name for p in (demo_landing / "oaps").iterdir())
    assert "oaps-open-data-oct-2016.csv" in oaps and "oaps-open-data-nov-2020.csv" in oaps
    assert sum("dashboard" in name for name in oaps) == 3
    assert (demo_landing / "oaps" / "oaps-open-data-dec-2016.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    text = "".join(p.read_bytes().decode() for p in sorted((demo_landing / "mhsds").iterdir()))
    assert "Provisional" in text and "Performance" in text and "Sub ICB - GP Practice or Residence" in text
    assert ",*\r\n" in text


def test_cmhs_workbook_both_sheets_with_survey_year_from_sheet_name(demo_landing, tmp_path):
    from mhw.demo.formats import write_xlsx

    root = tmp_path / "landing"
    write_xlsx(
        root / "cmhs" / "benchmark.xlsx",
        {
            "Notes": [["About this file"]],
            "CMH19_Trust_Respondents": [["title"], [], ["Trust code", "Trust name", "Respondents"], ["RX1", "A", 300]],
            "CMH19_Trust_Scores": [["Trust code", "Trust name", "meanQ3", "meanQ10a"], ["RX1", "A", 7.25, None]],
        },
    )
    stage(root, tmp_path / "out", log=lambda *_: None)
    assert staged(tmp_path / "out", "cqc_cmhs_trust_respondents", "survey_vintage, trust_code, respondents") == [
        ("2019", "RX1", "300")
    ]
    assert staged(tmp_path / "out", "cqc_cmhs_trust_scores", "survey_vintage, question, mean_score") == [
        ("2019", "meanQ3", "7.25")
    ]


def test_two_row_header_upper_row_filled_right_and_data_after_both_rows(landing, tmp_path):
    from mhw.landing import combined_header

    assert combined_header(["Code", "", "Seclusion", "", "Chemical"], ["", "", "BAME", "Non-BAME", "BAME"]) == [
        "Code",
        "Code",  # a blank upper cell continues the heading to its left
        "Seclusion | BAME",
        "Seclusion | Non-BAME",
        "Chemical | BAME",
    ]
    write(
        landing / "mhsds" / "restraint.csv",
        "Provider code,Provider name,Seclusion,,Chemical\n,,BAME,Non-BAME,BAME\n"
        "RX1,Trust one,1.5,#DIV/0!,2\nAverage,,1.5,#DIV/0!,2\n",
        bom=True,
    )
    stage(landing, tmp_path / "out", log=lambda *_: None)
    rows = staged(tmp_path / "out", "nhsd_restraint_ethnicity_wide", "provider_code, heading, rate_per_1000_bed_days")
    assert rows[:3] == [
        ("RX1", "Seclusion | BAME", "1.5"),
        ("RX1", "Seclusion | Non-BAME", "#DIV/0!"),
        ("RX1", "Chemical | BAME", "2"),
    ]
    assert landing_sql(tmp_path / "out", "select min(_source_row) from landing.nhsd_restraint_ethnicity_wide") == [(3,)]
    assert len(rows) == 6  # the Average row is staged; the staging model flags it
