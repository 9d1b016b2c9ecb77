"""The benchmark's pieces that can be wrong without a benchmark run: the England-scale generator
(volumes, formats the loader recognises, determinism), the equality check, and the target verdicts."""

from __future__ import annotations

import csv
import hashlib

import pandas as pd
import pytest

from mhw.bench.report import INCREMENTAL, targets
from mhw.bench.run import same_rows
from mhw.demo.england import (
    CSV_MONTHS,
    CSV_ROWS_PER_MONTH,
    MPI_PERSONS,
    RECORD_MONTHS,
    SPELLS_PER_MONTH,
    write_england,
)
from mhw.landing import LandingFile, recognise
from mhw.sources.mhsds_records import TABLES

FRACTION = 0.01


@pytest.fixture(scope="module")
def england(tmp_path_factory):
    out = tmp_path_factory.mktemp("england")
    rows = write_england(out, FRACTION, log=lambda *_: None)
    return out, rows


def per_month(path, column="UniqMonthID"):
    frame = pd.read_csv(path, dtype=str, usecols=[column])
    return frame[column].value_counts()


def test_record_level_volumes_are_england_scale_times_the_fraction(england):
    out, _ = england
    folder = out / "mhsds_records"
    assert {p.stem for p in folder.glob("*.csv")} == set(TABLES)
    mpi = per_month(folder / "MHS001MPI.csv")
    assert sorted(mpi.index.astype(int)) == list(RECORD_MONTHS)
    assert (mpi == MPI_PERSONS * FRACTION).all()
    spells = per_month(folder / "MHS501HospProvSpell.csv")
    assert spells.mean() == pytest.approx(SPELLS_PER_MONTH * FRACTION, rel=0.25)
    episodes = per_month(folder / "MHS401MHActPeriod.csv")
    assert episodes.mean() == pytest.approx(60_000 * FRACTION, rel=0.25)


def test_every_generated_file_is_recognised_by_the_loader(england):
    out, _ = england
    for path in sorted((out / "mhsds_records").glob("*.csv")):
        parts, reason = recognise(LandingFile(path, f"mhsds_records/{path.name}", "mhsds_records"))
        assert [p.source.id for p in parts], f"{path.name}: {reason}"
    monthly = sorted((out / "mhsds").glob("*.csv"))
    assert len(monthly) == CSV_MONTHS
    for path in (monthly[0], monthly[-1]):
        parts, reason = recognise(LandingFile(path, f"mhsds/{path.name}", "mhsds"))
        assert [p.source.id for p in parts] == ["nhsd_mhsds_monthly"], reason


def test_monthly_csvs_follow_the_publications(england):
    out, rows = england
    monthly = sorted((out / "mhsds").glob("*.csv"))
    counts = [rows[p.name] for p in monthly]
    assert min(counts) >= CSV_ROWS_PER_MONTH * FRACTION and max(counts) < CSV_ROWS_PER_MONTH * FRACTION * 1.3
    with open(out / "mhsds" / "MHSDS Data_062022_Perf.csv", newline="") as fh:
        june = {r["BREAKDOWN"] for r in csv.DictReader(fh)}
    with open(out / "mhsds" / "MHSDS Data_072022_Perf.csv", newline="") as fh:
        july = list(csv.DictReader(fh))
    assert "CCG - GP Practice or Residence" in june and "Sub ICB - GP Practice or Residence" not in june
    assert "Sub ICB - GP Practice or Residence" in {r["BREAKDOWN"] for r in july}
    values = [r["MEASURE_VALUE"] for r in july]
    assert "*" in values and all(v == "*" or int(v) % 5 == 0 for v in values)
    # the CCG codes of each month's vintage: a predecessor merged in 2018 appears in 2013, not in 2022
    with open(out / "mhsds" / "MHSDS Data_042013_Perf.csv", newline="") as fh:
        codes_2013 = {r["PRIMARY_LEVEL"] for r in csv.DictReader(fh)}
    assert "85A" in codes_2013 and "85A" not in {r["PRIMARY_LEVEL"] for r in july}


def test_the_generator_is_deterministic(england, tmp_path):
    out, _ = england
    write_england(tmp_path, FRACTION, monthly=False, log=lambda *_: None)
    for name in ("MHS001MPI.csv", "MHS401MHActPeriod.csv", "MHS404CommTreatOrder.csv"):
        first = hashlib.sha256((out / "mhsds_records" / name).read_bytes()).hexdigest()
        again = hashlib.sha256((tmp_path / "mhsds_records" / name).read_bytes()).hexdigest()
        assert first == again, name


def test_same_rows_finds_a_changed_count_and_ignores_order():
    a = pd.DataFrame(
        {
            "uniq_month_id": [1459, 1459],
            "geography": ["National"] * 2,
            "org_code": ["England"] * 2,
            "mha_group": ["Informal", "Part 2"],
            "lda45_open_at_end": [3, 4],
        }
    )
    assert same_rows(a, a.iloc[::-1]).startswith("equal (2 rows)")
    b = a.assign(lda45_open_at_end=[3, 5])
    assert same_rows(a, b).startswith("DIFFERENT")
    assert same_rows(a, a.drop(columns="lda45_open_at_end")).startswith("DIFFERENT: columns")


def result(benchmark, variant, seconds, scale=1.0, **extra):
    return {"benchmark": benchmark, "variant": variant, "scale": scale, "counted_seconds": seconds, **extra}


def test_target_verdicts():
    lda = "LDA MHA v1"
    monthly = "120 monthly MHSDS CSVs"
    results = [
        result(lda, "bare count(*) scan", 10.0),
        result(lda, "dbt on DuckDB", 25.0, peak_rss_mb=1500, rules_seconds=2.0, dbt_wall_seconds=30.0),
        result(lda, "dbt on DuckDB", 5.0, scale=0.25, peak_rss_mb=500),
        result(lda, "pandas baseline", 50.0, rules_seconds=20.0),
        result(lda, "dbt on Spark", 150.0, dbt_wall_seconds=200.0),
        result(monthly, "bare count(*) scan", 10.0),
        result(monthly, "pipeline (load + dbt on DuckDB)", 19.0, peak_rss_mb=2500),
        result(monthly, "pandas data-map baseline", 50.0),
        result(INCREMENTAL, "one month, empty warehouse", 4.0, scale=0.25, nodes_seconds=2.0),
        result(INCREMENTAL, "a month added to a built warehouse", 5.0, scale=0.25, nodes_seconds=3.2),
    ]
    verdicts = {name: (measured, ok) for name, measured, ok in targets(results)}
    scan_ratio = next(v for k, v in verdicts.items() if k.startswith("LDA v1"))
    assert scan_ratio == ("2.50x the scan", False)  # 25 s against a 10 s scan: more than 2x
    assert verdicts["... LDA peak memory under 2 GB"] == ("1,500 MB", True)
    assert next(v for k, v in verdicts.items() if "pandas baseline, end to end" in k) == ("2.0x", False)
    assert next(v for k, v in verdicts.items() if "local Spark" in k) == ("6.0x", False)
    assert next(v for k, v in verdicts.items() if k.startswith("120 monthly")) == ("1.90x the scan", True)
    assert verdicts["... monthly CSVs peak memory under 2 GB"] == ("2,500 MB", False)
    assert next(v for k, v in verdicts.items() if "data-map baseline" in k) == ("2.6x", False)
    assert next(v for k, v in verdicts.items() if k.startswith("adding a month")) == ("1.60x", False)
    assert next(v for k, v in verdicts.items() if k.startswith("make build")) == ("not measured", None)
    scaling = next(v for k, v in verdicts.items() if "scaling" in k)
    assert scaling == ("1.25 (time ratio / size ratio)", False)  # 5x the time for 4x the size
