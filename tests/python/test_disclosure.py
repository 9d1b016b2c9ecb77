"""Disclosure: every file the export writes, built from the demo and from a demo with planted small
groups (a region of 3 people, 3 referrals of one ethnic category, 3 of unknown gender), scanned
for what the small-number rule forbids:

- a count from record-level data that is 1-4 or not a multiple of 5 (every integer column of a
  table built from record-level data, and the rows of record-level sources in the audit tables);
- `*` text or any other text inside a numeric column (one convention: numbers stay numeric, null
  when suppressed, with `is_suppressed`);
- a rate whose numerator and denominator can be recovered: for each declared rate, the unrounded
  counts that could lie behind its published (rounded) numerator and denominator are searched; the
  rate fails when exactly one pair fits and it is not the published one (the rate then tells more
  than the counts beside it); percentages must be whole numbers;
- a plot drawing from anything but an exported (published) model: the plot writers run against a
  connection that records every query, and every relation they read must be exported.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import shutil

import pandas as pd
import pytest

from conftest import REPO
from mhw.build import build
from mhw.export import exported_models, extras
from mhw.warehouse import connect

RECORD_LEVEL_TOPICS = {"mhsds_records", "iapt_records", "cmh_cohort"}
RECORD_LEVEL_INDICATOR_SOURCES = {"iapt_referrals"}  # dim_indicators.source of record-level indicators
# integer columns that are not counts of people or records
NOT_COUNTS = {"reporting_year", "from_year", "k", "group_id", "point", "band_order", "size_bytes",
              "rows", "areas_covered"}  # source_coverage: indicator rows and areas, not people
# rate columns of tables built from record-level data: (numerator, denominator, multiplier); a
# numerator or denominator that is not published is None (nothing to recover it from)
RATES = {
    "cmh_cohort_region_year_published": {
        "contacts_per_person": ("contacts", "persons", 1),
        "bed_days_per_person": ("bed_days", "persons", 1),
        "primary_contacts_per_person": (None, "persons", 1),
        "secondary_contacts_per_person": (None, "persons", 1),
    },
    "cmh_cohort_state_shares_published": {"percent_of_cohort": ("persons", None, 100)},
    "cmh_cohort_state_transitions_published": {"percent_of_from_state": ("persons", None, 100)},
    "cmh_cohort_group_state_shares_published": {"percent_of_group": ("persons", "group_persons", 100)},
    "fct_iapt_recovery_segments": {
        "recovery_rate_pct": ("recovered", "finished_at_caseness", 100),
        "reliable_improvement_rate_pct": ("reliably_improved", "finished", 100),
        "recovery_rate_ci_low_pct": (None, None, 100),
        "recovery_rate_ci_high_pct": (None, None, 100),
    },
    "fct_ccg_indicators": {"value": ("numerator", "denominator", 100)},
    "fct_sub_icb_indicators": {"value": ("numerator", "denominator", 100)},
    "fct_icb_indicators": {"value": ("numerator", "denominator", 100)},
    "profile_area_indicators_published": {
        "value": (None, None, 100),
        "region_value": (None, None, 100),
        "england_value": (None, None, 100),
    },
    "fct_ccg_mental_health_profile": {
        "iapt_recovery_rate_pct": (None, None, 100),
        "iapt_reliable_improvement_rate_pct": (None, None, 100),
    },
}
# decimal columns of record-level tables that are not rates of counts (model outputs)
NOT_RATES = {
    "cmh_cohort_group_selection_published": {"silhouette", "kmeans_agreement_ari"},
    "iapt_recovery_model_odds_ratios_published": {"odds_ratio", "ci_low", "ci_high", "p_value"},
    "iapt_recovery_model_curves_published": {"x", "y"},
    # per 100,000 population: null for record-level indicators (rates, not counts of people)
    "profile_area_indicators_published": {"rate_per_100k", "region_rate_per_100k", "england_rate_per_100k"},
    # shares of rows: of indicator rows suppressed, and of input rows unmapped (from the published,
    # rounded reconciliation counts)
    "source_coverage": {"share_suppressed", "share_unmapped"},
}


def _plant_small_groups(landing) -> None:
    persons = pd.read_csv(landing / "cmh_cohort" / "persons.csv", dtype=str, keep_default_na=False)
    north_east = persons.index[persons["region_code"] == "E12000001"]
    persons.loc[north_east[3:], "region_code"] = "E12000002"  # the North East keeps 3 people
    persons.to_csv(landing / "cmh_cohort" / "persons.csv", index=False)
    referrals = pd.read_csv(landing / "iapt_records" / "referrals.csv", dtype=str, keep_default_na=False)
    mixed = referrals.index[referrals["ethnic_category"].isin(["D", "E", "F", "G"])]
    referrals.loc[mixed[3:], "ethnic_category"] = "A"  # 3 referrals of a mixed ethnic group
    unknown = referrals.index[~referrals["gender_code"].isin(["1", "2"])]
    referrals.loc[unknown[3:], "gender_code"] = "2"  # 3 referrals of unknown gender
    referrals.to_csv(landing / "iapt_records" / "referrals.csv", index=False)


@pytest.fixture(scope="module", params=["demo", "planted"])
def built(request, demo_landing, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"disclosure_{request.param}")
    landing = root / "landing"
    shutil.copytree(demo_landing, landing)
    if request.param == "planted":
        _plant_small_groups(landing)
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        build(landing, root / "wh" / "mh.duckdb", root / "exports", docs=False, log=lambda *_: None)
        manifest = json.loads((REPO / "target" / "manifest.json").read_text())
        exported = set(exported_models(REPO / "target" / "manifest.json"))
    finally:
        os.chdir(cwd)
    con = connect(root / "wh" / "mh.duckdb")
    yield {"root": root, "exports": root / "exports", "con": con, "manifest": manifest, "exported": exported,
           "planted": request.param == "planted"}
    con.close()


def _record_level_models(manifest: dict, exported_only: bool = True) -> set[str]:
    """(Exported) models with a record-level source upstream (dbt lineage)."""
    nodes = {**manifest["nodes"], **manifest["sources"]}
    memo: dict[str, bool] = {}

    def from_records(unique_id: str) -> bool:
        if unique_id not in memo:
            node = nodes.get(unique_id, {})
            if node.get("resource_type") == "source":
                memo[unique_id] = node["source_name"] in RECORD_LEVEL_TOPICS or node["source_name"] == "landing"
            else:
                memo[unique_id] = False
                memo[unique_id] = any(from_records(u) for u in node.get("depends_on", {}).get("nodes", []))
        return memo[unique_id]

    return {
        node["alias"] or node["name"]
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and ("export" in node["tags"] or not exported_only)
        and from_records(unique_id)
    }


def _record_level_profile_columns() -> set[str]:
    """Profile columns of indicators built from record-level data (seeds/indicators)."""
    seeds = pd.concat(pd.read_csv(p, dtype=str) for p in sorted((REPO / "seeds" / "indicators").glob("*.csv")))
    return set(seeds.loc[seeds["source"].isin(RECORD_LEVEL_INDICATOR_SOURCES), "profile_column"].dropna())


def _record_level_rows(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The rows (and columns) of a table that come from record-level data (audit, indicator and
    profile tables mix them with published sources)."""
    if name == "fct_ccg_mental_health_profile":
        return frame[[c for c in frame.columns if c in _record_level_profile_columns()]]
    if name == "load_manifest_published":
        return frame[frame["topic"].isin(RECORD_LEVEL_TOPICS)]
    if name == "audit_mapping_reconciliation_published":
        return frame[frame["is_record_level"]]
    if name in ("fct_ccg_indicators", "fct_sub_icb_indicators", "fct_icb_indicators",
                "profile_area_indicators_published", "source_coverage"):
        return frame[frame["source"].isin(RECORD_LEVEL_INDICATOR_SOURCES)]
    return frame


def _is_count_column(name: str, column: str, series: pd.Series) -> bool:
    if name in ("fct_ccg_indicators", "fct_sub_icb_indicators", "fct_icb_indicators"):
        return column in ("numerator", "denominator")
    return pd.api.types.is_integer_dtype(series) and column not in NOT_COUNTS


def _bad_counts(name: str, frame: pd.DataFrame) -> list[str]:
    bad = []
    for column in frame.columns:
        if not _is_count_column(name, column, frame[column]):
            continue
        values = frame[column].dropna().astype(float)
        wrong = values[(values < 5) | (values % 5 != 0)]
        bad += [f"{name}.{column} = {v:g}" for v in wrong.head(3)]
    return bad


def _decimals(series: pd.Series) -> int:
    text = [repr(float(v)) for v in series.dropna()]
    return min(3, max((len(t.split(".")[1].rstrip("0")) for t in text), default=0))


def _candidates(published: float | None) -> range:
    """The unrounded counts a published count may stand for (null = suppressed: 0-4)."""
    if published is None or (isinstance(published, float) and math.isnan(published)):
        return range(0, 5)
    return range(max(0, int(published) - 2), int(published) + 3)


def recoverable(rate: float, numerator: float | None, denominator: float | None, multiplier: int,
                decimals: int) -> tuple[int, int] | None:
    """The one (numerator, denominator) pair of unrounded counts that gives `rate` at its precision,
    when exactly one fits and it differs from the published pair; else None."""
    tolerance = 0.5 * 10 ** -decimals + 1e-9
    fits = [
        (n, d)
        for d in _candidates(denominator) if d > 0
        for n in _candidates(numerator)
        if abs(n * multiplier / d - rate) <= tolerance
    ]
    published = (numerator, denominator)
    if len(fits) == 1 and fits[0] != published:
        return fits[0]
    return None


def _bad_rates(name: str, frame: pd.DataFrame) -> list[str]:
    bad = []
    declared = RATES.get(name, {})
    for column in frame.columns:
        series = frame[column]
        if not pd.api.types.is_float_dtype(series) or _is_count_column(name, column, series):
            continue
        if column not in declared:
            if column not in NOT_RATES.get(name, set()):
                bad.append(f"{name}.{column}: a decimal column of record-level data that is not declared as a rate")
            continue
        numerator, denominator, multiplier = declared[column]
        if multiplier == 100:
            fractional = series.dropna()[series.dropna() != series.dropna().round()]
            bad += [f"{name}.{column} = {v}: a percentage that is not a whole number" for v in fractional.head(3)]
        if numerator not in frame.columns or denominator not in frame.columns:
            continue
        decimals = _decimals(series)
        for row in frame[[column, numerator, denominator]].dropna(subset=[column]).itertuples(index=False):
            rate, n, d = row
            found = recoverable(rate, None if pd.isna(n) else float(n), None if pd.isna(d) else float(d),
                                multiplier, decimals)
            if found:
                bad.append(f"{name}.{column} = {rate} with {numerator} {n}, {denominator} {d}: reveals {found}")
                break
    return bad


def _numbers_as_text(name: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Text columns that hold numbers (or `*`): a problem (numbers stay numeric), converted to
    numbers (`*` -> null) so that the other checks still see them."""
    bad, frame = [], frame.copy()
    for column in frame.columns:
        if not pd.api.types.is_string_dtype(frame[column]) or column in ("imd_decile", "point"):
            continue
        values = frame[column].dropna().astype(str)
        if len(values) and values.str.fullmatch(r"\*|-?[0-9]+(\.[0-9]+)?").all() and (values != "*").any():
            bad.append(f"{name}.{column}: numbers stored as text ({', '.join(values.head(3))} ...)")
            numbers = pd.to_numeric(frame[column].replace("*", None))
            is_whole = not values.str.contains(".", regex=False).any()
            frame[column] = numbers.astype("Int64") if is_whole else numbers.astype("Float64")
    return frame, bad


def _numeric_columns_hold_numbers(path, frame: pd.DataFrame) -> list[str]:
    numeric = [c for c in frame.columns
               if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])]
    bad = []
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            for column in numeric:
                value = row[column]
                if value != "" and not re.fullmatch(r"-?[0-9.]+(e-?[0-9]+)?", value, re.IGNORECASE):
                    bad.append(f"{path.name}.{column} = {value!r}")
    return bad[:5]


def test_exported_tables_have_no_small_or_unrounded_counts_and_no_recoverable_rates(built):
    exports, record_level = built["exports"], _record_level_models(built["manifest"])
    assert {"fct_iapt_recovery_segments", "cmh_cohort_region_year_published", "lda_mha_published",
            "load_manifest_published", "audit_mapping_reconciliation_published"} <= record_level
    problems: list[str] = []
    checked = 0
    for parquet in sorted(exports.glob("*.parquet")):
        name = parquet.stem
        frame = pd.read_parquet(parquet, dtype_backend="numpy_nullable")
        problems += _numeric_columns_hold_numbers(exports / f"{name}.csv", frame)
        if name not in record_level:
            continue
        rows, as_text = _numbers_as_text(name, _record_level_rows(name, frame))
        problems += as_text + _bad_counts(name, rows) + _bad_rates(name, rows)
        checked += 1
    assert checked >= 10
    assert not problems, "\n".join(problems)


def test_profile_files_show_record_level_indicators_as_whole_percentages(built):
    con, exports = built["con"], built["exports"]
    columns = [r[0] for r in con.execute(
        "select profile_column from dim_indicators where source in ('iapt_referrals') and profile_column is not null"
    ).fetchall()]
    assert columns
    geojson = json.loads((exports / "ccg21_profile.geojson").read_text())
    profile = json.loads((exports / "fct_ccg_mental_health_profile.json").read_text())
    html = (exports / "map.html").read_text()
    values = [f["properties"].get(c) for f in geojson["features"] for c in columns]
    values += [row.get(c) for row in profile.values() for c in columns]
    shown = [v for v in values if v is not None]
    assert shown and all(float(v) == round(float(v)) for v in shown)
    # the map page embeds the same profile: no decimal value of these indicators in it
    for column in columns:
        assert not re.search(rf'"{column}": ?[0-9]+\.[0-9]*[1-9]', html), column


class _Recorder:
    """A read-only DuckDB connection that records the relations each query reads."""

    def __init__(self, con):
        self._con, self.read = con, set()

    def execute(self, query, *args):
        for name in re.findall(r"\b(?:from|join)\s+([A-Za-z_][A-Za-z0-9_.\"]*)", query, re.IGNORECASE):
            self.read.add(name.replace('"', "").split(".")[-1])
        return self._con.execute(query, *args)

    def sql(self, query):
        return self.execute(query)


def test_exporters_read_record_level_data_only_through_published_models(built, tmp_path):
    """Every export module (plots, map, GeoJSON) reads record-level data only from exported models."""
    recorder = _Recorder(built["con"])
    pngs = []
    for write in extras():
        pngs += [p for p in write(recorder, tmp_path) if p.suffix == ".png"]
    assert len(pngs) >= (5 if built["planted"] else 9)  # the planted groups may stop a model fit
    unpublished = (recorder.read - built["exported"]) & _record_level_models(built["manifest"], exported_only=False)
    assert not unpublished, f"exporters read record-level relations that are not published: {sorted(unpublished)}"


def test_plot_notes_state_period_and_synthetic_data(built, tmp_path, monkeypatch):
    import matplotlib.figure

    texts: list[str] = []
    original = matplotlib.figure.Figure.savefig

    def savefig(fig, *args, **kwargs):
        texts.append(" ".join(t.get_text() for t in fig.texts))
        return original(fig, *args, **kwargs)

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", savefig)
    from mhw.export import cmh_cohort, iapt_plots

    cmh_cohort.write(built["con"], tmp_path)
    iapt_plots.write(built["con"], tmp_path)
    assert len(texts) >= (5 if built["planted"] else 9)
    for text in texts:
        assert "SYNTHETIC DEMO DATA" in text
        assert re.search(r"(19|20)[0-9]{2}", text)  # the period
