"""Profile sources on the real landing zone (../shared/data): every OAP month and dashboard extract
and the MHSDS monthly file are recognised; other files are ignored with a reason."""

from __future__ import annotations

from conftest import SHARED_DATA, landing_sql, requires_shared_data
from mhw.stage import stage
from mhw.warehouse import connect


@requires_shared_data()
def test_real_oaps_and_mhsds_files_are_staged_or_ignored_with_reason(tmp_path):
    result = stage(SHARED_DATA, tmp_path / "out", log=lambda *_: None)
    by_path = {row["path"]: row for row in result.manifest}
    for path, row in by_path.items():
        if path.startswith(("oaps/", "mhsds/")):
            assert row["status"] == "staged" or row["detail"], path
    months = landing_sql(
        tmp_path / "out",
        "select distinct coalesce(publication_period, file_year || '-' || file_month_name) "
        "from landing.nhsd_oaps_open_data order by 1",
    )
    assert [m[0] for m in months] == ["2016-dec", "2016-nov", "2016-oct", "2017-jan", "2017/02"]
    codes = landing_sql(tmp_path / "out", "select distinct dashboard_code from landing.nhse_dashboard_oaps order by 1")
    assert codes == [("CR(iii_a)",), ("CR(iii_b)",), ("CR(iii_c)",)]
    assert result.rows_by_source["nhsd_mhsds_monthly"] > 0
    assert by_path["mhsds/additional_cyp_wait_times_1920.xlsx"]["status"] == "ignored"


def _query(warehouse, sql):
    con = connect(warehouse / "mh.duckdb")
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _landed(warehouse, source):
    """(period_start, period_end) -> distinct CCG21s of one source in fct_ccg_indicators, and the
    number of its rows whose code is not a CCG21 of dim_ccgs."""
    rows = _query(
        warehouse,
        f"select period_start, period_end, count(distinct ccg21_ons_code) from fct_ccg_indicators "
        f"where source = '{source}' group by 1, 2",
    )
    stray = _query(
        warehouse,
        f"select count(*) from fct_ccg_indicators where source = '{source}' "
        f"and ccg21_ons_code not in (select ccg21_ons_code from dim_ccgs)",
    )[0][0]
    return {(r[0], r[1]): r[2] for r in rows}, stray


@requires_shared_data()
def test_real_oap_months_land_at_ccg21_for_every_ccg(real_build):
    import datetime as dt

    n_ccgs = _query(real_build, "select count(*) from dim_ccgs")[0][0]
    periods, stray = _landed(real_build, "nhsd_oaps_open_data")
    assert stray == 0
    months = sorted(start for start, _ in periods)
    assert months == [
        dt.date(2016, 10, 1),
        dt.date(2016, 11, 1),
        dt.date(2016, 12, 1),
        dt.date(2017, 1, 1),
        dt.date(2017, 2, 1),
    ]
    # the 2016/17 CCGs (predecessors included) all move to a CCG21: every CCG21 has each month
    assert set(periods.values()) == {n_ccgs}


@requires_shared_data()
def test_real_dashboard_oap_quarters_land_at_ccg21(real_build):
    import datetime as dt

    periods, stray = _landed(real_build, "nhse_dashboard_oaps")
    assert stray == 0 and periods
    for start, end in periods:
        assert start.day == 1 and start.month in (1, 4, 7, 10), start
        assert (end + dt.timedelta(days=1)) == dt.date(start.year + start.month // 10, (start.month + 2) % 12 + 1, 1)
    # the file is the Q4 2021/22 dashboard: its last quarter is January-March 2022
    assert max(periods) == (dt.date(2022, 1, 1), dt.date(2022, 3, 31))
    assert min(periods.values()) > 100


@requires_shared_data()
def test_real_population_and_mhsds_land_at_ccg21(real_build):
    n_ccgs = _query(real_build, "select count(*) from dim_ccgs")[0][0]
    population, stray = _landed(real_build, "ons_ccg_population_sya")
    assert stray == 0 and population and set(population.values()) == {n_ccgs}
    mhsds, stray = _landed(real_build, "nhsd_mhsds_monthly")
    assert stray == 0 and mhsds
    # the file in the landing zone is September 2024 (Sub-ICB era), attributed to CCG21 through providers
    assert any(end.year == 2024 and end.month == 9 for _, end in mhsds)


@requires_shared_data()
def test_real_every_mapped_row_is_mapped_or_audited(real_build):
    rows = _query(
        real_build,
        "select mapped_model, input_rows, mapped_rows, unmatched_rows, audited_rows, is_reconciled "
        "from audit_mapping_reconciliation",
    )
    by_model = {r[0]: r for r in rows}
    for model in ("int_oaps__ccg_cells_mapped", "int_mhsds__provider_cells_mapped", "int_population__ccg_cells_mapped"):
        assert by_model[model][1] > 0, model
    for model, n_in, mapped, unmatched, audited, ok in rows:
        assert ok and mapped + unmatched == n_in and unmatched == audited, model
