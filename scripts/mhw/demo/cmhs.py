"""Demo CQC Community Mental Health Survey benchmark workbook (CMH21_Trust_Respondents and
CMH21_Trust_Scores sheets, title rows above the header, meanQ.. columns). RX1 serves three CCGs;
`RZZ` is a trust code that matches nothing; one score is blank (not published)."""

from __future__ import annotations

import random
from pathlib import Path

from .formats import write_xlsx

TOPICS = ("cmhs",)
QUESTIONS = ("Q3", "Q4", "Q5")
UNKNOWN_TRUST = ("RZZ", "UNKNOWN DEMO TRUST")


def write(world, root: Path, scale: float) -> None:
    rng = random.Random(6021)
    trusts = [(t.code, t.name) for t in world.trusts if not t.closed] + [UNKNOWN_TRUST]
    title = [["Community Mental Health Survey 2021: trust benchmark data (DEMO, NOT REAL)"], []]
    respondents = [*title, ["Trust code", "Trust name", "Number of respondents"]]
    scores = [*title, ["Trust code", "Trust name", *[f"mean{q}" for q in QUESTIONS]]]
    for code, name in trusts:
        respondents.append([code, name, int(rng.randint(150, 600) * max(scale, 0.01))])
        row = [code, name]
        for q in QUESTIONS:
            row.append("" if (code, q) == ("RX3", "Q5") else round(rng.uniform(5.5, 8.5), 2))
        scores.append(row)
    write_xlsx(
        root / "cmhs" / "cmh21_benchmark_demo.xlsx",
        {"CMH21_Trust_Respondents": respondents, "CMH21_Trust_Scores": scores},
    )
