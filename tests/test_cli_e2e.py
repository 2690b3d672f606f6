"""End to end through the command line, as a desk (and the scorer) drives it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "euromaidan-2024-10-21-north-korea-troops.txt"


def figures(*args: str, db: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, FIGURES_DB=db)
    return subprocess.run([sys.executable, "-m", "figures", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'e2e.db'}"


def seed_claims(rows: list[dict]) -> dict[float, dict]:
    return {r["value"]: r for r in rows if r["value"] in (12000, 1500, 10000)}


def test_extract_reads_the_seed_figures_with_their_claimants(tmp_path: Path, db: str) -> None:
    run = figures("extract", str(SEED), "--format", "jsonl", db=db, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    text = SEED.read_text(encoding="utf-8")
    body = text.split("\n\n", 1)[1]
    for r in rows:  # offsets refer to the article text
        assert body[r["start"]:r["end"]] == r["span"]
    found = seed_claims(rows)
    assert set(found) == {12000, 1500, 10000}
    assert "intelligence" in found[12000]["attributed_to"].lower()
    assert "zelensky" in found[10000]["attributed_to"].lower()
    assert found[12000]["as_of"] == "2024-10-21"
    assert not db.endswith("e2e.db") or not (tmp_path / "e2e.db").exists(), "extract must not touch the database"


def test_ingest_then_claims_gives_what_extract_gives_once(tmp_path: Path, db: str) -> None:
    extracted = figures("extract", str(SAMPLES), "--format", "jsonl", db=db, cwd=tmp_path)
    for _ in range(2):  # re-ingesting stores nothing new
        run = figures("ingest", str(SAMPLES), db=db, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
    stored = figures("claims", "--format", "jsonl", db=db, cwd=tmp_path)
    key = lambda r: (r["article_id"], r["start"], r["end"], r["value"])  # noqa: E731
    assert sorted(map(key, map(json.loads, stored.stdout.splitlines()))) == \
        sorted(map(key, map(json.loads, extracted.stdout.splitlines())))


def test_conflicts_flag_the_seed_pair_and_not_the_part(tmp_path: Path, db: str) -> None:
    assert figures("ingest", str(SEED), db=db, cwd=tmp_path).returncode == 0
    run = figures("conflicts", "--format", "json", db=db, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    flags = json.loads(run.stdout)
    values = [sorted(c["value"] for c in f["claims"]) for f in flags]
    assert [10000, 12000] in values
    assert all(1500 not in v for v in values), flags
    seed_flag = flags[values.index([10000, 12000])]
    assert seed_flag["kind"] == "cross_source"
    assert {"article_id", "start", "end", "value", "low", "high", "outlet", "published"} <= set(seed_flag["claims"][0])


def test_quickstart_report_on_the_samples(tmp_path: Path, db: str) -> None:
    out = tmp_path / "reports"
    run = figures("report", str(SAMPLES), "--out", str(out), db=db, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    written = [Path(line.strip()) for line in run.stdout.splitlines() if line.strip()]
    assert written and all(p.exists() for p in written), run.stdout
    md = next(p for p in written if p.suffix == ".md").read_text(encoding="utf-8")
    assert "12,000" in md and "10,000" in md
    assert "Zelenskyy" in md and "intelligence agency" in md
    html = next(p for p in written if p.suffix == ".html").read_text(encoding="utf-8")
    assert "12,000" in html and "<script" not in html.lower()


def test_bad_json_line_is_reported_and_the_rest_goes_in(tmp_path: Path, db: str) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text('{"id": "a", "text": "Police said 300 people were arrested.", "published": "2024-05-01"}\n'
                   "{not json\n"
                   '{"id": "b", "text": "Officials said 12 people died.", "published": "2024-05-02"}\n', encoding="utf-8")
    run = figures("ingest", str(src), db=db, cwd=tmp_path)
    assert run.returncode == 1
    assert f"{src}:2" in run.stderr
    stored = figures("claims", "--format", "jsonl", db=db, cwd=tmp_path)
    assert {json.loads(line)["article_id"] for line in stored.stdout.splitlines()} == {"a", "b"}


def test_usage_error_exits_2(tmp_path: Path, db: str) -> None:
    assert figures("conflicts", "--format", "yaml", db=db, cwd=tmp_path).returncode == 2
    assert figures("no-such-command", db=db, cwd=tmp_path).returncode == 2


def test_extraction_is_the_same_under_every_hash_seed(tmp_path: Path):
    # Python salts str hashes per process: a tie broken by iterating a set of names changed which
    # fire an article's counts were about from one run to the next (two names before one event noun)
    article = {"id": "d1", "outlet": "Example Wire", "published": "2025-01-10",
               "title": "Ridgeview and Pinecrest fires rage on",
               "text": "The Ridgeview and Pinecrest fires kept burning on Thursday. Officials said 40 homes "
                       "were destroyed and 12 people were missing."}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    outputs = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        env = dict(os.environ, FIGURES_DB=f"sqlite:///{tmp_path / 'x.db'}", PYTHONHASHSEED=seed)
        run = subprocess.run([sys.executable, "-m", "figures", "extract", str(path), "--format", "jsonl"], cwd=ROOT,
                             env=env, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        outputs.add(run.stdout)
    assert len(outputs) == 1


def test_samples_extract_and_compare_the_same_under_two_hash_seeds(tmp_path: Path):
    outputs = set()
    for seed in ("11", "12"):
        env = dict(os.environ, FIGURES_DB=f"sqlite:///{tmp_path / f'{seed}.db'}", PYTHONHASHSEED=seed)
        run = lambda *args: subprocess.run([sys.executable, "-m", "figures", *args], cwd=ROOT, env=env,  # noqa: E731
                                           capture_output=True, text=True, timeout=300)
        extracted = run("extract", str(SAMPLES), "--format", "jsonl")
        assert run("ingest", str(SAMPLES)).returncode == 0
        flags = run("conflicts", "--format", "json")
        outputs.add((extracted.stdout, flags.stdout))
    assert len(outputs) == 1
