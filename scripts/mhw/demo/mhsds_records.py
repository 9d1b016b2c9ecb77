"""Record-level MHSDS for Demoshire (landing topic `mhsds_records/`, interface section 3).

Two parts, expanded to monthly submissions the same way:
- hand-made scenarios (`SCENARIOS`) that hit every rule and branch of the LDA MHA measure (each
  CASE branch, each ranking step, the open-rule edge cases, every activity category, the v1/v2
  differences, people left out by the cohort or by PatMRecInRP);
- a random bulk population whose size grows with `scale`, drawn with numpy in chunks of persons
  (vectorised, no per-row Python) so that England-scale volumes can be written.

A spell is submitted in every reporting month it overlaps (start <= period end, discharge null or
>= period start); each such month repeats the person's MPI, cohort, MHA and order rows with that
UniqMonthID. Commissioners are CCG ODS codes of the demo world, including predecessor 82B and the
unmatched code 00X. MHS801ClusterTool is written as Parquet, every other table as CSV.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from .world import World

TOPICS = ("mhsds_records",)

MONTHS = (1459, 1460, 1461, 1462)  # October 2021 to January 2022
PROVIDERS = ("RX1", "RX2", "RX3", "RX4")
PREDECESSOR_CODE = "82B"  # closed 2021-03-31, successor D9X1Y
UNMATCHED_CODE = "00X"  # matches no CCG
BULK_PERSONS = 400  # persons at scale 1
CHUNK_PERSONS = 200_000
SEED = 5_1459

COHORT_RULES = (
    "disability",
    "ward_type",
    "ward_care",
    "team_006",
    "team_102",
    "mental_cat",
    "treat_func",
    "diag_603",
    "diag_604",
    "diag_605",
    "cluster",
)
STATUSES = (*(f"{c:02d}" for c in [*range(1, 21), 31, 32, 34, 35, 36, 37, 38, 98, 99]), "XX", "")
STATUS_WEIGHTS = np.array(
    [8, 14, 22, 1, 2, 1, 1, 1, 4, 6, 0.5, 1, 0.5, 1, 2, 2, 1, 1, 1, 2, 1, 1, 0.5, 1, 1, 1, 1, 2, 3, 0.5, 2]
)

COLUMNS = {
    "MHS000Header": [
        "UniqSubmissionID",
        "OrgIDProvider",
        "UniqMonthID",
        "ReportingPeriodStartDate",
        "ReportingPeriodEndDate",
    ],
    "MHS001MPI": [
        "Person_ID",
        "UniqMonthID",
        "OrgIDProv",
        "RecordNumber",
        "PatMRecInRP",
        "AgeRepPeriodEnd",
        "Gender",
        "NHSDEthnicity",
        "OrgIDCCGRes",
    ],
    "MHS006MHCareCoord": ["Person_ID", "UniqMonthID", "CareProfServOrTeamTypeAssoc", "EndDateAssCareCoord"],
    "MHS007DisabilityType": ["Person_ID", "UniqMonthID", "DisabCode"],
    "MHS101Referral": [
        "UniqServReqID",
        "Person_ID",
        "UniqMonthID",
        "OrgIDProv",
        "OrgIDComm",
        "ReferralRequestReceivedDate",
        "ServDischDate",
    ],
    "MHS102ServiceTypeReferredTo": [
        "UniqServReqID",
        "Person_ID",
        "UniqMonthID",
        "ServTeamTypeRefToMH",
        "ReferClosureDate",
        "ReferRejectionDate",
    ],
    "MHS401MHActPeriod": [
        "MHS401UniqID",
        "UniqMHActEpisodeID",
        "Person_ID",
        "UniqMonthID",
        "OrgIDProv",
        "RecordNumber",
        "StartDateMHActLegalStatusClass",
        "ExpiryDateMHActLegalStatusClass",
        "EndDateMHActLegalStatusClass",
        "LegalStatusCode",
        "NHSDLegalStatus",
        "MentalCat",
    ],
    "MHS403ConditionalDischarge": [
        "MHS403UniqID",
        "UniqMHActEpisodeID",
        "Person_ID",
        "UniqMonthID",
        "StartDateMHCondDisch",
        "EndDateMHCondDisch",
    ],
    "MHS404CommTreatOrder": [
        "MHS404UniqID",
        "UniqMHActEpisodeID",
        "Person_ID",
        "UniqMonthID",
        "StartDateCommTreatOrd",
        "ExpiryDateCommTreatOrd",
        "EndDateCommTreatOrd",
    ],
    "MHS405CommTreatOrderRecall": [
        "MHS405UniqID",
        "UniqMHActEpisodeID",
        "Person_ID",
        "UniqMonthID",
        "StartDateCommTreatOrdRecall",
        "EndDateCommTreatOrdRecall",
    ],
    "MHS501HospProvSpell": [
        "UniqHospProvSpellID",
        "UniqServReqID",
        "Person_ID",
        "UniqMonthID",
        "OrgIDProv",
        "StartDateHospProvSpell",
        "DischDateHospProvSpell",
    ],
    "MHS502WardStay": [
        "UniqWardStayID",
        "UniqHospProvSpellID",
        "Person_ID",
        "UniqMonthID",
        "StartDateWardStay",
        "EndDateWardStay",
        "WardType",
        "WardIntendedClinCareMH",
    ],
    "MHS503AssignedCareProf": ["Person_ID", "UniqMonthID", "TreatFuncCodeMH", "EndDateAssCareProf"],
    "MHS603ProvDiag": ["Person_ID", "UniqMonthID", "DiagSchemeInUse", "ProvDiag"],
    "MHS604PrimDiag": ["Person_ID", "UniqMonthID", "DiagSchemeInUse", "PrimDiag"],
    "MHS605SecDiag": ["Person_ID", "UniqMonthID", "DiagSchemeInUse", "SecDiag"],
    "MHS801ClusterTool": ["Person_ID", "UniqMonthID", "ClustCat"],
    "MHS609PresComp": ["Person_ID", "UniqMonthID", "FindSchemeInUse", "PresComp"],
}
PARQUET_TABLES = ("MHS801ClusterTool",)


def period(month: int) -> tuple[dt.date, dt.date]:
    """Reporting period of a UniqMonthID (12 * (year - 1900) + month - 3)."""
    year, month0 = divmod(month + 2, 12)
    start = dt.date(1900 + year, month0 + 1, 1)
    end = (pd.Timestamp(start) + pd.offsets.MonthEnd(0)).date()
    return start, end


def d(text: str | None) -> pd.Timestamp:
    return pd.Timestamp(text) if text else pd.NaT


# ---------------------------------------------------------------------------------------------
# Scenarios. Periods: Oct 2021 = [2021-10-01, 2021-10-31]. Each: (key, spell start, discharge,
# episodes [(status, start, end, provider or None)], orders [(table, episode index, start, end)],
# options). Options: rule (cohort rule, default disability), in_rp (PatMRecInRP, default true),
# blank_start (StartDateHospProvSpell submitted blank: length of stay unknown).
# Episode MHS401UniqIDs increase in list order (the later one is "higher").
# ---------------------------------------------------------------------------------------------
OPEN = ("2021-06-01", None)  # open all months: LDA43 + LDA45 in every month
SCENARIOS: list[tuple] = [
    # CASE branches (rule 6), undischarged spell, one open episode
    ("case_override_02_cto", *OPEN, [("02", "2021-06-01", None, None)], [("404", 0, "2021-07-01", None)], {}),
    ("case_override_37_cd", *OPEN, [("37", "2021-06-01", None, None)], [("403", 0, "2021-07-01", None)], {}),
    ("case_override_31_recall", *OPEN, [("31", "2021-06-01", None, None)], [("405", 0, "2021-07-01", None)], {}),
    ("case_no_override_35_cto", *OPEN, [("35", "2021-06-01", None, None)], [("404", 0, "2021-07-01", None)], {}),
    ("case_null_no_episode", *OPEN, [], [], {}),
    ("case_98", *OPEN, [("98", "2021-06-01", None, None)], [], {}),
    ("case_01", *OPEN, [("01", "2021-06-01", None, None)], [], {}),
    ("case_02", *OPEN, [("02", "2021-06-01", None, None)], [], {}),
    ("case_03", *OPEN, [("03", "2021-06-01", None, None)], [], {}),
    ("case_10", *OPEN, [("10", "2021-06-01", None, None)], [], {}),
    ("case_34", *OPEN, [("34", "2021-06-01", None, None)], [], {}),
    ("case_09", *OPEN, [("09", "2021-06-01", None, None)], [], {}),
    ("case_17", *OPEN, [("17", "2021-06-01", None, None)], [], {}),
    ("case_04", *OPEN, [("04", "2021-06-01", None, None)], [], {}),
    ("case_36", *OPEN, [("36", "2021-06-01", None, None)], [], {}),
    ("case_99", *OPEN, [("99", "2021-06-01", None, None)], [], {}),
    ("case_else_11", *OPEN, [("11", "2021-06-01", None, None)], [], {}),
    # ranking (rule 4), spell discharged 2021-10-20 (LDA28)
    (
        "rank_null_end_first",
        "2021-06-01",
        "2021-10-20",
        [("02", "2021-06-01", "2021-10-25", None), ("10", "2021-06-01", None, None)],
        [],
        {},
    ),
    (
        "rank_later_end",
        "2021-06-01",
        "2021-10-20",
        [("02", "2021-06-01", "2021-10-21", None), ("09", "2021-06-01", "2021-10-28", None)],
        [],
        {},
    ),
    (
        "rank_part2_first_v1_later_start_v2",
        "2021-06-01",
        "2021-10-20",
        [("03", "2021-06-01", "2021-10-25", None), ("10", "2021-08-01", "2021-10-25", None)],
        [],
        {},
    ),
    (
        "rank_part2_over_short_term",
        "2021-06-01",
        "2021-10-20",
        [("02", "2021-06-01", "2021-10-25", None), ("05", "2021-08-01", "2021-10-25", None)],
        [],
        {},
    ),
    (
        "rank_later_start",
        "2021-06-01",
        "2021-10-20",
        [("09", "2021-08-01", "2021-10-25", None), ("10", "2021-06-01", "2021-10-25", None)],
        [],
        {},
    ),
    (
        "rank_higher_id",
        "2021-06-01",
        "2021-10-20",
        [("10", "2021-06-01", "2021-10-25", None), ("09", "2021-06-01", "2021-10-25", None)],
        [],
        {},
    ),
    # open rule edge cases; an episode at another provider counts too
    ("open_ends_on_discharge_day", "2021-06-01", "2021-10-20", [("03", "2021-06-01", "2021-10-20", None)], [], {}),
    ("open_ended_before_discharge", "2021-06-01", "2021-10-20", [("03", "2021-06-01", "2021-10-19", None)], [], {}),
    ("open_undischarged_episode_ends_later", *OPEN, [("03", "2021-06-01", "2022-03-31", None)], [], {}),
    ("open_other_provider_episode", *OPEN, [("09", "2021-06-01", None, "RX4")], [], {}),
    # concurrent order of another episode: v1 counts it, v2 (linked to the chosen episode) does not
    (
        "concurrent_other_episode",
        *OPEN,
        [("03", "2021-06-01", None, None), ("10", "2020-01-01", "2021-01-01", None)],
        [("404", 1, "2021-02-01", None)],
        {},
    ),
    (
        "concurrent_ended_before",
        "2021-06-01",
        "2021-10-20",
        [("03", "2021-06-01", "2021-10-20", None)],
        [("403", 0, "2021-06-01", "2021-07-01")],
        {},
    ),
    # activity categories (rule 7) for October 2021
    ("activity_admission", "2021-10-05", None, [("03", "2021-10-05", None, None)], [], {}),
    (
        "activity_admitted_and_discharged",
        "2021-10-05",
        "2021-10-25",
        [("02", "2021-10-05", "2021-10-25", None)],
        [],
        {},
    ),
    (
        "activity_discharge_on_period_start",
        "2021-06-01",
        "2021-10-01",
        [("03", "2021-06-01", "2021-10-01", None)],
        [],
        {},
    ),
    ("activity_admission_on_period_end", "2021-10-31", None, [("02", "2021-10-31", None, None)], [], {}),
    ("activity_long_stay", "2008-03-01", None, [("09", "2008-03-01", None, None)], [], {}),
    # cohort (rule 2) and PatMRecInRP (rule 3): every way in, and ways out
    *[(f"cohort_{rule}", *OPEN, [("03", "2021-06-01", None, None)], [], {"rule": rule}) for rule in COHORT_RULES],
    ("cohort_ward_ended_before", *OPEN, [("03", "2021-06-01", None, None)], [], {"rule": "ward_type_ended"}),
    ("cohort_none", *OPEN, [("03", "2021-06-01", None, None)], [], {"rule": "none"}),
    ("not_in_reporting_period", *OPEN, [("03", "2021-06-01", None, None)], [], {"in_rp": False}),
    # MHS609 presenting complaint (from October 2021): ICD-10 (scheme 01) F84 is in, another scheme is not
    ("cohort_pres_comp", *OPEN, [("03", "2021-06-01", None, None)], [], {"rule": "pres_comp"}),
    ("cohort_pres_comp_other_scheme", *OPEN, [("03", "2021-06-01", None, None)], [], {"rule": "pres_comp_other"}),
    # length of stay unknown (Table 50 band Unknown): the spell start is submitted blank
    ("activity_start_missing", *OPEN, [("03", "2021-06-01", None, None)], [], {"blank_start": True}),
]


def _scenario_frames(world: World) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    persons, episodes, orders = [], [], []
    commissioners = [PREDECESSOR_CODE, UNMATCHED_CODE] + [c.ods for c in world.ccg21()]
    for i, (key, start, disch, eps, ords, opts) in enumerate(SCENARIOS):
        pid = f"DEMO{i:05d}"
        persons.append(
            {
                "person": pid,
                "scenario": key,
                "provider": PROVIDERS[i % len(PROVIDERS)],
                "commissioner": commissioners[i % len(commissioners)],
                "rule": opts.get("rule", "disability"),
                "in_rp": opts.get("in_rp", True),
                "blank_start": opts.get("blank_start", False),
                "spell_start": d(start),
                "spell_disch": d(disch),
            }
        )
        for j, (status, e_start, e_end, provider) in enumerate(eps):
            episodes.append(
                {"person": pid, "seq": j, "status": status, "start": d(e_start), "end": d(e_end), "provider": provider}
            )
        for table, j, o_start, o_end in ords:
            orders.append({"person": pid, "table": table, "seq": j, "start": d(o_start), "end": d(o_end)})
    return pd.DataFrame(persons), pd.DataFrame(episodes), pd.DataFrame(orders)


def _bulk_frames(world: World, rng: np.random.Generator, first: int, n: int):
    """n random persons (numbers first .. first+n-1), vectorised."""
    serves = {t.code: t.serves for t in world.trusts if t.code in PROVIDERS}
    provider = rng.choice(np.array(PROVIDERS), n)
    commissioner = np.empty(n, dtype=object)
    for code in PROVIDERS:
        mask = provider == code
        ccgs = np.array([c for c, _ in serves[code]] + [PREDECESSOR_CODE, UNMATCHED_CODE])
        weights = np.array([w for _, w in serves[code]] + [0.05, 0.02])
        commissioner[mask] = rng.choice(ccgs, mask.sum(), p=weights / weights.sum())
    rules = np.array([*COHORT_RULES, "none"])
    rule = rng.choice(rules, n, p=np.array([4] * len(COHORT_RULES) + [6]) / (4 * len(COHORT_RULES) + 6))
    window_start, window_end = pd.Timestamp("2021-10-01"), pd.Timestamp("2022-01-31")
    stay = rng.gamma(0.6, 400, n).astype(int)  # many short stays, a long tail of years
    spell_start = window_start + pd.to_timedelta(
        rng.integers(-60, 123, n) - np.where(rng.random(n) < 0.5, stay, 0), "D"
    )
    disch = spell_start + pd.to_timedelta(stay, "D")
    disch = disch.where(disch <= window_end, pd.NaT)
    persons = pd.DataFrame(
        {
            "person": [f"P{k:09d}" for k in range(first, first + n)],
            "scenario": "bulk",
            "provider": provider,
            "commissioner": commissioner,
            "rule": rule,
            "in_rp": rng.random(n) >= 0.03,
            "blank_start": False,
            "spell_start": spell_start,
            "spell_disch": disch,
        }
    )
    # 0, 1 or 2 MHA episodes per person; the first starts at admission
    count = rng.choice([0, 1, 2], n, p=[0.25, 0.55, 0.2])
    idx = np.repeat(np.arange(n), count)
    seq = np.arange(len(idx)) - np.repeat(np.cumsum(count) - count, count)  # 0, 1 within each person
    e_start = persons["spell_start"].to_numpy()[idx] + pd.to_timedelta(seq * rng.integers(0, 90, len(idx)), "D")
    length = pd.to_timedelta(rng.integers(1, 200, len(idx)), "D")
    e_end = pd.Series(e_start + length).where(rng.random(len(idx)) < 0.5, pd.NaT)
    episodes = pd.DataFrame(
        {
            "person": persons["person"].to_numpy()[idx],
            "seq": seq,
            "status": rng.choice(np.array(STATUSES, dtype=object), len(idx), p=STATUS_WEIGHTS / STATUS_WEIGHTS.sum()),
            "start": e_start,
            "end": e_end.to_numpy(),
            "provider": None,
        }
    )
    has_order = rng.random(len(episodes)) < 0.12
    chosen = episodes[has_order]
    orders = pd.DataFrame(
        {
            "person": chosen["person"].to_numpy(),
            "table": rng.choice(np.array(["403", "404", "405"]), len(chosen)),
            "seq": chosen["seq"].to_numpy(),
            "start": chosen["start"].to_numpy(),
            "end": pd.Series(chosen["end"].to_numpy()).to_numpy(),
        }
    )
    return persons, episodes, orders


def _fmt(values) -> pd.Series:
    s = pd.Series(values)
    return pd.to_datetime(s).dt.strftime("%Y-%m-%d").fillna("")


def _month_tables(persons, episodes, orders, month: int, chunk: int) -> dict[str, pd.DataFrame]:
    """The rows submitted for one reporting month (unique ids: month, chunk, row)."""
    id_base = month * 10**10 + chunk * 10**7
    ps, pe = (pd.Timestamp(x) for x in period(month))
    alive = persons[(persons["spell_start"] <= pe) & (persons["spell_disch"].isna() | (persons["spell_disch"] >= ps))]
    p = alive.reset_index(drop=True)
    n = len(p)
    pid = p["person"]
    spell = "S" + pid.str[1:] if n else pid
    referral = "R" + pid.str[1:] if n else pid
    out: dict[str, pd.DataFrame] = {}
    out["MHS001MPI"] = pd.DataFrame(
        {
            "Person_ID": pid,
            "UniqMonthID": month,
            "OrgIDProv": p["provider"],
            "RecordNumber": (id_base + np.arange(n)).astype(str),
            "PatMRecInRP": np.where(p["in_rp"], "true", "false"),
            "AgeRepPeriodEnd": 18 + np.arange(n) % 60,
            "Gender": np.where(np.arange(n) % 2 == 0, "1", "2"),
            "NHSDEthnicity": "A",
            "OrgIDCCGRes": p["commissioner"],
        }
    )
    out["MHS101Referral"] = pd.DataFrame(
        {
            "UniqServReqID": referral,
            "Person_ID": pid,
            "UniqMonthID": month,
            "OrgIDProv": p["provider"],
            "OrgIDComm": p["commissioner"],
            "ReferralRequestReceivedDate": _fmt(p["spell_start"] - pd.Timedelta(days=7)),
            "ServDischDate": _fmt(p["spell_disch"]),
        }
    )
    out["MHS501HospProvSpell"] = pd.DataFrame(
        {
            "UniqHospProvSpellID": spell,
            "UniqServReqID": referral,
            "Person_ID": pid,
            "UniqMonthID": month,
            "OrgIDProv": p["provider"],
            "StartDateHospProvSpell": _fmt(p["spell_start"].where(~p["blank_start"].astype(bool))),
            "DischDateHospProvSpell": _fmt(p["spell_disch"]),
        }
    )
    rule = p["rule"].str.replace("_ended", "", regex=False)
    ended = _fmt(np.where(p["rule"].str.endswith("_ended"), ps - pd.Timedelta(days=1), pd.NaT))

    def by_rule(name: str, columns: dict) -> pd.DataFrame:
        """Cohort rows of the persons whose rule is `name` (values: text, or one per person)."""
        mask = (rule == name).to_numpy()
        values = {k: (v if isinstance(v, str) else np.asarray(v)[mask]) for k, v in columns.items()}
        return pd.DataFrame({"Person_ID": pid[mask].to_numpy(), "UniqMonthID": month, **values})

    start = _fmt(p["spell_start"]).to_numpy()
    ward_rows = pd.concat(
        [
            by_rule(
                "ward_type",
                {
                    "WardType": "05",
                    "WardIntendedClinCareMH": "51",
                    "EndDateWardStay": ended.to_numpy(),
                    "StartDateWardStay": start,
                },
            ),
            by_rule(
                "ward_care",
                {
                    "WardType": "03",
                    "WardIntendedClinCareMH": "62",
                    "EndDateWardStay": ended.to_numpy(),
                    "StartDateWardStay": start,
                },
            ),
        ]
    )
    ward_spell = "S" + ward_rows["Person_ID"].str[1:]
    out["MHS502WardStay"] = pd.DataFrame(
        {
            "UniqWardStayID": "W" + ward_rows["Person_ID"].str[1:],
            "UniqHospProvSpellID": ward_spell,
            "Person_ID": ward_rows["Person_ID"],
            "UniqMonthID": month,
            "StartDateWardStay": ward_rows["StartDateWardStay"],
            "EndDateWardStay": ward_rows["EndDateWardStay"],
            "WardType": ward_rows["WardType"],
            "WardIntendedClinCareMH": ward_rows["WardIntendedClinCareMH"],
        }
    )
    out["MHS007DisabilityType"] = by_rule("disability", {"DisabCode": "04"})
    out["MHS006MHCareCoord"] = by_rule("team_006", {"CareProfServOrTeamTypeAssoc": "E01", "EndDateAssCareCoord": ""})
    team = by_rule("team_102", {"ServTeamTypeRefToMH": "C01", "ReferClosureDate": "", "ReferRejectionDate": ""})
    team.insert(0, "UniqServReqID", "R" + team["Person_ID"].str[1:])
    out["MHS102ServiceTypeReferredTo"] = team
    out["MHS503AssignedCareProf"] = by_rule("treat_func", {"TreatFuncCodeMH": "700", "EndDateAssCareProf": ""})
    out["MHS603ProvDiag"] = by_rule("diag_603", {"DiagSchemeInUse": "02", "ProvDiag": "F840"})
    out["MHS604PrimDiag"] = by_rule("diag_604", {"DiagSchemeInUse": "02", "PrimDiag": "F71.1"})
    out["MHS605SecDiag"] = by_rule("diag_605", {"DiagSchemeInUse": "02", "SecDiag": "F700"})
    out["MHS801ClusterTool"] = by_rule("cluster", {"ClustCat": "05"})
    out["MHS609PresComp"] = pd.concat(
        [
            by_rule("pres_comp", {"FindSchemeInUse": "01", "PresComp": "F840"}),
            by_rule("pres_comp_other", {"FindSchemeInUse": "06", "PresComp": "F840"}),
        ]
    )
    # MHA episodes of the persons with a spell this month (mental category B marks the LDA rule)
    e = episodes.merge(p[["person", "provider", "rule"]], on="person", suffixes=("", "_person"))
    cat_b = e["rule"] == "mental_cat"
    e = e.reset_index(drop=True)
    out["MHS401MHActPeriod"] = pd.DataFrame(
        {
            "MHS401UniqID": id_base + e.index.to_numpy(),
            "UniqMHActEpisodeID": "E" + e["person"].str[1:] + "_" + e["seq"].astype(str),
            "Person_ID": e["person"],
            "UniqMonthID": month,
            "OrgIDProv": e["provider"].fillna(e["provider_person"]),
            "RecordNumber": "",
            "StartDateMHActLegalStatusClass": _fmt(e["start"]),
            "ExpiryDateMHActLegalStatusClass": "",
            "EndDateMHActLegalStatusClass": _fmt(e["end"]),
            "LegalStatusCode": e["status"],
            "NHSDLegalStatus": e["status"],
            "MentalCat": np.where(cat_b, "B", "A"),
        }
    )
    o = orders[orders["person"].isin(pid)].reset_index(drop=True)
    for table, prefix, start, end in (
        ("403", "MHS403", "StartDateMHCondDisch", "EndDateMHCondDisch"),
        ("404", "MHS404", "StartDateCommTreatOrd", "EndDateCommTreatOrd"),
        ("405", "MHS405", "StartDateCommTreatOrdRecall", "EndDateCommTreatOrdRecall"),
    ):
        rows = o[o["table"] == table]
        frame = pd.DataFrame(
            {
                f"{prefix}UniqID": id_base + rows.index.to_numpy(),
                "UniqMHActEpisodeID": "E" + rows["person"].str[1:] + "_" + rows["seq"].astype(str),
                "Person_ID": rows["person"],
                "UniqMonthID": month,
                start: _fmt(rows["start"]),
                end: _fmt(rows["end"]),
            }
        )
        if table == "404":
            frame.insert(5, "ExpiryDateCommTreatOrd", "")
        name = {"403": "MHS403ConditionalDischarge", "404": "MHS404CommTreatOrder", "405": "MHS405CommTreatOrderRecall"}
        out[name[table]] = frame
    return out


class _Writer:
    """Appends frames to one CSV per table through DuckDB's CSV writer (fast at England scale):
    empty text and NaN/None are written as empty fields, integers as integers."""

    def __init__(self, root: Path) -> None:
        import duckdb

        self.root = root
        self.con = duckdb.connect()
        self.started: set[str] = set()

    def append(self, table: str, frame: pd.DataFrame) -> None:
        path = self.root / f"{table}.csv"
        part = self.root / f".{table}.part.csv"
        first = table not in self.started
        frame = frame[COLUMNS[table]]
        select = ", ".join(
            f'"{c}"' if pd.api.types.is_integer_dtype(frame[c]) else f'nullif(cast("{c}" as varchar), \'\') as "{c}"'
            for c in frame.columns
        )
        self.con.register("frame", frame)
        self.con.execute(f"copy (select {select} from frame) to '{part}' (header {str(first).lower()}, quote '\"')")
        self.con.unregister("frame")
        with open(path, "wb" if first else "ab") as out, open(part, "rb") as src:
            while block := src.read(1 << 24):
                out.write(block)
        part.unlink()
        self.started.add(table)

    def to_parquet(self, table: str) -> None:
        """Rewrite one table as Parquet (all columns text, like a CSV) and drop its CSV."""
        csv_path = self.root / f"{table}.csv"
        self.con.execute(
            f"copy (select * from read_csv('{csv_path}', all_varchar=true)) to "
            f"'{self.root / (table + '.parquet')}' (format parquet)"
        )
        csv_path.unlink()


def _chunks(world: World, scale: float):
    """The scenarios, then the bulk population in chunks of persons (generated lazily)."""
    yield _scenario_frames(world)
    rng = np.random.default_rng(SEED)
    total = max(1, int(BULK_PERSONS * scale))
    for start in range(0, total, CHUNK_PERSONS):
        yield _bulk_frames(world, rng, start, min(CHUNK_PERSONS, total - start))


def write(world: World, root: Path, scale: float) -> None:
    out = root / "mhsds_records"
    out.mkdir(parents=True, exist_ok=True)
    writer = _Writer(out)
    header = pd.DataFrame(
        [
            {
                "UniqSubmissionID": f"{month}{k}",
                "OrgIDProvider": provider,
                "UniqMonthID": month,
                "ReportingPeriodStartDate": period(month)[0].isoformat(),
                "ReportingPeriodEndDate": period(month)[1].isoformat(),
            }
            for month in MONTHS
            for k, provider in enumerate(PROVIDERS)
        ]
    )
    writer.append("MHS000Header", header)
    for chunk, (persons, episodes, orders) in enumerate(_chunks(world, scale)):
        for month in MONTHS:
            for table, frame in _month_tables(persons, episodes, orders, month, chunk).items():
                writer.append(table, frame)
    for table in PARQUET_TABLES:
        writer.to_parquet(table)
    writer.con.close()
