"""A pandas baseline of the "mental health data map" notebooks' CCG aggregation of the MHSDS monthly
statistics, for `make bench` to time against the dbt pipeline.

The Open Innovations hack-day notebooks read each monthly MHSDS main CSV with pandas, keep the CCG
rows and sum them to CCG21. `ccg_aggregation` does that in the same analyst-notebook style (read,
filter, merge, groupby; vectorised, no per-row Python), but with the warehouse's rules, so that its
result equals the **residence-based** rows of the dbt model `int_mhsds__ccg_indicators` (indicator
`mhsds_<measure>`):

- parsing as `stg_nhsd__mhsds_monthly`: dd/mm/yyyy dates (trimmed text of exactly 10 characters,
  else null), `NONE` levels as null, codes trimmed and upper case, `*` = suppressed (value null);
- the latest publication status per reporting period as `int_mhsds__monthly_latest`
  (Provisional < Performance < Final < Adhoc, anything else lowest; a period republished under a
  later status replaces every cell of the earlier one; cells without a parseable period are dropped);
- the cells kept as `int_mhsds__area_cells`: no secondary level, breakdown `CCG...` or `Sub ICB...`,
  measures that can be summed over areas (no proportions, percentages, rates, medians, percentiles,
  means, averages);
- the CCG21 mapping as the macro `map_to_ccg21` on its `period_column` path (as in
  `int_mhsds__residence_cells_mapped`): ODS or ONS form (`E38` + 6 digits = ONS), vintage = the CCG
  vintage of the period start (macro ccg_vintage_of_date: April to March years, 2021 to 30 June
  2022, 2022 from 1 July 2022; clamped to 2013..2022), then
  the crosswalk rows of that vintage when the code exists there, else of the nearest earlier vintage
  that has it, else of the nearest later one (all rows of the chosen vintage: a split keeps every
  share). This is the whole period_column path of the macro: nothing is simplified. The macro's
  best-match vintage (no vintage or period column) is not used by this model, so it is not copied.
  Unmapped cells (placeholders such as `999`, unknown codes) are dropped, as the model does;
- the CCG21 value as `int_mhsds__ccg_indicators`: sum of value x weight over the contributing
  cells (null when none has a number); null with is_suppressed true when any contributor was `*`.

Memory: the files are read one at a time (only the used columns) and each month is reduced at once
to sums per CCG21 x indicator x period x status rank; the latest status is applied to these sums
after the last file (it needs every file's statuses). Summing per file and then over files is the
SQL's one sum in another order: equal up to float rounding (well within 1e-9).

Out of scope: the provider-attributed indicators (`mhsds_<measure>_by_provider`, provider counts
shared out by trust activity weights) and the model's constant columns (numerator, denominator,
source). The audit of unmatched codes is not produced.

Small, documented differences from the SQL, none of which occurs in published files: numbers are
parsed with `pd.to_numeric` (DuckDB's `try_cast` also accepts forms such as `1_000`), and the
header must be on the first line (as the loader expects for CSVs). Files in the list whose header
is not the 11-column main layout (e.g. the restrictive-interventions CSV in `mhsds/`) are skipped,
as the loader would not stage them as `nhsd_mhsds_monthly`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..demo.mhsds import HEADER

MAIN_COLUMNS = tuple(HEADER)  # the 11-column main CSV, as the demo writes it
# the descriptions are never needed: not read
USED_COLUMNS = tuple(c for c in MAIN_COLUMNS if not c.endswith("_DESCRIPTION"))
PERIOD = ["REPORTING_PERIOD_START", "REPORTING_PERIOD_END", "STATUS"]  # raw text, as published
STATUS_RANK = {"provisional": 1, "performance": 2, "final": 3, "adhoc": 4}  # macro publication_status_rank
# int_mhsds__area_cells: measures that cannot be summed over areas (SQL `like` patterns on lower(name))
NOT_ADDITIVE_CONTAINS = ("proportion", "percentage", "rate ", "percentile", "crude rate")
NOT_ADDITIVE_STARTS = ("median", "mean ", "average")
OUTPUT_COLUMNS = ["ccg21_ons_code", "indicator_id", "period_start", "period_end", "value", "is_suppressed"]
KEYS = ["ccg21_ons_code", "indicator_id", "period_start", "period_end"]
_OUTPUT_DTYPES = ["str", "str", "datetime64[us]", "datetime64[us]", "float64", "bool"]


def _header_name(name: object) -> str:
    return str(name).replace("\ufeff", "").strip().upper()


def _trim(s: pd.Series) -> pd.Series:
    """SQL trim(): spaces only (not tabs or line ends), empty as ''."""
    return s.fillna("").str.strip(" ")


def _on_unique(s: pd.Series, func) -> np.ndarray:
    """func applied to the distinct values of s only (a column of 500,000 cells has a few hundred)."""
    codes, uniques = pd.factorize(s.fillna(""))
    return np.asarray(func(pd.Series(uniques, dtype=object).astype(str)))[codes]


def _ddmmyyyy(s: pd.Series) -> pd.Series:
    """Macro ddmmyyyy_to_date: trimmed text of length 10 sliced as dd/mm/yyyy, else null."""
    t = _trim(s)
    iso = (t.str.slice(6, 10) + "-" + t.str.slice(3, 5) + "-" + t.str.slice(0, 2)).where(t.str.len() == 10)
    return pd.to_datetime(iso, format="%Y-%m-%d", errors="coerce")


def _ccg_vintage(start: pd.Series) -> pd.Series:
    """Macro ccg_vintage_of_date: April-March years; 2021 from April 2021 to June 2022 (nothing
    changed in April 2022), 2022 from 1 July 2022; clamped to 2013..2022."""
    vintage = np.where(start.dt.month >= 4, start.dt.year, start.dt.year - 1)
    vintage = np.where(start >= pd.Timestamp("2021-04-01"), 2021, vintage)
    vintage = np.where(start >= pd.Timestamp("2022-07-01"), 2022, vintage)
    return pd.Series(np.clip(vintage, 2013, 2022), index=start.index).astype("int64")


def _is_residence_breakdown(values: pd.Series) -> pd.Series:
    b = values.str.strip(" ").str.lower()
    return b.str.startswith("ccg") | b.str.startswith("sub icb")


def _is_additive_measure(values: pd.Series) -> pd.Series:
    name = values.str.strip(" ").str.lower()
    bad = pd.Series(False, index=values.index)
    for part in NOT_ADDITIVE_CONTAINS:
        bad |= name.str.contains(part, regex=False)
    for prefix in NOT_ADDITIVE_STARTS:
        bad |= name.str.startswith(prefix)
    return (name != "") & ~bad  # a null measure name fails the SQL filter


def _read_month(path: Path) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """One CSV: (its distinct periods x status ranks, its residence cells with period and status
    rank), or None if the file is not a main MHSDS CSV."""
    header = pd.read_csv(path, nrows=0, encoding="utf-8-sig", encoding_errors="replace").columns
    if not set(MAIN_COLUMNS) <= {_header_name(c) for c in header}:
        return None
    df = pd.read_csv(
        path,
        dtype=str,
        usecols=lambda c: _header_name(c) in USED_COLUMNS,
        na_filter=False,  # text as published: '' stays '', 'NA' and 'NONE' are not NaN
        encoding="utf-8-sig",
        encoding_errors="replace",
    ).rename(columns=_header_name)
    df[PERIOD] = df[PERIOD].fillna("")  # ragged short rows
    periods = _parse_periods(df[PERIOD].drop_duplicates())
    # int_mhsds__area_cells, residence side: CCG / Sub ICB breakdowns, no secondary level, additive
    keep = _on_unique(df["BREAKDOWN"], _is_residence_breakdown)
    cells = df[keep]
    secondary = _trim(cells["SECONDARY_LEVEL"]).str.upper()
    cells = cells[((secondary == "") | (secondary == "NONE")).to_numpy()]
    cells = cells[_on_unique(cells["MEASURE_NAME"], _is_additive_measure)]
    value = _trim(cells["MEASURE_VALUE"])
    code = _trim(cells["PRIMARY_LEVEL"]).str.upper()
    out = pd.DataFrame(index=cells.index)
    out["source_code"] = code.where(~code.isin(["", "NONE"]))
    out["indicator_id"] = "mhsds_" + _trim(cells["MEASURE_ID"]).str.upper().str.lower()
    out.loc[_trim(cells["MEASURE_ID"]) == "", "indicator_id"] = np.nan  # 'mhsds_' || null is null
    out["measure_value"] = pd.to_numeric(value.str.replace(",", "", regex=False), errors="coerce").astype("float64")
    out["is_suppressed"] = (value == "*").to_numpy()
    # the parsed period and status rank of each cell (parsed once per distinct raw text)
    out = pd.concat([cells[PERIOD], out], axis=1).merge(periods, on=PERIOD, how="inner").drop(columns=PERIOD)
    return periods.drop(columns=PERIOD), out


def _parse_periods(periods: pd.DataFrame) -> pd.DataFrame:
    """Distinct raw (start, end, status) texts with their parsed period and status rank; texts whose
    period does not parse are dropped (the SQL join on the period drops them)."""
    periods = periods.copy()
    periods["period_start"] = _ddmmyyyy(periods["REPORTING_PERIOD_START"])
    periods["period_end"] = _ddmmyyyy(periods["REPORTING_PERIOD_END"])
    # macro publication_status_rank
    periods["status_rank"] = _trim(periods["STATUS"]).str.lower().map(STATUS_RANK).fillna(0).astype("int8")
    return periods.dropna(subset=["period_start", "period_end"])


def _map_to_ccg21(cells: pd.DataFrame, crosswalk: pd.DataFrame) -> pd.DataFrame:
    """Macro map_to_ccg21 with period_column: the mapped rows only, with ccg21_ons_code, weight and
    value = measure_value x weight."""
    cells = cells.dropna(subset=["source_code"]).copy()
    cells["source_code_type"] = np.where(cells["source_code"].str.fullmatch(r"E38[0-9]{6}"), "ons", "ods")
    cells["resolved_vintage"] = _ccg_vintage(cells["period_start"])
    keys = ["source_code", "source_code_type", "resolved_vintage"]
    wanted = cells[keys].drop_duplicates()
    xwalk = crosswalk[["source_code", "source_code_type", "source_vintage", "ccg21_ons_code", "weight"]]
    candidates = wanted.merge(xwalk, on=["source_code", "source_code_type"], how="inner")
    vintage, resolved = candidates["source_vintage"].astype("int64"), candidates["resolved_vintage"]
    # the exact vintage, else the nearest earlier one that has the code, else the nearest later one
    candidates["distance"] = np.where(vintage <= resolved, resolved - vintage, 100 + vintage - resolved)
    best = candidates.groupby(keys)["distance"].transform("min")
    chosen = candidates[candidates["distance"] == best][[*keys, "ccg21_ons_code", "weight"]]
    mapped = cells.merge(chosen, on=keys, how="inner")
    mapped["value"] = mapped["measure_value"] * mapped["weight"]  # count x weight (sums to 1 per cell)
    return mapped


def ccg_aggregation(csv_paths: list[Path], crosswalk: pd.DataFrame) -> pd.DataFrame:
    """MHSDS monthly main CSVs -> CCG21 x indicator x reporting period, residence-based indicators.

    `crosswalk` has the columns of the warehouse table `dim_ccg_code_crosswalk` (source_code,
    source_code_type, source_vintage, ccg21_ons_code, weight, ...). Returns ccg21_ons_code,
    indicator_id, period_start, period_end (datetime64), value (float; NaN when suppressed or no
    number), is_suppressed (bool): the rows of `int_mhsds__ccg_indicators` whose indicator_id does
    not end in `_by_provider` (see the module docstring for the rules and what is out of scope).
    """
    periods, partials = [], []
    for path in csv_paths:  # month by month, as the notebooks do: only small per-CCG21 sums are kept
        month = _read_month(Path(path))
        if month is None:
            continue
        periods.append(month[0])
        mapped = _map_to_ccg21(month[1], crosswalk)
        partials.append(_sum_by_ccg21(mapped, [*KEYS, "status_rank"]))
    if not periods:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(OUTPUT_COLUMNS, _OUTPUT_DTYPES)})
    # int_mhsds__monthly_latest: the latest status of a period over every row of every file (not
    # only the kept cells), and only the sums of cells published under it
    all_periods = pd.concat(periods, ignore_index=True)
    latest = all_periods.groupby(["period_start", "period_end"], as_index=False)["status_rank"].max()
    sums = pd.concat(partials, ignore_index=True).merge(latest, on=["period_start", "period_end", "status_rank"])
    result = _sum_by_ccg21(sums, KEYS)
    result["value"] = result["value"].where(~result["is_suppressed"]).astype("float64")
    return result[OUTPUT_COLUMNS]


def _sum_by_ccg21(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """value = sum of value (null when no row has one), is_suppressed = any row suppressed. Summing
    per file first and then over files gives the SQL's one sum (up to float rounding order)."""
    group = rows.groupby(keys, dropna=False)
    value = group["value"].sum(min_count=1)
    return pd.concat([value, group["is_suppressed"].any().astype(bool)], axis=1).reset_index()
