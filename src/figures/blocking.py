"""Blocking: which claims are compared with which.

Conversions printed next to their figure and the old figure of a change the article states
itself are set aside (``set_aside``). The rest are grouped by key; a group is split into
episodes when no article mentions it for EPISODE_GAP_DAYS, and an episode into time windows
of ``Settings.same_time_days`` (``judged_rows``)."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from figures.config import Settings

# Words in a sentence that state a change, so two figures in it are old and new, not a clash.
CHANGE_WORDS = re.compile(
    r"\b(?:from|rose|risen|rising|rise|fell|fallen|falling|climbed|jumped|dropped|increased|decreased|"
    r"revised|up from|down from|previous|previously|earlier|compared with|compared to|swelled|grew|"
    r"doubled|soared|went up|went down|before)\b", re.I)
OLD_BEFORE = re.compile(r"\b(?:from|previous(?:ly)?|earlier|originally|was|down from|up from)\b[^0-9]{0,30}$", re.I)
OLD_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:previously|previous|earlier|before|originally)\b", re.I)
# Two figures this close in the text with units of one kind are a figure and its conversion.
CONVERSION_GAP = 6
# Claims about one quantity this far apart in time (days) belong to different stories.
EPISODE_GAP_DAYS = 180


def judged_rows(w: pd.DataFrame, aside: np.ndarray, settings: Settings) -> tuple[np.ndarray, pd.DataFrame]:
    """(eligible, e): the mask of claims that can be compared, and the table of those whose group
    holds two or more, one row per claim (indexed by its position in ``w``), sorted by group,
    day, article and position, with its group (an episode of one key) and time window. Adds the
    columns ``group`` and ``generic_money`` to ``w``."""
    n = len(w)
    eligible = (~aside & np.isfinite(w["lo"].to_numpy()) & w["k_predicate"].notna().to_numpy()
                & (w["k_modality"] != "denied").to_numpy())
    group = np.full(n, -1, dtype=np.int64)
    group[eligible] = pd.factorize(w["kcode"].to_numpy()[eligible] * 2 + w["k_change"].to_numpy()[eligible])[0]
    w["group"] = group
    size = np.bincount(group[eligible])[group] if eligible.any() else np.zeros(n, dtype=np.int64)
    keep = eligible & (size >= 2)
    # money with no counted thing of its own ("cost", "payment"): one story's budget, running
    # total and instalments share that key, so its figures at different times are read as one
    # timeline only while they stay within GENERIC_MONEY_SPAN of each other
    w["generic_money"] = is_currency(w["k_unit"]) & w["k_entity"].isna().to_numpy()
    # the judged rows, ordered by (quantity episode, day, article, position), taken from w once
    rows = np.flatnonzero(keep)
    grp, pub = w["group"].to_numpy()[rows], w["published_day"].to_numpy()[rows]
    # a quantity's story ends when no article mentions it for EPISODE_GAP_DAYS (by publication
    # date: an old figure quoted in a new article still belongs to the new story)
    by_pub = np.lexsort((pub, grp))
    g, p = grp[by_pub], pub[by_pub]
    episode = np.empty(len(rows), dtype=np.int64)
    episode[by_pub] = np.cumsum(np.r_[True, (g[1:] != g[:-1]) | (p[1:] - p[:-1] > EPISODE_GAP_DAYS)]) - 1
    if len(rows):
        several = np.bincount(episode)[episode] >= 2
        rows, episode = rows[several], episode[several]
    order = np.lexsort((w["start"].to_numpy()[rows], w["art"].to_numpy()[rows], w["day"].to_numpy()[rows], episode))
    rows, episode = rows[order], episode[order]
    e = pd.DataFrame({c: w[c].to_numpy()[rows] for c in ("day", "art", "start", "sent", "src", "lo", "hi", "rlo", "rhi", "v_base",
                                                        "generic_money", "k_cumulative", "k_occasion", "claimant", "published_day", "own_voice",
                                                        "forecast")},
                     index=rows)
    e.insert(0, "group", episode)
    e["window"] = _windows(e["group"].to_numpy(), e["day"].to_numpy(), settings.same_time_days)
    return eligible, e


def set_aside(w: pd.DataFrame, span: pd.Series) -> tuple[np.ndarray, list[tuple[int, int, str]]]:
    """Rows that are a conversion of their neighbour or the old figure of a stated change.
    Returns a mask of rows to leave out and (kept row, set-aside row, reason) pairs."""
    n = len(w)
    out = np.zeros(n, dtype=bool)
    pairs: list[tuple[int, int, str]] = []
    order = np.lexsort((w["start"].to_numpy(), w["art"].to_numpy()))
    art = w["art"].to_numpy()[order]
    start = w["start"].to_numpy(dtype=float)[order]
    end = w["end"].to_numpy(dtype=float)[order]
    kind = w["k_unit"].to_numpy()[order]
    unit = w["unit"].fillna("").astype(str).to_numpy()[order]
    same_art = np.r_[False, art[1:] == art[:-1]]
    gap = np.r_[np.inf, start[1:] - end[:-1]]
    is_money = is_currency(w["k_unit"])[order]
    same_kind = np.r_[False, (kind[1:] == kind[:-1]) | (is_money[1:] & is_money[:-1])]
    diff_unit = np.r_[False, unit[1:] != unit[:-1]]
    conv = same_art & (gap <= CONVERSION_GAP) & same_kind & diff_unit
    for i in np.flatnonzero(conv):
        out[order[i]] = True
        pairs.append((int(order[i - 1]), int(order[i]), "conversion: the same amount in another unit or currency"))

    # stated changes: two figures of one key in one sentence that names a change
    # (only sentences holding two figures of one key are read for change words)
    sent = w["sent"].to_numpy()
    shared = (sent >= 0) & ~out
    key = np.full(n, -1, dtype=np.int64)
    key[shared] = pd.factorize(w["kcode"].to_numpy()[shared] * (sent.max() + 2) + sent[shared])[0]
    multi = shared & (np.bincount(key[shared])[key] >= 2) if shared.any() else shared
    if multi.any():
        texts = w["sentence"].to_numpy()
        reads = {t: bool(CHANGE_WORDS.search(t)) for t in pd.unique(texts[multi]) if isinstance(t, str)}
        at = np.flatnonzero(multi)  # only the sentences holding two figures of one key are looked up
        multi[at] = [reads.get(t, False) if isinstance(t, str) else False for t in texts[at].tolist()]
    cand = w.loc[multi, ["sentence"]].assign(key=key[multi]) if np.any(multi) else w.iloc[:0]
    if not cand.empty:
        spans = span.to_numpy()
        for _, rows in cand.groupby("key", sort=False):
            idx = rows.index.to_numpy()
            old = [i for i in idx if _is_old_figure(w.at[i, "sentence"], spans[i])]
            if not old or len(old) == len(idx):
                continue
            new = [i for i in idx if i not in old]
            for i in old:
                out[i] = True
                pairs.append((int(new[0]), int(i), "stated change: the article itself reports the old and the new figure"))
    return out, pairs


def _is_old_figure(sentence: str, span: str) -> bool:
    if not sentence or not span:
        return False
    at = sentence.find(span)
    if at < 0:
        return False
    return bool(OLD_BEFORE.search(sentence[max(0, at - 45):at]) or OLD_AFTER.search(sentence[at + len(span):]))


def _windows(group: np.ndarray, day: np.ndarray, span_days: int) -> np.ndarray:
    """Window ids: within a group sorted by day, a window holds the claims within ``span_days``
    of its first claim. Input must be sorted by (group, day)."""
    n = len(group)
    if n == 0:
        return np.empty(0, dtype=np.int64)
    day = np.asarray(day, dtype=float)
    if not np.all(day == np.round(day)):  # fractional days: one claim at a time
        return _windows_one_by_one(group, day, span_days)
    # each claim's day on one line, groups far apart: the claim after a window's reach is the
    # first whose key passes its first claim's key + span (or the next group's first claim)
    d = (day - day.min()).astype(np.int64)
    key = np.asarray(group, dtype=np.int64) * (int(d.max()) + int(span_days) + 1) + d
    reach = np.searchsorted(key, key + int(span_days), side="right").tolist()
    starts = np.zeros(n, dtype=np.int64)
    i = 0
    while i < n:  # one step per window, not per claim
        starts[i] = 1
        i = reach[i]
    return np.cumsum(starts) - 1


def _windows_one_by_one(group: np.ndarray, day: np.ndarray, span_days: int) -> np.ndarray:
    win = np.empty(len(group), dtype=np.int64)
    w, prev, anchor = -1, None, 0.0
    for i, (g, d) in enumerate(zip(group.tolist(), day.tolist())):
        if g != prev or d - anchor > span_days:
            w += 1
            anchor = d
            prev = g
        win[i] = w
    return win


def is_currency(unit_keys: pd.Series) -> np.ndarray:
    """Which unit keys are a currency ("currency:USD"), read once per distinct key."""
    codes, uniques = pd.factorize(unit_keys)
    return np.array([isinstance(u, str) and u.startswith("currency:") for u in uniques] + [False], dtype=bool)[codes]
