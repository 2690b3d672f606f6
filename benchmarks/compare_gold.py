"""The comparator against a gold corpus, without the extractor: gold claims become a claims
DataFrame shaped like Store.claims_frame, and the flags are scored on pairs the way
../shared/eval/score.py scores them (two claims belong together when one expected gold group
holds both; a flag puts together every pair of its claims).

    .venv/bin/python benchmarks/compare_gold.py ../shared/corpus/dev [--mode extractor|annotated] [-v]

--mode extractor (default) gives the comparator only what the extractor can: the measure is
reduced to its predicate word from the small vocabulary, and modality is read from the
annotator's measure note ("(decided)", "projected"); the annotator's free-text measure is
not passed on. --mode annotated passes the annotator's measure text as is (an upper bound). --mode real runs
the project's extractor on the articles and maps its claims to gold claims with score.py's
matcher (so the figures equal score.py's conflict figures, without the database round trip).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import pandas as pd

from figures.compare import compare
from figures.config import Settings
from figures.quantity import predicate
from figures.store import CLAIM_COLUMNS

MODALITY_WORDS = [("intended", "intended"), ("intention", "intended"), ("decided", "decided"),
                  ("projected", "projected"), ("planned", "projected"), ("scenario", "projected"),
                  ("expected", "projected"), ("rumour", "hypothetical"), ("denied", "denied")]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def partial_date(s):
    if not s:
        return None, "day"
    s = str(s)
    if re.fullmatch(r"\d{4}", s):
        return pd.Timestamp(f"{s}-01-01").date(), "year"
    if re.fullmatch(r"\d{4}-\d{2}", s):
        return pd.Timestamp(f"{s}-01").date(), "month"
    return pd.Timestamp(s[:10]).date(), "day"


def gold_frame(folder: Path, mode: str) -> pd.DataFrame:
    articles = {a["id"]: a for a in read_jsonl(folder / "articles.jsonl")}
    rows = []
    for c in read_jsonl(folder / "claims.jsonl"):
        if c.get("value") is None:
            continue
        a = articles[c["article_id"]]
        text = a["text"]
        sent_at = text.find(c.get("sentence", "")) if c.get("sentence") else -1
        inner = c["sentence"].find(c.get("span", "")) if sent_at >= 0 else -1
        start = sent_at + max(inner, 0) if sent_at >= 0 else 0
        as_of, prec = partial_date(c.get("as_of"))
        measure_text = c.get("measure") or ""
        modality = next((m for w, m in MODALITY_WORDS if w in measure_text.lower()), "actual")
        measure = measure_text if mode == "annotated" else predicate(measure_text)
        q = c.get("qualifier") or "exact"
        rows.append({
            "claim_id": c["claim_id"], "article_id": c["article_id"], "start": start, "end": start + len(c.get("span", "")),
            "span": c.get("span", ""), "sentence": c.get("sentence", ""), "value": c["value"],
            "low": c.get("low", c["value"] if q == "exact" else None), "high": c.get("high", c["value"] if q == "exact" else None),
            "qualifier": q, "unit": c.get("unit"), "entity": c.get("entity"), "subject": c.get("subject"),
            "attributed_to": c.get("attributed_to"), "claimant_chain": "", "as_of": as_of, "as_of_precision": prec,
            "measure": measure, "modality": modality, "is_change": False, "location": None,
            "pragmatic_low": None, "pragmatic_high": None, "outlet": a.get("outlet"),
            "published": partial_date(a.get("published"))[0], "url": a.get("url"), "title": a.get("title"),
        })
    return pd.DataFrame.from_records(rows, columns=CLAIM_COLUMNS)


def real_frame(folder: Path, score_py: Path) -> pd.DataFrame:
    """Claims from the real extractor, with claim_id replaced by the gold claim id they match
    (score.py's matcher), or "pred-N" when they match none."""
    import importlib.util

    from figures.api import Tracker, claim_dict
    from figures.records import Rejection

    spec = importlib.util.spec_from_file_location("score", score_py)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    gold = score.Gold(folder)
    rows, articles = [], {}
    for item in Tracker(Settings(db_url="sqlite://")).parse([str(folder / "articles.jsonl")]):
        if isinstance(item, Rejection):
            continue
        articles[item.article.id] = item.article
        for c in item.extraction.claims:
            d = claim_dict(c)
            d.update(outlet=item.article.outlet, published=item.article.published, url=item.article.url,
                     title=item.article.title)
            rows.append(d)
    m = gold.match(rows)
    for i, d in enumerate(rows):
        d["claim_id"] = gold.claims[m[i]]["claim_id"] if i in m else f"pred-{i}"
    return pd.DataFrame.from_records(rows).reindex(columns=CLAIM_COLUMNS)


def pairs_of(ids) -> set[tuple[str, str]]:
    s = sorted(set(ids))
    return {(a, b) for i, a in enumerate(s) for b in s[i + 1:]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--mode", choices=["extractor", "annotated", "real"], default="extractor")
    ap.add_argument("--score-py", type=Path, default=Path("../shared/eval/score.py"), help="for --mode real")
    ap.add_argument("-v", "--verbose", action="store_true", help="list false and missed pairs by group")
    args = ap.parse_args()
    frame = real_frame(args.gold, args.score_py) if args.mode == "real" else gold_frame(args.gold, args.mode)
    result = compare(frame, Settings())
    conflicts = read_jsonl(args.gold / "conflicts.jsonl")
    gold_pairs = set().union(*(pairs_of(c["claim_id"] for c in g["claims"]) for g in conflicts if g.get("expected_flag", True)))
    neg_pairs = set().union(*(pairs_of(c["claim_id"] for c in g["claims"]) for g in conflicts if not g.get("expected_flag", True)))
    flag_pairs = set().union(*(pairs_of(c.claim_id for c in f.claims) for f in result.flags)) if result.flags else set()
    tp = len(flag_pairs & gold_pairs)
    p = tp / len(flag_pairs) if flag_pairs else 0.0
    r = tp / len(gold_pairs) if gold_pairs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"mode {args.mode}: claims {len(frame)}  flags {len(result.flags)}  related {len(result.related)}  "
          f"repeats {len(result.repeats)}  reliability rows {len(result.reliability)}")
    print(f"pairs: gold {len(gold_pairs)}  flagged {len(flag_pairs)}  true {tp}  "
          f"hard-negative pairs flagged {len((flag_pairs & neg_pairs) - gold_pairs)}")
    print(f"conflict pairs  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
    if args.verbose:
        byid = frame.set_index("claim_id")
        for f in result.flags:
            fp = pairs_of(c.claim_id for c in f.claims) - gold_pairs
            if fp:
                print(f"\nFLAG {f.kind} {len(f.claims)} claims, {len(fp)} false pairs: "
                      + ", ".join(f"{c.claim_id}={c.span}" for c in f.claims))
                print("   ", f.explanation[:300])
        missed = gold_pairs - flag_pairs
        print(f"\nmissed pairs: {len(missed)}")
        for g in conflicts:
            if not g.get("expected_flag", True):
                continue
            gp = pairs_of(c["claim_id"] for c in g["claims"])
            m = gp & missed
            if m:
                print(f"  {g['kind']} {g['subject']} / {g['measure']}: missed {len(m)}/{len(gp)}: "
                      + ", ".join(sorted({x for pr in m for x in pr})))
        print(result.reliability.to_string())
    sys.exit(0)


if __name__ == "__main__":
    main()
