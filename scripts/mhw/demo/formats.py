"""Writers for the published file formats, quirks included (BOMs, CRLF, quoting, no header)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

_FIXED_TIME = dt.datetime(2021, 1, 1)


def write_csv(
    path: Path, header: list[str] | None, rows, *, bom: bool = False, crlf: bool = False, quote_all: bool = False
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(
            fh, lineterminator="\r\n" if crlf else "\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
        )
        if header is not None:
            writer.writerow(header)
        writer.writerows(rows)


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    from openpyxl import Workbook

    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.created = workbook.properties.modified = _FIXED_TIME
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append([None if v == "" else v for v in row])
    workbook.save(path)
    _freeze_zip_times(path)


def _freeze_zip_times(path: Path) -> None:
    """Rewrite a ZIP-based workbook with fixed member timestamps, so the demo is byte-identical."""
    import zipfile

    with zipfile.ZipFile(path) as src:
        members = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in members:
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2021-01-01T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2021, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, data)


def write_json(path: Path, document: dict, indent: int | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=indent), encoding="utf-8")


def rectangle(lon_min: float, lat_min: float, lon_max: float, lat_max: float) -> dict:
    ring = [[lon_min, lat_min], [lon_max, lat_min], [lon_max, lat_max], [lon_min, lat_max], [lon_min, lat_min]]
    return {"type": "Polygon", "coordinates": [[[round(x, 6), round(y, 6)] for x, y in ring]]}


_ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
_ODS_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>\n"
)


def write_ods(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    """An OpenDocument spreadsheet (CQC publishes some survey years as .ods): numbers as float
    cells, text as string cells, "" as an empty cell. Written directly (mimetype stored first, as the
    format requires), so it is byte-identical run to run."""
    import zipfile
    from xml.sax.saxutils import escape, quoteattr

    def cell(value: object) -> str:
        if value == "" or value is None:
            return "<table:table-cell/>"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'

    tables = "".join(
        f"<table:table table:name={quoteattr(name)}>"
        + "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
        + "</table:table>"
        for name, rows in sheets.items()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        for name, data, method in (
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED),
            ("META-INF/manifest.xml", _ODS_MANIFEST, zipfile.ZIP_DEFLATED),
            ("content.xml", _ODS_CONTENT.format(tables=tables), zipfile.ZIP_DEFLATED),
        ):
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = method
            zf.writestr(info, data.encode("utf-8"))
