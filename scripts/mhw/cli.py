"""mh-warehouse: `mhw <command>` (installed into .venv by `make install`; also `python -m mhw`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .paths import export_dir, warehouse_path


def _build(args) -> int:
    from .build import build

    build(
        Path(args.source_dir) if args.source_dir else None,
        warehouse_path(args.warehouse),
        export_dir(args.export_dir),
        scale=args.scale,
        docs=not args.no_docs,
        full_refresh=args.full_refresh,
    )
    return 0


def _load(args) -> int:
    import os

    from .build import build_lock, record_state, start_from_previous, state_key
    from .stage import stage

    warehouse = warehouse_path(args.warehouse)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(warehouse):
        building = warehouse.parent / ".building" / warehouse.name
        building.parent.mkdir(exist_ok=True)
        for leftover in (building, Path(str(building) + ".wal"), Path(str(warehouse) + ".wal")):
            leftover.unlink(missing_ok=True)
        key = state_key(Path(args.source_dir))
        if args.incremental:
            start_from_previous(warehouse, building, key, False)
        stage(Path(args.source_dir), building)
        record_state(building, key)
        os.replace(building, warehouse)
    print(f"Loaded into schema landing of {warehouse}")
    return 0


def _landing_parquet(args) -> int:
    from .stage import export_parquet

    for path in export_parquet(warehouse_path(args.warehouse), Path(args.out)):
        print(f"wrote {path}")
    return 0


def _demo(args) -> int:
    if args.england is not None:
        from .demo.england import write_england

        topics = set(args.topics.split(","))
        write_england(Path(args.out), args.england, records="mhsds_records" in topics, monthly="mhsds" in topics)
        return 0
    from .demo import generate

    generate(Path(args.out), scale=args.scale, seed=args.seed)
    return 0


def _fetch(args) -> int:
    from .fetch import fetch
    from .sources import REGISTRY

    if args.list or not args.url:
        for s in REGISTRY.values():
            print(f"{s.id:28} {s.topic + '/':12} {s.publisher}; {s.licence}\n{'':41} {s.url}")
        return 0
    landing = Path(args.landing)
    result = fetch(
        args.url,
        landing / args.topic,
        filename=args.filename,
        expected_sha256=args.sha256,
        max_bytes=args.max_mb * 1024 * 1024,
        deadline=args.deadline,
        progress=sys.stderr.isatty(),
    )
    print(f"{result.path}: {result.size:,} bytes, sha256 {result.sha256}")
    from .landing import LandingFile, recognise

    parts, reason = recognise(LandingFile(result.path, f"{args.topic}/{result.path.name}", args.topic))
    print(
        "  recognised as " + ", ".join(sorted({p.source.id for p in parts})) if parts else f"  not recognised: {reason}"
    )
    return 0


def _export(args) -> int:
    from .export import export

    export(warehouse_path(args.warehouse), export_dir(args.export_dir))
    return 0


def _analyses(args) -> int:
    from .analyses import run

    return run(warehouse_path(args.warehouse))


def _sources_yaml(args) -> int:
    from .dbt_sources import write_all

    for path in write_all(Path(".")):
        print(f"wrote {path}")
    return 0


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mhw", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="demo or SOURCE_DIR -> load -> dbt build -> stats -> docs -> exports")
    p.add_argument("--source-dir", help="a landing zone (default: generate the synthetic demo)")
    p.add_argument("--warehouse", help="DuckDB file (default $WAREHOUSE or warehouse/mh.duckdb)")
    p.add_argument("--export-dir", help="exports folder (default $EXPORT_DIR or exports/)")
    p.add_argument("--scale", type=float, default=1.0, help="demo scale factor")
    p.add_argument("--no-docs", action="store_true", help="skip dbt docs generate")
    p.add_argument(
        "--full-refresh",
        action="store_true",
        help="rebuild every month from an empty warehouse (default: when the code and the landing topics are "
        "those of the previous build, only the new, changed or removed months of record-level MHSDS and of the "
        "monthly MHSDS CSVs are processed)",
    )
    p.set_defaults(func=_build)

    p = sub.add_parser(
        "load", help="load a landing zone into schema landing of a new warehouse file; one line per file"
    )
    p.add_argument("source_dir", help="the landing zone: one folder per topic (reference/, oaps/, ...)")
    p.add_argument("--warehouse", help="DuckDB file to write (default $WAREHOUSE or warehouse/mh.duckdb); replaced")
    p.add_argument(
        "--incremental",
        action="store_true",
        help="keep the previous warehouse's models (when built by the same code from the same topics): a "
        "following `dbt build` processes only the months to process",
    )
    p.set_defaults(func=_load)

    p = sub.add_parser("landing-parquet", help="write the landing relations as Parquet (for the Spark target)")
    p.add_argument("--warehouse", help="DuckDB file whose landing schema to write (default $WAREHOUSE)")
    p.add_argument("--out", required=True, help="folder to write one Parquet file per landing relation into")
    p.set_defaults(func=_landing_parquet)

    p = sub.add_parser("demo", help="write the synthetic demo landing zone")
    p.add_argument("out", help="folder to write the landing zone into")
    p.add_argument("--scale", type=float, default=1.0, help="demo scale factor (default 1.0)")
    p.add_argument("--seed", type=int, default=20211001, help="random seed (the same seed writes the same files)")
    p.add_argument(
        "--england",
        type=float,
        metavar="FRACTION",
        help="instead: England-scale record-level MHSDS (12 months) and monthly CSVs (120 months) at this "
        "fraction of England (1.0 = 1.4 million people a month), for the benchmarks",
    )
    p.add_argument("--topics", default="mhsds_records,mhsds", help="with --england: which topics to write")
    p.set_defaults(func=_demo)

    p = sub.add_parser("fetch", help="download a public file into a landing topic (or --list the sources)")
    p.add_argument("url", nargs="?", help="the file's URL (without it: the list of registered sources)")
    p.add_argument("--topic", default="reference", help="landing topic folder to write into (default reference)")
    p.add_argument("--landing", default="landing", help="the landing zone (default ./landing)")
    p.add_argument("--filename", help="name to save as (default: from the URL)")
    p.add_argument("--sha256", help="expected checksum: a mismatch is an error")
    p.add_argument("--max-mb", type=int, default=2048, help="size limit in MB (default 2048)")
    p.add_argument("--deadline", type=float, default=1800, help="seconds for the whole download, retries included")
    p.add_argument("--list", action="store_true", help="list the registered sources: publisher, licence, URL")
    p.set_defaults(func=_fetch)

    p = sub.add_parser("export", help="write the exports from the warehouse")
    p.add_argument("--warehouse", help="DuckDB file (default $WAREHOUSE or warehouse/mh.duckdb)")
    p.add_argument("--export-dir", help="exports folder (default $EXPORT_DIR or exports/)")
    p.set_defaults(func=_export)

    p = sub.add_parser("analyses", help="compile the example analyses (analyses/) and run them, checking their shape")
    p.add_argument("--warehouse", help="DuckDB file (default $WAREHOUSE or warehouse/mh.duckdb)")
    p.set_defaults(func=_analyses)

    p = sub.add_parser("sources-yaml", help="regenerate the dbt source YAML from the registry")
    p.set_defaults(func=_sources_yaml)

    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from .build import BuildError
    from .fetch import FetchError
    from .landing import LoadError

    try:
        return args.func(args)
    except (LoadError, FetchError, BuildError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
