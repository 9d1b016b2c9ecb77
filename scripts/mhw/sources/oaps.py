"""Out of Area Placements sources (landing topic `oaps/`): NHS Digital open data and the NHS
England Mental Health Dashboard's CCG quarterly OAP extracts."""

from . import OGL, Source

NHSD_OAPS = "https://digital.nhs.uk/data-and-information/publications/statistical/out-of-area-placements-in-mental-health-services"
DASHBOARD = "https://www.england.nhs.uk/mental-health/taskforce/imp/mh-dashboard/"

SOURCES = [
    Source(
        id="nhsd_oaps_open_data",
        topic="oaps",
        title="Out of Area Placements in Mental Health Services: open data CSV (long form, one file per month)",
        publisher="NHS Digital",
        url=NHSD_OAPS,
        licence=OGL,
        grain="question x breakdown 1 x breakdown 2 x file (month)",
        columns={
            "publication_date": r"PublicationDate",
            "publication_period": r"PublicationPeriod",
            "grouping": r"Grouping",
            "question": r"Question",
            "breakdown1": r"Breakdown1",
            "breakdown1_code": r"Breakdown1Code",
            "breakdown1_description": r"Breakdown1Description",
            "breakdown2": r"Breakdown2",
            "breakdown2_code": r"Breakdown2Code",
            "breakdown2_description": r"Breakdown2Description",
            "value": r"Value",
        },
        # Oct/Nov 2016 have no Description columns; PublicationDate/Period start in Feb 2017;
        # Grouping (Month/ThreeMonth...) appears later. Early files carry the month only in the name.
        optional=frozenset(
            {"publication_date", "publication_period", "grouping", "breakdown1_description", "breakdown2_description"}
        ),
        filename=(
            r"(?P<file_month_name>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-_ ]?(?P<file_year>20\d\d)"
        ),
        notes="`*` = suppressed (never 0); large values may be in scientific notation (6.7639e+006).",
    ),
    Source(
        id="nhse_dashboard_oaps",
        topic="oaps",
        title="NHS England Mental Health Dashboard: CCG quarterly Out of Area Placement extracts (CR(iii) a/b/c)",
        publisher="NHS England",
        url=DASHBOARD,
        licence=OGL,
        grain="organisation (England, region, STP, CCG) x quarter x dashboard indicator file",
        columns={
            "region_code": r"Region Code",
            "stp_code": r"STP Code",
            "org_code": r"Org code",
            "org_name": r"Org name",
            "org_type": r"Org Type",
        },
        melt=("quarter_label", "value", r"Q[1-4] \d{4}/\d\d"),
        filename=r"dashboard-(?P<dashboard_edition>q\d-\d\d-\d\d).*?_(?P<dashboard_code>[a-z]+\([ivx]+_[a-z]\))",
        notes="`#N/A` = not available; the indicator (CR(iii_a) bed days, b started, c cost) is in the file name.",
    ),
]
