"""Demo CQC Community Mental Health Survey benchmark workbooks (CMHyy_Trust_Respondents and
CMHyy_Trust_Scores sheets, title rows above the header, meanQ.. columns), one per survey year in
the two formats CQC publishes: 2021 as XLSX, 2020 as ODS. RX1 serves three CCGs; `RZZ` is a trust
code that matches nothing; one 2021 score is blank (not published)."""

from __future__ import annotations

import random
from pathlib import Path

from .formats import write_ods, write_xlsx

TOPICS = ("cmhs",)
QUESTIONS = ("Q3", "Q4", "Q5")
UNKNOWN_TRUST = ("RZZ", "UNKNOWN DEMO TRUST")
# survey year -> (file name, writer, random seed)
WORKBOOKS = {
    2021: ("cmh21_benchmark_demo.xlsx", write_xlsx, 6021),
    2020: ("cmh20_benchmark_demo.ods", write_ods, 6020),
}


def _sheets(trusts, survey_year: int, rng: random.Random, scale: float) -> dict[str, list[list[object]]]:
    yy = survey_year % 100
    title = [[f"Community Mental Health Survey {survey_year}: trust benchmark data (DEMO, NOT REAL)"], []]
    respondents = [*title, ["Trust code", "Trust name", "Number of respondents"]]
    scores = [*title, ["Trust code", "Trust name", *[f"mean{q}" for q in QUESTIONS]]]
    for code, name in trusts:
        respondents.append([code, name, int(rng.randint(150, 600) * max(scale, 0.01))])
        row = [code, name]
        for q in QUESTIONS:
            blank = (code, q, survey_year) == ("RX3", "Q5", 2021)
            row.append("" if blank else round(rng.uniform(5.5, 8.5), 2))
        scores.append(row)
    return {f"CMH{yy}_Trust_Respondents": respondents, f"CMH{yy}_Trust_Scores": scores}


def write(world, root: Path, scale: float) -> None:
    trusts = [(t.code, t.name) for t in world.trusts if not t.closed] + [UNKNOWN_TRUST]
    for survey_year, (file_name, writer, seed) in WORKBOOKS.items():
        writer(root / "cmhs" / file_name, _sheets(trusts, survey_year, random.Random(seed), scale))
