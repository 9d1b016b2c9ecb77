"""Community mental health cohort sources (landing topic `cmh_cohort/`): the record-level study
extract of interface section 5 (persons, contacts, admissions), one CSV per table."""

from . import Source

STUDY = "The effect of Community Mental Health Services in England (Administrative Data Research)"
LICENCE = "Record-level study extract: access under the data provider's agreement (not open data)"

SOURCES = [
    Source(
        id="cohort_persons",
        topic="cmh_cohort",
        title="Cohort persons: sex, birth year, ethnic group, region, deprivation, diagnosis group, death date",
        publisher=STUDY,
        url="(not published: record-level study extract)",
        licence=LICENCE,
        grain="person",
        columns={
            "person_id": r"person_id",
            "sex": r"sex",
            "birth_year": r"birth_year",
            "ethnic_group": r"ethnic_group",
            "region_code": r"region_code",
            "imd_decile": r"imd_decile",
            "diagnosis_group": r"diagnosis_group",
            "death_date": r"death_date",
        },
    ),
    Source(
        id="cohort_contacts",
        topic="cmh_cohort",
        title="Cohort contacts with primary and secondary mental health services",
        publisher=STUDY,
        url="(not published: record-level study extract)",
        licence=LICENCE,
        grain="contact",
        columns={"person_id": r"person_id", "contact_date": r"contact_date", "setting": r"setting"},
    ),
    Source(
        id="cohort_admissions",
        topic="cmh_cohort",
        title="Cohort psychiatric inpatient admissions",
        publisher=STUDY,
        url="(not published: record-level study extract)",
        licence=LICENCE,
        grain="admission",
        columns={"person_id": r"person_id", "admission_date": r"admission_date", "discharge_date": r"discharge_date"},
    ),
]
