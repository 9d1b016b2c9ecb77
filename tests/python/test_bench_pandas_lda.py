"""The pandas baseline of the LDA MHA measure (v1, `mhw.bench.pandas_lda`) against the dbt model
fct_lda_mha_monthly (National and Provider), and on a hand-made table set with known counts."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from conftest import REPO
from mhw.bench.pandas_lda import COLUMNS, OUTPUT_COLUMNS, lda_v1_monthly, read_tables
from mhw.sources.mhsds_records import TABLES
from mhw.warehouse import connect

KEYS = ["uniq_month_id", "geography", "org_code", "mha_group"]
TEXT = ["geography", "org_code", "mha_group"]


def normalised(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame[OUTPUT_COLUMNS].copy()
    for column in OUTPUT_COLUMNS:
        frame[column] = frame[column].astype(str if column in TEXT else "int64")
    return frame.sort_values(KEYS, ignore_index=True)


def test_pandas_baseline_equals_fct_lda_mha_monthly_on_the_demo(copy_demo, tmp_path, monkeypatch):
    from mhw.build import build

    monkeypatch.chdir(REPO)
    landing = copy_demo("mhsds_records")
    warehouse = tmp_path / "wh" / "mh.duckdb"
    build(landing, warehouse, tmp_path / "exports", docs=False, log=lambda *_: None)
    with connect(warehouse) as con:
        expected = con.execute(
            f"select {', '.join(OUTPUT_COLUMNS)} from fct_lda_mha_monthly where geography in ('National', 'Provider')"
        ).df()

    start = time.perf_counter()
    got = lda_v1_monthly(read_tables(landing / "mhsds_records"))
    print(f"pandas baseline on the demo: {time.perf_counter() - start:.2f} s")

    assert list(got.columns) == OUTPUT_COLUMNS
    assert len(expected) > 0 and set(expected["geography"]) == {"National", "Provider"}
    assert not got.duplicated(KEYS).any()
    pd.testing.assert_frame_equal(normalised(got), normalised(expected))


def write_csv(folder, table: str, names: str, *rows: tuple[str, ...]) -> None:
    """`table`.csv with the interface columns: `names` (space-separated) filled from `rows`,
    UniqMonthID 1459 (October 2021), every other column blank."""
    columns = list(TABLES[table][1])
    frame = pd.DataFrame([dict(zip(names.split(), row, strict=True)) for row in rows], columns=columns)
    frame["UniqMonthID"] = "1459"
    frame.to_csv(folder / f"{table}.csv", index=False)


@pytest.fixture
def hand_made(tmp_path):
    """October 2021. S1-S3 at RX1 and S6 without a provider count; S4 (PatMRecInRP false) and S5
    (person not in the cohort) do not."""
    folder = tmp_path / "mhsds_records"
    folder.mkdir()
    write_csv(folder, "MHS000Header", "ReportingPeriodStartDate ReportingPeriodEndDate", ("2021-10-01", "2021-10-31"))
    write_csv(
        folder,
        "MHS001MPI",
        "Person_ID PatMRecInRP",
        ("P1", "true"),
        ("P2", " TRUE "),
        ("P3", "Y"),
        ("P4", "false"),
        ("P5", "true"),
        ("P6", "1"),
    )
    # cohort: P1 and P4 by disability 04 (P5's 01 is not an LDA code), P2 by ward type, P3 by
    # diagnosis, P6 by the team referred to (code trimmed and upper-cased; closed within the month)
    write_csv(folder, "MHS007DisabilityType", "Person_ID DisabCode", ("P1", "04"), ("P4", "04"), ("P5", "01"))
    write_csv(folder, "MHS502WardStay", "Person_ID WardType", ("P2", "05"))
    write_csv(folder, "MHS605SecDiag", "Person_ID DiagSchemeInUse SecDiag", ("P3", "02", "F84.1"))
    write_csv(
        folder,
        "MHS102ServiceTypeReferredTo",
        "Person_ID ServTeamTypeRefToMH ReferClosureDate",
        ("P6", " b02 ", "2021-10-15"),
    )
    # S1 open at start and end; S2 admitted; S3 admitted and discharged; S6 open, no provider
    write_csv(
        folder,
        "MHS501HospProvSpell",
        "UniqHospProvSpellID Person_ID OrgIDProv StartDateHospProvSpell DischDateHospProvSpell",
        ("S1", "P1", "rx1", "2021-09-01", ""),
        ("S2", "P2", "RX1", "2021-10-05", ""),
        ("S3", "P3", "RX1", "2021-10-02", "2021-10-20"),
        ("S4", "P4", "RX1", "2021-09-01", ""),
        ("S5", "P5", "RX1", "2021-09-01", ""),
        ("S6", "P6", "", "2021-08-01", ""),
    )
    write_csv(
        folder,
        "MHS401MHActPeriod",
        "MHS401UniqID Person_ID StartDateMHActLegalStatusClass EndDateMHActLegalStatusClass NHSDLegalStatus",
        ("1", "P1", "2021-09-01", "", "03"),  # section 3, but the concurrent CTO makes it Informal
        ("2", "P2", "2021-10-05", "", "03"),  # 03 beats 37 although 37 started later and has the higher id
        ("9", "P2", "2021-10-10", "", "37"),
        ("3", "P3", "2021-10-02", "2021-10-25", "09"),  # discharged 2021-10-20: the later end wins, 09 over 10
        ("4", "P3", "2021-10-02", "2021-10-20", "10"),
        ("5", "P3", "2021-10-21", "2021-10-31", "02"),  # starts after the discharge: not a candidate
        ("6", "P4", "2021-09-01", "", "02"),
        ("7", "P5", "2021-09-01", "", "02"),
        ("8", "P6", "2021-08-01", "", "02"),
    )
    write_csv(folder, "MHS404CommTreatOrder", "Person_ID StartDateCommTreatOrd", ("P1", "2021-09-15"))
    # P6's conditional discharge has an end date while the spell is open: not concurrent (stays Part 2)
    write_csv(
        folder,
        "MHS403ConditionalDischarge",
        "Person_ID StartDateMHCondDisch EndDateMHCondDisch",
        ("P6", "2021-08-01", "2021-12-31"),
    )
    return folder


def test_read_tables_absent_table_is_empty_and_blank_is_null(hand_made):
    tables = read_tables(hand_made)
    assert set(tables) == set(COLUMNS)
    assert tables["MHS801ClusterTool"].empty
    assert list(tables["MHS801ClusterTool"].columns) == COLUMNS["MHS801ClusterTool"]
    spells = tables["MHS501HospProvSpell"].set_index("UniqHospProvSpellID")
    assert pd.isna(spells.loc["S1", "DischDateHospProvSpell"]) and pd.isna(spells.loc["S6", "OrgIDProv"])


def test_hand_made_counts(hand_made):
    got = lda_v1_monthly(read_tables(hand_made)).set_index(KEYS)
    national = got.loc[(1459, "National", "England")]
    assert national.to_dict("index") == {
        # S1: 03 with a concurrent CTO -> Informal
        "Informal": dict.fromkeys(OUTPUT_COLUMNS[4:], 0) | {"lda43_open_at_start": 1, "lda45_open_at_end": 1},
        # S2 (03 preferred to the later 37) and S6 (the CD has ended)
        "Part 2": {
            "lda43_open_at_start": 1,
            "lda27_admissions": 1,
            "lda28_discharges": 0,
            "lda44_admitted_and_discharged": 0,
            "lda45_open_at_end": 2,
        },
        "Part 3 no restrictions": dict.fromkeys(OUTPUT_COLUMNS[4:], 0),
        # S3: the later-ending 09
        "Part 3 with restrictions": dict.fromkeys(OUTPUT_COLUMNS[4:], 0) | {"lda44_admitted_and_discharged": 1},
        "Other": dict.fromkeys(OUTPUT_COLUMNS[4:], 0),
    }
    providers = got.xs("Provider", level="geography")
    assert set(providers.index.get_level_values("org_code")) == {"RX1", "UNKNOWN"}
    assert len(providers) == 10  # every organisation seen gets all five MHA groups
    assert providers.loc[(1459, "UNKNOWN", "Part 2"), "lda45_open_at_end"] == 1
    assert providers["lda45_open_at_end"].sum() == 3  # S1, S2, S6 (S4 and S5 are not counted)
