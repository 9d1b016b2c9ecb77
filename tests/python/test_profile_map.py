"""The profile map page (scripts/mhw/export/profile_map.py) in a real headless browser.

Needs Debian `chromium` (`apt-get install -y chromium`); skipped with a message when it is absent,
unless MHW_REQUIRE_CHROMIUM=1 (CI sets it after installing chromium): then its absence fails.
The page reads its state from the URL hash, so each state is loaded with --dump-dom / --screenshot.
"""

from __future__ import annotations

import html.parser
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import REPO
from mhw.demo.formats import rectangle
from mhw.export.profile_map import map_html, svg_paths

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed (Debian: apt-get install -y chromium)"
)
ARTIFACTS = REPO / "test-artifacts"
REQUIRED = os.environ.get("MHW_REQUIRE_CHROMIUM") == "1"

AREAS = [
    ("E38000901", "80A", "NHS Northby CCG", rectangle(-3.0, 53.0, -2.0, 54.0)),
    ("E38000902", "80B", "NHS Easterholme CCG", rectangle(-2.0, 53.0, -1.0, 54.0)),
    ("E38000903", "80C", "NHS Westmoor CCG", rectangle(-3.0, 52.0, -1.0, 53.0)),
]
LAYERS = [
    {
        "id": "inappropriate_oaps_active",
        "name": "Inappropriate OAPs active",
        "unit": "placements",
        "source": "nhsd_oaps_open_data",
        "period": "2020-09-01 to 2020-11-30",
        "values": {"E38000901": {"v": 10.0, "s": False}, "E38000902": {"v": None, "s": True}},
    },
    {
        "id": "population_all_ages",
        "name": "Population (all ages)",
        "unit": "people",
        "source": "ons_ccg_population_sya",
        "period": "2020-06-30 to 2020-06-30",
        "values": {c: {"v": 1000.0 * (i + 1), "s": False} for i, (c, *_) in enumerate(AREAS)},
    },
]


def chromium(*args: str) -> subprocess.CompletedProcess:
    profile = tempfile.mkdtemp(prefix="mhw-chromium-")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=3000",
    ]
    try:
        return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120, check=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


class Dom(html.parser.HTMLParser):
    """Text by element id, class list by data-code, and whether the tooltip is hidden."""

    def __init__(self):
        super().__init__()
        self.text: dict[str, str] = {}
        self.classes: dict[str, str] = {}
        self.hidden: set[str] = set()
        self._open: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "data-code" in a:
            self.classes[a["data-code"]] = a.get("class", "")
        if "hidden" in a and a.get("id"):
            self.hidden.add(a["id"])
        if tag not in ("br", "path", "rect", "meta", "input"):
            self._open.append(a.get("id"))
            if a.get("id"):
                self.text.setdefault(a["id"], "")

    def handle_endtag(self, tag):
        if tag not in ("br", "path", "rect", "meta", "input") and self._open:
            self._open.pop()

    def handle_data(self, data):
        for element_id in self._open:
            if element_id:
                self.text[element_id] += data


def load(page: Path, fragment: str) -> Dom:
    dom = Dom()
    dom.feed(chromium("--dump-dom", f"{page.as_uri()}#{fragment}").stdout)
    return dom


def test_page_is_self_contained():
    page = map_html(AREAS, LAYERS)
    assert "http://" not in page and "https://" not in page and "<script src" not in page
    paths, width, height = svg_paths(AREAS)
    assert [p[0] for p in paths] == ["E38000901", "E38000902", "E38000903"]
    assert width == 640 and 0 < height < 2 * width


def test_chromium_present_when_required():
    if not REQUIRED:
        pytest.skip("MHW_REQUIRE_CHROMIUM is not set: the browser test may skip")
    assert CHROMIUM, "MHW_REQUIRE_CHROMIUM=1 but no chromium on PATH (Debian: apt-get install -y chromium)"


@needs_chromium
def test_map_switches_indicator_legend_and_tooltip(tmp_path):
    page = tmp_path / "map.html"
    page.write_text(map_html(AREAS, LAYERS), encoding="utf-8")

    first = load(page, "indicator=inappropriate_oaps_active&hover=E38000901")
    assert first.text["legend-title"] == "Inappropriate OAPs active"
    assert "Suppressed" in first.text["legend"] and "No data" in first.text["legend"]
    assert "tooltip" not in first.hidden
    assert "NHS Northby CCG" in first.text["tooltip"] and "10 placements" in first.text["tooltip"]
    assert "suppressed" in first.classes["E38000902"]
    assert "missing" in first.classes["E38000903"]

    second = load(page, "indicator=population_all_ages&hover=E38000903")
    assert second.text["legend-title"] == "Population (all ages)"
    assert second.text["legend"] != first.text["legend"]
    assert "NHS Westmoor CCG" in second.text["tooltip"] and "3,000 people" in second.text["tooltip"]
    assert "missing" not in second.classes["E38000903"] and "suppressed" not in second.classes["E38000902"]

    suppressed = load(page, "indicator=inappropriate_oaps_active&hover=E38000902")
    assert "suppressed" in suppressed.text["tooltip"]

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "profile_map.png"
    shot.unlink(missing_ok=True)
    chromium(f"--screenshot={shot}", "--window-size=1000,800", f"{page.as_uri()}#indicator=inappropriate_oaps_active")
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
