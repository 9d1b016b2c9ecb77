"""The synthetic cohort (mhw.demo.cmh_cohort): interface format, determinism, planted features."""

from __future__ import annotations

import csv
import datetime as dt

from mhw.demo import cmh_cohort


def _read(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_files_have_the_interface_columns(demo_landing):
    folder = demo_landing / "cmh_cohort"
    assert list(_read(folder / "persons.csv")[0]) == [
        "person_id",
        "sex",
        "birth_year",
        "ethnic_group",
        "region_code",
        "imd_decile",
        "diagnosis_group",
        "death_date",
    ]
    assert list(_read(folder / "contacts.csv")[0]) == ["person_id", "contact_date", "setting"]
    assert list(_read(folder / "admissions.csv")[0]) == ["person_id", "admission_date", "discharge_date"]
    persons = _read(folder / "persons.csv")
    assert {p["region_code"] for p in persons} == {f"E120000{i:02d}" for i in range(1, 10)}
    assert {p["sex"] for p in persons} == {"M", "F"}
    assert any(p["death_date"] for p in persons) and any(not p["death_date"] for p in persons)
    settings = {c["setting"] for c in _read(folder / "contacts.csv")}
    assert settings == {"primary_mh", "iapt", "cmht", "crisis_home_treatment"}
    admissions = _read(folder / "admissions.csv")
    assert any(not a["discharge_date"] for a in admissions), "some people are still in hospital at the end"


def test_same_people_every_time_and_more_with_scale():
    first, again = cmh_cohort.simulate(0.5), cmh_cohort.simulate(0.5)
    assert [(p.person_id, p.death_date, p.contacts, p.admissions) for p in first] == [
        (p.person_id, p.death_date, p.contacts, p.admissions) for p in again
    ]
    assert len(cmh_cohort.simulate(1.0)) > 1.8 * len(first)


def test_no_iapt_before_2012_and_nothing_after_death():
    people = cmh_cohort.simulate(0.5)
    assert not [c for p in people for c in p.contacts if c[1] == "iapt" and c[0].year < cmh_cohort.IAPT_FROM]
    assert [c for p in people for c in p.contacts if c[1] == "iapt"], "IAPT contacts from 2012"
    for p in people:
        if p.death_date:
            assert all(day <= p.death_date for day, _ in p.contacts)
            assert all(start <= p.death_date and end is not None and end <= p.death_date for start, end in p.admissions)


def test_groups_have_the_same_shares_in_every_region():
    people = cmh_cohort.simulate(0.5)
    shares = {}
    for region in cmh_cohort.REGION_FACTORS:
        members = [p.group for p in people if p.region_code == region]
        shares[region] = {g: members.count(g) / len(members) for g in cmh_cohort.TEMPLATES}
    assert len({tuple(round(v, 6) for v in s.values()) for s in shares.values()}) == 1


def test_people_outside_the_cohort_have_no_contact_in_2006():
    people = cmh_cohort.simulate(0.5)
    outside = [p for p in people if p.group is None]
    assert outside
    assert not [c for p in outside for c in p.contacts if c[0] < dt.date(2007, 1, 1)]
