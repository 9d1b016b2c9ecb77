"""Loading: every landing file is recognised by its header and recorded in `landing.manifest`;
every registered source becomes one relation `landing.<source id>` in the warehouse file, with
`_source_file` and `_source_row` on every row (`_source_row` null for record-level MHSDS CSVs and the
monthly MHSDS CSVs).

Delimited and Parquet files are read where they lie: the source is a view over DuckDB's readers
with the file's absolute path and the recognised header positions as column names (no copy; a
query parses only the columns it uses). Spreadsheets, JSON and ZIP members are small: their tidy
rows are materialised as tables in the same file (nothing outside the warehouse but the landing
zone itself is read by a delivered warehouse).

Every delimited file's records are counted independently of the reader (quote-aware, see
`landing.count_records`) and compared with what DuckDB's reader returns: a file is loaded whole or
the load stops naming it. Files with the same sha256 are loaded once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from .landing import (
    LandingFile,
    LoadError,
    Part,
    cell_text,
    count_records,
    line_of_record,
    list_files,
    parquet_header,
    quote_identifier,
    read_csv_sample,
    read_geojson,
    read_sheets,
    recognise,
    safe_extract,
)
from .paths import duckdb_config
from .sources import RECORD_LEVEL_TOPICS, REGISTRY, TOPICS, Source, date_columns, numbers_rows

# Incremental months: the sources whose rows the per-month models keep by month, per topic, and the
# month of a row as text, over its text column {c} (the months the models delete and insert by)
MONTH_KEYS = {
    # record-level MHSDS (every source of the topic): UniqMonthID (interface section 3)
    "mhsds_records": (None, "uniq_month_id", "cast(try_cast(trim({c}) as bigint) as varchar)"),
    # published monthly MHSDS CSVs: the reporting period start, DD/MM/YYYY (as macro ddmmyyyy_to_date)
    "mhsds": (
        "nhsd_mhsds_monthly",
        "reporting_period_start",
        "cast(case when length(trim({c})) = 10 then try_cast(substr(trim({c}), 7, 4) || '-' || "
        "substr(trim({c}), 4, 2) || '-' || substr(trim({c}), 1, 2) as date) end as varchar)",
    ),
}
MANIFEST_COLUMNS = ["path", "topic", "size_bytes", "sha256", "recognised_as", "status", "detail", "rows", "loaded_at"]
SCHEMA = "landing"


@dataclass
class StageResult:
    database: Path
    present_topics: list[str]
    absent_topics: list[str]
    manifest: list[dict] = field(default_factory=list)
    rows_by_source: dict[str, int] = field(default_factory=dict)
    # incremental months (MONTH_KEYS): (topic, file, sha256, source id, month) of every loaded file,
    # and per topic the months whose files differ from the previous load into the same warehouse file
    # (every month when there was none)
    month_files: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    months_to_process: dict[str, list[str]] = field(default_factory=dict)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _select_list(source: Source, part: Part) -> list[str]:
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


def _csv_reader(path: Path, part: Part) -> str:
    """DuckDB's reader over a delimited file where it lies: the file's absolute path, every
    position of the header as a text column c0, c1, ...; DuckDB's default (parallel, strict)
    reader, which stops at a row with fewer or more fields than the header or an unclosed quote."""
    width = _csv_width(path, part)
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width)) + "}"
    skip = 0 if part.header_row is None else part.header_row + 1
    return (
        f"read_csv({_sql_text(str(path.resolve()))}, header=false, skip={skip}, columns={columns}, delim=',', "
        "quote='\"', escape='\"', auto_detect=false)"
    )


def _parquet_reader(path: Path) -> str:
    """A Parquet file where it lies, every column as text c0, c1, ... (like CSV); _source_row = the
    data row's number in the file (1-based)."""
    names = parquet_header(path)
    texts = ", ".join(f'cast({quote_identifier(n)} as varchar) as "c{i}"' for i, n in enumerate(names))
    return (
        f"(select {texts}, file_row_number + 1 as _source_row "
        f"from read_parquet({_sql_text(str(path.resolve()))}, file_row_number=true))"
    )


def _part_sql(con: duckdb.DuckDBPyConnection, file: LandingFile, part: Part, key: str) -> str:
    """A select of the part's tidy rows (output columns, _source_file, _source_row)."""
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
        con.register(f"{key}_frame", frame)
        raw = f"{key}_frame"
    elif suffix == ".parquet":
        # every column as text (like CSV); _source_row = the data row's number in the file (1-based)
        raw = _parquet_reader(file.path)
    elif not numbers_rows(source):
        raw = f"(select *, cast(null as bigint) as _source_row from {_csv_reader(file.path, part)})"
    else:
        skip = 0 if part.header_row is None else part.header_row + 1
        # the data row's line in the file (a quoted line break inside a field shifts later rows)
        raw = f"(select *, row_number() over () + {skip} as _source_row from {_csv_reader(file.path, part)})"
    select = _select_list(source, part)
    if source.geometry:
        select += ['"source_crs"', '"geometry_geojson"']
    tail = f'{_sql_text(file.name)} as _source_file, "_source_row"'
    if source.melt:
        key_col, value_col, _ = source.melt
        melted = ", ".join(f'"c{i}" as {quote_identifier(label)}' for label, i in part.melt_positions.items())
        return (
            "select "
            + ", ".join(f'"{c}"' for c in source.output_columns)
            + ", _source_file, _source_row from (unpivot (select "
            + ", ".join([*select, tail, melted])
            + f" from {raw}) on "
            + ", ".join(quote_identifier(label) for label in part.melt_positions)
            + f' into name "{key_col}" value "{value_col}")'
        )
    return f"select {', '.join([*select, tail])} from {raw}"


def _csv_width(path: Path, part: Part) -> int:
    """Fields per row: the header's count (a row with more or fewer fields is an error naming its
    line); headerless files: the widest sampled row."""
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


def _not_a_date(column: str) -> str:
    """SQL: the text is neither empty, nor an ISO date (a time may follow), nor a UK DD/MM/YYYY date.
    The common case (empty, or a plain YYYY-MM-DD) is decided first by a cheap test: CASE evaluates
    the full test only on the other rows (eight times faster than the full test on every row)."""
    text = f"trim({column})"
    plain_iso = (
        f"{column} is null or {column} = '' or (length({column}) = 10 and "
        f"regexp_full_match({column}, '\\d{{4}}-\\d{{2}}-\\d{{2}}') and try_cast({column} as date) is not null)"
    )
    full = (
        f"{text} <> '' and not coalesce(regexp_full_match({text}, '\\d{{4}}-\\d{{2}}-\\d{{2}}([ T].*)?') "
        f"and try_cast(substr({text}, 1, 10) as date) is not null, false) "
        f"and try_strptime({text}, '%d/%m/%Y') is null"
    )
    return f"(case when {plain_iso} then false else {full} end)"


def _check_rows(
    con: duckdb.DuckDBPyConnection, file: LandingFile, part: Part, raw: str, skip: int
) -> tuple[int, list[str]]:
    """Rows the reader returns and the months of a part kept by month (MONTH_KEYS), in one scan that
    also checks the record-level date columns: a value that is not a date stops the load naming
    file, column, line and value."""
    dates = [(c, f'"c{part.positions[c]}"') for c in date_columns(part.source) if c in part.positions]
    checks = "".join(f", count(*) filter (where {_not_a_date(ref)})" for _, ref in dates)
    # the month key's distinct texts (a few per file), made months afterwards: the scan takes half the
    # time of one making a month of every row
    month = _month_sql(part, "key")
    keys = f', list(distinct "c{part.positions[MONTH_KEYS[part.source.topic][1]]}")' if month else ", []"
    try:
        got, keys, *bad = con.execute(f"select count(*){keys}{checks} from {raw}").fetchone()
        months = []
        if month:
            months = con.execute(f"select list(distinct {month}) from unnest(?::varchar[]) as t(key)", [keys])
            months = months.fetchone()[0]
        for (column, ref), n in zip(dates, bad):
            if n:
                line, value = con.execute(
                    f"select _line, {ref} from (select *, row_number() over () + {skip} as _line from {raw}) "
                    f"where {_not_a_date(ref)} order by _line limit 1"
                ).fetchone()
                heading = part.source.columns[column]
                raise LoadError(
                    f"{file.name}: column {column} (headed like `{heading}`): '{value}' on line {line} is not a date "
                    f"(ISO YYYY-MM-DD or UK DD/MM/YYYY; {n:,} such rows)"
                )
    except duckdb.Error as exc:
        raise LoadError(f"{file.name}: cannot be read as {part.source.id}: {exc}") from exc
    return got, [m for m in months or [] if m is not None]


def _month_sql(part: Part, column: str | None = None) -> str | None:
    """SQL of a row's month (text) when the part's rows are kept by month (MONTH_KEYS), over the
    positional text column, or over `column` of a materialised part."""
    key = MONTH_KEYS.get(part.source.topic)
    if key is None or key[0] not in (None, part.source.id) or key[1] not in part.positions:
        return None
    return key[2].format(c=column or f'"c{part.positions[key[1]]}"')


def _verified_rows(con: duckdb.DuckDBPyConnection, file: LandingFile, part: Part) -> tuple[int, list[str]]:
    """Data rows of a delimited file, counted independently and by DuckDB's reader: equal, or
    LoadError naming the file and the first line the reader did not return (and its months)."""
    header = 0 if part.header_row is None else part.header_row + 1
    expected = count_records(file.path, file.name, require_line_end=file.topic in RECORD_LEVEL_TOPICS) - header
    got, months = _check_rows(con, file, part, _csv_reader(file.path, part), header)
    if got != expected:
        line = line_of_record(file.path, header + got + 1)
        raise LoadError(
            f"{file.name}: the reader returned {got:,} of {expected:,} rows; the first row not read starts on "
            f"line {line}"
        )
    return expected, months


def stage(landing: Path, database: Path, log=print) -> StageResult:
    """Load a landing zone into schema `landing` of the DuckDB file `database` (created if needed;
    the schema is replaced). Raises LoadError on bad input."""
    landing = Path(landing).resolve()
    if not landing.is_dir():
        raise LoadError(f"landing zone {landing} does not exist or is not a folder")
    database = Path(database)
    files, present = list_files(landing)
    absent = [t for t in TOPICS if t not in present]
    result = StageResult(database, present, absent)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    database.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(database), config=duckdb_config(database))
    unzip_root = Path(tempfile.mkdtemp(prefix=".unzip-", dir=database.parent))
    digests = _Digests()
    try:
        con.execute("set enable_progress_bar = false")  # one line per file is printed instead
        parts_by_source: dict[str, list[tuple[str, bool, int]]] = {}  # source -> (select, materialised, rows)
        log(f"Loading landing zone {landing} ({len(files)} files)")
        queue = list(files)
        for file in queue:
            digests.start(file.path)
        sizes = Counter(f.path.stat().st_size for f in files)
        seen: dict[str, str] = {}  # sha256 -> name of the file loaded with that content
        n_parts = 0
        while queue:
            file = queue.pop(0)
            size = file.path.stat().st_size
            # only files of equal size can be equal: hash those before loading; a file outside the
            # topic folders is never loaded, so it never makes a loaded copy a duplicate
            if sizes[size] > 1 and file.topic is not None:
                digest = digests.get(file.path)
                if digest in seen:
                    detail = f"same content (sha256) as {seen[digest]}: loaded once"
                    log(f"  {file.name}: duplicate of {seen[digest]} (same sha256): not loaded again")
                    result.manifest.append(_manifest_row(file, "duplicate", detail, None, None, now, digests))
                    continue
                seen[digest] = file.name
            if file.path.suffix.lower() == ".zip":
                target = unzip_root / file.name.replace("/", "__")
                members, refused = safe_extract(file.path, target)
                for name in refused:
                    log(f"  {file.name}!{name}: refused (path would leave the extraction folder)")
                    detail = f"unsafe ZIP member path {name}"
                    result.manifest.append(
                        {
                            **_manifest_row(file, "refused", detail, None, None, now, digests),
                            "path": f"{file.name}!{name}",
                            "sha256": None,
                            "size_bytes": None,
                        }
                    )
                result.manifest.append(
                    _manifest_row(file, "extracted", f"ZIP with {len(members)} members", None, None, now, digests)
                )
                log(f"  {file.name}: ZIP archive, {len(members)} members extracted, {len(refused)} refused")
                inner = [LandingFile(m, f"{file.name}!{m.relative_to(target).as_posix()}", file.topic) for m in members]
                for member in inner:
                    sizes[member.path.stat().st_size] += 1
                    digests.start(member.path)
                queue[0:0] = inner
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
            suffix = file.path.suffix.lower()
            # delimited and Parquet files in the landing zone are read where they lie; the rest
            # (spreadsheets, JSON, ZIP members, whose extraction folder goes) become tables
            in_place = suffix in (".csv", ".parquet") and "!" not in file.name
            for part in parts:
                key = f"_part{n_parts}"
                n_parts += 1
                where = f" (sheet '{part.sheet}')" if part.sheet else ""
                months: list[str] = []
                try:
                    sql = _part_sql(con, file, part, key)
                    if suffix == ".parquet":
                        rows = con.execute(
                            f"select sum(num_rows) from parquet_file_metadata({_sql_text(str(file.path))})"
                        ).fetchone()[0]
                        if date_columns(part.source) or _month_sql(part):
                            got, months = _check_rows(con, file, part, _parquet_reader(file.path), 0)
                            if got != rows:
                                raise LoadError(f"{file.name}: the reader returned fewer rows than the file's metadata")
                    elif suffix == ".csv":
                        rows, months = _verified_rows(con, file, part)
                    if not in_place:
                        con.execute(f"create temp table {key} as {sql}")
                        n = con.execute(f"select count(*) from {key}").fetchone()[0]
                        if suffix in (".csv", ".parquet") and n != rows:
                            raise LoadError(f"{file.name}: {n:,} rows read, {rows:,} in the file")
                        rows = n
                        sql = f"select * from {key}"
                        if _month_sql(part) and suffix not in (".csv", ".parquet"):
                            month = _month_sql(part, f'"{MONTH_KEYS[file.topic][1]}"')
                            (months,) = con.execute(f"select list(distinct {month}) from {key}").fetchone()
                except duckdb.Error as exc:
                    raise LoadError(f"{file.name}{where}: cannot be read as {part.source.id}: {exc}") from exc
                parts_by_source.setdefault(part.source.id, []).append((sql, not in_place, rows))
                if _month_sql(part):
                    digest = digests.get(file.path)
                    result.month_files += [(file.topic, file.name, digest, part.source.id, m) for m in months if m]
                total += rows
            ids = sorted({p.source.id for p in parts})
            sheets = [p.sheet for p in parts if p.sheet]
            detail = f"sheets: {', '.join(sheets)}" if sheets else ""
            how = "read in place" if in_place else "materialised"
            log(
                f"  {file.name}: recognised as {', '.join(ids)} ({total:,} rows, {how}"
                f"{'; ' + detail if detail else ''})"
            )
            result.manifest.append(_manifest_row(file, "staged", detail, ", ".join(ids), total, now, digests))
        result.months_to_process = _months_to_process(con, result.month_files, log)
        con.execute(f"drop schema if exists {SCHEMA} cascade")
        con.execute(f"create schema {SCHEMA}")
        _write_months(con, result)
        for source in REGISTRY.values():
            result.rows_by_source[source.id] = _create_source(con, source, parts_by_source.get(source.id, []))
            if source.id not in parts_by_source and source.topic in present:
                log(f"  notice: no file for {source.id} in {source.topic}/ (empty)")
        for topic in absent:
            log(f"  notice: topic {topic}/ is absent: its domain is skipped (dbt models tagged {topic} excluded)")
        manifest = pd.DataFrame(result.manifest, columns=MANIFEST_COLUMNS)
        con.register("manifest_frame", manifest)
        con.execute(
            f"create table {SCHEMA}.manifest as select path, topic, cast(size_bytes as bigint) as size_bytes, "
            "sha256, recognised_as, status, detail, cast(rows as bigint) as rows, "
            "cast(loaded_at as timestamptz) as loaded_at from manifest_frame"
        )
        con.execute(
            f"create table {SCHEMA}.topics as select unnest(?::varchar[]) as topic, unnest(?::boolean[]) "
            "as is_present",
            [list(TOPICS), [t in present for t in TOPICS]],
        )
    finally:
        con.close()
        digests.pool.shutdown()
        shutil.rmtree(unzip_root, ignore_errors=True)
    return result


def _months_to_process(
    con: duckdb.DuckDBPyConnection, loaded: list[tuple[str, str, str, str, str]], log=print
) -> dict[str, list[str]]:
    """Per topic of MONTH_KEYS, the months whose files (name and sha256, per source) differ from
    those of the previous load into this warehouse file: a new month, a replaced or changed file, a
    file added to or removed from a month. Every month when there was no previous load."""
    new = set(loaded)
    try:
        old = set(con.execute(f"select topic, path, sha256, source_id, month from {SCHEMA}.month_files").fetchall())
    except duckdb.CatalogException:
        old = None
    todo = {}
    for topic, (_, column, _) in MONTH_KEYS.items():
        months = {r[4] for r in new if r[0] == topic}
        changed = months if old is None else {r[4] for r in new ^ old if r[0] == topic}
        todo[topic] = sorted(changed & months)
        gone = sorted(changed - months)
        if months or gone:
            log(
                f"  {topic}: {len(months)} months ({column}); to process: {', '.join(todo[topic]) or 'none'}"
                + (f"; no longer in the landing zone (removed from the warehouse): {', '.join(gone)}" if gone else "")
            )
    return todo


def _write_months(con: duckdb.DuckDBPyConnection, result: StageResult) -> None:
    """`landing.month_files` (what the next load compares with) and `landing.months_to_process`
    (read by the per-month incremental models: macro months_to_process)."""
    con.execute(
        f"create table {SCHEMA}.month_files (topic varchar, path varchar, sha256 varchar, source_id varchar, "
        "month varchar)"
    )
    if result.month_files:
        con.executemany(f"insert into {SCHEMA}.month_files values (?, ?, ?, ?, ?)", result.month_files)
    rows = [(topic, m) for topic, months in result.months_to_process.items() for m in months]
    con.execute(f"create table {SCHEMA}.months_to_process (topic varchar, month varchar)")
    if rows:
        con.executemany(f"insert into {SCHEMA}.months_to_process values (?, ?)", rows)


def _create_source(con: duckdb.DuckDBPyConnection, source: Source, parts: list[tuple[str, bool, int]]) -> int:
    """`landing.<source id>`: a table when every part is materialised (or there is none), else a
    view over the files read in place (and a `<source id>__materialised` table for the rest)."""
    name = f"{SCHEMA}.{source.id}"
    materialised = [sql for sql, is_table, _ in parts if is_table]
    in_place = [sql for sql, is_table, _ in parts if not is_table]
    if not in_place:
        body = " union all ".join(f"({sql})" for sql in materialised) if materialised else _empty_select(source)
        con.execute(f"create table {name} as {body}")
        return sum(rows for *_, rows in parts)
    if materialised:
        con.execute(f"create table {name}__materialised as " + " union all ".join(f"({sql})" for sql in materialised))
        in_place.append(f"select * from {name}__materialised")
    con.execute(f"create view {name} as " + " union all ".join(f"({sql})" for sql in in_place))
    return sum(rows for *_, rows in parts)  # verified per file


def export_parquet(database: Path, out_dir: Path) -> list[Path]:
    """Every relation of schema `landing` as `<out_dir>/<name>.parquet`: for the Spark target
    (`make test-spark`), which reads these through the views of macro register_spark_sources."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with duckdb.connect(str(database), read_only=True) as con:
        names = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = ? "
                "and table_name not like '%\\_\\_materialised' escape '\\'",
                [SCHEMA],
            ).fetchall()
        ]
        for name in names:
            target = out_dir / f"{name}.parquet"
            relation = f"{SCHEMA}.{quote_identifier(name)}"
            con.execute(f"copy (select * from {relation}) to {_sql_text(str(target))} (format parquet)")
            written.append(target)
    return written


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
