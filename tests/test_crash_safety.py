"""An ingest killed part-way (SIGKILL: no cleanup, no atexit) leaves whole articles or nothing,
and running it again stores every article exactly once with all its claims."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ARTICLES = 3000
KEY = ("article_id", "start", "end", "span", "value", "low", "high", "qualifier", "unit")


def figures(*args: str, db: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "figures", *args, "--db", db], cwd=cwd, capture_output=True,
                          text=True, timeout=600)


def claim_keys(stdout: str) -> list[tuple]:
    return sorted(tuple(json.loads(line)[k] for k in KEY) for line in stdout.splitlines())


def stored_articles(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # no file or no table yet
        return 0


def test_an_ingest_killed_part_way_and_rerun_stores_everything_once(tmp_path: Path, make_corpus) -> None:
    corpus = make_corpus(ARTICLES, seed=7)
    db_file = tmp_path / "crash.db"
    db = f"sqlite:///{db_file}"
    extracted = figures("extract", str(corpus), "--format", "jsonl", db=db, cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr
    expected = claim_keys(extracted.stdout)
    assert len({k[0] for k in expected}) > ARTICLES * 0.9  # nearly every article has claims to lose

    proc = subprocess.Popen([sys.executable, "-m", "figures", "ingest", str(corpus), "--db", db], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while stored_articles(db_file) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)  # let it get well into the file
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the ingest finished before it could be killed; raise ARTICLES"

    # Right after the kill: every stored article has every one of its claims, and no claim is orphaned.
    partial = figures("claims", "--format", "jsonl", db=db, cwd=tmp_path)
    assert partial.returncode == 0, partial.stderr
    stored_now = stored_articles(db_file)
    assert 0 < stored_now < ARTICLES, stored_now
    got = claim_keys(partial.stdout)
    with sqlite3.connect(db_file) as conn:
        ids = {row[0] for row in conn.execute("SELECT id FROM articles")}
        orphans = conn.execute("SELECT count(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
    assert orphans == 0
    assert got == [k for k in expected if k[0] in ids]

    rerun = figures("ingest", str(corpus), db=db, cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{ARTICLES} articles read, {ARTICLES - stored_now} new" in rerun.stderr
    final = figures("claims", "--format", "jsonl", db=db, cwd=tmp_path)
    assert claim_keys(final.stdout) == expected  # each claim exactly once
    with sqlite3.connect(db_file) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (ARTICLES, ARTICLES)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
