"""Record-level IAPT extract (landing topic `iapt_records/`, interface section 4)."""

from . import Source

_URL = "https://digital.nhs.uk/data-and-information/data-collections-and-data-sets/data-sets/improving-access-to-psychological-therapies-data-set"
_LICENCE = "Record-level extract under a data sharing agreement (never published; exports are suppressed)"

SOURCES = [
    Source(
        id="iapt_referrals",
        topic="iapt_records",
        title="IAPT record-level extract: referrals",
        publisher="NHS Digital (IAPT data set extract)",
        url=_URL,
        licence=_LICENCE,
        grain="referral",
        columns={
            "referral_id": r"referral_id",
            "person_id": r"person_id",
            "provider_code": r"provider_code",
            "commissioner_code": r"commissioner_code",
            "referral_received_date": r"referral_received_date",
            "discharge_date": r"discharge_date",
            "presenting_complaint": r"presenting_complaint",
            "age_at_referral": r"age_at_referral",
            "gender_code": r"gender_code",
            "ethnic_category": r"ethnic_category",
            "imd_decile": r"imd_decile",
        },
    ),
    Source(
        id="iapt_care_contacts",
        topic="iapt_records",
        title="IAPT record-level extract: care contacts",
        publisher="NHS Digital (IAPT data set extract)",
        url=_URL,
        licence=_LICENCE,
        grain="care contact",
        columns={
            "referral_id": r"referral_id",
            "contact_date": r"contact_date",
            "attended": r"attended",
            "contact_type": r"contact_type",
            "phq9_score": r"phq9_score",
            "gad7_score": r"gad7_score",
        },
    ),
    Source(
        id="iapt_employment",
        topic="iapt_records",
        title="IAPT record-level extract: employment status records",
        publisher="NHS Digital (IAPT data set extract)",
        url=_URL,
        licence=_LICENCE,
        grain="employment record (person x record date)",
        columns={
            "person_id": r"person_id",
            "record_date": r"record_date",
            "employ_status": r"employ_status",
            "week_hours_worked": r"week_hours_worked",
            "jsa_ind": r"jsa_ind",
            "uc_ind": r"uc_ind",
            "benefit_rec_ind": r"benefit_rec_ind",
            "ssp_ind": r"ssp_ind",
            "self_employ_ind": r"self_employ_ind",
        },
    ),
]
