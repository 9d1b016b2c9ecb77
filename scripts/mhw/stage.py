"""Staging: every recognised landing file becomes rows of one tidy all-text Parquet file per
source (`<stage dir>/<source id>.parquet`), with `_source_file` and `_source_row` on every row,
and every file seen gets a row in `load_manifest.parquet`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from .landing import (
    LandingFile,
    LoadError,
    Part,
    cell_text,
    list_files,
    parquet_header,
    quote_identifier,
    read_csv_sample,
    read_geojson,
    read_sheets,
    recognise,
    safe_extract,
)
from .sources import REGISTRY, TOPICS, Source

MANIFEST_COLUMNS = ["path", "topic", "size_bytes", "sha256", "recognised_as", "status", "detail", "rows", "loaded_at"]


@dataclass
class StageResult:
    stage_dir: Path
    present_topics: list[str]
    absent_topics: list[str]
    manifest: list[dict] = field(default_factory=list)
    rows_by_source: dict[str, int] = field(default_factory=dict)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _select_list(source: Source, part: Part, file_name: str) -> list[str]:
    """Output columns in registry order, as SQL over positional columns c0, c1, ..."""
    exprs = []
    for column in source.output_columns:
        if column in part.positions:
            exprs.append(f'"c{part.positions[column]}" as "{column}"')
        elif column in part.values:
            exprs.append(f'{_sql_text(part.values[column])} as "{column}"')
        elif (source.melt and column in source.melt[:2]) or column in ("source_crs", "geometry_geojson"):
            continue  # added by the melt or the geometry reader
        else:
            exprs.append(f'cast(null as varchar) as "{column}"')
    return exprs


def _part_relation(con: duckdb.DuckDBPyConnection, file: LandingFile, part: Part, key: str) -> str:
    """Create view `key` with the part's tidy rows; returns the view name."""
    source = part.source
    suffix = file.path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".ods"):
        rows = read_sheets(file.path)[part.sheet]
        frame = _frame(rows[part.header_row + 1 :], first_row=part.header_row + 2)
    elif suffix in (".json", ".geojson"):
        frame = _geojson_frame(read_geojson(file.path), part)
    else:
        frame = None
    if frame is not None:
        con.register(f"{key}_raw", frame)
        raw = f"{key}_raw"
    elif suffix == ".parquet":
        # every column as text (like CSV); _source_row = the data row's number in the file (1-based)
        names = parquet_header(file.path)
        quoted = [quote_identifier(n) for n in names]
        texts = ", ".join(f'cast({q} as varchar) as "c{i}"' for i, q in enumerate(quoted))
        con.execute(
            f"create or replace temp view {key}_raw as select {texts}, file_row_number + 1 as _source_row "
            f"from read_parquet({_sql_text(str(file.path))}, file_row_number=true)"
        )
        raw = f"{key}_raw"
    else:
        width = _csv_width(file.path, part)
        columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width)) + "}"
        skip = 0 if part.header_row is None else part.header_row + 1
        con.execute(
            f"create or replace temp view {key}_raw as "
            f"select *, row_number() over () + {skip} as _source_row from read_csv("
            f"{_sql_text(str(file.path))}, header=false, skip={skip}, columns={columns}, delim=',', "
            f"quote='\"', escape='\"', auto_detect=false{_csv_options(file.path)})"
        )
        raw = f"{key}_raw"
    select = _select_list(source, part, file.name)
    if source.geometry:
        select += ['"source_crs"', '"geometry_geojson"']
    tail = f'{_sql_text(file.name)} as _source_file, "_source_row"'
    if source.melt:
        key_col, value_col, _ = source.melt
        melted = ", ".join(f'"c{i}" as {quote_identifier(label)}' for label, i in part.melt_positions.items())
        id_cols = select + [tail]
        con.execute(
            f"create or replace temp view {key} as select "
            + ", ".join(f'"{c}"' for c in source.output_columns)
            + ", _source_file, _source_row from (unpivot (select "
            + ", ".join(id_cols + [melted])
            + f" from {raw}) on "
            + ", ".join(quote_identifier(label) for label in part.melt_positions)
            + f' into name "{key_col}" value "{value_col}")'
        )
    else:
        con.execute(f"create or replace temp view {key} as select {', '.join(select + [tail])} from {raw}")
    return key


def _csv_options(path: Path) -> str:
    # Ragged rows (fewer fields than the header) are padded with nulls; DuckDB can only do that
    # with its single-threaded reader, so very large files are read in parallel and must be even.
    return ", null_padding=true, parallel=false" if path.stat().st_size < 200_000_000 else ""


def _csv_width(path: Path, part: Part) -> int:
    """Fields per row: the header's count (a row with more fields is an error naming its line);
    headerless files: the widest sampled row."""
    sample = read_csv_sample(path, limit=1 if part.header_row is not None else 200)
    if part.header_row is not None:
        return len(sample[0])
    return max(max((len(r) for r in sample), default=0), max(part.positions.values(), default=0) + 1)


def _frame(rows: list[list[object]], first_row: int) -> pd.DataFrame:
    width = max((len(r) for r in rows), default=0)
    records = []
    for offset, row in enumerate(rows):
        texts = [cell_text(v) for v in row] + [None] * (width - len(row))
        if any(t is not None for t in texts):
            records.append(texts + [first_row + offset])
    columns = [f"c{i}" for i in range(width)] + ["_source_row"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    return frame.astype({c: "string" for c in columns[:-1]}).astype({"_source_row": "int64"})


def _geojson_frame(document: dict, part: Part) -> pd.DataFrame:
    from .geo import crs_of, to_wgs84

    names = list(dict.fromkeys(k for f in document.get("features", []) for k in (f.get("properties") or {})))
    by_position = {i: name for i, name in enumerate(names)}
    crs = crs_of(document)
    rows = []
    for n, feature in enumerate(document.get("features", []), start=1):
        props = feature.get("properties") or {}
        row = [cell_text(props.get(by_position[i])) for i in range(len(names))]
        if part.source.geometry:
            geometry = feature.get("geometry")
            row += [crs, json.dumps(to_wgs84(geometry, crs), separators=(",", ":")) if geometry else None]
        rows.append(row + [n])
    columns = [f"c{i}" for i in range(len(names))]
    if part.source.geometry:
        columns += ["source_crs", "geometry_geojson"]
    frame = pd.DataFrame.from_records(rows, columns=columns + ["_source_row"])
    return frame.astype({c: "string" for c in columns})


def _empty_select(source: Source) -> str:
    cols = ", ".join(f'cast(null as varchar) as "{c}"' for c in source.output_columns)
    return f"select {cols}, cast(null as varchar) as _source_file, cast(null as bigint) as _source_row where false"


class _Digests:
    """sha256 of the landing files, computed in a background thread while DuckDB reads them
    (hashlib releases the GIL): the manifest's checksums cost no extra wall time."""

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.pool = ThreadPoolExecutor(max_workers=1)
        self.futures: dict[Path, object] = {}

    def start(self, path: Path) -> None:
        if path not in self.futures:
            self.futures[path] = self.pool.submit(sha256_of, path)

    def get(self, path: Path) -> str:
        self.start(path)
        return self.futures[path].result()


def _manifest_row(
    file: LandingFile, status: str, detail: str, source: str | None, rows: int | None, now, digests: _Digests
) -> dict:
    return {
        "path": file.name,
        "topic": file.topic,
        "size_bytes": file.path.stat().st_size,
        "sha256": digests.get(file.path),
        "recognised_as": source,
        "status": status,
        "detail": detail,
        "rows": rows,
        "loaded_at": now,
    }


def stage(landing: Path, out_dir: Path, log=print) -> StageResult:
    """Stage a landing zone into out_dir (which must not exist yet). Raises LoadError on bad input."""
    landing = Path(landing)
    if not landing.is_dir():
        raise LoadError(f"landing zone {landing} does not exist or is not a folder")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True)
    files, present = list_files(landing)
    absent = [t for t in TOPICS if t not in present]
    result = StageResult(out_dir, present, absent)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    con = duckdb.connect()
    con.execute("set enable_progress_bar = false")  # one line per file is printed instead
    parts_by_source: dict[str, list[str]] = {}
    log(f"Loading landing zone {landing} ({len(files)} files)")
    queue = list(files)
    digests = _Digests()
    for file in queue:
        digests.start(file.path)
    while queue:
        file = queue.pop(0)
        if file.path.suffix.lower() == ".zip":
            target = out_dir / "_unzipped" / file.name.replace("/", "__")
            members, refused = safe_extract(file.path, target)
            for name in refused:
                log(f"  {file.name}!{name}: refused (path would leave the extraction folder)")
                result.manifest.append(
                    {
                        **_manifest_row(file, "refused", f"unsafe ZIP member path {name}", None, None, now, digests),
                        "path": f"{file.name}!{name}",
                        "sha256": None,
                        "size_bytes": None,
                    }
                )
            result.manifest.append(
                _manifest_row(file, "extracted", f"ZIP with {len(members)} members", None, None, now, digests)
            )
            log(f"  {file.name}: ZIP archive, {len(members)} members extracted, {len(refused)} refused")
            queue[0:0] = [
                LandingFile(m, f"{file.name}!{m.relative_to(target).as_posix()}", file.topic) for m in members
            ]
            continue
        try:
            parts, reason = recognise(file)
        except LoadError:
            raise
        except Exception as exc:
            raise LoadError(f"{file.name}: cannot be read: {exc}") from exc
        if not parts:
            log(f"  {file.name}: ignored: {reason}")
            result.manifest.append(_manifest_row(file, "ignored", reason, None, None, now, digests))
            continue
        total = 0
        for part in parts:
            # each part is written to its own Parquet file as it is read (one pass over the file;
            # the COPY returns the row count); a source's parts are combined below
            n_parts = sum(len(v) for v in parts_by_source.values())
            target = out_dir / f"_parts/{part.source.id}.{n_parts}.parquet"
            target.parent.mkdir(exist_ok=True)
            try:
                key = _part_relation(con, file, part, f"v{n_parts}")
                rows = con.execute(f"copy {key} to {_sql_text(str(target))} (format parquet)").fetchone()[0]
            except duckdb.Error as exc:
                where = f" (sheet '{part.sheet}')" if part.sheet else ""
                raise LoadError(f"{file.name}{where}: cannot be read as {part.source.id}: {exc}") from exc
            parts_by_source.setdefault(part.source.id, []).append(str(target))
            total += rows
        ids = sorted({p.source.id for p in parts})
        sheets = [p.sheet for p in parts if p.sheet]
        detail = f"sheets: {', '.join(sheets)}" if sheets else ""
        log(f"  {file.name}: recognised as {', '.join(ids)} ({total:,} rows{'; ' + detail if detail else ''})")
        result.manifest.append(_manifest_row(file, "staged", detail, ", ".join(ids), total, now, digests))
    for source in REGISTRY.values():
        target = out_dir / f"{source.id}.parquet"
        parts = parts_by_source.get(source.id, [])
        if len(parts) == 1:
            Path(parts[0]).rename(target)
        else:
            files = "[" + ", ".join(_sql_text(p) for p in parts) + "]"
            query = f"select * from read_parquet({files}, union_by_name=true)" if parts else _empty_select(source)
            con.execute(f"copy ({query}) to {_sql_text(str(target))} (format parquet)")
        result.rows_by_source[source.id] = con.execute(
            f"select count(*) from read_parquet({_sql_text(str(target))})"
        ).fetchone()[0]
        if not parts and source.topic in present:
            log(f"  notice: no file for {source.id} in {source.topic}/ (staged empty)")
    for topic in absent:
        log(f"  notice: topic {topic}/ is absent: its domain is skipped (dbt models tagged {topic} excluded)")
    for folder in ("_unzipped", "_parts"):
        shutil.rmtree(out_dir / folder, ignore_errors=True)
    manifest = pd.DataFrame(result.manifest, columns=MANIFEST_COLUMNS)
    con.register("manifest", manifest)
    con.execute(
        "copy (select path, topic, cast(size_bytes as bigint) as size_bytes, sha256, recognised_as, status, detail, "
        "cast(rows as bigint) as rows, cast(loaded_at as timestamptz) as loaded_at from manifest) to "
        f"{_sql_text(str(out_dir / 'load_manifest.parquet'))} (format parquet)"
    )
    (out_dir / "topics.json").write_text(json.dumps({"present": present, "absent": absent}, indent=1))
    con.close()
    digests.pool.shutdown()
    return result


def replace_dir(new: Path, final: Path) -> None:
    """Move a completed folder into place; the previous one is removed only afterwards."""
    final = Path(final)
    old = final.with_name(final.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
    Path(new).rename(final)
    if old.exists():
        shutil.rmtree(old)
