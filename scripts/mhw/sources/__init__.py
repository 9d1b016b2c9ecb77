"""The source registry: every public source the warehouse knows, where it lands and how to
recognise it.

Adding a source is one `Source(...)` entry in the module of its landing topic plus one staging
model. `mhw sources-yaml` writes the matching dbt source YAML (a pytest keeps it in sync).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TOPICS = (
    "reference",
    "boundaries",
    "population",
    "oaps",
    "cmhs",
    "mhsds",
    "iapt",
    "mhsds_records",
    "iapt_records",
    "cmh_cohort",
)

# record-level extracts: written by programs, so every line ends with a line end (a last line
# without one is a file cut short)
RECORD_LEVEL_TOPICS = ("mhsds_records", "iapt_records", "cmh_cohort")

OGL = "Open Government Licence v3.0"


@dataclass(frozen=True)
class Source:
    """One public source.

    columns: output column -> regex that the header (or, for headerless files, every value of
    that position) must match in full, case-insensitively. Named groups in a header regex (for
    example ``CCG(?P<vintage>\\d\\d)CD``) become extra columns (two-digit years become 20yy).
    filename: a regex searched (case-insensitively) in the file's base name; its named groups
    become columns too (for files whose period is only in the name). It does not decide
    recognition: a name that does not match leaves those columns null.
    header_rows=2: the header spans two rows (a group heading spanning several columns above a
    sub-heading); the upper row is filled to the right across blanks and each column is matched as
    "<upper> | <lower>" (just "<upper>" or "<lower>" when the other is blank).
    """

    id: str
    topic: str
    title: str
    publisher: str
    url: str
    licence: str
    columns: dict[str, str]
    grain: str = ""
    extensions: tuple[str, ...] = (".csv",)
    headerless: bool = False
    optional: frozenset[str] = frozenset()
    sheet: str = ""  # regex on sheet names (spreadsheets); named groups become columns
    melt: tuple[str, str, str] | None = None  # (key column, value column, header regex)
    geometry: bool = False  # GeoJSON: keep the geometry (reprojected to WGS84)
    filename: str = ""  # regex searched in the file name; its named groups become columns (null if no match)
    header_rows: int = 1  # 2: a two-row header; each column is named "<upper> | <lower>" (upper filled right)
    notes: str = ""
    group_columns: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        groups: list[str] = []
        for pattern in [*self.columns.values(), self.sheet, self.filename]:
            for name in re.compile(pattern).groupindex:
                if name not in groups:
                    groups.append(name)
        object.__setattr__(self, "group_columns", tuple(groups))

    @property
    def output_columns(self) -> list[str]:
        cols = list(self.columns) + [g for g in self.group_columns if g not in self.columns]
        if self.melt:
            cols += [self.melt[0], self.melt[1]]
        if self.geometry:
            cols += ["source_crs", "geometry_geojson"]
        return cols


def _collect() -> dict[str, Source]:
    """Every module of this package with a SOURCES list (one module per landing topic)."""
    import importlib
    import pkgutil

    registry: dict[str, Source] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for source in getattr(module, "SOURCES", []):
            if source.id in registry:
                raise ValueError(f"duplicate source id {source.id}")
            if source.topic not in TOPICS:
                raise ValueError(f"{source.id}: unknown topic {source.topic}")
            registry[source.id] = source
    return registry


REGISTRY: dict[str, Source] = _collect()


def sources_for_topic(topic: str) -> list[Source]:
    return [s for s in REGISTRY.values() if s.topic == topic]


def numbers_rows(source: Source) -> bool:
    """Does the load give a delimited file of this source a line number (`_source_row`)? Not for
    record-level MHSDS or the monthly MHSDS CSVs (60 million cells a decade): row_number() over the reader
    is a sequential window that also blocks filter pushdown. No model needs their line; the load's errors
    name it."""
    return source.topic != "mhsds_records" and source.id != "nhsd_mhsds_monthly"


def date_columns(source: Source) -> list[str]:
    """Record-level date columns (every such column, and only those, has `date` in its name): ISO
    `YYYY-MM-DD` or UK `DD/MM/YYYY`; any other value stops the load (see stage)."""
    return [c for c in source.columns if "date" in c] if source.topic in RECORD_LEVEL_TOPICS else []
