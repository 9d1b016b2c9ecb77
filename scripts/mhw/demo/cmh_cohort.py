"""Synthetic community mental health cohort (landing topic `cmh_cohort/`, interface section 5).

Structure planted for the tests to recover (see tests/python/test_cohort_*.py):
- five groups of people with distinct yearly patterns of service use 2006-2016 (TEMPLATES), each
  year's planned state replaced by a neighbouring state with probability NOISE;
- the groups have exactly the same shares in every region (balanced assignment), so regional
  differences come only from the regional intensity factors (REGION_FACTORS), which multiply the
  expected number of contacts of every setting;
- a trend after 2010: secondary contacts fall by SECONDARY_TREND a year, primary care contacts
  rise by PRIMARY_TREND a year; IAPT contacts only from 2012 (IAPT_FROM);
- deaths with a yearly hazard by group; no contact or admission after the death date;
- people whose first contact is after 2006 (not in the cohort: the cohort rule drops them).

`simulate(scale)` returns the same people as the files, with their planted group, for the tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .formats import write_csv

TOPICS = ("cmh_cohort",)

SEED = 7_2006_2016
FIRST_YEAR, LAST_YEAR = 2006, 2016
YEARS = list(range(FIRST_YEAR, LAST_YEAR + 1))
PERSONS_PER_SCALE = 2000
NOISE = 0.08
SECONDARY_TREND = 0.04
PRIMARY_TREND = 0.05
IAPT_FROM = 2012
NOT_IN_COHORT_SHARE = 0.05

# ONS region code -> intensity factor (multiplies the expected contacts of every setting)
REGION_FACTORS = {
    "E12000001": 0.80,
    "E12000002": 1.10,
    "E12000003": 0.90,
    "E12000004": 1.00,
    "E12000005": 1.20,
    "E12000006": 0.85,
    "E12000007": 1.15,
    "E12000008": 0.95,
    "E12000009": 1.05,
}

# planned state per year 2006..2016: N none, P primary only, L secondary low, H secondary high,
# I inpatient
TEMPLATES = {
    "A_primary_care": "PPPPPPPPPPP",
    "B_brief_secondary": "LLLNNNNNNNN",
    "C_persistent_secondary": "HHHHHHHHHHH",
    "D_admitted_then_stepped_down": "IHHLLLLPPPP",
    "E_late_escalation": "PPPPLLHHIHH",
}
SHARES = {
    "A_primary_care": 0.30,
    "B_brief_secondary": 0.25,
    "C_persistent_secondary": 0.15,
    "D_admitted_then_stepped_down": 0.15,
    "E_late_escalation": 0.15,
}
DEATH_HAZARD = {
    "A_primary_care": 0.006,
    "B_brief_secondary": 0.006,
    "C_persistent_secondary": 0.02,
    "D_admitted_then_stepped_down": 0.025,
    "E_late_escalation": 0.015,
}
NEIGHBOURS = {"N": "P", "P": "NL", "L": "PH", "H": "LI", "I": "H"}
# expected contacts a year by planned state at intensity 1, before the trend
MEANS = {
    "N": {},
    "P": {"primary_mh": 3.0, "iapt": 2.0},
    "L": {"cmht": 5.0, "primary_mh": 1.0},
    "H": {"cmht": 30.0, "crisis_home_treatment": 2.0},
    "I": {"cmht": 18.0, "crisis_home_treatment": 3.0},
}
DIAGNOSES = {
    "A_primary_care": ("Depression", "Anxiety", "Other"),
    "B_brief_secondary": ("Depression", "Anxiety", "Personality disorder"),
    "C_persistent_secondary": ("Psychosis", "Bipolar", "Personality disorder"),
    "D_admitted_then_stepped_down": ("Psychosis", "Bipolar", "Depression"),
    "E_late_escalation": ("Psychosis", "Depression", "Personality disorder"),
}
PERSON_COLUMNS = [
    "person_id",
    "sex",
    "birth_year",
    "ethnic_group",
    "region_code",
    "imd_decile",
    "diagnosis_group",
    "death_date",
]
ETHNIC_GROUPS = ("White", "Mixed", "Asian", "Black", "Other", "Not known")
ETHNIC_WEIGHTS = (0.78, 0.03, 0.08, 0.05, 0.02, 0.04)


@dataclass
class Person:
    person_id: str
    group: str | None  # planted group (None: not in the cohort by construction)
    region_code: str
    sex: str
    birth_year: int
    ethnic_group: str
    imd_decile: int
    diagnosis_group: str
    death_date: dt.date | None = None
    contacts: list[tuple[dt.date, str]] = field(default_factory=list)
    admissions: list[tuple[dt.date, dt.date | None]] = field(default_factory=list)


def _day(rng: np.random.Generator, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365)))


def _intensity(setting: str, year: int) -> float:
    if setting in ("cmht", "crisis_home_treatment"):
        return 1.0 - SECONDARY_TREND * max(0, year - 2010)
    if setting == "iapt":
        return 0.0 if year < IAPT_FROM else 1.0
    return 1.0 + PRIMARY_TREND * max(0, year - 2010)


def _groups_for_region(rng: np.random.Generator, n: int) -> list[str | None]:
    """Exactly the same group shares in every region (the last slots: not in the cohort)."""
    outside = round(n * NOT_IN_COHORT_SHARE)
    labels: list[str | None] = []
    names = list(SHARES)
    for name in names[:-1]:
        labels += [name] * round((n - outside) * SHARES[name])
    labels += [names[-1]] * (n - outside - len(labels))
    labels += [None] * outside
    order = rng.permutation(n)
    return [labels[i] for i in order]


def simulate(scale: float = 1.0) -> list[Person]:
    rng = np.random.default_rng(SEED)
    regions = list(REGION_FACTORS)
    per_region = max(20, round(PERSONS_PER_SCALE * scale / len(regions)))
    people: list[Person] = []
    for region in regions:
        for group in _groups_for_region(rng, per_region):
            people.append(_person(rng, len(people) + 1, region, group))
    return people


def _person(rng: np.random.Generator, number: int, region: str, group: str | None) -> Person:
    template = TEMPLATES[group] if group else "NNN" + "".join(rng.choice(list("PL"), size=8))
    diagnoses = DIAGNOSES[group] if group else ("Depression", "Anxiety", "Other")
    person = Person(
        person_id=f"P{number:06d}",
        group=group,
        region_code=region,
        sex=str(rng.choice(["M", "F"])),
        birth_year=int(rng.integers(1940, 1991)),
        ethnic_group=str(rng.choice(ETHNIC_GROUPS, p=ETHNIC_WEIGHTS)),
        imd_decile=int(rng.integers(1, 11)),
        diagnosis_group=str(rng.choice(diagnoses)),
    )
    hazard = DEATH_HAZARD[group] if group else 0.006
    factor = REGION_FACTORS[region]
    for i, year in enumerate(YEARS):
        state = template[i]
        if rng.random() < NOISE and not (group is None and i < 3):
            state = str(rng.choice(list(NEIGHBOURS[state])))
        for setting, mean in MEANS[state].items():
            for _ in range(int(rng.poisson(mean * factor * _intensity(setting, year)))):
                person.contacts.append((_day(rng, year), setting))
        if state == "I":
            start = _day(rng, year)
            end = start + dt.timedelta(days=int(rng.integers(7, 91)))
            person.admissions.append((start, end if end <= dt.date(LAST_YEAR, 12, 31) else None))
        if rng.random() < hazard:
            person.death_date = _day(rng, year)
            break
    if person.death_date:
        death = person.death_date
        person.contacts = [c for c in person.contacts if c[0] <= death]
        person.admissions = [
            (start, death if end is None or end > death else end) for start, end in person.admissions if start <= death
        ]
    person.contacts.sort()
    return person


def write(world, root: Path, scale: float) -> None:
    """Write persons.csv, contacts.csv and admissions.csv (the cohort needs no demo geography)."""
    people = simulate(scale)
    folder = Path(root) / "cmh_cohort"
    write_csv(
        folder / "persons.csv",
        PERSON_COLUMNS,
        (
            [
                p.person_id,
                p.sex,
                p.birth_year,
                p.ethnic_group,
                p.region_code,
                p.imd_decile,
                p.diagnosis_group,
                p.death_date.isoformat() if p.death_date else "",
            ]
            for p in people
        ),
    )
    write_csv(
        folder / "contacts.csv",
        ["person_id", "contact_date", "setting"],
        ([p.person_id, day.isoformat(), setting] for p in people for day, setting in p.contacts),
    )
    write_csv(
        folder / "admissions.csv",
        ["person_id", "admission_date", "discharge_date"],
        (
            [p.person_id, start.isoformat(), end.isoformat() if end else ""]
            for p in people
            for start, end in p.admissions
        ),
    )
