"""Several ingest processes on one database at once: every article and claim once, none lost,
no "database is locked" — on SQLite and on PostgreSQL, with real processes."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
from sqlalchemy import create_engine

from figures import migrations
from figures.store import Store


def start(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(procs: list[subprocess.Popen]) -> list[str]:
    errs = []
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        assert "locked" not in err and "deadlock" not in err, err
        errs.append(err)
    return errs


def new_count(stderr: str) -> int:
    # the summary line: "N articles read, M new, K claims stored, R rejected"
    summary = stderr.strip().splitlines()[-1]
    return int(summary.split(", ")[1].split()[0])


def test_processes_opening_a_fresh_database_migrate_it_once(store_url: str, tmp_path: Path) -> None:
    code = f"from figures.store import Store; Store({store_url!r}).close()"
    finish([start("-c", code, cwd=tmp_path) for _ in range(4)])
    engine = create_engine(store_url)
    with engine.connect() as conn:
        assert migrations.current(conn) == migrations.HEAD
        assert conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar() == 1
    engine.dispose()


def test_concurrent_ingests_store_each_article_once(store_url: str, tmp_path: Path, make_corpus) -> None:
    # Three overlapping slices of one corpus: 0-299, 150-449 and 0-449 (every article in two or three).
    slices = [make_corpus(300, seed=7, first=0), make_corpus(300, seed=7, first=150), make_corpus(450, seed=7, first=0)]
    everything = slices[2]
    procs = [start("-m", "figures", "ingest", str(src), "--db", store_url, *extra, cwd=tmp_path)
             for src, extra in zip(slices, ([], ["--workers", "2"], []))]
    errs = finish(procs)
    assert sum(new_count(e) for e in errs) == 450  # each article was new to exactly one process

    reference = f"sqlite:///{tmp_path / 'serial.db'}"
    serial = start("-m", "figures", "ingest", str(everything), "--db", reference, cwd=tmp_path)
    finish([serial])
    with Store(store_url) as shared, Store(reference) as alone:
        assert len(shared.articles_frame()) == 450
        got = shared.claims_frame().sort_values("claim_id").reset_index(drop=True)
        want = alone.claims_frame().sort_values("claim_id").reset_index(drop=True)
        assert len(got) > 450
        pd.testing.assert_frame_equal(got, want)
        assert got["claim_id"].is_unique
        pd.testing.assert_frame_equal(shared.mentions_frame().sort_values("id").reset_index(drop=True),
                                      alone.mentions_frame().sort_values("id").reset_index(drop=True))
