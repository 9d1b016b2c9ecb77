"""`mhw build` writes the warehouse atomically: a failed or killed build leaves the previous
warehouse file untouched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import REPO
from mhw.build import BuildError, build
from mhw.landing import SchemaDriftError


@pytest.fixture
def old_warehouse(tmp_path):
    path = tmp_path / "wh" / "mh.duckdb"
    path.parent.mkdir()
    path.write_bytes(b"previous warehouse")
    return path


def test_bad_input_fails_before_dbt_and_keeps_warehouse(copy_demo, old_warehouse, tmp_path):
    landing = copy_demo("reference")
    (landing / "reference" / "ref_ccg21.csv").write_text("CCG21CD,CCG21CDH\nE38000901,80A\n")
    with pytest.raises(SchemaDriftError, match="ref_ccg21.csv"):
        build(landing, old_warehouse, tmp_path / "exports", docs=False, log=lambda *_: None)
    assert old_warehouse.read_bytes() == b"previous warehouse"


def test_failing_dbt_test_keeps_warehouse(copy_demo, old_warehouse, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    landing = copy_demo("reference")
    path = landing / "reference" / "ref_ccg21.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n")  # a duplicated CCG: unique test fails
    with pytest.raises(BuildError, match="dbt build failed"):
        build(landing, old_warehouse, tmp_path / "exports", docs=False, log=lambda *_: None)
    assert old_warehouse.read_bytes() == b"previous warehouse"
    assert not (old_warehouse.parent / ".building" / "mh.duckdb").exists()


def test_killed_build_keeps_warehouse(old_warehouse, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts"), "DBT_PROFILES_DIR": "."}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mhw",
            "build",
            "--warehouse",
            str(old_warehouse),
            "--export-dir",
            str(tmp_path / "exports"),
            "--no-docs",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    building = old_warehouse.parent / ".building" / "mh.duckdb"
    deadline = time.monotonic() + 120
    while not building.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert building.exists(), "the build never started writing its temporary warehouse"
    os.killpg(proc.pid, signal.SIGKILL)  # the whole process group: mhw and dbt
    proc.wait()
    assert old_warehouse.read_bytes() == b"previous warehouse"
