"""Statistics steps that read from and write back to the warehouse during `mhw build`.

Each domain adds a module here with a STEPS list of `Step`s (found automatically); a step runs
only when its landing topics are present.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Step:
    name: str
    topics: tuple[str, ...]
    run: Callable[[Path], None]  # writes tables into the warehouse at this path (plots: see export)


def steps() -> list[Step]:
    import importlib
    import pkgutil

    found: list[Step] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        found += getattr(importlib.import_module(f"{__name__}.{info.name}"), "STEPS", [])
    return found
