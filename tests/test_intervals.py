"""The interval algebra: logical readings of worded figures, and how two readings relate."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from figures.intervals import (QUALIFIER_BOUNDS, Relation, disjoint, last_digit_unit, logical_bounds, relation,
                               relative_gap)


def bounds(value, qualifier="exact", low=None, high=None, tol=0.005):
    lo, hi = logical_bounds(np.array([value], dtype=float),
                            np.array([np.nan if low is None else low], dtype=float),
                            np.array([np.nan if high is None else high], dtype=float),
                            np.array([qualifier], dtype=object), tol)
    return float(lo[0]), float(hi[0])


@pytest.mark.parametrize("value, unit", [
    (12_000, 1_000), (3_432, 1), (17.9, 0.1), (576_800_000, 100_000), (7.5, 0.1),
    (0.25, 0.01), (10_000, 10_000), (0, 0),
])
def test_last_digit_unit(value, unit):
    assert math.isclose(float(last_digit_unit(np.array([value]))[0]), unit)


@pytest.mark.parametrize("value, qualifier, low, high, expect_lo, expect_hi", [
    (3_432, "exact", None, None, 3_432 * 0.995, 3_432 * 1.005),   # a precise count: the tolerance only
    (12_000, "exact", None, None, 11_700, 12_300),                # round: half a unit (500), capped at 2.5%
    (63_000, "exact", None, None, 62_500, 63_500),                # round: half a unit of the thousands
    (110, "exact", None, None, 110 * 0.995, 110 * 1.005),         # one trailing zero is not "round"
    (6e9, "about", None, None, 5.7e9, 6.3e9),                     # "about $6bn": two units, capped at 5%
    (5_329, "about", None, None, 5_329 * 0.995, 5_329 * 1.005),   # "about 5,329": two units (2) < the 0.5% floor
    (3_549, "at_least", None, None, 3_549, math.inf),
    (2_600, "up_to", None, None, 0, 2_600),
    (1_100, "range", 1_100, 1_300, 1_100, 1_300),
])
def test_logical_bounds_table(value, qualifier, low, high, expect_lo, expect_hi):
    lo, hi = bounds(value, qualifier, low, high)
    assert math.isclose(lo, expect_lo, rel_tol=1e-6, abs_tol=1e-6)
    assert math.isclose(hi, expect_hi, rel_tol=1e-6) if math.isfinite(expect_hi) else hi == math.inf


@pytest.mark.parametrize("a, b, expected", [
    # the seed pair: 12,000 against 10,000 is a conflict even with rounding on both
    ((12_000, "exact"), (10_000, "exact"), Relation.conflict),
    # rounding: 62,914 and a rounded 63,000 are one figure
    ((63_000, "exact"), (62_914, "exact"), Relation.consistent),
    # "more than 10,000" then "12,000": a refinement, not a conflict
    ((10_000, "more_than"), (12_000, "exact"), Relation.refines),
    # "up to £600m" and "more than £600m" exclude each other (open bound)
    ((600e6, "up_to"), (600e6, "more_than"), Relation.conflict),
    # "up to £600m" and "at least £600m" share the point 600m
    ((600e6, "up_to"), (600e6, "at_least"), Relation.compatible),
    # lower bounds never clash: "at least 2,200" and "more than 2,000"
    ((2_200, "at_least"), (2_000, "more_than"), Relation.refines),
    # magnitudes: 7.8 against 7.7 is a real difference
    ((7.8, "exact"), (7.7, "exact"), Relation.conflict),
    # the same figure said twice
    ((115, "exact"), (115, "exact"), Relation.consistent),
    # "nearly 151,000" (read as about) and 150,874: a hedge of the same figure
    ((151_000, "about"), (150_874, "exact"), Relation.consistent),
    # a wide hedge around a precise figure is a refinement, not the same figure
    ((6e9, "about"), (5.9e9, "exact"), Relation.refines),
])
def test_relation_table(a, b, expected):
    assert relation(*bounds(*a), *bounds(*b)) is expected


finite = st.floats(min_value=1e-3, max_value=1e12, allow_nan=False, allow_infinity=False)
qualifiers = st.sampled_from(sorted(QUALIFIER_BOUNDS))


@given(finite, qualifiers, finite)
def test_bounds_are_ordered_and_hold_the_value(value, qualifier, other):
    low, high = sorted((value, other)) if qualifier == "range" else (None, None)
    lo, hi = bounds(value, qualifier, low, high)
    assert lo <= hi
    if qualifier in ("exact", "about"):
        assert lo < value < hi
    if qualifier == "range":
        assert (lo, hi) == (low, high)


@given(finite)
def test_a_hedge_only_widens(value):
    exact, about = bounds(value, "exact"), bounds(value, "about")
    assert about[0] <= exact[0] and exact[1] <= about[1]


@given(finite, qualifiers, finite, qualifiers)
def test_disjoint_is_symmetric_and_gap_positive_only_when_disjoint(v1, q1, v2, q2):
    a, b = bounds(v1, q1), bounds(v2, q2)
    d1, d2 = bool(disjoint(*a, *b)), bool(disjoint(*b, *a))
    assert d1 == d2
    gap = float(relative_gap(*a, *b))
    assert gap >= 0
    assert (gap > 0) == d1
    assert (relation(*a, *b) is Relation.conflict) == d1


@given(finite, qualifiers)
def test_nothing_conflicts_with_itself(value, qualifier):
    a = bounds(value, qualifier)
    assert not disjoint(*a, *a)
    assert relation(*a, *a) is Relation.consistent


@given(finite, finite, finite)
def test_containment_is_refinement(v, w1, w2):
    lo, hi = sorted((v - w1, v + w2))
    inner = (v, v)
    assert relation(lo, hi, *inner) in (Relation.refines, Relation.consistent)
