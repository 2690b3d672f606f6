"""The comparator's array helpers against their plain definitions: time windows (a window
holds the claims within ``span`` days of its first claim) and the others' extremes (for each
claim, the largest lower and smallest upper bound among the claims of its block from another
unit), checked on tables of cases and on random tables against a pair-by-pair reading."""
import numpy as np
import pandas as pd
import pytest

from figures.blocking import _windows
from figures.codes import distinct
from figures.disagreements import _others_extreme


@pytest.mark.parametrize("group, day, span, expected", [
    ([0, 0, 0, 0], [1, 2, 4, 5], 3, [0, 0, 0, 1]),        # day 5 is 4 days after the window's first claim
    ([0, 0, 1, 1], [1, 1, 1, 9], 3, [0, 0, 1, 2]),        # a new group opens a new window
    ([0, 0, 0], [10, 13, 16], 3, [0, 0, 1]),              # the window is anchored on its first claim, not chained
    ([0, 0, 0], [0.5, 3.0, 3.6], 3, [0, 0, 1]),           # fractional days
    ([0, 0], [19000, 19003], 0, [0, 1]),
    ([], [], 3, []),
])
def test_windows_table(group, day, span, expected):
    assert _windows(np.array(group, dtype=np.int64), np.array(day, dtype=float), span).tolist() == expected


def _windows_by_definition(group, day, span):
    out, w, anchor, prev = [], -1, None, None
    for g, d in zip(group, day):
        if g != prev or d - anchor > span:
            w, anchor, prev = w + 1, d, g
        out.append(w)
    return out


def test_windows_random_against_definition():
    rng = np.random.default_rng(7)
    for _ in range(300):
        n = int(rng.integers(1, 50))
        group, day = rng.integers(0, 4, n), rng.integers(18_000, 18_060, n).astype(float)
        order = np.lexsort((day, group))
        span = int(rng.integers(0, 8))
        got = _windows(group[order], day[order], span).tolist()
        assert got == _windows_by_definition(group[order].tolist(), day[order].tolist(), span)


def test_others_extreme_random_against_pairs():
    rng = np.random.default_rng(11)
    for _ in range(300):
        n = int(rng.integers(1, 30))
        lo = rng.integers(0, 8, n).astype(float)
        frame = pd.DataFrame({"block": rng.integers(0, 3, n), "unit": rng.integers(0, 4, n), "lo": lo,
                              "hi": lo + rng.integers(0, 4, n)})
        other_lo, other_hi = _others_extreme(frame, "block", "unit")
        for r in range(n):
            others = frame[(frame["block"] == frame["block"][r]) & (frame["unit"] != frame["unit"][r])]
            if others.empty:
                assert np.isnan(other_lo[r]) and np.isnan(other_hi[r])
            else:
                assert other_lo[r] == others["lo"].max() and other_hi[r] == others["hi"].min()


def test_distinct_is_sorted_unique():
    values = np.array([5, -1, 5, 3, 0, 3, 9], dtype=np.int64)
    assert distinct(values).tolist() == [-1, 0, 3, 5, 9]
    assert distinct(np.array([], dtype=np.int64)).tolist() == []
