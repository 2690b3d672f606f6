"""Every claim keyed for comparison: the quantity key (subject, scope, predicate, counted thing,
markers, modality, unit dimension, change vs level), its logical and stated intervals in the
unit's base, its day, its original claimant and whether the article speaks in its own voice.

``key_claims`` turns the claims table into this key table, one row per claim (same positions),
with integer codes standing in for strings in every later sort and grouping.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

import numpy as np
import pandas as pd

from figures.codes import column_codes, distinct
from figures.config import Settings
from figures.intervals import last_digit_unit, logical_bounds
from figures.modality import is_forecaster
from figures.quantity import (EVENT_MEASURES, GENERIC_ENTITIES, GENERIC_MEASURES, OCCASION, PERCENT_UNITS, SCOPE_STOP,
                              key_frame, lemma, predicate)
from figures.subject_folding import fold_subjects
from figures.units import registry
from figures.word_classes import word_class

log = logging.getLogger(__name__)

KEY_FIELDS = ["k_subject", "k_scope", "k_predicate", "k_entity", "k_markers", "k_modality", "k_unit", "k_change"]
PERIODS = ("month", "quarter", "year")  # as-of precisions that name a reporting period
PAST_OCCASION_DAYS = 365  # an event's figure dated this long before its article recalls a past event
ISO_CURRENCY = re.compile(r"^[A-Z]{3}$")
# One-sided wordings read as their stated figure when a quantity's timeline is judged.
STATED_AS_ABOUT = {q: "about" for q in ("at_least", "more_than", "at_most", "up_to", "less_than")}
PRECISE_DIGITS = 3  # "at least 15,383" is a count with a caveat; "more than 20,000" a floor
BOUND_REACH = 2.0  # how far past its figure a round bound reaches: "more than 20,000" < 40,000


def key_claims(df: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """The key table of a claims table with a RangeIndex (see the module docstring)."""
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
    rate_key(w)
    block = merge_scopes(w)
    if block is not None:
        party_scopes(w, col("attributed_to"), block)
    entity_key(w)
    subject_fallback(w, col("article_id"))
    listed_items(w, col("article_id"), col("sentence"), col("entity"))
    w["article_id"] = col("article_id").to_numpy()
    w["start"] = pd.to_numeric(col("start"), errors="coerce").fillna(0).to_numpy()
    w["end"] = pd.to_numeric(col("end"), errors="coerce").fillna(0).to_numpy()
    w["sentence"] = col("sentence").to_numpy()
    w["unit"] = col("unit").to_numpy()

    value = pd.to_numeric(col("value"), errors="coerce").to_numpy(dtype=float) * factor
    low = pd.to_numeric(col("low"), errors="coerce").to_numpy(dtype=float) * factor
    high = pd.to_numeric(col("high"), errors="coerce").to_numpy(dtype=float) * factor
    w["lo"], w["hi"] = reading_bounds(value, low, high, col("qualifier").fillna("exact").to_numpy(),
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
    # a figure for a stated month, quarter or year ("142,000 jobs in August") is a quantity of
    # that period: another period's figure is another quantity, and the estimates of one period
    # are ordered by when they were published (a revision), not by the period they share
    precision = col("as_of_precision").fillna("day").astype(str).to_numpy()
    periodic = np.isin(precision, PERIODS) & ~w["k_cumulative"].to_numpy(dtype=bool) & ~np.isnan(as_of)
    if periodic.any():
        w.loc[periodic, "k_markers"] = (w.loc[periodic, "k_markers"] + "@" + precision[periodic]
                                        + w.loc[periodic, "day"].astype(int).astype(str))
        w.loc[periodic, "day"] = w.loc[periodic, "published_day"]
    # an event's figure dated long before its article ("the 2015 quake killed 9,000") is about a
    # past event, not the story's running toll: it meets only figures of that same year
    past = ((published - as_of > PAST_OCCASION_DAYS) & ~periodic
            & w["k_predicate"].isin(EVENT_MEASURES).to_numpy())
    if past.any():
        years = pd.to_datetime(w.loc[past, "day"], unit="D").dt.year.astype(str).to_numpy()
        w.loc[past, "k_markers"] = w.loc[past, "k_markers"] + "@past" + years
    w["k_occasion"] = w["k_predicate"].isin(OCCASION).to_numpy()
    # time since an event, and a count of one day, are compared only within one as-of day
    m_codes, m_uniques = pd.factorize(w["k_markers"])
    one_day = np.array(["one_day" in m for m in m_uniques] + [False], dtype=bool)[m_codes]
    elapsed = (w["k_predicate"] == "elapsed").to_numpy() | one_day
    if elapsed.any():
        w.loc[elapsed, "k_markers"] = w.loc[elapsed, "k_markers"] + "@day" + w.loc[elapsed, "day"].astype(int).astype(str)
    w["claimant"], w["source"] = claimant_of(df)
    # integer codes stand in for strings in every sort and grouping below
    w["art"] = pd.factorize(w["article_id"])[0]
    w["sent"] = pd.factorize(w["sentence"])[0]
    w["src"] = pd.factorize(w["source"])[0]
    # the article's own voice: no claimant named, or the outlet itself
    o_codes, o_uniques = pd.factorize(col("outlet"))
    outlet_key = np.array([source_key(o) for o in o_uniques] + [""], dtype=object)[o_codes]
    w["own_voice"] = (w["source"].to_numpy() == outlet_key) | (w["source"].to_numpy() == "")
    # a forecaster's forecast (economists polled by one agency) is an opinion of what is to come:
    # two forecasters' differ by nature, and are no dispute (one projection relayed is)
    c_codes, c_uniques = pd.factorize(col("attributed_to"))
    by_forecaster = np.array([is_forecaster(c) for c in c_uniques] + [False], dtype=bool)[c_codes]
    w["forecast"] = (col("modality").fillna("").astype(str) == "projected").to_numpy() & by_forecaster
    if fold_subjects(w, df):
        merge_scopes(w)
    w["kcode"] = column_codes(w, KEY_FIELDS[:-1])
    # one claimant restating its figure in one article makes one claim, not several: the
    # restatements are compared with nothing (the first mention stands for them)
    dup = pd.DataFrame({"a": w["art"], "k": w["kcode"], "v": w["v_base"], "s": w["src"],
                        "q": col("qualifier").fillna("exact").to_numpy()}).duplicated().to_numpy()
    if dup.any():
        again = "@again" + pd.Series(np.flatnonzero(dup), index=w.index[dup]).astype(str)
        w.loc[dup, "k_markers"] = w.loc[dup, "k_markers"] + again
        w["kcode"] = column_codes(w, KEY_FIELDS[:-1])
    return w


def reading_bounds(value, low, high, qualifier, rel_tol: float) -> tuple[np.ndarray, np.ndarray]:
    """The interval a claim is compared on: its logical interval, read as news is written.

    - A precise figure under a bound ("at least 15,383", "as many as 12,391": three or more
      significant digits) is a count with a caveat: it is read as the figure it states.
    - A round bound ("more than 20,000", "up to 150,000") is a floor or a ceiling near the
      figure, not an open range: "more than 20,000" does not stand for 130,000, nor "up to
      150,000" for 15,550. Its open side reaches BOUND_REACH times the figure.
    """
    qualifier = np.asarray(qualifier, dtype=object)
    one_sided = np.isin(qualifier, list(STATED_AS_ABOUT))
    v = np.asarray(value, dtype=float)
    unit = last_digit_unit(v)
    with np.errstate(divide="ignore", invalid="ignore"):
        digits = np.floor(np.log10(np.abs(v) / unit) + 1e-9) + 1
    precise = one_sided & (digits >= PRECISE_DIGITS)
    lo, hi = logical_bounds(value, low, high, np.where(precise, "exact", qualifier), rel_tol)
    lower_bound = one_sided & ~precise & np.isin(qualifier, ["at_least", "more_than"]) & (v > 0)
    upper_bound = one_sided & ~precise & np.isin(qualifier, ["at_most", "up_to", "less_than"]) & (v > 0)
    hi = np.where(lower_bound, np.maximum(lo, BOUND_REACH * v), hi)
    lo = np.where(upper_bound, np.minimum(hi, v / BOUND_REACH), lo)
    return lo, hi


# -- units -------------------------------------------------------------------------------------
# units.txt's own base dimensions that name what is measured rather than a physical quantity: a
# magnitude, a percentage point, a storey compare as a measure of their own ("7.8 magnitude")
NAMED_DIMENSIONS = frozenset({"[seismic_magnitude]", "[percentage_point]", "[storey]", "[degree_unspecified]"})


@lru_cache(maxsize=4096)
def unit_info(unit: str | None) -> tuple[str, float]:
    """(dimension key, factor to the dimension's base unit). Currencies are their own dimension
    (never converted), a plain count is "count", and a unit pint does not know stands alone."""
    if unit is None or (isinstance(unit, float) and np.isnan(unit)) or str(unit).strip() in ("", "None"):
        return "count", 1.0
    u = str(unit).strip()
    if ISO_CURRENCY.match(u):
        return "currency:" + u, 1.0
    if u.lower() in PERCENT_UNITS:
        return "percent", 1.0
    try:
        q = registry().Quantity(1.0, u)  # the project's one registry: it knows "km2", "sq_mi"
        base = q.to_base_units()
        dim = str(q.dimensionality)
        if dim == "dimensionless" or dim in NAMED_DIMENSIONS:
            return "unit:" + u.lower(), 1.0
        return "dim:" + dim, float(base.magnitude)
    except Exception:  # pint raises several unrelated types for unknown units
        return "unit:" + u.lower(), 1.0


# -- preparing the table -------------------------------------------------------------------------
def claimant_of(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
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
    norm = [source_key(u) for u in uniques]
    return label.to_numpy(), np.array(norm + [""], dtype=object)[codes]


def source_key(name) -> str:
    """A claimant or outlet name compared loosely: case, spacing, "(via X)" notes and the letters a
    body is also known by ("National Audit Office (NAO)") aside."""
    if not isinstance(name, str):
        return ""
    return re.sub(r"\s+", " ", ACRONYM_NOTE.sub("", re.sub(r"\(via [^)]*\)", "", name))).strip().lower()


ACRONYM_NOTE = re.compile(r"\s*\([A-Z][A-Z&.]{1,9}\)\s*$")


def _days(series: pd.Series) -> np.ndarray:
    """Days since 1970 (NaN when missing), computed once per distinct date."""
    codes, uniques = pd.factorize(series)
    days = pd.to_datetime(pd.Series(list(uniques), dtype=object), errors="coerce")
    lookup = np.r_[((days - pd.Timestamp("1970-01-01")).dt.days).to_numpy(dtype=float), np.nan]
    return lookup[np.where(codes < 0, len(uniques), codes)]


def merge_scopes(w: pd.DataFrame) -> np.ndarray | None:
    """Within one subject and measure, a scope worded with extra words ("rebel-held areas in
    the northwest") is the scope it contains ("rebel-held areas") when that one is unique.
    Returns the (subject, predicate, unit) block codes it keyed on, None when no claim has a scope."""
    scoped = w["k_scope"].notna().to_numpy()
    if not scoped.any():
        return None
    block = column_codes(w, ["k_subject", "k_predicate", "k_unit"])
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
    return block


_SCOPE_PLACE_WORDS = word_class("quantity_words.tsv", "scope_place")
JOBS_HEADS = word_class("quantity_words.tsv", "jobs_head")  # heads that only restate a jobs figure


def party_scopes(w: pd.DataFrame, attributed_to: pd.Series, block: np.ndarray) -> None:
    """Within one subject and measure whose claims name the side that holds a part ("Russian-held
    areas", "government-held areas"), an unscoped figure from that side's own officials ("a
    Russian-appointed official said", "the Syrian government confirmed") counts the part its
    side holds: each side of a divided place reports the toll of the ground it controls."""
    scoped = w["k_scope"].notna().to_numpy()
    parties: dict[int, dict[str, str]] = {}
    for b, sc in set(zip(block[scoped].tolist(), w["k_scope"].to_numpy()[scoped].tolist())):
        party = [x for x in sc.split() if x not in _SCOPE_PLACE_WORDS and x not in SCOPE_STOP]
        if len(party) == 1 and "held" in sc.split():
            parties.setdefault(b, {})[party[0]] = sc
    if not parties:
        return
    names = attributed_to.fillna("").astype(str).str.lower().to_numpy()
    for i in np.flatnonzero(~scoped & np.isin(block, list(parties))):
        words = set(re.findall(r"[a-z]+", names[i]))
        found = [sc for party, sc in parties[block[i]].items() if party in words]
        if len(set(found)) == 1:
            w.iat[i, w.columns.get_loc("k_scope")] = found[0]


def entity_key(w: pd.DataFrame) -> None:
    """The counted thing as a key field: "people" is not distinguishing once the predicate says
    killed or injured, nor a head that only names the predicate again ("troops" deployed)."""
    ent = w["k_entity"]
    # "rate", "share", "total" name no counted thing either
    generic = ent.isin(list((GENERIC_ENTITIES | GENERIC_MEASURES) - {None})).to_numpy()
    codes, uniques = pd.factorize(ent)
    head_pred = np.array([predicate(u) for u in uniques] + [None], dtype=object)[codes]
    names_predicate = (head_pred == w["k_predicate"].to_numpy()) & ~w["k_cumulative"].to_numpy()
    same = (ent == w["k_predicate"]).to_numpy() | (
        (w["k_predicate"] == "jobs").to_numpy() & ent.isin(list(JOBS_HEADS)).to_numpy())  # "114,000 workers"
    w["k_entity"] = np.where(generic | names_predicate | same, None, ent.to_numpy())


def listed_items(w: pd.DataFrame, article: pd.Series, sentence: pd.Series, entity: pd.Series) -> None:
    """"1.3 million preventive services, 465,000 treatment services and 141,000 ...": one sentence
    that counts several things of one head noun lists separate quantities, so each keeps its whole
    counted phrase (another article's list of the same items meets it item by item)."""
    if w.empty:
        return
    e_codes, e_uniques = pd.factorize(entity.fillna("").astype(str).str.lower())
    frame = pd.DataFrame({"a": pd.factorize(article)[0], "s": pd.factorize(sentence)[0],
                          "k": column_codes(w, KEY_FIELDS), "e": e_codes})
    kinds = frame.groupby(["a", "s", "k"], sort=False)["e"].transform("nunique").to_numpy()
    named = np.array([bool(u) for u in e_uniques] + [False], dtype=bool)[e_codes]
    listed = (kinds >= 2) & named
    if listed.any():
        keys = np.array([_phrase_key(u) for u in e_uniques] + [""], dtype=object)
        w.loc[listed, "k_entity"] = keys[e_codes[listed]]


@lru_cache(maxsize=4096)
def _phrase_key(phrase: str) -> str:
    """A counted phrase as a key: its words, the last one lemmatised ("treatment services" -> "treatment service")."""
    words = re.findall(r"[a-z0-9]+", phrase)
    return " ".join(words[:-1] + [lemma(words[-1])]) if words else ""


def rate_key(w: pd.DataFrame) -> None:
    """A percentage's unit already says "a share": the "share" marker ("inflation rate", "share
    of the vote") would only split one measure by its wording."""
    pct = (w["k_unit"] == "percent").to_numpy()
    if not pct.any():
        return
    marks = w["k_markers"].to_numpy()[pct]
    plain = {m: "|".join(x for x in m.split("|") if x != "share") for m in pd.unique(marks)}
    w.loc[pct, "k_markers"] = [plain[m] for m in marks]


def subject_fallback(w: pd.DataFrame, article: pd.Series) -> None:
    """A claim with no subject takes its article's most common one; failing that it is
    compared only inside its article."""
    missing = w["k_subject"].isna().to_numpy()
    if not missing.any():
        return
    art = pd.factorize(article)[0]
    affected = np.isin(art, distinct(art[missing])) & ~missing  # articles with a subject-less claim
    if affected.any():
        subj_codes, subj_uniques = pd.factorize(w["k_subject"].to_numpy()[affected])
        pairs = pd.DataFrame({"a": art[affected], "s": subj_codes})
        counts = pairs.value_counts().reset_index(name="n").sort_values(["a", "n", "s"], ascending=[True, False, True])
        best = counts.drop_duplicates("a")
        lookup = pd.Series(np.asarray(subj_uniques, dtype=object)[best["s"].to_numpy()], index=best["a"].to_numpy())
        w.loc[missing, "k_subject"] = pd.Series(art[missing]).map(lookup).to_numpy()
        missing = w["k_subject"].isna().to_numpy()
    w.loc[missing, "k_subject"] = ("article:" + article[missing].astype(str)).to_numpy()
