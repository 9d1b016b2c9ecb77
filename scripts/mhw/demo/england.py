"""England-scale synthetic inputs for the benchmarks (`mhw demo OUT --england FRACTION`).

The ordinary demo (`mhw demo`, `--scale`) is small and hand-made so that every branch of the logic
is hit; this module writes the same landing-zone formats at the volumes of England, for timing:

- `mhsds_records/`: 12 reporting months (UniqMonthID 1459-1470, October 2021 to September 2022) of
  record-level MHSDS with, at fraction 1.0, 1.4 million people in MHS001MPI per month, about
  25,000 hospital spells and 60,000 MHA episodes per month and an LDA cohort of about 3,500 people
  per month; the other tables in proportion (a referral per person, care co-ordinators, teams,
  diagnoses, disability, clusters, ward stays, conditional discharges, CTOs and recalls).
- `mhsds/`: 120 monthly MHSDS main CSVs (April 2013 to March 2023; about 500,000 rows each at 1.0),
  CCG breakdowns under the CCG codes of each month's vintage (the `Sub ICB` breakdown name from
  July 2022), Provider rows, secondary levels, `*` for small counts.

Areas, commissioners and providers come from the demo world (Demoshire), so the benchmark runs on
the demo's reference data (its crosswalk and trusts). The rows are drawn in DuckDB from hashes of
row numbers: the same fraction always gives the same files, written in parallel and in a few GB
of memory whatever the fraction.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from pathlib import Path

import duckdb

from .mhsds import HEADER as MHSDS_HEADER
from .mhsds_records import COLUMNS, period
from .world import World, build_world

RECORD_MONTHS = tuple(range(1459, 1471))  # October 2021 to September 2022
CSV_FIRST_MONTH = dt.date(2013, 4, 1)
CSV_MONTHS = 120
SUB_ICB_FROM = dt.date(2022, 7, 1)

# per month at fraction 1.0
MPI_PERSONS = 1_400_000
SPELLS_PER_MONTH = 25_000
COMMUNITY_MHA_PERSONS = 36_000  # people with an MHA episode (mostly CTOs) and no hospital spell
COMMUNITY_LDA_PERSONS = 300  # LDA cohort members without a hospital spell
SPELL_LDA_SHARE = 0.07  # share of spells whose person is in the LDA cohort
CSV_ROWS_PER_MONTH = 500_000
PROVIDERS = 60  # submitting providers (RX1..RX4 of the demo world, then synthetic codes)

# legal status codes and weights of the MHA episodes (as the demo's bulk population)
STATUSES = ("01", "02", "03", "04", "05", "07", "09", "10", "12", "17", "19", "35", "37", "98", "99")
STATUS_WEIGHTS = (8, 14, 22, 1, 2, 1, 4, 6, 1, 2, 1, 3, 2, 1, 1)

# cohort rules: (name, table). A cohort member gets one qualifying row; others get ordinary rows.
COHORT_RULES = ("disability", "ward", "team_006", "team_102", "mental_cat", "treat_func", "diag", "cluster")


def _sql_list(values) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def _providers(world: World) -> list[str]:
    demo = [t.code for t in world.trusts if not t.closed]
    letters = "ABCDEFGHJKLMNPQTVWY"
    synthetic = [f"R{a}{b}" for a in letters for b in "0123456789"]
    return (demo + [c for c in synthetic if c not in demo])[:PROVIDERS]


def _copy(con: duckdb.DuckDBPyConnection, query: str, path: Path) -> int:
    tmp = path.with_name("." + path.name + ".part")
    con.execute(f"copy ({query}) to '{tmp}' (header true, quote '\"')")
    tmp.rename(path)
    return con.execute(f"select count(*) from read_csv('{path}', header=true, all_varchar=true)").fetchone()[0]


def write_records(con: duckdb.DuckDBPyConnection, world: World, out: Path, fraction: float, log=print) -> dict:
    """Record-level MHSDS for 12 months into out/ (one CSV per table). Returns rows per table."""
    out.mkdir(parents=True, exist_ok=True)
    n_persons = max(1000, round(MPI_PERSONS * fraction))
    n_community = round(COMMUNITY_MHA_PERSONS * fraction)
    providers = _providers(world)
    commissioners = [c.ods for c in world.ccg21()]
    first_start = period(RECORD_MONTHS[0])[0]
    last_end = period(RECORD_MONTHS[-1])[1]
    # Spells start uniformly over 3 years before the window to its end; stays are a mix of short
    # (mean 30 days) and long (mean 400 days). 8.9 spells drawn per spell overlapping a month:
    # 25,000 a month at England scale (calibrated by the row counts printed below).
    n_spells = round(SPELLS_PER_MONTH * fraction * 8.9)
    span = (last_end - first_start).days + 3 * 365
    status_list = [s for s, w in zip(STATUSES, STATUS_WEIGHTS) for _ in range(w)]
    con.execute(f"""
        create or replace macro u(i, salt) as ((hash(i, salt) % 1000000)::double / 1000000.0);
        create or replace macro h(i, salt, n) as (hash(i, salt) % n)::bigint;
        create or replace table months as
            select m::bigint as month, make_date(1900 + (m + 2) // 12, (m + 2) % 12 + 1, 1) as ps,
                   last_day(make_date(1900 + (m + 2) // 12, (m + 2) % 12 + 1, 1)) as pe
            from unnest({list(RECORD_MONTHS)}) t(m);
        create or replace table persons as
            select i,
                   'P' || lpad(i::varchar, 9, '0') as pid,
                   {_sql_list(providers)}[1 + h(i, 1, {len(providers)})] as provider,
                   case when u(i, 2) < 0.02 then '82B' when u(i, 2) < 0.03 then '00X'
                        else {_sql_list(commissioners)}[1 + h(i, 3, {len(commissioners)})] end as ccg,
                   u(i, 4) >= 0.03 as in_rp,
                   -- community members of the LDA cohort (no spell needed), and their rule
                   u(i, 5) < {COMMUNITY_LDA_PERSONS / MPI_PERSONS} as is_lda,
                   i < {n_community} as has_community_mha
            from range({n_persons}) t(i);
        create or replace table spells as
            select j, h(j, 10, {n_persons}) as i,
                   date '{first_start}' - {3 * 365} + (hash(j, 11) % {span})::int as start,
                   case when u(j, 12) < 0.7 then floor(-ln(1 - u(j, 13)) * 30)
                        else floor(-ln(1 - u(j, 13)) * 400) end::int as stay,
                   u(j, 14) < {SPELL_LDA_SHARE} as is_lda,
                   case when u(j, 15) < 0.25 then 0 when u(j, 15) < 0.8 then 1 else 2 end as episodes
            from range({n_spells}) t(j);
        create or replace table spell_months as
            select s.*, p.pid, p.provider, p.ccg, p.in_rp, m.month, m.ps, m.pe,
                   case when s.start + s.stay <= date '{last_end}' then s.start + s.stay end as disch
            from spells s join persons p using (i) join months m
              on s.start <= m.pe and s.start + s.stay >= m.ps;
        create or replace table episodes as
            select s.j, s.i, k as seq, s.start + (k * (hash(s.j, 20 + k) % 90))::int as start,
                   case when u(s.j, 22 + k) < 0.5
                        then s.start + (k * 90 + 1 + hash(s.j, 24 + k) % 200)::int end as "end",
                   {_sql_list(status_list)}[1 + h(s.j, 26 + k, {len(status_list)})] as status,
                   u(s.j, 28 + k) < 0.12 as has_order,
                   ['403', '404', '405'][1 + h(s.j, 30 + k, 3)] as order_table
            from spells s, range(2) t(k) where k < s.episodes
            union all
            select -1 - p.i, p.i, 0, date '2021-01-01' + (hash(p.i, 40) % 270)::int, null,
                   case when u(p.i, 41) < 0.7 then '17' else '37' end, true,
                   case when u(p.i, 41) < 0.7 then '404' else '403' end
            from persons p where p.has_community_mha;
        -- cohort members: spell persons (rule by spell) and community members (rule by person)
        create or replace table cohort as
            select distinct on (i) i, {_sql_list(COHORT_RULES)}[1 + h(i, 50, {len(COHORT_RULES)})] as rule
            from (select i from spells where is_lda union all select i from persons where is_lda);
    """)
    rows = {}

    def write(table: str, query: str) -> None:
        t = time.monotonic()
        rows[table] = _copy(con, f"select {', '.join(COLUMNS[table])} from ({query})", out / f"{table}.csv")
        log(f"  england: {table}.csv {rows[table]:,} rows ({time.monotonic() - t:.1f} s)")

    pm = "persons p cross join months m"
    write(
        "MHS000Header",
        f"""select m.month || '_' || k as UniqSubmissionID, {_sql_list(providers)}[k + 1] as OrgIDProvider,
                   m.month as UniqMonthID, m.ps as ReportingPeriodStartDate, m.pe as ReportingPeriodEndDate
            from months m, range({len(providers)}) t(k)""",
    )
    write(
        "MHS001MPI",
        f"""select p.pid as Person_ID, m.month as UniqMonthID, p.provider as OrgIDProv,
                   (m.month * 100000000 + p.i)::varchar as RecordNumber,
                   case when p.in_rp then 'true' else 'false' end as PatMRecInRP,
                   18 + hash(p.i, 60) % 70 as AgeRepPeriodEnd, case when p.i % 2 = 0 then '1' else '2' end as Gender,
                   ['A', 'B', 'C', 'H', 'J', 'M', 'N', 'Z'][1 + h(p.i, 61, 8)] as NHSDEthnicity,
                   p.ccg as OrgIDCCGRes
            from {pm}""",
    )
    write(
        "MHS101Referral",
        f"""select 'R' || p.pid[2:] as UniqServReqID, p.pid as Person_ID, m.month as UniqMonthID,
                   p.provider as OrgIDProv, p.ccg as OrgIDComm,
                   date '2019-01-01' + (hash(p.i, 62) % 1000)::int as ReferralRequestReceivedDate,
                   null as ServDischDate
            from {pm}""",
    )

    def volume(table: str, share: float, salt: int, lda_rule: str, columns: str) -> None:
        """Rows for a share of everyone (ordinary codes) plus the cohort members of one rule
        (`{lda}` in `columns` is their condition)."""
        columns = columns.replace("{lda}", f"c.rule = '{lda_rule}'")
        write(
            table,
            f"""select p.pid as Person_ID, m.month as UniqMonthID, {columns}
                from {pm} left join cohort c on c.i = p.i
                where u(p.i, {salt}) < {share} or c.rule = '{lda_rule}'
                order by m.month, p.i""",
        )

    volume("MHS007DisabilityType", 0.10, 70, "disability", "case when {lda} then '04' else '02' end as DisabCode")
    volume(
        "MHS006MHCareCoord",
        0.20,
        71,
        "team_006",
        "case when {lda} then 'E01' else 'A05' end as CareProfServOrTeamTypeAssoc, null as EndDateAssCareCoord",
    )
    write(
        "MHS102ServiceTypeReferredTo",
        f"""select 'R' || p.pid[2:] as UniqServReqID, p.pid as Person_ID, m.month as UniqMonthID,
                   case when c.rule = 'team_102' then 'C01' else 'A05' end as ServTeamTypeRefToMH,
                   null as ReferClosureDate, null as ReferRejectionDate
            from {pm} left join cohort c on c.i = p.i
            where u(p.i, 72) < 0.30 or c.rule = 'team_102'
            order by m.month, p.i""",
    )
    volume(
        "MHS503AssignedCareProf",
        0.10,
        73,
        "treat_func",
        "case when {lda} then '700' else '710' end as TreatFuncCodeMH, null as EndDateAssCareProf",
    )
    for table, column, share, salt, code in (
        ("MHS603ProvDiag", "ProvDiag", 0.10, 74, "F32"),
        ("MHS604PrimDiag", "PrimDiag", 0.30, 75, "F20"),
        ("MHS605SecDiag", "SecDiag", 0.10, 76, "F41"),
    ):
        volume(
            table,
            share,
            salt,
            "diag",
            "'02' as DiagSchemeInUse, case when {lda} then 'F70' else '" + code + "' end as " + column,
        )
    volume("MHS801ClusterTool", 0.05, 77, "cluster", "case when {lda} then '05' else '01' end as ClustCat")
    # the optional MHS609 (presenting complaint, ICD-10): diagnosis-rule members also have an F7 complaint
    volume(
        "MHS609PresComp",
        0.05,
        78,
        "diag",
        "'01' as FindSchemeInUse, case when {lda} then 'F70' else 'F32' end as PresComp",
    )
    write(
        "MHS501HospProvSpell",
        """select 'S' || j as UniqHospProvSpellID, 'R' || pid[2:] as UniqServReqID, pid as Person_ID,
                  month as UniqMonthID, provider as OrgIDProv, start as StartDateHospProvSpell,
                  disch as DischDateHospProvSpell
           from spell_months order by month, j""",
    )
    write(
        "MHS502WardStay",
        """select 'W' || s.j as UniqWardStayID, 'S' || s.j as UniqHospProvSpellID, s.pid as Person_ID,
                  s.month as UniqMonthID, s.start as StartDateWardStay, s.disch as EndDateWardStay,
                  case when c.rule = 'ward' then '05' else '03' end as WardType, '51' as WardIntendedClinCareMH
           from spell_months s left join cohort c on c.i = s.i order by s.month, s.j""",
    )
    # MHA episodes: submitted in every month of their spell (community ones in every month)
    con.execute("""
        create or replace table episode_months as
            select e.*, s.month, s.provider, s.pid from episodes e
            join (select distinct j, month, provider, pid from spell_months) s on e.j = s.j
            union all
            select e.*, m.month, p.provider, p.pid from episodes e join persons p on e.i = p.i and e.j < 0
            cross join months m;
    """)
    write(
        "MHS401MHActPeriod",
        """select e.month * 1000000000 + row_number() over (partition by e.month order by e.j, e.seq)
                   as MHS401UniqID, 'E' || e.j || '_' || e.seq as UniqMHActEpisodeID, e.pid as Person_ID,
                   e.month as UniqMonthID, e.provider as OrgIDProv, null as RecordNumber,
                   e.start as StartDateMHActLegalStatusClass, null as ExpiryDateMHActLegalStatusClass,
                   e."end" as EndDateMHActLegalStatusClass, e.status as LegalStatusCode,
                   e.status as NHSDLegalStatus, case when c.rule = 'mental_cat' then 'B' else 'A' end as MentalCat
            from episode_months e left join cohort c on c.i = e.i order by e.month, e.j, e.seq""",
    )
    for table, prefix, start, end in (
        ("403", "MHS403ConditionalDischarge", "StartDateMHCondDisch", "EndDateMHCondDisch"),
        ("404", "MHS404CommTreatOrder", "StartDateCommTreatOrd", "EndDateCommTreatOrd"),
        ("405", "MHS405CommTreatOrderRecall", "StartDateCommTreatOrdRecall", "EndDateCommTreatOrdRecall"),
    ):
        expiry = "null as ExpiryDateCommTreatOrd," if table == "404" else ""
        write(
            prefix,
            f"""select e.month * 1000000000 + row_number() over (partition by e.month order by e.j, e.seq)
                       as {prefix[:6]}UniqID, 'E' || e.j || '_' || e.seq as UniqMHActEpisodeID,
                       e.pid as Person_ID, e.month as UniqMonthID, e.start as {start}, {expiry}
                       e."end" as {end}
                from episode_months e where e.has_order and e.order_table = '{table}'
                order by e.month, e.j, e.seq""",
        )
    return rows


def _month_start(k: int) -> dt.date:
    y, m = divmod(CSV_FIRST_MONTH.month - 1 + k, 12)
    return dt.date(CSV_FIRST_MONTH.year + y, m + 1, 1)


def write_monthly_csvs(con: duckdb.DuckDBPyConnection, world: World, out: Path, fraction: float, log=print) -> dict:
    """120 MHSDS main CSVs into out/ (one per month, named like the publications)."""
    out.mkdir(parents=True, exist_ok=True)
    secondary = [f"{lo}-{lo + 4}" for lo in range(0, 100, 5)]  # 20 age groups as secondary levels
    trusts = [(t.code, t.name) for t in world.trusts if not t.closed]
    rows = {}
    t = time.monotonic()
    for k in range(CSV_MONTHS):
        start = _month_start(k)
        end = _month_start(k + 1) - dt.timedelta(days=1)
        vintage = min(2021, start.year if start.month >= 4 else start.year - 1)
        areas = [(c.ods, c.name.upper()) for c in world.alive(vintage)] + [("999", "UNKNOWN")]
        breakdown = "Sub ICB - GP Practice or Residence" if start >= SUB_ICB_FROM else "CCG - GP Practice or Residence"
        levels = (
            [("England", "England", "England")]
            + [(breakdown, code, name) for code, name in areas]
            + [("Provider", code, name) for code, name in trusts]
        )
        per_measure = 1 + (len(levels) - 1) * (1 + len(secondary))
        measures = max(1, math.ceil(CSV_ROWS_PER_MONTH * fraction / per_measure))
        level_rows = ", ".join("(" + ", ".join("'" + v.replace("'", "''") + "'" for v in row) + ")" for row in levels)
        second_rows = ", ".join(f"('{s}')" for s in ["NONE", *secondary])
        query = f"""
            with levels(breakdown, code, name) as (values {level_rows}),
            seconds(level) as (values {second_rows}),
            measures as (
                select n, 'MHS' || lpad(n::varchar, 4, '0') as id,
                       case when n % 10 = 0 then 'Proportion of people in contact, measure ' || n
                            else 'People in contact with services, measure ' || n end as name
                from range(1, {measures + 1}) t(n)),
            cells as (
                select l.breakdown, l.code, l.name, s.level, m.id, m.name as measure_name,
                       hash(m.n, l.code, s.level, {k}) % 400 as v
                from measures m cross join levels l cross join seconds s
                where l.breakdown <> 'England' or s.level = 'NONE')
            select '{start:%d/%m/%Y}' as REPORTING_PERIOD_START, '{end:%d/%m/%Y}' as REPORTING_PERIOD_END,
                   'Performance' as STATUS,
                   case when level = 'NONE' then breakdown else breakdown || '; Age Group' end as BREAKDOWN,
                   code as PRIMARY_LEVEL, name as PRIMARY_LEVEL_DESCRIPTION,
                   level as SECONDARY_LEVEL, level as SECONDARY_LEVEL_DESCRIPTION,
                   id as MEASURE_ID, measure_name as MEASURE_NAME,
                   case when v < 5 then '*' else (5 * round(v / 5))::bigint::varchar end as MEASURE_VALUE
            from cells"""
        name = f"MHSDS Data_{end:%m%Y}_Perf.csv"
        columns = ", ".join(MHSDS_HEADER)
        rows[name] = _copy(con, f"select {columns} from ({query})", out / name)
        if k % 12 == 11:
            log(f"  england: {k + 1} monthly MHSDS CSVs ({sum(rows.values()):,} rows, {time.monotonic() - t:.0f} s)")
    return rows


def write_england(out: Path, fraction: float = 1.0, *, records: bool = True, monthly: bool = True, log=print) -> dict:
    """Write mhsds_records/ and/or mhsds/ at `fraction` of England scale into the landing zone `out`
    (each topic replaced only once complete). Returns rows per file."""
    from ..stage import replace_dir

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    world = build_world()
    con = duckdb.connect(config={"threads": 2, "preserve_insertion_order": True})
    con.execute("set enable_progress_bar = false")  # one line per file is printed instead
    written = {}
    for topic, wanted, writer in (
        ("mhsds_records", records, write_records),
        ("mhsds", monthly, write_monthly_csvs),
    ):
        if not wanted:
            continue
        log(f"==> England-scale {topic}/ at {fraction}x into {out}")
        tmp = out / f".{topic}.tmp"
        if tmp.exists():
            import shutil

            shutil.rmtree(tmp)
        written.update(writer(con, world, tmp, fraction, log=log))
        replace_dir(tmp, out / topic)
    con.close()
    return written
