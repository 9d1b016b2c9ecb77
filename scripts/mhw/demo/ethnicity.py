"""Demo ethnicity by LAD20 (ONS-style long CSV with a BOM) and the LSOA -> LAD20 lookup. Two LAD20s
merged into one LAD21 in 2021 (Riverdale), so LAD20 codes differ from LAD21 codes there -- the
rows the data map lost."""

from __future__ import annotations

import random
from pathlib import Path

from .formats import write_csv

TOPICS = ("population",)
GROUPS = ("White", "Mixed", "Asian", "Black", "Other")


def write(world, root: Path, scale: float) -> None:
    rng = random.Random(8021)
    lad20 = {}
    for lsoa in world.lsoas:
        lad20[lsoa.lad20] = lad20.get(lsoa.lad20, 0) + lsoa.population
    rows = []
    for code in sorted(lad20):
        shares = [rng.uniform(0.6, 0.9)] + [rng.uniform(0.01, 0.08) for _ in GROUPS[1:]]
        total = sum(shares)
        for group, share in zip(GROUPS, shares):
            rows.append([code, f"Demo district {code[-3:]}", group, str(round(lad20[code] * share / total))])
    folder = root / "population"
    write_csv(folder / "ethnicity_by_lad20.csv", ["LAD20CD", "LAD20NM", "Ethnic group", "Population"], rows, bom=True)
    write_csv(
        folder / "lsoa11_lad20_lookup.csv",
        ["LSOA11CD", "LSOA11NM", "LAD20CD", "LAD20NM"],
        [[x.code, x.name, x.lad20, f"Demo district {x.lad20[-3:]}"] for x in world.lsoas],
    )
