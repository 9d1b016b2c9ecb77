"""Profile sources on the real landing zone (../shared/data): every OAP month and dashboard extract
and the MHSDS monthly file are recognised; other files are ignored with a reason."""

from __future__ import annotations

import duckdb

from conftest import SHARED_DATA, requires_shared_data
from mhw.stage import stage


@requires_shared_data()
def test_real_oaps_and_mhsds_files_are_staged_or_ignored_with_reason(tmp_path):
    result = stage(SHARED_DATA, tmp_path / "out", log=lambda *_: None)
    by_path = {row["path"]: row for row in result.manifest}
    for path, row in by_path.items():
        if path.startswith(("oaps/", "mhsds/")):
            assert row["status"] == "staged" or row["detail"], path
    months = duckdb.sql(
        f"select distinct coalesce(publication_period, file_year || '-' || file_month_name) "
        f"from read_parquet('{tmp_path}/out/nhsd_oaps_open_data.parquet') order by 1"
    ).fetchall()
    assert [m[0] for m in months] == ["2016-dec", "2016-nov", "2016-oct", "2017-jan", "2017/02"]
    codes = duckdb.sql(
        f"select distinct dashboard_code from read_parquet('{tmp_path}/out/nhse_dashboard_oaps.parquet') order by 1"
    ).fetchall()
    assert codes == [("CR(iii_a)",), ("CR(iii_b)",), ("CR(iii_c)",)]
    assert result.rows_by_source["nhsd_mhsds_monthly"] > 0
    assert by_path["mhsds/additional_cyp_wait_times_1920.xlsx"]["status"] == "ignored"
