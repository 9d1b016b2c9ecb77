"""Pandas baseline of the LDA Mental Health Act measure, version 1 (NHS Digital's production logic).

What an analyst would write in a notebook (read the files, merge, filter, sort, drop duplicates,
group by), used by `make bench` to compare against the dbt models. It gives the same counts as
`fct_lda_mha_monthly` for the geographies `National` (org_code `England`) and `Provider` (org_code =
provider code, `UNKNOWN` when null). The commissioner geography `CCG21` is OUT OF SCOPE: it needs the
geography crosswalk (landing topic reference/), so MHS101Referral (read by the dbt models only for the
commissioner) is not read here at all.

Rules mirrored from the dbt project (see those files for the rule text):
- staging (`models/staging/mhsds_records/*.sql`, macros in `macros/text.sql` and `macros/dates.sql`):
  codes trimmed and upper-cased, texts trimmed (DuckDB's trim: Unicode space separators only, not
  tabs or line breaks), empty = null; dates = the first 10 characters of the trimmed text as an ISO
  date (anything else null); numbers with thousands separators removed; PatMRecInRP true for
  TRUE/T/Y/YES/1 (any case);
- rule 1 `int_lda_mha__reporting_periods`, rule 2 `int_lda_mha__cohort`, rule 3 `int_lda_mha__spells`;
- rules 4-8 `int_lda_mha__chosen_episodes`, `int_lda_mha__concurrent_orders` and
  `int_lda_mha__spell_measures` with `logic_version` 1;
- `int_lda_mha__spell_geographies` and `fct_lda_mha_monthly` (the grid: every organisation seen in a
  month x every MHA group, zeros where none);
- code lists from the seeds `seeds/lda_mha/*.csv`. The MHA group is taken from the seed
  `lda_mha_legal_status_codes` (mha_group, is_overridden_by_concurrent_order), which a dbt singular
  test keeps equal to the macro `lda_mha_group` (unknown codes: Informal, like the CASE's else).

SQL null semantics are kept: a comparison with a null date is false, a null key never joins (rows
with a null Person_ID or UniqMonthID are dropped first: no rule can use them), `row_number()`
ordering with nulls last. Spells are not de-duplicated: as in SQL, the episode is chosen per
(UniqMonthID, UniqHospProvSpellID) over the candidates of all rows of that spell, and the counts are
of distinct spell ids. When candidate episodes tie on every ranking key the SQL's pick is arbitrary;
here the first in file order wins (pandas' sort is stable).

Known small differences from DuckDB's casts, irrelevant for ISO input: DuckDB also accepts dates such
as `2021/01/05`, and hexadecimal or `1_000` numbers; here those are null.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEEDS = Path(__file__).resolve().parents[3] / "seeds" / "lda_mha"

# table -> the columns the rule needs (a subset of mhw.sources.mhsds_records.TABLES)
COLUMNS: dict[str, list[str]] = {
    "MHS000Header": ["UniqMonthID", "ReportingPeriodStartDate", "ReportingPeriodEndDate"],
    "MHS001MPI": ["Person_ID", "UniqMonthID", "PatMRecInRP"],
    "MHS006MHCareCoord": ["Person_ID", "UniqMonthID", "CareProfServOrTeamTypeAssoc", "EndDateAssCareCoord"],
    "MHS007DisabilityType": ["Person_ID", "UniqMonthID", "DisabCode"],
    "MHS102ServiceTypeReferredTo": [
        "Person_ID",
        "UniqMonthID",
        "ServTeamTypeRefToMH",
        "ReferClosureDate",
        "ReferRejectionDate",
    ],
    "MHS401MHActPeriod": [
        "MHS401UniqID",
        "Person_ID",
        "UniqMonthID",
        "StartDateMHActLegalStatusClass",
        "ExpiryDateMHActLegalStatusClass",
        "EndDateMHActLegalStatusClass",
        "NHSDLegalStatus",
        "MentalCat",
    ],
    "MHS403ConditionalDischarge": ["Person_ID", "UniqMonthID", "StartDateMHCondDisch", "EndDateMHCondDisch"],
    "MHS404CommTreatOrder": ["Person_ID", "UniqMonthID", "StartDateCommTreatOrd", "EndDateCommTreatOrd"],
    "MHS405CommTreatOrderRecall": [
        "Person_ID",
        "UniqMonthID",
        "StartDateCommTreatOrdRecall",
        "EndDateCommTreatOrdRecall",
    ],
    "MHS501HospProvSpell": [
        "UniqHospProvSpellID",
        "Person_ID",
        "UniqMonthID",
        "OrgIDProv",
        "StartDateHospProvSpell",
        "DischDateHospProvSpell",
    ],
    "MHS502WardStay": ["Person_ID", "UniqMonthID", "EndDateWardStay", "WardType", "WardIntendedClinCareMH"],
    "MHS503AssignedCareProf": ["Person_ID", "UniqMonthID", "TreatFuncCodeMH", "EndDateAssCareProf"],
    "MHS603ProvDiag": ["Person_ID", "UniqMonthID", "DiagSchemeInUse", "ProvDiag"],
    "MHS604PrimDiag": ["Person_ID", "UniqMonthID", "DiagSchemeInUse", "PrimDiag"],
    "MHS605SecDiag": ["Person_ID", "UniqMonthID", "DiagSchemeInUse", "SecDiag"],
    "MHS609PresComp": ["Person_ID", "UniqMonthID", "FindSchemeInUse", "PresComp"],
    "MHS801ClusterTool": ["Person_ID", "UniqMonthID", "ClustCat"],
}
FIRST_PRES_COMP_MONTH = 1459  # MHS609 is collected from October 2021

FLAGS = ["is_open_at_start", "is_admission", "is_discharge", "is_admitted_and_discharged", "is_open_at_end"]
MEASURES = {
    "is_open_at_start": "lda43_open_at_start",
    "is_admission": "lda27_admissions",
    "is_discharge": "lda28_discharges",
    "is_admitted_and_discharged": "lda44_admitted_and_discharged",
    "is_open_at_end": "lda45_open_at_end",
}
OUTPUT_COLUMNS = ["uniq_month_id", "geography", "org_code", "mha_group", *MEASURES.values()]
TRUE_TEXTS = ["TRUE", "T", "Y", "YES", "1"]
# what DuckDB's trim() removes: the Unicode space separators (Zs), not tabs or line breaks
SPACES = " \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
KEYS = ["uniq_month_id", "person_id"]


# ---------------------------------------------------------------------------------------------
# reading the landing folder


def _norm(name: object) -> str:
    return str(name).replace("\ufeff", "").strip().lower()


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="str") for c in columns})


def _read_csv(path: Path, columns: list[str]) -> pd.DataFrame:
    wanted = {c.lower(): c for c in columns}
    frame = pd.read_csv(
        path,
        dtype=str,
        keep_default_na=False,
        na_values=[""],  # an empty field is null, nothing else is
        usecols=lambda name: _norm(name) in wanted,
        encoding="utf-8-sig",
    )
    return frame.rename(columns=lambda name: wanted[_norm(name)])


def _read_parquet(path: Path, columns: list[str]) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.parquet as pq

    wanted = {c.lower(): c for c in columns}
    picked: dict[str, str] = {}
    for name in pq.read_schema(path).names:
        if _norm(name) in wanted:
            picked.setdefault(wanted[_norm(name)], name)
    table = pq.read_table(path, columns=list(picked.values()))
    # every column as text, like the stager's cast(... as varchar)
    frame = pd.DataFrame({c: table.column(n).cast(pa.string()).to_pandas() for c, n in picked.items()})
    return frame.apply(lambda s: s.where(s != ""))


def read_tables(folder: Path) -> dict[str, pd.DataFrame]:
    """The MHSDS tables of a `mhsds_records/` folder (`<TableName>.csv` or `.parquet`), as text.

    Only the columns the rule needs are read (header names matched case-insensitively); an empty
    field is NaN; an absent table is an empty frame with those columns.
    """
    folder = Path(folder)
    files = {}
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.is_file() and path.suffix.lower() in (".csv", ".parquet"):
            files.setdefault(path.stem.lower(), []).append(path)
    tables = {}
    for table, columns in COLUMNS.items():
        frames = []
        for path in files.get(table.lower(), []):
            frame = _read_csv(path, columns) if path.suffix.lower() == ".csv" else _read_parquet(path, columns)
            missing = [c for c in columns if c not in frame.columns]
            if missing:
                raise ValueError(f"{path.name}: required column(s) missing: {', '.join(missing)}")
            frames.append(frame[columns])
        tables[table] = pd.concat(frames, ignore_index=True) if frames else _empty(columns)
    return tables


# ---------------------------------------------------------------------------------------------
# staging (the stg_nhsd__* casts)


def _as_text(s: pd.Series) -> pd.Series:
    return s if s.dtype == "str" else s.astype("str")


def _text(s: pd.Series) -> pd.Series:
    s = _as_text(s).str.strip(SPACES)
    return s.where(s != "")


def _code(s: pd.Series) -> pd.Series:
    s = _as_text(s).str.strip(SPACES).str.upper()
    return s.where(s != "")


def _date(s: pd.Series) -> pd.Series:
    return pd.to_datetime(_as_text(s).str.strip(SPACES).str[:10], format="%Y-%m-%d", errors="coerce")


def _number(s: pd.Series) -> pd.Series:
    """try_cast(nullif(replace(trim(x), ',', ''), '') as bigint): nullable Int64 (a decimal is
    rounded half away from zero, like DuckDB). Parsed once per distinct text (ids and months
    repeat a lot), then spread back with the factorize codes."""
    codes, uniques = pd.factorize(_as_text(s))
    text = pd.Series(uniques, dtype="str").str.strip(SPACES).str.replace(",", "", regex=False)
    x = pd.to_numeric(text, errors="coerce", dtype_backend="numpy_nullable")
    if x.dtype.kind == "f":
        x = x.astype("float64")
        x = np.sign(x) * np.floor(np.abs(x) + 0.5)
        x = x.where(np.abs(x) < 9.2e18)
    values = x.astype("Int64").array.take(codes, allow_fill=True)
    return pd.Series(values, index=s.index)


def _person_month(frame: pd.DataFrame) -> pd.DataFrame:
    """person_id and uniq_month_id (int64) of a table; rows where either is null are dropped."""
    out = pd.DataFrame({"person_id": _text(frame["Person_ID"]), "uniq_month_id": _number(frame["UniqMonthID"])})
    keep = out["person_id"].notna() & out["uniq_month_id"].notna()
    out = out[keep.to_numpy()]
    return out.astype({"uniq_month_id": "int64"})


def _staged(frame: pd.DataFrame, codes: dict | None = None, dates: dict | None = None, **others) -> pd.DataFrame:
    """person_id, uniq_month_id and the named columns (codes / dates: new name -> raw name)."""
    out = _person_month(frame)
    rows = out.index
    for name, raw in (codes or {}).items():
        out[name] = _code(frame[raw].loc[rows])
    for name, raw in (dates or {}).items():
        out[name] = _date(frame[raw].loc[rows])
    for name, values in others.items():
        out[name] = values(frame.loc[rows])
    return out.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# the measure


def _seed(name: str) -> pd.DataFrame:
    return pd.read_csv(SEEDS / f"{name}.csv", dtype=str, keep_default_na=False)


def _table(tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    frame = tables.get(name)
    return _empty(COLUMNS[name]) if frame is None else frame.reset_index(drop=True)  # no copy (copy-on-write)


def _reporting_periods(header: pd.DataFrame) -> pd.DataFrame:
    """Rule 1: one row per UniqMonthID of MHS000Header with the period's first and last day."""
    h = pd.DataFrame(
        {
            "uniq_month_id": _number(header["UniqMonthID"]),
            "start": _date(header["ReportingPeriodStartDate"]),
            "end": _date(header["ReportingPeriodEndDate"]),
        }
    ).dropna(subset=["uniq_month_id"])
    p = h.groupby("uniq_month_id", as_index=False).agg(start=("start", "min"), end=("end", "max"))
    p["uniq_month_id"] = p["uniq_month_id"].astype("int64")
    # UniqMonthID = 12 * (year - 1900) + month - 3
    year = 1900 + (p["uniq_month_id"] + 2) // 12
    month = (p["uniq_month_id"] + 2) % 12 + 1
    first = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": 1}))
    after = pd.to_datetime(pd.DataFrame({"year": year + month // 12, "month": month % 12 + 1, "day": 1}))
    p["reporting_period_start"] = p["start"].fillna(first)
    p["reporting_period_end"] = p["end"].fillna(after - pd.Timedelta(days=1))
    return p[["uniq_month_id", "reporting_period_start", "reporting_period_end"]]


def _not_ended(end: pd.Series, start_of_period: pd.Series) -> pd.Series:
    return end.isna() | (end >= start_of_period)


def _coded(frame: pd.DataFrame, column: str, codes: list[str]) -> np.ndarray:
    """Rows whose code (trimmed, upper case) is in the list, as a boolean array."""
    return _code(frame[column]).isin(codes).to_numpy()


def _cohort(tables: dict[str, pd.DataFrame], periods: pd.DataFrame) -> pd.DataFrame:
    """Rule 2: distinct (uniq_month_id, person_id) meeting any criterion in a reporting month.
    Each table is filtered on its code first (cheap), then the kept rows are staged."""
    groups = _seed("lda_mha_code_groups")
    codes = {g: list(c) for g, c in groups.groupby("code_group")["code"]}
    starts = periods[["uniq_month_id", "reporting_period_start"]]
    matches = []

    d = _table(tables, "MHS007DisabilityType")
    matches.append(_person_month(d[_coded(d, "DisabCode", codes["lda_disability_code"])]))

    w = _table(tables, "MHS502WardStay")
    w = w[
        _coded(w, "WardType", codes["lda_ward_type"])
        | _coded(w, "WardIntendedClinCareMH", codes["lda_ward_intended_clinical_care"])
    ]
    w = _staged(w, dates={"end": "EndDateWardStay"}).merge(starts, on="uniq_month_id")
    matches.append(w[_not_ended(w["end"], w["reporting_period_start"])])

    c = _table(tables, "MHS006MHCareCoord")
    c = c[_coded(c, "CareProfServOrTeamTypeAssoc", codes["lda_team_type"])]
    c = _staged(c, dates={"end": "EndDateAssCareCoord"}).merge(starts, on="uniq_month_id")
    matches.append(c[_not_ended(c["end"], c["reporting_period_start"])])

    r = _table(tables, "MHS102ServiceTypeReferredTo")
    r = r[_coded(r, "ServTeamTypeRefToMH", codes["lda_team_type"])]
    r = _staged(r, dates={"closed": "ReferClosureDate", "rejected": "ReferRejectionDate"})
    r = r.merge(starts, on="uniq_month_id")
    matches.append(
        r[_not_ended(r["closed"], r["reporting_period_start"]) & _not_ended(r["rejected"], r["reporting_period_start"])]
    )

    a = _table(tables, "MHS401MHActPeriod")
    a = a[_coded(a, "MentalCat", codes["lda_mental_category"])]
    a = _staged(a, dates={"end": "EndDateMHActLegalStatusClass", "expiry": "ExpiryDateMHActLegalStatusClass"})
    a = a.merge(starts, on="uniq_month_id")
    # production: the end date or the expiry date null or on/after the period start
    ps = a["reporting_period_start"]
    matches.append(a[_not_ended(a["end"], ps) | _not_ended(a["expiry"], ps)])

    t = _table(tables, "MHS503AssignedCareProf")
    t = t[_coded(t, "TreatFuncCodeMH", codes["lda_treatment_function"])]
    t = _staged(t, dates={"end": "EndDateAssCareProf"}).merge(starts, on="uniq_month_id")
    matches.append(t[_not_ended(t["end"], t["reporting_period_start"])])

    for table, column in (("MHS603ProvDiag", "ProvDiag"), ("MHS604PrimDiag", "PrimDiag"), ("MHS605SecDiag", "SecDiag")):
        x = _table(tables, table)
        x = x[_coded(x, "DiagSchemeInUse", codes["lda_diagnosis_scheme"])]
        prefix = _code(x[column]).str.startswith(tuple(codes["lda_diagnosis_prefix"]), na=False).astype(bool)
        matches.append(_person_month(x[prefix.to_numpy()]))

    x = _table(tables, "MHS609PresComp")
    x = x[_coded(x, "FindSchemeInUse", codes["lda_presenting_complaint_scheme"])]
    prefix = _code(x["PresComp"]).str.startswith(tuple(codes["lda_diagnosis_prefix"]), na=False).astype(bool)
    x = _person_month(x[prefix.to_numpy()])
    matches.append(x[x["uniq_month_id"] >= FIRST_PRES_COMP_MONTH])

    k = _table(tables, "MHS801ClusterTool")
    matches.append(_person_month(k[_coded(k, "ClustCat", codes["lda_cluster"])]))

    cohort = pd.concat([m[KEYS] for m in matches], ignore_index=True).drop_duplicates()
    return cohort[cohort["uniq_month_id"].isin(periods["uniq_month_id"])]


def _spells(tables: dict[str, pd.DataFrame], periods: pd.DataFrame, cohort: pd.DataFrame) -> pd.DataFrame:
    """Rule 3: month-M MHS501 rows of cohort persons with a month-M MPI row with PatMRecInRP true."""
    s = _staged(
        _table(tables, "MHS501HospProvSpell"),
        codes={"provider_code": "OrgIDProv"},
        dates={"spell_start_date": "StartDateHospProvSpell", "discharge_date": "DischDateHospProvSpell"},
        hospital_spell_id=lambda f: _text(f["UniqHospProvSpellID"]),
    )
    s = s[s["hospital_spell_id"].notna()]
    s = s.merge(periods, on="uniq_month_id").merge(cohort, on=KEYS)

    # MPI is by far the largest table: keep the rows of those persons with PatMRecInRP true first
    mpi = _table(tables, "MHS001MPI")
    in_period = _as_text(mpi["PatMRecInRP"]).str.strip(SPACES).str.upper().isin(TRUE_TEXTS)
    keep = in_period & _text(mpi["Person_ID"]).isin(s["person_id"].unique())
    persons = _person_month(mpi.loc[keep.to_numpy(), ["Person_ID", "UniqMonthID"]]).drop_duplicates()
    return s.merge(persons, on=KEYS).reset_index(drop=True)


def _rows_of(frame: pd.DataFrame, spells: pd.DataFrame) -> pd.DataFrame:
    """The rows of a table whose Person_ID has a spell (filter early: only those can join)."""
    return frame[_text(frame["Person_ID"]).isin(spells["person_id"].unique()).to_numpy()]


def _open_for_spell(start: pd.Series, end: pd.Series, discharge: pd.Series) -> pd.Series:
    """v1 open rule: (end null and discharge null) or start <= discharge <= end (null compares false)."""
    return (end.isna() & discharge.isna()) | ((start <= discharge) & (discharge <= end))


def _chosen_episodes(tables: dict[str, pd.DataFrame], spells: pd.DataFrame) -> pd.DataFrame:
    """Rule 4: the MHA episode of each (uniq_month_id, hospital_spell_id): legal status of the first
    candidate by null end first, later end, 02/03 first, later start, higher MHS401UniqID."""
    e = _staged(
        _rows_of(_table(tables, "MHS401MHActPeriod"), spells),
        codes={"legal_status_code": "NHSDLegalStatus"},
        dates={"start": "StartDateMHActLegalStatusClass", "end": "EndDateMHActLegalStatusClass"},
        mhs401_uniq_id=lambda f: _number(f["MHS401UniqID"]),
    )
    cand = spells[["uniq_month_id", "hospital_spell_id", "person_id", "discharge_date"]].merge(e, on=KEYS)
    cand = cand[_open_for_spell(cand["start"], cand["end"], cand["discharge_date"])].copy()
    cand["end_known"] = cand["end"].notna()
    cand["not_02_03"] = ~cand["legal_status_code"].isin(["02", "03"])
    cand = cand.sort_values(
        ["end_known", "end", "not_02_03", "start", "mhs401_uniq_id"],
        ascending=[True, False, True, False, False],
        na_position="last",
        kind="stable",
    )
    chosen = cand.drop_duplicates(["uniq_month_id", "hospital_spell_id"], keep="first")
    return chosen[["uniq_month_id", "hospital_spell_id", "legal_status_code"]]


def _concurrent_orders(tables: dict[str, pd.DataFrame], spells: pd.DataFrame) -> pd.DataFrame:
    """Rule 5: spells with a month-M CD, CTO or CTO recall of the person open for the spell."""
    orders = pd.concat(
        [
            _staged(_rows_of(_table(tables, table), spells), dates={"start": start, "end": end})
            for table, start, end in (
                ("MHS403ConditionalDischarge", "StartDateMHCondDisch", "EndDateMHCondDisch"),
                ("MHS404CommTreatOrder", "StartDateCommTreatOrd", "EndDateCommTreatOrd"),
                ("MHS405CommTreatOrderRecall", "StartDateCommTreatOrdRecall", "EndDateCommTreatOrdRecall"),
            )
        ],
        ignore_index=True,
    )
    k = spells[["uniq_month_id", "hospital_spell_id", "person_id", "discharge_date"]].merge(orders, on=KEYS)
    k = k[_open_for_spell(k["start"], k["end"], k["discharge_date"])]
    k = k[["uniq_month_id", "hospital_spell_id"]].drop_duplicates()
    return k.assign(has_concurrent_cd_cto_recall=True)


def _between(value: pd.Series, low: pd.Series, high: pd.Series) -> pd.Series:
    return (value >= low) & (value <= high)


def lda_v1_monthly(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """fct_lda_mha_monthly (version 1) for the geographies National and Provider.

    `tables`: MHSDS tables as text (as `read_tables` returns them; a missing table is empty). One row
    per reporting month x geography x organisation seen that month x MHA group, with the counts of
    distinct hospital spells open at the start (LDA43), admitted (LDA27), discharged (LDA28),
    admitted and discharged (LDA44) and open at the end (LDA45) of the period.
    """
    periods = _reporting_periods(_table(tables, "MHS000Header"))
    cohort = _cohort(tables, periods)
    spells = _spells(tables, periods, cohort)
    chosen = _chosen_episodes(tables, spells)
    concurrent = _concurrent_orders(tables, spells)

    m = spells.merge(chosen, on=["uniq_month_id", "hospital_spell_id"], how="left")
    m = m.merge(concurrent, on=["uniq_month_id", "hospital_spell_id"], how="left")
    m["has_concurrent_cd_cto_recall"] = m["has_concurrent_cd_cto_recall"].fillna(False).astype(bool)

    # rule 6: MHA group (the seed holds the CASE's result per code; unknown or null code: Informal)
    statuses = _seed("lda_mha_legal_status_codes")
    group_of = dict(zip(statuses["legal_status_code"], statuses["mha_group"], strict=True))
    overridden = statuses.loc[statuses["is_overridden_by_concurrent_order"].str.lower() == "true", "legal_status_code"]
    m["mha_group"] = m["legal_status_code"].map(group_of).fillna("Informal")
    m.loc[m["has_concurrent_cd_cto_recall"] & m["legal_status_code"].isin(overridden), "mha_group"] = "Informal"

    # rule 7: activity flags (S spell start, D discharge, [Ps, Pe] the period)
    s, d = m["spell_start_date"], m["discharge_date"]
    ps, pe = m["reporting_period_start"], m["reporting_period_end"]
    m["is_open_at_start"] = (s < ps) & (d.isna() | (d >= ps))
    m["is_admission"] = _between(s, ps, pe) & (d.isna() | (d > pe))
    m["is_discharge"] = (s < ps) & _between(d, ps, pe)
    m["is_admitted_and_discharged"] = _between(s, ps, pe) & _between(d, ps, pe)
    m["is_open_at_end"] = d.isna() | (d > pe)

    # geographies
    m = m[["uniq_month_id", "hospital_spell_id", "provider_code", "mha_group", *FLAGS]]
    geo = pd.concat(
        [
            m.assign(geography="National", org_code="England"),
            m.assign(geography="Provider", org_code=m["provider_code"].fillna("UNKNOWN")),
        ],
        ignore_index=True,
    ).drop(columns="provider_code")

    # count distinct spells per flag = spells with the flag on any of their rows
    cells = ["uniq_month_id", "geography", "org_code", "mha_group"]
    per_spell = geo.groupby([*cells, "hospital_spell_id"], as_index=False)[FLAGS].max()
    counts = per_spell.groupby(cells, as_index=False)[FLAGS].sum()

    groups = pd.DataFrame({"mha_group": statuses["mha_group"].drop_duplicates()})
    grid = geo[["uniq_month_id", "geography", "org_code"]].drop_duplicates().merge(groups, how="cross")
    out = grid.merge(counts, on=cells, how="left").rename(columns=MEASURES)
    measures = list(MEASURES.values())
    out[measures] = out[measures].fillna(0).astype("int64")
    out["uniq_month_id"] = out["uniq_month_id"].astype("int64")
    return out[OUTPUT_COLUMNS].sort_values(cells, ignore_index=True)
