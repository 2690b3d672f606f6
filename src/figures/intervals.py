"""Interval algebra on the *logical* reading of a figure: what its wording strictly allows.

A claim becomes a closed interval [lo, hi] in its unit. Open bounds ("more than 5,000") are
nudged inwards by a hair, so every comparison below is on closed intervals. A bare figure
carries its rounding: ``Settings.rounding_tolerance`` (relative) always, and a round figure
("12,000", "£500m") also half a unit of its last significant digit, capped so that "10,000"
does not swallow "12,000". A hedge ("about", "some", "close to") widens by up to two units of
the last significant digit, capped the same way.

Two intervals about the same quantity are:

- ``consistent``: equal, or points within rounding of each other;
- ``refines``: one inside the other ("more than 10,000" then "12,000");
- ``compatible``: they overlap and neither contains the other;
- ``conflict``: they are disjoint. Severity is the relative gap.

Everything here works on numpy arrays, so a million claims cost a few array operations.
"""
from __future__ import annotations

from enum import Enum

import numpy as np

# Relative caps on the rounding a bare round figure, and the slack a hedge word, may carry.
# Ferson et al. read "about 12,000" as [10,000, 14,000]; for a conflict detector that is too
# loose (desks flag "about $6bn" against "$5.5bn"), so the digit rule is capped.
ROUND_CAP = 0.025
ABOUT_CAP = 0.05
# A figure counts as round when it ends in at least this many zeros ("12,000", "1,100").
ROUND_MIN_UNIT = 100.0
# How far an open bound is moved inwards, relative to the bound.
OPEN_NUDGE = 1e-9
# Qualifiers and the sides they bound: (lower from value, upper from value, lower open, upper open)
QUALIFIER_BOUNDS: dict[str, tuple[bool, bool, bool, bool]] = {
    "exact": (True, True, False, False),
    "about": (True, True, False, False),
    "at_least": (True, False, False, False),
    "more_than": (True, False, True, False),
    "at_most": (False, True, False, False),
    "up_to": (False, True, False, False),
    "less_than": (False, True, False, True),
    "range": (True, True, False, False),
}


class Relation(str, Enum):
    consistent = "consistent"
    refines = "refines"
    compatible = "compatible"
    conflict = "conflict"


def last_digit_unit(values: np.ndarray) -> np.ndarray:
    """The place value of the last significant digit: 12,000 -> 1,000; 17.9 -> 0.1; 0 -> 0."""
    v = np.abs(np.asarray(values, dtype=float))
    unit = np.zeros_like(v)
    finite = np.isfinite(v) & (v > 0)
    for power in range(-6, 16):
        p = 10.0 ** power
        q = v / p
        whole = finite & (np.round(q) >= 1) & (np.abs(q - np.round(q)) <= 1e-9 * np.maximum(q, 1.0))
        unit = np.where(whole, p, unit)
    return unit


def logical_bounds(value, low, high, qualifier, rel_tol: float = 0.005) -> tuple[np.ndarray, np.ndarray]:
    """Closed logical intervals for arrays of claims (NaN for a missing number).

    ``low``/``high`` are used for ranges and as a fallback when ``value`` is missing;
    unbounded sides are -inf/+inf, and counts stated as "up to" start at 0.
    """
    value = np.asarray(value, dtype=float)
    low = np.asarray(low, dtype=float)
    high = np.asarray(high, dtype=float)
    qual = np.asarray(qualifier, dtype=object)
    n = value.shape[0]
    v = np.where(np.isnan(value), np.where(np.isnan(low), high, low), value)

    unit = last_digit_unit(v)
    absv = np.abs(v)
    base = rel_tol * absv
    rounding = np.where(unit >= ROUND_MIN_UNIT, np.minimum(0.5 * unit * (1 - 1e-6), ROUND_CAP * absv), 0.0)
    hedge = np.minimum(2.0 * unit, ABOUT_CAP * absv)
    half = np.maximum(base, rounding)
    half = np.where(qual == "about", np.maximum(half, hedge), half)

    lo = np.full(n, -np.inf)
    hi = np.full(n, np.inf)
    for name, (has_lo, has_hi, lo_open, hi_open) in QUALIFIER_BOUNDS.items():
        m = qual == name
        if not m.any():
            continue
        if name == "range":
            rl = np.where(np.isnan(low), v, low)
            rh = np.where(np.isnan(high), v, high)
            lo = np.where(m, rl, lo)
            hi = np.where(m, rh, hi)
            continue
        if has_lo:
            bound = v - half if has_hi else v  # a one-sided bound is taken at its word
            lo = np.where(m, bound + (OPEN_NUDGE * np.maximum(absv, 1e-12) if lo_open else 0.0), lo)
        elif has_hi:
            lo = np.where(m, np.where(v >= 0, 0.0, -np.inf), lo)
        if has_hi:
            bound = v + half if has_lo else v
            hi = np.where(m, bound - (OPEN_NUDGE * np.maximum(absv, 1e-12) if hi_open else 0.0), hi)
    unknown = ~np.isin(qual, list(QUALIFIER_BOUNDS))
    lo = np.where(unknown, v - half, lo)
    hi = np.where(unknown, v + half, hi)
    missing = np.isnan(v)
    return np.where(missing, np.nan, lo), np.where(missing, np.nan, hi)


def disjoint(lo_a, hi_a, lo_b, hi_b) -> np.ndarray:
    """True where two closed intervals share no point."""
    return (np.asarray(hi_a) < np.asarray(lo_b)) | (np.asarray(hi_b) < np.asarray(lo_a))


def relative_gap(lo_a, hi_a, lo_b, hi_b) -> np.ndarray:
    """The gap between two intervals over the larger magnitude at the gap; 0 when they meet."""
    lo_a, hi_a, lo_b, hi_b = (np.asarray(x, dtype=float) for x in (lo_a, hi_a, lo_b, hi_b))
    left = np.maximum(lo_b - hi_a, 0.0)  # b lies above a
    right = np.maximum(lo_a - hi_b, 0.0)  # a lies above b
    gap = np.maximum(left, right)
    top = np.where(left > 0, lo_b, lo_a)
    scale = np.maximum(np.abs(top), 1e-12)
    with np.errstate(invalid="ignore"):
        return np.where(gap > 0, gap / scale, 0.0)


def relation(lo_a: float, hi_a: float, lo_b: float, hi_b: float) -> Relation:
    """How two logical intervals of the same quantity relate (scalar form, for explanations)."""
    if hi_a < lo_b or hi_b < lo_a:
        return Relation.conflict
    if lo_a == lo_b and hi_a == hi_b:
        return Relation.consistent
    if (lo_a <= lo_b and hi_b <= hi_a) or (lo_b <= lo_a and hi_a <= hi_b):
        # a point inside a point's rounding is the same figure said twice
        if np.isfinite([lo_a, hi_a, lo_b, hi_b]).all() and max(hi_a - lo_a, hi_b - lo_b) <= 0.05 * max(abs(hi_a), abs(hi_b), 1e-12):
            return Relation.consistent
        return Relation.refines
    return Relation.compatible
