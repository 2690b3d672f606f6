"""Speed of the weekly report: a week of 10,000 synthetic articles (~50,000 claims) reported in
every format. Target: the report (reading, comparing, charts, all formats) in under 10 s.

    python benchmarks/report.py [--articles 10000] [--comparator real|synthetic] [--db URL]

The articles and claims are made directly (not extracted), so this measures the report alone.
``--comparator real`` runs figures.compare.compare; ``synthetic`` raises a flag for every
quantity whose figures disagree by more than 10 % — use it to time the report with a known,
large number of flags whatever the state of the comparator.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from figures.compare import Comparison, compare
from figures.config import Settings
from figures.records import Article, Claim, Flag, FlagClaim, Mention, Related, Repeat
from figures.report import ReportOptions, build, gather
from figures.report_data import render_claims_csv, render_flags_csv, render_json
from figures.report_pages import render_html, render_markdown
from figures.store import Store

WEEK = "2024-W43"
MONDAY = date(2024, 10, 21)
OUTLETS = [f"Outlet {i:02d}" for i in range(40)]
CLAIMANTS = ["the health ministry", "the UN", "police", "the governor", "a monitoring group", "the army",
             "the statistics office", "rescue services", "the company", "the mayor"]
SUBJECTS = [f"Region {i:03d}" for i in range(120)]
ENTITIES = ["deaths", "injured", "homes destroyed", "troops", "evacuees", "cost"]


def synthetic_week(n_articles: int, seed: int = 7) -> list[tuple[Article, list[Claim], list[Mention]]]:
    """Articles of one week, ~5 claims each about a few hundred quantities; most figures agree."""
    rng = random.Random(seed)
    truth = {(s, e): rng.randrange(50, 200_000) for s in SUBJECTS for e in ENTITIES}
    keys = list(truth)
    out = []
    for i in range(n_articles):
        published = MONDAY + timedelta(days=rng.randrange(7))
        outlet = rng.choice(OUTLETS)
        sentences, claims = [], []
        pos = 0
        for _ in range(rng.choice((4, 5, 5, 6))):
            subject, entity = rng.choice(keys)
            value = truth[(subject, entity)]
            if rng.random() < 0.08:  # a rival or revised figure
                value = int(value * rng.choice((0.6, 0.8, 1.25, 1.5)))
            who = rng.choice(CLAIMANTS)
            figure = f"{value:,}"
            sentence = f"{who.capitalize()} said {figure} {entity} in {subject} on {published:%A}."
            start = pos + sentence.index(figure)
            claims.append(Claim(article_id=f"a{i:05d}", start=start, end=start + len(figure), span=figure,
                                sentence=sentence, value=float(value), low=float(value), high=float(value),
                                entity=entity, subject=subject, attributed_to=who, as_of=published))
            sentences.append(sentence)
            pos += len(sentence) + 1
        text = " ".join(sentences)
        article = Article(id=f"a{i:05d}", text=text, outlet=outlet, published=published,
                          url=f"https://news.example/{i}", title=f"Story {i}")
        out.append((article, claims, [Mention(article.id, 0, 0, "", rng.choice(("calendar date", "no unit")))]))
    return out


def _fc(r: dict) -> FlagClaim:
    return FlagClaim(r["claim_id"], r["article_id"], r["start"], r["end"], r["span"], r["value"], r["low"], r["high"],
                     r["outlet"], r["published"], r["attributed_to"], r["as_of"], r["sentence"], r["url"])


def synthetic_compare(frame: pd.DataFrame, settings: Settings) -> Comparison:
    """A flag per quantity whose figures differ by > 10 % (up to 6 claims each); a repeat per
    claimant figure carried by several outlets (up to 200)."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in frame.to_dict("records"):
        groups[(r["subject"], r["entity"])].append(r)
    flags, repeats, related = [], [], []
    for (subject, entity), rows in sorted(groups.items()):
        values = sorted({r["value"] for r in rows})
        if values[-1] > values[0] * 1.1:
            picked = sorted({r["value"]: r for r in rows}.values(), key=lambda r: r["value"])[:6]
            claims = tuple(_fc(r) for r in picked)
            flags.append(Flag(Flag.make_id("cross_source", [c.claim_id for c in claims]), "cross_source", subject, entity,
                              None, claims, severity=values[-1] / values[0] - 1, explanation="synthetic"))
        if len(repeats) < 200:
            rows = sorted(rows, key=lambda r: (r["published"], r["article_id"]))
            repeats.append(Repeat(rows[0]["attributed_to"], rows[0]["value"], tuple(_fc(r) for r in rows[:5])))
        if len(related) < 100 and len(rows) > 1:
            related.append(Related(tuple(_fc(r) for r in rows[:2]), "region vs country"))
    reliability = pd.DataFrame([{"attributed_to": c, "claims": 100, "weight": 0.5 + i / 40, "low": 0.4, "high": 0.9}
                                for i, c in enumerate(CLAIMANTS)])
    return Comparison(tuple(flags), tuple(related), tuple(repeats), reliability)


def cpu() -> float:
    """CPU seconds of this process and its finished children (the chart workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--comparator", choices=("real", "synthetic"), default="synthetic")
    parser.add_argument("--detail", type=int, default=ReportOptions().detail, help="flags shown with quotes and a chart")
    parser.add_argument("--db", help="an existing database URL to fill (default: a temporary SQLite file)")
    args = parser.parse_args()
    comparator = compare if args.comparator == "real" else synthetic_compare
    options = ReportOptions(detail=args.detail)

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        store = Store(url)
        t = time.perf_counter()
        week = synthetic_week(args.articles)
        for k in range(0, len(week), 500):
            store.save_many(week[k:k + 500])
        n_claims = sum(len(c) for _, c, _ in week)
        print(f"filled {len(week):,} articles, {n_claims:,} claims in {time.perf_counter() - t:.1f} s (not counted)")

        from figures.period import Period
        period = Period.week(WEEK)
        timings: dict[str, tuple[float, float]] = {}
        start, start_cpu = time.perf_counter(), cpu()
        compared = [0, 0.0, 0.0]  # runs, wall, CPU: the comparator's share of gathering

        def timed_comparator(frame: pd.DataFrame, settings: Settings) -> Comparison:
            t0, c0 = time.perf_counter(), cpu()
            try:
                return comparator(frame, settings)
            finally:
                compared[:] = [compared[0] + 1, compared[1] + time.perf_counter() - t0, compared[2] + cpu() - c0]

        t, c = time.perf_counter(), cpu()
        inputs = gather(store, period, Settings(), timed_comparator)
        wall, cpu_seconds = time.perf_counter() - t, cpu() - c
        timings["read (claims, articles, mentions)"] = (wall - compared[1], cpu_seconds - compared[2])
        timings[f"compare ({compared[0]} runs: this week, the week before)"] = (compared[1], compared[2])
        t, c = time.perf_counter(), cpu()
        report = build(inputs, detail=options.detail, workers=options.workers)
        charts = sum(v.detailed for v in report.flags)
        timings[f"build ({len(report.flags)} flags, {charts} charts, {os.cpu_count()} cores)"] = (time.perf_counter() - t, cpu() - c)
        out = Path(tmp) / "out"
        out.mkdir()
        renders = {
            "md": lambda: (out / "report.md").write_text(render_markdown(report, lambda f: f"charts/{f.id}.svg")),
            "html": lambda: (out / "report.html").write_text(render_html(report)),
            "csv": lambda: ((out / "flags.csv").write_text(render_flags_csv(report)),
                            (out / "claims.csv").write_text(render_claims_csv(report))),
            "json": lambda: (out / "report.json").write_text(render_json(report)),
        }
        for name, render in renders.items():
            t, c = time.perf_counter(), cpu()
            render()
            timings[f"format {name}"] = (time.perf_counter() - t, cpu() - c)
        total, total_cpu = time.perf_counter() - start, cpu() - start_cpu
        store.close()
        sizes = {p.name: p.stat().st_size for p in out.iterdir()}

    print(f"report {WEEK}: {report.summary['articles']:,} articles, {report.summary['claims']:,} claims, "
          f"{report.summary['flags']:,} flags ({args.comparator} comparator)")
    print(f"  {'stage':<55} {'wall':>7}   {'cpu':>7}")
    for name, (seconds, cpu_seconds) in timings.items():
        print(f"  {name:<55} {seconds:7.2f} s {cpu_seconds:7.2f} s")
    print(f"  {'total':<55} {total:7.2f} s {total_cpu:7.2f} s   (target < 10 s wall: "
          f"{'met' if total < 10 else 'NOT met'}, ratio {total / 10:.2f}; load average {os.getloadavg()[0]:.1f})")
    print("  sizes: " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sorted(sizes.items())))
    return 0 if total < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
