"""The real landing zone ../shared/data (skipped with a reason when it is absent)."""

from __future__ import annotations

from conftest import SHARED_DATA, landing_sql, requires_shared_data
from mhw.stage import stage


@requires_shared_data()
def test_every_reference_and_population_file_is_staged(tmp_path):
    result = stage(SHARED_DATA, tmp_path / "out", log=lambda *_: None)
    files = sorted(p.relative_to(SHARED_DATA).as_posix() for p in SHARED_DATA.rglob("*") if p.is_file())
    reported = sorted(row["path"] for row in result.manifest)
    assert reported == files  # every file reported, recognised or not
    for row in result.manifest:
        if row["topic"] in ("reference", "population"):
            assert row["status"] == "staged", row
            assert row["rows"] > 0, row
    # the real counts of the ONS lists: 191 (2019), 135 (2020), 106 (2021)
    counts = dict(landing_sql(tmp_path / "out", "select vintage, count(*) from landing.ons_ccg_codes group by 1"))
    assert counts == {"2019": 191, "2020": 135, "2021": 106}
