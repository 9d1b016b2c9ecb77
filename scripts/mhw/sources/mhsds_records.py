"""Record-level MHSDS tables (landing topic `mhsds_records/`, interface section 3).

One file per MHSDS table, CSV or Parquet, recognised by its required columns (extra columns are
ignored; an absent table is staged empty). Output columns are the MHSDS names in snake case.
"""

from __future__ import annotations

import re

from . import Source

MHSDS_URL = "https://digital.nhs.uk/data-and-information/data-collections-and-data-sets/data-sets/mental-health-services-data-set"
LICENCE = "Record-level data under a data sharing agreement (not open data)"

# table name -> (grain, required columns as named in the MHSDS technical output specification)
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "MHS000Header": (
        "submission (provider x month)",
        ("UniqSubmissionID", "OrgIDProvider", "UniqMonthID", "ReportingPeriodStartDate", "ReportingPeriodEndDate"),
    ),
    "MHS001MPI": (
        "person x provider x month",
        (
            "Person_ID",
            "UniqMonthID",
            "OrgIDProv",
            "RecordNumber",
            "PatMRecInRP",
            "AgeRepPeriodEnd",
            "Gender",
            "NHSDEthnicity",
            "OrgIDCCGRes",
        ),
    ),
    "MHS006MHCareCoord": (
        "care co-ordinator assignment x month",
        ("Person_ID", "UniqMonthID", "CareProfServOrTeamTypeAssoc", "EndDateAssCareCoord"),
    ),
    "MHS007DisabilityType": ("disability type record x month", ("Person_ID", "UniqMonthID", "DisabCode")),
    "MHS101Referral": (
        "service request (referral) x month",
        (
            "UniqServReqID",
            "Person_ID",
            "UniqMonthID",
            "OrgIDProv",
            "OrgIDComm",
            "ReferralRequestReceivedDate",
            "ServDischDate",
        ),
    ),
    "MHS102ServiceTypeReferredTo": (
        "service or team type referred to x month",
        ("UniqServReqID", "Person_ID", "UniqMonthID", "ServTeamTypeRefToMH", "ReferClosureDate", "ReferRejectionDate"),
    ),
    "MHS401MHActPeriod": (
        "Mental Health Act legal status classification period x month",
        (
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
        ),
    ),
    "MHS403ConditionalDischarge": (
        "conditional discharge x month",
        (
            "MHS403UniqID",
            "UniqMHActEpisodeID",
            "Person_ID",
            "UniqMonthID",
            "StartDateMHCondDisch",
            "EndDateMHCondDisch",
        ),
    ),
    "MHS404CommTreatOrder": (
        "community treatment order x month",
        (
            "MHS404UniqID",
            "UniqMHActEpisodeID",
            "Person_ID",
            "UniqMonthID",
            "StartDateCommTreatOrd",
            "ExpiryDateCommTreatOrd",
            "EndDateCommTreatOrd",
        ),
    ),
    "MHS405CommTreatOrderRecall": (
        "community treatment order recall x month",
        (
            "MHS405UniqID",
            "UniqMHActEpisodeID",
            "Person_ID",
            "UniqMonthID",
            "StartDateCommTreatOrdRecall",
            "EndDateCommTreatOrdRecall",
        ),
    ),
    "MHS501HospProvSpell": (
        "hospital provider spell x month",
        (
            "UniqHospProvSpellID",
            "UniqServReqID",
            "Person_ID",
            "UniqMonthID",
            "OrgIDProv",
            "StartDateHospProvSpell",
            "DischDateHospProvSpell",
        ),
    ),
    "MHS502WardStay": (
        "ward stay x month",
        (
            "UniqWardStayID",
            "UniqHospProvSpellID",
            "Person_ID",
            "UniqMonthID",
            "StartDateWardStay",
            "EndDateWardStay",
            "WardType",
            "WardIntendedClinCareMH",
        ),
    ),
    "MHS503AssignedCareProf": (
        "assigned care professional x month",
        ("Person_ID", "UniqMonthID", "TreatFuncCodeMH", "EndDateAssCareProf"),
    ),
    "MHS603ProvDiag": ("provisional diagnosis x month", ("Person_ID", "UniqMonthID", "DiagSchemeInUse", "ProvDiag")),
    "MHS604PrimDiag": ("primary diagnosis x month", ("Person_ID", "UniqMonthID", "DiagSchemeInUse", "PrimDiag")),
    "MHS605SecDiag": ("secondary diagnosis x month", ("Person_ID", "UniqMonthID", "DiagSchemeInUse", "SecDiag")),
    "MHS801ClusterTool": ("cluster tool assessment x month", ("Person_ID", "UniqMonthID", "ClustCat")),
    # optional: collected from October 2021 (UniqMonthID 1459); absent = no rows
    "MHS609PresComp": ("presenting complaint x month", ("Person_ID", "UniqMonthID", "FindSchemeInUse", "PresComp")),
}


def snake(name: str) -> str:
    """MHSDS column or table name in snake case: UniqMonthID -> uniq_month_id, MHS401MHActPeriod ->
    mhs401_mh_act_period."""
    name = name.replace("_", "").replace("CCGRes", "CcgRes")
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return name.lower()


def source_id(table: str) -> str:
    return "nhsd_" + snake(table)


SOURCES = [
    Source(
        id=source_id(table),
        topic="mhsds_records",
        title=f"MHSDS record-level table {table}",
        publisher="NHS England (NHS Digital), Mental Health Services Data Set",
        url=MHSDS_URL,
        licence=LICENCE,
        grain=grain,
        extensions=(".csv", ".parquet"),
        columns={snake(c): re.escape(c) for c in columns},
        notes=f"File named {table}.csv or {table}.parquet; all months in one file (UniqMonthID).",
    )
    for table, (grain, columns) in TABLES.items()
]
