"""Synthetic record-level IAPT extract (`iapt_records/`, interface section 4) with planted effects.

Every referral's outcome is drawn first (`simulate`), then its contacts, scores and employment
records are written so that the warehouse's SQL definitions give back exactly the planted flags:
finished treatment, caseness, recovery, wait, sessions and the employment features. Recovery among
referrals that finished treatment at caseness follows a logistic model with the odds ratios in
`PLANTED_ODDS_RATIOS` (`is_jsa` is the planted null effect); demographics have no effect.

Noise as in real extracts: open referrals, referrals with fewer than two attended treatment
contacts, did-not-attend contacts, contacts with one score missing, unknown IMD, `ZZ` employment,
unknown hours, indicator values other than Y/N, ages of exactly 18, persons with two referrals and
employment records after discharge (to be ignored), commissioner codes of older vintages.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from pathlib import Path

from .formats import write_csv
from .world import World

TOPICS = ("iapt_records",)
REFERRALS_PER_SCALE = 30_000
_SEED = 6_2022

# odds ratio per unit of each term of the recommended model (imd_decile: per decile step)
PLANTED_ODDS_RATIOS = {
    "imd_decile": 1.06,
    "is_unemployed": 0.55,
    "is_sick_pay": 0.70,
    "is_benefits": 0.80,
    "is_jsa": 1.00,  # the planted null effect
    "is_self_employed": 1.30,
    "is_within_6_weeks": 1.45,
    "has_6_plus_sessions": 1.90,
}
PLANTED_NULL = "is_jsa"
_INTERCEPT = -0.35  # log-odds for a referral with every flag 0 at IMD decile 5.5

_START = dt.date(2019, 4, 1)
_COMPLAINTS = [("Depression", 40), ("Anxiety and stress related disorders", 40), ("Other", 12), ("Unspecified", 8)]
_ETHNIC = [("A", 66), ("B", 5), ("C", 3), ("D", 1), ("E", 1), ("F", 1), ("G", 1), ("H", 4), ("J", 3), ("K", 1),
           ("L", 1), ("M", 2), ("N", 2), ("P", 1), ("R", 1), ("S", 1), ("Z", 3), ("99", 3)]
_GENDER = [("1", 46), ("2", 51), ("9", 2), ("0", 1)]
_STATUS = [("01", 55), ("02", 12), ("03", 5), ("04", 8), ("05", 5), ("06", 3), ("07", 2), ("08", 5), ("ZZ", 5)]
_HOURS = [("01", 62), ("02", 22), ("03", 8), ("04", 3), ("97", 2), ("99", 3)]


@dataclass
class Referral:
    """One referral with the flags and features the SQL definitions must give back."""

    referral_id: str
    person_id: str
    received: dt.date
    discharged: dt.date | None
    is_finished_treatment: bool
    is_caseness: bool
    is_recovered: bool
    wait_days: int | None
    treatment_sessions: int
    employment: dict[str, bool]  # the five is_* employment flags
    imd_decile: int | None
    age: int | None


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _yn(rng: random.Random, p_yes: float) -> str:
    roll = rng.random()
    if roll < 0.02:
        return rng.choice(["", "X"])  # not known
    return "Y" if roll < 0.02 + p_yes else "N"


def _commissioner_codes(world: World) -> dict[str, list[tuple[str, str, str]]]:
    """CCG21 ODS code -> [(3-character code, opened, closed)] of every code that became it."""
    codes: dict[str, list[tuple[str, str, str]]] = {}
    for ccg in world.ccgs.values():
        target = ccg
        while target.grid is None and target.successor:
            target = world.ccgs[target.successor]
        if len(ccg.ods) == 3:
            codes.setdefault(target.ods, []).append((ccg.ods, ccg.opened, ccg.closed))
    return codes


def _commissioner(rng: random.Random, options: list[tuple[str, str, str]], day: dt.date) -> str:
    ymd = day.strftime("%Y%m%d")
    alive = [code for code, opened, closed in options if opened <= ymd and (not closed or closed >= ymd)]
    return rng.choice(alive or [code for code, _, _ in options])


def _employment_record(rng: random.Random) -> tuple[list[str], dict[str, bool]]:
    status = _pick(rng, _STATUS)
    hours = _pick(rng, _HOURS) if status == "01" else rng.choice(["98", "98", "97", ""])
    employed = status == "01"
    jsa = _yn(rng, 0.45 if status == "02" else 0.03)
    uc = _yn(rng, 0.30 if status in ("02", "04") else 0.08)
    benefit = _yn(rng, 0.35 if status in ("02", "04", "06") else 0.08)
    ssp = _yn(rng, 0.18 if employed else 0.02)
    self_employed = _yn(rng, 0.15 if employed else 0.01)
    flags = {
        "is_unemployed": status == "02",
        "is_sick_pay": ssp == "Y" or status == "04",
        "is_benefits": benefit == "Y" or uc == "Y",
        "is_jsa": jsa == "Y",
        "is_self_employed": self_employed == "Y",
    }
    return [status, hours, jsa, uc, benefit, ssp, self_employed], flags


def _scores(rng: random.Random, phq_range: tuple[int, int], gad_range: tuple[int, int]) -> tuple[int, int]:
    return rng.randint(*phq_range), rng.randint(*gad_range)


def _first_scores(rng: random.Random, caseness: bool) -> tuple[int, int]:
    if not caseness:
        return _scores(rng, (0, 9), (0, 7))
    edge = rng.random()
    if edge < 0.04:
        return 10, rng.randint(0, 7)  # PHQ-9 exactly at its threshold
    if edge < 0.08:
        return rng.randint(0, 9), 8  # GAD-7 exactly at its threshold
    phq, gad = _scores(rng, (6, 27), (4, 21))
    if phq < 10 and gad < 8:
        phq = rng.randint(10, 27)
    return phq, gad


def _last_scores(rng: random.Random, first: tuple[int, int], recovered: bool, caseness: bool) -> tuple[int, int]:
    if recovered:
        return _scores(rng, (0, 9), (0, 7))
    if caseness:  # still a case at the end: at least one score at or above its threshold
        phq, gad = _scores(rng, (max(0, first[0] - 8), 27), (max(0, first[1] - 6), 21))
        if phq < 10 and gad < 8:
            if rng.random() < 0.5:
                phq = 10 if rng.random() < 0.3 else rng.randint(10, 27)
            else:
                gad = 8 if rng.random() < 0.3 else rng.randint(8, 21)
        return phq, gad
    return _scores(rng, (0, 27), (0, 21))


def simulate(world: World, scale: float) -> tuple[list[Referral], list[list], list[list], list[list]]:
    """The planted referrals and the three files' rows (referrals, care contacts, employment)."""
    rng = random.Random(_SEED)
    n = max(200, round(REFERRALS_PER_SCALE * scale))
    commissioners = _commissioner_codes(world)
    ccg21 = sorted(world.ccg21(), key=lambda c: c.ods)
    ccg_weights = [world.ccg_population(c.ods) for c in ccg21]
    providers = {c.ods: [(t.code, s) for t in world.trusts if not t.closed for code, s in t.serves if code == c.ods]
                 for c in ccg21}
    log_or = {term: math.log(v) for term, v in PLANTED_ODDS_RATIOS.items()}

    planted: list[Referral] = []
    referral_rows: list[list] = []
    contact_rows: list[list] = []
    employment_rows: list[list] = []
    person_next_free: list[tuple[str, dt.date]] = []  # persons free for a further referral
    persons: list[str] = []  # every person so far (ids are numbered in order)
    for i in range(n):
        referral_id = f"R{i + 1:07d}"
        repeat = bool(person_next_free) and rng.random() < 0.06
        if repeat:  # a further referral of a person whose earlier referral was discharged
            person_id, free_from = person_next_free.pop(rng.randrange(len(person_next_free)))
            received = free_from + dt.timedelta(days=rng.randint(30, 120))
        else:
            person_id = f"P{len(persons) + 1:07d}"
            persons.append(person_id)
            received = _START + dt.timedelta(days=rng.randint(0, 960))
        ccg = rng.choices(ccg21, weights=ccg_weights)[0]
        commissioner = _commissioner(rng, commissioners[ccg.ods], received)
        if rng.random() < 0.004:
            commissioner = rng.choice(["999", "X99"])  # unmappable codes, as in real extracts
        options = providers[ccg.ods] or [(world.trusts[0].code, 1.0)]
        provider = rng.choices([p for p, _ in options], weights=[w for _, w in options])[0]
        roll = rng.random()
        age = 18 if roll < 0.03 else (rng.randint(16, 17) if roll < 0.05 else int(rng.triangular(18, 90, 30)))
        age_text = "" if rng.random() < 0.01 else str(age)
        imd = None if rng.random() < 0.05 else rng.randint(1, 10)
        gender = _pick(rng, _GENDER)
        ethnic = _pick(rng, _ETHNIC)
        complaint = _pick(rng, _COMPLAINTS)

        # course of care: open, unfinished (0-1 attended treatment contacts) or finished
        is_open = rng.random() < 0.10
        sessions = rng.choice([0, 1]) if rng.random() < 0.14 else rng.choices(range(2, 21), weights=[
            9, 9, 9, 8, 8, 8, 7, 6, 6, 5, 4, 4, 3, 3, 2, 2, 2, 1, 1])[0]
        finished = not is_open and sessions >= 2
        caseness = rng.random() < 0.86
        assessment = received + dt.timedelta(days=rng.randint(3, 20))
        wait = rng.choice([42, 43]) if rng.random() < 0.05 else int(rng.expovariate(1 / 38)) + 5
        wait = max(wait, (assessment - received).days + 1)
        first_treatment = received + dt.timedelta(days=wait)
        days: list[dt.date] = []
        day = first_treatment
        for _ in range(sessions):
            days.append(day)
            day += dt.timedelta(days=rng.randint(6, 14))
        discharged = None if is_open else (days[-1] if days else assessment) + dt.timedelta(days=rng.randint(1, 30))

        # employment: one record between referral and discharge counts; older and later ones must not
        record, flags = _employment_record(rng)
        has_record = repeat or rng.random() > 0.03
        flags_on = flags if has_record else dict.fromkeys(flags, False)
        if has_record:
            record_day = assessment if rng.random() < 0.9 else received
            employment_rows.append([person_id, record_day.isoformat(), *record])
        if not repeat and rng.random() < 0.3:  # an older record: superseded, unless it is the only one
            old, old_flags = _employment_record(rng)
            employment_rows.append([person_id, (received - dt.timedelta(days=rng.randint(60, 400))).isoformat(), *old])
            if not has_record:
                flags_on = old_flags
        if discharged and rng.random() < 0.15:  # a later record, after discharge: ignored
            later, _ = _employment_record(rng)
            later_day = discharged + dt.timedelta(days=rng.randint(1, 25))
            employment_rows.append([person_id, later_day.isoformat(), *later])
        if discharged:
            person_next_free.append((person_id, discharged + dt.timedelta(days=30)))

        recovered = False
        if finished and caseness:
            x = {
                "imd_decile": (imd - 5.5) if imd is not None else 0.0,
                "is_within_6_weeks": wait <= 42,
                "has_6_plus_sessions": sessions >= 6,
                **flags_on,
            }
            eta = _INTERCEPT + sum(log_or[t] * float(v) for t, v in x.items())
            recovered = rng.random() < 1 / (1 + math.exp(-eta))

        # contacts and scores
        first = _first_scores(rng, caseness)
        last = _last_scores(rng, first, recovered, caseness)
        assessment_has_both = rng.random() > 0.08
        contacts: list[list] = []
        if not assessment_has_both and sessions == 0:
            assessment_has_both = True  # keep the planted caseness reachable
        if assessment_has_both:
            contacts.append([referral_id, assessment, "Y", "assessment", first[0], first[1]])
        else:  # assessment with GAD-7 missing: the first PHQ-9 is the assessment's, the first GAD-7
            # comes from the first treatment contact (first and last scores are taken per measure)
            contacts.append([referral_id, assessment, "Y", "assessment", first[0], ""])
            later_phq = min(27, max(0, first[0] + rng.randint(-2, 2)))
        for k, day in enumerate(days):
            if not assessment_has_both and k == 0:
                phq, gad = later_phq, first[1]
            elif k == len(days) - 1 and (sessions >= 2 or assessment_has_both):
                phq, gad = last
            else:
                phq, gad = rng.randint(0, 27), rng.randint(0, 21)
                if rng.random() < 0.1:
                    gad = ""
            contacts.append([referral_id, day, "Y", "treatment", phq, gad])
            if rng.random() < 0.08:  # did not attend: never counts, never scored
                contacts.append([referral_id, day + dt.timedelta(days=3), "N", "treatment", "", ""])
        if finished and rng.random() < 0.1:  # a follow-up with a PHQ-9 only: the last PHQ-9 (the same)
            rng.randint(0, 27)  # (drawn as before, so that the rest of the demo stays the same)
            contacts.append([referral_id, discharged - dt.timedelta(days=1), "Y", "other", last[0], ""])
        if not finished and not is_open and rng.random() < 0.3 and sessions < 2:
            contacts.append([referral_id, assessment + dt.timedelta(days=1), "Y", "other", "", ""])
        for c in contacts:
            contact_rows.append([c[0], c[1].isoformat(), c[2], c[3], c[4], c[5]])

        referral_rows.append([
            referral_id, person_id, provider, commissioner, received.isoformat(),
            discharged.isoformat() if discharged else "", complaint, age_text, gender, ethnic,
            "" if imd is None else str(imd),
        ])
        planted.append(Referral(
            referral_id, person_id, received, discharged, finished, caseness, recovered,
            wait if sessions else None, sessions, flags_on, imd, age if age_text else None,
        ))
    contact_rows.sort(key=lambda r: (r[0], r[1], r[3]))
    employment_rows.sort(key=lambda r: (r[0], r[1]))
    return planted, referral_rows, contact_rows, employment_rows


def write(world: World, root: Path, scale: float) -> None:
    _, referrals, contacts, employment = simulate(world, scale)
    folder = root / "iapt_records"
    write_csv(folder / "referrals.csv", [
        "referral_id", "person_id", "provider_code", "commissioner_code", "referral_received_date",
        "discharge_date", "presenting_complaint", "age_at_referral", "gender_code", "ethnic_category", "imd_decile",
    ], referrals)
    write_csv(folder / "care_contacts.csv", [
        "referral_id", "contact_date", "attended", "contact_type", "phq9_score", "gad7_score",
    ], contacts)
    write_csv(folder / "employment.csv", [
        "person_id", "record_date", "employ_status", "week_hours_worked", "jsa_ind", "uc_ind", "benefit_rec_ind",
        "ssp_ind", "self_employ_ind",
    ], employment)
