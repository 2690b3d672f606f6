"""Claims (a DataFrame from Store.claims_frame) -> Flags. Pure: no database, no I/O.

STUB: the comparator helper replaces this.
"""
from __future__ import annotations

import pandas as pd

from figures.config import Settings
from figures.records import Flag


def find_conflicts(claims: pd.DataFrame, settings: Settings = Settings()) -> list[Flag]:
    """Flags for claims about the same quantity that disagree, sorted by id."""
    return []
