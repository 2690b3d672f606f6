"""Records from the judgements: Flags (with stable ids, severity and an explanation naming the
matched key fields, the claimants and the outlets), Related neighbours and Repeats. Claims are
turned into FlagClaims in bulk, only for the rows that are shown, each built once."""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

import numpy as np
import pandas as pd

from figures.claim_keys import KEY_FIELDS
from figures.codes import combine_codes, distinct
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
        self.claimant = pd.Series(w["claimant"].to_numpy(dtype=object, copy=True))
        self.source = pd.Series(w["source"].to_numpy(dtype=object, copy=True))
        self.published_day = w["published_day"].to_numpy(copy=True)
        self.built: list[FlagClaim | None] = [None] * len(df)
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
    width = int(unit.max()) + 1
    pairs = distinct(fkey * width + unit)
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


def _explain(rows: ClaimRows, claimant: list, source: list, key, idx: list[int], claims: tuple[FlagClaim, ...],
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


def group_representatives(w: pd.DataFrame, eligible: np.ndarray) -> pd.DataFrame:
    """Each group's first claim (by day, then position), with the fields that tell
    neighbouring quantities apart."""
    rows = np.flatnonzero(eligible)
    order = np.lexsort((w["start"].to_numpy()[rows], w["day"].to_numpy()[rows]))
    group = w["group"].to_numpy()[rows[order]]
    _, first = np.unique(group, return_index=True)
    reps = rows[order][np.sort(first)]
    return w.iloc[reps][["group", "day", "start", "k_modality", "k_scope", "k_entity", "k_markers", *RELAXED]]


def related_groups(rows: ClaimRows, reps: pd.DataFrame):
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


def repeats_of(rows: ClaimRows, e: pd.DataFrame):
    """One claimant's figure carried by several articles: one source, many appearances."""
    if e.empty:
        return
    r = e[["group", "src", "art", "lo", "hi", "published_day", "start"]].copy()
    lo_code = pd.factorize(np.round(r["lo"].to_numpy(), 6))[0]
    hi_code = pd.factorize(np.round(r["hi"].to_numpy(), 6))[0]
    r["rk"] = combine_codes(r["group"].to_numpy(), r["src"].to_numpy(), lo_code, hi_code)
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
