"""Figures in text: "12,000", "1.2m", "$3.5bn", "twelve thousand", "about", "more than", ranges
-> value + logical interval + pragmatic interval + unit.

STUB interface: the numbers helper replaces the implementation, keeping `Figure` and
`find_figures` (fields may be added).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure as written. ``text[start:end]`` is the figure's surface, qualifier words included."""

    start: int
    end: int
    value: float | None  # None for vague amounts with no point value ("tens of thousands")
    low: float | None  # logical interval: what the words strictly allow (None = unbounded)
    high: float | None
    qualifier: str = "exact"
    unit: str | None = None  # pint unit string, ISO 4217 code, "percent", or None for a count
    pragmatic_low: float | None = None  # what a reader takes the words to mean
    pragmatic_high: float | None = None
    unit_end: int | None = None  # where the unit word ends, when it follows the number


@dataclass(frozen=True, slots=True)
class NonFigure:
    """A number that is not a claim (a year, a date, an ordinal, part of a name), and why."""

    start: int
    end: int
    reason: str


_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def find_figures(text: str) -> tuple[list[Figure], list[NonFigure]]:
    """Every figure in ``text`` in order, and the numbers passed over with the reason."""
    figures = []
    for m in _NUM.finditer(text):
        v = float(m.group().replace(",", ""))
        figures.append(Figure(m.start(), m.end(), v, v, v))
    return figures, []
