"""Population sources (landing topic `population/`): ONS mid-year estimates."""

from . import OGL, Source

ONS_CCG_POP = (
    "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/"
    "populationestimates/datasets/clinicalcommissioninggroupmidyearpopulationestimates"
)

SOURCES = [
    Source(
        id="ons_ccg_population_sya",
        topic="population",
        title="Mid-year population estimates for CCGs by single year of age and sex (SAPE tables)",
        publisher="Office for National Statistics",
        url=ONS_CCG_POP,
        licence=OGL,
        grain="area code x year x sex x single year of age (area rows of every level as published)",
        extensions=(".xlsx", ".ods"),
        sheet=r"Mid-(?P<year>\d{4}) (?P<sex>Persons|Males|Females)",
        columns={
            "area_code": r"Area Codes|CCG Code",
            "area_name": r"Area Names|CCG Name|",  # blank in the 2018 Males/Females sheets
            "parent_code": r"(NHSRLO\d\d|STP\d\d) Code",
            "parent_name": r"(NHSRLO\d\d|STP\d\d) Name",
            "region_code": r"NHSER\d\d Code",
            "region_name": r"NHSER\d\d Name",
            "all_ages": r"All Ages",
        },
        optional=frozenset({"parent_code", "parent_name", "region_code", "region_name"}),
        melt=("age", "population", r"\d+|90\+"),
    ),
    Source(
        id="ons_ccg_population_bands",
        topic="population",
        title="CCG mid-year population estimates in broad age bands (data-map layout)",
        publisher="Office for National Statistics (bands made by Open Innovations)",
        url=ONS_CCG_POP,
        licence=OGL,
        grain="CCG",
        columns={
            "ccg_ons_code": r"CCG Code",
            "ccg_name": r"CCG Name",
            "stp_ons_code": r"STP\d\d Code",
            "stp_name": r"STP\d\d Name",
            "region_ons_code": r"NHSER\d\d Code",
            "region_name": r"NHSER\d\d Name",
            "all_ages": r"All Ages",
            "age_0_17": r"Age 0-17",
            "age_18_35": r"Age 18-35",
            "age_36_50": r"Age 36-50",
            "age_51_65": r"Age 51-65",
            "age_66_plus": r"Age 66\+",
        },
    ),
    Source(
        id="ons_lsoa_population",
        topic="population",
        title="Lower layer Super Output Area population estimates (persons, all ages)",
        publisher="Office for National Statistics",
        url="https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/"
        "populationestimates/datasets/lowersuperoutputareamidyearpopulationestimates",
        licence=OGL,
        grain="LSOA x year",
        columns={
            "lsoa_code": r"LSOA Code",
            "lsoa_name": r"LSOA Name",
            "year": r"Mid-Year|Year",
            "all_ages": r"All Ages",
        },
    ),
]
