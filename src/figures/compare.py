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

   - ``cross_source``: a claim disagrees with a claim of another article in its window;
   - ``within_article``: a claim disagrees with another claim of its own article and window;
   - ``revision``: a claim disagrees with a claim of the same quantity in another window
     (the flag lists the quantity's timeline of disagreeing figures, a source revising itself
     included);
   - ``monotonic``: a cumulative quantity (tolls, totals) falls: a later figure lies wholly
     below an earlier one.
5. Flags carry stable ids (Flag.make_id over kind and claim ids), severity (the relative gap)
   and an explanation naming the matched key fields, the claimants and the outlets.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
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
def _claimant(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(label, normalised key) of the original claimant: the first of the relay chain, else
    attributed_to, else the outlet. "(via X)" notes are relays, not claimants."""
    chain = frame["claimant_chain"] if "claimant_chain" in frame else pd.Series([None] * len(frame), index=frame.index)
    first = chain.map(lambda c: (c.split(" <- ")[0].strip() or None) if isinstance(c, str) else
                      (c[0] if isinstance(c, (list, tuple)) and c else None))
    label = first.where(first.notna(), frame.get("attributed_to"))
    label = label.where(label.notna(), frame.get("outlet"))
    codes, uniques = pd.factorize(label)
    norm = [re.sub(r"\s+", " ", re.sub(r"\(via [^)]*\)", "", str(u))).strip().lower() for u in uniques]
    key = pd.Series(np.array(norm + [""], dtype=object)[codes], index=frame.index)
    return label, key


def _days(series: pd.Series) -> np.ndarray:
    d = pd.to_datetime(series, errors="coerce")
    out = (d - pd.Timestamp("1970-01-01")).dt.days.to_numpy(dtype=float)
    return out


def _set_aside(df: pd.DataFrame) -> tuple[np.ndarray, list[tuple[int, int, str]]]:
    """Rows that are a conversion of their neighbour or the old figure of a stated change.
    Returns a mask of rows to leave out and (kept row, set-aside row, reason) pairs."""
    n = len(df)
    out = np.zeros(n, dtype=bool)
    pairs: list[tuple[int, int, str]] = []
    order = df.sort_values(["article_id", "start"], kind="mergesort").index.to_numpy()
    art = df["article_id"].to_numpy()[order]
    start = df["start"].to_numpy(dtype=float)[order]
    end = df["end"].to_numpy(dtype=float)[order]
    kind = df["k_unit"].to_numpy()[order]
    unit = df["unit"].fillna("").astype(str).to_numpy()[order]
    same_art = np.r_[False, art[1:] == art[:-1]]
    gap = np.r_[np.inf, start[1:] - end[:-1]]
    is_money = np.array([str(k).startswith("currency:") for k in kind])
    same_kind = np.r_[False, (kind[1:] == kind[:-1]) | (is_money[1:] & is_money[:-1])]
    diff_unit = np.r_[False, unit[1:] != unit[:-1]]
    conv = same_art & (gap <= CONVERSION_GAP) & same_kind & diff_unit
    for i in np.flatnonzero(conv):
        out[order[i]] = True
        pairs.append((int(order[i - 1]), int(order[i]), "conversion: the same amount in another unit or currency"))

    # stated changes: two figures of one key in one sentence that names a change
    sent = df["sentence"].fillna("").astype(str)
    has_change = _map_bool(sent, lambda s: bool(s) and bool(CHANGE_WORDS.search(s)))
    cand = df[has_change & ~pd.Series(out, index=df.index)]
    if not cand.empty:
        key = cand.groupby(KEY_FIELDS[:-1] + ["article_id", "sentence"], dropna=False, sort=False).ngroup()
        multi = key.map(key.value_counts()) >= 2
        for (_, rows) in cand[multi].groupby(key[multi], sort=False):
            idx = rows.index.to_numpy()
            old = [i for i in idx if _is_old_figure(df.at[i, "sentence"], df.at[i, "span"])]
            if not old or len(old) == len(idx):
                continue
            new = [i for i in idx if i not in old]
            for i in old:
                out[df.index.get_loc(i)] = True
                pairs.append((int(df.index.get_loc(new[0])), int(df.index.get_loc(i)),
                              "stated change: the article itself reports the old and the new figure"))
    return out, pairs


def _is_old_figure(sentence: str, span: str) -> bool:
    if not sentence or not span:
        return False
    at = sentence.find(span)
    if at < 0:
        return False
    return bool(OLD_BEFORE.search(sentence[max(0, at - 45):at]) or OLD_AFTER.search(sentence[at + len(span):]))


def _map_bool(series: pd.Series, fn) -> pd.Series:
    codes, uniques = pd.factorize(series)
    vals = np.array([fn(u) for u in uniques] + [False], dtype=bool)
    return pd.Series(vals[codes], index=series.index)


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


def _others_extreme(frame: pd.DataFrame, outer: str, inner: str) -> tuple[np.ndarray, np.ndarray]:
    """For each row: the largest lower bound and the smallest upper bound among the rows of
    its ``outer`` block that belong to a different ``inner`` unit (another article, another
    window). Done with the top-two trick on per-unit extremes: no pairs."""
    per = frame.groupby([outer, inner], sort=False).agg(maxlo=("lo", "max"), minhi=("hi", "min")).reset_index()
    res = []
    for col, asc in (("maxlo", False), ("minhi", True)):
        s = per.sort_values([outer, col], ascending=[True, asc], kind="mergesort")
        rank = s.groupby(outer, sort=False).cumcount()
        first = s[rank == 0].set_index(outer)
        second = s[rank == 1].set_index(outer)
        f_val = frame[outer].map(first[col]).to_numpy(dtype=float)
        f_who = frame[outer].map(first[inner]).to_numpy()
        s_val = frame[outer].map(second[col]).to_numpy(dtype=float)
        other = np.where(f_who == frame[inner].to_numpy(), s_val, f_val)
        res.append(other)
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
    df = claims.reset_index(drop=True)
    if "claim_id" not in df:
        raise ValueError("claims need a claim_id column (Store.claims_frame gives one)")
    keys = key_frame(df)
    units = df["unit"] if "unit" in df else pd.Series([None] * len(df))
    codes, uniques = pd.factorize(units)
    info = [unit_info(u) for u in uniques] + [unit_info(None)]
    dims = np.array([i[0] for i in info], dtype=object)[codes]
    factor = np.array([i[1] for i in info], dtype=float)[codes]
    keys["k_unit"] = dims
    # a unit that only repeats the measure ("magnitude 7.8") says no more than a bare figure
    keys.loc[keys["k_unit"] == "unit:" + keys["k_predicate"].fillna(""), "k_unit"] = "count"
    # "people" is not a distinguishing entity once the predicate says killed/injured
    keys["k_entity"] = keys["k_entity"].where(~keys["k_entity"].isin(list(GENERIC_ENTITIES - {None})), None)
    names_predicate = keys["k_entity"].map(lambda h: predicate(h) if isinstance(h, str) else None) == keys["k_predicate"]
    keys["k_entity"] = keys["k_entity"].where(~names_predicate.to_numpy(dtype=bool) | keys["k_cumulative"].to_numpy(), None)
    keys["k_entity"] = keys["k_entity"].where(keys["k_entity"] != keys["k_predicate"], None)
    # a claim with no subject takes its article's most common one; failing that it is
    # compared only inside its article
    no_subject = keys["k_subject"].isna()
    if no_subject.any() and (~no_subject).any():
        counts = pd.DataFrame({"a": df.loc[~no_subject, "article_id"], "s": keys.loc[~no_subject, "k_subject"]}) \
            .value_counts().reset_index(name="n").sort_values(["a", "n", "s"], ascending=[True, False, True])
        known = counts.drop_duplicates("a").set_index("a")["s"]
        keys.loc[no_subject, "k_subject"] = df.loc[no_subject, "article_id"].map(known)
        no_subject = keys["k_subject"].isna()
    keys.loc[no_subject, "k_subject"] = "article:" + df.loc[no_subject, "article_id"].astype(str)
    for col in ("span", "sentence", "unit", "outlet", "published", "as_of", "attributed_to", "url", "subject", "entity",
                "value", "low", "high"):
        if col not in df:
            df[col] = None
    w = pd.concat([df, keys], axis=1)
    w["subject_text"], w["entity_text"], w["outlet_text"] = df["subject"], df["entity"], df["outlet"]

    value = pd.to_numeric(df.get("value"), errors="coerce").to_numpy(dtype=float) * factor
    low = pd.to_numeric(df.get("low"), errors="coerce").to_numpy(dtype=float) * factor
    high = pd.to_numeric(df.get("high"), errors="coerce").to_numpy(dtype=float) * factor
    w["lo"], w["hi"] = logical_bounds(value, low, high, df.get("qualifier", "exact").fillna("exact").to_numpy(),
                                      settings.rounding_tolerance)
    w["v_base"] = value
    as_of = _days(df["as_of"]) if "as_of" in df else np.full(len(df), np.nan)
    published = _days(df["published"]) if "published" in df else np.full(len(df), np.nan)
    w["day"] = np.where(np.isnan(as_of), published, as_of)
    w["day"] = w["day"].fillna(0.0)
    elapsed = (w["k_predicate"] == "elapsed").to_numpy()
    w.loc[elapsed, "k_markers"] = w.loc[elapsed, "k_markers"] + "@day" + w.loc[elapsed, "day"].astype(int).astype(str)
    w["published_day"] = np.where(np.isnan(published), w["day"].to_numpy(), published)
    w["claimant"], w["source"] = _claimant(df)

    aside, pairs = _set_aside(w)
    eligible = (~aside & np.isfinite(w["lo"].to_numpy()) & w["k_predicate"].notna().to_numpy()
                & (w["k_modality"] != "denied").to_numpy())
    everything = w[eligible].copy()
    everything["group"] = everything.groupby(KEY_FIELDS, dropna=False, sort=False).ngroup()
    size = everything.groupby("group")["group"].transform("size")
    e = everything[size >= 2].sort_values(["group", "day", "article_id", "start"], kind="mergesort")
    e["window"] = _windows(e["group"].to_numpy(), e["day"].to_numpy(), settings.same_time_days)

    members: list[pd.DataFrame] = []
    if not e.empty:
        # cross-source: disagrees with another article in its window
        other_lo, other_hi = _others_extreme(e, "window", "article_id")
        hit = _clash(e, other_lo, other_hi, max_ratio=MAX_SAME_TIME_RATIO)
        members.append(pd.DataFrame({"row": e.index[hit], "kind": "cross_source", "fkey": e["window"].to_numpy()[hit]}))
        # within one article (and window), against its other sentences: figures listed side by
        # side in one sentence are a breakdown or an enumeration, not a contradiction
        e["aw"] = e.groupby(["window", "article_id"], sort=False).ngroup()
        e["sid"] = e.groupby(["aw", "sentence"], sort=False, dropna=False).ngroup()
        other_lo, other_hi = _others_extreme(e, "aw", "sid")
        hit = _clash(e, other_lo, other_hi, max_ratio=MAX_SAME_TIME_RATIO)
        members.append(pd.DataFrame({"row": e.index[hit], "kind": "within_article", "fkey": e["aw"].to_numpy()[hit]}))
        # revision: the quantity's figures disagree across windows; the flag lists its timeline
        other_lo, other_hi = _others_extreme(e, "group", "window")
        hit = _clash(e, other_lo, other_hi)
        changed = pd.Series(hit, index=e.index).groupby(e["group"]).transform("any").to_numpy()
        # a block whose figures at one time lie more than MIXED_RATIO apart mixes
        # quantities (per-person and total payments): it is not read as one timeline
        spread = e.groupby("window")["lo"].transform("max").abs() > MIXED_RATIO * e.groupby("window")["hi"].transform("min").abs()
        mixed = spread.groupby(e["group"]).transform("any").to_numpy()
        changed = changed & ~mixed
        members.append(pd.DataFrame({"row": e.index[changed], "kind": "revision", "fkey": e["group"].to_numpy()[changed]}))
        # monotonic: cumulative quantities whose later window lies wholly below an earlier one
        c = e[e["k_cumulative"].to_numpy()]
        if not c.empty:
            pw = c.groupby(["group", "window"], sort=True).agg(maxlo=("lo", "max"), minhi=("hi", "min"))
            prev_max = pw.groupby(level=0)["maxlo"].transform(lambda s: s.cummax().shift(1))
            next_min = pw.groupby(level=0)["minhi"].transform(lambda s: s[::-1].cummin().shift(1)[::-1])
            idx = pd.MultiIndex.from_arrays([c["group"], c["window"]])
            pm = prev_max.reindex(idx).to_numpy(dtype=float)
            nm = next_min.reindex(idx).to_numpy(dtype=float)
            hit = (c["hi"].to_numpy() < pm) | (c["lo"].to_numpy() > nm)
            members.append(pd.DataFrame({"row": c.index[hit], "kind": "monotonic", "fkey": c["group"].to_numpy()[hit]}))

    flags = _build_flags(w, e, members)
    related = tuple(_related_pairs(w, df, pairs)) + tuple(_related_groups(w, df, everything))
    repeats = tuple(_repeats(w, df, e))
    rel = crh(pd.DataFrame({"window": e["window"], "source": e["source"], "label": e["claimant"],
                            "value": (np.where(np.isfinite(e["v_base"]), e["v_base"], e["lo"]))}),
              MIN_RELIABILITY_CLAIMS) if not e.empty else crh(pd.DataFrame(columns=["window", "source", "value"]))
    log.info("compared %d claims: %d in %d groups, %d flags, %d related, %d repeats",
             len(df), len(e), e["group"].nunique() if not e.empty else 0, len(flags), len(related), len(repeats))
    return Comparison(flags=flags, related=related, repeats=repeats, reliability=rel)


def find_conflicts(claims: pd.DataFrame, settings: Settings = Settings()) -> list[Flag]:
    """Flags for claims about the same quantity that disagree, sorted by id."""
    return list(compare(claims, settings).flags)


# -- building records ------------------------------------------------------------------------
def _iso(d) -> date | None:
    if d is None or (isinstance(d, float) and np.isnan(d)) or d is pd.NaT:
        return None
    try:
        return pd.Timestamp(d).date()
    except (TypeError, ValueError):
        return None


def _none(v):
    if v is None:
        return None
    if isinstance(v, float) and np.isnan(v):
        return None
    return v


def _flag_claim(df: pd.DataFrame, i: int) -> FlagClaim:
    r = df.iloc[i]
    return FlagClaim(
        claim_id=str(r["claim_id"]), article_id=str(r["article_id"]), start=int(r["start"]), end=int(r["end"]),
        span=str(_none(r.get("span")) or ""), value=_none(r.get("value")), low=_none(r.get("low")),
        high=_none(r.get("high")), outlet=_none(r.get("outlet")), published=_iso(r.get("published")),
        attributed_to=_none(r.get("attributed_to")), as_of=_iso(r.get("as_of")),
        sentence=str(_none(r.get("sentence")) or ""), url=_none(r.get("url")),
    )


def _fmt(x: float) -> str:
    if not np.isfinite(x):
        return "∞" if x > 0 else "-∞"
    return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:,.0f}"


WHY = {
    "cross_source": "different articles give disjoint figures for it at about the same time",
    "within_article": "one article gives disjoint figures for it",
    "revision": "its figure changed between as-of windows",
    "monotonic": "a cumulative figure fell: a later figure lies wholly below an earlier one",
}


def _build_flags(w: pd.DataFrame, e: pd.DataFrame, members: list[pd.DataFrame]) -> tuple[Flag, ...]:
    if not members:
        return ()
    m = pd.concat(members, ignore_index=True)
    m["fkey"] = m["kind"] + ":" + m["fkey"].astype(str)
    count = m.groupby("fkey")["row"].transform("size")
    m = m[count >= 2]
    if m.empty:
        return ()
    src = w.loc[m["row"].to_numpy()]
    m = m.assign(lo=src["lo"].to_numpy(), hi=src["hi"].to_numpy(), claim_id=src["claim_id"].to_numpy(),
                 day=src["day"].to_numpy(), start=src["start"].to_numpy(), art=src["article_id"].to_numpy())
    m = m.sort_values(["fkey", "day", "art", "start"], kind="mergesort")
    # a flag needs two sources of disagreement: for cross_source, two articles
    arts = m.groupby("fkey")["art"].transform("nunique")
    m = m[(m["kind"] != "cross_source") | (arts >= 2)]
    agg = m.groupby("fkey", sort=False).agg(maxlo=("lo", "max"), minhi=("hi", "min"))
    gap = np.maximum(agg["maxlo"] - agg["minhi"], 0.0) / np.maximum(agg["maxlo"].abs(), 1e-12)
    # one flag per (kind, claim set): the same claims flagged twice under one kind is one flag
    out: dict[str, Flag] = {}
    # the table the records are read from: original columns plus what the key computed
    for fkey, rows in m.groupby("fkey", sort=False):
        idx = rows["row"].to_numpy()
        kind = rows["kind"].iat[0]
        ids = tuple(rows["claim_id"].astype(str))
        fid = Flag.make_id(kind, ids)
        if fid in out:
            continue
        first = w.loc[idx[0]]
        out[fid] = Flag(
            id=fid, kind=kind, subject=_none(first.get("subject_text")), entity=_none(first.get("entity_text")),
            measure=_none(first["k_predicate"]), claims=tuple(_flag_claim(w, int(i)) for i in idx),
            severity=float(gap.loc[fkey]), explanation=_explain(w, idx, kind, float(gap.loc[fkey])),
        )
    return tuple(sorted(out.values(), key=lambda f: f.id))


def _explain(w: pd.DataFrame, idx: np.ndarray, kind: str, gap: float) -> str:
    r = w.loc[idx]
    first = r.iloc[0]
    fields = [f"subject={first['k_subject']!s}", f"measure={first['k_predicate']!s}"]
    for name, col in (("entity", "k_entity"), ("scope", "k_scope"), ("markers", "k_markers")):
        if _none(first[col]):
            fields.append(f"{name}={first[col]}")
    fields += [f"unit={first['k_unit']}", f"modality={first['k_modality']}"]
    claimants = list(dict.fromkeys(r["claimant"].astype(str)))
    outlets = r.groupby("claimant", sort=False)["outlet_text"].agg(lambda s: ", ".join(dict.fromkeys(s.dropna().astype(str))))
    figs = " vs ".join(dict.fromkeys(f"{s}" for s in r["span"].astype(str)))
    first_seen = r.sort_values(["published_day", "start"]).iloc[0]
    who = "; ".join(f"{c} (in {outlets.get(c) or 'no outlet'})" for c in claimants)
    return (f"{kind}: {WHY[kind]}. Matched on {', '.join(fields)}. Figures: {figs} "
            f"(gap {gap:.1%}). {len(set(r['source']))} distinct claimant(s): {who}. "
            f"First appearance: {first_seen['span']} in {first_seen['outlet_text'] or first_seen['article_id']}.")


def _related_pairs(w: pd.DataFrame, df: pd.DataFrame, pairs: list[tuple[int, int, str]]):
    for a, b, reason in pairs:
        yield Related(claims=(_flag_claim(w, a), _flag_claim(w, b)), reason=reason)


RELAXED = ["k_subject", "k_predicate", "k_unit", "k_change"]
MAX_RELATED_PER_BLOCK = 12


def _related_groups(w: pd.DataFrame, df: pd.DataFrame, e: pd.DataFrame):
    """Quantities that share subject, predicate and unit but differ in scope, modality,
    counted entity or markers: neighbours, shown side by side, never flagged."""
    if e.empty:
        return
    reps = e.sort_values(["day", "start"]).groupby("group", sort=True).head(1)
    reps = reps[reps.groupby(RELAXED, dropna=False, sort=False)["group"].transform("size").between(2, MAX_RELATED_PER_BLOCK)]
    for _, block in reps.groupby(RELAXED, dropna=False, sort=False):
        rows = list(block.itertuples())
        for i in range(len(rows)):
            for j in range(i + 1, len(rows)):
                a, b = rows[i], rows[j]
                reasons = []
                if a.k_modality != b.k_modality:
                    reasons.append(f"planned vs actual ({a.k_modality} / {b.k_modality})")
                if a.k_scope != b.k_scope:
                    reasons.append("region vs whole" if (a.k_scope is None or b.k_scope is None)
                                   else f"different scopes ({a.k_scope} / {b.k_scope})")
                if a.k_entity != b.k_entity:
                    reasons.append(f"different counted things ({a.k_entity} / {b.k_entity})")
                if a.k_markers != b.k_markers:
                    reasons.append(f"neighbouring measures ({a.k_markers or 'plain'} / {b.k_markers or 'plain'})")
                yield Related(claims=(_flag_claim(w, a.Index), _flag_claim(w, b.Index)), reason="; ".join(reasons))


def _repeats(w: pd.DataFrame, df: pd.DataFrame, e: pd.DataFrame):
    """One claimant's figure carried by several articles: one source, many appearances."""
    if e.empty:
        return
    r = e.assign(vkey=np.round(e["lo"].to_numpy(dtype=float), 6).astype(str) + "|" + np.round(e["hi"].to_numpy(dtype=float), 6).astype(str))
    arts = r.groupby(["group", "source", "vkey"])["article_id"].transform("nunique")
    r = r[arts >= 2]
    for _, rows in r.groupby(["group", "source", "vkey"], sort=True):
        rows = rows.assign(pub=w.loc[rows.index, "published_day"]).sort_values(["pub", "start"])
        idx = rows.index.to_numpy()
        yield Repeat(attributed_to=_none(w.at[idx[0], "claimant"]), value=_none(w.at[idx[0], "value"]),
                     claims=tuple(_flag_claim(w, int(i)) for i in idx))


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
