"""Ethnicity by local authority and the LSOA -> LAD lookup that weights it onto CCG21 (landing
topic `population/`)."""

from . import OGL, Source

SOURCES = [
    Source(
        id="ons_lad_ethnicity",
        topic="population",
        title="Population by ethnic group by local authority district (long form)",
        publisher="Office for National Statistics",
        url="https://www.ons.gov.uk/peoplepopulationandcommunity/culturalidentity/ethnicity",
        licence=OGL,
        grain="local authority district (LAD20 or other vintage) x ethnic group",
        columns={
            "lad_code": r"LAD(?P<lad_vintage>\d\d)CD|Local authority code|Area code|Geography code",
            "lad_name": r"LAD\d\dNM|Local authority name|Area name|Geography name|Geography",
            "ethnic_group": r"Ethnic group|Ethnicity|Ethnic origin",
            "population": r"Population|Count|Observation|Value",
        },
        optional=frozenset({"lad_name"}),
    ),
    Source(
        id="ons_lsoa_lad",
        topic="population",
        title="LSOA (2011) to local authority district lookup (e.g. LAD20), ONS Open Geography",
        publisher="Office for National Statistics",
        url="https://geoportal.statistics.gov.uk/",
        licence=OGL,
        grain="LSOA x LAD vintage",
        columns={
            "lsoa_code": r"LSOA(?P<lsoa_vintage>\d\d)CD",
            "lsoa_name": r"LSOA\d\dNM",
            "lad_code": r"LAD(?P<lad_vintage>\d\d)CD",
            "lad_name": r"LAD\d\dNM",
        },
        optional=frozenset({"lsoa_name", "lad_name"}),
    ),
]
