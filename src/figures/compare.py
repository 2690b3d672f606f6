"""Claims (a DataFrame from Store.claims_frame) -> flags, related figures, repeats and source
reliability. Pure: no database, no I/O.

How it works, in array operations over the whole table:

1. **Key** every claim (figures.claim_keys over figures.quantity): subject, scope, predicate, counted entity, markers
   (per person, to date, previous, increment ...), modality class, unit dimension, change vs level.
   Claims whose key cannot be built (no figure, no predicate) are left out. A claim with no
   subject is compared only inside its own article. A subject named inside a larger place's
   reports is folded into it (figures.subject_folding).
2. **Set aside** (figures.blocking) what is not a comparison: a conversion printed next to its figure ("£10bn
   ($13bn)") and the old figure of a change the article states itself ("rose from 99 to 101").
   Both come out as Related records.
3. **Block** by key (figures.blocking) and split each block into time windows: claims whose as-of
   dates lie within ``Settings.same_time_days`` of the window's first claim.
4. **Interval algebra** (figures.disagreements, figures.intervals) on the logical intervals, with per-window and
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
5. Records (figures.flag_records): flags carry stable ids (Flag.make_id over kind and claim ids), severity (the relative gap)
   and an explanation naming the matched key fields, the claimants and the outlets.

Not flagged, but returned as Related records with the reason: conversions, stated changes,
and neighbouring quantities (same subject and measure, another scope, modality, counted thing
or marker: planned vs deployed, region vs whole). Repeats list one claimant's figure carried by
several articles, first appearance first. Reliability is CRH over the comparison windows
(figures.reliability). ``apply_verdicts`` (figures.verdicts) puts reviewers' verdicts on flags; a verdict holds
for exactly the claims it was given on.

Integer codes (figures.codes) stand in for strings in every sort, grouping and join, and only
the rows that are shown become records, so a million claims fit in well under 2 GB.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from figures.blocking import judged_rows, set_aside
from figures.claim_keys import key_claims
from figures.config import Settings
from figures.disagreements import find_disagreements
from figures.flag_records import ClaimRows, build_flags, group_representatives, related_groups, repeats_of
from figures.records import Flag, Related, Repeat
from figures.reliability import crh
from figures.verdicts import CLOSING_VERDICTS, VERDICTS, apply_verdicts

__all__ = ["CLOSING_VERDICTS", "VERDICTS", "Comparison", "apply_verdicts", "compare", "find_conflicts"]

log = logging.getLogger(__name__)

MIN_RELIABILITY_CLAIMS = 5


@dataclass(frozen=True)
class Comparison:
    flags: tuple[Flag, ...] = ()
    related: tuple[Related, ...] = ()
    repeats: tuple[Repeat, ...] = ()
    # one row per claimant with >= 5 claims in groups: attributed_to, claims, weight, low, high
    reliability: pd.DataFrame = field(default_factory=pd.DataFrame)


def compare(claims: pd.DataFrame, settings: Settings = Settings()) -> Comparison:
    """Group claims about the same quantity and judge each group."""
    if claims is None or claims.empty:
        return Comparison(reliability=pd.DataFrame(columns=["attributed_to", "claims", "weight", "low", "high"]))
    if "claim_id" not in claims:
        raise ValueError("claims need a claim_id column (Store.claims_frame gives one)")
    df = claims.reset_index(drop=True)
    n = len(df)
    w = key_claims(df, settings)
    aside, pairs = set_aside(w, df["span"] if "span" in df else pd.Series([None] * n))
    eligible, e = judged_rows(w, aside, settings)
    for name in ("article_id", "sentence", "unit", "end", "sent", "kcode"):  # read only to block
        del w[name]
    members = find_disagreements(e)

    # free what the judgements needed before the records are built
    neighbours = group_representatives(w, eligible)
    for name in ("sent", "own_voice", "aw", "sid", "own_lo", "own_hi", "aws", "k_cumulative", "stray"):
        if name in e:
            del e[name]
    for name in ("group", "k_cumulative", "own_voice"):
        del w[name]
    rows = ClaimRows(df, w)
    flags = build_flags(rows, w, members)
    del members, w
    rows.prepare([i for a, b, _ in pairs for i in (a, b)])
    related = tuple(Related(claims=(rows.claim(a), rows.claim(b)), reason=why) for a, b, why in pairs)
    related += tuple(related_groups(rows, neighbours))
    del neighbours
    repeats = tuple(repeats_of(rows, e))
    rel = crh(pd.DataFrame({"window": e["window"], "source": e["src"], "label": e["claimant"],
                            "value": (np.where(np.isfinite(e["v_base"]), e["v_base"], e["lo"]))}),
              MIN_RELIABILITY_CLAIMS) if not e.empty else crh(pd.DataFrame(columns=["window", "source", "value"]))
    log.info("compared %d claims: %d in %d groups, %d flags, %d related, %d repeats",
             n, len(e), e["group"].nunique() if not e.empty else 0, len(flags), len(related), len(repeats))
    return Comparison(flags=flags, related=related, repeats=repeats, reliability=rel)


def find_conflicts(claims: pd.DataFrame, settings: Settings = Settings()) -> list[Flag]:
    """Flags for claims about the same quantity that disagree, sorted by id."""
    return list(compare(claims, settings).flags)
