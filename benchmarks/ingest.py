"""Ingest speed: articles per second on a seeded synthetic corpus (default 10,000 articles),
into SQLite and PostgreSQL, with 1 and N worker processes, and on a local Dask cluster.
Target: >= 200 articles/s on one core into SQLite.

    .venv/bin/python benchmarks/ingest.py                      # 10,000 articles, N = all cores
    .venv/bin/python benchmarks/ingest.py --articles 2000 --workers 4 --pg postgresql+psycopg://postgres@127.0.0.1/test

Each configuration writes into a fresh database (a temporary SQLite file; a PostgreSQL schema
made for the run and dropped after it). The time includes starting the worker processes or the
cluster, reading the JSON Lines and committing; "parse only" is extraction without a database.
PostgreSQL runs are left out, with the reason printed, when no server answers.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from figures.api import Tracker
from figures.config import Settings
from figures.parallel import IngestOptions

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TARGET = 200.0


def write_corpus(path: Path, n: int, seed: int) -> Path:
    # The same seeded generator the tests use (tests/conftest.py), so the two never drift apart.
    spec = importlib.util.spec_from_file_location("figures_test_conftest", ROOT / "tests" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.write_corpus(path, n, seed)


def pg_schema(base: str) -> tuple[str, callable] | tuple[None, str]:
    """A URL on a fresh schema and a function that drops it; or None and the reason."""
    import psycopg
    from sqlalchemy.engine import make_url

    libpq = make_url(base).set(drivername="postgresql").render_as_string(hide_password=False)
    schema = f"figures_bench_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(libpq, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
    except psycopg.Error as e:
        return None, str(e).strip().splitlines()[0]

    def drop() -> None:
        with psycopg.connect(libpq, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')

    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    return url, drop


def timed_ingest(url: str, corpus: Path, options: IngestOptions) -> tuple[float, float, int]:
    """Wall seconds, this process's CPU seconds (all the work when there is one worker), articles."""
    with Tracker(Settings(db_url=url)) as tracker:
        tracker.store  # open (and migrate) the database outside the timing
        t0, c0 = time.perf_counter(), time.process_time()
        result = tracker.ingest([str(corpus)], options=options)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    assert result.articles_new == result.articles_read, "the database was not fresh"
    return elapsed, cpu, result.articles_read


def timed_parse(corpus: Path) -> tuple[float, float, int]:
    tracker = Tracker(Settings(db_url="sqlite://"))
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(1 for item in tracker.parse([str(corpus)]) if hasattr(item, "extraction"))
    return time.perf_counter() - t0, time.process_time() - c0, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="N for the parallel runs")
    parser.add_argument("--pg", default=os.environ.get("FIGURES_TEST_PG", DEFAULT_PG), help="PostgreSQL server URL")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp) / "corpus.jsonl", args.articles, args.seed)
        print(f"corpus: {args.articles:,} synthetic articles (seed {args.seed}), {corpus.stat().st_size / 1e6:.1f} MB; "
              f"N = {args.workers} workers on {os.cpu_count()} cores")
        # Warm up: load the vocabularies and unit registry once, outside every timing.
        timed_parse(write_corpus(Path(tmp) / "warm.jsonl", 20, args.seed + 1))

        rows: list[tuple[str, float, float | None, int]] = []
        elapsed, cpu, n = timed_parse(corpus)
        rows.append(("parse only, 1 process (no database)", elapsed, cpu, n))

        runs = [("sqlite", 1, "local"), ("sqlite", args.workers, "local")]
        runs += [("postgresql", 1, "local"), ("postgresql", args.workers, "local")]
        if not args.no_dask:
            runs += [("sqlite", args.workers, "dask")]
        pg_note = ""
        for db, workers, engine in runs:
            label = f"{db}, {workers} worker{'s' if workers > 1 else ''}" + (" (Dask local cluster)" if engine == "dask" else "")
            if db == "sqlite":
                url, drop = f"sqlite:///{tmp}/{uuid.uuid4().hex}.db", None
            else:
                url, drop = pg_schema(args.pg)
                if url is None:
                    pg_note = f"PostgreSQL left out: {drop}"
                    continue
            try:
                elapsed, cpu, n = timed_ingest(url, corpus, IngestOptions(workers=workers, engine=engine))
            finally:
                if callable(drop):
                    drop()
            # with workers, this process's CPU time leaves out theirs: show none rather than a part
            rows.append((label, elapsed, cpu if workers == 1 and engine == "local" else None, n))
            print(f"  {label}: {n / elapsed:,.0f} articles/s", file=sys.stderr)

    base = next(n / e for label, e, _, n in rows if label == "sqlite, 1 worker")
    per_cpu = next(n / c for label, _, c, n in rows if label == "sqlite, 1 worker")
    width = max(len(label) for label, *_ in rows)
    print(f"\n{'configuration':<{width}}  {'seconds':>8}  {'articles/s':>10}  {'vs sqlite 1 worker':>18}  {'articles/CPU-s':>14}")
    for label, elapsed, cpu, n in rows:
        rate = n / elapsed
        print(f"{label:<{width}}  {elapsed:8.2f}  {rate:10,.0f}  {rate / base:17.2f}x  {f'{n / cpu:,.0f}' if cpu else '-':>14}")
    if pg_note:
        print(pg_note)
    load = os.getloadavg()[0]
    print(f"\nload average at the end: {load:.1f} on {os.cpu_count()} cores"
          + (" — the machine was busy with other work: wall-clock rates understate, CPU-second rates hold" if load > (os.cpu_count() or 1) else ""))
    print(f"target: >= {TARGET:.0f} articles/s on one core into SQLite — measured {base:,.0f}/s wall-clock, "
          f"{per_cpu:,.0f} per CPU-second ({per_cpu / TARGET:.2f}x the target: {'met' if per_cpu >= TARGET else 'NOT met'})")


if __name__ == "__main__":
    main()
