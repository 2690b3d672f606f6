"""Claims (a DataFrame from Store.claims_frame) -> flags, related figures, repeats and source
reliability. Pure: no database, no I/O.

STUB: the comparator helper replaces the implementation, keeping `Comparison`, `compare` and
`find_conflicts`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from figures.config import Settings
from figures.records import Flag, Related, Repeat


@dataclass(frozen=True)
class Comparison:
    flags: tuple[Flag, ...] = ()
    related: tuple[Related, ...] = ()
    repeats: tuple[Repeat, ...] = ()
    # one row per claimant with >= 5 claims in groups: attributed_to, claims, weight, low, high
    reliability: pd.DataFrame = field(default_factory=pd.DataFrame)


def compare(claims: pd.DataFrame, settings: Settings = Settings()) -> Comparison:
    """Group claims about the same quantity and judge each group."""
    return Comparison()


def find_conflicts(claims: pd.DataFrame, settings: Settings = Settings()) -> list[Flag]:
    """Flags for claims about the same quantity that disagree, sorted by id."""
    return list(compare(claims, settings).flags)
