"""Speed of figures.numbers.find_figures on news sentences (target: the whole extraction at
>= 1,500 sentences/s on one core; this measures the number reader alone).

    python benchmarks/bench_numbers.py [articles.jsonl]

Without an argument it reads the bundled samples/ (any *.jsonl there) or a built-in paragraph.
"""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from figures.numbers import find_figures

FALLBACK = ("The toll, which currently stands at more than 3,000 people, has increased rapidly. "
            "The Home Office will pay £370m, with a further £120m once 300 people have been relocated. "
            "About 12 hours later, a magnitude 7.5 quake struck 95km away on Feb. 6 at 4:17 a.m. "
            "Between 1,100 and 1,300 people remain missing, down from over 2,000 in 2023. "
            "Hundreds of homes, some 8,000 in all, were destroyed; two-thirds of them in Lahaina.")


def sentences(paths: list[Path]) -> list[str]:
    texts = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("{"):
                texts.append(json.loads(line).get("text", ""))
    texts = texts or [FALLBACK] * 20
    return [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]


def main() -> None:
    paths = [Path(a) for a in sys.argv[1:]] or sorted(Path("samples").glob("**/*.jsonl"))
    sents = sentences(paths)
    find_figures("warm up: 12,000 and £140m")
    # CPU time of this process, so that other work on a shared machine does not count
    rounds, t0, w0 = 0, time.process_time(), time.perf_counter()
    while time.process_time() - t0 < 2.0:
        for s in sents:
            find_figures(s)
        rounds += 1
    cpu, wall = time.process_time() - t0, time.perf_counter() - w0
    rate = rounds * len(sents) / cpu
    print(f"{len(sents)} sentences x {rounds} rounds: {rate:,.0f} sentences/s of CPU, "
          f"{cpu / (rounds * len(sents)) * 1e6:.0f} us each ({rate / 1500:.1f}x the 1,500/s budget for the whole "
          f"extraction); wall clock {rounds * len(sents) / wall:,.0f}/s")


if __name__ == "__main__":
    main()
