"""Source reliability, truth-discovery style (CRH, Li et al. SIGMOD 2014, with a CATD-style
confidence band, Li et al. VLDB 2015).

Input: one row per claim that sits in a comparison window (claims about one quantity at about
the same time), with the window, the claimant and the figure. The truth of each window is the
weighted median of its figures; a claimant's loss is the sum of its normalised distances from
those truths; its weight is ``-log(loss / total loss)``. Only claimants with at least
``min_claims`` claims get a weight, shown with the number of claims and a 95% band from the
chi-square reading of CATD (a claimant with few claims gets a wide band).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

COLUMNS = ["attributed_to", "claims", "weight", "low", "high"]
Z_975 = 1.959964


def _chi2_quantile(p_z: float, k: np.ndarray) -> np.ndarray:
    """Wilson–Hilferty approximation of the chi-square quantile for the normal quantile p_z."""
    k = np.maximum(np.asarray(k, dtype=float), 1.0)
    return k * (1 - 2 / (9 * k) + p_z * np.sqrt(2 / (9 * k))) ** 3


def weighted_median(frame: pd.DataFrame, by: str, value: str, weight: str) -> pd.Series:
    """The weighted median of ``value`` per ``by`` group (lower median on ties)."""
    f = frame[[by, value, weight]].sort_values([by, value], kind="mergesort")
    cum = f.groupby(by, sort=False)[weight].cumsum()
    total = f.groupby(by, sort=False)[weight].transform("sum")
    at = f[cum >= total / 2]
    return at.groupby(by, sort=False)[value].first()


def crh(rows: pd.DataFrame, min_claims: int = 5, iterations: int = 10) -> pd.DataFrame:
    """Weights per claimant. ``rows`` has columns window, source, value (and optionally label,
    the claimant as shown)."""
    if rows.empty:
        return pd.DataFrame(columns=COLUMNS)
    f = rows[["window", "source", "value"]].copy()
    f["label"] = rows["label"] if "label" in rows else rows["source"]
    f = f[np.isfinite(f["value"].to_numpy(dtype=float))]
    # windows where only one claimant speaks say nothing about anyone's reliability
    f = f[f.groupby("window")["source"].transform("nunique") >= 2]
    if f.empty:
        return pd.DataFrame(columns=COLUMNS)
    sources = f["source"].astype("category")
    f["source"] = sources
    w = pd.Series(1.0, index=sources.cat.categories)
    for _ in range(iterations):
        f["w"] = f["source"].map(w).astype(float)
        truth = weighted_median(f, "window", "value", "w")
        t = f["window"].map(truth).to_numpy(dtype=float)
        v = f["value"].to_numpy(dtype=float)
        scale = f["value"].abs().groupby(f["window"]).transform("max").to_numpy(dtype=float)
        f["loss"] = np.abs(v - t) / np.maximum(scale, 1e-12)
        loss = f.groupby("source", observed=True)["loss"].sum() + 1e-6
        new_w = -np.log(loss / loss.sum())
        done = bool(np.allclose(new_w.to_numpy(), w.reindex(new_w.index).to_numpy(), rtol=1e-6, atol=1e-9))
        w = new_w
        if done:  # the weights have settled
            break
    counts = f.groupby("source", observed=True).size()
    label = f.groupby("source", observed=True)["label"].first()
    keep = counts[counts >= min_claims].index
    if len(keep) == 0:
        return pd.DataFrame(columns=COLUMNS)
    n = counts[keep].to_numpy(dtype=float)
    lo_q = _chi2_quantile(-Z_975, n)
    hi_q = _chi2_quantile(Z_975, n)
    out = pd.DataFrame({
        "attributed_to": label[keep].to_numpy(), "claims": counts[keep].to_numpy(),
        "weight": w[keep].to_numpy(),
        # CATD: the weight is a chi-square draw over the loss; its band scales with 1/loss
        "low": lo_q / n * w[keep].to_numpy(), "high": hi_q / n * w[keep].to_numpy(),
    })
    return out.sort_values(["weight", "attributed_to"], ascending=[False, True]).reset_index(drop=True)
