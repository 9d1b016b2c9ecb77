"""Demo restrictive-intervention files: the published MHSDS long CSV (LEVEL_ONE.., METRIC,
METRIC_VALUE) and the data map's wide two-row-header sheet (types x BAME / Non-BAME /
Unknown-Not Stated rates per 1,000 bed days, `#DIV/0!`, an `Average` row, a BOM)."""

from __future__ import annotations

import random
from pathlib import Path

from .formats import write_csv

TOPICS = ("mhsds",)
GROUPS = ("BAME", "Non-BAME", "Unknown/Not Stated")
TYPES = [
    ("01", "Physical restraint - Prone"),
    ("04", "Mechanical restraint"),
    ("05", "Seclusion"),
    ("06", "Segregation"),
    ("07", "Physical restraint - Standing"),
    ("14", "Chemical restraint - Injection (Rapid Tranquillisation)"),
    ("16", "Chemical restraint - Oral"),
]
WIDE_TYPES = ("Physical", "Mechanical", "Seclusion", "Segregation", "Chemical")
HEADER = [
    "REPORTING_PERIOD_START",
    "REPORTING_PERIOD_END",
    "STATUS",
    "BREAKDOWN",
    *[f"LEVEL_{n}{s}" for n in ("ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX") for s in ("", "_DESCRIPTION")],
    "METRIC",
    "METRIC_VALUE",
]


def _published(value: int) -> str:
    return "*" if value < 5 else str(5 * round(value / 5))


def write(world, root: Path, scale: float) -> None:
    rng = random.Random(7021)
    trusts = [t for t in world.trusts if not t.closed] + [type("T", (), {"code": "RZZ", "name": "UNKNOWN TRUST"})()]
    period = ["01/11/2020", "30/11/2020", "Performance"]
    none4 = ["NONE"] * 6
    rows = []
    for trust in trusts:
        for group in GROUPS:
            bed_days = (
                0 if (trust.code, group) == ("RX3", "Unknown/Not Stated") else int(rng.randint(200, 3000) * scale)
            )
            rows.append(
                [
                    *period,
                    "Provider; Ethnic group",
                    trust.code,
                    trust.name,
                    group,
                    group,
                    *none4,
                    "NONE",
                    "NONE",
                    "BED_DAYS",
                    str(bed_days),
                ]
            )
            for code, name in TYPES:
                count = int(rng.randint(0, 40) * scale)
                rows.append(
                    [
                        *period,
                        "Provider; Restrictive intervention type; Ethnic group",
                        trust.code,
                        trust.name,
                        code,
                        name,
                        group,
                        group,
                        *none4,
                        "RI_COUNT",
                        _published(count),
                    ]
                )
    write_csv(root / "mhsds" / "MHSDS Restrictive Interventions Nov 2020.csv", HEADER, rows)

    upper = ["Provider code", "Provider name"] + [t if g == GROUPS[0] else "" for t in WIDE_TYPES for g in GROUPS]
    lower = ["", ""] + [g for _ in WIDE_TYPES for g in GROUPS]
    body = []
    totals = [[] for _ in range(len(WIDE_TYPES) * len(GROUPS))]
    for trust in trusts:  # RZZ included: a trust code that matches nothing
        cells = []
        for i in range(len(WIDE_TYPES) * len(GROUPS)):
            no_bed_days = trust.code == "RX3" and GROUPS[i % len(GROUPS)] == "Unknown/Not Stated"
            rate = None if no_bed_days else round(rng.uniform(0, 25) * scale, 2)
            cells.append("#DIV/0!" if rate is None else str(rate))
            if rate is not None:
                totals[i].append(rate)
        body.append([trust.code, trust.name, *cells])
    body.append(["Average", "", *[str(round(sum(t) / len(t), 2)) if t else "#DIV/0!" for t in totals]])
    write_csv(root / "mhsds" / "restraint_by_ethnicity_data_map.csv", upper, [lower, *body], bom=True)
