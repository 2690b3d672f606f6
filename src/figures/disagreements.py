"""Disagreements within the judged rows (see ``blocking.judged_rows``), by interval algebra on
per-window and per-article extremes, so "does this claim clash with anyone else here" is a
join, not a pair loop. Each kind of flag comes out as rows (claim positions) and a flag key:

- ``cross_source``: a claim disagrees with a claim of another article in its window, or with
  another named claimant quoted in the same article;
- ``within_article``: an article contradicts itself, in its own voice or one claimant's;
- ``revision``: the quantity's figures disagree across windows (its timeline);
- ``monotonic``: a cumulative quantity falls: a later figure lies wholly below an earlier one.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from figures.codes import combine_codes, distinct

# At the same time, figures more than this factor apart are two quantities, not one in dispute.
MAX_SAME_TIME_RATIO = 20.0
# A block whose figures at one time span more than this factor is not read as one timeline
# (tolls grow up to ~7x in the first three days of a disaster; per-person vs total is 10x+).
MIXED_RATIO = 10.0
# A cumulative figure corrected downwards rarely falls by more than this factor; a steeper fall
# is two quantities sharing a key.
MAX_DROP_RATIO = 2.0
# A timeline of such sums spanning more than this factor holds several sums, not one revised.
GENERIC_MONEY_SPAN = 1.5
PAIR_BATCH = 2_000_000  # claim pairs of cumulative groups joined at a time


def find_disagreements(e: pd.DataFrame) -> list[pd.DataFrame]:
    """Frames of (row, kind, fkey): the claims each kind of flag holds, by flag key. Adds
    working columns to ``e``."""
    members: list[pd.DataFrame] = []
    if e.empty:
        return members
    point = np.where(np.isfinite(e["v_base"]), e["v_base"], np.where(np.isfinite(e["lo"]), e["lo"], e["hi"]))
    # a figure more than MIXED_RATIO from its whole timeline's median ("the 2005 toll was originally
    # 1,833" beside this storm's 162) is another quantity under the key: it sets no peak a part is
    # measured against, joins no timeline, and is no sign that the block mixes two quantities
    g_med = pd.Series(np.abs(point), index=e.index).groupby(e["group"]).transform("median").to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        stray = (np.abs(point) > MIXED_RATIO * g_med) | (MIXED_RATIO * np.abs(point) < g_med)
    e["stray"] = stray
    # cross-source: disagrees with another article in its window, or, inside one article,
    # with another named claimant (an article that quotes two sources reports their dispute)
    other_lo, other_hi = _others_extreme(e, "window", "art")
    hit = _clash(e, other_lo, other_hi, max_ratio=MAX_SAME_TIME_RATIO)
    e["aw"] = e.groupby(["window", "art"], sort=False).ngroup()
    voice = e["own_voice"].to_numpy()
    quoted = e.loc[~voice, ["aw", "src", "lo", "hi"]]  # narrow: only what the join reads
    if not quoted.empty:
        q_lo, q_hi = _others_extreme(quoted, "aw", "src")
        hit[~voice] |= _clash(quoted, q_lo, q_hi, max_ratio=MAX_SAME_TIME_RATIO)
    hit &= ~e["forecast"].to_numpy(dtype=bool)  # two forecasters' forecasts are two opinions
    # a part its own article lists beside a higher total (a province's toll) is no rival figure
    part = _part_of_window(e)
    hit &= ~part
    members.append(pd.DataFrame({"row": e.index[hit], "kind": "cross_source", "fkey": e["window"].to_numpy()[hit]}))
    # within one article (and window), against its other sentences, where the article speaks
    # in its own voice or one claimant contradicts itself; figures listed side by side in one
    # sentence are a breakdown or an enumeration, not a contradiction
    e["sid"] = e.groupby(["aw", "sent"], sort=False).ngroup()
    within = np.zeros(len(e), dtype=bool)
    if voice.any():
        # against the article's own-voice figures (every row), and own-voice rows against all
        e["own_lo"] = np.where(voice, e["lo"], -np.inf)
        e["own_hi"] = np.where(voice, e["hi"], np.inf)
        o_lo, o_hi = _others_extreme(e, "aw", "sid", lo="own_lo", hi="own_hi")
        within |= _clash(e, o_lo, o_hi, max_ratio=MAX_SAME_TIME_RATIO)
        a_lo, a_hi = _others_extreme(e, "aw", "sid")
        within |= voice & _clash(e, a_lo, a_hi, max_ratio=MAX_SAME_TIME_RATIO)
    e["aws"] = combine_codes(e["aw"].to_numpy(), e["src"].to_numpy())
    s_lo, s_hi = _others_extreme(e, "aws", "sid")
    within |= _clash(e, s_lo, s_hi, max_ratio=MAX_SAME_TIME_RATIO)
    # money with no counted thing of its own ("cost", "payment") inside one article is a budget
    # told in parts — instalments, running totals, scenarios — far more often than a contradiction
    within &= ~e["generic_money"].to_numpy(dtype=bool) & ~part
    members.append(pd.DataFrame({"row": e.index[within], "kind": "within_article", "fkey": e["aw"].to_numpy()[within]}))
    # revision: the quantity's figures disagree across windows; the flag lists its timeline
    # (by as-of day: a figure revised within a few days is still a revision). A figure more
    # than MIXED_RATIO from its window's median is another quantity under the key (a part,
    # a peak): it is left out of the timeline.
    med = pd.Series(np.abs(point), index=e.index).groupby(e["window"]).transform("median").to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        outlier = (np.abs(point) > MIXED_RATIO * med) | (MIXED_RATIO * np.abs(point) < med) | stray
    # a figure sunk far below the timeline around it is a part (or a misprint): it leaves the
    # timeline, and one such figure is no sign that the block mixes quantities at its time
    sunk = _sunk_below_neighbours(e)
    outlier_or_sunk = outlier | sunk | part
    e["asof_day"] = pd.factorize(e["day"])[0]
    timeline = pd.DataFrame({"group": e["group"].to_numpy(), "asof_day": e["asof_day"].to_numpy(),
                             "lo": np.where(outlier_or_sunk, -np.inf, e["rlo"]), "hi": np.where(outlier_or_sunk, np.inf, e["rhi"])})
    other_lo, other_hi = _others_extreme(timeline, "group", "asof_day")
    hit = pd.Series(_clash(timeline, other_lo, other_hi), index=e.index)
    changed = hit.groupby(e["group"]).transform("any").to_numpy()
    # a block whose figures at one time (outliers and sunk figures aside) still lie more than MIXED_RATIO
    # apart mixes quantities (per-person and total payments): it is not read as one timeline
    kept = e.loc[~outlier_or_sunk, ["group", "window", "lo", "hi"]]
    by_window = kept.groupby("window")
    spread = by_window["lo"].transform("max").abs() > MIXED_RATIO * by_window["hi"].transform("min").abs()
    mixed_groups = kept["group"].to_numpy()[spread.to_numpy()]
    mixed = np.isin(e["group"].to_numpy(), mixed_groups)
    # generic money is one sum revised only while its figures stay close together
    g_max = kept.groupby("group")["lo"].max().abs()
    g_min = kept.groupby("group")["hi"].min().abs()
    wide = (g_max > GENERIC_MONEY_SPAN * g_min).reindex(e["group"]).fillna(False).to_numpy(dtype=bool)
    changed = changed & ~mixed & ~outlier_or_sunk & ~(e["generic_money"].to_numpy(dtype=bool) & wide)
    changed &= ~e["k_occasion"].to_numpy(dtype=bool)  # another day's crowd is another occasion
    members.append(pd.DataFrame({"row": e.index[changed], "kind": "revision", "fkey": e["group"].to_numpy()[changed]}))
    # monotonic: cumulative quantities whose later window lies wholly below an earlier one
    c = e.loc[e["k_cumulative"].to_numpy(), ["group", "window", "lo", "hi"]]
    if not c.empty:
        pw = c.groupby(["group", "window"], sort=True).agg(maxlo=("lo", "max"), minhi=("hi", "min"))
        g = pw.index.get_level_values(0)
        prev_max = pw["maxlo"].groupby(g).cummax().groupby(g).shift(1)
        rev = pw.iloc[::-1]
        rg = rev.index.get_level_values(0)
        next_min = rev["minhi"].groupby(rg).cummin().groupby(rg).shift(1).iloc[::-1]
        idx = pd.MultiIndex.from_arrays([c["group"], c["window"]])
        pm = prev_max.reindex(idx).to_numpy(dtype=float)
        nm = next_min.reindex(idx).to_numpy(dtype=float)
        hit = (c["hi"].to_numpy() < pm) | (c["lo"].to_numpy() > nm)
        early, late = _drops(c[np.isin(c["group"].to_numpy(), distinct(c["group"].to_numpy()[hit]))])
        # one flag per fall: the figures of one window that fell, with the peak figures they fell
        # from (a long timeline with several falls gives several short flags, not one long one)
        fall = combine_codes(c.loc[late, "group"].to_numpy(), c.loc[late, "window"].to_numpy())
        m = pd.DataFrame({"row": np.r_[early, late], "fkey": np.r_[fall, fall]}).drop_duplicates()
        members.append(m.assign(kind="monotonic"))
    return members


def _part_of_window(e: pd.DataFrame) -> np.ndarray:
    """Cumulative claims more than MAX_DROP_RATIO below the highest figure of their own article
    in their window: an article that gives a running total often gives its parts too (a
    province's toll beside the nation's, the last day's deaths beside all deaths), and they
    share the total's key when they name no place or marker of their own. The parts are no
    rival figures (cross-source, within-article), leave the total's timeline, and do not make
    it a mixed block."""
    out = np.zeros(len(e), dtype=bool)
    cum = e["k_cumulative"].to_numpy(dtype=bool)
    if not cum.any():
        return out
    c = e.loc[cum, ["aw", "lo", "hi", "stray"]]  # aw: one article in one window
    peak = c["lo"].where(~c["stray"].to_numpy(dtype=bool)).groupby(c["aw"]).transform("max").abs().to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        out[cum] = MAX_DROP_RATIO * np.abs(c["hi"].to_numpy(dtype=float)) < peak
    return out


def _sunk_below_neighbours(e: pd.DataFrame) -> np.ndarray:
    """Cumulative claims more than MAX_DROP_RATIO below the highest figure of an earlier
    window and below every figure of the next window: a running total does not dip that
    steeply and recover, so such a figure is a part under the key (one region's toll, one
    group's), not a member of the total's timeline. A figure that the next window's figures
    stay close to, or the last one, leaves the earlier peak in doubt instead, and stays."""
    out = np.zeros(len(e), dtype=bool)
    cum = e["k_cumulative"].to_numpy(dtype=bool)
    if not cum.any():
        return out
    c = e.loc[cum, ["group", "window", "lo", "hi", "stray"]]
    c = c.assign(lo=c["lo"].where(~c["stray"].to_numpy(dtype=bool)))  # a stray figure is no peak
    pw = c.groupby(["group", "window"], sort=True).agg(maxlo=("lo", "max"), minlo=("lo", "min"))
    g = pw.index.get_level_values(0)
    earlier_peak = pw["maxlo"].groupby(g).cummax().groupby(g).shift(1)
    # the next window's figures must lie above for certain: "more than 570" does, "up to 900" need not
    next_low = pw["minlo"].groupby(g).shift(-1)
    idx = pd.MultiIndex.from_arrays([c["group"], c["window"]])
    before = np.abs(earlier_peak.reindex(idx).to_numpy(dtype=float))
    after = np.abs(next_low.reindex(idx).to_numpy(dtype=float))
    steep = MAX_DROP_RATIO * np.abs(c["hi"].to_numpy(dtype=float))
    with np.errstate(invalid="ignore"):
        out[cum] = (steep < before) & (steep < after)
    return out


def _others_extreme(frame: pd.DataFrame, outer: str, inner: str, lo: str = "lo", hi: str = "hi") -> tuple[np.ndarray, np.ndarray]:
    """For each row: the largest lower bound and the smallest upper bound among the rows of
    its ``outer`` block that belong to a different ``inner`` unit (another article, another
    window). Done with the top-two trick on per-unit extremes: no pairs."""
    o = frame[outer].to_numpy()
    i = frame[inner].to_numpy()
    unit = combine_codes(o, i)
    k = int(unit.max()) + 1
    maxlo = np.full(k, -np.inf)
    np.maximum.at(maxlo, unit, frame[lo].to_numpy(dtype=float))
    minhi = np.full(k, np.inf)
    np.minimum.at(minhi, unit, frame[hi].to_numpy(dtype=float))
    first_row = np.full(k, -1, dtype=np.int64)
    first_row[unit[::-1]] = np.arange(len(unit))[::-1]
    u_outer = o[first_row]
    n_outer = int(o.max()) + 1
    res = []
    for values, sign in ((maxlo, 1.0), (minhi, -1.0)):
        # per outer block: the best unit value and the best among the other units (a missing
        # value ranks last; ties for best are each other's second)
        v = sign * values
        valid = ~np.isnan(v)
        best = np.full(n_outer, -np.inf)
        np.maximum.at(best, u_outer[valid], v[valid])
        is_best = valid & (v == best[u_outer])
        n_best = np.bincount(u_outer[is_best], minlength=n_outer)
        n_valid = np.bincount(u_outer[valid], minlength=n_outer)
        rest = valid & ~is_best
        second = np.full(n_outer, -np.inf)
        np.maximum.at(second, u_outer[rest], v[rest])
        second = np.where(n_valid >= 2, np.where(n_best >= 2, best, second), np.nan)
        best = np.where(n_valid >= 1, best, np.nan)
        res.append(sign * np.where(is_best[unit], second[o], best[o]))
    return res[0], res[1]


def _clash(e: pd.DataFrame, other_lo: np.ndarray, other_hi: np.ndarray, max_ratio: float | None = None) -> np.ndarray:
    """Rows whose interval is disjoint from the others' extremes. With ``max_ratio``, a gap of
    more than that factor is taken for two different quantities (a per-person payment and a
    total), not a disagreement about one."""
    lo, hi = e["lo"].to_numpy(), e["hi"].to_numpy()
    above, below = other_lo > hi, other_hi < lo
    if max_ratio is not None:
        with np.errstate(divide="ignore", invalid="ignore"):
            above &= ~(np.abs(other_lo) > max_ratio * np.abs(hi))
            below &= ~(np.abs(lo) > max_ratio * np.abs(other_hi))
    return above | below


def _drops(c: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(earlier rows, later rows), one pair per fall in a cumulative figure: a later claim wholly
    below an earlier one, where the fall is at most MAX_DROP_RATIO (a corrected toll; a steeper
    fall is two quantities under one key, a region and the whole, a forecast and a count).
    Only groups already known to fall are passed in. The earlier figure must be the peak the
    fall came from: no window strictly between the two has a figure above it (a toll that
    rose from 99 to 115 and fell to 97 fell from 115, not from 99)."""
    none = np.array([], dtype=np.int64)
    if c.empty:
        return none, none
    codes, _ = pd.factorize(c["group"])  # a claim without a group is in no pair
    window = c["window"].to_numpy(dtype=float)
    lo, hi = c["lo"].to_numpy(dtype=float), c["hi"].to_numpy(dtype=float)
    rows = c.index.to_numpy()
    ordered = np.argsort(codes, kind="stable")
    bounds = np.flatnonzero(np.diff(codes[ordered])) + 1
    early: list[np.ndarray] = []
    late: list[np.ndarray] = []
    with np.errstate(invalid="ignore"):
        for idx in np.split(ordered, bounds):
            if codes[idx[0]] < 0 or len(idx) < 2:
                continue
            w, l, h = window[idx], lo[idx], hi[idx]
            # each window's peak (its highest low); the highest peak strictly between two windows
            wins = distinct(w[~np.isnan(w)])
            at = np.searchsorted(wins, w)
            peak = np.full(len(wins), -np.inf)
            np.fmax.at(peak, at[~np.isnan(w)], l[~np.isnan(w)])
            between = np.full((len(wins), len(wins)), -np.inf)
            for i in range(len(wins) - 2):
                between[i, i + 2:] = np.maximum.accumulate(peak[i + 1:-1])
            step = max(1, PAIR_BATCH // len(idx))  # pairs a batch of earlier claims at a time
            for s0 in range(0, len(idx), step):
                a = slice(s0, s0 + step)
                fell = ((w[a, None] < w[None, :]) & (h[None, :] < l[a, None])
                        & (np.abs(l[a, None]) <= MAX_DROP_RATIO * np.abs(h[None, :])))
                ia, ib = np.nonzero(fell)
                if not len(ia):
                    continue
                ia += s0
                kept = ~(between[at[ia], at[ib]] > h[ia])
                early.append(idx[ia[kept]])
                late.append(idx[ib[kept]])
    if not early:
        return none, none
    return rows[np.concatenate(early)], rows[np.concatenate(late)]
