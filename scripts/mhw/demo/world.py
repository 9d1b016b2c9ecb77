"""The fictional but well-formed England of the demo ("Demoshire"): regions, STPs, CCGs with
their code history 2013-2022, LSOAs with populations, local authorities and trusts.

Every other demo module draws its areas and organisations from here, so the domains agree.

Geography history planted here (each a branch of the crosswalk logic):
- identity: most CCGs keep their ODS and ONS codes 2013-2021;
- merger 2018: 85A + 85B -> 80K;
- merger 2020: 81A + 81B + 81C -> 80C;
- chain of two steps: 83A + 83B -> 82A (2020), then 82A + 82B -> D9X1Y (2021);
- merger 2021: 84A + 84B + 84C -> W8Q2T (five-character 2021 code, as in the real data);
- ONS code change without ODS change: 80E is E38000890 until 2019 and E38000905 from 2020;
- July 2022 Sub-ICB boundary change: two LSOAs move from 80G to 80H; both get new E38 codes,
  so Sub-ICB 80H (E38000961) splits across CCG21 80G and 80H by population.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

SEED = 20211001


@dataclass(frozen=True)
class Region:
    ons: str
    ods: str
    name: str


@dataclass(frozen=True)
class Stp:
    ons: str
    ods: str
    name: str
    region: str  # region ODS code


@dataclass
class Ccg:
    ods: str
    name: str
    ons_by_vintage: dict[int, str]  # vintage year -> ONS code (only while the code exists)
    opened: str  # YYYYMMDD
    closed: str = ""
    successor: str = ""
    stp: str = ""  # STP ODS code (for the 2021 CCGs; predecessors inherit their successor's)
    grid: tuple[int, int] | None = None  # (column, row) of a 2021 CCG on the map grid
    lsoas: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Lsoa:
    code: str
    name: str
    ccg21: str
    sicbl22: str
    lad21: str
    lad20: str
    population: int
    bbox: tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max


@dataclass(frozen=True)
class Trust:
    code: str
    name: str
    region: str
    stp: str
    geographic_ccg: str  # ODS geographic CCG (by postcode), the data map's single-CCG lookup
    serves: tuple[tuple[str, float], ...]  # (CCG21 ODS code, activity share)
    opened: str = "20060401"
    closed: str = ""
    successor: str = ""


REGIONS = [
    Region("E40000901", "Y90", "North of Demoshire"),
    Region("E40000902", "Y91", "Midlands of Demoshire"),
    Region("E40000903", "Y92", "South of Demoshire"),
]

STPS = [
    Stp("E54000901", "QA1", "Northby and Easterholme Health and Care Partnership", "Y90"),
    Stp("E54000902", "QA2", "Riverdale and Hilltop Partnership", "Y90"),
    Stp("E54000903", "QB1", "Midlands of Demoshire Integrated Care System", "Y91"),
    Stp("E54000904", "QC1", "Southern Demoshire Health Partnership", "Y92"),
]

# 2021 CCGs: ODS code, name, STP, grid position (3 columns x 4 rows), ONS code 2021
_CCG21 = [
    ("80A", "NHS Northby CCG", "QA1", (0, 3), "E38000901"),
    ("80B", "NHS Easterholme CCG", "QA1", (1, 3), "E38000902"),
    ("80C", "NHS Westmoor CCG", "QA1", (2, 3), "E38000903"),
    ("D9X1Y", "NHS Riverdale CCG", "QA2", (0, 2), "E38000904"),
    ("80E", "NHS Hilltop CCG", "QA2", (1, 2), "E38000905"),
    ("80F", "NHS Lakeside CCG", "QB1", (2, 2), "E38000906"),
    ("80G", "NHS Marshfield CCG", "QB1", (0, 1), "E38000907"),
    ("80H", "NHS Fenwick CCG", "QB1", (0, 0), "E38000908"),
    ("80J", "NHS Greyford CCG", "QC1", (1, 1), "E38000909"),
    ("80K", "NHS Oakbridge CCG", "QC1", (2, 1), "E38000910"),
    ("80L", "NHS Stonebury CCG", "QC1", (1, 0), "E38000911"),
    ("W8Q2T", "NHS Sandmere CCG", "QC1", (2, 0), "E38000912"),
]

# Predecessors: ODS, name, ONS code, opened, closed, successor, which LSOAs (index range
# into the successor's eight LSOAs)
_PREDECESSORS = [
    ("85A", "NHS Oakbridge North CCG", "E38000885", "20130401", "20180331", "80K", range(0, 4)),
    ("85B", "NHS Oakbridge South CCG", "E38000886", "20130401", "20180331", "80K", range(4, 8)),
    ("81A", "NHS Westmoor Upper CCG", "E38000881", "20130401", "20200331", "80C", range(0, 3)),
    ("81B", "NHS Westmoor Lower CCG", "E38000882", "20130401", "20200331", "80C", range(3, 6)),
    ("81C", "NHS Westmoor Dales CCG", "E38000883", "20130401", "20200331", "80C", range(6, 8)),
    ("83A", "NHS Riverdale East CCG", "E38000893", "20130401", "20200331", "82A", range(0, 2)),
    ("83B", "NHS Riverdale West CCG", "E38000894", "20130401", "20200331", "82A", range(2, 4)),
    ("82A", "NHS Riverdale Central CCG", "E38000895", "20200401", "20210331", "D9X1Y", range(0, 4)),
    ("82B", "NHS Riverdale Vale CCG", "E38000896", "20130401", "20210331", "D9X1Y", range(4, 8)),
    ("84A", "NHS Sandmere Coast CCG", "E38000884", "20130401", "20210331", "W8Q2T", range(0, 3)),
    ("84B", "NHS Sandmere Heath CCG", "E38000887", "20130401", "20210331", "W8Q2T", range(3, 6)),
    ("84C", "NHS Sandmere Marsh CCG", "E38000888", "20130401", "20210331", "W8Q2T", range(6, 8)),
]

NEW_IN = {"80K": "20180401", "80C": "20200401", "D9X1Y": "20210401", "W8Q2T": "20210401"}
OLD_ONS = {"80E": ("E38000890", 2019)}  # ONS code used up to and including this vintage
SICBL22_ONS = {"80G": "E38000960", "80H": "E38000961"}  # codes that changed in July 2022
MOVED_TO_80H = (0, 1)  # 80G's bottom row of LSOAs moves to Sub-ICB 80H in July 2022
VINTAGES = (2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021)

# Local authorities: LAD21 -> (name, LAD20 codes it was made from)
LADS = {
    "E06000901": ("Northby", ("E06000901",)),
    "E06000902": ("Easterholme and Westmoor", ("E06000902",)),
    "E06000903": ("Riverdale", ("E07000903", "E07000904")),  # two LAD20s merged in 2021
    "E08000901": ("Hilltop and Lakeside", ("E08000901",)),
    "E06000904": ("Marshfield and Fenwick", ("E06000904",)),
    "E07000905": ("Greyford", ("E07000905",)),
    "E07000906": ("Oakbridge and Stonebury", ("E07000906",)),
    "E06000905": ("Sandmere", ("E06000905",)),
}
_CCG_LAD = {
    "80A": "E06000901",
    "80B": "E06000902",
    "80C": "E06000902",
    "D9X1Y": "E06000903",
    "80E": "E08000901",
    "80F": "E08000901",
    "80G": "E06000904",
    "80H": "E06000904",
    "80J": "E07000905",
    "80K": "E07000906",
    "80L": "E07000906",
    "W8Q2T": "E06000905",
}

LON0, LAT0, CCG_W, CCG_H = -3.0, 51.0, 1.0, 0.8  # the grid of 2021 CCGs (degrees)


@dataclass
class World:
    regions: list[Region]
    stps: list[Stp]
    ccgs: dict[str, Ccg]
    lsoas: list[Lsoa]
    trusts: list[Trust]

    def ccg21(self) -> list[Ccg]:
        return [c for c in self.ccgs.values() if c.grid is not None]

    def alive(self, vintage: int) -> list[Ccg]:
        """CCGs open on 1 April of a vintage year."""
        day = f"{vintage}0401"
        return [c for c in self.ccgs.values() if c.opened <= day and (not c.closed or c.closed >= day)]

    def ons(self, ccg: Ccg, vintage: int) -> str:
        return ccg.ons_by_vintage[vintage]

    def stp(self, code: str) -> Stp:
        return next(s for s in self.stps if s.ods == code)

    def region(self, code: str) -> Region:
        return next(r for r in self.regions if r.ods == code)

    def ccg_population(self, ods: str) -> int:
        return sum(lsoa.population for lsoa in self.lsoas if lsoa.code in self.ccgs[ods].lsoas)


def build_world(seed: int = SEED) -> World:
    rng = random.Random(seed)
    ccgs: dict[str, Ccg] = {}
    for ods, name, stp, grid, ons in _CCG21:
        ons_by_vintage = {}
        for vintage in VINTAGES:
            old = OLD_ONS.get(ods)
            ons_by_vintage[vintage] = old[0] if old and vintage <= old[1] else ons
        opened = NEW_IN.get(ods, "20130401")
        ons_by_vintage = {v: c for v, c in ons_by_vintage.items() if f"{v}0401" >= opened}
        ccgs[ods] = Ccg(ods, name, ons_by_vintage, opened, stp=stp, grid=grid)
    lsoas: list[Lsoa] = []
    number = 1
    for ods, _name, _stp, (col, row), _ons in _CCG21:
        ccg = ccgs[ods]
        place = ccg.name.removeprefix("NHS ").removesuffix(" CCG")
        for i in range(8):  # 2 columns x 4 rows of LSOAs per CCG
            lc, lr = i % 2, i // 2
            lon = LON0 + col * CCG_W + lc * CCG_W / 2
            lat = LAT0 + row * CCG_H + lr * CCG_H / 4
            sicbl = "80H" if ods == "80G" and i in MOVED_TO_80H else ods
            lad21 = _CCG_LAD[ods]
            lad20s = LADS[lad21][1]
            lad20 = lad20s[i % len(lad20s)]
            code = f"E0190{number:04d}"
            lsoas.append(
                Lsoa(
                    code,
                    f"{place} {i + 1:03d}A",
                    ods,
                    sicbl,
                    lad21,
                    lad20,
                    rng.randint(1200, 2600),
                    (round(lon, 6), round(lat, 6), round(lon + CCG_W / 2, 6), round(lat + CCG_H / 4, 6)),
                )
            )
            ccg.lsoas.append(code)
            number += 1
    for ods, name, ons, opened, closed, successor, _members in _PREDECESSORS:
        final = successor if successor in ccgs else next(p[5] for p in _PREDECESSORS if p[0] == successor)
        stp = ccgs[final].stp
        ons_by_vintage = {v: ons for v in VINTAGES if opened <= f"{v}0401" <= closed}
        ccgs[ods] = Ccg(ods, name, ons_by_vintage, opened, closed, successor, stp=stp)
    # LSOA membership of predecessors: a range of their successor's LSOAs
    for ods, _name, _ons, _opened, _closed, successor, members in reversed(_PREDECESSORS):
        ccgs[ods].lsoas = [ccgs[successor].lsoas[i] for i in members]
    trusts = [
        Trust(
            "RX1",
            "DEMOSHIRE NORTH MENTAL HEALTH NHS FOUNDATION TRUST",
            "Y90",
            "QA1",
            "80A",
            (("80A", 0.5), ("80B", 0.3), ("80C", 0.2)),
        ),
        Trust(
            "RX2", "RIVERDALE AND HILLTOP PARTNERSHIP NHS TRUST", "Y90", "QA2", "D9X1Y", (("D9X1Y", 0.6), ("80E", 0.4))
        ),
        Trust(
            "RX3",
            "MIDLANDS OF DEMOSHIRE HEALTHCARE NHS FOUNDATION TRUST",
            "Y91",
            "QB1",
            "80F",
            (("80F", 0.5), ("80G", 0.3), ("80H", 0.2)),
        ),
        Trust(
            "RX4",
            "SOUTHERN DEMOSHIRE PARTNERSHIP NHS FOUNDATION TRUST",
            "Y92",
            "QC1",
            "80J",
            (("80J", 0.3), ("80K", 0.3), ("80L", 0.2), ("W8Q2T", 0.2)),
        ),
        Trust(
            "RX9",
            "OAKBRIDGE MENTAL HEALTH NHS TRUST",
            "Y92",
            "QC1",
            "80K",
            (("80K", 1.0),),
            closed="20190331",
            successor="RX4",
        ),
    ]
    return World(REGIONS, STPS, ccgs, lsoas, trusts)
