"""Demo MHSDS monthly statistics (main 11-column CSV): the same month published Provisional and
then Performance (the latest status must win), CCG breakdowns under the pre-2022 name and a later
month under the Sub ICB name with its ICB breakdown ("ICB of GP Practice or Residence", ICB ODS
codes, one code `UNKNOWN`), Provider rows, `*` for small counts, `NONE` levels, an unknown CCG
placeholder `999`."""

from __future__ import annotations

import random
from pathlib import Path

from .formats import write_csv

TOPICS = ("mhsds",)
HEADER = [
    "REPORTING_PERIOD_START",
    "REPORTING_PERIOD_END",
    "STATUS",
    "BREAKDOWN",
    "PRIMARY_LEVEL",
    "PRIMARY_LEVEL_DESCRIPTION",
    "SECONDARY_LEVEL",
    "SECONDARY_LEVEL_DESCRIPTION",
    "MEASURE_ID",
    "MEASURE_NAME",
    "MEASURE_VALUE",
]
MEASURES = [
    ("MHS01", "People in contact with secondary mental health services at the end of the reporting period", 900),
    ("MHS07", "People with an open hospital spell at the end of the reporting period", 30),
    ("MHS23", "Open referrals to children and young people's mental health services at the end of the period", 250),
]
# (start, end, status, CCG breakdown name)
MONTHS = [
    ("01/11/2020", "30/11/2020", "Performance", "CCG - GP Practice or Residence"),
    ("01/12/2020", "31/12/2020", "Provisional", "CCG - GP Practice or Residence"),
    ("01/12/2020", "31/12/2020", "Performance", "CCG - GP Practice or Residence"),
    ("01/08/2022", "31/08/2022", "Provisional", "Sub ICB - GP Practice or Residence"),
]


def _published(value: int) -> str:
    return "*" if value < 5 else str(5 * round(value / 5))


def write(world, root: Path, scale: float) -> None:
    rng = random.Random(5021)
    by_file: dict[str, list[list[str]]] = {}
    for start, end, status, ccg_breakdown in MONTHS:
        rows = by_file.setdefault(f"MHSDS Data_{end[3:5]}{end[6:]}_{status[:4]}.csv", [])
        ccgs = [(c.ods, c.name) for c in world.ccg21()] + [("999", "UNKNOWN")]
        for measure_id, measure_name, size in MEASURES:
            values = {ods: int(rng.randint(0, 2 * size) * scale) for ods, _ in ccgs}
            values["999"] = 3
            trusts = {t.code: int(rng.randint(0, 3 * size) * scale) for t in world.trusts if not t.closed}
            rows.append(
                [
                    start,
                    end,
                    status,
                    "England",
                    "England",
                    "England",
                    "NONE",
                    "NONE",
                    measure_id,
                    measure_name,
                    str(sum(values.values())),
                ]
            )
            for ods, name in ccgs:
                rows.append(
                    [
                        start,
                        end,
                        status,
                        ccg_breakdown,
                        ods,
                        name.upper(),
                        "NONE",
                        "NONE",
                        measure_id,
                        measure_name,
                        _published(values[ods]),
                    ]
                )
            if ccg_breakdown.startswith("Sub ICB"):
                icb_values: dict[str, int] = {"UNKNOWN": values["999"]}
                for ccg in world.ccg21():
                    icb_values[ccg.stp] = icb_values.get(ccg.stp, 0) + values[ccg.ods]
                for icb, value in icb_values.items():
                    name = "UNKNOWN" if icb == "UNKNOWN" else f"NHS {world.stp(icb).name.upper()} INTEGRATED CARE BOARD"
                    rows.append(
                        [start, end, status, "ICB of GP Practice or Residence", icb, name, "NONE", "NONE",
                         measure_id, measure_name, _published(value)]
                    )
            for trust in world.trusts:
                if trust.code in trusts:
                    rows.append(
                        [
                            start,
                            end,
                            status,
                            "Provider",
                            trust.code,
                            trust.name,
                            "NONE",
                            "NONE",
                            measure_id,
                            measure_name,
                            _published(trusts[trust.code]),
                        ]
                    )
    for name, rows in by_file.items():
        write_csv(root / "mhsds" / name, HEADER, rows, crlf=True)
