"""The profile's demo landing zone carries every awkward case the issue lists, in the formats the
real files come in (the CMHS workbook as XLSX and as ODS)."""

from __future__ import annotations

import csv
import zipfile

from mhw.demo.world import build_world


def _csv_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.reader(fh))


def test_cmhs_workbook_as_xlsx_and_ods(demo_landing):
    names = sorted(p.name for p in (demo_landing / "cmhs").iterdir())
    assert any(n.endswith(".xlsx") for n in names) and any(n.endswith(".ods") for n in names)
    ods = next((demo_landing / "cmhs").glob("*.ods"))
    with zipfile.ZipFile(ods) as zf:
        assert zf.namelist()[0] == "mimetype"  # stored first, as OpenDocument requires
        assert zf.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        content = zf.read("content.xml").decode()
    assert 'table:name="CMH20_Trust_Respondents"' in content and 'table:name="CMH20_Trust_Scores"' in content


def test_ods_workbook_is_read_like_xlsx(tmp_path):
    from python_calamine import CalamineWorkbook

    from mhw.demo.formats import write_ods

    path = tmp_path / "book.ods"
    rows = [["Title & notes"], [], ["Trust code", "meanQ3"], ["RX1", 7.5], ["RX2", ""]]
    write_ods(path, {"CMH20_Trust_Scores": rows})
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("CMH20_Trust_Scores").to_python()
    assert rows[0][0] == "Title & notes" and rows[3] == ["RX1", 7.5] and rows[4] == ["RX2", ""]


def test_awkward_cases_present(demo_landing):
    world = build_world()
    oaps, mhsds = demo_landing / "oaps", demo_landing / "mhsds"

    # a month whose columns differ
    headers = {tuple(_csv_rows(p)[0]) for p in oaps.glob("oaps-open-data-*.csv")}
    assert len(headers) >= 2
    # `*` cells in OAPs, MHSDS monthly and the published restraint CSV
    assert any("*" in row for p in oaps.glob("oaps-open-data-*.csv") for row in _csv_rows(p))
    assert any(row[-1] == "*" for p in mhsds.glob("MHSDS Data_*.csv") for row in _csv_rows(p))
    assert any(row[-1] == "*" for row in _csv_rows(mhsds / "MHSDS Restrictive Interventions Nov 2020.csv"))
    # a trust serving three CCGs, present in every trust-level file
    wide = _csv_rows(mhsds / "restraint_by_ethnicity_data_map.csv")
    three = [t.code for t in world.trusts if len(t.serves) >= 3]
    assert three and three[0] in {row[0] for row in wide}
    # a predecessor-coded CCG row (a code closed before 2021) in the OAPs
    predecessors = {c.ods for c in world.ccgs.values() if c.closed}
    oap_codes = {cell for p in oaps.glob("oaps-open-data-*.csv") for row in _csv_rows(p) for cell in row}
    assert predecessors & oap_codes
    # codes that match nothing: a CCG code and a trust code
    known = set(world.ccgs) | {c.ons_by_vintage.get(v) for c in world.ccgs.values() for v in c.ons_by_vintage}
    assert oap_codes & {"99Z"} and "99Z" not in known
    trust_codes = {t.code for t in world.trusts}
    assert "RZZ" in {row[0] for row in wide} and "RZZ" not in trust_codes
    # `#DIV/0!` and the data map's Average row; BOMs
    assert any("#DIV/0!" in row for row in wide) and any(row[0] == "Average" for row in wide)
    assert (mhsds / "restraint_by_ethnicity_data_map.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (oaps / "oaps-open-data-dec-2016.csv").read_bytes().startswith(b"\xef\xbb\xbf")
