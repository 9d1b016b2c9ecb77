"""The installed command: `make install` puts `mhw` into .venv (editable), `source .venv/bin/activate`
works in bash and makes `mhw` and `dbt` usable from any directory without PYTHONPATH, and every
option of every command says what it does."""

from __future__ import annotations

import os
import subprocess

import pytest

from conftest import REPO
from mhw import cli

ACTIVATE = REPO / ".venv" / "bin" / "activate"


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DBT_PROFILES_DIR", "VIRTUAL_ENV")}


@pytest.mark.skipif(not ACTIVATE.exists(), reason="no .venv in this clone (make install)")
def test_activate_then_mhw_and_dbt_from_another_directory(tmp_path):
    script = f'source "{ACTIVATE}" && cd "{tmp_path}" && mhw --help && dbt --version'
    script += ' && echo "profiles=$DBT_PROFILES_DIR"'
    result = subprocess.run(["bash", "-c", script], env=_clean_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "too many arguments" not in result.stderr
    assert "usage: mhw" in result.stdout and all(f"{c}," in result.stdout for c in ("build", "load", "demo", "fetch"))
    assert "installed: 1.11" in result.stdout  # dbt --version
    assert f"profiles={REPO}" in result.stdout


@pytest.mark.skipif(not ACTIVATE.exists(), reason="no .venv in this clone (make install)")
def test_python_models_import_mhw_without_pythonpath(tmp_path):
    python = REPO / ".venv" / "bin" / "python"
    result = subprocess.run(
        [str(python), "-c", "import mhw.stats.iapt_models, mhw; print(mhw.__file__)"],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(REPO / "scripts" / "mhw" / "__init__.py")


def test_every_option_has_help_text():
    top = cli.parser()
    commands = next(a for a in top._actions if a.choices and isinstance(a.choices, dict)).choices
    assert {"build", "load", "demo", "fetch", "export", "sources-yaml"} <= set(commands)
    missing = [
        f"{name} {action.dest}"
        for name, sub in commands.items()
        for action in sub._actions
        if action.dest != "help" and not action.help
    ]
    assert missing == []
