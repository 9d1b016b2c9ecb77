"""What makes the exports stand alone: `README.md` (every file, its grain, columns, periods, the
suppression convention, licence and attribution) and `mh_warehouse_published.xlsx` (every exported
table as a sheet after a Notes sheet), both written from the dbt manifest and the warehouse itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

WORKBOOK = "mh_warehouse_published.xlsx"
EXCEL_MAX_ROWS = 1_048_575  # one header row
SHEET_NAME_MAX = 31

SUPPRESSION = (
    "Small numbers: counts derived from record-level data are suppressed under 5 (shown as `*`, or as "
    "an empty value with `is_suppressed` true where the column is numeric) and every other count is "
    "rounded to the nearest 5; rates are computed from the rounded counts and suppressed with them. "
    "A value with any suppressed contributor is suppressed itself (never counted as 0). Empty and not "
    "suppressed means no data. Record-level tables are never exported."
)
LICENCE = (
    "Contains public sector information licensed under the Open Government Licence v3.0 (NHS England, "
    "NHS Digital, Office for National Statistics, Care Quality Commission). Source: Office for National "
    "Statistics licensed under the Open Government Licence v.3.0; Contains OS data © Crown copyright and "
    "database right. The code that made these files is MIT licensed."
)
PRECISION = (
    "Floating-point values are rounded to 6 significant digits, or to the decimals a column declares "
    "(`meta: decimals` in the model's YAML). Rows are sorted by every column in order, numbers held as "
    "text (like `imd_decile`) as numbers."
)


@dataclass
class Table:
    name: str
    description: str
    columns: list[tuple[str, str, str]]  # name, type, description
    rows: int
    periods: list[str] = field(default_factory=list)

    @property
    def grain(self) -> str:
        match = re.search(r"Grain:\s*(.+?\.)(\s|$)", self.description, re.S)
        return " ".join(match.group(1).split()) if match else ""


def _plain(text: str) -> str:
    return " ".join((text or "").split())


def _period_columns(columns: list[tuple[str, str, str]]) -> list[str]:
    """Columns that say when: dates named *period_start / *period_end, years (*_year) and MHSDS months."""
    return [
        name
        for name, kind, _ in columns
        if kind.upper() in ("DATE", "TIMESTAMP", "INTEGER", "BIGINT", "SMALLINT", "HUGEINT")
        and (name.endswith(("period_start", "period_end", "_year")) or name == "uniq_month_id")
    ]


def describe(con, name: str, node: dict) -> Table:
    """One exported table: the manifest's descriptions, the warehouse's types and row count, and the
    range of each period column."""
    types = con.execute(f'select * from "{name}" limit 0').description
    documented = {c: spec.get("description", "") for c, spec in node.get("columns", {}).items()}
    columns = [(c[0], str(c[1]), _plain(documented.get(c[0], ""))) for c in types]
    rows = con.execute(f'select count(*) from "{name}"').fetchone()[0]
    periods = []
    for column in _period_columns(columns):
        low, high = con.execute(f'select min("{column}"), max("{column}") from "{name}"').fetchone()
        if low is not None:
            periods.append(f"`{column}` {_text(low)} to {_text(high)}")
    return Table(name, _plain(node.get("description", "")), columns, rows, periods)


def _text(value) -> str:
    return value.isoformat() if isinstance(value, (date, datetime)) else str(value)


def readme(tables: list[Table], other_files: dict[str, str], dictionary: dict[str, str] | None = None) -> str:
    """The exports' README.md. `other_files`: file name -> what it is (maps, plots, GeoJSON);
    `dictionary`: profile column -> its indicator's period (from dim_indicators)."""
    lines = [
        "# mh-warehouse exports",
        "",
        "Written by `mhw export` (the last step of `make build`) from the warehouse's published models.",
        "Each table comes as CSV (comma, header, UTF-8, ISO dates, `true`/`false`) and Parquet, and as a",
        f"sheet of `{WORKBOOK}` (a Notes sheet first). `dim_indicators` decodes every `indicator_id` and",
        "gives the period each profile column shows.",
        "",
        "## Suppression",
        "",
        SUPPRESSION,
        "",
        "## Precision and order",
        "",
        PRECISION,
        "",
        "## Licence and attribution",
        "",
        LICENCE,
        "",
        "## Tables",
        "",
        "| file | grain | rows | periods |",
        "|---|---|---|---|",
    ]
    for t in tables:
        lines.append(f"| `{t.name}.csv` | {t.grain or '-'} | {t.rows:,} | {'; '.join(t.periods) or '-'} |")
    for t in tables:
        lines += ["", f"### {t.name}", "", t.description or "(no description)", ""]
        if t.periods:
            lines += ["Periods: " + "; ".join(t.periods) + ".", ""]
        lines += ["| column | type | description |", "|---|---|---|"]
        for column, kind, text in t.columns:
            period = (dictionary or {}).get(column) if t.name == "fct_ccg_mental_health_profile" else None
            text = f"{text} Period: {period}." if period else text
            lines.append(f"| `{column}` | {kind} | {text.replace('|', '/')} |")
    if other_files:
        lines += ["", "## Other files", "", "| file | what |", "|---|---|"]
        lines += [f"| `{name}` | {_plain(what)} |" for name, what in sorted(other_files.items())]
    return "\n".join(lines) + "\n"


def sheet_names(names: list[str]) -> dict[str, str]:
    """Table name -> a unique Excel sheet name of at most 31 characters."""
    result: dict[str, str] = {}
    for name in names:
        candidate = name[:SHEET_NAME_MAX]
        n = 2
        while candidate in result.values():
            suffix = f"~{n}"
            candidate = name[: SHEET_NAME_MAX - len(suffix)] + suffix
            n += 1
        result[name] = candidate
    return result


def workbook(con, path: Path, tables: list[Table], queries: dict[str, str]) -> Path:
    """One sheet per table (rows as exported) after a Notes sheet: licence, suppression, precision,
    and per table its sheet, description and columns."""
    from openpyxl import Workbook

    sheets = sheet_names([t.name for t in tables])
    book = Workbook(write_only=True)
    notes = book.create_sheet("Notes")
    for text in (
        "mh-warehouse: published tables",
        "",
        "Suppression: " + SUPPRESSION,
        "Precision and order: " + PRECISION,
        "Licence: " + LICENCE,
        "",
    ):
        notes.append([text])
    notes.append(["sheet", "table", "grain", "rows", "periods", "description"])
    for t in tables:
        notes.append([sheets[t.name], t.name, t.grain, t.rows, "; ".join(t.periods), t.description])
    notes.append([])
    notes.append(["table", "column", "type", "description"])
    for t in tables:
        for column, kind, text in t.columns:
            notes.append([t.name, column, kind, text])
    for t in tables:
        sheet = book.create_sheet(sheets[t.name])
        cursor = con.execute(queries[t.name])
        sheet.append([d[0] for d in cursor.description])
        written = 0
        while batch := cursor.fetchmany(10_000):
            for row in batch:
                if written == EXCEL_MAX_ROWS:
                    break
                sheet.append([_cell(v) for v in row])
                written += 1
        if written < t.rows:
            sheet.append([f"Truncated at Excel's row limit: all {t.rows:,} rows are in {t.name}.csv"])
    book.save(path)
    return path


def _cell(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)  # Excel has no time zones: UTC
    if value is None or isinstance(value, (int, float, str, bool, date, datetime)):
        return value
    return str(value)


def profile_periods(con) -> dict[str, str]:
    """Profile column -> the period it shows (dim_indicators)."""
    rows = con.execute(
        "select profile_column, profile_period_start, profile_period_end from dim_indicators "
        "where profile_column is not null and profile_period_end is not null"
    ).fetchall()
    return {column: f"{_text(start)} to {_text(end)}" for column, start, end in rows}
