"""The cohort domain built alone from a landing zone with only `cmh_cohort/` (the demo cohort):
the planted structure is recovered and the person-year invariants hold, checked against the
simulated people (mhw.demo.cmh_cohort.simulate), not against the warehouse's own logic."""

from __future__ import annotations

import os
import shutil

import pytest
from sklearn.metrics import adjusted_rand_score

from conftest import REPO
from mhw.build import build
from mhw.demo import cmh_cohort
from mhw.warehouse import connect

FIRST, LAST = cmh_cohort.FIRST_YEAR, cmh_cohort.LAST_YEAR


@pytest.fixture(scope="module")
def cohort_build(demo_landing, tmp_path_factory):
    root = tmp_path_factory.mktemp("cohort")
    landing = root / "landing"
    shutil.copytree(demo_landing / "cmh_cohort", landing / "cmh_cohort")
    warehouse = root / "wh" / "mh.duckdb"
    log: list[str] = []
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        timings = build(landing, warehouse, root / "exports", docs=False, log=log.append)
    finally:
        os.chdir(cwd)
    con = connect(warehouse)
    yield {"con": con, "exports": root / "exports", "log": log, "timings": timings}
    con.close()


@pytest.fixture(scope="module")
def people():
    return {p.person_id: p for p in cmh_cohort.simulate(1.0)}


def _rows(con, sql):
    return con.execute(sql).fetchall()


def test_only_the_cohort_domain_is_built(cohort_build):
    con = cohort_build["con"]
    tables = {r[0] for r in _rows(con, "select table_name from information_schema.tables")}
    assert {"cmh_cohort_person_groups", "cmh_cohort_region_year", "int_cmh_person_years"} <= tables
    assert not [t for t in tables if t.startswith(("stg_ons__", "stg_ods__"))]
    assert any("topic reference/ is absent" in line for line in cohort_build["log"])
    pngs = {p.name for p in cohort_build["exports"].glob("*.png")}
    assert {
        "cmh_cohort_state_distribution.png",
        "cmh_cohort_state_distribution_by_group.png",
        "cmh_cohort_sequence_index_by_group.png",
        "cmh_cohort_region_year_contacts.png",
        "cmh_cohort_silhouette_by_k.png",
    } <= pngs


def test_cohort_rule_matches_the_simulated_contacts(cohort_build, people):
    expected = {
        pid
        for pid, p in people.items()
        if any(day.year == FIRST and (p.death_date is None or day <= p.death_date) for day, _ in p.contacts)
    }
    actual = {r[0] for r in _rows(cohort_build["con"], "select person_id from cmh_cohort_person_groups")}
    assert actual == expected
    assert not [pid for pid in actual if people[pid].group is None], "people without a 2006 contact are out"


def test_person_years_equal_years_alive_and_no_state_after_death(cohort_build, people):
    rows = _rows(cohort_build["con"], "select person_id, reporting_year, state from int_cmh_person_years")
    by_person: dict[str, list[tuple[int, str]]] = {}
    for pid, year, state in rows:
        by_person.setdefault(pid, []).append((year, state))
    for pid, years in by_person.items():
        death = people[pid].death_date
        last = min(death.year, LAST) if death else LAST
        assert sorted(y for y, _ in years) == list(range(FIRST, last + 1)), pid
        for year, state in years:
            assert (state == "dead") == (death is not None and year == death.year), (pid, year, state)
    sequences = dict(_rows(cohort_build["con"], "select person_id, state_sequence from cmh_cohort_person_sequences"))
    for pid, sequence in sequences.items():
        death = people[pid].death_date
        dead_from = death.year - FIRST if death and death.year <= LAST else len(sequence)
        assert sequence[dead_from:] == "D" * (len(sequence) - dead_from), pid
        assert "D" not in sequence[:dead_from], pid


def test_planted_groups_are_recovered(cohort_build, people):
    con = cohort_build["con"]
    groups = dict(_rows(con, "select person_id, group_id from cmh_cohort_person_groups"))
    ids = sorted(groups)
    ari = adjusted_rand_score([people[i].group for i in ids], [groups[i] for i in ids])
    selection = _rows(con, "select k, silhouette, is_chosen from cmh_cohort_group_selection order by k")
    chosen = [k for k, _, is_chosen in selection if is_chosen]
    print(f"chosen k {chosen}, silhouette by k {[(k, round(s, 3)) for k, s, _ in selection]}, ARI {ari:.3f}")
    assert ari >= 0.6
    assert len(chosen) == 1 and abs(chosen[0] - len(cmh_cohort.TEMPLATES)) <= 1
    assert [k for k, _, _ in selection] == list(range(2, 9)), "every k tried is reported"
    assert max(selection, key=lambda r: (r[1], -r[0]))[0] == chosen[0]


def test_regional_intensity_ratios_are_recovered(cohort_build):
    rows = _rows(
        cohort_build["con"],
        "select region_code, sum(total_contacts) * 1.0 / sum(persons) from cmh_cohort_region_year group by 1",
    )
    rate = dict(rows)
    england = rate.pop("E92000001")
    planted_mean = sum(cmh_cohort.REGION_FACTORS.values()) / len(cmh_cohort.REGION_FACTORS)
    assert set(rate) == set(cmh_cohort.REGION_FACTORS)
    for region, factor in cmh_cohort.REGION_FACTORS.items():
        observed, expected = rate[region] / england, factor / planted_mean
        assert abs(observed / expected - 1) <= 0.10, (region, observed, expected)


def test_iapt_only_from_2012_and_the_trend_after_2010(cohort_build):
    con = cohort_build["con"]
    iapt = dict(
        _rows(con, "select reporting_year, iapt_contacts from cmh_cohort_region_year where region_code = 'E92000001'")
    )
    assert all(iapt[y] == 0 for y in range(FIRST, cmh_cohort.IAPT_FROM))
    assert all(iapt[y] > 0 for y in range(cmh_cohort.IAPT_FROM, LAST + 1))
    # within the persistent high-intensity state the secondary contacts fall after 2010
    high = dict(
        _rows(
            con,
            "select reporting_year, avg(secondary_contacts) from int_cmh_person_years "
            "where state = 'secondary_high' group by 1",
        )
    )
    assert high[LAST] < 0.85 * high[2010]
    assert abs(high[2008] / high[2010] - 1) < 0.1


def test_runs_in_minutes(cohort_build):
    assert cohort_build["timings"]["total"] < 600
