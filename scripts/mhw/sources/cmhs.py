"""CQC Community Mental Health Survey benchmark workbooks (landing topic `cmhs/`)."""

from . import OGL, Source

CQC_CMHS = "https://www.cqc.org.uk/publications/surveys/community-mental-health-survey"
TRUST_CODE = r"Trust code|Trust_code|TrustCode|Org code|ORG_CODE|Code"
TRUST_NAME = r"Trust name|Trust_name|TrustName|Org name|ORG_NAME|Name"

SOURCES = [
    Source(
        id="cqc_cmhs_trust_respondents",
        topic="cmhs",
        title="Community Mental Health Survey benchmark workbook: Trust_Respondents sheet",
        publisher="Care Quality Commission",
        url=CQC_CMHS,
        licence=OGL,
        grain="survey year x NHS trust",
        extensions=(".xlsx", ".ods"),
        sheet=r"CMH(?P<survey_vintage>\d\d)_Trust_Respondents",
        columns={
            "trust_code": TRUST_CODE,
            "trust_name": TRUST_NAME,
            "respondents": r"(Number of )?respondents|N_respondents|Responses",
        },
        optional=frozenset({"trust_name"}),
    ),
    Source(
        id="cqc_cmhs_trust_scores",
        topic="cmhs",
        title="Community Mental Health Survey benchmark workbook: Trust_Scores sheet (question means)",
        publisher="Care Quality Commission",
        url=CQC_CMHS,
        licence=OGL,
        grain="survey year x NHS trust x question",
        extensions=(".xlsx", ".ods"),
        sheet=r"CMH(?P<survey_vintage>\d\d)_Trust_Scores",
        columns={"trust_code": TRUST_CODE, "trust_name": TRUST_NAME},
        optional=frozenset({"trust_name"}),
        melt=("question", "mean_score", r"mean_?Q\d+[a-z]?"),
        notes="Question means (0-10 scores) in columns named like meanQ3.",
    ),
]
