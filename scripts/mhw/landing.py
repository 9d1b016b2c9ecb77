"""Reading a landing folder: list the files per topic, open ZIPs safely, and recognise each
file (or each sheet of a workbook) as a registered source by its header signature."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .sources import TOPICS, Source, sources_for_topic

SAMPLE_ROWS = 200
HEADER_SEARCH_ROWS = 30
HEADERLESS_MATCH_SHARE = 0.8


class LoadError(Exception):
    """A landing file that cannot be loaded; the message names the file (and row or column)."""


class SchemaDriftError(LoadError):
    """A file that looks like a known source but lacks one of its columns."""


@dataclass
class Part:
    """One recognised table inside a file: the whole CSV, or one sheet of a workbook."""

    source: Source
    sheet: str | None
    header_row: int | None  # 0-based row index of the header (None: headerless)
    positions: dict[str, int]  # output column -> 0-based column position
    melt_positions: dict[str, int] = field(default_factory=dict)  # melted header -> position
    values: dict[str, str] = field(default_factory=dict)  # named-group columns -> value


@dataclass
class LandingFile:
    path: Path  # where the bytes are (inside the landing zone or an extracted ZIP member)
    name: str  # how it is reported: topic/relative/path (ZIP members as archive.zip!member)
    topic: str | None


def normalise(name: object) -> str:
    return (cell_text(name) or "").replace("\ufeff", "").strip()


def cell_text(value: object) -> str | None:
    """Spreadsheet cell as text: integral floats lose their '.0', empty becomes None."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value)
    return text if text.strip() != "" else None


def combined_header(upper: list[object], lower: list[object]) -> list[str]:
    """Two header rows as one: the upper row filled right across blanks, joined with ' | '."""
    width = max(len(upper), len(lower))
    names, current = [], ""
    for i in range(width):
        top = normalise(upper[i]) if i < len(upper) else ""
        bottom = normalise(lower[i]) if i < len(lower) else ""
        current = top or current
        names.append(" | ".join(p for p in (current, bottom) if p))
    return names


def header_for(source: Source, rows: list[list[object]], i: int) -> list[str] | None:
    """The header of `source` if it starts at row i (None when the rows run out)."""
    if source.header_rows == 2:
        return combined_header(rows[i], rows[i + 1]) if i + 1 < len(rows) else None
    return [normalise(c) for c in rows[i]] if i < len(rows) else None


def _vintage(group: str, value: str) -> str:
    return "20" + value if re.fullmatch(r"\d\d", value) and "vintage" in group else value


def match_header(source: Source, header: list[str]) -> tuple[dict[str, int], dict[str, str], list[str]]:
    """Map a source's columns onto a header. Returns (positions, named-group values, missing)."""
    names = [normalise(h) for h in header]
    used: set[int] = set()
    positions: dict[str, int] = {}
    values: dict[str, str] = {}
    missing: list[str] = []
    for column, pattern in source.columns.items():
        regex = re.compile(pattern, re.IGNORECASE)
        for i, name in enumerate(names):
            if i in used:
                continue
            m = regex.fullmatch(name)
            if m:
                positions[column] = i
                used.add(i)
                for group, value in m.groupdict().items():
                    if value is not None:
                        values.setdefault(group, _vintage(group, value))
                break
        else:
            if column not in source.optional:
                missing.append(column)
    return positions, values, missing


def melt_columns(source: Source, header: list[str], positions: dict[str, int]) -> dict[str, int]:
    if not source.melt:
        return {}
    regex = re.compile(source.melt[2], re.IGNORECASE)
    taken = set(positions.values())
    return {normalise(h): i for i, h in enumerate(header) if i not in taken and regex.fullmatch(normalise(h))}


def _describe(source: Source, missing: list[str]) -> str:
    wanted = ", ".join(f"'{source.columns[c]}' ({c})" for c in missing)
    return f"looks like {source.id} ({source.title}) but has no column matching {wanted}"


def _best(source_matches: list[tuple[Source, dict, dict, list]]) -> tuple[Source, dict, dict, list] | None:
    full = [m for m in source_matches if not m[3]]
    if full:
        # the most specific signature wins (an LSOA->CCG->LAD lookup also carries CCG codes)
        return max(full, key=lambda m: len(m[0].columns))
    return None


def _near_miss(source_matches: list[tuple[Source, dict, dict, list]]) -> tuple[Source, list] | None:
    near = []
    for source, _positions, _values, missing in source_matches:
        required = len(source.columns) - len(source.optional & set(source.columns))
        found = required - len(missing)
        if missing and found >= 2 and found / required >= 0.6:
            near.append((found / required, source, missing))
    if near:
        _, source, missing = max(near, key=lambda n: n[0])
        return source, missing
    return None


def read_csv_sample(path: Path, limit: int = SAMPLE_ROWS) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
        text = fh.read(1_000_000)
    rows = []
    for row in csv.reader(io.StringIO(text)):
        rows.append(row)
        if len(rows) >= limit:
            break
    return rows


def read_sheets(path: Path) -> dict[str, list[list[object]]]:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        raise LoadError(f"{path.name}: cannot open as a spreadsheet: {exc}") from exc
    return {name: workbook.get_sheet_by_name(name).to_python() for name in workbook.sheet_names}


def read_geojson(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return json.load(fh)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise LoadError(f"{path.name}: not valid JSON: {exc}") from exc


def parquet_header(path: Path) -> list[str]:
    """Column names of a Parquet file, in file order (read from its schema, not its rows)."""
    import duckdb

    try:
        with duckdb.connect() as con:
            return [r[0] for r in con.execute("describe select * from read_parquet(?)", [str(path)]).fetchall()]
    except duckdb.Error as exc:
        raise LoadError(f"{path.name}: cannot be read as Parquet: {exc}") from exc


def geojson_header(document: dict) -> list[str]:
    names: list[str] = []
    for feature in document.get("features", [])[:50]:
        for key in feature.get("properties") or {}:
            if key not in names:
                names.append(key)
    return names


def _headerless_match(source: Source, rows: list[list[str]]) -> bool:
    patterns = [re.compile(p, re.IGNORECASE) for p in source.columns.values()]
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return False
    good = 0
    for row in rows:
        if len(row) >= len(patterns) and all(p.fullmatch(v.strip()) for p, v in zip(patterns, row)):
            good += 1
    return good / len(rows) >= HEADERLESS_MATCH_SHARE


def filename_values(source: Source, name: str) -> dict[str, str]:
    """Named groups of the source's `filename` regex found in a file's base name."""
    if not source.filename:
        return {}
    m = re.search(source.filename, Path(name.split("!")[-1]).name, re.IGNORECASE)
    return {k: _vintage(k, v) for k, v in m.groupdict().items() if v is not None} if m else {}


def recognise(file: LandingFile) -> tuple[list[Part], str]:
    """Recognise a landing file. Returns the parts found and, if none, the reason.

    Raises SchemaDriftError when the file nearly matches a source but lacks a column.
    """
    parts, reason = _recognise(file)
    for part in parts:
        for key, value in filename_values(part.source, file.name).items():
            part.values.setdefault(key, value)
    return parts, reason


def _recognise(file: LandingFile) -> tuple[list[Part], str]:
    if file.topic is None:
        return [], "not inside a landing topic folder (" + ", ".join(TOPICS) + ")"
    candidates = [s for s in sources_for_topic(file.topic) if file.path.suffix.lower() in s.extensions]
    if not sources_for_topic(file.topic):
        return [], f"no source is registered for topic {file.topic}/ yet"
    if not candidates:
        exts = sorted({e for s in sources_for_topic(file.topic) for e in s.extensions})
        return [], f"file type {file.path.suffix or '(none)'} is not read in {file.topic}/ (reads {', '.join(exts)})"
    suffix = file.path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".ods"):
        return _recognise_workbook(file, candidates)
    if suffix in (".json", ".geojson"):
        document = read_geojson(file.path)
        header = geojson_header(document)
        return _recognise_table(file, candidates, header, None, None, rows=None)
    if suffix == ".parquet":
        return _recognise_table(file, candidates, parquet_header(file.path), None, 0, rows=None)
    rows = read_csv_sample(file.path)
    if not rows:
        return [], "empty file"
    return _recognise_table(file, candidates, rows[0], None, 0, rows=rows)


def _recognise_table(file, candidates, header, sheet, header_row, rows):
    headered = [s for s in candidates if not s.headerless]
    headers = {s.id: (header_for(s, rows, 0) or header) if rows is not None else header for s in headered}
    matches = [(s, *match_header(s, headers[s.id])) for s in headered]
    best = _best(matches)
    if best:
        source, positions, values, _ = best
        last = None if header_row is None else header_row + source.header_rows - 1
        melted = melt_columns(source, headers[source.id], positions)
        return [Part(source, sheet, last, positions, melted, values)], ""
    if rows is not None:
        for source in (s for s in candidates if s.headerless):
            if _headerless_match(source, rows):
                return [Part(source, sheet, None, {c: i for i, c in enumerate(source.columns)})], ""
    near = _near_miss(matches)
    if near:
        raise SchemaDriftError(f"{file.name}: {_describe(*near)}; header was: {', '.join(map(normalise, header))}")
    shown = ", ".join(normalise(h) for h in header[:12]) + (" ..." if len(header) > 12 else "")
    return [], f"header matches no registered {file.topic}/ source (columns: {shown})"


def _recognise_workbook(file, candidates):
    sheets = read_sheets(file.path)
    parts: list[Part] = []
    best_miss = None
    for sheet_name, rows in sheets.items():
        for source in candidates:
            m = re.fullmatch(source.sheet or ".*", sheet_name.strip(), re.IGNORECASE)
            if not m:
                continue
            sheet_values = {k: _vintage(k, v) for k, v in m.groupdict().items() if v is not None}
            found = None
            for i in range(min(len(rows), HEADER_SEARCH_ROWS)):
                header = header_for(source, rows, i)
                if header is None:
                    break
                positions, values, missing = match_header(source, header)
                if not missing:
                    found = Part(
                        source,
                        sheet_name,
                        i + source.header_rows - 1,
                        positions,
                        melt_columns(source, header, positions),
                        {**sheet_values, **values},
                    )
                    break
                near = _near_miss([(source, positions, values, missing)])
                if near and (best_miss is None or len(missing) < len(best_miss[2])):
                    best_miss = (sheet_name, source, missing, header)
            if found:
                parts.append(found)
    if parts:
        return parts, ""
    if best_miss:
        sheet_name, source, missing, header = best_miss
        raise SchemaDriftError(
            f"{file.name} (sheet '{sheet_name}'): {_describe(source, missing)}; "
            f"header was: {', '.join(h for h in header if h)}"
        )
    return [], f"no sheet matches a registered {file.topic}/ source (sheets: {', '.join(sheets)})"


ZIP_MAX_TOTAL_BYTES = 8 * 1024**3  # all members of one archive, uncompressed
ZIP_MAX_RATIO = 200  # uncompressed / compressed size of one member ...
ZIP_RATIO_FLOOR_BYTES = 10 * 1024**2  # ... checked once the member is larger than this


def check_zip_limits(archive: Path, members: list[zipfile.ZipInfo], max_total: int, max_ratio: float) -> None:
    """Refuse an archive (LoadError naming the member) whose members would expand past the limits:
    a member more than max_ratio times its compressed size, or more than max_total in all."""
    total = 0
    for info in members:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > ZIP_RATIO_FLOOR_BYTES and ratio > max_ratio:
            raise LoadError(
                f"{archive.name}!{info.filename}: refused: {info.compress_size:,} bytes would expand to "
                f"{info.file_size:,} ({ratio:,.0f} times; the limit is {max_ratio:g} times)"
            )
        total += info.file_size
        if total > max_total:
            raise LoadError(
                f"{archive.name}!{info.filename}: refused: the archive would expand to more than "
                f"{max_total:,} bytes (the limit for one ZIP)"
            )


def safe_extract(
    archive: Path, target: Path, max_total: int = ZIP_MAX_TOTAL_BYTES, max_ratio: float = ZIP_MAX_RATIO
) -> tuple[list[Path], list[str]]:
    """Extract a ZIP into target. Members whose path would leave target are refused; an archive
    past the size or ratio limits stops the load (check_zip_limits) before anything is written."""
    extracted: list[Path] = []
    refused: list[str] = []
    root = target.resolve()
    try:
        zf = zipfile.ZipFile(archive)
    except zipfile.BadZipFile as exc:
        raise LoadError(f"{archive.name}: not a valid ZIP archive ({exc})") from exc
    with zf:
        members = [info for info in zf.infolist() if not info.is_dir()]
        check_zip_limits(archive, members, max_total, max_ratio)
        for info in members:
            destination = (root / info.filename).resolve()
            if info.filename.startswith(("/", "\\")) or not destination.is_relative_to(root) or destination == root:
                refused.append(info.filename)
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            # zipfile stops a member at its declared size, so the limits above hold for the bytes written
            with zf.open(info) as src, open(destination, "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
            extracted.append(destination)
    return extracted, refused


def quote_identifier(name: str) -> str:
    """A name taken from a file (a header, a sheet) as a quoted SQL identifier: any double quote
    inside is doubled, so no header can end the identifier early."""
    return '"' + str(name).replace('"', '""') + '"'


def outside_link(path: Path, root: Path) -> Path | None:
    """Where path really is when a symbolic link (of the file or a folder above it) takes it
    outside root (resolved); None when it stays inside."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError) as exc:  # a link loop
        raise LoadError(f"{path}: cannot be resolved ({exc})") from exc
    return None if real.is_relative_to(root) else real


def list_files(landing: Path) -> tuple[list[LandingFile], list[str]]:
    """All files of a landing zone (hidden files skipped) and the topics that are present.

    A symbolic link that leads outside the landing zone stops the load (it is never read)."""
    files: list[LandingFile] = []
    root = landing.resolve()
    for path in sorted(landing.rglob("*")):
        rel = path.relative_to(landing)
        if any(p.startswith(".") for p in rel.parts):
            continue
        real = outside_link(path, root)
        if real is not None:
            raise LoadError(
                f"{rel.as_posix()}: a symbolic link to {real}, outside the landing zone {root}: not read "
                "(copy the file into the landing zone instead)"
            )
        if not path.is_file():
            continue
        topic = rel.parts[0] if len(rel.parts) > 1 and rel.parts[0] in TOPICS else None
        files.append(LandingFile(path, rel.as_posix(), topic))
    present = [t for t in TOPICS if (landing / t).is_dir()]
    return files, present


# --- record counting, independent of DuckDB's reader -----------------------------------------

COUNT_CHUNK = 1 << 24


def _open_quote_line(path: Path) -> int:
    """Line (1-based) where the last quote that is never closed opens (the slow path of an error)."""
    line, open_line, in_quote = 1, 0, False
    with open(path, "rb") as fh:
        for raw in fh:
            for _ in range(raw.count(b'"')):
                in_quote = not in_quote
                if in_quote:
                    open_line = line
            line += 1
    return open_line


def line_of_record(path: Path, record: int) -> int:
    """Physical line (1-based) where record number `record` (1-based, header included) starts."""
    count, line, in_quote = 0, 1, False
    with open(path, "rb") as fh:
        for raw in fh:
            if not in_quote and raw.strip(b"\r\n"):
                count += 1
                if count == record:
                    return line
            if raw.count(b'"') % 2:
                in_quote = not in_quote
            line += 1
    return line


def count_records(path: Path, name: str, *, require_line_end: bool = False) -> int:
    """Records of a delimited file, counted without DuckDB's reader: line ends outside double
    quotes (RFC 4180: a doubled quote inside a quoted field toggles twice), blank lines not
    counted (DuckDB's reader skips them too). The header counts as a record.

    Raises LoadError for an unterminated quote, and (require_line_end) for a last line without a
    line end: a record-level extract cut short looks exactly like that."""
    import numpy as np

    records = 0
    in_quote = False
    pending_blank = True  # the record that runs past the chunk has no content yet
    with open(path, "rb") as fh:
        while chunk := fh.read(COUNT_CHUNK):
            data = np.frombuffer(chunk, dtype=np.uint8)
            ends = np.flatnonzero(data == 10)
            if in_quote or chunk.count(b'"'):
                quotes = np.flatnonzero(data == 34)
                before = np.searchsorted(quotes, ends) + int(in_quote)  # quotes before each line end
                ends = ends[(before & 1) == 0]
                in_quote = bool((len(quotes) + int(in_quote)) & 1)
            if len(ends):
                starts = np.concatenate(([0], ends[:-1] + 1))
                lengths = ends - starts
                short = np.flatnonzero(lengths <= 1)  # blank, or just a carriage return
                blank = 0
                for i in short:
                    first = i == 0
                    if lengths[i] == 1 and data[starts[i]] != 13:
                        continue
                    if first and not pending_blank:
                        continue
                    blank += 1
                records += len(ends) - blank
                tail = data[ends[-1] + 1 :]
                pending_blank = not bool(np.any(tail != 13)) if len(tail) else True
            else:
                pending_blank = pending_blank and not bool(np.any(data != 13))
    if in_quote:
        raise LoadError(
            f"{name}: a quote opened on line {_open_quote_line(path)} is never closed "
            "(the rest of the file would be read as one field)"
        )
    if not pending_blank:
        if require_line_end:
            raise LoadError(
                f"{name}: the last line (line {line_of_record(path, records + 1)}) has no line end: "
                "the file looks truncated"
            )
        records += 1
    return records
