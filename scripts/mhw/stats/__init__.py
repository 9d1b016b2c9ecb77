"""Statistics steps that read from and write back to the warehouse during `mhw build`.

Each domain adds a `Step`; a step runs only when its landing topics are present.
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


STEPS: list[Step] = []
