"""How fast the comparator is: synthetic claims in realistic groups, 10k -> 100k -> 1M.

    .venv/bin/python benchmarks/compare.py              # 10k, 100k and 1M claims
    .venv/bin/python benchmarks/compare.py --sizes 100000 --profile

Each size runs in a fresh subprocess so its peak memory (ru_maxrss, which includes the
synthetic table itself) is its own. Target: 1,000,000 claims in under 60 s and 2 GB on one core
(aim: 1.7 GB, to leave room). Wall time counts other processes on a shared machine; CPU time
does not.

The synthetic table looks like news: quantities (a subject, a measure, a counted thing, a unit)
reported by a few claimants through several outlets each over a few weeks; most figures agree
up to rounding and hedges, some disagree, cumulative tolls grow and now and then fall, some
figures come with a conversion into another currency, and some claims have no subject.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

import numpy as np
import pandas as pd

MEASURES = [("killed", "people killed", None), ("injured", "people injured", None), ("missing", "people missing", None),
            ("deployed", "troops", None), ("cost", "cost of the programme", "GBP"), ("paid", "payments", "USD"),
            ("destroyed", "buildings destroyed", None), ("displaced", "people displaced", None),
            ("depth", "depth of the quake", "km"), ("share", "share of the vote", "percent")]
QUALIFIERS = np.array(["exact", "exact", "exact", "about", "at_least", "more_than", "up_to"], dtype=object)
MODALITIES = np.array(["actual"] * 8 + ["projected", "intended"], dtype=object)


def synthetic(n: int, seed: int = 0) -> pd.DataFrame:
    from figures.store import CLAIM_COLUMNS

    rng = np.random.default_rng(seed)
    n_q = max(n // 12, 1)                       # quantities, about 12 claims each
    q = rng.integers(0, n_q, n)                  # which quantity each claim is about
    q_measure = rng.integers(0, len(MEASURES), n_q)
    q_truth = np.round(10 ** rng.uniform(1, 7, n_q))
    q_day0 = rng.integers(0, 3 * 365, n_q)
    m = q_measure[q]
    day = q_day0[q] + rng.integers(0, 30, n)    # a story runs for about a month
    cumulative = np.isin(m, [0, 1, 6])
    growth = np.where(cumulative, 1 + (day - q_day0[q]) / 15.0, 1.0)
    noise = np.where(rng.random(n) < 0.15, rng.normal(0, 0.2, n), 0.0)  # 15% disagree
    value = np.round(q_truth[q] * growth * (1 + noise))
    rounded = rng.random(n) < 0.3
    value = np.where(rounded, np.round(value, -max(int(np.log10(max(value.max(), 10))) - 2, 0)), value)
    value = np.maximum(value, 1.0)
    article = rng.integers(0, max(n // 6, 1), n)  # six claims an article
    claimant = rng.integers(0, 3, n) + 3 * (q % 500)  # a few claimants per quantity
    outlet = article % 400
    subject = np.array([f"Place {i}" for i in range(n_q)], dtype=object)[q]
    subject[rng.random(n) < 0.03] = None
    measure = np.array([x[0] for x in MEASURES], dtype=object)[m]
    entity = np.array([x[1] for x in MEASURES], dtype=object)[m]
    unit = np.array([x[2] for x in MEASURES], dtype=object)[m]
    qual = QUALIFIERS[rng.integers(0, len(QUALIFIERS), n)]
    start = rng.integers(0, 5_000, n)
    base = pd.Timestamp("2022-01-01")
    dates = (base + pd.to_timedelta(day, unit="D")).date
    frame = pd.DataFrame({
        "claim_id": [f"c{i:08d}" for i in range(n)], "article_id": [f"a{i:07d}" for i in article],
        "start": start, "end": start + 6, "span": [f"{v:,.0f}" for v in value],
        "sentence": [f"Officials said {v:,.0f} on day {d}." for v, d in zip(value, day)],
        "value": value, "low": np.where(np.isin(qual, ["exact", "at_least", "more_than"]), value, np.nan),
        "high": np.where(np.isin(qual, ["exact", "up_to"]), value, np.nan), "qualifier": qual, "unit": unit,
        "entity": entity, "subject": subject, "attributed_to": [f"Claimant {c}" for c in claimant],
        "claimant_chain": "", "as_of": dates, "as_of_precision": "day", "measure": measure,
        "modality": MODALITIES[rng.integers(0, len(MODALITIES), n)], "is_change": rng.random(n) < 0.02,
        "location": None, "pragmatic_low": None, "pragmatic_high": None,
        "outlet": [f"Outlet {o}" for o in outlet], "published": dates, "url": None, "title": None,
    })
    return frame[CLAIM_COLUMNS]


def run_one(n: int, profile: bool) -> dict:
    from figures.compare import compare

    frame = synthetic(n)
    rss_data = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    c0 = time.process_time()
    if profile:
        import cProfile
        import pstats

        with cProfile.Profile() as prof:
            result = compare(frame)
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
    else:
        result = compare(frame)
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {"claims": n, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "rss_after_data_mb": round(rss_data), "flags": len(result.flags), "related": len(result.related),
            "repeats": len(result.repeats), "reliability_rows": len(result.reliability)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--profile", action="store_true", help="print a cProfile of the comparison")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.profile)))
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(n)] + (["--profile"] if args.profile else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        if args.profile:
            print(out)
        rows.append(json.loads(out.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"{r['claims']:>9,} claims  {r['seconds']:7.2f} s wall  {r['cpu_seconds']:7.2f} s CPU  peak RSS {r['peak_rss_mb']:6,} MB "
              f"(table alone {r['rss_after_data_mb']:,} MB)  flags {r['flags']:,}  related {r['related']:,}  "
              f"repeats {r['repeats']:,}  reliability rows {r['reliability_rows']:,}", flush=True)
    for a, b in zip(rows, rows[1:]):
        print(f"growth {a['claims']:,} -> {b['claims']:,}: claims x{b['claims'] / a['claims']:.0f}, "
              f"wall time x{b['seconds'] / max(a['seconds'], 1e-9):.1f}, CPU time x{b['cpu_seconds'] / max(a['cpu_seconds'], 1e-9):.1f}, "
              f"peak memory x{b['peak_rss_mb'] / max(a['peak_rss_mb'], 1):.1f}, "
              f"memory over the table x{(b['peak_rss_mb'] - b['rss_after_data_mb']) / max(a['peak_rss_mb'] - a['rss_after_data_mb'], 1):.1f}")
    last = rows[-1]
    if last["claims"] >= 1_000_000:
        ok = last["seconds"] < 60 and last["peak_rss_mb"] < 2048
        cpu_ok = last["cpu_seconds"] < 60 and last["peak_rss_mb"] < 2048
        print(f"target (1M claims < 60 s and < 2 GB): {'met' if ok else 'NOT met'} on wall time, "
              f"{'met' if cpu_ok else 'NOT met'} on CPU time (wall time counts other processes on a shared machine; "
              f"load average now {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
