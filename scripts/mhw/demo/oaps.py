"""Demo Out of Area Placements files: NHS Digital open-data CSVs in three of the published layouts
(Oct 2016: no Description and no period column; Dec 2016: Description columns, BOM; Nov 2020:
PublicationDate/PublicationPeriod and Grouping Month/ThreeMonth) and the NHS England dashboard's CCG
quarterly extracts (wide quarters, `#N/A`, mixed code vintages).

Planted cases: `*` for counts under 5, costs in scientific notation, a predecessor-coded CCG (the
2016 files use the codes alive in 2016), a CCG code that matches nothing (`99Z`); in the Nov 2020
file costs as currency (`£297,439`) and, in two CCGs that merged in 2021, a cost published as
`#DIV/0!` and a count as `-` (so their CCG21's sums are not computable).
"""

from __future__ import annotations

import random
from pathlib import Path

from .formats import write_csv

TOPICS = ("oaps",)
UNKNOWN_CODE = "99Z"

QUESTIONS_2016 = ["OAPs active at period end", "OAPs started in period", "Total recorded costs over the period"]
QUESTIONS_2020 = [
    "OAPs active at period end",
    "Inappropriate OAPs active at period end",
    "Inappropriate OAPs started in period",
    "Total Cost For Inappropriate OAPs in Period",
]


def _sci(value: float) -> str:
    """The published C-style scientific notation for large costs (6.7639e+006)."""
    mantissa, exponent = f"{value:.5g}".split("e") if "e" in f"{value:.5g}" else (f"{value:.5g}", None)
    if exponent is None:
        return mantissa
    return f"{mantissa}e{exponent[0]}{int(exponent[1:]):03d}"


def _cell(question: str, value: float) -> str:
    if "cost" in question.lower():
        return _sci(value) if value >= 1_000_000 else str(int(value))
    return "*" if value < 5 else str(int(value))


def _ccg_values(rng: random.Random, codes: list[str], questions: list[str], scale: float) -> dict:
    values = {}
    for code in codes:
        active = rng.randint(0, 14) * scale
        for question in questions:
            q = question.lower()
            if "cost" in q:
                value = round(active * rng.uniform(40_000, 90_000), -2) + (2_000_000 if code == "80A" else 0)
            elif "started" in q:
                value = max(0, round(active * rng.uniform(0.3, 0.9)))
            elif "inappropriate" in q:
                value = max(0, round(active * 0.8))
            else:
                value = round(active)
            values[(question, code)] = value
    return values


def _currency_cell(question: str, value: float) -> str:
    """The later layout's costs as currency with thousands separators (£297,439)."""
    return f"£{int(value):,}" if "cost" in question.lower() else _cell(question, value)


# (question, CCG code) -> the marker published instead of a number (Nov 2020, monthly grouping)
NOT_COMPUTABLE_2020 = {
    ("Total Cost For Inappropriate OAPs in Period", "82B"): "#DIV/0!",
    ("Inappropriate OAPs started in period", "84A"): "-",
}


def _rows(values: dict, questions: list[str], codes: list[str], names: dict[str, str], described: bool, cell=_cell):
    for question in questions:
        total = sum(values[(question, c)] for c in codes)
        england = ["England", "", ""] if described else ["England", ""]
        yield question, england, cell(question, total)
        for code in codes:
            b1 = ["Ccg", code, names.get(code, "Unknown")] if described else ["Ccg", code]
            yield question, b1, cell(question, values[(question, code)])


def write(world, root: Path, scale: float) -> None:
    rng = random.Random(4021)
    folder = root / "oaps"
    names = {c.ods: c.name for c in world.ccgs.values()}
    codes_2016 = [c.ods for c in world.alive(2016)] + [UNKNOWN_CODE]
    codes_2020 = [c.ods for c in world.alive(2020)] + [UNKNOWN_CODE]

    # Oct 2016: the first layout, no Description columns and no period (month only in the name).
    values = _ccg_values(rng, codes_2016, QUESTIONS_2016, scale)
    rows = [[q, *b1, "", "", v] for q, b1, v in _rows(values, QUESTIONS_2016, codes_2016, names, False)]
    header = ["Question", "Breakdown1", "Breakdown1Code", "Breakdown2", "Breakdown2Code", "value"]
    write_csv(folder / "oaps-open-data-oct-2016.csv", header, rows, quote_all=True)

    # Dec 2016: Description columns added; written with a BOM.
    values = _ccg_values(rng, codes_2016, QUESTIONS_2016, scale)
    rows = [[q, *b1, "", "", "", v] for q, b1, v in _rows(values, QUESTIONS_2016, codes_2016, names, True)]
    header = [
        "Question",
        "Breakdown1",
        "Breakdown1Code",
        "Breakdown1Description",
        "Breakdown2",
        "Breakdown2Code",
        "Breakdown2Description",
        "value",
    ]
    write_csv(folder / "oaps-open-data-dec-2016.csv", header, rows, quote_all=True, bom=True)

    # Nov 2020: PublicationDate/PublicationPeriod and Grouping (the month and the three months to it).
    rows = []
    for grouping in ("Month", "ThreeMonth"):
        values = _ccg_values(rng, codes_2020, QUESTIONS_2020, scale * (3 if grouping == "ThreeMonth" else 1))
        for q, b1, v in _rows(values, QUESTIONS_2020, codes_2020, names, True, _currency_cell):
            if grouping == "Month":
                v = NOT_COMPUTABLE_2020.get((q, b1[1]), v)
            rows.append(["2021/01", "2020/11", grouping, q, *b1, "", "", "", v])
    write_csv(
        folder / "oaps-open-data-nov-2020.csv", ["PublicationDate", "PublicationPeriod", "Grouping", *header], rows
    )

    _write_dashboard(world, folder, rng, scale)


DASHBOARD_FILES = {
    "CR(iii_a)": ("bed days", 60),
    "CR(iii_b)": ("placements started", 3),
    "CR(iii_c)": ("cost", 40_000),
}


def _write_dashboard(world, folder: Path, rng: random.Random, scale: float) -> None:
    quarters = [f"Q{q} {y}/{(y + 1) % 100:02d}" for y in range(2019, 2022) for q in range(1, 5)]
    # mixed vintages: the 2021 CCGs plus two 2020 codes that merged in 2021, and an unknown code
    ccgs = [(c.ods, c.name.upper(), c.stp) for c in world.ccg21()]
    ccgs += [(c.ods, c.name.upper(), world.ccgs[c.successor].stp) for c in world.alive(2020) if c.ods in ("82B", "84A")]
    ccgs += [(UNKNOWN_CODE, "UNKNOWN CCG", "")]
    for code, (_, unit) in DASHBOARD_FILES.items():
        rows = []
        per_ccg = {}
        for ods, _name, _stp in ccgs:
            per_ccg[ods] = []
            for i, q in enumerate(quarters):
                # codes of 2020 publish until 2020/21, their 2021 successors from 2021/22 on
                merged_away = ods in ("82B", "84A") and q.endswith("2021/22")
                not_yet = ods in ("D9X1Y", "W8Q2T") and not q.endswith("2021/22")
                if i < 2 or merged_away or not_yet or (code == "CR(iii_c)" and i >= len(quarters) - 3):
                    per_ccg[ods].append("#N/A")  # not collected yet / not published for the latest quarters
                else:
                    per_ccg[ods].append(str(int(rng.randint(0, 12) * unit * scale)))
        totals = []
        for i in range(len(quarters)):
            cells = [per_ccg[o][i] for o, *_ in ccgs]
            totals.append("#N/A" if "#N/A" in cells else str(sum(int(c) for c in cells)))
        rows.append(["EN", "EN", "ENGLAND", "ENGLAND", "National", *totals])
        for region in world.regions:
            rows.append(["", "EN", region.ods, region.name.upper(), "Region", *["#N/A"] * len(quarters)])
        for stp in world.stps:
            rows.append([stp.region, "EN", stp.ods, stp.name.upper() + " STP", "STP", *["#N/A"] * len(quarters)])
        for ods, name, stp in ccgs:
            rows.append(["", stp, ods, name, "CCG", *per_ccg[ods]])
        header = ["Region Code", "STP Code", "Org code", "Org name", "Org Type", *quarters]
        write_csv(folder / f"nhsmh-dashboard-q4-21-22-v3.2_{code}_FINAL_CALC.csv", header, rows)
