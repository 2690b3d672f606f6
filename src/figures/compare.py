"""Claims (a DataFrame from Store.claims_frame) -> flags, related figures, repeats and source
reliability. Pure: no database, no I/O.

How it works, in array operations over the whole table:

1. **Key** every claim (figures.quantity): subject, scope, predicate, counted entity, markers
   (per person, to date, previous, increment ...), modality class, unit dimension, change vs level.
   Claims whose key cannot be built (no figure, no predicate) are left out. A claim with no
   subject is compared only inside its own article.
2. **Set aside** what is not a comparison: a conversion printed next to its figure ("£10bn
   ($13bn)") and the old figure of a change the article states itself ("rose from 99 to 101").
   Both come out as Related records.
3. **Block** by key (pandas groupby) and split each block into time windows: claims whose as-of
   dates lie within ``Settings.same_time_days`` of the window's first claim.
4. **Interval algebra** (figures.intervals) on the logical intervals, with per-window and
   per-article extremes, so "does this claim clash with anyone else here" is a join, not a
   pair loop:

   - ``cross_source``: a claim disagrees with a claim of another article in its window, or
     with another named claimant quoted in the same article;
   - ``within_article``: an article contradicts itself: a figure in its own voice (or one
     claimant's) disagrees with another of its figures in another sentence;
   - ``revision``: a claim disagrees with a claim of the same quantity in another window
     (the flag lists the quantity's timeline of disagreeing figures, a source revising itself
     included);
   - ``monotonic``: a cumulative quantity (tolls, totals) falls: a later figure lies wholly
     below an earlier one.
5. Flags carry stable ids (Flag.make_id over kind and claim ids), severity (the relative gap)
   and an explanation naming the matched key fields, the claimants and the outlets.

Not flagged, but returned as Related records with the reason: conversions, stated changes,
and neighbouring quantities (same subject and measure, another scope, modality, counted thing
or marker: planned vs deployed, region vs whole). Repeats list one claimant's figure carried by
several articles, first appearance first. Reliability is CRH over the comparison windows
(figures.reliability). ``apply_verdicts`` puts reviewers' verdicts on flags; a verdict holds
for exactly the claims it was given on.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

import numpy as np
import pandas as pd

from figures.config import Settings
from figures.intervals import logical_bounds
from figures.quantity import GENERIC_ENTITIES, key_frame, predicate
from figures.records import Flag, FlagClaim, Related, Repeat
from figures.reliability import crh

log = logging.getLogger(__name__)

KEY_FIELDS = ["k_subject", "k_scope", "k_predicate", "k_entity", "k_markers", "k_modality", "k_unit", "k_change"]
# Words in a sentence that state a change, so two figures in it are old and new, not a clash.
CHANGE_WORDS = re.compile(
    r"\b(?:from|rose|risen|rising|rise|fell|fallen|falling|climbed|jumped|dropped|increased|decreased|"
    r"revised|up from|down from|previous|previously|earlier|compared with|compared to|swelled|grew|"
    r"doubled|soared|went up|went down|before)\b", re.I)
OLD_BEFORE = re.compile(r"\b(?:from|previous(?:ly)?|earlier|originally|was|down from|up from)\b[^0-9]{0,30}$", re.I)
OLD_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:previously|previous|earlier|before|originally)\b", re.I)
# Two figures this close in the text with units of one kind are a figure and its conversion.
CONVERSION_GAP = 6
ISO_CURRENCY = re.compile(r"^[A-Z]{3}$")
MIN_RELIABILITY_CLAIMS = 5
# At the same time, figures more than this factor apart are two quantities, not one in dispute.
MAX_SAME_TIME_RATIO = 20.0
# A block whose figures at one time span more than this factor is not read as one timeline
# (tolls grow up to ~7x in the first three days of a disaster; per-person vs total is 10x+).
MIXED_RATIO = 10.0
# One-sided wordings read as their stated figure when a quantity's timeline is judged.
STATED_AS_ABOUT = {q: "about" for q in ("at_least", "more_than", "at_most", "up_to", "less_than")}
# A cumulative figure corrected downwards rarely falls by more than this factor; a steeper fall
# is two quantities sharing a key.
MAX_DROP_RATIO = 2.0
# Figures of a flag about money with no counted thing of its own, more than this factor apart
# with nothing in between, are different sums (a budget and an instalment).
GENERIC_MONEY_RATIO = 3.0
# Figures one article gives for one quantity more than this factor apart are quantities it
# tells apart, not a self-contradiction.
WITHIN_ARTICLE_RATIO = 1.5
# A timeline of such sums spanning more than this factor holds several sums, not one revised.
GENERIC_MONEY_SPAN = 1.5
# Claims about one quantity this far apart in time (days) belong to different stories.
EPISODE_GAP_DAYS = 180


@dataclass(frozen=True)
class Comparison:
    flags: tuple[Flag, ...] = ()
    related: tuple[Related, ...] = ()
    repeats: tuple[Repeat, ...] = ()
    # one row per claimant with >= 5 claims in groups: attributed_to, claims, weight, low, high
    reliability: pd.DataFrame = field(default_factory=pd.DataFrame)


# -- units -------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=4096)
def unit_info(unit: str | None) -> tuple[str, float]:
    """(dimension key, factor to the dimension's base unit). Currencies are their own dimension
    (never converted), a plain count is "count", and a unit pint does not know stands alone."""
    if unit is None or (isinstance(unit, float) and np.isnan(unit)) or str(unit).strip() in ("", "None"):
        return "count", 1.0
    u = str(unit).strip()
    if ISO_CURRENCY.match(u):
        return "currency:" + u, 1.0
    if u.lower() in ("percent", "%", "per cent", "percentage"):
        return "percent", 1.0
    try:
        q = _registry().Quantity(1.0, u)
        base = q.to_base_units()
        dim = str(q.dimensionality)
        if dim == "dimensionless":
            return "unit:" + u.lower(), 1.0
        return "dim:" + dim, float(base.magnitude)
    except Exception:  # pint raises several unrelated types for unknown units
        return "unit:" + u.lower(), 1.0


# -- preparing the table -------------------------------------------------------------------------
def _claimant(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(label, normalised key) of the original claimant: the first of the relay chain, else
    attributed_to, else the outlet. "(via X)" notes are relays, not claimants."""
    n = len(frame)
    get = lambda name: frame[name] if name in frame else pd.Series([None] * n, index=frame.index)  # noqa: E731
    c_codes, c_uniques = pd.factorize(get("claimant_chain"))
    firsts = [((c.split(" <- ")[0].strip() or None) if isinstance(c, str) else
               (c[0] if isinstance(c, (list, tuple)) and c else None)) for c in c_uniques] + [None]
    first = pd.Series(np.array(firsts, dtype=object)[c_codes], index=frame.index)
    label = first.where(first.notna(), get("attributed_to"))
    label = label.where(label.notna(), get("outlet"))
    codes, uniques = pd.factorize(label)
    norm = [_source_key(u) for u in uniques]
    return label.to_numpy(), np.array(norm + [""], dtype=object)[codes]


def _source_key(name) -> str:
    """A claimant or outlet name compared loosely: case, spacing and "(via X)" notes aside."""
    return re.sub(r"\s+", " ", re.sub(r"\(via [^)]*\)", "", str(name))).strip().lower() if isinstance(name, str) else ""


def _days(series: pd.Series) -> np.ndarray:
    """Days since 1970 (NaN when missing), computed once per distinct date."""
    codes, uniques = pd.factorize(series)
    days = pd.to_datetime(pd.Series(list(uniques), dtype=object), errors="coerce")
    lookup = np.r_[((days - pd.Timestamp("1970-01-01")).dt.days).to_numpy(dtype=float), np.nan]
    return lookup[np.where(codes < 0, len(uniques), codes)]


def _set_aside(w: pd.DataFrame, span: pd.Series) -> tuple[np.ndarray, list[tuple[int, int, str]]]:
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
    is_money = w["k_unit"].str.startswith("currency:").to_numpy(dtype=bool)[order]
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
        multi &= np.array([reads.get(t, False) if isinstance(t, str) else False for t in texts], dtype=bool) if reads else False
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
    win = np.empty(len(group), dtype=np.int64)
    w, prev, anchor = -1, None, 0.0
    for i, (g, d) in enumerate(zip(group.tolist(), day.tolist())):
        if g != prev or d - anchor > span_days:
            w += 1
            anchor = d
            prev = g
        win[i] = w
    return win


def _others_extreme(frame: pd.DataFrame, outer: str, inner: str, lo: str = "lo", hi: str = "hi") -> tuple[np.ndarray, np.ndarray]:
    """For each row: the largest lower bound and the smallest upper bound among the rows of
    its ``outer`` block that belong to a different ``inner`` unit (another article, another
    window). Done with the top-two trick on per-unit extremes: no pairs."""
    o = frame[outer].to_numpy()
    i = frame[inner].to_numpy()
    unit = _combine(o, i)
    k = int(unit.max()) + 1
    maxlo = np.full(k, -np.inf)
    np.maximum.at(maxlo, unit, frame[lo].to_numpy(dtype=float))
    minhi = np.full(k, np.inf)
    np.minimum.at(minhi, unit, frame[hi].to_numpy(dtype=float))
    first_row = np.full(k, -1, dtype=np.int64)
    first_row[unit[::-1]] = np.arange(len(unit))[::-1]
    u_outer, u_inner = o[first_row], i[first_row]
    n_outer = int(o.max()) + 1
    res = []
    for values, sign in ((maxlo, -1.0), (minhi, 1.0)):
        # per outer block: the best and second-best unit (sorted by value within the block)
        order = np.lexsort((sign * values, u_outer))
        so, sv, si = u_outer[order], values[order], u_inner[order]
        head = np.r_[True, so[1:] != so[:-1]]
        starts = np.flatnonzero(head)
        best_val = np.full(n_outer, np.nan)
        best_who = np.full(n_outer, -1, dtype=np.int64)
        second_val = np.full(n_outer, np.nan)
        best_val[so[starts]], best_who[so[starts]] = sv[starts], si[starts]
        nxt = starts + 1
        has_second = (nxt < len(so)) & (np.r_[so[1:], -1][starts] == so[starts])
        second_val[so[starts[has_second]]] = sv[nxt[has_second]]
        res.append(np.where(best_who[o] == i, second_val[o], best_val[o]))
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


# -- the comparison ----------------------------------------------------------------------------
def compare(claims: pd.DataFrame, settings: Settings = Settings()) -> Comparison:
    """Group claims about the same quantity and judge each group."""
    if claims is None or claims.empty:
        return Comparison(reliability=pd.DataFrame(columns=["attributed_to", "claims", "weight", "low", "high"]))
    if "claim_id" not in claims:
        raise ValueError("claims need a claim_id column (Store.claims_frame gives one)")
    df = claims.reset_index(drop=True)
    n = len(df)
    col = lambda name: df[name] if name in df else pd.Series([None] * n)  # noqa: E731
    w = key_frame(df)
    codes, uniques = pd.factorize(col("unit"))
    info = [unit_info(u) for u in uniques] + [unit_info(None)]
    w["k_unit"] = np.array([i[0] for i in info], dtype=object)[codes]
    factor = np.array([i[1] for i in info], dtype=float)[codes]
    # a unit pint does not know that names a measure ("7.8 magnitude") is the measure: the
    # figure is then a bare number of that measure
    named = {u: predicate(u[5:]) for u in pd.unique(w["k_unit"]) if isinstance(u, str) and u.startswith("unit:")}
    names = w["k_unit"].map(named)
    is_named = names.notna().to_numpy()
    if is_named.any():
        w.loc[is_named, "k_predicate"] = names[is_named].to_numpy()
        w.loc[is_named, "k_unit"] = "count"
    _merge_scopes(w)
    _entity_key(w)
    _subject_fallback(w, col("article_id"))
    w["article_id"] = col("article_id").to_numpy()
    w["start"] = pd.to_numeric(col("start"), errors="coerce").fillna(0).to_numpy()
    w["end"] = pd.to_numeric(col("end"), errors="coerce").fillna(0).to_numpy()
    w["sentence"] = col("sentence").to_numpy()
    w["unit"] = col("unit").to_numpy()

    value = pd.to_numeric(col("value"), errors="coerce").to_numpy(dtype=float) * factor
    low = pd.to_numeric(col("low"), errors="coerce").to_numpy(dtype=float) * factor
    high = pd.to_numeric(col("high"), errors="coerce").to_numpy(dtype=float) * factor
    w["lo"], w["hi"] = logical_bounds(value, low, high, col("qualifier").fillna("exact").to_numpy(),
                                      settings.rounding_tolerance)
    w["v_base"] = value
    # over time a source's stated figure is what changes: "more than 21,000" on one day and
    # "62,914" later is a revised figure, though the wording of the first allows the second
    stated = col("qualifier").fillna("exact").replace(STATED_AS_ABOUT).to_numpy()
    w["rlo"], w["rhi"] = logical_bounds(value, low, high, stated, settings.rounding_tolerance)
    as_of, published = _days(col("as_of")), _days(col("published"))
    day = np.where(np.isnan(as_of), published, as_of)
    w["day"] = np.where(np.isnan(day), 0.0, day)
    w["published_day"] = np.where(np.isnan(published), w["day"].to_numpy(), published)
    elapsed = (w["k_predicate"] == "elapsed").to_numpy()
    if elapsed.any():  # time since an event is compared only within one as-of day
        w.loc[elapsed, "k_markers"] = w.loc[elapsed, "k_markers"] + "@day" + w.loc[elapsed, "day"].astype(int).astype(str)
    w["claimant"], w["source"] = _claimant(df)
    # integer codes stand in for strings in every sort and grouping below
    w["art"] = pd.factorize(w["article_id"])[0]
    w["sent"] = pd.factorize(w["sentence"])[0]
    w["src"] = pd.factorize(w["source"])[0]
    # the article's own voice: no claimant named, or the outlet itself
    o_codes, o_uniques = pd.factorize(col("outlet"))
    outlet_key = np.array([_source_key(o) for o in o_uniques] + [""], dtype=object)[o_codes]
    w["own_voice"] = (w["source"].to_numpy() == outlet_key) | (w["source"].to_numpy() == "")
    if _merge_subjects(w, df):
        _merge_scopes(w)
    w["kcode"] = _combined_codes(w, KEY_FIELDS[:-1])

    aside, pairs = _set_aside(w, col("span"))
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
    w["generic_money"] = (w["k_unit"].str.startswith("currency:") & w["k_entity"].isna()).to_numpy(dtype=bool)
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
                                                        "generic_money", "k_cumulative", "claimant", "published_day", "own_voice")},
                     index=rows)
    e.insert(0, "group", episode)
    e["window"] = _windows(e["group"].to_numpy(), e["day"].to_numpy(), settings.same_time_days)

    members: list[pd.DataFrame] = []
    if not e.empty:
        # cross-source: disagrees with another article in its window, or, inside one article,
        # with another named claimant (an article that quotes two sources reports their dispute)
        other_lo, other_hi = _others_extreme(e, "window", "art")
        hit = _clash(e, other_lo, other_hi, max_ratio=MAX_SAME_TIME_RATIO)
        e["aw"] = e.groupby(["window", "art"], sort=False).ngroup()
        voice = e["own_voice"].to_numpy()
        quoted = e[~voice]
        if not quoted.empty:
            q_lo, q_hi = _others_extreme(quoted, "aw", "src")
            hit[~voice] |= _clash(quoted, q_lo, q_hi, max_ratio=MAX_SAME_TIME_RATIO)
        members.append(pd.DataFrame({"row": e.index[hit], "kind": "cross_source", "fkey": e["window"].to_numpy()[hit]}))
        # within one article (and window), against its other sentences, where the article speaks
        # in its own voice or one claimant contradicts itself; figures listed side by side in one
        # sentence are a breakdown or an enumeration, not a contradiction
        e["sid"] = e.groupby(["aw", "sent"], sort=False).ngroup()
        own = e[voice]
        within = np.zeros(len(e), dtype=bool)
        if not own.empty:
            # against the article's own-voice figures (every row), and own-voice rows against all
            e["own_lo"] = np.where(voice, e["lo"], -np.inf)
            e["own_hi"] = np.where(voice, e["hi"], np.inf)
            o_lo, o_hi = _others_extreme(e, "aw", "sid", lo="own_lo", hi="own_hi")
            within |= _clash(e, o_lo, o_hi, max_ratio=MAX_SAME_TIME_RATIO)
            a_lo, a_hi = _others_extreme(e, "aw", "sid")
            within |= voice & _clash(e, a_lo, a_hi, max_ratio=MAX_SAME_TIME_RATIO)
        e["aws"] = _combine(e["aw"].to_numpy(), e["src"].to_numpy())
        s_lo, s_hi = _others_extreme(e, "aws", "sid")
        within |= _clash(e, s_lo, s_hi, max_ratio=MAX_SAME_TIME_RATIO)
        members.append(pd.DataFrame({"row": e.index[within], "kind": "within_article", "fkey": e["aw"].to_numpy()[within]}))
        # revision: the quantity's figures disagree across windows; the flag lists its timeline
        # (by as-of day: a figure revised within a few days is still a revision). A figure more
        # than MIXED_RATIO from its window's median is another quantity under the key (a part,
        # a peak): it is left out of the timeline.
        point = np.where(np.isfinite(e["v_base"]), e["v_base"], np.where(np.isfinite(e["lo"]), e["lo"], e["hi"]))
        med = pd.Series(np.abs(point), index=e.index).groupby(e["window"]).transform("median").to_numpy()
        with np.errstate(divide="ignore", invalid="ignore"):
            outlier = (np.abs(point) > MIXED_RATIO * med) | (MIXED_RATIO * np.abs(point) < med)
        e["asof_day"] = pd.factorize(e["day"])[0]
        timeline = pd.DataFrame({"group": e["group"].to_numpy(), "asof_day": e["asof_day"].to_numpy(),
                                 "lo": np.where(outlier, -np.inf, e["rlo"]), "hi": np.where(outlier, np.inf, e["rhi"])})
        other_lo, other_hi = _others_extreme(timeline, "group", "asof_day")
        hit = pd.Series(_clash(timeline, other_lo, other_hi), index=e.index)
        changed = hit.groupby(e["group"]).transform("any").to_numpy()
        # a block whose figures at one time (outliers aside) still lie more than MIXED_RATIO
        # apart mixes quantities (per-person and total payments): it is not read as one timeline
        kept = e.loc[~outlier, ["group", "window", "lo", "hi"]]
        by_window = kept.groupby("window")
        spread = by_window["lo"].transform("max").abs() > MIXED_RATIO * by_window["hi"].transform("min").abs()
        mixed_groups = kept["group"].to_numpy()[spread.to_numpy()]
        mixed = np.isin(e["group"].to_numpy(), mixed_groups)
        # generic money is one sum revised only while its figures stay close together
        g_max = kept.groupby("group")["lo"].max().abs()
        g_min = kept.groupby("group")["hi"].min().abs()
        wide = (g_max > GENERIC_MONEY_SPAN * g_min).reindex(e["group"]).fillna(False).to_numpy(dtype=bool)
        changed = changed & ~mixed & ~outlier & ~(e["generic_money"].to_numpy(dtype=bool) & wide)
        members.append(pd.DataFrame({"row": e.index[changed], "kind": "revision", "fkey": e["group"].to_numpy()[changed]}))
        # monotonic: cumulative quantities whose later window lies wholly below an earlier one
        c = e[e["k_cumulative"].to_numpy()]
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
            rows_hit = _drops(c[np.isin(c["group"].to_numpy(), np.unique(c["group"].to_numpy()[hit]))])
            members.append(pd.DataFrame({"row": rows_hit, "kind": "monotonic",
                                         "fkey": c.loc[rows_hit, "group"].to_numpy()}))

    # free what the judgements needed before the records are built
    neighbours = _group_representatives(w, eligible)
    for name in ("sent", "own_voice", "aw", "sid", "own_lo", "own_hi", "aws", "k_cumulative"):
        if name in e:
            del e[name]
    for name in ("sentence", "unit", "end", "sent", "kcode", "group", "k_cumulative", "own_voice"):
        del w[name]
    rows = _Rows(df, w)
    flags = _build_flags(rows, w, members)
    del members
    rows.prepare([i for a, b, _ in pairs for i in (a, b)])
    related = tuple(Related(claims=(rows.claim(a), rows.claim(b)), reason=why) for a, b, why in pairs)
    related += tuple(_related_groups(rows, neighbours))
    del neighbours
    repeats = tuple(_repeats(rows, e))
    rel = crh(pd.DataFrame({"window": e["window"], "source": e["src"], "label": e["claimant"],
                            "value": (np.where(np.isfinite(e["v_base"]), e["v_base"], e["lo"]))}),
              MIN_RELIABILITY_CLAIMS) if not e.empty else crh(pd.DataFrame(columns=["window", "source", "value"]))
    log.info("compared %d claims: %d in %d groups, %d flags, %d related, %d repeats",
             n, len(e), e["group"].nunique() if not e.empty else 0, len(flags), len(related), len(repeats))
    return Comparison(flags=flags, related=related, repeats=repeats, reliability=rel)


def _drops(c: pd.DataFrame) -> np.ndarray:
    """Rows of a fall in a cumulative figure: a later claim wholly below an earlier one, and
    that earlier one, where the fall is at most MAX_DROP_RATIO (a corrected toll; a steeper
    fall is two quantities under one key, a region and the whole, a forecast and a count).
    Only groups already known to fall are passed in, so the pairwise join stays small."""
    if c.empty:
        return np.array([], dtype=np.int64)
    x = pd.DataFrame({"group": c["group"].to_numpy(), "window": c["window"].to_numpy(), "lo": c["lo"].to_numpy(),
                      "hi": c["hi"].to_numpy(), "row": c.index.to_numpy()})
    # pairs within a group, a batch of groups at a time so the pair table stays small
    sizes = x.groupby("group").size()
    batch = (np.cumsum((sizes.to_numpy(dtype=np.int64)) ** 2) // PAIR_BATCH)
    batch_of = pd.Series(batch, index=sizes.index)
    found = []
    for _, xs in x.groupby(x["group"].map(batch_of).to_numpy(), sort=False):
        q = xs.merge(xs, on="group", suffixes=("_a", "_b"))
        with np.errstate(invalid="ignore"):
            fell = ((q["window_a"] < q["window_b"]) & (q["hi_b"] < q["lo_a"])
                    & (np.abs(q["lo_a"]) <= MAX_DROP_RATIO * np.abs(q["hi_b"]))).to_numpy()
        found.append(q[fell])
    p = pd.concat(found, ignore_index=True)
    if p.empty:
        return np.array([], dtype=np.int64)
    # the earlier figure is the peak the fall came from: no figure between the two lies above it
    # (a toll that rose from 99 to 115 and fell to 97 fell from 115, not from 99)
    peaks = x.groupby(["group", "window"])["lo"].max()
    keep = []
    for g, wa, wb, hi_a in zip(p["group"].tolist(), p["window_a"].tolist(), p["window_b"].tolist(), p["hi_a"].tolist()):
        between = peaks.loc[g]
        between = between[(between.index > wa) & (between.index < wb)]
        keep.append(not (between > hi_a).any())
    p = p[np.array(keep, dtype=bool)]
    return np.unique(np.r_[p["row_a"].to_numpy(), p["row_b"].to_numpy()])


def _combine(*codes: np.ndarray) -> np.ndarray:
    """One integer per distinct tuple of non-negative integer codes (no overflow: each step is
    re-factorized)."""
    out = np.zeros(len(codes[0]), dtype=np.int64)
    for c in codes:
        c = np.asarray(c, dtype=np.int64)
        out = pd.factorize(out * (int(c.max()) + 1 if len(c) else 1) + c)[0].astype(np.int64)
    return out


def _combined_codes(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """One integer per distinct combination of the columns (missing values are a value)."""
    code = np.zeros(len(frame), dtype=np.int64)
    for c in columns:
        codes, uniques = pd.factorize(frame[c], use_na_sentinel=True)
        code = pd.factorize(code * (len(uniques) + 1) + (codes + 1))[0].astype(np.int64)
    return code


def _merge_scopes(w: pd.DataFrame) -> None:
    """Within one subject and measure, a scope worded with extra words ("rebel-held areas in
    the northwest") is the scope it contains ("rebel-held areas") when that one is unique."""
    scoped = w["k_scope"].notna().to_numpy()
    if not scoped.any():
        return
    block = _combined_codes(w, ["k_subject", "k_predicate", "k_unit"])
    pairs = pd.DataFrame({"b": block[scoped], "s": w["k_scope"].to_numpy()[scoped]}).drop_duplicates()
    multi = pairs[pairs.groupby("b")["s"].transform("size") >= 2]
    mapping: dict[tuple[int, str], str] = {}
    for b, scopes in multi.groupby("b")["s"]:
        sets = {sc: frozenset(sc.split()) for sc in scopes}
        for sc, words in sets.items():
            inside = [t for t, tw in sets.items() if tw < words]
            minimal = [t for t in inside if not any(sets[u] < sets[t] for u in inside)]
            if len(minimal) == 1:
                mapping[(b, sc)] = minimal[0]
    if mapping:
        keys = list(zip(block[scoped].tolist(), w["k_scope"].to_numpy()[scoped].tolist()))
        w.loc[scoped, "k_scope"] = [mapping.get(k, k[1]) for k in keys]


def _entity_key(w: pd.DataFrame) -> None:
    """The counted thing as a key field: "people" is not distinguishing once the predicate says
    killed or injured, nor a head that only names the predicate again ("troops" deployed)."""
    ent = w["k_entity"]
    generic = ent.isin(list(GENERIC_ENTITIES - {None})).to_numpy()
    codes, uniques = pd.factorize(ent)
    head_pred = np.array([predicate(u) for u in uniques] + [None], dtype=object)[codes]
    names_predicate = (head_pred == w["k_predicate"].to_numpy()) & ~w["k_cumulative"].to_numpy()
    same = (ent == w["k_predicate"]).to_numpy()
    w["k_entity"] = np.where(generic | names_predicate | same, None, ent.to_numpy())


# Subjects naming several places ("Turkey and Syria") are never folded into one of them.
COMPOUND_SUBJECT = re.compile(r"\band\b|,|&|/")
WORDS = re.compile(r"[a-z0-9]+")
WORD_CHUNK = 50_000  # texts read for names at a time
PAIR_BATCH = 2_000_000  # claim pairs of cumulative groups joined at a time


def _merge_subjects(w: pd.DataFrame, df: pd.DataFrame) -> bool:
    """One quantity reported under the names of nested places ("Lahaina", "Maui", "Hawaii"):
    within a block of claims that match on every other key field, a subject is folded into
    the block's subject with more articles when the articles using it name that subject (in
    the title or a claim's sentence) and no article gives the two subjects disjoint figures
    (an article that states both apart, "Turkey 3,000, Syria 1,000", keeps them apart). A
    subject naming several places is never folded. Returns whether any subject changed."""
    subj = w["k_subject"].to_numpy()
    real = pd.notna(subj) & ~pd.Series(subj).astype(str).str.startswith("article:").to_numpy()
    if real.sum() < 2:
        return False
    block = _combined_codes(w, ["k_scope", "k_predicate", "k_entity", "k_markers", "k_modality", "k_unit", "k_change"])
    t = pd.DataFrame({"b": block, "s": subj, "a": w["art"].to_numpy(), "lo": w["lo"].to_numpy(),
                      "hi": w["hi"].to_numpy()})[real & np.isfinite(w["lo"].to_numpy()) & w["k_predicate"].notna().to_numpy()]
    multi = t.groupby("b")["s"].transform("nunique").to_numpy() >= 2
    t = t[multi]
    if t.empty:
        return False
    # which subjects each article names (in its title or a claim's sentence), by word sets:
    # a subject's words indexed by its first word, so this costs the words read, not
    # articles times subjects
    n = len(df)
    titles = df["title"] if "title" in df else pd.Series([None] * n)
    sentences = w["sentence"].fillna("").astype(str)
    arts_needed = set(t["a"].tolist())
    art_codes = w["art"].to_numpy()
    wanted = np.isin(art_codes, list(arts_needed))
    shown = pd.DataFrame({"a": art_codes[wanted], "t": titles.fillna("").astype(str).to_numpy()[wanted],
                          "s": sentences.to_numpy()[wanted]})
    texts = pd.concat([shown[["a", "t"]].rename(columns={"t": "x"}),
                       shown[["a", "s"]].rename(columns={"s": "x"})]).drop_duplicates()
    raw = pd.DataFrame({"s": subj, "r": df["subject"] if "subject" in df else pd.Series([None] * n)})
    spelled = []
    for sub, r in raw[real].drop_duplicates().itertuples(index=False):
        for x in {sub, str(r).lower()}:
            ws = tuple(WORDS.findall(x))
            if ws:
                spelled.append((ws[0], ws, sub))
    spell = pd.DataFrame(spelled, columns=["w", "ws", "sub"]).drop_duplicates()
    named_in: dict[int, set[str]] = {}
    # a few articles at a time, so the table of words stays small
    chunks = max(1, len(texts) // WORD_CHUNK + 1)
    for part in range(chunks):
        piece = texts[texts["a"].to_numpy() % chunks == part]
        tok = (piece.assign(w=piece["x"].str.lower().str.findall(WORDS.pattern))[["a", "w"]]
               .explode("w").dropna().drop_duplicates())
        cand = tok.merge(spell, on="w")
        several = cand["ws"].map(len).to_numpy() > 1
        for a, sub in cand.loc[~several, ["a", "sub"]].drop_duplicates().itertuples(index=False):
            named_in.setdefault(a, set()).add(sub)
        if several.any():  # a name of several words: all of them in the article
            multi = cand[several]
            bags = tok[tok["a"].isin(multi["a"].unique())].groupby("a")["w"].agg(set).to_dict()
            for a, ws, sub in multi[["a", "ws", "sub"]].itertuples(index=False):
                if all(x in bags[a] for x in ws):
                    named_in.setdefault(a, set()).add(sub)
        del tok, cand

    if not named_in:
        return False
    mapping = _fold_targets(t, named_in)
    if mapping.empty:
        return False
    names = pd.Index(mapping["name"].unique())
    width = len(names) + 1
    wanted = mapping["b"].to_numpy(dtype=np.int64) * width + names.get_indexer(mapping["name"])
    row_key = block.astype(np.int64) * width + names.get_indexer(subj)
    at = pd.Index(wanted).get_indexer(row_key)
    folded = at >= 0
    new_subj = subj.astype(object, copy=True)
    new_subj[folded] = mapping["target"].to_numpy(dtype=object)[at[folded]]
    w["k_subject"] = new_subj
    log.debug("subjects folded into a containing one: %s",
              sorted(set(zip(zip(mapping["b"].tolist(), mapping["name"].tolist()), mapping["target"].tolist()))))
    return True


def _fold_targets(t: pd.DataFrame, named_in: dict[int, set[str]]) -> pd.DataFrame:
    """For each (block, subject): the subject it folds into, as columns b, name, target.

    A subject folds into a subject of its block with more articles that one of its articles
    names, is not compound, and that no shared article gives disjoint figures; among several,
    the one with most articles (then the first by name). All on integer codes."""
    per = t.groupby(["b", "s", "a"], sort=False).agg(lo=("lo", "max"), hi=("hi", "min")).reset_index()
    s_code, s_names = pd.factorize(per["s"])
    b = per["b"].to_numpy(dtype=np.int64)
    a = per["a"].to_numpy(dtype=np.int64)
    bs = b * (len(s_names) + 1) + s_code
    n_arts = pd.Series(bs).map(pd.Series(bs).value_counts()).to_numpy()  # articles per (block, subject)
    code_of = {name: i for i, name in enumerate(s_names)}
    link_a = [x for x, subs in named_in.items() for sub in subs if sub in code_of]
    link_x = [code_of[sub] for x, subs in named_in.items() for sub in subs if sub in code_of]
    empty = pd.DataFrame({"b": [], "name": [], "target": []})
    if not link_a:
        return empty
    links = pd.DataFrame({"a": np.asarray(link_a, dtype=np.int64), "x": np.asarray(link_x, dtype=np.int64)})
    cand = (pd.DataFrame({"b": b, "s": s_code, "a": a}).merge(links, on="a")[["b", "s", "x"]]
            .drop_duplicates())
    cand = cand[cand["s"].to_numpy() != cand["x"].to_numpy()]
    counts = pd.DataFrame({"b": b, "s": s_code, "n": n_arts}).drop_duplicates(["b", "s"])
    cand = (cand.merge(counts.rename(columns={"s": "x", "n": "n_x"}), on=["b", "x"])
            .merge(counts.rename(columns={"n": "n_s"}), on=["b", "s"]))
    compound = np.array([bool(COMPOUND_SUBJECT.search(x)) for x in s_names], dtype=bool)
    cand = cand[(cand["n_x"].to_numpy() > cand["n_s"].to_numpy()) & ~compound[cand["s"].to_numpy()]
                & ~compound[cand["x"].to_numpy()]]
    if cand.empty:
        return empty
    # an article of the block that gives both subjects disjoint figures keeps them apart
    p = pd.DataFrame({"b": b, "a": a, "s": s_code, "lo": per["lo"].to_numpy(), "hi": per["hi"].to_numpy()})
    p = p[p.groupby(["b", "a"], sort=False)["s"].transform("size").to_numpy() >= 2]
    both = p.merge(p, on=["b", "a"], suffixes=("", "_x"))
    apart = both[((both["lo"] > both["hi_x"]) | (both["lo_x"] > both["hi"])).to_numpy()]
    apart = apart[["b", "s", "s_x"]].drop_duplicates().rename(columns={"s_x": "x"}).assign(apart=True)
    cand = cand.merge(apart, on=["b", "s", "x"], how="left")
    cand = cand[cand["apart"].isna().to_numpy()]
    if cand.empty:
        return empty
    name_rank = np.empty(len(s_names), dtype=np.int64)
    name_rank[np.argsort(np.asarray(s_names, dtype=object), kind="stable")] = np.arange(len(s_names))
    order = np.lexsort((name_rank[cand["x"].to_numpy()], -cand["n_x"].to_numpy(), cand["s"].to_numpy(),
                        cand["b"].to_numpy()))
    best = cand.iloc[order].drop_duplicates(["b", "s"])
    names = np.asarray(s_names, dtype=object)
    return pd.DataFrame({"b": best["b"].to_numpy(), "name": names[best["s"].to_numpy()],
                         "target": names[best["x"].to_numpy()]})


def _subject_fallback(w: pd.DataFrame, article: pd.Series) -> None:
    """A claim with no subject takes its article's most common one; failing that it is
    compared only inside its article."""
    missing = w["k_subject"].isna().to_numpy()
    if not missing.any():
        return
    art = pd.factorize(article)[0]
    affected = np.isin(art, np.unique(art[missing])) & ~missing  # articles with a subject-less claim
    if affected.any():
        subj_codes, subj_uniques = pd.factorize(w["k_subject"].to_numpy()[affected])
        pairs = pd.DataFrame({"a": art[affected], "s": subj_codes})
        counts = pairs.value_counts().reset_index(name="n").sort_values(["a", "n", "s"], ascending=[True, False, True])
        best = counts.drop_duplicates("a")
        lookup = pd.Series(np.asarray(subj_uniques, dtype=object)[best["s"].to_numpy()], index=best["a"].to_numpy())
        w.loc[missing, "k_subject"] = pd.Series(art[missing]).map(lookup).to_numpy()
        missing = w["k_subject"].isna().to_numpy()
    w.loc[missing, "k_subject"] = ("article:" + article[missing].astype(str)).to_numpy()


def find_conflicts(claims: pd.DataFrame, settings: Settings = Settings()) -> list[Flag]:
    """Flags for claims about the same quantity that disagree, sorted by id."""
    return list(compare(claims, settings).flags)


# -- building records ------------------------------------------------------------------------
def _iso(d) -> date | None:
    if d is None or d is pd.NaT or (isinstance(d, float) and np.isnan(d)):
        return None
    if isinstance(d, date) and not isinstance(d, datetime):
        return d
    try:
        return pd.Timestamp(d).date()
    except (TypeError, ValueError):
        return None


def _none(v):
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and np.isnan(v):
        return None
    return v


class _Rows:
    """The input's columns, turned into FlagClaims in bulk (vectorised cleaning of only the
    rows that are shown) and each claim built once."""

    FIELDS = ("claim_id", "article_id", "start", "end", "span", "value", "low", "high", "outlet", "published",
              "attributed_to", "as_of", "sentence", "url", "subject", "entity")

    def __init__(self, df: pd.DataFrame, w: pd.DataFrame):
        self.df = df
        self.claimant = w["claimant"]
        self.source = w["source"]
        self.published_day = w["published_day"].to_numpy()
        self.built: list[FlagClaim | None] = [None] * len(df)
        self._done = np.zeros(len(df), dtype=bool)

    def prepare(self, rows) -> None:
        """Build the FlagClaims of these rows (positions) in one pass."""
        idx = np.unique(np.asarray(rows, dtype=np.int64))
        idx = idx[~self._done[idx]]
        if len(idx) == 0:
            return
        self._done[idx] = True
        n = len(idx)
        df = self.df

        def get(name: str) -> pd.Series:
            return pd.Series(df[name].to_numpy()[idx]) if name in df else pd.Series([None] * n)

        def text(name: str) -> list:
            s = get(name).astype(object)
            return s.where(s.notna(), None).tolist()

        shared: dict[float, float] = {}  # one float object per distinct figure

        def number(name: str) -> list:
            return [None if x != x else shared.setdefault(x, x)
                    for x in pd.to_numeric(get(name), errors="coerce").astype(float).tolist()]

        def day(name: str) -> list:
            codes, uniques = pd.factorize(get(name))
            lookup = [_iso(u) for u in uniques] + [None]
            return [lookup[c] for c in codes.tolist()]

        ids = [str(x) for x in get("claim_id").tolist()]
        arts = [str(x) for x in get("article_id").tolist()]
        starts = pd.to_numeric(get("start"), errors="coerce").fillna(0).astype(int).tolist()
        ends = pd.to_numeric(get("end"), errors="coerce").fillna(0).astype(int).tolist()
        spans = [x or "" for x in text("span")]
        sentences = [x or "" for x in text("sentence")]
        for i, fc in zip(idx.tolist(), map(FlagClaim, ids, arts, starts, ends, spans, number("value"), number("low"),
                                            number("high"), text("outlet"), day("published"), text("attributed_to"),
                                            day("as_of"), sentences, text("url"))):
            self.built[i] = fc

    def claim(self, i: int) -> FlagClaim:
        fc = self.built[i]
        if fc is None:
            self.prepare([i])
            fc = self.built[i]
        return fc  # type: ignore[return-value]


WHY = {
    "cross_source": "different articles give disjoint figures for it at about the same time",
    "within_article": "one article gives disjoint figures for it",
    "revision": "its figure changed between as-of windows",
    "monotonic": "a cumulative figure fell: a later figure lies wholly below an earlier one",
}


def _build_flags(rows: _Rows, w: pd.DataFrame, members: list[pd.DataFrame]) -> tuple[Flag, ...]:
    if not members:
        return ()
    m = pd.concat(members, ignore_index=True)
    kcode, knames = pd.factorize(m["kind"])
    code_of = {k: i for i, k in enumerate(knames)}
    row, fkey = m["row"].to_numpy(dtype=np.int64), m["fkey"].to_numpy(dtype=np.int64)
    del m
    if not len(row):
        return ()
    kcode = kcode.astype(np.int64)
    fkey = pd.factorize(kcode * (int(fkey.max()) + 1) + fkey)[0]
    several = np.bincount(fkey)[fkey] >= 2
    row, fkey, kcode = row[several], fkey[several], kcode[several]
    if not len(row):
        return ()
    lo, hi = w["lo"].to_numpy()[row], w["hi"].to_numpy()[row]
    # figures of one flag more than MIXED_RATIO apart, with nothing in between, are separate
    # quantities that happen to share a key (a per-person payment and a total): split them
    v = np.abs(w["v_base"].to_numpy()[row])
    v = np.where(np.isfinite(v), v, np.abs(np.where(np.isfinite(lo), lo, hi)))
    # sums of money with nothing but the measure to tell them apart ("payment", "cost") are
    # split at a smaller jump: one story's budget, running total and instalments differ by less
    generic_money = w["generic_money"].to_numpy(dtype=bool)[row]
    order = np.lexsort((v, fkey))
    ratio = np.where(generic_money, GENERIC_MONEY_RATIO, MIXED_RATIO)
    # one article contradicting itself gives near figures; far apart, they are quantities it
    # tells apart itself (a subtotal, a part)
    ratio = np.where(kcode == code_of.get("within_article", -1), np.minimum(ratio, WITHIN_ARTICLE_RATIO), ratio)[order]
    fk, vs = fkey[order], v[order]
    with np.errstate(divide="ignore", invalid="ignore"):
        jump = np.r_[True, (fk[1:] != fk[:-1]) | (vs[1:] > ratio[1:] * vs[:-1])]
    part = np.empty(len(row), dtype=np.int64)
    part[order] = np.cumsum(jump) - 1
    del order, ratio, fk, vs, v, generic_money, jump
    several = np.bincount(part)[part] >= 2
    row, fkey, kcode, lo, hi = row[several], part[several], kcode[several], lo[several], hi[several]
    if not len(row):
        return ()
    # a cross-source flag needs two articles or two claimants
    art = w["art"].to_numpy()[row]
    unit = _combine(art, w["src"].to_numpy()[row])
    width = int(unit.max()) + 1
    pairs = np.unique(fkey * width + unit)
    units = np.bincount(pairs // width, minlength=int(fkey.max()) + 1)[fkey]
    keep = (kcode != code_of.get("cross_source", -1)) | (units >= 2)
    # a part left with no disagreement inside it (every figure within another's reading; a
    # timeline on its stated figures) is no conflict
    rev = kcode == code_of.get("revision", -1)
    jlo = np.where(rev, w["rlo"].to_numpy()[row], lo)
    jhi = np.where(rev, w["rhi"].to_numpy()[row], hi)
    top = np.full(int(fkey.max()) + 1, -np.inf)
    bottom = np.full(int(fkey.max()) + 1, np.inf)
    np.maximum.at(top, fkey[keep], jlo[keep])
    np.minimum.at(bottom, fkey[keep], jhi[keep])
    keep &= top[fkey] > bottom[fkey]
    row, fkey, kcode, lo, hi, art = row[keep], fkey[keep], kcode[keep], lo[keep], hi[keep], art[keep]
    if not len(row):
        return ()
    order = np.lexsort((w["start"].to_numpy()[row], art, w["day"].to_numpy()[row], fkey))
    row, fkey, kcode, lo, hi = row[order], fkey[order], kcode[order], lo[order], hi[order]
    fk = fkey
    heads = np.flatnonzero(np.r_[True, fk[1:] != fk[:-1]])
    maxlo, minhi = np.maximum.reduceat(lo, heads), np.minimum.reduceat(hi, heads)
    gap = np.maximum(maxlo - minhi, 0.0) / np.maximum(np.abs(maxlo), 1e-12)
    bounds = np.r_[heads, len(fk)]
    kinds = [knames[k] for k in kcode[heads].tolist()]
    row_list = row.tolist()
    rows.prepare(row_list)
    built = rows.built
    claimant, source = [str(x) for x in rows.claimant.tolist()], rows.source.tolist()
    firsts = [row_list[b] for b in bounds[:-1]]
    keys = w[KEY_FIELDS].iloc[firsts].to_numpy()
    keys[pd.isna(keys)] = None
    predicates = w["k_predicate"].to_numpy()[firsts]
    subjects = rows.df["subject"].to_numpy()[firsts] if "subject" in rows.df else [None] * len(firsts)
    entities = rows.df["entity"].to_numpy()[firsts] if "entity" in rows.df else [None] * len(firsts)
    out: dict[str, Flag] = {}
    for j in range(len(bounds) - 1):
        idx = row_list[bounds[j]:bounds[j + 1]]
        kind = kinds[j]
        claims = tuple([built[i] for i in idx])
        fid = Flag.make_id(kind, [c.claim_id for c in claims])
        if fid in out:  # the same claims flagged twice under one kind is one flag
            continue
        out[fid] = Flag(
            id=fid, kind=kind, subject=_none(subjects[j]), entity=_none(entities[j]),
            measure=_none(predicates[j]), claims=claims, severity=float(gap[j]),
            explanation=_explain(rows, claimant, source, keys[j], idx, claims, kind, float(gap[j])),
        )
    return tuple(sorted(out.values(), key=lambda f: f.id))


def _explain(rows: _Rows, claimant: list, source: list, key, idx: list[int], claims: tuple[FlagClaim, ...],
             kind: str, gap: float) -> str:
    fields = _matched_fields(tuple(key))
    outlets: dict[str, dict[str, None]] = {}
    first, first_at = claims[0], None
    pub = rows.published_day
    for i, c in zip(idx, claims):
        outlets.setdefault(claimant[i], {})[c.outlet or "no outlet"] = None
        at = (pub[i], c.start)
        if first_at is None or at < first_at:
            first, first_at = c, at
    who = "; ".join(f"{k} (in {', '.join(v)})" for k, v in outlets.items())
    figs = " vs ".join(dict.fromkeys(c.span for c in claims))
    sources = len({source[i] for i in idx})
    return (f"{kind}: {WHY[kind]}. Matched on {fields}. Figures: {figs} (gap {gap:.1%}). "
            f"{sources} distinct claimant(s): {who}. "
            f"First appearance: {first.span} in {first.outlet or first.article_id}"
            f"{f' on {first.published}' if first.published else ''}.")


@lru_cache(maxsize=65536)
def _matched_fields(key: tuple) -> str:
    subject, scope, pred, entity, mk, modality, unit, change = key
    fields = [f"subject={subject}", f"measure={pred}"]
    fields += [f"{name}={v}" for name, v in (("entity", entity), ("scope", scope), ("markers", mk)) if v]
    fields += [f"unit={unit}", f"modality={modality}"] + (["a change, not a level"] if change else [])
    return ", ".join(fields)


RELAXED = ["k_subject", "k_predicate", "k_unit", "k_change"]
MAX_RELATED_PER_BLOCK = 12


def _group_representatives(w: pd.DataFrame, eligible: np.ndarray) -> pd.DataFrame:
    """Each group's first claim (by day, then position), with the fields that tell
    neighbouring quantities apart."""
    rows = np.flatnonzero(eligible)
    order = np.lexsort((w["start"].to_numpy()[rows], w["day"].to_numpy()[rows]))
    group = w["group"].to_numpy()[rows[order]]
    _, first = np.unique(group, return_index=True)
    reps = rows[order][np.sort(first)]
    return w.iloc[reps][["group", "day", "start", "k_modality", "k_scope", "k_entity", "k_markers", *RELAXED]]


def _related_groups(rows: _Rows, reps: pd.DataFrame):
    """Quantities that share subject, predicate and unit but differ in scope, modality,
    counted entity or markers: neighbours, shown side by side, never flagged."""
    if reps.empty:
        return
    block = reps.groupby(RELAXED, dropna=False, sort=False).ngroup().to_numpy()
    size = np.bincount(block)[block]
    keep = (size >= 2) & (size <= MAX_RELATED_PER_BLOCK)
    reps = reps[keep].assign(block=block[keep])
    reps = reps.iloc[np.lexsort((reps["start"].to_numpy(), reps["day"].to_numpy(), reps["block"].to_numpy()))]
    if reps.empty:
        return
    b = reps["block"].to_numpy()
    bounds = np.flatnonzero(np.r_[True, b[1:] != b[:-1], True])
    cols = {c: reps[c].tolist() for c in ("k_modality", "k_scope", "k_entity", "k_markers")}
    index = reps.index.tolist()
    rows.prepare(index)
    for j in range(len(bounds) - 1):
        lo, hi = bounds[j], bounds[j + 1]
        for x in range(lo, hi):
            for y in range(x + 1, hi):
                reasons = []
                if cols["k_modality"][x] != cols["k_modality"][y]:
                    reasons.append(f"planned vs actual ({cols['k_modality'][x]} / {cols['k_modality'][y]})")
                sx, sy = _none(cols["k_scope"][x]), _none(cols["k_scope"][y])
                if sx != sy:
                    reasons.append("region vs whole" if sx is None or sy is None else f"different scopes ({sx} / {sy})")
                ex, ey = _none(cols["k_entity"][x]), _none(cols["k_entity"][y])
                if ex != ey:
                    reasons.append(f"different counted things ({ex} / {ey})")
                if cols["k_markers"][x] != cols["k_markers"][y]:
                    reasons.append(f"neighbouring measures ({cols['k_markers'][x] or 'plain'} / {cols['k_markers'][y] or 'plain'})")
                yield Related(claims=(rows.claim(index[x]), rows.claim(index[y])), reason="; ".join(reasons))


def _repeats(rows: _Rows, e: pd.DataFrame):
    """One claimant's figure carried by several articles: one source, many appearances."""
    if e.empty:
        return
    r = e[["group", "src", "art", "lo", "hi", "published_day", "start"]].copy()
    lo_code = pd.factorize(np.round(r["lo"].to_numpy(), 6))[0]
    hi_code = pd.factorize(np.round(r["hi"].to_numpy(), 6))[0]
    r["rk"] = _combine(r["group"].to_numpy(), r["src"].to_numpy(), lo_code, hi_code)
    arts = r.groupby("rk")["art"].transform("nunique").to_numpy()
    r = r[arts >= 2]
    r = r.iloc[np.lexsort((r["start"].to_numpy(), r["published_day"].to_numpy(), r["rk"].to_numpy()))]
    if r.empty:
        return
    rk = r["rk"].to_numpy()
    bounds = np.flatnonzero(np.r_[True, rk[1:] != rk[:-1], True])
    index = r.index.tolist()
    rows.prepare(index)
    claimant = rows.claimant.tolist()
    for j in range(len(bounds) - 1):
        idx = index[bounds[j]:bounds[j + 1]]
        claims = tuple(rows.claim(i) for i in idx)
        yield Repeat(attributed_to=_none(claimant[idx[0]]), value=claims[0].value, claims=claims)


# -- reviewer verdicts -------------------------------------------------------------------------
VERDICTS = ("confirmed", "not-a-conflict", "resolved")
# Verdicts that close a flag: ``conflicts`` hides such a flag while its claims stay the same.
CLOSING_VERDICTS = frozenset({"not-a-conflict", "resolved"})


def apply_verdicts(flags: list[Flag] | tuple[Flag, ...], verdicts: pd.DataFrame) -> list[Flag]:
    """Flags carrying their latest verdict. A verdict holds for exactly the claims it was given
    on (the flag id is a hash of kind and claims); when a later claim joins the group, the flag
    comes back without a verdict and a note saying it was reopened and by which claims."""
    from dataclasses import replace

    if verdicts is None or verdicts.empty:
        return list(flags)
    latest: dict[str, dict] = {}
    by_claim: dict[str, list[dict]] = {}
    for v in verdicts.to_dict("records"):  # oldest first, so the last one wins
        v["claims"] = frozenset(c for c in str(v["claim_ids"] or "").split(",") if c)
        latest[v["flag_id"]] = v
    for v in latest.values():
        for c in v["claims"]:
            by_claim.setdefault(c, []).append(v)
    out = []
    for f in flags:
        v = latest.get(f.id)
        if v is not None:
            out.append(replace(f, verdict=v["verdict"], verdict_note=_verdict_note(v)))
            continue
        ids = frozenset(c.claim_id for c in f.claims)
        earlier = [u for c in ids for u in by_claim.get(c, ())
                   if u["claims"] < ids and Flag.make_id(f.kind, sorted(u["claims"])) == u["flag_id"]]
        if earlier:
            u = max(earlier, key=lambda x: (x["decided_at"], x.get("id") or 0))
            new = ", ".join(sorted(ids - u["claims"]))
            out.append(replace(f, verdict=None, verdict_note=f"reopened: new claim(s) {new} since {_verdict_note(u)}"))
        else:
            out.append(f)
    return out


def _verdict_note(v: dict) -> str:
    when = pd.Timestamp(v["decided_at"]).strftime("%Y-%m-%d %H:%M") if v.get("decided_at") is not None else "?"
    text = f"{v['verdict']} by {v.get('reviewer') or 'unknown'} on {when} UTC (flag {v['flag_id']})"
    return text + (f": {v['note']}" if v.get("note") else "")

