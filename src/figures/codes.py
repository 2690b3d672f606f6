"""Integer codes for tuples of values: every sort, grouping and join in the comparator works on
these instead of strings."""
from __future__ import annotations

import numpy as np
import pandas as pd


def combine_codes(*codes: np.ndarray) -> np.ndarray:
    """One integer per distinct tuple of non-negative integer codes (no overflow: each step is
    re-factorized)."""
    out = np.zeros(len(codes[0]), dtype=np.int64)
    for c in codes:
        c = np.asarray(c, dtype=np.int64)
        out = pd.factorize(out * (int(c.max()) + 1 if len(c) else 1) + c)[0].astype(np.int64)
    return out


def column_codes(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """One integer per distinct combination of the columns (missing values are a value)."""
    code = np.zeros(len(frame), dtype=np.int64)
    for c in columns:
        codes, uniques = pd.factorize(frame[c], use_na_sentinel=True)
        code = pd.factorize(code * (len(uniques) + 1) + (codes + 1))[0].astype(np.int64)
    return code


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct integers, sorted: what np.unique gives, by one stable sort (numpy 2 finds
    integers' distinct values with a hash table, ten times slower on millions of them)."""
    s = np.sort(np.asarray(values), kind="stable")
    return s[np.r_[True, s[1:] != s[:-1]]] if len(s) else s


def distinct_count(group: np.ndarray, member: np.ndarray, n_groups: int) -> np.ndarray:
    """How many distinct members each of ``n_groups`` groups holds (both non-negative codes)."""
    member = np.asarray(member, dtype=np.int64)
    width = int(member.max()) + 1 if len(member) else 1
    pairs = distinct(np.asarray(group, dtype=np.int64) * width + member)
    return np.bincount(pairs // width, minlength=n_groups)
