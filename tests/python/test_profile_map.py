"""The map page (scripts/mhw/export/profile_map.py, profile_map.html) in a real headless browser.

Needs Debian `chromium` (`apt-get install -y chromium`); skipped with a message when it is absent,
unless MHW_REQUIRE_CHROMIUM=1 (CI sets it after installing chromium): then its absence fails.
Each test loads the page with a URL hash and a small script appended to it that drives the page
through its own controls (change events on the selects, mouse events on areas and scatter dots,
wheel and button zoom, the search box) and records what the page then shows in a hidden
`#test-result` element, read back with --dump-dom. Screenshots go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from itertools import pairwise
from pathlib import Path

import pytest

from conftest import REPO
from mhw.demo.formats import rectangle
from mhw.export.profile_map import document, map_html, outline

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed (Debian: apt-get install -y chromium)"
)
ARTIFACTS = REPO / "test-artifacts"
REQUIRED = os.environ.get("MHW_REQUIRE_CHROMIUM") == "1"

# four CCG21s in a 2 x 2 grid; the Sub-ICB locations are the same areas; two ICBs of two each
CCGS = [
    ("E38000901", "80A", "NHS Northby CCG", rectangle(-3.0, 53.0, -2.0, 54.0), None),
    ("E38000902", "80B", "NHS Easterholme CCG", rectangle(-2.0, 53.0, -1.0, 54.0), None),
    ("E38000903", "80C", "NHS Westmoor CCG", rectangle(-3.0, 52.0, -2.0, 53.0), None),
    ("E38000904", "80D", "NHS Southdale CCG", rectangle(-2.0, 52.0, -1.0, 53.0), None),
]
SUB_ICB = [(c, o, n.replace(" CCG", " ICB - " + o), g, "E54000901" if i < 2 else "E54000902")
           for i, (c, o, n, g, _) in enumerate(CCGS)]
ICB = [
    ("E54000901", "QA1", "NHS North Demo ICB", {"type": "MultiPolygon", "coordinates": [
        CCGS[0][3]["coordinates"], CCGS[1][3]["coordinates"]]}, None),
    ("E54000902", "QA2", "NHS South Demo ICB", {"type": "MultiPolygon", "coordinates": [
        CCGS[2][3]["coordinates"], CCGS[3][3]["coordinates"]]}, None),
]
CODES = [c[0] for c in CCGS]
REGION = "E40000901"
QUARTERS = [("2021-01-01", "2021-03-31"), ("2021-04-01", "2021-06-30"), ("2021-07-01", "2021-09-30")]
INDICATORS = [
    {"id": "oaps_bed_days", "name": "Inappropriate OAP bed days", "unit": "bed days", "source": "nhse_dashboard_oaps",
     "polarity": "lower_is_better", "column": "inappropriate_oap_bed_days"},
    {"id": "population_all_ages", "name": "Population (all ages)", "unit": "people", "source": "ons_ccg_population_sya",
     "polarity": "neutral", "column": "population_all_ages"},
    {"id": "icb_waits", "name": "Referrals waiting over 52 weeks", "unit": "count", "source": "nhsd_mhsds_monthly",
     "polarity": "lower_is_better", "column": None},
    {"id": "cmhs_q3", "name": "Survey Q3 mean score", "unit": "score 0-10", "source": "cqc_cmhs_trust_scores",
     "polarity": "higher_is_better", "column": "cmhs_q3"},
]
BED_DAYS = {  # per quarter: values of the four CCG21s (None = suppressed)
    QUARTERS[0]: [10.0, 20.0, 30.0, 40.0],
    QUARTERS[1]: [15.0, None, 35.0, 45.0],
    QUARTERS[2]: [10.0, 30.0, 20.0, 40.0],
}
POPULATION = [1000.0, 2000.0, 3000.0, 4000.0]


def rows() -> list[tuple]:
    out = []
    for period, values in BED_DAYS.items():
        for code, value, people in zip(CODES, values, POPULATION):
            rate = None if value is None else value / people * 100000
            out.append(("ccg21", code, "oaps_bed_days", *period, value, value is None, rate))
            out.append(("sub_icb", code, "oaps_bed_days", *period, value, value is None, rate))
        complete = None not in values
        total = sum(values) if complete else None
        for level, code in (("region", REGION), ("england", "E92000001")):
            out.append((level, code, "oaps_bed_days", *period, total, not complete, total and total / 10000 * 100000))
        north, south = values[:2], values[2:]
        for code, part, people in (("E54000901", north, 3000), ("E54000902", south, 7000)):
            value = None if None in part else sum(part)
            out.append(("icb", code, "oaps_bed_days", *period, value, value is None, value and value / people * 1e5))
    for level, codes in (("ccg21", CODES), ("sub_icb", CODES)):
        for code, people in zip(codes, POPULATION):
            out.append((level, code, "population_all_ages", "2020-06-30", "2020-06-30", people, False, None))
    for code, people in (("E54000901", 3000.0), ("E54000902", 7000.0)):
        out.append(("icb", code, "population_all_ages", "2020-06-30", "2020-06-30", people, False, None))
    out.append(("england", "E92000001", "population_all_ages", "2020-06-30", "2020-06-30", 10000.0, False, None))
    for code, value in (("E54000901", 55.0), ("E54000902", 65.0)):
        out.append(("icb", code, "icb_waits", "2024-09-01", "2024-09-30", value, False, value / 5000 * 1e5))
    return out


REGIONS = {
    "ccg21": {c: (n, REGION) for c, _, n, *_ in CCGS},
    "sub_icb": {c: (n, REGION) for c, _, n, *_ in SUB_ICB},
    "icb": {c: (n, REGION) for c, _, n, *_ in ICB},
    "region": {REGION: ("Demo Region", REGION)},
}
SOURCES = {
    "nhse_dashboard_oaps": {"name": "NHS England Mental Health Dashboard", "publisher": "NHS England",
                            "licence": "Open Government Licence v3.0"},
}


def page_data() -> dict:
    areas = {"ccg21": CCGS, "sub_icb": SUB_ICB, "icb": ICB}
    return document(areas, INDICATORS, rows(), SOURCES, REGIONS)


# ---------------------------------------------------------------------------------------------
# without a browser


def test_page_is_self_contained():
    page = map_html(page_data())
    # the only URL is the SVG namespace name (an identifier, never fetched)
    assert set(re.findall(r"https?://[^\"'\s<>]*", page)) == {"http://www.w3.org/2000/svg"}
    assert "<script src" not in page and "<link" not in page and "fetch(" not in page
    assert "Contains OS data" in page and "Office for National Statistics" in page


def test_document_groups_published_rows_by_indicator_level_and_period():
    data = page_data()
    bed_days = next(i for i in data["indicators"] if i["id"] == "oaps_bed_days")
    ccg21 = bed_days["data"]["ccg21"]
    assert ccg21["periods"] == [list(p) for p in QUARTERS]
    assert ccg21["cells"][1]["E38000902"] == [None, True, None]
    assert ccg21["cells"][0]["E38000901"] == [10.0, False, 1000.0]
    assert bed_days["source"]["publisher"] == "NHS England"
    assert next(i for i in data["indicators"] if i["id"] == "cmhs_q3")["data"] == {}
    assert sorted(data["levels"]) == ["ccg21", "icb", "sub_icb"]
    assert [a["c"] for a in data["levels"]["icb"]["areas"]] == ["E54000901", "E54000902"]
    assert data["regions"] == {REGION: "Demo Region"}


def test_icb_outline_keeps_outer_edges_only():
    left = [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]
    right = [(1, 0), (2, 0), (2, 1), (1, 1), (1, 0)]
    path = outline([left, right])
    segments = re.findall(r"[ML]([\d.]+) ([\d.]+)", path)
    points = {(float(x), float(y)) for x, y in segments}
    assert (2.0, 0.0) in points and (0.0, 1.0) in points
    # the shared edge (1,0)-(1,1) is not drawn: 6 outer unit edges remain out of 8
    assert path.count("L") == 6


# ---------------------------------------------------------------------------------------------
# in Chromium

HARNESS = """
<pre id="test-result" hidden></pre>
<script>
(function () {
  const out = {};
  const q = s => document.querySelector(s);
  const fire = (node, type) => node.dispatchEvent(new Event(type, { bubbles: true }));
  const choose = (id, value) => { const s = document.getElementById(id); s.value = value; fire(s, "change"); };
  const mouse = (node, type) => {
    const b = node.getBoundingClientRect();
    const at = { bubbles: true, clientX: b.left + b.width / 2, clientY: b.top + b.height / 2 };
    node.dispatchEvent(new MouseEvent(type, at));
  };
  const snap = () => ({
    state: Object.assign({}, document.body.dataset),
    hash: location.hash,
    message: q("#message").textContent,
    legendA: q("#legend-a").textContent, legendB: q("#legend-b").textContent,
    rho: q("#rho").textContent,
    tooltip: q("#tooltip").hidden ? null : q("#tooltip").textContent,
    series: q("#series-title").textContent, seriesPoints: document.querySelectorAll("#series circle").length,
    pathsA: document.querySelectorAll("#map-a path.area").length,
    filledA: document.querySelectorAll("#map-a path.area[fill]:not(.suppressed)").length,
    suppressedA: [...document.querySelectorAll("#map-a path.area.suppressed")].map(p => p.dataset.code),
    hoveredPaths: [...document.querySelectorAll("path.area.hovered")].map(p => p.dataset.code),
    selectedPaths: [...document.querySelectorAll("path.area.selected")].map(p => p.dataset.code),
    dots: document.querySelectorAll("#scatter circle").length,
    periodOptions: [...q("#period-a").options].map(o => o.textContent),
    disabledA: [...q("#indicator-a").options].filter(o => o.disabled).map(o => o.value),
    enabledA: [...q("#indicator-a").options].filter(o => !o.disabled).map(o => o.value),
    overflowX: document.documentElement.scrollWidth > window.innerWidth,
    mapBottom: q("#map-a").getBoundingClientRect().bottom, height: window.innerHeight,
  });
  try {
    out.start = snap();
    __STEPS__
  } catch (e) { out.error = String(e && e.stack || e); }
  document.getElementById("test-result").textContent = JSON.stringify(out);
})();
</script>
"""


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
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=3000",
    ]
    try:
        return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120, check=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def drive(page_html: str, tmp_path: Path, fragment: str, steps: str = "", shot: str | None = None,
          size: str = "1366,768") -> dict:
    """Open the page at `#fragment`, run `steps` (JavaScript using choose/mouse/fire/snap, writing
    into `out`), return `out`; with `shot`, also save a screenshot of the final state."""
    page = tmp_path / "map.html"
    page.write_text(page_html.replace("</body>", HARNESS.replace("__STEPS__", steps) + "</body>"), encoding="utf-8")
    url = f"{page.as_uri()}#{fragment}"
    dom = chromium(f"--window-size={size}", "--dump-dom", url).stdout
    found = re.search(r'<pre id="test-result" hidden="">(.*?)</pre>', dom, re.S)
    assert found, dom[-2000:]
    import html as html_module

    result = json.loads(html_module.unescape(found.group(1)))
    assert "error" not in result, result["error"]
    if shot:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / shot
        path.unlink(missing_ok=True)
        chromium(f"--screenshot={path}", f"--window-size={size}", url)
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return result


@pytest.fixture(scope="module")
def page() -> str:
    return map_html(page_data())


def test_chromium_present_when_required():
    if not REQUIRED:
        pytest.skip("MHW_REQUIRE_CHROMIUM is not set: the browser test may skip")
    assert CHROMIUM, "MHW_REQUIRE_CHROMIUM=1 but no chromium on PATH (Debian: apt-get install -y chromium)"


@needs_chromium
def test_opens_on_data_and_select_switches_indicator(page, tmp_path):
    out = drive(page, tmp_path, "", """
      choose("indicator-a", "population_all_ages");
      out.after = snap();
    """, shot="map_select.png")
    start = out["start"]
    # opens on the indicator with most data (several periods), newest period; nothing reported wrong
    assert start["state"]["a"] == "oaps_bed_days" and start["state"]["geo"] == "ccg21"
    assert start["state"]["pa"] == "2021-07-01_2021-09-30" and start["message"] == ""
    assert start["filledA"] == 4 and start["pathsA"] == 4
    # the survey score has no data, the ICB waits none for CCGs: listed, but disabled
    assert sorted(start["disabledA"]) == ["cmhs_q3", "icb_waits"] and "oaps_bed_days" in start["enabledA"]
    assert "Q2 2021/22 (Jul to Sep 2021)" in start["legendA"]
    assert "NHS England Mental Health Dashboard (NHS England, Open Government Licence v3.0)" in start["legendA"]
    assert "England: 100 bed days" in start["legendA"]
    # legend classes never share an edge (integers: 10 to 20, 21 to 30, ...)
    classes = re.findall(r"(\d+) to (\d+)", start["legendA"])
    assert classes and all(int(hi) < int(lo_next) for (_, hi), (lo_next, _) in pairwise(classes))
    after = out["after"]
    assert after["state"]["a"] == "population_all_ages" and "a=population_all_ages" in after["hash"]
    assert after["legendA"].startswith("Population (all ages)")


@needs_chromium
def test_unknown_indicator_in_the_link_says_so(page, tmp_path):
    out = drive(page, tmp_path, "a=no_such_indicator&b=cmhs_q3")
    start = out["start"]
    assert "Unknown indicator \u201cno_such_indicator\u201d" in start["message"]
    assert "Survey Q3 mean score\u201d has no data" in start["message"]
    assert start["state"]["a"] == "oaps_bed_days" and start["state"]["b"] == "population_all_ages"


@needs_chromium
def test_compare_two_indicators_scatter_rho_and_linked_hover(page, tmp_path):
    out = drive(page, tmp_path, "a=oaps_bed_days&b=population_all_ages", """
      mouse(document.querySelector('#scatter circle[data-code="E38000903"]'), "mouseover");
      out.hover = snap();
    """, shot="map_compare_scatter_hover.png")
    start = out["start"]
    # latest quarter: bed days 10, 30, 20, 40 against population 1000..4000: ranks differ by one swap
    assert "Spearman's rho = 0.80 (n = 4 areas)" in start["rho"]
    assert start["dots"] == 4
    hover = out["hover"]
    assert hover["state"]["hovered"] == "E38000903"
    assert hover["hoveredPaths"] == ["E38000903", "E38000903"]  # the same area in both maps
    assert "NHS Westmoor CCG" in hover["tooltip"] and "20 bed days" in hover["tooltip"]
    assert "20 bed days; 667 per 100,000" in hover["tooltip"]
    assert "Demo Region 100" in hover["tooltip"] and "England 100" in hover["tooltip"]
    assert "3,000 people" in hover["tooltip"]
    # the time series follows the hovered area: its three quarters, and England's two unsuppressed ones
    assert hover["series"] == "NHS Westmoor CCG against England" and hover["seriesPoints"] == 5


@needs_chromium
def test_period_change_and_rate(page, tmp_path):
    out = drive(page, tmp_path, "a=oaps_bed_days&area=E38000901", """
      choose("period-a", "2021-04-01_2021-06-30");
      out.period = snap();
      const rate = document.getElementById("rate-a"); rate.checked = true; fire(rate, "change");
      out.rate = snap();
    """, shot="map_period.png")
    assert out["start"]["periodOptions"] == [
        "Q2 2021/22 (Jul to Sep 2021)", "Q1 2021/22 (Apr to Jun 2021)", "Q4 2020/21 (Jan to Mar 2021)"]
    period = out["period"]
    assert period["state"]["pa"] == "2021-04-01_2021-06-30" and "pa=2021-04-01_2021-06-30" in period["hash"]
    assert "Period: Q1 2021/22 (Apr to Jun 2021)" in period["legendA"]
    assert period["suppressedA"] == ["E38000902"]
    # England is built from a suppressed area in that quarter: said, not summed as 0
    assert "England: suppressed" in period["legendA"]
    assert "Spearman's rho" in period["rho"] and "n = 3 areas" in period["rho"]
    assert "ra=1" in out["rate"]["hash"] and "per 100,000 population" in out["rate"]["legendA"]
    # a selected area keeps its time series
    assert period["series"] == "NHS Northby CCG against England"


@needs_chromium
def test_search_zooms_to_the_area_and_selects_it(page, tmp_path):
    out = drive(page, tmp_path, "", """
      const box = document.getElementById("search");
      box.value = "westmoor"; fire(box, "change");
      out.found = snap();
      box.value = "80B"; fire(box, "change");
      out.by_code = snap();
      box.value = "Atlantis"; fire(box, "change");
      out.missing = snap();
    """, shot="map_search.png")
    full_width = int(out["start"]["state"]["view"].split()[2])
    found = out["found"]
    assert found["state"]["area"] == "E38000903" and "area=E38000903" in found["hash"]
    assert int(found["state"]["view"].split()[2]) < full_width
    assert found["selectedPaths"] == ["E38000903", "E38000903"]
    assert out["by_code"]["state"]["area"] == "E38000902"
    assert "No area matches" in out["missing"]["message"]


@needs_chromium
def test_zoom_buttons_wheel_and_pan_move_both_maps(page, tmp_path):
    out = drive(page, tmp_path, "", """
      document.querySelector('#panel-a .zoom button[data-zoom="in"]').click();
      out.button = snap();
      const svg = document.getElementById("map-b"), b = svg.getBoundingClientRect();
      svg.dispatchEvent(new WheelEvent("wheel", { bubbles: true, cancelable: true, deltaY: -100,
        clientX: b.left + b.width / 2, clientY: b.top + b.height / 2 }));
      out.wheel = snap();
      const at = (type, x) => svg.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 1,
        clientX: b.left + x, clientY: b.top + 50 }));
      at("pointerdown", 50); at("pointermove", 90); at("pointermove", 150); at("pointerup", 150);
      out.pan = snap();
      out.viewBoxes = [...document.querySelectorAll("svg.map")].map(s => s.getAttribute("viewBox"));
      document.querySelector('#panel-b .zoom button[data-zoom="reset"]').click();
      out.reset = snap();
    """, shot="map_zoom.png")
    width = lambda s: float(s["state"]["view"].split()[2])  # noqa: E731
    x = lambda s: float(s["state"]["view"].split()[0])  # noqa: E731
    assert width(out["button"]) < width(out["start"])
    assert width(out["wheel"]) < width(out["button"])
    assert x(out["pan"]) < x(out["wheel"])  # dragged right: the view moves left
    assert out["viewBoxes"][0] == out["viewBoxes"][1]
    assert out["reset"]["state"]["view"] == out["start"]["state"]["view"]


@needs_chromium
def test_geography_switch_and_state_in_the_hash(page, tmp_path):
    out = drive(page, tmp_path, "geo=icb&a=icb_waits&area=E54000902", """
      choose("geo", "sub_icb");
      out.sub_icb = snap();
    """, shot="map_icb.png")
    start = out["start"]
    assert start["state"]["geo"] == "icb" and start["pathsA"] == 2 and start["message"] == ""
    assert start["state"]["a"] == "icb_waits" and start["state"]["area"] == "E54000902"
    assert "NHS South Demo ICB" in start["tooltip"] and "65 count" in start["tooltip"]
    sub_icb = out["sub_icb"]
    assert sub_icb["state"]["geo"] == "sub_icb" and sub_icb["pathsA"] == 4
    # the ICB-only indicator has no Sub-ICB data: disabled there, the map falls back and says so
    assert "icb_waits" in sub_icb["disabledA"] and sub_icb["state"]["a"] != "icb_waits"
    assert "has no data for Sub-ICB locations" in sub_icb["message"]


@needs_chromium
def test_old_links_still_work(page, tmp_path):
    out = drive(page, tmp_path, "indicator=population_all_ages&hover=E38000904")
    start = out["start"]
    assert start["state"]["a"] == "population_all_ages" and start["state"]["area"] == "E38000904"
    assert "NHS Southdale CCG" in start["tooltip"] and "4,000 people" in start["tooltip"]


@needs_chromium
@pytest.mark.parametrize("size", ["1366,768", "390,844"])
def test_fits_the_screen(page, tmp_path, size):
    out = drive(page, tmp_path, "", shot=f"map_{size.replace(',', 'x')}.png", size=size)
    start = out["start"]
    assert not start["overflowX"]
    if size == "1366,768":
        assert start["mapBottom"] <= start["height"]  # the whole map is above the fold
