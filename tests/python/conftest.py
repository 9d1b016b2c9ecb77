from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"


def landing_sql(database, query):
    """Run a query on the landing relations that `stage` wrote into `database` (schema landing)."""
    import duckdb

    with duckdb.connect(str(database), read_only=True) as con:
        return con.sql(query).fetchall()


@pytest.fixture(scope="session")
def demo_landing(tmp_path_factory) -> Path:
    from mhw.demo import generate

    return generate(tmp_path_factory.mktemp("demo") / "landing", log=lambda *_: None)


@pytest.fixture
def landing(tmp_path) -> Path:
    root = tmp_path / "landing"
    root.mkdir()
    return root


@pytest.fixture
def copy_demo(demo_landing, tmp_path):
    """A private copy of (parts of) the demo landing zone that a test may change."""

    def make(*topics: str) -> Path:
        root = tmp_path / "landing"
        for topic in topics or [p.name for p in demo_landing.iterdir() if p.is_dir()]:
            shutil.copytree(demo_landing / topic, root / topic)
        return root

    return make


def requires_shared_data():
    return pytest.mark.skipif(
        not SHARED_DATA.is_dir(),
        reason=f"real landing zone {SHARED_DATA} is absent (it sits beside the repository on the dev machines)",
    )


@pytest.fixture(scope="session")
def real_build(tmp_path_factory) -> Path:
    """One build of the real landing zone per test session (warehouse mh.duckdb and exports/ in the
    returned folder), shared by the real-data test modules; skipped when ../shared/data is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real landing zone {SHARED_DATA} is absent")
    import os

    from mhw.build import build

    here = os.getcwd()
    os.chdir(REPO)
    try:
        out = tmp_path_factory.mktemp("real")
        build(SHARED_DATA, out / "mh.duckdb", out / "exports", docs=False, log=lambda *_: None)
    finally:
        os.chdir(here)
    return out
