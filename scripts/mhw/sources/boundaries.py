"""Boundary sources (landing topic `boundaries/`): ONS CCG and Sub-ICB boundaries."""

from . import OGL, Source

SOURCES = [
    Source(
        id="ons_area_boundaries",
        topic="boundaries",
        title="Clinical Commissioning Group / Sub ICB Location boundaries (GeoJSON)",
        publisher="Office for National Statistics",
        url="https://geoportal.statistics.gov.uk/search?q=BDY_CCG",
        licence=OGL + "; contains OS data (c) Crown copyright and database right",
        grain="area code in one boundary file",
        extensions=(".geojson", ".json"),
        columns={
            "area_code": r"(?P<area_type>CCG|SICBL)(?P<vintage>\d\d)CD",
            "area_name": r"(?P<area_type>CCG|SICBL)(?P<vintage>\d\d)NM",
        },
        geometry=True,
    ),
]
