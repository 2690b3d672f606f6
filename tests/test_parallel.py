"""Parallel and distributed ingest store exactly what a serial ingest stores."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from figures.api import Tracker
from figures.config import Settings
from figures.errors import ConfigError
from figures.parallel import IngestOptions
from figures.records import IngestResult

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def stored(url: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Everything an ingest stored, in a canonical order."""
    with Tracker(Settings(db_url=url)) as tracker:
        store = tracker.store
        return (store.articles_frame().sort_values("article_id").reset_index(drop=True),
                store.claims_frame().sort_values("claim_id").reset_index(drop=True),
                store.mentions_frame().sort_values("id").reset_index(drop=True))


def ingest(url: str, sources: list[str], options: IngestOptions = IngestOptions()):
    with Tracker(Settings(db_url=url)) as tracker:
        return tracker.ingest(sources, options=options)


@pytest.fixture
def corpus(make_corpus) -> list[str]:
    # the samples exercise real extraction; the synthetic part gives several chunks per worker
    return [str(SAMPLES), str(make_corpus(150, seed=3))]


@pytest.fixture
def serial(tmp_path: Path, corpus: list[str]):
    """A serial ingest in a fresh process: worker processes compare against the code on disk."""
    url = f"sqlite:///{tmp_path / 'serial.db'}"
    run = subprocess.run([sys.executable, "-c", f"from figures.api import Tracker; from figures.config import Settings; "
                          f"r = Tracker(Settings(db_url={url!r})).ingest({corpus!r}); "
                          f"print(r.articles_read, r.articles_new, r.claims_new)"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    read, new, claims = map(int, run.stdout.split())
    assert new == read > 150 and claims > 0
    return IngestResult(read, new, claims), stored(url)


@pytest.fixture
def serial_here(tmp_path: Path, corpus: list[str]):
    """A serial ingest in this process: threads of an in-process Dask cluster run this code."""
    url = f"sqlite:///{tmp_path / 'serial-here.db'}"
    return ingest(url, corpus), stored(url)


def assert_same(url: str, serial) -> None:
    for got, want in zip(stored(url), serial[1]):
        pd.testing.assert_frame_equal(got, want)


def test_process_pool_stores_what_serial_ingest_stores(store_url: str, corpus: list[str], serial) -> None:
    result = ingest(store_url, corpus, IngestOptions(workers=2, batch_size=7, chunk_size=5))
    assert result == serial[0]
    assert_same(store_url, serial)
    again = ingest(store_url, corpus, IngestOptions(workers=2))  # idempotent in parallel too
    assert (again.articles_read, again.articles_new, again.claims_new) == (result.articles_read, 0, 0)


def test_dask_on_a_local_cluster_stores_what_serial_ingest_stores(store_url: str, corpus: list[str], serial_here) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        result = ingest(store_url, corpus, IngestOptions(engine="dask", scheduler=cluster.scheduler_address, chunk_size=8))
    assert result == serial_here[0]
    assert_same(store_url, serial_here)


def test_cli_ingest_on_a_dask_scheduler(tmp_path: Path, corpus: list[str], serial_here) -> None:
    from distributed import LocalCluster

    url = f"sqlite:///{tmp_path / 'dask.db'}"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                      dashboard_address=None) as cluster:
        run = subprocess.run([sys.executable, "-m", "figures", "ingest", *corpus, "--db", url, "--engine", "dask",
                              "--scheduler", cluster.scheduler_address], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stderr
    assert f"{serial_here[0].articles_read} articles read, {serial_here[0].articles_new} new" in run.stderr
    assert_same(url, serial_here)  # the cluster's threads run in this process


def test_cli_workers_quiet_without_a_terminal(tmp_path: Path, corpus: list[str], serial) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    run = subprocess.run([sys.executable, "-m", "figures", "ingest", *corpus, "--db", url, "--workers", "2"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stderr
    # no progress bar, no logging: only the summary line
    assert run.stderr.splitlines() == [f"{serial[0].articles_read} articles read, {serial[0].articles_new} new, "
                                       f"{serial[0].claims_new} claims stored, 0 rejected"]
    assert_same(url, serial)


def test_cli_shows_progress_on_a_terminal(tmp_path: Path, make_corpus) -> None:
    import pty

    src = make_corpus(40)
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "figures", "ingest", str(src), "--db", f"sqlite:///{tmp_path / 't.db'}"],
                            stdout=subprocess.DEVNULL, stderr=follower, cwd=tmp_path,
                            env=dict(os.environ, TERM="xterm", COLUMNS="100"))
    os.close(follower)
    seen = b""
    while True:  # read as it writes, so a full terminal buffer never blocks it
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done with it
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert proc.wait(timeout=120) == 0
    text = seen.decode("utf-8", "replace")
    assert "ingesting" in text and "40 articles read, 40 new" in text


@pytest.mark.parametrize("kwargs", [
    {"engine": "spark"},
    {"workers": -1},
    {"batch_size": 0},
    {"chunk_size": 0},
    {"scheduler": "tcp://127.0.0.1:8786"},  # a scheduler without --engine dask is a mistake
])
def test_bad_options_are_config_errors(kwargs: dict) -> None:
    with pytest.raises(ConfigError):
        IngestOptions(**kwargs)


def test_unreachable_scheduler_says_so(tmp_path: Path, make_corpus) -> None:
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(ConfigError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1"):
            ingest(f"sqlite:///{tmp_path / 'x.db'}", [str(make_corpus(3))],
                   IngestOptions(engine="dask", scheduler="tcp://127.0.0.1:1"))
