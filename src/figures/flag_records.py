"""Records from the judgements: Flags (with stable ids, severity and an explanation naming the
matched key fields, the claimants and the outlets), Related neighbours and Repeats. Claims are
turned into FlagClaims in bulk, only for the rows that are shown, each built once."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache
from operator import attrgetter

import numpy as np
import pandas as pd

from figures.claim_keys import KEY_FIELDS
from figures.codes import column_codes, combine_codes, distinct, distinct_count
from figures.disagreements import MIXED_RATIO
from figures.records import Flag, FlagClaim, Related, Repeat

# Figures of a flag about money with no counted thing of its own, more than this factor apart
# with nothing in between, are different sums (a budget and an instalment).
GENERIC_MONEY_RATIO = 3.0
# Figures one article gives for one quantity more than this factor apart are quantities it
# tells apart, not a self-contradiction.
WITHIN_ARTICLE_RATIO = 1.5
RELAXED = ["k_subject", "k_predicate", "k_unit", "k_change"]
MAX_RELATED_PER_BLOCK = 12


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


class ClaimRows:
    """The input's columns, turned into FlagClaims in bulk (vectorised cleaning of only the
    rows that are shown) and each claim built once."""

    FIELDS = ("claim_id", "article_id", "start", "end", "span", "value", "low", "high", "outlet", "published",
              "attributed_to", "as_of", "sentence", "url", "subject", "entity")

    def __init__(self, df: pd.DataFrame, w: pd.DataFrame):
        self.df = df
        # copies, so the key table can be freed while the records are built
        self.claimant = w["claimant"].to_numpy(dtype=object, copy=True)
        self.source = w["source"].to_numpy(dtype=object, copy=True)
        self.published_day = w["published_day"].to_numpy(copy=True)
        self.built = np.full(len(df), None, dtype=object)  # the FlagClaim of each row, once built
        self._done = np.zeros(len(df), dtype=bool)

    def prepare(self, rows) -> None:
        """Build the FlagClaims of these rows (positions) in one pass."""
        idx = distinct(np.asarray(rows, dtype=np.int64))
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
        columns = (ids, arts, starts, ends, spans, number("value"), number("low"), number("high"), text("outlet"),
                   day("published"), text("attributed_to"), day("as_of"), sentences, text("url"))
        made = np.empty(n, dtype=object)  # filled element-wise: numpy would read a list of records as rows
        with collector_paused():
            made[:] = list(map(FlagClaim, *columns))
        self.built[idx] = made

    def claims_at(self, rows) -> list[FlagClaim]:
        """The FlagClaims of these rows (positions), in their order."""
        rows = np.asarray(rows, dtype=np.int64)
        self.prepare(rows)
        return self.built[rows].tolist()

    def claim(self, i: int) -> FlagClaim:
        return self.claims_at([i])[0]


@contextmanager
def collector_paused():
    """Records are made by the hundred thousand and hold no reference cycles: the cyclic
    garbage collector, which would re-scan the growing heap of them many times over, waits."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


WHY = {
    "cross_source": "different articles give disjoint figures for it at about the same time",
    "within_article": "one article gives disjoint figures for it",
    "revision": "its figure changed between as-of windows",
    "monotonic": "a cumulative figure fell: a later figure lies wholly below an earlier one",
}


def build_flags(rows: ClaimRows, w: pd.DataFrame, members: list[pd.DataFrame]) -> tuple[Flag, ...]:
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
    unit = combine_codes(art, w["src"].to_numpy()[row])
    units = distinct_count(fkey, unit, int(fkey.max()) + 1)[fkey]
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
    kind_names = list(knames)
    kinds = [kind_names[k] for k in kcode[heads].tolist()]
    firsts = row[heads]
    # the matched fields, worded once per distinct key
    key_code = column_codes(w.iloc[firsts], KEY_FIELDS)
    _, key_first = np.unique(key_code, return_index=True)
    keys = w[KEY_FIELDS].iloc[firsts[key_first]].to_numpy()
    keys[pd.isna(keys)] = None
    worded = np.empty(int(key_code.max()) + 1, dtype=object)
    worded[key_code[key_first]] = [_matched_fields(tuple(k)) for k in keys.tolist()]
    fields = worded[key_code].tolist()
    predicates = w["k_predicate"].to_numpy()[firsts]
    subjects = rows.df["subject"].to_numpy()[firsts] if "subject" in rows.df else [None] * len(firsts)
    entities = rows.df["entity"].to_numpy()[firsts] if "entity" in rows.df else [None] * len(firsts)
    del keys, w
    # per claim of each flag (flag order): its record, claimant, outlet and figure as written
    claims_of = rows.claims_at(row)
    claimants = [str(x) for x in rows.claimant[row].tolist()]
    outlets = [o or "no outlet" for o in map(attrgetter("outlet"), claims_of)]
    spans = list(map(attrgetter("span"), claims_of))
    # per flag: distinct claimants, and the first appearance (earliest publication, then position)
    flag_of = np.repeat(np.arange(len(heads)), np.diff(bounds))
    src, src_names = pd.factorize(rows.source[row])
    n_sources = np.bincount(distinct(flag_of * (len(src_names) + 1) + src) // (len(src_names) + 1),
                            minlength=len(heads)).tolist()
    starts = np.fromiter(map(attrgetter("start"), claims_of), dtype=np.int64, count=len(claims_of))
    first_at = np.lexsort((np.arange(len(row)), starts, rows.published_day[row], flag_of))[heads].tolist()
    gaps = gap.tolist()
    out: dict[str, Flag] = {}
    with collector_paused():
        for j, (lo_j, hi_j) in enumerate(zip(bounds[:-1].tolist(), bounds[1:].tolist())):
            kind = kinds[j]
            claims = tuple(claims_of[lo_j:hi_j])
            fid = Flag.make_id(kind, [c.claim_id for c in claims])
            if fid in out:  # the same claims flagged twice under one kind is one flag
                continue
            out[fid] = Flag(
                id=fid, kind=kind, subject=_none(subjects[j]), entity=_none(entities[j]),
                measure=_none(predicates[j]), claims=claims, severity=gaps[j],
                explanation=_explain(kind, fields[j], spans[lo_j:hi_j], claimants[lo_j:hi_j], outlets[lo_j:hi_j],
                                     n_sources[j], claims_of[first_at[j]], gaps[j]),
            )
    return tuple(sorted(out.values(), key=lambda f: f.id))


def _explain(kind: str, fields: str, spans: list[str], claimants: list[str], outlets: list[str], sources: int,
             first: FlagClaim, gap: float) -> str:
    carried: dict[str, dict[str, None]] = {}  # claimant -> the outlets that carried it, in order
    for who, outlet in zip(claimants, outlets):
        carried.setdefault(who, {})[outlet] = None
    who = "; ".join(f"{k} (in {', '.join(v)})" for k, v in carried.items())
    figs = " vs ".join(dict.fromkeys(spans))
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


def group_representatives(w: pd.DataFrame, eligible: np.ndarray) -> pd.DataFrame:
    """Each group's first claim (by day, then position), with the fields that tell
    neighbouring quantities apart."""
    rows = np.flatnonzero(eligible)
    order = np.lexsort((w["start"].to_numpy()[rows], w["day"].to_numpy()[rows]))
    group = w["group"].to_numpy()[rows[order]]
    _, first = np.unique(group, return_index=True)
    reps = rows[order][np.sort(first)]
    return w.iloc[reps][["group", "day", "start", "k_modality", "k_scope", "k_entity", "k_markers", *RELAXED]]


def related_groups(rows: ClaimRows, reps: pd.DataFrame) -> list[Related]:
    """Quantities that share subject, predicate and unit but differ in scope, modality,
    counted entity or markers: neighbours, shown side by side, never flagged."""
    if reps.empty:
        return []
    block = reps.groupby(RELAXED, dropna=False, sort=False).ngroup().to_numpy()
    size = np.bincount(block)[block]
    keep = (size >= 2) & (size <= MAX_RELATED_PER_BLOCK)
    reps = reps[keep].assign(block=block[keep])
    reps = reps.iloc[np.lexsort((reps["start"].to_numpy(), reps["day"].to_numpy(), reps["block"].to_numpy()))]
    if reps.empty:
        return []
    b = reps["block"].to_numpy()
    bounds = np.flatnonzero(np.r_[True, b[1:] != b[:-1], True]).tolist()
    modality, markers = reps["k_modality"].tolist(), reps["k_markers"].tolist()
    scope, entity = [_none(x) for x in reps["k_scope"].tolist()], [_none(x) for x in reps["k_entity"].tolist()]
    claims = rows.claims_at(reps.index.to_numpy())
    out = []
    with collector_paused():
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            for x in range(lo, hi):
                for y in range(x + 1, hi):
                    reasons = []
                    if modality[x] != modality[y]:
                        reasons.append(f"planned vs actual ({modality[x]} / {modality[y]})")
                    sx, sy = scope[x], scope[y]
                    if sx != sy:
                        reasons.append("region vs whole" if sx is None or sy is None else f"different scopes ({sx} / {sy})")
                    ex, ey = entity[x], entity[y]
                    if ex != ey:
                        reasons.append(f"different counted things ({ex} / {ey})")
                    if markers[x] != markers[y]:
                        reasons.append(f"neighbouring measures ({markers[x] or 'plain'} / {markers[y] or 'plain'})")
                    out.append(Related(claims=(claims[x], claims[y]), reason="; ".join(reasons)))
    return out


def repeats_of(rows: ClaimRows, e: pd.DataFrame) -> list[Repeat]:
    """One claimant's figure carried by several articles: one source, many appearances."""
    if e.empty:
        return []
    lo_code = pd.factorize(np.round(e["lo"].to_numpy(), 6))[0]
    hi_code = pd.factorize(np.round(e["hi"].to_numpy(), 6))[0]
    rk = combine_codes(e["group"].to_numpy(), e["src"].to_numpy(), lo_code, hi_code)
    art = e["art"].to_numpy().astype(np.int64)
    # a repeat is carried by two or more articles: distinct (repeat, article) pairs per repeat
    keep = np.flatnonzero(distinct_count(rk, art, int(rk.max()) + 1)[rk] >= 2)
    if not len(keep):
        return []
    keep = keep[np.lexsort((e["start"].to_numpy()[keep], e["published_day"].to_numpy()[keep], rk[keep]))]
    rk = rk[keep]
    index = e.index.to_numpy()[keep]
    bounds = np.flatnonzero(np.r_[True, rk[1:] != rk[:-1], True]).tolist()
    claims = rows.claims_at(index)
    claimant = rows.claimant[index[bounds[:-1]]].tolist()
    out = []
    with collector_paused():
        for j, (lo, hi) in enumerate(zip(bounds[:-1], bounds[1:])):
            group = tuple(claims[lo:hi])
            out.append(Repeat(attributed_to=_none(claimant[j]), value=group[0].value, claims=group))
    return out
