"""The two records the number reader returns: a Figure as written, and a NonFigure (a number that is
not a claim) with the reason."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Figure", "NonFigure"]


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
    number_start: int | None = None  # where the number itself (with currency symbol) starts
    number_end: int | None = None  # where the number with its scale ends


@dataclass(frozen=True, slots=True)
class NonFigure:
    """A number that is not a claim (a year, a date, an ordinal, part of a name), and why."""

    start: int
    end: int
    reason: str
    low: float | None = None  # for reason "vague": the amounts the words suggest
    high: float | None = None
