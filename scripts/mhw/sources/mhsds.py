"""MHSDS published statistics (landing topic `mhsds/`): the monthly main CSV and the
restrictive-interventions CSV."""

from . import OGL, Source

MHSDS_MONTHLY = (
    "https://digital.nhs.uk/data-and-information/publications/statistical/mental-health-services-monthly-statistics"
)

SOURCES = [
    Source(
        id="nhsd_mhsds_monthly",
        topic="mhsds",
        title="Mental Health Services Monthly Statistics: main CSV (11 columns, long form)",
        publisher="NHS Digital",
        url=MHSDS_MONTHLY,
        licence=OGL,
        grain="reporting period x status x breakdown x primary level x secondary level x measure",
        columns={
            "reporting_period_start": r"REPORTING_PERIOD_START",
            "reporting_period_end": r"REPORTING_PERIOD_END",
            "status": r"STATUS",
            "breakdown": r"BREAKDOWN",
            "primary_level": r"PRIMARY_LEVEL",
            "primary_level_description": r"PRIMARY_LEVEL_DESCRIPTION",
            "secondary_level": r"SECONDARY_LEVEL",
            "secondary_level_description": r"SECONDARY_LEVEL_DESCRIPTION",
            "measure_id": r"MEASURE_ID",
            "measure_name": r"MEASURE_NAME",
            "measure_value": r"MEASURE_VALUE",
        },
        notes="Dates dd/mm/yyyy; empty levels are NONE; sub-national counts under 5 are `*`.",
    ),
    Source(
        id="nhsd_mhsds_restrictive_interventions",
        topic="mhsds",
        title="Mental Health Services Monthly Statistics: restrictive interventions CSV (long form)",
        publisher="NHS Digital",
        url=MHSDS_MONTHLY,
        licence=OGL,
        grain="reporting period x status x breakdown x levels one to six x metric",
        columns={
            "reporting_period_start": r"REPORTING_PERIOD_START",
            "reporting_period_end": r"REPORTING_PERIOD_END",
            "status": r"STATUS",
            "breakdown": r"BREAKDOWN",
            **{
                f"level_{n}{suffix.lower()}": f"LEVEL_{n.upper()}{suffix}"
                for n in ("one", "two", "three", "four", "five", "six")
                for suffix in ("", "_DESCRIPTION")
            },
            "metric": r"METRIC",
            "metric_value": r"METRIC_VALUE",
        },
        optional=frozenset(
            f"level_{n}{suffix}" for n in ("two", "three", "four", "five", "six") for suffix in ("", "_description")
        ),
        notes="Levels are NONE when unused; `*` marks suppressed small counts.",
    ),
    Source(
        id="nhsd_restraint_ethnicity_wide",
        topic="mhsds",
        title="Restrictive interventions per 1,000 bed days by type and ethnic group, wide two-row-header "
        "layout (the Open Innovations mental health data map's sheet from MHSDS restrictive interventions)",
        publisher="NHS Digital (reshaped by Open Innovations)",
        url=MHSDS_MONTHLY,
        licence=OGL,
        grain="provider x restrictive intervention type x ethnic group (trust rows and Average rows)",
        header_rows=2,
        columns={
            "provider_code": r"(Provider|Org|Trust) code|Code",
            "provider_name": r"(Provider|Org|Trust) name|Name|Provider",
        },
        optional=frozenset({"provider_name"}),
        melt=("heading", "rate_per_1000_bed_days", r".+ \| (BAME|Non-BAME|Unknown.*)"),
        notes="Upper header row: intervention type; lower: BAME / Non-BAME / Unknown-Not Stated. `#DIV/0!` where "
        "a group has no bed days; `Average` rows to be dropped.",
    ),
]

