"""Ingest at scale: claim extraction (CPU-bound) spread over a process pool or a Dask cluster,
results written from the calling process in batches of whole articles.

Reading stays in the calling process (it is I/O, and it yields the rejections); workers only
turn Articles into Extractions, so what they return is exactly what a serial ingest computes,
in the same order. Writes go through ``Store.save_many``: each article is stored with all of
its claims or not at all, several articles per transaction.
"""
from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from figures.claims import Extraction, extract_claims, extract_or_reject
from figures.errors import ConfigError, FiguresError
from figures.records import Article, IngestResult, Rejection
from figures.store import Store

log = logging.getLogger(__name__)

ENGINES = ("local", "dask")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How an ingest spreads its work. The defaults are a plain serial ingest."""

    workers: int = 1  # processes parsing articles; 0 = one per CPU core
    engine: str = "local"  # "local": a process pool on this machine; "dask": a Dask cluster
    scheduler: str | None = None  # Dask scheduler address; None = a local cluster of `workers`
    batch_size: int = 64  # articles written per transaction
    chunk_size: int = 16  # articles sent to a worker per task

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ConfigError(f"unknown ingest engine {self.engine!r} — use one of {', '.join(ENGINES)}")
        if self.workers < 0 or self.batch_size < 1 or self.chunk_size < 1:
            raise ConfigError("workers must be 0 (all cores) or more, batch and chunk sizes 1 or more")
        if self.scheduler and self.engine != "dask":
            raise ConfigError("a scheduler address needs --engine dask")

    @property
    def processes(self) -> int:
        return self.workers or os.cpu_count() or 1


OnSaved = Callable[[Article, Extraction, bool], None]


def ingest_articles(store: Store, articles: Iterable[Article], options: IngestOptions = IngestOptions(),
                    on_saved: OnSaved | None = None) -> IngestResult:
    """Extract claims from every article (in parallel as the options say) and store them.

    ``on_saved(article, extraction, new)`` is called once per article after its batch commits.
    """
    read = new = claims = 0
    rejections: list[Rejection] = []
    pairs = extract_all(articles, options)
    while batch := list(islice(pairs, options.batch_size)):
        rejections.extend(e for _, e in batch if isinstance(e, Rejection))
        batch = [(a, e) for a, e in batch if not isinstance(e, Rejection)]
        flags = store.save_many([(a, e.claims, e.mentions) for a, e in batch])
        for (article, extraction), is_new in zip(batch, flags):
            read += 1
            if is_new:
                new += 1
                claims += len(extraction.claims)
            if on_saved:
                on_saved(article, extraction, is_new)
        log.debug("stored a batch of %d articles (%d read so far)", len(batch), read)
    return IngestResult(read, new, claims, tuple(rejections))


def extract_all(articles: Iterable[Article], options: IngestOptions = IngestOptions()) -> Iterator[tuple[Article, Extraction | Rejection]]:
    """(article, extraction) for every article, in input order, computed where the options say;
    an article the extractor fails on comes with a Rejection instead."""
    if options.engine == "dask":
        return _dask(articles, options)
    if options.processes <= 1:
        return ((a, extract_or_reject(a)) for a in articles)
    return _process_pool(articles, options)


def extract_chunk(articles: list[Article]) -> list[Extraction | Rejection]:
    """The unit of work a worker runs: one Extraction (or Rejection) per Article."""
    return [extract_or_reject(a) for a in articles]


def warm_up() -> None:
    """Load the extractor's vocabularies and unit registry as a worker starts, not on its first task."""
    extract_claims(Article(id="warm-up", text="About 12,000 troops and $3.5 billion were sent on Monday, officials said."))


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def _in_order(submit: Callable[[list[Article]], object], result: Callable[[object], list[Extraction]],
              articles: Iterable[Article], chunk_size: int, workers: int) -> Iterator[tuple[Article, Extraction]]:
    """Keep a few chunks per worker in flight; yield their results in submission order."""
    in_flight: deque[tuple[list[Article], object]] = deque()
    limit = 4 * max(workers, 1)
    for chunk in _chunks(articles, chunk_size):
        in_flight.append((chunk, submit(chunk)))
        if len(in_flight) >= limit:
            done, future = in_flight.popleft()
            yield from zip(done, result(future))
    while in_flight:
        done, future = in_flight.popleft()
        yield from zip(done, result(future))


def _process_pool(articles: Iterable[Article], options: IngestOptions) -> Iterator[tuple[Article, Extraction]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Workers never hold a copy of this process's database connections: they fork from a clean
    # server process that has imported the extractor once ("forkserver"), or start afresh.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["figures.claims"])
    else:
        context = multiprocessing.get_context("spawn")
    log.info("parsing with %d worker processes", options.processes)
    with ProcessPoolExecutor(max_workers=options.processes, mp_context=context, initializer=warm_up) as pool:
        try:
            yield from _in_order(lambda chunk: pool.submit(extract_chunk, chunk), lambda f: f.result(), articles,
                                 options.chunk_size, options.processes)
        except BrokenProcessPool as e:
            raise FiguresError(f"a parsing worker process died ({e}) — the articles stored so far are kept; "
                               "run the ingest again, with --workers 1 to see the error if it recurs") from None


def _dask(articles: Iterable[Article], options: IngestOptions) -> Iterator[tuple[Article, Extraction]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--engine dask needs Dask: pip install 'figures[dask]'") from None
    cluster = None
    if options.scheduler:
        log.info("parsing on the Dask cluster at %s", options.scheduler)
        try:
            client = Client(options.scheduler)  # waits distributed.comm.timeouts.connect
        except OSError as e:
            raise ConfigError(f"cannot reach the Dask scheduler at {options.scheduler}: {e} — check the address and that the scheduler is running") from None
    else:
        log.info("parsing on a local Dask cluster of %d workers", options.processes)
        cluster = LocalCluster(n_workers=options.processes, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
    try:
        # pure=False: equal chunks are still separate tasks (ids make them equal only on purpose).
        workers = sum(client.nthreads().values()) or options.processes
        yield from _in_order(lambda chunk: client.submit(extract_chunk, chunk, pure=False), lambda f: f.result(),
                             articles, options.chunk_size, workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
