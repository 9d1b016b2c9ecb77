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
]
